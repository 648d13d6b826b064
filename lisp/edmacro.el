;;; edmacro.el --- key sequences from their written form  -*- lexical-binding: t -*-

;; `kbd' and `read-kbd-macro' turn text such as "C-x M-<f1> 3*a" into the key sequence it
;; names, as Emacs 28 does; `event-modifiers' and `event-basic-type' take an event apart.
;; Emacs keeps `kbd' and the event functions in subr.el; they live here with the parser they
;; share the notation with.  The inverse, `key-description', is a built-in.
;;
;; pdmacs has no keymaps and no buffers: "<<command>>" always becomes M-x COMMAND RET (the
;; binding of execute-extended-command in a fresh Emacs), and `read-kbd-macro' only accepts
;; a string, not a region.

;;; Code:

(defconst edmacro--named-keys
  '(("NUL" . "\0") ("RET" . "\r") ("LFD" . "\n") ("TAB" . "\t")
    ("ESC" . "\e") ("SPC" . " ") ("DEL" . "\177"))
  "The names the notation gives control characters, with the one-character string of each.")

(defconst edmacro--modifier-bits
  '((?A . #x400000) (?s . #x800000) (?H . #x1000000)
    (?S . #x2000000) (?C . #x4000000) (?M . #x8000000))
  "The letter of each modifier prefix (\"C-\" and so on) and its bit in a character event.")

(defun edmacro--word-events (word)
  "The events WORD names, a string or a vector, or nil for a comment.
WORD is one whitespace-free word of the notation, or an angle-bracketed name."
  (let ((case-fold-search nil))
    (cond
     ;; <<name>>: the command NAME run through M-x.
     ((string-match "\\`<<.+>>\\'" word)
      (vconcat [?\M-x] (substring word 2 -2) "\r"))
     ((and (string-match "\\`\\(\\([ACHMsS]-\\)*\\)<\\(.+\\)>\\'" word)
           (progn
             ;; Brackets around a name of a control character (<RET>) just drop off.
             (setq word (concat (match-string 1 word) (match-string 3 word)))
             (not (string-match "\\<\\(NUL\\|RET\\|LFD\\|ESC\\|SPC\\|DEL\\)\\'" word))))
      (vector (intern word)))
     (t (edmacro--modified-key word)))))

(defun edmacro--modified-key (word)
  "The events of WORD, a key with optional modifier prefixes: a string or a vector."
  (let ((case-fold-search nil)
        (original word)
        (prefix-length 0)
        (bits 0))
    (while (string-match "\\`[ACHMsS]-." word)
      (setq bits (+ bits (cdr (assq (aref word 0) edmacro--modifier-bits)))
            prefix-length (+ prefix-length 2)
            word (substring word 2)))
    (when (string-match "\\`\\^.\\'" word)
      (setq bits (+ bits #x4000000)
            prefix-length (1+ prefix-length)
            word (substring word 1)))
    (let ((named (assoc word edmacro--named-keys)))
      (when named (setq word (cdr named))))
    (when (string-match "\\`\\\\[0-7]+\\'" word)
      ;; \NNN: a character by its octal code.
      (let ((code 0) (i 1))
        (while (< i (length word))
          (setq code (+ (* code 8) (- (aref word i) ?0))
                i (1+ i)))
        (setq word (vector code))))
    (cond
     ((= bits 0) word)
     ;; M-123 is the digits of a numeric argument, each with meta.
     ((and (= bits #x8000000) (stringp word) (string-match "\\`-?[0-9]+\\'" word))
      (vconcat (mapcar (lambda (ch) (+ ch bits)) word)))
     ((/= (length word) 1)
      (error "%s must prefix a single character, not %s"
             (substring original 0 prefix-length) word))
     ((and (/= (logand bits #x4000000) 0) (stringp word)
           (string-match "[@-_a-z]" word))
      ;; Control folds the character into 0-31, so the control bit goes.
      (vector (+ (- bits #x4000000) (logand (aref word 0) 31))))
     (t (vector (+ bits (aref word 0)))))))

(defun edmacro-parse-keys (string &optional need-vector)
  "The key sequence STRING describes in the notation of `kbd'.
A string when every key is an ASCII character and NEED-VECTOR is nil, else a vector."
  (let ((case-fold-search nil)
        (len (length string))
        (pos 0)
        (events []))
    (while (and (< pos len) (string-match "[^ \t\n\f]+" string pos))
      (let* ((start (match-beginning 0))
             (end (match-end 0))
             (rest (substring string start))
             (repeat 1)
             word keys)
        ;; An angle-bracketed name may contain spaces: it ends at its ">".
        (if (string-match "\\`<[^ <>\t\n\f][^>\t\n\f]*>" rest)
            (setq word (match-string 0 rest)
                  pos (+ start (match-end 0)))
          (setq word (substring string start end)
                pos end))
        (when (string-match "\\([0-9]+\\)\\*." word)
          (setq repeat (string-to-number (substring word 0 (match-end 1)))
                word (substring word (1+ (match-end 1)))))
        (if (or (equal word "REM") (string-match "\\`;;" word))
            ;; A comment runs to the end of its line.
            (setq pos (string-match "$" string pos))
          (setq keys (edmacro--word-events word))
          (dotimes (_ repeat)
            (setq events (vconcat events keys))))))
    (let ((n (length events)))
      ;; A macro written between C-x ( and C-x ) is the keys in between.
      (when (and (>= n 4)
                 (eq (aref events 0) ?\C-x) (eq (aref events 1) ?\()
                 (eq (aref events (- n 2)) ?\C-x) (eq (aref events (1- n)) ?\)))
        (setq events (substring events 2 -2))))
    (if (and (not need-vector)
             (let ((ascii t))
               (mapc (lambda (ev) (unless (and (integerp ev) (<= 0 ev 127)) (setq ascii nil)))
                     events)
               ascii))
        (concat events)
      events)))

(defun read-kbd-macro (string &optional need-vector)
  "The key sequence STRING describes, as `edmacro-parse-keys' gives it.
In Emacs anything but a string is the start of a region of the buffer; pdmacs has no
buffers, so such a start is refused as a position would be."
  (unless (stringp string)
    (signal 'wrong-type-argument (list 'integer-or-marker-p string)))
  (edmacro-parse-keys string need-vector))

(defun kbd (keys)
  "The key sequence the text KEYS describes, e.g. \"C-x C-f\" or \"M-<f1>\".
The notation is the one `key-description' writes. The result is a string of ASCII
characters when it can be, otherwise a vector of events."
  (declare (pure t) (side-effect-free t))
  (save-match-data (read-kbd-macro keys)))

(defun event-modifiers (event)
  "The modifier symbols of EVENT, an event or event type: meta, control, shift and so on."
  (let ((type (if (listp event) (car event) event)))
    (if (symbolp type)
        (cdr (internal-event-symbol-parse-modifiers type))
      (let* ((char (logand type (lognot #xFC00000)))
             (mods nil))
        ;; Pushed in this order, the list reads alt first and meta last.
        (unless (zerop (logand type #x8000000)) (push 'meta mods))
        (when (or (not (zerop (logand type #x4000000))) (< char 32)) (push 'control mods))
        (when (or (not (zerop (logand type #x2000000))) (/= char (downcase char)))
          (push 'shift mods))
        (unless (zerop (logand type #x1000000)) (push 'hyper mods))
        (unless (zerop (logand type #x800000)) (push 'super mods))
        (unless (zerop (logand type #x400000)) (push 'alt mods))
        mods))))

(defun event-basic-type (event)
  "EVENT, an event or event type, without its modifiers: a lower-case character or a symbol.
A symbol's base is known once `event-modifiers' (or the reader of input) has parsed it;
before that this is nil, as in Emacs."
  (when (consp event) (setq event (car event)))
  (if (symbolp event)
      (car (get event 'event-symbol-elements))
    (let* ((base (logand event (1- #x400000)))
           (plain (if (< base 32) (logior base 64) base)))
      (condition-case nil
          (downcase plain)
        (error plain)))))

(provide 'edmacro)
;;; edmacro.el ends here
