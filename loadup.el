;;; loadup.el --- load the Lisp library, then dump it  -*- lexical-binding: t -*-

;; `./temacs -l loadup' loads the library into the bare runtime; with `pdump' on the
;; command line it then writes emacs.pdmp next to the executable and exits, as GNU
;; Emacs's loadup.el does.

(setq load-path (list (expand-file-name "lisp" (file-name-directory load-file-name))))

;; `load--keep-expansions' names the files whose expanded forms loading them keeps for
;; the dump: a later `load' of such a file, unchanged, evaluates those forms instead of
;; reading and expanding it again, as GNU Emacs loads a file's .elc (pdmacs.subr.LoadCache).
;; ERT is loaded again by every test run (`-l ert'), though the dump has it.
(let ((load--keep-expansions '("ert"))
      (files '("byte-run" "backquote" "macroexp" "subr" "gv" "nadvice" "pcase" "cl-lib"
               "cl-macs" "cl-extra" "cl-seq" "cl-generic" "cl-print" "eieio-core" "eieio"
               "subr-x" "seq" "map" "format-spec" "pp" "ert" "regexp-opt" "rx"
               "json" "let-alist" "ring" "generator" "thunk" "benchmark"
               "bindat" "avl-tree" "radix-tree" "time-date" "iso8601" "parse-time"
               "url-parse" "url-util" "puny" "dom" "edmacro" "eieio-base" "svg")))
  ;; In dependency order: each file may use what the earlier ones define.
  (while files
    (load (car files) nil t)
    (setq files (cdr files))))

(when (member "pdump" command-line-args)
  (let ((file (expand-file-name "emacs.pdmp"
                                (file-name-directory load-file-name))))
    (message "Dumping under the name %s" (file-name-nondirectory file))
    ;; As a fresh Emacs has no last coding system until it converts something; and a
    ;; coding system's symbol here would be built at every start-up.
    (setq last-coding-system-used nil)
    (dump-emacs-portable file)
    (kill-emacs)))
