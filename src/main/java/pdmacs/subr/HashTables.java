package pdmacs.subr;

import java.math.BigInteger;
import pdmacs.eval.Eval;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/** Hash tables (the hash table part of fns.c) and the sxhash family. */
public final class HashTables extends SubrGroup {
  private static final int MAKE = 0, GETHASH = 1, PUTHASH = 2, REMHASH = 3, CLRHASH = 4,
      MAPHASH = 5, COUNT = 6, TEST = 7, SIZE = 8, WEAKNESS = 9, REHASH_SIZE = 10,
      REHASH_THRESHOLD = 11, COPY = 12, SXHASH_EQ = 13, SXHASH_EQL = 14, SXHASH_EQUAL = 15,
      DEFINE_TEST = 16;

  @Override
  public void register() {
    defun(MAKE, "make-hash-table", 0, Subr.MANY);
    defun(GETHASH, "gethash", 2, 3);
    defun(PUTHASH, "puthash", 3, 3);
    defun(REMHASH, "remhash", 2, 2);
    defun(CLRHASH, "clrhash", 1, 1);
    defun(MAPHASH, "maphash", 2, 2);
    defun(COUNT, "hash-table-count", 1, 1);
    defun(TEST, "hash-table-test", 1, 1);
    defun(SIZE, "hash-table-size", 1, 1);
    defun(WEAKNESS, "hash-table-weakness", 1, 1);
    defun(REHASH_SIZE, "hash-table-rehash-size", 1, 1);
    defun(REHASH_THRESHOLD, "hash-table-rehash-threshold", 1, 1);
    defun(COPY, "copy-hash-table", 1, 1);
    defun(SXHASH_EQ, "sxhash-eq", 1, 1);
    defun(SXHASH_EQL, "sxhash-eql", 1, 1);
    defun(SXHASH_EQUAL, "sxhash-equal", 1, 1);
    Lisp.intern("sxhash").setFunction(Lisp.intern("sxhash-equal"));
    defun(DEFINE_TEST, "define-hash-table-test", 3, 3);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case MAKE: return makeFromArgs(a);
      case GETHASH: return Lisp.checkHashTable(a[1]).get(a[0], a[2]);
      case PUTHASH: Lisp.checkHashTable(a[2]).put(a[0], a[1]); return a[1];
      case REMHASH: Lisp.checkHashTable(a[1]).remove(a[0]); return NIL;
      case CLRHASH: Lisp.checkHashTable(a[0]).clear(); return a[0];
      case MAPHASH: {
        HashTable h = Lisp.checkHashTable(a[1]);
        for (Object[] e : h.entries()) {
          if (h.containsKey(e[0])) Eval.funcall(a[0], e[0], h.get(e[0], NIL));
        }
        return NIL;
      }
      case COUNT: return (long) Lisp.checkHashTable(a[0]).count();
      case TEST: return Lisp.checkHashTable(a[0]).test.name();
      case SIZE: return (long) Lisp.checkHashTable(a[0]).size();
      case WEAKNESS: return Lisp.checkHashTable(a[0]).weakness;
      case REHASH_SIZE: return Lisp.checkHashTable(a[0]).rehashSize;
      case REHASH_THRESHOLD: return Lisp.checkHashTable(a[0]).rehashThreshold;
      case COPY: return Lisp.checkHashTable(a[0]).copy();
      case SXHASH_EQ: return (long) EQ.hash(a[0]);
      case SXHASH_EQL: return (long) EQL.hash(a[0]);
      case SXHASH_EQUAL: return (long) sxhashEqual(a[0], 0);
      case DEFINE_TEST: {
        Symbol name = Lisp.checkSymbol(a[0]);
        Data.put(name, Lisp.intern("hash-table-test"), list(a[1], a[2]));
        return Data.get(name, Lisp.intern("hash-table-test"));
      }
      default: throw new IllegalStateException("hash " + id);
    }
  }

  public static final HashTable.Test EQ = new HashTable.Test() {
    public Symbol name() {
      return Q.eq;
    }

    public boolean same(Object a, Object b) {
      return Lisp.eq(a, b);
    }

    public int hash(Object o) {
      return o instanceof Long ? Long.hashCode((Long) o) : System.identityHashCode(o);
    }
  };

  public static final HashTable.Test EQL = new HashTable.Test() {
    public Symbol name() {
      return Q.eql;
    }

    public boolean same(Object a, Object b) {
      return Lisp.eql(a, b);
    }

    public int hash(Object o) {
      if (o instanceof Long || o instanceof BigInteger) return o.hashCode();
      if (o instanceof Double) return Long.hashCode(Double.doubleToRawLongBits((Double) o));
      return System.identityHashCode(o);
    }
  };

  public static final HashTable.Test EQUAL = new HashTable.Test() {
    public Symbol name() {
      return Q.equal;
    }

    public boolean same(Object a, Object b) {
      return Lisp.equal(a, b);
    }

    public int hash(Object o) {
      return sxhashEqual(o, 0);
    }
  };

  /** A test defined with define-hash-table-test: Lisp functions for equality and hashing. */
  private static final class UserTest implements HashTable.Test {
    final Symbol name;
    final Object eqFn;
    final Object hashFn;

    UserTest(Symbol name, Object eqFn, Object hashFn) {
      this.name = name;
      this.eqFn = eqFn;
      this.hashFn = hashFn;
    }

    public Symbol name() {
      return name;
    }

    public boolean same(Object a, Object b) {
      return Eval.funcall(eqFn, a, b) != NIL;
    }

    public int hash(Object o) {
      Object h = Eval.funcall(hashFn, o);
      if (h instanceof Long) return Long.hashCode((Long) h);
      return sxhashEqual(h, 0);
    }
  }

  /** The test named NAME (a symbol), or an invalid-argument error. */
  public static HashTable.Test testNamed(Object name) {
    if (name == Q.eql || name == NIL) return EQL;
    if (name == Q.eq) return EQ;
    if (name == Q.equal) return EQUAL;
    if (name instanceof Symbol) {
      Object def = Data.get((Symbol) name, Lisp.intern("hash-table-test"));
      if (def instanceof Cons) return new UserTest((Symbol) name, Lisp.car(def), Lisp.car(Lisp.cdr(def)));
    }
    throw new LispSignal(Q.error, list(Lisp.str("Invalid hash table test"), name));
  }

  public static HashTable make(Object test, int size, Object weak, Object rehashSize, Object rehashThreshold) {
    return new HashTable(testNamed(test), size, weak, rehashSize, rehashThreshold);
  }

  private static Object makeFromArgs(Object[] a) {
    Object test = Q.eql, weak = NIL;
    Object rehashSize = 1.5, rehashThreshold = 0.8125;
    int size = 65;
    for (int i = 0; i < a.length; i++) {
      Object key = a[i];
      if (key == Q.kPurecopy) {
        i++;
        continue;
      }
      if (i + 1 >= a.length) throw new LispSignal(Q.error, list(Lisp.str("Invalid argument list"), key));
      Object v = a[++i];
      if (key == Q.kTest) test = v;
      else if (key == Q.kSize) {
        if (v == NIL) size = 65;
        else if (v instanceof Long && (Long) v >= 0) size = (int) Math.min((Long) v, 1 << 26);
        else throw new LispSignal(Q.error, list(Lisp.str("Invalid hash table size"), v));
      } else if (key == Q.kWeakness) {
        if (v == T) v = Lisp.intern("key-and-value");
        if (!isWeakness(v)) throw new LispSignal(Q.error, list(Lisp.str("Invalid hash table weakness"), v));
        weak = v;
      } else if (key == Q.kRehashSize) rehashSize = v;
      else if (key == Q.kRehashThreshold) rehashThreshold = v;
      else throw new LispSignal(Q.error, list(Lisp.str("Invalid argument list"), key));
    }
    return make(test, size, weak, rehashSize, rehashThreshold);
  }

  private static boolean isWeakness(Object v) {
    if (v == NIL) return true;
    if (!(v instanceof Symbol)) return false;
    String n = ((Symbol) v).name();
    return n.equals("key") || n.equals("value") || n.equals("key-or-value") || n.equals("key-and-value");
  }

  private static final int RECORD_SEED = 0x5EC0;

  /** The hash of an array's length and its first few elements. */
  private static int sxhashSlots(Object[] items, int seed, int depth) {
    int h = seed * 31 + items.length;
    for (int i = 0; i < Math.min(items.length, 7); i++) h = h * 31 + sxhashEqual(items[i], depth + 1);
    return h;
  }

  /** sxhash-equal: structural, bounded in depth and length like Emacs's. */
  public static int sxhashEqual(Object o, int depth) {
    if (depth > 3) return 0;
    if (o instanceof Long || o instanceof BigInteger) return o.hashCode();
    if (o instanceof Double) return Long.hashCode(Double.doubleToRawLongBits((Double) o));
    if (o instanceof LString) return ((LString) o).str().hashCode();
    if (o instanceof Cons) {
      int h = 0, n = 0;
      Object p = o;
      for (; p instanceof Cons && n < 7; p = ((Cons) p).cdr, n++) {
        h = h * 31 + sxhashEqual(((Cons) p).car, depth + 1);
      }
      if (p != NIL && !(p instanceof Cons)) h = h * 31 + sxhashEqual(p, depth + 1);
      return h;
    }
    if (o instanceof LVector) return sxhashSlots(((LVector) o).items, 0, depth);
    // Seeded apart from vectors: a record is never equal to a vector of the same elements.
    if (o instanceof Record) return sxhashSlots(((Record) o).slots, RECORD_SEED, depth);
    if (o instanceof BoolVector) return java.util.Arrays.hashCode(((BoolVector) o).bytes());
    return System.identityHashCode(o);
  }
}
