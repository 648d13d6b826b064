;;; thunk-tests.el --- tests for thunk.el  -*- lexical-binding: t -*-

(require 'ert)
(require 'thunk)

(ert-deftest thunk-tests-delay-force ()
  (let* ((runs 0)
         (thunk (thunk-delay (setq runs (1+ runs)) (list 'value runs))))
    (should (= runs 0))
    (should-not (thunk-evaluated-p thunk))
    (should (equal (thunk-force thunk) '(value 1)))
    (should (thunk-evaluated-p thunk))
    ;; The body ran once; the same value comes back.
    (should (eq (thunk-force thunk) (thunk-force thunk)))
    (should (= runs 1)))
  (should (null (thunk-force (thunk-delay))))
  (should (equal (should-error (thunk-force 5)) '(invalid-function 5))))

(ert-deftest thunk-tests-non-local-exit ()
  ;; A body that signals is not marked evaluated and runs again.
  (let* ((tries 0)
         (thunk (thunk-delay (setq tries (1+ tries))
                             (when (< tries 2) (error "Not yet"))
                             'done)))
    (should (equal (should-error (thunk-force thunk)) '(error "Not yet")))
    (should-not (thunk-evaluated-p thunk))
    (should (eq (thunk-force thunk) 'done))
    (should (thunk-evaluated-p thunk))
    (should (= tries 2))))

(ert-deftest thunk-tests-closure ()
  ;; The body sees the variables in scope where the thunk was made.
  (let ((thunks (mapcar (lambda (n) (thunk-delay (* n n))) '(1 2 3))))
    (should (equal (mapcar #'thunk-force thunks) '(1 4 9)))))

(ert-deftest thunk-tests-let ()
  (let ((runs 0))
    (thunk-let ((x (progn (setq runs (1+ runs)) 10))
                (unused (error "Never evaluated")))
      (should (= runs 0))
      (should (= (+ x x) 20))
      (should (= runs 1))))
  ;; Parallel: a FORM does not see the other variables.
  (let ((x 'outer))
    (should (eq (thunk-let ((x 'inner) (y x)) y) 'outer)))
  (should (= (thunk-let () 4) 4))
  (should (null (thunk-let ((x 1)))))
  ;; Inner bindings of the same name hide the lazy variable.
  (should (= (thunk-let ((x 1)) (let ((x 2)) x)) 2))
  (should (= (thunk-let ((x 1)) (let* ((y x) (x 3)) (+ x y))) 4))
  (should (= (thunk-let ((x 1)) (funcall (lambda (x) x) 7)) 7))
  (should (eq (thunk-let ((x 1)) 'x) 'x))
  ;; Closures over the variable force it when they use it.
  (let* ((runs 0)
         (f (thunk-let ((x (setq runs (1+ runs))))
              (lambda () (list x x)))))
    (should (= runs 0))
    (should (equal (funcall f) '(1 1)))
    (should (equal (funcall f) '(1 1))))
  (should (equal (thunk-let ((x 1) (y 2)) (cond ((> x y) 'more) (x (list x y))))
                 '(1 2))))

(ert-deftest thunk-tests-let* ()
  (let ((runs nil))
    (thunk-let* ((x (progn (push 'x runs) 1))
                 (y (progn (push 'y runs) (+ x 1)))
                 (z (progn (push 'z runs) (* y 10))))
      (should (null runs))
      (should (= z 20))
      (should (equal runs '(x y z)))))
  (should (= (thunk-let* () 5) 5)))

(ert-deftest thunk-tests-bad-bindings ()
  (dolist (bindings '(((x)) (x) ((x 1 2)) ((1 2))))
    (should (equal (should-error (macroexpand `(thunk-let ,bindings x)))
                   (list 'error "Bad binding in thunk-let" (car bindings))))))

(ert-deftest thunk-tests-set ()
  ;; The variables cannot be set.
  (should-error (eval '(thunk-let ((x 1)) (setq x 2) x) t)))

;;; thunk-tests.el ends here
