package pdmacs.cli;

/**
 * The start-up thread. main starts it first thing; it parses the command line and, when the
 * session starts from a dump, reads and checks the dump and allocates its symbols, while the Lisp
 * thread builds the runtime and reads the environment (neither needs the command line: only
 * whether this is temacs, which the first argument alone says) and then allocates the dump's
 * other objects ({@link #shareDumpAllocation}). The Lisp thread then {@link #await}s this
 * thread, and Thread.join hands everything over.
 *
 * <p>A named class, not a lambda: the first lambda of a JVM bootstraps java.lang.invoke.
 */
final class Startup extends Thread {
  private final String[] argv;
  /** --temacs can only be the first argument, so this is known before parsing. */
  final boolean temacs;
  CommandLine commandLine;
  CommandLine.UsageError usageError;
  /** The dump's first half, or null when the session needs no dump. */
  StartupDump.Prefetch dump;

  Startup(String[] argv) {
    super("startup");
    this.argv = argv;
    this.temacs = argv.length > 0 && argv[0].equals("--temacs");
  }

  /** For StartupTrace: how long parsing took. */
  private long parseNanos;

  /** Opened once the command line is parsed and dump is set (or known not to be needed). */
  private final Gate parsed = new Gate();

  @Override
  public void run() {
    StartupDump.Prefetch d = null;
    try {
      long start = System.nanoTime();
      try {
        commandLine = CommandLine.parse(argv);
      } catch (CommandLine.UsageError e) {
        usageError = e;
        return;
      }
      parseNanos = System.nanoTime() - start;
      CommandLine cl = commandLine;
      if (!(cl.temacs || cl.help || cl.version || cl.fingerprint)) d = new StartupDump.Prefetch(cl.dumpFile);
    } finally {
      dump = d;
      parsed.open();
    }
    if (d != null) d.run();
  }

  /**
   * On the Lisp thread, with the runtime built: waits for the command line, and when the session
   * starts from a dump, takes the share of its allocation that is the Lisp thread's.
   */
  void shareDumpAllocation() {
    parsed.await();
    if (dump != null) dump.allocateOthersWhenRead();
  }

  /** Records this thread's phases in StartupTrace (after await). */
  void trace() {
    StartupTrace.duration("parse", parseNanos);
  }

  /** Waits for this thread to finish, keeping the caller's interrupt status. */
  void await() {
    boolean interrupted = false;
    while (true) {
      try {
        join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
