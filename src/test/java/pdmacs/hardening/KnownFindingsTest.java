package pdmacs.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pdmacs.hardening.DumpBytes.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader bugs DumpMutationTest found, each kept as the edit of a fresh dump that exposed it
 * (edits, not committed files: a committed dump goes stale with every change to the runtime's
 * classes) and checked end to end through the launcher: one "could not load dump file" line
 * naming the problem, exit status 1, no Java stack trace.
 */
class KnownFindingsTest {
  @TempDir static Path dir;
  static byte[] seed;

  @BeforeAll
  static void makeSeed() throws Exception {
    seed = DumpBytes.makeSeed(dir, false);
  }

  private static int sectionOffset(byte[] b, int s) {
    return (int) le(b).getLong(sectionEntry(s));
  }

  /** Offset in the file of the first symbol record. */
  private static int firstSymbol(byte[] b) {
    return sectionOffset(b, 0) + (int) le(b).getLong(OFF_TABLES + 8 * 1);
  }

  private static void assertRefused(byte[] b, String name, String reason) throws Exception {
    fixAllCrcs(b);
    Path f = dir.resolve(name);
    Files.write(f, b);
    Pdmacs p = Pdmacs.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)");
    assertEquals(1, p.exit, p.toString());
    assertTrue(p.err.startsWith("emacs: could not load dump file \"" + f + "\": "), p.toString());
    assertTrue(p.err.contains(reason), "expected <" + reason + "> in " + p);
    assertFalse(p.err.contains("Exception") || p.err.contains("\tat "), p.toString());
  }

  @Test
  void seedLoads() throws Exception {
    Path f = dir.resolve("seed.pdmp");
    Files.write(f, seed);
    assertTrue(Pdmacs.run("--dump-file=" + f, "--batch", "--eval", "(prin1 x)").ok().out.startsWith("(1 \"two\" 3.0"));
  }

  /** Was NegativeArraySizeException: the name's byte array was allocated before its range was checked. */
  @Test
  void negativeSymbolNameLength() throws Exception {
    byte[] b = seed.clone();
    le(b).putInt(firstSymbol(b) + 4, -3);
    assertRefused(b, "negative-name.pdmp", "string data outside the cold section");
  }

  /** Was an allocation of up to 2 GiB before the check; then every symbol naming the whole cold section. */
  @Test
  void symbolNamesSharingTheColdSection() throws Exception {
    byte[] b = seed.clone();
    ByteBuffer h = le(b);
    int coldLength = (int) h.getLong(sectionEntry(1) + 8);
    int symbols = h.getInt(OFF_COUNTS + 4 * 1);
    for (int i = 0, p = firstSymbol(b); i < symbols; i++, p += 40) {
      h.putInt(p, 0);
      h.putInt(p + 4, coldLength);
    }
    assertRefused(b, "shared-names.pdmp", "cold section data used more than once");
  }

  /** Was an IOException (read at a huge position): offset + length overflowed past the size check. */
  @Test
  void sectionOffsetOverflow() throws Exception {
    byte[] b = seed.clone();
    le(b).putLong(sectionEntry(2), Long.MAX_VALUE);
    assertRefused(b, "offset-overflow.pdmp", "truncated dump file");
  }

  /**
   * Was a refusal after the built-in symbols had been overwritten: a symbol listed twice for the
   * obarray was noticed only while interning. The message was right before too; that nothing
   * changes before it is what DumpMutationTest checks in-process.
   */
  @Test
  void symbolInternedTwice() throws Exception {
    byte[] b = seed.clone();
    ByteBuffer h = le(b);
    int disc = sectionOffset(b, 2);
    int builtins = h.getInt(disc);
    int list = disc + 8 + 32 * builtins;
    assertTrue(h.getInt(list) >= 2, "the seed interns at least two symbols");
    h.putLong(list + 16, h.getLong(list + 8));
    assertRefused(b, "interned-twice.pdmp", "interned twice");
  }
}
