package pdmacs.dump;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.print.FloatFormat;

/**
 * A canonical text of a Lisp object graph: every object reachable from a root, numbered in the
 * order a breadth-first walk meets it, with its contents written in terms of those numbers. Two
 * graphs have the same digest exactly when they are the same up to renaming, identity included
 * (sharing, cycles, uninterned symbols). The round-trip tests compare the digest of a heap
 * before it is dumped with the digest after it is loaded in a fresh process.
 */
public final class HeapDigest {
  private final IdentityHashMap<Object, Integer> numbers = new IdentityHashMap<>();
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private final StringBuilder out = new StringBuilder();

  private HeapDigest() {}

  /** The digest of everything reachable from ROOT. */
  public static String of(Object root) {
    HeapDigest d = new HeapDigest();
    d.out.append("root ").append(d.ref(root)).append('\n');
    d.drain();
    return d.out.toString();
  }

  private String ref(Object o) {
    if (o instanceof Long) return o.toString();
    if (o == Lisp.UNBOUND) return "<unbound>";
    if (o instanceof Subr) return "<subr " + ((Subr) o).name + ">";
    if (o == Lisp.obarray) return "<obarray>";
    if (o instanceof Symbol && ((Symbol) o).builtinIndex >= 0) return "<builtin " + ((Symbol) o).name() + ">";
    Integer n = numbers.get(o);
    if (n == null) {
      n = numbers.size();
      numbers.put(o, n);
      queue.add(o);
    }
    return "@" + n;
  }

  private void drain() {
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      out.append('@').append(numbers.get(o)).append(' ');
      if (o instanceof Cons) {
        out.append("cons ").append(ref(((Cons) o).car)).append(' ').append(ref(((Cons) o).cdr));
      } else if (o instanceof Symbol) {
        Symbol s = (Symbol) o;
        out.append("symbol ").append(s.name()).append(s.interned ? " interned" : " uninterned")
            .append(s.special ? " special" : "").append(s.constant ? " constant" : "")
            .append(" value=").append(ref(pdmacs.eval.Specpdl.toplevelValue(s)))
            .append(" function=").append(ref(s.function())).append(" plist=").append(ref(pdmacs.subr.Data.forcedPlist(s)));
      } else if (o instanceof LString) {
        LString s = (LString) o;
        out.append("string ").append(s.multibyte() ? "multibyte " : "unibyte ");
        String t = s.str();
        for (int i = 0; i < t.length(); ) {
          int c = t.codePointAt(i);
          i += Character.charCount(c);
          out.append(Integer.toHexString(c)).append(',');
        }
      } else if (o instanceof Double) {
        out.append("float ").append(FloatFormat.toLisp((Double) o));
      } else if (o instanceof BigInteger) {
        out.append("bignum ").append(o);
      } else if (o instanceof LVector) {
        out.append("vector");
        for (Object x : ((LVector) o).items) out.append(' ').append(ref(x));
      } else if (o instanceof BoolVector) {
        BoolVector bv = (BoolVector) o;
        out.append("bool-vector ").append(bv.size).append(' ');
        for (int i = 0; i < bv.size; i++) out.append(bv.get(i) ? '1' : '0');
      } else if (o instanceof HashTable) {
        HashTable h = (HashTable) o;
        out.append("hash-table test=").append(ref(h.test.name())).append(" size=").append(h.size())
            .append(" weakness=").append(ref(h.weakness));
        for (Object[] e : h.entries()) out.append(' ').append(ref(e[0])).append("=>").append(ref(e[1]));
      } else if (o instanceof Obarray) {
        out.append("obarray");
        for (Symbol s : ((Obarray) o).symbols()) out.append(' ').append(ref(s));
      } else if (o instanceof Record) {
        out.append("record");
        for (Object x : ((Record) o).slots) out.append(' ').append(ref(x));
      } else {
        out.append("other ").append(o.getClass().getName());
      }
      out.append('\n');
    }
  }
}
