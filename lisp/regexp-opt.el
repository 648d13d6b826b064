;;; regexp-opt.el --- a regexp matching any of a list of strings  -*- lexical-binding: t -*-

;; `regexp-opt' builds a regexp that matches exactly the given strings, factoring out common
;; prefixes and suffixes and turning single characters into bracket expressions, so the
;; matcher has less backtracking to do than with a plain alternation.  The shape of the
;; result follows GNU Emacs's, so code (and tests) that compare regexps see the same text.

(defun regexp-opt (strings &optional paren)
  "Return a regexp matching any string in STRINGS.
PAREN controls the outer group: a string is used as the opening paren, `words' and
`symbols' wrap the result in \\\\=<...\\\\=> or \\\\=_<...\\\\=_> with a numbered group, any
other non-nil value makes a numbered group, and nil a shy group where one is needed."
  (let* ((open (cond ((stringp paren) paren)
                     (paren "\\(")
                     (t "\\(?:")))
         (sorted (delete-dups (sort (copy-sequence strings) #'string-lessp)))
         (re (if sorted
                 (regexp-opt--group sorted open (not paren))
               ;; Matches nothing: \` can only match at the start.
               (concat open "\\`a\\`\\)"))))
    (cond ((eq paren 'words) (concat "\\<" re "\\>"))
          ((eq paren 'symbols) (concat "\\_<" re "\\_>"))
          (t re))))

(defun regexp-opt-depth (regexp)
  "Return the number of numbered (not shy) groups in REGEXP."
  (save-match-data
    (string-match regexp "")
    (let ((count 0) (start 0))
      (while (string-match "\\\\\\\\\\|\\\\(\\(\\?[0-9]*:\\)?" regexp start)
        (setq start (match-end 0))
        (when (and (not (equal (match-string 0 regexp) "\\\\"))
                   (not (match-beginning 1)))
          (setq count (1+ count))))
      count)))

(defun regexp-opt--common-prefix (strings)
  "The longest string that starts every string in STRINGS."
  (let ((prefix (car strings)))
    (dolist (s (cdr strings))
      (let ((i 0) (n (min (length prefix) (length s))))
        (while (and (< i n) (eq (aref prefix i) (aref s i)))
          (setq i (1+ i)))
        (setq prefix (substring prefix 0 i))))
    prefix))

(defun regexp-opt--common-suffix (strings)
  "The longest string that ends every string in STRINGS."
  (let ((reversed (mapcar (lambda (s) (concat (reverse (string-to-list s)))) strings)))
    (concat (reverse (string-to-list (regexp-opt--common-prefix reversed))))))

(defun regexp-opt--group (strings open lax)
  "A regexp for the sorted, distinct STRINGS.
OPEN is the opening paren to use when the result needs a group (nil: it never does, as
for a branch of an alternation).  With LAX, a result that is one bracket expression or one
optional item is left without a group."
  (let* ((open-group (or open ""))
         (close-group (if open "\\)" ""))
         (open-lax (if lax "" open-group))
         (close-lax (if lax "" close-group)))
    (cond
     ;; One string: quote it.
     ((null (cdr strings))
      (if (= (length (car strings)) 1)
          (concat open-lax (regexp-quote (car strings)) close-lax)
        (concat open-group (regexp-quote (car strings)) close-group)))
     ;; The empty string is among them: the rest made optional.
     ((equal (car strings) "")
      (concat open-lax (regexp-opt--group (cdr strings) "\\(?:" t) "?" close-lax))
     (t
      (let ((prefix (regexp-opt--common-prefix strings)))
        (if (> (length prefix) 0)
            (let ((n (length prefix)))
              (concat open-group (regexp-quote prefix)
                      (regexp-opt--group (mapcar (lambda (s) (substring s n)) strings) "\\(?:" t)
                      close-group))
          (let ((suffix (regexp-opt--common-suffix strings)))
            (if (> (length suffix) 0)
                (let ((n (length suffix)))
                  (concat open-group
                          (regexp-opt--group
                           (sort (mapcar (lambda (s) (substring s 0 (- (length s) n))) strings)
                                 #'string-lessp)
                           "\\(?:" t)
                          (regexp-quote suffix) close-group))
              (regexp-opt--split strings open-group close-group open-lax close-lax)))))))))

(defun regexp-opt--split (strings open-group close-group open-lax close-lax)
  "A regexp for STRINGS, which share no prefix or suffix.
When the first string is a single character and there are others, all the single
characters become one bracket expression beside the longer strings; otherwise STRINGS are
split into those starting with the first string's first character and the rest."
  (let ((letters (seq-filter (lambda (s) (= (length s) 1)) strings)))
    (if (and (= (length (car strings)) 1) (cdr letters))
        (let ((rest (seq-remove (lambda (s) (= (length s) 1)) strings))
              (charset (regexp-opt-charset (mapcar #'string-to-char letters))))
          (if rest
              (concat open-group (regexp-opt--group rest nil nil) "\\|" charset close-group)
            (concat open-lax charset close-lax)))
      (let* ((char (aref (car strings) 0))
             (half1 (seq-filter (lambda (s) (eq (aref s 0) char)) strings))
             (half2 (seq-remove (lambda (s) (eq (aref s 0) char)) strings)))
        (concat open-group (regexp-opt--group half1 nil nil)
                "\\|" (regexp-opt--group half2 nil nil) close-group)))))

(defun regexp-opt-charset (chars)
  "Return a bracket expression matching any character in CHARS.
Runs of four or more consecutive characters become ranges; `]' goes first, `^' and `-'
last, where they are literal."
  (let ((sorted (delete-dups (sort (copy-sequence chars) #'<)))
        (close nil) (caret nil) (dash nil) (body ""))
    (dolist (c sorted)
      (cond ((eq c ?\]) (setq close t))
            ((eq c ?^) (setq caret t))
            ((eq c ?-) (setq dash t))))
    (setq sorted (seq-remove (lambda (c) (memq c '(?\] ?^ ?-))) sorted))
    (while sorted
      (let ((start (car sorted)) (end (car sorted)))
        (while (and (cdr sorted) (= (cadr sorted) (1+ end)))
          (setq sorted (cdr sorted) end (car sorted)))
        (setq sorted (cdr sorted))
        (setq body (concat body
                           (if (> (- end start) 2)
                               (format "%c-%c" start end)
                             (apply #'string (number-sequence start end)))))))
    (cond
     ((and (not close) (not dash) (string= body "") caret) "\\^")
     ((and (not close) (not caret) (string= body "") dash) "-")
     ;; Only ^ and -: ^ must not come first.
     ((and (not close) (string= body "") caret) "[-^]")
     (t (concat "[" (if close "]" "") body (if caret "^" "") (if dash "-" "") "]")))))

(provide 'regexp-opt)

;;; regexp-opt.el ends here
