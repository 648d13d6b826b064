;;; ert-tests.el --- tests for ERT itself  -*- lexical-binding: t -*-

(require 'ert)

(defun ert-tests--run (body)
  "Run BODY, a function, as a test of its own and return its result."
  (ert-run-test (make-ert-test :body body)))

(defun ert-tests--condition (body)
  "The condition with which the test running BODY fails or is skipped."
  (ert-test-result-with-condition-condition (ert-tests--run body)))

(ert-deftest ert-tests-should-returns-value ()
  (should (= (should (+ 1 2)) 3))
  (should (null (should-not nil))))

(ert-deftest ert-tests-should-failure-data ()
  (let ((x 5))
    (should (equal (ert-tests--condition (lambda () (should (< x 2))))
                   '(ert-test-failed ((should (< x 2)) :form (< 5 2) :value nil)))))
  (should (equal (ert-tests--condition (lambda () (should-not (+ 1 2))))
                 '(ert-test-failed ((should-not (+ 1 2)) :form (+ 1 2) :value 3)))))

(ert-deftest ert-tests-explanations ()
  (should (equal (ert-tests--condition (lambda () (should (equal 1 1.0))))
                 '(ert-test-failed ((should (equal 1 1.0)) :form (equal 1 1.0) :value nil
                                    :explanation (different-types 1 1.0)))))
  (should (equal (ert--explain-equal '(1 2) '(1 3))
                 '(list-elt 1 (different-atoms (2 "#x2" "?\2") (3 "#x3" "?\3")))))
  (should (equal (ert--explain-equal '(1 2) '(1 2 3))
                 '(proper-lists-of-different-length 2 3 (1 2) (1 2 3) first-mismatch-at 2)))
  (should (equal (ert--explain-equal '(1 2 . 3) '(1 2 . 4))
                 '(cdr (cdr (different-atoms (3 "#x3" "?\3") (4 "#x4" "?\4"))))))
  (should (equal (ert--explain-equal "abc" "abd")
                 '(array-elt 2 (different-atoms (99 "#x63" "?c") (100 "#x64" "?d")))))
  (should (equal (ert--explain-equal "ab" "abc")
                 '(arrays-of-different-length 2 3 "ab" "abc" first-mismatch-at 2)))
  (should (equal (ert--explain-equal -1 300)
                 '(different-atoms (-1 "#x-1") (300 "#x12c" "?\x12c"))))
  (should (equal (ert--explain-equal '(a . b) '(a b))
                 '(one-list-proper-one-improper (a . b) (a b))))
  (should (equal (ert--explain-equal 'a 'b) '(different-atoms a b)))
  (should (null (ert--explain-equal '(1 [2]) '(1 [2])))))

(ert-deftest ert-tests-should-error ()
  (should (equal (should-error (signal 'arith-error '(1))) '(arith-error 1)))
  (should (eq (car (should-error (car 1) :type 'wrong-type-argument)) 'wrong-type-argument))
  (should (should-error (/ 1 0) :type '(arith-error overflow-error)))
  (should (eq (car (ert-tests--condition (lambda () (should-error (+ 1 2)))))
              'ert-test-failed))
  (should (eq (car (ert-tests--condition (lambda () (should-error (car 1) :type 'arith-error))))
              'ert-test-failed)))

(ert-deftest ert-tests-results ()
  (should (ert-test-passed-p (ert-tests--run (lambda () (should t)))))
  (should (ert-test-failed-p (ert-tests--run (lambda () (should nil)))))
  (should (ert-test-failed-p (ert-tests--run (lambda () (error "x")))))
  (should (ert-test-skipped-p (ert-tests--run (lambda () (skip-unless nil))))))

(ert-deftest ert-tests-skip ()
  (should (eq (car (ert-tests--condition (lambda () (skip-unless nil))))
              'ert-test-skipped))
  (should (ert-test-passed-p (ert-tests--run (lambda () (skip-unless t))))))

(ert-deftest ert-tests-fail ()
  (should (equal (ert-tests--condition (lambda () (ert-fail "why")))
                 '(ert-test-failed "why"))))

(ert-deftest ert-tests-dummy-test ()
  "A test used by the other tests."
  :tags '(dummy)
  (should t))

(ert-deftest ert-tests-expected-failure ()
  :expected-result :failed
  (should nil))

(ert-deftest ert-tests-test-objects ()
  (should (ert-test-boundp 'ert-tests-dummy-test))
  (should-not (ert-test-boundp 'ert-tests--no-such-test))
  (let ((test (ert-get-test 'ert-tests-dummy-test)))
    (should (eq (ert-test-name test) 'ert-tests-dummy-test))
    (should (equal (ert-test-documentation test) "A test used by the other tests."))
    (should (equal (ert-test-tags test) '(dummy)))
    (should (eq (ert-test-expected-result-type test) :passed)))
  (should (eq (ert-test-expected-result-type (ert-get-test 'ert-tests-expected-failure))
              :failed)))

(ert-deftest ert-tests-select ()
  (should (equal (mapcar #'ert-test-name (ert-select-tests "\\`ert-tests-dummy" t))
                 '(ert-tests-dummy-test)))
  (should (equal (mapcar #'ert-test-name (ert-select-tests '(tag dummy) t))
                 '(ert-tests-dummy-test)))
  (should (null (ert-select-tests nil t))))

(ert-deftest ert-tests-info ()
  (should (= (ert-info ("context") (+ 1 1)) 2)))

;;; ert-tests.el ends here
