;;; backquote-reference.el --- backquote.el's expander as Lisp, for BackquoteTest  -*- lexical-binding: t -*-

;; The Lisp version that pdmacs.subr.Backquote replaced (lisp/backquote.el
;; before it moved to Java), renamed bq-ref--, and kept so that the test can
;; compare the two expanders form for form on random structures.  Corrected
;; since, as the Java one: a ,@ one level in splices into its unquote, and ,@
;; after a dot is data.  It runs on
;; the bare runtime, so defun is not available: a macro here expands it.

(defalias (quote bq-ref--defun)
  (cons (quote macro)
        (function (lambda (name args &rest body)
                    (list (quote defalias) (list (quote quote) name)
                          (list (quote function) (cons (quote lambda) (cons args body))))))))

(bq-ref--defun bq-ref--constant-p (form)
  "Non-nil if FORM, an expansion, is a quoted constant."
  (or (eq (car-safe form) 'quote)
      (not (or (consp form) (and (symbolp form) form (not (eq form t))
                                 (not (keywordp form)))))))

(bq-ref--defun bq-ref--constant-value (form)
  "The value of FORM, which satisfies `bq-ref--constant-p'."
  (if (eq (car-safe form) 'quote) (car (cdr form)) form))

(bq-ref--defun bq-ref--unquote-p (form marker)
  "Non-nil if FORM is (MARKER X), as the reader makes ,X and ,@X."
  (and (consp form) (eq (car form) marker)
       (consp (cdr form)) (null (cdr (cdr form)))))

(bq-ref--defun bq-ref--process (form depth)
  "Return a form that builds the backquoted FORM.
DEPTH counts the backquotes enclosing FORM beyond the outermost one."
  (cond
   ((vectorp form)
    (let ((elements (bq-ref--process-list (append form nil) depth)))
      (if (bq-ref--constant-p elements)
          (list 'quote form)
        (list 'vconcat elements))))
   ((atom form)
    (if (bq-ref--constant-p form) form (list 'quote form)))
   ((or (bq-ref--unquote-p form '\,) (bq-ref--unquote-p form '\,@))
    (if (= depth 0)
        (car (cdr form))
      ;; One level in, the argument is a list that a ,@ splices into.
      (let ((rest (bq-ref--process-list (cdr form) (1- depth))))
        (cond ((bq-ref--constant-p rest)
               (list 'quote (cons (car form) (bq-ref--constant-value rest))))
              ((eq (car-safe rest) 'list)
               (cons 'list (cons (list 'quote (car form)) (cdr rest))))
              (t (list 'cons (list 'quote (car form)) rest))))))
   ((bq-ref--unquote-p form '\`)
    (bq-ref--rebuild '\` (bq-ref--process (car (cdr form)) (1+ depth))))
   (t (bq-ref--process-list form depth))))

(bq-ref--defun bq-ref--rebuild (marker expansion)
  "A form building (MARKER X), X being built by EXPANSION."
  (if (bq-ref--constant-p expansion)
      (list 'quote (list marker (bq-ref--constant-value expansion)))
    (list 'list (list 'quote marker) expansion)))

(bq-ref--defun bq-ref--process-list (form depth)
  "Return a form that builds the backquoted list FORM."
  (let ((segments nil)   ; reversed; each is (list . FORMS) or (splice . FORM)
        (items nil)      ; reversed element forms not yet made into a segment
        (tail form))
    (while (and (consp tail)
                (not (and (memq (car tail) '(\, \`)) ; after a dot, ,@ is data
                          (consp (cdr tail)) (null (cdr (cdr tail))))))
      (let ((element (car tail)))
        (if (and (= depth 0) (bq-ref--unquote-p element '\,@))
            (progn
              (if items
                  (setq segments (cons (cons 'list (nreverse items)) segments)
                        items nil))
              (setq segments (cons (cons 'splice (car (cdr element))) segments)))
          (setq items (cons (bq-ref--process element depth) items))))
      (setq tail (cdr tail)))
    (if items
        (setq segments (cons (cons 'list (nreverse items)) segments)))
    (bq-ref--join (nreverse segments)
                     (if tail (bq-ref--process tail depth) nil))))

(bq-ref--defun bq-ref--join (segments tail)
  "A form appending SEGMENTS (see `bq-ref--process-list') onto TAIL."
  (cond
   ((null segments) tail)
   ((and (null (cdr segments)) (eq (car (car segments)) 'list)
         (let ((all-constant (bq-ref--constant-p tail))
               (forms (cdr (car segments))))
           (while (and all-constant forms)
             (setq all-constant (bq-ref--constant-p (car forms))
                   forms (cdr forms)))
           all-constant))
    (list 'quote (append (mapcar #'bq-ref--constant-value (cdr (car segments)))
                         (bq-ref--constant-value tail))))
   ((and (null (cdr segments)) (eq (car (car segments)) 'list) (null tail))
    (cons 'list (cdr (car segments))))
   ((and (null (cdr segments)) (eq (car (car segments)) 'list))
    (let ((result tail)
          (forms (reverse (cdr (car segments)))))
      (while forms
        (setq result (list 'cons (car forms) result)
              forms (cdr forms)))
      result))
   ((and (null (cdr segments)) (null tail))
    (cdr (car segments)))
   (t
    (let ((args nil))
      (while segments
        (let ((segment (car segments)))
          (setq args (cons (if (eq (car segment) 'list)
                               (cons 'list (cdr segment))
                             (cdr segment))
                           args)))
        (setq segments (cdr segments)))
      (cons 'append (nreverse (if tail (cons tail args)
                                ;; A spliced last segment is shared, as in
                                ;; GNU Emacs; copying it needs a final nil.
                                args)))))))
