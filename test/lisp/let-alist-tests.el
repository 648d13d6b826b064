;;; let-alist-tests.el --- tests for let-alist.el  -*- lexical-binding: t -*-

(require 'ert)
(require 'let-alist)

(defvar let-alist-tests--data
  '((title . "T") (body . "B") (site (contents . "C") (meta (depth . 3))) (n . nil)))

(ert-deftest let-alist-tests-simple ()
  (should (equal (let-alist let-alist-tests--data (list .title .body)) '("T" "B")))
  (should (equal (let-alist let-alist-tests--data .site.contents) "C"))
  (should (equal (let-alist let-alist-tests--data .site.meta.depth) 3))
  (should (equal (let-alist let-alist-tests--data .site) '((contents . "C") (meta (depth . 3)))))
  (should (null (let-alist let-alist-tests--data .missing)))
  (should (null (let-alist let-alist-tests--data .missing.deeper)))
  (should (null (let-alist let-alist-tests--data .n)))
  (should (null (let-alist nil .anything)))
  ;; Vectors are constants: their dotted symbols are bound but not evaluated.
  (should (equal (let-alist let-alist-tests--data [.title]) [.title]))
  (should (equal (let-alist let-alist-tests--data '.title) '.title))
  (should (equal (let-alist '((a . 1)) (let ((x 10)) (+ x .a))) 11)))

(ert-deftest let-alist-tests-evaluates-alist-once ()
  (let ((count 0))
    (should (equal (let-alist (progn (setq count (1+ count)) '((a . 1) (b . 2)))
                     (list .a .b .a))
                   '(1 2 1)))
    (should (= count 1))))

(ert-deftest let-alist-tests-nested ()
  (should (equal (let-alist '((a . ((b . 1))) (c . 5))
                   (let-alist .a (list .b .c)))
                 '(1 nil)))
  ;; Two dots reach a binding of the outer let-alist.
  (should (equal (let-alist '((x . 1) (inner (y . 2)))
                   (list .x (let-alist .inner (list .y ..x))))
                 '(1 (2 1))))
  (should (eq (car (condition-case err
                       (let-alist '((x . 1) (inner (y . 2)))
                         (let-alist .inner ..x))
                     (error err)))
              'void-variable)))

(ert-deftest let-alist-tests-setq ()
  (should (equal (let-alist '((a . 1)) (setq .a (1+ .a)) .a) 2)))

(ert-deftest let-alist-tests-expansion ()
  (let ((expansion (macroexpand '(let-alist al (list .a .b.c .a)))))
    (should (eq (car expansion) 'let))
    (let* ((var (car (car (cadr expansion))))
           (inner (nth 2 expansion)))
      (should (equal (cadr (car (cadr expansion))) 'al))
      (should (equal (cadr inner)
                     `((.a (cdr (assq 'a ,var)))
                       (.b.c (cdr (assq 'c (cdr (assq 'b ,var))))))))
      (should (equal (cddr inner) '((list .a .b.c .a)))))))

(ert-deftest let-alist-tests-deep-dot-search ()
  (should (equal (let-alist--deep-dot-search '(foo .a (bar [.b] (let-alist .c .d))))
                 '((.a . a) (.b . b) (.c . c))))
  (should (null (let-alist--deep-dot-search '(a b "c" 1)))))

;;; let-alist-tests.el ends here
