package pdmacs.hardening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Symbol;

/**
 * A snapshot of the global state a dump load changes: every built-in symbol's cells and flags
 * and the main obarray's symbols. Tests that load many dumps in one JVM use it to show that a
 * refused load changed nothing, and to undo a load that succeeded before trying the next one.
 */
public final class RuntimeState {
  private final Symbol[] builtins;
  private final Object[] values, functions, plists;
  private final boolean[] specials, constants;
  private final List<Symbol> obarray;

  private RuntimeState() {
    builtins = Lisp.builtinSymbols.toArray(new Symbol[0]);
    int n = builtins.length;
    values = new Object[n];
    functions = new Object[n];
    plists = new Object[n];
    specials = new boolean[n];
    constants = new boolean[n];
    for (int i = 0; i < n; i++) {
      Symbol s = builtins[i];
      values[i] = s.value;
      functions[i] = s.rawFunction();
      plists[i] = s.plist;
      specials[i] = s.special;
      constants[i] = s.constant;
    }
    obarray = Lisp.obarray.symbols();
  }

  public static RuntimeState capture() {
    return new RuntimeState();
  }

  /** What differs between the runtime now and this snapshot, or null when nothing does. */
  public String difference() {
    for (int i = 0; i < builtins.length; i++) {
      Symbol s = builtins[i];
      if (s.value != values[i] || s.rawFunction() != functions[i] || s.plist != plists[i]
          || s.special != specials[i] || s.constant != constants[i]) {
        return "built-in symbol " + s.name() + " changed";
      }
    }
    List<Symbol> now = Lisp.obarray.symbols();
    if (now.size() != obarray.size()) return "obarray has " + now.size() + " symbols, had " + obarray.size();
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) != obarray.get(i)) return "obarray entry " + i + " changed";
    }
    return null;
  }

  /** Puts the runtime back as it was when the snapshot was taken. */
  public void restore() {
    for (int i = 0; i < builtins.length; i++) {
      Symbol s = builtins[i];
      s.value = values[i];
      s.setFunction(functions[i]);
      s.plist = plists[i];
      s.special = specials[i];
      s.constant = constants[i];
    }
    // The symbols a load left waiting are forgotten, not built: building them could fail.
    Lisp.obarray.forgetPending();
    Set<Symbol> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    keep.addAll(obarray);
    List<Symbol> added = new ArrayList<>();
    for (Symbol s : Lisp.obarray.symbols()) if (!keep.contains(s)) added.add(s);
    for (Symbol s : added) Lisp.obarray.remove(s);
  }
}
