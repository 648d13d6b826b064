package pdmacs.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/**
 * Coverage-guided fuzzing of the reader (and the printer, on whatever was read) with Jazzer:
 * arbitrary text may only give objects or Lisp errors, never another exception. Inputs live in
 * src/test/resources/pdmacs/fuzz/ReaderFuzzTestInputs/reader. Isolated: the Jazzer agent it starts stays
 * out of the other tests' JVM.
 */
@Tag("isolated")
class ReaderFuzzTest {
  @BeforeAll
  static void init() {
    Runtime.init();
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
