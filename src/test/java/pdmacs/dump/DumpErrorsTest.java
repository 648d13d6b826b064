package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump that cannot be made fails with a Lisp error and leaves the previous file alone. */
class DumpErrorsTest {
  @TempDir Path dir;

  @Test
  void undumpableObjectIsNamedAndThePreviousDumpSurvives() throws Exception {
    Path f = dir.resolve("keep.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(setq x 1)", "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    byte[] before = Files.readAllBytes(f);
    Proc p = Proc.run("--temacs", "--batch",
        "--eval", "(setq holder (cons 'a (internal--string-output-stream)))",
        "--eval", "(dump-emacs-portable \"" + f + "\")");
    assertEquals(255, p.exit, p.toString());
    assertTrue(p.err.contains("Cannot dump #<string-output>"), p.err);
    assertTrue(p.err.contains("TRACK-REFERRERS"), p.err);
    assertArrayEquals(before, Files.readAllBytes(f));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void trackReferrersShowsTheChainFromARoot() throws Exception {
    Path f = dir.resolve("t.pdmp");
    Proc p = Proc.run("--temacs", "--batch",
        "--eval", "(setq holder (cons 'a (internal--string-output-stream)))",
        "--eval", "(dump-emacs-portable \"" + f + "\" t)");
    assertEquals(255, p.exit, p.toString());
    assertTrue(p.err.contains("<- (a . #<string-output>)"), p.err);
    assertTrue(p.err.contains("<- holder"), p.err);
    assertTrue(p.err.contains("<- the obarray"), p.err);
    assertFalse(Files.exists(f));
  }

  @Test
  void dumpingNeedsBatchMode() throws Exception {
    Path f = dir.resolve("i.pdmp");
    Proc p = Proc.run("--temacs", "--eval", "(setq noninteractive nil)",
        "--eval", "(dump-emacs-portable \"" + f + "\")");
    assertEquals(255, p.exit, p.toString());
    assertTrue(p.err.contains("Dumping Emacs currently works only in batch mode"), p.err);
    assertFalse(Files.exists(f));
  }
}
