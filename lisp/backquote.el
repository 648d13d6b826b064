;;; backquote.el --- the ` macro  -*- lexical-binding: t -*-

;; `(a ,b ,@c) expands to code that builds the list at run time.  Each piece
;; is turned into a form; pieces that turn out constant are folded back into a
;; single quoted constant so that `(a b) costs no more than '(a b).

(defun backquote--constant-p (form)
  "Non-nil if FORM, an expansion, is a quoted constant."
  (or (eq (car-safe form) 'quote)
      (not (or (consp form) (and (symbolp form) form (not (eq form t))
                                 (not (keywordp form)))))))

(defun backquote--constant-value (form)
  "The value of FORM, which satisfies `backquote--constant-p'."
  (if (eq (car-safe form) 'quote) (car (cdr form)) form))

(defun backquote--unquote-p (form marker)
  "Non-nil if FORM is (MARKER X), as the reader makes ,X and ,@X."
  (and (consp form) (eq (car form) marker)
       (consp (cdr form)) (null (cdr (cdr form)))))

(defun backquote--process (form depth)
  "Return a form that builds the backquoted FORM.
DEPTH counts the backquotes enclosing FORM beyond the outermost one."
  (cond
   ((vectorp form)
    (let ((elements (backquote--process-list (append form nil) depth)))
      (if (backquote--constant-p elements)
          (list 'quote form)
        (list 'vconcat elements))))
   ((atom form)
    (if (backquote--constant-p form) form (list 'quote form)))
   ((or (backquote--unquote-p form '\,) (backquote--unquote-p form '\,@))
    (if (= depth 0)
        (car (cdr form))
      (backquote--rebuild (car form) (backquote--process (car (cdr form))
                                                         (1- depth)))))
   ((backquote--unquote-p form '\`)
    (backquote--rebuild '\` (backquote--process (car (cdr form)) (1+ depth))))
   (t (backquote--process-list form depth))))

(defun backquote--rebuild (marker expansion)
  "A form building (MARKER X), X being built by EXPANSION."
  (if (backquote--constant-p expansion)
      (list 'quote (list marker (backquote--constant-value expansion)))
    (list 'list (list 'quote marker) expansion)))

(defun backquote--process-list (form depth)
  "Return a form that builds the backquoted list FORM."
  (let ((segments nil)   ; reversed; each is (list . FORMS) or (splice . FORM)
        (items nil)      ; reversed element forms not yet made into a segment
        (tail form))
    (while (and (consp tail)
                (not (and (memq (car tail) '(\, \,@ \`))
                          (consp (cdr tail)) (null (cdr (cdr tail))))))
      (let ((element (car tail)))
        (if (and (= depth 0) (backquote--unquote-p element '\,@))
            (progn
              (if items
                  (setq segments (cons (cons 'list (nreverse items)) segments)
                        items nil))
              (setq segments (cons (cons 'splice (car (cdr element))) segments)))
          (setq items (cons (backquote--process element depth) items))))
      (setq tail (cdr tail)))
    (if items
        (setq segments (cons (cons 'list (nreverse items)) segments)))
    (backquote--join (nreverse segments)
                     (if tail (backquote--process tail depth) nil))))

(defun backquote--join (segments tail)
  "A form appending SEGMENTS (see `backquote--process-list') onto TAIL."
  (cond
   ((null segments) tail)
   ((and (null (cdr segments)) (eq (car (car segments)) 'list)
         (let ((all-constant (backquote--constant-p tail))
               (forms (cdr (car segments))))
           (while (and all-constant forms)
             (setq all-constant (backquote--constant-p (car forms))
                   forms (cdr forms)))
           all-constant))
    (list 'quote (append (mapcar #'backquote--constant-value (cdr (car segments)))
                         (backquote--constant-value tail))))
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

(defmacro backquote (structure)
  "Build STRUCTURE, evaluating the parts marked with , and splicing ,@ parts."
  (backquote--process structure 0))

(defalias '\` (symbol-function 'backquote))

(provide 'backquote)

;;; backquote.el ends here
