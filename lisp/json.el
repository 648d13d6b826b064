;;; json.el --- JSON encoding and decoding over strings  -*- lexical-binding: t -*-

;; Two families live here, as they do in GNU Emacs 28 (where the second is in C):
;;
;; - `json-encode' and `json-read-from-string', steered by the `json-*' variables below.
;;   GNU Emacs reads from a buffer; pdmacs has none, so the reader walks a string and keeps
;;   its own point (1-based, as a buffer's would be), which is what the error data carries.
;; - `json-serialize' and `json-parse-string', whose output and errors follow the jansson
;;   library that GNU Emacs 28 links: its number formatting, its escapes, and its error
;;   texts with line, column and byte position.  Both walk nested data with an explicit
;;   stack, so deep input reaches their own depth errors instead of Lisp's nesting limit.

;;; Code:

;;;; Settings

(defvar json-object-type 'alist
  "What `json-read-from-string' makes of a JSON object: `alist', `plist' or `hash-table'.")

(defvar json-array-type 'vector
  "What `json-read-from-string' makes of a JSON array: `vector' or `list'.")

(defvar json-key-type nil
  "What object keys become when read: `string', `symbol', `keyword', or nil.
Nil picks by `json-object-type': strings for hash tables, symbols for
alists and keywords for plists.")

(defvar json-false :json-false
  "The Lisp value standing for JSON `false', both ways.")

(defvar json-null nil
  "The Lisp value standing for JSON `null', both ways.")

(defvar json-encoding-separator ","
  "The text written between the elements of an array or object.")

(defvar json-encoding-default-indentation "  "
  "One level of indentation when `json-encoding-pretty-print' is on.")

(defvar json-encoding-pretty-print nil
  "Non-nil makes `json-encode' put each element on a line of its own.")

(defvar json-encoding-lisp-style-closings nil
  "Non-nil keeps a pretty-printed closing ] or } on the line of the last element.")

(defvar json-encoding-object-sort-predicate nil
  "If non-nil, a predicate on two keys by which object members are ordered when encoded.")

(defvar json-pre-element-read-function nil
  "If non-nil, called with the key (or array index) before each member is read.")

(defvar json-post-element-read-function nil
  "If non-nil, called with no arguments after each member is read.")

(defvar json--print-indentation-prefix "\n"
  "What starts a new line of pretty-printed output.")

(defvar json--print-indentation-depth 0
  "How many indentation levels the element being written is nested in.")

(defvar json--print-keyval-separator ":"
  "What goes between an object key and its value.")

(defconst json-keywords '("true" "false" "null")
  "The literal names JSON has.")

(defconst json-special-chars
  '((?\" . ?\") (?\\ . ?\\) (?b . ?\b) (?f . ?\f) (?n . ?\n) (?r . ?\r) (?t . ?\t))
  "Each JSON escape letter with the character it stands for.")

;;;; Errors

(define-error 'json-error "Unknown JSON error")
(define-error 'json-readtable-error "JSON readtable error" 'json-error)
(define-error 'json-unknown-keyword "Unrecognized keyword" 'json-error)
(define-error 'json-number-format "Invalid number format" 'json-error)
(define-error 'json-string-escape "Bad Unicode escape" 'json-error)
(define-error 'json-string-format "Bad string format" 'json-error)
(define-error 'json-key-format "Bad JSON object key" 'json-error)
(define-error 'json-object-format "Bad JSON object" 'json-error)
(define-error 'json-array-format "Bad JSON array" 'json-error)
(define-error 'json-end-of-file "End of file while parsing JSON"
  '(end-of-file json-error))

;; The errors of the native parser and serializer.  Loading this file redefines
;; `json-end-of-file' above, as loading json.el does in GNU Emacs.
(define-error 'json-out-of-memory "not enough memory for creating JSON object" 'json-error)
(define-error 'json-parse-error "could not parse JSON stream" 'json-error)
(define-error 'json-trailing-content "trailing content after JSON stream" 'json-parse-error)
(define-error 'json-object-too-deep "object cyclic or Lisp evaluation too deep" 'json-error)

;;;; Predicates and object building

(defun json-alist-p (list)
  "Return non-nil if LIST is an alist whose keys are all atoms."
  (while (and (consp (car-safe list))
              (atom (caar list))
              (setq list (cdr list))))
  (null list))

(defun json-plist-p (list)
  "Return non-nil if LIST is a plist whose keys are all keywords."
  (while (and (keywordp (car-safe list))
              (consp (cdr list))
              (setq list (cddr list))))
  (null list))

(defun json--plist-nreverse (plist)
  "Reverse PLIST pair by pair, destructively: each key stays before its value."
  (let ((result nil))
    (while plist
      (let ((next (cddr plist)))
        (setcdr (cdr plist) result)
        (setq result plist plist next)))
    result))

(defun json-new-object ()
  "Return an empty object of the kind `json-object-type' names."
  (and (eq json-object-type 'hash-table)
       (make-hash-table :test #'equal)))

(defun json-add-to-object (object key value)
  "Return OBJECT with KEY (a string) mapped to VALUE added.
The key is converted as `json-key-type' says; use the returned object."
  (let* ((type (or json-key-type
                   (cdr (assq json-object-type
                              '((hash-table . string) (alist . symbol)
                                (plist . keyword))))))
         (k (pcase type
              ('string key)
              ('symbol (intern key))
              ('keyword (intern (concat ":" key))))))
    (pcase json-object-type
      ('hash-table (puthash k value object) object)
      ('alist (cons (cons k value) object))
      ('plist (cons k (cons value object))))))

;;;; Encoding

;; The encoder pushes pieces of text on `json--out', newest first.
(defvar json--out nil)

(defmacro json--collecting (&rest body)
  "Run BODY with a fresh `json--out' and return the text it collected."
  (declare (indent 0) (debug t))
  `(let ((json--out nil))
     ,@body
     (apply #'concat (nreverse json--out))))

(defsubst json--emit (text)
  (push text json--out))

(defmacro json--with-indentation (&rest body)
  "Run BODY one nesting level deeper."
  (declare (indent 0) (debug t))
  `(let ((json--print-indentation-prefix
          (if json-encoding-pretty-print json--print-indentation-prefix ""))
         (json--print-keyval-separator (if json-encoding-pretty-print ": " ":"))
         (json--print-indentation-depth (1+ json--print-indentation-depth)))
     ,@body))

(defun json--print-indentation ()
  (when json-encoding-pretty-print
    (json--emit json--print-indentation-prefix)
    (dotimes (_ json--print-indentation-depth)
      (json--emit json-encoding-default-indentation))))

(defun json-encode-keyword (keyword)
  "Return the JSON literal for KEYWORD (t, `json-false' or `json-null'), else nil."
  (cond ((eq keyword t) "true")
        ((eq keyword json-false) "false")
        ((eq keyword json-null) "null")))

(defun json--quote-string (string &optional from)
  "Return STRING from index FROM as a quoted JSON string."
  ;; Only the quote, the backslash and the C0 controls need escaping.
  (let ((start (or from 0))
        (pieces (list "\""))
        (i (or from 0))
        (n (length string)))
    (while (< i n)
      (let ((c (aref string i)))
        (when (or (< c 32) (eq c ?\") (eq c ?\\))
          (push (substring string start i) pieces)
          (push (let ((letter (car (rassq c json-special-chars))))
                  (if letter (string ?\\ letter) (format "\\u%04x" c)))
                pieces)
          (setq start (1+ i))))
      (setq i (1+ i)))
    (push (substring string start) pieces)
    (push "\"" pieces)
    (apply #'concat (nreverse pieces))))

(defun json-encode-string (string)
  "Return STRING as a JSON string."
  (json--quote-string string))

(defun json--print-stringlike (object)
  "Emit OBJECT as a JSON string if it is a string or symbol; return nil otherwise."
  (cond ((stringp object) (json--emit (json--quote-string object)))
        ((keywordp object) (json--emit (json--quote-string (symbol-name object) 1)))
        ((symbolp object) (json--emit (json--quote-string (symbol-name object))))))

(defun json--print-key (object)
  (or (json--print-stringlike object)
      (signal 'json-key-format (list object))))

(defun json-encode-key (object)
  "Return OBJECT as a JSON object key; signal `json-key-format' if it cannot be one."
  (json--collecting (json--print-key object)))

(defun json--map-do (function map)
  "Call FUNCTION with each key and value of MAP: a hash table, a plist or an alist.
A list whose first element is an atom is taken for a plist."
  (cond ((hash-table-p map) (maphash function map))
        ((and (consp map) (atom (car map)))
         (while map
           (funcall function (pop map) (pop map))))
        (t (dolist (pair map)
             (funcall function (car pair) (cdr pair))))))

(defun json--map-empty-p (map)
  (if (hash-table-p map) (zerop (hash-table-count map)) (null map)))

(defun json--print-pair (key value)
  (json--print-indentation)
  (json--print-key key)
  (json--emit json--print-keyval-separator)
  (json--print value)
  (json--emit json-encoding-separator))

(defun json--print-map (map)
  (json--emit "{")
  (unless (json--map-empty-p map)
    (json--with-indentation
      (json--map-do #'json--print-pair map)
      ;; Every pair wrote a separator after itself; the last one goes.
      (pop json--out))
    (or json-encoding-lisp-style-closings
        (json--print-indentation)))
  (json--emit "}"))

(defun json--print-alist (alist &optional destructive)
  (json--print-map
   (if (and json-encoding-object-sort-predicate alist)
       (sort (if destructive alist (copy-sequence alist))
             (lambda (a b)
               (funcall json-encoding-object-sort-predicate (car a) (car b))))
     alist)))

(defun json--print-unordered-map (map)
  (if (and json-encoding-object-sort-predicate
           (not (json--map-empty-p map)))
      (let ((pairs nil))
        (json--map-do (lambda (k v) (push (cons k v) pairs)) map)
        (json--print-alist (nreverse pairs) t))
    (json--print-map map)))

(defun json--print-array (array)
  (json--emit "[")
  (unless (= (length array) 0)
    (json--with-indentation
      (json--print-indentation)
      (let ((first t))
        (mapc (lambda (elt)
                (if first
                    (setq first nil)
                  (json--emit json-encoding-separator)
                  (json--print-indentation))
                (json--print elt))
              array)))
    (or json-encoding-lisp-style-closings
        (json--print-indentation)))
  (json--emit "]"))

(defun json--print-list (list)
  (cond ((json-alist-p list) (json--print-alist list))
        ((json-plist-p list) (json--print-unordered-map list))
        ((listp list) (json--print-array list))
        (t (signal 'json-error (list list)))))

(defun json--print (object)
  (let ((literal (json-encode-keyword object)))
    (cond (literal (json--emit literal))
          ((listp object) (json--print-list object))
          ((json--print-stringlike object))
          ((numberp object) (json--emit (prin1-to-string object)))
          ((arrayp object) (json--print-array object))
          ((hash-table-p object) (json--print-unordered-map object))
          (t (signal 'json-error (list object))))))

(defun json-encode (object)
  "Return the JSON text for OBJECT, a value like those `json-read-from-string' returns.
Signals an error based on `json-error' for what JSON cannot represent."
  (json--collecting (json--print object)))

(defalias 'json-encode-number #'json-encode)
(defalias 'json-encode-hash-table #'json-encode)

(defun json-encode-alist (alist)
  "Return ALIST as a JSON object."
  (json--collecting (json--print-alist alist)))

(defun json-encode-plist (plist)
  "Return PLIST as a JSON object."
  (json--collecting (json--print-unordered-map plist)))

(defun json-encode-list (list)
  "Return LIST as JSON: an object for an alist or plist, an array otherwise."
  (json--collecting (json--print-list list)))

(defun json-encode-array (array)
  "Return ARRAY (a vector or a list) as a JSON array."
  (json--collecting (json--print-array array)))

;;;; Reading

;; The text being read and the reader's point, 1-based like a buffer position.
(defvar json--text "")
(defvar json--point 1)

(defsubst json--char-after (&optional pos)
  "The character at POS (default point), or nil at the end."
  (let ((i (1- (or pos json--point))))
    (and (< i (length json--text)) (aref json--text i))))

(defsubst json-peek ()
  "The character at point, or 0 at the end of the text."
  (or (json--char-after) 0))

(defun json-advance (&optional n)
  "Move point N characters (default 1) forward; past the end is an `end-of-buffer' error."
  (let ((target (+ json--point (or n 1)))
        (limit (1+ (length json--text))))
    (if (> target limit)
        (progn (setq json--point limit) (signal 'end-of-buffer nil))
      (setq json--point target))))

(defun json-pop ()
  "Move past the character at point and return it."
  (let ((c (json--char-after)))
    (unless c (signal 'json-end-of-file nil))
    (json-advance)
    c))

(defun json-skip-whitespace ()
  (let ((c (json--char-after)))
    (while (memq c '(?\t ?\n ?\r ?\s))
      (setq json--point (1+ json--point)
            c (json--char-after)))))

(defun json--looking-at (regexp)
  "Match REGEXP at point, setting the match data; return non-nil on success."
  (eql (string-match regexp json--text (1- json--point)) (1- json--point)))

(defun json--at-value-end-p ()
  "Non-nil if what follows point may end a value."
  (memq (json--char-after) '(nil ?\t ?\n ?\r ?\s ?, ?\] ?\})))

(defun json--word-char-p (c)
  (and c (or (<= ?a c ?z) (<= ?A c ?Z) (<= ?0 c ?9) (memq c '(?$ ?%)) (>= c 128))))

(defun json--word-at-point ()
  "The word around point, or the one just before it, as errors report it."
  (let ((beg json--point) (end json--point))
    (unless (json--word-char-p (json--char-after end))
      (setq beg (1- beg) end beg))
    (when (and (>= beg 1) (json--word-char-p (json--char-after beg)))
      (while (and (> beg 1) (json--word-char-p (json--char-after (1- beg))))
        (setq beg (1- beg)))
      (while (json--word-char-p (json--char-after end))
        (setq end (1+ end)))
      (substring json--text (1- beg) (1- end)))))

(defun json-read-keyword (keyword)
  "Read the literal KEYWORD (\"true\", \"false\" or \"null\") at point."
  (prog1 (cond ((equal keyword "true") t)
               ((equal keyword "false") json-false)
               ((equal keyword "null") json-null)
               (t (signal 'json-unknown-keyword (list keyword))))
    (or (string-prefix-p keyword (substring json--text (1- json--point)))
        (signal 'json-unknown-keyword (list (json--word-at-point))))
    (json-advance (length keyword))
    (or (json--at-value-end-p)
        (signal 'json-unknown-keyword (list (json--word-at-point))))
    (json-skip-whitespace)))

(defconst json--number-regexp
  "-?\\(?:[1-9][0-9]*\\|0\\)\\(?:\\.[0-9]+\\)?\\(?:[Ee][+-]?[0-9]+\\)?")

(defun json-read-number (&optional _sign)
  "Read the JSON number at point."
  (or (json--looking-at json--number-regexp)
      (signal 'json-number-format (list json--point)))
  (setq json--point (1+ (match-end 0)))
  (prog1 (string-to-number (match-string 0 json--text))
    (or (json--at-value-end-p)
        (signal 'json-number-format (list json--point)))
    (json-skip-whitespace)))

(defun json--decode-utf-16-surrogates (high low)
  "The code point of the UTF-16 surrogate pair HIGH, LOW."
  (+ (ash (- high #xD800) 10) (- low #xDC00) #x10000))

(defun json-read-escaped-char ()
  "Read the escape sequence at point (starting with its backslash)."
  (json-advance)
  (let ((c (json-pop)))
    (cond
     ((cdr (assq c json-special-chars)))
     ((/= c ?u) c)
     ((json--looking-at
       "\\([Dd][89ABab][[:xdigit:]][[:xdigit:]]\\)\\\\u\\([Dd][C-Fc-f][[:xdigit:]][[:xdigit:]]\\)")
      (json-advance 10)
      (json--decode-utf-16-surrogates
       (string-to-number (match-string 1 json--text) 16)
       (string-to-number (match-string 2 json--text) 16)))
     ((json--looking-at "[[:xdigit:]]\\{4\\}")
      (json-advance 4)
      (string-to-number (match-string 0 json--text) 16))
     (t (signal 'json-string-escape (list json--point))))))

(defun json-read-string ()
  "Read the JSON string at point (point is on its opening quote)."
  (json-advance)
  (let ((chars nil)
        (c (json-peek)))
    (while (/= c ?\")
      (when (< c 32)
        (if (zerop c)
            (signal 'json-end-of-file nil)
          (signal 'json-string-format (list c))))
      (push (if (= c ?\\)
                (json-read-escaped-char)
              (json-advance)
              c)
            chars)
      (setq c (json-peek)))
    (json-advance)
    (if chars (concat (nreverse chars)) "")))

(defun json-read-object ()
  "Read the JSON object at point."
  (json-advance)
  (json-skip-whitespace)
  (let ((elements (json-new-object))
        key value)
    (while (/= (json-peek) ?\})
      (json-skip-whitespace)
      (setq key (json-read-string))
      (json-skip-whitespace)
      (if (= (json-peek) ?:)
          (json-advance)
        (signal 'json-object-format (list ":" (json-peek))))
      (json-skip-whitespace)
      (when json-pre-element-read-function
        (funcall json-pre-element-read-function key))
      (setq value (json-read))
      (when json-post-element-read-function
        (funcall json-post-element-read-function))
      (setq elements (json-add-to-object elements key value))
      (json-skip-whitespace)
      (when (/= (json-peek) ?\})
        (if (= (json-peek) ?,)
            (json-advance)
          (signal 'json-object-format (list "," (json-peek))))))
    (json-advance)
    (pcase json-object-type
      ('alist (nreverse elements))
      ('plist (json--plist-nreverse elements))
      (_ elements))))

(defun json-read-array ()
  "Read the JSON array at point."
  (json-advance)
  (json-skip-whitespace)
  (let ((elements nil)
        (index 0))
    (while (/= (json-peek) ?\])
      (json-skip-whitespace)
      (when json-pre-element-read-function
        (funcall json-pre-element-read-function index)
        (setq index (1+ index)))
      (push (json-read) elements)
      (when json-post-element-read-function
        (funcall json-post-element-read-function))
      (json-skip-whitespace)
      (when (/= (json-peek) ?\])
        (if (= (json-peek) ?,)
            (json-advance)
          (signal 'json-array-format (list "," (json-peek))))))
    (json-advance)
    (pcase json-array-type
      ('vector (vconcat (nreverse elements)))
      ('list (nreverse elements)))))

(defun json-read ()
  "Read the JSON value at point, after any whitespace."
  (json-skip-whitespace)
  (let ((c (json--char-after)))
    (cond ((eq c ?\") (json-read-string))
          ((eq c ?\[) (json-read-array))
          ((eq c ?\{) (json-read-object))
          ((eq c ?n) (json-read-keyword "null"))
          ((eq c ?f) (json-read-keyword "false"))
          ((eq c ?t) (json-read-keyword "true"))
          ((memq c '(?- ?0 ?1 ?2 ?3 ?4 ?5 ?6 ?7 ?8 ?9)) (json-read-number))
          (c (signal 'json-readtable-error (list c)))
          (t (signal 'json-end-of-file nil)))))

(defun json-read-from-string (string)
  "Read the first JSON value in STRING and return it; what follows it is ignored."
  (let ((json--text string)
        (json--point 1))
    (json-read)))

(defvar json--path nil
  "The (POSITION . KEY) steps down to the element being read, innermost first.")

(defun json-path-to-position (position &optional string)
  "Return the path to the JSON element at POSITION (1-based) in STRING.
The value is a plist: :path, the list of keys and array indexes leading to the
element; :match-start and :match-end, where the element starts and ends.  Nil
if no element covers POSITION.  pdmacs has no buffers, so STRING is required."
  (unless (stringp string)
    (signal 'wrong-type-argument (list 'stringp string)))
  (let* ((json--path nil)
         (json-pre-element-read-function
          (lambda (key) (push (cons json--point key) json--path)))
         (json-post-element-read-function
          (lambda ()
            (let ((start (caar json--path)))
              (when (< start position (1+ json--point))
                (throw :json-path
                       (list :path (nreverse (mapcar #'cdr json--path))
                             :match-start start
                             :match-end json--point))))
            (pop json--path)))
         (path (catch :json-path (json-read-from-string string))))
    (and (plist-get path :path) path)))

;;;; UTF-8, as the native functions see strings

(defun json--string-bytes (string)
  "The bytes of STRING as a vector: a unibyte string's own, a multibyte one's UTF-8."
  (vconcat (encode-coding-string string 'utf-8-unix t)))

(defun json--utf8-sequence (bytes i)
  "Decode the UTF-8 sequence at index I of the byte vector BYTES, as jansson checks it.
Return (CHAR . LENGTH), or nil if the bytes there are not valid UTF-8."
  (let* ((n (length bytes))
         (b (aref bytes i))
         (count (cond ((< b #x80) 1) ((< b #xC2) 0) ((< b #xE0) 2)
                      ((< b #xF0) 3) ((< b #xF5) 4) (t 0))))
    (cond
     ((= count 1) (cons b 1))
     ((or (= count 0) (> (+ i count) n)) nil)
     (t (let ((c (logand b (aref [0 0 #x1F #x0F #x07] count)))
              (ok t))
          (dotimes (k (1- count))
            (let ((cb (aref bytes (+ i 1 k))))
              (if (/= (logand cb #xC0) #x80)
                  (setq ok nil)
                (setq c (logior (ash c 6) (logand cb #x3F))))))
          (and ok
               (not (and (= count 3) (< c #x800)))
               (not (and (= count 4) (< c #x10000)))
               (not (<= #xD800 c #xDFFF))
               (<= c #x10FFFF)
               (cons c count)))))))

(defun json--decode-utf8 (bytes)
  "The multibyte text of BYTES (a vector or list), UTF-8 known valid."
  (decode-coding-string (apply #'unibyte-string (append bytes nil)) 'utf-8-unix))

(defun json--check-string (string)
  "STRING's text as the native functions take it: error if it is not valid UTF-8.
A unibyte string is taken for UTF-8 bytes.  Decoding leaves every byte that
is not part of a valid sequence a raw byte: jansson's valid UTF-8 is text
that decodes with none."
  (let* ((bytes (encode-coding-string string 'utf-8-unix t))
         (text (decode-coding-string bytes 'utf-8-unix t)))
    (dotimes (i (length text))
      (when (>= (aref text i) #x3FFF80)
        (signal 'wrong-type-argument (list 'utf-8-string-p bytes))))
    text))

;;;; json-serialize

(defun json--parse-args (args parse)
  "Read the keyword ARGS of `json-serialize' (PARSE nil) or `json-parse-string'.
Return (OBJECT-TYPE ARRAY-TYPE NULL-OBJECT FALSE-OBJECT)."
  (unless (zerop (% (length args) 2))
    (signal 'wrong-type-argument (list 'plistp args)))
  (let ((object-type 'hash-table) (array-type 'array)
        (null-object :null) (false-object :false))
    (while args
      (let ((key (pop args)) (value (pop args)))
        (cond
         ((and parse (eq key :object-type))
          (unless (memq value '(hash-table alist plist))
            (signal 'error (list "One of hash-table, alist or plist should be specified" value)))
          (setq object-type value))
         ((and parse (eq key :array-type))
          (unless (memq value '(array list))
            (signal 'error (list "One of array or list should be specified" value)))
          (setq array-type value))
         ((eq key :null-object) (setq null-object value))
         ((eq key :false-object) (setq false-object value))
         (parse
          (signal 'error
                  (list (concat "One of :object-type, :array-type, :null-object"
                                " or :false-object should be specified")
                        value)))
         (t (signal 'error
                    (list "One of :null-object or :false-object should be specified"
                          value))))))
    (list object-type array-type null-object false-object)))

(defun json--serialize-string (string)
  "STRING quoted as jansson writes it."
  (let* ((text (json--check-string string))
         (start 0) (i 0) (n (length text))
         (pieces (list "\"")))
    (while (< i n)
      (let ((c (aref text i)))
        (when (or (< c 32) (eq c ?\") (eq c ?\\))
          (push (substring text start i) pieces)
          (push (pcase c
                  (?\" "\\\"") (?\\ "\\\\") (?\b "\\b") (?\f "\\f")
                  (?\n "\\n") (?\r "\\r") (?\t "\\t")
                  (_ (format "\\u%04X" c)))
                pieces)
          (setq start (1+ i))))
      (setq i (1+ i)))
    (push (substring text start) pieces)
    (push "\"" pieces)
    (apply #'concat (nreverse pieces))))

(defun json--serialize-float (x)
  "The float X as jansson prints it: 17 significant digits, always a dot or exponent."
  (unless (and (= x x) (/= x 1.0e+INF) (/= x -1.0e+INF))
    (signal 'json-out-of-memory nil))
  (let ((s (format "%.17g" x)))
    (unless (string-match-p "[.e]" s)
      (setq s (concat s ".0")))
    ;; No plus sign and no leading zeros in the exponent.
    (if (string-match "e\\(-?\\)\\+?0*\\([0-9]\\)" s)
        (replace-match "e\\1\\2" t nil s)
      s)))

(defun json--key-name (string)
  "Check that the key STRING has no NUL; return its text."
  (let ((text (json--check-string string)))
    (when (string-search "\0" string)
      (signal 'wrong-type-argument (list 'string-without-embedded-nulls-p string)))
    text))

(defun json--object-members (object)
  "The (KEY-TEXT . VALUE) members of OBJECT, a hash table, alist or plist, in order.
The first of duplicate alist or plist keys wins; its later values are not looked
at.  A key that cannot be one ends the list as (:error . ERROR), so that the
error comes after the members before it have been written, as in GNU Emacs."
  (let ((seen (make-hash-table :test #'equal))
        (members nil))
    (condition-case err
        (if (hash-table-p object)
            (maphash (lambda (key value)
                       (unless (stringp key)
                         (signal 'wrong-type-argument (list 'stringp key)))
                       (let ((text (json--key-name key)))
                         (when (gethash text seen)
                           (signal 'wrong-type-argument (list 'json-value-p object)))
                         (puthash text t seen)
                         (push (cons text value) members)))
                     object)
          (let ((tail object)
                (plist (not (consp (car object))))
                (slow object)
                (steps 0))
            (while (consp tail)
              (let (key value)
                (if plist
                    (progn
                      (setq key (car tail) tail (cdr tail))
                      (unless (consp tail)
                        (signal 'wrong-type-argument (list 'consp tail)))
                      (setq value (car tail)))
                  (let ((pair (car tail)))
                    (unless (consp pair)
                      (signal 'wrong-type-argument (list 'consp pair)))
                    (setq key (car pair) value (cdr pair))))
                (unless (symbolp key)
                  (signal 'wrong-type-argument (list 'symbolp key)))
                (let ((text (json--key-name (symbol-name key))))
                  (when (and plist (> (length text) 1) (eq (aref text 0) ?:))
                    (setq text (substring text 1)))
                  (unless (gethash text seen)
                    (puthash text t seen)
                    (push (cons text value) members))))
              (setq tail (cdr tail)
                    steps (1+ steps))
              (when (zerop (% steps 2))
                (setq slow (cdr slow))
                (when (eq slow tail)
                  (signal 'circular-list (list object)))))
            (when tail
              (signal 'wrong-type-argument (list 'listp object)))))
      (error (push (cons :error err) members)))
    (nreverse members)))

(defun json-serialize (object &rest args)
  "Return the JSON text of OBJECT, compact, as GNU Emacs's native serializer writes it.
OBJECT is t, a number, a string, a vector (an array), a hash table with string
keys, an alist or plist with symbol keys (objects), or one of the null and false
values.  ARGS are keyword arguments: :null-object (default :null) and
:false-object (default :false) name the values written as null and false."
  (let* ((conf (json--parse-args args nil))
         (null-object (nth 2 conf))
         (false-object (nth 3 conf))
         (out nil)
         (depth 0)
         (todo (list (cons 'value object))))
    ;; TODO holds what is left to write, in order: (value . X), a literal
    ;; string, or (error . ERROR) for a bad object key met there.
    (while todo
      (let ((item (pop todo)))
        (when (eq (car-safe item) 'error)
          (signal (car (cdr item)) (cdr (cdr item))))
        (if (stringp item)
            (progn
              (when (member item '("]" "}")) (setq depth (1- depth)))
              (push item out))
          (let ((x (cdr item)))
            (cond
             ((eq x null-object) (push "null" out))
             ((eq x false-object) (push "false" out))
             ((eq x t) (push "true" out))
             ((integerp x)
              (unless (<= -9223372036854775808 x 9223372036854775807)
                (signal 'args-out-of-range
                        (list x -9223372036854775808 9223372036854775807)))
              (push (number-to-string x) out))
             ((floatp x) (push (json--serialize-float x) out))
             ((stringp x) (push (json--serialize-string x) out))
             ((or (vectorp x) (hash-table-p x) (listp x))
              (setq depth (1+ depth))
              (when (> depth max-lisp-eval-depth)
                (signal 'json-object-too-deep nil))
              (let ((parts nil) (first t))
                (if (vectorp x)
                    (progn
                      (dotimes (i (length x))
                        (unless first (push "," parts))
                        (setq first nil)
                        (push (cons 'value (aref x i)) parts))
                      (setq todo (append (list "[") (nreverse parts) (list "]") todo)))
                  (dolist (m (if x (json--object-members x) nil))
                    (if (eq (car m) :error)
                        (push (cons 'error (cdr m)) parts)
                      (unless first (push "," parts))
                      (setq first nil)
                      (push (concat (json--serialize-string (car m)) ":") parts)
                      (push (cons 'value (cdr m)) parts)))
                  (setq todo (append (list "{") (nreverse parts) (list "}") todo)))))
             (t (signal 'wrong-type-argument (list 'json-value-p x))))))))
    ;; Emacs decodes jansson's UTF-8, which makes even ASCII text multibyte.
    (string-to-multibyte (apply #'concat (nreverse out)))))

;;;; json-parse-string

;; A lexer and parser after jansson's: they read the UTF-8 bytes of the text one
;; at a time and keep the line, column (in characters) and byte position that
;; errors report, and the text of the token being read, which errors quote.
(defvar json--lx-bytes [])
(defvar json--lx-index 0)
(defvar json--lx-line 1)
(defvar json--lx-column 0)
(defvar json--lx-last-column 0)
(defvar json--lx-state nil "nil while reading, `eof' or `error' after.")
(defvar json--lx-saved nil "The bytes of the token so far, newest first.")
(defvar json--lx-saved-length 0)
(defvar json--lx-error nil "The first error met: (SYMBOL . DATA).")
(defvar json--lx-token nil)
(defvar json--lx-value nil)

(defsubst json--lead-byte-p (b)
  "Non-nil if byte B starts a character: it counts for the column."
  (or (< b #x80) (<= #xC2 b #xF4)))

(defun json--lx-error (kind message)
  "Record the error MESSAGE unless one is recorded; KIND is how it is classed.
KIND is `syntax', `premature', `trailing' or `other'."
  (unless json--lx-error
    (let ((text message))
      (if json--lx-saved
          (when (<= json--lx-saved-length 20)
            (setq text (format "%s near '%s'" message
                               (json--decode-utf8 (reverse json--lx-saved)))))
        (when (eq kind 'syntax) (setq kind 'premature))
        (unless (eq json--lx-state 'error)
          (setq text (concat message " near end of file"))))
      (setq json--lx-error
            (list (pcase kind
                    ('premature 'json-end-of-file)
                    ('trailing 'json-trailing-content)
                    (_ 'json-parse-error))
                  text "<string>" json--lx-line json--lx-column json--lx-index)))))

(defvar json--lx-pending 0
  "How many bytes of the character being read remain; its lead byte was checked.")

(defun json--lx-get ()
  "The next byte, or -1 at the end, or -2 after bad UTF-8.
A character's lead byte is checked with the bytes after it, as jansson does."
  (cond
   ((eq json--lx-state 'eof) -1)
   ((eq json--lx-state 'error) -2)
   ((>= json--lx-index (length json--lx-bytes))
    (setq json--lx-state 'eof)
    -1)
   (t
    (let ((b (aref json--lx-bytes json--lx-index)))
      (if (> json--lx-pending 0)
          (setq json--lx-pending (1- json--lx-pending))
        (when (>= b #x80)
          (let ((seq (json--utf8-sequence json--lx-bytes json--lx-index)))
            (if seq
                (setq json--lx-pending (1- (cdr seq)))
              (setq json--lx-state 'error)
              (json--lx-error 'other (format "unable to decode byte 0x%x" b))
              (setq b -2)))))
      (when (>= b 0)
        (setq json--lx-index (1+ json--lx-index))
        (cond ((= b ?\n)
               (setq json--lx-line (1+ json--lx-line)
                     json--lx-last-column json--lx-column
                     json--lx-column 0))
              ((json--lead-byte-p b)
               (setq json--lx-column (1+ json--lx-column)))))
      b))))

(defun json--lx-unget (c)
  "Step back over C, the byte last read (never one inside a character)."
  (when (>= c 0)
    (setq json--lx-index (1- json--lx-index)
          json--lx-pending 0)
    (cond ((= c ?\n)
           (setq json--lx-line (1- json--lx-line)
                 json--lx-column json--lx-last-column))
          ((json--lead-byte-p c)
           (setq json--lx-column (1- json--lx-column))))))

(defsubst json--lx-save (c)
  (push c json--lx-saved)
  (setq json--lx-saved-length (1+ json--lx-saved-length)))

(defun json--lx-get-save ()
  (let ((c (json--lx-get)))
    (when (>= c 0) (json--lx-save c))
    c))

(defun json--lx-unget-unsave (c)
  (when (>= c 0)
    (json--lx-unget c)
    (pop json--lx-saved)
    (setq json--lx-saved-length (1- json--lx-saved-length))))

(defsubst json--digit-p (c) (<= ?0 c ?9))
(defsubst json--alpha-p (c) (or (<= ?a c ?z) (<= ?A c ?Z)))
(defsubst json--xdigit-p (c) (or (<= ?0 c ?9) (<= ?a c ?f) (<= ?A c ?F)))

(defun json--lx-scan-string ()
  "Scan a string token after its opening quote; on success set token `string'."
  (setq json--lx-token 'invalid)
  (let ((c (json--lx-get-save)) (failed nil))
    (while (and (not failed) (/= c ?\"))
      (cond
       ((= c -2) (setq failed t))
       ((= c -1)
        (json--lx-error 'premature "premature end of input")
        (setq failed t))
       ((<= 0 c #x1F)
        (json--lx-unget-unsave c)
        (json--lx-error 'syntax (if (= c ?\n) "unexpected newline"
                                  (format "control character 0x%x" c)))
        (setq failed t))
       ((= c ?\\)
        (setq c (json--lx-get-save))
        (cond
         ((= c ?u)
          (setq c (json--lx-get-save))
          (let ((k 0))
            (while (and (not failed) (< k 4))
              (if (not (json--xdigit-p c))
                  (progn (json--lx-error 'syntax "invalid escape")
                         (setq failed t))
                (setq c (json--lx-get-save) k (1+ k))))))
         ((memq c '(?\" ?\\ ?/ ?b ?f ?n ?r ?t))
          (setq c (json--lx-get-save)))
         (t (json--lx-error 'syntax "invalid escape")
            (setq failed t))))
       (t (setq c (json--lx-get-save)))))
    (unless failed
      (json--lx-decode-string))))

(defun json--lx-decode-string ()
  "Decode the escapes of the scanned string token into `json--lx-value'."
  (let* ((src (substring (vconcat (reverse (cdr json--lx-saved))) 1))
         ;; SRC is the token's bytes without its quotes.
         (i 0) (n (length src)) (out nil) (failed nil))
    (while (and (not failed) (< i n))
      (let ((b (aref src i)))
        (if (/= b ?\\)
            (progn (push b out) (setq i (1+ i)))
          (let ((e (aref src (1+ i))))
            (if (/= e ?u)
                (progn
                  (push (pcase e (?b ?\b) (?f ?\f) (?n ?\n) (?r ?\r) (?t ?\t) (_ e)) out)
                  (setq i (+ i 2)))
              (let ((value (string-to-number (concat (substring src (+ i 2) (+ i 6))) 16)))
                (setq i (+ i 6))
                (cond
                 ((<= #xD800 value #xDBFF)
                  (if (and (< (1+ i) n) (= (aref src i) ?\\) (= (aref src (1+ i)) ?u))
                      (let ((low (string-to-number
                                  (concat (substring src (+ i 2) (+ i 6))) 16)))
                        (setq i (+ i 6))
                        (if (<= #xDC00 low #xDFFF)
                            (setq value (+ (ash (- value #xD800) 10) (- low #xDC00) #x10000))
                          (json--lx-error 'syntax (format "invalid Unicode '\\u%04X\\u%04X'"
                                                          value low))
                          (setq failed t)))
                    (json--lx-error 'syntax (format "invalid Unicode '\\u%04X'" value))
                    (setq failed t)))
                 ((<= #xDC00 value #xDFFF)
                  (json--lx-error 'syntax (format "invalid Unicode '\\u%04X'" value))
                  (setq failed t)))
                (unless failed
                  ;; Escaped characters join the byte stream as their UTF-8.
                  (dolist (byte (append (json--string-bytes (string value)) nil))
                    (push byte out)))))))))
    (unless failed
      (setq json--lx-token 'string
            json--lx-value (json--decode-utf8 (nreverse out))))))

(defun json--lx-scan-number (c)
  "Scan a number token starting with byte C; on success set token `integer' or `real'."
  (setq json--lx-token 'invalid)
  (catch 'out
    (when (= c ?-) (setq c (json--lx-get-save)))
    (cond ((= c ?0)
           (setq c (json--lx-get-save))
           (when (json--digit-p c)
             (json--lx-unget-unsave c)
             (throw 'out nil)))
          ((json--digit-p c)
           (while (json--digit-p (setq c (json--lx-get-save)))))
          (t (json--lx-unget-unsave c)
             (throw 'out nil)))
    (if (not (memq c '(?. ?E ?e)))
        (progn
          (json--lx-unget-unsave c)
          (let ((n (string-to-number (concat (reverse json--lx-saved)))))
            (cond ((> n 9223372036854775807)
                   (json--lx-error 'other "too big integer"))
                  ((< n -9223372036854775808)
                   (json--lx-error 'other "too big negative integer"))
                  (t (setq json--lx-token 'integer json--lx-value n)))))
      (when (= c ?.)
        (setq c (json--lx-get))
        (unless (json--digit-p c)
          (json--lx-unget c)
          (throw 'out nil))
        (json--lx-save c)
        (while (json--digit-p (setq c (json--lx-get-save)))))
      (when (memq c '(?E ?e))
        (setq c (json--lx-get-save))
        (when (memq c '(?+ ?-)) (setq c (json--lx-get-save)))
        (unless (json--digit-p c)
          (json--lx-unget-unsave c)
          (throw 'out nil))
        (while (json--digit-p (setq c (json--lx-get-save)))))
      (json--lx-unget-unsave c)
      (let ((x (float (string-to-number (concat (reverse json--lx-saved))))))
        (if (or (= x 1.0e+INF) (= x -1.0e+INF))
            (json--lx-error 'other "real number overflow")
          (setq json--lx-token 'real json--lx-value x))))))

(defun json--lx-scan ()
  "Read the next token into `json--lx-token' (and `json--lx-value')."
  (setq json--lx-saved nil json--lx-saved-length 0 json--lx-value nil)
  (let ((c (json--lx-get)))
    (while (memq c '(?\s ?\t ?\n ?\r))
      (setq c (json--lx-get)))
    (cond
     ((= c -1) (setq json--lx-token 'eof))
     ((= c -2) (setq json--lx-token 'invalid))
     (t
      (json--lx-save c)
      (cond
       ((memq c '(?{ ?} ?\[ ?\] ?: ?,)) (setq json--lx-token c))
       ((= c ?\") (json--lx-scan-string))
       ((or (json--digit-p c) (= c ?-)) (json--lx-scan-number c))
       ((json--alpha-p c)
        (while (json--alpha-p (setq c (json--lx-get-save))))
        (json--lx-unget-unsave c)
        (let ((word (concat (reverse json--lx-saved))))
          (setq json--lx-token (cond ((equal word "true") 'true)
                                     ((equal word "false") 'false)
                                     ((equal word "null") 'null)
                                     (t 'invalid)))))
       (t
        ;; The rest of a multibyte character, so the error quotes it whole.
        (dotimes (_ json--lx-pending)
          (json--lx-get-save))
        (setq json--lx-token 'invalid)))))))

(defun json--parse-fail ()
  (signal (car json--lx-error) (cdr json--lx-error)))

(defun json-parse-string (string &rest args)
  "Parse the JSON text STRING and return its value, as GNU Emacs's native parser does.
ARGS are keyword arguments: :object-type is `hash-table' (the default), `alist'
or `plist'; :array-type is `array' (vectors, the default) or `list';
:null-object (default :null) and :false-object (default :false) are what null
and false become.  Errors are `json-parse-error', `json-end-of-file' and
`json-trailing-content', with the message, \"<string>\", and the line, column
and byte position of the error."
  (unless (stringp string)
    (signal 'wrong-type-argument (list 'stringp string)))
  (when (string-search "\0" string)
    (signal 'wrong-type-argument (list 'string-without-embedded-nulls-p string)))
  (let* ((conf (json--parse-args args t))
         (object-type (nth 0 conf))
         (array-type (nth 1 conf))
         (null-object (nth 2 conf))
         (false-object (nth 3 conf))
         (json--lx-bytes (json--string-bytes string))
         (json--lx-index 0) (json--lx-line 1) (json--lx-column 0)
         (json--lx-last-column 0) (json--lx-state nil)
         (json--lx-saved nil) (json--lx-saved-length 0)
         (json--lx-error nil) (json--lx-token nil) (json--lx-value nil)
         (json--lx-pending 0)
         (depth 0) (too-deep nil)
         ;; Open containers, innermost first: (array ELEMENTS) or
         ;; (object KEY MEMBERS INDEX), MEMBERS newest first as (KEY-STRING . VALUE)
         ;; and INDEX, once made, a hash table from key to member.
         (stack nil)
         (result nil) (done nil))
    (json--lx-scan)
    (while (not done)
      ;; Read a value starting at the current token, into VALUE, or open a container.
      (let ((value nil) (have nil))
        (setq depth (1+ depth))
        (when (> depth 2048)
          (json--lx-error 'other "maximum parsing depth reached")
          (json--parse-fail))
        (pcase json--lx-token
          ('string
           (when (string-search "\0" json--lx-value)
             (json--lx-error 'other "\\u0000 is not allowed without JSON_ALLOW_NUL")
             (json--parse-fail))
           (setq value json--lx-value have t))
          ((or 'integer 'real) (setq value json--lx-value have t))
          ('true (setq value t have t))
          ('false (setq value false-object have t))
          ('null (setq value null-object have t))
          (?\[
           (when (> depth max-lisp-eval-depth) (setq too-deep t))
           (json--lx-scan)
           (if (eq json--lx-token ?\])
               (setq value (if (eq array-type 'list) nil []) have t)
             (push (list 'array nil) stack)))
          (?{
           (when (> depth max-lisp-eval-depth) (setq too-deep t))
           (json--lx-scan)
           (if (eq json--lx-token ?})
               (setq value (json--parse-make-object nil object-type) have t)
             (push (list 'object nil nil nil) stack)
             (json--parse-key (car stack))))
          ('invalid (json--lx-error 'syntax "invalid token") (json--parse-fail))
          (_ (json--lx-error 'syntax "unexpected token") (json--parse-fail)))
        (when (and (not have) (eq (car (car stack)) 'array)
                   (eq json--lx-token 'eof))
          ;; jansson's array loop stops at the end of input before reading a value.
          (json--lx-error 'syntax "']' expected")
          (json--parse-fail))
        ;; Having a value, hand it to the containers it completes.
        (while have
          (setq depth (1- depth))
          (if (null stack)
              (setq result value have nil done t)
            (let ((frame (car stack)))
              (if (eq (car frame) 'array)
                  (push value (nth 1 frame))
                (json--parse-add-member frame value))
              (json--lx-scan)
              (if (eq json--lx-token ?,)
                  (progn
                    (json--lx-scan)
                    (setq have nil)
                    (if (eq (car frame) 'array)
                        (when (eq json--lx-token 'eof)
                          (json--lx-error 'syntax "']' expected")
                          (json--parse-fail))
                      (json--parse-key frame)))
                (pop stack)
                (if (eq (car frame) 'array)
                    (progn
                      (unless (eq json--lx-token ?\])
                        (json--lx-error 'syntax "']' expected")
                        (json--parse-fail))
                      (setq value (if (eq array-type 'list)
                                      (nreverse (nth 1 frame))
                                    (vconcat (nreverse (nth 1 frame))))))
                  (unless (eq json--lx-token ?})
                    (json--lx-error 'syntax "'}' expected")
                    (json--parse-fail))
                  (setq value (json--parse-make-object (nreverse (nth 2 frame))
                                                       object-type)))))))))
    (json--lx-scan)
    (unless (eq json--lx-token 'eof)
      (json--lx-error 'trailing "end of file expected")
      (json--parse-fail))
    (when too-deep
      (signal 'json-object-too-deep nil))
    result))

(defun json--parse-key (frame)
  "At the token after { or a comma in an object: read the key and the colon.
The key goes in the object's FRAME; the token left is the value's first."
  (unless (eq json--lx-token 'string)
    (json--lx-error 'syntax "string or '}' expected")
    (json--parse-fail))
  (when (string-search "\0" json--lx-value)
    (json--lx-error 'other "NUL byte in object key not supported")
    (json--parse-fail))
  (setcar (cdr frame) json--lx-value)
  (json--lx-scan)
  (unless (eq json--lx-token ?:)
    (json--lx-error 'syntax "':' expected")
    (json--parse-fail))
  (json--lx-scan))

(defun json--parse-add-member (frame value)
  "Add the pending key of the object FRAME with VALUE; a repeated key keeps its place."
  (let* ((key (nth 1 frame))
         (index (nth 3 frame))
         (old (if index (gethash key index) (assoc key (nth 2 frame)))))
    (if old
        (setcdr old value)
      (let ((member (cons key value)))
        (push member (nth 2 frame))
        (when index (puthash key member index))
        (when (and (null index) (> (length (nth 2 frame)) 16))
          ;; A large object gets an index so that each key is found at once.
          (let ((table (make-hash-table :test #'equal)))
            (dolist (m (nth 2 frame)) (puthash (car m) m table))
            (setcar (nthcdr 3 frame) table)))))))

(defun json--parse-make-object (members object-type)
  "The Lisp object of OBJECT-TYPE for MEMBERS, a list of (KEY-STRING . VALUE)."
  (pcase object-type
    ('hash-table
     (let ((table (make-hash-table :test #'equal :size (length members))))
       (dolist (m members) (puthash (car m) (cdr m) table))
       table))
    ('alist
     (mapcar (lambda (m) (cons (intern (car m)) (cdr m))) members))
    ('plist
     (let ((plist nil))
       (dolist (m members)
         (push (intern (concat ":" (car m))) plist)
         (push (cdr m) plist))
       (nreverse plist)))))

(provide 'json)

;;; json.el ends here
