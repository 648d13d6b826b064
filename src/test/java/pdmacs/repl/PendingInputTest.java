package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.runtime.Runtime;

class PendingInputTest {
  @BeforeAll
  static void init() {
    Runtime.init();
  }

  @Test
  void openListsStringsAndQuotesAreIncomplete() {
    for (String s : new String[] {"(+ 1", "(a \"b)\"", "\"abc", "'", "(a ; )\n", "[1 2", "(a . "}) {
      assertFalse(PendingInput.isComplete(s), s);
    }
  }

  @Test
  void wholeFormsAndReadErrorsAreComplete() {
    for (String s : new String[] {"", "  ; just a comment", "(+ 1 2)", "foo", "(a)\n(b)", "?\\(", ")", "\"a(\""}) {
      assertTrue(PendingInput.isComplete(s), s);
    }
  }

  @Test
  void formsComeOutAsSoonAsTheyAreWhole() {
    PendingInput in = new PendingInput();
    in.append("(a b) (c\n");
    assertEquals("(a b)", Printer.prin1ToString(in.next()));
    assertSame(PendingInput.NO_FORM, in.next());
    assertFalse(in.isBlank());
    in.append(" d)\n");
    assertEquals("(c d)", Printer.prin1ToString(in.next()));
    assertSame(PendingInput.NO_FORM, in.next());
    assertTrue(in.isBlank());
  }

  @Test
  void aReadErrorIsSignalledAndSkipped() {
    PendingInput in = new PendingInput();
    in.append(") 7\n");
    LispSignal e = assertThrows(LispSignal.class, in::next);
    assertEquals("invalid-read-syntax", e.symbol.name());
    assertEquals(7L, in.next());
  }
}
