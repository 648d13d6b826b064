;;; ert.el --- Emacs Lisp Regression Testing  -*- lexical-binding: t -*-

;; Tests are defined with `ert-deftest' and check their expectations with
;; `should', `should-not' and `should-error'.  `ert-run-tests-batch-and-exit'
;; runs them in name order and reports in GNU Emacs's batch format, on
;; stderr: a line per test, the condition of each unexpected result, and a
;; summary; the exit status is 0 when every result was as expected, else 1.
;; Backtraces are not printed: the interpreter keeps none.

(require 'cl-lib)
(require 'pp)

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(cl-defstruct (ert-test (:constructor ert--make-test)
                        (:constructor make-ert-test
                                      (&key name documentation body
                                            (expected-result-type :passed) tags)))
  name documentation body expected-result-type tags most-recent-result)

;; The results of running a test, as GNU Emacs's ERT names them.
(cl-defstruct ert-test-result duration)
(cl-defstruct (ert-test-passed (:include ert-test-result)))
(cl-defstruct (ert-test-result-with-condition (:include ert-test-result)) condition)
(cl-defstruct (ert-test-failed (:include ert-test-result-with-condition)))
(cl-defstruct (ert-test-skipped (:include ert-test-result-with-condition)))

(defvar ert--tests nil
  "The names of the defined tests, most recent first.")

(defvar ert--infos nil
  "The (PREFIX . MESSAGE) pairs of the enclosing `ert-info' forms.")

(defmacro ert-deftest (name _args &rest body)
  "Define NAME as a test running BODY.
BODY may start with a docstring and the keywords :expected-result (:passed,
:failed or t) and :tags."
  (declare (indent 2) (doc-string 3))
  (let ((doc nil) (expected :passed) (tags nil))
    (when (and (stringp (car body)) (cdr body))
      (setq doc (pop body)))
    (while (keywordp (car body))
      (pcase (pop body)
        (:expected-result (setq expected (pop body)))
        (:tags (setq tags (pop body)))
        (keyword (error "Unknown ert-deftest keyword %S" keyword))))
    `(progn
       (ert-set-test ',name
                     (ert--make-test :name ',name :documentation ,doc
                                     :body (lambda () ,@body)
                                     :expected-result-type ,expected
                                     :tags ,tags))
       ',name)))

(defun ert-set-test (name test)
  "Make TEST the test named NAME."
  (put name 'ert--test test)
  (setq ert--tests (cons name (delq name ert--tests)))
  test)

(defun ert-get-test (name)
  "The test named NAME."
  (or (get name 'ert--test) (error "No test named `%S'" name)))

(defun ert-test-boundp (name)
  "Non-nil if NAME names a test."
  (and (get name 'ert--test) t))

(defun ert-delete-all-tests ()
  "Forget every test."
  (dolist (name ert--tests) (put name 'ert--test nil))
  (setq ert--tests nil)
  t)

;;;; Assertions.

(defun ert-fail (data)
  "Fail the current test with DATA describing why."
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data)
  "Skip the current test, with DATA describing why."
  (signal 'ert-test-skipped (list data)))

(defmacro skip-unless (form)
  "Skip the current test unless FORM is non-nil."
  `(unless ,form (ert-skip '(skip-unless ,form))))

(defmacro skip-when (form)
  "Skip the current test if FORM is non-nil."
  `(when ,form (ert-skip '(skip-when ,form))))

(defun ert--call-form-p (form)
  "Non-nil if FORM is a function call whose arguments can be shown."
  (and (consp form) (symbolp (car form))
       (not (special-form-p (car form)))
       (not (macrop (car form)))))

(defun ert--expand-should (whole form k)
  "Code evaluating FORM for the assertion WHOLE.
K receives the forms for the value and for the description list (:form ...
:value ...), and returns the code that checks them."
  (let ((value (make-symbol "value"))
        (description (make-symbol "description")))
    (if (ert--call-form-p form)
        (let ((fn (make-symbol "fn"))
              (args (make-symbol "args")))
          `(let* ((,fn #',(car form))
                  (,args (list ,@(cdr form)))
                  (,value (apply ,fn ,args))
                  (,description (ert--call-description ',whole ',(car form) ,args ,value)))
             ,(funcall k value description)))
      `(let* ((,value ,form)
              (,description (list ',whole :form ',form :value ,value)))
         ,(funcall k value description)))))

(defun ert--call-description (whole name args value)
  "The description of the assertion WHOLE, a call of NAME on ARGS giving VALUE.
A function with an `ert-explainer' property also gets an :explanation."
  (let ((explainer (get name 'ert-explainer)))
    (append (list whole :form (cons name args) :value value)
            (and explainer (list :explanation (apply explainer args))))))

;;;; Explaining why two objects are not `equal'.

(defun ert--describe-atom (x)
  "X as shown in an explanation: integers with their hex and character forms."
  (if (integerp x)
      (append (list x (format "#x%x" x))
              (and (characterp x) (list (string ?? x))))
    x))

(defun ert--explain-equal (a b)
  "Nil if A and B are `equal', else a list describing the first difference."
  (cond
   ((equal a b) nil)
   ((not (eq (type-of a) (type-of b))) (list 'different-types a b))
   ((consp a) (ert--explain-lists a b))
   ((arrayp a) (ert--explain-arrays a b))
   (t (list 'different-atoms (ert--describe-atom a) (ert--describe-atom b)))))

(defun ert--explain-lists (a b)
  (let ((a-proper (proper-list-p a))
        (b-proper (proper-list-p b)))
    (cond
     ((and a-proper b-proper)
      (let ((i (ert--first-mismatch (append a nil) (append b nil))))
        (if (= (length a) (length b))
            (list 'list-elt i (ert--explain-equal (nth i a) (nth i b)))
          (list 'proper-lists-of-different-length (length a) (length b) a b
                'first-mismatch-at i))))
     ((or a-proper b-proper) (list 'one-list-proper-one-improper a b))
     ((not (equal (car a) (car b))) (list 'car (ert--explain-equal (car a) (car b))))
     (t (list 'cdr (ert--explain-equal (cdr a) (cdr b)))))))

(defun ert--explain-arrays (a b)
  (let ((i (ert--first-mismatch (append a nil) (append b nil))))
    (if (= (length a) (length b))
        (list 'array-elt i (ert--explain-equal (aref a i) (aref b i)))
      (list 'arrays-of-different-length (length a) (length b) a b
            'first-mismatch-at i))))

(defun ert--first-mismatch (a b)
  "The first index at which the lists A and B differ."
  (let ((i 0))
    (while (and a b (equal (car a) (car b)))
      (setq a (cdr a) b (cdr b) i (1+ i)))
    i))

(defun ert--explain-string-equal (a b)
  "Like `ert--explain-equal' for `string-equal', which accepts symbols."
  (ert--explain-equal (if (symbolp a) (symbol-name a) a)
                      (if (symbolp b) (symbol-name b) b)))

(put 'equal 'ert-explainer #'ert--explain-equal)
(put 'equal-including-properties 'ert-explainer #'ert--explain-equal)
(put 'string-equal 'ert-explainer #'ert--explain-string-equal)

(defmacro should (form)
  "Fail the current test unless FORM is non-nil; return its value."
  (ert--expand-should `(should ,form) form
                      (lambda (value description)
                        `(if ,value ,value (ert-fail ,description)))))

(defmacro should-not (form)
  "Fail the current test if FORM is non-nil."
  (ert--expand-should `(should-not ,form) form
                      (lambda (value description)
                        `(if ,value (ert-fail ,description) nil))))

(defun ert--error-matches-p (condition type)
  "Non-nil if the error CONDITION is of TYPE (a condition or list of them)."
  (let ((conditions (get (car condition) 'error-conditions)))
    (cl-some (lambda (ty) (memq ty conditions)) (ensure-list type))))

(defmacro should-error (form &rest keys)
  "Fail the current test unless FORM signals an error; return (ERROR . DATA).
With :type TYPE, the error must be of TYPE (a condition or list of them);
with :exclude-subtypes, its symbol must be exactly TYPE."
  (let ((type (plist-get keys :type))
        (exclude (plist-get keys :exclude-subtypes))
        (err (make-symbol "err"))
        (value (make-symbol "value")))
    `(let* ((,err nil)
            (,value (condition-case condition
                        ,form
                      (error (setq ,err condition) nil))))
       (cond
        ((null ,err)
         (ert-fail (list '(should-error ,form ,@keys) :form ',form :value ,value
                         :fail-reason "did not signal an error")))
        ((and ,type (not (ert--error-matches-p ,err ,type)))
         (ert-fail (list '(should-error ,form ,@keys) :form ',form :condition ,err
                         :fail-reason "the error signaled did not have the expected type")))
        ((and ,exclude (not (memq (car ,err) (ensure-list ,type))))
         (ert-fail (list '(should-error ,form ,@keys) :form ',form :condition ,err
                         :fail-reason "the error signaled was a subtype of the expected type")))
        (t ,err)))))

(defmacro ert-info (spec &rest body)
  "Run BODY; MESSAGE from SPEC, (MESSAGE &key :prefix), describes it."
  (declare (indent 1))
  (let ((message (if (consp spec) (car spec) spec))
        (prefix (or (and (consp spec) (plist-get (cdr spec) :prefix)) "Info: ")))
    `(let ((ert--infos (cons (cons ,prefix ,message) ert--infos)))
       ,@body)))

(defun ert-equal-including-properties (a b)
  "Non-nil if A and B are `equal' (strings carry no properties here)."
  (equal a b))

;;;; Running tests.

(defun ert-run-test (test)
  "Run TEST and return its result: an `ert-test-passed', `ert-test-failed'
or `ert-test-skipped' object."
  (let* ((start (ert--now))
         (result
          (condition-case condition
              (progn (funcall (ert-test-body test)) (make-ert-test-passed))
            (ert-test-skipped (make-ert-test-skipped :condition condition))
            (error (make-ert-test-failed :condition condition)))))
    (setf (ert-test-result-duration result) (- (ert--now) start))
    (setf (ert-test-most-recent-result test) result)
    result))

(defun ert--result-kind (result)
  "The kind of RESULT: passed, failed or skipped."
  (cond ((ert-test-passed-p result) 'passed)
        ((ert-test-skipped-p result) 'skipped)
        (t 'failed)))

(defun ert--expected-p (test result)
  "Non-nil if RESULT is what TEST expects."
  (let ((expected (ert-test-expected-result-type test))
        (kind (ert--result-kind result)))
    (or (eq kind 'skipped)
        (eq expected t)
        (eq kind (if (eq expected :failed) 'failed 'passed)))))

(defun ert-select-tests (selector universe)
  "The tests of UNIVERSE (a list of tests, or t for all) matching SELECTOR.
SELECTOR is t or nil (all or none), a string (a regexp on the name), a test
name, (member NAME...), (tag TAG), (not S), (and S...) or (or S...)."
  (let ((tests (if (eq universe t)
                   (sort (mapcar #'ert-get-test ert--tests)
                         (lambda (a b) (string< (ert-test-name a) (ert-test-name b))))
                 universe)))
    (cl-remove-if-not (lambda (test) (ert--selects-p selector test)) tests)))

(defun ert--selects-p (selector test)
  (let ((name (ert-test-name test)))
    (pcase selector
      ('t t)
      ('nil nil)
      ((pred stringp) (string-match-p selector (symbol-name name)))
      ((pred symbolp) (eq selector name))
      (`(member . ,names) (memq name names))
      (`(tag ,tag) (memq tag (ert-test-tags test)))
      (`(not ,s) (not (ert--selects-p s test)))
      (`(and . ,ss) (cl-every (lambda (s) (ert--selects-p s test)) ss))
      (`(or . ,ss) (cl-some (lambda (s) (ert--selects-p s test)) ss))
      (_ (error "Unsupported ERT selector: %S" selector)))))

(defun ert--now ()
  "The current time in seconds, as a float."
  (float-time))

(defun ert--timestamp ()
  "The current date and time, as ERT prints it."
  (format-time-string "%Y-%m-%d %T%z"))

(defun ert--status-label (result expected)
  "The label of RESULT in the progress lines: lower case when EXPECTED."
  (let ((kind (ert--result-kind result)))
    (if (or expected (eq kind 'skipped)) (symbol-name kind) (upcase (symbol-name kind)))))

(defun ert--report-condition (test result)
  "Print the condition of TEST's unexpected RESULT."
  (when (ert-test-result-with-condition-p result)
    (message "Test %S condition:" (ert-test-name test))
    (message "    %s" (pp--with-indentation
                       (ert-test-result-with-condition-condition result) 4))))

(defun ert-run-tests-batch (&optional selector)
  "Run the tests SELECTOR chooses (default all), reporting on stderr.
Return the list (TOTAL EXPECTED UNEXPECTED SKIPPED) of counts."
  (let* ((tests (ert-select-tests (or selector t) t))
         (total (length tests))
         (width (length (number-to-string total)))
         (start (ert--now))
         (start-stamp (ert--timestamp))
         (expected-count 0)
         (expected-failures 0)
         (unexpected nil)
         (skipped nil)
         (index 0))
    (message "Running %s tests (%s, selector `%S')" total start-stamp (or selector t))
    (dolist (test tests)
      (setq index (1+ index))
      (let* ((result (ert-run-test test))
             (elapsed (ert-test-result-duration result))
             (expected (ert--expected-p test result)))
        (cond ((ert-test-skipped-p result) (push test skipped))
              (expected
               (setq expected-count (1+ expected-count))
               (when (ert-test-failed-p result)
                 (setq expected-failures (1+ expected-failures))))
              (t (push test unexpected)
                 (ert--report-condition test result)))
        (message (format "%%9s  %%%dd/%%d  %%S (%%f sec)" width)
                 (ert--status-label result expected)
                 index total (ert-test-name test) elapsed)))
    (message "\nRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)"
             total expected-count (length unexpected)
             (if skipped (format ", %s skipped" (length skipped)) "")
             (ert--timestamp) (- (ert--now) start))
    (unless (zerop expected-failures)
      (message "%s expected failures" expected-failures))
    (message "%s" "")
    (when unexpected
      (message "%s unexpected results:" (length unexpected))
      (dolist (test (nreverse unexpected))
        (message "%9s  %S" (ert--status-label (ert-test-most-recent-result test) nil)
                 (ert-test-name test)))
      (message "%s" ""))
    (when skipped
      (message "%s skipped results:" (length skipped))
      (dolist (test (nreverse skipped))
        (message "%9s  %S" "SKIPPED" (ert-test-name test)))
      (message "%s" ""))
    (list total expected-count (length unexpected) (length skipped))))

(defun ert-run-tests-batch-and-exit (&optional selector)
  "Run the tests like `ert-run-tests-batch', then exit Emacs.
The exit status is 0 if every result was as expected, 1 otherwise."
  (let ((stats (ert-run-tests-batch selector)))
    (kill-emacs (if (zerop (nth 2 stats)) 0 1))))

(provide 'ert)

;;; ert.el ends here
