package pdmacs.repl;

import java.util.function.Consumer;
import pdmacs.eval.Eval;
import pdmacs.eval.Quit;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.lisp.Symbol;
import pdmacs.print.Printer;

/**
 * What the REPL does with one accepted input, as ielm does it: every form in the input is
 * evaluated with lexical binding, its value shown with prin1 (integers also in octal, hex and
 * as a character), and {@code *}, {@code **}, {@code ***} rotated to hold the last three values.
 * An error is shown as ielm shows it and the evaluator is reset to top level. No jline here,
 * so the terminal REPL's logic can be tested without a terminal.
 */
public final class ReplEvaluator {
  /** Prefix of an error line, as in ielm. */
  public static final String ERROR_PREFIX = "*** Eval error ***  ";

  /** *, ** and ***, newest first. */
  private final Symbol[] lastValues = {Lisp.intern("*"), Lisp.intern("**"), Lisp.intern("***")};

  public ReplEvaluator() {
    for (Symbol s : lastValues) {
      if (s.value == Lisp.UNBOUND) s.value = Lisp.NIL;
    }
  }

  /** Reads, evaluates and shows every form in TEXT, passing each line of output to SHOW. */
  public void evalInput(String text, Consumer<String> show) {
    PendingInput input = new PendingInput();
    input.append(text);
    input.append("\n");
    while (true) {
      Object form;
      try {
        form = input.next();
      } catch (LispSignal e) {
        show.accept(describeError(e));
        continue;
      }
      if (form == PendingInput.NO_FORM) break;
      show.accept(evalAndDescribe(form));
    }
    if (!input.isBlank()) show.accept(describeError(new LispSignal(Q.endOfFile, Lisp.NIL)));
  }

  /** Evaluates FORM; the value's text, or the error's. */
  public String evalAndDescribe(Object form) {
    Quit.pending = false;
    try {
      Object value = Eval.eval(form, Lisp.list(Lisp.T));
      remember(value);
      return Printer.prin1ToString(value) + IntegerEcho.describe(value);
    } catch (LispSignal | LispThrow e) {
      Eval.resetToTopLevel();
      return describeError(e);
    } catch (StackOverflowError e) {
      LispSignal nesting = Eval.nesting(Eval.depth());
      Eval.resetToTopLevel();
      return describeError(nesting);
    } finally {
      // A C-c that arrived after the last poll must not interrupt the next evaluation.
      Quit.pending = false;
    }
  }

  /** The error line for a signal or an uncaught throw. */
  static String describeError(RuntimeException e) {
    if (e instanceof LispThrow) {
      LispThrow t = (LispThrow) e;
      return ERROR_PREFIX + Printer.errorMessageString(Q.noCatch, Lisp.list(t.tag, t.value));
    }
    LispSignal s = (LispSignal) e;
    return ERROR_PREFIX + Printer.errorMessageString(s.symbol, s.data);
  }

  private void remember(Object value) {
    lastValues[2].value = lastValues[1].value;
    lastValues[1].value = lastValues[0].value;
    lastValues[0].value = value;
  }
}
