package pdmacs.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump that is killed or runs out of disk leaves the previous dump file as it was, and
 * loadable. The writer works in a temporary file beside the target, named FILE + digits + ".tmp"
 * and marked incomplete until its last write; a killed dump can leave that file behind (nothing
 * runs to delete it), but never anything under the target's own name.
 */
class AtomicDumpTest {
  @TempDir Path dir;

  /** A Lisp file that sets `big' to a list of N distinct strings: a heap that takes a while to dump. */
  private Path bigHeap(int n) throws IOException {
    StringBuilder sb = new StringBuilder("(setq big '(");
    for (int i = 0; i < n; i++) sb.append("\"string number ").append(i).append("\" ");
    sb.append("))\n");
    Path f = dir.resolve("big-" + n + ".el");
    Files.writeString(f, sb);
    return f;
  }

  /** Writes a small dump at FILE in which x is "old", and returns its bytes. */
  private static byte[] oldDump(Path file) throws Exception {
    Pdmacs.run("--temacs", "--batch", "--eval", "(setq x \"old\")", "--eval", "(dump-emacs-portable \"" + file + "\")").ok();
    return Files.readAllBytes(file);
  }

  private static void assertLoadsOld(Path file) throws Exception {
    assertEquals("\"old\"", Pdmacs.run("--dump-file=" + file, "--batch", "--eval", "(prin1 x)").ok().out);
  }

  private List<Path> temporaries(Path file) throws IOException {
    String prefix = file.getFileName().toString();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.equals(file) && p.getFileName().toString().startsWith(prefix)).collect(Collectors.toList());
    }
  }

  @Test
  void killedInTheMiddleOfADump() throws Exception {
    Path file = dir.resolve("emacs.pdmp");
    byte[] old = oldDump(file);
    Path heap = bigHeap(1_500_000);
    Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
    Process p = Pdmacs.start(out, err, "--temacs", "--batch", "-l", heap.toString(),
        "--eval", "(dump-emacs-portable \"" + file + "\")");
    // Kill it as soon as the temporary file appears: the dump is being written.
    boolean killedMidWrite = false;
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (p.isAlive() && System.nanoTime() < deadline) {
      if (!temporaries(file).isEmpty()) {
        p.destroyForcibly();
        killedMidWrite = true;
        break;
      }
      Thread.sleep(1);
    }
    p.waitFor();
    assertTrue(killedMidWrite, "the dump finished before it could be killed: " + Files.readString(err));
    assertNotEquals(0, p.exitValue());
    assertArrayEquals(old, Files.readAllBytes(file), "the previous dump file changed");
    assertLoadsOld(file);
    // What the killed dump left is obviously temporary, and refused if someone tries to load it.
    for (Path t : temporaries(file)) {
      assertTrue(t.getFileName().toString().matches("emacs\\.pdmp\\d+\\.tmp"), t.toString());
      Pdmacs r = Pdmacs.run("--dump-file=" + t, "--batch");
      assertNotEquals(0, r.exit);
      assertTrue(r.err.startsWith("emacs: could not load dump file"), r.toString());
    }
  }

  /** A dump onto a 1 MiB tmpfs: a clean Lisp error, the old file intact, no temporary left. */
  @Test
  void fullDisk() throws Exception {
    Path mnt = dir.resolve("small");
    Files.createDirectories(mnt);
    assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString()) == 0, "cannot mount a tmpfs here");
    try {
      Path file = mnt.resolve("emacs.pdmp");
      byte[] old = oldDump(file);
      Pdmacs r = Pdmacs.run("--temacs", "--batch", "-l", bigHeap(100_000).toString(),
          "--eval", "(dump-emacs-portable \"" + file + "\")");
      assertEquals(255, r.exit, r.toString());
      assertTrue(r.err.contains("Writing dump file") && r.err.contains("No space left on device"), r.toString());
      assertArrayEquals(old, Files.readAllBytes(file));
      assertLoadsOld(file);
      try (Stream<Path> s = Files.list(mnt)) {
        assertEquals(List.of(file), s.collect(Collectors.toList()), "a temporary file was left behind");
      }
    } finally {
      exec("umount", mnt.toString());
    }
  }

  private static int exec(String... cmd) throws IOException, InterruptedException {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }
}
