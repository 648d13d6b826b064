;;; pcase.el --- pattern matching  -*- lexical-binding: t -*-

;; A pattern is compiled against a variable holding the value, in
;; continuation-passing style: `pcase--match' returns code that runs the
;; success code (with the pattern's variables bound) when the value matches,
;; and otherwise evaluates to a unique failure token.  Each clause of `pcase'
;; checks for that token to fall through to the next, so `or' and `guard'
;; backtrack naturally.

(defvar pcase--fail nil
  "The failure token (an uninterned symbol) of the expansion being built.")

(defvar pcase--bound nil
  "Variables bound so far by the pattern being compiled.
A variable that occurs again in the same pattern tests for `eq'uality.")

(defvar pcase--destructuring nil
  "Non-nil while compiling for `pcase-let': structure tests are skipped.")

(defun pcase--fail-form ()
  (list 'quote pcase--fail))

(defun pcase--test (test k)
  "Code running K's code when TEST is true, failing otherwise."
  (if pcase--destructuring
      (funcall k)
    `(if ,test ,(funcall k) ,(pcase--fail-form))))

(defun pcase--self-quoting-p (pat)
  (or (keywordp pat) (integerp pat) (stringp pat)))

(defun pcase--funcall-form (fun arg)
  "The call of the `pred'/`app' function FUN on the form ARG."
  (cond ((symbolp fun) (list fun arg))
        ((memq (car-safe fun) '(lambda closure function)) `(funcall ,fun ,arg))
        (t (append fun (list arg)))))

(defun pcase--match (pat val k)
  "Code matching PAT against the variable VAL, then running (funcall K)."
  (cond
   ((eq pat '_) (funcall k))
   ((eq pat 't) (funcall k))
   ((pcase--self-quoting-p pat)
    (pcase--test `(equal ,val ,pat) k))
   ((symbolp pat)
    (if (memq pat pcase--bound)
        (pcase--test `(eq ,val ,pat) k)
      (let ((pcase--bound (cons pat pcase--bound)))
        `(let ((,pat ,val)) ,(funcall k)))))
   ((not (consp pat)) (error "Unknown pattern `%S'" pat))
   ((eq (car pat) 'quote)
    (let ((v (car (cdr pat))))
      (pcase--test (if (or (symbolp v) (integerp v)) `(eq ,val ',v) `(equal ,val ',v))
                   k)))
   ((eq (car pat) '\`) (pcase--match-backquote (car (cdr pat)) val k))
   ((eq (car pat) 'pred)
    (let ((fun (car (cdr pat))))
      (if (eq (car-safe fun) 'not)
          (pcase--test `(not ,(pcase--funcall-form (car (cdr fun)) val)) k)
        (pcase--test (pcase--funcall-form fun val) k))))
   ((eq (car pat) 'guard)
    (let ((pcase--destructuring nil))
      (pcase--test (car (cdr pat)) k)))
   ((eq (car pat) 'and) (pcase--match-and (cdr pat) val k))
   ((eq (car pat) 'or) (pcase--match-or (cdr pat) val k))
   ((eq (car pat) 'app)
    (let ((temp (make-symbol "x")))
      `(let ((,temp ,(pcase--funcall-form (car (cdr pat)) val)))
         ,(pcase--match (car (cdr (cdr pat))) temp k))))
   ((eq (car pat) 'let)
    (let ((temp (make-symbol "x")))
      `(let ((,temp ,(car (cdr (cdr pat)))))
         ,(pcase--match (car (cdr pat)) temp k))))
   ((eq (car pat) 'cl-type)
    (pcase--test `(cl-typep ,val ',(car (cdr pat))) k))
   ((get (car pat) 'pcase-macroexpander)
    (pcase--match (apply (get (car pat) 'pcase-macroexpander) (cdr pat)) val k))
   (t (error "Unknown %s pattern: %S" (car pat) pat))))

(defun pcase--match-and (pats val k)
  (if (null pats)
      (funcall k)
    (pcase--match (car pats) val
                  (lambda () (pcase--match-and (cdr pats) val k)))))

(defun pcase--match-or (pats val k)
  (cond
   ((null pats) (pcase--fail-form))
   ((null (cdr pats)) (pcase--match (car pats) val k))
   (t
    (let ((result (make-symbol "result"))
          (bound pcase--bound))
      `(let ((,result ,(pcase--match (car pats) val k)))
         (if (eq ,result ,(pcase--fail-form))
             ,(let ((pcase--bound bound))
                (pcase--match-or (cdr pats) val k))
           ,result))))))

(defun pcase--match-backquote (qpat val k)
  "Code matching the backquote pattern `QPAT against VAL."
  (cond
   ((eq (car-safe qpat) '\,) (pcase--match (car (cdr qpat)) val k))
   ((consp qpat)
    (let ((head (make-symbol "x"))
          (tail (make-symbol "xs")))
      (pcase--test
       `(consp ,val)
       (lambda ()
         `(let ((,head (car-safe ,val))
                (,tail (cdr-safe ,val)))
            ,(pcase--match-backquote
              (car qpat) head
              (lambda () (pcase--match-backquote (cdr qpat) tail k))))))))
   ((vectorp qpat)
    (let ((n (length qpat)))
      (pcase--test
       `(and (vectorp ,val) (= (length ,val) ,n))
       (lambda () (pcase--match-vector qpat 0 val k)))))
   ((null qpat) (pcase--test `(null ,val) k))
   (t (pcase--test `(equal ,val ',qpat) k))))

(defun pcase--match-vector (qpat i val k)
  (if (= i (length qpat))
      (funcall k)
    (let ((elt (make-symbol "x")))
      `(let ((,elt (aref ,val ,i)))
         ,(pcase--match-backquote (aref qpat i) elt
                                  (lambda () (pcase--match-vector qpat (1+ i) val k)))))))

(defun pcase--clauses (val clauses no-match)
  "Code trying CLAUSES on VAL in turn; NO-MATCH is the code when none does."
  (if (null clauses)
      no-match
    (let* ((clause (car clauses))
           (code (let ((pcase--bound nil))
                   (pcase--match (car clause) val
                                 (lambda () (macroexp-progn (or (cdr clause) '(nil)))))))
           (result (make-symbol "result")))
      `(let ((,result ,code))
         (if (eq ,result ,(pcase--fail-form))
             ,(pcase--clauses val (cdr clauses) no-match)
           ,result)))))

(defun pcase--expand (exp clauses no-match)
  (let ((val (make-symbol "val"))
        (pcase--fail (make-symbol "pcase-fail")))
    `(let ((,val ,exp))
       ,(pcase--clauses val clauses (funcall no-match val)))))

(defmacro pcase (exp &rest clauses)
  "Evaluate EXP and run the body of the first clause whose pattern matches it.
Each clause is (PATTERN BODY...).  Patterns: _ (anything), SYMBOL (anything,
bound to SYMBOL), 'VAL, KEYWORD, INTEGER and STRING (equal to it), `QPAT
(structure with ,PAT holes), (pred FUN), (guard EXPR), (and PAT...), (or
PAT...), (app FUN PAT), (let PAT EXPR), (cl-type TYPE)."
  (declare (indent 1))
  (pcase--expand exp clauses (lambda (_val) nil)))

(defmacro pcase-exhaustive (exp &rest clauses)
  "Like `pcase', but signal an error when no clause matches."
  (declare (indent 1))
  (pcase--expand exp clauses
                 (lambda (val) `(error "No clause matching `%S'" ,val))))

(defun pcase--bind (pat exp body)
  "Code binding PAT's variables from EXP's value around the forms BODY."
  (if (and (symbolp pat) (not (eq pat '_)))
      `(let ((,pat ,exp)) ,@body)
    (let ((val (make-symbol "x"))
          (pcase--fail (make-symbol "pcase-fail"))
          (pcase--destructuring t)
          (pcase--bound nil))
      `(let ((,val ,exp))
         ,(pcase--match pat val (lambda () (macroexp-progn (or body '(nil)))))))))

(defmacro pcase-let* (bindings &rest body)
  "Like `let*', but each binding is (PATTERN EXP) and destructures EXP.
The values are assumed to match their patterns."
  (declare (indent 1))
  (if (null bindings)
      (macroexp-progn (or body '(nil)))
    (pcase--bind (car (car bindings)) (car (cdr (car bindings)))
                 (list `(pcase-let* ,(cdr bindings) ,@body)))))

(defmacro pcase-let (bindings &rest body)
  "Like `pcase-let*', but evaluate all the EXPs before binding anything."
  (declare (indent 1))
  (let ((temps (mapcar (lambda (_) (make-symbol "x")) bindings)))
    `(let ,(let ((pairs nil) (ts temps))
             (dolist (b bindings) (push (list (car ts) (car (cdr b))) pairs)
                     (setq ts (cdr ts)))
             (nreverse pairs))
       (pcase-let* ,(let ((pairs nil) (ts temps))
                      (dolist (b bindings) (push (list (car b) (car ts)) pairs)
                              (setq ts (cdr ts)))
                      (nreverse pairs))
         ,@body))))

(defmacro pcase-dolist (spec &rest body)
  "Like `dolist', but the loop variable is a pattern that destructures."
  (declare (indent 1))
  (if (symbolp (car spec))
      `(dolist ,spec ,@body)
    (let ((elt (make-symbol "elt")))
      `(dolist (,elt ,@(cdr spec))
         (pcase-let* ((,(car spec) ,elt)) ,@body)))))

(defun pcase--variables (pat)
  "The variables PAT binds, in order."
  (cond ((memq pat '(_ t nil)) nil)
        ((keywordp pat) nil)
        ((symbolp pat) (list pat))
        ((not (consp pat)) nil)
        ((eq (car pat) 'quote) nil)
        ((eq (car pat) '\`) (pcase--qpat-variables (car (cdr pat))))
        ((memq (car pat) '(pred guard cl-type)) nil)
        ((eq (car pat) 'app) (pcase--variables (car (cdr (cdr pat)))))
        ((eq (car pat) 'let) (pcase--variables (car (cdr pat))))
        ((memq (car pat) '(and or))
         (delete-dups (apply #'append (mapcar #'pcase--variables (cdr pat)))))
        ((get (car pat) 'pcase-macroexpander)
         (pcase--variables (apply (get (car pat) 'pcase-macroexpander) (cdr pat))))
        (t nil)))

(defun pcase--qpat-variables (qpat)
  (cond ((eq (car-safe qpat) '\,) (pcase--variables (car (cdr qpat))))
        ((consp qpat) (append (pcase--qpat-variables (car qpat))
                              (pcase--qpat-variables (cdr qpat))))
        ((vectorp qpat) (apply #'append (mapcar #'pcase--qpat-variables qpat)))
        (t nil)))

(defmacro pcase-setq (&rest args)
  "Assign the variables of each PATTERN from its VALUE: (pcase-setq PAT VAL...)."
  (let ((forms nil))
    (while args
      (let ((pat (car args))
            (exp (car (cdr args))))
        (push (if (symbolp pat)
                  `(setq ,pat ,exp)
                (let ((vars (pcase--variables pat))
                      (values (make-symbol "values")))
                  ;; Destructure into fresh bindings, then assign the outer
                  ;; variables from the list of their values.
                  `(let ((,values (pcase-let ((,pat ,exp)) (list ,@vars))))
                     ,@(mapcar (lambda (var) `(setq ,var (pop ,values))) vars)
                     nil)))
              forms))
      (setq args (cdr (cdr args))))
    (macroexp-progn (nreverse forms))))

(defmacro pcase-lambda (lambda-list &rest body)
  "Like `lambda', but each argument may be a pattern that destructures it."
  (declare (indent 1))
  (let ((args nil) (bindings nil))
    (dolist (arg lambda-list)
      (if (symbolp arg)
          (push arg args)
        (let ((temp (make-symbol "arg")))
          (push temp args)
          (push (list arg temp) bindings))))
    `(lambda ,(nreverse args) (pcase-let* ,(nreverse bindings) ,@body))))

(defmacro pcase-defmacro (name args &rest body)
  "Define the pattern (NAME ARGS...) as the pattern BODY returns."
  (declare (indent 2))
  `(progn (put ',name 'pcase-macroexpander (lambda ,args ,@body)) ',name))

(provide 'pcase)

;;; pcase.el ends here
