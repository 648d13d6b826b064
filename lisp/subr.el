;;; subr.el --- basic Lisp functions and macros  -*- lexical-binding: t -*-

;; The everyday macros and functions that GNU Emacs writes in Lisp and
;; preloads: control structures, list and string helpers, errors, hooks.

;;;; Control structures.

(defmacro when (cond &rest body)
  "If COND yields non-nil, run BODY and return its last value."
  (declare (indent 1))
  (list 'if cond (cons 'progn body)))

(defmacro unless (cond &rest body)
  "If COND yields nil, run BODY and return its last value."
  (declare (indent 1))
  (cons 'if (cons cond (cons nil body))))

(defmacro dolist (spec &rest body)
  "Loop over a list: (dolist (VAR LIST [RESULT]) BODY...).
VAR is bound to each element of LIST in turn; RESULT, evaluated with VAR
bound to nil, is the value."
  (declare (indent 1))
  (let ((tail (make-symbol "tail")))
    `(let ((,tail ,(nth 1 spec)))
       (while ,tail
         (let ((,(car spec) (car ,tail)))
           ,@body
           (setq ,tail (cdr ,tail))))
       ,@(if (cdr (cdr spec))
             `((let ((,(car spec) nil)) ,(car spec) ,@(cdr (cdr spec))))))))

(defmacro dotimes (spec &rest body)
  "Loop a number of times: (dotimes (VAR COUNT [RESULT]) BODY...).
VAR runs from 0 up to COUNT minus one; RESULT is evaluated with VAR bound to
COUNT."
  (declare (indent 1))
  (let ((limit (make-symbol "limit"))
        (counter (make-symbol "counter")))
    `(let ((,limit ,(nth 1 spec))
           (,counter 0))
       (while (< ,counter ,limit)
         (let ((,(car spec) ,counter))
           ,@body)
         (setq ,counter (1+ ,counter)))
       ,@(if (cdr (cdr spec))
             `((let ((,(car spec) ,counter)) ,(car spec) ,@(cdr (cdr spec))))))))

(defmacro push (newelt place)
  "Add NEWELT to the front of the list stored in PLACE."
  (if (symbolp place)
      (list 'setq place (list 'cons newelt place))
    (macroexp-let2 macroexp-copyable-p v newelt
      (gv-letplace (getter setter) place
        (funcall setter `(cons ,v ,getter))))))

(defmacro pop (place)
  "Remove the first element of the list in PLACE and return it."
  `(car-safe
    ,(if (symbolp place)
         `(prog1 ,place (setq ,place (cdr ,place)))
       (gv-letplace (getter setter) place
         `(prog1 ,getter ,(funcall setter `(cdr ,getter)))))))

(defmacro ignore-errors (&rest body)
  "Run BODY; if it signals an error, return nil instead."
  (declare (indent 0))
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro ignore-error (condition &rest body)
  "Run BODY, returning nil if it signals CONDITION."
  (declare (indent 1))
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro with-demoted-errors (format &rest body)
  "Run BODY; report an error with `message' using FORMAT and return nil."
  (declare (indent 1))
  (let ((err (make-symbol "err")))
    (unless (stringp format)
      (setq body (cons format body) format "Error: %S"))
    `(condition-case ,err
         (progn ,@body)
       (error (message ,format ,err) nil))))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  "Like `condition-case', but let the debugger see errors when debugging."
  (declare (indent 2))
  `(condition-case ,var ,bodyform
     ,@(mapcar (lambda (handler)
                 (if (memq (car-safe handler) '(:success debug))
                     handler
                   (cons (if (listp (car handler))
                             (cons 'debug (car handler))
                           (list 'debug (car handler)))
                         (cdr handler))))
               handlers)))

(defmacro save-match-data (&rest body)
  "Run BODY, restoring the match data afterwards."
  (declare (indent 0))
  (let ((saved (make-symbol "saved-match-data")))
    `(let ((,saved (match-data)))
       (unwind-protect (progn ,@body)
         (set-match-data ,saved t)))))

(defmacro letrec (binders &rest body)
  "Bind BINDERS so each value form can refer to all the variables."
  (declare (indent 1))
  `(let ,(mapcar (lambda (b) (if (consp b) (car b) b)) binders)
     ,@(delq nil (mapcar (lambda (b) (if (consp b) `(setq ,(car b) ,(car (cdr b)))))
                         binders))
     ,@body))

(defmacro dlet (binders &rest body)
  "Like `let', but bind the variables dynamically."
  (declare (indent 1))
  `(progn
     ,@(mapcar (lambda (b) `(defvar ,(if (consp b) (car b) b))) binders)
     (let ,binders ,@body)))

(defmacro setq-default (&rest pairs)
  "Set the default value of each VAR in PAIRS (VAR VALUE ...)."
  (let ((forms nil))
    (while pairs
      (push `(set-default ',(car pairs) ,(car (cdr pairs))) forms)
      (setq pairs (cdr (cdr pairs))))
    (macroexp-progn (nreverse forms))))

(defmacro setq-local (&rest pairs)
  "Set each VAR in PAIRS (VAR VALUE ...) buffer-locally."
  (let ((forms nil))
    (while pairs
      (push `(set (make-local-variable ',(car pairs)) ,(car (cdr pairs))) forms)
      (setq pairs (cdr (cdr pairs))))
    (macroexp-progn (nreverse forms))))

(defmacro defvar-local (symbol value &optional docstring)
  "Define SYMBOL as a variable that is buffer-local when set."
  (declare (doc-string 3) (indent 2))
  `(progn (defvar ,symbol ,value ,docstring)
          (make-variable-buffer-local ',symbol)))

(defmacro defgroup (&rest _args)
  "Declare a customization group: nothing to do without Custom."
  nil)

(defmacro defcustom (symbol standard &optional doc &rest _args)
  "Define SYMBOL as a user option; without Custom, a `defvar'."
  (declare (doc-string 3))
  `(defvar ,symbol ,standard ,doc))

(defmacro defface (face _spec &optional doc &rest _args)
  "Define FACE; without a display, only its documentation is kept."
  (declare (doc-string 3))
  `(progn (put ',face 'face-documentation ,doc) ',face))

(defmacro bound-and-true-p (var)
  "The value of VAR if it is bound, else nil."
  `(and (boundp ',var) ,var))

(defmacro with-output-to-string (&rest body)
  "Run BODY with `standard-output' collecting text; return that text."
  (declare (indent 0))
  `(let ((standard-output (internal--string-output-stream)))
     (progn ,@body)
     (internal--string-output-contents standard-output)))

(defun eval-after-load (file form)
  "Arrange to run FORM (a function or a form) once FILE is loaded.
FILE is a feature symbol or a file name.  If it is already loaded, FORM
runs now; otherwise it is recorded in `after-load-alist' for `load'."
  (let ((fn (if (functionp form) form (lambda () (eval form lexical-binding))))
        (feature (if (stringp file) (intern (file-name-base file)) file)))
    (if (featurep feature)
        (funcall fn)
      (let ((cell (assoc file after-load-alist)))
        (if cell
            (setcdr cell (append (cdr cell) (list fn)))
          (push (list file fn) after-load-alist))))
    nil))

(defvar after-load-alist nil
  "Alist of (FILE-OR-FEATURE FUNCTIONS...) to call when it is loaded.")

(defmacro with-eval-after-load (file &rest body)
  "Run BODY once FILE (a feature or file name) is loaded; now if it is."
  (declare (indent 1))
  `(eval-after-load ,file (lambda () ,@body)))

;;;; Errors.

(defun error (&rest args)
  "Signal an `error' whose message is (apply #\\='format-message ARGS)."
  (signal 'error (list (apply #'format-message args))))

(defun user-error (format &rest args)
  "Signal a `user-error': a problem with what the user asked, not a bug."
  (signal 'user-error (list (apply #'format-message format args))))

(defun define-error (name message &optional parent)
  "Define NAME as an error symbol with MESSAGE, inheriting from PARENT.
PARENT is an error symbol or a list of them; it defaults to `error'."
  ;; As in Emacs, only the members of a list of parents must already be
  ;; errors: a single PARENT is taken on trust, which lets an error name
  ;; itself as parent to stay out of the `error' category.
  (let ((conditions
         (if (consp parent)
             (apply #'append
                    (mapcar (lambda (p)
                              (cons p (or (get p 'error-conditions)
                                          (error "Unknown signal `%s'" p))))
                            parent))
           (let ((p (or parent 'error)))
             (cons p (get p 'error-conditions))))))
    (put name 'error-conditions (delete-dups (cons name conditions)))
    (when message (put name 'error-message message))))

;;;; The car/cdr family.

(defun caar (x) "The car of the car of X." (car (car x)))
(defun cadr (x) "The car of the cdr of X." (car (cdr x)))
(defun cdar (x) "The cdr of the car of X." (cdr (car x)))
(defun cddr (x) "The cdr of the cdr of X." (cdr (cdr x)))
(defun caaar (x) "The car of (caar X)." (car (car (car x))))
(defun caadr (x) "The car of (cadr X)." (car (car (cdr x))))
(defun cadar (x) "The car of (cdar X)." (car (cdr (car x))))
(defun caddr (x) "The car of (cddr X)." (car (cdr (cdr x))))
(defun cdaar (x) "The cdr of (caar X)." (cdr (car (car x))))
(defun cdadr (x) "The cdr of (cadr X)." (cdr (car (cdr x))))
(defun cddar (x) "The cdr of (cdar X)." (cdr (cdr (car x))))
(defun cdddr (x) "The cdr of (cddr X)." (cdr (cdr (cdr x))))
(defun caaaar (x) "The car of (caaar X)." (car (car (car (car x)))))
(defun caaadr (x) "The car of (caadr X)." (car (car (car (cdr x)))))
(defun caadar (x) "The car of (cadar X)." (car (car (cdr (car x)))))
(defun caaddr (x) "The car of (caddr X)." (car (car (cdr (cdr x)))))
(defun cadaar (x) "The car of (cdaar X)." (car (cdr (car (car x)))))
(defun cadadr (x) "The car of (cdadr X)." (car (cdr (car (cdr x)))))
(defun caddar (x) "The car of (cddar X)." (car (cdr (cdr (car x)))))
(defun cadddr (x) "The car of (cdddr X)." (car (cdr (cdr (cdr x)))))
(defun cdaaar (x) "The cdr of (caaar X)." (cdr (car (car (car x)))))
(defun cdaadr (x) "The cdr of (caadr X)." (cdr (car (car (cdr x)))))
(defun cdadar (x) "The cdr of (cadar X)." (cdr (car (cdr (car x)))))
(defun cdaddr (x) "The cdr of (caddr X)." (cdr (car (cdr (cdr x)))))
(defun cddaar (x) "The cdr of (cdaar X)." (cdr (cdr (car (car x)))))
(defun cddadr (x) "The cdr of (cdadr X)." (cdr (cdr (car (cdr x)))))
(defun cdddar (x) "The cdr of (cddar X)." (cdr (cdr (cdr (car x)))))
(defun cddddr (x) "The cdr of (cdddr X)." (cdr (cdr (cdr (cdr x)))))

;;;; Lists.

(defun last (list &optional n)
  "The last cons of LIST, or with N its last N conses."
  (if n
      (and (> n 0)
           (let ((len (safe-length list)))
             (if (< n len) (nthcdr (- len n) list) list)))
    (and list (nthcdr (1- (safe-length list)) list))))

(defun butlast (list &optional n)
  "A copy of LIST without its last N elements (default 1)."
  (let ((n (or n 1)))
    (if (<= n 0) list
      (let ((keep (- (length list) n)))
        (and (> keep 0) (subr--first-n list keep))))))

(defun subr--first-n (list n)
  "A fresh list of the first N elements of LIST."
  (let ((result nil))
    (while (and list (> n 0))
      (push (car list) result)
      (setq list (cdr list) n (1- n)))
    (nreverse result)))

(defun nbutlast (list &optional n)
  "Remove the last N elements (default 1) of LIST destructively."
  (let ((n (or n 1))
        (len (length list)))
    (cond ((<= n 0) list)
          ((>= n len) nil)
          (t (setcdr (nthcdr (- len n 1) list) nil) list))))

(defun remove (elt seq)
  "A copy of SEQ without the elements `equal' to ELT."
  (delete elt (copy-sequence seq)))

(defun delete-dups (list)
  "Destructively remove `equal' duplicates from LIST, keeping first ones."
  (let ((seen (make-hash-table :test #'equal))
        (tail list)
        (prev nil))
    (while tail
      (if (gethash (car tail) seen)
          (setcdr prev (cdr tail))
        (puthash (car tail) t seen)
        (setq prev tail))
      (setq tail (cdr tail))))
  list)

(defun number-sequence (from &optional to sep)
  "The list of numbers FROM, FROM+SEP, ... up to TO (SEP defaults to 1)."
  (if (or (null to) (= from to))
      (list from)
    (let ((step (or sep 1))
          (result nil)
          (n 0)
          (next from))
      (when (zerop step) (error "The increment can not be zero"))
      (if (> step 0)
          (while (<= next to)
            (push next result)
            (setq n (1+ n) next (+ from (* n step))))
        (while (>= next to)
          (push next result)
          (setq n (1+ n) next (+ from (* n step)))))
      (nreverse result))))

(defun copy-tree (tree &optional vecp)
  "A copy of TREE: its conses (and with VECP its vectors) copied recursively."
  (cond ((consp tree)
         (let ((result nil))
           (while (consp tree)
             (push (copy-tree (car tree) vecp) result)
             (setq tree (cdr tree)))
           (nconc (nreverse result) (copy-tree tree vecp))))
        ((and vecp (vectorp tree))
         (let ((copy (copy-sequence tree)))
           (dotimes (i (length copy))
             (aset copy i (copy-tree (aref copy i) vecp)))
           copy))
        (t tree)))

(defun flatten-tree (tree)
  "The non-nil atoms of TREE, in order, as a flat list."
  (let ((result nil)
        (stack (list tree)))
    (while stack
      (let ((x (pop stack)))
        (cond ((consp x)
               (push (cdr x) stack)
               (push (car x) stack))
              (x (push x result)))))
    (nreverse result)))

(defun booleanp (object)
  "Non-nil if OBJECT is nil or t."
  (and (memq object '(nil t)) t))

(defun ensure-list (object)
  "OBJECT if it is a list, else a list containing it."
  (if (listp object) object (list object)))

(defun xor (cond1 cond2)
  "Non-nil if exactly one of COND1 and COND2 is non-nil; that one."
  (cond ((not cond1) cond2)
        ((not cond2) cond1)))

(defun add-to-list (list-var element &optional append compare-fn)
  "Add ELEMENT to the list in LIST-VAR unless it is already there.
It goes at the front, or at the end with APPEND; COMPARE-FN defaults to
`equal'."
  (let ((value (symbol-value list-var)))
    (if (cond ((null compare-fn) (member element value))
              ((eq compare-fn #'eq) (memq element value))
              ((eq compare-fn #'eql) (memql element value))
              (t (let ((found nil) (tail value))
                   (while (and tail (not found))
                     (setq found (funcall compare-fn element (car tail))
                           tail (cdr tail)))
                   found)))
        value
      (set list-var (if append (append value (list element))
                      (cons element value))))))

(defun alist-get (key alist &optional default remove testfn)
  "The value associated with KEY in ALIST, or DEFAULT.
KEY is compared with `eq', or with TESTFN when given."
  (ignore remove)
  (let ((cell (if testfn (assoc key alist testfn) (assq key alist))))
    (if cell (cdr cell) default)))

(defun assoc-default (key alist &optional test default)
  "The value for KEY in ALIST, whose elements are (REGEXP-OR-KEY . VALUE).
TEST (default `equal') is called with an element's key and KEY; elements
that are not conses match like keys and give DEFAULT."
  (let ((found nil) (value nil))
    (while (and alist (not found))
      (let ((elt (car alist)))
        (when (funcall (or test #'equal) (if (consp elt) (car elt) elt) key)
          (setq found t value (if (consp elt) (cdr elt) default))))
      (setq alist (cdr alist)))
    value))

(defun assq-delete-all (key alist)
  "Remove from ALIST the elements whose car is `eq' to KEY."
  (assoc-delete-all key alist #'eq))

(defun assoc-delete-all (key alist &optional test)
  "Remove from ALIST the elements whose car matches KEY (by TEST or `equal')."
  (let ((test (or test #'equal)))
    (while (and (consp (car alist)) (funcall test (car (car alist)) key))
      (setq alist (cdr alist)))
    (let ((tail alist))
      (while (cdr tail)
        (if (and (consp (car (cdr tail))) (funcall test (car (car (cdr tail))) key))
            (setcdr tail (cdr (cdr tail)))
          (setq tail (cdr tail)))))
    alist))

(defun rassq-delete-all (value alist)
  "Remove from ALIST the elements whose cdr is `eq' to VALUE."
  (delq nil (mapcar (lambda (e) (unless (and (consp e) (eq (cdr e) value)) e))
                    alist)))

(defun gensym (&optional prefix)
  "A new uninterned symbol named PREFIX (default \"g\") and a counter."
  (let ((number gensym-counter))
    (setq gensym-counter (1+ gensym-counter))
    (make-symbol (format "%s%d" (or prefix "g") number))))

(defvar gensym-counter 0
  "The number the next `gensym' will use.")

(defun apply-partially (fun &rest args)
  "A function calling FUN with ARGS followed by its own arguments."
  (lambda (&rest more) (apply fun (append args more))))

(defun macrop (object)
  "Non-nil if OBJECT is a macro, or a symbol naming one."
  (let ((def (indirect-function object)))
    (eq (car-safe def) 'macro)))

(defun function-get (f prop &optional _autoload)
  "The PROP property of function F, following aliases."
  (let ((value nil))
    (while (and (symbolp f) (null (setq value (get f prop)))
                (fboundp f) (symbolp (symbol-function f))
                (symbol-function f))
      (setq f (symbol-function f)))
    value))

;;;; Hooks.

(defun add-hook (hook function &optional depth local)
  "Add FUNCTION to the list in HOOK; at the end when DEPTH is non-nil."
  (ignore local)
  (unless (boundp hook) (set hook nil))
  (let ((value (symbol-value hook)))
    (when (or (functionp value) (eq (car-safe value) 'lambda))
      (setq value (list value)))
    (unless (member function value)
      (setq value (if (and depth (not (and (numberp depth) (< depth 0))))
                      (append value (list function))
                    (cons function value))))
    (set hook value)))

(defun remove-hook (hook function &optional local)
  "Remove FUNCTION from the list in HOOK."
  (ignore local)
  (when (boundp hook)
    (let ((value (symbol-value hook)))
      (set hook (if (or (functionp value) (eq (car-safe value) 'lambda))
                    (unless (equal value function) value)
                  (remove function value))))))

;;;; Strings.

(defun match-string (num &optional string)
  "The text matched by group NUM of the last search, in STRING if given."
  (when (match-beginning num)
    (if string
        (substring string (match-beginning num) (match-end num))
      (buffer-substring (match-beginning num) (match-end num)))))

(defun match-string-no-properties (num &optional string)
  "Like `match-string'; strings here carry no text properties."
  (match-string num string))

(defun string-prefix-p (prefix string &optional ignore-case)
  "Non-nil if STRING starts with PREFIX."
  (let ((n (length prefix)))
    (and (<= n (length string))
         (eq t (compare-strings prefix 0 n string 0 n ignore-case)))))

(defun string-suffix-p (suffix string &optional ignore-case)
  "Non-nil if STRING ends with SUFFIX."
  (let ((start (- (length string) (length suffix))))
    (and (>= start 0)
         (eq t (compare-strings suffix nil nil string start nil ignore-case)))))

(defconst regexp-unmatchable "\\`a\\`"
  "A regexp no string matches: \"a\" right at the start, then the start again.")

(defvar split-string-default-separators "[ \f\t\n\r\v]+"
  "The separators `split-string' uses when given none.")

(defun split-string (string &optional separators omit-nulls trim)
  "Split STRING into the substrings between matches of SEPARATORS.
Without SEPARATORS, split at whitespace and drop empty pieces; with them, drop
empty pieces only if OMIT-NULLS.  TRIM, a regexp, is removed from both ends
of each piece."
  (let ((regexp (or separators split-string-default-separators))
        (keep-nulls (and separators (not omit-nulls)))
        (len (length string))
        (start 0)
        (from 0)
        (pieces nil))
    (save-match-data
      (while (and (< start len) (string-match regexp string from))
        (let ((piece (substring string start (match-beginning 0)))
              (empty-match (= (match-beginning 0) (match-end 0))))
          (setq start (match-end 0)
                from (if empty-match (1+ start) start))
          (push piece pieces)))
      (push (substring string start) pieces)
      (when trim
        (setq pieces (mapcar (lambda (p) (string-trim p trim trim)) pieces))))
    (nreverse (if keep-nulls pieces (delete "" pieces)))))

(defun string-trim-left (string &optional regexp)
  "STRING without a leading match of REGEXP (default whitespace)."
  (if (string-match (concat "\\`\\(?:" (or regexp "[ \t\n\r]+") "\\)") string)
      (substring string (match-end 0))
    string))

(defun string-trim-right (string &optional regexp)
  "STRING without a trailing match of REGEXP (default whitespace)."
  (let ((start (string-match-p (concat "\\(?:" (or regexp "[ \t\n\r]+") "\\)\\'")
                               string)))
    (if start (substring string 0 start) string)))

(defun string-trim (string &optional trim-left trim-right)
  "STRING without leading TRIM-LEFT and trailing TRIM-RIGHT (default blanks)."
  (string-trim-left (string-trim-right string trim-right) trim-left))

(defun string-replace (from-string to-string in-string)
  "IN-STRING with every FROM-STRING replaced by TO-STRING."
  (when (equal from-string "")
    (signal 'wrong-length-argument '(0)))
  (replace-regexp-in-string (regexp-quote from-string) to-string in-string t t))

(defun replace-regexp-in-string (regexp rep string &optional fixedcase literal
                                        subexp start)
  "Replace every match of REGEXP in STRING with REP, returning a new string.
REP is a replacement string as for `replace-match', or a function called with
the matched text that returns one.  FIXEDCASE, LITERAL and SUBEXP are passed
to `replace-match'.  With START, searching starts there and the result omits
the text before it."
  (let ((len (length string))
        (pos (or start 0))
        (pieces nil))
    (save-match-data
      (while (and (< pos len) (string-match regexp string pos))
        (let* ((mb (match-beginning 0))
               (me (match-end 0))
               (matched (substring string mb me))
               (replacement (if (stringp rep) rep
                              (save-match-data (funcall rep matched)))))
          (push (substring string pos mb) pieces)
          ;; Match again inside the matched text so that `replace-match'
          ;; works on it alone.
          (string-match regexp matched)
          (push (replace-match replacement fixedcase literal matched subexp) pieces)
          (if (< mb me)
              (setq pos me)
            (when (< me len) (push (substring string me (1+ me)) pieces))
            (setq pos (1+ me)))))
      (when (< pos len) (push (substring string pos) pieces)))
    (apply #'concat (nreverse pieces))))

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  "STRING with every FROMCHAR replaced by TOCHAR (modified when INPLACE)."
  (let ((result (if inplace string (copy-sequence string))))
    (dotimes (i (length result))
      (when (eq (aref result i) fromchar) (aset result i tochar)))
    result))

(defun byte-to-string (byte)
  "Return a unibyte string of one character, the byte BYTE (0 to 255)."
  (unibyte-string byte))

(defun sha1 (object &optional start end binary)
  "The SHA-1 digest of OBJECT (from START to END), in hex or, with BINARY, as bytes."
  (secure-hash 'sha1 object start end binary))

(defun string-to-list (string)
  "The list of characters of STRING."
  (append string nil))

(defun string-to-vector (string)
  "The vector of characters of STRING."
  (vconcat string))

(defun string-lines (string &optional omit-nulls)
  "The lines of STRING, without their newlines."
  (split-string string "\n" omit-nulls))

;;;; More list and string helpers.

(defun always (&rest _arguments)
  "Ignore the arguments and return t."
  t)

(defun string-or-null-p (object)
  "Non-nil (t) if OBJECT is a string or nil."
  (or (stringp object) (null object)))

(defun member-ignore-case (elt list)
  "The tail of LIST whose car is the string ELT up to case, or nil.
Elements of LIST that are not strings never match."
  (while (and list
              (not (and (stringp (car list))
                        (eq t (compare-strings elt 0 nil (car list) 0 nil t)))))
    (setq list (cdr list)))
  list)

(defun delete-consecutive-dups (list &optional circular)
  "Destructively drop from LIST each element `equal' to the one before it.
With CIRCULAR, the last element also counts as coming before the first."
  (let ((tail list) (before-last nil))
    (while (cdr tail)
      (if (equal (car tail) (car (cdr tail)))
          (setcdr tail (cdr (cdr tail)))
        (setq before-last tail tail (cdr tail))))
    (when (and circular before-last (equal (car tail) (car list)))
      (setcdr before-last nil)))
  list)

(defun add-to-ordered-list (list-var element &optional order)
  "Add ELEMENT (tested with `eq') to the list in LIST-VAR, keeping it sorted.
A number ORDER gives ELEMENT that rank; another non-nil ORDER removes its
rank.  Ranks live in the `list-order' property of LIST-VAR; elements with a
rank come first, in increasing rank order."
  (let ((ranks (or (get list-var 'list-order)
                   (put list-var 'list-order (make-hash-table :test #'eq)))))
    (when order
      (puthash element (and (numberp order) order) ranks))
    (unless (memq element (symbol-value list-var))
      (set list-var (cons element (symbol-value list-var))))
    (set list-var
         (sort (symbol-value list-var)
               (lambda (a b)
                 (let ((ra (gethash a ranks)) (rb (gethash b ranks)))
                   (if (and ra rb) (< ra rb) ra)))))))

(defun combine-and-quote-strings (strings &optional separator)
  "The STRINGS joined with SEPARATOR (default a space).
A string holding a quote, a backslash or the separator is written as a Lisp
string literal, so that `split-string-and-unquote' gives STRINGS back."
  (let* ((sep (or separator " "))
         (needs-quotes (concat "[\\\"]\\|" (regexp-quote sep))))
    (mapconcat (lambda (string)
                 (if (string-match-p needs-quotes string)
                     (concat "\""
                             (replace-regexp-in-string "[\\\"]" "\\\\\\&" string)
                             "\"")
                   string))
               strings sep)))

(defun split-string-and-unquote (string &optional separator)
  "Split STRING at matches of SEPARATOR (default whitespace), reading the
double-quoted parts as Lisp strings."
  (let ((sep (or separator "\\s-+"))
        (quote-start (string-search "\"" string)))
    (if (null quote-start)
        (split-string string sep t)
      (let ((read (read-from-string string quote-start)))
        (append (and (> quote-start 0)
                     (split-string (substring string 0 quote-start) sep t))
                (cons (car read)
                      (split-string-and-unquote (substring string (cdr read))
                                                sep)))))))

(defun shell-quote-argument (argument)
  "ARGUMENT quoted for a POSIX shell: each character other than letters,
digits and -_./ gets a backslash, and newlines are put in single quotes."
  (if (equal argument "")
      "''"
    (string-replace "\n" "'\n'"
                    (replace-regexp-in-string "[^-0-9a-zA-Z_./\n]" "\\\\\\&"
                                              argument))))

(defun match-substitute-replacement (replacement &optional fixedcase literal
                                                 string subexp)
  "REPLACEMENT with its \\& and \\N references filled in from the last match,
as `replace-match' would put it in place of the matched text (in STRING if
the match was on a string).  The match data is left alone."
  (let ((matched (match-string 0 string))
        (offset (match-beginning 0)))
    (save-match-data
      (set-match-data (mapcar (lambda (pos) (and pos (- pos offset))) (match-data)))
      (replace-match replacement fixedcase literal matched subexp))))

(defun subregexp-context-p (regexp pos &optional start)
  "Non-nil if position POS of REGEXP is where a sub-regexp may start: not
inside brackets, repetition bounds or just after a backslash.  START, if
given, is an earlier position known to be such a place."
  ;; The regexp compiler decides: the text up to POS compiles, or fails only
  ;; because a group is still open, exactly in such a context.
  (condition-case err
      (progn (string-match (substring regexp (or start 0) pos) "") t)
    (invalid-regexp
     (not (member (car (cdr err))
                  '("Unmatched [ or [^" "Unmatched \\{" "Trailing backslash"))))))

;;;; Versions.

(defconst version-separator "."
  "The string separating the numbers of a version.")

(defconst version-regexp-alist
  '(("^[-._+ ]?snapshot$" . -4)
    ("^[-._+]$" . -4)
    ("^[-._+ ]?\\(cvs\\|git\\|bzr\\|svn\\|hg\\|darcs\\)$" . -4)
    ("^[-._+ ]?unknown$" . -4)
    ("^[-._+ ]?alpha$" . -3)
    ("^[-._+ ]?beta$" . -2)
    ("^[-._+ ]?\\(pre\\|rc\\)$" . -1))
  "How `version-to-list' ranks the words of prerelease versions: (REGEXP .
NUMBER), the negative NUMBER standing for a version part matching REGEXP.")

(defun version-to-list (ver)
  "The list of integers for version string VER, as \"1.2beta3\" => (1 2 -2 3).
Words in `version-regexp-alist' become their (negative) rank; a single letter
at the end counts as its place in the alphabet."
  (unless (stringp ver)
    (error "Version must be a string"))
  (when (string-prefix-p version-separator ver)
    (setq ver (concat "0" ver)))
  (unless (string-match-p "^[0-9]" ver)
    (error "Invalid version syntax: `%s' (must start with a number)" ver))
  (let ((case-fold-search t)
        (pos 0)
        (len (length ver))
        (parts nil))
    (save-match-data
      (while (eq (string-match "[0-9]+" ver pos) pos)
        (push (string-to-number (match-string 0 ver)) parts)
        (setq pos (match-end 0))
        (when (eq (string-match "[^0-9]+" ver pos) pos)
          (let ((word (match-string 0 ver)))
            (setq pos (match-end 0))
            (unless (string= word version-separator)
              (let ((rank (assoc-default word version-regexp-alist #'string-match)))
                (cond (rank (push rank parts))
                      ((and (= pos len)
                            (string-match "^[-._+ ]?\\([a-zA-Z]\\)$" word))
                       (push (1+ (- (downcase (aref (match-string 1 word) 0)) ?a))
                             parts))
                      (t (error "Invalid version syntax: `%s'" ver)))))))))
    (nreverse parts)))

(defun version-list-not-zero (lst)
  "The first element of LST that is not zero, or 0."
  (while (and lst (zerop (car lst)))
    (setq lst (cdr lst)))
  (if lst (car lst) 0))

(defun version--list-compare (l1 l2)
  "A number below, equal to or above zero as version list L1 is lower than,
equal to or higher than L2.  Missing trailing parts count as zeros."
  (while (and l1 l2 (= (car l1) (car l2)))
    (setq l1 (cdr l1) l2 (cdr l2)))
  (cond ((and l1 l2) (if (< (car l1) (car l2)) -1 1))
        (l1 (version-list-not-zero l1))
        (l2 (- (version-list-not-zero l2)))
        (t 0)))

(defun version-list-< (l1 l2)
  "Non-nil if version list L1 is lower than L2."
  (< (version--list-compare l1 l2) 0))

(defun version-list-<= (l1 l2)
  "Non-nil if version list L1 is lower than or equal to L2."
  (<= (version--list-compare l1 l2) 0))

(defun version-list-= (l1 l2)
  "Non-nil if version lists L1 and L2 are equal."
  (= (version--list-compare l1 l2) 0))

(defun version< (v1 v2)
  "Non-nil if version string V1 is lower (older) than V2."
  (version-list-< (version-to-list v1) (version-to-list v2)))

(defun version<= (v1 v2)
  "Non-nil if version string V1 is lower than or equal to V2."
  (version-list-<= (version-to-list v1) (version-to-list v2)))

(defun version= (v1 v2)
  "Non-nil if version strings V1 and V2 are the same version."
  (version-list-= (version-to-list v1) (version-to-list v2)))

;;;; Symbols, modes and declarations.

(defun define-symbol-prop (symbol prop val)
  "Set the PROP property of SYMBOL to VAL, as a definition."
  (put symbol prop val))

(defun provided-mode-derived-p (mode &rest modes)
  "The first of MODES that MODE is or derives from, or nil.
Parents come from the `derived-mode-parent' property; aliases are followed."
  (let ((fn (and (fboundp mode) (symbol-function mode))))
    (when (and fn (symbolp fn)) (setq mode fn)))
  (while (and mode (not (memq mode modes)))
    (let* ((parent (get mode 'derived-mode-parent))
           (fn (and parent (fboundp parent) (symbol-function parent))))
      (setq mode (if (and fn (symbolp fn)) fn parent))))
  mode)

(defmacro def-edebug-spec (symbol spec)
  "Give SYMBOL the Edebug specification SPEC (not evaluated)."
  `(progn (put ',symbol 'edebug-form-spec ',spec) ',symbol))

(defun def-edebug-elem-spec (name spec)
  "Define NAME as an Edebug specification element meaning SPEC, a list."
  (declare (indent 1))
  (when (string-match-p "\\`[&:]" (symbol-name name))
    (error "Edebug spec name cannot start with '&' or ':'"))
  (unless (consp spec)
    (error "Edebug spec has to be a list: %S" spec))
  (put name 'edebug-elem-spec spec))

(defmacro 1value (form)
  "FORM, declared to always return the same value (for coverage tools)."
  form)

(defmacro noreturn (form)
  "FORM, declared never to return normally."
  `(progn ,form (error "Form marked with `noreturn' did return")))

(defmacro condition-case-no-debug (var bodyform &rest handlers)
  "Another name for `condition-case-unless-debug'."
  (declare (indent 2))
  `(condition-case-unless-debug ,var ,bodyform ,@handlers))

(defun log10 (x)
  "The logarithm of X in base 10."
  (log x 10))

(defalias 'flatten-list #'flatten-tree)
(defalias 'int-to-string #'number-to-string)
(defalias 'rplaca #'setcar)
(defalias 'rplacd #'setcdr)
(defalias 'store-match-data #'set-match-data)

;;;; File names (GNU Emacs's files.el).

(defun file-name--extension-start (filename)
  "The index of the dot starting FILENAME's extension, or nil.
A leading dot, as in .emacs, does not start an extension."
  (let ((name-start (or (string-match-p "[^/]*\\'" filename) 0)))
    (save-match-data
      (and (string-match "[^.]\\(\\.[^.]*\\)\\'" filename name-start)
           (match-beginning 1)))))

(defun file-name-sans-extension (filename)
  "FILENAME without its final extension (\".EXT\")."
  (let ((start (file-name--extension-start filename)))
    (if start (substring filename 0 start) filename)))

(defun file-name-extension (filename &optional period)
  "The extension of FILENAME, without its dot unless PERIOD is non-nil.
Nil when there is none (or \"\" with PERIOD)."
  (let ((start (file-name--extension-start filename)))
    (cond (start (substring filename (if period start (1+ start))))
          (period ""))))

(defun file-name-base (&optional filename)
  "FILENAME without its directory and its final extension."
  (file-name-sans-extension (file-name-nondirectory filename)))

(defun subr--existing-directory ()
  "The first existing one of `default-directory', the home directory and
the temporary directories, else \"/\"."
  (let ((candidates (list default-directory
                          (expand-file-name "~/")
                          (bound-and-true-p temporary-file-directory)
                          (getenv "TMPDIR")
                          "/tmp/"))
        (found nil))
    (while (and candidates (not found))
      (when (and (car candidates) (file-exists-p (car candidates)))
        (setq found (car candidates)))
      (setq candidates (cdr candidates)))
    (or found "/")))

(defmacro with-existing-directory (&rest body)
  "Run BODY with `default-directory' bound to a directory that exists: its
own value if it does."
  (declare (indent 0))
  `(let ((default-directory (subr--existing-directory)))
     ,@body))

;;;; Environment.

(defun getenv (variable &optional _frame)
  "The value of environment variable VARIABLE, or nil if it is unset."
  (getenv-internal variable))

;;;; Documentation.

(defun documentation (function &optional _raw)
  "The documentation string of FUNCTION, or nil.
A `function-documentation' property of FUNCTION that is not a string is a
form, evaluated to compute the documentation (advice uses this)."
  (let ((doc (and (symbolp function) (get function 'function-documentation))))
    (when (and doc (not (stringp doc)))
      (setq doc (eval doc t)))
    (or doc
        (let ((def (indirect-function function)))
          (when (eq (car-safe def) 'macro) (setq def (cdr def)))
          (cond ((eq (car-safe def) 'lambda)
                 (documentation--from-body (cdr (cdr def))))
                ((eq (car-safe def) 'closure)
                 (documentation--from-body (cdr (cdr (cdr def))))))))))

(defun documentation--from-body (body)
  "The docstring at the start of a function BODY."
  (and (stringp (car body)) (car body)))

(provide 'subr)

;;; subr.el ends here
