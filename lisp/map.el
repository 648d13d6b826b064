;;; map.el --- functions on maps: alists, plists, hash tables, arrays  -*- lexical-binding: t -*-

;; A list whose first element is a cons is an alist, another non-empty list a
;; plist; arrays map indexes to elements.

(defun map--plist-p (list)
  (and (consp list) (atom (car list))))

(defun mapp (map)
  "Non-nil if MAP is a map."
  (or (listp map) (hash-table-p map) (arrayp map)))

(define-error 'map-not-inplace "Cannot modify map in-place")

(defun map--unsupported (map)
  "Signal that MAP is not a map."
  (error "Unsupported map type `%S': %S" (type-of map) map))

(defun map-elt (map key &optional default testfn)
  "The value of KEY in MAP, or DEFAULT.
Alist keys are compared with TESTFN (default `equal'), plist keys with `eq'."
  (cond ((hash-table-p map) (gethash key map default))
        ((map--plist-p map)
         (let ((tail (plist-member map key))) (if tail (car (cdr tail)) default)))
        ((listp map) (alist-get key map default nil (or testfn #'equal)))
        ((arrayp map) (if (map-contains-key map key) (aref map key) default))
        (t (map--unsupported map))))

(gv-define-expander map-elt
  ;; Set in place when possible, else store in the place a map with the
  ;; new entry added (an alist without the key, for instance).
  (lambda (do map key &optional default testfn)
    (macroexp-let2* nil ((k key) (d default) (test testfn))
      (gv-letplace (getter setter) map
        (funcall do `(map-elt ,getter ,k ,d)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(condition-case nil
                          (map-put! ,getter ,k ,v ,test)
                        (map-not-inplace
                         ,(funcall setter `(map-insert ,getter ,k ,v))
                         ,v)))))))))

(defun map-put! (map key value &optional testfn)
  "Set KEY to VALUE in MAP, in place, and return VALUE.
A key missing from an alist cannot be added in place: that signals
`map-not-inplace'.  TESTFN compares alist keys (default `equal')."
  (cond ((hash-table-p map) (puthash key value map))
        ((map--plist-p map) (plist-put map key value) value)
        ((listp map)
         (let ((cell (and map (assoc key map (or testfn #'equal)))))
           (unless cell (signal 'map-not-inplace (list map)))
           (setcdr cell value)))
        ((arrayp map) (aset map key value))
        (t (map--unsupported map))))

(defun map-insert (map key value)
  "A new map: MAP with KEY set to VALUE.  Lists get the entry in front."
  (cond ((map--plist-p map) (cons key (cons value map)))
        ((listp map) (cons (cons key value) map))
        (t (let ((copy (map-copy map))) (map-put! copy key value) copy))))

(defun map-apply (function map)
  "The list of (FUNCTION KEY VALUE) for the entries of MAP."
  (let ((result nil))
    (map-do (lambda (k v) (push (funcall function k v) result)) map)
    (nreverse result)))

(defun map-do (function map)
  "Call FUNCTION with each key and value of MAP; return nil."
  (cond ((hash-table-p map) (maphash function map))
        ((map--plist-p map)
         (while map
           (funcall function (car map) (car (cdr map)))
           (setq map (cdr (cdr map)))))
        ((listp map) (dolist (cell map) (funcall function (car cell) (cdr cell))))
        ((arrayp map)
         (let ((i 0))
           (mapc (lambda (elt) (funcall function i elt) (setq i (1+ i))) map)))
        (t (map--unsupported map)))
  nil)

(defun map-keys (map) "The keys of MAP." (map-apply (lambda (k _v) k) map))
(defun map-values (map)
  "The values of MAP."
  (if (arrayp map) (append map nil) (map-apply (lambda (_k v) v) map)))
(defun map-pairs (map) "The (KEY . VALUE) pairs of MAP." (map-apply #'cons map))

(defun map-length (map)
  "The number of entries of MAP."
  (cond ((hash-table-p map) (hash-table-count map))
        ((map--plist-p map) (/ (length map) 2))
        ((or (listp map) (arrayp map)) (length map))
        (t (map--unsupported map))))

(defun map-empty-p (map) "Non-nil if MAP has no entries." (= (map-length map) 0))

(defun map-contains-key (map key &optional testfn)
  "Non-nil if MAP has an entry for KEY (alist keys compared by TESTFN)."
  (cond ((hash-table-p map)
         (let ((missing (make-symbol "missing")))
           (not (eq (gethash key map missing) missing))))
        ((map--plist-p map) (plist-member map key))
        ((listp map) (and (assoc key map (or testfn #'equal)) t))
        ((arrayp map) (and (natnump key) (< key (length map))))
        (t (map-some (lambda (k _v) (funcall (or testfn #'equal) key k)) map))))

(defun map-keys-apply (function map)
  "The results of FUNCTION on the keys of MAP."
  (map-apply (lambda (k _v) (funcall function k)) map))

(defun map-values-apply (function map)
  "The results of FUNCTION on the values of MAP."
  (map-apply (lambda (_k v) (funcall function v)) map))

(defun map-filter (pred map)
  "The (KEY . VALUE) pairs of MAP for which (PRED KEY VALUE) is non-nil."
  (delq nil (map-apply (lambda (k v) (and (funcall pred k v) (cons k v))) map)))

(defun map-remove (pred map)
  "The (KEY . VALUE) pairs of MAP for which (PRED KEY VALUE) is nil."
  (map-filter (lambda (k v) (not (funcall pred k v))) map))

(defun map-some (pred map)
  "The first non-nil value of (PRED KEY VALUE) over MAP."
  (catch 'map--break
    (map-do (lambda (k v) (let ((r (funcall pred k v))) (when r (throw 'map--break r)))) map)
    nil))

(defun map-every-p (pred map)
  "Non-nil if (PRED KEY VALUE) is true for every entry of MAP."
  (catch 'map--break
    (map-do (lambda (k v) (unless (funcall pred k v) (throw 'map--break nil))) map)
    t))

(defun map-nested-elt (map keys &optional default)
  "The value found by following KEYS through nested MAP; DEFAULT if that
value is nil or a key is missing."
  (while (and keys map)
    (setq map (and (mapp map) (map-elt map (car keys)))
          keys (cdr keys)))
  (or map default))

(defun map-delete (map key)
  "Remove KEY from MAP (in place where possible); return MAP.
In an alist only the first entry for KEY goes; in an array the element at
index KEY becomes nil."
  (cond ((hash-table-p map) (remhash key map) map)
        ((map--plist-p map)
         (while (and map (eq (car map) key))
           (setq map (cdr (cdr map))))
         (let ((tail map))
           (while (cdr (cdr tail))
             (if (eq (car (cdr (cdr tail))) key)
                 (setcdr (cdr tail) (cdr (cdr (cdr (cdr tail)))))
               (setq tail (cdr (cdr tail))))))
         map)
        ((listp map) (delq (assoc key map) map))
        ((arrayp map)
         (when (map-contains-key map key) (aset map key nil))
         map)
        (t (map--unsupported map))))

(defun map-copy (map)
  "A copy of MAP: alists have their pairs copied too."
  (cond ((hash-table-p map) (copy-hash-table map))
        ((map--plist-p map) (copy-sequence map))
        ((listp map) (copy-alist map))
        ((arrayp map) (copy-sequence map))
        (t (map--unsupported map))))

(defun map-into (map type)
  "MAP converted to TYPE: list or alist, plist, hash-table (`equal' keys) or
(hash-table ARGS...) for a table made by `make-hash-table' with ARGS."
  (cond ((memq type '(list alist)) (map-pairs map))
        ((eq type 'plist)
         (let ((plist nil))
           (map-do (lambda (k v) (setq plist (cons v (cons k plist)))) map)
           (nreverse plist)))
        ((or (eq type 'hash-table) (eq (car-safe type) 'hash-table))
         (let ((table (apply #'make-hash-table
                             (if (consp type) (cdr type)
                               (list :size (map-length map) :test #'equal)))))
           (map-do (lambda (k v) (puthash k v table)) map)
           table))
        (t (error "No applicable method: map-into, %S, %S" map type))))

(defun map--merge (combine type maps)
  "A map of TYPE with the entries of MAPS, added in order by COMBINE, called
with the map being built, a key and a value.  Lists are built in a hash
table (`eq' keys for plists, `equal' otherwise) and converted at the end."
  (let* ((to-list (memq type '(list alist plist)))
         (result (map-into (car maps)
                           (cond ((eq type 'plist) '(hash-table :test eq))
                                 (to-list '(hash-table :test equal))
                                 (t type)))))
    (dolist (map (cdr maps))
      (map-do (lambda (k v) (setq result (funcall combine result k v))) map))
    (if to-list (map-into result type) result)))

(defun map-merge (type &rest maps)
  "A map of TYPE with the entries of MAPS; later maps win."
  (map--merge (lambda (result k v) (setf (map-elt result k) v) result) type maps))

(defun map-merge-with (type function &rest maps)
  "Like `map-merge', combining the values of a repeated key with FUNCTION
(called with the earlier and the later value)."
  (let ((missing (make-symbol "missing")))
    (map--merge (lambda (result k v)
                  (let ((old (map-elt result k missing)))
                    (setf (map-elt result k)
                          (if (eq old missing) v (funcall function old v))))
                  result)
                type maps)))

(defmacro map-let (keys map &rest body)
  "Bind variables to values of MAP, then run BODY.  Each of KEYS is a symbol
(bound to the value of that key), a keyword :K (binds K to the value of :K)
or (KEY VAR [DEFAULT]) with KEY evaluated."
  (declare (indent 2))
  (let ((m (make-symbol "map")))
    `(let* ((,m ,map)
            ,@(mapcar (lambda (k)
                        (cond ((consp k)
                               `(,(car (cdr k)) (map-elt ,m ,(car k) ,(car (cdr (cdr k))))))
                              ((keywordp k)
                               `(,(intern (substring (symbol-name k) 1)) (map-elt ,m ,k)))
                              (t `(,k (map-elt ,m ',k)))))
                      keys))
       ,@body)))

;;;; The obsolete setter.

(defmacro map-put (map key value &optional testfn)
  "Set KEY to VALUE in MAP (alists compared by TESTFN) and return VALUE."
  (declare (obsolete "use map-put! or (setf (map-elt ...) ...) instead" "27.1"))
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

;;;; The `map' pcase pattern.

(defun map--make-pcase-bindings (args)
  "Patterns matching a map's values for ARGS: each is (KEY PAT), KEY being
evaluated, a keyword :K standing for (:K K), or a symbol S for ('S S)."
  (mapcar (lambda (arg)
            (cond ((consp arg) `(app (pcase--flip map-elt ,(car arg)) ,(car (cdr arg))))
                  ((keywordp arg)
                   `(app (pcase--flip map-elt ,arg)
                         ,(intern (substring (symbol-name arg) 1))))
                  (t `(app (pcase--flip map-elt ',arg) ,arg))))
          args))

(pcase-defmacro map (&rest args)
  "Match a map whose values for the keys of ARGS match their patterns.
Each of ARGS is (KEY PAT), a symbol S (for ('S S)) or a keyword :K (for
(:K K)).  A key the map lacks has the value nil."
  `(and (pred mapp) ,@(map--make-pcase-bindings args)))

(provide 'map)

;;; map.el ends here
