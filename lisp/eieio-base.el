;;; eieio-base.el --- mixin classes for EIEIO objects  -*- lexical-binding: t -*-

;; Abstract classes to inherit from for common object behaviours, as Emacs 28 has them:
;; - `eieio-instance-inheritor': a clone reads the slots it never set from the object it was
;;   cloned from;
;; - `eieio-instance-tracker': every instance is kept in a list held by a variable;
;; - `eieio-singleton': `make-instance' always gives the same object;
;; - `eieio-named': the object's name is a slot.
;; Emacs's `eieio-persistent' (objects saved to and read from files) is not here: it writes
;; through a buffer, and pdmacs has none.

;;; Code:

(require 'eieio)

;;; Instance inheritance

(defclass eieio-instance-inheritor ()
  ((parent-instance :initarg :parent-instance
                    :type eieio-instance-inheritor
                    :documentation "The object whose slots stand in for this one's unset ones."))
  "An object whose unbound slots read through to a parent object.
`clone' makes such a child: every slot starts unbound, except those given to `clone'."
  :abstract t)

(cl-defmethod slot-unbound ((object eieio-instance-inheritor) _class slot-name _fn)
  "Read SLOT-NAME from OBJECT's parent, or signal as usual when OBJECT has none."
  (if (slot-boundp object 'parent-instance)
      ;; The parent's own unbound slot comes back here, so a chain of clones is walked.
      (eieio-oref (oref object parent-instance) slot-name)
    (cl-call-next-method)))

(cl-defmethod clone ((obj eieio-instance-inheritor) &rest params)
  "A child of OBJ: all its slots unbound but those PARAMS set, and OBJ as its parent.
A leading string in PARAMS is the new object's name."
  (let ((child (if (stringp (car params))
                   (cl-call-next-method obj (pop params))
                 (cl-call-next-method obj))))
    (dolist (slot (eieio-class-slots (eieio-object-class child)))
      (slot-makeunbound child (eieio-slot-descriptor-name slot)))
    (when params
      (shared-initialize child params))
    (oset child parent-instance obj)
    child))

(cl-defmethod eieio-instance-inheritor-slot-boundp ((object eieio-instance-inheritor) slot)
  "Non-nil if SLOT is bound in OBJECT or in one of the objects it inherits from."
  (cond ((slot-boundp object slot) t)
        ((slot-boundp object 'parent-instance)
         (eieio-instance-inheritor-slot-boundp (oref object parent-instance) slot))
        (t nil)))

;;; Instance tracking

(defclass eieio-instance-tracker ()
  ((tracking-symbol :type symbol
                    :allocation :class
                    :documentation "The variable whose value lists the instances."))
  "An object that adds itself to the list in its class's `tracking-symbol' variable.
A subclass gives `tracking-symbol' an :initform naming that variable."
  :abstract t)

(cl-defmethod initialize-instance :after ((this eieio-instance-tracker) &rest _slots)
  "Append THIS to its class's list of instances, unless already there."
  (let ((var (oref this tracking-symbol)))
    (unless (memq this (symbol-value var))
      (set var (append (symbol-value var) (list this))))))

(unless (fboundp 'delete-instance)
  ;; Emacs's eieio.el has this generic; pdmacs's does not, and the tracker needs it.
  (cl-defgeneric delete-instance (obj &rest _args)
    "Let OBJ go: a class that keeps its instances somewhere forgets it."
    nil))

(cl-defmethod delete-instance ((this eieio-instance-tracker))
  "Take THIS out of its class's list of instances."
  (let ((var (oref this tracking-symbol)))
    (set var (delq this (symbol-value var)))))

(defun eieio-instance-tracker-find (key slot list-symbol)
  "The first object in the value of LIST-SYMBOL whose SLOT is `equal' to KEY."
  (object-assoc key slot (symbol-value list-symbol)))

;;; Singletons

(defclass eieio-singleton ()
  ((singleton :type eieio-singleton
              :allocation :class
              :documentation "The one instance of the class, once made."))
  "A class with only one instance: `make-instance' makes it once, then returns it."
  :abstract t)

(cl-defmethod make-instance ((class (subclass eieio-singleton)) &rest _slots)
  "The instance of CLASS, made on the first call."
  (let ((existing (oref-default class singleton)))
    (if (eq existing eieio--unbound)
        (oset-default class singleton (cl-call-next-method))
      existing)))

;;; Named objects

(defclass eieio-named ()
  ((object-name :initarg :object-name :initform nil))
  "An object whose name, for `eieio-object-name-string', is its `object-name' slot."
  :abstract t)

(cl-defmethod eieio-object-name-string ((obj eieio-named))
  "OBJ's `object-name', or the name the default method gives when it has none."
  (or (slot-value obj 'object-name)
      (cl-call-next-method)))

(cl-defmethod clone ((obj eieio-named) &rest params)
  "A copy of OBJ with PARAMS applied; a leading string in PARAMS names it.
Without one, a copy that kept OBJ's name gets the name with its number suffix
\"-N\" counted up, or \"-1\" added."
  (let* ((name (and (stringp (car params)) (pop params)))
         (copy (apply #'cl-call-next-method obj params))
         (copied (slot-value copy 'object-name)))
    (eieio-oset copy 'object-name
                (or name
                    (if (not (equal copied (slot-value obj 'object-name)))
                        copied
                      (save-match-data
                        (if (and copied (string-match "-\\([0-9]+\\)" copied))
                            (concat (substring copied 0 (match-beginning 0))
                                    "-" (number-to-string
                                         (1+ (string-to-number (match-string 1 copied)))))
                          (concat copied "-1"))))))
    copy))

(cl-defmethod make-instance ((class (subclass eieio-named)) &rest args)
  "Make a CLASS; an old-style leading name string in ARGS becomes its :object-name."
  (if (not (stringp (car args)))
      (cl-call-next-method)
    (unless eieio-backward-compatibility
      (message "Obsolete: name passed without :object-name to %S constructor" class))
    (apply #'cl-call-next-method class :object-name args)))

(provide 'eieio-base)
;;; eieio-base.el ends here
