;;; radix-tree.el --- string-keyed radix trees  -*- lexical-binding: t -*-

;; A tree is the same nest of conses as GNU Emacs builds, so trees print alike and
;; code that walks them by hand keeps working.  A node is a list of branches
;; (PREFIX . SUBTREE) whose final cdr is the value stored at the node (nil for none).
;; Siblings never share a first character, and keys are never empty.  A value that
;; is itself a cons is stored wrapped as (t . VALUE) so it cannot be mistaken for a
;; branch list.  Trees are persistent: insertion copies the path it changes.

;;; Code:

(defconst radix-tree-empty nil
  "The radix tree with no mappings.")

(defsubst radix-tree--branch-p (tree)
  "Non-nil if TREE starts with a branch (PREFIX . SUBTREE)."
  (and (consp tree) (consp (car tree))))

(defun radix-tree--unwrap (leaf)
  "The value a node's final cdr LEAF stands for."
  (if (eq (car-safe leaf) t) (cdr leaf) leaf))

(defun radix-tree--common (prefix key start)
  "How PREFIX matches KEY from START: t if KEY continues with all of PREFIX,
otherwise how many leading characters of PREFIX match there."
  (let ((cmp (compare-strings prefix nil nil key start (+ start (length prefix)))))
    (if (eq cmp t) t (1- (abs cmp)))))

(defun radix-tree--put (tree key start val)
  "TREE with KEY (from START on) mapped to the stored form VAL."
  (if (not (radix-tree--branch-p tree))
      ;; Past the last branch: TREE is this node's own value.
      (if (= start (length key))
          val
        (cons (cons (substring key start) val) tree))
    (let* ((prefix (caar tree))
           (sub (cdar tree))
           (m (radix-tree--common prefix key start)))
      (cond
       ((eq m t)
        (cons (cons prefix (radix-tree--put sub key (+ start (length prefix)) val))
              (cdr tree)))
       ((= m 0)
        (cons (car tree) (radix-tree--put (cdr tree) key start val)))
       (t
        ;; KEY parts from PREFIX inside it: split the branch at the fork.
        (let ((rest (substring key (+ start m))))
          (cons (cons (substring prefix 0 m)
                      (cons (cons (substring prefix m) sub)
                            (if (equal rest "") val (list (cons rest val)))))
                (cdr tree))))))))

(defun radix-tree--drop (tree key start)
  "TREE without a mapping for KEY (from START on)."
  (if (not (radix-tree--branch-p tree))
      (if (= start (length key)) nil tree)
    (let* ((prefix (caar tree))
           (m (radix-tree--common prefix key start)))
      (cond
       ((eq m t)
        (let ((sub (radix-tree--drop (cdar tree) key (+ start (length prefix)))))
          (cond
           ((null sub) (cdr tree))
           ;; A lone branch with no value left under it joins its parent's prefix.
           ((and (radix-tree--branch-p sub) (null (cdr sub)))
            (cons (cons (concat prefix (caar sub)) (cdar sub)) (cdr tree)))
           (t (cons (cons prefix sub) (cdr tree))))))
       ((= m 0)
        (cons (car tree) (radix-tree--drop (cdr tree) key start)))
       (t tree)))))

(defun radix-tree-insert (tree key val)
  "Return TREE with KEY mapped to VAL; a nil VAL removes KEY's mapping."
  (if (null val)
      (radix-tree--drop tree key 0)
    (radix-tree--put tree key 0 (if (consp val) (cons t val) val))))

(defun radix-tree--value (node)
  "The value stored at NODE itself, nil if none."
  (while (radix-tree--branch-p node)
    (setq node (cdr node)))
  (radix-tree--unwrap node))

(defun radix-tree-lookup (tree key)
  "The value KEY is mapped to in TREE, or nil."
  (let ((start 0) (result 'walking))
    (while (eq result 'walking)
      (if (not (radix-tree--branch-p tree))
          (setq result (and tree (= start (length key))
                            (radix-tree--unwrap tree)))
        (let* ((prefix (caar tree))
               (m (radix-tree--common prefix key start)))
          (cond
           ((eq m t)
            (setq start (+ start (length prefix)) tree (cdar tree)))
           ((= m 0) (setq tree (cdr tree)))
           (t (setq result nil))))))
    result))

(defun radix-tree-subtree (tree string)
  "The part of TREE under the prefix STRING, with STRING taken off its keys."
  (let ((start 0) (end (length string)) (result 'walking))
    (while (eq result 'walking)
      (cond
       ((= start end) (setq result tree))
       ((not (radix-tree--branch-p tree)) (setq result nil))
       (t
        (let* ((prefix (caar tree))
               (m (radix-tree--common prefix string start)))
          (cond
           ((eq m t)
            (setq start (+ start (length prefix)) tree (cdar tree)))
           ((= m 0) (setq tree (cdr tree)))
           ;; STRING ends inside PREFIX: the subtree is the rest of that branch.
           ((= (+ start m) end)
            (setq result (list (cons (substring prefix m) (cdar tree)))))
           (t (setq result nil)))))))
    result))

(defun radix-tree-prefixes (tree string)
  "An alist of (PREFIX . VALUE) for every prefix of STRING mapped in TREE.
The longest prefix comes first."
  (let ((start 0) (found nil) (done nil))
    (while (not done)
      (let ((value (radix-tree--value tree))
            (next nil))
        (when value
          (push (cons (substring string 0 start) value) found))
        (while (and (radix-tree--branch-p tree) (not next))
          (let ((prefix (caar tree)))
            (if (eq t (radix-tree--common prefix string start))
                (setq next (car tree))
              (setq tree (cdr tree)))))
        (if (null next)
            (setq done t)
          (setq start (+ start (length (car next)))
                tree (cdr next)))))
    found))

(pcase-defmacro radix-tree-leaf (vpat)
  "Match a radix tree leaf, matching its value against VPAT."
  `(or `(t . ,,vpat) (and (pred (not consp)) ,vpat)))

(defun radix-tree-iter-subtrees (tree fun)
  "Call FUN on each (PREFIX SUBTREE) directly under TREE.
The value stored at TREE's own node, if any, comes last, with prefix \"\"."
  (while (radix-tree--branch-p tree)
    (funcall fun (caar tree) (cdar tree))
    (setq tree (cdr tree)))
  (when tree
    (funcall fun "" tree)))

(defun radix-tree-iter-mappings (tree fun &optional prefix)
  "Call FUN on each KEY and VALUE mapped in TREE.
PREFIX, if given, is put in front of every key."
  (radix-tree-iter-subtrees
   tree
   (lambda (p sub)
     (let ((key (concat prefix p)))
       (if (radix-tree--branch-p sub)
           (radix-tree-iter-mappings sub fun key)
         (funcall fun key (radix-tree--unwrap sub)))))))

(defun radix-tree-count (tree)
  "How many keys TREE maps."
  (let ((n 0))
    (radix-tree-iter-mappings tree (lambda (_k _v) (setq n (1+ n))))
    n))

(defun radix-tree-from-map (map)
  "A radix tree holding the mappings of MAP (an alist, plist or hash table)."
  (require 'map)
  (let ((tree nil))
    (map-apply (lambda (k v) (setq tree (radix-tree-insert tree k v))) map)
    tree))

(provide 'radix-tree)

;;; radix-tree.el ends here
