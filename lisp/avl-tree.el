;;; avl-tree.el --- balanced binary trees (AVL trees)  -*- lexical-binding: t -*-

;; A tree is a record `avl-tree-' holding a dummy root node, whose left child is the
;; real root, and the ordering predicate; a node is a vector [LEFT RIGHT DATA
;; BALANCE] where BALANCE is the height of the right subtree minus that of the left
;; one.  Both shapes are GNU Emacs's, so trees print alike.  Operations that behave
;; oddly in Emacs 28 behave the same oddly here, as their comments say.

;;; Code:

(require 'cl-lib)

(cl-defstruct (avl-tree-
               :named
               (:constructor nil)
               (:constructor avl-tree--create (cmpfun))
               (:predicate avl-tree-p)
               (:copier nil))
  (dummyroot (vector nil nil nil 0))
  cmpfun)

(cl-defstruct (avl-tree--stack
               (:constructor nil)
               (:constructor avl-tree--stack-make (reverse store))
               (:copier nil))
  reverse store)

(defalias 'avl-tree-stack-p #'avl-tree--stack-p)

;;;; Nodes

(defmacro avl-tree--left (node) `(aref ,node 0))
(defmacro avl-tree--right (node) `(aref ,node 1))
(defmacro avl-tree--data (node) `(aref ,node 2))
(defmacro avl-tree--bal (node) `(aref ,node 3))

(defun avl-tree--leaf (data)
  (vector nil nil data 0))

(defun avl-tree--root (tree)
  (aref (avl-tree--dummyroot tree) 0))

(defun avl-tree--set-root (tree node)
  (aset (avl-tree--dummyroot tree) 0 node))

;;;; Rebalancing
;; Each fixer gets a node one of whose subtrees just changed height, and returns
;; (SUBTREE . FLAG): the subtree now rooted there and whether its own height
;; changed the same way.

(defun avl-tree--rotate-left-right (n l)
  "Double rotation at N, whose left child L leans right; return the new root."
  (let* ((g (avl-tree--right l))
         (gb (avl-tree--bal g)))
    (aset l 1 (avl-tree--left g))
    (aset g 0 l)
    (aset n 0 (avl-tree--right g))
    (aset g 1 n)
    (aset n 3 (if (< gb 0) 1 0))
    (aset l 3 (if (> gb 0) -1 0))
    (aset g 3 0)
    g))

(defun avl-tree--rotate-right-left (n r)
  "Double rotation at N, whose right child R leans left; return the new root."
  (let* ((g (avl-tree--left r))
         (gb (avl-tree--bal g)))
    (aset r 0 (avl-tree--right g))
    (aset g 1 r)
    (aset n 1 (avl-tree--left g))
    (aset g 0 n)
    (aset n 3 (if (> gb 0) -1 0))
    (aset r 3 (if (< gb 0) 1 0))
    (aset g 3 0)
    g))

(defun avl-tree--left-grew (n)
  (let ((b (avl-tree--bal n)))
    (cond
     ((= b 1) (aset n 3 0) (cons n nil))
     ((= b 0) (aset n 3 -1) (cons n t))
     (t
      (let ((l (avl-tree--left n)))
        (if (< (avl-tree--bal l) 0)
            (progn
              (aset n 0 (avl-tree--right l))
              (aset l 1 n)
              (aset n 3 0) (aset l 3 0)
              (cons l nil))
          (cons (avl-tree--rotate-left-right n l) nil)))))))

(defun avl-tree--right-grew (n)
  (let ((b (avl-tree--bal n)))
    (cond
     ((= b -1) (aset n 3 0) (cons n nil))
     ((= b 0) (aset n 3 1) (cons n t))
     (t
      (let ((r (avl-tree--right n)))
        (if (> (avl-tree--bal r) 0)
            (progn
              (aset n 1 (avl-tree--left r))
              (aset r 0 n)
              (aset n 3 0) (aset r 3 0)
              (cons r nil))
          (cons (avl-tree--rotate-right-left n r) nil)))))))

(defun avl-tree--left-shrank (n)
  (let ((b (avl-tree--bal n)))
    (cond
     ((= b -1) (aset n 3 0) (cons n t))
     ((= b 0) (aset n 3 1) (cons n nil))
     (t
      (let* ((r (avl-tree--right n))
             (rb (avl-tree--bal r)))
        (if (>= rb 0)
            (progn
              (aset n 1 (avl-tree--left r))
              (aset r 0 n)
              (if (= rb 0)
                  (progn (aset n 3 1) (aset r 3 -1) (cons r nil))
                (aset n 3 0) (aset r 3 0)
                (cons r t)))
          (cons (avl-tree--rotate-right-left n r) t)))))))

(defun avl-tree--right-shrank (n)
  (let ((b (avl-tree--bal n)))
    (cond
     ((= b 1) (aset n 3 0) (cons n t))
     ((= b 0) (aset n 3 -1) (cons n nil))
     (t
      (let* ((l (avl-tree--left n))
             (lb (avl-tree--bal l)))
        (if (<= lb 0)
            (progn
              (aset n 0 (avl-tree--right l))
              (aset l 1 n)
              (if (= lb 0)
                  (progn (aset n 3 -1) (aset l 3 1) (cons l nil))
                (aset n 3 0) (aset l 3 0)
                (cons l t)))
          (cons (avl-tree--rotate-left-right n l) t)))))))

;;;; Insertion and deletion

(defun avl-tree--insert (node data cmp updatefun out)
  "Enter DATA below NODE; return (SUBTREE . GREW) and put the stored data in OUT's car."
  (cond
   ((null node)
    (setcar out data)
    (cons (avl-tree--leaf data) t))
   ((funcall cmp data (avl-tree--data node))
    (let ((r (avl-tree--insert (avl-tree--left node) data cmp updatefun out)))
      (aset node 0 (car r))
      (if (cdr r) (avl-tree--left-grew node) (cons node nil))))
   ((funcall cmp (avl-tree--data node) data)
    (let ((r (avl-tree--insert (avl-tree--right node) data cmp updatefun out)))
      (aset node 1 (car r))
      (if (cdr r) (avl-tree--right-grew node) (cons node nil))))
   (t
    (let ((new (if updatefun (funcall updatefun data (avl-tree--data node)) data)))
      (when (or (funcall cmp new data) (funcall cmp data new))
        (error "avl-tree-enter: Updated data does not match existing data"))
      (aset node 2 new)
      (setcar out new)
      (cons node nil)))))

(defun avl-tree--remove-last (node out)
  "Remove NODE's greatest element into OUT's car; return (SUBTREE . SHRANK)."
  (if (avl-tree--right node)
      (let ((r (avl-tree--remove-last (avl-tree--right node) out)))
        (aset node 1 (car r))
        (if (cdr r) (avl-tree--right-shrank node) (cons node nil)))
    (setcar out (avl-tree--data node))
    (cons (avl-tree--left node) t)))

(defun avl-tree--remove (node data cmp test out)
  "Delete DATA below NODE; return (SUBTREE . SHRANK), the deleted data in OUT's car.
OUT's car is left alone when nothing is deleted."
  (cond
   ((null node) (cons nil nil))
   ((funcall cmp data (avl-tree--data node))
    (let ((r (avl-tree--remove (avl-tree--left node) data cmp test out)))
      (aset node 0 (car r))
      (if (cdr r) (avl-tree--left-shrank node) (cons node nil))))
   ((funcall cmp (avl-tree--data node) data)
    (let ((r (avl-tree--remove (avl-tree--right node) data cmp test out)))
      (aset node 1 (car r))
      (if (cdr r) (avl-tree--right-shrank node) (cons node nil))))
   ((and test (not (funcall test (avl-tree--data node))))
    (cons node nil))
   ((null (avl-tree--right node))
    (setcar out (avl-tree--data node))
    (cons (avl-tree--left node) t))
   ((null (avl-tree--left node))
    (setcar out (avl-tree--data node))
    (cons (avl-tree--right node) t))
   (t
    ;; The in-order predecessor takes the node's place.  Emacs 28 then reports
    ;; the predecessor, not the element deleted, and so does this.
    (let ((r (avl-tree--remove-last (avl-tree--left node) out)))
      (aset node 0 (car r))
      (aset node 2 (car out))
      (if (cdr r) (avl-tree--left-shrank node) (cons node nil))))))

;;;; Walking

(defun avl-tree--walk (fun node descending)
  "Call FUN on every node below NODE in order, greatest first if DESCENDING."
  (while node
    (avl-tree--walk fun (aref node (if descending 1 0)) descending)
    (funcall fun node)
    (setq node (aref node (if descending 0 1)))))

(defun avl-tree--copy-node (node)
  (and node
       (vector (avl-tree--copy-node (avl-tree--left node))
               (avl-tree--copy-node (avl-tree--right node))
               (avl-tree--data node)
               (avl-tree--bal node))))

;;;; Public interface

(defalias 'avl-tree-create #'avl-tree--create
  "Make an empty AVL tree ordered by COMPARE-FUNCTION.
It is called with two elements A and B and returns non-nil when A sorts before B.
\n(fn COMPARE-FUNCTION)")

(defalias 'avl-tree-compare-function #'avl-tree--cmpfun
  "The ordering predicate of the AVL tree TREE.
\n(fn TREE)")

(defun avl-tree-empty (tree)
  "Non-nil if the AVL tree TREE holds nothing."
  (null (avl-tree--root tree)))

(defun avl-tree-enter (tree data &optional updatefun)
  "Put DATA into the AVL tree TREE and return what was stored.
An element equal to DATA under the tree's ordering is replaced by DATA, or, with
UPDATEFUN, by (UPDATEFUN DATA ELEMENT), which must still be equal to DATA."
  (let ((cmp (avl-tree--cmpfun tree))
        (out (list nil)))
    (avl-tree--set-root
     tree (car (avl-tree--insert (avl-tree--root tree) data cmp updatefun out)))
    (car out)))

(defun avl-tree-delete (tree data &optional test nilflag)
  "Remove the element equal to DATA from the AVL tree TREE and return it.
With TEST, remove it only if TEST returns non-nil for it.  When nothing is
removed, return NILFLAG."
  (let ((cmp (avl-tree--cmpfun tree))
        (out (list nilflag)))
    (avl-tree--set-root
     tree (car (avl-tree--remove (avl-tree--root tree) data cmp test out)))
    (car out)))

(defun avl-tree-member (tree data &optional nilflag)
  "The element of the AVL tree TREE equal to DATA, or NILFLAG if there is none."
  (let ((node (avl-tree--root tree))
        (cmp (avl-tree--cmpfun tree))
        (found nil))
    (while (and node (not found))
      (cond
       ((funcall cmp data (avl-tree--data node)) (setq node (avl-tree--left node)))
       ((funcall cmp (avl-tree--data node) data) (setq node (avl-tree--right node)))
       (t (setq found t))))
    (if found (avl-tree--data node) nilflag)))

(defun avl-tree-member-p (tree data)
  "Non-nil if the AVL tree TREE holds an element equal to DATA."
  (let ((absent (list nil)))
    (not (eq (avl-tree-member tree data absent) absent))))

(defun avl-tree-map (fun tree &optional reverse)
  "Replace each element of the AVL tree TREE by FUN's value on it.
FUN sees the elements in increasing order, or decreasing with REVERSE."
  (avl-tree--walk (lambda (node) (aset node 2 (funcall fun (avl-tree--data node))))
                  (avl-tree--root tree) reverse))

(defun avl-tree-mapc (fun tree &optional reverse)
  "Call FUN on each element of the AVL tree TREE, for effect.
FUN sees the elements in increasing order, or decreasing with REVERSE."
  (avl-tree--walk (lambda (node) (funcall fun (avl-tree--data node)))
                  (avl-tree--root tree) reverse))

(defun avl-tree-mapf (fun combinator tree &optional reverse)
  "Fold FUN's values on the elements of the AVL tree TREE with COMBINATOR.
Starting from nil, the accumulator becomes (COMBINATOR (FUN ELT) ACC) for each
element, and its `nreverse' is returned.  As in Emacs 28, the elements are taken
in decreasing order when REVERSE is nil and increasing order otherwise."
  (let ((acc nil))
    (avl-tree--walk (lambda (node)
                      (setq acc (funcall combinator
                                         (funcall fun (avl-tree--data node))
                                         acc)))
                    (avl-tree--root tree) (not reverse))
    (nreverse acc)))

(defun avl-tree-mapcar (fun tree &optional reverse)
  "A list of FUN's values on the elements of the AVL tree TREE.
The list is in increasing order of the elements, or decreasing with REVERSE."
  (nreverse (avl-tree-mapf fun #'cons tree reverse)))

(defun avl-tree-first (tree)
  "The least element of the AVL tree TREE, nil if it is empty."
  (let ((node (avl-tree--root tree)))
    (when node
      (while (avl-tree--left node) (setq node (avl-tree--left node)))
      (avl-tree--data node))))

(defun avl-tree-last (tree)
  "The greatest element of the AVL tree TREE, nil if it is empty."
  (let ((node (avl-tree--root tree)))
    (when node
      (while (avl-tree--right node) (setq node (avl-tree--right node)))
      (avl-tree--data node))))

(defun avl-tree-copy (tree)
  "A new AVL tree with the same elements and ordering as TREE."
  (let ((new (avl-tree-create (avl-tree--cmpfun tree))))
    (avl-tree--set-root new (avl-tree--copy-node (avl-tree--root tree)))
    new))

(defun avl-tree-flatten (tree)
  "The elements of the AVL tree TREE as a list in increasing order."
  (let ((acc nil))
    (avl-tree--walk (lambda (node) (push (avl-tree--data node) acc))
                    (avl-tree--root tree) t)
    acc))

(defun avl-tree-size (tree)
  "How many elements the AVL tree TREE holds."
  (let ((n 0))
    (avl-tree--walk (lambda (_) (setq n (1+ n))) (avl-tree--root tree) nil)
    n))

(defun avl-tree-clear (tree)
  "Remove every element from the AVL tree TREE."
  (avl-tree--set-root tree nil))

;;;; Stacks
;; A stack holds the nodes still to visit, the next one first: each node is
;; followed by the ancestors whose own turn comes after its subtree's.

(defun avl-tree--stack-descend (stack node)
  "Push NODE and its chain of first-visited children onto STACK."
  (let ((dir (if (avl-tree--stack-reverse stack) 1 0)))
    (while node
      (push node (avl-tree--stack-store stack))
      (setq node (aref node dir)))))

(defun avl-tree-stack (tree &optional reverse)
  "A stack of the elements of the AVL tree TREE, least first (greatest with REVERSE).
Changing TREE makes the stack invalid."
  (let ((stack (avl-tree--stack-make reverse nil)))
    (avl-tree--stack-descend stack (avl-tree--root tree))
    stack))

(defun avl-tree-stack-pop (avl-tree-stack &optional nilflag)
  "Remove and return the next element of AVL-TREE-STACK, or NILFLAG if it is empty."
  (let ((node (pop (avl-tree--stack-store avl-tree-stack))))
    (if (null node)
        nilflag
      (avl-tree--stack-descend
       avl-tree-stack
       (aref node (if (avl-tree--stack-reverse avl-tree-stack) 0 1)))
      (avl-tree--data node))))

(defun avl-tree-stack-first (avl-tree-stack &optional nilflag)
  "The next entry of AVL-TREE-STACK without removing it, or NILFLAG if it is empty.
As in Emacs 28, the entry is the tree node (a vector) holding the element."
  (or (car (avl-tree--stack-store avl-tree-stack)) nilflag))

(defun avl-tree-stack-empty-p (avl-tree-stack)
  "Non-nil if AVL-TREE-STACK has nothing left."
  (null (avl-tree--stack-store avl-tree-stack)))

(provide 'avl-tree)

;;; avl-tree.el ends here
