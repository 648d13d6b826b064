package pdmacs.eval;

import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.subr.Alloc;
import pdmacs.subr.Data;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/**
 * The interpreter: evaluation of forms, function calls, and the lexical environment.
 *
 * <p>As in GNU Emacs, the lexical environment is an alist of (SYMBOL . VALUE) cells, with bare
 * symbols marking variables made locally special by a value-less defvar; it is nil under dynamic
 * binding and (t) under lexical binding with no variables. Interpreted closures are the lists
 * {@code (closure ENV ARGS . BODY)}; dynamic lambdas stay {@code (lambda ARGS . BODY)}.
 */
public final class Eval {
  private Eval() {}

  /** The current lexical environment (internal-interpreter-environment). */
  public static Object lexenv = NIL;

  private static int depth;
  /** Cached value of max-lisp-eval-depth; refreshed when the variable changes via set. */
  private static int maxDepth = 1600;

  /** How kill-emacs leaves the process; the launcher and tests replace it. */
  public static java.util.function.IntConsumer exitHandler = new SystemExit();

  /** The default exit handler; a class rather than System::exit, which would spin a lambda. */
  private static final class SystemExit implements java.util.function.IntConsumer {
    @Override
    public void accept(int code) {
      System.exit(code);
    }
  }

  /**
   * Evaluates FORM. Kept under 35 bytes of bytecode so that C1, which compiles the evaluator
   * first, inlines it into every caller: a constant then costs no call and a variable only
   * {@link #symbolValue}'s, itself inlined for a dynamic variable. Until C2 has compiled the
   * evaluator, which takes most of a short run, the calls are what an interpreted program
   * spends its time on.
   */
  public static Object eval(Object form) {
    if (form instanceof Cons) return evalCall((Cons) form);
    if (form instanceof Symbol) return symbolValue((Symbol) form);
    return form;
  }

  private static void enter() {
    if (++depth > maxDepth) {
      int d = depth;
      depth--;
      // Like Emacs, give the handler some room to run.
      throw nesting(d);
    }
  }

  /**
   * For Java code that recurses on Lisp data as the evaluator does (the macroexp walker): one
   * level against max-lisp-eval-depth, given back by {@link #leaveNested}.
   */
  public static void enterNested() {
    enter();
  }

  public static void leaveNested() {
    depth--;
  }

  public static LispSignal nesting(int d) {
    return new LispSignal(Q.excessiveLispNesting, list((long) d));
  }

  /** Evaluates FORM with lexical environment ENV (nil: dynamic binding; (t): lexical). */
  public static Object eval(Object form, Object env) {
    Object saved = lexenv;
    lexenv = env;
    try {
      return eval(form);
    } finally {
      lexenv = saved;
    }
  }

  /**
   * The value of variable S: its innermost lexical binding if any, else its dynamic value.
   * The quick case, no lexical environment and a bound variable (constants included), is kept
   * small enough for C1 to inline, like {@link #eval}.
   */
  public static Object symbolValue(Symbol s) {
    Object v = s.value;
    return lexenv == NIL && v != Lisp.UNBOUND ? v : lexicalOrVoid(s);
  }

  /** {@link #symbolValue} in a lexical environment, or of a void variable. */
  private static Object lexicalOrVoid(Symbol s) {
    if (s.constant) return s.value;
    for (Object e = lexenv; e instanceof Cons; e = ((Cons) e).cdr) {
      Object b = ((Cons) e).car;
      if (b instanceof Cons && ((Cons) b).car == s) return ((Cons) b).cdr;
    }
    Object v = s.value;
    if (v == Lisp.UNBOUND) throw new LispSignal(Q.voidVariable, list(s));
    return v;
  }

  /** The dynamic value of S, or nil when it is void (for variables the runtime consults). */
  public static Object symbolValueOrNil(Symbol s) {
    Object v = s.value;
    return v == Lisp.UNBOUND ? NIL : v;
  }

  /**
   * Evaluates the call FORM, one level of max-lisp-eval-depth. The launchers keep C2 from
   * inlining it (see JVM_FLAGS in the Makefile): each caller of eval would otherwise carry the
   * whole call machinery.
   */
  private static Object evalCall(Cons form) {
    enter();
    try {
      Object head = form.car;
      Object fn = head;
      if (head instanceof Symbol) {
        fn = definitionOf((Symbol) head);
        if (fn == NIL) throw new LispSignal(Q.voidFunction, list(head));
      } else if (lexenv != NIL && head instanceof Cons && ((Cons) head).car == Q.lambda
          && ((Cons) head).cdr instanceof Cons) {
        // ((lambda ARGS . BODY) ...) closes over the lexical environment, as #'(lambda ...) does.
        fn = new Cons(Q.closure, new Cons(lexenv, ((Cons) head).cdr));
      }
      if (fn instanceof Subr) return evalSubrCall((Subr) fn, head, form.cdr);
      if (fn instanceof Cons) {
        Cons f = (Cons) fn;
        if (f.car == Q.lambda || f.car == Q.closure) {
          Object argForms = form.cdr;
          if (argForms instanceof Cons && ((Cons) argForms).cdr == NIL) {
            return funcallLambda1(f, eval(((Cons) argForms).car));
          }
          return funcallLambda(f, evalArgs(argForms));
        }
        if (f.car == Q.macro) {
          Object expansion = apply(f.cdr, form.cdr);
          return eval(expansion);
        }
        if (f.car == Q.autoload) {
          throw Lisp.error("Autoloading is not supported: " + head);
        }
      }
      throw new LispSignal(Q.invalidFunction, list(head));
    } finally {
      depth--;
    }
  }

  private static final Object[] NO_ARGS = new Object[0];

  /**
   * A call of a built-in, in Emacs's order: count the argument forms (a dotted list is a
   * wrong-type-argument), check the arity against the name the call was written with, and only
   * then evaluate them; a special form gets them unevaluated. The array has exactly maxArgs
   * slots for a fixed-arity subr, so missing optional arguments are filled in here, not copied.
   */
  private static Object evalSubrCall(Subr s, Object head, Object argForms) {
    // listLength and the arity check written out: two calls fewer on every call of a built-in,
    // which counts while the JIT has not compiled the evaluator (most of a short run).
    int n = 0;
    Object o = argForms;
    for (; o instanceof Cons; o = ((Cons) o).cdr) n++;
    if (o != NIL) throw Lisp.wrongType(Q.listp, o);
    if (n < s.minArgs || (s.maxArgs >= 0 && n > s.maxArgs)) throw wrongSubrArgCount(head, n);
    if (s.maxArgs == Subr.UNEVALLED) {
      // The evaluator's own forms (if, let, setq...) skip the argument array and the
      // megamorphic group call: they are half of all calls in interpreted code.
      if (s.group instanceof SpecialForms) return SpecialForms.dispatch(s.id, argForms);
      return s.group.call(s.id, new Object[] {argForms});
    }
    if ((n == 1 || n == 2) && s.group instanceof Data) return evalDataCall(s, (Cons) argForms, n);
    if (s.id == Alloc.CONS && s.group instanceof Alloc) return evalCons((Cons) argForms);
    Object[] args = n == 0 && s.maxArgs <= 0 ? NO_ARGS : new Object[Math.max(n, s.maxArgs)];
    int i = 0;
    // The instanceof guards against argument forms that mutate their own list.
    for (o = argForms; i < n && o instanceof Cons; o = ((Cons) o).cdr) args[i++] = eval(((Cons) o).car);
    for (; i < args.length; i++) args[i] = NIL;
    return s.group.call(s.id, args);
  }

  /**
   * A one- or two-argument call of a data.c subr (car, +, <, eq...): the arguments are
   * evaluated into locals and {@link Data#fastCall2} answers for the plain cases without an
   * argument array or a megamorphic call; otherwise the ordinary call runs.
   */
  private static Object evalDataCall(Subr s, Cons argForms, int n) {
    Object a = eval(argForms.car);
    if (n == 1) {
      Object r = Data.fastCall1(s.id, a);
      return r != null ? r : s.group.call(s.id, argumentArray(s, a, NIL, 1));
    }
    Object rest = argForms.cdr;
    // The list may have been shortened by evaluating the first argument: then nil, as above.
    Object b = rest instanceof Cons ? eval(((Cons) rest).car) : NIL;
    Object r = Data.fastCall2(s.id, a, b);
    return r != null ? r : s.group.call(s.id, argumentArray(s, a, b, 2));
  }

  /**
   * (cons A B), the commonest call of all: the cons is made here, without the argument array
   * and Alloc's switch of every constructor (which C1 compiled to 13 KB for the sake of cons).
   * The arity is checked already, so there are two argument forms.
   */
  private static Object evalCons(Cons argForms) {
    Object a = eval(argForms.car);
    Object rest = argForms.cdr;
    // The list may have been shortened by evaluating the first argument: then nil, as above.
    Object b = rest instanceof Cons ? eval(((Cons) rest).car) : NIL;
    return new Cons(a, b);
  }

  /** The argument array for N (1 or 2) evaluated arguments, padded with nil to maxArgs. */
  private static Object[] argumentArray(Subr s, Object a, Object b, int n) {
    Object[] args = new Object[Math.max(n, s.maxArgs)];
    args[0] = a;
    if (n == 2) args[1] = b;
    for (int i = n; i < args.length; i++) args[i] = NIL;
    return args;
  }

  private static Object[] evalArgs(Object argForms) {
    if (argForms == NIL) return NO_ARGS;
    int n = listLength(argForms);
    Object[] args = new Object[n];
    int i = 0;
    for (Object o = argForms; i < n && o instanceof Cons; o = ((Cons) o).cdr) args[i++] = eval(((Cons) o).car);
    for (; i < n; i++) args[i] = NIL;
    return args;
  }

  /** Length of a list of argument forms; a dotted tail is wrong-type-argument listp, as in Emacs. */
  private static int listLength(Object list) {
    int n = 0;
    Object o = list;
    for (; o instanceof Cons; o = ((Cons) o).cdr) n++;
    if (o != NIL) throw Lisp.wrongType(Q.listp, o);
    return n;
  }

  /** The wrong-number-of-arguments error for N arguments to a built-in called as CALLER. */
  private static LispSignal wrongSubrArgCount(Object caller, int n) {
    return new LispSignal(Q.wrongNumberOfArguments, list(caller, (long) n));
  }

  /**
   * The function SYM calls, following aliases. Like Emacs, a cycle of aliases is reported with
   * the symbol in SYM's function cell, where the search for a definition starts.
   */
  static Object definitionOf(Symbol sym) {
    Object f = sym.function();
    return f instanceof Symbol ? indirectFunction(f) : f;
  }

  /** Follows a chain of symbols through their function cells; nil when void. */
  public static Object indirectFunction(Object o) {
    Object f = o;
    int hops = 0;
    while (f instanceof Symbol && f != NIL) {
      f = ((Symbol) f).function();
      if (++hops > 100) throw new LispSignal(Q.cyclicFunctionIndirection, list(o));
    }
    return f;
  }

  public static Object funcall(Object fn, Object... args) {
    Quit.check();
    enter();
    try {
      return funcallInner(fn, args);
    } finally {
      depth--;
    }
  }

  private static Object funcallInner(Object orig, Object[] args) {
    Object fn = orig;
    if (fn instanceof Symbol) {
      fn = fn == NIL ? NIL : definitionOf((Symbol) fn);
      if (fn == NIL) throw new LispSignal(Q.voidFunction, list(orig));
    }
    if (fn instanceof Subr) {
      Subr s = (Subr) fn;
      if (s.maxArgs == Subr.UNEVALLED) throw new LispSignal(Q.invalidFunction, list(s));
      return callSubr(s, args);
    }
    if (fn instanceof Cons) {
      Cons f = (Cons) fn;
      if (f.car == Q.lambda || f.car == Q.closure) return funcallLambda(f, args);
    }
    throw new LispSignal(Q.invalidFunction, list(orig));
  }

  /** Applies FN to the elements of the list ARGS. */
  public static Object apply(Object fn, Object args) {
    return funcall(fn, Lisp.toArray(args));
  }

  public static Object callSubr(Subr s, Object[] args) {
    int n = args.length;
    if (n < s.minArgs || (s.maxArgs >= 0 && n > s.maxArgs)) {
      throw new LispSignal(Q.wrongNumberOfArguments, list(s, (long) n));
    }
    if (s.maxArgs > n) {
      Object[] full = new Object[s.maxArgs];
      System.arraycopy(args, 0, full, 0, n);
      for (int i = n; i < full.length; i++) full[i] = NIL;
      args = full;
    }
    return s.group.call(s.id, args);
  }

  /** Calls an interpreted function: (lambda ARGS . BODY) or (closure ENV ARGS . BODY). */
  public static Object funcallLambda(Cons fn, Object[] args) {
    Object env;
    Object rest;
    if (fn.car == Q.closure) {
      if (!(fn.cdr instanceof Cons)) throw new LispSignal(Q.invalidFunction, list(fn));
      Cons c = (Cons) fn.cdr;
      env = c.car;
      rest = c.cdr;
    } else {
      env = NIL;
      rest = fn.cdr;
    }
    if (!(rest instanceof Cons)) throw new LispSignal(Q.invalidFunction, list(fn));
    Object params = ((Cons) rest).car;
    Object body = ((Cons) rest).cdr;
    int count = Specpdl.count();
    Object saved = lexenv;
    try {
      lexenv = bindParams(fn, params, env, args);
      return progn(body);
    } finally {
      lexenv = saved;
      Specpdl.unbindTo(count);
    }
  }

  /**
   * Binds FN's parameters PARAMS to ARGS: dynamically, or for a closure's non-special ones in
   * front of ENV, which is returned. A signal here (a malformed list, a wrong count, a constant
   * as parameter) leaves the bindings made so far to the caller's unbinding.
   */
  private static Object bindParams(Cons fn, Object params, Object env, Object[] args) {
    boolean lexical = fn.car == Q.closure;
    Object newEnv = env;
    boolean optional = false, restArg = false;
    int i = 0;
    Object p = params;
    for (; p instanceof Cons; p = ((Cons) p).cdr) {
      Object v = ((Cons) p).car;
      if (!(v instanceof Symbol)) throw new LispSignal(Q.invalidFunction, list(fn));
      Symbol sym = (Symbol) v;
      if (sym == Q.andOptional) {
        optional = true;
        continue;
      }
      if (sym == Q.andRest) {
        restArg = true;
        continue;
      }
      Object value;
      if (restArg) {
        Object r = NIL;
        for (int j = args.length - 1; j >= i; j--) r = new Cons(args[j], r);
        value = r;
        i = args.length;
      } else if (i < args.length) {
        value = args[i++];
      } else if (optional) {
        value = NIL;
      } else {
        throw wrongArgCount(fn, args.length);
      }
      if (lexical && !sym.special) {
        newEnv = new Cons(new Cons(sym, value), newEnv);
      } else {
        Specpdl.bind(sym, value);
      }
      if (restArg) break;
    }
    if (p != NIL && !(p instanceof Cons) || restArg && !(p instanceof Cons)) {
      throw new LispSignal(Q.invalidFunction, list(fn));
    }
    if (i < args.length) throw wrongArgCount(fn, args.length);
    return newEnv;
  }

  /**
   * Calls FN on one argument, the commonest call of an interpreted function: when its parameter
   * list is one plain symbol, that is bound here without an argument array or the general
   * parameter walk; otherwise {@link #funcallLambda} does it, so errors cannot differ.
   */
  private static Object funcallLambda1(Cons fn, Object arg) {
    boolean lexical = fn.car == Q.closure;
    Object env = NIL;
    Object rest = fn.cdr;
    if (lexical && rest instanceof Cons) {
      env = ((Cons) rest).car;
      rest = ((Cons) rest).cdr;
    }
    Object params = rest instanceof Cons ? ((Cons) rest).car : null;
    Object p = params instanceof Cons && ((Cons) params).cdr == NIL ? ((Cons) params).car : null;
    if (!(p instanceof Symbol) || p == Q.andOptional || p == Q.andRest) {
      return funcallLambda(fn, new Object[] {arg});
    }
    Symbol sym = (Symbol) p;
    int count = Specpdl.count();
    if (lexical && !sym.special) env = new Cons(new Cons(sym, arg), env);
    else Specpdl.bind(sym, arg);
    Object saved = lexenv;
    lexenv = env;
    try {
      return progn(((Cons) rest).cdr);
    } finally {
      lexenv = saved;
      Specpdl.unbindTo(count);
    }
  }

  /**
   * The wrong-number-of-arguments error for an interpreted function. Emacs 28 reports a
   * closure by its cdr, (ENV ARGS . BODY), and a dynamic lambda whole; so does pdmacs.
   */
  private static LispSignal wrongArgCount(Cons fn, int n) {
    Object reported = fn.car == Q.closure ? fn.cdr : fn;
    return new LispSignal(Q.wrongNumberOfArguments, list(reported, (long) n));
  }

  public static Object progn(Object body) {
    Object v = NIL;
    while (body instanceof Cons) {
      Cons c = (Cons) body;
      v = eval(c.car);
      body = c.cdr;
    }
    return v;
  }

  /** Sets SYM's value: its innermost lexical binding if any, else its dynamic value. */
  public static void setq(Symbol sym, Object value) {
    if (lexenv != NIL) {
      for (Object e = lexenv; e instanceof Cons; e = ((Cons) e).cdr) {
        Object b = ((Cons) e).car;
        if (b instanceof Cons && ((Cons) b).car == sym) {
          ((Cons) b).cdr = value;
          return;
        }
      }
    }
    set(sym, value);
  }

  /** The set function: the dynamic (current) value, never a lexical binding. */
  public static void set(Symbol sym, Object value) {
    if (sym.constant) {
      if (sym.isKeyword() && value == sym) return;
      throw new LispSignal(Q.settingConstant, list(sym));
    }
    sym.value = value;
    if (sym == Q.maxLispEvalDepth) updateMaxDepth(value);
  }

  private static void updateMaxDepth(Object value) {
    if (value instanceof Long) maxDepth = (int) Math.max(100, Math.min((Long) value, 100_000));
  }

  /** True when a let of SYM must bind dynamically in the current environment. */
  static boolean bindsDynamically(Symbol sym) {
    if (lexenv == NIL || sym.special) return true;
    for (Object e = lexenv; e instanceof Cons; e = ((Cons) e).cdr) {
      if (((Cons) e).car == sym) return true;
    }
    return false;
  }

  public static int depth() {
    return depth;
  }

  /** Resets the evaluator after an error escaped to top level (the REPL carries on). */
  public static void resetToTopLevel() {
    depth = 0;
    lexenv = NIL;
    Specpdl.unbindTo(0);
    CatchTags.reset();
  }

  /** Whether a signal of SYM is caught by a handler whose condition spec is SPEC. */
  public static boolean handles(Object spec, Symbol errSym) {
    if (spec == T) return true;
    Object conditions = pdmacs.subr.Data.get(errSym, Q.errorConditions);
    if (spec instanceof Symbol) return Lisp.memq(spec, conditions);
    for (Object s = spec; s instanceof Cons; s = ((Cons) s).cdr) {
      Object c = ((Cons) s).car;
      if (c == T || Lisp.memq(c, conditions)) return true;
    }
    return false;
  }


  /** Throws to TAG; no-catch when no catch for TAG is active. */
  public static RuntimeException throwTo(Object tag, Object value) {
    // As in Emacs, no catch ever receives a throw to nil.
    if (tag == NIL || !CatchTags.active(tag)) throw new LispSignal(Q.noCatch, list(tag, value));
    return new LispThrow(tag, value);
  }
}
