package pdmacs.subr;

import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Symbol;
import pdmacs.lisp.SubrGroup;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/**
 * The bool-vector set operations of data.c. A binary operation stores into its optional third
 * argument when given, and then answers that vector only if its contents changed (nil
 * otherwise); without it, the result is a fresh vector. Operands of different lengths signal
 * wrong-length-argument with the lengths.
 */
public final class BoolVectors extends SubrGroup {
  private static final int EXCLUSIVE_OR = 0, UNION = 1, INTERSECTION = 2, SET_DIFFERENCE = 3,
      NOT = 4, SUBSETP = 5, COUNT_CONSECUTIVE = 6, COUNT_POPULATION = 7;

  private static final Symbol wrongLengthArgument = Lisp.intern("wrong-length-argument");

  @Override
  public void register() {
    defun(EXCLUSIVE_OR, "bool-vector-exclusive-or", 2, 3);
    defun(UNION, "bool-vector-union", 2, 3);
    defun(INTERSECTION, "bool-vector-intersection", 2, 3);
    defun(SET_DIFFERENCE, "bool-vector-set-difference", 2, 3);
    defun(NOT, "bool-vector-not", 1, 2);
    defun(SUBSETP, "bool-vector-subsetp", 2, 2);
    defun(COUNT_CONSECUTIVE, "bool-vector-count-consecutive", 3, 3);
    defun(COUNT_POPULATION, "bool-vector-count-population", 1, 1);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case EXCLUSIVE_OR:
      case UNION:
      case INTERSECTION:
      case SET_DIFFERENCE:
        return binary(id, a[0], a[1], a[2]);
      case NOT: return not(a[0], a[1]);
      case SUBSETP: return subsetp(a[0], a[1]);
      case COUNT_CONSECUTIVE: return countConsecutive(a[0], a[1], a[2]);
      case COUNT_POPULATION: return (long) Lisp.checkBoolVector(a[0]).count();
      default: throw new IllegalStateException("BoolVectors " + id);
    }
  }

  private static LispSignal wrongLength(Object... lengths) {
    return new LispSignal(wrongLengthArgument, list(lengths));
  }

  private static boolean combine(int op, boolean x, boolean y) {
    switch (op) {
      case EXCLUSIVE_OR: return x != y;
      case UNION: return x || y;
      case INTERSECTION: return x && y;
      default: return x && !y;
    }
  }

  private static Object binary(int op, Object a, Object b, Object dest) {
    BoolVector x = Lisp.checkBoolVector(a);
    BoolVector y = Lisp.checkBoolVector(b);
    int n = x.size;
    if (y.size != n) throw wrongLength((long) n, (long) y.size);
    if (dest == NIL) {
      BoolVector r = new BoolVector(n);
      for (int i = 0; i < n; i++) r.set(i, combine(op, x.get(i), y.get(i)));
      return r;
    }
    BoolVector d = Lisp.checkBoolVector(dest);
    if (d.size != n) throw wrongLength((long) n, (long) n, (long) d.size);
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      boolean v = combine(op, x.get(i), y.get(i));
      if (d.get(i) != v) {
        d.set(i, v);
        changed = true;
      }
    }
    return changed ? d : NIL;
  }

  private static Object not(Object a, Object dest) {
    BoolVector x = Lisp.checkBoolVector(a);
    BoolVector d = dest == NIL ? new BoolVector(x.size) : Lisp.checkBoolVector(dest);
    if (d.size != x.size) throw wrongLength((long) x.size, (long) d.size);
    for (int i = 0; i < x.size; i++) d.set(i, !x.get(i));
    return d;
  }

  private static Object subsetp(Object a, Object b) {
    BoolVector x = Lisp.checkBoolVector(a);
    BoolVector y = Lisp.checkBoolVector(b);
    if (x.size != y.size) throw wrongLength((long) x.size, (long) y.size, (long) y.size);
    for (int i = 0; i < x.size; i++) if (x.get(i) && !y.get(i)) return NIL;
    return T;
  }

  private static Object countConsecutive(Object a, Object b, Object start) {
    BoolVector x = Lisp.checkBoolVector(a);
    long from = Lisp.checkNatnum(start);
    if (from > x.size) throw Lisp.argsOutOfRange(a, start);
    boolean want = b != NIL;
    int i = (int) from;
    while (i < x.size && x.get(i) == want) i++;
    return (long) (i - from);
  }
}
