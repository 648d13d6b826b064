package pdmacs.subr;

import pdmacs.lisp.SubrGroup;

/** (being written) */
public final class Emacs extends SubrGroup {
  @Override
  public void register() {}

  @Override
  public Object call(int id, Object[] a) {
    throw new IllegalStateException("Emacs " + id);
  }
}
