;;; url-parse.el --- take URLs apart and put them back together  -*- lexical-binding: t -*-

;; A URL is kept as an `url' structure (a record, so it prints as #s(url ...)) whose
;; slots follow RFC 3986: scheme, user information, host, port, path with query,
;; fragment.  The parser works on the string alone; GNU Emacs's works in a temporary
;; buffer and gives the same parts.

;;; Code:

(require 'cl-lib)

;; url-util.el builds on this file, so this one only autoloads what it uses there.
(autoload 'url-unhex-string "url-util")

(cl-defstruct (url
               (:constructor nil)
               (:constructor url-parse-make-urlobj
                             (&optional type user password host portspec filename
                                        target attributes fullness))
               (:copier nil))
  type user password host portspec filename target attributes fullness
  silent (use-cookies t) (asynchronous t))

(defvar url--scheme-default-ports
  '(("http" . 80) ("https" . 443) ("ftp" . 21) ("file" . 21)
    ("irc" . 6667) ("ldap" . 389) ("imap" . 143))
  "Alist of (SCHEME . PORT): the port a URL of SCHEME uses when it names none.
These are the schemes the URL package of GNU Emacs has a handler with a port
for; any other scheme has port 0, as there.")

(defun url--default-port (scheme)
  "The default port of SCHEME (a string, any case)."
  (or (cdr (assoc (downcase scheme) url--scheme-default-ports)) 0))

(defsubst url-port (urlobj)
  "The port of URLOBJ: its own, or else the default port of its scheme.
Nil when URLOBJ has neither port nor scheme."
  (declare (gv-setter (lambda (port) `(setf (url-portspec ,urlobj) ,port))))
  (or (url-portspec urlobj)
      (let ((scheme (url-type urlobj)))
        (and scheme (url--default-port scheme)))))

(defun url-path-and-query (urlobj)
  "A cons (PATH . QUERY) of the filename slot of URLOBJ, split at its first \"?\".
QUERY is nil when there is no \"?\"; both are nil when there is no filename."
  (let* ((name (url-filename urlobj))
         (mark (and name (string-search "?" name))))
    (if mark
        (cons (substring name 0 mark) (substring name (1+ mark)))
      (cons name nil))))

(defun url-port-if-non-default (urlobj)
  "The port URLOBJ names, unless it is the default of its scheme (then nil)."
  (let ((port (url-portspec urlobj))
        (scheme (url-type urlobj)))
    (and port
         (or (null scheme)
             (not (equal port (url--default-port scheme))))
         port)))

(defun url-recreate-url (urlobj)
  "The URL string that URLOBJ describes.
A port equal to the scheme's default is left out, and an empty path becomes \"/\"."
  (let ((user (url-user urlobj))
        (password (url-password urlobj))
        (port (url-port-if-non-default urlobj))
        (scheme (url-type urlobj))
        (fragment (url-target urlobj)))
    (concat (and scheme (concat scheme ":"))
            (and (url-fullness urlobj) "//")
            (and (or user password)
                 (concat user (and password (concat ":" password)) "@"))
            (url-host urlobj)
            (and port (format ":%d" (url-port urlobj)))
            (or (url-filename urlobj) "/")
            (and fragment (concat "#" fragment)))))

(defun url--parse-authority (authority)
  "Split AUTHORITY (what follows \"//\") into (USER PASSWORD HOST PORT)."
  (let ((host authority) user password port)
    ;; Everything before the first "@" is the user information.
    (when (string-match "^\\([^@]+\\)@" host)
      (setq user (match-string 1 host)
            host (substring host (match-end 0))))
    (when (and user (string-match "\\`\\([^:]*\\):\\(.*\\)" user))
      (setq password (match-string 2 user)
            user (match-string 1 user)))
    (cond
     ;; A bracketed IPv6 literal keeps its colons.
     ((string-match "^\\(\\[[^]]+\\]\\)\\(?::\\([0-9]*\\)\\)?$" host)
      (setq port (match-string 2 host)
            host (match-string 1 host)))
     ((string-match ":\\([0-9]*\\)$" host)
      (setq port (match-string 1 host)
            host (substring host 0 (match-beginning 0)))))
    (setq port (and port (not (equal port "")) (string-to-number port)))
    (list user password (downcase host) port)))

(defun url-generic-parse-url (url)
  "Parse the string URL into an `url' structure (RFC 3986 with some slack).
The scheme is downcased, and so is the host.  The path and the query stay
together in the filename slot; the fragment goes to the target slot; the
fullness slot is t when the URL has a \"//\" authority part.  A URL without
scheme, or without authority, is parsed as far as it goes.  No %-decoding is
done, except of a host containing %-escapes of digits.  A nil URL gives an
empty structure."
  (if (null url)
      (url-parse-make-urlobj)
    ;; GNU Emacs inserts URL in a buffer, which takes a character too.
    (cond ((characterp url) (setq url (string url)))
          ((not (stringp url)) (signal 'wrong-type-argument (list 'char-or-string-p url))))
    (let ((pos 0) (end (length url))
          scheme user password host port filename fragment fullness)
      (when (string-match "\\`\\([a-zA-Z][-a-zA-Z0-9+.]*\\):" url)
        (setq scheme (downcase (match-string 1 url))
              pos (match-end 0)))
      (when (string-prefix-p "//" (substring url pos))
        (setq fullness t
              pos (+ pos 2))
        (let ((stop pos))
          (while (and (< stop end) (not (memq (aref url stop) '(?/ ?? ?#))))
            (setq stop (1+ stop)))
          (let ((parts (url--parse-authority (substring url pos stop))))
            (setq user (nth 0 parts)
                  password (nth 1 parts)
                  host (nth 2 parts)
                  port (nth 3 parts)
                  pos stop))))
      (if (equal scheme "data")
          ;; A data URL's text is all payload: "?" and "#" mean nothing there.
          (setq filename (substring url pos))
        ;; The query can hold "?" but not "#", so the first "#" ends both.
        (let ((hash (string-search "#" url pos)))
          (setq filename (substring url pos hash))
          (when hash
            (setq fragment (substring url (1+ hash))))))
      (when (and host (string-match "%[0-9][0-9]" host))
        (setq host (url-unhex-string host)))
      (url-parse-make-urlobj scheme user password host port filename
                             fragment nil fullness))))

(provide 'url-parse)

;;; url-parse.el ends here
