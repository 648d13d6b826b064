;;; thunk.el --- delayed evaluation with a cached result  -*- lexical-binding: t -*-

;; A thunk is a closure over a delayed body.  Called with no argument it
;; evaluates the body the first time and returns the remembered value ever
;; after; called with a non-nil argument it only tells whether that has
;; happened.  `thunk-let' binds variables to such thunks and rewrites the
;; references to them in its body into forcings.

(require 'cl-lib)

(defmacro thunk-delay (&rest body)
  "A thunk that evaluates BODY when it is first forced.
This needs `lexical-binding'."
  (cl-assert lexical-binding)
  (let ((done (make-symbol "done"))
        (value (make-symbol "value"))
        (check (make-symbol "check")))
    `(let ((,done nil)
           (,value nil))
       (lambda (&optional ,check)
         (cond (,check ,done)
               (,done ,value)
               ;; DONE is set only after BODY returns: a body that exits
               ;; non-locally runs again at the next forcing.
               (t (setq ,value (progn ,@body) ,done t)
                  ,value))))))

(defun thunk-force (delayed)
  "The value of the thunk DELAYED, evaluating its body the first time."
  (funcall delayed))

(defun thunk-evaluated-p (delayed)
  "Non-nil if the body of the thunk DELAYED has been evaluated."
  (funcall delayed t))

;;;; `thunk-let'.

(defun thunk--without (vars alist)
  "ALIST without the entries for VARS, which a binding form shadows."
  (cl-remove-if (lambda (entry) (memq (car entry) vars)) alist))

(defun thunk--lambda-vars (arglist)
  "The variables a lambda list ARGLIST binds."
  (cl-remove-if (lambda (arg) (memq arg '(&optional &rest))) arglist))

(defun thunk--rewrite-lambda (fn alist)
  "The lambda expression FN with the variables of ALIST replaced in its body."
  (let ((inner (thunk--without (thunk--lambda-vars (car-safe (cdr fn))) alist)))
    `(lambda ,(car (cdr fn)) ,@(thunk--rewrite-list (cdr (cdr fn)) inner))))

(defun thunk--rewrite-list (forms alist)
  "Every form of FORMS rewritten by `thunk--rewrite'."
  (mapcar (lambda (form) (thunk--rewrite form alist)) forms))

(defun thunk--rewrite (form alist)
  "FORM, fully macroexpanded, with each variable of ALIST replaced.
ALIST maps a variable to the form standing for it.  References inside a
binding of the same name are left alone."
  (cond
   ((symbolp form)
    (let ((entry (assq form alist)))
      (if entry (cdr entry) form)))
   ((or (not (consp form)) (null alist)) form)
   (t
    (let ((head (car form))
          (args (cdr form)))
      (cond
       ((eq head 'quote) form)
       ((eq head 'function)
        (if (eq (car-safe (car args)) 'lambda)
            (list 'function (thunk--rewrite-lambda (car args) alist))
          form))
       ((eq head 'setq)
        (let ((rewritten nil))
          (while args
            (when (assq (car args) alist)
              (error "Variable `%s' bound by `thunk-let' cannot be set" (car args)))
            (push (car args) rewritten)
            (push (thunk--rewrite (car (cdr args)) alist) rewritten)
            (setq args (cdr (cdr args))))
          (cons 'setq (nreverse rewritten))))
       ((eq head 'let)
        `(let ,(mapcar (lambda (b)
                         (if (consp b)
                             (cons (car b) (thunk--rewrite-list (cdr b) alist))
                           b))
                       (car args))
           ,@(thunk--rewrite-list
              (cdr args)
              (thunk--without (mapcar (lambda (b) (if (consp b) (car b) b))
                                      (car args))
                              alist))))
       ((eq head 'let*)
        (let ((bindings nil))
          (dolist (b (car args))
            (push (if (consp b)
                      (cons (car b) (thunk--rewrite-list (cdr b) alist))
                    b)
                  bindings)
            (setq alist (thunk--without (list (if (consp b) (car b) b)) alist)))
          `(let* ,(nreverse bindings) ,@(thunk--rewrite-list (cdr args) alist))))
       ((eq head 'cond)
        (cons 'cond (mapcar (lambda (clause) (thunk--rewrite-list clause alist))
                            args)))
       ((eq head 'condition-case)
        (let ((var (car args))
              (handler-alist (if (car args) (thunk--without (list (car args)) alist) alist)))
          `(condition-case ,var ,(thunk--rewrite (car (cdr args)) alist)
             ,@(mapcar (lambda (handler)
                         (cons (car handler)
                               (thunk--rewrite-list (cdr handler) handler-alist)))
                       (cdr (cdr args))))))
       ((memq head '(defvar defconst))
        (cons head (cons (car args) (thunk--rewrite-list (cdr args) alist))))
       ((eq head 'interactive) form)
       ((eq (car-safe head) 'lambda)
        (cons (thunk--rewrite-lambda head alist) (thunk--rewrite-list args alist)))
       (t (cons head (thunk--rewrite-list args alist))))))))

(defmacro thunk-let (bindings &rest body)
  "Run BODY with the variables of BINDINGS bound lazily.
BINDINGS is a list of (VAR FORM); each FORM is evaluated, at most once,
when BODY first uses its VAR.  The variables cannot be set.  The FORMs
cannot see each other's variables, as in `let'.  This needs
`lexical-binding'."
  (declare (indent 1))
  (dolist (binding bindings)
    (unless (and (consp binding) (symbolp (car binding))
                 (consp (cdr binding)) (null (cdr (cdr binding))))
      (signal 'error (list "Bad binding in thunk-let" binding))))
  (let ((thunks (mapcar (lambda (binding)
                          (make-symbol (concat (symbol-name (car binding)) "-thunk")))
                        bindings)))
    `(let ,(cl-mapcar (lambda (thunk binding)
                        `(,thunk (thunk-delay ,(car (cdr binding)))))
                      thunks bindings)
       ,(thunk--rewrite (macroexpand-all (macroexp-progn body)
                                         macroexpand-all-environment)
                        (cl-mapcar (lambda (binding thunk)
                                     (cons (car binding) `(thunk-force ,thunk)))
                                   bindings thunks)))))

(defmacro thunk-let* (bindings &rest body)
  "Like `thunk-let', but each FORM of BINDINGS sees the variables before it."
  (declare (indent 1))
  (if (null bindings)
      (macroexp-progn body)
    `(thunk-let (,(car bindings))
       (thunk-let* ,(cdr bindings) ,@body))))

(provide 'thunk)

;;; thunk.el ends here
