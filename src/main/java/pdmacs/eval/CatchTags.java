package pdmacs.eval;

import pdmacs.lisp.Lisp;

/** The tags of the catches now active, so throw can signal no-catch before unwinding. */
final class CatchTags {
  private CatchTags() {}

  private static Object[] tags = new Object[64];
  private static int top;

  static void push(Object tag) {
    if (top == tags.length) tags = java.util.Arrays.copyOf(tags, top * 2);
    tags[top++] = tag;
  }

  static void pop() {
    tags[--top] = null;
  }

  static boolean active(Object tag) {
    for (int i = top - 1; i >= 0; i--) if (Lisp.eq(tags[i], tag)) return true;
    return false;
  }

  static void reset() {
    while (top > 0) tags[--top] = null;
  }
}
