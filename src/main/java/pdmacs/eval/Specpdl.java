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

  /**
   * The value SYM had outside all dynamic bindings: what default-toplevel-value returns and what
   * setting the global value must change.
   */
  public static int outermostSlot(Symbol sym) {
    for (int i = 0; i < top; i++) if (symbols[i] == sym) return i;
    return -1;
  }

  public static Object slotValue(int i) {
    return oldValues[i];
  }

  public static void setSlotValue(int i, Object v) {
    oldValues[i] = v;
  }
}
