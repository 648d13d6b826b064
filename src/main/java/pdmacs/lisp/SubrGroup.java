package pdmacs.lisp;

/**
 * A file's worth of built-ins (like data.c or fns.c): it declares its subrs once, in
 * {@link #register}, and runs them in {@link #call}.
 */
public abstract class SubrGroup {
  /** Declares every subr of this group; called once at start-up in a fixed order. */
  public abstract void register();

  /**
   * Runs subr ID. ARGS has exactly maxArgs elements for fixed-arity subrs (missing optional
   * arguments are nil), all arguments for MANY, and one element, the unevaluated argument list,
   * for special forms.
   */
  public abstract Object call(int id, Object[] args);

  protected final Subr defun(int id, String name, int min, int max) {
    Subr s = new Subr(name, min, max, this, id);
    Lisp.defsubr(s);
    return s;
  }

  protected final Subr defspecial(int id, String name, int min) {
    return defun(id, name, min, Subr.UNEVALLED);
  }
}
