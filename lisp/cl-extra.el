;;; cl-extra.el --- more Common Lisp functions  -*- lexical-binding: t -*-

;; The less common functions of the Common Lisp extensions: type coercion,
;; `cl-equalp', multiple-value helpers, integer division with remainders,
;; random states, floating-point limits, property lists, structure slot
;; information and the long c[ad]r chains.

(require 'cl-lib)

;;;; List accessors and small list functions.

(defun cl-caaar (x) "The car of the car of the car of X." (car (car (car x))))
(defun cl-caadr (x) "The car of the car of the cdr of X." (car (car (cdr x))))
(defun cl-cadar (x) "The car of the cdr of the car of X." (car (cdr (car x))))
(defun cl-cdaar (x) "The cdr of the car of the car of X." (cdr (car (car x))))
(defun cl-cdadr (x) "The cdr of the car of the cdr of X." (cdr (car (cdr x))))
(defun cl-cddar (x) "The cdr of the cdr of the car of X." (cdr (cdr (car x))))

;; The four-step chains: each letter after the c, read right to left, says
;; which half to take next.
(defun cl--cxr (path x)
  (let ((i (1- (length path))))
    (while (>= i 0)
      (setq x (if (eq (aref path i) ?a) (car x) (cdr x))
            i (1- i)))
    x))

(defun cl-caaaar (x) "The car of the car of the car of the car of X." (cl--cxr "aaaa" x))
(defun cl-caaadr (x) "The car of the car of the car of the cdr of X." (cl--cxr "aaad" x))
(defun cl-caadar (x) "The car of the car of the cdr of the car of X." (cl--cxr "aada" x))
(defun cl-caaddr (x) "The car of the car of the cdr of the cdr of X." (cl--cxr "aadd" x))
(defun cl-cadaar (x) "The car of the cdr of the car of the car of X." (cl--cxr "adaa" x))
(defun cl-cadadr (x) "The car of the cdr of the car of the cdr of X." (cl--cxr "adad" x))
(defun cl-caddar (x) "The car of the cdr of the cdr of the car of X." (cl--cxr "adda" x))
(defun cl-cadddr (x) "The car of the cdr of the cdr of the cdr of X." (cl--cxr "addd" x))
(defun cl-cdaaar (x) "The cdr of the car of the car of the car of X." (cl--cxr "daaa" x))
(defun cl-cdaadr (x) "The cdr of the car of the car of the cdr of X." (cl--cxr "daad" x))
(defun cl-cdadar (x) "The cdr of the car of the cdr of the car of X." (cl--cxr "dada" x))
(defun cl-cdaddr (x) "The cdr of the car of the cdr of the cdr of X." (cl--cxr "dadd" x))
(defun cl-cddaar (x) "The cdr of the cdr of the car of the car of X." (cl--cxr "ddaa" x))
(defun cl-cddadr (x) "The cdr of the cdr of the car of the cdr of X." (cl--cxr "ddad" x))
(defun cl-cdddar (x) "The cdr of the cdr of the cdr of the car of X." (cl--cxr "ddda" x))
(defun cl-cddddr (x) "The cdr of the cdr of the cdr of the cdr of X." (cl--cxr "dddd" x))

(defun cl-acons (key value alist)
  "ALIST with the pair (KEY . VALUE) added at the front."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist)
  "An alist pairing KEYS with VALUES, in front of ALIST."
  (nconc (cl-mapcar #'cons keys values) alist))

(defun cl-ldiff (list sublist)
  "A copy of the part of LIST before its tail SUBLIST (all of it if SUBLIST
is not a tail of LIST)."
  (let ((head nil))
    (while (and (consp list) (not (eq list sublist)))
      (push (pop list) head))
    (nreverse head)))

(defun cl-revappend (x y)
  "The reverse of the list X followed by Y."
  (nconc (reverse x) y))

(defun cl-nreconc (x y)
  "Like `cl-revappend', reusing the conses of X."
  (nconc (nreverse x) y))

(defalias 'cl-copy-seq #'copy-sequence)

(defun cl-svref (vector index)
  "The element INDEX of VECTOR."
  (aref vector index))

(defun cl-floatp-safe (object)
  "Non-nil if OBJECT is a floating-point number."
  (floatp object))

(defun cl-digit-char-p (char &optional radix)
  "The value of CHAR as a digit in RADIX (default 10), or nil if it is not one."
  (let ((radix (or radix 10))
        (value (cond ((<= ?0 char ?9) (- char ?0))
                     ((<= ?a char ?z) (+ 10 (- char ?a)))
                     ((<= ?A char ?Z) (+ 10 (- char ?A))))))
    (unless (and (integerp radix) (<= 2 radix 36))
      (signal 'args-out-of-range (list radix 2 36)))
    (and value (< value radix) value)))

;;;; Multiple values (lists, in Emacs Lisp).

(defalias 'cl-multiple-value-list #'identity)

;; Multiple values are lists, so calling with them is `apply'.
(defalias 'cl-multiple-value-call #'apply)
(defalias 'cl-multiple-value-apply #'apply)

(defun cl-nth-value (n form)
  "The Nth of the multiple values FORM (a list) holds."
  (nth n form))

;;;; Sequences.

(defun cl--seq-of-type (type list)
  "LIST as a sequence of TYPE: list, vector, array, string or bool-vector."
  (cond ((memq type '(list cons)) list)
        ((memq type '(vector simple-vector array)) (vconcat list))
        ((eq type 'string) (concat list))
        ((eq type 'bool-vector) (apply #'bool-vector list))
        (t (error "Not a sequence type name: %S" type))))

(defun cl-coerce (object type)
  "OBJECT converted to TYPE: a sequence type, character or float."
  (cond ((eq type 'list) (if (listp object) object (append object nil)))
        ((eq type 'vector) (if (vectorp object) object (vconcat object)))
        ((eq type 'bool-vector)
         (if (bool-vector-p object) object (apply #'bool-vector (append object nil))))
        ((eq type 'string) (if (stringp object) object (concat object)))
        ((eq type 'array) (if (arrayp object) object (vconcat object)))
        ((and (eq type 'character) (stringp object) (= (length object) 1))
         (aref object 0))
        ((and (eq type 'character) (symbolp object) (= (length (symbol-name object)) 1))
         (aref (symbol-name object) 0))
        ((eq type 'float) (float object))
        ((cl-typep object type) object)
        (t (error "Can't coerce %s to type %s" object type))))

(defun cl-concatenate (type &rest sequences)
  "The SEQUENCES joined into one sequence of TYPE (list, vector or string)."
  (pcase type
    ('list (apply #'append (append sequences '(nil))))
    ('vector (apply #'vconcat sequences))
    ('string (apply #'concat sequences))
    (_ (error "Not a sequence type name: %S" type))))

(defun cl-map (type function sequence &rest more)
  "FUNCTION applied to the elements of SEQUENCE and MORE in parallel, the
results collected in a sequence of TYPE."
  (let ((results (apply #'cl-mapcar function sequence more)))
    (and type (cl--seq-of-type type results))))

(defun cl-mapl (function list &rest more)
  "FUNCTION applied to LIST and its successive tails (and MORE's); LIST."
  (let ((lists (cons list more)))
    (while (not (memq nil (mapcar #'consp lists)))
      (apply function lists)
      (setq lists (mapcar #'cdr lists))))
  list)

(defun cl-mapcon (function list &rest more)
  "Like `cl-maplist', joining the results with `nconc'."
  (apply #'nconc (apply #'cl-maplist function list more)))

(defun cl-equalp (x y)
  "Non-nil if X and Y are `equal' ignoring letter case in strings and the
difference between integers and floats of the same value."
  (cond ((eq x y) t)
        ((stringp x) (and (stringp y) (string= (downcase x) (downcase y))))
        ((numberp x) (and (numberp y) (= x y)))
        ((consp x)
         (while (and (consp x) (consp y) (cl-equalp (car x) (car y)))
           (setq x (cdr x) y (cdr y)))
         (and (not (consp x)) (cl-equalp x y)))
        ((vectorp x)
         (and (vectorp y) (= (length x) (length y))
              (let ((i 0) (n (length x)))
                (while (and (< i n) (cl-equalp (aref x i) (aref y i)))
                  (setq i (1+ i)))
                (= i n))))
        (t (equal x y))))

;;;; Numbers.

(defun cl-gcd (&rest integers)
  "The greatest common divisor of INTEGERS (0 for none)."
  (let ((a (abs (or (pop integers) 0))))
    (dolist (b integers)
      (setq b (abs b))
      (while (> b 0)
        (setq b (prog1 (% a b) (setq a b)))))
    a))

(defun cl-lcm (&rest integers)
  "The least common multiple of INTEGERS (1 for none)."
  (if (memq 0 integers)
      0
    (let ((a (abs (or (pop integers) 1))))
      (dolist (b integers)
        (setq a (* (/ a (cl-gcd a b)) (abs b))))
      a)))

(defun cl--quotient-and-remainder (quotient x y)
  (let ((q (if y (funcall quotient x y) (funcall quotient x))))
    (list q (- x (if y (* q y) q)))))

(defun cl-floor (x &optional y)
  "X divided by Y (default 1) rounded down, and the remainder, as a list."
  (cl--quotient-and-remainder #'floor x y))

(defun cl-ceiling (x &optional y)
  "X divided by Y (default 1) rounded up, and the remainder, as a list."
  (cl--quotient-and-remainder #'ceiling x y))

(defun cl-truncate (x &optional y)
  "X divided by Y (default 1) rounded toward zero, and the remainder."
  (cl--quotient-and-remainder #'truncate x y))

(defun cl-round (x &optional y)
  "X divided by Y (default 1) rounded to the nearest integer (halves to the
even one), and the remainder, as a list."
  (if (and y (not (and (integerp x) (integerp y))))
      ;; Floats: round the true quotient, as `round' of one argument does.
      (let ((q (round (/ x y))))
        (list q (- x (* q y))))
    (cl--quotient-and-remainder #'round x y)))

(defun cl-mod (x y)
  "The remainder of `cl-floor' of X by Y."
  (nth 1 (cl-floor x y)))

(defun cl-rem (x y)
  "The remainder of `cl-truncate' of X by Y."
  (nth 1 (cl-truncate x y)))

(defun cl-signum (x)
  "1 if X is positive, -1 if negative, else 0."
  (cond ((> x 0) 1) ((< x 0) -1) (t 0)))

(defun cl-parse-integer (string &rest keys)
  "The integer STRING holds, between :start and :end (whitespace around it is
ignored), in :radix (default 10).  With :junk-allowed, return what the digits
at the start give, or nil, instead of signaling an error."
  (let* ((start (or (plist-get keys :start) 0))
         (end (or (plist-get keys :end) (length string)))
         (radix (or (plist-get keys :radix) 10))
         (junk-allowed (plist-get keys :junk-allowed))
         (i start)
         (sign 1)
         (value nil)
         (whitespace '(?\s ?\t ?\n ?\r ?\f)))
    (while (and (< i end) (memq (aref string i) whitespace)) (setq i (1+ i)))
    (when (and (< i end) (memq (aref string i) '(?+ ?-)))
      (when (eq (aref string i) ?-) (setq sign -1))
      (setq i (1+ i)))
    (let (digit)
      (while (and (< i end) (setq digit (cl-digit-char-p (aref string i) radix)))
        (setq value (+ (* (or value 0) radix) digit)
              i (1+ i))))
    (while (and (< i end) (memq (aref string i) whitespace)) (setq i (1+ i)))
    (cond ((and value (or junk-allowed (= i end))) (* sign value))
          (junk-allowed nil)
          (t (error "Not an integer string: `%s'" string)))))

;;;; Random numbers.

;; A state is a lagged subtractive generator (Knuth's, lags 55 and 24) over
;; 23-bit numbers.  An integer seed is expanded into the table lazily, on the
;; first draw, so that `cl-make-random-state' of an integer is cheap.
(cl-defstruct (cl--random-state (:constructor cl--make-random-state (vec))
                                (:copier nil))
  (i 0) (j 31) vec)

(defconst cl--random-modulus 8388608 "The generator's numbers are below this.")

(defun cl--random-time ()
  (let ((time (time-convert nil 'list)))
    (+ (* (nth 1 time) 1000003) (nth 2 time))))

(defun cl--random-seed-table (seed)
  "The table of 55 numbers a generator seeded with the integer SEED starts from."
  (let ((table (make-vector 55 0))
        (x (logand (abs seed) #xfffffff)))
    ;; Fill with a linear congruential sequence, then stir it.
    (dotimes (k 55)
      (setq x (% (+ (* x 1103515245) 12345) 2147483648))
      (aset table k (logand (ash x -8) (1- cl--random-modulus))))
    (aset table 0 (logior (aref table 0) 1))
    table))

(defun cl--random-next (state)
  "The next 23-bit number of STATE, advancing it."
  (let ((table (cl--random-state-vec state)))
    (when (integerp table)
      (setq table (cl--random-seed-table table))
      (setf (cl--random-state-vec state) table)
      (dotimes (_ 200) (cl--random-next state)))
    (let* ((i (% (1+ (cl--random-state-i state)) 55))
           (j (% (1+ (cl--random-state-j state)) 55))
           (n (logand (- (aref table i) (aref table j)) (1- cl--random-modulus))))
      (setf (cl--random-state-i state) i
            (cl--random-state-j state) j)
      (aset table i n)
      n)))

(defvar cl--random-state (cl--make-random-state (cl--random-time))
  "The random state `cl-random' uses when it is given none.")

(defun cl-random (limit &optional state)
  "A random number from 0 below LIMIT (an integer, or a float for a float),
drawn from STATE (default `cl--random-state')."
  (unless (and (numberp limit) (> limit 0))
    (signal 'args-out-of-range (list limit)))
  (let ((state (or state cl--random-state)))
    (if (floatp limit)
        (* (/ (cl--random-next state) (float cl--random-modulus)) limit)
      ;; Gather enough bits, drawing again past the largest multiple of
      ;; LIMIT so that every result is equally likely.
      (let (n range)
        (while (progn
                 (setq n 0 range 1)
                 (while (< range limit)
                   (setq n (+ (* n cl--random-modulus) (cl--random-next state))
                         range (* range cl--random-modulus)))
                 (>= n (- range (% range limit)))))
        (% n limit)))))

(defun cl-make-random-state (&optional state)
  "A new random state: a copy of STATE when it is one (of the current one when
nil), seeded from STATE when it is an integer, else from the time."
  (cond ((null state) (cl-make-random-state cl--random-state))
        ((cl--random-state-p state)
         (let ((copy (copy-sequence state))
               (table (cl--random-state-vec state)))
           (setf (cl--random-state-vec copy)
                 (if (vectorp table) (copy-sequence table) table))
           copy))
        ((integerp state) (cl--make-random-state state))
        (t (cl--make-random-state (cl--random-time)))))

(defun cl-random-state-p (object)
  "Non-nil if OBJECT is a random state."
  (cl--random-state-p object))

;;;; Floating-point limits.

(defvar cl-most-positive-float nil "The largest finite float.")
(defvar cl-most-negative-float nil "The most negative finite float.")
(defvar cl-least-positive-float nil "The smallest positive float.")
(defvar cl-least-negative-float nil "The negative float closest to zero.")
(defvar cl-least-positive-normalized-float nil
  "The smallest positive float with full precision.")
(defvar cl-least-negative-normalized-float nil
  "The negative float closest to zero with full precision.")
(defvar cl-float-epsilon nil "The smallest float E for which 1.0 + E differs from 1.0.")
(defvar cl-float-negative-epsilon nil
  "The smallest float E for which 1.0 - E differs from 1.0.")

(defun cl-float-limits ()
  "Set the `cl-...-float' and `cl-float-...-epsilon' variables from what the
machine's floats can hold.  Return nil."
  (let ((eps 1.0))
    ;; Epsilons: powers of two, halved while they still make a difference.
    (while (/= (+ 1.0 (/ eps 2)) 1.0) (setq eps (/ eps 2)))
    (setq cl-float-epsilon eps)
    (setq eps 1.0)
    (while (/= (- 1.0 (/ eps 2)) 1.0) (setq eps (/ eps 2)))
    (setq cl-float-negative-epsilon eps)
    ;; The largest power of two, then all the mantissa bits set below it.
    (let ((x 1.0))
      (while (let ((d (* x 2))) (and (= (/ d 2) x) (/= d (* d 2))))
        (setq x (* x 2)))
      (setq cl-most-positive-float (* x (- 2.0 cl-float-epsilon))
            cl-most-negative-float (- cl-most-positive-float)))
    ;; Halve while the half still carries full precision, then to the end.
    (let ((x 1.0))
      (while (let ((h (/ x 2)))
               (/= (+ h (* h cl-float-epsilon)) h))
        (setq x (/ x 2)))
      (setq cl-least-positive-normalized-float x
            cl-least-negative-normalized-float (- x))
      (while (> (/ x 2) 0) (setq x (/ x 2)))
      (setq cl-least-positive-float x
            cl-least-negative-float (- x))))
  nil)

;;;; Property lists.

(defun cl-get (symbol property &optional default)
  "The value of SYMBOL's PROPERTY, or DEFAULT when it has none."
  (let ((cell (plist-member (symbol-plist symbol) property)))
    (if cell (car (cdr cell)) default)))

(gv-define-setter cl-get (value symbol property &optional _default)
  `(put ,symbol ,property ,value))

(gv-define-expander cl-getf
  (lambda (do plist tag &optional default)
    (gv-letplace (getter setter) plist
      (macroexp-let2* nil ((k tag) (d default))
        (funcall do `(cl-getf ,getter ,k ,d)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn ,(funcall setter `(cl--set-getf ,getter ,k ,v))
                             ,v))))))))

(defun cl--set-getf (plist tag value)
  "PLIST with TAG's value set to VALUE (modified, or extended at the front)."
  (let ((cell (plist-member plist tag)))
    (if cell
        (progn (setcar (cdr cell) value) plist)
      (cons tag (cons value plist)))))

(defun cl--do-remf (plist tag)
  "Remove TAG from PLIST, which does not start with it; non-nil if it was there."
  (let ((p (cdr plist)))
    (while (and (cdr p) (not (eq (car (cdr p)) tag)))
      (setq p (cdr (cdr p))))
    (and (cdr p) (progn (setcdr p (cdr (cdr (cdr p)))) t))))

(defun cl-remprop (symbol property)
  "Remove PROPERTY from SYMBOL's property list; non-nil if it was there."
  (let ((plist (symbol-plist symbol)))
    (if (and plist (eq (car plist) property))
        (progn (setplist symbol (cdr (cdr plist))) t)
      (cl--do-remf plist property))))

;;;; Structures.

(defun cl--struct-layout-checked (struct-type)
  ;; A structure may have no slots, so ask whether it is one.
  (if (get struct-type 'cl--class)
      (get struct-type 'cl--struct-layout)
    (error "%s is not a struct name" struct-type)))

(defun cl-struct-sequence-type (struct-type)
  "The sequence type STRUCT-TYPE's objects are, list or vector, or nil for records."
  (cl--struct-layout-checked struct-type)
  (get struct-type 'cl--struct-type))

(defun cl-struct-slot-info (struct-type)
  "The elements of STRUCT-TYPE's objects as (NAME DEFAULT . OPTIONS), the tag's
and skipped ones included (named `cl-tag-slot' and `cl-skip-slot')."
  (mapcar #'copy-sequence (cl--struct-layout-checked struct-type)))

(defun cl-struct-slot-offset (struct-type slot-name)
  "The index of the slot SLOT-NAME in objects of STRUCT-TYPE."
  (let ((layout (cl--struct-layout-checked struct-type))
        (i 0))
    (while (and layout (not (eq (car (car layout)) slot-name)))
      (setq layout (cdr layout) i (1+ i)))
    (unless layout
      (signal 'cl-struct-unknown-slot (list struct-type slot-name)))
    i))

(provide 'cl-extra)

;;; cl-extra.el ends here
