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
 * naming the problem, exit status 1, no Java stack trace; or, for what a load does not build
 * (the dumped symbols), one Lisp error naming it when the symbols are built.
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

  /** B, whose symbols are corrupt, loads, and building them (mapatoms) is a Lisp error naming REASON. */
  private static void assertRefusedWhenBuilt(byte[] b, String name, String reason) throws Exception {
    fixAllCrcs(b);
    Path f = dir.resolve(name);
    Files.write(f, b);
    Pdmacs p = Pdmacs.run("--dump-file=" + f, "--batch", "--eval", "(prin1 (+ 1 2))", "--eval", "(mapatoms #'ignore)");
    assertEquals(255, p.exit, p.toString());
    assertEquals("3", p.out, p.toString());
    assertTrue(p.err.startsWith("Cannot load a symbol from the dump: corrupt dump file: "), p.toString());
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
    assertRefusedWhenBuilt(b, "negative-name.pdmp", "string data outside the cold section");
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
    assertRefusedWhenBuilt(b, "shared-names.pdmp", "cold section data used more than once");
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
   * obarray was noticed only while interning. Now two of the obarray's symbols given one name:
   * the second one built is refused.
   */
  @Test
  void symbolInternedTwice() throws Exception {
    byte[] b = seed.clone();
    ByteBuffer h = le(b);
    int symbols = h.getInt(OFF_COUNTS + 4 * 1);
    int first = -1, second = -1;
    for (int i = 0, p = firstSymbol(b); i < symbols && second < 0; i++, p += 40) {
      boolean inObarray = (h.getInt(p + 8) >>> 8) != 0;
      if (!inObarray) continue;
      if (first < 0) first = p;
      else second = p;
    }
    assertTrue(second > 0, "the seed interns at least two symbols");
    // The name (offset, length) and its hash.
    h.putLong(second, h.getLong(first));
    h.putInt(second + 12, h.getInt(first + 12));
    assertRefusedWhenBuilt(b, "interned-twice.pdmp", "interned twice");
  }

  /** A lazy definition's word (number 0: the seed's sq has one), as the writer puts in a function cell. */
  private static final long LAZY_0 = (3 << 2) | 3;

  /**
   * Was a #<java LazyDefinition> in a variable: a lazy definition where the writer never puts
   * one (a value cell) was built like one in a function cell, and Lisp saw the Java object.
   */
  @Test
  void lazyDefinitionInAValueCell() throws Exception {
    byte[] b = seed.clone();
    ByteBuffer h = le(b);
    int symbols = h.getInt(OFF_COUNTS + 4 * 1);
    for (int i = 0, p = firstSymbol(b); i < symbols; i++, p += 40) h.putLong(p + 16, LAZY_0);
    assertRefusedWhenBuilt(b, "lazy-value.pdmp", "lazy definition where a value is required");
    // A built-in symbol's value, built at load.
    b = seed.clone();
    le(b).putLong(sectionOffset(b, 2) + 8 + 8, LAZY_0);
    assertRefused(b, "lazy-builtin-value.pdmp", "lazy definition where a value is required");
  }
}
