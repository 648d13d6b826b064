package pdmacs.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/**
 * Coverage-guided fuzzing of the reader (and the printer, with print-circle, on whatever was
 * read) with Jazzer: arbitrary text may only give objects or Lisp errors, never another
 * exception. Inputs live in src/test/resources/pdmacs/fuzz/ReaderFuzzTestInputs/reader.
 * Isolated: the Jazzer agent it starts stays out of the other tests' JVM.
 */
@Tag("isolated")
class ReaderFuzzTest {
  @BeforeAll
  static void init() {
    Runtime.init();
    // Printed with print-circle: labels make the output linear in the structure's size. Without
    // them a shared DAG such as #1=(x x) #2=(#1# #1#) ... prints exponentially long output, in
    // GNU Emacs too, which is no finding.
    pdmacs.lisp.Q.printCircle.value = pdmacs.lisp.Lisp.T;
  }

  @FuzzTest(maxDuration = "60s")
  void reader(byte[] data) {
    String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
    Reader r = new Reader(text);
    try {
      while (r.skipWhitespace()) {
        Object o = r.read();
        Printer.prin1ToString(o);
      }
    } catch (LispSignal expected) {
      // A Lisp error is a correct answer to bad text.
    }
  }
}
