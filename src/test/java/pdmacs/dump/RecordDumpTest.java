package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmacs.hardening.DumpBytes;

/**
 * Records in dumps. The record table is checked like the vector table: a record length the
 * writer never produces (no type slot, more slots than Lisp allows, past the section) is refused
 * with a message, with the checksums made right so that only the length is wrong: at load when
 * the record is built at load (a dump made with pdumper-lazy-definitions nil builds everything
 * then), else as a Lisp error when it is first needed. A record in a lazily loaded function
 * definition is built with it.
 */
class RecordDumpTest {
  @TempDir static Path dir;
  /** x is #s(point 1 2): built when x is first needed, or (EAGER) at load. */
  static byte[] lazy, eager;

  @BeforeAll
  static void makeDumps() throws Exception {
    lazy = makeDump("lazy.pdmp", "t");
    eager = makeDump("eager.pdmp", "nil");
  }

  private static byte[] makeDump(String name, String lazyDefinitions) throws Exception {
    Path f = dir.resolve(name);
    Proc.run("--temacs", "--batch", "--eval", "(setq x (record 'point 1 2))",
        "--eval", "(let ((pdumper-lazy-definitions " + lazyDefinitions + ")) (dump-emacs-portable \"" + f + "\"))").ok();
    Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 (list x (type-of x)))").ok();
    assertEquals("(#s(point 1 2) point)", p.out);
    return Files.readAllBytes(f);
  }

  /** Offset in the file of section S's entry in the header. */
  private static int entry(int s) {
    return DumpFormat.OFF_SECTIONS + s * DumpFormat.SECTION_ENTRY;
  }

  /** DUMP with the length word of its first record set to LENGTH, checksums recomputed. */
  private static byte[] withRecordLength(byte[] dump, long length) {
    byte[] b = dump.clone();
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int t = DumpFormat.Types.RECORD;
    assertTrue(h.getInt(DumpFormat.OFF_COUNTS + 4 * t) >= 1, "the dump has a record");
    long hotOffset = h.getLong(entry(DumpFormat.SECTION_HOT)), hotWords = h.getLong(entry(DumpFormat.SECTION_HOT) + 16) / 8;
    long lazyOffset = h.getLong(entry(DumpFormat.SECTION_LAZY_HOT));
    long at;
    if (h.getInt(DumpFormat.OFF_EAGER_COUNTS + 4 * t) >= 1) {
      at = hotOffset + h.getLong(DumpFormat.OFF_TABLES + 8 * t);
    } else {
      // The index of the records built on demand: one word each, where it starts in lazy hot.
      long index = h.getLong(DumpFormat.OFF_DEMAND_TABLES + 8 * t);
      at = lazyOffset + 8 * h.getLong((int) (lazyOffset + 8 * (index - hotWords)));
    }
    assertEquals(3, h.getLong((int) at), "the record is #s(point 1 2)");
    h.putLong((int) at, length);
    // The page checksums (of a lazy section), the section's and the header's.
    DumpBytes.fixAllCrcs(b);
    return b;
  }

  /** The edited EAGER dump is refused at load, the edited LAZY one when x is first needed. */
  private static void assertRefused(long length, String name, String reason) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, withRecordLength(eager, length));
    Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)");
    assertEquals(1, p.exit, p.toString());
    assertTrue(p.err.startsWith("emacs: could not load dump file \""), p.toString());
    assertTrue(p.err.contains(reason), "expected <" + reason + "> in " + p);
    assertFalse(p.err.contains("Exception") || p.err.contains("\tat "), p.toString());
    Files.write(f, withRecordLength(lazy, length));
    p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)");
    assertEquals(255, p.exit, p.toString());
    assertEquals("Cannot load a symbol from the dump: corrupt dump file: " + reason + "\n", p.err);
  }

  @Test
  void recordWithoutItsTypeSlot() throws Exception {
    assertRefused(0, "empty.pdmp", "bad record length 0");
  }

  @Test
  void recordLongerThanLispAllows() throws Exception {
    assertRefused(4096, "long.pdmp", "bad record length 4096");
    assertRefused(-1, "negative.pdmp", "bad record length -1");
  }

  @Test
  void recordPastItsSection() throws Exception {
    assertRefused(4095, "past.pdmp", "record longer than its section");
  }

  @Test
  void recordInALazyDefinition() throws Exception {
    Path f = dir.resolve("lazy.pdmp");
    Proc.run("--temacs", "--batch",
        "--eval", "(fset 'make-origin (function (lambda () (list '#s(point 0 0) (record 'point 1 2)))))",
        "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    Proc p = Proc.run(List.of("-Dpdmacs.dump.verbose=true"), "--dump-file=" + f, "--batch",
        "--eval", "(prin1 (let ((r (make-origin))) (list r (type-of (car r)) (eq (car r) (car (make-origin))))))").ok();
    assertEquals("((#s(point 0 0) #s(point 1 2)) point t)", p.out);
    Matcher m = Pattern.compile("lazy-definitions=(\\d+)").matcher(p.err);
    assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 1, "make-origin is a lazy definition: " + p.err);
  }
}
