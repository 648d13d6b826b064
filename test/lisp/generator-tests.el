;;; generator-tests.el --- tests for generator.el  -*- lexical-binding: t -*-

(require 'ert)
(require 'generator)
(require 'cl-lib)

(defmacro generator-tests--end (form)
  "The data of the `iter-end-of-sequence' FORM signals, or `no-end'."
  `(condition-case err (progn ,form 'no-end)
     (iter-end-of-sequence err)))

(defun generator-tests--drain (iterator)
  "The values ITERATOR yields, then its return value: (VALUES . RESULT)."
  (let ((values nil) (result nil) (more t))
    (while more
      (condition-case err
          (push (iter-next iterator) values)
        (iter-end-of-sequence (setq more nil result (cdr err)))))
    (cons (nreverse values) result)))

(iter-defun generator-tests--count (from to)
  "Yield FROM up to TO, then return the count."
  (let ((i from))
    (while (<= i to)
      (iter-yield i)
      (setq i (1+ i)))
    (1+ (- to from))))

(iter-defun generator-tests--fib ()
  (let ((a 0) (b 1))
    (while t
      (iter-yield a)
      (setq b (+ a b) a (- b a)))))

(ert-deftest generator-tests-basic ()
  (let ((g (generator-tests--count 1 3)))
    (should (= (iter-next g) 1))
    (should (= (iter-next g) 2))
    (should (= (iter-next g) 3))
    (should (equal (generator-tests--end (iter-next g))
                   '(iter-end-of-sequence . 3))))
  (should (equal (generator-tests--drain (generator-tests--count 5 4)) '(nil . 0)))
  ;; Each call makes an independent iterator.
  (let ((a (generator-tests--count 1 2))
        (b (generator-tests--count 1 2)))
    (should (= (iter-next a) 1))
    (should (= (iter-next a) 2))
    (should (= (iter-next b) 1))))

(ert-deftest generator-tests-finished ()
  ;; The return value comes once; after it, each `iter-next' signals again
  ;; with its own argument.
  (let ((g (funcall (iter-lambda () (iter-yield 1) 'done))))
    (should (= (iter-next g) 1))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence . done)))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence)))
    (should (equal (generator-tests--end (iter-next g 7)) '(iter-end-of-sequence . 7)))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence)))))

(ert-deftest generator-tests-end-of-sequence-condition ()
  (should (equal (get 'iter-end-of-sequence 'error-conditions)
                 '(iter-end-of-sequence)))
  (should (equal (error-message-string '(iter-end-of-sequence . 3))
                 "Iteration terminated"))
  ;; Not an `error': a handler for `error' lets it through.
  (should (eq (condition-case nil
                  (condition-case nil (iter-next iter-empty)
                    (error 'caught-as-error))
                (iter-end-of-sequence 'ended))
              'ended)))

(ert-deftest generator-tests-misuse ()
  (should (equal (should-error (iter-yield 1))
                 '(error "‘iter-yield’ used outside a generator")))
  (should (equal (should-error (iter-next 5)) '(invalid-function 5)))
  (should (equal (should-error (funcall (iter-make 1) :rewind nil))
                 '(error "Unknown iterator operation :rewind")))
  (should (eq (car (should-error (funcall (iter-lambda (x) x)))) 'wrong-number-of-arguments))
  ;; A yield inside a cleanup form is not one of the generator's.
  (should-error (iter-next (funcall (iter-lambda () (unwind-protect 1 (iter-yield 1)))))))

(ert-deftest generator-tests-yield-value ()
  ;; The argument of the next `iter-next' becomes the value of the yield;
  ;; the first `iter-next's argument has no yield to go to.
  (let ((g (funcall (iter-lambda ()
                      (let ((total 0))
                        (while t
                          (setq total (+ total (iter-yield total)))))))))
    (should (= (iter-next g 100) 0))
    (should (= (iter-next g 5) 5))
    (should (= (iter-next g 10) 15))
    (should (eq (car (should-error (iter-next g 'not-a-number))) 'wrong-type-argument)))
  (let ((g (iter-make (list (iter-yield 'a) (iter-yield 'b)))))
    (should (eq (iter-next g) 'a))
    (should (eq (iter-next g 1) 'b))
    (should (equal (generator-tests--end (iter-next g 2)) '(iter-end-of-sequence 1 2)))))

(ert-deftest generator-tests-arguments-and-order ()
  ;; Arguments are evaluated left to right around the yields.
  (let* ((log nil)
         (g (iter-make
             (+ (progn (push 'first log) 1)
                (iter-yield 'x)
                (progn (push 'third log) 100)))))
    (should (eq (iter-next g) 'x))
    (should (equal log '(first)))
    (should (equal (generator-tests--end (iter-next g 10)) '(iter-end-of-sequence . 111)))
    (should (equal log '(third first)))))

(ert-deftest generator-tests-let ()
  (let ((g (iter-make (let ((x 1) (y (iter-yield 'y)))
                        (iter-yield (list x y))
                        (let* ((a (iter-yield 'a)) (b (+ a x)))
                          (setq x (iter-yield (list a b)))
                          (list x y a b))))))
    (should (eq (iter-next g) 'y))
    (should (equal (iter-next g 2) '(1 2)))
    (should (eq (iter-next g) 'a))
    (should (equal (iter-next g 10) '(10 11)))
    (should (equal (generator-tests--end (iter-next g 'x))
                   '(iter-end-of-sequence x 2 10 11))))
  ;; Bindings made in a loop.  (Closures over them are not tested: in
  ;; Emacs 28 every pass shares one binding.)
  (should (equal (car (generator-tests--drain
                       (iter-make (dolist (i '(1 2 3))
                                    (let* ((j (* i 10)) (k (iter-yield j)))
                                      (iter-yield (list i j k)))))))
                 '(10 (1 10 nil) 20 (2 20 nil) 30 (3 30 nil))))
  ;; Parallel `let' inits see the outer binding.
  (let ((x 'outer))
    (should (equal (car (generator-tests--drain
                         (iter-make (let ((x (iter-yield 1)) (y x)) (iter-yield (list x y))))))
                   '(1 (nil outer))))))

(defvar generator-tests--dynamic 'global)

(ert-deftest generator-tests-dynamic-let ()
  ;; A dynamic binding made in the body holds while the body runs, and only
  ;; then.
  (let ((g (iter-make (let ((generator-tests--dynamic 'inside))
                        (iter-yield generator-tests--dynamic)
                        (setq generator-tests--dynamic 'changed)
                        (iter-yield (symbol-value 'generator-tests--dynamic))
                        generator-tests--dynamic))))
    (should (eq (iter-next g) 'inside))
    (should (eq generator-tests--dynamic 'global))
    (should (eq (iter-next g) 'changed))
    (should (eq generator-tests--dynamic 'global))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence . changed)))
    (should (eq generator-tests--dynamic 'global))))

(ert-deftest generator-tests-control-structures ()
  (should (equal (generator-tests--drain
                  (iter-make (if (iter-yield 'test) (iter-yield 'then) (iter-yield 'else))))
                 '((test else) . nil)))
  (let ((g (iter-make (if (iter-yield 'test) (iter-yield 'then) (iter-yield 'else)))))
    (iter-next g)
    (should (eq (iter-next g t) 'then)))
  (should (equal (generator-tests--drain
                  (iter-make (cond ((iter-yield 1) 'no)
                                   ((progn (iter-yield 2) 'yes))
                                   (t 'never))))
                 '((1 2) . yes)))
  (should (equal (generator-tests--drain
                  (iter-make (list (and (iter-yield 1) 'never)
                                   (or (iter-yield 2) (iter-yield 3) 'last)
                                   (and) (or))))
                 '((1 2 3) . (nil last t nil))))
  (should (equal (generator-tests--drain
                  (iter-make (prog1 (iter-yield 1) (iter-yield 2))))
                 '((1 2) . nil)))
  (let ((g (iter-make (prog1 (iter-yield 1) (iter-yield 2)))))
    (iter-next g)
    (iter-next g 'kept)
    (should (equal (generator-tests--end (iter-next g 'dropped)) '(iter-end-of-sequence . kept))))
  (should (equal (generator-tests--drain
                  (iter-make (let ((n 0) (acc nil))
                               (while (< (setq n (1+ n)) 4)
                                 (when (cl-oddp n) (push (iter-yield n) acc)))
                               acc)))
                 '((1 3) . (nil nil)))))

(ert-deftest generator-tests-long-loop ()
  ;; Many passes without a yield must not deepen the stack.
  (let ((g (iter-make (dotimes (i 20000) (when (= i 19999) (iter-yield i)))
                      'end)))
    (should (= (iter-next g) 19999))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence . end)))))

(ert-deftest generator-tests-condition-case ()
  ;; A signal in the body caught by the generator's own handler, which
  ;; itself yields.
  (should (equal (generator-tests--drain
                  (iter-make (condition-case err
                                 (progn (iter-yield 1)
                                        (signal 'arith-error '(boom))
                                        (iter-yield 'unreached))
                               (arith-error (iter-yield (list 'caught err))
                                            'handled))))
                 '((1 (caught (arith-error boom))) . handled)))
  ;; A handler does not cover the code after the form.
  (let ((g (iter-make (condition-case nil (iter-yield 1) (error 'no))
                      (error "after"))))
    (iter-next g)
    (should (equal (should-error (iter-next g)) '(error "after"))))
  ;; The generator's handler sees an error from a nested generator.
  (should (equal (generator-tests--drain
                  (iter-make (condition-case e
                                 (iter-next (iter-make (iter-yield 0) 'end))
                               (iter-end-of-sequence (list 'no e)))
                             (condition-case e
                                 (let ((inner (iter-make (car 1))))
                                   (iter-yield 'before)
                                   (iter-next inner))
                               (wrong-type-argument (cdr e)))))
                 '((before) . (listp 1))))
  ;; A :success handler that yields.  (Emacs 28 mishandles a body that
  ;; yields before a :success handler, so that is not tested here.)
  (should (equal (generator-tests--drain
                  (iter-make (condition-case v (+ 2 3)
                               (:success (iter-yield (list 'ok v)) 'fine)
                               (error 'failed))))
                 '(((ok 5)) . fine))))

(ert-deftest generator-tests-uncaught-error ()
  ;; An error leaving the body propagates out of `iter-next' and ends the
  ;; iterator.
  (let ((g (iter-make (iter-yield 1) (error "boom") (iter-yield 2))))
    (should (= (iter-next g) 1))
    (should (equal (should-error (iter-next g)) '(error "boom")))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence)))))

(ert-deftest generator-tests-unwind-protect ()
  (let* ((log nil)
         (make (lambda ()
                 (iter-make (unwind-protect
                                (progn (iter-yield 1) (iter-yield 2) 'body)
                              (push 'cleanup log))))))
    ;; Normal exit.
    (should (equal (generator-tests--drain (funcall make)) '((1 2) . body)))
    (should (equal log '(cleanup)))
    ;; iter-close while suspended inside.
    (setq log nil)
    (let ((g (funcall make)))
      (should (= (iter-next g) 1))
      (should (null log))
      (iter-close g)
      (should (equal log '(cleanup)))
      (should (null (iter-close g)))
      (should (equal log '(cleanup)))
      (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence))))
    ;; Closing a generator that never started runs nothing.
    (setq log nil)
    (iter-close (funcall make))
    (should (null log)))
  ;; Error exit: the cleanup runs once, the error goes on.
  (let* ((log nil)
         (g (iter-make (unwind-protect (progn (iter-yield 1) (error "boom"))
                         (push 'cleanup log)))))
    (iter-next g)
    (should (equal (should-error (iter-next g)) '(error "boom")))
    (should (equal log '(cleanup)))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence)))
    (should (equal log '(cleanup))))
  ;; Nested: an error unwinds innermost first.
  (let* ((log nil)
         (g (iter-make (unwind-protect
                           (unwind-protect (progn (iter-yield 1) (error "x"))
                             (push 'in log))
                         (push 'out log)))))
    (iter-next g)
    (should-error (iter-next g))
    (should (equal log '(out in))))
  ;; Nested: closing runs both cleanups, each with its own bindings.  (The
  ;; order is not tested: Emacs 28 runs the outer one first.)
  (let* ((log nil)
         (g (iter-make (let ((x 'outer))
                         (unwind-protect
                             (let ((x 'inner))
                               (unwind-protect (iter-yield x)
                                 (push (list 'in x) log)))
                           (push (list 'out x) log))))))
    (should (eq (iter-next g) 'inner))
    (iter-close g)
    (should (equal (sort log (lambda (a b) (string< (car a) (car b))))
                   '((in inner) (out outer))))))

(ert-deftest generator-tests-catch ()
  (should (equal (generator-tests--drain
                  (iter-make (+ 1 (catch 'tag
                                    (iter-yield 1)
                                    (throw 'tag 10)
                                    20))))
                 '((1) . 11)))
  ;; A throw out of an `unwind-protect' inside the generator runs its cleanup.
  (let* ((log nil)
         (g (iter-make (catch 'out
                         (unwind-protect
                             (progn (iter-yield 1) (throw 'out 'thrown))
                           (push 'cleanup log))))))
    (iter-next g)
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence . thrown)))
    (should (equal log '(cleanup))))
  ;; A throw to a catch outside the generator leaves it and ends it.
  (let ((g (iter-make (iter-yield 1) (throw 'away 'gone))))
    (iter-next g)
    (should (eq (catch 'away (iter-next g)) 'gone))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence)))))

(ert-deftest generator-tests-nested-lambda ()
  ;; Closures in the body that do not yield run as usual and see the
  ;; generator's variables.
  (should (equal (generator-tests--drain
                  (iter-make (let ((n 3))
                               (iter-yield (mapcar (lambda (x) (* x n)) '(1 2)))
                               (setq n 10)
                               (iter-yield (funcall (lambda () n))))))
                 '(((3 6) 10)))))

(ert-deftest generator-tests-iter-defun-arguments ()
  (should (equal (cl-loop for x iter-by (generator-tests--fib) repeat 8 collect x)
                 '(0 1 1 2 3 5 8 13)))
  (should (equal (generator-tests--drain (generator-tests--count 3 5)) '((3 4 5) . 3)))
  (should (equal (generator-tests--drain
                  (funcall (iter-lambda (&optional a &rest r) (iter-yield a) (iter-yield r))
                           1 2 3))
                 '((1 (2 3))))))

(ert-deftest generator-tests-yield-from ()
  (let* ((log nil)
         (inner (iter-lambda ()
                  (unwind-protect
                      (progn (push (list 'got (iter-yield 1)) log)
                             (iter-yield 2)
                             'inner-result)
                    (push 'inner-closed log))))
         (g (iter-make (let ((r (iter-yield-from (funcall inner))))
                         (iter-yield (list 'inner-returned r))
                         'outer-result))))
    (should (= (iter-next g) 1))
    ;; Values sent to the outer iterator reach the inner one.
    (should (= (iter-next g 'sent) 2))
    (should (equal log '((got sent))))
    (should (equal (iter-next g) '(inner-returned inner-result)))
    (should (equal log '(inner-closed (got sent))))
    (should (equal (generator-tests--end (iter-next g)) '(iter-end-of-sequence . outer-result))))
  ;; Closing the outer iterator closes the inner one.
  (let* ((log nil)
         (g (iter-make (iter-yield-from
                        (iter-make (unwind-protect (iter-yield 1)
                                     (push 'inner-closed log)))))))
    (iter-next g)
    (iter-close g)
    (should (equal log '(inner-closed)))))

(ert-deftest generator-tests-iter-do ()
  (let ((seen nil))
    (should (eq (iter-do (x (generator-tests--count 1 3)) (push x seen)) 3))
    (should (equal seen '(3 2 1))))
  (should (null (iter-do (x iter-empty) (error "never %s" x)))))

(ert-deftest generator-tests-cl-loop ()
  (should (equal (cl-loop for x iter-by (generator-tests--count 1 4) collect (* x x))
                 '(1 4 9 16)))
  (should (equal (cl-loop for x iter-by iter-empty collect x) nil))
  (should (equal (cl-loop for x iter-by (generator-tests--count 1 9)
                          for y in '(a b c)
                          collect (cons x y))
                 '((1 . a) (2 . b) (3 . c)))))

(ert-deftest generator-tests-iter-empty ()
  (should (equal (generator-tests--end (iter-next iter-empty)) '(iter-end-of-sequence)))
  ;; It ends whatever it is asked.
  (should (equal (generator-tests--end (iter-close iter-empty)) '(iter-end-of-sequence))))

(ert-deftest generator-tests-iter-defun-doc ()
  (should (equal (documentation 'generator-tests--count) "Yield FROM up to TO, then return the count.")))

;;; generator-tests.el ends here
