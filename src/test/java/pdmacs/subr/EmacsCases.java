package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/**
 * Golden cases checked against GNU Emacs 28: each is a form and the text {@code emacs -Q
 * --batch} prints for its value with prin1, or for the error it signals as (ERROR-SYMBOL .
 * DATA), evaluating with lexical binding.
 */
final class EmacsCases {
  private EmacsCases() {}

  /** Evaluates FORM the way the expectations were made, returning the printed outcome. */
  static String outcome(String form) {
    Runtime.init();
    try {
      Object value = Eval.eval(new Reader(form).read(), Lisp.list(Lisp.T));
      return Printer.prin1ToString(value);
    } catch (LispSignal s) {
      return Printer.prin1ToString(Lisp.cons(s.symbol, s.data));
    }
  }

  /** One dynamic test per (form, expected) pair in FORMS_AND_RESULTS. */
  static Stream<DynamicTest> of(String... formsAndResults) {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < formsAndResults.length; i += 2) {
      String form = formsAndResults[i];
      String expected = formsAndResults[i + 1];
      tests.add(DynamicTest.dynamicTest(form, () -> assertEquals(expected, outcome(form), form)));
    }
    return tests.stream();
  }
}
