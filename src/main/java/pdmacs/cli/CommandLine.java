package pdmacs.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line, split as Emacs splits it: options that shape the process (--batch,
 * --dump-file, --temacs...) are taken first; the rest (-l, -L, --eval, -f, --script and bare
 * arguments) are actions run in order after start-up.
 */
final class CommandLine {
  /** A bad option: reported with exit status 2. */
  static final class UsageError extends Exception {
    UsageError(String m) {
      super(m);
    }
  }

  /** One action, in command-line order. */
  static final class Action {
    final String kind;
    final String arg;

    Action(String kind, String arg) {
      this.kind = kind;
      this.arg = arg;
    }
  }

  boolean temacs;
  boolean batch;
  boolean help;
  boolean version;
  boolean fingerprint;
  String dumpFile;
  /** All arguments as given (command-line-args gets the program name and these). */
  final List<String> all = new ArrayList<>();
  final List<Action> actions = new ArrayList<>();

  static CommandLine parse(String[] argv) throws UsageError {
    CommandLine cl = new CommandLine();
    int i = 0;
    if (argv.length > 0 && argv[0].equals("--temacs")) {
      cl.temacs = true;
      cl.batch = true;
      i = 1;
    }
    boolean optionsDone = false;
    for (; i < argv.length; i++) {
      String a = argv[i];
      cl.all.add(a);
      if (optionsDone) {
        cl.actions.add(new Action("file", a));
        continue;
      }
      String val = null;
      String name = a;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        val = a.substring(eq + 1);
      }
      switch (name) {
        case "--batch":
        case "-batch":
          cl.batch = true;
          break;
        case "-Q":
        case "-q":
        case "--quick":
        case "--no-init-file":
        case "--no-site-file":
        case "--no-site-lisp":
        case "--no-splash":
        case "-nw":
        case "--no-window-system":
        case "-no-site-file":
          break;
        case "--help":
          cl.help = true;
          break;
        case "--version":
          cl.version = true;
          break;
        case "--fingerprint":
          cl.fingerprint = true;
          break;
        case "--dump-file":
          if (val == null) {
            if (i + 1 >= argv.length) throw new UsageError("option '--dump-file' requires an argument");
            val = argv[++i];
            cl.all.add(val);
          }
          cl.dumpFile = val;
          break;
        case "-l":
        case "--load":
          cl.actions.add(new Action("load", val != null ? val : next(argv, i++, a, cl)));
          break;
        case "-L":
        case "--directory":
          cl.actions.add(new Action("directory", val != null ? val : next(argv, i++, a, cl)));
          break;
        case "--eval":
        case "--execute":
          cl.actions.add(new Action("eval", val != null ? val : next(argv, i++, a, cl)));
          break;
        case "-f":
        case "--funcall":
          cl.actions.add(new Action("funcall", val != null ? val : next(argv, i++, a, cl)));
          break;
        case "--script":
        case "-script":
          cl.batch = true;
          cl.actions.add(new Action("script", val != null ? val : next(argv, i++, a, cl)));
          break;
        case "--kill":
          cl.actions.add(new Action("kill", null));
          break;
        case "--":
          optionsDone = true;
          break;
        default:
          if (a.startsWith("-") && a.length() > 1) throw new UsageError("unrecognized option '" + a + "'");
          cl.actions.add(new Action("file", a));
      }
    }
    return cl;
  }

  /** The argument after option OPT at I (the caller advances past it). */
  private static String next(String[] argv, int i, String opt, CommandLine cl) throws UsageError {
    if (i + 1 >= argv.length) throw new UsageError("option '" + opt + "' requires an argument");
    cl.all.add(argv[i + 1]);
    return argv[i + 1];
  }
}
