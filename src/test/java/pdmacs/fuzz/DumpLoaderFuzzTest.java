package pdmacs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import pdmacs.hardening.DumpBytes;
import pdmacs.hardening.LoadOutcome;
import pdmacs.runtime.Runtime;

/**
 * Coverage-guided fuzzing of the dump loader with Jazzer. Each input is a dump file; before it is
 * loaded, the current runtime's fingerprint is written into it and every checksum recomputed, so
 * seeds made by an older build stay valid and the fuzzer's edits reach the structural checks (the
 * checksums themselves are covered by DumpMutationTest). Seeds and findings live in
 * src/test/resources/pdmacs/fuzz/DumpLoaderFuzzTestInputs/loader; `make check` replays them,
 * `make fuzz` fuzzes. Isolated like DumpMutationTest: a successful load touches global state
 * (undone after each input).
 */
@Tag("isolated")
class DumpLoaderFuzzTest {
  private static Path file;

  @BeforeAll
  static void init() throws Exception {
    Runtime.init();
    file = Files.createTempFile("pdmacs-fuzz", ".pdmp");
    file.toFile().deleteOnExit();
    if (System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty()) addFreshSeeds();
  }

  /**
   * When fuzzing, puts dumps made by this build into Jazzer's generated corpus, beside the
   * committed seeds: those may come from a runtime with another set of built-in symbols.
   */
  private static void addFreshSeeds() throws Exception {
    Path corpus = Path.of(".cifuzz-corpus", DumpLoaderFuzzTest.class.getName(), "loader");
    Files.createDirectories(corpus);
    Path dir = Files.createTempDirectory("pdmacs-seed");
    Files.write(corpus.resolve("fresh-seed-plain"), DumpBytes.makeSeed(dir, false));
    Files.write(corpus.resolve("fresh-seed-lz4"), DumpBytes.makeSeed(dir, true));
  }

  @FuzzTest(maxDuration = "60s")
  void loader(byte[] data) throws IOException {
    byte[] b = data.clone();
    DumpBytes.patchFingerprint(b);
    DumpBytes.fixAllCrcs(b);
    String finding = LoadOutcome.judge(b, file, false, LoadOutcome.OVERHEAD_INSTRUMENTED);
    if (finding != null) throw new AssertionError(finding);
  }

  /** A dump made by this very build goes through the same target (committed seeds may be stale). */
  @Test
  void freshSeedsLoad() throws Exception {
    Path dir = Files.createTempDirectory("pdmacs-seed");
    for (boolean lz4 : new boolean[] {false, true}) {
      long loaded = LoadOutcome.loaded;
      loader(DumpBytes.makeSeed(dir, lz4));
      assertEquals(loaded + 1, LoadOutcome.loaded, "the fresh seed must load");
    }
  }
}
