;;; fib-dynamic.el --- interpreted fib, dynamic binding
;; No lexical-binding cookie: N is bound dynamically, as in old Emacs Lisp.
(defun fib (n)
  (if (< n 2)
      n
    (+ (fib (- n 1)) (fib (- n 2)))))
