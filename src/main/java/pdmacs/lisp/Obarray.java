package pdmacs.lisp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of interned symbols by name, kept in interning order so walks are deterministic.
 *
 * <p>Open addressing with linear probing over the symbols themselves, hashed by {@link
 * Symbol#nameHash}: a symbol loaded from a dump carries its name's hash from the dump and
 * decodes its name only when a lookup meets an equal hash, so interning a dump's thousands of
 * symbols at start-up decodes none of them. Deletion (unintern) shifts the following entries
 * back, so there are no tombstones.
 */
public final class Obarray {
  private Symbol[] slots;
  private int size;
  /** The symbols in interning order; unintern closes the gap (rare, and linear). */
  private Symbol[] order;

  public Obarray(int capacity) {
    int n = Math.max(16, capacity);
    slots = new Symbol[Integer.highestOneBit(n * 2 - 1) << 1];
    order = new Symbol[n];
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  public Symbol lookup(String name) {
    int h = name.hashCode();
    Symbol[] t = slots;
    int mask = t.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      Symbol s = t[i];
      if (s == null) return null;
      if (s.nameHash == h && s.name().equals(name)) return s;
    }
  }

  /** The interned symbol named as S is (S itself or another), or null. */
  private Symbol lookupSameName(Symbol s) {
    Symbol[] t = slots;
    int mask = t.length - 1;
    for (int i = spread(s.nameHash) & mask; ; i = (i + 1) & mask) {
      Symbol x = t[i];
      if (x == null) return null;
      if (x == s || (x.nameHash == s.nameHash && x.name().equals(s.name()))) return x;
    }
  }

  public Symbol intern(String name) {
    Symbol s = lookup(name);
    if (s == null) {
      s = new Symbol(name, Lisp.NIL);
      add(s);
    }
    return s;
  }

  /** Adds S, which must not be interned elsewhere under its name. */
  public void add(Symbol s) {
    markInterned(s);
    insert(s);
  }

  /** S is now interned here: keywords in the main obarray are constants whose value is themselves. */
  private void markInterned(Symbol s) {
    s.interned = true;
    if (this == Lisp.obarray && s.name().startsWith(":")) {
      s.value = s;
      s.constant = true;
      s.special = true;
    }
  }

  private void insert(Symbol s) {
    if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
    place(slots, s);
    if (size == order.length) order = Arrays.copyOf(order, size * 2);
    order[size++] = s;
  }

  private static void place(Symbol[] t, Symbol s) {
    int mask = t.length - 1;
    int i = spread(s.nameHash) & mask;
    while (t[i] != null) i = (i + 1) & mask;
    t[i] = s;
  }

  private void rehash(int capacity) {
    Symbol[] t = new Symbol[capacity];
    for (int i = 0; i < size; i++) place(t, order[i]);
    slots = t;
  }

  /**
   * Adds every symbol of SYMS, as they are (a dump's symbols carry their keyword state), unless
   * one's name is interned already or comes twice: then the obarray is left as it was and that
   * symbol is returned. Null on success.
   */
  public Symbol addAllNew(Symbol[] syms) {
    for (int i = 0; i < syms.length; i++) {
      if (lookupSameName(syms[i]) != null) {
        for (int j = i - 1; j >= 0; j--) remove(syms[j]);
        return syms[i];
      }
      insert(syms[i]);
    }
    for (Symbol s : syms) s.interned = true;
    return null;
  }

  public boolean remove(Symbol s) {
    Symbol[] t = slots;
    int mask = t.length - 1;
    int i = spread(s.nameHash) & mask;
    while (t[i] != s) {
      if (t[i] == null) return false;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole when their
    // home slot does not lie between the hole and them.
    for (int j = i; ; ) {
      j = (j + 1) & mask;
      Symbol x = t[j];
      if (x == null) break;
      int home = spread(x.nameHash) & mask;
      boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        t[i] = x;
        i = j;
      }
    }
    t[i] = null;
    // From the end: the symbols removed most often (undoing addAllNew) are the newest.
    for (int k = size - 1; k >= 0; k--) {
      if (order[k] == s) {
        System.arraycopy(order, k + 1, order, k, size - k - 1);
        order[--size] = null;
        break;
      }
    }
    s.interned = false;
    return true;
  }

  public int size() {
    return size;
  }

  /** A snapshot of the symbols in interning order. */
  public List<Symbol> symbols() {
    return new ArrayList<>(Arrays.asList(order).subList(0, size));
  }
}
