;;; ring.el --- fixed-size rings of items  -*- lexical-binding: t -*-

;; A ring is (HEAD LENGTH . VECTOR), as in GNU Emacs: VECTOR holds the items, HEAD is
;; the index in it of the oldest one, LENGTH how many there are.  The newest item
;; has index 0 in `ring-ref', older ones count up from there.

;;; Code:

(defun ring-p (x)
  "Return non-nil if X has the shape of a ring."
  (and (consp x) (integerp (car x))
       (consp (cdr x)) (integerp (cadr x))
       (vectorp (cddr x))))

(defun make-ring (size)
  "Return a new empty ring with room for SIZE items."
  (cons 0 (cons 0 (make-vector size nil))))

(defun ring-plus1 (index veclen)
  "INDEX plus one, wrapping to 0 at VECLEN."
  (let ((next (1+ index)))
    (if (= next veclen) 0 next)))

(defun ring-minus1 (index veclen)
  "INDEX minus one, wrapping from 0 to VECLEN minus one."
  (1- (if (zerop index) veclen index)))

(defun ring-length (ring)
  "How many items RING holds."
  (cadr ring))

(defun ring-size (ring)
  "How many items RING has room for."
  (length (cddr ring)))

(defun ring-empty-p (ring)
  "Return non-nil if RING holds no item."
  (zerop (cadr ring)))

(defun ring-index (index head ringlen veclen)
  "The vector slot of the item INDEX (0 the newest, taken modulo RINGLEN).
HEAD is the slot of the oldest item, RINGLEN the item count, VECLEN the vector size."
  (mod (1- (+ head (- ringlen (mod index ringlen)))) veclen))

(defun ring-copy (ring)
  "Return a copy of RING that shares its items but no structure with it."
  (cons (car ring) (cons (cadr ring) (copy-sequence (cddr ring)))))

(defun ring-insert (ring item)
  "Add ITEM to RING as its newest item and return it.
A full ring drops its oldest item to make room."
  (let* ((vec (cddr ring))
         (veclen (length vec))
         (head (car ring))
         (len (cadr ring)))
    (prog1 (aset vec (mod (+ head len) veclen) item)
      (if (= len veclen)
          (setcar ring (ring-plus1 head veclen))
        (setcar (cdr ring) (1+ len))))))

(defun ring-insert-at-beginning (ring item)
  "Add ITEM to RING as its oldest item.
A full ring drops its newest item to make room."
  (let* ((vec (cddr ring))
         (veclen (length vec))
         (head (ring-minus1 (car ring) veclen)))
    (aset vec head item)
    (setcar ring head)
    (setcar (cdr ring) (min veclen (1+ (cadr ring))))))

(defun ring-remove (ring &optional index)
  "Remove the item INDEX from RING (the oldest if INDEX is nil) and return it."
  (when (ring-empty-p ring)
    (error "Ring empty"))
  (let* ((head (car ring))
         (len (cadr ring))
         (vec (cddr ring))
         (veclen (length vec))
         (last (mod (1- (+ head len)) veclen))
         (slot (ring-index (or index (1- len)) head len veclen))
         (item (aref vec slot)))
    ;; Close the gap by moving the newer items down one slot.
    (while (/= slot last)
      (let ((next (ring-plus1 slot veclen)))
        (aset vec slot (aref vec next))
        (setq slot next)))
    (aset vec last nil)
    (setcar (cdr ring) (1- len))
    item))

(defun ring-ref (ring index)
  "The item INDEX of RING: 0 is the newest; INDEX is taken modulo the item count."
  (when (ring-empty-p ring)
    (error "Accessing an empty ring"))
  (let ((vec (cddr ring)))
    (aref vec (ring-index index (car ring) (cadr ring) (length vec)))))

(defun ring-elements (ring)
  "The items of RING in a list, newest first."
  (let ((vec (cddr ring))
        (head (car ring))
        (items nil))
    (dotimes (i (cadr ring))
      (push (aref vec (mod (+ head i) (length vec))) items))
    items))

(defun ring-member (ring item)
  "The index of the newest item of RING `equal' to ITEM, or nil."
  (catch 'found
    (dotimes (i (ring-length ring))
      (when (equal item (ring-ref ring i))
        (throw 'found i)))))

(defun ring-next (ring item)
  "The item of RING after ITEM, that is the next newer one, wrapping around."
  (let ((i (ring-member ring item)))
    (unless i (error "Item is not in the ring: `%s'" item))
    (ring-ref ring (ring-plus1 i (ring-length ring)))))

(defun ring-previous (ring item)
  "The item of RING before ITEM, that is the next older one, wrapping around."
  (let ((i (ring-member ring item)))
    (unless i (error "Item is not in the ring: `%s'" item))
    (ring-ref ring (ring-minus1 i (ring-length ring)))))

(defun ring-resize (ring size)
  "Give RING room for SIZE items; when that is fewer, the oldest items go."
  (when (integerp size)
    (let ((len (ring-length ring))
          (vec (make-vector size nil)))
      (if (zerop len)
          (setcdr ring (cons 0 vec))
        (let* ((old-vec (cddr ring))
               (old-size (length old-vec))
               (kept (min size len))
               ;; The first item kept, counted as GNU Emacs does (modulo the length).
               (first (mod (+ (car ring) (- len kept)) len)))
          (setcdr ring (cons kept vec))
          (dotimes (j kept)
            (aset vec j (aref old-vec (mod (+ first j) old-size))))
          (setcar ring 0))))))

(defun ring-extend (ring x)
  "Give RING room for X more items, if X is a positive integer."
  (when (and (integerp x) (> x 0))
    (ring-resize ring (+ x (ring-size ring)))))

(defun ring-insert+extend (ring item &optional grow-p)
  "Add ITEM to RING as its newest item; with GROW-P, grow a full ring rather
than drop its oldest item."
  (and grow-p
       (= (ring-length ring) (ring-size ring))
       (ring-extend ring 1))
  (ring-insert ring item))

(defun ring-remove+insert+extend (ring item &optional grow-p)
  "Remove every ITEM from RING, then add it as the newest, as `ring-insert+extend'."
  (let (i)
    (while (setq i (ring-member ring item))
      (ring-remove ring i)))
  (ring-insert+extend ring item grow-p))

(defun ring-convert-sequence-to-ring (seq)
  "A ring of the items of SEQ, the first of them the newest.
Later items `equal' to the first are left out.  A ring is returned as it is."
  (if (ring-p seq)
      seq
    (let* ((size (length seq))
           (ring (make-ring size)))
      (dotimes (i size)
        (let ((item (elt seq i)))
          (when (or (ring-empty-p ring)
                    (not (equal (ring-ref ring 0) item)))
            (ring-insert-at-beginning ring item))))
      ring)))

(provide 'ring)

;;; ring.el ends here
