package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a dump file can be wrong gets a one-line "could not load dump file" message naming
 * the problem and a non-zero exit: never a Java stack trace.
 */
class CorruptDumpTest {
  @TempDir static Path dir;
  static byte[] good;

  @BeforeAll
  static void makeDump() throws Exception {
    Path f = dir.resolve("good.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(setq x (car (read-from-string \"(1 \\\"two\\\" 3.0)\")))",
        "--eval", "(fset 'sq (function (lambda (n) \"Square N.\" (* n n))))",
        "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    good = Files.readAllBytes(f);
    Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)").ok();
    assertEquals("(1 \"two\" 3.0)", p.out);
  }

  private static Proc load(byte[] bytes, String name) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)");
  }

  private static void assertRefused(Proc p, String reason) {
    assertNotEquals(0, p.exit, p.toString());
    assertTrue(p.err.startsWith("emacs: could not load dump file \""), p.toString());
    assertTrue(p.err.contains(reason), "expected <" + reason + "> in " + p);
    assertFalse(p.err.contains("Exception") || p.err.contains("\tat "), p.toString());
  }

  /** Rewrites the header checksum so a change to the header is judged on its own merits. */
  private static void fixHeaderCrc(byte[] b) {
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 c = new CRC32();
    c.update(b, 0, DumpFormat.OFF_HEADER_CRC);
    h.putInt(DumpFormat.OFF_HEADER_CRC, (int) c.getValue());
  }

  @Test
  void missingFile() throws Exception {
    Proc p = Proc.run("--dump-file=" + dir.resolve("nonexistent.pdmp"), "--batch");
    assertRefused(p, "could not open file");
  }

  @Test
  void notADumpFile() throws Exception {
    assertRefused(load("(this is not a dump)\n".repeat(100).getBytes(), "text.pdmp"), "not a dump file");
    assertRefused(load(new byte[0], "empty.pdmp"), "not a dump file");
  }

  @Test
  void failedDump() throws Exception {
    byte[] b = good.clone();
    b[0] = DumpFormat.INCOMPLETE_MARK;
    assertRefused(load(b, "failed.pdmp"), "failed dump");
  }

  @Test
  void anotherRuntime() throws Exception {
    byte[] b = good.clone();
    b[DumpFormat.OFF_FINGERPRINT] ^= 1;
    fixHeaderCrc(b);
    Proc p = load(b, "foreign.pdmp");
    assertRefused(p, "built for another runtime");
    assertTrue(p.err.contains("dump fingerprint ") && p.err.contains("runtime fingerprint "), p.err);
  }

  @Test
  void otherFormatVersion() throws Exception {
    byte[] b = good.clone();
    b[DumpFormat.OFF_VERSION] = 99;
    fixHeaderCrc(b);
    assertRefused(load(b, "version.pdmp"), "unsupported dump format version 99");
  }

  @Test
  void corruptHeader() throws Exception {
    byte[] b = good.clone();
    b[DumpFormat.OFF_SECTIONS + 3] ^= 0x40;
    assertRefused(load(b, "header.pdmp"), "header checksum mismatch");
  }

  @Test
  void truncated() throws Exception {
    for (int len : new int[] {100, DumpFormat.HEADER_SIZE + 10, good.length / 2, good.length - 1}) {
      byte[] b = java.util.Arrays.copyOf(good, len);
      assertRefused(load(b, "trunc" + len + ".pdmp"), "truncated");
    }
  }

  /**
   * A flipped bit in a section read at start-up refuses the dump; one in a lazy section, read
   * when the first object not built at load is needed (here x's value), makes that use a Lisp
   * error saying so.
   */
  @Test
  void bitFlipsInEverySection() throws Exception {
    ByteBuffer h = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
    String[] names = {"hot", "cold", "discardable", "lazy hot", "lazy cold"};
    for (int s = 0; s < DumpFormat.SECTIONS; s++) {
      int e = DumpFormat.OFF_SECTIONS + s * DumpFormat.SECTION_ENTRY;
      long off = h.getLong(e), len = h.getLong(e + 8);
      assertTrue(len > 0, names[s] + " section is empty");
      byte[] b = good.clone();
      b[(int) (off + len / 2)] ^= 0x10;
      String mismatch = "checksum mismatch in the " + names[s] + " section";
      if (s < DumpFormat.SECTION_LAZY_HOT) {
        assertRefused(load(b, "flip" + s + ".pdmp"), mismatch);
      } else {
        // One page, which building x reads (PagedLazySectionsTest flips bytes in larger ones).
        assertTrue(len <= DumpFormat.LAZY_PAGE, names[s] + " section is one page");
        Path f = dir.resolve("flip" + s + ".pdmp");
        Files.write(f, b);
        Proc p = Proc.run("--dump-file=" + f, "--batch", "--eval", "(prin1 (+ 1 2))", "--eval", "(prin1 x)");
        assertEquals(255, p.exit, p.toString());
        assertEquals("3", p.out, "the dump loads");
        assertEquals("Cannot load a symbol from the dump: corrupt dump file: " + mismatch + "\n", p.err);
      }
    }
  }
}
