package pdmacs.cli;

import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.subr.BatchOutput;
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
    StartupTrace.mark("main");
    Startup startup = new Startup(args);
    startup.start();
    LispThread lisp = new LispThread(startup);
    lisp.start();
    try {
      lisp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Print.stdout.flush();
    StartupTrace.mark("done");
    StartupTrace.print();
    System.exit(lisp.status);
  }

  /**
   * The thread Lisp runs on. A named class, not a lambda: the first lambda of a JVM bootstraps
   * java.lang.invoke, which costs more than the rest of start-up.
   */
  private static final class LispThread extends Thread {
    private final Startup startup;
    int status;

    LispThread(Startup startup) {
      super(null, null, "lisp", LISP_STACK_BYTES);
      this.startup = startup;
    }

    @Override
    public void run() {
      try {
        status = Main.run(startup);
      } catch (OutOfMemoryError e) {
        // Never the thread's stack trace: one line and the internal-error status.
        Print.stdout.flush();
        System.err.println("emacs: out of memory (raise -Xmx in PDMACS_JAVA_OPTS)");
        status = 70;
      } catch (StackOverflowError e) {
        Print.stdout.flush();
        System.err.println("emacs: internal error: Java stack overflow outside Lisp evaluation");
        status = 70;
      }
    }
  }

  /**
   * Runs a whole session and returns the exit status. The runtime is built first, while the
   * start-up thread parses the command line and reads the dump; a session that only prints
   * (--help, a usage error) builds it for nothing, a few milliseconds.
   */
  private static int run(Startup startup) {
    String[] environment;
    try {
      Session.initRuntime(startup.temacs);
      // Read here, not on the start-up thread: the dump's half of the work there is the longer.
      environment = startup.temacs ? null : pdmacs.runtime.Runtime.environment();
    } catch (RuntimeException e) {
      startup.await();
      return internalError(e);
    }
    startup.await();
    StartupTrace.mark("joined");
    startup.trace();
    if (startup.usageError != null) {
      System.err.println("emacs: " + startup.usageError.getMessage());
      System.err.println("Try 'emacs --help' for more information.");
      return 2;
    }
    Eval.exitHandler = new UnwindOnExit();
    try {
      return Session.run(startup.commandLine, startup, environment);
    } catch (ExitRequest e) {
      return e.code;
    } catch (RuntimeException e) {
      return internalError(e);
    }
  }

  /**
   * A bug in pdmacs, not a Lisp error: one line and a distinct status, no stack trace unless
   * asked for (-Dpdmacs.debug=true).
   */
  private static int internalError(RuntimeException e) {
    Print.stdout.flush();
    System.err.println("emacs: internal error: " + e);
    if (Boolean.getBoolean("pdmacs.debug")) e.printStackTrace();
    return 70;
  }

  /** kill-emacs in the launcher: unwind the Lisp thread so main exits with the code. */
  private static final class UnwindOnExit implements java.util.function.IntConsumer {
    @Override
    public void accept(int code) {
      throw new ExitRequest(code);
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
      BatchOutput.report(Lisp.str(pdmacs.print.Printer.errorMessageString(s.symbol, s.data)));
    } else if (e instanceof LispThrow) {
      LispThrow t = (LispThrow) e;
      BatchOutput.report(Lisp.str(pdmacs.print.Printer.errorMessageString(Q.noCatch, Lisp.list(t.tag, t.value))));
    }
  }
}
