package pdmacs.subr;

import pdmacs.lisp.SubrGroup;

/** (being written) */
public final class Search extends SubrGroup {
  @Override
  public void register() {}

  @Override
  public Object call(int id, Object[] a) {
    throw new IllegalStateException("Search " + id);
  }
}
