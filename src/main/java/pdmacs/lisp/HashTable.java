package pdmacs.lisp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * A Lisp hash table with test eq, eql, equal or a user-defined test.
 *
 * <p>Entries live in numbered slots, as in GNU Emacs, and maphash walks the slots in order: a new
 * entry takes the most recently freed slot, else the first never-used one, so iteration order is
 * insertion order until entries are removed, and then it is what Emacs does. {@link #size()} is
 * Emacs's table size (the slot count), grown by rehash-size when the slots run out. Slot arrays
 * are allocated as they are used, so a large :size costs nothing up front.
 *
 * <p>Keys are found through a Java map of {@link Key} wrappers whose hash follows the test
 * (identity hashes for eq, fixnums by value). A table loaded from a dump gets its entries as a
 * pending array and hashes them on first use, since identity hashes differ from run to run.
 */
public final class HashTable {
  /** How keys are compared and hashed. */
  public interface Test {
    Symbol name();

    boolean same(Object a, Object b);

    int hash(Object o);
  }

  private final class Key {
    final Object obj;
    final int hash;

    Key(Object obj) {
      this.obj = obj;
      this.hash = test.hash(obj);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashTable.Key && test.same(obj, ((HashTable.Key) o).obj);
    }
  }

  public final Test test;
  /** The weakness symbol (nil, key, value, key-or-value, key-and-value); kept, not enforced. */
  public final Object weakness;
  public final Object rehashSize;
  public final Object rehashThreshold;
  /** Emacs's size: the number of slots. */
  private int size;
  private Object[] keys = new Object[0];
  private Object[] values = new Object[0];
  private boolean[] used = new boolean[0];
  /** Slots never used so far start here. */
  private int highWater;
  /** Freed slots, the most recently freed on top. */
  private int[] freed = new int[0];
  private int freedTop;
  private final HashMap<Key, Integer> index = new HashMap<>();
  /** Entries of a table loaded from a dump, hashed on first use. */
  private Object[] pending;

  public HashTable(Test test, int size, Object weakness, Object rehashSize, Object rehashThreshold) {
    this.test = test;
    this.size = Math.max(0, size);
    this.weakness = weakness;
    this.rehashSize = rehashSize;
    this.rehashThreshold = rehashThreshold;
  }

  /** Gives a new, empty table its entries as alternating keys and values, hashed lazily. */
  public void setPendingEntries(Object[] keysAndValues) {
    pending = keysAndValues;
  }

  private void settle() {
    if (pending != null) {
      Object[] kv = pending;
      pending = null;
      for (int i = 0; i + 1 < kv.length; i += 2) put(kv[i], kv[i + 1]);
    }
  }

  public Object get(Object key, Object dflt) {
    settle();
    Integer slot = index.get(new Key(key));
    return slot == null ? dflt : values[slot];
  }

  public void put(Object key, Object value) {
    settle();
    Key k = new Key(key);
    Integer slot = index.get(k);
    if (slot != null) {
      values[slot] = value;
      return;
    }
    int s = takeSlot();
    keys[s] = key;
    values[s] = value;
    used[s] = true;
    index.put(k, s);
  }

  private int takeSlot() {
    if (freedTop > 0) return freed[--freedTop];
    if (highWater >= size) size = grownSize();
    int s = highWater++;
    if (s >= keys.length) {
      int cap = (int) Math.min(size, Math.max(16L, 2L * keys.length));
      keys = Arrays.copyOf(keys, cap);
      values = Arrays.copyOf(values, cap);
      used = Arrays.copyOf(used, cap);
    }
    return s;
  }

  /** The size after a resize: times rehash-size when it is a float, plus it when an integer. */
  private int grownSize() {
    long next;
    if (rehashSize instanceof Long) next = size + (Long) rehashSize;
    else if (rehashSize instanceof Double) next = (long) (size * (Double) rehashSize);
    else next = (long) (size * 1.5);
    if (next <= size) next = size + 1;
    return (int) Math.min(next, Integer.MAX_VALUE - 8);
  }

  public void remove(Object key) {
    settle();
    Integer slot = index.remove(new Key(key));
    if (slot == null) return;
    int s = slot;
    keys[s] = null;
    values[s] = null;
    used[s] = false;
    if (freedTop == freed.length) freed = Arrays.copyOf(freed, Math.max(8, freed.length * 2));
    freed[freedTop++] = s;
  }

  public void clear() {
    pending = null;
    index.clear();
    Arrays.fill(keys, null);
    Arrays.fill(values, null);
    Arrays.fill(used, false);
    highWater = 0;
    freedTop = 0;
  }

  public int count() {
    return pending != null ? pending.length / 2 : index.size();
  }

  public int size() {
    return size;
  }

  /** Key/value pairs in slot order, as a snapshot safe against mutation during maphash. */
  public List<Object[]> entries() {
    settle();
    List<Object[]> out = new ArrayList<>(index.size());
    for (int i = 0; i < highWater; i++) if (used[i]) out.add(new Object[] {keys[i], values[i]});
    return out;
  }

  /** True while KEY is still present (maphash skips entries removed during the walk). */
  public boolean containsKey(Object key) {
    settle();
    return index.containsKey(new Key(key));
  }

  public HashTable copy() {
    settle();
    HashTable h = new HashTable(test, size, weakness, rehashSize, rehashThreshold);
    h.keys = keys.clone();
    h.values = values.clone();
    h.used = used.clone();
    h.highWater = highWater;
    h.freed = freed.clone();
    h.freedTop = freedTop;
    for (int i = 0; i < highWater; i++) if (used[i]) h.index.put(h.new Key(keys[i]), i);
    return h;
  }
}
