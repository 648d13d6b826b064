package pdmacs.lisp;

/**
 * A built-in function or special form. Its body is case {@link #id} of its group's
 * {@link SubrGroup#call} switch: one class per group rather than per subr keeps start-up free of
 * hundreds of class loads and lambda bootstraps.
 */
public final class Subr {
  /** maxArgs of a subr taking any number of evaluated arguments (&rest). */
  public static final int MANY = -1;
  /** maxArgs of a special form: it receives its argument list unevaluated. */
  public static final int UNEVALLED = -2;

  public final String name;
  public final int minArgs;
  public final int maxArgs;
  public final SubrGroup group;
  public final int id;
  /** Position in the runtime's subr table: how the dumper refers to this subr. */
  public int index = -1;

  public Subr(String name, int minArgs, int maxArgs, SubrGroup group, int id) {
    this.name = name;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
    this.group = group;
    this.id = id;
  }

  public boolean isSpecialForm() {
    return maxArgs == UNEVALLED;
  }
}
