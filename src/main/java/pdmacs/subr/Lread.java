package pdmacs.subr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import pdmacs.eval.Eval;
import pdmacs.eval.Specpdl;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.read.Reader;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/** lread.c: the reader's entry points, the obarray, load, and features. */
public final class Lread extends SubrGroup {
  private static final int READ = 0, READ_FROM_STRING = 1, INTERN = 2, INTERN_SOFT = 3,
      UNINTERN = 4, MAPATOMS = 5, LOAD = 6, PROVIDE = 7, REQUIRE = 8, FEATUREP = 9,
      MAKE_SYMBOL = 10, GET_LOAD_SUFFIXES = 11, LOCATE_FILE_INTERNAL = 12, OBARRAY_MAKE = 13,
      EVAL_STRING = 14;

  public static final Symbol currentLoadList = Lisp.intern("current-load-list");
  public static final Symbol loadHistory = Lisp.intern("load-history");
  public static final Symbol afterLoadAlist = Lisp.intern("after-load-alist");
  public static final Symbol loadTrueFileName = Lisp.intern("load-true-file-name");
  public static final Symbol defaultDirectory = Lisp.intern("default-directory");

  @Override
  public void register() {
    defun(READ, "read", 0, 1);
    defun(READ_FROM_STRING, "read-from-string", 1, 3);
    defun(INTERN, "intern", 1, 2);
    defun(INTERN_SOFT, "intern-soft", 1, 2);
    defun(UNINTERN, "unintern", 1, 2);
    defun(MAPATOMS, "mapatoms", 1, 2);
    defun(LOAD, "load", 1, 5);
    defun(PROVIDE, "provide", 1, 2);
    defun(REQUIRE, "require", 1, 3);
    defun(FEATUREP, "featurep", 1, 2);
    defun(MAKE_SYMBOL, "make-symbol", 1, 1);
    defun(GET_LOAD_SUFFIXES, "get-load-suffixes", 0, 0);
    defun(LOCATE_FILE_INTERNAL, "locate-file-internal", 2, 4);
    defun(OBARRAY_MAKE, "obarray-make", 0, 1);
    defun(EVAL_STRING, "internal--eval-string", 1, 2);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case READ: return read(a[0]);
      case READ_FROM_STRING: {
        LString s = Lisp.checkString(a[0]);
        int len = s.length();
        int start = a[1] == NIL ? 0 : index(a[1], len, a);
        int end = a[2] == NIL ? len : index(a[2], len, a);
        if (start > end) throw Lisp.argsOutOfRange(a[0], a[1], a[2]);
        String text = s.str();
        Reader r = new Reader(text, s.offsetOf(start), s.offsetOf(end));
        Object o = r.read();
        return new Cons(o, (long) s.charIndexOf(r.pos));
      }
      case INTERN: return obarray(a[1]).intern(Lisp.checkString(a[0]).str());
      case INTERN_SOFT: {
        Obarray ob = obarray(a[1]);
        if (a[0] instanceof Symbol) {
          Symbol s = (Symbol) a[0];
          return ob.lookup(s.name()) == s ? s : NIL;
        }
        Symbol s = ob.lookup(Lisp.checkString(a[0]).str());
        return s == null ? NIL : s;
      }
      case UNINTERN: {
        Obarray ob = obarray(a[1]);
        Symbol s = a[0] instanceof Symbol ? (Symbol) a[0] : ob.lookup(Lisp.checkString(a[0]).str());
        if (s == null) return NIL;
        if (s.builtinIndex >= 0 && ob == Lisp.obarray) return NIL;
        return Lisp.bool(ob.remove(s));
      }
      case MAPATOMS:
        for (Symbol s : obarray(a[1]).symbols()) Eval.funcall(a[0], s);
        return NIL;
      case LOAD: return load(Lisp.checkString(a[0]).str(), a[1] != NIL, a[2] != NIL, a[3] != NIL);
      case PROVIDE: {
        Symbol f = Lisp.checkSymbol(a[0]);
        Object features = Eval.symbolValueOrNil(Q.features);
        if (!Lisp.memq(f, features)) Q.features.value = new Cons(f, features);
        if (a[1] != NIL) Data.put(f, Lisp.intern("subfeatures"), a[1]);
        runAfterLoad(f);
        return f;
      }
      case REQUIRE: return require(Lisp.checkSymbol(a[0]), a[1], a[2] != NIL);
      case FEATUREP: {
        Symbol f = Lisp.checkSymbol(a[0]);
        if (!Lisp.memq(f, Eval.symbolValueOrNil(Q.features))) return NIL;
        if (a[1] == NIL) return T;
        Object subs = Data.get(f, Lisp.intern("subfeatures"));
        for (Object o = subs; o instanceof Cons; o = ((Cons) o).cdr) {
          if (Lisp.equal(((Cons) o).car, a[1])) return T;
        }
        return NIL;
      }
      case MAKE_SYMBOL: return Symbol.uninterned(Lisp.checkString(a[0]).str());
      case GET_LOAD_SUFFIXES: return list(Lisp.str(".el"));
      case LOCATE_FILE_INTERNAL: {
        Path p = locate(Lisp.checkString(a[0]).str(), a[1], suffixes(a[2]));
        return p == null ? NIL : Lisp.str(p.toString());
      }
      case OBARRAY_MAKE: return new Obarray(a[0] instanceof Long ? (int) Math.min((Long) a[0], 1 << 20) : 64);
      case EVAL_STRING: return evalString(Lisp.checkString(a[0]).str(), a[1] != NIL);
      default: throw new IllegalStateException("lread " + id);
    }
  }

  private static int index(Object i, int len, Object[] a) {
    long v = Lisp.checkFixnum(i);
    if (v < 0) v += len;
    if (v < 0 || v > len) throw Lisp.argsOutOfRange(a[0], a[1], a[2]);
    return (int) v;
  }

  private static String[] suffixes(Object list) {
    if (list == NIL) return new String[] {""};
    Object[] items = Lisp.toArray(list);
    String[] out = new String[items.length];
    for (int i = 0; i < items.length; i++) out[i] = Lisp.checkString(items[i]).str();
    return out;
  }


  static Obarray obarray(Object o) {
    if (o == NIL) {
      Object v = Eval.symbolValueOrNil(Q.obarray);
      return v instanceof Obarray ? (Obarray) v : Lisp.obarray;
    }
    if (o instanceof Obarray) return (Obarray) o;
    throw Lisp.wrongType(Q.obarray, o);
  }

  /** read: from a string, a function, or stdin for t/nil in batch mode. */
  static Object read(Object stream) {
    if (stream == NIL) stream = Eval.symbolValueOrNil(Lisp.intern("standard-input"));
    if (stream instanceof LString) return new Reader(((LString) stream).str()).read();
    if (stream == T || stream == NIL) {
      String line = StdinLines.readLine();
      if (line == null) throw Lisp.error("Error reading from stdin");
      return new Reader(line).read();
    }
    if (Data.functionp(stream)) {
      // Pull characters from the function until a whole object has been read.
      StringBuilder sb = new StringBuilder();
      while (true) {
        Object c = Eval.funcall(stream);
        if (c == NIL) break;
        sb.appendCodePoint(Lisp.checkChar(c));
      }
      return new Reader(sb.toString()).read();
    }
    throw new LispSignal(Q.error, list(Lisp.str("Invalid read stream"), stream));
  }

  /** Lines of the process's standard input, for read and read-from-minibuffer in batch mode. */
  public static final class StdinLines {
    private static java.io.BufferedReader in;

    public static String readLine() {
      try {
        if (in == null) in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        return in.readLine();
      } catch (IOException e) {
        return null;
      }
    }
  }

  // ---- load ---------------------------------------------------------------------------------

  static Path locate(String file, Object path, String[] suffixes) {
    Path p = Fileio.javaPath(file);
    if (p.isAbsolute() || file.startsWith("~")) {
      String f = Fileio.expand(file, null);
      for (String suf : suffixes) {
        Path c = Fileio.javaPath(f + suf);
        if (Files.isRegularFile(c)) return c;
      }
      return null;
    }
    for (Object d = path; d instanceof Cons; d = ((Cons) d).cdr) {
      Object dir = ((Cons) d).car;
      String base = dir instanceof LString ? Fileio.expand(((LString) dir).str(), null) : Fileio.defaultDirectory();
      for (String suf : suffixes) {
        Path c = Fileio.javaPath(base).resolve(Fileio.javaPath(file + suf));
        if (Files.isRegularFile(c)) return c.normalize();
      }
    }
    return null;
  }

  public static Object load(String file, boolean noerror, boolean nomessage, boolean nosuffix) {
    String[] suffixes = nosuffix ? new String[] {""} : new String[] {".el", ""};
    Path p;
    if (file.contains("/") || Fileio.javaPath(file).isAbsolute()) {
      String expanded = Fileio.expand(file, null);
      p = locate(expanded, NIL, suffixes);
    } else {
      p = locate(file, Eval.symbolValueOrNil(Q.loadPath), suffixes);
    }
    if (p == null) {
      if (noerror) return NIL;
      throw new LispSignal(Lisp.intern("file-missing"),
          list(Lisp.str("Cannot open load file"), Lisp.str("No such file or directory"), Lisp.str(file)));
    }
    String name = p.toAbsolutePath().toString();
    boolean batch = Q.noninteractive.value != NIL;
    if (!nomessage && !batch) Print.message("Loading " + name + " (source)...");
    byte[] bytes;
    try {
      bytes = readAllBytes(p);
    } catch (IOException e) {
      throw new LispSignal(Q.fileError, list(Lisp.str("Opening input file"), Lisp.str(String.valueOf(e.getMessage())), Lisp.str(name)));
    }
    String text = sourceText(bytes);
    boolean record = LoadCache.wanted(name);
    String cacheKey = record || LoadCache.any() ? LoadCache.key(name, text) : null;
    Object kept = cacheKey == null ? null : LoadCache.take(cacheKey);
    java.util.List<Object> outer = LoadCache.start(record && kept == null);
    try {
      loadForms(text, name, kept);
    } catch (RuntimeException | Error e) {
      LoadCache.abandon(outer);
      throw e;
    }
    LoadCache.finish(cacheKey, outer);
    // The name less ".el", for after-load-alist; not by a regular expression, whose classes
    // (java.util.regex, 13 of them) a load would otherwise be the first to need.
    String fileName = p.getFileName().toString();
    String base = fileName.endsWith(".el") ? fileName.substring(0, fileName.length() - 3) : fileName;
    for (Object key : afterLoadKeys()) {
      if (key instanceof LString) {
        String k = ((LString) key).str();
        if (k.equals(base) || k.equals(name) || Fileio.expand(k, null).equals(name)) runAfterLoad(key);
      }
    }
    if (!nomessage && !batch) Print.message("Loading " + name + " (source)...done");
    return T;
  }

  /**
   * The text of Lisp source BYTES, decoded as Emacs decodes a file it loads (prefer-utf-8,
   * unless the file or coding-system-for-read says otherwise). A file decoded as bytes
   * (binary, raw-text) gives its bytes 128-255 as raw bytes.
   */
  static String sourceText(byte[] bytes) {
    LString text = Coding.readFile(bytes, "prefer-utf-8");
    return text.multibyte() ? text.str() : LString.bytesToRawBytes(text.str());
  }

  /**
   * The bytes of file P, read through a FileInputStream: Files.readAllBytes would load some 25
   * classes of NIO channels, a few ms of the first load of a run (nothing else uses them).
   */
  private static byte[] readAllBytes(Path p) throws IOException {
    try (java.io.FileInputStream in = new java.io.FileInputStream(p.toFile())) {
      return in.readAllBytes();
    }
  }

  private static java.util.List<Object> afterLoadKeys() {
    java.util.List<Object> keys = new java.util.ArrayList<>();
    for (Object o = Eval.symbolValueOrNil(afterLoadAlist); o instanceof Cons; o = ((Cons) o).cdr) {
      Object entry = ((Cons) o).car;
      if (entry instanceof Cons) keys.add(((Cons) entry).car);
    }
    return keys;
  }

  /**
   * Calls the functions after-load-alist holds for KEY (a feature, or a file name), as provide
   * and load do, and forgets them: each runs once.
   */
  private static void runAfterLoad(Object key) {
    for (Object o = Eval.symbolValueOrNil(afterLoadAlist); o instanceof Cons; o = ((Cons) o).cdr) {
      Object entry = ((Cons) o).car;
      if (entry instanceof Cons && Lisp.equal(((Cons) entry).car, key)) {
        Object fns = ((Cons) entry).cdr;
        ((Cons) entry).cdr = NIL;
        for (Object f = fns; f instanceof Cons; f = ((Cons) f).cdr) Eval.funcall(((Cons) f).car);
      }
    }
  }

  /** Evaluates every form of TEXT, as load does for a file named NAME. */
  public static void loadSource(String text, String name) {
    loadForms(text, name, null);
  }

  /**
   * Evaluates the forms of the file NAME whose text is TEXT: read from TEXT and expanded, or,
   * when EXPANDED is not null, the expanded forms a dump kept for it (LoadCache).
   */
  private static void loadForms(String text, String name, Object expanded) {
    int count = Specpdl.count();
    Object savedEnv = Eval.lexenv;
    try {
      boolean lexical = hasLexicalCookie(text);
      Specpdl.bind(Q.loadFileName, name == null ? NIL : Lisp.str(name));
      Specpdl.bind(loadTrueFileName, name == null ? NIL : Lisp.str(name));
      Specpdl.bind(Q.loadInProgress, T);
      Specpdl.bind(Q.lexicalBinding, Lisp.bool(lexical));
      Specpdl.bind(currentLoadList, NIL);
      Reader r = new Reader(text);
      if (text.startsWith("#!")) r.pos = Math.max(0, text.indexOf('\n'));
      // One environment for the whole file, as Emacs binds internal-interpreter-environment
      // once around its read-eval loop: a top-level (defvar x) makes x dynamic for the forms
      // that follow, not just its own.
      Object env = Q.lexicalBinding.value != NIL ? list(T) : NIL;
      for (Object o = expanded; o instanceof Cons; o = ((Cons) o).cdr) {
        Eval.lexenv = env;
        evalExpanded(((Cons) o).car);
        env = Eval.lexenv;
      }
      while (expanded == null && r.skipWhitespace()) {
        Object form = r.read();
        Eval.lexenv = env;
        evalTopLevel(form);
        env = Eval.lexenv;
      }
    } finally {
      Eval.lexenv = savedEnv;
      Specpdl.unbindTo(count);
    }
  }

  public static final Symbol macroexpandForLoad = Lisp.intern("internal-macroexpand-for-load");

  /**
   * Evaluates a top-level form of a file the way Emacs's load does: with every macro expanded
   * first (once the library defines internal-macroexpand-for-load), so a loop at top level does
   * not expand the same macro call on every iteration. A top-level progn is taken form by form,
   * so a macro defined by one subform is known when the next is expanded.
   */
  private static void evalTopLevel(Object form) {
    if (form instanceof Cons && ((Cons) form).car == Lisp.intern("progn")) {
      for (Object o = ((Cons) form).cdr; o instanceof Cons; o = ((Cons) o).cdr) evalTopLevel(((Cons) o).car);
      return;
    }
    if (macroexpandForLoad.fboundp()) form = Eval.funcall(macroexpandForLoad, form, T);
    evalExpanded(form);
  }

  /** Evaluates FORM, expanded, as load does a top-level form (and records it, LoadCache). */
  private static void evalExpanded(Object form) {
    LoadCache.record(form);
    // Each top-level form gets its own copy of the file's environment (at top level only
    // declarations, t and dynamic variable names, which no binding ever changes): closures
    // defined by different forms then share no cons, so the dumper can load each lazily.
    Eval.lexenv = Fns.copySequence(Eval.lexenv);
    Eval.eval(form);
  }

  /** Evaluates all forms of TEXT with lexical binding if LEXICAL, returning the last value. */
  static Object evalString(String text, boolean lexical) {
    Reader r = new Reader(text);
    Object v = NIL;
    while (r.skipWhitespace()) v = Eval.eval(r.read(), lexical ? list(T) : NIL);
    return v;
  }

  /** True when the first line sets lexical-binding: t in a -*- ... -*- cookie. */
  public static boolean hasLexicalCookie(String text) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    if (first.startsWith("#!")) {
      int nl2 = text.indexOf('\n', nl + 1);
      first = nl < 0 ? "" : text.substring(nl + 1, nl2 < 0 ? text.length() : nl2);
    }
    int a = first.indexOf("-*-");
    if (a < 0) return false;
    int b = first.indexOf("-*-", a + 3);
    if (b < 0) return false;
    String vars = first.substring(a + 3, b);
    for (String part : vars.split(";")) {
      String[] kv = part.split(":", 2);
      if (kv.length == 2 && kv[0].trim().equals("lexical-binding")) {
        return !kv[1].trim().equals("nil");
      }
    }
    return false;
  }

  private static Object require(Symbol feature, Object filename, boolean noerror) {
    if (Lisp.memq(feature, Eval.symbolValueOrNil(Q.features))) return feature;
    String file = filename == NIL ? feature.name() : Lisp.checkString(filename).str();
    Object r = load(file, noerror, true, false);
    if (r == NIL) return NIL;
    if (!Lisp.memq(feature, Eval.symbolValueOrNil(Q.features))) {
      if (noerror) return NIL;
      throw Lisp.error("Loading file " + file + " failed to provide feature `" + feature.name() + "'");
    }
    return feature;
  }
}
