package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dump a heap in one process, load it in a fresh one, and compare everything reachable: the
 * {@link HeapDigest} before the dump must equal the digest after the load.
 */
class RoundTripTest {
  @TempDir static Path dir;
  static Path heapEl;
  static Path dump;
  static String digestBefore;

  static final String DIGEST = "(pdmacs-write-file \"%s\" (pdumper--heap-digest roots-all))";

  @BeforeAll
  static void dumpHeap() throws Exception {
    heapEl = dir.resolve("heap.el");
    Files.copy(RoundTripTest.class.getResourceAsStream("/dump/heap.el"), heapEl);
    dump = dir.resolve("heap.pdmp");
    Path before = dir.resolve("before.txt");
    Proc.run("--temacs", "--batch", "-l", heapEl.toString(),
        "--eval", String.format(DIGEST, before),
        "--eval", "(dump-emacs-portable \"" + dump + "\")").ok();
    digestBefore = Files.readString(before);
  }

  private static String digestAfterLoad(List<String> jvmFlags) throws Exception {
    Path after = Files.createTempFile(dir, "after", ".txt");
    Proc.run(jvmFlags, "--dump-file=" + dump, "--batch", "--eval", String.format(DIGEST, after)).ok();
    return Files.readString(after);
  }

  @Test
  void everythingReachableSurvives() throws Exception {
    assertTrue(digestBefore.contains("uninterned"), digestBefore);
    assertEquals(digestBefore, digestAfterLoad(List.of()));
  }

  /** Names beyond ASCII, a raw byte among them, come back whole and findable by intern-soft. */
  @Test
  void symbolNamesSurviveWithTheirBytes() throws Exception {
    Path names = dir.resolve("names.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(setq names (list (intern (string 4194303 ?a)) (intern \"é\")"
        + " (intern (string #x1F600)) (make-symbol (string 4194176))))", "--eval",
        "(dump-emacs-portable \"" + names + "\")").ok();
    Proc p = Proc.run("--dump-file=" + names, "--batch", "--eval",
        "(prin1 (mapcar (function (lambda (s) (list (append (symbol-name s) nil) (eq s (intern-soft (symbol-name s))))))"
            + " names))").ok();
    assertEquals("(((4194303 97) t) ((233) t) ((128512) t) ((4194176) nil))", p.out);
  }

  @Test
  void loadedFunctionsAndTablesWork() throws Exception {
    Proc p = Proc.run("--dump-file=" + dump, "--batch", "--eval",
        "(progn (prin1 (square 12)) (princ \" \") (prin1 (funcall a-closure))"
            + " (princ \" \") (prin1 (gethash \"a\" ht-my)) (prin1 (gethash (car (read-from-string \"(x y)\")) ht-my))"
            + " (princ \" \") (prin1 (gethash 'k2 (aref roots 29))) (princ \" \") (prin1 (get 'square 'doc)))").ok();
    assertEquals("144 42 12 (v2 list) \"The square of X.\"", p.out);
  }

  @Test
  void recordsLoadAsRecords() throws Exception {
    Proc p = Proc.run("--dump-file=" + dump, "--batch", "--eval",
        "(let ((n (length roots))) (prin1 (list (aref roots (- n 4)) (type-of (aref roots (- n 4)))"
            + " (type-of (aref roots (- n 3))) (let ((node (aref roots (- n 2)))) (eq node (aref node 1)))"
            + " (recordp big-record) (length big-record))))").ok();
    assertEquals("(#s(point 1 \"two\" (3) [4]) point named-by-class t t 4095)", p.out);
  }

  /** A dump written under one collector loads and runs under the others. */
  @ParameterizedTest
  @ValueSource(strings = {"-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseG1GC", "-XX:+UseZGC"})
  void loadsUnderEveryCollector(String gc) throws Exception {
    assertEquals(digestBefore, digestAfterLoad(List.of(gc)));
  }

  @Test
  void sameHeapGivesTheSameBytes() throws Exception {
    // The same command line twice (command-line-args is part of the heap), copying in between.
    Path det = dir.resolve("det.pdmp");
    String[] args = {"--temacs", "--batch", "-l", heapEl.toString(), "--eval", "(dump-emacs-portable \"" + det + "\")"};
    Proc.run(args).ok();
    byte[] first = Files.readAllBytes(det);
    Proc.run(args).ok();
    assertArrayEquals(first, Files.readAllBytes(det));
  }

  @Test
  void dumpTwiceInOneSessionGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.pdmp");
    Path b = dir.resolve("b.pdmp");
    Proc.run("--temacs", "--batch", "-l", heapEl.toString(),
        "--eval", "(dump-emacs-portable \"" + a + "\")",
        "--eval", "(dump-emacs-portable \"" + b + "\")").ok();
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void compressedDumpRoundTrips() throws Exception {
    Path lz4 = dir.resolve("lz4.pdmp");
    Proc.run("--temacs", "--batch", "-l", heapEl.toString(),
        "--eval", "(setq pdumper-compress t)",
        "--eval", "(dump-emacs-portable \"" + lz4 + "\")").ok();
    Path after = dir.resolve("after-lz4.txt");
    Proc.run("--dump-file=" + lz4, "--batch", "--eval", String.format(DIGEST, after)).ok();
    assertEquals(digestBefore, Files.readString(after));
  }

  @Test
  void dumpOfADumpedSession() throws Exception {
    Path second = dir.resolve("second.pdmp");
    Proc.run("--dump-file=" + dump, "--batch",
        "--eval", "(fset 'cube (function (lambda (x) (* x x x))))",
        "--eval", "(setq user-var (car (read-from-string \"#1=(u . #1#)\")))",
        "--eval", "(dump-emacs-portable \"" + second + "\")").ok();
    Proc p = Proc.run("--dump-file=" + second, "--batch", "--eval",
        "(progn (prin1 (cube 3)) (princ \" \") (prin1 (square 5)) (princ \" \")"
            + " (prin1 (eq user-var (cdr user-var))))").ok();
    assertEquals("27 25 t", p.out);
  }

  @Test
  void dumpMessagesFollowEmacs() throws Exception {
    Path f = dir.resolve("msg.pdmp");
    Proc p = Proc.run("--temacs", "--batch", "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    String[] lines = p.err.split("\n");
    assertTrue(lines[0].matches("Dumping fingerprint: [0-9a-f]{64}"), p.err);
    assertEquals("Dump complete", lines[1]);
    assertTrue(lines[2].matches("Byte counts: header=\\d+ hot=\\d+ discardable=\\d+ cold=\\d+"), p.err);
    assertTrue(lines[3].matches("Reloc counts: hot=\\d+ discardable=\\d+"), p.err);
  }

  /** The working directory and the environment are the new process's, not the dumping one's. */
  @Test
  void processVariablesDescribeTheNewProcess() throws Exception {
    Path elsewhere = Files.createTempDirectory(dir, "elsewhere");
    Proc p = Proc.runIn(elsewhere, List.of(), "--dump-file=" + dump, "--batch", "--eval",
        "(progn (princ default-directory) (princ \" \") (princ (car (member \"PDMACS_TEST_MARK=fresh\" process-environment))))").ok();
    assertEquals(elsewhere.toRealPath() + "/ PDMACS_TEST_MARK=fresh", p.out);
  }

  @Test
  void pdumperStatsDescribeTheLoad() throws Exception {
    Proc p = Proc.run("--dump-file=" + dump, "--batch", "--eval",
        "(progn (prin1 (car (car (pdumper-stats)))) (princ \" \") (prin1 (cdr (car (cdr (cdr (pdumper-stats)))))))").ok();
    assertEquals("dumped-with-pdumper \"" + dump + "\"", p.out);
  }
}
