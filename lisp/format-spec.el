;;; format-spec.el --- %-specs filled in from an alist  -*- lexical-binding: t -*-

;; `format-spec' replaces %c specs in a string by values looked up under the
;; character c, with optional flags, width and precision.  GNU Emacs works in
;; a buffer; this version walks the string, keeping the same rules: where the
;; scan resumes after each kind of spec, and which pieces SPLIT returns.

(defconst format-spec--spec-regexp
  "\\([ 0<>^_-]+\\)?\\([0-9]+\\)?\\(\\.[0-9]+\\)?\\([[:alpha:]]\\)"
  "What may follow a %: flags, width, precision, then the spec character.")

(defun format-spec--chop-left (string columns)
  "STRING without its leading characters up to COLUMNS display columns.
A wide character that starts before COLUMNS goes entirely."
  (let ((width 0) (i 0) (len (length string)))
    (while (and (< width columns) (< i len))
      (setq width (+ width (char-width (aref string i))) i (1+ i)))
    (substring string i)))

(defun format-spec--apply-modifiers (string flags width precision)
  "STRING with FLAGS (a string of flag characters), WIDTH and PRECISION
(integers or nil) applied, as `format-spec' does."
  (let ((chop-left (string-search "<" flags))
        (string-width nil))
    ;; Precision first, as in `format': at most PRECISION columns.
    (when precision
      (setq string-width (string-width string))
      (when (> string-width precision)
        (setq string (if chop-left
                         (format-spec--chop-left string (- string-width precision))
                       (format (format "%%.%ds" precision) string))
              string-width precision)))
    (when width
      (let ((missing (- width (or string-width (string-width string)))))
        (cond ((> missing 0)
               (let ((pad (make-string missing
                                       (if (string-search "0" flags) ?0 ?\s))))
                 (setq string (if (string-search "-" flags)
                                  (concat string pad)
                                (concat pad string)))))
              ((= missing 0))
              (chop-left
               (setq string (format-spec--chop-left string (- missing))))
              ((string-search ">" flags)
               (setq string (format (format "%%.%ds" width) string))))))
    (cond ((string-search "^" flags) (upcase string))
          ((string-search "_" flags) (downcase string))
          (t string))))

(defun format-spec (format specification &optional ignore-missing split)
  "FORMAT with each %-spec replaced by its value in SPECIFICATION.
SPECIFICATION is an alist from characters to values; a value is inserted as
`format' %s would print it.  A spec is %[FLAGS][WIDTH][.PRECISION]CHAR, the
flags being 0 (pad with zeros), - (pad on the right), < and > (cut from the
left or the right to fit WIDTH and PRECISION), ^ (upper case), _ (lower
case); \"%%\" stands for a percent sign.

IGNORE-MISSING says what to do with a spec whose character is not in
SPECIFICATION: nil signals an error, `ignore' keeps it as it is, `delete'
removes it, and any other value keeps it and also keeps \"%%\" as is.

With SPLIT, the result is a list of strings: the text between specs and
the result of each spec, in order."
  (let ((len (length format))
        (pos 0)
        (chunk nil)        ; pieces of the current text, in reverse order
        (chunk-empty t)    ; whether the current text is empty in FORMAT
        (pieces nil))      ; for SPLIT, finished strings in reverse order
    (cl-flet ((emit (string) (push string chunk))
              (cut () (push (apply #'concat (nreverse chunk)) pieces)
                   (setq chunk nil chunk-empty t)))
      (save-match-data
        (while (< pos len)
          (let ((percent (string-search "%" format pos)))
            (if (null percent)
                (progn (emit (substring format pos)) (setq chunk-empty nil pos len))
              (when (> percent pos)
                (emit (substring format pos percent))
                (setq chunk-empty nil))
              (let ((next (1+ percent)))
                (cond
                 ((and (< next len) (eq (aref format next) ?%))
                  (emit "%")
                  (setq chunk-empty nil)
                  ;; Outside the three standard choices the second % stays,
                  ;; and the scan goes on from it.
                  (setq pos (if (memq ignore-missing '(nil ignore delete))
                                (1+ next)
                              next)))
                 ((eq (string-match format-spec--spec-regexp format next) next)
                  (let* ((end (match-end 0))
                         (flags (or (match-string 1 format) ""))
                         (width (match-string 2 format))
                         (precision (match-string 3 format))
                         (char (aref format (match-beginning 4)))
                         (entry (assq char specification)))
                    (when (and split (not chunk-empty)) (cut))
                    (cond
                     (entry
                      (emit (format-spec--apply-modifiers
                             (format "%s" (cdr entry)) flags
                             (and width (string-to-number width))
                             (and precision (string-to-number (substring precision 1)))))
                      (setq pos end))
                     ((eq ignore-missing 'delete)
                      (setq pos end))
                     ((not ignore-missing)
                      (error "Invalid format character: `%%%c'" char))
                     (t
                      ;; The spec stays: its % is kept, and the text after
                      ;; it is scanned as ordinary text.
                      (emit "%")
                      (setq pos next)))
                    (when split (cut))))
                 ((not ignore-missing)
                  (error "Invalid format string"))
                 (t
                  (emit "%")
                  (setq chunk-empty nil pos next))))))))
      (if (not split)
          (apply #'concat (nreverse chunk))
        (unless chunk-empty (cut))
        (nreverse pieces)))))

(defun format-spec-make (&rest pairs)
  "The `format-spec' alist for PAIRS, a property list of characters and
their values."
  (let ((alist nil))
    (while pairs
      (unless (cdr pairs)
        (error "Invalid list of pairs"))
      (push (cons (car pairs) (car (cdr pairs))) alist)
      (setq pairs (cdr (cdr pairs))))
    (nreverse alist)))

(provide 'format-spec)

;;; format-spec.el ends here
