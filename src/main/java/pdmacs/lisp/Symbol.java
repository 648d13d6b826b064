package pdmacs.lisp;

/**
 * A Lisp symbol: a name with a value cell, a function cell and a property list.
 *
 * <p>Values live in the symbol itself (shallow binding, as in Emacs): a dynamic {@code let}
 * saves the old value and restores it on exit. {@link Lisp#UNBOUND} marks a void value cell;
 * a void function cell holds nil, as in GNU Emacs.
 */
public final class Symbol {
  /**
   * The name, or null until first asked for in a symbol loaded from a dump, which keeps where
   * its bytes are instead (a start-up then decodes only the names it looks at: the obarray
   * finds a symbol by {@link #nameHash}, written in the dump, and compares names only on a
   * hash match). Decoding twice on two threads is harmless: both make the same String.
   */
  private String name;
  private final byte[] nameBytes;
  private final int nameOffset, nameLength;
  private final boolean nameAscii;
  /** The name's String.hashCode(), which the obarray hashes by. */
  public final int nameHash;
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
    this.nameBytes = null;
    this.nameOffset = this.nameLength = 0;
    this.nameAscii = false;
    this.nameHash = name.hashCode();
    this.value = Lisp.UNBOUND;
    this.function = nil;
    this.plist = nil;
  }

  private Symbol(byte[] bytes, int offset, int length, boolean ascii, int hash) {
    this.nameBytes = bytes;
    this.nameOffset = offset;
    this.nameLength = length;
    this.nameAscii = ascii;
    this.nameHash = hash;
    this.value = Lisp.UNBOUND;
    this.function = Lisp.NIL;
    this.plist = Lisp.NIL;
  }

  /** A fresh uninterned symbol, as make-symbol makes. */
  public static Symbol uninterned(String name) {
    return new Symbol(name, Lisp.NIL);
  }

  /**
   * An uninterned symbol whose name is the LENGTH bytes of BYTES at OFFSET (Emacs's internal
   * bytes, as LString.internalBytes makes them, or ASCII when ASCII), decoded when first asked for; HASH must be the name's String.hashCode(). For the
   * dump loader, which has checked the range.
   */
  public static Symbol withNameBytes(byte[] bytes, int offset, int length, boolean ascii, int hash) {
    return new Symbol(bytes, offset, length, ascii, hash);
  }

  public String name() {
    String n = name;
    if (n == null) {
      n = nameAscii ? latin1(nameBytes, nameOffset, nameLength)
          : LString.decodeInternal(java.util.Arrays.copyOfRange(nameBytes, nameOffset, nameOffset + nameLength));
      name = n;
    }
    return n;
  }

  /** String's Latin-1 constructor: a copy, where the UTF-8 decoder scans the bytes first. */
  @SuppressWarnings("deprecation")
  private static String latin1(byte[] b, int off, int len) {
    return new String(b, 0, off, len);
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

  /** A keyword: named ":..." and interned in the main obarray (not merely in some obarray). */
  public boolean isKeyword() {
    return interned && name().startsWith(":") && Lisp.obarray.lookup(name()) == this;
  }

  @Override
  public String toString() {
    return name();
  }
}
