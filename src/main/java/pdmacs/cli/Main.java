package pdmacs.cli;

import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.subr.Print;

/**
 * The launcher: {@code pdmacs.cli.Main} is both temacs (the bare runtime) and emacs (the runtime
 * started from a dump). The launcher scripts pass {@code --temacs} for the former. Lisp runs on a
 * thread with a large stack so deep recursion reaches max-lisp-eval-depth, not the JVM's limit.
 */
public final class Main {
  private Main() {}

  /** Java stack for the Lisp thread: reserved, not committed, so it costs nothing until used. */
  private static final long LISP_STACK_BYTES = 1L << 30;

  public static void main(String[] args) {
    int[] status = {0};
    Thread lisp = new Thread(null, () -> status[0] = run(args), "lisp", LISP_STACK_BYTES);
    lisp.start();
    try {
      lisp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Print.stdout.flush();
    System.exit(status[0]);
  }

  /** Runs a whole session and returns the exit status. */
  public static int run(String[] argv) {
    CommandLine cl;
    try {
      cl = CommandLine.parse(argv);
    } catch (CommandLine.UsageError e) {
      System.err.println("emacs: " + e.getMessage());
      System.err.println("Try 'emacs --help' for more information.");
      return 2;
    }
    int[] exit = {-1};
    Eval.exitHandler = code -> {
      exit[0] = code;
      throw new ExitRequest(code);
    };
    try {
      return Session.run(cl);
    } catch (ExitRequest e) {
      return e.code;
    }
  }

  /** Unwinds the Lisp thread when kill-emacs is called. */
  static final class ExitRequest extends RuntimeException {
    final int code;

    ExitRequest(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** Prints an error that reached top level the way batch Emacs does. */
  static void reportTopLevel(RuntimeException e) {
    Print.stdout.flush();
    if (e instanceof LispSignal) {
      LispSignal s = (LispSignal) e;
      Print.message(pdmacs.print.Printer.errorMessageString(s.symbol, s.data));
    } else if (e instanceof LispThrow) {
      LispThrow t = (LispThrow) e;
      Print.message(pdmacs.print.Printer.errorMessageString(Q.noCatch, Lisp.list(t.tag, t.value)));
    }
  }
}
