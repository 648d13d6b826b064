package pdmacs.read;

import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;

/** Resolves \N{NAME} escapes: U+XXXX code points and Unicode character names. */
final class CharNames {
  private CharNames() {}

  static int lookup(String name) {
    if (name.startsWith("U+")) {
      try {
        int v = Integer.parseInt(name.substring(2), 16);
        if (v <= 0x10FFFF) return v;
      } catch (NumberFormatException e) {
        // Falls through to the error below.
      }
    } else {
      try {
        return Character.codePointOf(name.replace('-', ' ').trim());
      } catch (IllegalArgumentException e) {
        // Falls through to the error below.
      }
    }
    throw new LispSignal(Q.invalidReadSyntax, Lisp.list(Lisp.str("\\N{" + name + "}")));
  }
}
