package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What golden tables cannot pin down: output to stderr, text properties dropped, the clock. */
class MessageAndClockTest {
  private static String stderrOf(String form) {
    PrintStream saved = Print.stderr;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Print.stderr = new PrintStream(buf, true, StandardCharsets.UTF_8);
    try {
      LispForms.eval(form);
    } finally {
      Print.stderr = saved;
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void messageWritesAFormattedLineToStderr() {
    assertEquals("x1 \u2018q\u2019\n", stderrOf("(message \"x%d `q'\" 1)"));
    assertEquals("`a'\n", stderrOf("(message \"%s\" \"`a'\")"));
  }

  @Test
  void messageNilWritesAnEmptyLine() {
    assertEquals("\n", stderrOf("(message nil)"));
  }

  @Test
  void propertizeReturnsAFreshCopyOfTheCharacters() {
    assertEquals("\"abc\"", LispForms.eval("(propertize \"abc\" 'face 'bold)"));
    assertEquals("nil", LispForms.eval("(let ((s \"abc\")) (eq s (propertize s 'face 'bold)))"));
  }

  @Test
  void hugeFormatFieldsAreAnErrorNotAnAllocation() {
    // Emacs's message carries a help-key-binding face on "C-x s"; text properties are not kept.
    String error = "(error \"Memory exhausted--use C-x s then exit and restart Emacs\")";
    assertEquals(error, LispForms.eval("(format \"%1000000000000d\" 1)"));
    assertEquals(error, LispForms.eval("(format \"%.1000000000000f\" 1.0)"));
  }

  @Test
  void currentTimeIsAFourElementListNearTheJavaClock() {
    String t = LispForms.eval("(current-time)");
    assertTrue(t.matches("\\(\\d+ \\d+ \\d+ \\d+\\)"), t);
    double now = System.currentTimeMillis() / 1000.0;
    double lisp = Double.parseDouble(LispForms.eval("(float-time)"));
    assertTrue(Math.abs(lisp - now) < 5, lisp + " vs " + now);
    double fromList = Double.parseDouble(LispForms.eval("(float-time (current-time))"));
    assertTrue(Math.abs(fromList - now) < 5, fromList + " vs " + now);
  }

  @Test
  void currentTimeStringHasTheCLayout() {
    String s = LispForms.eval("(current-time-string)");
    assertTrue(s.matches("\"[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\""), s);
  }
}
