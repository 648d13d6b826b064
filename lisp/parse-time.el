;;; parse-time.el --- read dates and times written in the usual ways  -*- lexical-binding: t -*-

;; `parse-time-string' reads ISO 8601 text with iso8601.el and anything else, such as
;; RFC 822 mail dates, by a table of rules (`parse-time-rules') applied to the words
;; and numbers of the lower-cased text, each filling the decoded-time fields it
;; recognises and that are still unset.

;;; Code:

(require 'cl-lib)
(require 'iso8601)

;; The token being classified and what its rule's test returned; dynamic so that the
;; functions in `parse-time-rules' can see them.  Given values, because pdmacs makes a
;; variable special only through a `defvar' that has one.
(defvar parse-time-elt nil)
(defvar parse-time-val nil)

(defsubst parse-time-string-chars (char)
  "The class of CHAR for `parse-time-tokenize', or nil if it separates tokens.
?a for lower-case letters, ?0 for digits, 1 for +, -1 for -, ?d for a colon."
  (cond ((<= ?a char ?z) ?a)
        ((<= ?0 char ?9) ?0)
        ((eq char ?+) 1)
        ((eq char ?-) -1)
        ((eq char ?:) ?d)))

(defun parse-time-tokenize (string)
  "The tokens of STRING: its runs of lower-case letters, digits, +, - and colons.
A run of digits alone becomes an integer, any other run a string; everything else,
upper-case letters included, only separates tokens."
  (let ((tokens nil)
        (end (length string))
        (i 0))
    (while (< i end)
      (if (not (parse-time-string-chars (aref string i)))
          (setq i (1+ i))
        (let ((start i)
              (digits t))
          (while (and (< i end) (parse-time-string-chars (aref string i)))
            (unless (eq (parse-time-string-chars (aref string i)) ?0)
              (setq digits nil))
            (setq i (1+ i)))
          (push (if digits
                    (cl-parse-integer string :start start :end i)
                  (substring string start i))
                tokens))))
    (nreverse tokens)))

(defvar parse-time-months
  '(("jan" . 1) ("feb" . 2) ("mar" . 3) ("apr" . 4) ("may" . 5) ("jun" . 6)
    ("jul" . 7) ("aug" . 8) ("sep" . 9) ("oct" . 10) ("nov" . 11) ("dec" . 12)
    ("january" . 1) ("february" . 2) ("march" . 3) ("april" . 4) ("june" . 6)
    ("july" . 7) ("august" . 8) ("september" . 9) ("october" . 10)
    ("november" . 11) ("december" . 12))
  "Month names in lower case, with their numbers.")

(defvar parse-time-weekdays
  '(("sun" . 0) ("mon" . 1) ("tue" . 2) ("wed" . 3) ("thu" . 4) ("fri" . 5)
    ("sat" . 6) ("sunday" . 0) ("monday" . 1) ("tuesday" . 2) ("wednesday" . 3)
    ("thursday" . 4) ("friday" . 5) ("saturday" . 6))
  "Weekday names in lower case, with their numbers (0 for Sunday).")

(defvar parse-time-zoneinfo
  (let ((hours (lambda (n) (* n 3600))))
    `(("z" 0) ("ut" 0) ("gmt" 0)
      ("pst" ,(funcall hours -8)) ("pdt" ,(funcall hours -7) t)
      ("mst" ,(funcall hours -7)) ("mdt" ,(funcall hours -6) t)
      ("cst" ,(funcall hours -6)) ("cdt" ,(funcall hours -5) t)
      ("est" ,(funcall hours -5)) ("edt" ,(funcall hours -4) t)))
  "Zone names in lower case: (NAME OFFSET-IN-SECONDS [DST]).")

(defun parse-time--shaped-p (length &rest chars)
  "Non-nil if `parse-time-elt' is a string of LENGTH with CHARS at their positions.
CHARS alternate positions and characters."
  (and (stringp parse-time-elt)
       (= (length parse-time-elt) length)
       (let ((ok t))
         (while (and ok chars)
           (setq ok (eq (aref parse-time-elt (car chars)) (cadr chars)))
           (setq chars (cddr chars)))
         ok)))

(defvar parse-time-rules
  (list
   '((6) parse-time-weekdays)
   '((3) (1 31))
   '((4) parse-time-months)
   '((5) (100))
   ;; HH:MM:SS
   (list '(2 1 0) (lambda () (parse-time--shaped-p 8 2 ?: 5 ?:)) [0 2] [3 5] [6 8])
   (list '(8 7) 'parse-time-zoneinfo
         (lambda () (car parse-time-val))
         (lambda () (cadr parse-time-val)))
   ;; +HHMM or -HHMM
   (list '(8)
         (lambda () (and (stringp parse-time-elt)
                         (= (length parse-time-elt) 5)
                         (memq (aref parse-time-elt 0) '(?+ ?-))))
         (lambda ()
           (* (if (eq (aref parse-time-elt 0) ?-) -1 1)
              60 (+ (* 60 (cl-parse-integer parse-time-elt :start 1 :end 3))
                    (cl-parse-integer parse-time-elt :start 3 :end 5)))))
   ;; YYYY-MM-DD
   (list '(5 4 3) (lambda () (parse-time--shaped-p 10 4 ?- 7 ?-)) [0 4] [5 7] [8 10])
   ;; HH:MM, H:MM and H:MM:SS
   (list '(2 1 0) (lambda () (parse-time--shaped-p 5 2 ?:)) [0 2] [3 5] (lambda () 0))
   (list '(2 1 0) (lambda () (parse-time--shaped-p 4 1 ?:)) [0 1] [2 4] (lambda () 0))
   (list '(2 1 0) (lambda () (parse-time--shaped-p 7 1 ?:)) [0 1] [2 4] [5 7])
   ;; Two-digit years: 50 to 99 (and up to 110) are 19xx, 0 to 49 are 20xx.
   (list '(5) '(50 110) (lambda () (+ 1900 parse-time-elt)))
   (list '(5) '(0 49) (lambda () (+ 2000 parse-time-elt))))
  "How `parse-time-string' reads a token: a list of (SLOTS TEST EXTRACTOR...).
SLOTS are indexes in the decoded time; the rule applies only while the first is
unset.  TEST is (LOW [HIGH]) for a number in that range, a symbol whose value is an
alist from token to value, or a function of no arguments.  The token is the value of
`parse-time-elt' and what TEST returned that of `parse-time-val'.  Each EXTRACTOR
gives the value of the matching slot: a vector [START END] is the integer at those
positions of the token, a function is called; with no extractors the one slot gets
TEST's value.")
(put 'parse-time-rules 'risky-local-variable t)

(defun parse-time--test (test)
  "What TEST of a `parse-time-rules' rule says about `parse-time-elt', or nil."
  (cond ((and (consp test) (not (functionp test)))
         (and (numberp parse-time-elt)
              (<= (car test) parse-time-elt)
              (or (null (cdr test)) (<= parse-time-elt (cadr test)))
              parse-time-elt))
        ((symbolp test)
         (cdr (assoc parse-time-elt (symbol-value test))))
        (t (funcall test))))

(defun parse-time--apply-rules (time)
  "Fill TIME's fields from `parse-time-elt' by the first rule that takes it."
  (let ((rules parse-time-rules)
        (done nil))
    (while (and rules (not done))
      (let* ((rule (car rules))
             (slots (car rule))
             (extractors (cddr rule)))
        (setq rules (cdr rules))
        (unless (nth (car slots) time)
          (let ((parse-time-val (parse-time--test (cadr rule))))
            (when parse-time-val
              (setq done t)
              (dolist (slot slots)
                (setf (nth slot time)
                      (if (null extractors)
                          parse-time-val
                        (let ((extractor (pop extractors)))
                          (if (vectorp extractor)
                              (cl-parse-integer parse-time-elt
                                                :start (aref extractor 0)
                                                :end (aref extractor 1))
                            (funcall extractor)))))))))))))

(defun parse-time-string (string)
  "The decoded time (SEC MIN HOUR DAY MON YEAR DOW DST TZ) written in STRING.
ISO 8601 text such as \"2020-01-15T16:12:21-08:00\" is read by `iso8601-parse';
other text, such as \"Wed, 15 Jan 2020 16:12:21 -0800\", leniently, word by word.
Fields the text does not give are nil, except DST, which is then -1."
  (condition-case nil
      (iso8601-parse string)
    (wrong-type-argument
     (let ((time (list nil nil nil nil nil nil nil -1 nil)))
       (dolist (parse-time-elt (parse-time-tokenize (downcase string)))
         (parse-time--apply-rules time))
       time))))

(defun parse-iso8601-time-string (date-string)
  "The time value of DATE-STRING, read as `parse-time-string' reads it."
  (let ((time (parse-time-string date-string)))
    (when time
      (encode-time time))))

(provide 'parse-time)

;;; parse-time.el ends here
