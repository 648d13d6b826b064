;;; byte-run-tests.el --- tests for defun, defmacro and declare  -*- lexical-binding: t -*-

(require 'ert)

(defmacro byte-run-tests--twice (form)
  "Run FORM twice."
  (declare (indent 0) (debug t))
  (list 'progn form form))

(defun byte-run-tests--add (a &optional b &rest more)
  "Add A, B and MORE."
  (declare (pure t))
  (apply #'+ a (or b 0) more))

(defun byte-run-tests--only-doc ()
  "just a string")

(ert-deftest byte-run-tests-defun-returns-name ()
  (should (eq (defun byte-run-tests--tmp () 1) 'byte-run-tests--tmp))
  (should (eq (defmacro byte-run-tests--tmpm () 1) 'byte-run-tests--tmpm)))

(ert-deftest byte-run-tests-defun-arguments ()
  (should (= (byte-run-tests--add 1) 1))
  (should (= (byte-run-tests--add 1 2) 3))
  (should (= (byte-run-tests--add 1 2 3 4) 10))
  (should-error (byte-run-tests--add) :type 'wrong-number-of-arguments))

(ert-deftest byte-run-tests-docstrings ()
  (should (equal (documentation 'byte-run-tests--add) "Add A, B and MORE."))
  (should (equal (documentation 'byte-run-tests--twice) "Run FORM twice."))
  (should (equal (byte-run-tests--only-doc) "just a string"))
  (should (equal (documentation 'byte-run-tests--only-doc) "just a string")))

(ert-deftest byte-run-tests-declare-indent ()
  (should (equal (function-get 'byte-run-tests--twice 'lisp-indent-function) 0))
  (should (eq (get 'byte-run-tests--add 'pure) t)))

(ert-deftest byte-run-tests-macro-cell ()
  (should (eq (car (symbol-function 'byte-run-tests--twice)) 'macro))
  (should (equal (macroexpand '(byte-run-tests--twice (f)))
                 '(progn (f) (f))))
  (let ((n 0))
    (byte-run-tests--twice (setq n (1+ n)))
    (should (= n 2))))

(ert-deftest byte-run-tests-defsubst ()
  (defsubst byte-run-tests--sq (x) (* x x))
  (should (= (byte-run-tests--sq 7) 49)))

(ert-deftest byte-run-tests-compile-time-forms ()
  (should (= (eval-when-compile (+ 1 2)) 3))
  (should (= (eval-and-compile (+ 2 2)) 4))
  (should (= (with-no-warnings 5) 5))
  (should (= (with-suppressed-warnings ((obsolete foo)) 6) 6))
  (should (null (declare-function foo "foo"))))

(ert-deftest byte-run-tests-lambda-macro ()
  (should (functionp (lambda (x) x)))
  (should (= (funcall (lambda (x y) (+ x y)) 1 2) 3))
  (should (equal (macroexpand '(lambda (x) x)) '#'(lambda (x) x))))

(ert-deftest byte-run-tests-obsolete-alias ()
  (define-obsolete-function-alias 'byte-run-tests--old-add
    #'byte-run-tests--add "28.1")
  (should (= (byte-run-tests--old-add 2 3) 5))
  (should (get 'byte-run-tests--old-add 'byte-obsolete-info)))

;;; byte-run-tests.el ends here
