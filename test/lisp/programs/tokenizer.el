;;; tokenizer.el --- tokenize and evaluate arithmetic expressions  -*- lexical-binding: t -*-

(require 'cl-lib)
(require 'pcase)

(defconst my-tok-rules
  '(("[ \t\n]+" . nil)
    ("[0-9]+" . number)
    ("[A-Za-z_][A-Za-z_0-9]*" . identifier)
    ("\\*\\*\\|[-+*/%^(),=]" . operator))
  "Regexps for the token kinds, tried in order; nil means skip.")

(defun my-tokenize (string)
  "Split STRING into a list of (KIND . TEXT) tokens."
  (let ((pos 0) (tokens nil))
    (while (< pos (length string))
      (let ((rule (cl-find-if (lambda (r) (eq (string-match (car r) string pos) pos))
                              my-tok-rules)))
        (unless rule
          (error "Unexpected character %c at %d" (aref string pos) pos))
        (string-match (car rule) string pos)
        (when (cdr rule)
          (push (cons (cdr rule) (match-string 0 string)) tokens))
        (setq pos (match-end 0))))
    (nreverse tokens)))

;; A recursive-descent parser over the token list.
(defvar my-tokens nil)

(defun my-peek () (car my-tokens))
(defun my-next () (pop my-tokens))

(defun my-expect (text)
  (let ((tok (my-next)))
    (unless (equal (cdr tok) text)
      (error "Expected %s, got %S" text tok))))

(defun my-parse-primary ()
  (pcase (my-next)
    (`(number . ,text) (string-to-number text))
    (`(identifier . ,name)
     (if (equal (cdr (my-peek)) "(")
         (progn (my-next)
                (let ((args (list (my-parse-expr))))
                  (while (equal (cdr (my-peek)) ",")
                    (my-next)
                    (push (my-parse-expr) args))
                  (my-expect ")")
                  (cons (intern name) (nreverse args))))
       (intern name)))
    (`(operator . "(") (prog1 (my-parse-expr) (my-expect ")")))
    (`(operator . "-") (list '- (my-parse-primary)))
    (tok (error "Unexpected token %S" tok))))

(defun my-parse-binary (ops next)
  (let ((left (funcall next)))
    (while (member (cdr (my-peek)) ops)
      (setq left (list (intern (cdr (my-next))) left (funcall next))))
    left))

(defun my-parse-power ()
  (let ((base (my-parse-primary)))
    (if (equal (cdr (my-peek)) "**")
        (progn (my-next) (list 'expt base (my-parse-power)))
      base)))

(defun my-parse-term () (my-parse-binary '("*" "/" "%") #'my-parse-power))
(defun my-parse-expr () (my-parse-binary '("+" "-") #'my-parse-term))

(defun my-parse (string)
  (let ((my-tokens (my-tokenize string)))
    (prog1 (my-parse-expr)
      (when my-tokens (error "Trailing tokens: %S" my-tokens)))))

(defun my-eval (tree env)
  (pcase tree
    ((pred integerp) tree)
    ((pred symbolp) (or (alist-get tree env) (error "Unbound %s" tree)))
    (`(max . ,args) (apply #'max (mapcar (lambda (a) (my-eval a env)) args)))
    (`(,op ,a) (funcall op (my-eval a env)))
    (`(,op ,a ,b) (funcall op (my-eval a env) (my-eval b env)))))

(dolist (input '("1 + 2 * 3" "(1 + 2) * 3" "2 ** 3 ** 2" "x * (y - 4) % 7"
                 "max(x, y, 10) - -3" "100 / 7 / 2"))
  (let ((tree (my-parse input)))
    (princ (format "%-20s tokens=%d\n  tree: %S\n  value: %S\n"
                   input (length (my-tokenize input)) tree
                   (my-eval tree '((x . 6) (y . 9)))))))

(princ (format "%S\n" (my-tokenize "foo(12, bar_2)")))
(princ (format "%S\n" (condition-case err (my-tokenize "1 + $") (error err))))
(princ (format "%S\n" (condition-case err (my-parse "1 +") (error (car err)))))
