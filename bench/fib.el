;;; fib.el --- interpreted fib, lexical binding  -*- lexical-binding: t -*-
;; Run by GNU Emacs and pdmacs alike: emacs --batch -l bench/fib.el --eval '(princ (fib 30))'
(defun fib (n)
  (if (< n 2)
      n
    (+ (fib (- n 1)) (fib (- n 2)))))
