package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * search.c for strings: match data, replace-match and its case conversion, regexp-quote.
 *
 * <p>Each expectation is what GNU Emacs 28 ({@code emacs -Q --batch}) prints for the form (for
 * a signal, the {@code (ERROR-SYMBOL . DATA)} that condition-case binds).
 */
class SearchTest {
  static final String[][] CASES = {
      {"(progn (string-match \"b\" \"abc\") (string-match \"z\" \"abc\") (match-data))", "(1 2)"},
      {"(regexp-quote \"^a.b*c[d]e$f\\\\g+h?i{}()|\")", "\"\\\\^a\\\\.b\\\\*c\\\\[d]e\\\\$f\\\\\\\\g\\\\+h\\\\?i{}()|\""},
      {"(progn (string-match \"\\\\(b\\\\)\\\\|\\\\(z\\\\)\" \"abc\") (replace-match \"[\\\\&\\\\1\\\\2]\" nil nil \"abc\"))", "\"a[bb]c\""},
      {"(progn (string-match \"\\\\(b\\\\)\\\\|\\\\(z\\\\)\" \"abc\") (replace-match \"x\" nil nil \"abc\" 2))", "(error \"replace-match subexpression does not exist\" 2)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil \"abc\" 1))", "(error \"replace-match subexpression does not exist\" 1)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\?\" nil nil \"abc\"))", "\"a\\\\?c\""},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\\\\\x\\\\\" nil nil \"abc\"))", "(error \"Invalid use of ‘\\\\’ in replacement text\")"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\\\\\x\\\\\" nil t \"abc\"))", "\"a\\\\\\\\x\\\\c\""},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\\\\3\" nil nil \"abc\"))", "\"axc\""},
      {"(progn (string-match \"hello\" \"say Hello there\") (replace-match \"bye now\" nil nil \"say Hello there\"))", "\"say Bye Now there\""},
      {"(progn (string-match \"hello\" \"say HELLO there\") (replace-match \"bye now\" nil nil \"say HELLO there\"))", "\"say BYE NOW there\""},
      {"(progn (string-match \"hello\" \"say HELLO there\") (replace-match \"bye now\" t nil \"say HELLO there\"))", "\"say bye now there\""},
      {"(progn (string-match \"a\" \"A\") (replace-match \"xy\" nil nil \"A\"))", "\"XY\""},
      {"(progn (string-match \"a b\" \"A B\") (replace-match \"xy zw\" nil nil \"A B\"))", "\"XY ZW\""},
      {"(progn (string-match \"a b\" \"A b\") (replace-match \"xy zw\" nil nil \"A b\"))", "\"xy zw\""},
      {"(progn (string-match \"foo\" \"xfooy\") (match-data t))", "(1 4)"},
      {"(progn (string-match \"foo\" \"xfooy\") (match-data nil (quote (0 0 0 0 0))))", "(1 4 nil nil nil)"},
      {"(progn (string-match \"\\\\(f\\\\)\\\\(o\\\\)o\" \"xfooy\") (match-data nil (quote (0 0))))", "(1 4 1 2 2 3)"},
      {"(progn (set-match-data '(1 2 nil nil 3 4)) (match-data))", "(1 2 nil nil 3 4)"},
      {"(set-match-data 5)", "(wrong-type-argument listp 5)"},
      {"(progn (set-match-data '(1 2 3)) (match-data))", "(1 2)"},
      {"(string-match-p \"b\" \"abc\")", "1"},
      {"(progn (string-match \"a\" \"a\") (string-match-p \"b\" \"abc\") (match-data))", "(0 1)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match 'x nil nil \"abc\"))", "(wrong-type-argument stringp x)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil 'abc))", "(wrong-type-argument stringp abc)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil \"abcdef\"))", "\"axcdef\""},
      {"(progn (string-match \"def\" \"abcdef\") (replace-match \"x\" nil nil \"abc\"))", "(args-out-of-range 3 6)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\x\" nil nil \"abc\"))", "(error \"Invalid use of ‘\\\\’ in replacement text\")"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\0\" nil nil \"abc\"))", "(error \"Invalid use of ‘\\\\’ in replacement text\")"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil \"abc\" -1))", "(args-out-of-range -1 0 2)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil \"abc\" 'a))", "(wrong-type-argument integerp a)"},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"x\" nil nil \"abc\" 5))", "(args-out-of-range 5 0 2)"},
      {"(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (replace-match \"x\" nil nil \"abc\" 9))", "(args-out-of-range 9 0 3)"},
      {"(progn (string-match \"b\" \"abc\") (match-data nil 'foo))", "(1 2)"},
      {"(set-match-data '(a b))", "(wrong-type-argument integer-or-marker-p a)"},
      {"(set-match-data '(1 a))", "(wrong-type-argument integer-or-marker-p a)"},
      {"(progn (set-match-data nil) (match-data))", "nil"},
      {"(progn (set-match-data nil) (match-beginning 0))", "nil"},
      {"(progn (string-match \"x\" \"1 x\") (replace-match \"1 z\" nil nil \"1 x\"))", "\"1 1 z\""},
      {"(progn (string-match \"x y\" \"X y\") (replace-match \"ab cd\" nil nil \"X y\"))", "\"ab cd\""},
      {"(progn (string-match \"x1\" \"X1\") (replace-match \"ab cd\" nil nil \"X1\"))", "\"AB CD\""},
      {"(progn (string-match \".*\" \"Foo-Bar\") (replace-match \"ab-cd\" nil nil \"Foo-Bar\"))", "\"Ab-Cd\""},
      {"(progn (string-match \".*\" \"Foo-Bar\") (replace-match \"aB-cD\" nil nil \"Foo-Bar\"))", "\"AB-CD\""},
      {"(progn (string-match \"\\\\(o\\\\)\\\\(b\\\\)\" \"foobar\") (replace-match \"<\\\\2\\\\1>\" t nil \"foobar\" 1))", "\"fo<bo>bar\""},
      {"(progn (string-match \"é\\\\(x\\\\)\" \"aéxb\") (replace-match \"Z\" t t \"aéxb\" 1))", "\"aéZb\""},
      {"(string-match \"a\" \"xAx\" -2)", "1"},
      {"(string-match \"a\" \"xAx\" 'q)", "(wrong-type-argument fixnump q)"},
      {"(string-match \"\\\\s-+\" \"a\\t\\n b\")", "1"},
      {"(progn (string-match \"b\" \"abc\") (match-end 0))", "2"},
      {"(progn (string-match \"b\" \"abc\") (match-end 3))", "nil"},
      {"(progn (set-match-data nil) (replace-match \"x\" nil nil \"abc\"))", "(error \"replace-match subexpression does not exist\" nil)"},
      {"(progn (set-match-data '(1 2)) (replace-match \"x\" nil nil \"abc\" 1))", "(error \"replace-match subexpression does not exist\" 1)"},
      {"(progn (set-match-data '(2 1)) (replace-match \"x\" nil nil \"abc\"))", "\"abxbc\""},
      {"(progn (string-match \"\\\\(a\\\\)\\\\|b\" \"b\") (replace-match \"[\\\\1]\" nil nil \"b\"))", "\"[]\""},
      {"(progn (string-match \"b\" \"abc\") (replace-match \"\\\\&\\\\&\" nil nil \"abc\"))", "\"abbc\""},
      {"(progn (string-match \"é\" \"aéc\") (replace-match \"ÉÉ\" nil nil \"aéc\"))", "\"aÉÉc\""},
      {"(progn (string-match \"É\" \"aÉc\") (replace-match \"xy\" nil nil \"aÉc\"))", "\"aXYc\""},
      {"(progn (string-match \"ab\" \"xAB1\") (replace-match \"cd\" nil nil \"xAB1\"))", "\"xCD1\""},
      {"(progn (string-match \"[0-9]+\" \"a12b\") (replace-match \"xy\" nil nil \"a12b\"))", "\"axyb\""},
      {"(progn (string-match \"-foo\" \"-Foo\") (replace-match \"-bar\" nil nil \"-Foo\"))", "\"-bar\""},
      {"(progn (string-match \"b\" \"abc\") (match-data t '(9 9 9 9)))", "(1 2 nil nil)"},
      {"(progn (string-match \"b\" \"abc\") (set-match-data '(0 1 nil 5)) (match-data))", "(0 1)"},
      {"(progn (string-match \"b\" \"abc\") (set-match-data '(0 1 2 nil)) (match-data))", "(wrong-type-argument integer-or-marker-p nil)"},
      {"(progn (set-match-data '(-1 2)) (match-data))", "nil"},
      {"(match-end 1.0)", "(wrong-type-argument fixnump 1.0)"},
      {"(regexp-quote 'a)", "(wrong-type-argument stringp a)"},
      {"(regexp-quote \"\")", "\"\""},
      {"(string-match-p \"\\\\(\" \"a\")", "(invalid-regexp \"Unmatched ( or \\\\(\")"},
      {"(string-match-p \"A\" \"a\")", "0"},
      {"(progn (string-match \"a  b\" \"A  B\") (replace-match \"xy  zw\" nil nil \"A  B\"))", "\"xy  zw\""},
      {"(progn (string-match \"a b\" \"A B\") (replace-match \"xy zw\" nil nil \"A B\"))", "\"XY ZW\""},
      {"(progn (string-match \" ab\" \" AB\") (replace-match \" cd\" nil nil \" AB\"))", "\" CD\""},
      {"(progn (string-match \" ab\" \" Ab\") (replace-match \" cd\" nil nil \" Ab\"))", "\" cd\""},
      {"(progn (set-match-data '(0 a)) (match-data))", "(wrong-type-argument integer-or-marker-p a)"},
      {"(progn (set-match-data '(a 1)) (match-data))", "(wrong-type-argument integer-or-marker-p a)"}
  };

  @TestFactory
  Stream<DynamicTest> sameAsEmacs() {
    return LispForms.cases(CASES);
  }
}
