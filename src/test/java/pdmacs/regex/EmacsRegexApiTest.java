package pdmacs.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import pdmacs.runtime.Runtime;

/** The Java-side API that Fileio and Search use: compile, the cache, groups and search. */
class EmacsRegexApiTest {
  @Test
  void compiledRegexpsAreCachedPerCaseFolding() {
    EmacsRegex a = EmacsRegex.compile("\\.el\\'", false);
    assertSame(a, EmacsRegex.compile("\\.el\\'", false));
    assertTrue(a != EmacsRegex.compile("\\.el\\'", true));
  }

  @Test
  void patternFindsLikeStringMatch() {
    EmacsRegex r = EmacsRegex.compile("\\.el\\'", false);
    assertTrue(r.pattern().matcher("foo.el").find());
    assertTrue(!r.pattern().matcher("foo.elc").find());
  }

  @Test
  void explicitGroupNumbersMapToJavaGroups() {
    EmacsRegex r = EmacsRegex.compile("\\(?3:a\\)\\(b\\)\\|\\(?3:c\\)", false);
    assertEquals(4, r.groupCount());
    assertArrayEquals(new int[] {0, 2, -1, -1, -1, -1, 0, 1, 1, 2}, r.search("ab", 0));
    assertArrayEquals(new int[] {0, 1, -1, -1, -1, -1, 0, 1, -1, -1}, r.search("c", 0));
    assertNull(r.search("x", 0));
  }

  @Test
  void deepBacktrackingIsALispErrorNotAJavaOne() {
    // java.util.regex recurses once per repetition of a group: a StackOverflowError escaping
    // here would fail the test; the matcher must turn it into a Lisp error (or succeed).
    Runtime.init();
    String big = "ab".repeat(200_000);
    try {
      EmacsRegex.compile("\\(?:a\\|b\\)*c", false).search(big, 0);
    } catch (pdmacs.lisp.LispSignal expected) {
      assertEquals("error", expected.symbol.name());
    }
  }
}
