package pdmacs.subr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.zip.CRC32;
import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.LazyValue;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Record;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * Expanded forms kept in the dump for the libraries programs load again with {@code load}, as
 * GNU Emacs keeps their .elc: ERT's test runners start with {@code -l ert}, which reloads
 * ert.el although the dump has it, and reading it and expanding its macros again (its
 * cl-defstruct forms above all) was a quarter of a small test run's Lisp work.
 *
 * <p>While loadup loads a file named in {@code load--keep-expansions}, load records each
 * top-level form as it evaluates it, after eager macroexpansion, in a copy made before the
 * evaluation, as reading the form's printed text (with print-circle) would make it: conses,
 * vectors, strings and records new, shared within the form as they were, uninterned symbols
 * new ones of the same names, everything else as it is; a form holding anything else (a hash
 * table...) keeps its file out. The list goes under a key naming the file and its contents
 * (length and CRC-32 of its text, absolute name) on the property list of
 * {@code load--expansions}, in a record, which a dump builds only when asked for.
 *
 * <p>A later load of a file whose name and contents make the same key evaluates those forms
 * instead of reading and expanding the file; the file's bindings (load-file-name,
 * lexical-binding...), its environment from form to form and after-load functions are as for
 * any load. So, as with an .elc, the macros are those of when the dump was made, and
 * expansion-time side effects do not happen again; a changed file is read as usual. The
 * forms are built from the dump for that load and taken (see {@link #take}).
 */
public final class LoadCache {
  private LoadCache() {}

  static final Symbol keep = Lisp.intern("load--keep-expansions");
  static final Symbol expansions = Lisp.intern("load--expansions");
  private static final Symbol expansionType = Lisp.intern("load--expansion");

  /** The forms being recorded for the file load is reading, or null. */
  private static List<Object> recording;

  /**
   * The key of the file named NAME whose text (as decoded for reading) is TEXT: "LENGTH CRC-32
   * NAME", of the text's UTF-8 bytes, so that a file read with another coding system than the
   * dump's load used is read again.
   */
  static String key(String name, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    return bytes.length + " " + Long.toHexString(crc.getValue()) + " " + name;
  }

  /**
   * The kept forms for KEY, built from the dump now, or null. They are taken: a dump builds
   * them afresh in each process and nothing else reaches them, so the first load evaluates
   * them as they are, like forms it had just read; a second load of the file in the same
   * session, which would need another copy, reads it as usual.
   */
  static Object take(String key) {
    Cons cell = valueCell(key);
    if (cell == null) return null;
    Object v = LazyValue.forceCar(cell);
    if (!(v instanceof Record) || ((Record) v).slots.length != 2) return null;
    Object forms = ((Record) v).slots[1];
    ((Record) v).slots[1] = NIL;
    return forms == NIL ? null : forms;
  }

  /** The cons whose car is the value kept under KEY, or null; the value is left unbuilt. */
  private static Cons valueCell(String key) {
    for (Object o = expansions.plist; o instanceof Cons && ((Cons) o).cdr instanceof Cons;
        o = ((Cons) ((Cons) o).cdr).cdr) {
      Object k = ((Cons) o).car;
      if (k instanceof LString && ((LString) k).str().equals(key)) return (Cons) ((Cons) o).cdr;
    }
    return null;
  }

  /** True when load should record the forms of the file named NAME (a loadup file). */
  static boolean wanted(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    if (base.endsWith(".el")) base = base.substring(0, base.length() - 3);
    for (Object o = Eval.symbolValueOrNil(keep); o instanceof Cons; o = ((Cons) o).cdr) {
      Object f = ((Cons) o).car;
      if (f instanceof LString && ((LString) f).str().equals(base)) return true;
    }
    return false;
  }

  /** True when some file's forms are kept: a load must then compute its file's key. */
  static boolean any() {
    return expansions.plist != NIL;
  }

  /**
   * Starts recording the top-level forms of a load if RECORD, else stops any recording while
   * it runs (a file loaded by a file being recorded is not part of it); returns the recording
   * to restore after.
   */
  static List<Object> start(boolean record) {
    List<Object> outer = recording;
    recording = record ? new ArrayList<>() : null;
    return outer;
  }

  /** Records FORM, expanded and about to be evaluated, if a recording is on. */
  static void record(Object form) {
    if (recording == null) return;
    Object copy = copy(form);
    if (copy == null) recording = null;
    else recording.add(copy);
  }

  /**
   * Ends a load's recording, keeping its forms under KEY when it recorded and every form could
   * be copied, and restores OUTER, the recording start returned.
   */
  static void finish(String key, List<Object> outer) {
    List<Object> forms = recording;
    recording = outer;
    if (forms == null || key == null) return;
    Record kept = new Record(new Object[] {expansionType, Lisp.list(forms.toArray())});
    Cons cell = valueCell(key);
    if (cell != null) cell.car = kept;
    else Data.put(expansions, new LString(key), kept);
  }

  /** Ends a load's recording that an error cut short, keeping nothing; restores OUTER. */
  static void abandon(List<Object> outer) {
    recording = outer;
  }

  /**
   * A copy of FORM as reading its printed form (with print-circle) would make it, or null
   * when FORM holds an object that has no such copy here.
   */
  static Object copy(Object form) {
    try {
      return new Copier().copy(form);
    } catch (Uncopyable e) {
      return null;
    }
  }

  /** Thrown for an object the reader would not make afresh. */
  private static final class Uncopyable extends RuntimeException {
    Uncopyable() {
      super(null, null, false, false);
    }
  }

  /** One top-level form's copy: the map keeps its sharing (and cycles). */
  private static final class Copier {
    private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();

    Object copy(Object o) {
      if (o instanceof Cons) return copyList((Cons) o);
      if (o instanceof Symbol) {
        Symbol s = (Symbol) o;
        if (s.interned) return s;
        Object c = done.get(s);
        if (c == null) done.put(s, c = Symbol.uninterned(s.name()));
        return c;
      }
      if (o instanceof LString) {
        Object c = done.get(o);
        if (c == null) done.put(o, c = new LString(((LString) o).str(), ((LString) o).multibyte()));
        return c;
      }
      if (o instanceof LVector || o instanceof Record) {
        Object c = done.get(o);
        if (c != null) return c;
        boolean vector = o instanceof LVector;
        Object[] from = vector ? ((LVector) o).items : ((Record) o).slots;
        Object[] copied = new Object[from.length];
        // Filled before the elements are copied, so that an element referring back finds it.
        Arrays.fill(copied, NIL);
        done.put(o, c = vector ? new LVector(copied) : new Record(copied));
        for (int i = 0; i < from.length; i++) copied[i] = copy(from[i]);
        return c;
      }
      if (o instanceof Long || o instanceof Double || o instanceof java.math.BigInteger
          || o instanceof pdmacs.lisp.Subr) {
        return o;
      }
      throw new Uncopyable();
    }

    /** A list copied along its cdrs without recursion; its cars are copied recursively. */
    private Object copyList(Cons list) {
      Object c = done.get(list);
      if (c != null) return c;
      Cons head = new Cons(NIL, NIL);
      done.put(list, head);
      Cons last = head;
      Object o = list;
      while (true) {
        Cons from = (Cons) o;
        last.car = copy(from.car);
        Object next = from.cdr;
        if (!(next instanceof Cons)) {
          last.cdr = copy(next);
          return head;
        }
        Object seen = done.get(next);
        if (seen != null) {
          last.cdr = seen;
          return head;
        }
        Cons c2 = new Cons(NIL, NIL);
        done.put(next, c2);
        last.cdr = c2;
        last = c2;
        o = next;
      }
    }
  }
}
