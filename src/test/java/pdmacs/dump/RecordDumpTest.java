package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records in dumps. The record table is checked like the vector table: a record length the
 * writer never produces (no type slot, more slots than Lisp allows, past the section) is refused
 * with a message, with the checksums made right so that only the length is wrong. A record in a
 * lazily loaded function definition is built with it.
 */
class RecordDumpTest {
  @TempDir static Path dir;
  static byte[] good;

  @BeforeAll
  static void makeDump() throws Exception {
    Path f = dir.resolve("good.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(setq x (record 'point 1 2))",
        "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    good = Files.readAllBytes(f);
    Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 (list x (type-of x)))").ok();
    assertEquals("(#s(point 1 2) point)", p.out);
  }

  /** GOOD with the length word of its first record set to LENGTH, checksums recomputed. */
  private static byte[] withRecordLength(long length) {
    byte[] b = good.clone();
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    assertTrue(h.getInt(DumpFormat.OFF_COUNTS + 4 * DumpFormat.Types.RECORD) >= 1, "the dump has a record");
    int hot = DumpFormat.OFF_SECTIONS + DumpFormat.SECTION_HOT * DumpFormat.SECTION_ENTRY;
    long hotOffset = h.getLong(hot), hotLength = h.getLong(hot + 8);
    long table = h.getLong(DumpFormat.OFF_TABLES + 8 * DumpFormat.Types.RECORD);
    assertEquals(3, h.getLong((int) (hotOffset + table)), "the record is #s(point 1 2)");
    h.putLong((int) (hotOffset + table), length);
    CRC32 section = new CRC32();
    section.update(b, (int) hotOffset, (int) hotLength);
    h.putInt(hot + 24, (int) section.getValue());
    CRC32 header = new CRC32();
    header.update(b, 0, DumpFormat.OFF_HEADER_CRC);
    h.putInt(DumpFormat.OFF_HEADER_CRC, (int) header.getValue());
    return b;
  }

  private static void assertRefused(byte[] bytes, String name, String reason) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)");
    assertNotEquals(0, p.exit, p.toString());
    assertTrue(p.err.startsWith("emacs: could not load dump file \""), p.toString());
    assertTrue(p.err.contains(reason), "expected <" + reason + "> in " + p);
    assertFalse(p.err.contains("Exception") || p.err.contains("\tat "), p.toString());
  }

  @Test
  void recordWithoutItsTypeSlot() throws Exception {
    assertRefused(withRecordLength(0), "empty.pdmp", "bad record length 0");
  }

  @Test
  void recordLongerThanLispAllows() throws Exception {
    assertRefused(withRecordLength(4096), "long.pdmp", "bad record length 4096");
    assertRefused(withRecordLength(-1), "negative.pdmp", "bad record length -1");
  }

  @Test
  void recordPastItsSection() throws Exception {
    assertRefused(withRecordLength(4095), "past.pdmp", "record longer than its section");
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
