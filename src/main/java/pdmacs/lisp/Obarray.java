package pdmacs.lisp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** A table of interned symbols by name, kept in interning order so walks are deterministic. */
public final class Obarray {
  private final LinkedHashMap<String, Symbol> table;

  public Obarray(int capacity) {
    table = new LinkedHashMap<>(capacity);
  }

  public Symbol lookup(String name) {
    return table.get(name);
  }

  public Symbol intern(String name) {
    Symbol s = table.get(name);
    if (s == null) {
      s = new Symbol(name, Lisp.NIL);
      add(s);
    }
    return s;
  }

  /** Adds S, which must not be interned elsewhere under its name. */
  public void add(Symbol s) {
    s.interned = true;
    if (s.name.startsWith(":") && this == Lisp.obarray) {
      s.value = s;
      s.constant = true;
      s.special = true;
    }
    table.put(s.name, s);
  }

  public boolean remove(Symbol s) {
    if (table.get(s.name) != s) return false;
    table.remove(s.name);
    s.interned = false;
    return true;
  }

  public int size() {
    return table.size();
  }

  /** A snapshot of the symbols in interning order. */
  public List<Symbol> symbols() {
    return new ArrayList<>(table.values());
  }
}
