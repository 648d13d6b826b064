package pdmacs.lisp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lisp hash table with test eq, eql, equal or a user-defined test. Iteration follows insertion
 * order, as maphash does in GNU Emacs. Keys are wrapped in {@link Key}, whose hash follows the
 * test: identity hashes for eq (fixnums by value), so a table loaded from a dump is rebuilt,
 * which rehashes it.
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
  private int size;
  private final LinkedHashMap<Key, Object> map = new LinkedHashMap<>();

  public HashTable(Test test, int size, Object weakness, Object rehashSize, Object rehashThreshold) {
    this.test = test;
    this.size = size;
    this.weakness = weakness;
    this.rehashSize = rehashSize;
    this.rehashThreshold = rehashThreshold;
  }

  /** Entries of a table loaded from a dump, hashed on first use (identity hashes are new). */
  private Object[] pending;

  /** Gives a new, empty table its entries as alternating keys and values, hashed lazily. */
  public void setPendingEntries(Object[] keysAndValues) {
    pending = keysAndValues;
  }

  private void rehashPending() {
    Object[] kv = pending;
    pending = null;
    for (int i = 0; i + 1 < kv.length; i += 2) map.put(new Key(kv[i]), kv[i + 1]);
  }

  public Object get(Object key, Object dflt) {
    if (pending != null) rehashPending();
    Object v = map.get(new Key(key));
    return v == null ? dflt : v;
  }

  public void put(Object key, Object value) {
    if (pending != null) rehashPending();
    Key k = new Key(key);
    if (map.containsKey(k)) {
      map.put(k, value);
      return;
    }
    map.put(k, value);
    if (map.size() > size) size = Math.max(size + 1, (int) (size * growth()));
  }

  private double growth() {
    if (rehashSize instanceof Double) return (Double) rehashSize;
    return 1.5;
  }

  public void remove(Object key) {
    if (pending != null) rehashPending();
    map.remove(new Key(key));
  }

  public void clear() {
    if (pending != null) rehashPending();
    map.clear();
  }

  public int count() {
    if (pending != null) rehashPending();
    return map.size();
  }

  public int size() {
    return size;
  }

  /** Key/value pairs in iteration order, as a snapshot safe against mutation during maphash. */
  public List<Object[]> entries() {
    if (pending != null) rehashPending();
    List<Object[]> out = new ArrayList<>(map.size());
    for (Iterator<Map.Entry<Key, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Object> e = it.next();
      out.add(new Object[] {e.getKey().obj, e.getValue()});
    }
    return out;
  }

  /** True while KEY is still present (maphash skips entries removed during the walk). */
  public boolean containsKey(Object key) {
    if (pending != null) rehashPending();
    return map.containsKey(new Key(key));
  }

  public HashTable copy() {
    if (pending != null) rehashPending();
    HashTable h = new HashTable(test, size, weakness, rehashSize, rehashThreshold);
    h.map.putAll(map);
    return h;
  }
}
