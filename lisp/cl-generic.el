;;; cl-generic.el --- CLOS-style generic functions  -*- lexical-binding: t -*-

;; A generic function is a symbol whose `cl--generic' property holds its
;; record (name, dispatches, methods, options) and whose function cell holds
;; a dispatcher built from that record.  Defining a method rebuilds the
;; dispatcher.
;;
;; Dispatch works argument by argument, as in GNU Emacs.  Each dispatched
;; argument has a sorted list of generalizers (t, eql, head, structure,
;; built-in type), one per kind of specializer its methods use.  The
;; dispatcher for an argument computes a tag from the argument (the first
;; non-nil tag of its generalizers, by decreasing priority) and looks it up
;; in its cache; on a miss the generalizers list every specializer the
;; argument matches, most specific first, and the methods are filtered and
;; sorted by where their specializer appears in that list.  The next
;; argument then gets its own dispatcher, and after the last one the
;; remaining methods are combined into the effective method.  Arguments are
;; dispatched last-to-first, so the final ordering is by the first argument,
;; ties broken by the later ones.

(require 'cl-lib)

;;;; Records.

(cl-defstruct (cl--generic-generalizer
               (:constructor nil)
               (:constructor cl-generic-make-generalizer
                             (name priority tagcode-function specializers-function))
               (:predicate nil) (:copier nil))
  name priority tagcode-function specializers-function)

(cl-defstruct (cl--generic-method
               (:constructor nil)
               (:constructor cl--generic-make-method
                             (specializers qualifiers uses-cnm function))
               (:predicate nil) (:copier nil))
  ;; USES-CNM: FUNCTION takes, before the method's own arguments, the
  ;; function that `cl-call-next-method' calls.
  (specializers nil :read-only t)
  (qualifiers nil :read-only t)
  (uses-cnm nil :read-only t)
  (function nil :read-only t))

(cl-defstruct (cl--generic
               (:constructor nil)
               (:constructor cl--generic-make (name))
               (:predicate nil) (:copier nil))
  (name nil :read-only t)
  ;; A list of (ARG . GENERALIZERS), ARG an argument index or (&context . EXPR),
  ;; GENERALIZERS sorted by decreasing priority.  The first element is
  ;; dispatched first, so matters least to the final order.
  dispatches
  method-table
  options)

(defmacro cl-generic-define-generalizer (name priority tagcode-function
                                              specializers-function)
  "Define NAME as a generalizer: a way to classify an argument for dispatch.
TAGCODE-FUNCTION, given a variable name, returns code computing a tag for
the value of that variable (nil when the generalizer has nothing to say).
SPECIALIZERS-FUNCTION, given such a tag, returns the specializers that
match it, most specific first.  When an argument has several generalizers
the one with the highest PRIORITY decides first; t's has priority 0."
  (declare (indent 1))
  `(defconst ,name
     (cl-generic-make-generalizer ',name ,priority ,tagcode-function
                                  ,specializers-function)))

;;;; Generic function objects.

(defun cl-generic-p (f)
  "Non-nil if F names a generic function (the value is its record)."
  (and (symbolp f) (get f 'cl--generic)))

(defun cl-generic-function-options (generic)
  "The options given to `cl-defgeneric' for GENERIC, a generic record."
  (cl--generic-options generic))

(defun cl-generic-ensure-function (name &optional noerror)
  "The generic record of NAME, created if NAME has none.
Unless NOERROR, it is an error for NAME to be an ordinary function;
an alias to a generic function stands for it."
  (let ((generic nil)
        (original name))
    (while (and (null (setq generic (get name 'cl--generic)))
                (fboundp name)
                (null noerror)
                (symbolp (symbol-function name)))
      (setq name (symbol-function name)))
    (unless (or (not (fboundp name))
                (autoloadp (symbol-function name))
                (and (functionp name) generic)
                noerror)
      (error "%s is already defined as something else than a generic function"
             original))
    (unless generic
      (setq generic (cl--generic-make name))
      (put name 'cl--generic generic))
    generic))

(defun cl--generic-setf-name (name)
  "The function that (setf (NAME ...) VAL) calls when NAME has no expander."
  (intern (format "(setf %s)" name)))

(defun cl--generic-split-args (args)
  "Split the method lambda list ARGS into (SPEC-ARGS . PLAIN-ARGS).
SPEC-ARGS has a (VAR . SPECIALIZER) for each required argument and a
((&context . EXPR) . SPECIALIZER) for each context argument; PLAIN-ARGS is
ARGS without specializers or context."
  (let ((plain nil)
        (specs nil)
        (state 'required))
    (dolist (arg args)
      (cond
       ((memq arg '(&optional &rest &key &body &aux &allow-other-keys))
        (setq state 'other)
        (push arg plain))
       ((eq arg '&context)
        (unless (eq state 'required)
          (error "&context not immediately after mandatory args"))
        (setq state 'context))
       ((eq state 'other) (push arg plain))
       ((eq state 'context)
        (unless (consp arg) (error "Invalid &context arg: %S" arg))
        (let ((rewriter (and (symbolp (car arg))
                             (get (car arg) 'cl-generic--context-rewriter))))
          (when rewriter (setq arg (apply rewriter (cdr arg)))))
        (push (cons (cons '&context (car arg)) (car (cdr arg))) specs))
       ((consp arg)
        (push (cons (car arg) (car (cdr arg))) specs)
        (push (car arg) plain))
       (t
        (push (cons arg t) specs)
        (push arg plain))))
    (cons (nreverse specs) (nreverse plain))))

(defun cl--generic-specializers-of (spec-args)
  "The specializers of SPEC-ARGS, as a method records them."
  (mapcar (lambda (spec)
            (if (eq (car-safe (car spec)) '&context) spec (cdr spec)))
          spec-args))

;;;; Method bodies.

(defconst cl--generic-next-probe (make-symbol "next-method-p")
  "Given to a next-method function, makes it say whether there is a next method.")

(defun cl--generic-next-method-p (cnm)
  "Non-nil if CNM, a method's next-method function, has a method to call."
  (funcall cnm cl--generic-next-probe))

(defun cl--generic-replace-function-refs (form name var)
  "FORM, expanded code, with each #\\='NAME replaced by VAR."
  (cond
   ((not (consp form)) form)
   ((eq (car form) 'quote) form)
   ((and (eq (car form) 'function) (eq (car-safe (cdr form)) name)) var)
   (t (let ((result nil))
        (while (consp form)
          (push (cl--generic-replace-function-refs (car form) name var) result)
          (setq form (cdr form)))
        (nconc (nreverse result) form)))))

(defun cl--generic-tree-memq (elt tree)
  "Non-nil if ELT occurs anywhere in TREE."
  (cond ((eq elt tree) t)
        ((consp tree)
         (or (cl--generic-tree-memq elt (car tree))
             (cl--generic-tree-memq elt (cdr tree))))))

(defun cl--generic-lambda (args body)
  "The (USES-CNM . FUNCTION-FORM) of a method with ARGS and BODY.
In BODY, `cl-call-next-method' and `cl-next-method-p' refer to the method's
next method; when BODY uses them the function takes that as an extra first
argument."
  (let* ((plain (cdr (cl--generic-split-args args)))
         (fun (macroexpand `(cl-function (lambda ,plain ,@body))
                           macroexpand-all-environment)))
    (unless (and (eq (car-safe fun) 'function)
                 (eq (car-safe (car-safe (cdr fun))) 'lambda))
      (error "Unexpected macroexpansion result: %S" fun))
    (let* ((lam (car (cdr fun)))
           (lambda-args (car (cdr lam)))
           (parsed (macroexp-parse-body (cdr (cdr lam))))
           (cnm (make-symbol "cl--cnm"))
           (env (append
                 (list (cons 'cl-call-next-method
                             (lambda (&rest cnm-args) `(funcall ,cnm ,@cnm-args)))
                       (cons 'cl-next-method-p
                             (lambda () `(cl--generic-next-method-p ,cnm))))
                 macroexpand-all-environment))
           (expanded (cl--generic-replace-function-refs
                      (macroexpand-all (macroexp-progn (cdr parsed)) env)
                      'cl-call-next-method cnm))
           (uses-cnm (cl--generic-tree-memq cnm expanded)))
      (cons uses-cnm
            `#'(lambda (,@(if uses-cnm (list cnm)) ,@lambda-args)
                 ,@(car parsed)
                 ,expanded)))))

;;;; Defining.

(defun cl--generic-usage-arg (arg)
  "ARG of a lambda list as a usage line shows it."
  (cond ((memq arg '(&optional &rest &key &body &aux &allow-other-keys)) arg)
        ((symbolp arg)
         (let ((name (symbol-name arg)))
           (intern (upcase (if (string-match "\\`_." name) (substring name 1) name)))))
        ((consp arg) (cons (cl--generic-usage-arg (car arg)) (cdr arg)))
        (t arg)))

(defun cl--generic-doc-with-usage (doc args)
  "DOC ending with the (fn ARGS) line that describes the generic's calls."
  (let ((doc (or doc "")))
    (if (string-match "\n\n(fn[ )]" doc)
        doc
      (concat doc
              (cond ((string-suffix-p "\n\n" doc) "")
                    ((string-suffix-p "\n" doc) "\n")
                    (t "\n\n"))
              (format "%S" (cons 'fn (mapcar #'cl--generic-usage-arg args)))))))


(defmacro cl-defgeneric (name args &rest options-and-methods)
  "Define NAME as a generic function taking ARGS.
OPTIONS-AND-METHODS may start with a docstring, then options:
(:documentation DOC), (declare DECLARATIONS...), (:method [QUALIFIERS...]
ARGS BODY...) defining a method, and other (:KEYWORD ...) options, kept
for `cl-generic-function-options'.  Any forms after them are the body of a
default method for ARGS.  Existing methods stay unless NAME was unbound.

\(fn NAME ARGS [DOC-STRING] [OPTIONS-AND-METHODS...] &rest DEFAULT-BODY)"
  (declare (indent 2) (doc-string 3))
  (let ((doc (and (stringp (car-safe options-and-methods))
                  (pop options-and-methods)))
        (declarations nil)
        (methods nil)
        (options nil))
    (while (let ((head (car-safe (car options-and-methods))))
             (or (keywordp head) (eq head 'declare)))
      (let ((option (pop options-and-methods)))
        (cond
         ((eq (car option) :documentation)
          (when doc (error "Multiple doc strings for %S" name))
          (setq doc (car (cdr option))))
         ((eq (car option) 'declare)
          (when declarations (error "Multiple `declare' for %S" name))
          (setq declarations option))
         ((eq (car option) :method) (push (cdr option) methods))
         (t (push option options)))))
    (when options-and-methods
      (push (cons args options-and-methods) methods))
    (when (eq (car-safe name) 'setf)
      (setq name (cl--generic-setf-name (car (cdr name)))))
    `(prog1
         (progn
           (defalias ',name
             (cl-generic-define ',name ',args ',(nreverse options))
             ,(cl--generic-doc-with-usage doc args))
           ;; The value when there are no methods, as in GNU Emacs.
           :autoload-end
           ,@(mapcar (lambda (method) `(cl-defmethod ,name ,@method))
                     (nreverse methods)))
       ,@(byte-run--declaration-forms name args (cdr declarations)
                                      defun-declarations-alist))))

(defun cl-generic-define (name args options)
  "Make NAME a generic function with ARGS and OPTIONS; return its dispatcher."
  (let* ((generic (cl-generic-ensure-function name 'noerror))
         (mandatory (mapcar #'car (car (cl--generic-split-args args))))
         (order (assq :argument-precedence-order options)))
    (unless (fboundp name)
      ;; Unbound (never defined, or `fmakunbound'): start afresh.
      (setf (cl--generic-dispatches generic) nil)
      (setf (cl--generic-method-table generic) nil))
    (dolist (arg (cdr order))
      (let ((pos (memq arg mandatory)))
        (unless pos (error "%S is not a mandatory argument" arg))
        (let* ((index (- (length mandatory) (length pos)))
               (dispatches (cl--generic-dispatches generic))
               (dispatch (or (assq index dispatches) (list index))))
          (setf (cl--generic-dispatches generic)
                (cons dispatch (delq dispatch dispatches))))))
    (setf (cl--generic-options generic) options)
    (cl--generic-make-function generic)))

(defmacro cl-defmethod (name args &rest body)
  "Define a method of the generic function NAME.
NAME may be (setf FN).  ARGS may be preceded by qualifiers: :before,
:after or :around (no qualifier: a primary method), optionally preceded by
:extra STRING to define another method with the same specializers.  ARGS
is a `cl-defun' lambda list whose required arguments may be written
(VAR SPECIALIZER); a specializer is t, a type such as integer, string or
a `cl-defstruct' name, (eql VALUE) or (head VALUE).  After the required
arguments, &context (EXPR SPECIALIZER)... makes the method apply only
when EXPR's value matches.  In BODY, `cl-call-next-method' calls the next
method and `cl-next-method-p' says whether there is one.

\(fn NAME [EXTRA] [QUALIFIER] ARGS &rest [DOCSTRING] BODY)"
  (declare (indent defun))
  (let ((qualifiers nil))
    (while (not (listp args))
      (push args qualifiers)
      (setq args (pop body)))
    (when (eq (car-safe name) 'setf)
      (setq name (cl--generic-setf-name (car (cdr name)))))
    (let ((fun (cl--generic-lambda args body)))
      `(cl-generic-define-method ',name ',(nreverse qualifiers) ',args
                                 ,(car fun) ,(cdr fun)))))

(defun cl--generic-member-method (specializers qualifiers methods)
  "The tail of METHODS whose first method has SPECIALIZERS and QUALIFIERS."
  (while (and methods
              (not (and (equal (cl--generic-method-specializers (car methods))
                               specializers)
                        (equal (cl--generic-method-qualifiers (car methods))
                               qualifiers))))
    (setq methods (cdr methods)))
  methods)

(defun cl-generic-define-method (name qualifiers args uses-cnm function)
  "Add to the generic function NAME the method FUNCTION for ARGS and QUALIFIERS.
A method with the same specializers and qualifiers is replaced.  USES-CNM
non-nil means FUNCTION takes the next-method function first."
  (let* ((generic (cl-generic-ensure-function name))
         (spec-args (car (cl--generic-split-args args)))
         (specializers (cl--generic-specializers-of spec-args))
         (method (cl--generic-make-method specializers qualifiers uses-cnm
                                          function))
         (table (cl--generic-method-table generic))
         (old (cl--generic-member-method specializers qualifiers table))
         (dispatches (cl--generic-dispatches generic))
         (i 0))
    (dolist (spec spec-args)
      (let* ((key (if (eq (car-safe (car spec)) '&context) (car spec) i))
             (generalizers (cl-generic-generalizers (cdr spec)))
             (dispatch (assoc key dispatches)))
        (unless dispatch
          (setq dispatch (cons key (cl-generic-generalizers t)))
          (setq dispatches (cons dispatch dispatches))
          (setf (cl--generic-dispatches generic) dispatches))
        (dolist (generalizer generalizers)
          (unless (memq generalizer (cdr dispatch))
            (setcdr dispatch
                    (sort (cons generalizer (cdr dispatch))
                          (lambda (a b)
                            (> (cl--generic-generalizer-priority a)
                               (cl--generic-generalizer-priority b)))))))
        (setq i (1+ i))))
    (setf (cl--generic-method-table generic)
          (if old
              ;; In place: the order of methods matters for :extra ones.
              (mapcar (lambda (m) (if (eq m (car old)) method m)) table)
            (cons method table)))
    (defalias (cl--generic-name generic) (cl--generic-make-function generic))))

;;;; Dispatch.

(defvar cl--generic-dispatcher-makers (make-hash-table :test #'equal)
  "Dispatcher makers, by (ARG . GENERALIZER-NAMES).")

(defun cl--generic-dispatcher-maker (dispatch)
  "A function (GENERIC DISPATCHES-LEFT METHODS) returning a dispatcher for DISPATCH.
The dispatcher, given the generic function's arguments, picks by the tag
of the dispatched argument the function to apply them to, computing it
on first use of each tag."
  (let ((key (cons (car dispatch)
                   (mapcar #'cl--generic-generalizer-name (cdr dispatch)))))
    (or (gethash key cl--generic-dispatcher-makers)
        (puthash key (cl--generic-build-dispatcher-maker dispatch)
                 cl--generic-dispatcher-makers))))

(defun cl--generic-build-dispatcher-maker (dispatch)
  (let* ((arg (car dispatch))
         (generalizers (cdr dispatch))
         (tagcodes (mapcar (lambda (g)
                             (funcall (cl--generic-generalizer-tagcode-function g)
                                      'arg))
                           generalizers))
         (typescodes (mapcar (lambda (g)
                               `(funcall ',(cl--generic-generalizer-specializers-function g)
                                         ,(funcall (cl--generic-generalizer-tagcode-function g)
                                                   'arg)))
                             generalizers))
         ;; Only the cache sees the tag: a constant last tag (t's nil) adds nothing.
         (tag (let ((codes (if (macroexp-const-p (car (last tagcodes)))
                               (butlast tagcodes)
                             tagcodes)))
                (if (cdr codes) `(or ,@codes) (car codes))))
         (context (eq (car-safe arg) '&context))
         (fixed (if context nil (list 'arg)))
         (index (if context 0 arg)))
    (dotimes (i index)
      (push (intern (format "arg%d" (- index i 1))) fixed))
    (eval `(lambda (generic dispatches-left methods)
             (let ((method-cache (make-hash-table :test #'eql)))
               (lambda (,@fixed &rest args)
                 (let* (,@(and context `((arg ,(cdr arg))))
                        (tag ,tag))
                   (apply (or (gethash tag method-cache)
                              (puthash tag
                                       (cl--generic-cache-miss
                                        generic ',arg dispatches-left methods
                                        ,(if (cdr typescodes)
                                             `(append ,@typescodes)
                                           (car typescodes)))
                                       method-cache))
                          ,@fixed args)))))
          t)))

(defun cl--generic-make-function (generic)
  "The dispatcher of GENERIC, for its current methods."
  (cl--generic-make-next-function generic
                                  (cl--generic-dispatches generic)
                                  (cl--generic-method-table generic)))

(defun cl--generic-make-next-function (generic dispatches methods)
  "The function that dispatches on DISPATCHES among METHODS, then combines them."
  ;; An argument all of whose methods take t needs no dispatch.
  (while (and dispatches
              (let ((first (car (cdr (car dispatches)))))
                (or (null first) (eq first cl--generic-t-generalizer))))
    (setq dispatches (cdr dispatches)))
  (if (not (and dispatches methods))
      (cl--generic-build-combined-method generic methods)
    (funcall (cl--generic-dispatcher-maker (car dispatches))
             generic (cdr dispatches) methods)))

(defun cl--generic-arg-specializer (method arg)
  "METHOD's specializer of ARG, an argument index or (&context . EXPR)."
  (or (if (integerp arg)
          (nth arg (cl--generic-method-specializers method))
        (cdr (assoc arg (cl--generic-method-specializers method))))
      t))

(defun cl--generic-cache-miss (generic arg dispatches-left methods types)
  "The function for arguments whose ARG matches TYPES, most specific first.
It dispatches on DISPATCHES-LEFT among the METHODS that apply, ordered
most specific first by their specializer for ARG (ties keep their order)."
  (let ((ranked nil))
    (dolist (method methods)
      (let ((tail (member (cl--generic-arg-specializer method arg) types)))
        (when tail (push (cons (length tail) method) ranked))))
    (cl--generic-make-next-function
     generic dispatches-left
     (mapcar #'cdr (sort (nreverse ranked)
                         (lambda (a b) (> (car a) (car b))))))))

;;;; Combining methods.

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)

(defvar cl--generic-combining nil
  "The generics whose effective methods are being built.
Combining the methods of `cl-generic-combine-methods' itself uses the
standard combination instead of calling it.")

(defun cl--generic-build-combined-method (generic methods)
  "The effective method of GENERIC for METHODS, sorted most specific first."
  (if (or (null methods) (memq generic cl--generic-combining))
      (cl--generic-standard-method-combination generic methods)
    (let ((cl--generic-combining (cons generic cl--generic-combining)))
      (cl-generic-combine-methods generic methods))))

(defun cl--generic-no-next-method-function (generic method)
  (lambda (&rest args)
    (apply #'cl-no-next-method generic method args)))

(defun cl-generic-call-method (generic method &optional fun)
  "A function calling METHOD of GENERIC with its arguments.
FUN is the next method, which `cl-call-next-method' calls (when nil, it
calls `cl-no-next-method')."
  (if (not (cl--generic-method-uses-cnm method))
      (cl--generic-method-function method)
    (let ((function (cl--generic-method-function method))
          (next (or fun (cl--generic-no-next-method-function generic method)))
          (has-next (and fun t)))
      (lambda (&rest args)
        (apply function
               (lambda (&rest next-args)
                 (cond
                  ((null next-args) (apply next args))
                  ((eq (car next-args) cl--generic-next-probe) has-next)
                  (t (apply next next-args))))
               args)))))

(defalias 'cl-method-qualifiers #'cl--generic-method-qualifiers)

(defun cl--generic-standard-method-combination (generic methods)
  "The effective method of GENERIC for METHODS with the standard qualifiers:
around methods, most specific outermost; then before methods, most
specific first; the primary methods, most specific first, each calling
the next through `cl-call-next-method'; then after methods, most specific
last."
  (let ((by-qualifier nil))
    (dolist (method methods)
      (let ((qualifiers (cl-method-qualifiers method)))
        (when (eq (car qualifiers) :extra) (setq qualifiers (cdr (cdr qualifiers))))
        (unless (member qualifiers '(() (:after) (:before) (:around)))
          (error "Unsupported qualifiers in function %S: %S"
                 (cl--generic-name generic) qualifiers))
        (let ((cell (assq (car qualifiers) by-qualifier)))
          (if cell
              (push method (cdr cell))
            (push (list (car qualifiers) method) by-qualifier)))))
    ;; Each list in BY-QUALIFIER now runs least specific first.
    (cond
     ((null by-qualifier)
      (lambda (&rest args)
        (apply #'cl-no-applicable-method generic args)))
     ((null (assq nil by-qualifier))
      (lambda (&rest args)
        (apply #'cl-no-primary-method generic args)))
     (t
      (let ((fun nil)
            (before (mapcar (lambda (m) (cl-generic-call-method generic m))
                            (reverse (cdr (assq :before by-qualifier)))))
            (after (mapcar (lambda (m) (cl-generic-call-method generic m))
                           (cdr (assq :after by-qualifier)))))
        (dolist (method (cdr (assq nil by-qualifier)))
          (setq fun (cl-generic-call-method generic method fun)))
        (when (or before after)
          (let ((primary fun))
            (setq fun (lambda (&rest args)
                        (dolist (f before) (apply f args))
                        (prog1 (apply primary args)
                          (dolist (f after) (apply f args)))))))
        (dolist (method (cdr (assq :around by-qualifier)))
          (setq fun (cl-generic-call-method generic method fun)))
        fun)))))

(defun cl-generic-apply (generic args)
  "Apply GENERIC, a generic record, to ARGS."
  (apply (cl--generic-name generic) args))

(defun cl-find-method (generic qualifiers specializers)
  "The method of GENERIC (a name) with QUALIFIERS and SPECIALIZERS, or nil."
  (car (cl--generic-member-method
        specializers qualifiers
        (cl--generic-method-table (cl-generic-ensure-function generic 'noerror)))))

(defun cl--generic-specializers-apply-to-type-p (specializers type)
  "Non-nil if one of SPECIALIZERS, other than t, is TYPE or a structure
type TYPE includes."
  (cl-some (lambda (specializer)
             (and (not (eq specializer t))
                  (or (equal specializer type)
                      (and (symbolp specializer)
                           (memq specializer
                                 (cdr (cl--generic-struct-specializers type)))
                           t))))
           specializers))

(defun cl-generic-all-functions (&optional type)
  "The names of all generic functions; with TYPE, of those having a method
for TYPE."
  (let ((names nil))
    (mapatoms
     (lambda (symbol)
       (let ((generic (and (fboundp symbol) (get symbol 'cl--generic))))
         (when (and generic
                    (or (null type)
                        (cl-some (lambda (method)
                                   (cl--generic-specializers-apply-to-type-p
                                    (cl--generic-method-specializers method) type))
                                 (cl--generic-method-table generic))))
           (push symbol names)))))
    names))

(defmacro cl-generic-define-context-rewriter (name args &rest body)
  "Make &context (NAME ARGS...) stand for the (EXPR SPECIALIZER) BODY returns."
  (declare (indent defun))
  `(put ',name 'cl-generic--context-rewriter (lambda ,args ,@body)))

(defun cl-call-next-method (&rest _args)
  "Call the next method; only meaningful in the body of a method."
  (error "cl-call-next-method only allowed inside primary and around methods"))

(defun cl-next-method-p ()
  "Non-nil if there is a next method; only meaningful in the body of a method."
  (error "cl-next-method-p only allowed inside primary and around methods"))

;;;; The standard generalizers.

(cl-generic-define-generalizer cl--generic-t-generalizer
  0 (lambda (_name &rest _) nil) (lambda (_tag &rest _) '(t)))

(defvar cl--generic-eql-used (make-hash-table :test #'eql)
  "For each value some (eql FORM) specializer stands for, (eql . SPECIALIZERS).")

(cl-generic-define-generalizer cl--generic-eql-generalizer
  100 (lambda (name &rest _) `(gethash ,name cl--generic-eql-used))
  (lambda (tag &rest _) (and (eq (car-safe tag) 'eql) (cdr tag))))

(defvar cl--generic-head-used (make-hash-table :test #'eql)
  "For each VAL of a (head VAL) specializer, that specializer.")

(cl-generic-define-generalizer cl--generic-head-generalizer
  80 (lambda (name &rest _) `(gethash (car-safe ,name) cl--generic-head-used))
  (lambda (tag &rest _) (and (eq (car-safe tag) 'head) (list tag))))

(defun cl--generic-struct-type-p (type)
  (or (eq type 'cl-structure-object)
      (and (symbolp type) (get type 'cl--class) t)))

(defun cl--generic-struct-specializers (tag &rest _)
  "TAG, a structure type, and the types it includes, nearest first."
  (and (symbolp tag) tag (get tag 'cl--class)
       (let ((types nil))
         (while tag
           (push tag types)
           (setq tag (get tag 'cl--struct-parent)))
         (nreverse (cons 'cl-structure-object types)))))

(cl-generic-define-generalizer cl--generic-struct-generalizer
  50 (lambda (name &rest _) `(if ,name (type-of ,name) 'null))
  #'cl--generic-struct-specializers)

(defconst cl--generic-typeof-types
  ;; For each type `type-of' returns (nil: null), the types it is a subtype
  ;; of, itself first, as GNU Emacs 28 orders them for dispatch.
  (append
   (mapcar (lambda (type) (list type 'atom))
           '(overlay window-configuration process window subr buffer frame
             hash-table terminal thread mutex condvar font-spec font-entity
             font-object user-ptr))
   '((integer number number-or-marker atom)
     (float number atom)
     (marker number-or-marker atom)
     (symbol atom)
     (null symbol list sequence atom)
     (cons list sequence)
     (string array sequence atom)
     (vector array sequence atom)
     (bool-vector array sequence atom)
     (char-table array sequence atom)
     (compiled-function function atom)
     (module-function function atom))))

(defconst cl--generic-builtin-types
  (delete-dups (apply #'append (append cl--generic-typeof-types '(nil))))
  "The built-in types a method can specialize on.")

(cl-generic-define-generalizer cl--generic-typeof-generalizer
  10 (lambda (name &rest _) `(if ,name (type-of ,name) 'null))
  (lambda (tag &rest _) (and (symbolp tag) (assq tag cl--generic-typeof-types))))

(defun cl--generic-eql-generalizers (specializer)
  "Record the (eql FORM) SPECIALIZER; its value is FORM's, as Emacs 28
computes it: a symbol that is not a constant stands for itself."
  (let* ((form (car (cdr specializer)))
         (value (if (or (not (symbolp form)) (macroexp-const-p form))
                    (eval form t)
                  form))
         (known (cdr (gethash value cl--generic-eql-used))))
    (unless (member specializer known) (push specializer known))
    (puthash value (cons 'eql known) cl--generic-eql-used)
    (list cl--generic-eql-generalizer)))

(defun cl--generic-builtin-generalizers (specializer)
  "The generalizers of SPECIALIZER among the kinds this library knows."
  (cond
   ((eq specializer t) (list cl--generic-t-generalizer))
   ((eq (car-safe specializer) 'eql) (cl--generic-eql-generalizers specializer))
   ((eq (car-safe specializer) 'head)
    (unless (gethash (car (cdr specializer)) cl--generic-head-used)
      (puthash (car (cdr specializer)) specializer cl--generic-head-used))
    (list cl--generic-head-generalizer))
   ((cl--generic-struct-type-p specializer) (list cl--generic-struct-generalizer))
   ((memq specializer cl--generic-builtin-types)
    (list cl--generic-typeof-generalizer))
   (t (error "Unknown specializer %S" specializer))))

;; The dispatcher of a generic function is built with the help of these two,
;; so while their first methods are being defined they are plain functions.
(cl-defgeneric cl-generic-generalizers (specializer)
  "The generalizers that classify arguments for SPECIALIZER.
Methods with an :extra qualifier add kinds of specializers, calling
`cl-call-next-method' for the others.")

(cl-defgeneric cl-generic-combine-methods (generic methods)
  "The effective method of GENERIC for METHODS, sorted most specific first:
a function of the generic function's arguments.")

(defalias 'cl-generic-generalizers #'cl--generic-builtin-generalizers)
(defalias 'cl-generic-combine-methods #'cl--generic-standard-method-combination)

(cl-defmethod cl-generic-generalizers (specializer)
  (cl--generic-builtin-generalizers specializer))

(cl-defmethod cl-generic-combine-methods (generic methods)
  (cl--generic-standard-method-combination generic methods))

(cl-defgeneric cl-no-next-method (generic method &rest args)
  "Called when METHOD of GENERIC calls `cl-call-next-method' with no next method."
  (signal 'cl-no-next-method `(,(cl--generic-name generic) ,method ,@args)))

(cl-defgeneric cl-no-applicable-method (generic &rest args)
  "Called when GENERIC has no method for ARGS."
  (signal 'cl-no-applicable-method `(,(cl--generic-name generic) ,@args)))

(cl-defgeneric cl-no-primary-method (generic &rest args)
  "Called when GENERIC has methods for ARGS but no primary one."
  (signal 'cl-no-primary-method `(,(cl--generic-name generic) ,@args)))

(provide 'cl-generic)

;;; cl-generic.el ends here
