package pdmacs.eval;

import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/** The special forms of eval.c: each receives its argument list unevaluated. */
public final class SpecialForms extends SubrGroup {
  private static final int QUOTE = 0, FUNCTION = 1, IF = 2, COND = 3, AND = 4, OR = 5,
      PROGN = 6, PROG1 = 7, PROG2 = 8, SETQ = 9, LET = 10, LETX = 11, WHILE = 12, DEFVAR = 13,
      DEFCONST = 14, UNWIND_PROTECT = 15, CONDITION_CASE = 16, CATCH = 17, INTERACTIVE = 18,
      SAVE_CURRENT_BUFFER = 19;

  @Override
  public void register() {
    defspecial(QUOTE, "quote", 1);
    defspecial(FUNCTION, "function", 1);
    defspecial(IF, "if", 2);
    defspecial(COND, "cond", 0);
    defspecial(AND, "and", 0);
    defspecial(OR, "or", 0);
    defspecial(PROGN, "progn", 0);
    defspecial(PROG1, "prog1", 1);
    defspecial(PROG2, "prog2", 2);
    defspecial(SETQ, "setq", 0);
    defspecial(LET, "let", 1);
    defspecial(LETX, "let*", 1);
    defspecial(WHILE, "while", 1);
    defspecial(DEFVAR, "defvar", 1);
    defspecial(DEFCONST, "defconst", 2);
    defspecial(UNWIND_PROTECT, "unwind-protect", 1);
    defspecial(CONDITION_CASE, "condition-case", 2);
    defspecial(CATCH, "catch", 1);
    defspecial(INTERACTIVE, "interactive", 0);
    defspecial(SAVE_CURRENT_BUFFER, "save-current-buffer", 0);
  }

  @Override
  public Object call(int id, Object[] a) {
    return dispatch(id, a[0]);
  }

  /**
   * Runs special form ID on its unevaluated argument list; the evaluator calls this directly.
   * Each case is a call but if's, the commonest, which is written out: one call fewer on
   * every if while the JIT has not compiled the evaluator yet (most of a short run).
   */
  static Object dispatch(int id, Object args) {
    switch (id) {
      case IF: {
        if (!(args instanceof Cons) || !(((Cons) args).cdr instanceof Cons)) throw ifArity(args);
        Cons c = (Cons) args;
        Cons rest = (Cons) c.cdr;
        if (Eval.eval(c.car) != NIL) return Eval.eval(rest.car);
        return Eval.progn(rest.cdr);
      }
      case QUOTE:
        checkArgCount(Q.quote, args, 1, 1);
        return ((Cons) args).car;
      case FUNCTION:
        checkArgCount(Q.function, args, 1, 1);
        return function(((Cons) args).car);
      case COND:
        return cond(args);
      case AND:
        return and(args);
      case OR:
        return or(args);
      case PROGN:
      case SAVE_CURRENT_BUFFER:
        return Eval.progn(args);
      case PROG1:
        return prog1(args);
      case PROG2:
        return prog2(args);
      case SETQ:
        return setq(args);
      case LET:
        return let(args);
      case LETX:
        return letStar(args);
      case WHILE:
        return whileForm(args);
      case DEFVAR:
        return defvar(args);
      case DEFCONST:
        return defconst(args);
      case UNWIND_PROTECT:
        return unwindProtect(args);
      case CONDITION_CASE:
        return conditionCase(args);
      case CATCH:
        return catchForm(args);
      case INTERACTIVE:
        return NIL;
      default:
        throw new IllegalStateException("special form " + id);
    }
  }

  private static Object and(Object args) {
    Object v = T;
    for (Object o = args; o instanceof Cons; o = ((Cons) o).cdr) {
      v = Eval.eval(((Cons) o).car);
      if (v == NIL) return NIL;
    }
    return v;
  }

  private static Object or(Object args) {
    for (Object o = args; o instanceof Cons; o = ((Cons) o).cdr) {
      Object v = Eval.eval(((Cons) o).car);
      if (v != NIL) return v;
    }
    return NIL;
  }

  private static Object prog1(Object args) {
    Object v = Eval.eval(Lisp.car(args));
    Eval.progn(Lisp.cdr(args));
    return v;
  }

  private static Object prog2(Object args) {
    Eval.eval(Lisp.car(args));
    Object v = Eval.eval(Lisp.car(Lisp.cdr(args)));
    Eval.progn(Lisp.cdr(Lisp.cdr(args)));
    return v;
  }

  private static Object whileForm(Object args) {
    Object test = Lisp.car(args), body = Lisp.cdr(args);
    while (Eval.eval(test) != NIL) {
      Eval.progn(body);
      Quit.check();
    }
    return NIL;
  }

  private static Object unwindProtect(Object args) {
    Object body = Lisp.car(args);
    try {
      return Eval.eval(body);
    } finally {
      Eval.progn(Lisp.cdr(args));
    }
  }

  private static void checkArgCount(Symbol form, Object args, int min, int max) {
    int n = 0;
    for (Object o = args; o instanceof Cons; o = ((Cons) o).cdr) n++;
    if (n < min || n > max) {
      throw new LispSignal(Q.wrongNumberOfArguments, list(form, (long) n));
    }
  }

  private static Object function(Object arg) {
    if (Eval.lexenv != NIL && arg instanceof Cons && ((Cons) arg).car == Q.lambda) {
      Cons lambda = (Cons) arg;
      if (!(lambda.cdr instanceof Cons)) throw new LispSignal(Q.invalidFunction, list(arg));
      return new Cons(Q.closure, new Cons(Eval.lexenv, lambda.cdr));
    }
    return arg;
  }

  /** The error of an if with fewer than two arguments. */
  private static LispSignal ifArity(Object args) {
    return new LispSignal(Q.wrongNumberOfArguments, list(Lisp.intern("if"), (long) lengthOf(args)));
  }

  private static int lengthOf(Object args) {
    int n = 0;
    for (Object o = args; o instanceof Cons; o = ((Cons) o).cdr) n++;
    return n;
  }

  private static Object cond(Object clauses) {
    for (Object o = clauses; o instanceof Cons; o = ((Cons) o).cdr) {
      Object clause = ((Cons) o).car;
      Object test = Lisp.car(clause);
      Object v = Eval.eval(test);
      if (v != NIL) {
        Object body = ((Cons) clause).cdr;
        return body == NIL ? v : Eval.progn(body);
      }
    }
    return NIL;
  }

  private static Object setq(Object args) {
    Object v = NIL;
    int n = 0;
    for (Object o = args; o instanceof Cons; ) {
      Cons c = (Cons) o;
      n++;
      if (!(c.cdr instanceof Cons)) {
        throw new LispSignal(Q.wrongNumberOfArguments, list(Lisp.intern("setq"), (long) (n)));
      }
      Cons valCell = (Cons) c.cdr;
      Symbol sym = Lisp.checkSymbol(c.car);
      v = Eval.eval(valCell.car);
      Eval.setq(sym, v);
      n++;
      o = valCell.cdr;
    }
    return v;
  }

  private static Object let(Object args) {
    Object bindings = Lisp.car(args);
    int count = Specpdl.count();
    int n = Lisp.length(bindings);
    Symbol[] syms = new Symbol[n];
    Object[] vals = new Object[n];
    int i = 0;
    for (Object o = bindings; o instanceof Cons; o = ((Cons) o).cdr, i++) {
      Object b = ((Cons) o).car;
      if (b instanceof Symbol) {
        syms[i] = (Symbol) b;
        vals[i] = NIL;
      } else {
        Cons bc = Lisp.checkCons(b);
        syms[i] = Lisp.checkSymbol(bc.car);
        Object rest = bc.cdr;
        if (rest instanceof Cons && ((Cons) rest).cdr != NIL) throw tooManyValueForms(bc);
        vals[i] = rest instanceof Cons ? Eval.eval(((Cons) rest).car) : NIL;
      }
    }
    Object saved = Eval.lexenv;
    Object env = saved;
    try {
      for (i = 0; i < n; i++) {
        if (Eval.bindsDynamically(syms[i])) Specpdl.bind(syms[i], vals[i]);
        else env = new Cons(new Cons(syms[i], vals[i]), env);
      }
      Eval.lexenv = env;
      return Eval.progn(((Cons) args).cdr);
    } finally {
      Eval.lexenv = saved;
      Specpdl.unbindTo(count);
    }
  }

  private static LispSignal tooManyValueForms(Cons binding) {
    return new LispSignal(Q.error,
        new Cons(Lisp.str("`let' bindings can have only one value-form"), binding));
  }

  private static Object letStar(Object args) {
    Object bindings = Lisp.car(args);
    int count = Specpdl.count();
    Object saved = Eval.lexenv;
    try {
      for (Object o = bindings; o != NIL; o = ((Cons) o).cdr) {
        if (!(o instanceof Cons)) throw Lisp.wrongType(Q.listp, bindings);
        Object b = ((Cons) o).car;
        Symbol sym;
        Object val;
        if (b instanceof Symbol) {
          sym = (Symbol) b;
          val = NIL;
        } else {
          Cons bc = Lisp.checkCons(b);
          sym = Lisp.checkSymbol(bc.car);
          Object rest = bc.cdr;
          if (rest instanceof Cons && ((Cons) rest).cdr != NIL) throw tooManyValueForms(bc);
          val = rest instanceof Cons ? Eval.eval(((Cons) rest).car) : NIL;
        }
        if (Eval.bindsDynamically(sym)) Specpdl.bind(sym, val);
        else Eval.lexenv = new Cons(new Cons(sym, val), Eval.lexenv);
      }
      return Eval.progn(((Cons) args).cdr);
    } finally {
      Eval.lexenv = saved;
      Specpdl.unbindTo(count);
    }
  }

  private static Object defvar(Object args) {
    Symbol sym = Lisp.checkSymbol(Lisp.car(args));
    Object tail = Lisp.cdr(args);
    if (tail == NIL) {
      // (defvar x): x is special in this lexical scope only.
      if (Eval.lexenv != NIL) Eval.lexenv = new Cons(sym, Eval.lexenv);
      return sym;
    }
    if (Lisp.cdr(tail) instanceof Cons && Lisp.cdr(Lisp.cdr(tail)) != NIL) {
      throw Lisp.error("Too many arguments");
    }
    sym.special = true;
    if (Specpdl.toplevelValue(sym) == Lisp.UNBOUND) Specpdl.setToplevelValue(sym, Eval.eval(Lisp.car(tail)));
    Object doc = Lisp.car(Lisp.cdr(tail));
    if (doc != NIL) pdmacs.subr.Data.put(sym, Lisp.intern("variable-documentation"), doc);
    return sym;
  }

  private static Object defconst(Object args) {
    Symbol sym = Lisp.checkSymbol(Lisp.car(args));
    Object tail = Lisp.cdr(args);
    if (Lisp.cdr(tail) instanceof Cons && Lisp.cdr(Lisp.cdr(tail)) != NIL) {
      throw Lisp.error("Too many arguments");
    }
    Object value = Eval.eval(Lisp.car(tail));
    sym.special = true;
    Specpdl.setToplevelValue(sym, value);
    pdmacs.subr.Data.put(sym, Lisp.intern("risky-local-variable"), T);
    Object doc = Lisp.car(Lisp.cdr(tail));
    if (doc != NIL) pdmacs.subr.Data.put(sym, Lisp.intern("variable-documentation"), doc);
    return sym;
  }

  private static Object conditionCase(Object args) {
    Object var = Lisp.car(args);
    Symbol varSym = Lisp.checkSymbol(var);
    Object bodyForm = Lisp.car(Lisp.cdr(args));
    Object handlers = Lisp.cdr(Lisp.cdr(args));
    Object success = null;
    for (Object h = handlers; h instanceof Cons; h = ((Cons) h).cdr) {
      Object handler = ((Cons) h).car;
      if (!(handler instanceof Cons || handler == NIL)) {
        throw Lisp.error("Invalid condition handler: " + pdmacs.print.Printer.prin1ToString(handler));
      }
      if (handler instanceof Cons && ((Cons) handler).car == Q.success) success = handler;
    }
    int count = Specpdl.count();
    Object savedEnv = Eval.lexenv;
    int depth = Eval.depth();
    Object value = NIL;
    LispSignal caught = null;
    try {
      value = Eval.eval(bodyForm);
    } catch (LispSignal sig) {
      caught = sig;
    } catch (StackOverflowError soe) {
      caught = Eval.nesting(depth);
    }
    if (caught == null) {
      // The :success handler runs outside the protection of the other handlers.
      return success == null ? value : runHandler(varSym, value, ((Cons) success).cdr);
    }
    Specpdl.unbindTo(count);
    Eval.lexenv = savedEnv;
    for (Object h = handlers; h instanceof Cons; h = ((Cons) h).cdr) {
      Object handler = ((Cons) h).car;
      if (!(handler instanceof Cons)) continue;
      Cons hc = (Cons) handler;
      if (hc.car == Q.success) continue;
      if (Eval.handles(hc.car, caught.symbol)) {
        return runHandler(varSym, new Cons(caught.symbol, caught.data), hc.cdr);
      }
    }
    throw caught;
  }

  private static Object runHandler(Symbol var, Object value, Object body) {
    if (var == NIL) return Eval.progn(body);
    int count = Specpdl.count();
    Object saved = Eval.lexenv;
    try {
      if (Eval.lexenv != NIL) Eval.lexenv = new Cons(new Cons(var, value), Eval.lexenv);
      else Specpdl.bind(var, value);
      return Eval.progn(body);
    } finally {
      Eval.lexenv = saved;
      Specpdl.unbindTo(count);
    }
  }

  private static Object catchForm(Object args) {
    Object tag = Eval.eval(Lisp.car(args));
    CatchTags.push(tag);
    int count = Specpdl.count();
    Object savedEnv = Eval.lexenv;
    try {
      return Eval.progn(Lisp.cdr(args));
    } catch (LispThrow t) {
      if (!Lisp.eq(t.tag, tag)) throw t;
      Specpdl.unbindTo(count);
      Eval.lexenv = savedEnv;
      return t.value;
    } finally {
      CatchTags.pop();
    }
  }
}
