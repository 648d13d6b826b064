package pdmacs.lisp;

/** A Lisp vector: a fixed-size array of objects. */
public final class LVector {
  public final Object[] items;

  public LVector(Object[] items) {
    this.items = items;
  }

  public int length() {
    return items.length;
  }
}
