;;; rx.el --- regexps written as Lisp forms  -*- lexical-binding: t -*-

;; The `rx' notation describes a regexp as a tree of Lisp forms: (seq "a" (+ digit)) for
;; "a[[:digit:]]+".  `rx' turns the forms into a string when the macro is expanded,
;; `rx-to-string' does it at run time, and `rx-define', `rx-let' and `rx-let-eval' name new
;; forms.  The strings are the ones GNU Emacs 28 produces, character for character: the
;; brackets it adds, the order it prints a set's members in, and the errors it signals.

;;; How a form is translated

;; Every translator returns a TRANSLATION, (PARTS . BINDING).  PARTS is a list of strings
;; whose concatenation is the regexp; under the `rx' macro an element may also be a Lisp
;; form that computes a string when the code runs.  BINDING says what may stand next to the
;; regexp without a \(?:...\) around it:
;;
;;   t     one atom, which a postfix operator may follow ("a", "[0-9]", "\\(x\\)")
;;   seq   a concatenation, which may sit on either side of another one ("ab", "a*")
;;   lseq  a concatenation that must come first: "^" is an anchor only at the start
;;   rseq  a concatenation that must come last: "$" is an anchor only at the end
;;   nil   an alternation ("a\\|b"), which nothing may be put next to
;;
;; An empty PARTS list is the empty regexp, whatever its BINDING.

(defconst rx--class-names
  '((digit . digit) (numeric . digit) (num . digit)
    (control . cntrl) (cntrl . cntrl)
    (hex-digit . xdigit) (hex . xdigit) (xdigit . xdigit)
    (blank . blank)
    (graphic . graph) (graph . graph)
    (printing . print) (print . print)
    (alphanumeric . alnum) (alnum . alnum)
    (letter . alpha) (alphabetic . alpha) (alpha . alpha)
    (ascii . ascii) (nonascii . nonascii)
    (lower . lower) (lower-case . lower)
    (punctuation . punct) (punct . punct)
    (space . space) (whitespace . space) (white . space)
    (upper . upper) (upper-case . upper)
    (word . word) (wordchar . word)
    (unibyte . unibyte) (multibyte . multibyte))
  "Each rx name of a character class, with the class's name in [:NAME:].")

(defconst rx--plain-symbols
  '((nonl "." . t) (not-newline "." . t) (any "." . t)
    (anychar "[^z-a]" . t) (anything "[^z-a]" . t)
    (bol "^" . lseq) (line-start "^" . lseq)
    (eol "$" . rseq) (line-end "$" . rseq)
    (bos "\\`" . t) (string-start "\\`" . t) (bot "\\`" . t) (buffer-start "\\`" . t)
    (eos "\\'" . t) (string-end "\\'" . t) (eot "\\'" . t) (buffer-end "\\'" . t)
    (point "\\=" . t)
    (bow "\\<" . t) (word-start "\\<" . t)
    (eow "\\>" . t) (word-end "\\>" . t)
    (word-boundary "\\b" . t) (not-word-boundary "\\B" . t)
    (symbol-start "\\_<" . t) (symbol-end "\\_>" . t)
    (not-wordchar "\\W" . t))
  "The rx symbols that stand for a fixed regexp: (NAME REGEXP . BINDING).")

(defconst rx--reserved-names
  (append
   '(seq sequence : and or | any in char not-char not intersection
     repeat = >= ** zero-or-more 0+ * one-or-more 1+ + zero-or-one opt optional \?
     *? +? \?? minimal-match maximal-match group submatch group-n submatch-n backref
     syntax not-syntax category literal eval regexp regex
     nonl not-newline any anychar anything unmatchable bol eol line-start line-end
     bos eos string-start string-end bow eow word-start word-end symbol-start symbol-end
     point word-boundary not-word-boundary not-wordchar)
   (mapcar #'car rx--class-names))
  "The names `rx-define' and `rx-let' refuse to define.
As in Emacs 28, `bot', `eot', `buffer-start' and `buffer-end' are not among them;
a definition of one of those is accepted but never used.")

(defconst rx--syntax-letters
  '((whitespace . ?-) (punctuation . ?.) (word . ?w) (symbol . ?_)
    (open-parenthesis . ?\() (close-parenthesis . ?\)) (expression-prefix . ?\')
    (string-quote . ?\") (paired-delimiter . ?$) (escape . ?\\) (character-quote . ?/)
    (comment-start . ?<) (comment-end . ?>) (string-delimiter . ?|)
    (comment-delimiter . ?!))
  "The names `syntax' accepts, with the syntax-class letter of each.")

(defconst rx--category-letters
  '((space-for-indent . ?\s) (base . ?.) (consonant . ?0) (base-vowel . ?1)
    (upper-diacritical-mark . ?2) (lower-diacritical-mark . ?3) (tone-mark . ?4)
    (symbol . ?5) (digit . ?6) (vowel-modifying-diacritical-mark . ?7)
    (vowel-sign . ?8) (semivowel-lower . ?9) (not-at-end-of-line . ?<)
    (not-at-beginning-of-line . ?>) (alpha-numeric-two-byte . ?A)
    (chinese-two-byte . ?C)
    ;; The misspelling Emacs 21.1 to 24.3 used, still accepted.
    (chinse-two-byte . ?C)
    (greek-two-byte . ?G) (japanese-hiragana-two-byte . ?H) (indian-two-byte . ?I)
    (japanese-katakana-two-byte . ?K) (strong-left-to-right . ?L)
    (korean-hangul-two-byte . ?N) (strong-right-to-left . ?R) (cyrillic-two-byte . ?Y)
    (combining-diacritic . ?^) (ascii . ?a) (arabic . ?b) (chinese . ?c) (ethiopic . ?e)
    (greek . ?g) (korean . ?h) (indian . ?i) (japanese . ?j) (japanese-katakana . ?k)
    (latin . ?l) (lao . ?o) (tibetan . ?q) (japanese-roman . ?r) (thai . ?t)
    (vietnamese . ?v) (hebrew . ?w) (cyrillic . ?y) (can-break . ?|))
  "The names `category' accepts, with the category letter of each.")

(defvar rx-constituents nil
  "Old-style rx extensions, kept working for old code; new code uses `rx-define'.
An alist of (NAME . DEF).  A symbol DEF makes NAME another name for DEF's entry.
A string DEF makes the symbol NAME stand for that regexp.  A DEF of the form
\(FUNCTION MIN-ARGS MAX-ARGS PREDICATE) makes (NAME ARGS...) a form: FUNCTION gets the
whole form and returns the regexp; ARGS must number MIN-ARGS to MAX-ARGS (nil: no
maximum) and, when PREDICATE is non-nil, each satisfy it.")

(defvar rx--local-definitions nil
  "The definitions `rx-let' and `rx-let-eval' make, innermost first.
Each entry is (NAME DEF) for a symbol, or (NAME ARGS DEF) for a form.")

(defvar rx--greedy t
  "Non-nil when `zero-or-more', `one-or-more', `opt' and their aliases are greedy.")

(defvar rx--delayed-evaluation nil
  "Non-nil while the `rx' macro translates: `literal' and `regexp' may then take
expressions, evaluated when the code runs.")

(defvar rx--atomic-test nil
  "A regexp matching the regexp strings that are a single atom.
Made when rx.el loads, by `rx--make-atomic-test', so that a dump has it made.")

;;; Small helpers

(defun rx--all-p (pred list)
  "Non-nil if PRED holds for every element of LIST."
  (while (and list (funcall pred (car list)))
    (setq list (cdr list)))
  (null list))

(defun rx--never ()
  "The translation of a regexp that matches nothing."
  (cons (list regexp-unmatchable) 'seq))

(defun rx--shy (parts)
  "PARTS inside a non-capturing group."
  (append (list "\\(?:") parts (list "\\)")))

(defun rx--atom-parts (tr)
  "The parts of the translation TR, in a group unless TR is already one atom."
  (if (eq (cdr tr) t)
      (car tr)
    (rx--shy (car tr))))

(defun rx--one-arg (what args)
  "Signal that the rx form WHAT takes one argument unless ARGS is a list of one."
  (unless (and args (null (cdr args)))
    (error "rx `%s' form takes exactly one argument" what)))

;;; User definitions

(defun rx--definition (name)
  "The definition of NAME in force: (DEF), (ARGS DEF), or nil."
  (or (cdr (assq name rx--local-definitions))
      (get name 'rx-definition)))

(defun rx--expand-def (form)
  "FORM with its user-defined name expanded once, or nil if it is not one."
  (cond
   ((symbolp form)
    (let ((def (rx--definition form)))
      (when def
        (when (cdr def)
          (error "Not an `rx' symbol definition: %s" form))
        (car def))))
   ((and (consp form) (symbolp (car form)))
    (let ((def (rx--definition (car form))))
      (when def
        (unless (cdr def)
          (error "Not an `rx' form definition: %s" (car form)))
        (rx--instantiate (car form) (cdr form) (car def) (cadr def)))))))

(defun rx--instantiate (name actuals formals template)
  "TEMPLATE, the body of the definition of NAME, with FORMALS replaced by ACTUALS."
  (let ((env nil)
        (rest actuals)
        (params formals))
    (while params
      (let ((param (car params)))
        (cond
         ((eq param '&rest)
          (unless (cdr params)
            (error "Expanding rx def `%s': missing &rest parameter name" name))
          (push (cons (cadr params) rest) env)
          (setq rest nil params nil))
         (t
          (unless rest
            (let ((rest-tail (memq '&rest formals)))
              (error "Expanding rx def `%s': too few arguments (got %d, need %s%d)"
                     name (length actuals) (if rest-tail "at least " "")
                     (- (length formals) (length rest-tail)))))
          (push (list param (car rest)) env)
          (setq rest (cdr rest)
                params (cdr params))))))
    (when rest
      (error "Expanding rx def `%s': too many arguments (got %d, need %d)"
             name (length actuals) (length formals)))
    (let ((result (rx--splice env template)))
      (unless (and result (null (cdr result)))
        (error "Expanding rx def `%s': must result in a single value" name))
      (car result))))

(defun rx--splice (env form)
  "The list of values FORM stands for once the parameters in ENV are replaced.
ENV maps each parameter to the list of values it splices in: one for an ordinary
parameter, any number for a &rest one."
  (cond
   ((symbolp form)
    (let ((binding (assq form env)))
      (if binding (cdr binding) (list form))))
   ((and (consp form) (listp (cdr form)))
    (let ((out nil))
      (dolist (elt form)
        (dolist (value (rx--splice env elt))
          (push value out)))
      (list (nreverse out))))
   ((consp form)
    ;; A dotted pair, such as a range (?a . ?z): each side must stay one value.
    (let ((left (rx--splice env (car form)))
          (right (rx--splice env (cdr form))))
      (unless (and left (null (cdr left)) right (null (cdr right)))
        (error "Cannot substitute a &rest parameter into a dotted pair"))
      (list (cons (car left) (car right)))))
   (t (list form))))

(defun rx--old-style (name test)
  "The `rx-constituents' entry for NAME whose definition satisfies TEST, or nil.
Symbol definitions are followed as aliases; an entry of the wrong kind makes the
search go on with later entries for the same name."
  (let ((entry (assq name rx-constituents)))
    (while (and entry (not (funcall test (cdr entry))))
      (setq entry (if (symbolp (cdr entry))
                      (assq (cdr entry) rx-constituents)
                    (assq (car entry) (cdr (memq entry rx-constituents))))))
    entry))

(defun rx--old-style-form (def form)
  "Translate FORM with DEF, a (FUNCTION MIN-ARGS MAX-ARGS PREDICATE) of `rx-constituents'."
  (let ((fn (nth 0 def))
        (min-args (nth 1 def))
        (max-args (nth 2 def))
        (pred (nth 3 def))
        (count (length (cdr form))))
    (when (< count min-args)
      (error "The `%s' form takes at least %d argument(s)" (car form) min-args))
    (when (and max-args (> count max-args))
      (error "The `%s' form takes at most %d argument(s)" (car form) max-args))
    (when (and pred (not (rx--all-p pred (cdr form))))
      (error "The `%s' form requires arguments satisfying `%s'" (car form) pred))
    (let ((regexp (funcall fn form)))
      (unless (stringp regexp)
        (error "The `%s' form did not expand to a string" (car form)))
      (cons (list regexp) nil))))

;;; Strings, characters and symbols

(defun rx--translate (form)
  "Translate the rx form FORM into a translation (PARTS . BINDING)."
  (cond
   ((stringp form)
    (if (equal form "")
        (cons nil 'seq)
      (cons (list (regexp-quote form)) (if (= (length form) 1) t 'seq))))
   ((characterp form)
    (cons (list (regexp-quote (char-to-string form))) t))
   ((symbolp form) (rx--translate-symbol form))
   ((consp form) (rx--translate-form form))
   (t (error "Bad rx expression: %S" form))))

(defun rx--translate-symbol (sym)
  "Translate the rx symbol SYM."
  (let ((plain (assq sym rx--plain-symbols))
        (class (cdr (assq sym rx--class-names))))
    (cond
     (plain (cons (list (cadr plain)) (cddr plain)))
     ((eq sym 'unmatchable) (rx--never))
     (class (cons (list (format "[[:%s:]]" class)) t))
     ((let ((expansion (rx--expand-def sym)))
        (and expansion (rx--translate expansion))))
     ((let ((entry (rx--old-style sym #'stringp)))
        (and entry (cons (list (cdr entry)) nil))))
     (t (error "Unknown rx symbol `%s'" sym)))))

;;; Sequences and alternatives

(defun rx--concat (left right)
  "The translation of LEFT followed by RIGHT."
  (cond
   ((null (car left)) right)
   ((null (car right)) left)
   (t
    (let* ((left-grouped (memq (cdr left) '(nil rseq)))
           (right-grouped (memq (cdr right) '(nil lseq)))
           (starts-anchored (and (not left-grouped) (eq (cdr left) 'lseq)))
           (ends-anchored (and (not right-grouped) (eq (cdr right) 'rseq))))
      (cons (append (if left-grouped (rx--shy (car left)) (car left))
                    (if right-grouped (rx--shy (car right)) (car right)))
            (cond ((and starts-anchored ends-anchored) nil)
                  (starts-anchored 'lseq)
                  (ends-anchored 'rseq)
                  (t 'seq)))))))

(defun rx--translate-seq (forms)
  "Translate FORMS matched one after the other."
  (let ((result (cons nil 'seq)))
    (dolist (tr (mapcar #'rx--translate forms))
      (setq result (rx--concat result tr)))
    result))

(defun rx--or-normalise (form)
  "FORM as `or' sees it: a character as a one-character string, an `eval' or a
user-defined name expanded, and the arguments of a nested `or' likewise."
  (cond
   ((characterp form) (char-to-string form))
   ((and (consp form) (memq (car form) '(or |)))
    (cons (car form) (mapcar #'rx--or-normalise (cdr form))))
   ((and (consp form) (eq (car form) 'eval))
    (rx--or-normalise (rx--eval-arg (cdr form))))
   (t
    (let ((expansion (rx--expand-def form)))
      (if expansion (rx--or-normalise expansion) form)))))

(defun rx--or-strings (forms)
  "The strings of FORMS and of the `or' forms among them, in order, or the
symbol `mixed' if something else is there."
  (catch 'rx--mixed
    (let ((out nil))
      (dolist (form forms)
        (cond ((stringp form) (push form out))
              ((and (consp form) (memq (car form) '(or |)))
               (let ((inner (rx--or-strings (cdr form))))
                 (when (eq inner 'mixed) (throw 'rx--mixed 'mixed))
                 (setq out (append (reverse inner) out))))
              (t (throw 'rx--mixed 'mixed))))
      (nreverse out))))

(defun rx--translate-or (forms)
  "Translate (or FORMS...): the first of FORMS that matches."
  (cond
   ((null forms) (rx--never))
   ((null (cdr forms)) (rx--translate (car forms)))
   (t
    (let* ((normal (mapcar #'rx--or-normalise forms))
           (strings (rx--or-strings normal)))
      (cond
       ;; Only strings: `regexp-opt' factors them and keeps the first-match order
       ;; irrelevant, since it prefers the longest.
       ((and strings (not (eq strings 'mixed)))
        (cons (list (regexp-opt strings nil)) t))
       ((rx--all-p #'rx--charset-p normal)
        (rx--translate-union nil normal))
       (t
        (let ((parts (car (rx--translate (car normal)))))
          (dolist (form (cdr normal))
            (setq parts (append parts (list "\\|") (car (rx--translate form)))))
          (cons parts nil))))))))

;;; Character sets

;; A set of characters is a list of intervals (FROM . TO), sorted, disjoint and not
;; touching, so each set has one representation.

(defun rx--byte-char (c multibyte)
  "The character C of a string, a raw byte if the string is unibyte and C is not ASCII."
  (if (or multibyte (< c #x80)) c (+ c #x3fff00)))

(defun rx--string-intervals (string)
  "The intervals the `any' argument STRING lists: \"a-z\" ranges and single characters."
  (let ((multibyte (multibyte-string-p string))
        (len (length string))
        (i 0)
        (out nil))
    (while (< i len)
      (let ((from (rx--byte-char (aref string i) multibyte)))
        (if (and (< i (- len 2)) (eq (aref string (1+ i)) ?-))
            (let ((to (rx--byte-char (aref string (+ i 2)) multibyte)))
              (cond
               ;; A range from ASCII to the raw bytes keeps the characters between out.
               ((and (<= from #x7f) (>= to #x3fff80))
                (push (cons from #x7f) out)
                (push (cons #x3fff80 to) out))
               ((<= from to) (push (cons from to) out))
               (t (error "Invalid rx `any' range: %s" (substring string i (+ i 3)))))
              (setq i (+ i 3)))
          (push (cons from from) out)
          (setq i (1+ i)))))
    out))

(defun rx--merge-intervals (intervals)
  "INTERVALS, in any order and possibly overlapping, as a set."
  (let ((sorted (sort (copy-sequence intervals)
                      (lambda (a b) (< (car a) (car b)))))
        (out nil))
    (dolist (iv sorted)
      (if (and out (>= (cdar out) (1- (car iv))))
          (setcdr (car out) (max (cdar out) (cdr iv)))
        (push (cons (car iv) (cdr iv)) out)))
    (nreverse out)))

(defun rx--parse-any (args)
  "The arguments ARGS of `any' as (SET . CLASSES), CLASSES in first-mention order."
  (let ((classes nil)
        (strings nil)
        (intervals nil))
    (dolist (arg args)
      (cond
       ((stringp arg) (push arg strings))
       ((and (consp arg) (characterp (car arg)) (characterp (cdr arg))
             (<= (car arg) (cdr arg)))
        (push (cons (car arg) (cdr arg)) intervals))
       ((characterp arg) (push (cons arg arg) intervals))
       ((and (symbolp arg) (assq arg rx--class-names))
        (let ((class (cdr (assq arg rx--class-names))))
          (unless (memq class classes)
            (push class classes))))
       (t (error "Invalid rx `any' argument: %s" arg))))
    ;; The strings are read last to first: with two bad ranges, the later one is reported.
    (dolist (string strings)
      (setq intervals (append intervals (rx--string-intervals string))))
    (cons (rx--merge-intervals intervals) (nreverse classes))))

(defun rx--complement (set)
  "The characters not in SET."
  (let ((out nil)
        (next 0))
    (dolist (iv set)
      (when (< next (car iv))
        (push (cons next (1- (car iv))) out))
      (setq next (1+ (cdr iv))))
    ;; Like Emacs 28, this leaves out the last character, (max-char), when the rest
    ;; reaches right up to it.
    (when (< next (max-char))
      (push (cons next (max-char)) out))
    (nreverse out)))

(defun rx--intersect (a b)
  "The characters in both the sets A and B."
  (let ((out nil))
    (while (and a b)
      (let ((from (max (caar a) (caar b)))
            (to (min (cdar a) (cdar b))))
        (when (<= from to)
          (push (cons from to) out))
        (if (< (cdar a) (cdar b))
            (setq a (cdr a))
          (setq b (cdr b)))))
    (nreverse out)))

(defun rx--union (a b)
  "The characters in either of the sets A and B."
  ;; Through the complements, as Emacs 28 does, so that the quirk of `rx--complement'
  ;; about the last character shows the same way.
  (rx--complement (rx--intersect (rx--complement a) (rx--complement b))))

(defun rx--charset-p (form)
  "Non-nil if FORM describes a set of characters that set operations accept."
  (or (and (consp form)
           (or (and (memq (car form) '(any in char))
                    (rx--all-p (lambda (arg) (not (symbolp arg))) (cdr form)))
               (and (memq (car form) '(not or | intersection))
                    (rx--all-p #'rx--charset-p (cdr form)))))
      (characterp form)
      (and (stringp form) (= (length form) 1))
      (and (or (symbolp form) (consp form))
           (let ((expansion (rx--expand-def form)))
             (and expansion (rx--charset-p expansion))))))

(defun rx--charset (form)
  "The set of characters the set expression FORM describes."
  (cond
   ((and (consp form) (memq (car form) '(any in char)))
    (let ((parsed (rx--parse-any (cdr form))))
      (when (cdr parsed)
        (error "Character class not permitted in set operations: %S" (cadr parsed)))
      (car parsed)))
   ((and (consp form) (eq (car form) 'not) (consp (cdr form)) (null (cddr form)))
    (rx--complement (rx--charset (cadr form))))
   ((and (consp form) (memq (car form) '(or |)))
    (rx--charset-union (cdr form)))
   ((and (consp form) (eq (car form) 'intersection))
    (rx--charset-intersection (cdr form)))
   ((characterp form) (list (cons form form)))
   ((and (stringp form) (= (length form) 1))
    (let ((c (string-to-char form)))
      (list (cons c c))))
   (t
    (let ((expansion (rx--expand-def form)))
      (if expansion
          (rx--charset expansion)
        (error "Bad character set: %S" form))))))

(defun rx--charset-union (forms)
  "The union of the sets FORMS describe."
  (let ((result nil))
    (dolist (set (mapcar #'rx--charset forms))
      (setq result (rx--union result set)))
    result))

(defun rx--charset-intersection (forms)
  "The intersection of the sets FORMS describe."
  (let ((result (list (cons 0 (max-char)))))
    (dolist (set (mapcar #'rx--charset forms))
      (setq result (rx--intersect result set)))
    result))

(defun rx--bracket (negated set classes)
  "Translate a bracket expression of the intervals SET and the class names CLASSES.
NEGATED means the characters outside it."
  ;; Work on copies: the reordering below edits intervals in place.
  (let ((items (append (mapcar (lambda (iv) (cons (car iv) (cdr iv))) set) classes)))
    ;; A `]' is literal only first: bring the interval that starts with it to the front,
    ;; or cut it off the end of the interval that ends with it.
    (let ((starts (assq ?\] items))
          (ends (rassq ?\] items)))
      (cond (starts (setq items (cons starts (delq starts items))))
            (ends (setcdr ends ?\\)
                  (push (cons ?\] ?\]) items))))
    ;; ",--" would print as ",-", so "-" is kept apart.
    (let ((ends (rassq ?- items)))
      (when (eq (car ends) ?,)
        (setcdr ends ?,)
        (setq items (append items (list (cons ?- ?-))))))
    ;; A `-' is literal only last.  A range starting at it starts at `.' instead,
    ;; the character after it, with the `-' itself put last.
    (let ((starts (assq ?- items)))
      (when starts
        (if (eq (cdr starts) ?-)
            (setq items (delq starts items))
          (setcar starts ?.))
        (setq items (append items (list (cons ?- ?-))))))
    ;; A `^' first would negate: swap it with the item after it.
    (when (and (consp (car items)) (eq (caar items) ?^) (cdr items))
      (setq items (cons (cadr items) (cons (car items) (cddr items)))))
    (cond
     ((null items)
      (if negated (rx--translate-symbol 'anything) (rx--never)))
     ((and (not negated) (null (cdr items)) (consp (car items))
           (eq (caar items) (cdar items)))
      (cons (list (regexp-quote (char-to-string (caar items)))) t))
     ((and negated (equal items '((?\n . ?\n))))
      (rx--translate-symbol 'nonl))
     (t
      (cons (list (concat "[" (and negated "^")
                          (mapconcat #'rx--bracket-item items "")
                          "]"))
            t)))))

(defun rx--bracket-item (item)
  "The text of ITEM, an interval or class name, inside a bracket expression."
  (cond ((symbolp item) (format "[:%s:]" item))
        ((eq (car item) (cdr item)) (char-to-string (car item)))
        ((eq (1+ (car item)) (cdr item)) (string (car item) (cdr item)))
        (t (string (car item) ?- (cdr item)))))

(defun rx--translate-any (negated args)
  "Translate (any ARGS...), or (not-char ARGS...) if NEGATED."
  (let ((parsed (rx--parse-any args)))
    (rx--bracket negated (car parsed) (cdr parsed))))

(defun rx--set-bracket (negated set)
  "Translate the set of characters SET, or its complement if NEGATED."
  ;; A set reaching past the last Unicode character up into the raw bytes is written
  ;; as the negation of its complement: an ASCII-to-raw-byte range in a bracket
  ;; expression would not match the non-ASCII characters in between.
  (if (rx--all-p (lambda (iv) (not (<= (car iv) #x3ffeff (cdr iv)))) set)
      (rx--bracket negated set nil)
    (rx--bracket (not negated) (rx--complement set) nil)))

(defun rx--translate-union (negated forms)
  "Translate the union of the set expressions FORMS, complemented if NEGATED."
  (rx--set-bracket negated (rx--charset-union forms)))

(defun rx--translate-intersection (negated forms)
  "Translate (intersection FORMS...), complemented if NEGATED."
  (rx--set-bracket negated (rx--charset-intersection forms)))

(defun rx--translate-not (negated args)
  "Translate (not ARGS...); NEGATED (for a `not' inside a `not') makes it positive."
  (unless (and args (null (cdr args)))
    (error "rx `not' form takes exactly one argument"))
  (let* ((arg (car args))
         (op (car-safe arg))
         (class (cdr (assq arg rx--class-names))))
    (cond
     ((memq op '(any in char)) (rx--translate-any (not negated) (cdr arg)))
     ((eq op 'syntax) (rx--translate-syntax (not negated) (cdr arg)))
     ((eq op 'category) (rx--translate-category (not negated) (cdr arg)))
     ((eq op 'not) (rx--translate-not (not negated) (cdr arg)))
     ((memq op '(or |)) (rx--translate-union (not negated) (cdr arg)))
     ((eq op 'intersection) (rx--translate-intersection (not negated) (cdr arg)))
     (class (rx--bracket (not negated) nil (list class)))
     ((eq arg 'word-boundary)
      (rx--translate-symbol (if negated 'word-boundary 'not-word-boundary)))
     ((characterp arg) (rx--bracket (not negated) (list (cons arg arg)) nil))
     ((and (stringp arg) (= (length arg) 1))
      (let ((c (string-to-char arg)))
        (rx--bracket (not negated) (list (cons c c)) nil)))
     ((let ((expansion (rx--expand-def arg)))
        (and expansion (rx--translate-not negated (list expansion)))))
     (t (error "Illegal argument to rx `not': %S" arg)))))

;;; Repetition

(defun rx--repeat-parts (min max forms)
  "Translate FORMS repeated MIN to MAX times (MAX nil: no limit) with \\{...\\}."
  (let ((tr (rx--translate-seq forms)))
    (if (null (car tr))
        tr
      (cons (append (rx--atom-parts tr)
                    (list (concat "\\{" (number-to-string min)
                                  (cond ((null max) ",")
                                        ((< min max) (concat "," (number-to-string max))))
                                  "\\}")))
            t))))

(defun rx--check-count (name needed args)
  "Check that the rx form NAME has NEEDED ARGS or more, the first a natural number."
  (unless (>= (length args) needed)
    (error "rx `%s' requires at least %d argument%s"
           name needed (if (= needed 1) "" "s")))
  (unless (natnump (car args))
    (error "rx `%s' first argument must be nonnegative" name)))

(defun rx--repeat-range (name args)
  "Translate the rx form NAME with ARGS (MIN MAX FORMS...)."
  (let ((min (car args))
        (max (cadr args)))
    (unless (and (natnump min) (natnump max) (<= min max))
      (error "rx `%s' range error" name))
    (rx--repeat-parts min max (cddr args))))

(defun rx--postfix (op greedy forms)
  "Translate FORMS followed by the postfix operator OP, lazy unless GREEDY."
  (let ((tr (rx--translate-seq forms)))
    (if (null (car tr))
        tr
      ;; The result is a seq, not an atom: another postfix operator right after it
      ;; would read as the lazy variant ("a*" then "?" makes "a*?").
      (cons (append (rx--atom-parts tr) (list (if greedy op (concat op "?"))))
            'seq))))

;;; Groups and back references

(defun rx--translate-group-n (args)
  "Translate (group-n N FORMS...)."
  (unless (and (integerp (car args)) (> (car args) 0))
    (error "rx `group-n' requires a positive number as first argument"))
  (cons (append (list (format "\\(?%d:" (car args)))
                (car (rx--translate-seq (cdr args)))
                (list "\\)"))
        t))

(defun rx--translate-backref (args)
  "Translate (backref N)."
  (unless (and (= (length args) 1) (integerp (car args)) (<= 1 (car args) 9))
    (error "rx `backref' requires an argument in the range 1..9"))
  (cons (list "\\" (number-to-string (car args))) t))

;;; Syntax and categories

(defun rx--translate-syntax (negated args)
  "Translate (syntax NAME), or (not-syntax NAME) if NEGATED."
  (rx--one-arg 'syntax args)
  (let* ((arg (car args))
         (letter (cdr (assq arg rx--syntax-letters))))
    (unless letter
      ;; The syntax letter itself, as a character or a one-letter symbol.
      (let ((c (cond ((characterp arg) arg)
                     ((and (symbolp arg) (= (length (symbol-name arg)) 1))
                      (aref (symbol-name arg) 0)))))
        (when (and c (rassq c rx--syntax-letters))
          (setq letter c)))
      (unless letter
        (error "Unknown rx syntax name `%s'" arg)))
    (cons (list (string ?\\ (if negated ?S ?s) letter)) t)))

(defun rx--translate-category (negated args)
  "Translate (category NAME), or its negation if NEGATED."
  (rx--one-arg 'category args)
  (let* ((arg (car args))
         (letter (cond ((symbolp arg)
                        (or (cdr (assq arg rx--category-letters))
                            (error "Unknown rx category `%s'" arg)))
                       ((characterp arg) arg)
                       (t (error "Invalid rx `category' argument `%s'" arg)))))
    (cons (list (string ?\\ (if negated ?C ?c) letter)) t)))

;;; literal, regexp and eval

(defun rx--translate-literal (args)
  "Translate (literal STRING)."
  (rx--one-arg 'literal args)
  (let ((arg (car args)))
    (cond ((stringp arg)
           (cons (list (regexp-quote arg)) (if (= (length arg) 1) t 'seq)))
          (rx--delayed-evaluation
           (cons (list (list 'regexp-quote arg)) 'seq))
          (t (error "rx `literal' form with non-string argument")))))

(defun rx--make-atomic-test ()
  "The value of `rx--atomic-test'."
  (rx-to-string
   '(seq bos
         (or (seq "[" (opt "^") (opt "]")
                  (* (or (seq "[:" (+ (any "a-z")) ":]") (not (any "]"))))
                  "]")
             (not (any "\\[*+?^$"))
             (seq "\\"
                  (or anychar
                      (seq (any "sScC_") anychar)
                      (seq "(" (* (or (not (any "\\")) (seq "\\" (not (any ")")))))
                           "\\)"))))
         eos)
   t))

(defun rx--atomic-regexp-p (regexp)
  "Non-nil if the regexp string REGEXP is sure to be a single atom.
A bracket expression, an ordinary character, or a backslash construct is; it may
answer nil for other atoms."
  (string-match-p rx--atomic-test regexp))

(defun rx--translate-regexp (args)
  "Translate (regexp STRING)."
  (rx--one-arg 'regexp args)
  (let ((arg (car args)))
    (cond ((stringp arg)
           (cons (list arg) (if (rx--atomic-regexp-p arg) t nil)))
          (rx--delayed-evaluation (cons (list arg) nil))
          (t (error "rx `regexp' form with non-string argument")))))

(defun rx--eval-arg (args)
  "The rx form that (eval EXPR) stands for, EXPR being the only element of ARGS."
  (rx--one-arg 'eval args)
  (eval (car args)))

;;; Forms

(defun rx--translate-form (form)
  "Translate FORM, a list (OPERATOR ARGS...)."
  (let ((op (car form))
        (args (cdr form)))
    (cond
     ((memq op '(seq : and sequence)) (rx--translate-seq args))
     ((memq op '(or |)) (rx--translate-or args))
     ((memq op '(any in char)) (rx--translate-any nil args))
     ((eq op 'not-char) (rx--translate-any t args))
     ((eq op 'not) (rx--translate-not nil args))
     ((eq op 'intersection) (rx--translate-intersection nil args))
     ((eq op 'repeat)
      (rx--check-count 'repeat 2 args)
      (if (= (length args) 2)
          (rx--repeat-parts (car args) (car args) (cdr args))
        (rx--repeat-range 'repeat args)))
     ((eq op '=)
      (rx--check-count '= 1 args)
      (rx--repeat-parts (car args) (car args) (cdr args)))
     ((eq op '>=)
      (rx--check-count '>= 1 args)
      (rx--repeat-parts (car args) nil (cdr args)))
     ((eq op '**)
      (rx--check-count '** 2 args)
      (rx--repeat-range '** args))
     ((memq op '(zero-or-more 0+)) (rx--postfix "*" rx--greedy args))
     ((memq op '(one-or-more 1+)) (rx--postfix "+" rx--greedy args))
     ((memq op '(zero-or-one opt optional)) (rx--postfix "?" rx--greedy args))
     ((eq op '*) (rx--postfix "*" t args))
     ((eq op '+) (rx--postfix "+" t args))
     ;; The old reader turned (? ...) into (?\s ...) and (?? ...) into (?? ...).
     ((memq op '(\? ?\s)) (rx--postfix "?" t args))
     ((eq op '*?) (rx--postfix "*" nil args))
     ((eq op '+?) (rx--postfix "+" nil args))
     ((memq op '(\?? ??)) (rx--postfix "?" nil args))
     ((eq op 'minimal-match)
      (let ((rx--greedy nil)) (rx--translate-seq args)))
     ((eq op 'maximal-match)
      (let ((rx--greedy t)) (rx--translate-seq args)))
     ((memq op '(group submatch))
      (cons (append (list "\\(") (car (rx--translate-seq args)) (list "\\)")) t))
     ((memq op '(group-n submatch-n)) (rx--translate-group-n args))
     ((eq op 'backref) (rx--translate-backref args))
     ((eq op 'syntax) (rx--translate-syntax nil args))
     ((eq op 'not-syntax) (rx--translate-syntax t args))
     ((eq op 'category) (rx--translate-category nil args))
     ((eq op 'literal) (rx--translate-literal args))
     ((eq op 'eval) (rx--translate (rx--eval-arg args)))
     ((memq op '(regexp regex)) (rx--translate-regexp args))
     ((not (symbolp op)) (error "Bad rx operator `%S'" op))
     ((let ((expansion (rx--expand-def form)))
        (and expansion (rx--translate expansion))))
     ((let ((entry (rx--old-style op #'consp)))
        (and entry (rx--old-style-form (cdr entry) form))))
     (t (error "Unknown rx form `%s'" op)))))

;;; Entry points

(defun rx-to-string (form &optional no-group)
  "The regexp string the rx form FORM describes.
Unlike with the `rx' macro, `literal' and `regexp' in FORM need string arguments.
The result is a single atom, in a \\(?:...\\) group if need be, unless NO-GROUP
is non-nil.  `rx-let-eval' and `rx-define' give names for FORM to use."
  (let ((tr (rx--translate form)))
    (apply #'concat (if no-group (car tr) (rx--atom-parts tr)))))

(defun rx--to-expr (form)
  "An expression computing the regexp of the rx form FORM: a string when the whole
regexp is known now, a `concat' of strings and run-time parts otherwise."
  (let ((parts (car (let ((rx--delayed-evaluation t)) (rx--translate form))))
        (args nil)
        (text nil))
    ;; Adjacent strings become one; a part computed at run time stays on its own.
    (dolist (part parts)
      (if (stringp part)
          (setq text (concat text part))
        (when (and text (> (length text) 0))
          (push text args))
        (setq text nil)
        (push part args)))
    (when (and text (> (length text) 0))
      (push text args))
    (cond ((null args) "")
          ((cdr args) (cons 'concat (nreverse args)))
          (t (car args)))))

(defmacro rx (&rest regexps)
  "The regexp matching REGEXPS, rx forms, one after the other.
The string is made when the macro expands.  A `literal' or `regexp' form whose
argument is an expression makes a `concat' that computes the rest when the code runs;
`eval' forms are evaluated at expansion.

Forms: a STRING or CHAR matches itself; (seq RX...) or (: RX...), (and RX...),
\(sequence RX...) matches the RXs in a row; (or RX...) or (| RX...) matches the first
that matches; (any SET...) or (in SET...), (char SET...) one character of the SETs
\(characters, \"a-z\" strings, (?a . ?z) pairs, class names); (not CHARSPEC) one
character outside it; (intersection CHARSET...) one character in all of them.
Repetition: (* RX...) (+ RX...) (? RX...), lazy (*? RX...) (+? RX...) (?? RX...),
\(zero-or-more RX...) or (0+ ...), (one-or-more RX...) or (1+ ...), (zero-or-one RX...)
or (opt ...), (optional ...), lazy inside (minimal-match RX) and greedy inside
\(maximal-match RX); (= N RX...), (>= N RX...), (** N M RX...) or (repeat N M RX...).
Groups: (group RX...) or (submatch ...), (group-n N RX...) or (submatch-n ...),
\(backref N).  Assertions: line-start bol, line-end eol, string-start bos buffer-start
bot, string-end eos buffer-end eot, point, word-start bow, word-end eow,
word-boundary, not-word-boundary, symbol-start, symbol-end.  Characters: nonl
not-newline any, anychar anything, unmatchable, and the classes digit numeric num,
alpha alphabetic letter, alnum alphanumeric, upper upper-case, lower lower-case,
space whitespace white, punct punctuation, word wordchar, xdigit hex-digit hex,
cntrl control, blank, graph graphic, print printing, ascii, nonascii, unibyte,
multibyte.  (syntax NAME), (not-syntax NAME), (category NAME).  (literal EXPR),
\(regexp EXPR) or (regex EXPR), (eval EXPR).

\(fn REGEXPS...)"
  ;; `rx-let' passes its definitions down in the macro environment.
  (let ((rx--local-definitions
         (cdr (assq :rx-locals macroexpand-all-environment))))
    (rx--to-expr (cons 'seq regexps))))

(defun rx--make-definition (name tail)
  "The definition entry (DEF) or (ARGS DEF) for NAME from TAIL, ([ARGS] DEF)."
  (unless (symbolp name)
    (error "Bad `rx' definition name: %S" name))
  (when (memq name rx--reserved-names)
    (error "Cannot redefine built-in rx name `%s'" name))
  (cond
   ((and (consp tail) (null (cdr tail)))
    (list (car tail)))
   ((and (consp tail) (consp (cdr tail)) (null (cddr tail)))
    (let ((params (car tail)))
      (unless (and (listp params) (rx--all-p #'symbolp params))
        (error "Bad argument list for `rx' definition %s: %S" name params))
      (list params (cadr tail))))
   (t (error "Bad `rx' definition of %s: %S" name tail))))

(defun rx--make-local (binding)
  "The `rx--local-definitions' entry for BINDING, (NAME [ARGS] DEF)."
  (unless (consp binding)
    (error "Bad `rx-let' binding: %S" binding))
  (cons (car binding) (rx--make-definition (car binding) (cdr binding))))

(defun rx--extend-local-defs (bindings)
  "`rx--local-definitions' with BINDINGS in front."
  (append (mapcar #'rx--make-local bindings) rx--local-definitions))

(defmacro rx-define (name &rest definition)
  "Define NAME for every `rx' form: (rx-define NAME RX) or (rx-define NAME (ARGS...) RX).
Without ARGS, the symbol NAME stands for RX.  With ARGS, (NAME VALUES...) does, with
each of ARGS in RX replaced by its value; after &rest, a parameter takes the remaining
values, spliced in where it occurs.  A previous global definition of NAME is replaced.

\(fn NAME [(ARGS...)] RX)"
  (declare (indent defun))
  `(eval-and-compile
     (put ',name 'rx-definition ',(rx--make-definition name definition))
     ',name))

(defmacro rx-let (bindings &rest body)
  "Run BODY with the `rx' definitions BINDINGS, seen by the `rx' forms written in BODY.
BINDINGS, not evaluated, is a list of (NAME [(ARGS...)] RX), as for `rx-define'.
They hide other definitions of the same names; `rx-to-string' does not see them
\(that is what `rx-let-eval' is for).

\(fn BINDINGS BODY...)"
  (declare (indent 1))
  (let ((outer (cdr (assq :rx-locals macroexpand-all-environment)))
        (inner (mapcar #'rx--make-local bindings)))
    (macroexpand-all (cons 'progn body)
                     (cons (cons :rx-locals (append inner outer))
                           macroexpand-all-environment))))

(defmacro rx-let-eval (bindings &rest body)
  "Run BODY with the `rx' definitions BINDINGS in force for `rx-to-string'.
BINDINGS is evaluated, giving a list of (NAME [(ARGS...)] RX) as for `rx-define'.

\(fn BINDINGS BODY...)"
  (declare (indent 1))
  `(let ((rx--local-definitions (rx--extend-local-defs ,bindings)))
     ,@body))

;;; The pcase pattern

(defvar rx--pcase-names nil
  "While a `rx' pcase pattern is translated, the names its `let' forms bound,
the latest first: the group number of a name is its position counted from the end.")

(defun rx--pcase-rewrite (form)
  "FORM with (let NAME RX...) turned into a numbered group and (backref NAME) into
the back reference to it, the names collected in `rx--pcase-names'."
  (cond
   ((and (eq (car-safe form) 'let) (consp (cdr form)))
    (let ((number (length (memq (cadr form) rx--pcase-names))))
      (when (zerop number)
        (push (cadr form) rx--pcase-names)
        (setq number (length rx--pcase-names)))
      (list 'group-n number (rx--pcase-rewrite (cons 'seq (cddr form))))))
   ((and (eq (car-safe form) 'backref) (consp (cdr form)) (null (cddr form))
         (symbolp (cadr form)))
    (let ((number (length (memq (cadr form) rx--pcase-names))))
      (when (zerop number)
        (error "rx `backref' variable must be one of: %s"
               (mapconcat #'symbol-name rx--pcase-names " ")))
      (list 'backref number)))
   ;; Arguments of literal, regexp and eval are Lisp, not rx.
   ((and (consp form)
         (or (symbolp (car form)) (memq (car form) '(?\s ??)))
         (not (memq (car form) '(literal regexp regex eval))))
    (cons (car form) (mapcar #'rx--pcase-rewrite (cdr form))))
   (t form)))

(pcase-defmacro rx (&rest regexps)
  "Match a string that the rx forms REGEXPS, in a row, match somewhere in, as by
`string-match'.  Besides the usual forms, (let VAR RX...) binds VAR in the branch
to the text RX matched (nil if that part took no part in the match), and
\(backref VAR) matches that text again."
  (let* ((rx--pcase-names nil)
         (regexp (rx--to-expr (rx--pcase-rewrite (cons 'seq regexps))))
         (names (reverse rx--pcase-names))
         (string (make-symbol "string")))
    (if (null names)
        `(and (pred stringp) (pred (string-match ,regexp)))
      ;; On a match, the list of the submatches; nil, which the pattern rejects, if none.
      (let ((submatches nil))
        (dotimes (i (length names))
          (push `(match-string ,(1+ i) ,string) submatches))
        `(and (pred stringp)
              (app (lambda (,string)
                     (and (string-match ,regexp ,string)
                          (list ,@(nreverse submatches))))
                   ,(list '\` (mapcar (lambda (name) (list '\, name)) names))))))))

(setq rx--atomic-test (rx--make-atomic-test))

(provide 'rx)

;;; rx.el ends here
