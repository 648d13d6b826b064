package pdmacs.lisp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of interned symbols by name, kept in interning order so walks are deterministic.
 *
 * <p>Open addressing with linear probing over the symbols themselves, hashed by {@link
 * Symbol#nameHash}: a symbol loaded from a dump carries its name's hash from the dump and
 * decodes its name only when a lookup meets an equal hash. Deletion (unintern) shifts the
 * following entries back, so there are no tombstones.
 *
 * <p>The main obarray of a session started from a dump also has {@link Pending} symbols: the
 * dump's symbols that nothing has needed yet. The dump keeps a table of them by name, and a
 * lookup that misses here asks it; the symbol is then built and placed here, at the place in
 * the interning order that the dump gave it (reserved for it when the dump was loaded). A walk
 * over the symbols builds the rest first.
 */
public final class Obarray {
  private Symbol[] slots;
  /** Symbols in the table (built ones only). */
  private int size;
  /**
   * The symbols in interning order, with holes: a dumped symbol not built yet, or one of the
   * dump's symbols uninterned while some are pending (closing the gap would move the places
   * reserved for them).
   */
  private Symbol[] order;
  /** How much of ORDER is used, holes included. */
  private int orderLength;

  /** A dump's symbols not built yet; null when there are none. */
  private Pending pending;
  /** How many of them, and where in ORDER the dump's places start and end. */
  private int pendingCount;
  private int pendingBase;
  private int pendingEnd;

  /** Where a dump's symbols wait until first needed (DumpLoader). */
  public abstract static class Pending {
    /**
     * The waiting symbol named NAME, whose String.hashCode is HASH, built now (and placed in the
     * obarray by {@link #placeDumped}), or null when none is waiting under that name.
     */
    public abstract Symbol find(String name, int hash);

    /** Builds every symbol still waiting. */
    public abstract void buildAll();
  }

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
      if (s == null) return pending == null ? null : pending.find(name, h);
      if (s.nameHash == h && s.name().equals(name)) return s;
    }
  }

  /** The symbol in the table named as S is (S itself or another), or null; pending ones aside. */
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
    if (orderLength == order.length) order = Arrays.copyOf(order, orderLength * 2);
    order[orderLength++] = s;
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

  /** Puts S in the hash table (not in ORDER). */
  private void insert(Symbol s) {
    if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
    place(slots, s);
    size++;
  }

  private static void place(Symbol[] t, Symbol s) {
    int mask = t.length - 1;
    int i = spread(s.nameHash) & mask;
    while (t[i] != null) i = (i + 1) & mask;
    t[i] = s;
  }

  private void rehash(int capacity) {
    Symbol[] t = new Symbol[capacity];
    for (int i = 0; i < orderLength; i++) if (order[i] != null) place(t, order[i]);
    slots = t;
  }

  /**
   * A dump's symbols: adds SYMS, as they are (they carry their keyword state), at POSITIONS of
   * the TOTAL places the dump's symbols take in the interning order, and leaves the other places
   * to the symbols WAITING will build. Unless a name of SYMS is here already or comes twice:
   * then the obarray is left as it was and that symbol is returned. Null on success.
   */
  public Symbol addDumped(Symbol[] syms, int[] positions, int total, Pending waiting) {
    if (pending != null) throw new IllegalStateException("an obarray takes the symbols of one dump");
    int need = orderLength + total;
    if (need > order.length) order = Arrays.copyOf(order, Math.max(need, order.length * 2));
    int at = orderLength;
    // The dump's places count from now on: a rehash while they fill (it walks ORDER up to
    // orderLength) must see the symbols placed so far, or it drops them from the table.
    orderLength = need;
    for (int i = 0; i < syms.length; i++) {
      Symbol s = syms[i];
      if (positions[i] < 0 || positions[i] >= total || order[at + positions[i]] != null || lookupSameName(s) != null) {
        for (int j = i - 1; j >= 0; j--) {
          removeFromTable(syms[j]);
          order[at + positions[j]] = null;
        }
        orderLength = at;
        return s;
      }
      insert(s);
      order[at + positions[i]] = s;
    }
    pendingBase = at;
    pendingEnd = need;
    pendingCount = total - syms.length;
    if (pendingCount > 0) pending = waiting;
    return null;
  }

  /**
   * Places S, a waiting dump symbol just built, at POSITION of the dump's places. False when the
   * place is taken or its name is here already (a corrupt dump).
   */
  public boolean placeDumped(Symbol s, int position) {
    int i = pendingBase + position;
    if (pending == null || position < 0 || i >= orderLength || order[i] != null) return false;
    if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
    if (!insertUnlessNamed(s)) return false;
    order[i] = s;
    if (--pendingCount == 0) pending = null;
    return true;
  }

  /**
   * Places SYMS[0..N), waiting dump symbols just built, at POSITIONS of the dump's places, as
   * {@link #placeDumped(Symbol, int)} places one, but growing the table once for all of them.
   * Returns how many were placed: N, or the index of the first whose place is taken or whose
   * name is here already (a corrupt dump); those before it stay placed.
   */
  public int placeDumped(Symbol[] syms, int[] positions, int n) {
    int capacity = slots.length;
    while ((long) (size + n) * 2 > capacity) capacity *= 2;
    if (capacity != slots.length) rehash(capacity);
    for (int j = 0; j < n; j++) {
      int i = pendingBase + positions[j];
      if (pending == null || positions[j] < 0 || i >= orderLength || order[i] != null) return j;
      if (!insertUnlessNamed(syms[j])) return j;
      order[i] = syms[j];
      if (--pendingCount == 0) pending = null;
    }
    return n;
  }

  /**
   * Puts S in the hash table (not in ORDER), which must have room, unless a symbol named as S is
   * there (S itself or another): then false. One probe run does both.
   */
  private boolean insertUnlessNamed(Symbol s) {
    Symbol[] t = slots;
    int mask = t.length - 1;
    int i = spread(s.nameHash) & mask;
    for (Symbol x; (x = t[i]) != null; i = (i + 1) & mask) {
      if (x == s || (x.nameHash == s.nameHash && x.name().equals(s.name()))) return false;
    }
    t[i] = s;
    size++;
    return true;
  }

  /**
   * Forgets the dump symbols still waiting, which can then no longer be found by name: for tests
   * that load many dumps into one runtime and undo each load.
   */
  public void forgetPending() {
    pending = null;
    pendingCount = 0;
    int n = 0;
    for (int i = 0; i < orderLength; i++) if (order[i] != null) order[n++] = order[i];
    Arrays.fill(order, n, orderLength, null);
    orderLength = n;
  }

  public boolean remove(Symbol s) {
    if (!removeFromTable(s)) return false;
    // From the end: the symbols removed most often are the newest.
    for (int k = orderLength - 1; k >= 0; k--) {
      if (order[k] == s) {
        if (pending != null && k >= pendingBase && k < pendingEnd) {
          order[k] = null;
        } else {
          // Closed up, or a session that interns and uninterns symbols over and over would
          // grow ORDER for ever; the dump's places, if after K, move down with the rest.
          System.arraycopy(order, k + 1, order, k, orderLength - k - 1);
          order[--orderLength] = null;
          if (k < pendingBase) {
            pendingBase--;
            pendingEnd--;
          }
        }
        break;
      }
    }
    s.interned = false;
    return true;
  }

  /** Takes S out of the hash table; false when it is not there. */
  private boolean removeFromTable(Symbol s) {
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
    size--;
    return true;
  }

  /** How much of the order array is used, holes included: for tests. */
  int orderLength() {
    return orderLength;
  }

  /** How many symbols are interned, the waiting ones included. */
  public int size() {
    return size + pendingCount;
  }

  /** A snapshot of the symbols in interning order; builds the waiting ones first. */
  public List<Symbol> symbols() {
    if (pending != null) pending.buildAll();
    List<Symbol> out = new ArrayList<>(size);
    for (int i = 0; i < orderLength; i++) if (order[i] != null) out.add(order[i]);
    return out;
  }
}
