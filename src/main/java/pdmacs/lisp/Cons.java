package pdmacs.lisp;

/** A cons cell. Mutable, compared by identity. */
public final class Cons {
  public Object car;
  public Object cdr;

  public Cons(Object car, Object cdr) {
    this.car = car;
    this.cdr = cdr;
  }

  @Override
  public String toString() {
    return pdmacs.print.Printer.prin1ToString(this);
  }
}
