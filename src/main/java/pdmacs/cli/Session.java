package pdmacs.cli;

import java.util.ArrayList;
import java.util.List;
import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;
import pdmacs.subr.Fileio;
import pdmacs.subr.Lread;
import pdmacs.subr.Print;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;

/** One run of the program: start-up (runtime, dump), the command-line actions, then exit. */
final class Session {
  private Session() {}

  /** Builds the runtime: all of it for temacs, only what a dump does not restore otherwise. */
  static void initRuntime(boolean temacs) {
    if (temacs) Runtime.init();
    else Runtime.initBeforeDump();
    StartupTrace.mark("runtime");
  }

  /**
   * Runs the session CL describes; STARTUP holds the dump read while the runtime was built, and
   * ENVIRONMENT the process environment read meanwhile (null for temacs, whose Runtime.init set it).
   */
  static int run(CommandLine cl, Startup startup, String[] environment) {
    if (cl.help) {
      Print.stdout.print(Help.text());
      Print.stdout.flush();
      return 0;
    }
    if (cl.version) {
      Print.stdout.print("pdmacs " + pdmacs.runtime.Version.VERSION + " (GNU Emacs 28.2 compatible Lisp)\n");
      Print.stdout.flush();
      return 0;
    }
    if (cl.fingerprint) {
      Print.stdout.print(pdmacs.dump.Fingerprint.hex() + "\n");
      Print.stdout.flush();
      return 0;
    }
    if (startup.dump != null) {
      int status = StartupDump.finish(startup.dump);
      if (status != 0) return status;
      Runtime.initProcessVariables(environment);
      StartupTrace.mark("process-variables");
    }
    List<Object> args = new ArrayList<>();
    args.add(Lisp.str(cl.temacs ? "temacs" : "emacs"));
    for (String a : cl.all) args.add(cl.unibyte ? new LString(a, false) : Lisp.str(a));
    Q.commandLineArgs.value = Lisp.listFrom(args);
    boolean batch = !cl.startsRepl();
    Q.noninteractive.value = Lisp.bool(batch);
    if (!cl.temacs) StartupDump.runAfterLoadHook();
    StartupTrace.mark("hook");
    try {
      for (CommandLine.Action a : cl.actions) runAction(a);
    } catch (LispSignal | LispThrow e) {
      Main.reportTopLevel(e);
      return 255;
    } catch (StackOverflowError e) {
      Main.reportTopLevel(Eval.nesting(Eval.depth()));
      return 255;
    }
    StartupTrace.mark("actions");
    if (batch) {
      try {
        Eval.funcall(Lisp.intern("kill-emacs"));
      } catch (LispSignal | LispThrow e) {
        Main.reportTopLevel(e);
        return 255;
      }
      return 0;
    }
    return Repl.start();
  }

  static void runAction(CommandLine.Action a) {
    switch (a.kind) {
      case "load": {
        String file = a.arg;
        String expanded = Fileio.expand(file, null);
        boolean exists = new java.io.File(expanded).isFile() || new java.io.File(expanded + ".el").isFile();
        Lread.load(exists ? expanded : file, false, true, false);
        break;
      }
      case "directory": {
        Object lp = Eval.symbolValueOrNil(Q.loadPath);
        Q.loadPath.value = new Cons(Lisp.str(Fileio.expand(a.arg, null)), lp);
        break;
      }
      case "eval": {
        Reader r = new Reader(a.arg);
        Object form = r.read();
        if (r.skipWhitespace()) {
          throw Lisp.error("Trailing garbage following expression: " + a.arg.substring(r.pos));
        }
        Eval.eval(form, Lisp.list(T));
        break;
      }
      case "funcall":
        Eval.funcall(Lisp.intern(a.arg));
        break;
      case "script":
        Lread.load(Fileio.expand(a.arg, null), false, true, true);
        Eval.funcall(Lisp.intern("kill-emacs"));
        break;
      case "kill":
        Eval.funcall(Lisp.intern("kill-emacs"));
        break;
      default:
        // Emacs would visit FILE; there are no buffers here, so bare arguments are left to
        // Lisp (command-line-args) to interpret, as loadup.el does with "pdump".
        break;
    }
  }
}
