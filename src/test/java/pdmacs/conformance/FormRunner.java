package pdmacs.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import pdmacs.eval.Eval;
import pdmacs.eval.Specpdl;
import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.print.Printer;
import pdmacs.subr.Print;

import static pdmacs.lisp.Lisp.T;

/**
 * Evaluates fixture forms in the one in-process runtime the way driver.el does under GNU Emacs:
 * {@code (eval FORM t)}, then one line with the prin1 of the value, or {@code !! } and the prin1
 * of {@code (ERROR-SYMBOL . DATA)}; text the form prints itself comes first.
 */
final class FormRunner {
  private FormRunner() {}

  /** Raised by kill-emacs inside a fixture: the test JVM must survive it. */
  static final class KillRequest extends RuntimeException {
    KillRequest(int code) {
      super("kill-emacs " + code, null, false, false);
    }
  }

  static {
    Eval.exitHandler = code -> {
      throw new KillRequest(code);
    };
  }

  /** Everything FORM prints plus its result line, newline-terminated. */
  static String run(Object form) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream saved = Print.stdout;
    Print.stdout = new PrintStream(captured, true, StandardCharsets.UTF_8);
    String line;
    try {
      line = resultLine(form);
    } finally {
      Print.stdout.flush();
      Print.stdout = saved;
    }
    return captured.toString(StandardCharsets.UTF_8) + line + "\n";
  }

  private static String resultLine(Object form) {
    try {
      return printEscapingNewlines(Eval.eval(form, Lisp.list(T)));
    } catch (LispSignal s) {
      Eval.resetToTopLevel();
      return "!! " + printEscapingNewlines(new Cons(s.symbol, s.data));
    } catch (LispThrow t) {
      Eval.resetToTopLevel();
      return "!! " + printEscapingNewlines(Lisp.list(Q.noCatch, t.tag, t.value));
    } catch (KillRequest k) {
      Eval.resetToTopLevel();
      return "<<" + k.getMessage() + ">>";
    } catch (StackOverflowError e) {
      Eval.resetToTopLevel();
      return "<<Java StackOverflowError>>";
    } catch (RuntimeException e) {
      Eval.resetToTopLevel();
      return "<<Java " + e + ">>";
    }
  }

  private static String printEscapingNewlines(Object value) {
    int count = Specpdl.count();
    Specpdl.bind(Q.printEscapeNewlines, T);
    try {
      return Printer.prin1ToString(value);
    } finally {
      Specpdl.unbindTo(count);
    }
  }
}
