package pdmacs.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.print.Printer;
import pdmacs.repl.LineStartTracker;
import pdmacs.repl.PendingInput;
import pdmacs.subr.Print;

/**
 * The read-eval-print loop that follows the command-line actions when not in batch mode. On a
 * terminal it hands over to the jline REPL ({@code pdmacs.repl.TerminalRepl}); otherwise it
 * reads forms from stdin, evaluates each with lexical binding as soon as it is complete and
 * prints its value on a line of its own, with no prompt. Errors are reported as batch Emacs
 * reports them and the loop goes on.
 *
 * <p>The terminal REPL is named only inside {@link #start()}'s terminal branch, so a piped or
 * batch run never loads a jline class.
 */
final class Repl {
  private Repl() {}

  static int start() {
    if (onTerminal()) return pdmacs.repl.TerminalRepl.start();
    return readEvalPrintPipe();
  }

  /**
   * Whether stdin and stdout are both a terminal. On JDK 17 to 21 System.console() is null
   * otherwise; later JDKs may return a console for redirected streams and answer with
   * Console.isTerminal(), which a Java 17 build can reach only reflectively.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** The pipe loop: one line of input at a time, every complete form evaluated at once. */
  private static int readEvalPrintPipe() {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PendingInput input = new PendingInput();
    PrintStream savedStdout = Print.stdout;
    LineStartTracker lispOutput = new LineStartTracker(savedStdout);
    Print.stdout = new PrintStream(lispOutput, false, StandardCharsets.UTF_8);
    try {
      return readEvalPrint(in, input, lispOutput);
    } finally {
      Print.stdout.flush();
      Print.stdout = savedStdout;
    }
  }

  private static int readEvalPrint(BufferedReader in, PendingInput input, LineStartTracker lispOutput) {
    while (true) {
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        System.err.println("emacs: cannot read standard input: " + e.getMessage());
        return 1;
      }
      if (line == null) break;
      input.append(line);
      input.append("\n");
      evalCompleteForms(input, lispOutput);
    }
    if (!input.isBlank()) Main.reportTopLevel(new LispSignal(Q.endOfFile, Lisp.NIL));
    return 0;
  }

  /** Evaluates and prints every complete form in INPUT, leaving any unfinished one. */
  private static void evalCompleteForms(PendingInput input, LineStartTracker lispOutput) {
    while (true) {
      try {
        Object form = input.next();
        if (form == PendingInput.NO_FORM) return;
        Object value = Eval.eval(form, Lisp.list(Lisp.T));
        // The value goes on a line of its own even after (princ "abc").
        if (!lispOutput.atLineStart()) Print.stdout.print('\n');
        Print.stdout.print(Printer.prin1ToString(value));
        Print.stdout.print('\n');
        Print.stdout.flush();
      } catch (LispSignal | LispThrow e) {
        Main.reportTopLevel(e);
        Eval.resetToTopLevel();
      } catch (StackOverflowError e) {
        Main.reportTopLevel(Eval.nesting(Eval.depth()));
        Eval.resetToTopLevel();
      }
    }
  }
}
