package pdmacs.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
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
 */
final class StartupDump {
  private StartupDump() {}

  static final String DUMP_NAME = "emacs.pdmp";

  /** Loads the dump; returns 0, or the exit status after printing why it could not. */
  static int load(String dumpFile) {
    long start = System.nanoTime();
    // Read, not mapped, by default: the first FileChannel.map of a JVM bootstraps
    // java.lang.invoke (a lambda in the JDK's map modes), which costs more than reading the
    // whole dump, and the loader copies the hot section into an array either way
    // (docs/BENCHMARKS.md has the measurements).
    boolean map = Boolean.getBoolean("pdmacs.dump.map");
    String shown = null;
    DumpLoader.Stats stats;
    try {
      if (dumpFile != null) {
        shown = dumpFile;
        stats = DumpLoader.loadFile(Paths.get(dumpFile), map);
      } else {
        String home = System.getProperty("pdmacs.home");
        Path next = home == null ? null : Paths.get(home, DUMP_NAME);
        if (next != null && Files.isRegularFile(next)) {
          shown = next.toString();
          stats = DumpLoader.loadFile(next, map);
        } else {
          Path jar = ownJar();
          JarDump.Entry entry = jar == null ? null : JarDump.find(jar, DUMP_NAME);
          if (entry == null) {
            System.err.println("emacs: no dump file found: looked for " + (next == null ? DUMP_NAME : next)
                + (jar == null ? "" : " and for " + DUMP_NAME + " inside " + jar)
                + "; use --dump-file=FILE, or run temacs");
            return 1;
          }
          shown = jar + "!/" + DUMP_NAME;
          try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            stats = DumpLoader.loadRegion(ch, entry.dataOffset, entry.length, map, shown);
          }
        }
      }
    } catch (DumpLoadException e) {
      System.err.println("emacs: could not load dump file \"" + shown + "\": " + e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println("emacs: could not load dump file \"" + shown + "\": read error: " + e.getMessage());
      return 1;
    }
    long nanos = System.nanoTime() - start;
    DumpFns.recordLoad(shown, nanos / 1e9);
    if (Boolean.getBoolean("pdmacs.dump.verbose")) {
      // For the benchmarks: what the load did, on stderr, one line.
      System.err.printf("pdmacs-load: objects=%d bytes=%d mapped=%b compressed=%b micros=%d%n",
          stats.objects, stats.bytes, stats.mapped, stats.compressed, nanos / 1000);
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
