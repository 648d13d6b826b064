package pdmacs.cli;

/**
 * The start-up thread. main starts it first thing; it parses the command line and, when the
 * session starts from a dump, reads and checks the dump and allocates the objects a load builds,
 * while the Lisp thread builds the runtime and reads the environment (neither needs the command
 * line: only whether this is temacs, which the first argument alone says). The Lisp thread then
 * {@link #await}s this thread, and Thread.join hands everything over.
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

  @Override
  public void run() {
    long start = System.nanoTime();
    try {
      String[] args = argv;
      boolean unibyte = false;
      if (!ascii(args)) {
        ArgvBytes.Decoded d = ArgvBytes.recover(args);
        if (d != null) {
          args = d.args();
          unibyte = d.unibyte();
        }
      }
      commandLine = CommandLine.parse(args);
      commandLine.unibyte = unibyte;
    } catch (CommandLine.UsageError e) {
      usageError = e;
      return;
    }
    parseNanos = System.nanoTime() - start;
    CommandLine cl = commandLine;
    if (!(cl.temacs || cl.help || cl.version || cl.fingerprint)) {
      dump = new StartupDump.Prefetch(cl.dumpFile);
      dump.run();
    }
  }

  /**
   * Whether every argument is ASCII, which every charset the JVM may decode argv with leaves
   * as Emacs does: then the JVM's strings are the arguments, and nothing more is read.
   */
  private static boolean ascii(String[] args) {
    for (String a : args) {
      if (!pdmacs.lisp.LString.isAscii(a)) return false;
    }
    return true;
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
