;;; pp.el --- pretty printing Lisp objects  -*- lexical-binding: t -*-

;; The layout GNU Emacs's `pp' produces: the object is printed with `prin1',
;; a line break goes before every element that is a list or vector and after
;; every element that ends one, and each new line is indented as Lisp mode
;; would indent it (the `lisp-indent-function' property of the head symbol,
;; definition forms, alignment with the first argument), using tabs.

;; Indentation of the special forms, as Lisp mode declares it.
(dolist (spec '((let . 1) (let* . 1) (while . 1) (if . 2) (catch . 1)
                (condition-case . 2) (unwind-protect . 1) (progn . 0) (prog1 . 1)
                (prog2 . 2) (save-excursion . 0) (save-restriction . 0)
                (save-current-buffer . 0) (lambda . defun) (closure . nil)))
  (put (car spec) 'lisp-indent-function (cdr spec)))

(defconst pp--prefixes '((quote . "'") (function . "#'") (\` . "`") (\, . ",")
                         (\,@ . ",@"))
  "Forms that `prin1' prints as a prefix and their argument.")

(defconst pp--dot (make-symbol ".")
  "Stands for the dot before the tail of a dotted list.")

(defun pp--prefix (object)
  "The reader prefix OBJECT prints with, when it is a (quote X) form or alike."
  (and (consp object) (consp (cdr object)) (null (cdr (cdr object)))
       (cdr (assq (car object) pp--prefixes))))

(defun pp--opens-p (object)
  "Non-nil if OBJECT prints starting with an open paren or bracket, maybe after
a quote, backquote or #' (a comma is not skipped: `,(' stays on its line)."
  (cond ((vectorp object) t)
        ((pp--prefix object)
         (and (not (memq (car object) '(\, \,@)))
              (pp--opens-p (car (cdr object)))))
        (t (consp object))))

(defun pp--end-column (text column)
  "The column after TEXT printed at COLUMN."
  (let ((newline (string-match-p "\n[^\n]*\\'" text)))
    (if newline (- (length text) newline 1) (+ column (length text)))))

(defun pp--indentation (width)
  "Whitespace reaching column WIDTH: tabs, then spaces."
  (concat (make-string (/ width 8) ?\t) (make-string (% width 8) ?\s)))

(defun pp--format (object column)
  "OBJECT laid out as `pp' does, starting at COLUMN."
  (let ((prefix (pp--prefix object)))
    (cond (prefix
           (concat prefix (pp--format (car (cdr object)) (+ column (length prefix)))))
          ((consp object) (pp--format-elements object column "(" ")" t))
          ((and (vectorp object) (> (length object) 0))
           (pp--format-elements (append object nil) column "[" "]" nil))
          ((recordp object)
           (pp--format-elements (pp--record-slots object) column "#s(" ")" nil))
          ((eq object pp--dot) ".")
          (t (let ((print-escape-newlines t)) (prin1-to-string object))))))

(defun pp--elements (list)
  "The elements of LIST, with a dotted tail as the symbol `.' and the tail."
  (let ((elements nil))
    (while (consp list)
      (push (car list) elements)
      (setq list (cdr list)))
    (when list
      (push pp--dot elements)
      (push list elements))
    (nreverse elements)))

(defun pp--method (head)
  "How the arguments of a form with HEAD are indented: an integer (number of
distinguished arguments), `defun', or nil (align with the first argument)."
  (when (and head (symbolp head))
    (let ((method (function-get head 'lisp-indent-function)))
      (cond (method method)
            ((string-match-p "\\`def" (symbol-name head)) 'defun)))))

(defun pp--record-slots (record)
  "The slots of RECORD, its type first, as a list."
  (let ((slots nil))
    (dotimes (i (length record))
      (push (aref record i) slots))
    (nreverse slots)))

(defun pp--format-elements (list column open close code)
  "LIST laid out between OPEN and CLOSE at COLUMN; CODE is non-nil for a
list, which may be dotted.  As in Lisp indentation, when the first element
is a symbol or a number, later lines align with the second element (or
follow the head's own indentation method); otherwise with the first."
  (let* ((elements (if code (pp--elements list) list))
         (head (car elements))
         (start (+ column (length open)))
         (aligned (or (symbolp head) (numberp head)))
         (method (and (symbolp head) (pp--method head)))
         (text (pp--format head start))
         (current (pp--end-column text start))
         (previous-closes (string-match-p "[])]\\'" text))
         (first-arg-column nil)
         (index 0))
    (dolist (element (cdr elements))
      (setq index (1+ index))
      (if (or previous-closes (pp--opens-p element))
          (let ((indent (cond ((not aligned) start)
                              ((integerp method)
                               (+ column (if (<= index method) 4 2)))
                              ((eq method 'defun) (+ column 2))
                              (first-arg-column first-arg-column)
                              (t start))))
            (setq text (concat text "\n" (pp--indentation indent))
                  current indent))
        (setq text (concat text " ")
              current (1+ current))
        (when (= index 1) (setq first-arg-column current)))
      (let ((element-text (pp--format element current)))
        (setq text (concat text element-text)
              current (pp--end-column element-text current)
              previous-closes (string-match-p "[])]\\'" element-text))))
    (concat open text close)))

(defun pp-to-string (object &optional _pp-function)
  "OBJECT pretty-printed as a string, as `pp' would print it."
  (let ((text (pp--format object 0)))
    (if (string-match-p "[])]\\'" text) (concat text "\n") text)))

(defun pp (object &optional stream)
  "Print OBJECT pretty-printed to STREAM (default `standard-output')."
  (princ (pp-to-string object) (or stream standard-output)))

(defun pp--with-indentation (object column)
  "OBJECT pretty-printed as if it started at COLUMN (for ERT's reports)."
  (pp--format object column))

(provide 'pp)

;;; pp.el ends here
