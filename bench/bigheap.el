;;; bigheap.el --- a heap about as big as GNU Emacs's dump, for the loader's objects/us  -*- lexical-binding: t -*-
;; Loaded into `./temacs -l loadup' before dumping: 24,000 records of nine objects each
;; (five conses, a string, a float, an uninterned symbol, a vector), about 216,000 objects
;; on top of the library, like the 211,700 objects of GNU Emacs 28's own dump.
(defvar bench-big-heap
  (let ((records nil))
    (dotimes (i 24000)
      (push (list (format "item-%d" i) (/ i 3.0) (make-symbol "s") (vector i)) records))
    records))
