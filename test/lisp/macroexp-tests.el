;;; macroexp-tests.el --- tests for macroexpand-all and helpers  -*- lexical-binding: t -*-

(require 'ert)
(require 'macroexp)

(defmacro macroexp-tests--inc (x) `(1+ ,x))

(ert-deftest macroexp-tests-expand-all ()
  (should (equal (macroexpand-all '(when a (unless b c)))
                 '(if a (progn (if b nil c)))))
  (should (equal (macroexpand-all '(list (macroexp-tests--inc 1) '(macroexp-tests--inc 2)))
                 '(list (1+ 1) '(macroexp-tests--inc 2)))))

(ert-deftest macroexp-tests-expand-all-binding-forms ()
  (should (equal (macroexpand-all '(let ((macroexp-tests--inc (macroexp-tests--inc 1)))
                                     (macroexp-tests--inc macroexp-tests--inc)))
                 '(let ((macroexp-tests--inc (1+ 1))) (1+ macroexp-tests--inc))))
  (should (equal (macroexpand-all '(cond ((macroexp-tests--inc 1) (macroexp-tests--inc 2))))
                 '(cond ((1+ 1) (1+ 2)))))
  (should (equal (macroexpand-all '(condition-case e (macroexp-tests--inc 1)
                                     (error (macroexp-tests--inc 2))))
                 '(condition-case e (1+ 1) (error (1+ 2))))))

(ert-deftest macroexp-tests-expand-all-lambda ()
  (should (equal (macroexpand-all '(function (lambda (x) (macroexp-tests--inc x))))
                 '(function (lambda (x) (1+ x))))))

(ert-deftest macroexp-tests-environment ()
  (should (equal (macroexpand-all '(foo 1) '((foo . (lambda (x) (list 'bar x)))))
                 '(bar 1))))

(ert-deftest macroexp-tests-progn ()
  (should (equal (macroexp-progn '(a)) 'a))
  (should (equal (macroexp-progn '(a b)) '(progn a b)))
  (should (equal (macroexp-unprogn '(progn a b)) '(a b)))
  (should (equal (macroexp-unprogn 'a) '(a))))

(ert-deftest macroexp-tests-const-and-copyable ()
  (should (macroexp-const-p 1))
  (should (macroexp-const-p ''x))
  (should (macroexp-const-p :k))
  (should-not (macroexp-const-p 'x))
  (should-not (macroexp-const-p '(f)))
  (should (macroexp-copyable-p 'x))
  (should-not (macroexp-copyable-p '(f x))))

(ert-deftest macroexp-tests-let2 ()
  (should (equal (macroexp-let2 nil v 1 (list 'f v v)) '(f 1 1)))
  (should (equal (macroexp-let2 macroexp-copyable-p v 'x (list 'f v v)) '(f x x)))
  (let ((code (macroexp-let2 nil v '(macroexp-tests--g) (list 'list v v))))
    (should (eq (car code) 'let*))
    (should (equal (cadr (car (cadr code))) '(macroexp-tests--g)))
    (defvar macroexp-tests--calls)
    (let ((macroexp-tests--calls 0))
      (defalias 'macroexp-tests--g (lambda () (setq macroexp-tests--calls (1+ macroexp-tests--calls))))
      (should (equal (eval code t) '(1 1)))
      (should (= macroexp-tests--calls 1)))))

(ert-deftest macroexp-tests-parse-body ()
  (should (equal (macroexp-parse-body '("doc" (declare (indent 1)) (interactive) a b))
                 '(("doc" (declare (indent 1)) (interactive)) a b)))
  (should (equal (macroexp-parse-body '("only")) '(nil "only"))))

;;; macroexp-tests.el ends here

(ert-deftest macroexp-tests-internal-macroexpand-for-load ()
  (should (equal (internal-macroexpand-for-load '(when a b) t) '(if a (progn b))))
  ;; A form that cannot be expanded comes back as it is.
  (should (equal (internal-macroexpand-for-load '(macroexp-tests--broken) t)
                 '(macroexp-tests--broken))))

(defmacro macroexp-tests--broken ()
  (error "This macro cannot be expanded"))

(ert-deftest macroexp-tests-expand-all-shapes ()
  ;; A dotted list of forms keeps its tail; bindings without a value, a handler without
  ;; a body and quoted data are left as they are; a fresh list comes back.
  (should (equal (macroexpand-all '(foo (macroexp-tests--inc a) . tail))
                 '(foo (1+ a) . tail)))
  (should (equal (macroexpand-all '(let* (a (b) (c (macroexp-tests--inc 1))) c))
                 '(let* (a (b) (c (1+ 1))) c)))
  (should (equal (macroexpand-all '(condition-case nil (macroexp-tests--inc 1) (quit)))
                 '(condition-case nil (1+ 1) (quit))))
  (should (equal (macroexpand-all '(defconst c (macroexp-tests--inc 1) "doc"))
                 '(defconst c (1+ 1) "doc")))
  (let ((form (list 'progn '(macroexp-tests--inc 1))))
    (should-not (eq (macroexpand-all form) form))))

(ert-deftest macroexp-tests-expand-all-long-call ()
  ;; A call with thousands of arguments expands like a short one.
  (let ((expanded (macroexpand-all (cons 'list (append (number-sequence 1 5000)
                                                      '((macroexp-tests--inc 1)))))))
    (should (= (length expanded) 5002))
    (should (equal (car (last expanded)) '(1+ 1)))))

(ert-deftest macroexp-tests-environment-is-bound ()
  ;; A macro expanded by the walk sees the environment in macroexpand-all-environment.
  (should (equal (macroexpand-all '(probe) '((probe . (lambda () (list 'quote (length macroexpand-all-environment))))))
                 ''1)))

(defmacro macroexp-tests--loc (y) `(- ,y))

(ert-deftest macroexp-tests-expand-all-definitions ()
  ;; Bodies of definitions come back expanded, with a docstring, in a macro,
  ;; in a local macro environment and nested.
  (should (equal (macroexpand-all '(defun macroexp-tests--f (x) "doc" (when x (macroexp-tests--inc x))))
                 '(defalias 'macroexp-tests--f #'(lambda (x) "doc" (if x (progn (1+ x)))))))
  (should (equal (macroexpand-all '(defun macroexp-tests--f (x) (when x (macroexp-tests--inc x))))
                 '(defalias 'macroexp-tests--f #'(lambda (x) (if x (progn (1+ x)))))))
  (should (equal (macroexpand-all '(defmacro macroexp-tests--m (x) (when x (macroexp-tests--inc x))))
                 '(defalias 'macroexp-tests--m (cons 'macro #'(lambda (x) (if x (progn (1+ x))))))))
  (should (equal (macroexpand-all '(defun macroexp-tests--f (x) (macroexp-tests--loc x))
                                  '((macroexp-tests--loc . (lambda (y) (list '+ y)))))
                 '(defalias 'macroexp-tests--f #'(lambda (x) (+ x)))))
  (should (equal (macroexpand-all '(progn (defun macroexp-tests--f (x)
                                            (defun macroexp-tests--g () (macroexp-tests--inc x))
                                            (unless x 1))))
                 '(progn (defalias 'macroexp-tests--f
                           #'(lambda (x) (defalias 'macroexp-tests--g #'(lambda nil (1+ x)))
                               (if x nil 1))))))
  ;; A definition expanded outside any environment, then walked in one.
  (let ((def (macroexpand '(defun macroexp-tests--f (x) (macroexp-tests--local x)))))
    (should (equal (macroexpand-all def '((macroexp-tests--local . (lambda (y) (list '+ y)))))
                   '(defalias 'macroexp-tests--f #'(lambda (x) (+ x)))))))

(defconst macroexp-tests--lisp-dir
  (expand-file-name "../../lisp/" (file-name-directory load-file-name))
  "pdmacs's Lisp library, next to this file's directory.")

(ert-deftest macroexp-tests-expand-library-once ()
  ;; pdmacs's defun expands its body itself, and the walk of what it expands to then
  ;; takes that body as it is: every form of the library must expand as a walk of it
  ;; all would (uninterned symbols compared by name).
  (skip-unless (fboundp 'byte-run--expand-forms))
  (let* ((dir macroexp-tests--lisp-dir)
         (walk-all (lambda (form)
                     (let ((orig (symbol-function 'byte-run--expand-forms)))
                       (unwind-protect
                           (progn (fset 'byte-run--expand-forms #'identity)
                                  (macroexpand-all form))
                         (fset 'byte-run--expand-forms orig)))))
         (count 0))
    (dolist (file (directory-files dir t "\\.el\\'"))
      (let ((text (pdmacs-read-file file)) (pos 0) form)
        (while (setq form (condition-case nil (read-from-string text pos) (end-of-file nil)))
          (setq pos (cdr form) form (car form) count (1+ count))
          (should (equal (list file (prin1-to-string (macroexpand-all form)))
                         (list file (prin1-to-string (funcall walk-all form))))))))
    (should (> count 1000))))
