;;; workloads.el --- list, string and hash-table workloads  -*- lexical-binding: t -*-

(defun bench-list (n)
  "Build a list of N integers, reverse it and sum it."
  (let ((l nil))
    (dotimes (i n)
      (setq l (cons i l)))
    (setq l (reverse l))
    (let ((sum 0))
      (while l
        (setq sum (+ sum (car l)))
        (setq l (cdr l)))
      sum)))

(defun bench-string (n)
  "Format N short strings and concatenate them."
  (let ((parts nil))
    (dotimes (i n)
      (setq parts (cons (format "%d:%s;" i (number-to-string (* i i))) parts)))
    (length (apply #'concat parts))))

(defun bench-hash (n)
  "Fill an equal hash table with N string keys and N integer keys, then look each up."
  (let ((h (make-hash-table :test 'equal))
        (hits 0))
    (dotimes (i n)
      (puthash i i h)
      (puthash (number-to-string i) i h))
    (dotimes (i n)
      (when (eql (gethash i h) (gethash (number-to-string i) h))
        (setq hits (1+ hits))))
    hits))
