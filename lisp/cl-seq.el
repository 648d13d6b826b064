;;; cl-seq.el --- more Common Lisp sequence and tree functions  -*- lexical-binding: t -*-

;; The sequence functions cl-lib.el leaves out: filling, substituting in
;; place, comparing and searching subsequences, merging, the -if variants of
;; the association and membership functions, the destructive set functions,
;; and substitution in trees.  They take the keywords of the others (:test,
;; :test-not, :key, :start, :end, :count, :from-end) and the helpers of
;; cl-lib.el build their predicates.

(require 'cl-lib)
(require 'cl-extra)

(defun cl--not-function (pred)
  (lambda (x) (not (funcall pred x))))

(defun cl--seq-bounds (seq keys start-key end-key)
  "The (START . END) KEYS give SEQ under START-KEY and END-KEY.  As in Emacs,
bounds past the end of SEQ are not an error: they stop at its end."
  (let* ((len (length seq))
         (end (min len (or (plist-get keys end-key) len)))
         (start (min end (or (plist-get keys start-key) 0))))
    (cons start end)))

;;;; Filling and substituting.

(defun cl-fill (seq item &rest keys)
  "Store ITEM in the elements of SEQ between :start and :end; return SEQ."
  (let* ((bounds (cl--seq-bounds seq keys :start :end))
         (i (car bounds)))
    (if (listp seq)
        (let ((tail (nthcdr i seq)))
          (while (< i (cdr bounds))
            (setcar tail item)
            (setq tail (cdr tail) i (1+ i))))
      (while (< i (cdr bounds))
        (aset seq i item)
        (setq i (1+ i))))
    seq))

(defun cl--nsubstitute (new pred seq keys)
  "Replace by NEW, in SEQ itself, the elements satisfying PRED within the
:start and :end of KEYS, at most :count of them (the last ones when
:from-end).  Return SEQ."
  (let* ((bounds (cl--seq-bounds seq keys :start :end))
         (count (plist-get keys :count))
         (indexes nil))
    (unless (and count (<= count 0))
      (let ((i (car bounds)))
        (if (listp seq)
            (let ((tail (nthcdr i seq)))
              (while (< i (cdr bounds))
                (when (funcall pred (car tail)) (push tail indexes))
                (setq tail (cdr tail) i (1+ i))))
          (while (< i (cdr bounds))
            (when (funcall pred (aref seq i)) (push i indexes))
            (setq i (1+ i)))))
      ;; INDEXES is last first: the order :from-end counts in.
      (unless (plist-get keys :from-end) (setq indexes (nreverse indexes)))
      (when (and count (< count (length indexes)))
        (setcdr (nthcdr (1- count) indexes) nil))
      (dolist (place indexes)
        (if (consp place) (setcar place new) (aset seq place new))))
    seq))

(defun cl-nsubstitute (new old seq &rest keys)
  "Replace by NEW, in SEQ itself, the elements matching OLD; return SEQ.
Keywords: :test :test-not :key :count :start :end :from-end."
  (cl--nsubstitute new (cl--test-function old keys) seq keys))

(defun cl-nsubstitute-if (new pred seq &rest keys)
  "Replace by NEW, in SEQ itself, the elements satisfying PRED; return SEQ."
  (cl--nsubstitute new (cl--if-function pred keys) seq keys))

(defun cl-nsubstitute-if-not (new pred seq &rest keys)
  "Replace by NEW, in SEQ itself, the elements not satisfying PRED."
  (cl--nsubstitute new (cl--if-function (cl--not-function pred) keys) seq keys))

(defun cl-substitute (new old seq &rest keys)
  "A copy of SEQ with the elements matching OLD replaced by NEW.
Keywords: :test :test-not :key :count :start :end :from-end."
  (cl--nsubstitute new (cl--test-function old keys) (copy-sequence seq) keys))

(defun cl-substitute-if (new pred seq &rest keys)
  "A copy of SEQ with the elements satisfying PRED replaced by NEW."
  (cl--nsubstitute new (cl--if-function pred keys) (copy-sequence seq) keys))

(defun cl-substitute-if-not (new pred seq &rest keys)
  "A copy of SEQ with the elements not satisfying PRED replaced by NEW."
  (cl--nsubstitute new (cl--if-function (cl--not-function pred) keys)
                   (copy-sequence seq) keys))

(defun cl-count-if-not (pred seq &rest keys)
  "The number of elements of SEQ not satisfying PRED."
  (cl--count (cl--if-function (cl--not-function pred) keys) seq keys))

;;;; Comparing, searching and merging.

(defun cl--pair-test (keys)
  "A function of two elements: non-nil if they match by the :test, :test-not
and :key of KEYS."
  (let ((test (plist-get keys :test))
        (test-not (plist-get keys :test-not))
        (key (or (plist-get keys :key) #'identity)))
    (lambda (a b)
      (let ((a (funcall key a)) (b (funcall key b)))
        (cond (test (funcall test a b))
              (test-not (not (funcall test-not a b)))
              (t (eql a b)))))))

(defun cl-mismatch (seq1 seq2 &rest keys)
  "The index in SEQ1 of its first element that differs from SEQ2's at the
same offset (from :start1 and :start2), or nil if the two parts match.
With :from-end, compare from :end1 and :end2 backwards and return the index
of the last differing element.  Keywords: :test :test-not :key."
  (let* ((same (cl--pair-test keys))
         (b1 (cl--seq-bounds seq1 keys :start1 :end1))
         (b2 (cl--seq-bounds seq2 keys :start2 :end2))
         (s1 (car b1)) (e1 (cdr b1))
         (s2 (car b2)) (e2 (cdr b2)))
    (if (plist-get keys :from-end)
        (progn
          (while (and (< s1 e1) (< s2 e2)
                      (funcall same (elt seq1 (1- e1)) (elt seq2 (1- e2))))
            (setq e1 (1- e1) e2 (1- e2)))
          (and (or (< s1 e1) (< s2 e2)) (1- e1)))
      (let ((tail1 (and (listp seq1) (nthcdr s1 seq1)))
            (tail2 (and (listp seq2) (nthcdr s2 seq2))))
        (while (and (< s1 e1) (< s2 e2)
                    (funcall same (if (listp seq1) (car tail1) (aref seq1 s1))
                             (if (listp seq2) (car tail2) (aref seq2 s2))))
          (setq s1 (1+ s1) s2 (1+ s2)
                tail1 (cdr tail1) tail2 (cdr tail2)))
        (and (or (< s1 e1) (< s2 e2)) s1)))))

(defun cl-search (seq1 seq2 &rest keys)
  "The index in SEQ2 where the part of SEQ1 between :start1 and :end1 first
occurs (last with :from-end), searching between :start2 and :end2, or nil.
Keywords: :test :test-not :key."
  (let* ((same (cl--pair-test keys))
         (b1 (cl--seq-bounds seq1 keys :start1 :end1))
         (b2 (cl--seq-bounds seq2 keys :start2 :end2))
         (pattern (append (cl-subseq seq1 (car b1) (cdr b1)) nil))
         (target (vconcat (cl-subseq seq2 (car b2) (cdr b2))))
         (n (length pattern))
         (last (- (length target) n))
         (from-end (plist-get keys :from-end))
         (i (if from-end last 0))
         (found nil))
    (while (and (not found) (<= 0 i last))
      (let ((p pattern) (j i))
        (while (and p (funcall same (car p) (aref target j)))
          (setq p (cdr p) j (1+ j)))
        (if (null p)
            (setq found (+ i (car b2)))
          (setq i (if from-end (1- i) (1+ i))))))
    found))

(defun cl-merge (type seq1 seq2 pred &rest keys)
  "The elements of SEQ1 and SEQ2, both sorted by PRED, merged into one sorted
sequence of TYPE.  Of two equal elements, SEQ1's comes first.  Keyword :key.
The arguments may be destroyed."
  (let ((key (or (plist-get keys :key) #'identity))
        (list1 (append seq1 nil))
        (list2 (append seq2 nil))
        (result nil))
    (while (and list1 list2)
      (push (if (funcall pred (funcall key (car list2)) (funcall key (car list1)))
                (pop list2)
              (pop list1))
            result))
    (cl-coerce (nconc (nreverse result) list1 list2) type)))

;;;; Alists and membership.

(defun cl-assoc-if (pred alist &rest keys)
  "The first element of ALIST whose car satisfies PRED (after :key)."
  (let ((pred (cl--if-function pred keys)))
    (cl-find-if (lambda (cell) (and (consp cell) (funcall pred (car cell)))) alist)))

(defun cl-assoc-if-not (pred alist &rest keys)
  "The first element of ALIST whose car does not satisfy PRED."
  (apply #'cl-assoc-if (cl--not-function pred) alist keys))

(defun cl-rassoc-if (pred alist &rest keys)
  "The first element of ALIST whose cdr satisfies PRED (after :key)."
  (let ((pred (cl--if-function pred keys)))
    (cl-find-if (lambda (cell) (and (consp cell) (funcall pred (cdr cell)))) alist)))

(defun cl-rassoc-if-not (pred alist &rest keys)
  "The first element of ALIST whose cdr does not satisfy PRED."
  (apply #'cl-rassoc-if (cl--not-function pred) alist keys))

(defun cl-member-if (pred list &rest keys)
  "The tail of LIST starting at the first element satisfying PRED."
  (let ((pred (cl--if-function pred keys)))
    (while (and list (not (funcall pred (car list))))
      (setq list (cdr list)))
    list))

(defun cl-member-if-not (pred list &rest keys)
  "The tail of LIST starting at the first element not satisfying PRED."
  (apply #'cl-member-if (cl--not-function pred) list keys))

;;;; Sets.  The destructive versions may reuse their arguments' conses; these
;;;; give the same results as the copying ones.

(defun cl-nunion (list1 list2 &rest keys)
  "Like `cl-union'; the lists may be modified."
  (apply #'cl-union list1 list2 keys))

(defun cl-nintersection (list1 list2 &rest keys)
  "Like `cl-intersection'; the lists may be modified."
  (and list1 list2 (apply #'cl-intersection list1 list2 keys)))

(defun cl-nset-difference (list1 list2 &rest keys)
  "Like `cl-set-difference'; LIST1 may be modified."
  (if (or (null list1) (null list2))
      list1
    (apply #'cl-set-difference list1 list2 keys)))

(defun cl-set-exclusive-or (list1 list2 &rest keys)
  "The elements that are in exactly one of LIST1 and LIST2."
  (cond ((null list1) list2)
        ((null list2) list1)
        ((equal list1 list2) nil)
        (t (append (apply #'cl-set-difference list1 list2 keys)
                   (apply #'cl-set-difference list2 list1 keys)))))

(defun cl-nset-exclusive-or (list1 list2 &rest keys)
  "Like `cl-set-exclusive-or'; the lists may be modified."
  (apply #'cl-set-exclusive-or list1 list2 keys))

;;;; Trees.

(defun cl--subst-tree (replacement tree)
  "TREE with each subtree (a cons or an atom) for which REPLACEMENT gives a
cons (NEW) replaced by NEW.  Unchanged parts are shared with TREE."
  (let ((new (funcall replacement tree)))
    (cond (new (car new))
          ((consp tree)
           (let ((a (cl--subst-tree replacement (car tree)))
                 (d (cl--subst-tree replacement (cdr tree))))
             (if (and (eq a (car tree)) (eq d (cdr tree)))
                 tree
               (cons a d))))
          (t tree))))

(defun cl--nsubst-tree (replacement tree)
  "Like `cl--subst-tree', changing TREE's conses in place."
  (let ((new (funcall replacement tree)))
    (if new
        (car new)
      (let ((cell tree))
        (while (consp cell)
          (setcar cell (cl--nsubst-tree replacement (car cell)))
          (let ((next (funcall replacement (cdr cell))))
            (if next
                (progn (setcdr cell (car next)) (setq cell nil))
              (setq cell (cdr cell))))))
      tree)))

(defun cl--subst-replacement (new pred)
  (lambda (x) (and (funcall pred x) (list new))))

(defun cl--sublis-replacement (alist keys)
  (let ((key (or (plist-get keys :key) #'identity))
        (test (plist-get keys :test))
        (test-not (plist-get keys :test-not)))
    (lambda (x)
      (let ((k (funcall key x))
            (pairs alist)
            (found nil))
        (while (and pairs (not found))
          (let ((pair (car pairs)))
            (when (cond (test (funcall test (car pair) k))
                        (test-not (not (funcall test-not (car pair) k)))
                        (t (eql (car pair) k)))
              (setq found (list (cdr pair)))))
          (setq pairs (cdr pairs)))
        found))))

(defun cl-subst (new old tree &rest keys)
  "A copy of TREE with the subtrees matching OLD replaced by NEW.
Keywords: :test :test-not :key."
  (cl--subst-tree (cl--subst-replacement new (cl--test-function old keys)) tree))

(defun cl-subst-if (new pred tree &rest keys)
  "A copy of TREE with the subtrees satisfying PRED replaced by NEW."
  (cl--subst-tree (cl--subst-replacement new (cl--if-function pred keys)) tree))

(defun cl-subst-if-not (new pred tree &rest keys)
  "A copy of TREE with the subtrees not satisfying PRED replaced by NEW."
  (cl--subst-tree (cl--subst-replacement
                   new (cl--if-function (cl--not-function pred) keys))
                  tree))

(defun cl-nsubst (new old tree &rest keys)
  "Like `cl-subst', modifying TREE."
  (cl--nsubst-tree (cl--subst-replacement new (cl--test-function old keys)) tree))

(defun cl-nsubst-if (new pred tree &rest keys)
  "Like `cl-subst-if', modifying TREE."
  (cl--nsubst-tree (cl--subst-replacement new (cl--if-function pred keys)) tree))

(defun cl-nsubst-if-not (new pred tree &rest keys)
  "Like `cl-subst-if-not', modifying TREE."
  (cl--nsubst-tree (cl--subst-replacement
                    new (cl--if-function (cl--not-function pred) keys))
                   tree))

(defun cl-sublis (alist tree &rest keys)
  "A copy of TREE with each subtree matching the car of an element of ALIST
replaced by its cdr.  Keywords: :test :test-not :key."
  (cl--subst-tree (cl--sublis-replacement alist keys) tree))

(defun cl-nsublis (alist tree &rest keys)
  "Like `cl-sublis', modifying TREE."
  (cl--nsubst-tree (cl--sublis-replacement alist keys) tree))

(defun cl-tree-equal (x y &rest keys)
  "Non-nil if the trees X and Y have the same shape and matching leaves
\(by :test or :test-not, after :key; default `eql')."
  (cl--tree-equal x y (cl--pair-test keys)))

(defun cl--tree-equal (x y same)
  (while (and (consp x) (consp y) (cl--tree-equal (car x) (car y) same))
    (setq x (cdr x) y (cdr y)))
  (and (not (consp x)) (not (consp y)) (funcall same x y)))

(provide 'cl-seq)

;;; cl-seq.el ends here
