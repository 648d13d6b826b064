;;; url-util.el --- string utilities for URLs  -*- lexical-binding: t -*-

;; Percent-encoding and decoding (RFC 3986), query strings, and the directory,
;; file name and extension parts of a URL's path.  Only the functions that work on
;; strings alone; those of GNU Emacs's url-util.el that need buffers, the network
;; or the public suffix list are not here.

;;; Code:

(require 'url-parse)

(defun url-eat-trailing-space (x)
  "X without the spaces, tabs and newlines that end it."
  (let ((end (length x)))
    (while (and (> end 0) (memq (aref x (1- end)) '(?\s ?\t ?\n)))
      (setq end (1- end)))
    (substring x 0 end)))

(defun url-strip-leading-spaces (x)
  "X without the spaces, tabs and newlines that begin it."
  (let ((start 0) (len (length x)))
    (while (and (< start len) (memq (aref x start) '(?\s ?\t ?\n)))
      (setq start (1+ start)))
    (substring x start)))

(defun url-file-directory (file)
  "The directory part of the URL path FILE, up to and with its last slash.
A query (from the first \"?\") is ignored, and an encoded slash \"%2F\" counts
as a slash.  \"\" for a nil FILE, nil when FILE has no slash."
  (cond ((null file) "")
        ((string-search "?" file)
         (url-file-directory (substring file 0 (string-search "?" file))))
        ((string-match "\\(.*\\(?:/\\|%2[fF]\\)\\)" file)
         (match-string 1 file))))

(defalias 'url-basepath #'url-file-directory)

(defun url-file-nondirectory (file)
  "The part of the URL path FILE after its last slash (or \"%2F\").
A query (from the first \"?\") is ignored; \"\" for a nil FILE."
  (cond ((null file) "")
        ((string-search "?" file)
         (url-file-nondirectory (substring file 0 (string-search "?" file))))
        ((string-match ".*\\(?:/\\|%2[fF]\\)\\(.*\\)" file)
         (match-string 1 file))
        (t file)))

(defun url-file-extension (fname &optional x)
  "The extension of the file FNAME names, with its dot, or \"\" if none.
With X non-nil, return the file name instead, without directory and
extension (the whole name when it has no extension)."
  (let ((name (and fname (url-file-nondirectory fname))))
    (cond ((and name (string-match "\\.[^./]+$" name))
           (if x
               (substring name 0 (match-beginning 0))
             (substring name (match-beginning 0))))
          (x name)
          (t ""))))

(defun url-unhex (x)
  "The value of the hexadecimal digit character X."
  (cond ((<= x ?9) (- x ?0))
        ((>= x ?a) (+ 10 (- x ?a)))
        (t (+ 10 (- x ?A)))))

(defun url-unhex-string (str &optional allow-newlines)
  "STR with each %XX escape replaced by the byte XX stands for.
An escaped carriage return or line feed becomes a space, unless
ALLOW-NEWLINES.  The bytes are not decoded: see `decode-coding-string'.
A nil STR is taken as \"\"."
  (let ((rest (or str ""))
        (done "")
        (case-fold-search t))
    (while (string-match "%[0-9a-f][0-9a-f]" rest)
      (let* ((at (match-beginning 0))
             (byte (+ (* 16 (url-unhex (aref rest (+ at 1))))
                      (url-unhex (aref rest (+ at 2))))))
        (setq done (concat done
                           (substring rest 0 at)
                           (if (and (not allow-newlines) (memq byte '(?\n ?\r)))
                               " "
                             (byte-to-string byte)))
              rest (substring rest (match-end 0)))))
    (concat done rest)))

(defun url-parse-query-string (query &optional downcase allow-newlines)
  "Parse QUERY, pairs KEY=VALUE separated by \"&\" or \";\", into an alist.
Each element is (KEY VALUE...), the values of a key repeated in QUERY
newest first, and the keys in the reverse order of their first appearance.
Keys and values are %-decoded by `url-unhex-string' (with ALLOW-NEWLINES); a
pair without \"=\" has the value \"\".  With DOWNCASE, keys are downcased."
  (let (alist)
    (dolist (pair (split-string query "[;&]"))
      (unless (string-search "=" pair)
        (setq pair (concat pair "=")))
      (string-match "=" pair)
      ;; The value starts at the end of the last match, taken after the key is
      ;; decoded: a key with %-escapes moves it to where the last escape ended in
      ;; what was left of the key.  GNU Emacs 28 does this, and the same query
      ;; must give the same alist.
      (let* ((key (url-unhex-string (substring pair 0 (match-beginning 0))
                                    allow-newlines))
             (value (url-unhex-string (substring pair (match-end 0))
                                      allow-newlines)))
        (when downcase
          (setq key (downcase key)))
        (let ((entry (assoc key alist)))
          (if entry
              (setcdr entry (cons value (cdr entry)))
            (push (list key value) alist)))))
    alist))

(defun url-build-query-string (query &optional semicolons keep-empty)
  "The query string of QUERY, a list of (KEY VALUE...) as from `url-parse-query-string'.
Keys and values may be strings or any object (printed with `princ'); each is
%-encoded.  A key with several values gives one KEY=VALUE per value; a key
with no value or an empty one gives KEY alone, or KEY= with KEEP-EMPTY.
The pairs are joined with \"&\", or \";\" with SEMICOLONS."
  (let ((separator (if semicolons ";" "&")))
    (mapconcat
     (lambda (entry)
       (let* ((encoded (mapcar (lambda (x) (url-hexify-string (format "%s" x)))
                               entry))
              (key (car encoded)))
         (mapconcat (lambda (value)
                      (concat key
                              (if (or keep-empty (not (equal value ""))) "=" "")
                              value))
                    (or (cdr encoded) '(""))
                    separator)))
     query separator)))

(defconst url-unreserved-chars
  (append "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~" nil)
  "The characters RFC 3986 (section 2.3) leaves unreserved, as a list.")

(defconst url-encoding-table
  (let ((table (make-vector 256 nil)))
    (dotimes (byte 256)
      ;; Upper-case hex digits, which RFC 3986 recommends.
      (aset table byte (format "%%%02X" byte)))
    table)
  "The %-escape of each byte, a vector of 256 strings.")

(defun url--allowed-chars (char-list)
  "A 256-slot vector with t at the index of each byte in CHAR-LIST.
Characters above 255 are ignored.  The vector is a valid ALLOWED-CHARS
argument of `url-hexify-string'."
  (let ((mask (make-vector 256 nil)))
    (dolist (c char-list)
      (when (and (natnump c) (< c 256))
        (aset mask c t)))
    mask))

(defun url-hexify-string (string &optional allowed-chars)
  "STRING percent-encoded: each byte not allowed becomes %XX.
A multibyte STRING is first encoded in UTF-8.  ALLOWED-CHARS is a list of
allowed characters, or a vector whose Nth element is non-nil when byte N is
allowed; nil means `url-unreserved-chars'."
  (let ((mask (cond ((null allowed-chars) (url--allowed-chars url-unreserved-chars))
                    ((vectorp allowed-chars) allowed-chars)
                    (t (url--allowed-chars allowed-chars)))))
    (mapconcat (lambda (byte)
                 (if (aref mask byte)
                     (char-to-string byte)
                   (aref url-encoding-table byte)))
               (if (multibyte-string-p string)
                   (encode-coding-string string 'utf-8)
                 string)
               "")))

(defconst url-host-allowed-chars
  ;; "%" is allowed so that an escape already made is not escaped again.
  (url--allowed-chars (append "%!$&'()*+,;=" url-unreserved-chars))
  "The byte mask of the characters allowed in a URL's host (RFC 3986, appendix A).")

(defconst url-path-allowed-chars
  (url--allowed-chars (append "%!$&'()*+,;=/:@" url-unreserved-chars))
  "The byte mask of the characters allowed in a URL's path (RFC 3986, appendix A).")

(defconst url-query-allowed-chars
  (url--allowed-chars (append "%!$&'()*+,;=/:@?" url-unreserved-chars))
  "The byte mask of the characters allowed in a URL's query (RFC 3986, appendix A).")

(defun url-encode-url (url)
  "URL with what needs it %-encoded, and normalized as `url-generic-parse-url' does.
User, password, path, query and fragment are encoded, each with the characters
it may hold; escapes already there are kept, so an encoded URL stays the same."
  (let* ((obj (url-generic-parse-url url))
         (path-and-query (url-path-and-query obj))
         (path (car path-and-query))
         (query (cdr path-and-query)))
    (when (url-user obj)
      (setf (url-user obj) (url-hexify-string (url-user obj))))
    (when (url-password obj)
      (setf (url-password obj) (url-hexify-string (url-password obj))))
    (when path
      (setq path (url-hexify-string path url-path-allowed-chars)))
    (when query
      (setq query (url-hexify-string query url-query-allowed-chars)))
    (setf (url-filename obj) (if query (concat path "?" query) path))
    (when (url-target obj)
      (setf (url-target obj)
            (url-hexify-string (url-target obj) url-query-allowed-chars)))
    (url-recreate-url obj)))

(provide 'url-util)

;;; url-util.el ends here
