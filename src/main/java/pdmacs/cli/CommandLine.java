package pdmacs.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, split as Emacs splits it: options that shape the process (--batch,
 * --dump-file, --temacs...) are taken first; the rest (-l, -L, --eval, -f, --script and bare
 * arguments) are actions run in order after start-up.
 *
 * <p>Every option is declared once in {@link Option}; the parser and {@link Help} both read that
 * table, so --help cannot fall out of step with what the parser accepts.
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

  /** Whether an option is taken at start-up or queued as an action. */
  enum Section {
    STARTUP("Start-up options (taken before anything runs):"),
    ACTION("Actions (run in order):");

    final String heading;

    Section(String heading) {
      this.heading = heading;
    }
  }

  /**
   * Every option the launcher accepts. NAMES are all spellings (the first is the one --help
   * shows first); ARG names the option's argument, or is null when it takes none.
   */
  enum Option {
    BATCH(Section.STARTUP, null, "do not start the REPL; exit when the actions are done", "--batch", "-batch"),
    REPL(Section.STARTUP, null, "start the REPL after the actions, even in temacs", "--repl"),
    DUMP_FILE(Section.STARTUP, "FILE", "start from the dump FILE instead of emacs.pdmp", "--dump-file"),
    TEMACS(Section.STARTUP, null, "first argument only: the bare runtime, no dump (batch)", "--temacs"),
    FINGERPRINT(Section.STARTUP, null, "print the runtime's fingerprint and exit", "--fingerprint"),
    COMPAT(Section.STARTUP, null, "accepted and ignored: no init files, no windows",
        "-Q", "-q", "--quick", "--no-init-file", "--no-site-file", "-no-site-file", "--no-site-lisp",
        "--no-splash", "-nw", "--no-window-system"),
    HELP(Section.STARTUP, null, "print this help and exit", "--help"),
    VERSION(Section.STARTUP, null, "print the version and exit", "--version"),
    LOAD(Section.ACTION, "FILE", "load FILE (else search load-path, as Emacs does)", "-l", "--load", "-load"),
    DIRECTORY(Section.ACTION, "DIR", "add DIR to the front of load-path", "-L", "--directory"),
    EVAL(Section.ACTION, "EXPR", "evaluate the Lisp expression EXPR (lexical binding)", "--eval", "-eval", "--execute"),
    FUNCALL(Section.ACTION, "FUNC", "call the Lisp function FUNC with no arguments", "-f", "--funcall", "-funcall"),
    SCRIPT(Section.ACTION, "FILE", "run FILE as a batch script (implies --batch)", "--script", "-script"),
    KILL(Section.ACTION, null, "exit now", "--kill", "-kill"),
    END_OF_OPTIONS(Section.ACTION, null, "treat the remaining arguments as files, not options", "--");

    final Section section;
    final String arg;
    final String description;
    final String[] names;

    Option(Section section, String arg, String description, String... names) {
      this.section = section;
      this.arg = arg;
      this.description = description;
      this.names = names;
    }
  }

  private static final Map<String, Option> BY_NAME = new HashMap<>();

  static {
    for (Option o : Option.values()) {
      for (String n : o.names) BY_NAME.put(n, o);
    }
  }

  boolean temacs;
  boolean batch;
  /** --repl: start the REPL even where the process would otherwise be batch. */
  boolean repl;
  boolean help;
  boolean version;
  boolean fingerprint;
  String dumpFile;
  /**
   * The arguments are bytes, one per char, as Emacs keeps argv when the locale has no coding
   * system (LANG=C): command-line-args holds them as unibyte strings.
   */
  boolean unibyte;
  /** All arguments as given (command-line-args gets the program name and these). */
  final List<String> all = new ArrayList<>();
  final List<Action> actions = new ArrayList<>();

  /** True when the actions are followed by the REPL rather than kill-emacs. */
  boolean startsRepl() {
    return repl || !(batch || temacs);
  }

  static CommandLine parse(String[] argv) throws UsageError {
    CommandLine cl = new CommandLine();
    int i = 0;
    if (argv.length > 0 && argv[0].equals("--temacs")) {
      cl.temacs = true;
      i = 1;
    }
    boolean optionsDone = false;
    for (; i < argv.length; i++) {
      String a = argv[i];
      cl.all.add(a);
      if (optionsDone || !a.startsWith("-") || a.equals("-")) {
        cl.actions.add(new Action("file", a));
        continue;
      }
      String name = a;
      String val = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        val = a.substring(eq + 1);
      }
      Option opt = BY_NAME.get(name);
      if (opt == null || opt == Option.TEMACS) throw new UsageError("unrecognized option '" + a + "'");
      if (opt.arg == null && val != null) throw new UsageError("option '" + name + "' doesn't allow an argument");
      if (opt.arg != null && val == null) {
        if (i + 1 >= argv.length) throw new UsageError("option '" + a + "' requires an argument");
        val = argv[++i];
        cl.all.add(val);
      }
      optionsDone = cl.apply(opt, val);
    }
    return cl;
  }

  /** Records OPT (with its argument VAL); true when it ends option processing. */
  private boolean apply(Option opt, String val) {
    switch (opt) {
      case BATCH: batch = true; break;
      case REPL: repl = true; break;
      case DUMP_FILE: dumpFile = val; break;
      case FINGERPRINT: fingerprint = true; break;
      case COMPAT: break;
      case HELP: help = true; break;
      case VERSION: version = true; break;
      case LOAD: actions.add(new Action("load", val)); break;
      case DIRECTORY: actions.add(new Action("directory", val)); break;
      case EVAL: actions.add(new Action("eval", val)); break;
      case FUNCALL: actions.add(new Action("funcall", val)); break;
      case SCRIPT:
        batch = true;
        actions.add(new Action("script", val));
        break;
      case KILL: actions.add(new Action("kill", null)); break;
      case END_OF_OPTIONS: return true;
      default: throw new IllegalStateException("option not handled: " + opt);
    }
    return false;
  }
}
