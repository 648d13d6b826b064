package pdmacs.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dumper's walk and the loader over a million-long list and a million-deep one: both are
 * linear passes (a queue, not recursion), so both dump and load, and the loaded structures are
 * whole.
 */
class BigHeapDumpTest {
  @TempDir Path dir;

  @Test
  void millionLongAndMillionDeepListsDumpAndLoad() throws Exception {
    Path file = dir.resolve("big.pdmp");
    Pdmacs.run("--temacs", "--batch",
        "--eval", "(setq long (make-list 1000000 'x))",
        "--eval", "(let ((i 0) (a nil)) (while (< i 1000000) (setq a (list a) i (1+ i))) (setq deep a))",
        "--eval", "(dump-emacs-portable \"" + file + "\")").ok();
    Pdmacs p = Pdmacs.run("--dump-file=" + file, "--batch", "--eval",
        "(let ((n 0) (a deep)) (while a (setq a (car a) n (1+ n))) (prin1 (list (length long) n)))").ok();
    assertEquals("(1000000 1000000)", p.out);
  }
}
