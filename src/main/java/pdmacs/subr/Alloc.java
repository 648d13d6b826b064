package pdmacs.subr;

import java.math.BigInteger;
import java.util.Arrays;
import pdmacs.lisp.BoolVector;
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
import static pdmacs.lisp.Lisp.list;

/**
 * alloc.c: the constructors of conses, lists, vectors, records, strings and bool-vectors, and the
 * garbage-collector entry points, which here defer to the JVM.
 */
public final class Alloc extends SubrGroup {
  /** The id of cons, which the evaluator runs itself (Eval.evalSubrCall). */
  public static final int CONS = 0;
  private static final int LIST = 1, MAKE_LIST = 2, MAKE_VECTOR = 3, VECTOR = 4,
      MAKE_STRING = 5, STRING = 6, MAKE_BOOL_VECTOR = 7, BOOL_VECTOR = 8, PURECOPY = 9,
      GARBAGE_COLLECT = 10, RECORD = 11, MAKE_RECORD = 12, UNIBYTE_STRING = 13;

  /** Emacs's sizes, in bytes, of the objects garbage-collect reports on. */
  private static final long SYMBOL_SIZE = 48, HEAP_UNIT = 1024;
  private static final Symbol symbols = Lisp.intern("symbols");
  private static final Symbol heap = Lisp.intern("heap");

  @Override
  public void register() {
    defun(CONS, "cons", 2, 2);
    defun(LIST, "list", 0, Subr.MANY);
    defun(MAKE_LIST, "make-list", 2, 2);
    defun(MAKE_VECTOR, "make-vector", 2, 2);
    defun(VECTOR, "vector", 0, Subr.MANY);
    defun(MAKE_STRING, "make-string", 2, 3);
    defun(STRING, "string", 0, Subr.MANY);
    defun(UNIBYTE_STRING, "unibyte-string", 0, Subr.MANY);
    defun(MAKE_BOOL_VECTOR, "make-bool-vector", 2, 2);
    defun(BOOL_VECTOR, "bool-vector", 0, Subr.MANY);
    defun(PURECOPY, "purecopy", 1, 1);
    defun(GARBAGE_COLLECT, "garbage-collect", 0, 0);
    defun(RECORD, "record", 1, Subr.MANY);
    defun(MAKE_RECORD, "make-record", 3, 3);
  }

  /**
   * Runs subr ID. A request too big for the Java heap becomes a Lisp error, as Emacs reports
   * memory it cannot get, rather than an OutOfMemoryError that would end the run.
   */
  @Override
  public Object call(int id, Object[] a) {
    try {
      return construct(id, a);
    } catch (OutOfMemoryError e) {
      throw memoryExhausted();
    }
  }

  private static LispSignal memoryExhausted() {
    return Lisp.error("Memory exhausted");
  }

  private static Object construct(int id, Object[] a) {
    switch (id) {
      case CONS: return Lisp.cons(a[0], a[1]);
      case LIST: return list(a);
      case MAKE_LIST: return makeList(a[0], a[1]);
      case MAKE_VECTOR: {
        Object[] items = new Object[checkLength(a[0])];
        Arrays.fill(items, a[1]);
        return new LVector(items);
      }
      case VECTOR: return new LVector(a.clone());
      case MAKE_STRING: return makeString(a[0], a[1], a[2] != NIL);
      case STRING: {
        LStringBuilder b = new LStringBuilder(a.length);
        for (Object c : a) {
          int ch = Lisp.checkChar(c);
          // Unlike concat, string makes a raw byte a multibyte string's character.
          if (LString.isRawByteCode(ch)) b.multibyte();
          b.appendChar(ch);
        }
        return b.build();
      }
      case UNIBYTE_STRING: {
        char[] bytes = new char[a.length];
        for (int i = 0; i < a.length; i++) {
          if (a[i] instanceof BigInteger) throw Lisp.argsOutOfRange(a[i], 0L, 255L);
          long b = Lisp.checkFixnum(a[i]);
          if (b < 0 || b > 255) throw Lisp.argsOutOfRange(a[i], 0L, 255L);
          bytes[i] = (char) b;
        }
        return new LString(new String(bytes), false);
      }
      case MAKE_BOOL_VECTOR: {
        BoolVector v = new BoolVector(checkLength(a[0]));
        if (a[1] != NIL) for (int i = 0; i < v.size; i++) v.set(i, true);
        return v;
      }
      case BOOL_VECTOR: {
        BoolVector v = new BoolVector(a.length);
        for (int i = 0; i < a.length; i++) v.set(i, a[i] != NIL);
        return v;
      }
      case RECORD:
        checkRecordSize(a.length);
        return new Record(a.clone());
      case MAKE_RECORD: return makeRecord(a[0], a[1], a[2]);
      case PURECOPY: return a[0]; // there is no pure space: every object is already shared
      case GARBAGE_COLLECT: return garbageCollect();
      default: throw new IllegalStateException("Alloc " + id);
    }
  }

  /**
   * A length argument: a natural fixnum (wholenump), and one a Java array can hold. A larger one
   * is memory Emacs could not allocate either, so it gets the same answer.
   */
  private static int checkLength(Object n) {
    if (!(n instanceof Long) || (Long) n < 0) throw Lisp.wrongType(Q.wholenump, n);
    long v = (Long) n;
    if (v > Integer.MAX_VALUE - 8) throw memoryExhausted();
    return (int) v;
  }

  /**
   * A record of TYPE and SLOT-COUNT more slots, each INIT. The count is checked as Emacs does:
   * a natural fixnum, then the total against Record.MAX_SLOTS.
   */
  private static Record makeRecord(Object type, Object slotCount, Object init) {
    long total = Lisp.checkNatnum(slotCount) + 1;
    checkRecordSize(total);
    Object[] slots = new Object[(int) total];
    Arrays.fill(slots, init);
    slots[0] = type;
    return new Record(slots);
  }

  /** Refuses a record of more than Record.MAX_SLOTS slots (the type slot included), as Emacs does. */
  public static void checkRecordSize(long total) {
    if (total > Record.MAX_SLOTS) {
      throw Lisp.error("Attempt to allocate a record of " + total + " slots; max is " + Record.MAX_SLOTS);
    }
  }

  private static Object makeList(Object length, Object init) {
    Object r = NIL;
    for (int i = checkLength(length); i > 0; i--) r = Lisp.cons(init, r);
    return r;
  }

  private static LString makeString(Object length, Object init, boolean multibyte) {
    int n = checkLength(length);
    int c = Lisp.checkChar(init);
    LStringBuilder b = new LStringBuilder(n);
    if (multibyte || LString.isRawByteCode(c)) b.multibyte();
    for (int i = 0; i < n; i++) b.appendChar(c);
    return b.build();
  }

  /**
   * Asks the JVM to collect, then reports what is known in the shape Emacs uses: (NAME SIZE
   * USED FREE) entries, here the symbols in the obarray and the Java heap in kilobytes.
   */
  private static Object garbageCollect() {
    System.gc();
    java.lang.Runtime rt = java.lang.Runtime.getRuntime();
    long total = rt.totalMemory() / HEAP_UNIT;
    long free = rt.freeMemory() / HEAP_UNIT;
    return list(
        list(symbols, SYMBOL_SIZE, (long) Lisp.obarray.size(), 0L),
        list(heap, HEAP_UNIT, total, free));
  }
}
