;;; cl-print.el --- printing through a generic function  -*- lexical-binding: t -*-

;; `cl-prin1' prints an object by calling the generic function
;; `cl-print-object', so a program can give its own types their own printed
;; form with a method.  The methods here print lists, vectors and structures
;; element by element (recursing through `cl-print-object', so methods apply
;; at any depth), honouring `print-length', `print-level' and `print-circle'
;; as GNU Emacs 28's cl-print does; anything else goes to `prin1'.
;;
;; GNU Emacs puts a `cl-print-ellipsis' text property on each "..." printed
;; into a buffer so that `cl-print-expand-ellipsis' can print the elided part
;; later.  This runtime has no buffers nor text properties, so an ellipsis is
;; only the three dots and there is no expansion.

(require 'cl-lib)
(require 'cl-generic)

(defvar cl-print-readably nil
  "When non-nil, `cl-prin1' prints with `prin1' so the text can be read back.")

(defvar cl-print-compiled nil
  "How to print compiled functions; kept for compatibility.
Functions here are interpreted closures, which print as lists.")

(defvar cl-print--number-table nil
  "While printing with `print-circle': object -> label.
A negative label is not printed yet, a positive one has been (so later
occurrences print as #N#), and t marks an object seen once.")

(defvar cl-print--currently-printing nil
  "Without `print-circle': the objects (and list tails) being printed, the
innermost first, to print a reference #N instead of recursing forever.")

(defvar cl-print--depth nil
  "How many `cl-print-object' calls enclose the current one (1 at top level).")

(defun cl-print--too-deep-p ()
  (and cl-print--depth (natnump print-level) (> cl-print--depth print-level)))

(defun cl-print-insert-ellipsis (_object _start stream)
  "Print \"...\" on STREAM in place of OBJECT's elements from START on.
START is 0 when the whole of OBJECT is elided."
  (princ "..." (or stream standard-output)))

(cl-defgeneric cl-print-object (object stream)
  "Print OBJECT on STREAM; methods define the printed form of their types.
Call `cl-prin1' rather than this to print something."
  ;; Objects without elements print the same either way.
  (prin1 object stream))

;;;; Lists.

(defconst cl-print--quote-prefixes
  '((quote . "'") (function . "#'") (\` . "`") (\, . ",") (\,@ . ",@") (\,. . ",."))
  "The reader shorthands a two-element list with these heads prints as.")

(defun cl-print--tail-stops-p (tail)
  "Non-nil if the list TAIL must print after a dot rather than as elements:
it is labelled for `print-circle' or is already being printed.  Otherwise
record that TAIL is being printed."
  (cond (cl-print--number-table
         (numberp (gethash tail cl-print--number-table)))
        ((memq tail cl-print--currently-printing) t)
        (t (push tail cl-print--currently-printing) nil)))

(cl-defmethod cl-print-object ((object cons) stream)
  (if (cl-print--too-deep-p)
      (cl-print-insert-ellipsis object 0 stream)
    (let ((head (car object))
          (rest (cdr object))
          (prefix nil))
      (if (and print-quoted
               (setq prefix (cdr (assq head cl-print--quote-prefixes)))
               (consp rest)
               (null (cdr rest)))
          (progn (princ prefix stream)
                 (cl-print-object (car rest) stream))
        (princ "(" stream)
        (cl-print-object head stream)
        ;; The first element always prints, so (1 ...) with a zero length.
        (let ((printed 1))
          (while (and (consp rest) (not (cl-print--tail-stops-p rest)))
            (princ " " stream)
            (if (and (natnump print-length) (>= printed print-length))
                (progn (cl-print-insert-ellipsis rest printed stream)
                       (setq rest nil))
              (cl-print-object (car rest) stream)
              (setq rest (cdr rest)
                    printed (1+ printed)))))
        (when rest
          (princ " . " stream)
          (cl-print-object rest stream))
        (princ ")" stream)))))

;;;; Vectors, structures and hash tables.

(defun cl-print--elements (object count stream lead print-elt)
  "Print COUNT elements of OBJECT, separated by spaces, with PRINT-ELT
(called with the index); then an ellipsis if `print-length' cut them short.
With LEAD non-nil, a space precedes the first element too."
  (let* ((limit (if (natnump print-length) (min print-length count) count))
         (i 0))
    (while (< i limit)
      (when (or lead (> i 0)) (princ " " stream))
      (funcall print-elt i)
      (setq i (1+ i)))
    (when (< limit count)
      (princ " " stream)
      (cl-print-insert-ellipsis object limit stream))))

(cl-defmethod cl-print-object ((object vector) stream)
  (if (cl-print--too-deep-p)
      (cl-print-insert-ellipsis object 0 stream)
    (princ "[" stream)
    (cl-print--elements object (length object) stream nil
                        (lambda (i) (cl-print-object (aref object i) stream)))
    (princ "]" stream)))

(cl-defmethod cl-print-object ((object cl-structure-object) stream)
  (if (cl-print--too-deep-p)
      (cl-print-insert-ellipsis object 0 stream)
    (let* ((type (type-of object))
           ;; Without the tag slot, so slot I is at index I + 1.
           (slots (vconcat (cdr (cl-struct-slot-info type)))))
      (princ "#s(" stream)
      (princ type stream)
      (cl-print--elements object (length slots) stream t
                          (lambda (i)
                            (princ ":" stream)
                            (princ (car (aref slots i)) stream)
                            (princ " " stream)
                            (cl-print-object (aref object (1+ i)) stream)))
      (princ ")" stream))))

(cl-defmethod cl-print-object ((object hash-table) stream)
  ;; Test, count and size, then a number telling tables apart.
  (princ (format "#<hash-table %s %d/%d %#x>"
                 (hash-table-test object) (hash-table-count object)
                 (hash-table-size object) (sxhash-eq object))
         stream))

;;;; Strings.

(cl-defmethod cl-print-object ((object string) stream)
  (let ((len (length object)))
    (if (or (not (natnump print-length)) (<= len print-length))
        (prin1 object stream)
      ;; The dots go inside the quotes: the string is cut, not the list.
      (prin1 (concat (substring object 0 print-length) "...") stream))))

;;;; Advice.

(cl-defmethod cl-print-object :extra "nadvice" ((object cons) stream)
  (if (not (and (fboundp 'advice--p) (advice--p object)))
      (cl-call-next-method)
    (princ "#f(advice-wrapper " stream)
    (princ (advice--how object) stream)
    (princ " " stream)
    (cl-print-object (advice--cdr object) stream)
    (princ " " stream)
    (cl-print-object (advice--car object) stream)
    (let ((props (advice--props object)))
      (when props
        (princ " " stream)
        (cl-print-object props stream)))
    (princ ")" stream)))

;;;; Depth, sharing and cycles.

(cl-defmethod cl-print-object :around (object stream)
  (let ((cl-print--depth (1+ (or cl-print--depth 0))))
    (if print-circle
        (let ((label (gethash object cl-print--number-table)))
          (cond ((not (numberp label)) (cl-call-next-method))
                ((> label 0) (princ (format "#%d#" label) stream))
                (t (puthash object (- label) cl-print--number-table)
                   (princ (format "#%d=" (- label)) stream)
                   (cl-call-next-method))))
      (let ((outer (memq object cl-print--currently-printing)))
        (if outer
            ;; The reference counts the enclosing objects outside this one.
            (princ (format "#%d" (length (cdr outer))) stream)
          (let ((cl-print--currently-printing
                 (cons object cl-print--currently-printing)))
            (cl-call-next-method)))))))

(defun cl-print--label-candidate-p (object)
  "Non-nil if OBJECT is the kind of object `print-circle' may label."
  (or (consp object) (stringp object) (vectorp object) (recordp object)
      (hash-table-p object)
      (and print-gensym (symbolp object) object
           (not (eq (intern-soft (symbol-name object)) object)))))

(defun cl-print--number-shared (object)
  "A table labelling the objects that occur more than once in OBJECT.
Labels are negative (not printed yet) and numbered in the order the second
occurrences are met, walking cars before cdrs and elements in order."
  (let ((table (make-hash-table :test #'eq))
        (count 0)
        (stack (list object)))
    ;; An explicit stack: long lists must not exhaust `max-lisp-eval-depth'.
    (while stack
      (let ((x (pop stack)))
        (when (cl-print--label-candidate-p x)
          (let ((seen (gethash x table)))
            (cond ((numberp seen))
                  (seen (setq count (1+ count))
                        (puthash x (- count) table))
                  (t
                   (puthash x t table)
                   (cond ((consp x) (push (cdr x) stack) (push (car x) stack))
                         ((or (vectorp x) (recordp x))
                          (let ((i (length x)))
                            (while (> i 0)
                              (setq i (1- i))
                              (push (aref x i) stack))))
                         ((hash-table-p x)
                          (let ((items nil))
                            (maphash (lambda (k v) (push k items) (push v items)) x)
                            (setq stack (nconc (nreverse items) stack)))))))))))
    table))

;;;; Entry points.

(defun cl-prin1 (object &optional stream)
  "Print OBJECT on STREAM (default `standard-output') with `cl-print-object'.
`print-length', `print-level', `print-circle' and `print-quoted' apply; with
`cl-print-readably' non-nil, print with `prin1' instead.  An error while
printing is reported as a message."
  (if cl-print-readably
      (prin1 object stream)
    (with-demoted-errors "cl-prin1: %S"
      (let ((cl-print--number-table
             (and print-circle (cl-print--number-shared object))))
        (cl-print-object object stream)))))

(defun cl-prin1-to-string (object)
  "The text `cl-prin1' prints for OBJECT."
  (with-output-to-string (cl-prin1 object)))

(defun cl-print-to-string-with-limit (print-function value limit)
  "The text PRINT-FUNCTION prints for VALUE, cut to be under LIMIT characters
if it can be.  PRINT-FUNCTION takes VALUE and a stream and should honour
`print-length' and `print-level', which are lowered until the text fits or
`print-level' reaches 2.  A LIMIT of nil or 0 means no limit."
  (unless (and (natnump limit) (> limit 0)) (setq limit nil))
  (let* ((print-length (and limit (min limit 50)))
         (print-level (and limit (min 8 (truncate (log limit)))))
         (length-step (and limit (max 1 (truncate (/ print-length print-level)))))
         (text nil))
    (while (progn
             (setq text (with-output-to-string
                          (funcall print-function value standard-output)))
             (and limit (>= (length text) limit) (> print-level 2)))
      ;; Lower the level in proportion to the overshoot, the length with it.
      (let ((step (max 1 (min (- print-level 2) (/ (length text) limit)))))
        (setq print-level (- print-level step)
              print-length (- print-length (* length-step step)))))
    text))

(provide 'cl-print)

;;; cl-print.el ends here
