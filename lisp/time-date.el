;;; time-date.el --- calendar arithmetic on time values and decoded times  -*- lexical-binding: t -*-

;; A decoded time is the nine-element list `decode-time' returns,
;; (SECOND MINUTE HOUR DAY MONTH YEAR WEEKDAY DST ZONE).  GNU Emacs preloads its field
;; accessors from simple.el; pdmacs has no simple.el, so they live here, before the
;; functions that use them.  Absolute day numbers count from the proleptic Gregorian
;; date Sunday 31 December 1 BC (day 0), as the calendar package does.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defmacro time-date--decoded-field (name index what)
  "Define NAME reading and (with `setf') writing slot INDEX, WHAT, of a decoded time."
  `(progn
     (defun ,name (time)
       ,(format "The %s of the decoded time TIME." what)
       (nth ,index time))
     (gv-define-setter ,name (value time)
       (list 'setcar (list 'nthcdr ,index time) value))))

(time-date--decoded-field decoded-time-second 0
                          "seconds (an integer, or (TICKS . HZ) for a fraction)")
(time-date--decoded-field decoded-time-minute 1 "minutes, 0 to 59")
(time-date--decoded-field decoded-time-hour 2 "hour, 0 to 23")
(time-date--decoded-field decoded-time-day 3 "day of the month, from 1")
(time-date--decoded-field decoded-time-month 4 "month, 1 to 12")
(time-date--decoded-field decoded-time-year 5 "year")
(time-date--decoded-field decoded-time-weekday 6 "weekday, 0 for Sunday")
(time-date--decoded-field decoded-time-dst 7 "daylight saving flag (t, nil or -1)")
(time-date--decoded-field decoded-time-zone 8 "offset from UTC in seconds")

(cl-defun make-decoded-time (&key second minute hour day month year dst zone)
  "A decoded time with the fields given as keywords and nil in the others.
The weekday is always nil."
  (list second minute hour day month year nil dst zone))

;;;; Converting between forms

(defalias 'time-to-seconds #'float-time)
(defalias 'seconds-to-time #'time-convert)

(defun days-to-time (days)
  "The time value DAYS days long.
An integer DAYS gives the two-element (HIGH LOW) list."
  (let ((time (time-convert (* days 86400))))
    (if (integerp days)
        (list (car time) (cadr time))
      time)))

(defun time-to-number-of-days (time)
  "The length of TIME in days, as a float."
  (/ (float-time time) 86400))

(defun date-to-time (date)
  "The time value of DATE, a string `parse-time-string' understands.
Fields DATE leaves out are an error; a missing zone means local time."
  (condition-case err
      (encode-time (parse-time-string date))
    (error
     ;; Only the year's overflow is worth passing on as it is: every other failure
     ;; says that DATE was not a date.
     (if (equal err '(error "Specified time is not representable"))
         (signal (car err) (cdr err))
       (error "Invalid date: %s" date)))))

(defun safe-date-to-time (date)
  "Like `date-to-time', but a DATE that does not parse gives (0 0)."
  (condition-case nil
      (date-to-time date)
    (error (list 0 0))))

(defun time-since (time)
  "How long ago TIME was: a time value, or a string for `date-to-time'."
  (time-subtract nil (if (stringp time) (date-to-time time) time)))

;;;; Days

(defun date-leap-year-p (year)
  "Non-nil if YEAR of the Gregorian calendar has a 29 February."
  (or (zerop (% year 400))
      (and (zerop (% year 4))
           (not (zerop (% year 100))))))

(defun date-days-in-month (year month)
  "How many days MONTH (1 to 12) of YEAR has."
  (unless (and (numberp month) (<= 1 month 12))
    (error "Month %s is invalid" month))
  (cond ((= month 2) (if (date-leap-year-p year) 29 28))
        ((memq month '(4 6 9 11)) 30)
        (t 31)))

(defun time-date--day-in-year (tim)
  "The day of the year, from 1, of the decoded time TIM."
  (let ((month (decoded-time-month tim))
        (total (decoded-time-day tim)))
    (dotimes (m (1- month))
      (setq total (+ total (date-days-in-month (decoded-time-year tim) (1+ m)))))
    total))

(defun time-to-day-in-year (time)
  "The day of the year, from 1, on which TIME falls in local time."
  (time-date--day-in-year (decode-time time)))

(defun time-to-days (time)
  "The absolute day number of the local date of TIME."
  (let* ((decoded (decode-time time))
         (before (1- (decoded-time-year decoded))))
    ;; Days of the whole years before this one, leap days included, then of this one.
    (+ (* before 365)
       (/ before 4) (- (/ before 100)) (/ before 400)
       (time-date--day-in-year decoded))))

(defun date-to-day (date)
  "The absolute day number of DATE, a date-time string."
  (time-to-days (date-to-time date)))

(defun days-between (date1 date2)
  "How many days DATE1 is after DATE2, both date-time strings."
  (- (date-to-day date1) (date-to-day date2)))

(defun date-ordinal-to-time (year ordinal)
  "The decoded time of day ORDINAL (1 for 1 January) of YEAR.
Only the day, month and year are set."
  (let ((month 1))
    (while (> ordinal (date-days-in-month year month))
      (setq ordinal (- ordinal (date-days-in-month year month)))
      (setq month (1+ month)))
    (list nil nil nil ordinal month year nil nil nil)))

;;;; Formatting durations

(defconst time-date--format-units
  '(("y" "year" 31536000)
    ("d" "day" 86400)
    ("h" "hour" 3600)
    ("m" "minute" 60)
    ("s" "second" 1))
  "The units of `format-seconds', largest first: letter, name, length in seconds.")

(defun time-date--check-format (string)
  "Signal an error unless the `format-seconds' specifications of STRING are usable.
Return non-nil if STRING has a %z."
  (let ((start 0) (seen nil) (zero-flag nil) (out-of-order nil) (previous nil))
    (while (string-match "%\\.?[0-9]*\\(,[0-9]\\)?\\(.\\)" string start)
      (setq start (match-end 0))
      (let* ((spec (match-string 2 string))
             (letter (downcase spec)))
        (unless (equal spec "%")
          (unless (or (equal letter "z") (assoc letter time-date--format-units))
            (error "Bad format specifier: `%s'" spec))
          (when (member letter seen)
            (error "Multiple instances of specifier: `%s'" spec))
          (push letter seen)
          (if (equal letter "z")
              (setq zero-flag t)
            ;; Only the first rise in size counts; later units are not compared.
            (unless out-of-order
              (let ((size (nth 2 (assoc letter time-date--format-units))))
                (setq out-of-order (and previous (> size previous)))
                (setq previous size)))))))
    (when (and zero-flag out-of-order)
      (error "Units are not in decreasing order of size"))
    zero-flag))

(defun format-seconds (string seconds)
  "Format the duration SECONDS (a number or a time value) under control of STRING.
%y, %d, %h, %m and %s stand for the whole years (of 365 days), days, hours, minutes
and seconds left once the larger units given have been taken out; in upper case
they are followed by the unit's name (\"2 days\").  A width may follow the %, with a
leading \".\" to pad with zeros, and %s may take \",N\" for N decimals.  %z prints
nothing but drops everything before the first unit that is not zero; the units must
then come largest first.  %% is a percent sign."
  (time-date--check-format string)
  (unless (numberp seconds)
    (setq seconds (float-time seconds)))
  (let ((case-fold-search t)
        (fraction (mod seconds 1))
        (left (round seconds))
        (first-nonzero nil))
    (dolist (unit time-date--format-units)
      (let ((letter (car unit)) (size (nth 2 unit)))
        (when (string-match (concat "%\\(\\.?[0-9]+\\)?\\(,[0-9]+\\)?\\(" letter "\\)")
                            string)
          (let* ((count (floor left size))
                 (width (match-string 1 string))
                 (decimals (match-string 2 string))
                 (pad (cond ((null width) "")
                            ((eq (aref width 0) ?.) (concat "0" (substring width 1)))
                            (t width)))
                 (spec (if decimals
                           (concat "%" pad "." (substring decimals 1) "f%s")
                         (concat "%" pad "d%s")))
                 (label (if (equal (match-string 3 string) letter)
                            ""
                          (concat " " (nth 1 unit) (if (= count 1) "" "s")))))
            (setq left (- left (* count size)))
            (when (and (not first-nonzero) (/= count 0))
              (setq first-nonzero (match-beginning 0)))
            (setq string
                  (replace-match (format spec (if (= size 1) (+ count fraction) count)
                                         label)
                                 t t string))))))
    (when (string-match "%\\(\\.?[0-9]+\\)?\\(,[0-9]+\\)?\\(z\\)" string)
      (setq string (replace-regexp-in-string
                    "%z" ""
                    (substring string (min (or first-nonzero (match-end 0))
                                           (match-beginning 0))))))
    (string-replace "%%" "%" string)))

(defvar seconds-to-string
  (list (list 1 "ms" 0.001)
        (list 100 "s" 1)
        (list 6000 "m" 60.0)
        (list 108000 "h" 3600.0)
        (list 34560000 "d" 86400.0)
        (list nil "y" 31557600.0))
  "How `seconds-to-string' picks its unit.
Each entry is (LIMIT SUFFIX LENGTH): the first entry whose LIMIT is nil or above the
delay is used, the delay divided by LENGTH seconds and followed by SUFFIX.")

(defun seconds-to-string (delay)
  "A short string for the duration of DELAY seconds, such as \"1.50h\"."
  (cond ((< delay 0) (concat "-" (seconds-to-string (- delay))))
        ((= delay 0) "0s")
        (t (let ((entries seconds-to-string))
             (while (and (car (car entries)) (<= (car (car entries)) delay))
               (setq entries (cdr entries)))
             (format "%.2f%s" (/ delay (nth 2 (car entries))) (nth 1 (car entries)))))))

;;;; Arithmetic on decoded times

(defun decoded-time--alter-month (time increase)
  "Move the decoded TIME one month on if INCREASE is non-nil, else one back."
  (let ((month (+ (decoded-time-month time) (if increase 1 -1))))
    (cond ((> month 12)
           (setq month 1)
           (setf (decoded-time-year time) (1+ (decoded-time-year time))))
          ((< month 1)
           (setq month 12)
           (setf (decoded-time-year time) (1- (decoded-time-year time)))))
    (setf (decoded-time-month time) month)))

(defun decoded-time--alter-day (time increase)
  "Move the decoded TIME one day on if INCREASE is non-nil, else one back."
  (if increase
      (if (< (decoded-time-day time)
             (date-days-in-month (decoded-time-year time) (decoded-time-month time)))
          (setf (decoded-time-day time) (1+ (decoded-time-day time)))
        (setf (decoded-time-day time) 1)
        (decoded-time--alter-month time t))
    (if (> (decoded-time-day time) 1)
        (setf (decoded-time-day time) (1- (decoded-time-day time)))
      (decoded-time--alter-month time nil)
      (setf (decoded-time-day time)
            (date-days-in-month (decoded-time-year time) (decoded-time-month time))))))

(defun decoded-time--alter-second (time seconds)
  "Move the decoded TIME on by SECONDS, a time value, rolling over into days.
The second field keeps the resolution of the sum, so a fraction survives."
  (let* ((own (time-convert (or (decoded-time-second time) 0) t))
         (hz (cdr own))
         (clock (time-add own
                          (time-convert (+ (* 3600 (or (decoded-time-hour time) 0))
                                           (* 60 (or (decoded-time-minute time) 0)))
                                        hz)))
         (new (time-convert (time-add clock seconds) t))
         (new-hz (cdr new))
         (day (time-convert 86400 new-hz)))
    (while (time-less-p new 0)
      (decoded-time--alter-day time nil)
      (setq new (time-add new day)))
    (while (not (time-less-p new day))
      (decoded-time--alter-day time t)
      (setq new (time-subtract new day)))
    (let ((whole (time-convert new 'integer)))
      (setf (decoded-time-hour time) (/ whole 3600))
      (setf (decoded-time-minute time) (% (/ whole 60) 60))
      (setf (decoded-time-second time)
            (time-add (time-convert (% whole 60) new-hz)
                      (time-subtract new (time-convert whole new-hz)))))))

(defun decoded-time-add (time delta)
  "A new decoded time: TIME moved on by the decoded time DELTA.
DELTA's non-nil fields are amounts, possibly negative.  Years and months go first;
if they leave a day past the end of its month it becomes the month's last day
\(31 January plus a month is 28 or 29 February).  Then days, then the hours, minutes,
seconds and zone of DELTA together, as a clock would, without regard to daylight
saving."
  (let ((time (copy-sequence time)))
    (when (decoded-time-year delta)
      (setf (decoded-time-year time) (+ (decoded-time-year time) (decoded-time-year delta))))
    (when (decoded-time-month delta)
      (let ((months (+ (1- (decoded-time-month time)) (decoded-time-month delta))))
        (setf (decoded-time-month time) (1+ (mod months 12)))
        ;; `/' truncates, as Emacs's own arithmetic here does.
        (setf (decoded-time-year time) (+ (decoded-time-year time) (/ months 12)))))
    (setf (decoded-time-day time)
          (min (decoded-time-day time)
               (date-days-in-month (decoded-time-year time) (decoded-time-month time))))
    (let ((days (decoded-time-day delta)))
      (when days
        (dotimes (_ (abs days))
          (decoded-time--alter-day time (> days 0)))))
    (let* ((seconds (time-convert (or (decoded-time-second delta) 0) t))
           (rest (time-convert (+ (* 3600 (or (decoded-time-hour delta) 0))
                                  (* 60 (or (decoded-time-minute delta) 0))
                                  (or (decoded-time-zone delta) 0))
                               (cdr seconds))))
      (decoded-time--alter-second time (time-add seconds rest)))
    time))

(defun decoded-time-set-defaults (time &optional default-zone)
  "Fill the nil fields of the decoded TIME from midnight, 1 January 1970, and return it.
A missing zone becomes DEFAULT-ZONE (with DST nil) when that is given; otherwise
the zone stays nil and DST becomes -1.  TIME itself is changed."
  (dolist (default '((0 . 0) (1 . 0) (2 . 0) (3 . 1) (4 . 1) (5 . 1970)))
    (let ((cell (nthcdr (car default) time)))
      (unless (car cell)
        (setcar cell (cdr default)))))
  (unless (decoded-time-zone time)
    (if default-zone
        (setf (decoded-time-zone time) default-zone
              (decoded-time-dst time) nil)
      (setf (decoded-time-dst time) -1)))
  time)

(defun decoded-time-period (time)
  "The length in seconds of the decoded TIME read as a period.
A month counts 30 days and a year 365; nil fields count zero."
  (let ((second (decoded-time-second time)))
    (+ (if (consp second)
           (/ (float (car second)) (cdr second))
         (or second 0))
       (* 60 (or (decoded-time-minute time) 0))
       (* 3600 (or (decoded-time-hour time) 0))
       (* 86400 (or (decoded-time-day time) 0))
       (* 2592000 (or (decoded-time-month time) 0))
       (* 31536000 (or (decoded-time-year time) 0)))))

(provide 'time-date)

;;; time-date.el ends here
