;;; dom.el --- XML/HTML trees as lists  -*- lexical-binding: t -*-

;; A DOM node is a list (TAG ATTRIBUTES CHILD...): TAG a symbol, ATTRIBUTES an alist of
;; (NAME . VALUE) with symbol names, and each CHILD a string (text) or a node.  This is
;; the shape `libxml-parse-html-region' returns.  The accessors also take a list of
;; nodes and then look at its first one.  Printing a DOM into a buffer (`dom-pp',
;; `dom-print') is not here: pdmacs has no buffers.

;;; Code:

(require 'cl-lib)

(defsubst dom-tag (node)
  "The tag of NODE (of the first node when NODE is a list of nodes)."
  (car (if (consp (car node)) (car node) node)))

(defsubst dom-attributes (node)
  "The attribute alist of NODE (of the first node of a list of nodes)."
  (cadr (if (consp (car node)) (car node) node)))

(defsubst dom-children (node)
  "The children of NODE, strings and nodes (of the first node of a list of nodes)."
  (cddr (if (consp (car node)) (car node) node)))

(defmacro dom-attr (node attr)
  "The value of the attribute ATTR (a symbol such as `href') of NODE, or nil."
  `(cdr (assq ,attr (dom-attributes ,node))))

(defun dom-ensure-node (node)
  "NODE as a full node: the first of a list of nodes, and given an empty
attribute list when it has only a tag (that is done in place)."
  (let ((node (if (consp (car node)) (car node) node)))
    (when (null (cdr node))
      (setcdr node (list nil)))
    node))

(defun dom-non-text-children (node)
  "The children of NODE that are nodes, not text."
  (cl-remove-if #'stringp (dom-children node)))

(defun dom-set-attributes (node attributes)
  "Make ATTRIBUTES the attribute alist of NODE; return ATTRIBUTES."
  (setcar (cdr (dom-ensure-node node)) attributes))

(defun dom-set-attribute (node attribute value)
  "Give NODE's attribute ATTRIBUTE the value VALUE, adding it at the end if new."
  (let* ((node (dom-ensure-node node))
         (cell (assoc attribute (cadr node))))
    (if cell
        (setcdr cell value)
      (setcar (cdr node) (nconc (cadr node) (list (cons attribute value)))))))

(defun dom-remove-attribute (node attribute)
  "Remove the attribute ATTRIBUTE from NODE.
Return the remaining attribute alist, or nil if NODE had no such attribute."
  (let* ((node (dom-ensure-node node))
         (cell (assoc attribute (cadr node))))
    (when cell
      (setcar (cdr node) (delq cell (cadr node))))))

(defun dom-text (node)
  "The text children of NODE (not those of its descendants), joined with spaces."
  (mapconcat #'identity (cl-remove-if-not #'stringp (dom-children node)) " "))

(defun dom-texts (node &optional separator)
  "All the text under NODE, depth first, joined with SEPARATOR (default a space).
A `script' node contributes an empty string."
  (if (eq (dom-tag node) 'script)
      ""
    (let ((sep (or separator " ")))
      (mapconcat (lambda (child)
                   (if (stringp child) child (dom-texts child sep)))
                 (dom-children node)
                 sep))))

(defun dom-strings (dom)
  "The list of all the text strings under DOM, depth first."
  (let ((strings nil))
    (dolist (child (dom-children dom))
      (if (stringp child)
          (push child strings)
        (setq strings (nconc (nreverse (dom-strings child)) strings))))
    (nreverse strings)))

(defun dom-search (dom predicate)
  "The nodes of DOM, itself included, for which PREDICATE returns non-nil.
They come in document order (a node before its descendants)."
  (let ((found nil))
    (dolist (child (dom-children dom))
      (unless (stringp child)
        (setq found (nconc found (dom-search child predicate)))))
    (if (funcall predicate dom)
        (cons dom found)
      found)))

(defun dom-child-by-tag (dom tag)
  "The first child node of DOM whose tag is TAG, or nil."
  (assoc tag (dom-children dom)))

(defun dom-by-tag (dom tag)
  "The nodes of DOM, itself included, whose tag is TAG (a symbol such as `td')."
  (dom-search dom (lambda (node) (equal (dom-tag node) tag))))

(defun dom-elements (dom attribute match)
  "The nodes of DOM, itself included, whose ATTRIBUTE matches the regexp MATCH."
  (dom-search dom (lambda (node)
                    (let ((value (dom-attr node attribute)))
                      (and value (string-match match value))))))

(defun dom-by-class (dom match)
  "The nodes of DOM whose class attribute matches the regexp MATCH."
  (dom-elements dom 'class match))

(defun dom-by-style (dom match)
  "The nodes of DOM whose style attribute matches the regexp MATCH."
  (dom-elements dom 'style match))

(defun dom-by-id (dom match)
  "The nodes of DOM whose id attribute matches the regexp MATCH."
  (dom-elements dom 'id match))

(defun dom-remove-node (dom node)
  "Remove NODE (compared with `eq') from the tree DOM, wherever it is a child."
  (dolist (child (dom-children dom))
    (cond ((eq child node) (delq node dom))
          ((stringp child))
          (t (dom-remove-node child node))))
  nil)

(defun dom-parent (dom node)
  "The node of DOM that has NODE (compared with `eq') as a child, or nil."
  (if (memq node (dom-children dom))
      dom
    (let ((children (dom-children dom))
          (parent nil))
      (while (and children (not parent))
        (unless (stringp (car children))
          (setq parent (dom-parent (car children) node)))
        (setq children (cdr children)))
      parent)))

(defun dom-previous-sibling (dom node)
  "The child (node or text) just before NODE among its siblings in DOM, or nil."
  (let ((parent (dom-parent dom node))
        (previous nil))
    (when parent
      (let ((children (dom-children parent)))
        (while children
          (when (eq (cadr children) node)
            (setq previous (car children)))
          (setq children (cdr children)))))
    previous))

(defun dom-node (tag &optional attributes &rest children)
  "A new node with TAG, ATTRIBUTES and CHILDREN."
  (cons tag (cons attributes children)))

(defun dom-append-child (node child)
  "Add CHILD as the last child of NODE; return NODE."
  (nconc (dom-ensure-node node) (list child)))

(defun dom-add-child-before (node child &optional before)
  "Insert CHILD among NODE's children just before BEFORE, or first if BEFORE is nil.
BEFORE must be a child of NODE (compared with `eq').  Return NODE."
  (let ((node (dom-ensure-node node)))
    (when (and before (not (memq before (cddr node))))
      (error "%s does not exist as a child" before))
    (let ((cell (cdr node)))
      ;; CELL is the cons whose cdr starts at BEFORE (or at the first child).
      (when before
        (while (not (eq (cadr cell) before))
          (setq cell (cdr cell))))
      (setcdr cell (cons child (cdr cell))))
    node))

(provide 'dom)

;;; dom.el ends here
