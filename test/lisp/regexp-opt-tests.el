;;; regexp-opt-tests.el --- tests for regexp-opt  -*- lexical-binding: t -*-

(require 'ert)
(require 'regexp-opt)

(ert-deftest regexp-opt-tests-matches-exactly-the-strings ()
  (let* ((words '("if" "else" "elif" "while" "for" "foreach"))
         (re (concat "\\`" (regexp-opt words) "\\'")))
    (dolist (w words)
      (should (string-match re w)))
    (dolist (w '("" "el" "iff" "fo" "whilst"))
      (should-not (string-match re w)))))

(ert-deftest regexp-opt-tests-shapes ()
  (should (equal (regexp-opt '("cat" "car" "dog")) "\\(?:ca[rt]\\|dog\\)"))
  (should (equal (regexp-opt '("a" "b" "c" "d")) "[a-d]"))
  (should (equal (regexp-opt '("foo" "foobar") t) "\\(foo\\(?:bar\\)?\\)"))
  (should (equal (regexp-opt '("ab" "cd") 'words) "\\<\\(ab\\|cd\\)\\>")))

(ert-deftest regexp-opt-tests-special-characters-are-quoted ()
  (let ((re (regexp-opt '("a.b" "a*b" "[x]" "^" "-"))))
    (should (string-match re "a.b"))
    (should-not (string-match (concat "\\`" re "\\'") "axb"))
    (should (string-match re "[x]"))))

(ert-deftest regexp-opt-tests-depth ()
  (should (= (regexp-opt-depth "\\(a\\)\\(?:b\\)\\(c\\)") 2))
  (should (= (regexp-opt-depth (regexp-opt '("x" "yz") t)) 1)))

(provide 'regexp-opt-tests)
