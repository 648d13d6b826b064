;;; backquote-tests.el --- tests for the ` macro  -*- lexical-binding: t -*-

(require 'ert)

(ert-deftest backquote-tests-constant ()
  (should (equal `(a b c) '(a b c)))
  (should (equal `nil nil))
  (should (equal `[a b] [a b]))
  (should (equal `5 5)))

(ert-deftest backquote-tests-unquote ()
  (let ((x 1) (y '(2 3)))
    (should (equal `(a ,x) '(a 1)))
    (should (equal `(a ,y) '(a (2 3))))
    (should (equal `(a ,@y b) '(a 2 3 b)))
    (should (equal `(,@y) '(2 3)))
    (should (equal `(,x . ,x) '(1 . 1)))
    (should (equal `(a ,@y . z) '(a 2 3 . z)))
    (should (equal `,x 1))))

(ert-deftest backquote-tests-splice-shares-last ()
  (let ((x (list 1 2)))
    (should (eq `(,@x) x))
    (should (eq (cdr `(0 ,@x)) x))))

(ert-deftest backquote-tests-splice-empty ()
  (should (equal `(1 ,@nil 2) '(1 2)))
  (should (equal `(,@nil) nil)))

(ert-deftest backquote-tests-vectors ()
  (let ((x 2))
    (should (equal `[1 ,x ,@(list 3 4)] [1 2 3 4]))
    (should (equal `((a ,x) [,(+ x 1)]) '((a 2) [3])))))

(ert-deftest backquote-tests-fresh-structure ()
  (let ((x 1))
    (let ((a `(p ,x)) (b `(p ,x)))
      (should (equal a b))
      (should-not (eq a b)))))

(ert-deftest backquote-tests-nested ()
  (let ((x 3))
    (should (equal `(a `(b ,(c ,x))) '(a `(b ,(c 3)))))
    (should (equal `(a `(b ,,x)) '(a `(b ,3))))))

(ert-deftest backquote-tests-dotted-unquote ()
  (let ((tail '(2 3)))
    (should (equal `(1 . ,tail) '(1 2 3)))))

(ert-deftest backquote-tests-splice-into-inner-unquote ()
  ;; One level in, the argument of , or ,@ is a list a ,@ splices into.
  (let ((x '(p q)) (y nil))
    (should (equal `(a `(b ,,@x)) '(a `(b (\, p q)))))
    (should (equal `(a `(b ,@,@x)) '(a `(b (\,@ p q)))))
    (should (equal `(a `(b ,,@y)) '(a `(b (\,)))))
    (should (equal `(a `(b . ,,@x)) '(a `(b \, p q))))))

(ert-deftest backquote-tests-dotted-splice-is-data ()
  ;; After a dot, only , unquotes: ,@ there is a symbol like any other.
  (let ((b '(5 6)))
    (should (equal `(a \,@ b) '(a \,@ b)))
    (should (equal `(a `(c \,@ ,b)) '(a `(c \,@ ,b))))))

(ert-deftest backquote-tests-in-macro ()
  (defmacro backquote-tests--swap (a b)
    (let ((tmp (make-symbol "tmp")))
      `(let ((,tmp ,a)) (setq ,a ,b) (setq ,b ,tmp))))
  (let ((p 1) (q 2))
    (backquote-tests--swap p q)
    (should (equal (list p q) '(2 1)))))

;;; backquote-tests.el ends here
