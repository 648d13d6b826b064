;;; cl-macs.el --- more Common Lisp macros  -*- lexical-binding: t -*-

;; The Common Lisp macros cl-lib.el leaves out: symbol macros, `cl-tagbody'
;; and the `cl-do' loops, parallel assignment, inline functions, type and
;; compiler-macro definitions, evaluation-time control and declarations.

(require 'cl-lib)

;;;; Declarations.  pdmacs has no compiler, so they only record what they say.

(defvar cl--proclaims nil
  "The declaration specifiers given to `cl-proclaim', most recent first.")

(defun cl-proclaim (spec)
  "Record the global declaration SPEC, as (optimize ...) or (special ...)."
  (push spec cl--proclaims)
  nil)

(defmacro cl-declaim (&rest specs)
  "Proclaim each of SPECS when the form is evaluated (see `cl-proclaim')."
  `(progn ,@(mapcar (lambda (spec) `(cl-proclaim ',spec)) specs) nil))

(defmacro cl-declare (&rest _specs)
  "Local declarations; they have no effect on evaluation."
  nil)

(defmacro cl-locally (&rest body)
  "Run BODY, which may start with `cl-declare' forms."
  (cons 'progn body))

(defmacro cl-eval-when (when &rest body)
  "Run BODY only if WHEN, a list of situations, includes evaluation (`eval'
or :execute).  Without a compiler, `compile' and `load' never apply."
  (declare (indent 1))
  (and (or (memq 'eval when) (memq :execute when))
       (macroexp-progn body)))

(defmacro cl-load-time-value (form &optional _read-only)
  "The value of FORM, evaluated once, when the code around it is expanded."
  (list 'quote (eval form lexical-binding)))

;;;; Functions.

(defmacro cl-defsubst (name args &rest body)
  "Define NAME as a function with the Common Lisp lambda list ARGS, as
`cl-defun' does; it is meant to be open-coded by a compiler."
  (declare (indent 2) (doc-string 3))
  `(cl-defun ,name ,args ,@body))

(defmacro cl-define-compiler-macro (func args &rest body)
  "Define a compiler macro for FUNC: a function of a call's arguments (ARGS
is a Common Lisp lambda list, starting with `&whole VAR' to get the whole
call) that returns a replacement for the call, or the call itself.
`cl-compiler-macroexpand' applies it."
  (declare (indent 2))
  (let ((handler (intern (format "%s--cmacro" func))))
    `(progn
       (cl-defun ,handler ,(if (eq (car-safe args) '&whole)
                               (cdr args)
                             (cons '_cl-whole-arg args))
         ,@body)
       (put ',func 'compiler-macro #',handler)
       ',handler)))

(defun cl-compiler-macroexpand (form)
  "FORM with the compiler macro of its function applied until it gives back
the same form.  Aliases are followed to find the compiler macro."
  (let ((done nil))
    (while (not done)
      (let ((func (car-safe form))
            (handler nil))
        (while (and (symbolp func) func
                    (not (setq handler (get func 'compiler-macro)))
                    (fboundp func)
                    (symbolp (symbol-function func)))
          (setq func (symbol-function func)))
        (if (and handler (symbolp func))
            (let ((new (apply handler form (cdr form))))
              (if (eq new form) (setq done t) (setq form new)))
          (setq done t))))
    form))

(defmacro cl-iter-defun (name args &rest body)
  "Define NAME as a generator function (see `iter-defun') with the Common
Lisp lambda list ARGS."
  (declare (indent 2) (doc-string 3))
  (require 'generator)
  `(iter-defun ,name ,@(cl--transform-lambda args body name)))

(defvar cl--gentemp-counter 0 "The number `cl-gentemp' tries next.")

(defun cl-gentemp (&optional prefix)
  "A new interned symbol: PREFIX (default \"T\") and the first number that
does not make the name of an existing symbol."
  (let ((prefix (if (stringp prefix) prefix "T"))
        name)
    (while (intern-soft (setq name (format "%s%d" prefix cl--gentemp-counter)))
      (setq cl--gentemp-counter (1+ cl--gentemp-counter)))
    (intern name)))

;;;; Types.

(defun cl--deftype-args (args)
  "ARGS with '* as the default of &optional and &key variables without one."
  (let ((mode nil))
    (mapcar (lambda (arg)
              (cond ((memq arg cl--lambda-keywords) (setq mode arg) arg)
                    ((and (memq mode '(&optional &key)) (symbolp arg))
                     (list arg ''*))
                    (t arg)))
            args)))

(defmacro cl-deftype (name args &rest body)
  "Define NAME as a type: (NAME ARGS...) in a type specifier stands for the
type BODY returns, ARGS being a Common Lisp lambda list whose optional
arguments default to `*'."
  (declare (indent 2) (doc-string 3))
  `(put ',name 'cl-deftype-handler
        (cl-function (lambda ,(cl--deftype-args args) ,@body))))

;;;; Macro-writing helpers.

(defmacro cl-with-gensyms (names &rest body)
  "Run BODY with each of NAMES bound to a new uninterned symbol of that name."
  (declare (indent 1))
  `(let ,(mapcar (lambda (name) `(,name (gensym ,(symbol-name name)))) names)
     ,@body))

(defmacro cl-once-only (names &rest body)
  "For writing macros: make the code BODY builds evaluate the forms held by
NAMES (each a variable, or (VARIABLE FORM)) once, in order, by binding them to
new variables; in BODY, each VARIABLE holds the name of its new variable."
  (declare (indent 1))
  (let* ((specs (mapcar (lambda (n) (if (consp n) n (list n n))) names))
         (temps (mapcar (lambda (s) (make-symbol (symbol-name (car s)))) specs)))
    `(let ,(cl-mapcar (lambda (temp spec)
                        `(,temp (gensym ,(symbol-name (car spec)))))
                      temps specs)
       (list 'let
             (list ,@(cl-mapcar (lambda (temp spec) `(list ,temp ,(car (cdr spec))))
                                temps specs))
             (let ,(cl-mapcar (lambda (temp spec) (list (car spec) temp))
                              temps specs)
               ,@body)))))

;;;; Places.

(defmacro cl-psetf (&rest pairs)
  "Set each PLACE of PAIRS (PLACE VALUE...) to its VALUE, in parallel: the
places and values are all evaluated, left to right, before any is set.
Return nil."
  (unless (cl-evenp (length pairs))
    (error "Odd number of arguments to cl-psetf"))
  (let ((setters nil))
    (cl-labels ((build (pairs)
                  (if (null pairs)
                      `(progn ,@(nreverse setters) nil)
                    (gv-letplace (_getter setter) (car pairs)
                      (macroexp-let2 nil v (car (cdr pairs))
                        (push (funcall setter v) setters)
                        (build (cdr (cdr pairs))))))))
      (build pairs))))

(defmacro cl-psetq (&rest pairs)
  "Like `setq', but the VALUEs are all evaluated before any SYMBOL is set.
Return nil."
  (let ((tail pairs))
    (while tail
      (unless (symbolp (car tail))
        (signal 'wrong-type-argument (list 'symbolp (car tail))))
      (setq tail (cdr (cdr tail)))))
  `(cl-psetf ,@pairs))

(defmacro cl-remf (place tag)
  "Remove TAG and its value from the property list in PLACE.
Return non-nil if TAG was there."
  (gv-letplace (getter setter) place
    (macroexp-let2* nil ((k tag) (plist getter))
      `(if (eq (car ,plist) ,k)
           (progn ,(funcall setter `(cdr (cdr ,plist))) t)
         (cl--do-remf ,plist ,k)))))

(defmacro cl-callf2 (func arg1 place &rest args)
  "Set PLACE to (FUNC ARG1 PLACE ARGS...); ARG1 is evaluated first."
  (declare (indent 3))
  (macroexp-let2 nil a1 arg1
    (gv-letplace (getter setter) place
      (funcall setter (if (symbolp func) `(,func ,a1 ,getter ,@args)
                        `(funcall ,func ,a1 ,getter ,@args))))))

(defmacro cl-multiple-value-setq (vars form)
  "Set the variables VARS to the multiple values FORM returns (a list).
Return the first value."
  (cond ((null vars) `(progn ,form nil))
        ((null (cdr vars)) `(setq ,(car vars) (car ,form)))
        (t (let ((values (make-symbol "values"))
                 (n 0))
             `(let ((,values ,form))
                (prog1 (setq ,(car vars) (car ,values))
                  ,@(mapcar (lambda (v) `(setq ,v (nth ,(setq n (1+ n)) ,values)))
                            (cdr vars))))))))

;;;; Loops and jumps.

(defun cl--do-expand (steps endtest body sequential)
  (let ((step-pairs nil))
    (dolist (step steps)
      (when (and (consp step) (cdr (cdr step)))
        (setq step-pairs (append step-pairs (list (car step) (nth 2 step))))))
    `(cl-block nil
       (,(if sequential 'let* 'let)
        ,(mapcar (lambda (s) (if (consp s) (list (car s) (nth 1 s)) s)) steps)
        (while (not ,(car endtest))
          ,@body
          ,@(and step-pairs
                 (list (if sequential `(setq ,@step-pairs) `(cl-psetq ,@step-pairs)))))
        ,@(or (cdr endtest) '(nil))))))

(defmacro cl-do (steps endtest &rest body)
  "Bind each (VAR INIT [STEP]) of STEPS, then run BODY until the car of
ENDTEST is non-nil, setting all VARs to their STEPs in parallel after each
run; return the value of the rest of ENDTEST.  All in a block named nil."
  (declare (indent 2))
  (cl--do-expand steps endtest body nil))

(defmacro cl-do* (steps endtest &rest body)
  "Like `cl-do', binding and stepping the variables in sequence."
  (declare (indent 2))
  (cl--do-expand steps endtest body t))

(defmacro cl-do-symbols (spec &rest body)
  "Run BODY with VAR bound to each symbol in OBARRAY, for SPEC (VAR [OBARRAY
[RESULT]]); then return RESULT, with VAR nil.  All in a block named nil."
  (declare (indent 1))
  (let ((var (car spec)))
    `(cl-block nil
       (mapatoms (lambda (,var) ,@body) ,@(and (nth 1 spec) (list (nth 1 spec))))
       (let ((,var nil)) ,var ,(nth 2 spec)))))

(defmacro cl-do-all-symbols (spec &rest body)
  "Like `cl-do-symbols' on the standard obarray, for SPEC (VAR [RESULT])."
  (declare (indent 1))
  `(cl-do-symbols (,(car spec) nil ,(nth 1 spec)) ,@body))

(defmacro cl-tagbody (&rest statements)
  "Run STATEMENTS in order.  An atom among them is a label that `go' jumps
to: (go LABEL) inside the forms continues with the statements after LABEL.
Return nil."
  (let ((labels (cl-remove-if #'consp statements)))
    (if (null labels)
        `(progn ,@statements nil)
      (let* ((tag (make-symbol "tagbody"))
             (pc (make-symbol "label"))
             (start (make-symbol "start"))
             (outer (cdr (assq 'go macroexpand-all-environment)))
             (env (cons (cons 'go
                              (lambda (label)
                                (cond ((memql label labels) `(throw ',tag ',label))
                                      (outer (funcall outer label))
                                      (t (error "No cl-tagbody label %S" label)))))
                        macroexpand-all-environment))
             (segments nil)
             (current (list start)))
        ;; Split into (LABEL FORMS...) segments; each falls through to the next.
        (dolist (stmt statements)
          (if (consp stmt)
              (push stmt current)
            (push (nreverse current) segments)
            (setq current (list stmt))))
        (push (nreverse current) segments)
        (setq segments (nreverse segments))
        `(let ((,pc ',start))
           (while ,pc
             (setq ,pc
                   (catch ',tag
                     (cond
                      ,@(let ((tail segments) (clauses nil))
                          (while tail
                            (let ((seg (car tail))
                                  (next (car (car (cdr tail)))))
                              (push `((eql ,pc ',(car seg))
                                      ,@(macroexpand-all (cdr seg) env)
                                      ',next)
                                    clauses))
                            (setq tail (cdr tail)))
                          (nreverse clauses))))))
           nil)))))

(defmacro cl-prog (bindings &rest body)
  "Bind BINDINGS as `let' does and run BODY as `cl-tagbody' does, in a block
named nil."
  (declare (indent 1))
  `(cl-block nil (let ,bindings (cl-tagbody ,@body))))

(defmacro cl-prog* (bindings &rest body)
  "Like `cl-prog', binding in sequence as `let*' does."
  (declare (indent 1))
  `(cl-block nil (let* ,bindings (cl-tagbody ,@body))))

;;;; Symbol macros.

;; A code walker expands BODY's macros step by step itself, with the symbol
;; macros in scope recorded in the macro environment under the key
;; :cl-symbol-macros (where a nested `cl-symbol-macrolet' finds them), and
;; replaces each variable reference to a symbol macro by its expansion and
;; each `setq' of one by a `setf' of its expansion.  A binding of the same
;; name (a `let', a lambda argument) shadows the symbol macro in its scope.

(defvar cl--sm-base-env nil
  "The macro environment around the outermost `cl-symbol-macrolet' walked.")

(defun cl--sm-walk-forms (forms env)
  (if (consp forms)
      (cons (cl--sm-walk (car forms) env) (cl--sm-walk-forms (cdr forms) env))
    forms))

(defun cl--sm-shadow (vars env)
  "ENV with the symbol macros named by VARS, a list of bound variables, hidden."
  (dolist (v vars)
    (when (and (symbolp v) (not (memq v '(&optional &rest))) (assq v env))
      (push (list v) env)))
  env)

(defun cl--sm-expansion (symbol env)
  "The expansion of SYMBOL in ENV, as a one-element list, or nil."
  (cdr (assq symbol env)))

(defun cl--sm-walk (form env)
  "FORM with its macros expanded and the symbol macros of ENV replaced."
  (let ((macroexpand-all-environment
         (cons (cons :cl-symbol-macros env) cl--sm-base-env)))
    (setq form (macroexpand form macroexpand-all-environment)))
  (cond
   ((symbolp form)
    (let ((exp (cl--sm-expansion form env)))
      (if exp
          ;; Hidden inside its own expansion, so that (X (car X)) ends.
          (cl--sm-walk (car exp) (cons (list form) env))
        form)))
   ((not (consp form)) form)
   (t
    (let ((head (car form)) (args (cdr form)))
      (cond
       ((memq head '(quote interactive)) form)
       ((eq head 'function)
        (let ((fn (car-safe args)))
          (if (eq (car-safe fn) 'lambda)
              (let ((env (cl--sm-shadow (car-safe (cdr fn)) env)))
                `(function (lambda ,(car (cdr fn))
                             ,@(cl--sm-walk-forms (cdr (cdr fn)) env))))
            form)))
       ((eq head 'setq)
        (let ((pairs args) (forms nil) (macro nil))
          (while pairs
            (let* ((var (car pairs))
                   (value (car (cdr pairs)))
                   (exp (cl--sm-expansion var env)))
              (push (if exp
                        (progn (setq macro t)
                               (cl--sm-walk `(setf ,(car exp) ,value) env))
                      `(setq ,var ,(cl--sm-walk value env)))
                    forms))
            (setq pairs (cdr (cdr pairs))))
          (setq forms (nreverse forms))
          (cond ((not macro) `(setq ,@(apply #'append (mapcar #'cdr forms))))
                ((cdr forms) `(progn ,@forms))
                (t (car forms)))))
       ((memq head '(let let*))
        (let ((body-env env)
              (bindings nil))
          (dolist (b (car args))
            (push (if (consp b)
                      (cons (car b) (cl--sm-walk-forms (cdr b)
                                                       (if (eq head 'let*) body-env env)))
                    b)
                  bindings)
            (setq body-env (cl--sm-shadow (list (if (consp b) (car b) b)) body-env)))
          `(,head ,(nreverse bindings) ,@(cl--sm-walk-forms (cdr args) body-env))))
       ((eq head 'cond)
        (cons 'cond (mapcar (lambda (clause) (cl--sm-walk-forms clause env)) args)))
       ((eq head 'condition-case)
        ;; As in Emacs, the error variable does not shadow a symbol macro.
        `(condition-case ,(car args) ,(cl--sm-walk (car (cdr args)) env)
           ,@(mapcar (lambda (handler)
                       (if (consp handler)
                           (cons (car handler) (cl--sm-walk-forms (cdr handler) env))
                         handler))
                     (cdr (cdr args)))))
       ((memq head '(defvar defconst))
        (cons head (cons (car args) (cl--sm-walk-forms (cdr args) env))))
       ((eq (car-safe head) 'lambda)
        (cons (car (cdr (cl--sm-walk (list 'function head) env)))
              (cl--sm-walk-forms args env)))
       (t (cons head (cl--sm-walk-forms args env))))))))

(defmacro cl-symbol-macrolet (bindings &rest body)
  "Run BODY with symbol macros: for each (NAME EXPANSION) of BINDINGS, NAME
used as a variable in BODY stands for EXPANSION, and setting it with `setq'
or `setf' sets the place EXPANSION."
  (declare (indent 1))
  (let ((cl--sm-base-env macroexpand-all-environment))
    (cl--sm-walk (macroexp-progn body)
                 (append (mapcar (lambda (b) (list (car b) (car (cdr b)))) bindings)
                         (cdr (assq :cl-symbol-macros macroexpand-all-environment))))))

;;;; The `cl-struct' pcase pattern.

(pcase-defmacro cl-struct (type &rest fields)
  "Match a structure of TYPE whose slots match FIELDS.
Each field is (SLOT PAT), or SLOT alone for (SLOT SLOT)."
  `(and (pred (pcase--flip cl-typep ',type))
        ,@(mapcar (lambda (field)
                    (let ((slot (if (consp field) (car field) field))
                          (pat (if (consp field) (car (cdr field)) field)))
                      `(app (pcase--flip aref ,(cl-struct-slot-offset type slot))
                            ,pat)))
                  fields)))

(provide 'cl-macs)

;;; cl-macs.el ends here
