package pdmacs.lisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * The obarray against a plain list, over random sequences of intern, lookup (intern-soft),
 * remove (unintern), symbols (mapatoms) and size, with a dump's symbols handed to it as a
 * dump load does: some placed at once ({@link Obarray#addDumped}), the others waiting in a fake
 * {@link Obarray.Pending} that builds one when the obarray asks for its name and places it
 * ({@link Obarray#placeDumped}). The model is the interning order: symbols in their places,
 * a waiting one a place whose symbol is not known yet. Checked after every step: names,
 * identity (a name finds the symbol that holds its place, built once), the order, the size.
 *
 * <p>The obarray starts small and the names come from a small pool with colliding hashes
 * ("Aa" and "BB" hash alike), so rehashes, probe runs and deletions within them are frequent.
 */
class ObarrayModelTest {
  /** Names: a small pool, so interns meet symbols present, removed and waiting. */
  private static final String[] POOL = buildPool();

  private static String[] buildPool() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) names.add("s" + i);
    // Equal String.hashCode: one probe run for several names.
    String[] pieces = {"Aa", "BB"};
    for (String a : pieces) for (String b : pieces) for (String c : pieces) names.add(a + b + c);
    names.add("");
    names.add("é-ü");
    return names.toArray(new String[0]);
  }

  /** One place of the interning order: NAME's symbol, or null while it waits in the dump. */
  private static final class Place {
    final String name;
    Symbol symbol;

    Place(String name, Symbol symbol) {
      this.name = name;
      this.symbol = symbol;
    }
  }

  /** The dump's symbols not built yet, by name, and where their places are. */
  private static final class FakeDump extends Obarray.Pending {
    final Obarray ob;
    final Map<String, Integer> waiting = new HashMap<>();
    final Map<String, Place> places = new HashMap<>();
    int builds;

    FakeDump(Obarray ob) {
      this.ob = ob;
    }

    @Override
    public Symbol find(String name, int hash) {
      assertEquals(name.hashCode(), hash);
      Integer position = waiting.remove(name);
      if (position == null) return null;
      return build(name, position);
    }

    private Symbol build(String name, int position) {
      Symbol s = Symbol.uninterned(name);
      s.interned = true;
      builds++;
      assertTrue(ob.placeDumped(s, position), "place " + position + " of " + name + " is free");
      places.get(name).symbol = s;
      return s;
    }

    /** As the loader does: every waiting symbol made, then placed in one batch. */
    @Override
    public void buildAll() {
      List<Map.Entry<String, Integer>> all = new ArrayList<>(waiting.entrySet());
      Symbol[] syms = new Symbol[all.size()];
      int[] positions = new int[all.size()];
      for (int i = 0; i < syms.length; i++) {
        syms[i] = Symbol.uninterned(all.get(i).getKey());
        syms[i].interned = true;
        positions[i] = all.get(i).getValue();
      }
      builds += syms.length;
      assertEquals(syms.length, ob.placeDumped(syms, positions, syms.length), "every waiting place is free");
      for (Symbol s : syms) places.get(s.name()).symbol = s;
      waiting.clear();
    }
  }

  @Property(tries = 400, shrinking = ShrinkingMode.OFF)
  void behavesLikeAListInInterningOrder(@ForAll long seed) {
    new Run().run(new Random(seed));
  }

  /**
   * A batch of waiting symbols stops at the first whose place is taken or whose name is there
   * already (a corrupt dump): those before it are placed, it and those after it are not.
   */
  @Example
  void aBatchStopsAtTheFirstSymbolItCannotPlace() {
    Obarray ob = new Obarray(4);
    Symbol here = ob.intern("here");
    FakeDump dump = new FakeDump(ob);
    assertNull(ob.addDumped(new Symbol[0], new int[0], 4, dump));
    Symbol a = Symbol.uninterned("a"), b = Symbol.uninterned("b"), again = Symbol.uninterned("here"),
        c = Symbol.uninterned("c");
    assertEquals(1, ob.placeDumped(new Symbol[] {a, again, b}, new int[] {0, 1, 2}, 3));
    assertSame(a, ob.lookup("a"));
    assertSame(here, ob.lookup("here"));
    assertEquals(1, ob.placeDumped(new Symbol[] {b, c}, new int[] {2, 0}, 2), "place 0 is taken");
    assertSame(b, ob.lookup("b"));
    assertEquals(2, ob.placeDumped(new Symbol[] {c, Symbol.uninterned("d")}, new int[] {1, 3}, 2));
    assertEquals(List.of(here, a, c, b, ob.lookup("d")), ob.symbols());
  }

  private static String name(Random r) {
    return POOL[r.nextInt(POOL.length)];
  }

  /** One random sequence: the obarray, the fake dump and the model. */
  private static final class Run {
    private final List<Place> model = new ArrayList<>();
    /** Every symbol the obarray has returned: removing one it no longer holds must fail. */
    private final List<Symbol> seen = new ArrayList<>();

    private Place placeNamed(String name) {
      for (Place p : model) if (p.name.equals(name)) return p;
      return null;
    }

    private Place placeOf(Symbol s) {
      for (Place p : model) if (p.symbol == s) return p;
      return null;
    }

    void run(Random r) {
      Obarray ob = new Obarray(r.nextInt(40));
      FakeDump dump = new FakeDump(ob);
      // Symbols interned before the dump is loaded (the runtime's own).
      for (int i = r.nextInt(30); i > 0; i--) intern(ob, name(r));
      int before = model.size();
      List<String> free = new ArrayList<>();
      for (String n : POOL) if (placeNamed(n) == null) free.add(n);
      Collections.shuffle(free, r);
      int total = r.nextInt(free.size() + 1);
      List<Symbol> eager = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      List<Place> dumped = new ArrayList<>();
      for (int p = 0; p < total; p++) {
        String n = free.get(p);
        Place place = new Place(n, null);
        dumped.add(place);
        dump.places.put(n, place);
        if (r.nextInt(3) == 0) {
          place.symbol = Symbol.uninterned(n);
          place.symbol.interned = true;
          eager.add(place.symbol);
          positions.add(p);
        } else {
          dump.waiting.put(n, p);
        }
      }
      // The eager symbols come to the obarray in any order; now and then one clashes with a name
      // interned before, which must leave the obarray as it was.
      List<Integer> shuffle = new ArrayList<>();
      for (int i = 0; i < eager.size(); i++) shuffle.add(i);
      Collections.shuffle(shuffle, r);
      Symbol[] syms = new Symbol[eager.size()];
      int[] at = new int[eager.size()];
      for (int i = 0; i < syms.length; i++) {
        syms[i] = eager.get(shuffle.get(i));
        at[i] = positions.get(shuffle.get(i));
      }
      if (before > 0 && syms.length > 0 && r.nextBoolean()) {
        Symbol clash = Symbol.uninterned(model.get(r.nextInt(before)).name);
        Symbol[] bad = syms.clone();
        bad[bad.length - 1] = clash;
        List<Symbol> was = ob.symbols();
        int size = ob.size();
        assertSame(clash, ob.addDumped(bad, at, total, dump));
        assertEquals(was, ob.symbols());
        assertEquals(size, ob.size());
        checkNames(ob, dump);
      }
      assertNull(ob.addDumped(syms, at, total, dump));
      model.addAll(dumped);
      seen.addAll(eager);
      check(ob, dump);
      for (int step = 0; step < 300; step++) {
        switch (r.nextInt(10)) {
          case 0:
          case 1:
            intern(ob, name(r));
            break;
          case 2:
          case 3:
            lookup(ob, name(r));
            break;
          case 4:
          case 5: {
            // unintern by name: the lookup builds a waiting symbol first.
            Symbol s = lookup(ob, name(r));
            if (s != null) remove(ob, s);
            break;
          }
          case 6:
            // unintern of a symbol object, interned or not any more.
            if (!seen.isEmpty()) remove(ob, seen.get(r.nextInt(seen.size())));
            break;
          case 7:
            if (r.nextInt(8) == 0) symbols(ob, dump);
            break;
          default:
            // A burst of new names interned and removed, as code making temporary symbols does.
            for (int i = r.nextInt(20); i > 0; i--) {
              String n = "tmp" + r.nextInt(1000);
              if (placeNamed(n) == null) remove(ob, intern(ob, n));
            }
        }
        check(ob, dump);
      }
      symbols(ob, dump);
      check(ob, dump);
    }

    private Symbol intern(Obarray ob, String name) {
      Place p = placeNamed(name);
      Symbol s = ob.intern(name);
      assertEquals(name, s.name());
      if (p == null) {
        assertNull(placeOf(s), "a new symbol");
        model.add(new Place(name, s));
      } else {
        // The symbol holding the place, or the waiting one just built for it.
        assertSame(p.symbol, s, name);
      }
      seen.add(s);
      return s;
    }

    private Symbol lookup(Obarray ob, String name) {
      Place p = placeNamed(name);
      Symbol s = ob.lookup(name);
      if (p == null) {
        assertNull(s, name);
      } else {
        assertNotNull(s, name);
        assertSame(p.symbol, s, name);
        seen.add(s);
      }
      return s;
    }

    private void remove(Obarray ob, Symbol s) {
      Place p = placeOf(s);
      assertEquals(p != null, ob.remove(s), s.name());
      if (p != null) {
        model.remove(p);
        assertFalse(s.interned, s.name());
        assertNull(ob.lookup(s.name()), "a removed symbol's name finds nothing");
      }
    }

    private void symbols(Obarray ob, FakeDump dump) {
      List<Symbol> got = ob.symbols();
      assertTrue(dump.waiting.isEmpty(), "a walk builds every waiting symbol");
      List<Symbol> want = new ArrayList<>();
      for (Place p : model) want.add(p.symbol);
      assertEquals(want, got);
    }

    /** The obarray agrees with the model, without building anything. */
    private void check(Obarray ob, FakeDump dump) {
      assertEquals(model.size(), ob.size());
      int waiting = 0;
      for (Place p : model) if (p.symbol == null) waiting++;
      assertEquals(waiting, dump.waiting.size());
      checkNames(ob, dump);
      // Holes are left only at the dump's places: a session that interns and uninterns symbols
      // over and over must not grow the order for ever.
      assertTrue(ob.orderLength() - ob.size() <= dump.places.size(), "holes: " + (ob.orderLength() - ob.size()));
    }

    /** Every built symbol is found by its name, and is the one holding its place. */
    private void checkNames(Obarray ob, FakeDump dump) {
      int builds = dump.builds;
      for (Place p : model) {
        if (p.symbol == null) continue;
        assertTrue(p.symbol.interned, p.name);
        assertSame(p.symbol, ob.lookup(p.name), p.name);
      }
      assertEquals(builds, dump.builds, "a built symbol's name is found without asking the dump");
    }
  }
}
