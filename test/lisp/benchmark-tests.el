;;; benchmark-tests.el --- tests for benchmark.el  -*- lexical-binding: t -*-

;; Only the shape of the results and what gets evaluated are tested, never
;; a timing.

(require 'ert)
(require 'benchmark)

(defun benchmark-tests--result-p (result)
  "Non-nil if RESULT has the shape (TIME GC-COUNT GC-TIME)."
  (and (= (length result) 3)
       (floatp (nth 0 result))
       (natnump (nth 1 result))
       (floatp (nth 2 result))))

(ert-deftest benchmark-tests-elapse ()
  (let ((runs 0))
    (let ((time (benchmark-elapse (setq runs (1+ runs)) (setq runs (1+ runs)))))
      (should (floatp time))
      (should (>= time 0))
      (should (= runs 2)))))

(ert-deftest benchmark-tests-run ()
  (let ((runs 0))
    (should (benchmark-tests--result-p (benchmark-run 5 (setq runs (1+ runs)))))
    (should (= runs 5))
    ;; Without a count the forms run once.
    (should (benchmark-tests--result-p (benchmark-run (setq runs (1+ runs))
                                                      (setq runs (1+ runs)))))
    (should (= runs 7))
    ;; A variable as count.
    (let ((count 3))
      (benchmark-run count (setq runs (1+ runs))))
    (should (= runs 10))
    ;; nil is a form, not a count.
    (benchmark-run nil (setq runs (1+ runs)))
    (should (= runs 11))
    (should (benchmark-tests--result-p (benchmark-run)))))

(defvar benchmark-tests--runs 0
  "A counter for the forms `benchmark' and `benchmark-run-compiled' run,
which see global variables only.")

(ert-deftest benchmark-tests-run-compiled ()
  (setq benchmark-tests--runs 0)
  (should (benchmark-tests--result-p
           (benchmark-run-compiled 4 (setq benchmark-tests--runs
                                           (1+ benchmark-tests--runs)))))
  (should (= benchmark-tests--runs 4))
  (benchmark-run-compiled (setq benchmark-tests--runs (1+ benchmark-tests--runs)))
  (should (= benchmark-tests--runs 5))
  ;; The forms do not see the local variables around them.
  (let ((benchmark-tests-local 1))
    (ignore benchmark-tests-local)
    (should (eq (car (should-error
                      (benchmark-run-compiled (ignore benchmark-tests-local))))
                'void-variable))))

(ert-deftest benchmark-tests-call ()
  (let ((runs 0))
    (should (benchmark-tests--result-p
             (benchmark-call (lambda () (setq runs (1+ runs))) 6)))
    (should (= runs 6))
    (should (benchmark-tests--result-p (benchmark-call (lambda () (setq runs (1+ runs))))))
    (should (= runs 7)))
  ;; A float asks for at least that many seconds: (COUNT TIME GC GC-TIME).
  (let* ((runs 0)
         (result (benchmark-call (lambda ()
                                   (setq runs (1+ runs))
                                   (dotimes (i 200) (ignore (* i i))))
                                 0.02)))
    (should (= (length result) 4))
    (should (natnump (car result)))
    (should (>= runs (car result) 1))
    (should (benchmark-tests--result-p (cdr result)))))

(ert-deftest benchmark-tests-progn ()
  (let ((runs 0))
    (should (eq (benchmark-progn (setq runs (1+ runs)) 'value) 'value))
    (should (= runs 1))))

(ert-deftest benchmark-tests-benchmark ()
  (setq benchmark-tests--runs 0)
  (should (string-match-p "\\`Elapsed time: -?[0-9]+\\.[0-9]\\{6\\}s\\'"
                          (benchmark 3 '(setq benchmark-tests--runs
                                              (1+ benchmark-tests--runs)))))
  (should (= benchmark-tests--runs 3))
  ;; A function form is called, not evaluated for a function.
  (benchmark 2 '(lambda () (setq benchmark-tests--runs (+ benchmark-tests--runs 10))))
  (should (= benchmark-tests--runs 23))
  (let ((runs 0))
    (benchmark 1 (list 'function (lambda () (setq runs (+ runs 100)))))
    (should (= runs 100))))

;;; benchmark-tests.el ends here
