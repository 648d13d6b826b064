;;; subr-x.el --- extra string, hash table and binding helpers  -*- lexical-binding: t -*-

;;;; Conditional binding.

(defun internal--if-let-bindings (varlist)
  "The `let*' bindings for an `if-let*' VARLIST and the variable holding the
final test: each binding is tested only if the previous tests succeeded."
  (let ((bindings nil)
        (last t))
    (dolist (entry varlist)
      (let* ((var (cond ((symbolp entry) entry)
                        ((cdr entry) (car entry))
                        (t (make-symbol "s"))))
             (value (cond ((symbolp entry) entry)
                          ((cdr entry) (car (cdr entry)))
                          (t (car entry)))))
        (push (list var (if (eq last t) value `(and ,last ,value))) bindings)
        (setq last var)))
    (cons (nreverse bindings) last)))

(defmacro if-let* (varlist then &rest else)
  "Bind VARLIST in order while the values are non-nil; then run THEN, else ELSE.
Each element is (SYMBOL VALUEFORM), (VALUEFORM) or SYMBOL."
  (declare (indent 2))
  (if (null varlist)
      then
    (let ((parts (internal--if-let-bindings varlist)))
      `(let* ,(car parts)
         (if ,(cdr parts) ,then ,@else)))))

(defmacro when-let* (varlist &rest body)
  "Bind VARLIST as `if-let*' does and run BODY if every value is non-nil."
  (declare (indent 1))
  `(if-let* ,varlist ,(macroexp-progn (or body '(nil)))))

(defmacro and-let* (varlist &rest body)
  "Like `when-let*', but with no BODY return the last binding's value."
  (declare (indent 1))
  (if (null varlist)
      (macroexp-progn (or body '(t)))
    (let ((parts (internal--if-let-bindings varlist)))
      `(let* ,(car parts)
         ,(if body `(if ,(cdr parts) ,(macroexp-progn body)) (cdr parts))))))

(defun internal--single-binding (spec)
  "SPEC as a varlist, accepting the old single (SYMBOL VALUEFORM) form."
  (if (and (consp spec) (symbolp (car spec)) (car spec) (cdr spec) (null (cdr (cdr spec))))
      (list spec)
    spec))

(defmacro if-let (spec then &rest else)
  "Like `if-let*'; SPEC may also be a single (SYMBOL VALUEFORM) binding."
  (declare (indent 2))
  `(if-let* ,(internal--single-binding spec) ,then ,@else))

(defmacro when-let (spec &rest body)
  "Like `when-let*'; SPEC may also be a single (SYMBOL VALUEFORM) binding."
  (declare (indent 1))
  `(when-let* ,(internal--single-binding spec) ,@body))

(defun internal--named-let-walk (form name self temps again tail)
  "FORM with its calls to NAME rewritten for `named-let'.
A call in TAIL position stores its arguments in TEMPS and sets AGAIN, so the
loop starts over; any other call becomes a real call of the function SELF.
FORM has no macros left."
  (let ((walk (lambda (f tailp) (internal--named-let-walk f name self temps again tailp))))
    (cl-flet ((all (forms) (mapcar (lambda (f) (funcall walk f nil)) forms))
              (body (forms)
                (let ((n (length forms)) (i 0))
                  (mapcar (lambda (f) (setq i (1+ i)) (funcall walk f (and tail (= i n))))
                          forms))))
      (pcase form
        ((pred atom) form)
        (`(,(or 'quote 'function) . ,_)
         (if (eq (car-safe (cadr form)) 'lambda)
             `(function (lambda ,(cadr (cadr form))
                          ,@(mapcar (lambda (f) (funcall walk f nil))
                                    (cddr (cadr form)))))
           form))
        (`(,(pred (eq name)) . ,args)
         (if tail
             `(progn (setq ,@(apply #'append (cl-mapcar #'list temps (all args)))
                           ,again t)
                     nil)
           `(funcall ,self ,@(all args))))
        (`(progn . ,forms) `(progn ,@(body forms)))
        (`(if ,test ,then . ,else)
         `(if ,(funcall walk test nil) ,(funcall walk then tail) ,@(body else)))
        (`(cond . ,clauses)
         `(cond ,@(mapcar (lambda (clause)
                            (if (cdr clause)
                                (cons (funcall walk (car clause) nil) (body (cdr clause)))
                              (all clause)))
                          clauses)))
        (`(,(and head (or 'let 'let*)) ,bindings . ,forms)
         `(,head ,(mapcar (lambda (b) (if (consp b) (cons (car b) (all (cdr b))) b))
                          bindings)
                 ,@(body forms)))
        (`(,(and head (or 'and 'or)) . ,forms) `(,head ,@(body forms)))
        (`(condition-case ,var ,bodyform . ,handlers)
         `(condition-case ,var ,(funcall walk bodyform nil)
            ,@(mapcar (lambda (h) (cons (car h) (all (cdr h)))) handlers)))
        (`(,head . ,args) (cons head (all args)))))))

(defmacro named-let (name bindings &rest body)
  "Loop with NAME as a local function: run BODY with BINDINGS, and let calls
to NAME in BODY run it again with new values.  Calls in tail position jump
back to the start instead of recursing, so loops of any length run in
constant stack."
  (declare (indent 2))
  (let* ((vars (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (inits (mapcar (lambda (b) (if (consp b) (car (cdr b)))) bindings))
         (temps (mapcar (lambda (v) (make-symbol (symbol-name v))) vars))
         (self (make-symbol (symbol-name name)))
         (again (make-symbol "again"))
         (result (make-symbol "result"))
         (expanded (macroexpand-all (macroexp-progn body) macroexpand-all-environment)))
    `(letrec ((,self
               (lambda ,temps
                 (let ((,again t) (,result nil))
                   (while ,again
                     (setq ,again nil)
                     (setq ,result
                           (let ,(cl-mapcar #'list vars temps)
                             ,(internal--named-let-walk expanded name self temps again t))))
                   ,result))))
       (funcall ,self ,@inits))))

;;;; Threading.

(defmacro thread-first (&rest forms)
  "Thread the value through FORMS as their first argument."
  (let ((result (car forms)))
    (dolist (form (cdr forms))
      (setq result (if (consp form)
                       `(,(car form) ,result ,@(cdr form))
                     (list form result))))
    result))

(defmacro thread-last (&rest forms)
  "Thread the value through FORMS as their last argument."
  (let ((result (car forms)))
    (dolist (form (cdr forms))
      (setq result (if (consp form) (append form (list result)) (list form result))))
    result))

;;;; Strings.

(defsubst string-empty-p (string)
  "Non-nil if STRING is empty."
  (string= string ""))

(defun string-blank-p (string)
  "Non-nil if STRING is empty or only whitespace."
  (string-match-p "\\`[ \t\n\r]*\\'" string))

(defun string-join (strings &optional separator)
  "The STRINGS joined with SEPARATOR between them."
  (mapconcat #'identity strings (or separator "")))

(defun string-remove-prefix (prefix string)
  "STRING without PREFIX if it starts with it."
  (if (string-prefix-p prefix string) (substring string (length prefix)) string))

(defun string-remove-suffix (suffix string)
  "STRING without SUFFIX if it ends with it."
  (if (string-suffix-p suffix string)
      (substring string 0 (- (length string) (length suffix)))
    string))

(defun string-reverse (string)
  "STRING with its characters in reverse order."
  (reverse string))

(defun string-pad (string length &optional padding start)
  "STRING padded to LENGTH with PADDING (default space), at the START if
START is non-nil, else at the end."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (let ((missing (- length (length string))))
    (if (<= missing 0)
        string
      (let ((pad (make-string missing (or padding ?\s))))
        (if start (concat pad string) (concat string pad))))))

(defun string-truncate-left (string length)
  "STRING, if longer than LENGTH, cut on the left and prefixed by \"...\".
Beyond the dots, the result keeps LENGTH - 2 characters (at least one)."
  (let ((len (length string)))
    (if (<= len length)
        string
      (concat "..." (substring string (max 0 (- len 1 (max 0 (- length 3)))))))))

(defun string-limit (string length &optional end coding-system)
  "STRING limited to LENGTH characters, taken from the END if END is non-nil.
With CODING-SYSTEM, the result is the encoding of as many whole characters
as fit in LENGTH bytes, each encoded alone (so a -dos system counts a newline
as two bytes, and a raw byte, which has no encoding of its own, is left out).
Only the UTF-8 coding systems are known here: another signals
`coding-system-error'."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (cond
   (coding-system
    (check-coding-system coding-system)
    (unless (memq (coding-system-base coding-system) '(utf-8 utf-8-emacs prefer-utf-8))
      (signal 'coding-system-error (list coding-system)))
    (let ((chars (append (if end (reverse string) string) nil))
          (pieces nil)
          (size 0)
          (full nil))
      (while (and chars (not full))
        (let ((bytes (if (>= (car chars) #x3fff80)
                         ""
                       (encode-coding-string (string (car chars)) coding-system))))
          (if (> (+ size (length bytes)) length)
              (setq full t)
            (push bytes pieces)
            (setq size (+ size (length bytes)) chars (cdr chars)))))
      (apply #'concat (if end pieces (nreverse pieces)))))
   ((<= (length string) length) string)
   (end (substring string (- (length string) length)))
   (t (substring string 0 length))))

(defun string-clean-whitespace (string)
  "STRING with runs of whitespace collapsed to one space and the ends trimmed."
  (string-trim (replace-regexp-in-string "[ \t\n\r]+" " " string)))

(defun string-chop-newline (string)
  "STRING without one trailing newline."
  (string-remove-suffix "\n" string))

;;;; Hash tables.

(defun hash-table-keys (table)
  "The keys of hash table TABLE, in order."
  (let ((keys nil))
    (maphash (lambda (k _v) (push k keys)) table)
    (nreverse keys)))

(defun hash-table-values (table)
  "The values of hash table TABLE, in order."
  (let ((values nil))
    (maphash (lambda (_k v) (push v values)) table)
    (nreverse values)))

(defun hash-table-empty-p (table)
  "Non-nil if hash table TABLE has no entries."
  (zerop (hash-table-count table)))

(provide 'subr-x)

;;; subr-x.el ends here
