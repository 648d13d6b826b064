package pdmacs.lisp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The runtime's global state and the small helpers every part uses: nil and t, the obarray,
 * the tables of built-in symbols and subrs, list construction, and type checks that signal
 * {@code wrong-type-argument} exactly as Emacs does.
 *
 * <p>Like GNU Emacs, there is one Lisp world per process.
 */
public final class Lisp {
  private Lisp() {}

  /** Marks a void value cell. Never visible to Lisp. */
  public static final Object UNBOUND = new Object() {
    @Override
    public String toString() {
      return "#<unbound>";
    }
  };

  public static final Obarray obarray = new Obarray(4096);
  public static final Symbol NIL;
  public static final Symbol T;

  /** Symbols interned before any Lisp runs, in creation order: the dumper's symbol table. */
  public static final List<Symbol> builtinSymbols = new ArrayList<>(1024);
  /** Every subr, in registration order: the dumper's subr table. */
  public static final List<Subr> subrs = new ArrayList<>(512);
  /** True while the runtime creates its built-in symbols and subrs. */
  private static boolean initializing = true;

  public static final long MOST_POSITIVE_FIXNUM = (1L << 61) - 1;
  public static final long MOST_NEGATIVE_FIXNUM = -(1L << 61);

  static {
    NIL = new Symbol("nil", null);
    NIL.setFunction(NIL);
    NIL.plist = NIL;
    NIL.value = NIL;
    NIL.constant = true;
    NIL.special = true;
    obarray.add(NIL);
    registerBuiltin(NIL);
    T = new Symbol("t", NIL);
    T.value = T;
    T.constant = true;
    T.special = true;
    obarray.add(T);
    registerBuiltin(T);
  }

  private static void registerBuiltin(Symbol s) {
    s.builtinIndex = builtinSymbols.size();
    builtinSymbols.add(s);
  }

  public static Symbol intern(String name) {
    int before = obarray.size();
    Symbol s = obarray.intern(name);
    if (initializing && obarray.size() != before) registerBuiltin(s);
    return s;
  }

  public static void defsubr(Subr s) {
    s.index = subrs.size();
    subrs.add(s);
    intern(s.name).setFunction(s);
  }

  /** Ends the built-in phase: symbols interned from now on belong to the Lisp heap. */
  public static void endInitialization() {
    initializing = false;
  }

  public static boolean initializing() {
    return initializing;
  }

  // ---- Constructors -------------------------------------------------------------------------

  public static Cons cons(Object a, Object b) {
    return new Cons(a, b);
  }

  public static Object list(Object... xs) {
    Object r = NIL;
    for (int i = xs.length - 1; i >= 0; i--) r = new Cons(xs[i], r);
    return r;
  }

  public static Object listFrom(List<?> xs) {
    Object r = NIL;
    for (int i = xs.size() - 1; i >= 0; i--) r = new Cons(xs.get(i), r);
    return r;
  }

  public static Object bool(boolean b) {
    return b ? T : NIL;
  }

  public static LString str(String s) {
    return new LString(s);
  }

  /** An integer object for V: a fixnum (Long) when it fits, otherwise a bignum. */
  public static Object integer(long v) {
    if (v > MOST_POSITIVE_FIXNUM || v < MOST_NEGATIVE_FIXNUM) return BigInteger.valueOf(v);
    return v;
  }

  /** Normalises a BigInteger: fixnums are always Long, bignums always BigInteger. */
  public static Object integer(BigInteger v) {
    if (v.bitLength() <= 61) return v.longValue();
    return v;
  }

  // ---- Predicates ---------------------------------------------------------------------------

  public static boolean isNil(Object o) {
    return o == NIL;
  }

  public static boolean isList(Object o) {
    return o == NIL || o instanceof Cons;
  }

  public static boolean isInteger(Object o) {
    return o instanceof Long || o instanceof BigInteger;
  }

  public static boolean isNumber(Object o) {
    return o instanceof Long || o instanceof Double || o instanceof BigInteger;
  }

  public static boolean isSymbol(Object o) {
    return o instanceof Symbol;
  }

  public static boolean eq(Object a, Object b) {
    return a == b || (a instanceof Long && b instanceof Long && ((Long) a).longValue() == (Long) b);
  }

  public static boolean eql(Object a, Object b) {
    if (a == b) return true;
    if (a instanceof Long && b instanceof Long) return ((Long) a).longValue() == (Long) b;
    if (a instanceof Double && b instanceof Double) {
      return Double.doubleToRawLongBits((Double) a) == Double.doubleToRawLongBits((Double) b);
    }
    if (a instanceof BigInteger && b instanceof BigInteger) return a.equals(b);
    return false;
  }

  public static boolean equal(Object a, Object b) {
    return equal(a, b, 0, null);
  }

  /** Below this depth equal recurses freely; past it, it remembers the pairs it compares. */
  private static final int EQUAL_PLAIN_DEPTH = 10;

  /**
   * Past {@link #EQUAL_PLAIN_DEPTH}, SEEN maps each cons, vector or record of A's side to the objects of
   * B's side it is being compared with: meeting a pair again means the two structures cycle in
   * step, and the pair counts as equal (as in GNU Emacs, where two lists whose car points back
   * to themselves are equal). Deeper than 200 without such a cycle is an error, like Emacs.
   */
  private static boolean equal(Object a, Object b, int depth, IdentityHashMap<Object, List<Object>> seen) {
    if (depth > 200) throw error("Stack overflow in equal");
    if (depth > EQUAL_PLAIN_DEPTH && (a instanceof Cons || a instanceof LVector || a instanceof Record)) {
      if (seen == null) seen = new IdentityHashMap<>();
      List<Object> partners = seen.computeIfAbsent(a, k -> new ArrayList<>(1));
      for (Object p : partners) if (p == b) return true;
      partners.add(b);
    }
    while (true) {
      if (eql(a, b)) return true;
      if (a instanceof Cons && b instanceof Cons) {
        // Walk the cdr chain iteratively; a circular chain would loop forever, so count.
        Object ta = a, tb = b;
        long n = 0;
        Object slow = a;
        while (ta instanceof Cons && tb instanceof Cons) {
          Cons ca = (Cons) ta, cb = (Cons) tb;
          if (!equal(ca.car, cb.car, depth + 1, seen)) return false;
          ta = ca.cdr;
          tb = cb.cdr;
          if (ta == tb) return true;
          if ((++n & 1) == 0) {
            slow = ((Cons) slow).cdr;
            if (slow == ta) throw new LispSignal(Q.circularList, list(a));
          }
        }
        a = ta;
        b = tb;
        depth++;
        continue;
      }
      if (a instanceof LString && b instanceof LString) {
        LString x = (LString) a, y = (LString) b;
        // A raw byte of a unibyte string is not the character of the same code in a multibyte one.
        return x.str().equals(y.str()) && (x.multibyte() == y.multibyte() || LString.isAscii(x.str()));
      }
      if (a instanceof LVector && b instanceof LVector) {
        return equalSlots(((LVector) a).items, ((LVector) b).items, depth, seen);
      }
      if (a instanceof Record && b instanceof Record) {
        return equalSlots(((Record) a).slots, ((Record) b).slots, depth, seen);
      }
      if (a instanceof BoolVector && b instanceof BoolVector) {
        return ((BoolVector) a).sameBits((BoolVector) b);
      }
      return false;
    }
  }

  /** The elements of two vectors, or the slots of two records, are equal pairwise. */
  private static boolean equalSlots(Object[] x, Object[] y, int depth, IdentityHashMap<Object, List<Object>> seen) {
    if (x.length != y.length) return false;
    for (int i = 0; i < x.length; i++) if (!equal(x[i], y[i], depth + 1, seen)) return false;
    return true;
  }

  // ---- Lists --------------------------------------------------------------------------------

  public static Object car(Object o) {
    if (o instanceof Cons) return ((Cons) o).car;
    if (o == NIL) return NIL;
    throw wrongType(Q.listp, o);
  }

  public static Object cdr(Object o) {
    if (o instanceof Cons) return ((Cons) o).cdr;
    if (o == NIL) return NIL;
    throw wrongType(Q.listp, o);
  }

  /** Length of a proper list; signals wrong-type-argument listp on a dotted one. */
  public static int length(Object list) {
    int n = 0;
    Object slow = list;
    for (Object o = list; o != NIL; ) {
      if (!(o instanceof Cons)) throw wrongType(Q.listp, list);
      o = ((Cons) o).cdr;
      n++;
      if ((n & 1) == 0) {
        slow = ((Cons) slow).cdr;
        if (slow == o && o != NIL) throw new LispSignal(Q.circularList, list(list));
      }
    }
    return n;
  }

  /**
   * The number of conses in LIST's cdr chain, a dotted tail not counted; signals circular-list
   * when the chain cycles, so callers that spread a list (apply) cannot loop forever.
   */
  public static int consCount(Object list) {
    int n = 0;
    Object slow = list;
    for (Object o = list; o instanceof Cons; ) {
      o = ((Cons) o).cdr;
      n++;
      if ((n & 1) == 0) {
        slow = ((Cons) slow).cdr;
        if (slow == o && o instanceof Cons) throw new LispSignal(Q.circularList, list(list));
      }
    }
    return n;
  }

  /** True when X is an element of LIST (compared with ==, as memq compares symbols). */
  public static boolean memq(Object x, Object list) {
    for (Object o = list; o instanceof Cons; o = ((Cons) o).cdr) if (((Cons) o).car == x) return true;
    return false;
  }

  public static Object nreverse(Object list) {
    Object prev = NIL;
    while (list instanceof Cons) {
      Cons c = (Cons) list;
      Object next = c.cdr;
      c.cdr = prev;
      prev = c;
      list = next;
    }
    return prev;
  }

  public static Object[] toArray(Object list) {
    Object[] out = new Object[length(list)];
    int i = 0;
    for (Object o = list; o instanceof Cons; o = ((Cons) o).cdr) out[i++] = ((Cons) o).car;
    return out;
  }

  // ---- Type checks --------------------------------------------------------------------------

  public static LispSignal wrongType(Symbol predicate, Object value) {
    return new LispSignal(Q.wrongTypeArgument, list(predicate, value));
  }

  public static LispSignal error(String message) {
    return new LispSignal(Q.error, list(str(message)));
  }

  public static LispSignal argsOutOfRange(Object... xs) {
    return new LispSignal(Q.argsOutOfRange, list(xs));
  }

  public static Cons checkCons(Object o) {
    if (o instanceof Cons) return (Cons) o;
    throw wrongType(Q.consp, o);
  }

  public static Object checkList(Object o) {
    if (o == NIL || o instanceof Cons) return o;
    throw wrongType(Q.listp, o);
  }

  public static Symbol checkSymbol(Object o) {
    if (o instanceof Symbol) return (Symbol) o;
    throw wrongType(Q.symbolp, o);
  }

  public static LString checkString(Object o) {
    if (o instanceof LString) return (LString) o;
    throw wrongType(Q.stringp, o);
  }

  /** Any integer, fixnum or bignum. */
  public static Object checkInteger(Object o) {
    if (o instanceof Long || o instanceof BigInteger) return o;
    throw wrongType(Q.integerp, o);
  }

  /** A fixnum as a Java long (integerp is the predicate Emacs names here too). */
  public static long checkFixnum(Object o) {
    if (o instanceof Long) return (Long) o;
    throw wrongType(o instanceof BigInteger ? Q.fixnump : Q.integerp, o);
  }

  /** A fixnum that must fit a Java int (indexes, counts): large ones are out of range. */
  public static int checkInt(Object o) {
    long v = checkFixnum(o);
    if (v != (int) v) throw argsOutOfRange(o);
    return (int) v;
  }

  public static long checkNatnum(Object o) {
    if (o instanceof Long && (Long) o >= 0) return (Long) o;
    throw wrongType(Q.wholenump, o);
  }

  public static Object checkNumber(Object o) {
    if (o instanceof Long || o instanceof Double || o instanceof BigInteger) return o;
    throw wrongType(Q.numberOrMarkerP, o);
  }

  public static int checkChar(Object o) {
    if (o instanceof Long) {
      long v = (Long) o;
      if (v >= 0 && v <= 0x3FFFFF) return (int) v;
    }
    throw wrongType(Q.characterp, o);
  }

  public static LVector checkVector(Object o) {
    if (o instanceof LVector) return (LVector) o;
    throw wrongType(Q.vectorp, o);
  }

  public static HashTable checkHashTable(Object o) {
    if (o instanceof HashTable) return (HashTable) o;
    throw wrongType(Q.hashTableP, o);
  }

  public static BoolVector checkBoolVector(Object o) {
    if (o instanceof BoolVector) return (BoolVector) o;
    throw wrongType(Q.boolVectorP, o);
  }

  /** A string or symbol's name, as many string functions accept either. */
  public static String stringDesignator(Object o) {
    if (o instanceof LString) return ((LString) o).str();
    if (o instanceof Symbol) return ((Symbol) o).name();
    throw wrongType(Q.stringp, o);
  }
}
