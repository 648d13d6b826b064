package pdmacs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.print.Printer;
import pdmacs.read.Reader;
import pdmacs.subr.Print;

/**
 * The read-eval-print loop when stdin is not a terminal: every form read from stdin is
 * evaluated with lexical binding and its value printed on a line of its own; errors are
 * reported and the loop goes on.
 */
final class Repl {
  private Repl() {}

  static int start() {
    String text;
    try {
      text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("emacs: cannot read standard input: " + e.getMessage());
      return 1;
    }
    Reader r = new Reader(text);
    while (true) {
      try {
        if (!r.skipWhitespace()) break;
        Object form = r.read();
        Object value = Eval.eval(form, Lisp.list(Lisp.T));
        Print.stdout.print(Printer.prin1ToString(value));
        Print.stdout.print('\n');
        Print.stdout.flush();
      } catch (LispSignal | LispThrow e) {
        if (e instanceof LispSignal && ((LispSignal) e).symbol == Q.endOfFile) {
          Main.reportTopLevel(e);
          break;
        }
        Main.reportTopLevel(e);
        Eval.resetToTopLevel();
      } catch (StackOverflowError e) {
        Main.reportTopLevel(Eval.nesting(Eval.depth()));
        Eval.resetToTopLevel();
      }
    }
    Print.stdout.flush();
    return 0;
  }
}
