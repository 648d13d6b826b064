package pdmacs.eval;

import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

import static pdmacs.lisp.Lisp.T;

/**
 * Test helper: reads and evaluates Lisp source in the shared in-process runtime (lexical
 * binding) and returns what a conformance fixture would show: the prin1 of the value, or
 * {@code !! } and the prin1 of {@code (ERROR-SYMBOL . DATA)}.
 */
public final class LispRunner {
  private LispRunner() {}

  static {
    Runtime.init();
  }

  /** The value of SOURCE's only form. */
  public static Object eval(String source) {
    return Eval.eval(read(source), Lisp.list(T));
  }

  public static Object read(String source) {
    return new Reader(source).read();
  }

  /** The printed value of SOURCE's form, or "!! (ERROR . DATA)" when it signals. */
  public static String run(String source) {
    try {
      return Printer.prin1ToString(eval(source));
    } catch (LispSignal s) {
      Eval.resetToTopLevel();
      return "!! " + Printer.prin1ToString(new Cons(s.symbol, s.data));
    }
  }

  /** How reading SOURCE fails, as "!! (ERROR . DATA)", or its printed object. */
  public static String readResult(String source) {
    try {
      return Printer.prin1ToString(read(source));
    } catch (LispSignal s) {
      return "!! " + Printer.prin1ToString(new Cons(s.symbol, s.data));
    }
  }
}
