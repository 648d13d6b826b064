package pdmacs.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
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
 * ({@link Startup}), finds, reads and checks the dump while the Lisp thread builds the runtime;
 * then the start-up thread allocates the dumped symbols while the Lisp thread allocates the other
 * objects and then helps with the symbols ({@link Prefetch#allocateOthersWhenRead}); then
 * {@link #finish}, on the Lisp thread,
 * links everything into the runtime. On two cores that hides the file reading, the checksums,
 * the fingerprint and the allocation behind Runtime.init and each other.
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
    /** The same for allocateOthersWhenRead, which the Lisp thread runs (its own fields: no race). */
    private String othersFailure;
    private RuntimeException othersCrash;
    private long othersNanos;
    /** The same for the start-up thread's share of the conses' fields. */
    private String fillFailure;
    private RuntimeException fillCrash;
    private long fillNanos;
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

    /**
     * On the start-up thread: finds, reads and checks the dump, then allocates its share of the
     * symbols, then, when the Lisp thread has begun linking ({@link #startLink}), its share of
     * the conses' fields. Each step is announced ({@link #phase}) for the Lisp thread.
     */
    void run() {
      long start = System.nanoTime();
      try {
        try {
          prepared = prepare();
        } finally {
          readNanos = System.nanoTime() - start;
          enter(READ);
        }
        if (prepared != null) prepared.allocateSymbols();
      } catch (DumpLoadException e) {
        failure = message(e);
      } catch (IOException e) {
        failure = "emacs: could not load dump file \"" + shown + "\": read error: " + e.getMessage();
      } catch (RuntimeException e) {
        crash = e;
      } finally {
        nanos = System.nanoTime() - start;
        enter(ALLOCATED);
      }
      try {
        if (prepared != null && failure == null && crash == null && awaitLink()) {
          long fill = System.nanoTime();
          try {
            prepared.fillConses();
          } catch (DumpLoadException e) {
            fillFailure = message(e);
          } catch (RuntimeException e) {
            fillCrash = e;
          }
          fillNanos = System.nanoTime() - fill;
        }
      } finally {
        enter(FILLED);
      }
    }

    private String message(DumpLoadException e) {
      return "emacs: could not load dump file \"" + shown + "\": " + e.getMessage();
    }

    /** The start-up thread's progress, guarded by this: each phase's results are set before. */
    private int phase;
    static final int READ = 1, ALLOCATED = 2, FILLED = 3;
    /** Guarded by this: 0 until the Lisp thread decides, then 1 (fill the conses) or -1 (stop). */
    private int link;

    private synchronized void enter(int p) {
      phase = p;
      notifyAll();
    }

    /** Waits until the start-up thread has reached phase P, keeping the interrupt status. */
    synchronized void awaitPhase(int p) {
      boolean interrupted = false;
      while (phase < p) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }

    /** On the start-up thread: whether the Lisp thread wants its share of the conses filled. */
    private synchronized boolean awaitLink() {
      while (link == 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          link = -1;
        }
      }
      return link > 0;
    }

    /** On the Lisp thread: lets the start-up thread fill conses (GO) or end. */
    synchronized void startLink(boolean go) {
      if (link == 0) link = go ? 1 : -1;
      notifyAll();
    }

    /**
     * On the Lisp thread, once the runtime is built: waits until the dump is read, then
     * allocates what the symbols' share leaves, while the start-up thread allocates the symbols.
     */
    void allocateOthersWhenRead() {
      awaitPhase(READ);
      DumpLoader.Prepared p = prepared;
      if (p == null) return;
      long start = System.nanoTime();
      try {
        p.allocateOthers();
        // Then help with the symbols the start-up thread is allocating.
        p.allocateSymbols();
      } catch (DumpLoadException e) {
        othersFailure = message(e);
      } catch (RuntimeException e) {
        othersCrash = e;
      }
      othersNanos = System.nanoTime() - start;
    }

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
      RandomAccessFile f = new RandomAccessFile(jar.toFile(), "r");
      boolean kept = false;
      try {
        DumpLoader.Prepared p = DumpLoader.prepareRegion(f, entry.dataOffset, entry.length, shouldMap(entry.length), shown);
        // The loader reads the lazily built definitions from it when one is first used.
        p.keepFile(f);
        kept = true;
        return p;
      } finally {
        if (!kept) f.close();
      }
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
    StartupTrace.duration("dump-allocate-symbols", p.nanos - p.readNanos);
    StartupTrace.duration("dump-allocate-others", p.othersNanos);
    long start = System.nanoTime();
    String refused = p.failure != null ? p.failure : p.othersFailure;
    RuntimeException crash = p.crash != null ? p.crash : p.othersCrash;
    if (refused == null && crash == null) {
      try {
        p.prepared.beginLink();
      } catch (DumpLoadException e) {
        refused = p.message(e);
      } catch (RuntimeException e) {
        crash = e;
      }
    }
    p.startLink(refused == null && crash == null);
    if (crash != null) throw crash;
    if (refused != null) {
      System.err.println(refused);
      return 1;
    }
    DumpLoader.Stats stats;
    try {
      // The conses' fields, shared with the start-up thread; then, once its share is done,
      // the rest, which changes the runtime only if everything has passed.
      p.prepared.fillConses();
      p.awaitPhase(Prefetch.FILLED);
      StartupTrace.duration("dump-fill-conses", p.fillNanos);
      if (p.fillCrash != null) throw p.fillCrash;
      if (p.fillFailure != null) {
        System.err.println(p.fillFailure);
        return 1;
      }
      stats = p.prepared.materialise();
    } catch (DumpLoadException e) {
      System.err.println(p.message(e));
      return 1;
    }
    long nanos = p.nanos + p.othersNanos + p.fillNanos + System.nanoTime() - start;
    StartupTrace.mark("materialised");
    DumpFns.recordLoad(p.shown, nanos / 1e9);
    if (Boolean.getBoolean("pdmacs.dump.verbose")) {
      // For the benchmarks: what the load did, on stderr, one line (no printf: its Formatter
      // would load a few hundred classes into the start-up being measured).
      System.err.println("pdmacs-load: objects=" + stats.objects + " lazy-definitions=" + stats.lazyDefinitions + " bytes=" + stats.bytes + " mapped="
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
