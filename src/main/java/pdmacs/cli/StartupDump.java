package pdmacs.cli;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import pdmacs.dump.DumpFns;
import pdmacs.dump.DumpLoadException;
import pdmacs.dump.DumpLoader;
import pdmacs.dump.JarDump;
import pdmacs.eval.Eval;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.LispThrow;
import pdmacs.subr.EvalFns;

/**
 * Finds and loads the dump early in main, before any Lisp runs: --dump-file=FILE first, then
 * emacs.pdmp next to the launcher (the pdmacs.home property the scripts set), then the dump
 * stored inside the jar this class was loaded from.
 *
 * <p>Loading is split across the two threads. {@link Prefetch#run}, on the start-up thread
 * ({@link Startup}), finds, reads and checks the dump and allocates the objects a load builds
 * while the Lisp thread builds the runtime; then {@link #finish}, on the Lisp thread, links them
 * into the runtime. On two cores that hides the file reading, the checksums, the fingerprint and
 * the allocation behind Runtime.init.
 */
final class StartupDump {
  private StartupDump() {}

  static final String DUMP_NAME = "emacs.pdmp";

  /** The find-read-check-allocate half of a load, which needs no runtime. */
  static final class Prefetch {
    private final String dumpFile;
    /** -Dpdmacs.dump.map: "true" maps, "false" reads, unset decides by size. */
    private final String mapSetting;
    /** Set by run: the checked dump, or the message to print and exit with status 1. */
    private DumpLoader.Prepared prepared;
    private String failure;
    /** A Java exception from the prefetch, rethrown on the Lisp thread as before the split. */
    private RuntimeException crash;
    private String shown;
    private long nanos;
    /** Of nanos, the finding, reading and checking (the rest is allocation), for StartupTrace. */
    private long readNanos;

    Prefetch(String dumpFile) {
      this.dumpFile = dumpFile;
      this.mapSetting = System.getProperty("pdmacs.dump.map");
    }

    private boolean shouldMap(long size) {
      return StartupDump.shouldMap(size, mapSetting);
    }

    /** On the start-up thread: finds, reads and checks the dump, then allocates its objects. */
    void run() {
      long start = System.nanoTime();
      try {
        try {
          prepared = prepare();
        } finally {
          readNanos = System.nanoTime() - start;
        }
        if (prepared != null) prepared.allocate();
      } catch (DumpLoadException e) {
        failure = refusal(e.getMessage());
      } catch (IOException e) {
        failure = refusal("read error: " + e.getMessage());
      } catch (OutOfMemoryError e) {
        // Reported like any refusal, not as this thread's uncaught stack trace.
        failure = refusal(NOT_ENOUGH_MEMORY);
      } catch (RuntimeException e) {
        crash = e;
      }
      nanos = System.nanoTime() - start;
    }

    /** The one line a refused load prints: which file, and REASON. */
    String refusal(String reason) {
      return "emacs: could not load dump file \"" + shown + "\": " + reason;
    }

    private static final String NOT_ENOUGH_MEMORY = "not enough memory (raise -Xmx in PDMACS_JAVA_OPTS)";

    /** java.io.File, not java.nio.file: the latter loads some 20 classes into every start-up. */
    private DumpLoader.Prepared prepare() throws DumpLoadException, IOException {
      if (dumpFile != null) {
        shown = dumpFile;
        File f = new File(dumpFile);
        return DumpLoader.prepareFile(f, shouldMap(f.isFile() ? f.length() : 0));
      }
      String home = System.getProperty("pdmacs.home");
      File next = home == null ? null : new File(home, DUMP_NAME);
      if (next != null && next.isFile()) {
        shown = next.getPath();
        return DumpLoader.prepareFile(next, shouldMap(next.length()));
      }
      Path jar = ownJar();
      JarDump.Entry entry = jar == null ? null : JarDump.find(jar, DUMP_NAME);
      if (entry == null) {
        failure = "emacs: no dump file found: looked for " + (next == null ? DUMP_NAME : next)
            + (jar == null ? "" : " and for " + DUMP_NAME + " inside " + jar)
            + "; use --dump-file=FILE, or run temacs";
        return null;
      }
      shown = jar + "!/" + DUMP_NAME;
      return DumpLoader.prepareFile(jar.toFile(), entry.dataOffset, entry.length, shouldMap(entry.length), shown);
    }
  }

  /**
   * Uncompressed dumps of at least this size are mapped, smaller ones read. The first
   * FileChannel.map of a JVM bootstraps java.lang.invoke (a lambda in the JDK's map modes),
   * measured at 4-8 ms, while reading costs about 1 ms per MiB and the loader copies the hot
   * section into an array either way; past this size the page cache serving the cold strings
   * lazily wins (docs/FORMAT.md, "Read or map").
   */
  static final long MAP_THRESHOLD = 8L << 20;

  /** Whether a dump of SIZE bytes is mapped: -Dpdmacs.dump.map=true/false, else by size. */
  static boolean shouldMap(long size, String setting) {
    if ("true".equals(setting)) return true;
    if ("false".equals(setting)) return false;
    return size >= MAP_THRESHOLD;
  }

  /**
   * Materialises the prefetched dump into the initialised runtime; returns 0, or the exit
   * status after printing why it could not. The load time recorded for pdumper-stats is the
   * work of both halves, not the wall time in between (Runtime.init ran meanwhile).
   */
  static int finish(Prefetch p) {
    StartupTrace.duration("dump-read", p.readNanos);
    StartupTrace.duration("dump-allocate", p.nanos - p.readNanos);
    if (p.crash != null) throw p.crash;
    if (p.failure != null) {
      System.err.println(p.failure);
      return 1;
    }
    long start = System.nanoTime();
    DumpLoader.Stats stats;
    try {
      stats = p.prepared.materialise();
    } catch (DumpLoadException e) {
      System.err.println(p.refusal(e.getMessage()));
      return 1;
    }
    long nanos = p.nanos + System.nanoTime() - start;
    StartupTrace.mark("materialised");
    DumpFns.recordLoad(p.shown, nanos / 1e9);
    if (Boolean.getBoolean("pdmacs.dump.verbose")) {
      // For the benchmarks: what the load did, on stderr, one line (no printf: its Formatter
      // would load a few hundred classes into the start-up being measured).
      System.err.println("pdmacs-load: objects=" + stats.objects + " dumped=" + stats.dumped + " lazy-definitions=" + stats.lazyDefinitions + " bytes=" + stats.bytes + " mapped="
          + stats.mapped + " compressed=" + stats.compressed + " micros=" + nanos / 1000);
    }
    return 0;
  }

  /** Runs after-pdump-load-hook; an error in it is reported, as Emacs reports it, not fatal. */
  static void runAfterLoadHook() {
    try {
      EvalFns.runHook(DumpFns.afterPdumpLoadHook, new Object[0], 0);
    } catch (LispSignal | LispThrow e) {
      Main.reportTopLevel(e);
      Eval.resetToTopLevel();
    }
  }

  private static Path ownJar() {
    try {
      Path p = Paths.get(StartupDump.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
