;;; cl-generic-tests.el --- tests for cl-generic.el  -*- lexical-binding: t -*-

(require 'ert)
(require 'cl-lib)
(require 'cl-generic)

(defvar cl-generic-tests--log nil
  "The calls the combination tests record, most recent first.")

;;;; Defining and calling.

(cl-defgeneric cl-generic-tests--describe (x &optional extra)
  "Describe X."
  (list 'default x extra))

(cl-defmethod cl-generic-tests--describe ((x integer) &optional extra)
  (list 'integer x extra))

(cl-defmethod cl-generic-tests--describe ((x string) &optional _extra)
  (concat "string:" x))

(ert-deftest cl-generic-tests-basic-dispatch ()
  (should (equal (cl-generic-tests--describe 3) '(integer 3 nil)))
  (should (equal (cl-generic-tests--describe 3 'more) '(integer 3 more)))
  (should (equal (cl-generic-tests--describe "a") "string:a"))
  (should (equal (cl-generic-tests--describe 'sym) '(default sym nil)))
  (should (equal (cl-generic-tests--describe 1.5 2) '(default 1.5 2)))
  (should (cl-generic-p 'cl-generic-tests--describe))
  (should-not (cl-generic-p 'car))
  (should-not (cl-generic-p "not a symbol")))

(ert-deftest cl-generic-tests-return-values ()
  (should (eq (cl-defmethod cl-generic-tests--ret ((x integer)) x)
              'cl-generic-tests--ret))
  ;; Without methods the value is a leftover of autoload support.
  (should (eq (cl-defgeneric cl-generic-tests--ret2 (x)) :autoload-end))
  (should (eq (cl-defgeneric cl-generic-tests--ret3 (x)
                (:method ((x integer)) (* 2 x)))
              'cl-generic-tests--ret3))
  (should (= (cl-generic-tests--ret3 21) 42)))

(ert-deftest cl-generic-tests-redefinition ()
  (cl-defgeneric cl-generic-tests--redef (x))
  (cl-defmethod cl-generic-tests--redef ((x integer)) (list 'first x))
  (should (equal (cl-generic-tests--redef 1) '(first 1)))
  ;; Same specializers and qualifiers: the method is replaced.
  (cl-defmethod cl-generic-tests--redef ((x integer)) (list 'second x))
  (should (equal (cl-generic-tests--redef 1) '(second 1)))
  (should (= (length (cl--generic-method-table
                      (cl-generic-p 'cl-generic-tests--redef)))
             1))
  ;; Evaluating `cl-defgeneric' again keeps the methods...
  (cl-defgeneric cl-generic-tests--redef (x))
  (should (equal (cl-generic-tests--redef 1) '(second 1)))
  ;; ...unless the function was unbound.
  (fmakunbound 'cl-generic-tests--redef)
  (cl-defgeneric cl-generic-tests--redef (x))
  (should-error (cl-generic-tests--redef 1) :type 'cl-no-applicable-method))

;;;; Method combination.

(cl-defgeneric cl-generic-tests--combo (x))

(cl-defmethod cl-generic-tests--combo ((x integer))
  (push 'primary-integer cl-generic-tests--log)
  (cons 'integer (cl-call-next-method)))
(cl-defmethod cl-generic-tests--combo ((x number))
  (push 'primary-number cl-generic-tests--log)
  (list 'number x))
(cl-defmethod cl-generic-tests--combo :before ((_ integer))
  (push 'before-integer cl-generic-tests--log))
(cl-defmethod cl-generic-tests--combo :before ((_ number))
  (push 'before-number cl-generic-tests--log))
(cl-defmethod cl-generic-tests--combo :after ((_ integer))
  (push 'after-integer cl-generic-tests--log)
  'ignored)
(cl-defmethod cl-generic-tests--combo :after ((_ number))
  (push 'after-number cl-generic-tests--log))
(cl-defmethod cl-generic-tests--combo :around ((_ integer))
  (push 'around-integer cl-generic-tests--log)
  (list 'around-integer (cl-call-next-method)))
(cl-defmethod cl-generic-tests--combo :around ((_ number))
  (push 'around-number cl-generic-tests--log)
  (list 'around-number (cl-call-next-method)))

(ert-deftest cl-generic-tests-standard-combination ()
  (setq cl-generic-tests--log nil)
  (should (equal (cl-generic-tests--combo 7)
                 '(around-integer (around-number (integer number 7)))))
  (should (equal (reverse cl-generic-tests--log)
                 '(around-integer around-number before-integer before-number
                   primary-integer primary-number after-number after-integer)))
  (setq cl-generic-tests--log nil)
  (should (equal (cl-generic-tests--combo 2.5)
                 '(around-number (number 2.5))))
  (should (equal (reverse cl-generic-tests--log)
                 '(around-number before-number primary-number after-number))))

(cl-defgeneric cl-generic-tests--next (x &optional y))
(cl-defmethod cl-generic-tests--next ((x integer) &optional y)
  (list 'integer x y (cl-call-next-method (* 10 x) 'changed)))
(cl-defmethod cl-generic-tests--next ((x number) &optional y)
  (list 'number x y (cl-call-next-method)))
(cl-defmethod cl-generic-tests--next (x &optional y)
  (list 'default x y))

(ert-deftest cl-generic-tests-call-next-method-arguments ()
  ;; With arguments the next method gets them; without, the current ones.
  (should (equal (cl-generic-tests--next 1 'orig)
                 '(integer 1 orig (number 10 changed (default 10 changed)))))
  (should (equal (cl-generic-tests--next 1.5)
                 '(number 1.5 nil (default 1.5 nil))))
  (should (equal (cl-generic-tests--next 'a 'b) '(default a b))))

(cl-defgeneric cl-generic-tests--extra (x))
(cl-defmethod cl-generic-tests--extra ((x integer)) (list 'primary x))
(cl-defmethod cl-generic-tests--extra :extra "one" ((_ integer))
  (cons 'one (cl-call-next-method)))
(cl-defmethod cl-generic-tests--extra :extra "two" ((_ integer))
  (cons 'two (cl-call-next-method)))
(cl-defmethod cl-generic-tests--extra :extra "one" :around ((_ integer))
  (cons 'one-around (cl-call-next-method)))

(ert-deftest cl-generic-tests-extra-qualifier ()
  ;; Among methods with the same specializers, the latest defined runs first.
  (should (equal (cl-generic-tests--extra 5) '(one-around two one primary 5)))
  ;; Redefining an :extra method keeps its place.
  (cl-defmethod cl-generic-tests--extra :extra "one" ((_ integer))
    (cons 'one-again (cl-call-next-method)))
  (should (equal (cl-generic-tests--extra 5)
                 '(one-around two one-again primary 5)))
  (should (equal (mapcar #'cl-method-qualifiers
                         (cl--generic-method-table
                          (cl-generic-p 'cl-generic-tests--extra)))
                 '((:extra "one" :around) (:extra "two") (:extra "one") nil))))

;;;; Specializers.

(defmacro cl-generic-tests--chain (name &rest types)
  "Define generic NAME with, for each of TYPES, a method returning the
type consed onto the next method's result (nil when there is none)."
  `(progn
     (cl-defgeneric ,name (x))
     ,@(mapcar (lambda (type)
                 `(cl-defmethod ,name ((_ ,type))
                    (cons ',type (condition-case nil (cl-call-next-method)
                                   (cl-no-next-method nil)))))
               types)))

(cl-generic-tests--chain cl-generic-tests--types
                         integer number number-or-marker atom symbol null list
                         cons sequence string array vector float hash-table t)

(ert-deftest cl-generic-tests-builtin-type-order ()
  (should (equal (cl-generic-tests--types 1)
                 '(integer number number-or-marker atom t)))
  ;; A float is a number but not a `number-or-marker' to dispatch.
  (should (equal (cl-generic-tests--types 1.0) '(float number atom t)))
  (should (equal (cl-generic-tests--types 'a) '(symbol atom t)))
  (should (equal (cl-generic-tests--types nil)
                 '(null symbol list sequence atom t)))
  (should (equal (cl-generic-tests--types '(1)) '(cons list sequence t)))
  (should (equal (cl-generic-tests--types "s")
                 '(string array sequence atom t)))
  (should (equal (cl-generic-tests--types [1])
                 '(vector array sequence atom t)))
  (should (equal (cl-generic-tests--types (make-hash-table))
                 '(hash-table atom t))))

(cl-defgeneric cl-generic-tests--eql (x))
(cl-defmethod cl-generic-tests--eql ((x integer)) (list 'integer x))
(cl-defmethod cl-generic-tests--eql ((_ (eql 1))) (cons 'one (cl-call-next-method)))
(cl-defmethod cl-generic-tests--eql ((_ (eql 'red))) 'quoted-red)
(cl-defmethod cl-generic-tests--eql ((_ (eql green))) 'bare-green)
(cl-defmethod cl-generic-tests--eql ((_ (eql (+ 1 1)))) 'two)
(cl-defmethod cl-generic-tests--eql ((x (head point))) (cons 'point (cdr x)))
(cl-defmethod cl-generic-tests--eql ((x cons)) (list 'cons (car x)))
(cl-defmethod cl-generic-tests--eql (_) 'other)

(ert-deftest cl-generic-tests-eql-and-head ()
  (should (equal (cl-generic-tests--eql 1) '(one integer 1)))
  (should (equal (cl-generic-tests--eql 3) '(integer 3)))
  (should (eq (cl-generic-tests--eql 'red) 'quoted-red))
  ;; A symbol that is not a constant stands for itself (Emacs 28).
  (should (eq (cl-generic-tests--eql 'green) 'bare-green))
  ;; Other forms are evaluated when the method is defined.
  (should (eq (cl-generic-tests--eql 2) 'two))
  (should (equal (cl-generic-tests--eql '(point 1 2)) '(point 1 2)))
  (should (equal (cl-generic-tests--eql '(line 1 2)) '(cons line)))
  (should (eq (cl-generic-tests--eql 'blue) 'other)))

(cl-defstruct cl-generic-tests--animal name)
(cl-defstruct (cl-generic-tests--dog (:include cl-generic-tests--animal)) breed)
(cl-defstruct (cl-generic-tests--puppy (:include cl-generic-tests--dog)))

(cl-defgeneric cl-generic-tests--speak (a))
(cl-defmethod cl-generic-tests--speak ((a cl-generic-tests--animal))
  (list 'animal (cl-generic-tests--animal-name a)))
(cl-defmethod cl-generic-tests--speak ((_ cl-generic-tests--dog))
  (cons 'dog (cl-call-next-method)))
(cl-defmethod cl-generic-tests--speak ((_ atom)) '(atom))
(cl-defmethod cl-generic-tests--speak ((_ t)) '(t))

(ert-deftest cl-generic-tests-struct-inheritance ()
  (should (equal (cl-generic-tests--speak
                  (make-cl-generic-tests--puppy :name "Rex"))
                 '(dog animal "Rex")))
  (should (equal (cl-generic-tests--speak
                  (make-cl-generic-tests--dog :name "Fido"))
                 '(dog animal "Fido")))
  (should (equal (cl-generic-tests--speak
                  (make-cl-generic-tests--animal :name "Tom"))
                 '(animal "Tom")))
  ;; Dispatch does not see a structure as an `atom'.
  (cl-defmethod cl-generic-tests--speak ((_ cl-generic-tests--puppy))
    (list 'puppy (cl-call-next-method)))
  (should (equal (cl-generic-tests--speak
                  (make-cl-generic-tests--puppy :name "Rex"))
                 '(puppy (dog animal "Rex"))))
  (should (memq 'cl-generic-tests--speak
                (cl-generic-all-functions 'cl-generic-tests--puppy)))
  (should (memq 'cl-generic-tests--speak (cl-generic-all-functions)))
  (should-not (memq 'cl-generic-tests--speak (cl-generic-all-functions 'integer)))
  (should (equal (cl-generic-tests--speak 5) '(atom)))
  (should (equal (cl-generic-tests--speak '(1)) '(t))))

(cl-defgeneric cl-generic-tests--pair (x y))
(cl-defmethod cl-generic-tests--pair ((_ integer) _y)
  (cons 'integer-t (cl-call-next-method)))
(cl-defmethod cl-generic-tests--pair (_x (_ integer))
  (cons 't-integer (cl-call-next-method)))
(cl-defmethod cl-generic-tests--pair ((_ number) (_ number))
  (cons 'number-number (cl-call-next-method)))
(cl-defmethod cl-generic-tests--pair (_x _y) '(t-t))

(ert-deftest cl-generic-tests-multiple-dispatch ()
  ;; The first argument decides first; later ones break ties.
  (should (equal (cl-generic-tests--pair 1 1)
                 '(integer-t number-number t-integer t-t)))
  (should (equal (cl-generic-tests--pair 1.0 1) '(number-number t-integer t-t)))
  (should (equal (cl-generic-tests--pair 1 1.0) '(integer-t number-number t-t)))
  (should (equal (cl-generic-tests--pair 'a 1) '(t-integer t-t)))
  (should (equal (cl-generic-tests--pair 'a 'b) '(t-t))))

(cl-defgeneric cl-generic-tests--keys (x &rest args))
(cl-defmethod cl-generic-tests--keys ((x integer) &key (scale 10) offset)
  (+ (* x scale) (or offset 0)))
(cl-defmethod cl-generic-tests--keys ((x string) &rest args)
  (cons x args))

(ert-deftest cl-generic-tests-lambda-lists ()
  (should (= (cl-generic-tests--keys 2) 20))
  (should (= (cl-generic-tests--keys 2 :scale 3 :offset 1) 7))
  (should (equal (cl-generic-tests--keys "s" 1 2) '("s" 1 2)))
  (should-error (cl-generic-tests--keys 2 :bogus 1))
  (should-error (cl-generic-tests--keys) :type 'wrong-number-of-arguments))

;;;; Errors.

(cl-defgeneric cl-generic-tests--err (x))
(cl-defmethod cl-generic-tests--err :before ((_ integer)) nil)
(cl-defmethod cl-generic-tests--err ((x string)) (cl-call-next-method x))

(ert-deftest cl-generic-tests-errors ()
  (should (equal (should-error (cl-generic-tests--err 'a)
                               :type 'cl-no-applicable-method)
                 '(cl-no-applicable-method cl-generic-tests--err a)))
  (should (equal (should-error (cl-generic-tests--err 1)
                               :type 'cl-no-primary-method)
                 '(cl-no-primary-method cl-generic-tests--err 1)))
  (let ((err (should-error (cl-generic-tests--err "s")
                           :type 'cl-no-next-method)))
    (should (eq (nth 1 err) 'cl-generic-tests--err))
    (should (equal (cl--generic-method-specializers (nth 2 err)) '(string)))
    (should (equal (nthcdr 3 err) '("s"))))
  ;; All three are `cl-no-method' errors.
  (should (eq (condition-case nil (cl-generic-tests--err 'a) (cl-no-method 'caught))
              'caught))
  (should (equal (get 'cl-no-applicable-method 'error-message)
                 "No applicable method"))
  (should (equal (should-error (cl-call-next-method))
                 '(error "cl-call-next-method only allowed inside primary and around methods")))
  (should (equal (should-error (eval '(cl-defmethod cl-generic-tests--err
                                        ((x cl-generic-tests--no-such-type))
                                        x)
                                     t))
                 '(error "Unknown specializer cl-generic-tests--no-such-type")))
  (defalias 'cl-generic-tests--plain (lambda (x) x))
  (should (equal (should-error (eval '(cl-defmethod cl-generic-tests--plain
                                        ((x integer))
                                        x)
                                     t))
                 '(error "cl-generic-tests--plain is already defined as something else than a generic function")))
  (cl-defmethod cl-generic-tests--err :weird ((x float)) x)
  (should (equal (should-error (cl-generic-tests--err 1.0))
                 '(error "Unsupported qualifiers in function cl-generic-tests--err: (:weird)"))))

;;;; Options, setf methods, introspection.

(cl-defgeneric cl-generic-tests--opts (x)
  (:documentation "A generic with options.")
  (declare (indent 1))
  (:argument-precedence-order x)
  (:method ((x integer)) (list 'method x))
  (list 'default-body x))

(ert-deftest cl-generic-tests-defgeneric-options ()
  (should (equal (cl-generic-tests--opts 1) '(method 1)))
  (should (equal (cl-generic-tests--opts 'a) '(default-body a)))
  (should (equal (documentation 'cl-generic-tests--opts)
                 "A generic with options.\n\n(fn X)"))
  (should (equal (documentation 'cl-generic-tests--describe)
                 "Describe X.\n\n(fn X &optional EXTRA)"))
  (should (equal (function-get 'cl-generic-tests--opts 'lisp-indent-function) 1))
  (should (equal (cl-generic-function-options
                  (cl-generic-p 'cl-generic-tests--opts))
                 '((:argument-precedence-order x)))))

(cl-defgeneric (setf cl-generic-tests--slot) (value place))
(cl-defmethod (setf cl-generic-tests--slot) (value (place cons))
  (setcar place value))
(cl-defmethod (setf cl-generic-tests--slot) (value (place vector))
  (aset place 0 value))
(defun cl-generic-tests--slot (place) (elt place 0))

(ert-deftest cl-generic-tests-setf-methods ()
  (let ((l (list 1 2))
        (v (vector 1 2)))
    (should (eq (setf (cl-generic-tests--slot l) 'x) 'x))
    (should (equal l '(x 2)))
    (setf (cl-generic-tests--slot v) 'y)
    (should (equal v [y 2]))
    (should (cl-generic-p '\(setf\ cl-generic-tests--slot\)))))

(cl-defgeneric cl-generic-tests--nmp (x))
(cl-defmethod cl-generic-tests--nmp ((_ integer))
  (with-no-warnings (list 'integer (cl-next-method-p))))
(cl-defmethod cl-generic-tests--nmp ((_ number))
  (with-no-warnings (list 'number (cl-next-method-p))))

(ert-deftest cl-generic-tests-next-method-p-and-find ()
  (should (equal (cl-generic-tests--nmp 1) '(integer t)))
  (should (equal (cl-generic-tests--nmp 1.0) '(number nil)))
  (should (cl-find-method 'cl-generic-tests--nmp nil '(integer)))
  (should-not (cl-find-method 'cl-generic-tests--nmp nil '(string)))
  (should (equal (cl-method-qualifiers
                  (cl-find-method 'cl-generic-tests--combo '(:around) '(number)))
                 '(:around))))

(cl-defgeneric cl-generic-tests--closure (x))

(ert-deftest cl-generic-tests-lexical-methods ()
  ;; A method body is a closure; `cl-call-next-method' works inside lambdas.
  (let ((offset 100))
    (cl-defmethod cl-generic-tests--closure ((x integer)) (+ x offset))
    (cl-defmethod cl-generic-tests--closure ((x (eql 5)))
      (mapcar (lambda (y) (+ y (cl-call-next-method))) (list x 1))))
  (should (= (cl-generic-tests--closure 1) 101))
  (should (equal (cl-generic-tests--closure 5) '(110 106))))

;;;; Context specializers.

(defvar cl-generic-tests--mode 'text)

(cl-defgeneric cl-generic-tests--ctx (x))
(cl-defmethod cl-generic-tests--ctx (x) (list 'plain x))
(cl-defmethod cl-generic-tests--ctx (x &context (cl-generic-tests--mode (eql prog)))
  (cons 'prog (cl-call-next-method)))
(cl-defmethod cl-generic-tests--ctx ((x integer) &context (cl-generic-tests--mode symbol))
  (cons 'integer-symbol (cl-call-next-method)))

(ert-deftest cl-generic-tests-context ()
  (should (equal (cl-generic-tests--ctx 1) '(integer-symbol plain 1)))
  (should (equal (let ((cl-generic-tests--mode 'prog)) (cl-generic-tests--ctx 1))
                 '(integer-symbol prog plain 1)))
  (should (equal (let ((cl-generic-tests--mode "str")) (cl-generic-tests--ctx 1))
                 '(plain 1)))
  (should (equal (let ((cl-generic-tests--mode 'prog)) (cl-generic-tests--ctx "a"))
                 '(prog plain "a"))))

;;; cl-generic-tests.el ends here
