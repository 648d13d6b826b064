;;; seq.el --- sequence functions for lists, vectors and strings  -*- lexical-binding: t -*-

;; The same operations on every kind of sequence.  Functions that return "a
;; sequence" keep the type of their argument (`seq-take', `seq-drop',
;; `seq-reverse', `seq-sort'...); those that select or transform elements
;; return a list (`seq-filter', `seq-map', `seq-uniq'...), as GNU Emacs does.

(defun seq--into-like (list sequence)
  "LIST converted to the type of SEQUENCE."
  (cond ((listp sequence) list)
        ((stringp sequence) (concat list))
        (t (vconcat list))))

(defun seqp (object) "Non-nil if OBJECT is a sequence." (sequencep object))
(defun seq-elt (sequence n) "Element N of SEQUENCE." (elt sequence n))
(gv-define-setter seq-elt (val sequence n) `(setf (elt ,sequence ,n) ,val))
(defun seq-length (sequence) "The number of elements of SEQUENCE." (length sequence))
(defun seq-empty-p (sequence) "Non-nil if SEQUENCE is empty." (= (length sequence) 0))
(defun seq-first (sequence) "The first element of SEQUENCE." (elt sequence 0))

(defun seq-rest (sequence)
  "SEQUENCE without its first element."
  (if (listp sequence) (cdr sequence) (seq-subseq sequence 1)))

(defun seq-do (function sequence)
  "Call FUNCTION on each element of SEQUENCE; return SEQUENCE."
  (mapc function sequence))

(defmacro seq-doseq (spec &rest body)
  "Run BODY with VAR bound to each element: (seq-doseq (VAR SEQUENCE) BODY...)."
  (declare (indent 1))
  `(progn (seq-do (lambda (,(car spec)) ,@body) ,(car (cdr spec))) nil))

(defun seq-do-indexed (function sequence)
  "Call FUNCTION with each element of SEQUENCE and its index."
  (let ((i 0))
    (seq-do (lambda (elt) (funcall function elt i) (setq i (1+ i))) sequence))
  nil)

(defun seq-map (function sequence)
  "The list of FUNCTION's results on the elements of SEQUENCE."
  (mapcar function sequence))

(require 'cl-lib)

(defun seq-map-indexed (function sequence)
  "The list of FUNCTION's results on each element and its index."
  (let ((i -1))
    (mapcar (lambda (elt) (setq i (1+ i)) (funcall function elt i)) sequence)))

(defun seq-mapn (function sequence &rest sequences)
  "FUNCTION applied to the elements of the sequences taken in parallel."
  (cl--mapcar-many function (cons sequence sequences)))

(defun seq-mapcat (function sequence &optional type)
  "The results of FUNCTION on SEQUENCE's elements, concatenated (as TYPE)."
  (apply #'seq-concatenate (or type 'list) (seq-map function sequence)))

(defun seq-filter (pred sequence)
  "The list of the elements of SEQUENCE that satisfy PRED."
  (let ((result nil))
    (seq-do (lambda (elt) (when (funcall pred elt) (push elt result))) sequence)
    (nreverse result)))

(defun seq-remove (pred sequence)
  "The list of the elements of SEQUENCE that do not satisfy PRED."
  (seq-filter (lambda (elt) (not (funcall pred elt))) sequence))

(defun seq-keep (function sequence)
  "The non-nil results of FUNCTION on the elements of SEQUENCE."
  (delq nil (seq-map function sequence)))

(defun seq-reduce (function sequence initial-value)
  "Combine INITIAL-VALUE and SEQUENCE's elements with FUNCTION, left to right."
  (let ((acc initial-value))
    (seq-do (lambda (elt) (setq acc (funcall function acc elt))) sequence)
    acc))

(defun seq-some (pred sequence)
  "The first non-nil value of PRED on an element of SEQUENCE."
  (catch 'seq--break
    (seq-do (lambda (elt) (let ((v (funcall pred elt))) (when v (throw 'seq--break v))))
            sequence)
    nil))

(defun seq-every-p (pred sequence)
  "Non-nil if PRED is true of every element of SEQUENCE."
  (catch 'seq--break
    (seq-do (lambda (elt) (unless (funcall pred elt) (throw 'seq--break nil))) sequence)
    t))

(defun seq-find (pred sequence &optional default)
  "The first element of SEQUENCE satisfying PRED, or DEFAULT."
  (catch 'seq--break
    (seq-do (lambda (elt) (when (funcall pred elt) (throw 'seq--break elt))) sequence)
    default))

(defun seq-count (pred sequence)
  "The number of elements of SEQUENCE satisfying PRED."
  (let ((n 0))
    (seq-do (lambda (elt) (when (funcall pred elt) (setq n (1+ n)))) sequence)
    n))

(defun seq-contains-p (sequence elt &optional testfn)
  "Non-nil (t) if SEQUENCE has an element equal to ELT (by TESTFN)."
  (catch 'seq--break
    (seq-do (lambda (e) (when (funcall (or testfn #'equal) elt e) (throw 'seq--break t)))
            sequence)
    nil))

(defun seq-position (sequence elt &optional testfn)
  "The index of the first element of SEQUENCE equal to ELT (by TESTFN)."
  (let ((i 0))
    (catch 'seq--break
      (seq-do (lambda (e)
                (when (funcall (or testfn #'equal) e elt) (throw 'seq--break i))
                (setq i (1+ i)))
              sequence)
      nil)))

(defun seq-positions (sequence elt &optional testfn)
  "The indexes of the elements of SEQUENCE that match ELT by TESTFN."
  (let ((i -1) (result nil))
    (seq-do (lambda (e)
              (setq i (1+ i))
              (when (funcall (or testfn #'equal) e elt) (push i result)))
            sequence)
    (nreverse result)))

(defun seq-uniq (sequence &optional testfn)
  "The list of SEQUENCE's elements without duplicates (by TESTFN)."
  (let ((result nil))
    (seq-do (lambda (elt) (unless (seq-contains-p result elt testfn) (push elt result)))
            sequence)
    (nreverse result)))

(defun seq-subseq (sequence start &optional end)
  "The part of SEQUENCE from START to END; negative values count from the end."
  (cond
   ((or (stringp sequence) (vectorp sequence)) (substring sequence start end))
   ((listp sequence)
    (let* ((len (length sequence))
           (s (if (< start 0) (+ len start) start))
           (e (cond ((null end) len) ((< end 0) (+ len end)) (t end))))
      (when (or (< s 0) (> s len) (> e len) (> s e))
        (error "Bad bounding indices: %s, %s" start end))
      (subr--first-n (nthcdr s sequence) (- e s))))
   (t (error "Unsupported sequence: %s" sequence))))

(defun seq-take (sequence n)
  "The first N elements of SEQUENCE, as a sequence of its type."
  (if (listp sequence)
      (subr--first-n sequence n)
    (seq-subseq sequence 0 (min (max n 0) (length sequence)))))

(defun seq-drop (sequence n)
  "SEQUENCE without its first N elements."
  (cond ((<= n 0) sequence)
        ((listp sequence) (nthcdr n sequence))
        (t (seq-subseq sequence (min n (length sequence))))))

(defun seq-take-while (pred sequence)
  "The leading elements of SEQUENCE that satisfy PRED."
  (seq-take sequence (seq--count-while pred sequence)))

(defun seq-drop-while (pred sequence)
  "SEQUENCE without its leading elements that satisfy PRED."
  (seq-drop sequence (seq--count-while pred sequence)))

(defun seq--count-while (pred sequence)
  (let ((n 0))
    (catch 'seq--break
      (seq-do (lambda (elt) (if (funcall pred elt) (setq n (1+ n)) (throw 'seq--break nil)))
              sequence))
    n))

(defun seq-reverse (sequence)
  "SEQUENCE in reverse order, as a sequence of its type."
  (reverse sequence))

(defun seq-sort (pred sequence)
  "A sorted copy of SEQUENCE, ordered by PRED."
  (let ((sorted (sort (append sequence nil) pred)))
    (seq--into-like sorted sequence)))

(defun seq-sort-by (function pred sequence)
  "SEQUENCE sorted by PRED applied to the results of FUNCTION."
  (seq-sort (lambda (a b) (funcall pred (funcall function a) (funcall function b)))
            sequence))

(defun seq-concatenate (type &rest sequences)
  "The concatenation of SEQUENCES as a sequence of TYPE (list, vector, string)."
  (cl-case type
    (list (apply #'append (append sequences '(nil))))
    (vector (apply #'vconcat sequences))
    (string (apply #'concat sequences))
    (t (error "Not a sequence type name: %S" type))))

(defun seq-into (sequence type)
  "SEQUENCE converted to TYPE (list, vector or string)."
  (cl-case type
    (list (append sequence nil))
    (vector (if (vectorp sequence) sequence (vconcat sequence)))
    (string (if (stringp sequence) sequence (concat sequence)))
    (t (error "Not a sequence type name: %S" type))))

(defun seq-min (sequence) "The smallest number in SEQUENCE." (apply #'min (append sequence nil)))
(defun seq-max (sequence) "The largest number in SEQUENCE." (apply #'max (append sequence nil)))

(defun seq-partition (sequence n)
  "SEQUENCE cut into subsequences of N elements (the last may be shorter)."
  (when (> n 0)
    (let ((result nil))
      (while (not (seq-empty-p sequence))
        (push (seq-take sequence n) result)
        (setq sequence (seq-drop sequence n)))
      (nreverse result))))

(defun seq-group-by (function sequence)
  "An alist grouping SEQUENCE's elements by the value of FUNCTION on them."
  (seq-reduce (lambda (acc elt)
                (let* ((key (funcall function elt))
                       (cell (assoc key acc)))
                  (if cell (progn (setcdr cell (cons elt (cdr cell))) acc)
                    (cons (list key elt) acc))))
              (seq-reverse sequence)
              nil))

(defun seq-difference (sequence1 sequence2 &optional testfn)
  "The elements of SEQUENCE1 that are not in SEQUENCE2."
  (seq-remove (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

(defun seq-intersection (sequence1 sequence2 &optional testfn)
  "The elements of SEQUENCE1 that are also in SEQUENCE2."
  (seq-filter (lambda (elt) (seq-contains-p sequence2 elt testfn)) sequence1))

(defun seq-union (sequence1 sequence2 &optional testfn)
  "The elements of SEQUENCE1 or SEQUENCE2, without duplicates."
  (seq-uniq (append sequence1 sequence2 nil) testfn))

(defun seq-set-equal-p (sequence1 sequence2 &optional testfn)
  "Non-nil if the two sequences have the same elements, in any order."
  (and (seq-every-p (lambda (e) (seq-contains-p sequence2 e testfn)) sequence1)
       (seq-every-p (lambda (e) (seq-contains-p sequence1 e testfn)) sequence2)))

(defun seq-random-elt (sequence)
  "A random element of SEQUENCE."
  (if (seq-empty-p sequence)
      (error "Sequence cannot be empty")
    (elt sequence (random (length sequence)))))

(defun seq--let-bindings (args sequence)
  "The `let*' bindings for `seq-let' ARGS from the variable SEQUENCE."
  (let ((bindings nil) (i 0) (rest nil))
    (while args
      (let ((arg (car args)))
        (cond (rest (push (list arg `(seq-drop ,sequence ,i)) bindings) (setq rest nil))
              ((eq arg '&rest) (setq rest t))
              ((symbolp arg)
               (push (list arg `(and (< ,i (length ,sequence)) (elt ,sequence ,i))) bindings)
               (setq i (1+ i)))
              (t (let ((sub (make-symbol "sub")))
                   (push (list sub `(and (< ,i (length ,sequence)) (elt ,sequence ,i)))
                         bindings)
                   (setq bindings (append (reverse (seq--let-bindings arg sub)) bindings))
                   (setq i (1+ i))))))
      (setq args (cdr args)))
    (nreverse bindings)))

(defmacro seq-let (args sequence &rest body)
  "Bind the variables in ARGS to the elements of SEQUENCE, then run BODY."
  (declare (indent 2))
  (let ((seq (make-symbol "seq")))
    `(let* ((,seq ,sequence) ,@(seq--let-bindings args seq))
       ,@body)))

;;;; Obsolete and generic-protocol helpers.

(defalias 'seq-each #'seq-do)

(defun seq-copy (sequence)
  "A shallow copy of SEQUENCE."
  (copy-sequence sequence))

(defun seq-into-sequence (sequence)
  "SEQUENCE itself; an error if it is not a sequence."
  (unless (sequencep sequence)
    (error "Cannot convert %S into a sequence" sequence))
  sequence)

(defun seq-contains (sequence elt &optional testfn)
  "The first element of SEQUENCE equal to ELT (by TESTFN), or nil."
  (seq-some (lambda (e) (and (funcall (or testfn #'equal) elt e) e)) sequence))
(make-obsolete 'seq-contains 'seq-contains-p "27.1")

;;;; The `seq' pcase pattern.

(defun seq--elt-safe (sequence n)
  "Element N of SEQUENCE, or nil when it has no such element."
  (ignore-errors (seq-elt sequence n)))

(defun seq--make-pcase-bindings (patterns)
  "Patterns matching the elements of a sequence against PATTERNS;
after `&rest', the pattern is matched against the remaining elements.
They come last element first, as in GNU Emacs: `pcase-setq' assigns the
variables in that order."
  (let ((result nil) (i 0))
    (while patterns
      (if (eq (car patterns) '&rest)
          (progn (push `(app (pcase--flip seq-drop ,i) ,(car (cdr patterns))) result)
                 (setq patterns nil))
        (push `(app (pcase--flip seq--elt-safe ,i) ,(car patterns)) result)
        (setq i (1+ i)
              patterns (cdr patterns))))
    result))

(pcase-defmacro seq (&rest patterns)
  "Match a sequence whose elements match PATTERNS, one by one.
Missing elements match as nil and extra ones are ignored; `&rest' PAT matches
PAT against the rest of the sequence."
  `(and (pred seqp) ,@(seq--make-pcase-bindings patterns)))

(defmacro seq-setq (args sequence)
  "Assign the variables of ARGS, a `seq-let' list, from SEQUENCE's elements."
  `(pcase-setq ,(seq--pcase-pattern args) ,sequence))

(defun seq--pcase-pattern (args)
  "The `seq' pattern for the `seq-let' argument list ARGS."
  (cons 'seq (mapcar (lambda (arg) (if (consp arg) (seq--pcase-pattern arg) arg))
                     args)))

(provide 'seq)

;;; seq.el ends here
