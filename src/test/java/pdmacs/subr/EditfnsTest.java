package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * editfns.c without buffers: message, format-message quoting, character functions.
 *
 * <p>Each expectation is what GNU Emacs 28 ({@code emacs -Q --batch}) prints for the form (for
 * a signal, the {@code (ERROR-SYMBOL . DATA)} that condition-case binds).
 */
class EditfnsTest {
  static final String[][] CASES = {
      {"(char-to-string ?a)", "\"a\""},
      {"(char-to-string 955)", "\"λ\""},
      {"(char-to-string -1)", "(wrong-type-argument characterp -1)"},
      {"(char-to-string \"a\")", "(wrong-type-argument characterp \"a\")"},
      {"(string-to-char \"abc\")", "97"},
      {"(string-to-char \"\")", "0"},
      {"(string-to-char 'a)", "(wrong-type-argument stringp a)"},
      {"(propertize \"abc\" 'face)", "(wrong-number-of-arguments propertize 2)"},
      {"(propertize 1)", "(wrong-type-argument stringp 1)"},
      {"(char-equal ?a ?A)", "t"},
      {"(let ((case-fold-search nil)) (char-equal ?a ?A))", "nil"},
      {"(char-equal ?a \"a\")", "(wrong-type-argument characterp \"a\")"},
      {"(message \"x%d\" 1)", "\"x1\""},
      {"(message nil)", "nil"},
      {"(message \"`a'\")", "\"‘a’\""},
      {"(message \"%s\" \"`a'\")", "\"`a'\""},
      {"(message 'a)", "(wrong-type-argument stringp a)"},
      {"(format-message \"Can't `%s'\" 'x)", "\"Can’t ‘x’\""},
      {"(format-message 1)", "(wrong-type-argument stringp 1)"}
  };

  @TestFactory
  Stream<DynamicTest> sameAsEmacs() {
    return LispForms.cases(CASES);
  }
}
