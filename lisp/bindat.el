;;; bindat.el --- pack and unpack binary data  -*- lexical-binding: t -*-

;; Two ways to describe a binary layout, as in GNU Emacs 28:
;;
;; - the older spec language, a list of (FIELD TYPE [LEN]) items walked at run time
;;   by `bindat-unpack', `bindat-pack' and `bindat-length' (unpacked structures are
;;   alists with the last field first, as Emacs builds them);
;; - `bindat-type', a macro that turns a type expression into a `bindat--type'
;;   record of three functions (unpack, length and pack), compiled in the lexical
;;   scope of the caller so that sizes and counts may be any Lisp expression over
;;   the fields before them.
;;
;; Both read from and write into `bindat-raw' at `bindat-idx', a unibyte string (or
;; a vector of bytes when unpacking).

;;; Code:

(require 'cl-lib)

(cl-defstruct (bindat--type
               (:predicate nil)
               (:constructor bindat--make))
  le ue pe)

(defvar bindat-raw)
(defvar bindat-idx)
;; Those two are dynamically bound only by the entry points below, each of which
;; declares them special locally, so that they are not special everywhere.

;;;; Reading and writing bytes

(defun bindat--unpack-u8 ()
  (prog1 (aref bindat-raw bindat-idx)
    (setq bindat-idx (1+ bindat-idx))))

(defun bindat--unpack-uint (bits)
  "Read a big-endian unsigned integer of BITS bits (whole bytes)."
  (let ((v 0) (done 0))
    (while (< done bits)
      (setq v (logior (ash v 8) (bindat--unpack-u8))
            done (+ done 8)))
    v))

(defun bindat--unpack-uintr (bits)
  "Read a little-endian unsigned integer of BITS bits (whole bytes)."
  (let ((v 0) (done 0))
    (while (< done bits)
      (setq v (logior v (ash (bindat--unpack-u8) done))
            done (+ done 8)))
    v))

(defun bindat--bytes-to-string (s)
  ;; From a vector RAW, S is a vector, which `apply' refuses: Emacs 28 cannot
  ;; unpack strings from vectors either.
  (if (stringp s) s (apply #'unibyte-string s)))

(defun bindat--unpack-str (len)
  (let ((s (substring bindat-raw bindat-idx (+ bindat-idx len))))
    (setq bindat-idx (+ bindat-idx len))
    (bindat--bytes-to-string s)))

(defun bindat--unpack-strz (len)
  "Read a string ending at a zero byte, or after LEN bytes; consume LEN bytes.
A nil LEN reads up to the zero byte, and then fails to advance (as Emacs 28)."
  (let ((n 0))
    (while (and (or (null len) (< n len))
                (/= 0 (aref bindat-raw (+ bindat-idx n))))
      (setq n (1+ n)))
    (prog1 (bindat--bytes-to-string
            (substring bindat-raw bindat-idx (+ bindat-idx n)))
      (setq bindat-idx (+ bindat-idx len)))))

(defun bindat--unpack-bits (len)
  "Read LEN bytes as a list of the numbers of their set bits, ascending.
The last byte's lowest bit is bit 0."
  (let ((bits nil)
        (top (* 8 len)))
    (dotimes (b len)
      (let ((byte (bindat--unpack-u8))
            (base (- top (* 8 (1+ b)))))
        (dotimes (k 8)
          (when (/= 0 (logand byte (ash 128 (- k))))
            (push (- (+ base 7) k) bits)))))
    bits))

(defun bindat--pack-u8 (v)
  (aset bindat-raw bindat-idx (logand v 255))
  (setq bindat-idx (1+ bindat-idx)))

(defun bindat--pack-uint (bits v)
  "Write V big-endian in BITS/8 bytes."
  (let ((n (/ bits 8)))
    (dotimes (k n)
      (bindat--pack-u8 (logand 255 (ash v (* -8 (- n k 1))))))))

(defun bindat--pack-uintr (bits v)
  "Write V little-endian in BITS/8 bytes."
  (dotimes (_ (/ bits 8))
    (bindat--pack-u8 (logand v 255))
    (setq v (ash v -8))))

(defun bindat--pack-str (len v)
  "Write the first LEN bytes of V (fewer if V is shorter), and skip LEN bytes."
  (dotimes (k (min len (length v)))
    (aset bindat-raw (+ bindat-idx k) (aref v k)))
  (setq bindat-idx (+ bindat-idx len)))

(defun bindat--pack-strz (v)
  "Write V and skip one more byte for the terminating zero."
  (let ((len (length v)))
    (dotimes (k len)
      (aset bindat-raw (+ bindat-idx k) (aref v k)))
    (setq bindat-idx (+ bindat-idx len 1))))

(defun bindat--pack-bits (len v)
  "Write the list V of bit numbers as LEN bytes (see `bindat--unpack-bits')."
  (let ((top (* 8 len)))
    (dotimes (b len)
      (let ((base (- top (* 8 (1+ b))))
            (byte 0))
        (dotimes (k 8)
          (when (memq (+ base k) v)
            (setq byte (logior byte (ash 1 k)))))
        (bindat--pack-u8 byte)))))

(defun bindat--align (n len)
  "N rounded up to a multiple of LEN."
  (* len (/ (+ n len -1) len)))

;;;; The spec language

(defconst bindat--item-sizes
  '((u8 . 1) (byte . 1) (u16 . 2) (u16r . 2) (word . 2) (short . 2)
    (u24 . 3) (u24r . 3) (u32 . 4) (u32r . 4) (dword . 4) (long . 4) (ip . 4))
  "Bytes taken by one item of each fixed-size type of the spec language.")

(defun bindat--unpack-item (type len &optional vectype)
  (when (eq type 'ip)
    (setq type 'vec len 4))
  (pcase type
    ((or 'u8 'byte) (bindat--unpack-u8))
    ((or 'u16 'word 'short) (bindat--unpack-uint 16))
    ('u24 (bindat--unpack-uint 24))
    ((or 'u32 'dword 'long) (bindat--unpack-uint 32))
    ('u16r (bindat--unpack-uintr 16))
    ('u24r (bindat--unpack-uintr 24))
    ('u32r (bindat--unpack-uintr 32))
    ('bits (bindat--unpack-bits len))
    ('str (bindat--unpack-str len))
    ('strz (bindat--unpack-strz len))
    ('vec
     ;; VECTYPE is an element type, or (vec COUNT TYPE) for nested vectors.
     (let ((v (make-vector len 0))
           (etype (if (consp vectype) 'vec (or vectype 'u8)))
           (elen (if (consp vectype) (nth 1 vectype) 1))
           (esub (and (consp vectype) (nth 2 vectype))))
       (dotimes (k len)
         (aset v k (bindat--unpack-item etype elen esub)))
       v))
    (_ nil)))

(defun bindat--pack-item (v type len &optional vectype)
  (when (eq type 'ip)
    (setq type 'vec len 4))
  (cond
   ;; A missing value leaves its bytes alone.
   ((null v) (setq bindat-idx (+ bindat-idx len)))
   (t
    (pcase type
      ((or 'u8 'byte) (bindat--pack-u8 v))
      ((or 'u16 'word 'short) (bindat--pack-uint 16 v))
      ('u24 (bindat--pack-uint 24 v))
      ((or 'u32 'dword 'long) (bindat--pack-uint 32 v))
      ('u16r (bindat--pack-uintr 16 v))
      ('u24r (bindat--pack-uintr 24 v))
      ('u32r (bindat--pack-uintr 32 v))
      ('bits (bindat--pack-bits len v))
      ((or 'str 'strz) (bindat--pack-str len v))
      ('vec
       (let ((etype (if (consp vectype) 'vec (or vectype 'u8)))
             (elen (if (consp vectype) (nth 1 vectype) 1))
             (esub (and (consp vectype) (nth 2 vectype))))
         (dotimes (k (min len (length v)))
           (bindat--pack-item (aref v k) etype elen esub))))
      (_ (setq bindat-idx (+ bindat-idx len)))))))

(defun bindat--eval-form-p (x)
  (and (consp x) (eq (car x) 'eval)))

(defun bindat--parse-item (item struct)
  "Decode the spec ITEM against the data STRUCT seen so far.
Return (FIELD TYPE LEN VECTYPE TAIL), TAIL being the part of ITEM after its
length, where `repeat' and `union' find their subspecs and cases."
  (let ((field (car item))
        (type (nth 1 item))
        (len (nth 2 item))
        (vectype (and (eq (nth 1 item) 'vec) (nth 3 item)))
        (tail (nthcdr 3 item)))
    (when (bindat--eval-form-p type)
      (setq type (eval (cadr type) t)))
    (when (bindat--eval-form-p len)
      (setq len (eval (cadr len) t)))
    ;; These keywords start an item with no field name.
    (when (memq field '(eval fill align struct union))
      (setq tail (nthcdr 2 item)
            len type
            type field
            field nil))
    (when (bindat--eval-form-p field)
      (setq field (eval (cadr field) t)))
    ;; A list as length names the field (path) holding it.
    (when (and (consp len) (not (eq type 'eval)))
      (setq len (apply #'bindat-get-field struct len)))
    (list field type (or len 1) vectype tail)))

(defun bindat--union-case (tag cases)
  "The spec of the first of CASES that matches TAG, or nil."
  (defvar tag)
  (let ((tag tag) (found nil))
    (while (and cases (not found))
      (let ((key (caar cases)))
        (when (or (equal key tag) (eq key t)
                  (and (consp key) (eval key t)))
          (setq found (car cases))))
      (setq cases (cdr cases)))
    (cdr found)))

(defun bindat--unpack-group (spec)
  (if (cl-typep spec 'bindat--type)
      (funcall (bindat--type-ue spec))
    ;; `struct' and `last' are visible to (eval ...) forms of the spec.
    (defvar struct)
    (defvar last)
    (let ((struct nil) (last nil))
      (dolist (item spec)
        (pcase-let* ((`(,field ,type ,len ,vectype ,tail)
                      (bindat--parse-item item struct))
                     (data nil))
          (pcase type
            ('eval (if field
                       (setq data (eval len t))
                     (eval len t)))
            ('fill (setq bindat-idx (+ bindat-idx len)))
            ('align (setq bindat-idx (bindat--align bindat-idx len)))
            ('struct (setq data (bindat--unpack-group (eval len t))))
            ('repeat
             (dotimes (_ len)
               (push (bindat--unpack-group tail) data))
             (setq data (nreverse data)))
            ('union
             (let ((case-spec (bindat--union-case len tail)))
               (when case-spec
                 (setq data (bindat--unpack-group case-spec)))))
            (_ (setq data (bindat--unpack-item type len vectype)
                     last data)))
          (when data
            (setq struct (if field
                             (cons (cons field data) struct)
                           (append data struct))))))
      struct)))

(defun bindat-unpack (spec raw &optional idx)
  "Unpack the bytes of RAW from IDX (default 0) as SPEC says.
RAW is a unibyte string or a vector of bytes; SPEC is a spec list or a
`bindat-type' value."
  (when (multibyte-string-p raw)
    (error "String is multibyte"))
  (defvar bindat-raw)
  (defvar bindat-idx)
  (let ((bindat-raw raw)
        (bindat-idx (or idx 0)))
    (bindat--unpack-group spec)))

(defun bindat-get-field (struct &rest field)
  "The part of STRUCT reached by the path FIELD.
Each element of FIELD is a field name, looked up in an alist, or an integer,
an index into a list or vector."
  (while (and struct field)
    (let ((f (pop field)))
      (setq struct (if (integerp f)
                       (elt struct f)
                     (cdr (assq f struct))))))
  struct)

(defun bindat--length-group (struct spec)
  (if (cl-typep spec 'bindat--type)
      (funcall (bindat--type-le spec) struct)
    (defvar struct)
    (defvar last)
    (let ((struct struct) (last nil))
      (ignore last)
      (dolist (item spec)
        (pcase-let ((`(,field ,type ,len ,vectype ,tail)
                     (bindat--parse-item item struct)))
          ;; A vector is as long as its flattened elements.
          (while (eq type 'vec)
            (if (consp vectype)
                (setq len (* len (nth 1 vectype))
                      type (nth 2 vectype))
              (setq type (or vectype 'u8)
                    vectype nil)))
          (pcase type
            ('eval (if field
                       (push (cons field (eval len t)) struct)
                     (eval len t)))
            ('fill (setq bindat-idx (+ bindat-idx len)))
            ('align (setq bindat-idx (bindat--align bindat-idx len)))
            ('struct
             (bindat--length-group (if field (bindat-get-field struct field) struct)
                                   (eval len t)))
            ('repeat
             (dotimes (k len)
               (bindat--length-group (nth k (bindat-get-field struct field)) tail)))
            ('union
             (let ((case-spec (bindat--union-case len tail)))
               (when case-spec
                 (bindat--length-group struct case-spec))))
            (_
             (let ((size (cdr (assq type bindat--item-sizes))))
               (when size (setq len (* len size)))
               (when field (setq last (bindat-get-field struct field)))
               (setq bindat-idx (+ bindat-idx len))))))))))

(defun bindat-length (spec struct)
  "How many bytes packing STRUCT as SPEC takes."
  (defvar bindat-idx)
  (let ((bindat-idx 0))
    (bindat--length-group struct spec)
    bindat-idx))

(defun bindat--pack-group (struct spec)
  (if (cl-typep spec 'bindat--type)
      (funcall (bindat--type-pe spec) struct)
    (defvar struct)
    (defvar last)
    (let ((struct struct) (last nil))
      (dolist (item spec)
        (pcase-let ((`(,field ,type ,len ,vectype ,tail)
                     (bindat--parse-item item struct)))
          (pcase type
            ('eval (if field
                       (push (cons field (eval len t)) struct)
                     (eval len t)))
            ('fill (setq bindat-idx (+ bindat-idx len)))
            ('align (setq bindat-idx (bindat--align bindat-idx len)))
            ('struct
             (bindat--pack-group (if field (bindat-get-field struct field) struct)
                                 (eval len t)))
            ('repeat
             (dotimes (k len)
               (bindat--pack-group (nth k (bindat-get-field struct field)) tail)))
            ('union
             (let ((case-spec (bindat--union-case len tail)))
               (when case-spec
                 (bindat--pack-group struct case-spec))))
            (_
             (setq last (bindat-get-field struct field))
             (bindat--pack-item last type len vectype))))))))

(defun bindat-pack (spec struct &optional raw idx)
  "Pack STRUCT as SPEC says and return the unibyte string made.
With RAW, a unibyte string or vector, write into it from IDX (default 0)
instead and return nil."
  (when (multibyte-string-p raw)
    (error "Pre-allocated string is multibyte"))
  (defvar bindat-raw)
  (defvar bindat-idx)
  (let* ((bindat-idx (or idx 0))
         (bindat-raw (or raw
                         (make-string (+ bindat-idx (bindat-length spec struct)) 0))))
    (bindat--pack-group struct spec)
    (if raw nil bindat-raw)))

;;;; Formatting

(defun bindat-format-vector (vect fmt sep &optional len)
  "The elements of VECT (its first LEN only, if given) formatted with FMT,
joined by SEP."
  (when len (setq vect (substring vect 0 len)))
  (mapconcat (lambda (x) (format fmt x)) vect sep))

(defun bindat-vector-to-dec (vect &optional sep)
  "VECT's elements in decimal joined by SEP if it is a string, else by dots."
  (bindat-format-vector vect "%d" (if (stringp sep) sep ".")))

(defun bindat-vector-to-hex (vect &optional sep)
  "VECT's elements in two-digit hex joined by SEP if it is a string, else colons."
  (bindat-format-vector vect "%02x" (if (stringp sep) sep ":")))

(defun bindat--address-string (v)
  "The vector address V as `format-network-address' writes it without the port."
  (let ((n (length v)))
    (when (and (memq n '(4 5 8 9))
               (let ((ok t) (max (if (< n 8) 255 65535)))
                 (dotimes (k (if (< n 8) 4 8))
                   (unless (and (integerp (aref v k)) (<= 0 (aref v k) max))
                     (setq ok nil)))
                 ok))
      (if (< n 8)
          (bindat-format-vector v "%d" "." 4)
        (bindat-format-vector v "%x" ":" 8)))))

(defun bindat-ip-to-string (ip)
  "The IP address IP (a vector, or a string of four bytes) in dotted form.
A port number at the end of a vector is left out."
  (if (vectorp ip)
      (if (fboundp 'format-network-address)
          (format-network-address ip t)
        (bindat--address-string ip))
    (format "%d.%d.%d.%d" (aref ip 0) (aref ip 1) (aref ip 2) (aref ip 3))))

;;;; `bindat-type'
;;
;; A type expression is macroexpanded with the type names as local macros.  Under
;; `bindat--op' (one of `unpack', `pack' or `length') each use of a type expands to
;; a Lisp expression whose value is a function: of no argument for `unpack',
;; returning the value read; of the value for `pack' and `length', run for effect
;; on `bindat-idx' and `bindat-raw'.  Because types are ordinary expressions there,
;; a macro defined with `bindat-defmacro' may compute them with `if', `let' etc.

(defvar bindat--op nil
  "The operation a `bindat-type' expansion is building code for.")

(defun bindat--fun (type)
  "TYPE as a form to expand: a list of fields becomes a `struct'."
  (if (or (keywordp (car type)) (consp (car type)))
      (cons 'struct type)
    type))

(defun bindat--function (args code)
  "A form for a function of ARGS running CODE."
  (if (and (eq (car-safe code) 'funcall) (equal (cddr code) args))
      (cadr code)
    `(lambda ,args ,code)))

(defun bindat--expand-kind (type)
  "Expand the use (KIND ARGS...) of a primitive type for `bindat--op'."
  (if (eq bindat--op 'unpack)
      (bindat--function nil (bindat--code 'unpack nil type))
    (let ((v (make-symbol "v")))
      (bindat--function (list v) (bindat--code bindat--op v type)))))

(defun bindat--incf (n)
  `(setq bindat-idx (+ bindat-idx ,n)))

(defun bindat--expand-element (type)
  "The function form of the element TYPE of a vector, fully expanded."
  (macroexpand-all (bindat--fun type) macroexpand-all-environment))

(defun bindat--fixed-length (fun)
  "If the length function form FUN only adds a size not depending on its
argument, that size form, else nil."
  (pcase fun
    (`#'(lambda (,arg) (setq bindat-idx (+ bindat-idx ,n)))
     (and (not (bindat--mentions-p arg n)) (list n)))))

(defun bindat--mentions-p (sym form)
  (cond ((eq sym form) t)
        ((consp form) (or (bindat--mentions-p sym (car form))
                          (bindat--mentions-p sym (cdr form))))
        ((vectorp form) (seq-some (lambda (x) (bindat--mentions-p sym x)) form))))

(defun bindat--code (op v type)
  "Code doing OP (reading, or packing or sizing V) for the primitive TYPE."
  (let ((kind (car type)) (args (cdr type)))
    (pcase kind
      ('byte
       (pcase op
         ('unpack '(bindat--unpack-u8))
         ('length (bindat--incf 1))
         (_ `(bindat--pack-u8 ,v))))
      ((or 'uint 'uintr)
       (let ((n (car args)) (little (eq kind 'uintr)))
         (cond
          ((eq n 8) (bindat--code op v '(byte)))
          ((eq op 'unpack)
           `(,(if little 'bindat--unpack-uintr 'bindat--unpack-uint) ,n))
          ((eq op 'length) (bindat--incf `(/ ,n 8)))
          (t `(,(if little 'bindat--pack-uintr 'bindat--pack-uint) ,n ,v)))))
      ('str
       (pcase op
         ('unpack `(bindat--unpack-str ,(car args)))
         ('length (bindat--incf (car args)))
         (_ `(bindat--pack-str ,(car args) ,v))))
      ('strz
       (let ((len (car args)))
         (pcase op
           ('unpack `(bindat--unpack-strz ,len))
           ;; Emacs 28 counts no byte for the terminating zero of an unsized strz.
           ('length (bindat--incf (cond ((null len) `(length ,v))
                                        ((numberp len) len)
                                        (t `(or ,len (length ,v))))))
           (_ (let ((n (make-symbol "len")))
                `(let ((,n ,len))
                   (if ,n (bindat--pack-str ,n ,v) (bindat--pack-strz ,v))))))))
      ('bits
       (pcase op
         ('unpack `(bindat--unpack-bits ,(car args)))
         ('length (bindat--incf (car args)))
         (_ `(bindat--pack-bits ,(car args) ,v))))
      ('fill `(progn ,(bindat--incf (car args)) nil))
      ('align `(progn (setq bindat-idx (bindat--align bindat-idx ,(car args))) nil))
      ('type
       (pcase op
         ('unpack `(funcall (bindat--type-ue ,(car args))))
         ('length `(funcall (bindat--type-le ,(car args)) ,v))
         (_ `(funcall (bindat--type-pe ,(car args)) ,v))))
      ('unit (and (eq op 'unpack) (car args)))
      ('vec (bindat--vec-code op v (car args) (or (cdr args) '(byte))))
      ('struct (bindat--struct-code op v args)))))

(defun bindat--vec-code (op v count type)
  (let ((fun (bindat--expand-element type))
        (i (make-symbol "i")))
    (pcase op
      ('unpack
       (let ((n (make-symbol "n")) (vec (make-symbol "vec")))
         `(let* ((,n ,count)
                 (,vec (make-vector ,n 0)))
            (dotimes (,i ,n)
              (aset ,vec ,i (funcall ,fun)))
            ,vec)))
      (_
       (let ((size (and (eq op 'length) (bindat--fixed-length fun))))
         (if size
             (bindat--incf `(* ,count ,(car size)))
           `(dotimes (,i ,count)
              (funcall ,fun (elt ,v ,i)))))))))

(defun bindat--struct-code (op v args)
  "Code doing OP for a type made of the fields ARGS (with `:pack-var' etc.)."
  (cond
   ((eq (car args) :pack-var)
    (let ((var (cadr args)) (fields (cddr args)))
      (unless (consp (cdr fields))
        (error "`:pack-var VAR' needs to be followed by fields"))
      (if (or (eq op 'unpack) (null var))
          (bindat--struct-code op v fields)
        `(let ((,var ,v)) ,(bindat--struct-code op v fields)))))
   ((consp (car args)) (bindat--fields-code op v args nil))
   (t (error "Unrecognized format in bindat fields: %S" args))))

(defun bindat--fields-code (op v fields labels)
  "Code doing OP for FIELDS, the fields in LABELS ((LABEL . VAR)..., last
first) being already bound."
  (pcase fields
    ('nil
     (when (eq op 'unpack)
       ;; Rebuild the alist from the bound variables; the value of a `_' field
       ;; (an alist itself, normally) is spliced in.
       (let ((exp nil))
         (dolist (l labels)
           (setq exp (if (eq (car l) '_)
                         (if exp `(nconc ,(cdr l) ,exp) (cdr l))
                       `(cons (cons ',(car l) ,(cdr l)) ,exp))))
         exp)))
    (`(:unpack-val ,exp)
     (if exp
         (and (eq op 'unpack) exp)
       (bindat--fields-code op v nil labels)))
    (`((,label . ,type) . ,rest)
     (let* ((pack-val (memq :pack-val type))
            (type (if pack-val (butlast type (length pack-val)) type))
            (tmp (make-symbol (format "field%d" (length rest))))
            (var (cond ((eq label '_) tmp)
                       ((keywordp label) (intern (substring (symbol-name label) 1)))
                       (t label)))
            (fun (bindat--fun type))
            (rest-code (bindat--fields-code op v rest (cons (cons label var) labels))))
       (if (eq op 'unpack)
           `(let ((,var (funcall ,fun))) ,rest-code)
         `(let ((,tmp ,(cond (pack-val (cadr pack-val))
                             ((eq label '_) v)
                             (t `(cdr-safe (assq ',label ,v))))))
            (funcall ,fun ,tmp)
            ,@(when rest-code
                `((let ,(unless (eq var tmp) `((,var ,tmp)))
                    (ignore ,var)
                    ,rest-code)))))))
    (_ (error "Unrecognized format in bindat fields: %S" fields))))

(defconst bindat--primitives
  '(byte uint uintr str strz bits fill align struct type vec unit)
  "The kinds of type `bindat-type' knows itself.")

(defvar bindat--macroenv
  (mapcar (lambda (kind)
            (cons kind (lambda (&rest args) (bindat--expand-kind (cons kind args)))))
          bindat--primitives)
  "The macro environment type expressions are expanded in.")

(defun bindat--toplevel (op type)
  "The function form doing OP for the type expression TYPE."
  (let ((bindat--op op))
    (macroexpand-all (bindat--fun type)
                     (append bindat--macroenv macroexpand-all-environment))))

(defmacro bindat-type (&rest type)
  "The `bindat--type' value for the type expression TYPE.
TYPE is one of
  uint BITS         big-endian unsigned integer of BITS bits
  uintr BITS        the same, little-endian
  str LEN           string of LEN bytes
  strz [LEN]        string ending at a zero byte (in LEN bytes, if given)
  bits LEN          list of the numbers of the bits set in LEN bytes
  fill LEN          LEN bytes skipped
  align LEN         bytes skipped up to the next multiple of LEN
  vec COUNT [TYPE]  vector of COUNT items of TYPE (default bytes)
  type EXP          the type value EXP evaluates to
  unit EXP          no bytes, unpacked as the value of EXP
  struct FIELD...   the FIELDs in turn, unpacked to an alist
or a type defined with `bindat-defmacro' (u8, sint and repeat come defined).
A FIELD is (LABEL TYPE [:pack-val EXP]); a `_' label makes an unnamed field;
the fields may be preceded by `:pack-var VAR' and followed by `:unpack-val EXP'.
The word `struct' may be left out.  Sizes, counts and EXPs are Lisp
expressions, in which the labels of earlier fields are bound to their values."
  (declare (indent 0))
  `(progn
     (defvar bindat-idx)
     (bindat--make :ue ,(bindat--toplevel 'unpack type)
                   :le ,(bindat--toplevel 'length type)
                   :pe ,(bindat--toplevel 'pack type))))

(defmacro bindat-defmacro (name args &rest body)
  "Define NAME as a bindat type taking ARGS.
BODY computes the type expression the use (NAME ARGS...) stands for."
  (declare (indent 2) (doc-string 3))
  (let ((leading nil))
    (while (and (cdr body)
                (or (stringp (car body))
                    (memq (car-safe (car body)) '(:documentation declare))))
      (push (pop body) leading))
    `(eval-and-compile
       (setf (alist-get ',name bindat--macroenv)
             (lambda ,args ,@(nreverse leading)
               (bindat--fun ,(macroexp-progn body)))))))

(bindat-defmacro u8 () "Unsigned 8-bit integer." '(byte))


(bindat-defmacro sint (bitlen r)
  "Two's complement integer of BITLEN bits, little-endian if R is non-nil."
  (let ((bits (make-symbol "bits"))
        (half (make-symbol "half")))
    `(let* ((,bits ,bitlen)
            (,half (ash 1 (1- ,bits))))
       (struct :pack-var v
               (n if ,r (uintr ,bits) (uint ,bits)
                  :pack-val (if (< v 0) (+ v ,half ,half) v))
               :unpack-val (if (>= n ,half) (- n ,half ,half) n)))))

(bindat-defmacro repeat (count &rest type)
  "COUNT items of TYPE, unpacked to a list."
  `(:pack-var v
    (v vec ,count ,@type :pack-val v)
    :unpack-val (append v nil)))

(provide 'bindat)

;;; bindat.el ends here
