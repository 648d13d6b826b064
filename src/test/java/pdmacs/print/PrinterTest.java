package pdmacs.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pdmacs.eval.LispRunner.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The printer: floats, symbol escapes, cycles, print-circle and the print-* variables. */
class PrinterTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1000.0 | 1000.0", "100.0 | 100.0", "0.1 | 0.1", "1e21 | 1e+21", "1e20 | 1e+20",
    "0.00001 | 1e-05", "0.0001 | 0.0001", "123456789012345.0 | 123456789012345.0",
    "1234567890123456.0 | 1234567890123456.0", "0.30000000000000004 | 0.30000000000000004",
    "5e-324 | 5e-324", "1.7976931348623157e308 | 1.7976931348623157e+308", "-0.0 | -0.0",
  })
  void floatsPrintAsEmacsPrintsThem(String source, String printed) {
    assertEquals(printed, FloatFormat.toLisp(Double.parseDouble(source)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "'\\1 | \\1", "'\\-1 | \\-1", "'\\?a | \\?a", "'a\\?b | a\\?b", "'a\\.b | a\\.b", "'\\. | \\.",
    "'1+ | 1+", "'- | -", "'1e5x | 1e5x", "'\\1e5 | \\1e5", "'a@b | a@b", "'a\\#b | a\\#b",
    "(intern \"\") | ##", "(intern \"1.0e+INF\") | \\1\\.0e+INF", "'\\(x\\) | \\(x\\)",
  })
  void symbolsGetTheEscapesTheReaderNeeds(String source, String printed) {
    assertEquals(printed, run(source));
  }

  @Test
  void cyclesWithoutPrintCircle() {
    assertEquals("\"(a . #0)\"", run("(prin1-to-string (read \"#1=(a . #1#)\"))"));
    assertEquals("\"(a b c a b . #2)\"", run("(prin1-to-string (read \"#1=(a b c . #1#)\"))"));
    assertEquals("\"(#0)\"", run("(prin1-to-string (read \"#1=(#1#)\"))"));
    assertEquals("\"(a (b #0))\"", run("(prin1-to-string (read \"#1=(a (b #1#))\"))"));
    assertEquals("\"[a #0]\"", run("(prin1-to-string (read \"#1=[a #1#]\"))"));
  }

  @Test
  void printCircleLabelsSharedStructure() {
    assertEquals("\"#1=(a . #1#)\"", run("(let ((print-circle t)) (prin1-to-string (read \"#1=(a . #1#)\")))"));
    assertEquals("\"(#1=(a) #1#)\"", run("(let ((print-circle t)) (prin1-to-string (read \"(#1=(a) #1#)\")))"));
    assertEquals("\"[#1=#:g #1#]\"", run("(let ((print-circle t) (print-gensym t)) (prin1-to-string (read \"[#1=#:g #1#]\")))"));
  }

  @Test
  void printLengthAndLevel() {
    assertEquals("\"(1 2 ...)\"", run("(let ((print-length 2)) (prin1-to-string '(1 2 3)))"));
    assertEquals("\"(1 ...)\"", run("(let ((print-level 1)) (prin1-to-string '(1 (2))))"));
    // print-level limits lists only; vectors count as a level but are never elided.
    assertEquals("\"[1 [2]]\"", run("(let ((print-level 1)) (prin1-to-string '[1 [2]]))"));
    assertEquals("\"[...]\"", run("(let ((print-level 1)) (prin1-to-string '[(3)]))"));
  }

  @Test
  void quoteFormsAndCommasOnlyInsideBackquote() {
    assertEquals("\"`(a ,b ,@c)\"", run("(prin1-to-string '`(a ,b ,@c))"));
    assertEquals("\"(\\\\, a)\"", run("(prin1-to-string '(\\, a))"));
    assertEquals("\"(quote a b)\"", run("(prin1-to-string '(quote a b))"));
  }

  @Test
  void hashTablesShowTheirGrownSize() {
    assertEquals("\"#s(hash-table size 3 test eql rehash-size 1.5 rehash-threshold 0.8125 data (1 1 2 2 3 3))\"",
        run("(let ((h (make-hash-table :size 1))) (puthash 1 1 h) (puthash 2 2 h) (puthash 3 3 h) (prin1-to-string h))"));
    assertEquals("97", run("(let ((h (make-hash-table)) (i 0)) (while (< i 70) (puthash i i h) (setq i (1+ i))) (hash-table-size h))"));
  }

  @Test
  void escapesInStrings() {
    assertEquals("\"\\\"a\\\\nb\\\"\"", run("(let ((print-escape-newlines t)) (prin1-to-string \"a\\nb\"))"));
    assertEquals("\"\\\"\\\\377\\\"\"", run("(prin1-to-string \"\\377\")"));
  }
}
