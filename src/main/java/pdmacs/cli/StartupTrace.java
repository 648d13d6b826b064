package pdmacs.cli;

/**
 * Where a start-up's time goes, for the benchmarks: with -Dpdmacs.startup.trace=true, each
 * {@link #mark} records the time since main was entered, and {@link #print} writes them on stderr
 * in one line ("pdmacs-startup: runtime=3400 joined=5100 ..." in microseconds). Off, a mark costs
 * one static field read. Plain arrays and string concatenation: a Formatter or a collection would
 * load classes into the start-up being measured.
 */
final class StartupTrace {
  private StartupTrace() {}

  static final boolean ON = Boolean.getBoolean("pdmacs.startup.trace");
  private static final long START = System.nanoTime();
  private static final String[] names = new String[24];
  private static final long[] micros = new long[24];
  private static int count;

  /** Records that the phase NAME ended now (main, then the Lisp thread, never at once). */
  static void mark(String name) {
    if (!ON || count == names.length) return;
    names[count] = name;
    micros[count++] = (System.nanoTime() - START) / 1000;
  }

  /** Records a duration measured elsewhere (the prefetch thread's own time). */
  static void duration(String name, long nanos) {
    if (!ON || count == names.length) return;
    names[count] = name + "(own)";
    micros[count++] = nanos / 1000;
  }

  static void print() {
    if (!ON) return;
    StringBuilder b = new StringBuilder("pdmacs-startup:");
    for (int i = 0; i < count; i++) b.append(' ').append(names[i]).append('=').append(micros[i]);
    System.err.println(b);
  }
}
