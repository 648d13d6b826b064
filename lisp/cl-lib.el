;;; cl-lib.el --- Common Lisp extensions  -*- lexical-binding: t -*-

;; The parts of Common Lisp that Emacs Lisp code uses most: full lambda lists
;; (`cl-defun'), `cl-loop', `cl-defstruct', local functions, and the sequence
;; functions with their :test/:key keyword arguments.

;;;; Numbers and list accessors.

(defun cl-plusp (number) "Non-nil if NUMBER is positive." (> number 0))
(defun cl-minusp (number) "Non-nil if NUMBER is negative." (< number 0))
(defun cl-evenp (integer) "Non-nil if INTEGER is even." (eq (logand integer 1) 0))
(defun cl-oddp (integer) "Non-nil if INTEGER is odd." (eq (logand integer 1) 1))

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) "The third element of list X." (nth 2 x))
(defun cl-fourth (x) "The fourth element of list X." (nth 3 x))
(defun cl-fifth (x) "The fifth element of list X." (nth 4 x))
(defun cl-sixth (x) "The sixth element of list X." (nth 5 x))
(defun cl-seventh (x) "The seventh element of list X." (nth 6 x))
(defun cl-eighth (x) "The eighth element of list X." (nth 7 x))
(defun cl-ninth (x) "The ninth element of list X." (nth 8 x))
(defun cl-tenth (x) "The tenth element of list X." (nth 9 x))
(defalias 'cl-caddr #'caddr)
(defalias 'cl-cdddr #'cdddr)
(defalias 'cl-copy-list #'copy-sequence)

(gv-define-setter cl-first (val x) `(setcar ,x ,val))
(gv-define-setter cl-second (val x) `(setcar (cdr ,x) ,val))
(gv-define-setter cl-third (val x) `(setcar (nthcdr 2 ,x) ,val))
(gv-define-setter cl-rest (val x) `(setcdr ,x ,val))

(defun cl-endp (x)
  "Non-nil if X, a list, is empty."
  (if (listp x) (null x) (signal 'wrong-type-argument (list 'listp x))))

(defun cl-list* (arg &rest others)
  "Like `list', but the last argument is the tail of the result."
  (if (null others) arg
    (let* ((all (cons arg others))
           (n (length all))
           (head (butlast all)))
      (nconc head (nth (1- n) all)))))

(defun cl-gensym (&optional prefix)
  "A new uninterned symbol."
  (gensym (or prefix "G")))

(defun cl-values (&rest values) "The multiple VALUES, as a list." values)
(defun cl-values-list (list) "The multiple values in LIST." list)

(defmacro cl-multiple-value-bind (vars form &rest body)
  "Bind VARS to the elements of the list FORM returns, then run BODY."
  (declare (indent 2))
  (let ((values (make-symbol "values")))
    `(let* ((,values ,form)
            ,@(mapcar (lambda (v) `(,v (pop ,values))) vars))
       ,@body)))

;;;; Modifying places.

(defmacro cl-incf (place &optional x)
  "Add X (default 1) to the number in PLACE and return the result."
  (if (symbolp place)
      `(setq ,place ,(if x `(+ ,place ,x) `(1+ ,place)))
    (gv-letplace (getter setter) place
      (funcall setter (if x `(+ ,getter ,x) `(1+ ,getter))))))

(defmacro cl-decf (place &optional x)
  "Subtract X (default 1) from the number in PLACE and return the result."
  (if (symbolp place)
      `(setq ,place ,(if x `(- ,place ,x) `(1- ,place)))
    (gv-letplace (getter setter) place
      (funcall setter (if x `(- ,getter ,x) `(1- ,getter))))))

(defalias 'incf (symbol-function 'cl-incf))
(defalias 'decf (symbol-function 'cl-decf))

(defmacro cl-pushnew (x place &rest keys)
  "Add X to the list in PLACE unless it is already a member (by :test, :key)."
  (macroexp-let2 macroexp-copyable-p v x
    (gv-letplace (getter setter) place
      `(if (cl-member ,v ,getter ,@keys)
           ,getter
         ,(funcall setter `(cons ,v ,getter))))))

(defmacro cl-callf (func place &rest args)
  "Set PLACE to (FUNC PLACE ARGS...)."
  (declare (indent 2))
  (gv-letplace (getter setter) place
    (funcall setter (if (symbolp func) `(,func ,getter ,@args)
                      `(funcall ,func ,getter ,@args)))))

(defmacro cl-rotatef (&rest places)
  "Rotate the values of PLACES left: each gets the value of the next, and the
last gets the first's.  Return nil."
  (if (null (cdr places))
      nil
    (let ((temp (make-symbol "first")))
      `(let ((,temp ,(car places)))
         ,@(let ((forms nil) (tail places))
             (while (cdr tail)
               (push `(setf ,(car tail) ,(car (cdr tail))) forms)
               (setq tail (cdr tail)))
             (nreverse forms))
         (setf ,(car (last places)) ,temp)
         nil))))

(defmacro cl-shiftf (place &rest args)
  "Shift the values of PLACE and ARGS left; return PLACE's old value."
  (if (null args)
      place
    `(prog1 ,place (setf ,place (cl-shiftf ,@args)))))

(defmacro cl-letf (bindings &rest body)
  "Temporarily bind each (PLACE VALUE) of BINDINGS around BODY."
  (declare (indent 1))
  (if (null bindings)
      (macroexp-progn body)
    (let ((place (car (car bindings)))
          (value (cdr (car bindings)))
          (rest `(cl-letf ,(cdr bindings) ,@body)))
      (if (symbolp place)
          `(let (,(car bindings)) ,rest)
        (gv-letplace (getter setter) place
          (let ((old (make-symbol "old")))
            `(let ((,old ,getter))
               (unwind-protect
                   (progn ,@(if value (list (funcall setter (car value)))) ,rest)
                 ,(funcall setter old)))))))))

(defmacro cl-letf* (bindings &rest body)
  "Like `cl-letf'; the bindings are made in sequence anyway."
  (declare (indent 1))
  `(cl-letf ,bindings ,@body))

;;;; Blocks.

(defun cl--block-tag (name)
  (intern (format "--cl-block-%s--" name)))

(defmacro cl-block (name &rest body)
  "Run BODY; `cl-return-from' NAME inside it returns from the block."
  (declare (indent 1))
  `(catch ',(cl--block-tag name) ,@body))

(defmacro cl-return-from (name &optional result)
  "Return RESULT from the `cl-block' named NAME."
  `(throw ',(cl--block-tag name) ,result))

(defmacro cl-return (&optional result)
  "Return RESULT from the `cl-block' named nil (as in `cl-loop')."
  `(cl-return-from nil ,result))

(defun cl--uses-return-p (body)
  "Non-nil if BODY mentions `cl-return' or `cl-return-from'."
  (cond ((memq body '(cl-return cl-return-from)) t)
        ((consp body) (or (cl--uses-return-p (car body))
                          (cl--uses-return-p (cdr body))))))

(defmacro cl-dolist (spec &rest body)
  "Like `dolist', inside a block named nil."
  (declare (indent 1))
  `(cl-block nil (dolist ,spec ,@body)))

(defmacro cl-dotimes (spec &rest body)
  "Like `dotimes', inside a block named nil."
  (declare (indent 1))
  `(cl-block nil (dotimes ,spec ,@body)))

;;;; Lambda lists.

(defconst cl--lambda-keywords
  '(&optional &rest &body &key &allow-other-keys &aux &whole &environment))

(defun cl--simple-lambda-list-p (args)
  "Non-nil if ARGS is a plain Emacs Lisp argument list."
  (let ((simple t))
    (while (and simple (consp args))
      (unless (and (symbolp (car args))
                   (or (memq (car args) '(&optional &rest))
                       (not (memq (car args) cl--lambda-keywords))))
        (setq simple nil))
      (setq args (cdr args)))
    (and simple (null args))))

(defun cl--keyword-of (var)
  (intern (concat ":" (symbol-name var))))

(defun cl--bindings (args val)
  "The `let*' bindings that destructure the list in variable VAL by ARGS."
  (let ((bindings nil)
        (mode 'required)
        (keys nil)
        (allow-other-keys nil)
        (rest-seen nil)
        (count 0))
    (while args
      (let ((arg (if (consp args) (car args) args)))
        (when (not (consp args))        ; a dotted tail is a &rest variable
          (setq mode '&rest))
        (cond
         ((memq arg '(&optional &rest &body &key &aux))
          (setq mode (if (eq arg '&body) '&rest arg)))
         ((eq arg '&allow-other-keys) (setq allow-other-keys t))
         ((memq arg '(&whole &environment)) (setq args (cdr args)))
         ((eq mode 'required)
          (setq count (1+ count))
          (push `(,val (if ,val ,val
                         (signal 'wrong-number-of-arguments (list nil ,(1- count)))))
                bindings)
          (setq bindings (cl--bind-one arg `(car ,val) bindings))
          (push `(,val (cdr ,val)) bindings))
         ((eq mode '&optional)
          (let ((var (if (consp arg) (car arg) arg))
                (default (car-safe (cdr-safe arg)))
                (svar (car-safe (cdr-safe (cdr-safe arg)))))
            (when svar (push `(,svar (and ,val t)) bindings))
            (setq bindings (cl--bind-one var `(if ,val (car ,val) ,default) bindings))
            (push `(,val (cdr ,val)) bindings)))
         ((eq mode '&rest)
          (setq rest-seen t)
          (setq bindings (cl--bind-one arg val bindings)))
         ((eq mode '&key)
          (let* ((spec (if (consp arg) (car arg) arg))
                 (var (if (consp spec) (car (cdr spec)) spec))
                 (keyword (if (consp spec) (car spec) (cl--keyword-of var)))
                 (default (car-safe (cdr-safe arg)))
                 (svar (car-safe (cdr-safe (cdr-safe arg))))
                 (cell (make-symbol "cell")))
            (push keyword keys)
            (push `(,cell (plist-member ,val ',keyword)) bindings)
            (when svar (push `(,svar (and ,cell t)) bindings))
            (setq bindings (cl--bind-one var `(if ,cell (car (cdr ,cell)) ,default)
                                         bindings))))
         ((eq mode '&aux)
          (setq bindings (cl--bind-one (if (consp arg) (car arg) arg)
                                       (car-safe (cdr-safe arg)) bindings)))))
      (setq args (if (consp args) (cdr args) nil)))
    (cond
     ((and keys (not allow-other-keys))
      (push `(,(make-symbol "check") (cl--check-keys ,val ',(reverse keys))) bindings))
     ((not (or rest-seen keys))
      (push `(,(make-symbol "check")
              (if ,val (signal 'wrong-number-of-arguments (list nil (+ ,count (length ,val))))))
            bindings)))
    bindings))

(defun cl--bind-one (pattern form bindings)
  "Add to BINDINGS (reversed) the bindings of PATTERN, a variable or a nested
lambda list, to the value of FORM."
  (if (symbolp pattern)
      (cons (list pattern form) bindings)
    (let ((temp (make-symbol "sub")))
      (append (cl--bindings pattern temp) (cons (list temp form) bindings)))))

(defun cl--check-keys (plist keys)
  "Signal an error if PLIST has keywords outside KEYS (unless allowed)."
  (unless (plist-get plist :allow-other-keys)
    (while plist
      (unless (memq (car plist) keys)
        (error "Keyword argument %S not one of %S" (car plist) keys))
      (setq plist (cdr (cdr plist))))))

(defun cl--usage-args (args)
  "The argument list ARGS as the docstring's (fn ...) line shows it: variable
names upcased, default values as written, and no &aux part."
  (let ((mode 'required)
        (usage nil))
    (while (and (consp args) (not (eq (car args) '&aux)))
      (let ((arg (car args)))
        (push (cond ((memq arg cl--lambda-keywords) (setq mode arg) arg)
                    ((symbolp arg) (cl--usage-var arg))
                    ((eq mode 'required) (cl--usage-args arg))
                    (t (let ((spec (car arg)))
                         (cons (if (consp spec)
                                   (list (car spec) (cl--usage-var (car (cdr spec))))
                                 (cl--usage-var spec))
                               (if (cdr arg)
                                   (cons (car (cdr arg))
                                         (mapcar #'cl--usage-var (cdr (cdr arg)))))))))
              usage))
      (setq args (cdr args)))
    (when (and args (symbolp args))
      (push '&rest usage)
      (push (cl--usage-var args) usage))
    (nreverse usage)))

(defun cl--usage-var (var)
  (intern (upcase (symbol-name var))))

(defun cl--transform-lambda (args body name)
  "The (ARGLIST . BODY) of a plain lambda equivalent to the CL ARGS and BODY.
BODY runs in a block named NAME when it returns from one.  As in GNU Emacs,
the docstring ends with a (fn ...) line showing ARGS, which the plain
argument list no longer does."
  (let* ((parsed (macroexp-parse-body body))
         (header (car parsed))
         (forms (cdr parsed))
         (forms (if (cl--uses-return-p forms)
                    (list `(cl-block ,name ,@forms))
                  forms)))
    (if (cl--simple-lambda-list-p args)
        (cons args (append header forms))
      (let ((rest (make-symbol "args"))
            (usage (format "\n\n(fn %s)"
                           (substring (prin1-to-string (cl--usage-args args)) 1 -1))))
        (setq header (if (stringp (car header))
                         (cons (concat (car header) usage) (cdr header))
                       (cons usage header)))
        (cons `(&rest ,rest)
              (append header
                      (list `(let* ,(nreverse (cl--bindings args rest))
                               ,@forms))))))))

(defmacro cl-defun (name args &rest body)
  "Define NAME as a function with a Common Lisp lambda list ARGS.
ARGS may use &optional (VAR DEFAULT SVAR), &rest, &body, &key ((:KEY VAR)
DEFAULT SVAR), &allow-other-keys, &aux and nested lists for destructuring.
BODY runs in a `cl-block' named NAME."
  (declare (indent 2) (doc-string 3))
  `(defun ,name ,@(cl--transform-lambda args body name)))

(defmacro cl-defmacro (name args &rest body)
  "Define NAME as a macro with a Common Lisp lambda list ARGS."
  (declare (indent 2) (doc-string 3))
  `(defmacro ,name ,@(cl--transform-lambda args body name)))

(defmacro cl-function (func)
  "Like `function', accepting a Common Lisp lambda list in a lambda."
  (if (eq (car-safe func) 'lambda)
      `(function (lambda ,@(cl--transform-lambda (car (cdr func)) (cdr (cdr func)) nil)))
    `(function ,func)))

(defmacro cl-destructuring-bind (args expr &rest body)
  "Bind the variables of the lambda list ARGS to the parts of EXPR's value."
  (declare (indent 2))
  (let ((val (make-symbol "val")))
    `(let* ((,val ,expr)
            ,@(nreverse (cl--bindings args val)))
       ,@body)))

;;;; Local functions.

(defmacro cl-flet (bindings &rest body)
  "Run BODY with local functions: each binding is (NAME ARGLIST BODY...).
Calls to NAME inside BODY (not inside the functions) use the local one."
  (declare (indent 1))
  (let ((env macroexpand-all-environment)
        (lets nil))
    (dolist (binding bindings)
      (let ((var (make-symbol (format "--cl-%s--" (car binding))))
            (fn (if (and (cdr (cdr binding)) (listp (car (cdr binding))))
                    `(cl-function (lambda ,@(cdr binding)))
                  (car (cdr binding)))))
        (push (list var fn) lets)
        (push (cons (car binding)
                    (lambda (&rest args) `(funcall ,var ,@args)))
              env)))
    `(let ,(nreverse lets)
       ,(macroexpand-all (macroexp-progn body) env))))

(defmacro cl-flet* (bindings &rest body)
  "Like `cl-flet', but each function can call the ones before it."
  (declare (indent 1))
  (if (null bindings)
      (macroexp-progn body)
    `(cl-flet (,(car bindings)) (cl-flet* ,(cdr bindings) ,@body))))

(defmacro cl-labels (bindings &rest body)
  "Like `cl-flet', but the functions can call each other and themselves."
  (declare (indent 1))
  (let ((env macroexpand-all-environment)
        (vars nil))
    (dolist (binding bindings)
      (let ((var (make-symbol (format "--cl-%s--" (car binding)))))
        (push var vars)
        (push (cons (car binding)
                    (lambda (&rest args) `(funcall ,var ,@args)))
              env)))
    (setq vars (nreverse vars))
    `(letrec ,(let ((vs vars))
                (mapcar (lambda (binding)
                          (prog1 (list (car vs)
                                       (macroexpand-all
                                        `(cl-function (lambda ,@(cdr binding)))
                                        env))
                            (setq vs (cdr vs))))
                        bindings))
       ,(macroexpand-all (macroexp-progn body) env))))

(defmacro cl-macrolet (bindings &rest body)
  "Run BODY with local macros: each binding is (NAME ARGLIST BODY...)."
  (declare (indent 1))
  (let ((env macroexpand-all-environment))
    (dolist (binding bindings)
      (push (cons (car binding) (eval `(cl-function (lambda ,@(cdr binding))) t))
            env))
    (macroexpand-all (macroexp-progn body) env)))

;;;; Conditionals.

(defmacro cl-case (expr &rest clauses)
  "Run the first clause (KEYLIST BODY...) whose keys contain EXPR's value.
A key list that is an atom stands for a list of it; t or `otherwise' match
anything."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    `(let ((,val ,expr))
       (cond
        ,@(mapcar (lambda (clause)
                    (let ((keys (car clause)))
                      (cons (cond ((memq keys '(t otherwise)) t)
                                  ((listp keys) `(memql ,val ',keys))
                                  (t `(eql ,val ',keys)))
                            (or (cdr clause) '(nil)))))
                  clauses)))))

(defmacro cl-ecase (expr &rest clauses)
  "Like `cl-case', but signal an error when no clause matches."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    `(let ((,val ,expr))
       (cl-case ,val ,@clauses
                (t (error "cl-ecase failed: %s, %s" ,val
                          ',(apply #'append
                                   (mapcar (lambda (c) (ensure-list (car c))) clauses))))))))

(defun cl-typep (object type)
  "Non-nil if OBJECT is of TYPE, a Common Lisp type specifier."
  (cond
   ((eq type t) t)
   ((null type) nil)
   ((consp type)
    (cl-case (car type)
      (and (cl-every (lambda (ty) (cl-typep object ty)) (cdr type)))
      (or (cl-some (lambda (ty) (cl-typep object ty)) (cdr type)))
      (not (not (cl-typep object (car (cdr type)))))
      ((member cl-member) (and (memql object (cdr type)) t))
      (eql (eql object (car (cdr type))))
      (satisfies (funcall (car (cdr type)) object))
      (integer (and (integerp object)
                    (or (memq (nth 1 type) '(* nil)) (>= object (nth 1 type)))
                    (or (memq (nth 2 type) '(* nil)) (<= object (nth 2 type)))
                    t))
      (t (if (get (car type) 'cl-deftype-handler)
             (cl-typep object (apply (get (car type) 'cl-deftype-handler) (cdr type)))
           (error "Bad type spec: %s" type)))))
   ((memq type '(null)) (null object))
   ((eq type 'atom) (atom object))
   ((eq type 'real) (numberp object))
   ((eq type 'float) (floatp object))
   ((eq type 'fixnum) (fixnump object))
   ((eq type 'bignum) (bignump object))
   ((eq type 'character) (characterp object))
   ((eq type 'natnum) (natnump object))
   ((eq type 'boolean) (booleanp object))
   ((eq type 'keyword) (keywordp object))
   ((get type 'cl-deftype-handler)
    (cl-typep object (funcall (get type 'cl-deftype-handler))))
   ((get type 'cl--struct-type)
    (if (get type 'cl--struct-tag-index) (cl--struct-typed-p type object)
      (error "Unknown type %S" type)))
   ((get type 'cl--struct-slots) (cl--struct-subtype-p (cl--struct-tag object) type))
   ;; A predicate some definer (as `defclass') registered for TYPE.
   ((get type 'cl-deftype-satisfies)
    (funcall (get type 'cl-deftype-satisfies) object))
   ((fboundp (intern (format "%sp" type))) (funcall (intern (format "%sp" type)) object))
   ((fboundp (intern (format "%s-p" type))) (funcall (intern (format "%s-p" type)) object))
   (t (error "Unknown type %S" type))))

(defmacro cl-typecase (expr &rest clauses)
  "Run the first clause (TYPE BODY...) whose TYPE EXPR's value is of."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    `(let ((,val ,expr))
       (cond ,@(mapcar (lambda (clause)
                         (cons (if (memq (car clause) '(t otherwise)) t
                                 `(cl-typep ,val ',(car clause)))
                               (or (cdr clause) '(nil))))
                       clauses)))))

(defmacro cl-etypecase (expr &rest clauses)
  "Like `cl-typecase', but signal an error when no clause matches."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    `(let ((,val ,expr))
       (cl-typecase ,val ,@clauses
                    (t (error "cl-etypecase failed: %s, %s" ,val
                              ',(mapcar #'car clauses)))))))

(defmacro cl-assert (form &optional show-args string &rest args)
  "Signal an error unless FORM is non-nil.
With STRING, the error message is formatted from STRING and ARGS; else the
error is `cl-assertion-failed' with FORM and, with SHOW-ARGS, the values of
FORM's non-constant arguments."
  (let ((shown (and show-args (consp form)
                    (cl-remove-if #'macroexp-const-p (cdr form)))))
    `(unless ,form
       ,(if string
            `(error ,string ,@args)
          `(signal 'cl-assertion-failed (list ',form ,@shown))))))

(define-error 'cl-assertion-failed "Assertion failed")

(defmacro cl-check-type (form type &optional string)
  "Signal `wrong-type-argument' unless FORM's value is of TYPE."
  (macroexp-let2 macroexp-copyable-p v form
    `(unless (cl-typep ,v ',type)
       (signal 'wrong-type-argument (list ,(or string `',type) ,v ',form)))))

(defmacro cl-the (_type form) "FORM (the type is not checked)." form)

(defmacro cl-progv (symbols values &rest body)
  "Bind SYMBOLS dynamically to VALUES around BODY."
  (declare (indent 2))
  `(cl--progv ,symbols ,values (lambda () ,@body)))

(defun cl--progv (symbols values fn)
  (if (null symbols)
      (funcall fn)
    (eval `(let ((,(car symbols) ',(car values)))
             (cl--progv ',(cdr symbols) ',(cdr values) ',fn)))))

;;;; Sequence functions.

(defun cl--test-function (item keys)
  "A predicate on a sequence element for ITEM and the :test/:test-not/:key KEYS."
  (let ((test (plist-get keys :test))
        (test-not (plist-get keys :test-not))
        (key (plist-get keys :key)))
    (lambda (elt)
      (let ((k (if key (funcall key elt) elt)))
        (cond (test (funcall test item k))
              (test-not (not (funcall test-not item k)))
              (t (eql item k)))))))

(defun cl--if-function (pred keys)
  "A predicate on a sequence element: PRED applied to its :key in KEYS."
  (let ((key (plist-get keys :key)))
    (if key (lambda (elt) (funcall pred (funcall key elt))) pred)))

(defun cl--remove (pred seq keys)
  "A copy of SEQ without the elements satisfying PRED, honouring :start,
:end, :count and :from-end in KEYS."
  (let* ((list (append seq nil))
         (len (length list))
         (start (or (plist-get keys :start) 0))
         (end (or (plist-get keys :end) len))
         (count (plist-get keys :count))
         (from-end (plist-get keys :from-end))
         (indexes nil)
         (i 0))
    (dolist (elt list)
      (when (and (>= i start) (< i end) (funcall pred elt))
        (push i indexes))
      (setq i (1+ i)))
    (setq indexes (if from-end indexes (nreverse indexes)))
    (when (and count (< count (length indexes)))
      (setq indexes (butlast indexes (- (length indexes) (max count 0)))))
    (if (null indexes)
        seq
      (let ((result nil) (i 0))
        (dolist (elt list)
          (unless (memq i indexes) (push elt result))
          (setq i (1+ i)))
        (setq result (nreverse result))
        (cond ((listp seq) result)
              ((stringp seq) (concat result))
              (t (vconcat result)))))))

(defun cl-remove-if (pred seq &rest keys)
  "A copy of SEQ without the elements satisfying PRED.
Keywords: :key :count :start :end :from-end."
  (cl--remove (cl--if-function pred keys) seq keys))

(defun cl-remove-if-not (pred seq &rest keys)
  "A copy of SEQ with only the elements satisfying PRED."
  (cl--remove (cl--if-function (lambda (x) (not (funcall pred x))) keys) seq keys))

(defun cl-remove (item seq &rest keys)
  "A copy of SEQ without the occurrences of ITEM (by :test, :key...)."
  (cl--remove (cl--test-function item keys) seq keys))

(defun cl-delete-if (pred seq &rest keys)
  "Like `cl-remove-if' (the sequence may be modified)."
  (apply #'cl-remove-if pred seq keys))

(defun cl-delete-if-not (pred seq &rest keys)
  "Like `cl-remove-if-not' (the sequence may be modified)."
  (apply #'cl-remove-if-not pred seq keys))

(defun cl-delete (item seq &rest keys)
  "Like `cl-remove' (the sequence may be modified)."
  (apply #'cl-remove item seq keys))

(defun cl--position (pred seq keys)
  "The index of the first (with :from-end last) element of SEQ satisfying PRED."
  (let* ((start (or (plist-get keys :start) 0))
         (end (or (plist-get keys :end) (length seq)))
         (from-end (plist-get keys :from-end))
         (i start)
         (found nil))
    (if (listp seq)
        (let ((tail (nthcdr start seq)))
          (while (and tail (< i end) (or from-end (not found)))
            (when (funcall pred (car tail)) (setq found i))
            (setq tail (cdr tail) i (1+ i))))
      (while (and (< i end) (or from-end (not found)))
        (when (funcall pred (aref seq i)) (setq found i))
        (setq i (1+ i))))
    found))

(defun cl-position (item seq &rest keys)
  "The index of ITEM in SEQ, or nil.  Keywords: :test :key :start :end :from-end."
  (cl--position (cl--test-function item keys) seq keys))

(defun cl-position-if (pred seq &rest keys)
  "The index of the first element of SEQ satisfying PRED, or nil."
  (cl--position (cl--if-function pred keys) seq keys))

(defun cl-position-if-not (pred seq &rest keys)
  "The index of the first element of SEQ not satisfying PRED, or nil."
  (cl--position (cl--if-function (lambda (x) (not (funcall pred x))) keys) seq keys))

(defun cl-find (item seq &rest keys)
  "The first element of SEQ matching ITEM (by :test, :key), or nil."
  (let ((i (apply #'cl-position item seq keys)))
    (and i (elt seq i))))

(defun cl-find-if (pred seq &rest keys)
  "The first element of SEQ satisfying PRED, or nil."
  (let ((i (apply #'cl-position-if pred seq keys)))
    (and i (elt seq i))))

(defun cl-find-if-not (pred seq &rest keys)
  "The first element of SEQ not satisfying PRED, or nil."
  (let ((i (apply #'cl-position-if-not pred seq keys)))
    (and i (elt seq i))))

(defun cl--count (pred seq keys)
  (let ((start (or (plist-get keys :start) 0))
        (end (or (plist-get keys :end) (length seq)))
        (n 0)
        (i 0))
    (mapc (lambda (elt)
            (when (and (>= i start) (< i end) (funcall pred elt))
              (setq n (1+ n)))
            (setq i (1+ i)))
          seq)
    n))

(defun cl-count (item seq &rest keys)
  "The number of occurrences of ITEM in SEQ."
  (cl--count (cl--test-function item keys) seq keys))

(defun cl-count-if (pred seq &rest keys)
  "The number of elements of SEQ satisfying PRED."
  (cl--count (cl--if-function pred keys) seq keys))

(defun cl-member (item list &rest keys)
  "The tail of LIST starting with ITEM (by :test, :key; default `eql')."
  (let ((pred (cl--test-function item keys)))
    (while (and list (not (funcall pred (car list))))
      (setq list (cdr list)))
    list))

(defun cl-assoc (key alist &rest keys)
  "The first element of ALIST whose car matches KEY (by :test, :key)."
  (let ((pred (cl--test-function key keys)))
    (cl-find-if (lambda (cell) (and (consp cell) (funcall pred (car cell)))) alist)))

(defun cl-rassoc (value alist &rest keys)
  "The first element of ALIST whose cdr matches VALUE."
  (let ((pred (cl--test-function value keys)))
    (cl-find-if (lambda (cell) (and (consp cell) (funcall pred (cdr cell)))) alist)))

(defun cl-reduce (fn seq &rest keys)
  "Combine the elements of SEQ with the two-argument FN, left to right.
Keywords: :initial-value, :from-end, :key, :start, :end."
  (let* ((list (append seq nil))
         (start (or (plist-get keys :start) 0))
         (end (plist-get keys :end))
         (key (plist-get keys :key))
         (from-end (plist-get keys :from-end))
         (has-init (plist-member keys :initial-value)))
    (setq list (nthcdr start list))
    (when end (setq list (butlast list (- (+ (length list) start) end))))
    (when key (setq list (mapcar key list)))
    (when from-end (setq list (reverse list)))
    (let ((acc (cond (has-init (plist-get keys :initial-value))
                     (list (pop list))
                     (t (funcall fn)))))
      (dolist (x list)
        (setq acc (if from-end (funcall fn x acc) (funcall fn acc x))))
      acc)))

(defun cl--mapcar-many (fn seqs)
  "The results of FN on the elements of SEQS taken in parallel."
  (let ((lists (mapcar (lambda (s) (append s nil)) seqs))
        (result nil))
    (while (not (memq nil lists))
      (push (apply fn (mapcar #'car lists)) result)
      (setq lists (mapcar #'cdr lists)))
    (nreverse result)))

(defun cl-mapcar (fn seq &rest more)
  "Like `mapcar', over several sequences in parallel."
  (if more (cl--mapcar-many fn (cons seq more)) (mapcar fn seq)))

(defun cl-mapcan (fn seq &rest more)
  "Like `cl-mapcar', concatenating the results with `nconc'."
  (apply #'nconc (apply #'cl-mapcar fn seq more)))

(defun cl-mapc (fn seq &rest more)
  "Like `mapc', over several sequences in parallel."
  (if more (progn (cl--mapcar-many fn (cons seq more)) seq) (mapc fn seq)))

(defun cl-maplist (fn list &rest more)
  "FN applied to LIST and its successive tails, collected."
  (let ((lists (cons list more)) (result nil))
    (while (not (memq nil lists))
      (push (apply fn lists) result)
      (setq lists (mapcar #'cdr lists)))
    (nreverse result)))

(defun cl-some (pred seq &rest more)
  "The first non-nil value of PRED on the elements of SEQ (and MORE)."
  (catch 'cl--some
    (apply #'cl-mapc (lambda (&rest args)
                       (let ((v (apply pred args))) (when v (throw 'cl--some v))))
           seq more)
    nil))

(defun cl-every (pred seq &rest more)
  "Non-nil if PRED is true of every element of SEQ (and MORE)."
  (catch 'cl--every
    (apply #'cl-mapc (lambda (&rest args)
                       (unless (apply pred args) (throw 'cl--every nil)))
           seq more)
    t))

(defun cl-notany (pred seq &rest more)
  "Non-nil if PRED is true of no element of SEQ."
  (not (apply #'cl-some pred seq more)))

(defun cl-notevery (pred seq &rest more)
  "Non-nil if PRED is false of some element of SEQ."
  (not (apply #'cl-every pred seq more)))

(defun cl-remove-duplicates (seq &rest keys)
  "A copy of SEQ without duplicates (by :test, :key); the last ones are kept
unless :from-end."
  (let* ((list (append seq nil))
         (key (plist-get keys :key))
         (from-end (plist-get keys :from-end))
         (result nil))
    (if from-end
        (dolist (x list)
          (unless (apply #'cl-member (if key (funcall key x) x) result
                         :key key (cl--test-keys keys))
            (push x result)))
      (let ((tail list))
        (while tail
          (unless (apply #'cl-member (if key (funcall key (car tail)) (car tail))
                         (cdr tail) :key key (cl--test-keys keys))
            (push (car tail) result))
          (setq tail (cdr tail)))))
    (setq result (nreverse result))
    (cond ((listp seq) result) ((stringp seq) (concat result)) (t (vconcat result)))))

(defun cl--test-keys (keys)
  "The :test and :test-not parts of KEYS."
  (append (and (plist-member keys :test) (list :test (plist-get keys :test)))
          (and (plist-member keys :test-not) (list :test-not (plist-get keys :test-not)))))

(defun cl-delete-duplicates (seq &rest keys)
  "Like `cl-remove-duplicates'."
  (apply #'cl-remove-duplicates seq keys))

(defun cl-subseq (seq start &optional end)
  "The part of SEQ from START to END (negative values count from the end)."
  (if (listp seq)
      (let* ((len (length seq))
             (s (if (< start 0) (+ len start) start))
             (e (cond ((null end) len) ((< end 0) (+ len end)) (t end))))
        (when (or (< s 0) (> e len) (> s e))
          (signal 'args-out-of-range (list seq start end)))
        (butlast (nthcdr s seq) (- len e)))
    (substring seq start end)))

(gv-define-setter cl-subseq (new seq start &optional end)
  (macroexp-let2 nil new new
    `(progn (cl-replace ,seq ,new :start1 ,start :end1 ,end) ,new)))

(defun cl-replace (seq1 seq2 &rest keys)
  "Copy the elements of SEQ2 into SEQ1 (between :start1/:end1, :start2/:end2)."
  (let* ((start1 (or (plist-get keys :start1) 0))
         (end1 (or (plist-get keys :end1) (length seq1)))
         (start2 (or (plist-get keys :start2) 0))
         (end2 (or (plist-get keys :end2) (length seq2)))
         (n (min (- end1 start1) (- end2 start2))))
    (dotimes (i n)
      (setf (elt seq1 (+ start1 i)) (elt seq2 (+ start2 i))))
    seq1))

(defun cl-sort (seq pred &rest keys)
  "Sort SEQ by PRED (applied to the :key of the elements)."
  (let ((key (plist-get keys :key)))
    (sort seq (if key (lambda (a b) (funcall pred (funcall key a) (funcall key b)))
                pred))))

(defun cl-stable-sort (seq pred &rest keys)
  "Like `cl-sort' (`sort' is stable)."
  (apply #'cl-sort seq pred keys))

(defun cl-union (list1 list2 &rest keys)
  "The elements in LIST1 or LIST2."
  (cond ((null list1) list2)
        ((null list2) list1)
        (t
         (when (< (length list1) (length list2))
           (setq list1 (prog1 list2 (setq list2 list1))))
         (dolist (x list2)
           (unless (apply #'cl-member (cl--key-of x keys) list1 keys)
             (push x list1)))
         list1)))

(defun cl--key-of (x keys)
  (let ((key (plist-get keys :key))) (if key (funcall key x) x)))

(defun cl-intersection (list1 list2 &rest keys)
  "The elements of LIST1 that are also in LIST2."
  (when (< (length list1) (length list2))
    (setq list1 (prog1 list2 (setq list2 list1))))
  (let ((result nil))
    (dolist (x list2)
      (when (apply #'cl-member (cl--key-of x keys) list1 keys)
        (push x result)))
    result))

(defun cl-set-difference (list1 list2 &rest keys)
  "The elements of LIST1 that are not in LIST2."
  (cl-remove-if (lambda (x) (apply #'cl-member (cl--key-of x keys) list2 keys))
                list1))

(defun cl-subsetp (list1 list2 &rest keys)
  "Non-nil if every element of LIST1 is in LIST2."
  (cl-every (lambda (x) (apply #'cl-member (cl--key-of x keys) list2 keys)) list1))

(defun cl-adjoin (item list &rest keys)
  "LIST with ITEM added at the front unless already a member."
  (if (apply #'cl-member (cl--key-of item keys) list keys) list (cons item list)))

(defun cl-getf (plist tag &optional default)
  "The value of TAG in PLIST, or DEFAULT."
  (let ((cell (plist-member plist tag)))
    (if cell (car (cdr cell)) default)))

(defun cl-tailp (sublist list)
  "Non-nil if SUBLIST is a tail of LIST."
  (while (and (consp list) (not (eq sublist list)))
    (setq list (cdr list)))
  (eql sublist list))

(defun cl-list-length (list)
  "The length of LIST, or nil if it is circular."
  (let ((n (safe-length list)))
    (if (and (> n 0) (consp (nthcdr n list))) nil n)))

(defun cl-isqrt (n)
  "The integer square root of the natural number N."
  (let ((x n) (y (/ (1+ n) 2)))
    (while (< y x) (setq x y y (/ (+ x (/ n x)) 2)))
    x))

;;;; cl-loop.

(defvar cl--loop-args nil "The clauses of the `cl-loop' being parsed.")
(defvar cl--loop-bindings nil "Reversed `let*' bindings of the loop.")
(defvar cl--loop-steps nil "Reversed forms run at the end of each iteration.")
(defvar cl--loop-initially nil "Reversed forms run before the loop.")
(defvar cl--loop-finally nil "Reversed forms run after the loop.")
(defvar cl--loop-result nil "The form giving the result, or nil.")
(defvar cl--loop-result-explicit nil "Non-nil if `finally return' was used.")
(defvar cl--loop-accumulator nil "The default accumulation variable, or nil.")
(defvar cl--loop-accumulator-kind nil "How the default accumulator is built.")
(defvar cl--loop-first-flag nil "The variable that is t in the first iteration.")
(defvar cl--loop-name nil "The name of the loop's block.")

(defun cl--loop-pop ()
  (pop cl--loop-args))

(defun cl--loop-bind (var value)
  (push (list var value) cl--loop-bindings))

(defun cl--loop-destructure (pattern value)
  "A list of (VAR FORM) assignments destructuring VALUE by PATTERN.
Variables are also bound (to nil) in the loop."
  (cond ((null pattern) nil)
        ((symbolp pattern)
         (cl--loop-bind pattern nil)
         (list (list pattern value)))
        (t (let ((temp (make-symbol "d")))
             (cl--loop-bind temp nil)
             (append (list (list temp value))
                     (cl--loop-destructure (car pattern) `(car ,temp))
                     (cl--loop-destructure (cdr pattern) `(cdr ,temp)))))))

(defun cl--loop-setq (pattern value)
  "A form assigning VALUE to PATTERN (destructured) and returning t."
  `(progn (setq ,@(apply #'append (cl--loop-destructure pattern value))) t))

(defun cl--loop-first-flag ()
  (or cl--loop-first-flag
      (let ((flag (make-symbol "first")))
        (cl--loop-bind flag t)
        (setq cl--loop-first-flag flag))))

(defun cl--loop-for ()
  "Parse a `for' clause; return its per-iteration test form."
  (let ((var (cl--loop-pop))
        (word (cl--loop-pop)))
    (cond
     ((memq word '(in in-ref))
      (let ((tail (make-symbol "tail"))
            (list (cl--loop-pop)))
        (cl--loop-bind tail list)
        (push (cl--loop-step-form tail) cl--loop-steps)
        `(and (consp ,tail) ,(cl--loop-setq var `(car ,tail)))))
     ((eq word 'on)
      (let ((tail (if (and var (symbolp var)) var (make-symbol "tail")))
            (list (cl--loop-pop)))
        (cl--loop-bind tail list)
        (push (cl--loop-step-form tail) cl--loop-steps)
        (if (eq tail var) `(consp ,tail)
          `(and (consp ,tail) ,(cl--loop-setq var tail)))))
     ((eq word 'across)
      (let ((vec (make-symbol "vec"))
            (index (make-symbol "i")))
        (cl--loop-bind vec (cl--loop-pop))
        (cl--loop-bind index 0)
        (push `(setq ,index (1+ ,index)) cl--loop-steps)
        `(and (< ,index (length ,vec)) ,(cl--loop-setq var `(aref ,vec ,index)))))
     ((eq word '=)
      (let ((init (cl--loop-pop)))
        (if (eq (car cl--loop-args) 'then)
            (progn
              (cl--loop-pop)
              (let ((then (cl--loop-pop)))
                (cl--loop-setq var `(if ,(cl--loop-first-flag) ,init ,then))))
          (cl--loop-setq var init))))
     ((memq word '(being the))
      (cl--loop-being var word))
     ((memq word '(from upfrom downfrom to upto below downto above by))
      (push word cl--loop-args)
      (cl--loop-arith var))
     ((and (symbolp word) (get word 'cl-loop-for-handler))
      ;; A library's own `for' word, as in Emacs: the handler rewrites the
      ;; clause at the head of `cl--loop-args' into clauses parsed next.
      (funcall (get word 'cl-loop-for-handler) var)
      t)
     (t (error "Expected `in', `on', `across', `=', `from'... after for %s, got %S"
               var word)))))

(defun cl--loop-step-form (tail)
  "The form stepping TAIL, honouring a following `by FUNC'."
  (if (eq (car cl--loop-args) 'by)
      (progn (cl--loop-pop)
             (let ((fn (cl--loop-pop)))
               `(setq ,tail (funcall ,fn ,tail))))
    `(setq ,tail (cdr ,tail))))

(defun cl--loop-arith (var)
  "Parse the numeric part of `for VAR from A to B by S'."
  (let ((start nil) (limit nil) (step nil) (down nil) (inclusive t))
    (while (memq (car cl--loop-args)
                 '(from upfrom downfrom to upto below downto above by))
      (let ((word (cl--loop-pop))
            (value (cl--loop-pop)))
        (cl-case word
          ((from upfrom) (setq start value))
          (downfrom (setq start value down t))
          ((to upto) (setq limit value))
          (below (setq limit value inclusive nil))
          (downto (setq limit value down t))
          (above (setq limit value down t inclusive nil))
          (by (setq step value)))))
    (let ((limit-var (and limit (make-symbol "limit")))
          (step-var (make-symbol "step")))
      (cl--loop-bind var (or start 0))
      (when limit (cl--loop-bind limit-var limit))
      (cl--loop-bind step-var (or step 1))
      (push `(setq ,var (,(if down '- '+) ,var ,step-var)) cl--loop-steps)
      (if limit
          `(,(if down (if inclusive '>= '>) (if inclusive '<= '<)) ,var ,limit-var)
        t))))

(defun cl--loop-being (var word)
  "Parse `for VAR being the KIND of SEQ'."
  (when (eq word 'being) (setq word (cl--loop-pop)))
  (when (memq word '(the each)) (setq word (cl--loop-pop)))
  (let ((kind word))
    (unless (memq (cl--loop-pop) '(of in))
      (error "Expected `of' in cl-loop being clause"))
    (let ((source (cl--loop-pop))
          (other nil))
      (when (eq (car cl--loop-args) 'using)
        (cl--loop-pop)
        (setq other (car (cdr (cl--loop-pop)))))
      (cond
       ((memq kind '(element elements))
        (let ((tail (make-symbol "tail")))
          (cl--loop-bind tail `(append ,source nil))
          (push `(setq ,tail (cdr ,tail)) cl--loop-steps)
          `(and (consp ,tail) ,(cl--loop-setq var `(car ,tail)))))
       ((memq kind '(hash-key hash-keys hash-value hash-values))
        (let ((tail (make-symbol "pairs"))
              (keys (memq kind '(hash-key hash-keys))))
          (cl--loop-bind tail `(let ((pairs nil))
                                 (maphash (lambda (k v) (push (cons k v) pairs)) ,source)
                                 (nreverse pairs)))
          (push `(setq ,tail (cdr ,tail)) cl--loop-steps)
          `(and (consp ,tail)
                ,(cl--loop-setq var (if keys `(car (car ,tail)) `(cdr (car ,tail))))
                ,@(when other
                    (list (cl--loop-setq other (if keys `(cdr (car ,tail))
                                                 `(car (car ,tail)))))))))
       (t (error "Unsupported cl-loop `being' kind: %s" kind))))))

(defun cl--loop-accumulate (word)
  "Parse an accumulation clause (collect, append, sum...)."
  (let* ((form (cl--loop-pop))
         (into (when (eq (car cl--loop-args) 'into)
                 (cl--loop-pop) (cl--loop-pop)))
         (kind (cl-case word
                 ((collect collecting append appending nconc nconcing) 'list)
                 ((concat concating) 'string)
                 ((vconcat vconcating) 'vector)
                 ((sum summing count counting) 'number)
                 (t 'extreme)))
         (var (or into (cl--loop-default-accumulator kind))))
    (when (and into (not (assq into cl--loop-bindings)))
      (cl--loop-bind into (cl-case kind (list nil) (string "") (vector []) (number 0))))
    (let ((reversed (and (null into) (eq kind 'list))))
      `(progn
         ,(cl-case word
            ((collect collecting)
             (if reversed `(push ,form ,var) `(setq ,var (nconc ,var (list ,form)))))
            ((append appending)
             (if reversed `(setq ,var (nconc (reverse ,form) ,var))
               `(setq ,var (append ,var ,form))))
            ((nconc nconcing)
             (if reversed `(setq ,var (nconc (nreverse ,form) ,var))
               `(setq ,var (nconc ,var ,form))))
            ((concat concating) `(setq ,var (concat ,var ,form)))
            ((vconcat vconcating) `(setq ,var (vconcat ,var ,form)))
            ((sum summing) `(setq ,var (+ ,var ,form)))
            ((count counting) `(if ,form (setq ,var (1+ ,var))))
            ((maximize maximizing)
             (macroexp-let2 nil v form `(setq ,var (if ,var (max ,var ,v) ,v))))
            ((minimize minimizing)
             (macroexp-let2 nil v form `(setq ,var (if ,var (min ,var ,v) ,v)))))
         t))))

(defun cl--loop-default-accumulator (kind)
  (unless cl--loop-accumulator
    (setq cl--loop-accumulator (make-symbol "accum")
          cl--loop-accumulator-kind kind)
    (cl--loop-bind cl--loop-accumulator
                   (cl-case kind (list nil) (string "") (vector []) (number 0))))
  cl--loop-accumulator)

(defun cl--loop-forms ()
  "Pop the non-symbol forms at the front of the clauses (for `do')."
  (let ((forms nil))
    (while (consp (car cl--loop-args))
      (push (cl--loop-pop) forms))
    (nreverse forms)))

(defun cl--loop-conditional (word)
  "Parse `if/when/unless COND CLAUSE [and CLAUSE]... [else ...] [end]'."
  (let* ((cond-form (cl--loop-pop))
         (then (cl--loop-clause-group))
         (else (when (eq (car cl--loop-args) 'else)
                 (cl--loop-pop)
                 (cl--loop-clause-group))))
    (when (eq (car cl--loop-args) 'end) (cl--loop-pop))
    (let* ((test (if (eq word 'unless) `(not ,cond-form) cond-form))
           (uses-it (cl--mentions-it-p (append then else)))
           (code `(if ,(if uses-it 'it test) (and ,@then) (and ,@else))))
      (if uses-it
          `(let ((it ,test)) ,code t)
        `(progn ,code t)))))

(defun cl--mentions-it-p (forms)
  (cond ((eq forms 'it) t)
        ((consp forms) (or (cl--mentions-it-p (car forms))
                           (cl--mentions-it-p (cdr forms))))))

(defun cl--loop-clause-group ()
  "Parse one clause and those joined to it with `and'."
  (let ((forms (list (cl--loop-clause))))
    (while (eq (car cl--loop-args) 'and)
      (cl--loop-pop)
      (push (cl--loop-clause) forms))
    (nreverse forms)))

(defun cl--loop-clause ()
  "Parse the next clause; return the form it adds to the loop test, or t."
  (let ((word (cl--loop-pop)))
    (cond
     ((eq word 'named) (setq cl--loop-name (cl--loop-pop)) t)
     ;; `for A ... and B ...' steps B after A rather than in parallel.
     ((memq word '(for as and)) (cl--loop-for))
     ((eq word 'with)
      (let ((var (cl--loop-pop)))
        (cl--loop-bind var (when (eq (car cl--loop-args) '=)
                             (cl--loop-pop) (cl--loop-pop)))
        (while (eq (car cl--loop-args) 'and)
          (cl--loop-pop)
          (let ((var (cl--loop-pop)))
            (cl--loop-bind var (when (eq (car cl--loop-args) '=)
                                 (cl--loop-pop) (cl--loop-pop)))))
        t))
     ((eq word 'repeat)
      (let ((counter (make-symbol "count")))
        (cl--loop-bind counter (cl--loop-pop))
        `(>= (setq ,counter (1- ,counter)) 0)))
     ((eq word 'while) (cl--loop-pop))
     ((eq word 'until) `(not ,(cl--loop-pop)))
     ((eq word 'always)
      (setq cl--loop-result (or cl--loop-result t))
      `(or ,(cl--loop-pop) (cl-return-from ,cl--loop-name nil)))
     ((eq word 'never)
      (setq cl--loop-result (or cl--loop-result t))
      `(or (not ,(cl--loop-pop)) (cl-return-from ,cl--loop-name nil)))
     ((eq word 'thereis)
      (macroexp-let2 nil v (cl--loop-pop)
        `(if ,v (cl-return-from ,cl--loop-name ,v) t)))
     ((memq word '(collect collecting append appending nconc nconcing concat
                   concating vconcat vconcating sum summing count counting
                   maximize maximizing minimize minimizing))
      (cl--loop-accumulate word))
     ((memq word '(if when unless)) (cl--loop-conditional word))
     ((memq word '(do doing)) `(progn ,@(cl--loop-forms) t))
     ((eq word 'return)
      `(cl-return-from ,cl--loop-name ,(cl--loop-pop)))
     ((eq word 'initially)
      (when (eq (car cl--loop-args) 'do) (cl--loop-pop))
      (setq cl--loop-initially (append (reverse (cl--loop-forms)) cl--loop-initially))
      t)
     ((eq word 'finally)
      (cond ((eq (car cl--loop-args) 'return)
             (cl--loop-pop)
             (setq cl--loop-result (cl--loop-pop) cl--loop-result-explicit t))
            (t (when (eq (car cl--loop-args) 'do) (cl--loop-pop))
               (setq cl--loop-finally (append (reverse (cl--loop-forms))
                                              cl--loop-finally))))
      t)
     (t (error "Unknown cl-loop clause: %S" word)))))

(defmacro cl-loop (&rest clauses)
  "The Common Lisp `loop' macro.
Clauses: named NAME; for VAR in/on LIST [by FUNC], for VAR across ARRAY,
for VAR from A to/upto/below/downto/above B [by N], for VAR = INIT [then
NEXT], for VAR being the elements/hash-keys/hash-values of X [using (...)];
repeat N; with VAR = VALUE; while/until COND; always/never/thereis COND;
collect/append/nconc/concat/vconcat/sum/count/maximize/minimize FORM [into
VAR]; if/when/unless COND CLAUSE [and CLAUSE] [else CLAUSE] [end]; do FORMS;
return FORM; initially FORMS; finally [do] FORMS; finally return FORM."
  (if (not (memq nil (mapcar #'consp clauses)))
      `(cl-block nil (while t ,@clauses))
    (let ((cl--loop-args clauses)
          (cl--loop-bindings nil)
          (cl--loop-steps nil)
          (cl--loop-initially nil)
          (cl--loop-finally nil)
          (cl--loop-result nil)
          (cl--loop-result-explicit nil)
          (cl--loop-accumulator nil)
          (cl--loop-accumulator-kind nil)
          (cl--loop-first-flag nil)
          (cl--loop-name nil)
          (tests nil))
      (while cl--loop-args
        (let ((test (cl--loop-clause)))
          (unless (eq test t) (push test tests))))
      (when cl--loop-first-flag
        (push `(setq ,cl--loop-first-flag nil) cl--loop-steps))
      (let ((result (cond (cl--loop-result-explicit cl--loop-result)
                          ((and cl--loop-accumulator (eq cl--loop-accumulator-kind 'list))
                           `(nreverse ,cl--loop-accumulator))
                          (cl--loop-accumulator cl--loop-accumulator)
                          (t cl--loop-result))))
        `(cl-block ,cl--loop-name
           (let* ,(reverse cl--loop-bindings)
             ,@(reverse cl--loop-initially)
             (while ,(if tests `(and ,@(nreverse tests)) t)
               ,@(reverse cl--loop-steps))
             ,@(reverse cl--loop-finally)
             ,result))))))

;;;; Structures.

(defun cl--struct-tag (object)
  "The structure type of OBJECT, or nil if it is not a structure."
  (cond ((recordp object) (aref object 0))
        ((and (vectorp object) (> (length object) 0)
              (symbolp (aref object 0))
              (get (aref object 0) 'cl--struct-slots))
         (aref object 0))))

(defun cl--struct-subtype-p (tag type)
  "Non-nil if the structure type TAG is TYPE or includes it."
  (while (and tag (not (eq tag type)))
    (setq tag (get tag 'cl--struct-parent)))
  (and tag t))

(defun cl--struct-new (tag slots)
  "A new structure object of type TAG with SLOTS."
  (if (fboundp 'record) (apply #'record tag slots) (apply #'vector tag slots)))

;; A structure of a `:type' (list or vector) has no record to carry its type: it is that
;; sequence, laid out as its `cl--struct-layout' property says, one entry per element: a
;; slot (NAME DEFAULT . OPTIONS), (cl-skip-slot nil) for an `:initial-offset' element or
;; (cl-tag-slot nil) for the element a `:named' one keeps its name in.

(defun cl--struct-set (type object index value)
  "Store VALUE in slot INDEX of OBJECT, a structure of TYPE."
  (cond ((null (get type 'cl--struct-type))
         (unless (cl--struct-subtype-p (cl--struct-tag object) type)
           (signal 'wrong-type-argument (list type object)))
         (aset object index value))
        (t
         (when (and (get type 'cl--struct-tag-index)
                    (not (cl--struct-typed-p type object)))
           (signal 'wrong-type-argument (list type object)))
         (if (eq (get type 'cl--struct-type) 'list)
             (setcar (nthcdr index object) value)
           (aset object index value)))))

(defun cl--struct-typed-p (type object)
  "Non-nil if OBJECT is a structure of TYPE, a named structure of a `:type'."
  (let ((index (get type 'cl--struct-tag-index)))
    (and index
         (if (eq (get type 'cl--struct-type) 'list)
             (and (consp object)
                  (let ((tag (nth index object)))
                    (and tag (symbolp tag) (cl--struct-subtype-p tag type))))
           (and (vectorp object)
                (>= (length object) (length (get type 'cl--struct-layout)))
                (let ((tag (aref object index)))
                  (and tag (symbolp tag) (cl--struct-subtype-p tag type)))))
         t)))

(defun cl--struct-slot-spec (slot)
  "SLOT as (NAME DEFAULT . OPTIONS)."
  (if (consp slot)
      (if (cdr slot) slot (list (car slot) nil))
    (list slot nil)))

(defun cl--struct-override (slots overrides)
  "SLOTS with the defaults the slot specs OVERRIDES give (an `:include' option's)."
  (mapcar (lambda (slot)
            (let ((new (assq (car slot) overrides)))
              (if new (cons (car slot) (cons (car (cdr new)) (cdr (cdr slot)))) slot)))
          slots))

(defun cl--struct-boa-args (args slots)
  "The BOA constructor ARGS with slot defaults filled in for &optional and
&key variables that have none."
  (let ((mode nil))
    (mapcar (lambda (arg)
              (cond ((memq arg cl--lambda-keywords) (setq mode arg) arg)
                    ((and (memq mode '(&optional &key)) (symbolp arg)
                          (car (cdr (assq arg slots))))
                     (list arg (car (cdr (assq arg slots)))))
                    (t arg)))
            args)))

(defun cl--struct-arg-names (args)
  "The variable names in the lambda list ARGS."
  (let ((names nil))
    (dolist (arg args)
      (unless (memq arg cl--lambda-keywords)
        (let ((a (if (consp arg) (car arg) arg)))
          (push (if (consp a) (car (cdr a)) a) names))))
    names))

(defun cl--struct-layout (name type named offset parent overrides own)
  "The layout of structure NAME: PARENT's (with OVERRIDES), OFFSET skipped
elements, the tag when NAMED and PARENT has none, then the OWN slots.
A record's layout is its tag and slots; TYPE is nil, list or vector."
  (let ((inherited (and parent (get parent 'cl--struct-layout))))
    (unless (eq type (and parent (get parent 'cl--struct-type)))
      (when parent (error ":type disagrees with :include for %s" name)))
    (if (null type)
        (append (if inherited
                    (cl--struct-override inherited overrides)
                  (list (list 'cl-tag-slot)))
                own)
      (append (cl--struct-override inherited overrides)
              (make-list offset (list 'cl-skip-slot nil))
              (and named (not (assq 'cl-tag-slot inherited))
                   (list (list 'cl-tag-slot nil)))
              own))))

(defmacro cl-defstruct (name-and-options &rest slots)
  "Define a structure type: its constructor, predicate, copier and accessors.
NAME-AND-OPTIONS is NAME or (NAME OPTIONS...) with options (:constructor
NAME [ARGLIST]), (:copier NAME), (:predicate NAME), (:conc-name PREFIX),
(:include PARENT SLOT-DEFAULTS...), (:type list) or (:type vector), :named
and (:initial-offset N).  Each slot is NAME or (NAME DEFAULT [:read-only t]...).
A structure is a record unless it has a `:type'; one of a `:type' keeps its
name in an element only when `:named', and only then has a predicate."
  (declare (indent 1) (doc-string 2))
  (let* ((name (if (consp name-and-options) (car name-and-options) name-and-options))
         (options (if (consp name-and-options) (cdr name-and-options)))
         (conc-name (format "%s-" name))
         (constructors nil)
         (default-constructor t)
         (copier (intern (format "copy-%s" name)))
         (predicate (intern (format "%s-p" name)))
         (parent nil)
         (overrides nil)
         (type nil)
         (named nil)
         (offset 0)
         (forms nil))
    (when (stringp (car slots)) (setq slots (cdr slots)))
    (dolist (opt options)
      (let ((key (if (consp opt) (car opt) opt))
            (args (if (consp opt) (cdr opt))))
        (cl-case key
          (:conc-name (setq conc-name (if (car args) (format "%s" (car args)) "")))
          (:constructor
           (cond ((null args))
                 ((null (car args)) (setq default-constructor nil))
                 ((cdr args) (push args constructors))
                 (t (setq default-constructor nil)
                    (push (list (car args)) constructors))))
          (:copier (setq copier (car args)))
          (:predicate (setq predicate (car args)))
          (:include (setq parent (car args)
                          overrides (mapcar #'cl--struct-slot-spec (cdr args))))
          (:type (setq type (car args))
                 (unless (memq type '(list vector))
                   (error "Invalid :type specifier: %s" type)))
          (:named (setq named t))
          (:initial-offset (setq offset (car args))))))
    (when (and parent (not (get parent 'cl--class)))
      (error "%s is not a struct name" parent))
    (when default-constructor
      (push (list (intern (format "make-%s" name))) constructors))
    (let* ((own (mapcar #'cl--struct-slot-spec slots))
           (layout (cl--struct-layout name type named offset parent overrides own))
           (tag-index (let ((i (cl-position 'cl-tag-slot layout :key #'car)))
                        (and type i)))
           (all (cl-remove-if (lambda (slot) (memq (car slot) '(cl-tag-slot cl-skip-slot)))
                              layout))
           (ref (if (eq type 'list) 'nth 'aref))
           (check (cond ((null type)
                         (lambda (x) `(or (cl--struct-subtype-p (cl--struct-tag ,x) ',name)
                                          (signal 'wrong-type-argument (list ',name ,x)))))
                        (tag-index
                         (lambda (x) `(or (cl--struct-typed-p ',name ,x)
                                          (signal 'wrong-type-argument (list ',name ,x)))))))
           (index -1))
      (push `(put ',name 'cl--struct-slots ',all) forms)
      (push `(put ',name 'cl--struct-layout ',layout) forms)
      (push `(put ',name 'cl--struct-type ',type) forms)
      (push `(put ',name 'cl--struct-tag-index ',tag-index) forms)
      (push `(put ',name 'cl--struct-parent ',parent) forms)
      (push `(put ',name 'cl--class t) forms)
      (dolist (slot layout)
        (setq index (1+ index))
        (unless (memq (car slot) '(cl-tag-slot cl-skip-slot))
          (let ((accessor (intern (format "%s%s" conc-name (car slot)))))
            (push `(defun ,accessor (object)
                     ,(format "Access slot \"%s\" of `%s' struct OBJECT." (car slot) name)
                     ,@(and check (list (funcall check 'object)))
                     ,(if (eq ref 'nth) `(nth ,index object) `(aref object ,index)))
                  forms)
            (push (if (plist-get (cdr (cdr slot)) :read-only)
                      `(gv-define-expander ,accessor
                         (lambda (_do &rest _args)
                           (error "%s is a read-only slot" ',accessor)))
                    `(gv-define-setter ,accessor (val object)
                       (list 'cl--struct-set '',name object ,index val)))
                  forms))))
      (when (and predicate (or (null type) tag-index))
        (push `(defun ,predicate (object)
                 ,(if type
                      `(cl--struct-typed-p ',name object)
                    `(and (cl--struct-subtype-p (cl--struct-tag object) ',name) t)))
              forms))
      (when copier
        (push `(defalias ',copier #'copy-sequence) forms))
      (dolist (constructor constructors)
        (let* ((cname (car constructor))
               (args (if (cdr constructor)
                         (cl--struct-boa-args (car (cdr constructor)) all)
                       `(&key ,@(mapcar (lambda (s) (list (car s) (car (cdr s))))
                                        all))))
               (names (cl--struct-arg-names args))
               (values (mapcar (lambda (s)
                                 (cond ((eq (car s) 'cl-tag-slot) `',name)
                                       ((eq (car s) 'cl-skip-slot) nil)
                                       ((memq (car s) names) (car s))
                                       (t (car (cdr s)))))
                               (if type layout (cdr layout)))))
          (push `(cl-defun ,cname ,args
                   ,(if type
                        `(,type ,@values)
                      `(cl--struct-new ',name (list ,@values))))
                forms)))
      `(progn ,@(nreverse forms) ',name))))

(define-error 'cl-struct-unknown-slot "struct has no slot")

(defun cl-struct-slot-value (struct-type slot-name inst)
  "The value of SLOT-NAME in INST, a structure of type STRUCT-TYPE."
  ;; The type first, as in GNU Emacs: `cl-typep' errs for a `:type' structure that is
  ;; not `:named', which has no way to tell its objects.
  (unless (cl-typep inst struct-type)
    (signal 'wrong-type-argument (list struct-type inst)))
  (let ((layout (get struct-type 'cl--struct-layout))
        (i 0))
    (while (and layout (not (eq (car (car layout)) slot-name)))
      (setq layout (cdr layout) i (1+ i)))
    (unless layout (signal 'cl-struct-unknown-slot (list struct-type slot-name)))
    (if (eq (get struct-type 'cl--struct-type) 'list) (nth i inst) (aref inst i))))

;; As in GNU Emacs, the rarer macros and functions are in cl-macs, cl-seq and
;; cl-extra, which loadup.el loads after this file.
(provide 'cl-lib)

;;; cl-lib.el ends here
