package pdmacs.lisp;

/**
 * A Lisp symbol: a name with a value cell, a function cell and a property list.
 *
 * <p>Values live in the symbol itself (shallow binding, as in Emacs): a dynamic {@code let}
 * saves the old value and restores it on exit. {@link Lisp#UNBOUND} marks a void value cell;
 * a void function cell holds nil, as in GNU Emacs.
 */
public final class Symbol {
  public final String name;
  public Object value;
  /** The function cell; a {@link LazyValue} until a definition loaded from a dump is first used. */
  private Object function;
  public Object plist;
  /** Declared with defvar/defconst: let-bindings of it are dynamic even under lexical binding. */
  public boolean special;
  /** nil, t, keywords and defconst-like built-ins: setq signals setting-constant. */
  public boolean constant;
  public boolean interned;
  /**
   * Index in the runtime's table of built-in symbols, or -1. The dumper writes references to
   * built-in symbols as this index; the fingerprint guarantees the table is the same at load.
   */
  public int builtinIndex = -1;

  Symbol(String name, Object nil) {
    this.name = name;
    this.value = Lisp.UNBOUND;
    this.function = nil;
    this.plist = nil;
  }

  /** A fresh uninterned symbol, as make-symbol makes. */
  public static Symbol uninterned(String name) {
    return new Symbol(name, Lisp.NIL);
  }

  /** The function cell's contents, materialising a lazily loaded definition first. */
  public Object function() {
    Object f = function;
    if (f instanceof LazyValue) {
      f = ((LazyValue) f).force();
      function = f;
    }
    return f;
  }

  public void setFunction(Object f) {
    function = f;
  }

  /** True when the function cell is not nil; never materialises a lazy definition. */
  public boolean fboundp() {
    return function != Lisp.NIL;
  }

  /** The cell as it is, lazy or not: for code that saves and restores runtime state. */
  public Object rawFunction() {
    return function;
  }

  public boolean isKeyword() {
    return interned && name.startsWith(":");
  }

  @Override
  public String toString() {
    return name;
  }
}
