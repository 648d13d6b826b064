;;; map.el --- functions on maps: alists, plists, hash tables, arrays  -*- lexical-binding: t -*-

;; A list whose first element is a cons is an alist, another non-empty list a
;; plist; arrays map indexes to elements.

(defun map--plist-p (list)
  (and (consp list) (atom (car list))))

(defun mapp (map)
  "Non-nil if MAP is a map."
  (or (listp map) (hash-table-p map) (arrayp map)))

(defun map-elt (map key &optional default testfn)
  "The value of KEY in MAP, or DEFAULT."
  (cond ((hash-table-p map) (gethash key map default))
        ((map--plist-p map)
         (let ((tail (plist-member map key))) (if tail (car (cdr tail)) default)))
        ((listp map) (alist-get key map default nil (or testfn #'equal)))
        ((and (natnump key) (< key (length map))) (aref map key))
        (t default)))

(gv-define-expander map-elt
  (lambda (do map key &optional default testfn)
    (macroexp-let2* nil ((k key) (d default) (test testfn))
      (gv-letplace (getter setter) map
        (funcall do `(map-elt ,getter ,k ,d ,test)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn
                        ,(funcall setter `(map--put ,getter ,k ,v ,test))
                        ,v))))))))

(defun map--put (map key value &optional testfn)
  "MAP with KEY set to VALUE (modified in place where possible)."
  (cond ((hash-table-p map) (puthash key value map) map)
        ((map--plist-p map)
         (let ((tail (plist-member map key)))
           (if tail (progn (setcar (cdr tail) value) map)
             (nconc map (list key value)))))
        ((listp map)
         (let ((cell (assoc key map (or testfn #'equal))))
           (if cell (progn (setcdr cell value) map)
             (cons (cons key value) map))))
        (t (aset map key value) map)))

(defmacro map-put! (map key value &optional testfn)
  "Set KEY to VALUE in MAP, in place."
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

(defun map-insert (map key value)
  "A copy of MAP with KEY set to VALUE."
  (cond ((hash-table-p map) (let ((copy (copy-hash-table map))) (puthash key value copy) copy))
        ((map--plist-p map)
         (let ((copy (copy-sequence map)))
           (if (plist-member copy key) (plist-put copy key value)
             (cons key (cons value copy)))))
        ((listp map) (cons (cons key value) map))
        (t (let ((copy (copy-sequence map))) (aset copy key value) copy))))

(defun map-apply (function map)
  "The list of (FUNCTION KEY VALUE) for the entries of MAP."
  (let ((result nil))
    (map-do (lambda (k v) (push (funcall function k v) result)) map)
    (nreverse result)))

(defun map-do (function map)
  "Call FUNCTION with each key and value of MAP."
  (cond ((hash-table-p map) (maphash function map))
        ((map--plist-p map)
         (while map
           (funcall function (car map) (car (cdr map)))
           (setq map (cdr (cdr map)))))
        ((listp map) (dolist (cell map) (funcall function (car cell) (cdr cell))))
        (t (let ((i 0))
             (mapc (lambda (elt) (funcall function i elt) (setq i (1+ i))) map))))
  nil)

(defun map-keys (map) "The keys of MAP." (map-apply (lambda (k _v) k) map))
(defun map-values (map) "The values of MAP." (map-apply (lambda (_k v) v) map))
(defun map-pairs (map) "The (KEY . VALUE) pairs of MAP." (map-apply #'cons map))

(defun map-length (map)
  "The number of entries of MAP."
  (cond ((hash-table-p map) (hash-table-count map))
        ((map--plist-p map) (/ (length map) 2))
        (t (length map))))

(defun map-empty-p (map) "Non-nil if MAP has no entries." (= (map-length map) 0))

(defun map-contains-key (map key &optional testfn)
  "Non-nil if MAP has an entry for KEY."
  (cond ((hash-table-p map)
         (let ((missing (make-symbol "missing")))
           (not (eq (gethash key map missing) missing))))
        ((map--plist-p map) (plist-member map key))
        ((listp map) (and (assoc key map (or testfn #'equal)) t))
        (t (and (natnump key) (< key (length map))))))

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
  "The value found by following KEYS through nested MAP, or DEFAULT."
  (let ((missing (make-symbol "missing")))
    (while (and keys (not (eq map missing)))
      (setq map (if (mapp map) (map-elt map (car keys) missing) missing)
            keys (cdr keys)))
    (if (eq map missing) default map)))

(defun map-delete (map key)
  "Remove KEY from MAP (in place where possible); return MAP."
  (cond ((hash-table-p map) (remhash key map) map)
        ((map--plist-p map)
         (let ((result nil))
           (while map
             (unless (equal (car map) key)
               (setq result (cons (car (cdr map)) (cons (car map) result))))
             (setq map (cdr (cdr map))))
           (nreverse result)))
        ((listp map) (assoc-delete-all key map))
        (t map)))

(defun map-copy (map)
  "A copy of MAP."
  (if (hash-table-p map) (copy-hash-table map) (copy-sequence map)))

(defun map-into (map type)
  "MAP converted to TYPE: list or alist, plist, or hash-table (or
(hash-table ARGS...))."
  (let ((pairs (map-pairs map)))
    (cond ((memq type '(list alist)) pairs)
          ((eq type 'plist) (apply #'append (mapcar (lambda (p) (list (car p) (cdr p))) pairs)))
          ((or (eq type 'hash-table) (eq (car-safe type) 'hash-table))
           (let ((table (apply #'make-hash-table (or (cdr-safe type) '(:test equal)))))
             (dolist (p pairs) (puthash (car p) (cdr p) table))
             table))
          (t (error "Unknown map type: %S" type)))))

(defun map-merge (type &rest maps)
  "A map of TYPE with the entries of MAPS; later maps win."
  (let ((result nil))
    (dolist (map maps)
      (map-do (lambda (k v)
                (let ((cell (assoc k result)))
                  (if cell (setcdr cell v) (push (cons k v) result))))
              map))
    (map-into (nreverse result) type)))

(defun map-merge-with (type function &rest maps)
  "Like `map-merge', combining the values of a repeated key with FUNCTION."
  (let ((result nil))
    (dolist (map maps)
      (map-do (lambda (k v)
                (let ((cell (assoc k result)))
                  (if cell (setcdr cell (funcall function (cdr cell) v))
                    (push (cons k v) result))))
              map))
    (map-into (nreverse result) type)))

(defmacro map-let (keys map &rest body)
  "Bind variables to values of MAP: each of KEYS is a symbol (its key is the
symbol) or (KEY VAR [DEFAULT])."
  (declare (indent 2))
  (let ((m (make-symbol "map")))
    `(let* ((,m ,map)
            ,@(mapcar (lambda (k)
                        (if (consp k)
                            `(,(car (cdr k)) (map-elt ,m ,(car k) ,(car (cdr (cdr k)))))
                          `(,k (map-elt ,m ',k))))
                      keys))
       ,@body)))

;;;; Obsolete setter and the `map' pcase pattern.

(defmacro map-put (map key value &optional testfn)
  "Set KEY to VALUE in MAP (alists compared by TESTFN) and return VALUE."
  (declare (obsolete "use map-put! or (setf (map-elt ...) ...) instead" "27.1"))
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

(pcase-defmacro map (&rest args)
  "Match a map; each of ARGS is (KEY PAT), with KEY evaluated, or SYMBOL
for ('SYMBOL SYMBOL), or :KEYWORD for (:KEYWORD KEYWORD).  Missing keys
give nil."
  `(and (pred mapp)
        ,@(mapcar (lambda (arg)
                    (let ((key (cond ((consp arg) (car arg))
                                     ((keywordp arg) arg)
                                     (t (list 'quote arg))))
                          (pat (cond ((consp arg) (car (cdr arg)))
                                     ((keywordp arg)
                                      (intern (substring (symbol-name arg) 1)))
                                     (t arg))))
                      `(app (lambda (m) (map-elt m ,key)) ,pat)))
                  args)))

(provide 'map)

;;; map.el ends here
