package pdmacs.subr;

import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;

/**
 * backquote.el's expander in Java: {@code backquote--process}, which the ` macro calls. Every
 * macro definition carries backquotes, and a file loaded from source expands them all (eager
 * macroexpansion of each defmacro's body): interpreted, this was more than half of the Lisp
 * calls of loading ert.el. The expansion is form for form the Lisp version's (kept for the
 * tests as backquote-reference.el, with the same two corrections since: a ,@ one level in splices
 * into its unquote, and ,@ after a dot is data, as in GNU Emacs): runs of elements
 * become (list ...), ,@ splices become arguments of append (the last one shared, not copied),
 * a list with one run before a tail becomes nested (cons ...), vectors are built with vconcat,
 * and whatever turns out constant folds into a single quoted constant. Only the failure modes
 * differ: a circular list signals circular-list (the Lisp version looped until memory ran out),
 * and each level of nesting counts once against max-lisp-eval-depth.
 */
public final class Backquote extends SubrGroup {
  private static final int PROCESS = 0;

  private static final Symbol list = Lisp.intern("list"), cons = Lisp.intern("cons"),
      append = Lisp.intern("append"), vconcat = Lisp.intern("vconcat");

  @Override
  public void register() {
    defun(PROCESS, "backquote--process", 2, 2);
  }

  @Override
  public Object call(int id, Object[] a) {
    if (id == PROCESS) return process(a[0], depth(a[1]));
    throw new IllegalStateException("backquote " + id);
  }

  /** DEPTH as the Lisp version's (= depth 0) and (1- depth) took it: a number. */
  private static long depth(Object depth) {
    if (depth instanceof Long) return (Long) depth;
    throw Lisp.wrongType(Q.numberOrMarkerP, depth);
  }

  /** A form that builds the backquoted FORM; DEPTH counts the backquotes inside the outermost. */
  static Object process(Object form, long depth) {
    if (!(form instanceof Cons) && !(form instanceof LVector)) {
      return constantP(form) ? form : Lisp.list(Q.quote, form);
    }
    Eval.enterNested();
    try {
      if (form instanceof LVector) {
        Object elements = processList(Lisp.list(((LVector) form).items), depth);
        return constantP(elements) ? Lisp.list(Q.quote, form) : Lisp.list(vconcat, elements);
      }
      if (unquoteP(form, Q.comma) || unquoteP(form, Q.commaAt)) {
        Cons c = (Cons) form;
        if (depth == 0) return ((Cons) c.cdr).car;
        // One level in, the marker's argument is a list that a ,@ splices into: for x = (A B),
        // `(b ,,@x) gives (b (\, A B)), as in GNU Emacs.
        Object rest = processList(c.cdr, depth - 1);
        if (constantP(rest)) return Lisp.list(Q.quote, new Cons(c.car, constantValue(rest)));
        Object marker = Lisp.list(Q.quote, c.car);
        // (list 'MARKER X) rather than (cons 'MARKER (list X)), the commonest shape (,,x).
        if (rest instanceof Cons && ((Cons) rest).car == list) {
          return new Cons(list, new Cons(marker, ((Cons) rest).cdr));
        }
        return Lisp.list(cons, marker, rest);
      }
      if (unquoteP(form, Q.backquote)) {
        return rebuild(Q.backquote, process(((Cons) ((Cons) form).cdr).car, depth + 1));
      }
      return processList(form, depth);
    } finally {
      Eval.leaveNested();
    }
  }

  /** True when FORM, an expansion, is a quoted constant or a self-evaluating atom. */
  static boolean constantP(Object form) {
    if (form instanceof Cons) return ((Cons) form).car == Q.quote;
    if (!(form instanceof Symbol)) return true;
    Symbol s = (Symbol) form;
    return s == NIL || s == T || s.isKeyword();
  }

  /** The value of FORM, which satisfies constantP: (car (cdr FORM)) for a quote. */
  private static Object constantValue(Object form) {
    if (form instanceof Cons && ((Cons) form).car == Q.quote) return Lisp.car(Lisp.cdr(form));
    return form;
  }

  /** True when FORM is (MARKER X), as the reader makes ,X ,@X and `X. */
  private static boolean unquoteP(Object form, Symbol marker) {
    if (!(form instanceof Cons) || ((Cons) form).car != marker) return false;
    Object rest = ((Cons) form).cdr;
    return rest instanceof Cons && ((Cons) rest).cdr == NIL;
  }

  /** A form building (MARKER X), X being built by EXPANSION. */
  private static Object rebuild(Object marker, Object expansion) {
    if (constantP(expansion)) return Lisp.list(Q.quote, Lisp.list(marker, constantValue(expansion)));
    return Lisp.list(list, Lisp.list(Q.quote, marker), expansion);
  }

  /** A run of element forms to build with list, or one ,@ form to splice. */
  private static final class Segment {
    final boolean splice;
    /** The element forms of a run (a list), or the spliced form. */
    final Object forms;
    final Segment next;

    Segment(boolean splice, Object forms, Segment next) {
      this.splice = splice;
      this.forms = forms;
      this.next = next;
    }
  }

  /**
   * A form building the backquoted list FORM: its elements up to a dotted tail, or up to a tail
   * that is itself an unquote, as `(a . ,b) reads (a \, b).
   */
  private static Object processList(Object form, long depth) {
    Segment reversed = null;
    Cons items = null, lastItem = null;
    ListWalk w = new ListWalk(form);
    while (w.hasCons()) {
      Object element = w.car();
      Object rest = w.cons().cdr;
      // After a dot only , and ` are markers: (a . ,@b) reads (a \,@ b), which is data.
      if ((element == Q.comma || element == Q.backquote)
          && rest instanceof Cons && ((Cons) rest).cdr == NIL) {
        break;
      }
      if (depth == 0 && unquoteP(element, Q.commaAt)) {
        if (items != null) {
          reversed = new Segment(false, items, reversed);
          items = lastItem = null;
        }
        reversed = new Segment(true, ((Cons) ((Cons) element).cdr).car, reversed);
      } else {
        Cons c = new Cons(process(element, depth), NIL);
        if (items == null) items = c;
        else lastItem.cdr = c;
        lastItem = c;
      }
      w.next();
    }
    if (items != null) reversed = new Segment(false, items, reversed);
    Segment segments = null;
    for (Segment s = reversed; s != null; s = s.next) segments = new Segment(s.splice, s.forms, segments);
    return join(segments, w.tail != NIL ? process(w.tail, depth) : NIL);
  }

  /** A form appending SEGMENTS onto the form TAIL. */
  private static Object join(Segment segments, Object tail) {
    if (segments == null) return tail;
    if (segments.next == null && !segments.splice) {
      Object forms = segments.forms;
      if (allConstant(forms, tail)) {
        Object[] values = Fns.mapElements(forms);
        for (int i = 0; i < values.length; i++) values[i] = constantValue(values[i]);
        Object value = constantValue(tail);
        for (int i = values.length - 1; i >= 0; i--) value = new Cons(values[i], value);
        return Lisp.list(Q.quote, value);
      }
      if (tail == NIL) return new Cons(list, forms);
      Object result = tail;
      Object[] elements = Fns.mapElements(forms);
      for (int i = elements.length - 1; i >= 0; i--) result = Lisp.list(cons, elements[i], result);
      return result;
    }
    if (segments.next == null && tail == NIL) return segments.forms;
    Cons args = new Cons(append, NIL), last = args;
    for (Segment s = segments; s != null; s = s.next) {
      last.cdr = new Cons(s.splice ? s.forms : new Cons(list, s.forms), NIL);
      last = (Cons) last.cdr;
    }
    // A spliced last segment is shared, as in GNU Emacs; copying it needs a final nil.
    if (tail != NIL) last.cdr = new Cons(tail, NIL);
    return args;
  }

  /** True when TAIL and each of the element FORMS are constant. */
  private static boolean allConstant(Object forms, Object tail) {
    if (!constantP(tail)) return false;
    for (Object f = forms; f instanceof Cons; f = ((Cons) f).cdr) {
      if (!constantP(((Cons) f).car)) return false;
    }
    return true;
  }
}
