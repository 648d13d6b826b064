;;; backquote.el --- the ` macro  -*- lexical-binding: t -*-

;; `(a ,b ,@c) expands to code that builds the list at run time.  Each piece
;; is turned into a form; pieces that turn out constant are folded back into a
;; single quoted constant so that `(a b) costs no more than '(a b).

;; The expander, `backquote--process' (FORM DEPTH), is in Java
;; (pdmacs.subr.Backquote): every defmacro body loaded from source is full of
;; backquotes.

(defmacro backquote (structure)
  "Build STRUCTURE, evaluating the parts marked with , and splicing ,@ parts."
  (backquote--process structure 0))

(defalias '\` (symbol-function 'backquote))

(provide 'backquote)

;;; backquote.el ends here
