package pdmacs.lisp;

/**
 * A value not built yet: a function definition that a dump loaded lazily. It only ever sits in
 * a symbol's function cell, and {@link Symbol#function()} replaces it by {@link #force()}'s
 * result on first use, so no Lisp code ever sees one.
 *
 * <p>An abstract class, not an interface: {@code Symbol.function()} tests every function-cell
 * read with instanceof, and a class test is one compare where an interface test goes through
 * the JVM's one-entry secondary-supers cache, which thrashed and made the evaluator 3.5 times
 * slower (EvalBench).
 */
public abstract class LazyValue {
  /** Builds the value; called once. */
  public abstract Object force();

  /**
   * CELL's car, built first when it is a value a dump left lazy (a property value's cons holds
   * one, as a function cell can), and then kept in the cell.
   */
  public static Object forceCar(Cons cell) {
    Object v = cell.car;
    if (v instanceof LazyValue) cell.car = v = ((LazyValue) v).force();
    return v;
  }
}
