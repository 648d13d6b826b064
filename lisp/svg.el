;;; svg.el --- build SVG images as DOM trees  -*- lexical-binding: t -*-

;; An SVG image is a DOM node (see dom.el) whose children are the shapes added to it; the
;; functions here add shapes and definitions with Emacs 28's attributes, in Emacs 28's order,
;; and `svg-print' writes the XML text Emacs's writes.
;;
;; Differences from Emacs, which follow from pdmacs having no buffers and no display:
;; - `svg-print' prints to `standard-output' (Emacs inserts into the current buffer);
;; - `svg-embed' only takes the image's bytes (DATAP non-nil): reading a file as raw bytes
;;   needs a buffer, so a file name is refused with an error;
;; - there is no `svg-image' or `svg-insert-image', so nothing is redisplayed after a change.

;;; Code:

(require 'dom)

(defun svg--attributes (svg args)
  "The attributes the plist ARGS asks for, with SVG's default stroke as fallback.
:stroke-width, :stroke-color, :fill-color and :gradient have their own attribute names;
any other :KEY becomes the attribute KEY.  The order is Emacs's: the other keys last
first, then the gradient's, then fill, stroke and stroke-width."
  (let ((stroke-width (or (plist-get args :stroke-width) (dom-attr svg 'stroke-width)))
        (stroke-color (or (plist-get args :stroke-color) (dom-attr svg 'stroke-color)))
        (fill-color (plist-get args :fill-color))
        (gradient (plist-get args :gradient))
        (attributes nil))
    (when stroke-width (push (cons 'stroke-width stroke-width) attributes))
    (when stroke-color (push (cons 'stroke stroke-color) attributes))
    (when fill-color (push (cons 'fill fill-color) attributes))
    (when gradient
      ;; A gradient fills top to bottom.
      (setq attributes (append (list '(x1 . 0) '(x2 . 0) '(y1 . 0) '(y2 . 1)
                                     (cons 'fill (format "url(#%s)" gradient)))
                               attributes)))
    (while args
      (unless (memq (car args) '(:stroke-color :stroke-width :gradient :fill-color))
        (push (cons (intern (substring (symbol-name (car args)) 1)) (cadr args))
              attributes))
      (setq args (cddr args)))
    attributes))

(defun svg--add (svg node)
  "Add NODE to SVG, or let it replace the contents of SVG's node with the same id.
Return nil, as the shape functions of Emacs do (theirs redisplay the image last)."
  (let* ((id (dom-attr node 'id))
         (old (and id (dom-by-id svg (concat "\\`" (regexp-quote id) "\\'")))))
    (if old
        (setcdr (car old) (cdr node))
      (dom-append-child svg node))
    nil))

(defun svg--add-definition (svg definition)
  "Add DEFINITION to SVG's defs node, which is made as its first child if needed.
Return SVG."
  (dom-append-child (or (dom-by-tag svg 'defs)
                        (let ((defs (dom-node 'defs)))
                          (dom-add-child-before svg defs)
                          defs))
                    definition)
  svg)

(defun svg-create (width height &rest args)
  "A new, empty SVG image WIDTH by HEIGHT.
ARGS is a plist of attributes; its :stroke-width and :stroke-color become the default
stroke of the shapes added later."
  (dom-node 'svg
            `((width . ,width)
              (height . ,height)
              (version . "1.1")
              (xmlns . "http://www.w3.org/2000/svg")
              ,@(unless (plist-get args :xmlns:xlink)
                  '((xmlns:xlink . "http://www.w3.org/1999/xlink")))
              ,@(svg--attributes nil args))))

(defun svg-gradient (svg id type stops)
  "Define in SVG the gradient ID, of TYPE `linear' or `radial'.
STOPS is a list of (PERCENT . COLOR).  Shapes use it with :gradient ID."
  (svg--add-definition
   svg
   (apply #'dom-node
          (if (eq type 'linear) 'linearGradient 'radialGradient)
          `((id . ,id) (x1 . 0) (x2 . 0) (y1 . 0) (y2 . 1))
          (mapcar (lambda (stop)
                    (dom-node 'stop `((offset . ,(format "%s%%" (car stop)))
                                      (stop-color . ,(cdr stop)))))
                  stops))))

(defun svg-rectangle (svg x y width height &rest args)
  "Add to SVG a WIDTH by HEIGHT rectangle at X, Y; ARGS is a plist of attributes."
  (svg--add svg (dom-node 'rect `((width . ,width) (height . ,height) (x . ,x) (y . ,y)
                                  ,@(svg--attributes svg args)))))

(defun svg-circle (svg x y radius &rest args)
  "Add to SVG a circle of RADIUS centred on X, Y; ARGS is a plist of attributes."
  (svg--add svg (dom-node 'circle `((cx . ,x) (cy . ,y) (r . ,radius)
                                    ,@(svg--attributes svg args)))))

(defun svg-ellipse (svg x y x-radius y-radius &rest args)
  "Add to SVG an ellipse with radii X-RADIUS and Y-RADIUS centred on X, Y.
ARGS is a plist of attributes."
  (svg--add svg (dom-node 'ellipse `((cx . ,x) (cy . ,y) (rx . ,x-radius) (ry . ,y-radius)
                                     ,@(svg--attributes svg args)))))

(defun svg-line (svg x1 y1 x2 y2 &rest args)
  "Add to SVG a line from X1, Y1 to X2, Y2; ARGS is a plist of attributes."
  (svg--add svg (dom-node 'line `((x1 . ,x1) (x2 . ,x2) (y1 . ,y1) (y2 . ,y2)
                                  ,@(svg--attributes svg args)))))

(defun svg--points (points)
  "The points attribute for POINTS, a list of (X . Y)."
  (mapconcat (lambda (point) (format "%s %s" (car point) (cdr point))) points ", "))

(defun svg-polyline (svg points &rest args)
  "Add to SVG the open line through POINTS, a list of (X . Y); ARGS as for shapes."
  (svg--add svg (dom-node 'polyline `((points . ,(svg--points points))
                                      ,@(svg--attributes svg args)))))

(defun svg-polygon (svg points &rest args)
  "Add to SVG the closed shape with corners POINTS, a list of (X . Y); ARGS as for shapes."
  (svg--add svg (dom-node 'polygon `((points . ,(svg--points points))
                                     ,@(svg--attributes svg args)))))

(defun svg--data-url (image image-type datap)
  "A data: URL holding IMAGE, of MIME type IMAGE-TYPE, in base64.
IMAGE is the image's bytes when DATAP, otherwise a file name, which pdmacs cannot read
as bytes without a buffer."
  (unless datap
    (error "svg-embed: pdmacs cannot read the image file %s as bytes; pass its data with DATAP"
           image))
  (let ((bytes (if (multibyte-string-p image)
                   ;; Each character keeps its low byte, as inserting the text into a
                   ;; unibyte buffer does; a raw byte is that byte.
                   (apply #'unibyte-string
                          (mapcar (lambda (c) (if (> c #x3FFF7F) (- c #x3FFF00) (logand c 255)))
                                  image))
                 image)))
    (concat "data:" image-type ";base64," (base64-encode-string bytes t))))

(defun svg-embed (svg image image-type datap &rest args)
  "Add to SVG an image element showing IMAGE, of MIME type IMAGE-TYPE (\"image/png\").
IMAGE is the image's bytes (DATAP non-nil); it is embedded as a base64 data: URL.
ARGS is a plist of attributes, such as :width and :height."
  (svg--add svg (dom-node 'image `((xlink:href . ,(svg--data-url image image-type datap))
                                   ,@(svg--attributes svg args)))))

(defun svg-embed-base-uri-image (svg relative-filename &rest args)
  "Add to SVG an image element referring to RELATIVE-FILENAME; ARGS as for shapes."
  (svg--add svg (dom-node 'image `((xlink:href . ,relative-filename)
                                   ,@(svg--attributes svg args)))))

(defun svg--escape-text (text)
  "TEXT with & < > as entities and every non-ASCII character as a numeric reference."
  (mapconcat (lambda (c)
               (cond ((eq c ?&) "&amp;")
                     ((eq c ?<) "&lt;")
                     ((eq c ?>) "&gt;")
                     ((< c 128) (string c))
                     (t (format "&#%d;" c))))
             text ""))

(defun svg-text (svg text &rest args)
  "Add TEXT to SVG; ARGS is a plist of attributes such as :x, :y and :font-size."
  (svg--add svg (dom-node 'text `(,@(svg--attributes svg args)) (svg--escape-text text))))

(defun svg-print (dom)
  "Print the SVG (or any DOM node) DOM as XML text to `standard-output'.
Emacs inserts the text into the current buffer; pdmacs has no buffers.  Attributes whose
names start with a colon are not printed."
  (if (stringp dom)
      (princ dom)
    (princ (format "<%s" (car dom)))
    (dolist (attribute (nth 1 dom))
      (unless (eq (aref (format "%s" (car attribute)) 0) ?:)
        (princ (format " %s=\"%s\"" (car attribute) (cdr attribute)))))
    (princ ">")
    (dolist (child (nthcdr 2 dom))
      (princ " ")
      (svg-print child))
    (princ (format "</%s>" (car dom)))))

(defun svg-remove (svg id)
  "Remove the element with ID from SVG."
  (let ((node (car (dom-by-id svg (concat "\\`" (regexp-quote id) "\\'")))))
    (when node (dom-remove-node svg node))))

(defun svg-clip-path (svg &rest args)
  "Add to SVG a clipPath element with the attributes ARGS, and return it.
Shapes added to it form the clip; a shape uses it with :clip-path \"url(#ID)\"."
  (let ((node (dom-node 'clipPath (svg--attributes svg args))))
    (svg--add svg node)
    node))

(defun svg-node (svg tag &rest args)
  "Add to SVG an element TAG with the attributes ARGS, and return it."
  (let ((node (dom-node tag (svg--attributes svg args))))
    (svg--add svg node)
    node))

;;; Paths

(defun svg--path-letter (letter args)
  "LETTER, a path command, upper case for absolute coordinates, lower for relative.
ARGS is the command's plist: its :relative, or else the path's :default-relative."
  (intern (if (if (plist-member args :relative)
                  (plist-get args :relative)
                (plist-get args :default-relative))
              (downcase (symbol-name letter))
            (upcase (symbol-name letter)))))

(defun svg--path-pairs (pairs)
  "The numbers of PAIRS, a list of (X . Y), flattened."
  (apply #'append (mapcar (lambda (pair) (list (car pair) (cdr pair))) pairs)))

(defun svg--path-arc (arc)
  "The numbers of one elliptical ARC, (RX RY X Y &rest ARGS)."
  (let ((args (nthcdr 4 arc)))
    (list (nth 0 arc) (nth 1 arc)
          (or (plist-get args :x-axis-rotation) 0)
          (if (plist-get args :large-arc) 1 0)
          (if (plist-get args :sweep) 1 0)
          (nth 2 arc) (nth 3 arc))))

(defconst svg--path-commands
  `((moveto m . svg--path-pairs)
    (lineto l . svg--path-pairs)
    (horizontal-lineto h . identity)
    (vertical-lineto v . identity)
    (curveto c . ,(lambda (lists) (apply #'append lists)))
    (smooth-curveto s . ,(lambda (lists) (apply #'append lists)))
    (quadratic-bezier-curveto q . ,(lambda (lists) (apply #'append lists)))
    (smooth-quadratic-bezier-curveto t . ,(lambda (lists) (apply #'append lists)))
    (elliptical-arc a . ,(lambda (arcs) (apply #'append (mapcar #'svg--path-arc arcs)))))
  "Each path command: its name, its letter, and how its argument becomes numbers.
`closepath' (letter z) takes no argument.")

(defun svg--path-command (command default-relative)
  "The text of one path COMMAND, such as (moveto ((10 . 20))) or (closepath)."
  (let* ((name (car command))
         (spec (assq name svg--path-commands))
         (items
          (cond
           ((eq name 'closepath)
            (list (svg--path-letter 'z (append (cdr command)
                                               (list :default-relative default-relative)))))
           (spec
            (let ((args (append (cddr command) (list :default-relative default-relative))))
              (cons (svg--path-letter (cadr spec) args)
                    (funcall (cddr spec) (cadr command)))))
           (t (signal 'void-function (list name))))))
    (mapconcat #'prin1-to-string items " ")))

(defun svg-path (svg commands &rest args)
  "Add to SVG the path drawn by COMMANDS; ARGS is a plist of attributes.
Each command is one of
  (moveto ((X . Y)...))          (lineto ((X . Y)...))
  (horizontal-lineto (X...))     (vertical-lineto (Y...))
  (curveto ((X1 Y1 X2 Y2 X Y)...))  (smooth-curveto ((X2 Y2 X Y)...))
  (quadratic-bezier-curveto ((X1 Y1 X Y)...))
  (smooth-quadratic-bezier-curveto ((X Y)...))
  (elliptical-arc ((RX RY X Y [:x-axis-rotation DEG] [:large-arc B] [:sweep B])...))
  (closepath)
each optionally followed by :relative BOOL.  Coordinates are absolute unless ARGS or
the command say :relative t."
  (let* ((default-relative (plist-get args :relative))
         (rest nil)
         (d (mapconcat (lambda (command) (svg--path-command command default-relative))
                       commands " ")))
    ;; :relative is not an attribute; the other keys keep their order.
    (while args
      (unless (eq (car args) :relative)
        (setq rest (plist-put rest (car args) (cadr args))))
      (setq args (cddr args)))
    (svg--add svg (dom-node 'path `((d . ,d) ,@(svg--attributes svg rest))))))

(provide 'svg)
;;; svg.el ends here
