package pdmacs.subr;

import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/** The functions of eval.c: funcall, apply, eval, signal, throw, macroexpansion and hooks. */
public final class EvalFns extends SubrGroup {
  private static final int FUNCALL = 0, APPLY = 1, EVAL = 2, SIGNAL = 3, THROW = 4,
      MACROEXPAND = 5, MACROEXPAND_1 = 6, RUN_HOOKS = 7, RUN_HOOK_WITH_ARGS = 8,
      RUN_HOOK_UNTIL_SUCCESS = 9, RUN_HOOK_UNTIL_FAILURE = 10, AUTOLOAD = 11, COMMANDP = 12,
      CALLED_INTERACTIVELY_P = 13, FUNC_ARITY = 14, KILL_EMACS = 15, AUTOLOADP = 16,
      IDENTITY = 17, IGNORE = 18, MAX_DEPTH = 19, DEFVAR_1 = 20, DEFCONST_1 = 21,
      INTERNAL_DEFINE_UNINITIALIZED_VARIABLE = 22;

  public static final Symbol killEmacsHook = Lisp.intern("kill-emacs-hook");

  @Override
  public void register() {
    defun(FUNCALL, "funcall", 1, Subr.MANY);
    defun(APPLY, "apply", 1, Subr.MANY);
    defun(EVAL, "eval", 1, 2);
    defun(SIGNAL, "signal", 2, 2);
    defun(THROW, "throw", 2, 2);
    defun(MACROEXPAND, "macroexpand", 1, 2);
    defun(MACROEXPAND_1, "macroexpand-1", 1, 2);
    defun(RUN_HOOKS, "run-hooks", 0, Subr.MANY);
    defun(RUN_HOOK_WITH_ARGS, "run-hook-with-args", 1, Subr.MANY);
    defun(RUN_HOOK_UNTIL_SUCCESS, "run-hook-with-args-until-success", 1, Subr.MANY);
    defun(RUN_HOOK_UNTIL_FAILURE, "run-hook-with-args-until-failure", 1, Subr.MANY);
    defun(AUTOLOAD, "autoload", 2, 5);
    defun(COMMANDP, "commandp", 1, 2);
    defun(CALLED_INTERACTIVELY_P, "called-interactively-p", 0, 1);
    defun(FUNC_ARITY, "func-arity", 1, 1);
    defun(KILL_EMACS, "kill-emacs", 0, 2);
    defun(AUTOLOADP, "autoloadp", 1, 1);
    defun(IDENTITY, "identity", 1, 1);
    defun(IGNORE, "ignore", 0, Subr.MANY);
    defun(MAX_DEPTH, "internal--lisp-eval-depth", 0, 0);
    defun(DEFVAR_1, "defvar-1", 2, 3);
    defun(DEFCONST_1, "defconst-1", 2, 3);
    defun(INTERNAL_DEFINE_UNINITIALIZED_VARIABLE, "internal-define-uninitialized-variable", 1, 2);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case FUNCALL: {
        Object[] rest = new Object[a.length - 1];
        System.arraycopy(a, 1, rest, 0, rest.length);
        return Eval.funcall(a[0], rest);
      }
      case APPLY: return apply(a);
      case EVAL: {
        Object env = a[1];
        if (env != NIL && !(env instanceof Cons)) env = list(T);
        return Eval.eval(a[0], env);
      }
      case SIGNAL: {
        Object sym = a[0];
        Object data = a[1];
        if (sym == NIL && data instanceof Cons) {
          // (signal nil (ERROR-SYMBOL . DATA)) re-signals a caught error.
          sym = ((Cons) data).car;
          data = ((Cons) data).cdr;
        }
        if (!(sym instanceof Symbol)) throw Lisp.wrongType(Q.symbolp, sym);
        throw new LispSignal((Symbol) sym, data);
      }
      case THROW: throw Eval.throwTo(a[0], a[1]);
      case MACROEXPAND: return macroexpand(a[0], a[1], false);
      case MACROEXPAND_1: return macroexpand(a[0], a[1], true);
      case RUN_HOOKS:
        for (Object h : a) runHook(Lisp.checkSymbol(h), new Object[0], 0);
        return NIL;
      case RUN_HOOK_WITH_ARGS: return runHook(Lisp.checkSymbol(a[0]), rest(a), 0);
      case RUN_HOOK_UNTIL_SUCCESS: return runHook(Lisp.checkSymbol(a[0]), rest(a), 1);
      case RUN_HOOK_UNTIL_FAILURE: return runHook(Lisp.checkSymbol(a[0]), rest(a), 2);
      case AUTOLOAD: {
        Symbol f = Lisp.checkSymbol(a[0]);
        Lisp.checkString(a[1]);
        if (!f.fboundp()) f.setFunction(list(Q.autoload, a[1], a[2], a[3], a[4]));
        return NIL;
      }
      case COMMANDP: {
        Object f = Eval.indirectFunction(a[0]);
        if (f instanceof Cons) {
          Object body = ((Cons) f).car == Q.closure ? Lisp.cdr(Lisp.cdr(Lisp.cdr(f))) : Lisp.cdr(Lisp.cdr(f));
          for (Object b = body; b instanceof Cons; b = ((Cons) b).cdr) {
            Object form = ((Cons) b).car;
            if (form instanceof Cons && ((Cons) form).car == Q.interactive) return T;
            if (!(form instanceof LString)) break;
          }
        }
        return NIL;
      }
      case CALLED_INTERACTIVELY_P: return NIL;
      case FUNC_ARITY: return funcArity(a[0]);
      case KILL_EMACS: {
        Object hook = Eval.symbolValueOrNil(killEmacsHook);
        if (hook != NIL) runHook(killEmacsHook, new Object[0], 0);
        int code = 0;
        if (a[0] instanceof Long) code = (int) (long) (Long) a[0];
        else if (a[0] instanceof LString) {
          Print.stderr.print(((LString) a[0]).str());
        }
        Print.stdout.flush();
        Print.stderr.flush();
        Eval.exitHandler.accept(code & 0xff);
        return NIL;
      }
      case AUTOLOADP: return Lisp.bool(a[0] instanceof Cons && ((Cons) a[0]).car == Q.autoload);
      case IDENTITY: return a[0];
      case IGNORE: return NIL;
      case MAX_DEPTH: return (long) Eval.depth();
      case DEFVAR_1:
      case DEFCONST_1: {
        Symbol s = Lisp.checkSymbol(a[0]);
        s.special = true;
        if (id == DEFCONST_1 || s.value == Lisp.UNBOUND) Eval.set(s, a[1]);
        return s;
      }
      case INTERNAL_DEFINE_UNINITIALIZED_VARIABLE: Lisp.checkSymbol(a[0]).special = true; return NIL;
      default: throw new IllegalStateException("eval " + id);
    }
  }

  private static Object[] rest(Object[] a) {
    Object[] r = new Object[a.length - 1];
    System.arraycopy(a, 1, r, 0, r.length);
    return r;
  }

  private static Object apply(Object[] a) {
    if (a.length == 1) {
      // (apply '(F . ARGS))
      Object l = a[0];
      return Eval.apply(Lisp.car(l), Lisp.cdr(l));
    }
    return Eval.funcall(a[0], spread(a));
  }

  /**
   * The arguments apply passes: A's elements between the function and the last, then the
   * elements of the last, a list, in one walk that also finds a cycle (circular-list with the
   * list, as Emacs's list_length signals it) and a dotted tail (wrong-type-argument listp,
   * reported by the tail). One walk rather than a count then a copy: a long list is spread by a
   * call that runs once, in the JVM's interpreter, where each walk over it counts
   * ((apply #'concat PARTS) of 1e5 parts).
   */
  private static Object[] spread(Object[] a) {
    int fixed = a.length - 2;
    Object list = a[a.length - 1];
    Object[] args = new Object[fixed + 8];
    System.arraycopy(a, 1, args, 0, fixed);
    int i = fixed;
    ListWalk w = new ListWalk(list);
    while (w.hasCons()) {
      if (i == args.length) args = java.util.Arrays.copyOf(args, 2 * i);
      args[i++] = w.car();
      if (!w.advance()) throw new LispSignal(Q.circularList, list(list));
    }
    Object o = w.tail;
    // Like Emacs, a dotted last argument is reported by its final cdr.
    if (o != NIL) throw Lisp.wrongType(Q.listp, o);
    return i == args.length ? args : java.util.Arrays.copyOf(args, i);
  }

  /** Expands FORM while its head is a macro (once if ONCE), consulting ENVIRONMENT first. */
  public static Object macroexpand(Object form, Object environment, boolean once) {
    while (form instanceof Cons) {
      Object head = ((Cons) form).car;
      if (!(head instanceof Symbol)) return form;
      Object def = NIL;
      boolean found = false;
      for (Object e = environment; e instanceof Cons; e = ((Cons) e).cdr) {
        Object b = ((Cons) e).car;
        if (b instanceof Cons && ((Cons) b).car == head) {
          def = ((Cons) b).cdr;
          found = true;
          break;
        }
      }
      Object expansion;
      if (found) {
        if (def == NIL) return form;
        expansion = Eval.apply(def, ((Cons) form).cdr);
      } else {
        Object sym = head;
        Object f = ((Symbol) sym).function();
        while (f instanceof Symbol && f != NIL) {
          // Follow aliases, but stop at one shadowed by the environment.
          sym = f;
          f = ((Symbol) f).function();
        }
        if (!(f instanceof Cons) || ((Cons) f).car != Q.macro) return form;
        expansion = Eval.apply(((Cons) f).cdr, ((Cons) form).cdr);
      }
      if (expansion == form) return form;
      form = expansion;
      if (once) return form;
    }
    return form;
  }

  /** MODE 0: run all; 1: until a function returns non-nil; 2: until one returns nil. */
  public static Object runHook(Symbol hook, Object[] args, int mode) {
    Object value = hook.value == Lisp.UNBOUND ? NIL : hook.value;
    if (value == NIL) return mode == 2 ? T : NIL;
    if (!(value instanceof Cons) || ((Cons) value).car == Q.lambda || ((Cons) value).car == Q.closure) {
      return runOne(value, args, mode);
    }
    Object[] fns = Lisp.toArray(value);
    for (Object f : fns) {
      if (f == T) continue; // "run the global value": there are no buffer-local hooks here

      Object r = Eval.funcall(f, args);
      if (mode == 1 && r != NIL) return r;
      if (mode == 2 && r == NIL) return NIL;
    }
    return mode == 2 ? T : NIL;
  }

  private static Object runOne(Object f, Object[] args, int mode) {
    Object r = Eval.funcall(f, args);
    if (mode == 1) return r;
    if (mode == 2) return Lisp.bool(r != NIL);
    return NIL;
  }

  static Object funcArity(Object fn) {
    Object f = fn;
    if (f instanceof Symbol) {
      f = Eval.indirectFunction(f);
      if (f == NIL) throw new LispSignal(Q.voidFunction, list(fn));
    }
    if (f instanceof Cons && ((Cons) f).car == Q.macro) f = ((Cons) f).cdr;
    if (f instanceof Subr) {
      Subr s = (Subr) f;
      Object max = s.maxArgs == Subr.MANY ? Q.many : s.maxArgs == Subr.UNEVALLED ? Q.unevalled : (Object) (long) s.maxArgs;
      return new Cons((long) s.minArgs, max);
    }
    if (f instanceof Cons) {
      Cons c = (Cons) f;
      Object params;
      if (c.car == Q.lambda) params = Lisp.car(c.cdr);
      else if (c.car == Q.closure) params = Lisp.car(Lisp.cdr(c.cdr));
      else throw new LispSignal(Q.invalidFunction, list(fn));
      long min = 0, max = 0;
      boolean opt = false;
      for (Object p = params; p instanceof Cons; p = ((Cons) p).cdr) {
        Object v = ((Cons) p).car;
        if (v == Q.andRest) return new Cons(min, Q.many);
        if (v == Q.andOptional) {
          opt = true;
          continue;
        }
        if (!opt) min++;
        max++;
      }
      return new Cons(min, max);
    }
    throw new LispSignal(Q.invalidFunction, list(fn));
  }
}
