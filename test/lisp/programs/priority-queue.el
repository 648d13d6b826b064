;;; priority-queue.el --- a binary heap with cl-defstruct  -*- lexical-binding: t -*-

(require 'cl-lib)

(cl-defstruct (pq (:constructor pq-create (&optional (less #'<)))
                  (:copier nil))
  "A priority queue kept as a binary heap in a growable vector."
  (heap (make-vector 4 nil))
  (size 0)
  less)

(defun pq--swap (q i j)
  (let ((heap (pq-heap q)))
    (cl-rotatef (aref heap i) (aref heap j))))

(defun pq--before-p (q i j)
  (funcall (pq-less q) (car (aref (pq-heap q) i)) (car (aref (pq-heap q) j))))

(defun pq-push (q priority item)
  "Add ITEM with PRIORITY to Q."
  (when (= (pq-size q) (length (pq-heap q)))
    (setf (pq-heap q) (vconcat (pq-heap q) (make-vector (length (pq-heap q)) nil))))
  (let ((i (pq-size q)))
    (setf (aref (pq-heap q) i) (cons priority item))
    (cl-incf (pq-size q))
    (while (and (> i 0) (pq--before-p q i (/ (1- i) 2)))
      (pq--swap q i (/ (1- i) 2))
      (setq i (/ (1- i) 2)))))

(defun pq-pop (q)
  "Remove and return (PRIORITY . ITEM) with the smallest priority in Q."
  (when (zerop (pq-size q)) (error "Queue is empty"))
  (let ((top (aref (pq-heap q) 0)))
    (cl-decf (pq-size q))
    (setf (aref (pq-heap q) 0) (aref (pq-heap q) (pq-size q))
          (aref (pq-heap q) (pq-size q)) nil)
    (let ((i 0) (done nil))
      (while (not done)
        (let* ((l (1+ (* 2 i))) (r (1+ l)) (best i))
          (when (and (< l (pq-size q)) (pq--before-p q l best)) (setq best l))
          (when (and (< r (pq-size q)) (pq--before-p q r best)) (setq best r))
          (if (= best i)
              (setq done t)
            (pq--swap q i best)
            (setq i best)))))
    top))

(defun pq-empty-p (q) (zerop (pq-size q)))

;; Simple task scheduling.
(let ((q (pq-create)))
  (pcase-dolist (`(,prio . ,task) '((3 . "write tests") (1 . "fix the build")
                                    (4 . "update docs") (1 . "review patch")
                                    (5 . "refactor") (2 . "benchmark")
                                    (9 . "vacation") (2 . "profile start-up")))
    (pq-push q prio task))
  (princ (format "queue holds %d tasks (pq-p: %s)\n" (pq-size q) (pq-p q)))
  (while (not (pq-empty-p q))
    (pcase-let ((`(,prio . ,task) (pq-pop q)))
      (princ (format "  [%d] %s\n" prio task)))))

;; Heap sort with a custom order, and Dijkstra's shortest paths.
(let ((q (pq-create #'>)))
  (dolist (n '(5 3 9 1 7 2 8 6 4 0)) (pq-push q n n))
  (princ (format "descending: %S\n" (cl-loop until (pq-empty-p q) collect (cdr (pq-pop q))))))

(defun shortest-paths (graph start)
  (let ((dist (make-hash-table)) (q (pq-create)))
    (puthash start 0 dist)
    (pq-push q 0 start)
    (while (not (pq-empty-p q))
      (pcase-let ((`(,d . ,node) (pq-pop q)))
        (when (= d (gethash node dist))
          (pcase-dolist (`(,next . ,w) (alist-get node graph))
            (let ((nd (+ d w)))
              (when (< nd (gethash next dist most-positive-fixnum))
                (puthash next nd dist)
                (pq-push q nd next)))))))
    (sort (cl-loop for k being the hash-keys of dist using (hash-values v)
                   collect (cons k v))
          (lambda (a b) (string< (car a) (car b))))))

(princ (format "%S\n" (shortest-paths '((a (b . 4) (c . 1)) (c (b . 2) (d . 7))
                                        (b (d . 1)) (d (e . 3)))
                                      'a)))
(princ (format "%S\n" (condition-case err (pq-pop (pq-create)) (error err))))
