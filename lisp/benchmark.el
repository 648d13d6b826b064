;;; benchmark.el --- timing the evaluation of Lisp code  -*- lexical-binding: t -*-

;; Results have the shape Emacs gives them: (TIME GC-COUNT GC-TIME), TIME
;; and GC-TIME in seconds.  pdmacs leaves memory to the JVM, whose
;; collections are not the Lisp collector Emacs counts, and it has no
;; `gcs-done' or `gc-elapsed' to read.  So unless those variables exist,
;; the count is 0 and the time 0.0: no Lisp garbage collection ran.

(defun benchmark--gc-count ()
  "The number of garbage collections so far, or 0 where none are counted."
  (if (boundp 'gcs-done) (symbol-value 'gcs-done) 0))

(defun benchmark--gc-time ()
  "The seconds spent in garbage collection so far, or 0.0 where not counted."
  (if (boundp 'gc-elapsed) (symbol-value 'gc-elapsed) 0.0))

(defmacro benchmark-elapse (&rest forms)
  "Evaluate FORMS and return the seconds that took, as a float."
  (declare (indent 0))
  (let ((start (make-symbol "start")))
    `(let ((,start (current-time)))
       ,@forms
       (float-time (time-subtract (current-time) ,start)))))

(defun benchmark-call (func &optional repetitions)
  "Time REPETITIONS calls (default 1) of FUNC with no arguments.
Return (TIME GC-COUNT GC-TIME): the seconds the calls took, less the cost
of as many calls of an empty function, and the garbage collections that
ran meanwhile and their seconds.  When REPETITIONS is a float, call FUNC
as many times as it takes to spend at least that many seconds, and return
\(COUNT TIME GC-COUNT GC-TIME) where COUNT is the number of calls."
  (if (floatp repetitions)
      (benchmark--adaptive func repetitions)
    (let ((count (or repetitions 1))
          (gcs (benchmark--gc-count))
          (gc-time (benchmark--gc-time))
          (empty (lambda () nil)))
      (list (if (> count 1)
                (- (benchmark-elapse (dotimes (_ count) (funcall func)))
                   (benchmark-elapse (dotimes (_ count) (funcall empty))))
              (- (benchmark-elapse (funcall func))
                 (benchmark-elapse (funcall empty))))
            (- (benchmark--gc-count) gcs)
            (- (benchmark--gc-time) gc-time)))))

(defun benchmark--adaptive (func seconds)
  "Call FUNC in growing batches until the calls add up to SECONDS.
Return (COUNT TIME GC-COUNT GC-TIME), the totals over all batches."
  (let ((batch 1)
        (count 0) (time 0.0) (gcs 0) (gc-time 0.0))
    (while (< time seconds)
      (let ((result (benchmark-call func batch)))
        (if (<= (car result) 0)
            ;; Too quick to measure against the empty loop (or disturbed):
            ;; discard the batch and try a bigger one.
            (setq batch (* 2 batch))
          (setq count (+ count batch)
                time (+ time (car result))
                gcs (+ gcs (nth 1 result))
                gc-time (+ gc-time (nth 2 result)))
          (when (< time seconds)
            ;; Aim at the time still missing from the rate so far, but grow
            ;; at most tenfold at once, as the rate is only an estimate.
            (let ((wanted (ceiling (/ (- seconds time) (/ time count)))))
              (setq batch (max batch (min wanted (* 10 batch)))))))))
    (list count time gcs gc-time)))

(defun benchmark--repetitions-p (arg)
  "Non-nil if ARG, the first argument of a `benchmark-run' form, is its
repetition count rather than its first form to time."
  (or (natnump arg) (and arg (symbolp arg))))

(defmacro benchmark-run (&optional repetitions &rest forms)
  "Time REPETITIONS evaluations of FORMS; see `benchmark-call' for the result.
REPETITIONS may be left out: if it is not a number or a variable it is
taken as the first of FORMS, which then run once."
  (declare (indent 1))
  (unless (benchmark--repetitions-p repetitions)
    (setq forms (cons repetitions forms)
          repetitions 1))
  `(benchmark-call (lambda () ,@forms) ,repetitions))

(defmacro benchmark-run-compiled (&optional repetitions &rest forms)
  "Like `benchmark-run', but FORMS are made into a function of their own.
Emacs byte-compiles FORMS as a quoted lambda, so they see only global
variables; pdmacs has no byte compiler, so here that lambda is evaluated
into a closure, with the same scope, and timed as `benchmark-run' would."
  (declare (indent 1))
  (unless (benchmark--repetitions-p repetitions)
    (setq forms (cons repetitions forms)
          repetitions 1))
  `(benchmark-call (eval '(lambda () ,@forms) t) ,repetitions))

(defun benchmark (repetitions form)
  "Show in the echo area the time REPETITIONS evaluations of FORM take.
FORM may also be a function (a lambda expression or #\\='NAME), which is
then called with no arguments.  Return the message shown."
  (let* ((func (eval (if (memq (car-safe form) '(lambda function))
                         form
                       `(lambda () ,form))
                     t))
         (result (benchmark-call func repetitions)))
    (if (zerop (nth 1 result))
        (message "Elapsed time: %fs" (car result))
      (message "Elapsed time: %fs (%fs in %d GCs)"
               (car result) (nth 2 result) (nth 1 result)))))

(defmacro benchmark-progn (&rest body)
  "Evaluate BODY, show in the echo area the time it took, return its value."
  (declare (indent 0))
  (let ((start (make-symbol "start"))
        (gcs (make-symbol "gcs"))
        (gc-time (make-symbol "gc-time"))
        (value (make-symbol "value")))
    `(let* ((,gcs (benchmark--gc-count))
            (,gc-time (benchmark--gc-time))
            (,start (current-time))
            (,value (progn ,@body)))
       (message "Elapsed time: %fs%s"
                (float-time (time-subtract (current-time) ,start))
                (if (> (benchmark--gc-count) ,gcs)
                    (format " (%fs in %d GCs)"
                            (- (benchmark--gc-time) ,gc-time)
                            (- (benchmark--gc-count) ,gcs))
                  ""))
       ,value)))

(provide 'benchmark)

;;; benchmark.el ends here
