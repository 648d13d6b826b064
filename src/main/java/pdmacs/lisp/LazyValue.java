package pdmacs.lisp;

/**
 * A value not built yet: a function definition that a dump loaded lazily. It only ever sits in
 * a symbol's function cell, and {@link Symbol#function()} replaces it by {@link #force()}'s
 * result on first use, so no Lisp code ever sees one.
 */
public interface LazyValue {
  /** Builds the value; called once. */
  Object force();
}
