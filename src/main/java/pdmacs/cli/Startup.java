package pdmacs.cli;

import pdmacs.runtime.Runtime;

/**
 * The start-up thread. main starts it first thing; it parses the command line and, when the
 * session starts from a dump, reads and checks the dump, allocates its objects and reads the
 * environment, while the Lisp thread builds the runtime (Runtime.init needs no command line: only
 * whether this is temacs, which the first argument alone says). The Lisp thread then {@link
 * #await}s it, and Thread.join hands everything over.
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
  /** The environment, read here when there is a dump (temacs reads it in Runtime.init). */
  String[] environment;

  Startup(String[] argv) {
    super("startup");
    this.argv = argv;
    this.temacs = argv.length > 0 && argv[0].equals("--temacs");
  }

  @Override
  public void run() {
    try {
      commandLine = CommandLine.parse(argv);
    } catch (CommandLine.UsageError e) {
      usageError = e;
      return;
    }
    CommandLine cl = commandLine;
    if (cl.temacs || cl.help || cl.version || cl.fingerprint) return;
    dump = new StartupDump.Prefetch(cl.dumpFile);
    dump.run();
    environment = Runtime.environment();
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
