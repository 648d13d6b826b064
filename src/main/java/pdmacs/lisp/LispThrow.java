package pdmacs.lisp;

/** A non-local exit to a catch with TAG (the throw function). Stackless. */
public final class LispThrow extends RuntimeException {
  public final Object tag;
  public final Object value;

  public LispThrow(Object tag, Object value) {
    super(null, null, false, false);
    this.tag = tag;
    this.value = value;
  }
}
