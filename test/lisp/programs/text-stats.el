;;; text-stats.el --- a word frequency report with seq and pcase  -*- lexical-binding: t -*-

(require 'seq)
(require 'subr-x)
(require 'map)

(defconst text-stats-sample "
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A lisp is a list processor, and a list is the lisp's favourite data.
Numbers like 42 and 7 are not words, but they are tokens: 42, 42, 7.
")

(defun text-stats-tokens (text)
  (split-string (downcase text) "[^[:alnum:]']+" t))

(defun text-stats-classify (token)
  (pcase token
    ((pred (string-match-p "\\`[0-9]+\\'")) 'number)
    ((and (pred (string-suffix-p "'s")) (app length (pred (< 3)))) 'possessive)
    ((or "a" "an" "the") 'article)
    ((app length (and n (guard (<= n 3)))) 'short)
    (_ 'word)))

(let* ((tokens (text-stats-tokens text-stats-sample))
       (lines (seq-remove #'string-empty-p (split-string text-stats-sample "\n")))
       (groups (seq-group-by #'text-stats-classify tokens))
       (words (seq-filter (lambda (tok) (memq (text-stats-classify tok) '(word short possessive)))
                          tokens))
       (counts (let ((table (make-hash-table :test #'equal)))
                 (seq-doseq (w words) (cl-incf (gethash w table 0)))
                 table))
       (ranked (seq-take (seq-sort-by #'identity
                                      (lambda (a b) (or (> (cdr a) (cdr b))
                                                        (and (= (cdr a) (cdr b))
                                                             (string< (car a) (car b)))))
                                      (map-pairs counts))
                         5)))
  (princ (format "lines: %d, tokens: %d, distinct words: %d\n"
                 (length lines) (length tokens) (hash-table-count counts)))
  (pcase-dolist (`(,kind . ,members) (seq-sort-by (lambda (g) (symbol-name (car g)))
                                                  #'string< groups))
    (princ (format "  %-10s %2d  %s\n" kind (length members)
                   (string-join (seq-take (seq-uniq members) 4) ","))))
  (princ "top words:\n")
  (seq-do-indexed (pcase-lambda (`(,word . ,n) i)
                    (princ (format "  %d. %-8s %s\n" (1+ i) word (make-string n ?*))))
                  ranked)
  (princ (format "longest: %s\n" (seq-reduce (lambda (best w) (if (> (length w) (length best)) w best))
                                            words "")))
  (princ (format "numbers sum: %d\n" (apply #'+ (mapcar #'string-to-number
                                                         (alist-get 'number groups)))))
  (princ (format "average word length: %.2f\n"
                 (/ (float (apply #'+ (mapcar #'length words))) (length words))))
  (princ (format "line lengths: %S\n" (seq-map #'length lines))))
