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
    markInterned(s);
    table.put(s.name, s);
  }

  /** S is now interned here: keywords in the main obarray are constants whose value is themselves. */
  private void markInterned(Symbol s) {
    s.interned = true;
    if (this == Lisp.obarray && s.name.startsWith(":")) {
      s.value = s;
      s.constant = true;
      s.special = true;
    }
  }

  /**
   * Adds every symbol of SYMS, which must have distinct names, unless one's name is interned
   * already: then the obarray is left as it was and that symbol is returned. Null on success.
   * One hash operation per symbol, which matters to the dump loader at start-up.
   */
  public Symbol addAllNew(Symbol[] syms) {
    for (int i = 0; i < syms.length; i++) {
      Symbol old = table.putIfAbsent(syms[i].name, syms[i]);
      if (old != null) {
        for (int j = 0; j < i; j++) table.remove(syms[j].name);
        return syms[i];
      }
    }
    for (Symbol s : syms) markInterned(s);
    return null;
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
