package pdmacs.hardening;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import pdmacs.dump.DumpLoadException;
import pdmacs.dump.DumpLoader;

/**
 * Loads dump bytes into the in-process runtime and judges the outcome the way the hardening
 * contract does: a clean success (undone afterwards, so the next load starts from the same
 * runtime), or a {@link DumpLoadException} that left the runtime untouched. Anything else (another
 * exception, a change of state before a refusal, an allocation out of proportion to the file) is
 * a finding, returned as a description.
 */
public final class LoadOutcome {
  private LoadOutcome() {}

  /** Bytes a load may allocate beyond its fixed overhead, per byte of file (LZ4 expands up to 255x). */
  private static final long ALLOC_PER_BYTE_PLAIN = 32, ALLOC_PER_BYTE_LZ4 = 600;
  /** Fixed overhead of a load in a warmed-up JVM (class initialisation excluded: see warmUp). */
  public static final long OVERHEAD_PLAIN_JVM = 8L << 20;
  /** Under Jazzer's instrumentation every load allocates much more on the side. */
  public static final long OVERHEAD_INSTRUMENTED = 64L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** How many loads succeeded and how many were refused, for the report. */
  public static long loaded, refused;

  /** Lazily built definitions that a load accepted but whose building refused them. */
  public static long lazyRefused;

  /**
   * Builds every symbol and every lazily loaded definition of the dump just loaded, as their
   * first uses would: one the loader cannot build must refuse with a Lisp error, never another
   * exception.
   */
  private static void forceLazyDefinitions() {
    java.util.List<pdmacs.lisp.Symbol> symbols;
    try {
      symbols = pdmacs.lisp.Lisp.obarray.symbols();
    } catch (pdmacs.lisp.LispSignal e) {
      lazyRefused++;
      return;
    }
    for (pdmacs.lisp.Symbol s : symbols) {
      try {
        s.function();
      } catch (pdmacs.lisp.LispSignal e) {
        lazyRefused++;
      }
    }
  }

  /**
   * Loads BYTES once and forgets the outcome, so the classes a load needs are initialised before
   * allocations are measured.
   */
  public static void warmUp(byte[] bytes, Path file) throws IOException {
    long l = loaded, r = refused;
    judge(bytes, file, false, Long.MAX_VALUE);
    loaded = l;
    refused = r;
  }

  /**
   * Loads BYTES from FILE (written first); returns null when fine, else what went wrong. The load
   * may allocate OVERHEAD bytes plus a fixed multiple of the file's size.
   */
  public static String judge(byte[] bytes, Path file, boolean map, long overhead) throws IOException {
    Files.write(file, bytes);
    RuntimeState before = RuntimeState.capture();
    long tid = Thread.currentThread().getId();
    long alloc0 = THREADS.getThreadAllocatedBytes(tid);
    String finding = null;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      if (map) {
        // Mapped: the lazy sections are read whole, before loadRegion returns.
        DumpLoader.loadRegion(f, 0, f.length(), true, file.toString());
      } else {
        // Read: as at start-up, the loader keeps the file and reads the pages of the lazy
        // sections that building the symbols and definitions below needs, while F is open.
        DumpLoader.Prepared p = DumpLoader.prepareRegion(f, 0, f.length(), false, file.toString());
        p.keepFile(f);
        p.materialise();
      }
      loaded++;
      forceLazyDefinitions();
      before.restore();
    } catch (DumpLoadException e) {
      refused++;
      String changed = before.difference();
      if (changed != null) {
        before.restore();
        finding = "refused (" + e.getMessage() + ") after changing state: " + changed;
      }
    } catch (Throwable t) {
      before.restore();
      finding = "threw " + t;
    }
    long allocated = THREADS.getThreadAllocatedBytes(tid) - alloc0;
    boolean lz4 = bytes.length > 12 && (bytes[12] & 1) != 0;
    long perByte = lz4 ? ALLOC_PER_BYTE_LZ4 : ALLOC_PER_BYTE_PLAIN;
    long limit = overhead > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : overhead + bytes.length * perByte;
    if (finding == null && allocated > limit) {
      finding = "allocated " + allocated + " bytes for a " + bytes.length + "-byte file";
    }
    return finding;
  }
}
