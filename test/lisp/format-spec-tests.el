;;; format-spec-tests.el --- tests for format-spec.el  -*- lexical-binding: t -*-

;; The expected values are what GNU Emacs 28 returns.

(require 'ert)
(require 'format-spec)

(ert-deftest format-spec-basic ()
  "Plain substitution and value printing."
  (should (equal (format-spec "su - %u %l" '((117 . "bob") (108 . "ls"))) "su - bob ls"))
  (should (equal (format-spec "%a-%b" '((97 . 1) (98 . "x"))) "1-x"))
  (should (equal (format-spec "%a" '((97 1 2))) "(1 2)"))
  (should (equal (format-spec "%a" '((97 . sym))) "sym"))
  (should (equal (format-spec "%a%a" '((97 . 1.5))) "1.51.5"))
  (should (equal (format-spec "" nil) ""))
  (should (equal (format-spec "no specs" nil) "no specs"))
  (should (equal (format-spec "a%%b" nil) "a%b"))
  (should (equal (format-spec "%%%a%%" '((97 . 1))) "%1%"))
  (should (equal (format-spec "%é" '((233 . 1))) "1")))

(ert-deftest format-spec-modifiers ()
  "Flags, width and precision."
  (should (equal (format-spec "%5a|%-5a|%05a" '((97 . 12))) "   12|12   |00012"))
  (should (equal (format-spec "% 5a" '((97 . 1))) "    1"))
  (should (equal (format-spec "%007a" '((97 . 1))) "0000001"))
  (should (equal (format-spec "%3a" '((97 . "abcdef"))) "abcdef"))
  (should (equal (format-spec "%>3a %<3a" '((97 . "abcdef"))) "abc def"))
  (should (equal (format-spec "%^a %_a" '((97 . "MiX"))) "MIX mix"))
  (should (equal (format-spec "%^-6a|" '((97 . "ab"))) "AB    |"))
  (should (equal (format-spec "%_>2a" '((97 . "ABC"))) "ab"))
  (should (equal (format-spec "%.3a|%10.3a|%-10.3a|%<.3a" '((97 . "abcdef"))) "abc|       abc|abc       |def"))
  (should (equal (format-spec "%.0a|" '((97 . "abc"))) "|"))
  (should (equal (format-spec "%.10a|" '((97 . "abc"))) "abc|"))
  (should (equal (format-spec "%<5.3a|" '((97 . "abcdef"))) "  def|"))
  (should (equal (format-spec "%<010b" '((98 . "0123456789abcdef"))) "6789abcdef"))
  (should (equal (format-spec "%<010b" '((98 . "xyz"))) "0000000xyz"))
  (should (equal (format-spec "%4a|" '((97 . "日本"))) "日本|"))
  (should (equal (format-spec "%<3a|" '((97 . "日本"))) "本|"))
  (should (equal (format-spec "%>3a|" '((97 . "日本"))) "日|"))
  (should (equal (format-spec "%.1a|" '((97 . "日本"))) "|"))
  (should (equal (format-spec "%-5a|" '((97 . "日本"))) "日本 |")))

(ert-deftest format-spec-missing ()
  "The IGNORE-MISSING choices."
  (should (equal (format-spec "%x%%y" nil 'ignore) "%x%y"))
  (should (equal (format-spec "%x%%y" nil 'delete) "%y"))
  (should (equal (format-spec "%x%%y" nil t) "%x%%y"))
  (should (equal (format-spec "%5x" nil 'ignore) "%5x"))
  (should (equal (format-spec "%5x" nil 'delete) ""))
  (should (equal (format-spec "%%d" '((100 . 1)) t) "%1"))
  (should (equal (format-spec "%%d" '((100 . 1))) "%d"))
  (should (equal (car (condition-case e (format-spec "%x" nil) (error e))) 'error))
  (should (equal (condition-case e (format-spec "%" nil) (error e)) '(error "Invalid format string")))
  (should (equal (condition-case e (format-spec "%5" nil) (error e)) '(error "Invalid format string")))
  (should (equal (condition-case e (format-spec "%!" nil) (error e)) '(error "Invalid format string")))
  (should (equal (format-spec "%" nil 'ignore) "%"))
  (should (equal (format-spec "50%" nil t) "50%"))
  (should (equal (format-spec "a%!b" nil 'delete) "a%!b"))
  (should (equal (format-spec "a%!b%a" '((97 . 1)) 'ignore) "a%!b1")))

(ert-deftest format-spec-split ()
  "The SPLIT argument."
  (should (equal (format-spec "a%bc%d" '((98 . 1) (100 . 2)) nil t) '("a" "1" "c" "2")))
  (should (equal (format-spec "%b%d" '((98 . 1) (100 . 2)) nil t) '("1" "2")))
  (should-not (format-spec "" nil nil t))
  (should (equal (format-spec "abc" nil nil t) '("abc")))
  (should (equal (format-spec "x%%y%b" '((98 . 1)) nil t) '("x%y" "1")))
  (should (equal (format-spec "a%xb%%c" nil t t) '("a" "%" "xb%" "%" "c")))
  (should (equal (format-spec "a%xb%%c" nil 'ignore t) '("a" "%" "xb%c")))
  (should (equal (format-spec "a%xb%%c" nil 'delete t) '("a" "" "b%c")))
  (should (equal (format-spec "%a%b x %a" '((97 . 1) (98 . 2)) nil t) '("1" "2" " x " "1")))
  (should (equal (format-spec "%5a." '((97 . "z")) nil t) '("    z" "."))))

(ert-deftest format-spec-make ()
  "format-spec-make."
  (should (equal (format-spec-make 97 1 98 "x") '((97 . 1) (98 . "x"))))
  (should-not (format-spec-make))
  (should (equal (condition-case e (format-spec-make 97) (error e)) '(error "Invalid list of pairs")))
  (should (equal (format-spec "%a/%b" (format-spec-make 97 "x" 98 "y")) "x/y")))

;;; format-spec-tests.el ends here
