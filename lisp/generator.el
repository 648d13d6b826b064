;;; generator.el --- generators built on a continuation-passing rewrite  -*- lexical-binding: t -*-

;; A generator body is rewritten, once its macros are expanded, into a set of
;; state closures run by a small driver.  Forms that cannot reach an
;; `iter-yield' are left alone and run inline; a form that can is split at
;; each yield, and what follows it becomes a closure (the continuation) made
;; at run time inside the lexical scope of the code it continues.  That is
;; what lets `let'-bound locals, loop variables and temporaries survive a
;; yield without renaming anything: the continuation simply closes over them.
;;
;; A state runs, leaves the next state in the generator's state variable and
;; returns; the driver loops until a yield throws out to it.  So a loop that
;; spins many times before it yields never deepens the Lisp stack.
;;
;; Constructs that must be in effect while their body runs (`catch',
;; `condition-case', `unwind-protect', a dynamic `let') cannot surround a body
;; that is cut into separate states, so each of them instead becomes a
;; wrapper put around every state made inside it.  The states of the body
;; thus each run under the construct, while the continuation after the
;; construct, made outside it, does not.

(require 'cl-lib)

(define-error 'iter-end-of-sequence "Iteration terminated"
  ;; Being its own parent keeps it out of `error', as in Emacs: a handler
  ;; for `error' does not catch the end of an iteration.
  'iter-end-of-sequence)

(defun iter-yield (value)
  "Yield VALUE from the generator whose body this call is in.
`iter-next' returns VALUE to its caller, and the next `iter-next' resumes
the generator here, with its argument as this call's value.  Outside a
generator body (including inside a closure within one) this is an error."
  (ignore value)
  (error "`iter-yield' used outside a generator"))

;; What `iter-yield' becomes inside a generator body while it is rewritten.
;; One left inside a closure in the body is not rewritten, and runs this.
(defalias 'generator--yield #'iter-yield)

;;;; The rewrite.

;; Symbols for the variables of the generator being rewritten.
(defvar generator--state nil "Variable holding the state closure to run next.")
(defvar generator--value nil "Variable holding the value passed between states.")
(defvar generator--yielded nil
  "Variable set when a yield leaves the driver: t, or `protected' when the
yield is inside an `unwind-protect' that `iter-close' must unwind.")
(defvar generator--closing nil "Variable set while `iter-close' unwinds.")

(defvar generator--wrappers nil
  "The constructs around the code being rewritten, innermost first.
Each is (KIND . FUNCTION): FUNCTION takes a state's body form and returns
it wrapped in that construct.  KIND is `protect' for `unwind-protect'.")

(defun generator--yield-p (form)
  "Non-nil if evaluating FORM can yield from the generator being rewritten.
Quoted data and closures do not count: a yield in a closure is not one of
the generator's own."
  (and (consp form)
       (let ((head (car form)))
         (cond ((eq head 'generator--yield) t)
               ((memq head '(quote function)) nil)
               (t (let ((found nil)
                        (rest (if (eq (car-safe head) 'lambda) (cdr form) form)))
                    (while (and (consp rest) (not found))
                      (setq found (generator--yield-p (car rest))
                            rest (cdr rest)))
                    found))))))

(defun generator--state-form (body)
  "A form making a state closure that runs BODY under the current wrappers."
  (let ((form body))
    (dolist (wrapper generator--wrappers)
      (setq form (funcall (cdr wrapper) form)))
    `(lambda () ,form)))

(defun generator--then (form code)
  "Code evaluating FORM into the value variable, then running CODE."
  (if (generator--yield-p form)
      (let ((next (make-symbol "next")))
        `(let ((,next ,(generator--state-form code)))
           ,(generator--cps form next)))
    `(progn (setq ,generator--value ,form) ,code)))

(defun generator--bind (form var code)
  "Code evaluating FORM and running CODE with VAR bound to its value."
  (if (generator--yield-p form)
      (let ((next (make-symbol "next")))
        `(let ((,next ,(generator--state-form
                        `(let ((,var ,generator--value)) ,code))))
           ,(generator--cps form next)))
    `(let ((,var ,form)) ,code)))

(defun generator--bind-all (forms vars code)
  "Code evaluating FORMS in order into VARS, then running CODE."
  (let ((forms (reverse forms))
        (vars (reverse vars)))
    (while forms
      (setq code (generator--bind (car forms) (car vars) code)
            forms (cdr forms)
            vars (cdr vars)))
    code))

(defun generator--cps-body (forms k)
  "Code running the body FORMS, then the state in variable K with their value."
  (cond ((null forms) `(setq ,generator--value nil ,generator--state ,k))
        ((null (cdr forms)) (generator--cps (car forms) k))
        ((generator--yield-p (car forms))
         (generator--then (car forms) (generator--cps-body (cdr forms) k)))
        (t `(progn ,(car forms) ,(generator--cps-body (cdr forms) k)))))

(defun generator--suspend (k)
  "Code yielding the value variable, to resume at the state in K."
  (if (assq 'protect generator--wrappers)
      ;; Resume through a state made here, under the wrappers, so that
      ;; `iter-close' can unwind the `unwind-protect's from inside them.
      `(progn
         (setq ,generator--state
               ,(generator--state-form
                 `(if ,generator--closing
                      (throw 'generator--close nil)
                    (setq ,generator--state ,k)))
               ,generator--yielded 'protected)
         (throw 'generator--yield ,generator--value))
    `(progn
       (setq ,generator--state ,k ,generator--yielded t)
       (throw 'generator--yield ,generator--value))))

(defmacro generator--with-wrapper (kind function &rest body)
  "Run BODY with the wrapper (KIND . FUNCTION) innermost."
  (declare (indent 2))
  `(let ((generator--wrappers (cons (cons ,kind ,function) generator--wrappers)))
     ,@body))

(defun generator--cps-let (bindings body k)
  "Code for (let BINDINGS . BODY) where something yields."
  (let* ((vars (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (inits (mapcar (lambda (b) (car-safe (cdr-safe b))) bindings))
         (body-yields (generator--yield-p (cons 'progn body)))
         (dynamic (and body-yields
                       (cl-remove-if-not #'special-variable-p vars))))
    (if (and (not dynamic) (not (generator--yield-p (cons 'list inits))))
        `(let ,bindings ,(generator--cps-body body k))
      (let* ((temps (mapcar (lambda (v) (make-symbol (symbol-name v))) vars))
             (lexical nil)
             (saved nil))
        (cl-mapc (lambda (var temp)
                   (if (memq var dynamic)
                       (push (cons var temp) saved)
                     (push (list var temp) lexical)))
                 vars temps)
        (generator--bind-all
         inits temps
         `(let ,(nreverse lexical)
            ,(if (not dynamic)
                 (generator--cps-body body k)
               ;; Each state of the body rebinds the dynamic variables to
               ;; the values they had when the previous one finished.
               (setq saved (nreverse saved))
               (generator--with-wrapper 'dynamic
                   (lambda (form)
                     `(let ,(mapcar (lambda (s) (list (car s) (cdr s))) saved)
                        (unwind-protect ,form
                          (setq ,@(apply #'append
                                         (mapcar (lambda (s) (list (cdr s) (car s)))
                                                 saved))))))
                 `(setq ,generator--state
                        ,(generator--state-form (generator--cps-body body k)))))))))))

(defun generator--cps-catch (tag-form body k)
  "Code for (catch TAG-FORM . BODY) where something yields."
  (let ((tag (make-symbol "tag"))
        (ok (make-symbol "ok"))
        (thrown (make-symbol "thrown")))
    (generator--bind
     tag-form tag
     (generator--with-wrapper 'catch
         (lambda (form)
           `(let* ((,ok nil)
                   (,thrown (catch ,tag (prog1 ,form (setq ,ok t)))))
              (unless ,ok
                (setq ,generator--value ,thrown ,generator--state ,k))))
       `(setq ,generator--state
              ,(generator--state-form (generator--cps-body body k)))))))

(defun generator--cps-condition-case (var body handlers k)
  "Code for (condition-case VAR BODY . HANDLERS) where something yields."
  (let* ((success (assq :success handlers))
         (others (remq success handlers))
         (functions (mapcar (lambda (_) (make-symbol "handler")) others))
         (err (make-symbol "err"))
         (after-body (if success (make-symbol "success") k))
         (handler-code
          (lambda (forms value)
            (if var
                `(let ((,var ,value)) ,(generator--cps-body forms k))
              (generator--cps-body forms k)))))
    `(let (,@(cl-mapcar (lambda (handler function)
                          `(,function (lambda (,err)
                                        ,(funcall handler-code (cdr handler) err))))
                        others functions)
           ,@(when success
               `((,after-body
                  ,(generator--state-form
                    (funcall handler-code (cdr success) generator--value))))))
       ,(generator--with-wrapper 'handle
            (lambda (form)
              `(condition-case ,err ,form
                 ,@(cl-mapcar (lambda (handler function)
                                `(,(car handler) (funcall ,function ,err)))
                              others functions)))
          `(setq ,generator--state
                 ,(generator--state-form (generator--cps body after-body)))))))

(defun generator--cps-unwind-protect (body cleanups k)
  "Code for (unwind-protect BODY . CLEANUPS) where BODY yields."
  (let ((cleanup (make-symbol "cleanup"))
        (after (make-symbol "after"))
        (ok (make-symbol "ok")))
    `(let* ((,cleanup (lambda () ,@cleanups))
            (,after ,(generator--state-form
                      `(progn (funcall ,cleanup)
                              (setq ,generator--state ,k)))))
       ,(generator--with-wrapper 'protect
            ;; A state leaving by a yield has not left the body; any other
            ;; non-local exit (an error, a throw, `iter-close') has.
            (lambda (form)
              `(let ((,ok nil))
                 (unwind-protect (prog1 ,form (setq ,ok t))
                   (unless (or ,ok ,generator--yielded)
                     (funcall ,cleanup)))))
          `(setq ,generator--state
                 ,(generator--state-form (generator--cps body after)))))))

(defun generator--cps-call (form k)
  "Code for the function call FORM where an argument yields."
  (let* ((head (car form))
         (args (cdr form))
         (temps (mapcar (lambda (_) (make-symbol "arg")) args)))
    (generator--bind-all
     args temps
     `(setq ,generator--value ,(if (consp head)
                                   `(funcall (function ,head) ,@temps)
                                 `(,head ,@temps))
            ,generator--state ,k))))

(defun generator--cond-to-if (clauses)
  "A form equivalent to (cond . CLAUSES) made of `if' and `or'."
  (cond ((null clauses) nil)
        ((null (cdr (car clauses)))
         `(or ,(car (car clauses)) ,(generator--cond-to-if (cdr clauses))))
        (t `(if ,(car (car clauses))
                (progn ,@(cdr (car clauses)))
              ,(generator--cond-to-if (cdr clauses))))))

(defun generator--cps (form k)
  "Code running the expanded FORM, then the state in variable K with its value."
  (if (not (generator--yield-p form))
      `(setq ,generator--value ,form ,generator--state ,k)
    (let ((head (car form))
          (args (cdr form)))
      (cond
       ((eq head 'generator--yield)
        (generator--then (car args) (generator--suspend k)))
       ((eq head 'progn) (generator--cps-body args k))
       ((eq head 'if)
        (let ((then (generator--cps (car (cdr args)) k))
              (else (generator--cps-body (cdr (cdr args)) k)))
          (if (generator--yield-p (car args))
              (generator--then (car args) `(if ,generator--value ,then ,else))
            `(if ,(car args) ,then ,else))))
       ((eq head 'cond) (generator--cps (generator--cond-to-if args) k))
       ((eq head 'and)
        (generator--cps (if (cdr args) `(if ,(car args) (and ,@(cdr args))) (car args))
                        k))
       ((eq head 'or)
        (if (cdr args)
            (generator--then (car args)
                             `(if ,generator--value
                                  (setq ,generator--state ,k)
                                ,(generator--cps `(or ,@(cdr args)) k)))
          (generator--cps (car args) k)))
       ((eq head 'while)
        (let ((loop (make-symbol "loop"))
              (test (car args)))
          (let ((iteration
                 (lambda (value)
                   `(if ,value
                        ,(generator--cps-body (cdr args) loop)
                      (setq ,generator--value nil ,generator--state ,k)))))
            `(let ((,loop nil))
               (setq ,loop ,(generator--state-form
                             (if (generator--yield-p test)
                                 (generator--then test (funcall iteration generator--value))
                               (funcall iteration test))))
               (setq ,generator--state ,loop)))))
       ((eq head 'setq)
        (cond ((cl-oddp (length args))
               (signal 'wrong-number-of-arguments (list 'setq (length args))))
              ((cdr (cdr args))
               (let ((pairs nil))
                 (while args
                   (push `(setq ,(car args) ,(car (cdr args))) pairs)
                   (setq args (cdr (cdr args))))
                 (generator--cps-body (nreverse pairs) k)))
              (t (generator--then (car (cdr args))
                                  `(setq ,(car args) ,generator--value
                                         ,generator--state ,k)))))
       ((eq head 'let) (generator--cps-let (car args) (cdr args) k))
       ((eq head 'let*)
        (generator--cps (if (car args)
                            `(let (,(car (car args)))
                               (let* ,(cdr (car args)) ,@(cdr args)))
                          `(progn ,@(cdr args)))
                        k))
       ((eq head 'prog1)
        (let ((first (make-symbol "first")))
          (generator--bind (car args) first
                           (generator--then `(progn ,@(cdr args))
                                            `(setq ,generator--value ,first
                                                   ,generator--state ,k)))))
       ((eq head 'prog2)
        (generator--cps `(progn ,(car args) (prog1 ,@(cdr args))) k))
       ((eq head 'catch) (generator--cps-catch (car args) (cdr args) k))
       ((eq head 'condition-case)
        (generator--cps-condition-case (car args) (car (cdr args)) (cdr (cdr args)) k))
       ((eq head 'unwind-protect)
        (if (generator--yield-p (car args))
            (generator--cps-unwind-protect (car args) (cdr args) k)
          ;; Only a cleanup form yields: it runs as a closure, where the
          ;; yield is an error, as it is in Emacs.
          `(setq ,generator--value
                 (unwind-protect ,(car args) (funcall (lambda () ,@(cdr args))))
                 ,generator--state ,k)))
       ((and (symbolp head) (special-form-p head))
        (error "`iter-yield' inside `%s' is not supported" head))
       (t (generator--cps-call form k))))))

(defun generator--make (body)
  "The code of a new iterator running BODY, a list of forms."
  (let* ((generator--state (make-symbol "state"))
         (generator--value (make-symbol "value"))
         (generator--yielded (make-symbol "yielded"))
         (generator--closing (make-symbol "closing"))
         (generator--wrappers nil)
         (finished (make-symbol "finished"))
         (ok (make-symbol "ok"))
         (protected (make-symbol "protected"))
         (expanded
          (macroexpand-all
           `(progn ,@body)
           (cons (cons 'iter-yield (lambda (value) (list 'generator--yield value)))
                 macroexpand-all-environment))))
    `(let* ((,generator--state nil)
            (,generator--value nil)
            (,generator--yielded nil)
            (,generator--closing nil)
            ;; Reached when the body returns, with its value; then, as the
            ;; state of a finished iterator, with each `iter-next' argument.
            (,finished (lambda () (signal 'iter-end-of-sequence ,generator--value))))
       (setq ,generator--state
             (lambda () ,(generator--cps expanded finished)))
       (lambda (op value)
         (cond
          ((eq op :next)
           (setq ,generator--value value ,generator--yielded nil)
           (let ((,ok nil))
             (unwind-protect
                 (prog1 (catch 'generator--yield
                          (while t (funcall ,generator--state)))
                   (setq ,ok t))
               ;; Whatever left the body other than a yield ends it.
               (unless ,ok
                 (setq ,generator--state ,finished ,generator--value nil)))))
          ((eq op :close)
           (let ((,protected (eq ,generator--yielded 'protected)))
             (setq ,generator--yielded nil)
             (unwind-protect
                 (when ,protected
                   (setq ,generator--closing t)
                   (catch 'generator--close (funcall ,generator--state)))
               (setq ,generator--state ,finished
                     ,generator--value nil
                     ,generator--closing nil)))
           nil)
          (t (error "Unknown iterator operation %S" op)))))))

;;;; The interface.

(defmacro iter-defun (name arglist &rest body)
  "Define NAME as a generator function taking ARGLIST.
Each call of NAME returns a new iterator running BODY, which may use
`iter-yield' and `iter-yield-from'; `iter-next' steps it.  BODY's value
is the iterator's return value, carried by `iter-end-of-sequence'.
This needs `lexical-binding'."
  (declare (indent defun) (doc-string 3))
  (cl-assert lexical-binding)
  (let ((parsed (macroexp-parse-body body)))
    `(defun ,name ,arglist
       ,@(car parsed)
       ,(generator--make (cdr parsed)))))

(defmacro iter-lambda (arglist &rest body)
  "An anonymous generator function taking ARGLIST and running BODY.
It is to `iter-defun' what `lambda' is to `defun'."
  (declare (indent defun))
  (cl-assert lexical-binding)
  (let ((parsed (macroexp-parse-body body)))
    `(lambda ,arglist
       ,@(car parsed)
       ,(generator--make (cdr parsed)))))

(defmacro iter-make (&rest body)
  "A new iterator running BODY, as the body of an `iter-lambda' would."
  (generator--make body))

(defconst iter-empty (lambda (_op _value) (signal 'iter-end-of-sequence nil))
  "An iterator that has nothing to yield.")

(defun iter-next (iterator &optional yield-result)
  "Run ITERATOR to its next yield and return the value yielded.
YIELD-RESULT becomes the value of the `iter-yield' the iterator was
stopped at.  When the iterator has finished, signal `iter-end-of-sequence'
with its return value (and after that, with YIELD-RESULT)."
  (funcall iterator :next yield-result))

(defun iter-close (iterator)
  "Finish ITERATOR now, running the cleanup forms of the `unwind-protect's
it is stopped inside."
  (funcall iterator :close nil))

(defmacro iter-yield-from (value)
  "Yield, one by one, the values of the iterator VALUE.
Each `iter-next' argument is passed on to it.  The value of this form is
the iterator's return value; the iterator is closed when this form exits."
  (let ((iterator (make-symbol "iterator"))
        (sent (make-symbol "sent"))
        (done (make-symbol "done"))
        (result (make-symbol "result"))
        (err (make-symbol "err"))
        (item (make-symbol "item")))
    `(let ((,iterator ,value)
           (,sent nil)
           (,done nil)
           (,result nil))
       (unwind-protect
           (progn
             (while (not ,done)
               (let ((,item (condition-case ,err (iter-next ,iterator ,sent)
                              (iter-end-of-sequence
                               (setq ,done t ,result (cdr ,err))
                               nil))))
                 (unless ,done
                   (setq ,sent (iter-yield ,item)))))
             ,result)
         (iter-close ,iterator)))))

(defmacro iter-do (spec &rest body)
  "Run BODY with VAR bound to each value of ITERATOR.  SPEC is (VAR ITERATOR).
Return the iterator's return value."
  (declare (indent 1))
  (let ((var (car spec))
        (iterator (make-symbol "iterator"))
        (more (make-symbol "more"))
        (result (make-symbol "result"))
        (err (make-symbol "err")))
    `(let ((,iterator ,(car (cdr spec)))
           (,more t)
           (,result nil))
       (while ,more
         (let ((,var (condition-case ,err (iter-next ,iterator)
                       (iter-end-of-sequence
                        (setq ,more nil ,result (cdr ,err))
                        nil))))
           (when ,more ,@body)))
       ,result)))

;;;; `cl-loop' clause `for VAR iter-by ITERATOR'.

;; The clause becomes `for VAR in CELL by STEP' over a lazy list: each cell
;; holds the iterator's latest value and the iterator, and stepping makes
;; the next cell, or ends the list when the iterator ends.

(defun generator--loop-step (cell)
  "The cell after CELL in an iterator's lazy list, or nil at its end."
  (condition-case nil
      (cons (iter-next (cdr cell)) (cdr cell))
    (iter-end-of-sequence nil)))

(defun generator--loop-start (iterator)
  "The first cell of ITERATOR's lazy list, or nil if it yields nothing."
  (generator--loop-step (cons nil iterator)))

(defvar cl--loop-args)

(defun generator--loop-for-iter-by (var)
  "Rewrite the `iter-by' clause for VAR at the head of `cl--loop-args'."
  (let ((iterator (pop cl--loop-args)))
    (setq cl--loop-args
          `(for ,var in (generator--loop-start ,iterator)
                by #'generator--loop-step
                ,@cl--loop-args))))

(put 'iter-by 'cl-loop-for-handler #'generator--loop-for-iter-by)

(provide 'generator)

;;; generator.el ends here
