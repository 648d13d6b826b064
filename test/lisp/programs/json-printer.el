;;; json-printer.el --- print Lisp data as indented JSON  -*- lexical-binding: t -*-

;; Alists and plists become objects, vectors and other lists arrays, t and
;; :false booleans, nil null; strings are escaped.

(require 'cl-lib)
(require 'subr-x)

(defun my-json--plist-p (x)
  (and (consp x) (proper-list-p x) (cl-evenp (length x)) (keywordp (car x))))

(defun my-json--alist-p (x)
  (and (consp x)
       (cl-every (lambda (e) (and (consp e) (not (my-json--plist-p e))
                                  (or (symbolp (car e)) (stringp (car e)))))
                 x)))

(defun my-json--escape (string)
  (let ((out nil))
    (dolist (c (string-to-list string))
      (push (pcase c
              (?\" "\\\"")
              (?\\ "\\\\")
              (?\n "\\n")
              (?\t "\\t")
              ((pred (> 32)) (format "\\u%04x" c))
              (_ (char-to-string c)))
            out))
    (concat "\"" (apply #'concat (nreverse out)) "\"")))

(defun my-json--key (key)
  (my-json--escape (if (symbolp key) (string-remove-prefix ":" (symbol-name key)) key)))

(defun my-json-encode (value &optional indent)
  "Return VALUE as JSON text, nested INDENT levels deep."
  (let* ((indent (or indent 0))
         (pad (make-string (* 2 (1+ indent)) ?\s))
         (end-pad (make-string (* 2 indent) ?\s)))
    (cl-flet ((members (pairs)
                (if (null pairs) "{}"
                  (concat "{\n"
                          (mapconcat (lambda (p)
                                       (concat pad (my-json--key (car p)) ": "
                                               (my-json-encode (cdr p) (1+ indent))))
                                     pairs ",\n")
                          "\n" end-pad "}"))))
      (cond
       ((eq value t) "true")
       ((eq value :false) "false")
       ((null value) "null")
       ((stringp value) (my-json--escape value))
       ((integerp value) (number-to-string value))
       ((symbolp value) (my-json--escape (symbol-name value)))
       ((my-json--plist-p value)
        (members (cl-loop for (k v) on value by #'cddr collect (cons k v))))
       ((my-json--alist-p value) (members value))
       ((or (vectorp value) (listp value))
        (if (seq-empty-p value) "[]"
          (concat "[\n"
                  (mapconcat (lambda (v) (concat pad (my-json-encode v (1+ indent))))
                             value ",\n")
                  "\n" end-pad "]")))
       (t (error "Cannot encode %S" value))))))

(defvar my-json-example
  `((name . "pdmacs")
    (version . 1)
    (tags . ["lisp" "java" "dumper"])
    (stable . :false)
    (released . t)
    (license . nil)
    (authors . ((:name "Ada" :commits 42) (:name "Grace \"Amazing\"" :commits 7)))
    (notes . "line one\nline two\tand a tab")
    (empty . [])
    (nested . ((depth . 2) (inner . ((depth . 3)))))))

(princ (my-json-encode my-json-example))
(terpri)
(princ (my-json-encode [1 2 (3 4) []]))
(terpri)
