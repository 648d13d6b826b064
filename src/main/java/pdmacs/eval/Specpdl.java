package pdmacs.eval;

import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.list;

/**
 * The dynamic binding stack. A dynamic let stores the symbol's old value here and puts the new
 * one in the symbol (shallow binding); {@link #unbindTo} restores them in reverse order. Every
 * binding construct unbinds in a finally block, so throws and signals unwind it.
 */
public final class Specpdl {
  private Specpdl() {}

  private static Symbol[] symbols = new Symbol[256];
  private static Object[] oldValues = new Object[256];
  private static int top;
  private static final int MAX = 1 << 20;

  public static int count() {
    return top;
  }

  public static void bind(Symbol sym, Object value) {
    if (sym.constant) throw new LispSignal(Q.settingConstant, list(sym));
    if (top == symbols.length) grow();
    symbols[top] = sym;
    oldValues[top] = sym.value;
    top++;
    sym.value = value;
  }

  private static void grow() {
    if (symbols.length >= MAX) {
      throw new LispSignal(Q.excessiveVariableBinding, pdmacs.lisp.Lisp.NIL);
    }
    symbols = java.util.Arrays.copyOf(symbols, symbols.length * 2);
    oldValues = java.util.Arrays.copyOf(oldValues, oldValues.length * 2);
  }

  public static void unbindTo(int count) {
    while (top > count) {
      top--;
      symbols[top].value = oldValues[top];
      symbols[top] = null;
      oldValues[top] = null;
    }
  }

  private static int outermostSlot(Symbol sym) {
    for (int i = 0; i < top; i++) if (symbols[i] == sym) return i;
    return -1;
  }

  /**
   * SYM's value outside every dynamic binding: what defvar tests, default-toplevel-value
   * returns, and what a dump records (a fresh session has no bindings).
   */
  public static Object toplevelValue(Symbol sym) {
    int slot = outermostSlot(sym);
    return slot < 0 ? sym.value : oldValues[slot];
  }

  /** Sets SYM's value outside every dynamic binding; the bindings keep theirs until they end. */
  public static void setToplevelValue(Symbol sym, Object value) {
    int slot = outermostSlot(sym);
    if (slot < 0) Eval.set(sym, value);
    else oldValues[slot] = value;
  }
}
