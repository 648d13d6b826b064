;;; pcase-tests.el --- tests for pattern matching  -*- lexical-binding: t -*-

(require 'ert)
(require 'pcase)
(require 'cl-lib)

(defun pcase-tests--classify (x)
  (pcase x
    ('nil 'null)
    (:key 'keyword)
    (3 'three)
    ("str" 'string)
    ((pred symbolp) 'symbol)
    (`(add ,a ,b) (+ a b))
    (`(neg ,a) (- a))
    (`[,a ,b] (list 'vec a b))
    ((and n (pred integerp) (guard (> n 100))) 'big)
    ((or 1 2) 'small)
    (_ 'other)))

(ert-deftest pcase-tests-literals-and-structure ()
  (should (eq (pcase-tests--classify nil) 'null))
  (should (eq (pcase-tests--classify :key) 'keyword))
  (should (eq (pcase-tests--classify 3) 'three))
  (should (eq (pcase-tests--classify "str") 'string))
  (should (eq (pcase-tests--classify 'foo) 'symbol))
  (should (= (pcase-tests--classify '(add 1 2)) 3))
  (should (= (pcase-tests--classify '(neg 4)) -4))
  (should (equal (pcase-tests--classify [1 2]) '(vec 1 2)))
  (should (eq (pcase-tests--classify 500) 'big))
  (should (eq (pcase-tests--classify 2) 'small))
  (should (eq (pcase-tests--classify 50) 'other))
  (should (eq (pcase-tests--classify '(add 1)) 'other)))

(ert-deftest pcase-tests-no-match-is-nil ()
  (should (null (pcase 5 (4 'four))))
  (should (null (pcase 5 (5)))))

(ert-deftest pcase-tests-binding ()
  (should (equal (pcase '(1 2 3) (`(,a . ,rest) (list a rest))) '(1 (2 3))))
  (should (equal (pcase (list 1 2) (`(,x . ,(and y (pred consp))) (list x y)))
                 '(1 (2))))
  (should (= (pcase 5 ((and x (guard (> x 3))) x)) 5))
  (should (= (pcase 1 ((or (pred stringp) x) x)) 1)))

(ert-deftest pcase-tests-repeated-variable ()
  (should (= (pcase (list 1 1) (`(,a ,a) a)) 1))
  (should (= (pcase (list 1 2) (`(,a ,a) a) (_ 0)) 0)))

(ert-deftest pcase-tests-pred-forms ()
  (should (eq (pcase 5 ((pred (< 3)) 'big)) 'big))
  (should (eq (pcase 3 ((pred (not stringp)) 'not-string)) 'not-string))
  (should (eq (pcase 4 ((pred (lambda (x) (= x 4))) 'four)) 'four)))

(ert-deftest pcase-tests-app-let ()
  (should (eq (pcase 3 ((app 1+ 4) 'yes)) 'yes))
  (should (= (pcase "abc" ((app length n) n)) 3))
  (should (= (pcase 1 ((or (and 1 (let y 10)) (and 2 (let y 20))) y)) 10))
  (should (= (pcase 2 ((or (and 1 (let y 10)) (and 2 (let y 20))) y)) 20)))

(ert-deftest pcase-tests-quote ()
  (should (eq (pcase 'sym ('sym 'yes)) 'yes))
  (should (eq (pcase '(1 2) ('(1 2) 'equal-list)) 'equal-list))
  (should (eq (pcase "x" ('"x" 'yes)) 'yes)))

(ert-deftest pcase-tests-exhaustive ()
  (should (= (pcase-exhaustive 1 (1 10)) 10))
  (should (eq (car (should-error (pcase-exhaustive 3 (1 1)))) 'error)))

(ert-deftest pcase-tests-let ()
  (should (equal (pcase-let ((`(,a ,b) '(1 2))) (list b a)) '(2 1)))
  (should (equal (pcase-let ((`(,a ,b) '(1))) (list a b)) '(1 nil)))
  (should (= (pcase-let* ((`(,a ,b) '(1 2)) (c (+ a b))) c) 3))
  (should (equal (pcase-let ((`[,x ,y] [1 2]) (z 3)) (list x y z)) '(1 2 3))))

(ert-deftest pcase-tests-dolist ()
  (let ((r nil))
    (pcase-dolist (`(,k . ,v) '((a . 1) (b . 2)))
      (push (list v k) r))
    (should (equal r '((2 b) (1 a))))))

(ert-deftest pcase-tests-setq ()
  (let ((a nil) (b nil))
    (pcase-setq `(,a ,b) '(1 2))
    (should (equal (list a b) '(1 2)))))

(ert-deftest pcase-tests-lambda ()
  (should (equal (funcall (pcase-lambda (`(,a . ,b)) (list b a)) '(1 . 2)) '(2 1))))

(ert-deftest pcase-tests-nested-backquote-patterns ()
  (should (equal (pcase '(if (> x 1) (a) (b))
                   (`(if ,test ,then ,else) (list test then else)))
                 '((> x 1) (a) (b))))
  (should (equal (pcase '(1 (2 (3 4)))
                   (`(,a (,b (,c ,d))) (list d c b a)))
                 '(4 3 2 1))))

(ert-deftest pcase-tests-cl-type ()
  (should (eq (pcase 3 ((cl-type integer) 'int)) 'int))
  (should (eq (pcase "s" ((cl-type integer) 'int) (_ 'other)) 'other)))

;;; pcase-tests.el ends here
