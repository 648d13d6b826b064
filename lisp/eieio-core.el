;;; eieio-core.el --- classes, objects and slots for EIEIO  -*- lexical-binding: t -*-

;; A class is an `eieio--class' record kept in the `eieio--class' property of
;; its name.  An object is a record whose first element is the name of its
;; class (as GNU Emacs 28 does while `eieio-backward-compatibility' is on, so
;; that objects print as #s(NAME SLOT-VALUES...); during `initialize-instance'
;; it is the class object itself), followed by the values of
;; the instance slots in the order of the class's `slots' vector.  A slot
;; that has no value holds the uninterned symbol `eieio--unbound'.
;;
;; Class-allocated slots live in the class: each class has its own vector of
;; their values, a subclass evaluating the inherited initforms afresh.
;;
;; Methods dispatch on classes through two generalizers: one for objects,
;; whose tag is the object's type (the class name), and one for (subclass
;; CLASS) specializers, whose tag is the class of a class name.  Both list
;; the class's precedence list, most specific first.

(require 'cl-lib)
(require 'cl-generic)

(defvar eieio-hook nil
  "Functions run before the next class is defined (then the hook is emptied).")

(defvar eieio-error-unsupported-class-tags nil
  "Non-nil means `defclass' rejects slot options it does not know.")

(defvar eieio-skip-typecheck nil
  "Non-nil means slot values are stored without checking their :type,
and reading an unbound slot gives the unbound marker instead of an error.")

(defvar eieio-backward-compatibility t
  "Non-nil keeps the older EIEIO conventions: each class name is a variable
whose value is itself, classes have NAME-child-p and NAME-list-p
predicates, and constructors accept (and ignore) an object name first.")

(defvar eieio--unbound (make-symbol "eieio--unbound")
  "The value of a slot that has none.")

(defvar eieio--unbound-form (macroexp-quote eieio--unbound)
  "The initform of a slot that has none.")

(defvar eieio-default-superclass nil
  "The class of `eieio-default-superclass', the root of all classes.")

(defvar eieio--known-slot-names nil)
(defvar eieio--known-class-slot-names nil)

;;;; Records.

(cl-defstruct (cl-slot-descriptor
               (:conc-name cl--slot-descriptor-)
               (:constructor nil)
               (:constructor cl--make-slot-descriptor
                             (name &optional initform type props))
               (:copier cl--copy-slot-descriptor)
               (:predicate nil))
  ;; PROPS is an alist: (:documentation . DOC), (:protection . P)...
  name initform type props)

(cl-defstruct (eieio--class
               (:constructor nil)
               (:constructor eieio--class-make (name))
               (:copier nil))
  name docstring
  ;; The direct parents, as class objects (none for a class defined
  ;; without parents, even though it inherits from the default superclass).
  parents
  ;; A vector of the instance slots' descriptors, in object order.
  slots
  ;; Slot name -> position in SLOTS.
  index-table
  ;; The names of the direct subclasses.
  children
  ;; An alist of (INITARG . SLOT-NAME).
  initarg-tuples
  ;; A vector of the class-allocated slots' descriptors, and one of their values.
  class-slots class-allocation-values
  ;; A new object before `initialize-instance': every slot holds the value
  ;; its initform had when the class was defined.
  default-object-cache
  ;; The class options, a plist.
  options)

(defun eieio--class-object (class)
  "The class object of CLASS, a class name or object; a symbol naming no
class is returned as it is, for error messages."
  (if (symbolp class)
      (or (get class 'eieio--class) class)
    class))

(defalias 'eieio--full-class-object #'eieio--class-object)

(defun eieio--object-class (obj)
  "The class object of OBJ, an object."
  (eieio--class-object (aref obj 0)))

(defun class-p (x)
  "Non-nil if X is a class object or the name of a class."
  (eieio--class-p (if (symbolp x) (get x 'eieio--class) x)))

(defun eieio-class-name (class)
  "The name of CLASS, a class object or name."
  (setq class (eieio--class-object class))
  (cl-check-type class eieio--class)
  (eieio--class-name class))

(defun eieio--class-print-name (class)
  "How CLASS is shown when printed readably by EIEIO."
  (format "#<class %s>" (eieio-class-name class)))

(defun eieio--class-option (class option)
  "The value of OPTION among the options of the class object CLASS."
  (car-safe (cdr (memq option (eieio--class-options class)))))

(defun eieio-object-p (obj)
  "Non-nil if OBJ is an EIEIO object."
  (and (recordp obj)
       (eieio--class-p (eieio--object-class obj))))

(defun class-abstract-p (class)
  "Non-nil if CLASS, a class name, cannot have instances."
  (eieio--class-option (get class 'eieio--class) :abstract))

(defun eieio--class-method-invocation-order (class)
  "How the precedence list of the class object CLASS orders its ancestors."
  (or (eieio--class-option class :method-invocation-order)
      :breadth-first))

(defun eieio-make-class-predicate (class)
  "A predicate true of the direct instances of the class named CLASS."
  (lambda (obj)
    (and (eieio-object-p obj)
         (same-class-p obj class))))

(defun eieio-make-child-predicate (class)
  "A predicate true of the instances of the class named CLASS or its subclasses."
  (lambda (obj)
    (and (eieio-object-p obj)
         (object-of-class-p obj class))))

;;;; Errors.

(define-error 'invalid-slot-name "Invalid slot name")
(define-error 'invalid-slot-type "Invalid slot type")
(define-error 'unbound-slot "Unbound slot")
(define-error 'inconsistent-class-hierarchy "Inconsistent class hierarchy")

;;;; Defining classes.

(defun eieio--eval-default-p (initform)
  "Non-nil if INITFORM is a call, to be evaluated for each new object.
Any other non-constant initform stands for itself."
  (and (consp initform) (symbolp (car initform)) (fboundp (car initform))))

(defun eieio--perform-slot-validation (spec value)
  "Non-nil if VALUE may be stored in a slot of type SPEC."
  (or (eq spec t)
      (eq value eieio--unbound)
      (cl-typep value spec)))

(defun eieio--perform-slot-validation-for-default (slot skipnil)
  "Signal `invalid-slot-type' if SLOT's constant initform does not fit its
type.  SKIPNIL non-nil accepts a nil initform."
  (let ((initform (cl--slot-descriptor-initform slot))
        (type (cl--slot-descriptor-type slot)))
    (unless (or (not (macroexp-const-p initform))
                eieio-skip-typecheck
                (and skipnil (null initform))
                (eieio--perform-slot-validation type (eval initform t)))
      (signal 'invalid-slot-type
              (list (cl--slot-descriptor-name slot) type initform)))))

(defun eieio--slot-override (old new skipnil)
  "Update OLD, an inherited slot descriptor, with what NEW redefines."
  (let ((name (cl--slot-descriptor-name old))
        (old-type (cl--slot-descriptor-type old))
        (new-type (cl--slot-descriptor-type new))
        (initform (cl--slot-descriptor-initform new))
        (old-props (cl--slot-descriptor-props old))
        (new-props (cl--slot-descriptor-props new)))
    ;; A subclass may not change a slot's type, only omit it.
    (if (eq new-type t)
        (setf (cl--slot-descriptor-type new) old-type)
      (unless (equal new-type old-type)
        (error "Child slot type `%s' does not match inherited type `%s' for `%s'"
               new-type old-type name)))
    (unless (eq initform eieio--unbound-form)
      (eieio--perform-slot-validation-for-default new skipnil)
      (setf (cl--slot-descriptor-initform old) initform))
    (let ((old-prot (alist-get :protection old-props))
          (new-prot (alist-get :protection new-props)))
      (unless (eq old-prot new-prot)
        (error "Child slot protection `%s' does not match inherited protection `%s' for `%s'"
               new-prot old-prot name)))
    (let ((groups (alist-get :group new-props)))
      (when groups
        (let ((merged (alist-get :group old-props)))
          (dolist (group groups)
            (unless (memq group merged) (push group merged)))
          (setf (alist-get :group (cl--slot-descriptor-props old)) merged))))
    (dolist (prop '(:custom :label :documentation :printer))
      (let ((value (alist-get prop new-props)))
        (when value
          (setf (alist-get prop (cl--slot-descriptor-props old)) value))))))

(defun eieio--add-new-slot (class slot initarg allocation
                                  &optional override skipnil)
  "Add SLOT, a descriptor, to CLASS, which is being defined.
INITARG is its initarg or nil, ALLOCATION :class or :instance (or nil).
A slot CLASS already has is kept, updated from SLOT when OVERRIDE is
non-nil.  SKIPNIL non-nil accepts a nil initform whatever the type."
  (let* ((name (cl--slot-descriptor-name slot))
         (old (cl-find name (eieio--class-slots class)
                       :key #'cl--slot-descriptor-name))
         (class-old (cl-find name (eieio--class-class-slots class)
                             :key #'cl--slot-descriptor-name)))
    (cl-pushnew name eieio--known-slot-names)
    (when (eq allocation :class)
      (cl-pushnew name eieio--known-class-slot-names))
    ;; A slot inherited as class-allocated stays so.
    (when class-old (setq allocation :class))
    (if (memq allocation '(nil :instance))
        (progn
          (cond ((not old)
                 (eieio--perform-slot-validation-for-default slot skipnil)
                 (push slot (eieio--class-slots class)))
                (override (eieio--slot-override old slot skipnil)))
          (when initarg
            (cl-pushnew (cons initarg name) (eieio--class-initarg-tuples class)
                        :test #'equal)))
      (cond ((not class-old)
             (eieio--perform-slot-validation-for-default slot skipnil)
             (push slot (eieio--class-class-slots class)))
            (override (eieio--slot-override class-old slot skipnil))))))

(defun eieio-copy-parents-into-subclass (class)
  "Give CLASS, which is being defined, the slots of its parents.
An earlier parent's slot wins over a later one's of the same name."
  (let ((skipnil (eieio--class-option class :allow-nil-initform)))
    (dolist (parent (eieio--class-parents class))
      (let ((initargs (eieio--class-initarg-tuples parent)))
        (mapc (lambda (slot)
                (eieio--add-new-slot
                 class (cl--copy-slot-descriptor slot)
                 (car (rassq (cl--slot-descriptor-name slot) initargs))
                 nil nil skipnil))
              (eieio--class-slots parent)))
      (mapc (lambda (slot)
              (eieio--add-new-slot class (cl--copy-slot-descriptor slot)
                                   nil :class nil skipnil))
            (eieio--class-class-slots parent)))))

(defun eieio--slot-protection (protection)
  "PROTECTION, a slot's :protection option, in its canonical form."
  (pcase protection
    ((or 'nil 'public :public) nil)
    ((or 'protected :protected) 'protected)
    ((or 'private :private) 'private)
    (_ (signal 'invalid-slot-type (list :protection protection)))))

(defun eieio--make-list-predicate (cname)
  "The NAME-list-p predicate of the class named CNAME."
  (lambda (obj)
    (when (listp obj)
      (let ((all t))
        (while (and obj all)
          (setq all (and (eieio-object-p (car obj))
                         (object-of-class-p (car obj) cname)))
          (setq obj (cdr obj)))
        all))))

(defun eieio-defclass-internal (cname superclasses slots options)
  "Define (or redefine) the class CNAME with SUPERCLASSES, SLOTS and OPTIONS,
as `defclass' gives them.  Return CNAME."
  (run-hooks 'eieio-hook)
  (setq eieio-hook nil)
  (let* ((old (let ((c (get cname 'eieio--class))) (and (eieio--class-p c) c)))
         ;; Redefining keeps the class object, so references to it stay valid.
         (class (or old (eieio--class-make cname)))
         (groups nil)
         (default-parent nil))
    (when old
      (setf (eieio--class-parents class) nil)
      (setf (eieio--class-slots class) nil)
      (setf (eieio--class-initarg-tuples class) nil)
      (setf (eieio--class-class-slots class) nil))
    (if superclasses
        (progn
          (dolist (name superclasses)
            (unless (and name (symbolp name))
              (error "Invalid parent class %S" name))
            (let ((parent (get name 'eieio--class)))
              (unless (eieio--class-p parent)
                (error "Given parent class %S is not a class" name))
              (cl-pushnew cname (eieio--class-children parent))
              (dolist (group (eieio--class-option parent :custom-groups))
                (cl-pushnew group groups :test #'equal))
              (push parent (eieio--class-parents class))))
          (setf (eieio--class-parents class)
                (nreverse (eieio--class-parents class))))
      ;; The default superclass lends its slots, then is taken out again.
      (unless (eq cname 'eieio-default-superclass)
        (setq default-parent t)
        (cl-pushnew cname (eieio--class-children eieio-default-superclass))
        (setf (eieio--class-parents class) (list eieio-default-superclass))))
    (when eieio-backward-compatibility
      (set cname cname)
      (make-obsolete-variable cname (format "use \\='%s instead" cname) "25.1")
      (defalias (intern (concat (symbol-name cname) "-list-p"))
        (eieio--make-list-predicate cname)))
    ;; The slots are built as lists, most recently added first.
    (setf (eieio--class-slots class) nil)
    (eieio-copy-parents-into-subclass class)
    (put cname 'eieio--class class)
    (let ((skipnil (car-safe (cdr (memq :allow-nil-initform options)))))
      (dolist (spec slots)
        (let* ((name (car-safe spec))
               (plist (cdr-safe spec))
               (initform (or (plist-get plist :initform)
                             (if (member :initform plist) nil eieio--unbound-form)))
               (initarg (plist-get plist :initarg))
               (doc (plist-get plist :documentation))
               (protection (eieio--slot-protection (plist-get plist :protection)))
               (allocation (plist-get plist :allocation))
               (type (or (plist-get plist :type) t))
               (custom (plist-get plist :custom))
               (label (plist-get plist :label))
               (group (plist-get plist :group))
               (printer (plist-get plist :printer)))
          ;; A non-constant initform that is not a function call stands
          ;; for itself.
          (unless (or (macroexp-const-p initform)
                      (eieio--eval-default-p initform))
            (setq initform (macroexp-quote initform)))
          (when (and eieio-backward-compatibility initarg (not (keywordp initarg)))
            (set initarg initarg))
          (cond ((and (null group) custom) (setq group '(default)))
                ((not (listp group)) (setq group (list group))))
          (dolist (g group)
            (unless (symbolp g) (signal 'invalid-slot-type (list :group g))))
          (eieio--add-new-slot
           class
           (cl--make-slot-descriptor
            name initform type
            (append (and doc `((:documentation . ,doc)))
                    (and custom `((:custom . ,custom)))
                    (and label `((:label . ,label)))
                    (and group `((:group . ,group)))
                    (and printer `((:printer . ,printer)))
                    (and protection `((:protection . ,protection)))))
           initarg allocation 'override skipnil)
          (dolist (g group) (cl-pushnew g groups :test #'equal)))))
    (setf (eieio--class-slots class)
          (apply #'vector (nreverse (eieio--class-slots class))))
    (setf (eieio--class-initarg-tuples class)
          (nreverse (eieio--class-initarg-tuples class)))
    (setf (eieio--class-class-slots class)
          (apply #'vector (eieio--class-class-slots class)))
    (setf (eieio--class-class-allocation-values class)
          (apply #'vector
                 (mapcar (lambda (slot) (eval (cl--slot-descriptor-initform slot) t))
                         (eieio--class-class-slots class))))
    (let ((table (make-hash-table :test #'eq))
          (i 0))
      (mapc (lambda (slot)
              (puthash (cl--slot-descriptor-name slot) i table)
              (setq i (1+ i)))
            (eieio--class-slots class))
      (setf (eieio--class-index-table class) table))
    (let ((doc (car-safe (cdr (memq :documentation options)))))
      (setf (eieio--class-docstring class) doc)
      (when eieio-backward-compatibility
        (put cname 'variable-documentation doc)))
    (let ((known (car-safe (cdr (memq :custom-groups options)))))
      (dolist (g groups) (cl-pushnew g known :test #'equal))
      (if (memq :custom-groups options)
          (setcar (cdr (memq :custom-groups options)) known)
        (setq options (cons :custom-groups (cons known options)))))
    (setf (eieio--class-options class) options)
    (when default-parent (setf (eieio--class-parents class) nil))
    (let* ((slots (eieio--class-slots class))
           ;; Its tag is the class itself until `make-instance' has
           ;; initialized a copy, as in GNU Emacs.
           (cache (make-record class (length slots) nil))
           (i 0))
      (while (< i (length slots))
        (aset cache (1+ i) (eval (cl--slot-descriptor-initform (aref slots i)) t))
        (setq i (1+ i)))
      (setf (eieio--class-default-object-cache class) cache))
    cname))

;;;; Slot access.

(defun eieio--initarg-to-attribute (class initarg)
  "The name of the slot of the class object CLASS that INITARG initializes."
  (cdr (assoc initarg (eieio--class-initarg-tuples class))))

(defun eieio--slot-name-index (class slot)
  "The position in an object of the class object CLASS of its instance slot
SLOT (a name or an initarg), or nil."
  (let ((index (gethash slot (eieio--class-index-table class))))
    (if (integerp index)
        (1+ index)
      (let ((name (eieio--initarg-to-attribute class slot)))
        (and name (eieio--slot-name-index class name))))))

(defun eieio--class-slot-name-index (class slot)
  "The position of the class-allocated slot SLOT among those of CLASS, or nil."
  (let ((slots (eieio--class-class-slots class))
        (i 0)
        (index nil))
    (while (and (null index) (< i (length slots)))
      (when (eq slot (cl--slot-descriptor-name (aref slots i)))
        (setq index i))
      (setq i (1+ i)))
    index))

(defun eieio--validate-slot-value (class index value slot)
  "Signal `invalid-slot-type' unless VALUE fits the instance slot SLOT of
CLASS, at INDEX in its objects."
  (unless eieio-skip-typecheck
    (let ((type (cl--slot-descriptor-type
                 (aref (eieio--class-slots class) (1- index)))))
      (unless (eieio--perform-slot-validation type value)
        (signal 'invalid-slot-type
                (list (eieio--class-name class) slot type value))))))

(defun eieio--validate-class-slot-value (class index value slot)
  "Signal `invalid-slot-type' unless VALUE fits the class-allocated SLOT of
CLASS, at INDEX among them."
  (unless eieio-skip-typecheck
    (let ((type (cl--slot-descriptor-type
                 (aref (eieio--class-class-slots class) index))))
      (unless (eieio--perform-slot-validation type value)
        (signal 'invalid-slot-type
                (list (eieio--class-name class) slot type value))))))

(defun eieio-barf-if-slot-unbound (value instance slotname fn)
  "VALUE, read from SLOTNAME of INSTANCE by FN, unless it is the unbound
marker: then what `slot-unbound' returns."
  (if (and (eq value eieio--unbound) (not eieio-skip-typecheck))
      (slot-unbound instance (eieio--object-class instance) slotname fn)
    value))

(defun eieio-oref (obj slot)
  "The value of SLOT (a name or an initarg) in the object OBJ."
  (declare (gv-setter eieio-oset))
  (cl-check-type slot symbol)
  (cl-check-type obj (or eieio-object class))
  (when (symbolp obj)
    (error "eieio-oref called on a class: %s" obj))
  (let* ((class (eieio--object-class obj))
         (index (eieio--slot-name-index class slot)))
    (cond
     (index (eieio-barf-if-slot-unbound (aref obj index) obj slot 'oref))
     ((setq index (eieio--class-slot-name-index class slot))
      (aref (eieio--class-class-allocation-values class) index))
     (t (slot-missing obj slot 'oref)))))

(defun eieio-oref-default (class slot)
  "The default value of SLOT in CLASS (a class name or object, or an object):
the value of a class-allocated slot, or a new value of an instance slot's
initform."
  (declare (gv-setter eieio-oset-default))
  (cl-check-type class (or eieio-object class))
  (cl-check-type slot symbol)
  (let* ((cl (cond ((symbolp class) (get class 'eieio--class))
                   ((eieio-object-p class) (eieio--object-class class))
                   (t class)))
         (index (eieio--slot-name-index cl slot)))
    (cond
     (index
      (eieio-barf-if-slot-unbound
       (eval (cl--slot-descriptor-initform
              (aref (eieio--class-slots cl) (1- index)))
             t)
       class (eieio--class-name cl) 'oref-default))
     ((setq index (eieio--class-slot-name-index cl slot))
      (aref (eieio--class-class-allocation-values cl) index))
     (t (slot-missing class slot 'oref-default)))))

(defun eieio-oset (obj slot value)
  "Store VALUE in SLOT (a name or an initarg) of the object OBJ; return VALUE."
  (cl-check-type obj eieio-object)
  (cl-check-type slot symbol)
  (let* ((class (eieio--object-class obj))
         (index (eieio--slot-name-index class slot)))
    (cond
     (index
      (eieio--validate-slot-value class index value slot)
      (aset obj index value))
     ((setq index (eieio--class-slot-name-index class slot))
      (eieio--validate-class-slot-value class index value slot)
      (aset (eieio--class-class-allocation-values class) index value))
     (t (slot-missing obj slot 'oset value)))))

(defun eieio-oset-default (class slot value)
  "Make VALUE the default of SLOT in CLASS: the value of a class-allocated
slot, or the initial value of an instance slot in new objects."
  (setq class (eieio--class-object class))
  (cl-check-type class eieio--class)
  (cl-check-type slot symbol)
  (let ((index (eieio--slot-name-index class slot)))
    (cond
     (index
      (eieio--validate-slot-value class index value slot)
      (setf (cl--slot-descriptor-initform
             (aref (eieio--class-slots class) (1- index)))
            (macroexp-quote value))
      (eieio-oset (eieio--class-default-object-cache class) slot value))
     ((setq index (eieio--class-slot-name-index class slot))
      (eieio--validate-class-slot-value class index value slot)
      (aset (eieio--class-class-allocation-values class) index value))
     (t (signal 'invalid-slot-name (list (eieio--class-name class) slot))))))

;;;; Precedence lists.

(defun eieio--c3-merge (result inputs)
  "RESULT (reversed) followed by the C3 merge of the lists INPUTS."
  (while (setq inputs (delq nil inputs))
    (let ((next nil)
          (tail inputs))
      ;; The first head that is in no list's tail comes next.
      (while (and tail (not next))
        (let ((head (car (car tail))))
          (unless (cl-some (lambda (list) (memq head (cdr list))) inputs)
            (setq next head)))
        (setq tail (cdr tail)))
      (unless next
        (signal 'inconsistent-class-hierarchy (list inputs)))
      (push next result)
      (setq inputs (mapcar (lambda (list) (if (eq (car list) next) (cdr list) list))
                           inputs))))
  (nreverse result))

(defun eieio--class-precedence-c3 (class)
  (let ((parents (eieio--class-parents class)))
    (eieio--c3-merge (list class)
                     (append (or (mapcar #'eieio--class-precedence-c3 parents)
                                 (list (list eieio-default-superclass)))
                             (list parents)))))

(defun eieio--class-precedence-dfs (class)
  (let* ((parents (eieio--class-parents class))
         (all (cons class
                    (apply #'append
                           (or (mapcar (lambda (parent)
                                         (cons parent (eieio--class-precedence-dfs parent)))
                                       parents)
                               (list (list eieio-default-superclass)))))))
    ;; Keep the first occurrence of each.
    (let ((result nil))
      (dolist (c all) (unless (memq c result) (push c result)))
      (nreverse result))))

(defun eieio--class-precedence-bfs (class)
  (let ((result nil)
        (queue (or (eieio--class-parents class) (list eieio-default-superclass))))
    (while queue
      (let ((c (pop queue)))
        (unless (memq c result)
          (push c result)
          (unless (eq c eieio-default-superclass)
            (setq queue (append queue (or (eieio--class-parents c)
                                          (list eieio-default-superclass))))))))
    (cons class (nreverse result))))

(defun eieio--class-precedence-list (class)
  "CLASS (a class object or name) and its ancestors, most specific first, in
the order its :method-invocation-order option asks for (breadth first
unless it says :depth-first or :c3); nil for the default superclass."
  (if (or (null class) (eq class eieio-default-superclass))
      nil
    (let ((class (eieio--class-object class)))
      (pcase (eieio--class-method-invocation-order class)
        (:depth-first (eieio--class-precedence-dfs class))
        (:c3 (eieio--class-precedence-c3 class))
        (_ (eieio--class-precedence-bfs class))))))

;;;; Dispatch on classes.

(defun eieio--generic-class-specializers (tag &rest _)
  "The names of the class TAG and its ancestors, most specific first."
  (let ((class (and (symbolp tag) (get tag 'eieio--class))))
    (and (eieio--class-p class)
         (mapcar #'eieio--class-name (eieio--class-precedence-list class)))))

;; The tag is the one structures use, so generic functions with methods for
;; both compute it once.
(cl-generic-define-generalizer eieio--generic-generalizer
  50 (lambda (name &rest _) `(if ,name (type-of ,name) 'null))
  #'eieio--generic-class-specializers)

(cl-defmethod cl-generic-generalizers :extra "class" (specializer)
  "Methods may specialize on classes defined by `defclass'."
  (if (and (symbolp specializer)
           (eieio--class-p (get specializer 'eieio--class)))
      (list eieio--generic-generalizer)
    (cl-call-next-method)))

(defun eieio--generic-subclass-specializers (tag &rest _)
  "The (subclass NAME) specializers matching a class name whose class is TAG."
  (when (eieio--class-p tag)
    (mapcar (lambda (class) (list 'subclass (eieio--class-name class)))
            (eieio--class-precedence-list tag))))

(cl-generic-define-generalizer eieio--generic-subclass-generalizer
  60 (lambda (name &rest _) `(and (symbolp ,name) (get ,name 'eieio--class)))
  #'eieio--generic-subclass-specializers)

(cl-defmethod cl-generic-generalizers ((_specializer (head subclass)))
  "A (subclass CLASS) specializer matches the names of CLASS and its subclasses."
  (list eieio--generic-subclass-generalizer))

(defmacro eieio-declare-slots (&rest slots)
  "Declare SLOTS (names, or (NAME) lists) to be slot names of some class."
  `(eval-and-compile
     ,@(mapcar (lambda (slot)
                 `(cl-pushnew ',(if (consp slot) (car slot) slot)
                              eieio--known-slot-names))
               slots)))

(provide 'eieio-core)

;;; eieio-core.el ends here
