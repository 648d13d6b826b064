;;; driver.el --- run a conformance fixture under GNU Emacs  -*- lexical-binding: t -*-

;; Usage: emacs -Q --batch -l driver.el FILE.el
;; Reads FILE one top-level form at a time, evaluates each with lexical binding and prints
;; one line per form: the prin1 of its value, or "!! " and the prin1 of (ERROR-SYMBOL . DATA)
;; when it signals.  Output the form prints itself comes first.  The Java runner
;; (src/test/java/pdmacs/conformance/ConformanceTest.java) does the same in-process.

(defun conformance--print-result (text)
  "Print TEXT on its own line of standard output."
  (princ text)
  (terpri))

(defun conformance--result-line (thunk)
  "Call THUNK and return its result line: the value, or !! and the error."
  (condition-case err
      (let ((value (funcall thunk)))
        (let ((print-escape-newlines t))
          (prin1-to-string value)))
    (error (let ((print-escape-newlines t))
             (concat "!! " (prin1-to-string err))))))

(defun conformance-run-file (file)
  "Evaluate every top-level form of FILE, printing one result line each."
  (let ((forms nil))
    (with-temp-buffer
      (insert-file-contents file)
      (goto-char (point-min))
      (condition-case nil
          (while t (push (read (current-buffer)) forms))
        (end-of-file nil)))
    ;; Forms see no file being loaded, as in pdmacs's runner: end-of-file data and #$
    ;; would otherwise name driver.el.
    (let ((load-file-name nil)
          (load-true-file-name nil)
          (load-in-progress nil))
      (dolist (form (nreverse forms))
        (conformance--print-result
         (conformance--result-line (lambda () (eval form t))))))))

(conformance-run-file (car command-line-args-left))
(setq command-line-args-left nil)
