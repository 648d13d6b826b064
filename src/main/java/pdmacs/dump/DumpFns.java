package pdmacs.dump;

import pdmacs.lisp.SubrGroup;

/** (being written) */
public final class DumpFns extends SubrGroup {
  @Override
  public void register() {}

  @Override
  public Object call(int id, Object[] a) {
    throw new IllegalStateException("DumpFns " + id);
  }
}
