;;; 10-reader.el --- the Lisp reader  -*- lexical-binding: t -*-
;; One top-level form per case; see README.md.

;; Integers and radixes
'123
'-17
'+5
'1.
'0
'-0
'#x1F
'#XfF
'#o17
'#b1011
'#b-101
'#24r1k
'#36rZZ
'#2r0
'4611686018427387904
'-2305843009213693953
'123456789012345678901234567890
(read "#x")
(read "#b2")
(read "#1r0")
(read "#37r0")

;; Floats
'1e3
'.5
'-.5
'1.5e-7
'-0.0
'1.0e+INF
'-1.0e+INF
'0.0e+NaN
'-0.0e+NaN
'1.0e3
'100.0
'123456789.0
'1e21
'1e20
'0.0001
'0.00001
'1.e3
'+.1
(read "1.5e")
(read "1e+")

;; Strings and escapes
"abc"
"a\nb"
"tab\there"
"\x41\x42"
"\x41;"
"\u00e9t\u00e9"
"\U0001F600"
"\C-a"
"\^a"
"\M-a"
"\N{U+41}"
"\N{LATIN SMALL LETTER E WITH ACUTE}"
"a\sb"
"\d"
"\e"
"\a\b\f\r\v"
"line\
continued"
"\"quoted\""
"back\\slash"
"\101\102"
"\377"
"\x80"
"é"
(multibyte-string-p "abc")
(multibyte-string-p "é")
(multibyte-string-p "\xff")
(multibyte-string-p "\u00ff")
(read "\"unterminated")
(read "\"bad \\N{NOT A REAL NAME} \"")

;; Characters
?a
?A
?\n
?\t
?\s
?\d
?\e
?\C-a
?\^a
?\^?
?\C-?
?\M-a
?\C-\M-a
?\M-\C-a
?\S-a
?\H-a
?\A-a
?\s-a
?\(
?\)
?\\
?\"
?\;
?é
?\x41
?\u00e9
?\N{U+1F600}
?\101
?\C-%
?\C-\0
?\^@
(read "?ab")
(read "?")

;; Symbols
'foo
'foo-bar
'\1
'\?a
'a\ b
'\(
'a\,b
'\#foo
(read-from-string "foo#")
(read-from-string "#_foo")
'-
'+
'1+
'-1+
'\-1
'1a
'.foo
'\.
'FOO
(eq 'foo 'foo)
(symbol-name '\1)
(symbol-name 'a\ b)
(symbol-name '##)
(eq '## (intern ""))
(intern-soft "definitely-not-interned-xyzzy")
(symbolp 'nil)
(eq 'nil nil)
'#:gensym
(eq '#:g '#:g)
(symbol-name '#:g)
(intern-soft (symbol-name '#:not-in-obarray-xyz))
':keyword
(eq :kw ':kw)

;; Quote and friends
''a
'#'car
'`(a ,b ,@c)
'(quote)
'(quote a b)
'(function a)
'(\` x)
'(\, x)
'(\,@ x)

;; Lists and dotted pairs
'(a . b)
'(a b . c)
'(a . (b . (c . nil)))
'(a . (b c))
'()
'( )
'(a(b)c)
'(1 .5)
'(1 . 5)
'(a .b)
'(. a)
(read "(a . b c)")
(read "(a . )")
(read "(a .)")
(read ")")
(read "(a b")
(read "(")

;; Vectors and other # syntaxes
'[1 2 3]
'[]
'[a [b] (c)]
(read "[a . b]")
'#&5"\37"
'#&0""
'#&8"a"
(read "#&3\"abc")
'#s(hash-table test equal data (a 1 b 2))
'#s(hash-table)
(hash-table-count #s(hash-table test eq data (a 1 a 2)))
(gethash 'b #s(hash-table test eq data (a 1 b 2)))
(read "#s(hash-table data (a))")
(let ((x (read "#1=(a . #1#)"))) (eq x (cdr x)))
(let ((x (read "(#1=(a) #1#)"))) (eq (car x) (car (cdr x))))
(let ((x (read "#1=[#1# 2]"))) (eq x (aref x 0)))
;; pdmacs-differs: a label defined as itself is an error; Emacs 28 leaks its placeholder (nil)
;; pdmacs-expect: !! (invalid-read-syntax "#1=")
(read "#1=#1#")
(read "#2#")
(read "#1=(a #1#)")
(read "##")
(read "#")
(read "#<buffer foo>")
(read "#%")
(read "#@00")
(read "#$")

;; Reading from strings, positions, whitespace and comments
(read-from-string "foo bar")
(read-from-string "  (a b) c")
(read-from-string "\"x\" 5" 3)
(read-from-string "abc" 1 2)
(read-from-string "; only a comment\n42")
(read-from-string "")
(read-from-string "   ")
(read-from-string "; comment")
(read-from-string "#!shebang\n7")
(read-from-string "?a?b")
(read-from-string "a;b")
(read-from-string "a'b")
(read-from-string "a\"b\"")
(read-from-string "(a)(b)")
(read-from-string "1.5e3x")
(read-from-string "#xffz")
(read-from-string "?a#")
(read-from-string "?a.")
(read-from-string "?a)")
(read-from-string ".)")
(read-from-string "(.)")
(read-from-string "[.]")
(read-from-string "(a . b .)")
(read-from-string "(. a b)")
(read-from-string "( . )")
(read-from-string "(a .(b))")
(read-from-string "(a .'b)")
(read-from-string "(a .?b)")
(read-from-string "(a ]")
(read-from-string "[a )")
(read-from-string "#_1")
(read-from-string "#:1")
(read-from-string "#:")
(read-from-string "#01=a")
(read-from-string "#1")
(read-from-string "#x-1f")
(read-from-string "#x+f")
(read-from-string "#b")
(read-from-string "#o8")
(read-from-string "\"\\777\"")
(read-from-string "\"\\x100\"")
(read-from-string "?\\M-\\M-a")
(read-from-string "?\\N{}")
(read-from-string "?\\N{U+110000}")
(read-from-string "\"\\C-\\d\"")
(read-from-string "#&")
(read-from-string "#&3")
(read-from-string "#1=")
(read-from-string "#s(hash-table test foo)")
(read-from-string "#s(hash-table size 1 test equal data (1 2) foo)")
(let ((x (car (read-from-string "#1=(#1# . #1#)")))) (and (eq x (car x)) (eq x (cdr x))))
(read-from-string "1E5")
(read-from-string "1.5E3")
(read-from-string "-1.5e+3")
(read-from-string "0.e1")
(read-from-string "1e500")
(read-from-string "-1e500")
(read-from-string "1e-400")
(read-from-string "#24r-1K")
(read-from-string "'#'a")
(read-from-string "`(,@a . ,b)")
(read "\u00a0sym")
(read "foo\\")

;; NaN payloads: the integer part of N.0e+NaN is the payload, kept by reading and printing.
(read "1.0e+NaN")
(read "-3.0e+NaN")
(read "1.5e+NaN")
(read "+7e+NaN")
(read "4503599627370495.0e+NaN")
(read "2251799813685248.0e+NaN")
(read "123456789012345678901234567890.0e+NaN")
(read ".5e+NaN")
(read "-.5e+NaN")
(read "1.0eNaN")
(read "1.0eINF")
(read ".e+NaN")
(read "1.0e+NaNx")
(list (string-to-number "1.0e+NaN") (number-to-string (read "5.0e+NaN")) (format "%s|%f|%S" (read "-5.0e+NaN") (read "5.0e+NaN") (read "5.0e+NaN")))
(list (eql (read "1.0e+NaN") (read "1.0e+NaN")) (eql (read "1.0e+NaN") (read "2.0e+NaN")) (equal (read "1.0e+NaN") (read "2.0e+NaN")))

;; Escape errors and corner cases.
(read "\"\\u12\"")
(read "\"\\u123g\"")
(read "\"\\U0000000g\"")
(read "\"\\u12")
(read "?\\u12")
(read "?\\u")
(read "?\\U12")
(read "?\\u12 ")
(read "?\\u00e9 ")
(read "\"\\U00110000\"")
(read "?\\U00110000")
(read "\"\\x\"")
(read "\"\\xg\"")
(read "\"\\x \"")
(read "?\\x")
(read "?\\x3fffff")
(read "?\\x3fff80")
(read "?\\xfffffff")
(read "?\\x400000")
(read "\"\\x400000\"")
(read "\"\\x3fffff\"")
(read "?\\x1fffffff")
(read "?\\x0000000041414141")
(read "\"\\x4000000000\"")
(read "?\\x80000000")
(read "?\\C")
(read "?\\M")
(read "?\\S")
(read "?\\H")
(read "?\\A")
(read "\"\\C\"")
(read "\"\\A\"")
(read "?\\^")
(read "?\\C-")
(read "?\\M-")
(read "?\\C-\\M-")
(read "?\\s-")
(read "?\\s-a")
(read "?\\S-a")
(read "\"\\s-a\"")
(read "\"\\S-a\"")
(read "\"\\S-1\"")
(read "\"\\H-a\"")
(read "\"\\A-a\"")
(read "\"\\M-a\"")
(read "\"\\M-\\351\"")
(read "\"\\C-a\\M-b\"")
(read "\"\\C-%\"")
(read "?\\C-\\351")
(read "?\\M-\\351")
(multibyte-string-p (read "\"\\u0041\""))
(multibyte-string-p (read "\"\\N{U+41}\""))
(multibyte-string-p (read "\"\\u0041\\351\""))
(read "?\\C-é")
(read "?\\M-é")
(read "\"\\C-é\"")
(read "?\\C-?")
(read "?\\C-@")
(read "?\\C-\\C-a")
(read "?\\^\\M-a")
(read "?\\s-\\C-a")
(read "?\\\n")
(read "\"\\M-\\C-a\"")
(read "\"\\M-\\^?\"")
