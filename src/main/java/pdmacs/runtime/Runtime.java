package pdmacs.runtime;

import pdmacs.eval.SpecialForms;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LString;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.subr.Data;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/**
 * Creates the bare runtime, temacs: every built-in subr and symbol, the standard errors and the
 * variables the C core of Emacs defines. The order here is the order of the runtime's symbol and
 * subr tables, which dumps refer to by index, so it must be deterministic.
 */
public final class Runtime {
  private Runtime() {}

  private static boolean initialized;

  /** The subr groups, in registration order. Adding one changes the fingerprint. */
  private static SubrGroup[] groups() {
    return new SubrGroup[] {
      new SpecialForms(),
      new pdmacs.subr.EvalFns(),
      new pdmacs.subr.Macroexp(),
      new pdmacs.subr.Backquote(),
      new Data(),
      new pdmacs.subr.Fns(),
      new pdmacs.subr.FnsDigest(),
      new pdmacs.subr.Coding(),
      new pdmacs.subr.Alloc(),
      new pdmacs.subr.BoolVectors(),
      new pdmacs.subr.HashTables(),
      new pdmacs.subr.Lread(),
      new pdmacs.subr.Print(),
      new pdmacs.subr.Editfns(),
      new pdmacs.subr.Search(),
      new pdmacs.subr.Fileio(),
      new pdmacs.subr.Floatfns(),
      new pdmacs.subr.Emacs(),
      new pdmacs.subr.Keymap(),
      new pdmacs.dump.DumpFns(),
    };
  }

  /** The bare runtime with this process's variables set: temacs, and tests. */
  public static synchronized void init() {
    if (initialized) return;
    initBeforeDump();
    initProcessVariables();
  }

  /**
   * The built-in symbols and subrs only. A dump's load then restores their Lisp state, and the
   * caller sets the process variables after it (once: they read the environment).
   */
  public static synchronized void initBeforeDump() {
    if (initialized) return;
    initialized = true;
    // Touch Q so the symbols it names are created first, in its declaration order.
    Symbol first = Q.quote;
    for (SubrGroup g : groups()) g.register();
    defineErrors();
    defineVariables();
    Lisp.endInitialization();
  }

  private static void defvar(String name, Object value) {
    Symbol s = Lisp.intern(name);
    s.value = value;
    s.special = true;
  }

  private static void defineVariables() {
    defvar("noninteractive", T);
    defvar("command-line-args", NIL);
    defvar("command-line-args-left", NIL);
    defvar("load-path", initialLoadPath());
    defvar("load-file-name", NIL);
    defvar("load-true-file-name", NIL);
    defvar("load-in-progress", NIL);
    defvar("load-history", NIL);
    defvar("current-load-list", NIL);
    defvar("after-load-alist", NIL);
    // The files whose expanded forms load keeps (pdmacs.subr.LoadCache); loadup binds it.
    defvar("load--keep-expansions", NIL);
    defvar("features", list(Lisp.intern("emacs")));
    defvar("obarray", Lisp.obarray);
    defvar("standard-output", T);
    defvar("standard-input", T);
    defvar("print-length", NIL);
    defvar("print-level", NIL);
    defvar("print-escape-newlines", NIL);
    defvar("print-escape-nonascii", NIL);
    defvar("print-escape-multibyte", NIL);
    defvar("print-escape-control-characters", NIL);
    defvar("print-quoted", T);
    defvar("print-circle", NIL);
    defvar("print-gensym", NIL);
    defvar("print-charset-text-property", NIL);
    defvar("print-continuous-numbering", NIL);
    defvar("print-number-table", NIL);
    defvar("float-output-format", NIL);
    defvar("max-lisp-eval-depth", 1600L);
    defvar("max-specpdl-size", 2500L);
    defvar("most-positive-fixnum", Lisp.MOST_POSITIVE_FIXNUM);
    defvar("most-negative-fixnum", Lisp.MOST_NEGATIVE_FIXNUM);
    Lisp.intern("most-positive-fixnum").constant = true;
    Lisp.intern("most-negative-fixnum").constant = true;
    defvar("lexical-binding", NIL);
    defvar("internal-interpreter-environment", NIL);
    defvar("debug-on-error", NIL);
    defvar("debug-on-signal", NIL);
    defvar("debug-on-quit", NIL);
    defvar("debug-ignored-errors", NIL);
    defvar("debugger", Lisp.intern("debug"));
    defvar("inhibit-quit", NIL);
    defvar("throw-on-input", NIL);
    defvar("signal-hook-function", NIL);
    defvar("macroexp--dynvars", NIL);
    defvar("macroexpand-all-environment", NIL);
    defvar("purify-flag", NIL);
    defvar("emacs-version", new LString("28.2"));
    defvar("emacs-major-version", 28L);
    defvar("emacs-minor-version", 2L);
    defvar("emacs-build-number", 1L);
    defvar("pdmacs-version", new LString(Version.VERSION));
    defvar("system-type", Lisp.intern("gnu/linux"));
    defvar("system-configuration", new LString("x86_64-pc-linux-gnu"));
    defvar("default-directory", NIL);
    defvar("invocation-name", NIL);
    defvar("invocation-directory", NIL);
    defvar("installation-directory", NIL);
    defvar("data-directory", NIL);
    defvar("kill-emacs-hook", NIL);
    defvar("after-init-hook", NIL);
    defvar("emacs-startup-hook", NIL);
    defvar("window-system", NIL);
    defvar("initial-window-system", NIL);
    defvar("case-fold-search", T);
    defvar("inhibit-message", NIL);
    defvar("message-log-max", NIL);
    defvar("user-full-name", NIL);
    defvar("user-login-name", NIL);
    defvar("values", NIL);
    defvar("text-quoting-style", NIL);
    defvar("gc-cons-threshold", 800000L);
    defvar("gc-cons-percentage", 0.1);
    defvar("load-prefer-newer", NIL);
    defvar("load-suffixes", list(Lisp.str(".el")));
    defvar("load-file-rep-suffixes", list(Lisp.str("")));
    defvar("byte-compile-current-file", NIL);
    defvar("dump-mode", NIL);
    defvar("read-symbol-shorthands", NIL);
    defvar("case-replace", T);
    defvar("unread-command-events", NIL);
    defvar("executing-kbd-macro", NIL);
    defvar("standard-display-table", NIL);
    defvar("process-environment", NIL);
    defvar("initial-environment", NIL);
    defvar("coding-system-for-read", NIL);
    defvar("coding-system-for-write", NIL);
    defvar("last-coding-system-used", NIL);
    defvar("inhibit-eol-conversion", NIL);
    defvar("locale-coding-system", NIL);
  }

  /**
   * Where temacs finds loadup.el and the library before loadup sets load-path: the installation
   * directory the launcher passes as pdmacs.home, and its lisp/ subdirectory.
   */
  private static Object initialLoadPath() {
    String home = System.getProperty("pdmacs.home");
    if (home == null) return NIL;
    String dir = home.endsWith("/") ? home : home + "/";
    return list(new LString(dir), new LString(dir + "lisp"));
  }

  /**
   * Sets the variables that describe this process rather than the Lisp world: the working
   * directory, the environment, the user. Like Emacs's start-up, this runs in every session,
   * after the dump is loaded (a dump holds the values of the session that made it).
   */
  public static void initProcessVariables() {
    initProcessVariables(environment());
  }

  /**
   * {@link #initProcessVariables()} with the environment already read by {@link #environment}
   * (start-up reads it on another thread while the runtime initialises).
   */
  public static void initProcessVariables(String[] environment) {
    Lisp.intern("default-directory").value = new LString(cwd());
    Lisp.intern("invocation-name").value = new LString("emacs");
    String user = System.getProperty("user.name", "");
    Lisp.intern("user-full-name").value = new LString(user);
    Lisp.intern("user-login-name").value = new LString(user);
    Object env = Lisp.NIL;
    for (int i = environment.length - 1; i >= 0; i--) env = new pdmacs.lisp.Cons(Lisp.str(environment[i]), env);
    Lisp.intern("process-environment").value = env;
    Lisp.intern("initial-environment").value = pdmacs.subr.Fns.copySequence(env);
    String codeset = localeCodingSystem(environment);
    Lisp.intern("locale-coding-system").value = codeset == null ? NIL : Lisp.intern(codeset);
  }

  /**
   * The coding system of the locale the environment names (LC_ALL, else LC_CTYPE, else LANG,
   * the first that is set and not empty), as Emacs sets locale-coding-system: utf-8-unix for a
   * UTF-8 codeset, iso-latin-1-unix for ISO 8859-1, and null for C, POSIX or no locale. Emacs
   * also guesses a codeset from a language alone ("de_DE" is Latin-1) and knows many more;
   * pdmacs has neither those guesses nor those coding systems, and says null there.
   */
  public static String localeCodingSystem(String[] environment) {
    String locale = null;
    for (String name : new String[] {"LC_ALL=", "LC_CTYPE=", "LANG="}) {
      for (String entry : environment) {
        if (entry.startsWith(name) && entry.length() > name.length()) {
          locale = entry.substring(name.length());
          break;
        }
      }
      if (locale != null) break;
    }
    if (locale == null) return null;
    int dot = locale.indexOf('.');
    if (dot < 0) return null;
    int at = locale.indexOf('@', dot);
    String codeset = locale.substring(dot + 1, at < 0 ? locale.length() : at)
        .toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    if (codeset.equals("utf8")) return "utf-8-unix";
    if (codeset.equals("iso88591")) return "iso-latin-1-unix";
    return null;
  }

  /**
   * The process environment as "NAME=VALUE" strings sorted by name (Java does not keep the
   * order of the C environment). Touches no Lisp state, so any thread may call it.
   */
  public static String[] environment() {
    java.util.Map<String, String> env = System.getenv();
    String[] names = env.keySet().toArray(new String[0]);
    java.util.Arrays.sort(names);
    String[] entries = new String[names.length];
    for (int i = 0; i < names.length; i++) entries[i] = names[i] + "=" + env.get(names[i]);
    return entries;
  }

  public static String cwd() {
    String d = System.getProperty("user.dir");
    return d.endsWith("/") ? d : d + "/";
  }

  /** (define-error NAME MESSAGE PARENTS...) for the errors the runtime signals. */
  private static void error(String name, String message, String... parents) {
    Symbol s = Lisp.intern(name);
    Object conds = list(s);
    Object tail = conds;
    for (String p : parents) {
      Symbol ps = Lisp.intern(p);
      Object pc = Data.get(ps, Q.errorConditions);
      Object add = pc != NIL ? pc : list(ps);
      for (Object o = add; o instanceof pdmacs.lisp.Cons; o = ((pdmacs.lisp.Cons) o).cdr) {
        Object c = ((pdmacs.lisp.Cons) o).car;
        if (!Lisp.memq(c, conds)) {
          pdmacs.lisp.Cons cell = new pdmacs.lisp.Cons(c, NIL);
          ((pdmacs.lisp.Cons) tail).cdr = cell;
          tail = cell;
        }
      }
    }
    if (!name.equals("error") && !Lisp.memq(Q.error, conds)) ((pdmacs.lisp.Cons) tail).cdr = list(Q.error);
    Data.put(s, Q.errorConditions, conds);
    Data.put(s, Q.errorMessage, new LString(message));
  }


  private static void defineErrors() {
    error("error", "error");
    Data.put(Lisp.intern("quit"), Q.errorConditions, list(Q.quit));
    Data.put(Lisp.intern("quit"), Q.errorMessage, new LString("Quit"));
    Data.put(Lisp.intern("minibuffer-quit"), Q.errorConditions, list(Lisp.intern("minibuffer-quit"), Q.quit));
    Data.put(Lisp.intern("minibuffer-quit"), Q.errorMessage, new LString("Quit"));
    error("user-error", "");
    error("args-out-of-range", "Args out of range");
    error("arith-error", "Arithmetic error");
    error("range-error", "Arithmetic range error", "arith-error");
    error("domain-error", "Arithmetic domain error", "arith-error");
    error("singularity-error", "Arithmetic singularity error", "domain-error");
    error("overflow-error", "Arithmetic overflow error", "range-error");
    error("underflow-error", "Arithmetic underflow error", "range-error");
    error("beginning-of-buffer", "Beginning of buffer");
    error("end-of-buffer", "End of buffer");
    error("buffer-read-only", "Buffer is read-only");
    error("text-read-only", "Text is read-only", "buffer-read-only");
    error("circular-list", "List contains a loop");
    error("cyclic-function-indirection", "Symbol's chain of function indirections contains a loop");
    error("cyclic-variable-indirection", "Symbol's chain of variable indirections contains a loop");
    error("end-of-file", "End of file during parsing");
    error("invalid-function", "Invalid function");
    error("invalid-read-syntax", "Invalid read syntax");
    error("invalid-regexp", "Invalid regexp");
    error("no-catch", "No catch for tag");
    error("setting-constant", "Attempt to set a constant symbol");
    error("void-function", "Symbol's function definition is void");
    error("void-variable", "Symbol's value as variable is void");
    error("wrong-number-of-arguments", "Wrong number of arguments");
    error("wrong-type-argument", "Wrong type argument");
    error("wrong-length-argument", "Wrong length argument");
    error("mark-inactive", "The mark is not active now");
    error("scan-error", "Scan error");
    error("search-failed", "Search failed");
    error("recursion-error", "Excessive recursive calling error");
    error("excessive-lisp-nesting", "Lisp nesting exceeds `max-lisp-eval-depth'", "recursion-error");
    error("excessive-variable-binding", "Variable binding depth exceeds max-specpdl-size", "recursion-error");
    error("file-error", "File error");
    error("file-missing", "File is missing", "file-error");
    error("file-already-exists", "File already exists", "file-error");
    error("file-date-error", "Cannot set file date", "file-error");
    error("permission-denied", "Cannot access file or directory", "file-error");
    error("file-notify-error", "File notification error", "file-error");
    error("json-error", "generic JSON error");
    error("coding-system-error", "Invalid coding system");
    error("cl-assertion-failed", "Assertion failed");
    error("dump-error", "Dump failed");
  }
}
