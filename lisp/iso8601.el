;;; iso8601.el --- read ISO 8601 dates, times, durations and intervals  -*- lexical-binding: t -*-

;; Every parser returns a decoded time (see `decode-time') holding only the fields the
;; text gave; the others are nil, and DST is -1 unless a zone was given.  Text that is
;; not ISO 8601 signals `wrong-type-argument' with the text itself as the data, as GNU
;; Emacs does.  Matching obeys `case-fold-search', so "t" and "z" pass for "T" and "Z"
;; when it is non-nil.

;;; Code:

(require 'time-date)
(require 'cl-lib)

;;;; The syntax, as regexps.  Only the groups counted in each comment capture.

(defconst iso8601--year-match "\\([+-]?[0-9]\\{4\\}\\)"
  "A year, [+-]YYYY; group 1.")

(defconst iso8601--full-date-match
  "\\([+-]?[0-9]\\{4\\}\\)-?\\([0-9][0-9]\\)-?\\([0-9][0-9]\\)"
  "YYYY-MM-DD, dashes optional; groups year, month, day.")

(defconst iso8601--without-day-match "\\([+-]?[0-9]\\{4\\}\\)-\\([0-9][0-9]\\)"
  "YYYY-MM; groups year, month.")

(defconst iso8601--outdated-date-match "--\\([0-9][0-9]\\)-?\\([0-9][0-9]\\)"
  "--MM-DD, a date without its year; groups month, day.")

(defconst iso8601--outdated-reduced-precision-date-match "---?\\([0-9][0-9]\\)"
  "--MM or ---DD; group 1.")

(defconst iso8601--week-date-match
  "\\([+-]?[0-9]\\{4\\}\\)-?W\\([0-9][0-9]\\)-?\\([0-9]\\)?"
  "YYYY-Www-D, the weekday optional; groups year, week, weekday.")

(defconst iso8601--ordinal-date-match "\\([+-]?[0-9]\\{4\\}\\)-?\\([0-9]\\{3\\}\\)"
  "YYYY-DDD; groups year, day of the year.")

(defun iso8601--shy (regexp)
  "REGEXP with its groups made shy, so it can sit inside a larger one."
  (replace-regexp-in-string "\\\\(" "\\(?:" regexp t t))

(defconst iso8601--date-match
  (mapconcat (lambda (re) (concat "\\(?:" (iso8601--shy re) "\\)"))
             (list iso8601--year-match
                   iso8601--full-date-match
                   iso8601--without-day-match
                   iso8601--outdated-date-match
                   iso8601--outdated-reduced-precision-date-match
                   iso8601--week-date-match
                   iso8601--ordinal-date-match)
             "\\|")
  "Any of the date forms, without groups.")

(defconst iso8601--time-match
  "\\([0-9][0-9]\\):?\\([0-9][0-9]\\)?:?\\([0-9][0-9]\\)?[.,]?\\([0-9]*\\)"
  "HH:MM:SS.FFF, colons optional and the later parts too; groups hour, minute,
second and fraction (possibly empty).")

(defconst iso8601--zone-match "\\(Z\\|\\([+-]\\)\\([0-9][0-9]\\):?\\([0-9][0-9]\\)?\\)"
  "Z or [+-]HH:MM; groups whole zone, sign, hours, minutes.")

(defconst iso8601--full-time-match
  (concat "\\(" (iso8601--shy iso8601--time-match) "\\)"
          "\\(" (iso8601--shy iso8601--zone-match) "\\)?")
  "A time and an optional zone; groups time, zone.")

(defconst iso8601--combined-match
  (concat "\\(" iso8601--date-match "\\)"
          "\\(?:T\\(" (iso8601--shy iso8601--time-match) "\\)"
          "\\(" (iso8601--shy iso8601--zone-match) "\\)?\\)?")
  "A date, then optionally T, a time and a zone; groups date, time, zone.")

(defconst iso8601--duration-full-match
  (concat "P\\([0-9]+Y\\)?\\([0-9]+M\\)?\\([0-9]+D\\)?"
          "\\(T\\([0-9]+H\\)?\\([0-9]+M\\)?\\([0-9]+S\\)?\\)?")
  "PnYnMnDTnHnMnS; groups years, months, days, the T part, hours, minutes, seconds.")

(defconst iso8601--duration-week-match "P\\([0-9]+\\)W"
  "PnW; group weeks.")

(defconst iso8601--duration-combined-match (concat "P" iso8601--combined-match)
  "P followed by a date and time in the ordinary form.")

(defconst iso8601--duration-match
  (mapconcat (lambda (re) (concat "\\(?:" (iso8601--shy re) "\\)"))
             (list iso8601--duration-full-match
                   iso8601--duration-week-match
                   iso8601--duration-combined-match)
             "\\|")
  "Any of the duration forms, without groups.")

;;;; Helpers

(defun iso8601--match (regexp string)
  "Match REGEXP against the whole of STRING, leaving the match data set."
  (string-match (concat "\\`\\(?:" regexp "\\)\\'") string))

(defun iso8601--not-iso (string)
  "Signal that STRING is not ISO 8601 text."
  (signal 'wrong-type-argument string))

(defun iso8601--number (value)
  "VALUE as a number: strings are read with `string-to-number', others kept."
  (if (stringp value) (string-to-number value) value))

(cl-defun iso8601--decoded-time (&key second minute hour day month year dst zone)
  "A decoded time of the given fields, read as numbers when they are strings.
DST is -1 unless DST or ZONE is given."
  (list (iso8601--number second) (iso8601--number minute) (iso8601--number hour)
        (iso8601--number day) (iso8601--number month) (iso8601--number year)
        nil
        (if (or dst zone) dst -1)
        zone))

(defun iso8601--encode-time (time)
  "`encode-time' of the decoded TIME with its nil fields defaulted."
  (encode-time (decoded-time-set-defaults (copy-sequence time))))

(defun iso8601--weekday-of (year month day)
  "The weekday (0 for Sunday) of the Gregorian date YEAR-MONTH-DAY."
  ;; Count days from 1 March of year 0 so that leap days fall at the end of the count.
  (let* ((y (if (<= month 2) (1- year) year))
         (m (if (<= month 2) (+ month 9) (- month 3)))
         (days (+ (* 365 y) (floor y 4) (- (floor y 100)) (floor y 400)
                  (/ (+ (* 153 m) 2) 5) (1- day))))
    ;; 1 March of year 0 was a Wednesday.
    (mod (+ days 3) 7)))

(defun iso8601--year-length (year)
  (if (date-leap-year-p year) 366 365))

(defun iso8601--decimalize (fraction base)
  "The integer FRACTION, read as the digits after a decimal point, times BASE, rounded."
  (round (* base (/ (float fraction) (expt 10 (length (number-to-string fraction)))))))

;;;; Parsers

(defun iso8601-valid-p (string)
  "Non-nil if STRING is an ISO 8601 date, optionally followed by T, a time and a zone.
The match data then holds the date, time and zone parts as groups 1, 2 and 3."
  (iso8601--match iso8601--combined-match string))

(defun iso8601-parse (string &optional form)
  "The decoded time of the ISO 8601 date and time STRING, such as \"2008-03-02T13:47:30Z\".
Any of the date forms is accepted, the time and zone may be left out.  FORM is as for
`decode-time': t keeps a fraction of a second as (TICKS . HZ)."
  (unless (iso8601-valid-p string)
    (iso8601--not-iso string))
  (let ((date-part (match-string 1 string))
        (time-part (match-string 2 string))
        (zone-part (match-string 3 string)))
    (let ((result (iso8601-parse-date date-part)))
      (when time-part
        (let ((time (iso8601-parse-time time-part form)))
          (setf (decoded-time-hour result) (decoded-time-hour time)
                (decoded-time-minute result) (decoded-time-minute time)
                (decoded-time-second result) (decoded-time-second time))))
      (when zone-part
        (setf (decoded-time-zone result) (* 60 (iso8601-parse-zone zone-part))
              (decoded-time-dst result) nil))
      result)))

(defun iso8601--week-date (year week weekday)
  "The decoded date of WEEKDAY (1 for Monday; nil counts as 0) of WEEK in YEAR."
  ;; Week 1 is the week holding 4 January.
  (let* ((jan-4 (iso8601--weekday-of year 1 4))
         (ordinal (- (+ (* week 7) (or weekday 0))
                     (+ (if (zerop jan-4) 7 jan-4) 3))))
    (cond ((< ordinal 1)
           (setq year (1- year))
           (setq ordinal (+ ordinal (iso8601--year-length year))))
          ((> ordinal (iso8601--year-length year))
           (setq ordinal (- ordinal (iso8601--year-length year)))
           (setq year (1+ year))))
    (let ((date (date-ordinal-to-time year ordinal)))
      (iso8601--decoded-time :year year
                             :month (decoded-time-month date)
                             :day (decoded-time-day date)))))

(defun iso8601-parse-date (string)
  "The decoded time of the ISO 8601 date STRING: calendar, week or ordinal form."
  (cond
   ((iso8601--match iso8601--year-match string)
    (iso8601--decoded-time :year (string-to-number string)))
   ((iso8601--match iso8601--full-date-match string)
    (iso8601--decoded-time :year (string-to-number (match-string 1 string))
                           :month (match-string 2 string)
                           :day (match-string 3 string)))
   ((iso8601--match iso8601--without-day-match string)
    (iso8601--decoded-time :year (string-to-number string)
                           :month (match-string 2 string)))
   ((iso8601--match iso8601--outdated-date-match string)
    (iso8601--decoded-time :month (match-string 1 string)
                           :day (match-string 2 string)))
   ((iso8601--match iso8601--week-date-match string)
    (let ((weekday (match-string 3 string)))
      (iso8601--week-date (string-to-number string)
                          (string-to-number (match-string 2 string))
                          (and weekday (string-to-number weekday)))))
   ((iso8601--match iso8601--ordinal-date-match string)
    (let* ((year (string-to-number (match-string 1 string)))
           (date (date-ordinal-to-time year (string-to-number (match-string 2 string)))))
      (iso8601--decoded-time :year year
                             :month (decoded-time-month date)
                             :day (decoded-time-day date))))
   ;; The truncated forms of ISO 8601:2000, --MM and ---DD.
   ((iso8601--match "--\\([0-9][0-9]\\)" string)
    (iso8601--decoded-time :month (match-string 1 string)))
   ((iso8601--match "---\\([0-9][0-9]\\)" string)
    (iso8601--decoded-time :day (match-string 1 string)))
   (t (iso8601--not-iso string))))

(defun iso8601-parse-time (string &optional form)
  "The decoded time of the ISO 8601 time of day STRING, with an optional zone.
Only the hour, minute, second and zone are set; missing minutes and seconds are 0.
A decimal fraction is dropped unless FORM is t; then it is kept in the seconds as
\(TICKS . HZ), or becomes seconds or minutes when it follows minutes or hours."
  (unless (iso8601--match iso8601--full-time-match string)
    (iso8601--not-iso string))
  (let ((time (match-string 1 string))
        (zone (match-string 2 string)))
    (unless (iso8601--match iso8601--time-match time)
      (iso8601--not-iso string))
    (let ((hour (string-to-number (match-string 1 time)))
          (minute (and (match-string 2 time) (string-to-number (match-string 2 time))))
          (second (and (match-string 3 time) (string-to-number (match-string 3 time))))
          (digits (replace-regexp-in-string "0+\\'" "" (match-string 4 time))))
      (when (and (eq form t) (> (length digits) 0))
        (let ((fraction (string-to-number digits))
              (hz (expt 10 (length digits))))
          (cond (second (setq second (cons (+ (* second hz) fraction) hz)))
                (minute (setq second (iso8601--decimalize fraction 60)))
                (t (setq minute (iso8601--decimalize fraction 60))))))
      (iso8601--decoded-time :hour hour
                             :minute (or minute 0)
                             :second (or second 0)
                             :zone (and zone (* 60 (iso8601-parse-zone zone)))))))

(defun iso8601-parse-zone (string)
  "The offset in minutes east of UTC of the ISO 8601 zone STRING (Z or +HH:MM)."
  (unless (iso8601--match iso8601--zone-match string)
    (iso8601--not-iso string))
  (let ((sign (match-string 2 string)))
    (if (not sign)
        0
      (* (if (equal sign "-") -1 1)
         (+ (* 60 (string-to-number (match-string 3 string)))
            (if (match-string 4 string) (string-to-number (match-string 4 string)) 0))))))

(defun iso8601-parse-duration (string)
  "The decoded time holding the ISO 8601 duration STRING, such as \"P1Y2M3DT4H5M6S\".
PnW gives its weeks as days; P followed by a date and time gives that date and time."
  (cond
   ((and (iso8601--match iso8601--duration-full-match string)
         ;; "P" and "PT" say nothing.
         (> (length string) 2))
    (let ((part (lambda (n) (or (match-string n string) 0))))
      (iso8601--decoded-time :year (funcall part 1) :month (funcall part 2)
                             :day (funcall part 3) :hour (funcall part 5)
                             :minute (funcall part 6) :second (funcall part 7))))
   ((iso8601--match iso8601--duration-week-match string)
    (iso8601--decoded-time :day (* 7 (string-to-number (match-string 1 string)))))
   ((iso8601--match iso8601--duration-combined-match string)
    (iso8601-parse (substring string 1)))
   (t (iso8601--not-iso string))))

(defun iso8601-parse-interval (string)
  "The ISO 8601 interval STRING as (START END DURATION), three decoded times.
STRING is START/END, START/DURATION or DURATION/END; the missing part is worked out.
Given START and END, DURATION is their difference as `decode-time' decodes it."
  (let ((parts (split-string string "/"))
        start end duration)
    (unless (= (length parts) 2)
      (iso8601--not-iso string))
    (let ((first (car parts)) (second (cadr parts)))
      (cond ((and (string-match "\\`P" first) (iso8601-valid-p second))
             (setq duration (iso8601-parse-duration first)
                   end (iso8601-parse second)))
            ((and (string-match "\\`P" second) (iso8601-valid-p first))
             (setq duration (iso8601-parse-duration second)
                   start (iso8601-parse first)))
            ((and (iso8601-valid-p first) (iso8601-valid-p second))
             (setq start (iso8601-parse first)
                   end (iso8601-parse second)))
            (t (iso8601--not-iso string))))
    (unless end
      (setq end (decoded-time-add start duration)))
    (unless start
      (setq start (decoded-time-add end (mapcar (lambda (field)
                                                  (if (numberp field) (- field) field))
                                                duration))))
    (list start end
          (or duration
              (decode-time (time-subtract (iso8601--encode-time end)
                                          (iso8601--encode-time start))
                           (or (decoded-time-zone end) 0)
                           'integer)))))

(provide 'iso8601)

;;; iso8601.el ends here
