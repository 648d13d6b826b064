package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/** Evaluates forms in-process and prints the result the way the Emacs-generated tables expect. */
public final class LispForms {
  private LispForms() {}

  /** prin1 of FORM's value, or of (ERROR-SYMBOL . DATA) when it signals. */
  public static String eval(String form) {
    Runtime.init();
    Object f = new Reader(form).read();
    try {
      return Printer.prin1ToString(Eval.eval(f, Lisp.list(Lisp.T)));
    } catch (LispSignal s) {
      return Printer.prin1ToString(Lisp.cons(s.symbol, s.data));
    }
  }

  /** One dynamic test per {FORM, EXPECTED} row. */
  public static Stream<DynamicTest> cases(String[][] rows) {
    return Arrays.stream(rows)
        .map(r -> DynamicTest.dynamicTest(r[0], () -> assertEquals(r[1], eval(r[0]), r[0])));
  }
}
