;;; byte-run.el --- defmacro, defun and declarations  -*- lexical-binding: t -*-

;; The first file loadup loads: only special forms and built-in functions are
;; available here, so everything is built with `cons' and `list' by hand.

(defalias 'byte-run--split-body
  #'(lambda (body)
      ;; Return (DOC DECLARATIONS . FORMS).  DOC is BODY's leading docstring
      ;; (only when more forms follow it: a lone string is the return value),
      ;; DECLARATIONS the specs of the `declare' forms after it.
      (let ((doc nil) (decls nil))
        (if (if (stringp (car body)) (cdr body))
            (setq doc (car body) body (cdr body)))
        (while (if (consp (car body)) (eq (car (car body)) 'declare))
          (setq decls (append decls (cdr (car body))) body (cdr body)))
        (cons doc (cons decls body)))))

(defalias 'byte-run--expand-forms
  #'(lambda (forms)
      ;; Once macroexp.el is loaded, function bodies are macroexpanded when they
      ;; are defined, as GNU Emacs's eager macroexpansion does on load: the
      ;; interpreter then never expands the same macro call twice.
      (if (fboundp 'macroexp--expand-body-forms)
          (macroexp--expand-body-forms forms)
        forms)))

(defalias 'byte-run--declaration-forms
  #'(lambda (name arglist decls handlers)
      ;; The forms that DECLS ask for, each produced by the handler named in
      ;; HANDLERS (an alist of (DECLARATION FUNCTION)); unknown ones are ignored.
      (let ((forms nil))
        (while decls
          (let ((handler (assq (car-safe (car decls)) handlers)))
            (if handler
                (let ((form (apply (car (cdr handler)) name arglist
                                   (cdr (car decls)))))
                  (if form (setq forms (cons form forms))))))
          (setq decls (cdr decls)))
        (nreverse forms))))

(defalias 'byte-run--definition
  #'(lambda (name arglist body macro handlers)
      (let* ((parts (byte-run--split-body body))
             (doc (car parts))
             (forms (byte-run--expand-forms (cdr (cdr parts))))
             (fn (list 'function
                       (cons 'lambda (cons arglist (if doc (cons doc forms) forms)))))
             (def (list 'defalias (list 'quote name)
                        (if macro (list 'cons ''macro fn) fn)))
             (extra (byte-run--declaration-forms name arglist (car (cdr parts))
                                                 handlers)))
        (if (not (symbolp name))
            (signal 'error (list "Bad name in definition" name)))
        (if extra (cons 'prog1 (cons def extra)) def))))

(defalias 'byte-run--put-form
  #'(lambda (property)
      ;; A declaration handler that stores the declaration's argument under
      ;; PROPERTY of the function's name.
      #'(lambda (name _arglist value)
          (list 'function-put (list 'quote name) (list 'quote property)
                (list 'quote value)))))

(defvar defun-declarations-alist
  (list (list 'indent (byte-run--put-form 'lisp-indent-function))
        (list 'doc-string (byte-run--put-form 'doc-string-elt))
        (list 'pure (byte-run--put-form 'pure))
        (list 'side-effect-free (byte-run--put-form 'side-effect-free))
        (list 'completion (byte-run--put-form 'completion-predicate))
        (list 'obsolete
              #'(lambda (name _arglist new when)
                  (list 'make-obsolete (list 'quote name) (list 'quote new) when))))
  "Alist of (DECLARATION HANDLER) for `declare' in `defun'.
HANDLER is called with the function's name, its argument list and the
declaration's arguments, and returns a form to evaluate after the definition,
or nil.")

(defvar macro-declarations-alist
  (cons (list 'debug (byte-run--put-form 'edebug-form-spec))
        defun-declarations-alist)
  "Alist of (DECLARATION HANDLER) for `declare' in `defmacro'.")

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Define NAME as a macro taking ARGLIST, expanding with BODY.
BODY may start with a docstring and `declare' forms."
            (byte-run--definition name arglist body t macro-declarations-alist))))

(defalias 'defun
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Define NAME as a function taking ARGLIST and running BODY.
BODY may start with a docstring, `declare' forms and an `interactive' form."
            (byte-run--definition name arglist body nil defun-declarations-alist))))

(defmacro lambda (&rest cdr)
  "A function object: (lambda ARGS [DOCSTRING] BODY...) quotes itself with `function'."
  (list 'function (cons 'lambda cdr)))

(defmacro declare (&rest _specs)
  "Declarations for the enclosing `defun' or `defmacro'; outside them, nil."
  nil)

(defun function-put (function property value)
  "Set FUNCTION's PROPERTY to VALUE."
  (put function property value))

(function-put 'defun 'lisp-indent-function 2)
(function-put 'defmacro 'lisp-indent-function 2)

(defun make-obsolete (obsolete-name current-name when)
  "Record that OBSOLETE-NAME is obsolete in favour of CURRENT-NAME since WHEN."
  (put obsolete-name 'byte-obsolete-info (list current-name nil when))
  obsolete-name)

(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Record that variable OBSOLETE-NAME is obsolete since WHEN."
  (put obsolete-name 'byte-obsolete-variable (list current-name access-type when))
  obsolete-name)

(defmacro define-obsolete-function-alias (obsolete current when &optional doc)
  "Make OBSOLETE an obsolete alias of CURRENT."
  (list 'progn
        (list 'defalias obsolete current doc)
        (list 'make-obsolete obsolete current when)))

(defmacro define-obsolete-variable-alias (obsolete current when &optional doc)
  "Make OBSOLETE an obsolete alias of variable CURRENT."
  (list 'progn
        (list 'defvaralias obsolete current doc)
        (list 'make-obsolete-variable obsolete current when)))

(defmacro defsubst (name arglist &rest body)
  "Define NAME as a function; the interpreter does not inline it."
  (cons 'defun (cons name (cons arglist body))))

(defmacro declare-function (&rest _args)
  "Tell the byte compiler a function is defined elsewhere: nothing to do here."
  nil)

(defmacro eval-when-compile (&rest body)
  "Evaluate BODY; interpreted, that is at load time."
  (list 'quote (eval (cons 'progn body) lexical-binding)))

(defmacro eval-and-compile (&rest body)
  "Evaluate BODY at load time (there is no separate compile time)."
  (cons 'progn body))

(defmacro with-no-warnings (&rest body)
  "Run BODY; warnings only concern the byte compiler."
  (cons 'progn body))

(defmacro with-suppressed-warnings (_warnings &rest body)
  "Run BODY; warnings only concern the byte compiler."
  (cons 'progn body))

(defmacro dont-compile (&rest body)
  "Run BODY."
  (list 'eval (list 'quote (cons 'progn body)) lexical-binding))

;;; byte-run.el ends here
