package pdmacs.lisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import pdmacs.subr.HashTables;

/**
 * Hash tables against a model of Emacs's slots, over random sequences of puthash, remhash,
 * gethash, clrhash and copy-hash-table: a new key takes the most recently freed slot, else the
 * next never-used one, and maphash (entries) walks the slots in order. Checked after every
 * step: every key of the pool is found with its value or not at all, the count, the order.
 *
 * <p>Keys are fixnums from a small pool. Half the runs hash them with a test whose hashes
 * collide (a few distinct values, some negative), so bucket chains are long and removals
 * unlink from their middle; the others use the equal test, where chains are short and the
 * bucket array grows often.
 */
class HashTableModelTest {
  private static final int POOL = 120;

  /** eql on fixnums with hashes that collide on purpose. */
  private static final HashTable.Test COLLIDING = new HashTable.Test() {
    @Override
    public Symbol name() {
      return Q.eql;
    }

    @Override
    public boolean same(Object a, Object b) {
      return Lisp.eql(a, b);
    }

    @Override
    public int hash(Object o) {
      long k = (Long) o;
      return (int) (k % 7) * 0x10001 - 3;
    }
  };

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void behavesLikeEmacsSlots(@ForAll long seed) {
    Random r = new Random(seed);
    HashTable.Test test = r.nextBoolean() ? COLLIDING : HashTables.EQUAL;
    HashTable h = new HashTable(test, r.nextInt(10), Lisp.NIL, 1.5, 0.8125);
    Model m = new Model();
    for (int step = 0; step < 400; step++) {
      Long key = (long) r.nextInt(POOL);
      switch (r.nextInt(12)) {
        case 0: case 1: case 2: case 3: case 4: {
          Long value = (long) r.nextInt(1000);
          h.put(key, value);
          m.put(key, value);
          break;
        }
        case 5: case 6: case 7:
          h.remove(key);
          m.remove(key);
          break;
        case 8:
          if (r.nextInt(10) == 0) {
            h.clear();
            m.clear();
          }
          break;
        case 9:
          if (r.nextInt(5) == 0) {
            // Go on with the copy: the original must not share its chains.
            HashTable copy = h.copy();
            h.clear();
            h = copy;
          }
          break;
        default:
          assertEquals(m.get(key), h.get(key, null), "gethash " + key);
      }
      check(h, m);
    }
  }

  private static void check(HashTable h, Model m) {
    assertEquals(m.count(), h.count());
    for (long k = 0; k < POOL; k++) {
      Long key = k;
      assertEquals(m.get(key), h.get(key, null), "gethash " + k);
      assertEquals(m.get(key) != null, h.containsKey(key));
    }
    List<Object[]> entries = h.entries();
    List<Long[]> expected = m.entries();
    assertEquals(expected.size(), entries.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i)[0], entries.get(i)[0], "key of entry " + i);
      assertEquals(expected.get(i)[1], entries.get(i)[1], "value of entry " + i);
    }
  }

  /** Emacs's slots: an entry per slot or null, and the freed slots, last freed on top. */
  private static final class Model {
    final List<Long[]> slots = new ArrayList<>();
    final List<Integer> freed = new ArrayList<>();

    int slotOf(Long key) {
      for (int i = 0; i < slots.size(); i++) if (slots.get(i) != null && slots.get(i)[0].equals(key)) return i;
      return -1;
    }

    Long get(Long key) {
      int s = slotOf(key);
      return s < 0 ? null : slots.get(s)[1];
    }

    void put(Long key, Long value) {
      int s = slotOf(key);
      if (s >= 0) {
        slots.get(s)[1] = value;
      } else if (!freed.isEmpty()) {
        slots.set(freed.remove(freed.size() - 1), new Long[] {key, value});
      } else {
        slots.add(new Long[] {key, value});
      }
    }

    void remove(Long key) {
      int s = slotOf(key);
      if (s < 0) return;
      slots.set(s, null);
      freed.add(s);
    }

    void clear() {
      slots.clear();
      freed.clear();
    }

    int count() {
      int n = 0;
      for (Long[] e : slots) if (e != null) n++;
      return n;
    }

    List<Long[]> entries() {
      List<Long[]> out = new ArrayList<>();
      for (Long[] e : slots) if (e != null) out.add(e);
      return out;
    }
  }

  @Property(tries = 20)
  void copyIsIndependent(@ForAll long seed) {
    Random r = new Random(seed);
    HashTable h = new HashTable(COLLIDING, 0, Lisp.NIL, 1.5, 0.8125);
    for (int i = 0; i < 50; i++) h.put((long) r.nextInt(POOL), (long) i);
    HashTable copy = h.copy();
    List<Object[]> before = copy.entries();
    for (long k = 0; k < POOL; k++) h.remove(k);
    h.put(1000L, 1L);
    List<Object[]> after = copy.entries();
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertSame(before.get(i)[0], after.get(i)[0]);
      assertEquals(copy.get(before.get(i)[0], null), before.get(i)[1]);
    }
    assertEquals(null, copy.get(1000L, null));
  }
}
