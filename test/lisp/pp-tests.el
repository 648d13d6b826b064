;;; pp-tests.el --- tests for pretty printing  -*- lexical-binding: t -*-

(require 'ert)
(require 'pp)

(ert-deftest pp-tests-atoms ()
  (should (equal (pp-to-string 5) "5"))
  (should (equal (pp-to-string "str") "\"str\""))
  (should (equal (pp-to-string "a\nb") "\"a\\nb\""))
  (should (equal (pp-to-string 'sym) "sym"))
  (should (equal (pp-to-string ''x) "'x")))

(ert-deftest pp-tests-flat-lists ()
  (should (equal (pp-to-string '(a b c)) "(a b c)\n"))
  (should (equal (pp-to-string '(x . y)) "(x . y)\n"))
  (should (equal (pp-to-string '(1 2 . 3)) "(1 2 . 3)\n")))

(ert-deftest pp-tests-breaks-around-lists ()
  (should (equal (pp-to-string '((a . 1) (b . 2))) "((a . 1)\n (b . 2))\n"))
  (should (equal (pp-to-string '(foo a b (c d) e f)) "(foo a b\n     (c d)\n     e f)\n"))
  (should (equal (pp-to-string '(foo (a) b)) "(foo\n (a)\n b)\n"))
  (should (equal (pp-to-string [1 (2 3) 4]) "[1\n (2 3)\n 4]\n"))
  (should (equal (pp-to-string '(1 (2 (3 (4))))) "(1\n (2\n  (3\n   (4))))\n"))
  (should (equal (pp-to-string '(a '(b c) d)) "(a\n '(b c)\n d)\n")))

(ert-deftest pp-tests-special-indentation ()
  (should (equal (pp-to-string '(when x (foo) (bar))) "(when x\n  (foo)\n  (bar))\n"))
  (should (equal (pp-to-string '(let* ((a 1)) a)) "(let*\n    ((a 1))\n  a)\n"))
  (should (equal (pp-to-string '(progn (a) (b))) "(progn\n  (a)\n  (b))\n"))
  (should (equal (pp-to-string '(defvar foo (list 1 2) "doc"))
                 "(defvar foo\n  (list 1 2)\n  \"doc\")\n"))
  (should (equal (pp-to-string '(setq a (b) c (d))) "(setq a\n      (b)\n      c\n      (d))\n")))

(ert-deftest pp-tests-tabs ()
  (should (equal (pp-to-string '(defun foo (x) "doc" (let ((y 1) (z 2)) (if x (list y z) (message "hi %s" x)))))
                 (concat "(defun foo\n    (x)\n  \"doc\"\n  (let\n      ((y 1)\n       (z 2))\n"
                         "    (if x\n\t(list y z)\n      (message \"hi %s\" x))))\n"))))

(ert-deftest pp-tests-pp-function ()
  (should (equal (with-output-to-string (pp '(a b))) "(a b)\n")))

;;; pp-tests.el ends here

(ert-deftest pp-tests-vectors-and-records-indent-like-lists ()
  (should (equal (pp-to-string [a 1 (b c)]) "[a 1\n   (b c)]\n"))
  (should (equal (pp-to-string ["s" x (y z)]) "[\"s\" x\n (y z)]\n"))
  (should (equal (pp-to-string '(1 2 (a b))) "(1 2\n   (a b))\n"))
  (should (equal (pp-to-string (record 'a 1 '(b c))) "#s(a 1\n     (b c))\n")))

(ert-deftest pp-tests-comma-stays-on-its-line ()
  (should (equal (pp-to-string '(setq x `(a ,(b c))))
                 "(setq x\n      `(a ,(b c)))\n")))
