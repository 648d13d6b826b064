package pdmacs.lisp;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Keys are found as in Emacs too: each slot keeps its key's hash (which follows the test:
 * identity hashes for eq, fixnums by value) and the next slot of its bucket's chain, and a
 * power-of-two array of buckets points at the first slot of each chain. A lookup allocates
 * nothing, where a Java map of the slots needed a key wrapper per call and a boxed slot number
 * per entry. A table loaded from a dump gets its entries as a pending array and hashes them on
 * first use, since identity hashes differ from run to run.
 */
public final class HashTable {
  /** How keys are compared and hashed. */
  public interface Test {
    Symbol name();

    boolean same(Object a, Object b);

    int hash(Object o);
  }

  public final Test test;
  /** The weakness symbol (nil, key, value, key-or-value, key-and-value); kept, not enforced. */
  public final Object weakness;
  public final Object rehashSize;
  public final Object rehashThreshold;
  /** Emacs's size: the number of slots. */
  private int size;
  private Object[] keys = NO_OBJECTS;
  private Object[] values = NO_OBJECTS;
  private boolean[] used = new boolean[0];
  /** Per slot in use: its key's hash, and the next slot in the same bucket (-1 ends the chain). */
  private int[] hashes = NO_INTS;
  private int[] next = NO_INTS;
  /**
   * Per bucket (the hash's low bits): one more than the first slot of its chain, so that a new
   * array is all empty buckets. Its length is a power of two, grown to keep chains short.
   */
  private int[] buckets = NO_INTS;
  /** The number of entries. */
  private int count;
  /** Slots never used so far start here. */
  private int highWater;
  /** Freed slots, the most recently freed on top. */
  private int[] freed = NO_INTS;
  private int freedTop;
  /** Entries of a table loaded from a dump, hashed on first use. */
  private Object[] pending;

  private static final Object[] NO_OBJECTS = new Object[0];
  private static final int[] NO_INTS = new int[0];
  /** The first bucket array's length. */
  private static final int MIN_BUCKETS = 16;

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

  /** The bucket of hash H: its high bits folded in, as identity and float hashes vary there. */
  private int bucketOf(int h) {
    return (h ^ (h >>> 16)) & (buckets.length - 1);
  }

  /**
   * The slot holding KEY, whose hash is H, or -1. As in Emacs, a key eq to the one in a slot
   * matches without asking the test: a test defined with define-hash-table-test is not called
   * for it (and equal does not compare a key with itself).
   */
  private int find(Object key, int h) {
    if (count == 0) return -1;
    for (int s = buckets[bucketOf(h)] - 1; s >= 0; s = next[s]) {
      Object k = keys[s];
      if (Lisp.eq(key, k) || hashes[s] == h && test.same(key, k)) return s;
    }
    return -1;
  }

  public Object get(Object key, Object dflt) {
    settle();
    int s = find(key, test.hash(key));
    return s < 0 ? dflt : values[s];
  }

  public void put(Object key, Object value) {
    settle();
    int h = test.hash(key);
    int s = find(key, h);
    if (s >= 0) {
      values[s] = value;
      return;
    }
    s = takeSlot();
    keys[s] = key;
    values[s] = value;
    used[s] = true;
    hashes[s] = h;
    count++;
    if (count > buckets.length - (buckets.length >> 2)) {
      rehash(Math.max(MIN_BUCKETS, buckets.length * 2));
    } else {
      link(s);
    }
  }

  /** Puts slot S at the head of its bucket's chain. */
  private void link(int s) {
    int b = bucketOf(hashes[s]);
    next[s] = buckets[b] - 1;
    buckets[b] = s + 1;
  }

  /** Rebuilds the chains over N buckets from the hashes the slots keep. */
  private void rehash(int n) {
    buckets = new int[n];
    for (int s = 0; s < highWater; s++) if (used[s]) link(s);
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
      hashes = Arrays.copyOf(hashes, cap);
      next = Arrays.copyOf(next, cap);
    }
    return s;
  }

  /** The size after a resize: times rehash-size when it is a float, plus it when an integer. */
  private int grownSize() {
    long n;
    if (rehashSize instanceof Long) n = size + (Long) rehashSize;
    else if (rehashSize instanceof Double) n = (long) (size * (Double) rehashSize);
    else n = (long) (size * 1.5);
    if (n <= size) n = size + 1;
    return (int) Math.min(n, Integer.MAX_VALUE - 8);
  }

  public void remove(Object key) {
    settle();
    int h = test.hash(key);
    int s = find(key, h);
    if (s < 0) return;
    unlink(s);
    keys[s] = null;
    values[s] = null;
    used[s] = false;
    count--;
    if (freedTop == freed.length) freed = Arrays.copyOf(freed, Math.max(8, freed.length * 2));
    freed[freedTop++] = s;
  }

  /** Takes slot S out of its bucket's chain. */
  private void unlink(int s) {
    int b = bucketOf(hashes[s]);
    int p = buckets[b] - 1;
    if (p == s) {
      buckets[b] = next[s] + 1;
      return;
    }
    while (next[p] != s) p = next[p];
    next[p] = next[s];
  }

  public void clear() {
    pending = null;
    Arrays.fill(keys, null);
    Arrays.fill(values, null);
    Arrays.fill(used, false);
    Arrays.fill(buckets, 0);
    count = 0;
    highWater = 0;
    freedTop = 0;
  }

  public int count() {
    return pending != null ? pending.length / 2 : count;
  }

  public int size() {
    return size;
  }

  /** Key/value pairs in slot order, as a snapshot safe against mutation during maphash. */
  public List<Object[]> entries() {
    settle();
    List<Object[]> out = new ArrayList<>(count);
    for (int i = 0; i < highWater; i++) if (used[i]) out.add(new Object[] {keys[i], values[i]});
    return out;
  }

  /** True while KEY is still present (maphash skips entries removed during the walk). */
  public boolean containsKey(Object key) {
    settle();
    return find(key, test.hash(key)) >= 0;
  }

  public HashTable copy() {
    settle();
    HashTable h = new HashTable(test, size, weakness, rehashSize, rehashThreshold);
    h.keys = keys.clone();
    h.values = values.clone();
    h.used = used.clone();
    h.hashes = hashes.clone();
    h.next = next.clone();
    h.buckets = buckets.clone();
    h.count = count;
    h.highWater = highWater;
    h.freed = freed.clone();
    h.freedTop = freedTop;
    return h;
  }
}
