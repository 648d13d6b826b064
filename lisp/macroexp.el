;;; macroexp.el --- expanding every macro in a form  -*- lexical-binding: t -*-

;; `macroexpand-all' walks a form, expanding macro calls wherever a form is
;; evaluated, and leaves quoted data and binding names alone.  byte-run.el
;; uses it to expand function bodies once, when they are defined.

(defvar macroexpand-all-environment nil
  "The macro environment in effect while `macroexpand-all' walks a form.")

;; The walk itself, `macroexp--walk' and `macroexp--walk-forms', is in Java
;; (pdmacs.subr.Macroexp): load expands every form of every file with it.

(defun macroexpand-all (form &optional environment)
  "Return FORM with every macro call in it expanded, using ENVIRONMENT."
  (macroexp--walk form environment))

(defun macroexp--expand-body-forms (forms)
  "Expand the function body FORMS in the current macro environment.
A body that fails to expand is kept as it is: the error then shows when the
function runs, as it would without eager expansion."
  (condition-case nil
      (macroexp--walk-forms forms macroexpand-all-environment)
    (error forms)))

(defun internal-macroexpand-for-load (form _full-p)
  "FORM with its macros expanded, as `load' evaluates a top-level form.
A form that fails to expand is returned as it is: the error then shows when it
runs, as it would without eager expansion."
  (condition-case nil
      (macroexpand-all form)
    (error form)))

(defun macroexp-progn (exps)
  "A single form that runs the forms EXPS in order."
  (if (cdr exps) (cons 'progn exps) (car exps)))

(defun macroexp-unprogn (exp)
  "The list of forms that EXP runs: its body when it is a `progn'."
  (if (eq (car-safe exp) 'progn) (or (cdr exp) '(nil)) (list exp)))

(defun macroexp-quote (v)
  "A form that evaluates to V."
  (if (and (not (memq v '(nil t))) (or (consp v) (and (symbolp v) (not (keywordp v)))))
      (list 'quote v)
    v))

(defun macroexp-const-p (exp)
  "Non-nil if EXP always evaluates to the same value."
  (cond ((consp exp) (or (eq (car exp) 'quote)
                         (and (eq (car exp) 'function) (symbolp (car (cdr exp))))))
        ((symbolp exp) (or (memq exp '(nil t)) (keywordp exp)))
        (t t)))

(defun macroexp-copyable-p (exp)
  "Non-nil if EXP can be duplicated in an expansion without harm."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp-small-p (exp)
  "Non-nil if EXP is small enough to duplicate."
  (or (atom exp) (macroexp-const-p exp)))

(defmacro macroexp-let2 (test sym exp &rest body)
  "Bind SYM to a form equivalent to EXP and evaluate BODY to build code.
When EXP is not constant (by TEST, default `macroexp-const-p'), the code
BODY builds is wrapped in a `let*' that evaluates EXP once into a fresh
variable, and SYM names that variable."
  (declare (indent 3))
  (let ((expsym (make-symbol "exp"))
        (var (make-symbol "var"))
        (bodysym (make-symbol "body")))
    `(let* ((,expsym ,exp)
            (,var (if (funcall #',(or test #'macroexp-const-p) ,expsym)
                      nil (make-symbol ,(symbol-name sym))))
            (,sym (or ,var ,expsym))
            (,bodysym ,(macroexp-progn body)))
       (if ,var (list 'let* (list (list ,var ,expsym)) ,bodysym) ,bodysym))))

(defmacro macroexp-let2* (test bindings &rest body)
  "Nested `macroexp-let2' for each (SYM EXP) of BINDINGS."
  (declare (indent 2))
  (if (null bindings)
      (macroexp-progn body)
    `(macroexp-let2 ,test ,(car (car bindings)) ,(car (cdr (car bindings)))
       (macroexp-let2* ,test ,(cdr bindings) ,@body))))

(defun macroexp-let* (bindings exp)
  "A `let*' of BINDINGS around EXP, or EXP alone when BINDINGS is empty."
  (if bindings (list 'let* bindings exp) exp))

(defun macroexp-parse-body (body)
  "Split BODY into (DECLARATIONS . FORMS): leading docstring, `declare' and
`interactive' forms go in DECLARATIONS."
  (let ((decls nil))
    (while (and (cdr body)
                (let ((e (car body)))
                  (or (stringp e)
                      (memq (car-safe e) '(:documentation declare interactive)))))
      (setq decls (cons (car body) decls) body (cdr body)))
    (cons (nreverse decls) body)))

(provide 'macroexp)

;;; macroexp.el ends here
