;;; 32-dynamic-calls.el --- calls of dynamically bound functions  -*- lexical-binding: t -*-
;; A quoted lambda is no closure: its parameters are bound dynamically.  The calls are
;; written as forms (the evaluator's own call path, with its one-argument quick path), and
;; through funcall and apply; what must hold: the bindings are seen by callees and undone on
;; return, throw and signal, errors and the order of evaluation are Emacs's.

(defvar dyn-x 'global)
(defalias 'dyn-read-x '(lambda () dyn-x))
(defalias 'dyn-id '(lambda (dyn-x) (dyn-read-x)))
(dyn-id 1)
dyn-x
(funcall 'dyn-id 2)
(apply 'dyn-id '(3))
(defalias 'dyn-sv '(lambda (dyn-y) (symbol-value 'dyn-y)))
(dyn-sv 4)
(boundp 'dyn-y)
(eval '(dyn-id 5) nil)
(eval '(let ((dyn-x 'let)) (list (dyn-read-x) (dyn-id 6) (dyn-read-x))) nil)

;; Undone on throw and signal
(defalias 'dyn-throw '(lambda (dyn-y) (throw 'dyn-tag (symbol-value 'dyn-y))))
(catch 'dyn-tag (dyn-throw 7))
(boundp 'dyn-y)
(defalias 'dyn-signal '(lambda (dyn-x) (signal 'error (list (dyn-read-x)))))
(condition-case e (dyn-signal 8) (error e))
dyn-x
(let ((seen nil)) (list (catch 'dyn-tag (unwind-protect (dyn-throw 9) (setq seen (boundp 'dyn-y)))) seen))

;; setq, makunbound, default-value inside the call
(defalias 'dyn-setq '(lambda (dyn-x) (setq dyn-x 10) (dyn-read-x)))
(dyn-setq 0)
dyn-x
(defalias 'dyn-unbind '(lambda (dyn-x) (makunbound 'dyn-x) (boundp 'dyn-x)))
(dyn-unbind 11)
dyn-x
(defalias 'dyn-default '(lambda (dyn-x) (list (default-value 'dyn-x) (default-toplevel-value 'dyn-x))))
(dyn-default 12)
(defalias 'dyn-void '(lambda (dyn-z) (makunbound 'dyn-z) dyn-z))
(dyn-void 13)
(boundp 'dyn-z)

;; Constants as parameters; what was bound before is undone
(defalias 'dyn-nil-param '(lambda (nil) 1))
(dyn-nil-param 2)
(defalias 'dyn-t-param '(lambda (t) 1))
(dyn-t-param 2)
(defalias 'dyn-kw-param '(lambda (:dyn-k) 1))
(dyn-kw-param 2)
(defalias 'dyn-nil-second '(lambda (dyn-x nil) 1))
(let ((seen nil)) (list (condition-case e (unwind-protect (dyn-nil-second 1 2) (setq seen (dyn-read-x))) (error e)) seen))
(let ((seen nil)) (list (condition-case e (unwind-protect (funcall 'dyn-nil-second 1 2) (setq seen (dyn-read-x))) (error e)) seen))
dyn-x

;; Arity and the shape of the lambda list
(dyn-id)
(dyn-id 1 2)
(defalias 'dyn-two '(lambda (a b) (list a b)))
(dyn-two 1)
(dyn-two 1 2)
(defalias 'dyn-opt '(lambda (&optional a) a))
(dyn-opt 1)
(dyn-opt)
(defalias 'dyn-rest '(lambda (&rest a) a))
(dyn-rest 1)
(dyn-rest)
(defalias 'dyn-one-rest '(lambda (a &rest b) (list a b)))
(dyn-one-rest 1)
(dyn-one-rest 1 2 3)
(defalias 'dyn-dotted '(lambda (a . b) a))
(dyn-dotted 1)
(defalias 'dyn-symbol-list '(lambda a a))
(dyn-symbol-list 1)
(defalias 'dyn-no-list '(lambda))
(dyn-no-list 1)
(defalias 'dyn-bad-param '(lambda ((a)) a))
(dyn-bad-param 1)
(defalias 'dyn-none '(lambda () 'none))
(dyn-none 1)
(defalias 'dyn-twice '(lambda (dyn-y dyn-y) (symbol-value 'dyn-y)))
(dyn-twice 1 2)
(boundp 'dyn-y)
(dyn-id 1 . 2)

;; The arguments are evaluated before the function's shape and arity are looked at, and the
;; function is the one the symbol had before they were evaluated
(let ((log nil)) (list (condition-case e (dyn-symbol-list (setq log 'evaluated)) (error e)) log))
(let ((log nil)) (list (condition-case e (dyn-none (setq log 'evaluated)) (error e)) log))
(defalias 'dyn-redef '(lambda (a) (list 'old a)))
(dyn-redef (defalias 'dyn-redef '(lambda (a) (list 'new a))))
(dyn-redef 1)

;; A closure's parameter declared special
(defalias 'dyn-closure-special (lambda (dyn-x) (dyn-read-x)))
;; pdmacs-differs: a closure binds a special parameter dynamically, as Emacs's byte-compiled functions do (the library runs interpreted here); Emacs 28's interpreter binds it lexically
;; pdmacs-expect: 14
(dyn-closure-special 14)
(defalias 'dyn-closure-lexical (let ((k 3)) (lambda (n) (* k n))))
(dyn-closure-lexical 14)

;; Variables evaluated under dynamic binding
(eval 'dyn-unbound-variable nil)
(eval 'nil nil)
(eval 't nil)
(eval :dyn-keyword nil)
(eval 'dyn-x nil)

;; Recursion
(defalias 'dyn-fib '(lambda (n) (if (< n 2) n (+ (dyn-fib (- n 1)) (dyn-fib (- n 2))))))
(dyn-fib 15)
(boundp 'n)
