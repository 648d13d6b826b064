;;; let-alist.el --- bind the entries of an alist to dotted symbols  -*- lexical-binding: t -*-

;; (let-alist ALIST BODY...) binds every symbol of BODY whose name starts with a dot
;; to the entry of ALIST it names: `.key' to (cdr (assq 'key ALIST)), and `.a.b' to
;; the entry `b' of the alist under `a'.  The symbols are found when the macro
;; expands, not at run time.  A nested `let-alist' works on its own alist: only its
;; ALIST form is searched for the outer one's symbols.

;;; Code:

(defun let-alist--deep-dot-search (form)
  "The dotted symbols in FORM, each as (SYMBOL . SYMBOL-WITHOUT-ITS-DOT)."
  (cond
   ((symbolp form)
    (let ((name (symbol-name form)))
      (and (> (length name) 0) (eq (aref name 0) ?.)
           (list (cons form (intern (substring name 1)))))))
   ((vectorp form)
    (apply #'nconc (mapcar #'let-alist--deep-dot-search form)))
   ((not (consp form)) nil)
   ((eq (car form) 'let-alist)
    (let-alist--deep-dot-search (cadr form)))
   (t (append (let-alist--deep-dot-search (car form))
              (let-alist--deep-dot-search (cdr form))))))

(defun let-alist--remove-dot (symbol)
  "SYMBOL without its leading dot, if it has one."
  (let ((name (symbol-name symbol)))
    (if (and (> (length name) 0) (eq (aref name 0) ?.))
        (intern (substring name 1))
      symbol)))

(defun let-alist--list-to-sexp (keys var)
  "The form looking up KEYS (innermost first) in the alist VAR."
  `(cdr (assq ',(car keys)
              ,(if (cdr keys)
                   (let-alist--list-to-sexp (cdr keys) var)
                 var))))

(defun let-alist--access-sexp (symbol var)
  "The form giving the value of the dotted SYMBOL in the alist VAR."
  (let* ((bare (let-alist--remove-dot symbol))
         (name (symbol-name bare)))
    ;; Two leading dots name a symbol of an outer `let-alist', left as it is.
    (if (and (> (length name) 0) (eq (aref name 0) ?.))
        bare
      (let-alist--list-to-sexp (mapcar #'intern (nreverse (split-string name "\\.")))
                               var))))

(defmacro let-alist (alist &rest body)
  "Evaluate BODY with each dotted symbol in it bound to its entry of ALIST.
`.key' is bound to (cdr (assq \\='key ALIST)); `.key.sub' to the entry `sub'
of the alist under `key', and so on down."
  (declare (indent 1) (debug t))
  (let ((var (make-symbol "alist")))
    `(let ((,var ,alist))
       (let ,(mapcar (lambda (entry)
                       `(,(car entry) ,(let-alist--access-sexp (car entry) var)))
                     (delete-dups (let-alist--deep-dot-search body)))
         ,@body))))

(provide 'let-alist)

;;; let-alist.el ends here
