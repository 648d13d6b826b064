;;; nadvice.el --- function advice: add-function and advice-add  -*- lexical-binding: t -*-

;; Two layers, as in GNU Emacs:
;;
;; - `add-function' and `remove-function' combine a piece of advice with the
;;   function held in any place (a `setf' place, a variable's default value,
;;   or a lexical variable through (var X)).
;; - `advice-add' and `advice-remove' do the same for the definition of a
;;   named function, and keep that advice when the function is (re)defined
;;   with `defalias' or `defun', when it is a macro, or not yet defined.
;;
;; What an advised function is.  GNU Emacs builds a byte-code object whose
;; constants are the advice, the function it wraps and the properties.  This
;; runtime has no such objects to build, so a piece of advice here is an
;; interpreted closure of a fixed shape:
;;
;;   (closure ((advice--how . HOW) (advice--car . ADVICE)
;;             (advice--cdr . INNER) (advice--props . PROPS) t)
;;            (&rest advice--args)
;;     [(interactive SPEC)]
;;     BODY)
;;
;; BODY is the combination HOW asks for, written over the lexical variables
;; of the environment, e.g. (apply advice--car advice--cdr advice--args) for
;; :around.  It is a real function: `funcall', `apply', `functionp' and
;; `func-arity' ((0 . many), as in Emacs) treat it as any other closure, and
;; it prints as the closure it is, which shows how the advice is combined.
;; INNER is the next layer: another such closure or, at the bottom, the
;; original function.  Layers are never mutated; adding or removing a piece
;; of advice rebuilds the layers above the change.

;;;; The advice object.

(defconst advice--how-alist
  '((:around (apply advice--car advice--cdr advice--args))
    (:before (apply advice--car advice--args) (apply advice--cdr advice--args))
    (:after (prog1 (apply advice--cdr advice--args)
              (apply advice--car advice--args)))
    (:override (apply advice--car advice--args))
    (:after-until (or (apply advice--cdr advice--args)
                      (apply advice--car advice--args)))
    (:after-while (and (apply advice--cdr advice--args)
                       (apply advice--car advice--args)))
    (:before-until (or (apply advice--car advice--args)
                       (apply advice--cdr advice--args)))
    (:before-while (and (apply advice--car advice--args)
                        (apply advice--cdr advice--args)))
    (:filter-args (apply advice--cdr (funcall advice--car advice--args)))
    (:filter-return (funcall advice--car (apply advice--cdr advice--args))))
  "For each way of combining advice, the body of the combined function.
The body runs with `advice--car' bound to the advice, `advice--cdr' to the
function it wraps and `advice--args' to the list of arguments.")

(defun advice--p (object)
  "Non-nil if OBJECT is a piece of advice wrapped around a function."
  (and (eq (car-safe object) 'closure)
       (let ((env (car-safe (cdr object))))
         (and (eq (car-safe (car-safe env)) 'advice--how)
              (eq (car-safe (car-safe (cdr-safe env))) 'advice--car)
              (eq (car-safe (nth 2 env)) 'advice--cdr)
              (eq (car-safe (nth 3 env)) 'advice--props)))))

;; The four slots, read from the closure's environment.
(defun advice--how (f) (cdr (nth 0 (nth 1 f))))
(defun advice--car (f) (cdr (nth 1 (nth 1 f))))
(defun advice--cdr (f) (cdr (nth 2 (nth 1 f))))
(defun advice--props (f) (cdr (nth 3 (nth 1 f))))

(defun advice--depth (f)
  (or (cdr (assq 'depth (advice--props f))) 0))

(defun advice--cd*r (f)
  "The innermost function under all the advice layers of F."
  (while (advice--p f)
    (setq f (advice--cdr f)))
  f)

(defun advice--lambda-body (f)
  "The body of F, a lambda or closure list, else nil."
  (cond ((eq (car-safe f) 'lambda) (cdr-safe (cdr f)))
        ((eq (car-safe f) 'closure) (cdr-safe (cdr-safe (cdr f))))))

(defun advice--interactive-form (function)
  "The (interactive SPEC) form of FUNCTION, or nil if it is not a command."
  (when (commandp function)
    (let* ((def (indirect-function function))
           (body (advice--lambda-body def)))
      ;; The interactive form follows the docstring and `declare' forms.
      (when (and (stringp (car-safe body)) (cdr body))
        (setq body (cdr body)))
      (while (eq (car-safe (car-safe body)) 'declare)
        (setq body (cdr body)))
      (let ((form (car-safe body)))
        (if (eq (car-safe form) 'interactive) form '(interactive))))))

(defun advice--interactive-spec (function main)
  "The interactive spec of FUNCTION advising MAIN.
The advice's own spec wins; a spec that is itself a function receives
MAIN's spec and computes the arguments."
  (let* ((fform (advice--interactive-form function))
         (mform (advice--interactive-form main))
         (fspec (car-safe (cdr-safe fform))))
    (when (eq (car-safe fspec) 'function)
      (setq fspec (car-safe (cdr fspec))))
    (if (functionp fspec)
        `(funcall ',fspec ',(car-safe (cdr-safe mform)))
      (car-safe (cdr-safe (or fform mform))))))

(defun advice--build (how function main props)
  "The closure that combines FUNCTION with MAIN as HOW says."
  (let ((body (cdr (assq how advice--how-alist))))
    (unless body
      (error "Unknown add-function location `%S'" how))
    (cons 'closure
          (cons (list (cons 'advice--how how) (cons 'advice--car function)
                      (cons 'advice--cdr main) (cons 'advice--props props) t)
                (cons '(&rest advice--args)
                      (if (or (commandp function) (commandp main))
                          (cons (list 'interactive
                                      (advice--interactive-spec function main))
                                body)
                        body))))))

(defun advice--make (how function main props)
  "Add FUNCTION to MAIN as HOW, at the position its depth in PROPS asks for.
A piece of advice goes inside every layer of smaller depth, and outside
the others: among equal depths the newest is outermost."
  (let ((depth (or (cdr (assq 'depth props)) 0)))
    (if (and (advice--p main) (> depth (advice--depth main)))
        (advice--build (advice--how main) (advice--car main)
                       (advice--make how function (advice--cdr main) props)
                       (advice--props main))
      (advice--build how function main props))))

(defun advice--member-p (key use-name definition)
  "The first layer of DEFINITION whose advice matches KEY, or nil.
USE-NAME nil compares KEY with the advice function, t with its `name'
property, `:use-both' with either."
  (let ((found nil))
    (while (and (not found) (advice--p definition))
      (let ((name (cdr (assq 'name (advice--props definition))))
            (fun (advice--car definition)))
        (if (cond ((eq use-name :use-both)
                   (or (equal key name) (equal key fun)))
                  (use-name (equal key name))
                  (t (equal key fun)))
            (setq found definition)
          (setq definition (advice--cdr definition)))))
    found))

(defun advice--rebuild (flist fn)
  "Rebuild the advice layers of FLIST, replacing parts as FN says.
FN is called on each layer from the outside in; it returns nil to keep the
layer (and look further in), or a list (VALUE) to put VALUE in place of
that layer and everything under it.  At the bottom, FN is called on the
non-advice function and its return value, whatever it is, takes its place.
Layers above a replacement are rebuilt; when nothing changes FLIST itself
is returned."
  (if (not (advice--p flist))
      (funcall fn flist)
    (let ((repl (funcall fn flist)))
      (if repl
          (car repl)
        (let* ((inner (advice--cdr flist))
               (new-inner (advice--rebuild inner fn)))
          (if (eq new-inner inner)
              flist
            (advice--build (advice--how flist) (advice--car flist)
                           new-inner (advice--props flist))))))))

(defun advice--remove-function (flist function)
  "FLIST without the advice that is FUNCTION or is named FUNCTION."
  (advice--rebuild flist
                   (lambda (layer)
                     (cond ((not (advice--p layer)) layer)
                           ((or (equal function (advice--car layer))
                                (equal function
                                       (cdr (assq 'name (advice--props layer)))))
                            (list (advice--remove-function (advice--cdr layer)
                                                           function)))))))

(defun advice--subst-main (flist new)
  "FLIST with NEW in place of the function under all the advice."
  (advice--rebuild flist
                   (lambda (layer) (if (advice--p layer) nil new))))

(defun advice--without-existing (definition function props)
  "DEFINITION without the advice that adding FUNCTION with PROPS replaces.
That is the advice named as PROPS names FUNCTION, or, for unnamed advice,
FUNCTION itself; DEFINITION is returned when there is none."
  (let* ((name (cdr (assq 'name props)))
         (old (advice--member-p (or name function) (and name t) definition)))
    (if old
        (advice--remove-function definition (or name (advice--car old)))
      definition)))

;;;; Advice on places.

(defun advice--buffer-local (var)
  (signal 'error
          (list (format "No buffer-local advice: %S (pdmacs has no buffers)"
                        var))))

(defun advice--normalize-place (place)
  (cond ((eq (car-safe place) 'local) `(advice--buffer-local ,@(cdr place)))
        ((eq (car-safe place) 'var) (nth 1 place))
        ((symbolp place) `(default-value ',place))
        (t place)))

(defmacro add-function (how place function &optional props)
  "Advise the function stored in PLACE with FUNCTION, combined as HOW says.
With OLDFUN the previous value of PLACE and ARGS the arguments of a call,
the new value of PLACE calls:
  :around         FUNCTION with OLDFUN and ARGS
  :before         FUNCTION with ARGS, then OLDFUN with ARGS (its value)
  :after          OLDFUN with ARGS (its value), then FUNCTION with ARGS
  :override       only FUNCTION with ARGS
  :before-while   FUNCTION, and OLDFUN only if FUNCTION returned non-nil
  :before-until   FUNCTION, and OLDFUN only if FUNCTION returned nil
  :after-while    OLDFUN, and FUNCTION only if OLDFUN returned non-nil
  :after-until    OLDFUN, and FUNCTION only if OLDFUN returned nil
  :filter-args    OLDFUN with the list FUNCTION returns from ARGS (as one list)
  :filter-return  FUNCTION on the value of OLDFUN on ARGS.
PROPS is an alist: `name' names the advice (for removal and membership),
`depth' orders it (from -100, outermost, to 100, innermost; default 0).
Adding advice that is already there (the same function, or the same name)
replaces it.  PLACE is a generalized variable, a symbol (its default
value), (var VAR) for a lexical variable, or (local \\='VAR), which this
runtime, having no buffers, refuses.  Return the new value of PLACE."
  (let ((h (make-symbol "how")) (f (make-symbol "function"))
        (p (make-symbol "props")) (v (make-symbol "stripped")))
    `(let ((,h ,how))
       ,(gv-letplace (getter setter) (advice--normalize-place place)
          `(let* ((,f ,function) (,p ,props)
                  (,v (advice--without-existing ,getter ,f ,p)))
             ;; Like Emacs, the old copy is taken out in a store of its
             ;; own, before the new one is built.
             (unless (eq ,v ,getter) ,(funcall setter v))
             ,(funcall setter `(advice--make ,h ,f ,getter ,p)))))))

(defmacro remove-function (place function)
  "Remove the advice FUNCTION (or the advice named FUNCTION) from PLACE.
PLACE is as for `add-function'.  When there is no such advice, PLACE is
left alone and the value is nil."
  (gv-letplace (getter setter) (advice--normalize-place place)
    (macroexp-let2 nil new `(advice--remove-function ,getter ,function)
      `(unless (eq ,new ,getter) ,(funcall setter new)))))

(defun advice-function-mapc (f function-def)
  "Call F on each piece of advice of FUNCTION-DEF, outermost first.
F receives the advice function and its properties alist."
  (while (advice--p function-def)
    (funcall f (advice--car function-def) (advice--props function-def))
    (setq function-def (advice--cdr function-def))))

(defun advice-function-member-p (advice function-def)
  "Non-nil if ADVICE, a function or a `name', advises FUNCTION-DEF."
  (advice--member-p advice :use-both function-def))

;;;; Advice on named functions.

;; The advice of a symbol is kept in its function cell, wrapped around the
;; definition (inside the `macro' cons for a macro).  While the symbol has
;; no definition, or only an autoload, the advice waits in its
;; `advice--pending' property around nil.  Its `defalias-fset-function'
;; property, which `defalias' calls instead of storing the definition
;; itself, is (advice around nil of) `advice--defalias-fset', which slides
;; the new definition under the advice.

(defun advice--strip-macro (def)
  (if (eq (car-safe def) 'macro) (cdr def) def))

(defun advice--normalize (symbol def)
  "DEF, the definition of SYMBOL, in a form advice can wrap."
  (cond
   ((special-form-p def)
    (error "Advice impossible: %S is a special form" symbol))
   ((and (symbolp def) (macrop def))
    ;; An alias of a macro: advise a macro of our own that expands the
    ;; alias, and remember it so that `advice-remove' can put the alias back.
    (let ((expander (lambda (&rest args) (macroexpand (cons def args)))))
      (put symbol 'advice--saved-rewrite (cons def expander))
      (cons 'macro expander)))
   ((and (eq (car-safe def) 'macro)
         (not (ignore-errors (setcdr def (cdr def)) t)))
    ;; The advice will be stored in the cdr, which must be writable.
    (cons 'macro (cdr def)))
   (t def)))

(defun advice--symbol-function (symbol)
  "The advice layers of SYMBOL (around its definition, or around nil)."
  (or (get symbol 'advice--pending)
      (advice--strip-macro (symbol-function symbol))))

(defun advice--defalias-fset (fsetfun symbol newdef)
  "Store NEWDEF as SYMBOL's definition (with FSETFUN) under its advice."
  (unless fsetfun (setq fsetfun #'fset))
  ;; A definition taken from an advised function brings its advice along;
  ;; the advice is ours to manage, so keep only the function under it.
  (cond ((advice--p newdef) (setq newdef (advice--cd*r newdef)))
        ((and (eq (car-safe newdef) 'macro) (advice--p (cdr newdef)))
         (setq newdef (cons 'macro (advice--cd*r (cdr newdef))))))
  (put symbol 'advice--saved-rewrite nil)
  (setq newdef (advice--normalize symbol newdef))
  (let ((advice (advice--symbol-function symbol)))
    (if (and newdef (not (autoloadp newdef)))
        (let* ((fun (advice--strip-macro newdef))
               (wrapped (advice--subst-main advice fun)))
          (put symbol 'advice--pending nil)
          (funcall fsetfun symbol
                   (if (eq fun newdef) wrapped (cons 'macro wrapped))))
      (unless (eq advice (get symbol 'advice--pending))
        (put symbol 'advice--pending (advice--subst-main advice nil)))
      (funcall fsetfun symbol newdef))))

(defun advice-add (symbol how function &optional props)
  "Advise the function (or macro) named SYMBOL with FUNCTION.
HOW and PROPS are as for `add-function'.  The advice stays when SYMBOL is
redefined with `defalias' or `defun', and may be added before SYMBOL is
defined.  Return nil."
  (let* ((def (symbol-function symbol))
         (ndef (advice--normalize symbol def)))
    (unless (eq def ndef) (fset symbol ndef))
    (cond ((eq (car-safe ndef) 'macro)
           (add-function how (cdr ndef) function props))
          ((or (null ndef) (autoloadp ndef))
           (add-function how (get symbol 'advice--pending) function props))
          (t (add-function how (symbol-function symbol) function props)))
    (put symbol 'function-documentation `(advice--make-docstring ',symbol))
    (add-function :around (get symbol 'defalias-fset-function)
                  #'advice--defalias-fset))
  nil)

(defun advice-remove (symbol function)
  "Remove the advice FUNCTION (or the advice named FUNCTION) from SYMBOL.
Return nil."
  (let ((def (symbol-function symbol)))
    (cond ((get symbol 'advice--pending)
           (remove-function (get symbol 'advice--pending) function))
          ((eq (car-safe def) 'macro) (remove-function (cdr def) function))
          (t (remove-function (symbol-function symbol) function)))
    (unless (advice--p (advice--symbol-function symbol))
      (remove-function (get symbol 'defalias-fset-function)
                       #'advice--defalias-fset)
      ;; Put back the macro alias that `advice--normalize' replaced, unless
      ;; SYMBOL has been redefined since.
      (let ((rewrite (get symbol 'advice--saved-rewrite)))
        (when (and rewrite (eq (cdr-safe (symbol-function symbol))
                               (cdr rewrite)))
          (fset symbol (car rewrite))))))
  nil)

(defmacro define-advice (symbol args &rest body)
  "Advise SYMBOL with a function whose lambda list and body are given here.
ARGS is (HOW LAMBDA-LIST &optional NAME DEPTH).  With NAME the advice is
a function named SYMBOL@NAME, defined here; without it, an anonymous
lambda.  DEPTH, if non-nil, is the `depth' property.

\(fn SYMBOL (HOW LAMBDA-LIST &optional NAME DEPTH) &rest BODY)"
  (declare (indent 2) (doc-string 3))
  (unless (listp args) (signal 'wrong-type-argument (list 'listp args)))
  (let ((n (length args)))
    (unless (and (<= 2 n) (<= n 4))
      (signal 'wrong-number-of-arguments (list 2 4 n))))
  (let* ((how (nth 0 args))
         (arglist (nth 1 args))
         (name (nth 2 args))
         (depth (nth 3 args))
         (props (and depth (list (cons 'depth depth))))
         (advice (cond ((null name) `(lambda ,arglist ,@body))
                       ((or (stringp name) (symbolp name))
                        (intern (format "%s@%s" symbol name)))
                       (t (error "Unrecognized name spec `%S'" name)))))
    `(prog1 ,@(and (symbolp advice) `((defun ,advice ,arglist ,@body)))
       (advice-add ',symbol ,how #',advice ,@(and props `(',props))))))

(defun advice-mapc (fun symbol)
  "Call FUN on each piece of advice of SYMBOL, outermost first.
FUN receives the advice function and its properties alist."
  (advice-function-mapc fun (advice--symbol-function symbol)))

(defun advice-member-p (advice symbol)
  "Non-nil if ADVICE, a function or a `name', advises SYMBOL."
  (advice-function-member-p advice (advice--symbol-function symbol)))

;;;; Documentation of advised functions.

(defun advice--usage-split (doc)
  "Split the usage line \"(fn ...)\" off the end of DOC.
Return (USAGE . REST), or nil when DOC has no usage line."
  (when (and (stringp doc)
             (string-match "\n\n(fn\\(?: [^\n]*\\)?)\\'" doc))
    (cons (substring doc (+ 2 (match-beginning 0)))
          (substring doc 0 (match-beginning 0)))))

(defun advice--usage (arglist)
  "The usage line of a function with ARGLIST: (fn ARG...) in capitals."
  (concat "(fn"
          (mapconcat (lambda (arg)
                       (let ((name (symbol-name arg)))
                         (concat " "
                                 (if (string-prefix-p "&" name) name
                                   (upcase (if (and (string-prefix-p "_" name)
                                                    (> (length name) 1))
                                               (substring name 1)
                                             name))))))
                     arglist "")
          ")"))

(defun advice--arglist (def)
  (cond ((eq (car-safe def) 'lambda) (car-safe (cdr def)))
        ((eq (car-safe def) 'closure) (car-safe (cdr-safe (cdr def))))
        (t t)))

(defun advice--single-doc (layer macrop)
  "The line that documents the advice of LAYER."
  (let ((fun (advice--car layer)))
    (concat
     (format "This %s has %s advice: "
             (if macrop "macro" "function") (advice--how layer))
     (if (symbolp fun)
         (format-message "`%S'." fun)
       (let* ((name (cdr (assq 'name (advice--props layer))))
              (doc (documentation fun t))
              (split (advice--usage-split doc)))
         (when split (setq doc (cdr split)))
         (cond ((and name doc) (format "%s\n%s" name doc))
               (name (format "%s" name))
               (t (or doc "No documentation")))))
     "\n")))

(defun advice--make-docstring (symbol)
  "The documentation of SYMBOL, an advised function: its own, then a
line for each piece of advice, then its usage."
  (let* ((def (indirect-function symbol))
         (macrop (eq (car-safe def) 'macro))
         (advice-doc nil))
    (setq def (advice--strip-macro def))
    (if (and (autoloadp def) (get symbol 'advice--pending))
        (setq advice-doc (advice--single-doc (get symbol 'advice--pending)
                                             macrop))
      (while (advice--p def)
        (setq advice-doc (concat advice-doc (advice--single-doc def macrop))
              def (advice--cdr def))))
    (let* ((doc (unless (eq def symbol) (documentation def t)))
           (split (advice--usage-split doc))
           (usage (if split (car split)
                    (let ((arglist (advice--arglist def)))
                      (and (listp arglist) (advice--usage arglist))))))
      (when split (setq doc (cdr split)))
      (setq doc (concat doc (if (and doc (string-suffix-p "\n" doc)) "\n" "\n\n")
                        advice-doc))
      (cond ((null usage) doc)
            ((string-suffix-p "\n\n" doc) (concat doc usage))
            ((string-suffix-p "\n" doc) (concat doc "\n" usage))
            (t (concat doc "\n\n" usage))))))

(provide 'nadvice)

;;; nadvice.el ends here
