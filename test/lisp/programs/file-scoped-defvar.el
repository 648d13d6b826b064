;;; file-scoped-defvar.el --- a value-less defvar in a loaded file  -*- lexical-binding: t -*-

;; A top-level (defvar NAME) makes NAME dynamically bound in the rest of the file being loaded,
;; and only there: the forms after it bind it dynamically, so a function defined elsewhere
;; sees the binding.

(defun file-scoped-defvar-peek ()
  (if (boundp 'file-scoped-defvar-x) file-scoped-defvar-x 'unbound))

(let ((file-scoped-defvar-x 'lexical))
  (princ (format "before the defvar: %S\n" (file-scoped-defvar-peek))))

(defvar file-scoped-defvar-x)

(let ((file-scoped-defvar-x 'dynamic))
  (princ (format "after the defvar: %S\n" (file-scoped-defvar-peek))))

(defun file-scoped-defvar-binder ()
  (let ((file-scoped-defvar-x 'in-a-function))
    (file-scoped-defvar-peek)))

(princ (format "in a function defined after it: %S\n" (file-scoped-defvar-binder)))
(princ (format "special-variable-p: %S\n" (special-variable-p 'file-scoped-defvar-x)))
