package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expected texts are what GNU Emacs 28's eval-expression-print-format returns. */
class IntegerEchoTest {
  private static void check(Object value, String expected) {
    assertEquals(expected, IntegerEcho.describe(value), String.valueOf(value));
  }

  @Test
  void likeEmacs() {
    check(65L, " (#o101, #x41, ?A)");
    check(-1L, " (#o-1, #x-1)");
    check(0L, " (#o0, #x0, ?\\C-@)");
    check(10L, " (#o12, #xa, ?\\C-j)");
    check(27L, " (#o33, #x1b, ?\\C-\\[)");
    check(31L, " (#o37, #x1f, ?\\C-_)");
    check(32L, " (#o40, #x20, ? )");
    check(40L, " (#o50, #x28, ?\\()");
    check(59L, " (#o73, #x3b, ?\\;)");
    check(92L, " (#o134, #x5c, ?\\\\)");
    check(127L, " (#o177, #x7f, ?\\C-?)");
    check(160L, " (#o240, #xa0)");
    check(4194304L, " (#o20000000, #x400000)");
    check(BigInteger.ONE.shiftLeft(70), " (#o200000000000000000000000, #x400000000000000000)");
  }

  @Test
  void printableNonAsciiCharactersAsOnATerminal() {
    check(955L, " (#o1673, #x3bb, ?\u03bb)");
  }

  @Test
  void nothingForOtherValues() {
    check(1.5, "");
    check("65", "");
  }
}
