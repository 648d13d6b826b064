;;; gv-tests.el --- tests for setf and generalized variables  -*- lexical-binding: t -*-

(require 'ert)
(require 'gv)
(require 'cl-lib)

(ert-deftest gv-tests-setf-variable ()
  (let ((x 1) (y 2))
    (should (= (setf x 10) 10))
    (should (= (setf x 3 y 4) 4))
    (should (equal (list x y) '(3 4)))))

(ert-deftest gv-tests-setf-list-places ()
  (let ((l (list 1 2 3 4)))
    (setf (car l) 'a)
    (setf (cdr (cdr (cdr l))) '(d))
    (setf (nth 1 l) 'b)
    (setf (cadr (cdr l)) 'c)
    (should (equal l '(a b c d)))
    (setf (elt l 0) 'z)
    (should (equal l '(z b c d)))))

(ert-deftest gv-tests-setf-returns-value ()
  (let ((v (vector 1 2)))
    (should (eq (setf (aref v 1) 'x) 'x))
    (should (equal v [1 x]))))

(ert-deftest gv-tests-setf-hash-symbol-places ()
  (let ((h (make-hash-table)))
    (setf (gethash 'k h) 'v)
    (should (eq (gethash 'k h) 'v))
    (cl-incf (gethash 'n h 0) 5)
    (should (= (gethash 'n h) 5)))
  (setf (get 'gv-tests--sym 'prop) 7)
  (should (= (get 'gv-tests--sym 'prop) 7))
  (defvar gv-tests--var nil)
  (setf (symbol-value 'gv-tests--var) 'set)
  (should (eq gv-tests--var 'set)))

(ert-deftest gv-tests-plist-get ()
  (let ((pl (list :a 1)))
    (setf (plist-get pl :a) 10)
    (setf (plist-get pl :b) 2)
    (should (= (plist-get pl :a) 10))
    (should (= (plist-get pl :b) 2))
    (should (equal pl '(:b 2 :a 10)))))

(ert-deftest gv-tests-alist-get ()
  (let ((al (list (cons 'a 1))))
    (setf (alist-get 'b al) 2)
    (setf (alist-get 'a al) 11)
    (should (equal al '((b . 2) (a . 11))))
    (cl-incf (alist-get 'c al 0))
    (should (= (alist-get 'c al) 1))
    (setf (alist-get 'b al nil t) nil)
    (should (equal al '((c . 1) (a . 11))))
    (setf (alist-get "k" al nil nil #'equal) 'str)
    (should (eq (alist-get "k" al nil nil #'equal) 'str))))

(ert-deftest gv-tests-evaluates-once ()
  (let ((l (list 1 2 3)) (i 0))
    (cl-incf (nth (prog1 i (setq i (1+ i))) l) 10)
    (should (equal l '(11 2 3)))
    (should (= i 1))))

(ert-deftest gv-tests-push-pop-places ()
  (let ((al (list (cons 'k nil))))
    (push 1 (alist-get 'k al))
    (push 2 (alist-get 'k al))
    (should (equal (alist-get 'k al) '(2 1)))
    (should (= (pop (alist-get 'k al)) 2))
    (should (equal al '((k 1))))))

(defun gv-tests--first (x) (car x))
(gv-define-simple-setter gv-tests--first setcar)

(defun gv-tests--second (x) (cadr x))
(gv-define-setter gv-tests--second (val x) `(setcar (cdr ,x) ,val))

(defun gv-tests--put-last (x v) (setcar (last x) v) 'ignored)
(defun gv-tests--last (x) (car (last x)))
(gv-define-simple-setter gv-tests--last gv-tests--put-last t)

(ert-deftest gv-tests-user-setters ()
  (let ((c (list 1 2 3)))
    (should (= (setf (gv-tests--first c) 5) 5))
    (should (= (setf (gv-tests--second c) 6) 6))
    (should (= (setf (gv-tests--last c) 7) 7))
    (should (equal c '(5 6 7)))
    (cl-incf (gv-tests--second c))
    (should (equal c '(5 7 7)))))

(defun gv-tests--nth-set (n list value)
  (setcar (nthcdr n list) value))

(defun gv-tests--nth (n list)
  (declare (gv-setter gv-tests--nth-set))
  (nth n list))

(ert-deftest gv-tests-declared-setter ()
  ;; The setter gets the place's arguments, then the value.
  (let ((c (list 1 2 3)))
    (should (eq (setf (gv-tests--nth 1 c) 'x) 'x))
    (should (equal c '(1 x 3)))
    (push 'y (gv-tests--nth 2 c))
    (should (equal c '(1 x (y . 3))))))

(defmacro gv-tests--double (place)
  (gv-letplace (getter setter) place
    (funcall setter `(* 2 ,getter))))

(ert-deftest gv-tests-letplace ()
  (let ((l (list 1 2)) (v (vector 3)) (n 4))
    (gv-tests--double (car l))
    (gv-tests--double (aref v 0))
    (should (= (gv-tests--double n) 8))
    (should (equal (list l v n) '((2 2) [6] 8)))))

(ert-deftest gv-tests-bad-place ()
  (should-error (eval '(setf (gv-tests--no-such-function 1) 2) t)))

;;; gv-tests.el ends here
