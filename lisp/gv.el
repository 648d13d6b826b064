;;; gv.el --- generalized variables: setf and places  -*- lexical-binding: t -*-

;; A place is a form that can be read and written: a variable, or a call such
;; as (car X) or (gethash K TABLE) whose function has a `gv-expander'.  An
;; expander is called as (EXPANDER DO ARGS...) and returns code; it calls DO
;; with a getter form and a setter function, which maps a value form to a
;; form that stores it.  The arguments of the place are evaluated once.

(define-error 'gv-invalid-place "Invalid place expression")

(defun gv-get (place do)
  "Build the code for PLACE by calling DO with its getter and setter."
  (cond
   ((symbolp place)
    (funcall do place (lambda (v) `(setq ,place ,v))))
   ((not (consp place)) (signal 'gv-invalid-place (list place)))
   (t
    (let* ((head (car place))
           (expander (and (symbolp head) (function-get head 'gv-expander))))
      (if expander
          (apply expander do (cdr place))
        (let ((expanded (macroexpand-1 place macroexpand-all-environment)))
          (if (eq expanded place)
              (gv--setf-function-place place do)
            (gv-get expanded do))))))))

(defun gv--setf-function-place (place do)
  "Handle PLACE, a call with no expander, through a (setf NAME) function."
  (let ((setter-name (intern (format "(setf %s)" (car place)))))
    (gv--once (cdr place)
              (lambda (args)
                (funcall do (cons (car place) args)
                         (lambda (v) `(,setter-name ,v ,@args)))))))

(defun gv--once (forms k)
  "Call K with forms equivalent to FORMS that may be used repeatedly.
Forms that are not copyable are evaluated once into temporaries bound around
the code K returns."
  (let ((bindings nil)
        (args nil))
    (dolist (form forms)
      (if (macroexp-copyable-p form)
          (push form args)
        (let ((temp (make-symbol "a")))
          (push (list temp form) bindings)
          (push temp args))))
    (macroexp-let* (nreverse bindings) (funcall k (nreverse args)))))

(defmacro gv-letplace (vars place &rest body)
  "Build code for PLACE: BODY runs with VARS (GETTER SETTER) bound.
GETTER is a copyable form reading PLACE; SETTER a function from a value form
to a form storing it."
  (declare (indent 2))
  `(gv-get ,place (lambda ,vars ,@body)))

(defmacro gv-define-expander (name handler)
  "Make HANDLER, a function (DO ARGS...), the place expander of NAME."
  (declare (indent 1))
  `(function-put ',name 'gv-expander ,handler))

(defun gv--setter-expander (name setter)
  "An expander for NAME whose stores are built by (SETTER VAL ARGS...)."
  (lambda (do &rest args)
    (gv--once args
              (lambda (args)
                (funcall do (cons name args)
                         (lambda (v)
                           (macroexp-let2 nil v v
                             (apply setter v args))))))))

(defmacro gv-define-setter (name arglist &rest body)
  "Define how to set (NAME ARGS...): BODY, with ARGLIST (VAL ARGS...) bound
to forms, returns the code that stores VAL."
  (declare (indent 2))
  `(function-put ',name 'gv-expander
                 (gv--setter-expander ',name (lambda ,arglist ,@body))))

(defun gv--simple-setter-expander (name setter fix-return)
  "An expander storing (NAME ARGS...) by calling (SETTER ARGS... VAL)."
  (gv--setter-expander
   name
   (lambda (val &rest args)
     (let ((call (append (list setter) args (list val))))
       (if fix-return `(prog1 ,val ,call) call)))))

(defmacro gv-define-simple-setter (name setter &optional fix-return)
  "Set (NAME ARGS...) to VAL by calling (SETTER ARGS... VAL).
With FIX-RETURN, the value of the store is VAL whatever SETTER returns."
  `(function-put ',name 'gv-expander
                 (gv--simple-setter-expander ',name ',setter ,fix-return)))

(defmacro setf (&rest pairs)
  "Store each VAL in its PLACE: (setf PLACE VAL PLACE VAL ...).
Return the last VAL."
  (cond
   ((and (consp pairs) (consp (cdr pairs)) (null (cdr (cdr pairs))))
    (let ((place (car pairs))
          (val (car (cdr pairs))))
      (if (symbolp place)
          `(setq ,place ,val)
        (gv-letplace (_getter setter) place
          (funcall setter val)))))
   ((= (% (length pairs) 2) 1)
    (signal 'wrong-number-of-arguments (list 'setf (length pairs))))
   (t
    (let ((forms nil))
      (while pairs
        (push `(setf ,(car pairs) ,(car (cdr pairs))) forms)
        (setq pairs (cdr (cdr pairs))))
      (cons 'progn (nreverse forms))))))

;;;; The standard places.

(defmacro gv--simple-setters (&rest specs)
  "Define each (NAME SETTER [FIX-RETURN]) of SPECS as a simple setter."
  (cons 'progn (mapcar (lambda (spec) (cons 'gv-define-simple-setter spec)) specs)))

(gv--simple-setters
 (aref aset)
 (car setcar)
 (cdr setcdr)
 (get put)
 (symbol-value set)
 (symbol-function fset)
 (symbol-plist setplist)
 (default-value set-default))

(gv-define-setter gethash (val key table &optional _default)
  `(puthash ,key ,val ,table))

(gv-define-setter caar (val x) `(setcar (car ,x) ,val))
(gv-define-setter cadr (val x) `(setcar (cdr ,x) ,val))
(gv-define-setter cdar (val x) `(setcdr (car ,x) ,val))
(gv-define-setter cddr (val x) `(setcdr (cdr ,x) ,val))
(gv-define-setter nth (val n list) `(setcar (nthcdr ,n ,list) ,val))
(gv-define-setter nthcdr (val n list)
  `(if (<= ,n 0) ,val (setcdr (nthcdr (1- ,n) ,list) ,val)))
(gv-define-setter elt (val seq n)
  `(if (listp ,seq) (setcar (nthcdr ,n ,seq) ,val) (aset ,seq ,n ,val)))

(gv-define-expander plist-get
  (lambda (do plist prop)
    (macroexp-let2 nil key prop
      (gv-letplace (getter setter) plist
        (funcall do `(plist-get ,getter ,key)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     (let ((tail (make-symbol "tail")))
                       `(let ((,tail (plist-member ,getter ,key)))
                          (if ,tail
                              (setcar (cdr ,tail) ,v)
                            ,(funcall setter `(cons ,key (cons ,v ,getter))))
                          ,v)))))))))

(gv-define-expander alist-get
  (lambda (do key alist &optional default remove testfn)
    (macroexp-let2* nil ((k key) (test testfn) (dflt default))
      (gv-letplace (getter setter) alist
        (let ((cell (make-symbol "cell")))
          `(let ((,cell ,(if test
                             `(if (memq ,test '(eq nil)) (assq ,k ,getter)
                                (assoc ,k ,getter ,test))
                           `(assq ,k ,getter))))
             ,(funcall do `(if ,cell (cdr ,cell) ,dflt)
                       (lambda (v)
                         (macroexp-let2 nil v v
                           (let ((store
                                  `(if ,cell (setcdr ,cell ,v)
                                     ,(funcall setter
                                               `(cons (setq ,cell (cons ,k ,v))
                                                      ,getter)))))
                             `(progn
                                ,(if remove
                                     `(if (and ,remove (eql ,v ,dflt))
                                          ,(funcall setter `(delq ,cell ,getter))
                                        ,store)
                                   store)
                                ,v)))))))))))

;; `(declare (gv-setter F))' in a defun: store with (F ARGS... VAL), as
;; `gv-define-simple-setter' does.  F may also be (lambda (STORE) BODY...): BODY
;; then builds the store form, with STORE and the defun's own parameters bound
;; to the forms of the place.
(push (list 'gv-setter
            (lambda (name arglist setter)
              (if (and (eq (car-safe setter) 'lambda)
                       (consp (cadr setter)))
                  `(gv-define-setter ,name (,(car (cadr setter)) ,@arglist)
                     ,@(cddr setter))
                `(gv-define-setter ,name (val &rest args)
                   (append (list ',setter) args (list val))))))
      defun-declarations-alist)

;; `(declare (gv-expander HANDLER))' in a defun.
(push (list 'gv-expander
            (lambda (name _arglist handler)
              `(gv-define-expander ,name ,handler)))
      defun-declarations-alist)

(provide 'gv)

;;; gv.el ends here
