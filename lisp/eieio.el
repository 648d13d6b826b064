;;; eieio.el --- classes and objects in the style of CLOS  -*- lexical-binding: t -*-

;; `defclass', the slot access macros, class and object queries, and the
;; generic functions that make and initialize objects.  The representation
;; of classes and objects is in eieio-core.el.

(require 'eieio-core)

;;;; Defining classes.

(defconst eieio--slot-options
  '(:accessor :initform :initarg :documentation :protection :reader :writer
    :allocation :type :custom :label :group :printer :allow-nil-initform
    :custom-groups)
  "The slot options `defclass' knows.")

(defun eieio--accessor-definitions (name sname soptions)
  "The method definitions for the accessor, reader and writer options
SOPTIONS give to the slot SNAME of the class NAME."
  (let ((accessor (plist-get soptions :accessor))
        (reader (plist-get soptions :reader))
        (writer (plist-get soptions :writer))
        (forms nil))
    (when accessor
      (push `(cl-defmethod (setf ,accessor) (value (this ,name))
               (eieio-oset this ',sname value))
            forms)
      ;; Unlike a reader, an accessor gives nil for an unbound slot.
      (push `(cl-defmethod ,accessor ((this ,name))
               ,(format "The value of slot `%S' in an object of class `%S'."
                        sname name)
               (if (slot-boundp this ',sname) (eieio-oref this ',sname)))
            forms)
      (when (and eieio-backward-compatibility
                 (eq (plist-get soptions :allocation) :class))
        (push `(cl-defmethod ,accessor ((this (subclass ,name)))
                 ,(format "The value of class slot `%S' in the class `%S'."
                          sname name)
                 (if (slot-boundp this ',sname)
                     (eieio-oref-default this ',sname)))
              forms)))
    (when writer
      (push `(cl-defmethod ,writer ((this ,name) value)
               ,(format "Store VALUE in slot `%S' of an object of class `%S'."
                        sname name)
               (setf (slot-value this ',sname) value))
            forms))
    (when reader
      (push `(cl-defmethod ,reader ((this ,name))
               ,(format "The value of slot `%S' in an object of class `%S'."
                        sname name)
               (slot-value this ',sname))
            forms))
    (nreverse forms)))

(defmacro defclass (name superclasses slots &rest options-and-doc)
  "Define the class NAME, a subclass of each class in SUPERCLASSES.
SLOTS is a list of (SLOT-NAME OPTION VALUE...), the options being:
  :initarg - the keyword that gives the slot a value in `make-instance'.
  :initform - the slot's initial value: a function call is evaluated
    anew for each object, anything else stands for itself.
  :type - what values the slot accepts, as `cl-typep' checks them.
  :allocation - :instance (each object has its own value, the default)
    or :class (one value shared by the objects of the class).
  :accessor, :reader, :writer - names of generic functions to define:
    an accessor reads the slot and `setf's it (nil when unbound), a
    reader reads it, a writer sets it, given the object and value.
  :documentation - a description of the slot.
  :protection, :custom, :label, :group, :printer - kept for tools.
OPTIONS-AND-DOC may start with a docstring; then come class options:
  :documentation - the class's description.
  :abstract - non-nil forbids making instances with the class's
    constructor; a string is then the error message.
  :allow-nil-initform - non-nil lets a slot of any type start as nil.
  :method-invocation-order - how ancestors are ordered for method
    dispatch: :breadth-first (the default), :depth-first or :c3.
Any other option is kept; `eieio--class-option' finds it.
Also defines the constructor NAME, which takes initargs and values,
and the predicate NAME-p, true of direct instances of NAME."
  (declare (doc-string 4) (indent 2))
  (cl-check-type superclasses list)
  (cond ((and (stringp (car options-and-doc))
              (/= 1 (% (length options-and-doc) 2)))
         (error "Too many arguments to `defclass'"))
        ((and (symbolp (car options-and-doc))
              (/= 0 (% (length options-and-doc) 2)))
         (error "Too many arguments to `defclass'")))
  (when (stringp (car options-and-doc))
    (setq options-and-doc (cons :documentation options-and-doc)))
  (let ((order (car-safe (cdr (memq :method-invocation-order options-and-doc)))))
    (when (and order (not (memq order '(:depth-first :breadth-first :c3))))
      (error "Method invocation order %s is not allowed" order)))
  (let ((predicate (intern (format "%s-p" name)))
        (child-predicate (intern (format "%s--eieio-childp" name)))
        (accessors nil))
    (dolist (slot slots)
      (let* ((sname (car-safe slot))
             (soptions (cdr-safe slot))
             (allocation (plist-get soptions :allocation))
             (label (plist-get soptions :label)))
        (cl-pushnew sname eieio--known-slot-names)
        (when (eq allocation :class)
          (cl-pushnew sname eieio--known-class-slot-names))
        (when eieio-error-unsupported-class-tags
          (let ((tail soptions))
            (while tail
              (unless (memq (car tail) eieio--slot-options)
                (signal 'invalid-slot-type (list (car tail))))
              (setq tail (cdr (cdr tail))))))
        (unless (memq allocation '(nil :class :instance))
          (signal 'invalid-slot-type (list :allocation allocation)))
        (unless (or (null label) (stringp label))
          (signal 'invalid-slot-type (list :label label)))
        (setq accessors (append accessors
                                (eieio--accessor-definitions name sname soptions)))))
    `(progn
       (defalias ',predicate (eieio-make-class-predicate ',name))
       (defalias ',child-predicate (eieio-make-child-predicate ',name))
       ,@(when eieio-backward-compatibility
           (let ((old (intern (format "%s-child-p" name))))
             `((defalias ',old #',child-predicate)
               (make-obsolete ',old ,(format "use (cl-typep ... \\='%s) instead" name)
                              "25.1"))))
       ;; `cl-typep' accepts subclasses, unlike NAME-p.
       (put ',name 'cl-deftype-satisfies #',child-predicate)
       (eieio-defclass-internal ',name ',superclasses ',slots ',options-and-doc)
       ,@accessors
       ,(let ((abstract (car-safe (cdr (memq :abstract options-and-doc)))))
          (if abstract
              `(defun ,name (&rest _)
                 ,(format "Fail: no object of the abstract class `%S' can be made." name)
                 (error ,(if (stringp abstract) abstract
                           (format "Class %s is abstract" name))))
            `(defun ,name (&rest slots)
               ,(format "A new object of class `%S', SLOTS giving initargs and values." name)
               (apply #'make-instance ',name slots)))))))

;;;; Slot access.

(defmacro oref (obj slot)
  "The value of SLOT (unevaluated) in the object OBJ."
  `(eieio-oref ,obj ',slot))

(defalias 'slot-value #'eieio-oref)
(defalias 'set-slot-value #'eieio-oset)

(defmacro oref-default (class slot)
  "The default value of SLOT (unevaluated) in CLASS, a class or object."
  `(eieio-oref-default ,class ',slot))

(defmacro oset (obj slot value)
  "Store VALUE in SLOT (unevaluated) of the object OBJ."
  `(eieio-oset ,obj ',slot ,value))

(defmacro oset-default (class slot value)
  "Make VALUE the default of SLOT (unevaluated) in CLASS."
  `(eieio-oset-default ,class ',slot ,value))

(defmacro with-slots (spec-list object &rest body)
  "Run BODY with variables standing for slots of OBJECT.
Each element of SPEC-LIST is SLOT, making the variable SLOT stand for the
slot of that name, or (VAR SLOT).  Reading the variable reads the slot;
`setq' or `setf' of it sets the slot."
  (declare (indent 2))
  (macroexp-let2 nil object object
    `(cl-symbol-macrolet
         ,(mapcar (lambda (entry)
                    (let ((var (if (consp entry) (car entry) entry))
                          (slot (if (consp entry) (car (cdr entry)) entry)))
                      (list var `(slot-value ,object ',slot))))
                  spec-list)
       ,@body)))

;;;; Names of objects.

(defconst eieio--object-names (make-hash-table :test #'eq :weakness 'key)
  "Names some objects were given, for `eieio-object-name-string'.")

(cl-defgeneric eieio-object-name-string (obj)
  "The name of OBJ: its class and a number unique to it."
  (or (gethash obj eieio--object-names)
      (format "%s-%x" (eieio-object-class obj) (sxhash-eq obj))))

(defun eieio-object-name (obj &optional extra)
  "A string #<CLASS NAME> describing OBJ, with EXTRA (a string, or a list of
strings each preceded by a space) after NAME."
  (cl-check-type obj eieio-object)
  (format "#<%s %s%s>" (eieio-object-class obj)
          (eieio-object-name-string obj)
          (cond ((null extra) "")
                ((listp extra) (concat " " (mapconcat #'identity extra " ")))
                (t extra))))

;;;; Queries.

(defun eieio-object-class (obj)
  "The name of the class of the object OBJ."
  (cl-check-type obj eieio-object)
  (eieio--class-name (eieio--object-class obj)))

(defun eieio-object-class-name (obj)
  "The name of the class of the object OBJ."
  (cl-check-type obj eieio-object)
  (eieio-class-name (eieio--object-class obj)))

(defun eieio-class-parents (class)
  "The class objects of the direct parents of CLASS, a class name."
  (eieio--class-parents (eieio--full-class-object class)))

(defun eieio-class-children (class)
  "The names of the direct subclasses of CLASS, a class name."
  (cl-check-type class class)
  (eieio--class-children (get class 'eieio--class)))

(defmacro eieio-class-parent (class)
  "The first direct parent of CLASS."
  `(car (eieio-class-parents ,class)))

(defun same-class-p (obj class)
  "Non-nil if the object OBJ is a direct instance of CLASS."
  (setq class (eieio--class-object class))
  (cl-check-type class eieio--class)
  (cl-check-type obj eieio-object)
  (eq (eieio--object-class obj) class))

(defun object-of-class-p (obj class)
  "Non-nil if the object OBJ is an instance of CLASS or one of its subclasses."
  (cl-check-type obj eieio-object)
  (child-of-class-p (eieio--object-class obj) class))

(defun child-of-class-p (child class)
  "Non-nil if the class CHILD is CLASS or one of its subclasses."
  (setq child (eieio--full-class-object child))
  (cl-check-type child eieio--class)
  ;; No class lists the default superclass among its parents.
  (or (eq class 'eieio-default-superclass)
      (progn
        (setq class (eieio--class-object class))
        (cl-check-type class eieio--class)
        (let ((pending nil))
          (while (and child (not (eq child class)))
            (setq pending (append pending (eieio--class-parents child))
                  child (pop pending)))
          (and child t)))))

(defun eieio-slot-descriptor-name (slot)
  "The name of the slot described by SLOT."
  (cl--slot-descriptor-name slot))

(defun eieio-class-slots (class)
  "The descriptors of the instance slots of CLASS, a class or its name."
  (setq class (eieio--class-object class))
  (cl-check-type class eieio--class)
  (append (eieio--class-slots class) nil))

(defun object-slots (obj)
  "The names of the instance slots of the object OBJ."
  (cl-check-type obj eieio-object)
  (mapcar #'cl--slot-descriptor-name
          (eieio-class-slots (eieio--object-class obj))))

(defun eieio--class-slot-initarg (class slot)
  "The initarg of SLOT in the class object CLASS, or nil."
  (cl-check-type class eieio--class)
  (car (rassq slot (eieio--class-initarg-tuples class))))

(defun slot-boundp (object slot)
  "Non-nil if SLOT has a value in OBJECT, an object or a class name."
  (let ((eieio-skip-typecheck t))
    (not (eq (cond ((eieio-object-p object) (eieio-oref object slot))
                   ((symbolp object) (eieio-oref-default object slot))
                   (t (signal 'wrong-type-argument (list 'eieio-object-p object))))
             eieio--unbound))))

(defun slot-makeunbound (object slot)
  "Leave SLOT of OBJECT without a value."
  (eieio-oset object slot eieio--unbound))

(defun find-class (symbol &optional errorp)
  "The class named SYMBOL, or nil (with ERRORP, an error) if there is none."
  (let ((class (get symbol 'eieio--class)))
    (cond ((eieio--class-p class) class)
          (errorp (signal 'wrong-type-argument (list 'class-p symbol))))))

(defun slot-exists-p (object-or-class slot)
  "Non-nil if OBJECT-OR-CLASS (an object, class or class name) has SLOT.
For an instance slot the value is the slot's position among them."
  (let ((class (cond ((eieio-object-p object-or-class)
                      (eieio--object-class object-or-class))
                     ((eieio--class-p object-or-class) object-or-class)
                     (t (find-class object-or-class 'error)))))
    (or (gethash slot (eieio--class-index-table class))
        (and (eieio--class-slot-name-index class slot) t))))

(defun object-assoc (key slot list)
  "The first object in LIST whose SLOT is `equal' to KEY.
Objects without such a slot, or with it unbound, are skipped."
  (cl-check-type list list)
  (while (and list (not (condition-case nil
                            (equal key (eieio-oref (car list) slot))
                          (error nil))))
    (setq list (cdr list)))
  (car list))

(defun object-assoc-list (slot list)
  "An alist of (VALUE . OBJECT) for each object in LIST, VALUE its SLOT."
  (cl-check-type list list)
  (mapcar (lambda (obj) (cons (eieio-oref obj slot) obj)) list))

(defun object-assoc-list-safe (slot list)
  "Like `object-assoc-list', leaving out the objects that lack SLOT."
  (cl-check-type list list)
  (let ((result nil))
    (dolist (obj list)
      (when (slot-exists-p obj slot)
        (push (cons (eieio-oref obj slot) obj) result)))
    (nreverse result)))

(defun object-add-to-list (object slot item &optional append)
  "Add ITEM to the list in SLOT of OBJECT unless it is a `member' already:
at the front, or with APPEND at the end.  An unbound slot gets (ITEM)."
  (let ((value nil))
    (if (not (slot-boundp object slot))
        (setq value (list item))
      (setq value (eieio-oref object slot))
      (unless (listp value) (setq value (list value)))
      (unless (member item value)
        (setq value (if append (append value (list item)) (cons item value)))))
    (eieio-oset object slot value)))

(defun object-remove-from-list (object slot item)
  "Remove (with `delete') ITEM from the list in SLOT of OBJECT, if bound."
  (when (slot-boundp object slot)
    (eieio-oset object slot (delete item (eieio-oref object slot)))))

;;;; The root class and the generic functions on objects.

(defclass eieio-default-superclass nil
  nil
  "The class every class without parents inherits from.
It is not among the parents such classes list."
  :abstract t)

(setq eieio-default-superclass (get 'eieio-default-superclass 'eieio--class))

(cl-defgeneric make-instance (class &rest initargs)
  "A new object of CLASS, INITARGS giving initargs and their values.")

(cl-defmethod make-instance ((class (subclass eieio-default-superclass)) &rest slots)
  "Copy the class's default object, then `initialize-instance' it with SLOTS."
  (let ((object (copy-sequence (eieio--class-default-object-cache
                                (eieio--class-object class)))))
    ;; Objects used to have names, given first; one is still accepted.
    (when (and slots (or (stringp (car slots)) (null (car slots))))
      (pop slots))
    (initialize-instance object slots)
    (when eieio-backward-compatibility
      (aset object 0 class))
    object))

(cl-defgeneric shared-initialize (obj slots)
  "Set the slots of OBJ from SLOTS, a list of initargs and values.")

(cl-defmethod shared-initialize ((obj eieio-default-superclass) slots)
  "Store each value of SLOTS in the slot its initarg names."
  (while slots
    (let ((name (eieio--initarg-to-attribute (eieio--object-class obj)
                                             (car slots))))
      (if name
          (eieio-oset obj name (car (cdr slots)))
        (slot-missing obj (car slots) 'oset (car (cdr slots)))))
    (setq slots (cdr (cdr slots)))))

(cl-defgeneric initialize-instance (this &optional slots)
  "Initialize the new object THIS from SLOTS, a list of initargs and values.")

(cl-defmethod initialize-instance ((this eieio-default-superclass) &optional args)
  "Evaluate the initforms of the slots ARGS does not set, then
`shared-initialize' THIS with ARGS."
  (let* ((class (eieio--object-class this))
         (slots (eieio--class-slots class))
         (i 0))
    (while (< i (length slots))
      (let* ((slot (aref slots i))
             (name (cl--slot-descriptor-name slot))
             (initform (cl--slot-descriptor-initform slot))
             (initarg (car (rassq name (eieio--class-initarg-tuples class)))))
        ;; Constant initforms are already in the default object.
        (unless (or (and initarg (plist-get args initarg))
                    (macroexp-const-p initform))
          (eieio-oset this name (eval initform t))))
      (setq i (1+ i))))
  (shared-initialize this args))

(cl-defgeneric slot-missing (object slot-name _operation &optional _new-value)
  "Called when OPERATION (oref, oset...) finds no SLOT-NAME in OBJECT.
NEW-VALUE is the value an oset would have stored."
  (signal 'invalid-slot-name
          (list (if (eieio-object-p object) (eieio-object-name object) object)
                slot-name)))

(cl-defgeneric slot-unbound (object class slot-name fn)
  "Called when FN reads SLOT-NAME of OBJECT (of CLASS) and it is unbound;
its value is the value read.")

(cl-defmethod slot-unbound ((object eieio-default-superclass) class slot-name fn)
  "Signal `unbound-slot'."
  (signal 'unbound-slot (list (eieio-class-name class)
                              (eieio-object-name object)
                              slot-name fn)))

(cl-defgeneric clone (obj &rest params)
  "A copy of OBJ, whose slots PARAMS (initargs and values) then sets.")

(cl-defmethod clone ((obj eieio-default-superclass) &rest params)
  "A shallow copy of OBJ, `shared-initialize'd with PARAMS."
  (let ((copy (copy-sequence obj)))
    (when (stringp (car params)) (pop params))
    (when params (shared-initialize copy params))
    copy))

(cl-defgeneric object-print (this &rest _strings)
  "A string describing THIS, STRINGS adding to the description."
  (format "%S" this))

(cl-defmethod object-print ((this eieio-default-superclass) &rest strings)
  "The `eieio-object-name' of THIS, with STRINGS concatenated after its name."
  (eieio-object-name this (apply #'concat strings)))

(defun eieio-change-class (_obj _class)
  "Changing the class of an object is not supported."
  (error "EIEIO: `change-class' is unimplemented"))

;;;; Older names.

(define-obsolete-function-alias 'object-p #'eieio-object-p "25.1")
(define-obsolete-function-alias 'class-of #'eieio-object-class "24.4")
(define-obsolete-function-alias 'object-class #'eieio-object-class "24.4")
(define-obsolete-function-alias 'object-class-fast #'eieio-object-class "24.4")
(define-obsolete-function-alias 'object-class-name #'eieio-object-class-name "24.4")
(define-obsolete-function-alias 'object-name #'eieio-object-name "24.4")
(define-obsolete-function-alias 'object-name-string #'eieio-object-name-string "24.4")
(define-obsolete-function-alias 'class-parents #'eieio-class-parents "24.4")
(define-obsolete-function-alias 'class-children #'eieio-class-children "24.4")
(define-obsolete-function-alias 'class-direct-superclasses #'eieio-class-parents "24.4")
(define-obsolete-function-alias 'class-direct-subclasses #'eieio-class-children "24.4")
(define-obsolete-function-alias 'class-precedence-list #'eieio--class-precedence-list "24.4")
(define-obsolete-function-alias 'change-class #'eieio-change-class "26.1")
(defalias 'obj-of-class-p #'object-of-class-p)

;; cl-print (loaded before this file) shows an object as `object-print' describes it.
(cl-defmethod cl-print-object ((object eieio-default-superclass) stream)
  (princ (object-print object) stream))

(provide 'eieio)

;;; eieio.el ends here
