;; Prints, for each form of a file, its result or its signal as prin1 shows them: a line
;; "F" with the UTF-8 bytes of the form, a line "R" with the code points of what it printed,
;; and "S NAME" for each ";; section NAME" line. Used by mk.sh.
(with-temp-buffer
  (insert-file-contents (car command-line-args-left))
  (goto-char (point-min))
  (while (progn (skip-chars-forward " \t\n") (not (eobp)))
    (if (looking-at ";; section \\(.*\\)")
        (progn (princ (format "S %s\n" (match-string 1))) (forward-line 1))
      (let* ((start (point))
             (form (read (current-buffer)))
             (text (buffer-substring-no-properties start (point)))
             (res (condition-case e (prin1-to-string (eval form t))
                    (error (prin1-to-string e)))))
        (princ (format "F %s\nR %s\n"
                       (mapconcat #'number-to-string (append (encode-coding-string text 'utf-8) nil) ",")
                       (mapconcat #'number-to-string (append res nil) ",")))))))
