package pdmacs.subr;

import pdmacs.eval.Eval;
import pdmacs.eval.Specpdl;
import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * macroexp.el's walker in Java: macroexpand-all and the eager macroexpansion of load
 * (internal-macroexpand-for-load) walk every form of every file loaded, and in interpreted Lisp
 * the walk cost several ms per small file. The Lisp around it (macroexpand-all, the load hook,
 * macroexp-progn and the rest) stays in lisp/macroexp.el; these two subrs are its walk, form
 * for form what the Lisp version did: every walked list is new conses, quoted data and binding
 * names are left alone, mapcar's checks apply where it used mapcar, and
 * macroexpand-all-environment is bound to ENV around each form's expansion (macros such as
 * cl-macrolet's read it).
 */
public final class Macroexp extends SubrGroup {
  private static final int WALK = 0, WALK_FORMS = 1;

  private static final Symbol let = Lisp.intern("let"), letStar = Lisp.intern("let*"),
      cond = Lisp.intern("cond"), conditionCase = Lisp.intern("condition-case"),
      defvar = Lisp.intern("defvar"), defconst = Lisp.intern("defconst");

  @Override
  public void register() {
    defun(WALK, "macroexp--walk", 2, 2);
    defun(WALK_FORMS, "macroexp--walk-forms", 2, 2);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case WALK: return walk(a[0], a[1]);
      case WALK_FORMS: {
        Object walked = walkForms(a[0], a[1]);
        prewalked = walked;
        prewalkedEnv = a[1];
        return walked;
      }
      default: throw new IllegalStateException("macroexp " + id);
    }
  }

  /**
   * The list macroexp--walk-forms last returned from Lisp, and the environment it walked in.
   * defun and defmacro expand their body with it (byte-run--expand-forms), so that a function
   * defined by evaluating a defun runs expanded code; but under load or macroexpand-all the
   * walker then walks the defalias they expand to, and would walk that body a second time for
   * nothing: it finds no macro call and copies every list. walkForms takes a tail that is this
   * list, in the same environment, as it is, once; any other list is walked as before.
   */
  private static Object prewalked, prewalkedEnv;

  /** FORM with every macro call expanded where it is evaluated, in the macro environment ENV. */
  static Object walk(Object form, Object env) {
    // Each level counts against max-lisp-eval-depth, as the Lisp walker's calls did.
    Eval.enterNested();
    int count = Specpdl.count();
    try {
      Specpdl.bind(Q.macroexpandAllEnvironment, env);
      form = EvalFns.macroexpand(form, env, false);
      if (!(form instanceof Cons)) return form;
      Object head = ((Cons) form).car, args = ((Cons) form).cdr;
      if (head == Q.quote || head == Q.interactive) return form;
      if (head == Q.function) {
        if (carSafe(carSafe(args)) != Q.lambda) return form;
        return Lisp.list(Q.function, walkLambda(((Cons) args).car, env));
      }
      if (head == let || head == letStar) {
        if (!(args instanceof Cons)) return form;
        Object[] bindings = Fns.mapElements(((Cons) args).car);
        for (int i = 0; i < bindings.length; i++) {
          Object b = bindings[i];
          if (b instanceof Cons) bindings[i] = new Cons(((Cons) b).car, walkForms(((Cons) b).cdr, env));
        }
        return new Cons(head, new Cons(Lisp.list(bindings), walkForms(((Cons) args).cdr, env)));
      }
      if (head == cond) {
        Object[] clauses = Fns.mapElements(args);
        for (int i = 0; i < clauses.length; i++) clauses[i] = walkForms(clauses[i], env);
        return new Cons(cond, Lisp.list(clauses));
      }
      if (head == conditionCase) {
        if (!(cdrSafe(args) instanceof Cons)) return form;
        Cons rest = (Cons) ((Cons) args).cdr;
        Object body = walk(rest.car, env);
        Object[] handlers = Fns.mapElements(rest.cdr);
        for (int i = 0; i < handlers.length; i++) {
          Object h = handlers[i];
          if (h instanceof Cons) handlers[i] = new Cons(((Cons) h).car, walkForms(((Cons) h).cdr, env));
        }
        return new Cons(head, new Cons(((Cons) args).car, new Cons(body, Lisp.list(handlers))));
      }
      if (head == defvar || head == defconst) {
        if (!(args instanceof Cons)) return form;
        return new Cons(head, new Cons(((Cons) args).car, walkForms(((Cons) args).cdr, env)));
      }
      if (carSafe(head) == Q.lambda) return new Cons(walkLambda(head, env), walkForms(args, env));
      return new Cons(head, walkForms(args, env));
    } finally {
      Specpdl.unbindTo(count);
      Eval.leaveNested();
    }
  }

  /**
   * Every form of the list FORMS walked, into new conses, in order; a dotted tail is kept as it
   * is, and a circular list signals circular-list (the Lisp walker, recursing down the list,
   * also failed on lists longer than its nesting limit allowed: this one does not).
   */
  static Object walkForms(Object forms, Object env) {
    if (!(forms instanceof Cons)) return forms;
    if (isPrewalked(forms, env)) return forms;
    ListWalk w = new ListWalk(forms);
    Cons head = new Cons(walk(w.car(), env), NIL);
    Cons last = head;
    w.next();
    while (w.hasCons()) {
      if (isPrewalked(w.tail, env)) break;
      Cons c = new Cons(walk(w.car(), env), NIL);
      last.cdr = c;
      last = c;
      w.next();
    }
    last.cdr = w.tail;
    return head;
  }

  /** True, once, when TAIL is the list walked last from Lisp in the environment ENV. */
  private static boolean isPrewalked(Object tail, Object env) {
    if (tail != prewalked || env != prewalkedEnv) return false;
    prewalked = null;
    prewalkedEnv = null;
    return true;
  }

  private static Object carSafe(Object o) {
    return o instanceof Cons ? ((Cons) o).car : NIL;
  }

  private static Object cdrSafe(Object o) {
    return o instanceof Cons ? ((Cons) o).cdr : NIL;
  }

  /** The lambda expression FN with its body walked. */
  private static Object walkLambda(Object fn, Object env) {
    Object rest = cdrSafe(fn);
    if (!(rest instanceof Cons)) return fn;
    return new Cons(((Cons) fn).car, new Cons(((Cons) rest).car, walkForms(((Cons) rest).cdr, env)));
  }
}
