package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump that is read, not mapped, reads its lazy sections page by page, only the pages the
 * objects it builds need (docs/FORMAT.md, "The lazy sections"). Here two variables hold long
 * lists and two hold long strings, each spanning several pages of lazy hot or lazy cold, and a
 * vector, a hash table, a record and a bool-vector span pages too: they come back whole, and a
 * flipped byte in a page only the second list (or string) needs leaves a run that uses the first
 * alone untouched, while a run that uses the second gets the Lisp error a bad section gives. A
 * mapped dump checks each lazy section whole, so there the same flip stops the first use too.
 */
class PagedLazySectionsTest {
  @TempDir static Path dir;
  static byte[] good;

  /** Only built-ins: temacs has no library. 6000 conses are 96 KB of lazy hot, six pages. */
  static final String HEAP = String.join("\n",
      "(setq paged-a (let ((l nil) (i 0)) (while (< i 6000) (setq l (cons (+ 100000 i) l) i (1+ i))) l))",
      "(setq paged-b (let ((l nil) (i 0)) (while (< i 6000) (setq l (cons (+ 200000 i) l) i (1+ i))) l))",
      "(setq paged-s (make-string 40000 ?s))",
      "(setq paged-t (make-string 40000 ?t))",
      "(setq paged-v (make-vector 5001 'v))",
      "(aset paged-v 5000 \"last\")",
      "(setq paged-h (make-hash-table :test 'eql))",
      "(let ((i 0)) (while (< i 3000) (puthash i (* i i) paged-h) (setq i (1+ i))))",
      "(setq paged-r (make-record 'big 3000 'r))",
      "(setq paged-bv (make-bool-vector 300001 t))");

  static final String SUMMARY = "(prin1 (list (length paged-v) (aref paged-v 4999) (aref paged-v 5000)"
      + " (hash-table-count paged-h) (gethash 2999 paged-h) (aref paged-r 3000) (length paged-bv)"
      + " (aref paged-bv 300000) (length paged-t) (aref paged-t 39999) (nth 5999 paged-b)))";

  @BeforeAll
  static void makeDump() throws Exception {
    Path heap = dir.resolve("heap.el");
    Files.writeString(heap, HEAP);
    Path f = dir.resolve("good.pdmp");
    Proc.run("--temacs", "--batch", "-l", heap.toString(), "--eval", "(dump-emacs-portable \"" + f + "\")").ok();
    good = Files.readAllBytes(f);
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Offset in the file, and length, of section S. */
  private static long[] section(byte[] b, int s) {
    int e = DumpFormat.OFF_SECTIONS + s * DumpFormat.SECTION_ENTRY;
    return new long[] {le(b).getLong(e), le(b).getLong(e + 8)};
  }

  /** The offset in the file of the first 8-byte slot of section S that holds WORD. */
  private static int findWord(byte[] b, int s, long word) {
    long[] sec = section(b, s);
    for (long at = sec[0]; at + 8 <= sec[0] + sec[1]; at += 8) {
      if (le(b).getLong((int) at) == word) return (int) at;
    }
    throw new AssertionError("word " + word + " not in section " + s);
  }

  private static Proc run(byte[] b, String name, List<String> jvmFlags, String... eval) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, b);
    String[] args = new String[2 + 2 * eval.length];
    args[0] = "--dump-file=" + f;
    args[1] = "--batch";
    for (int i = 0; i < eval.length; i++) {
      args[2 + 2 * i] = "--eval";
      args[3 + 2 * i] = eval[i];
    }
    return Proc.run(jvmFlags, args);
  }

  private static final List<String> READ = List.of("-Dpdmacs.dump.map=false"), MAP = List.of("-Dpdmacs.dump.map=true");

  @Test
  void theSectionsSpanPages() {
    assertTrue(section(good, DumpFormat.SECTION_LAZY_HOT)[1] > 8L * DumpFormat.LAZY_PAGE, "lazy hot spans pages");
    assertTrue(section(good, DumpFormat.SECTION_LAZY_COLD)[1] > 4L * DumpFormat.LAZY_PAGE, "lazy cold spans pages");
  }

  /** Records and bytes across pages come back whole, read page by page or mapped. */
  @Test
  void objectsAcrossPagesComeBackWhole() throws Exception {
    String expected = "(5001 v \"last\" 3000 8994001 r 300001 t 40000 116 200000)";
    assertEquals(expected, run(good, "good.pdmp", READ, SUMMARY).ok().out);
    assertEquals(expected, run(good, "good.pdmp", MAP, SUMMARY).ok().out);
  }

  /**
   * A flipped bit in a page of lazy hot that only paged-b's conses lie in (the cons whose car is
   * 203000, in the middle of the list: the writer numbers what each variable reaches together).
   */
  @Test
  void aBadPageOfLazyHotStopsOnlyWhatNeedsIt() throws Exception {
    byte[] b = good.clone();
    b[findWord(b, DumpFormat.SECTION_LAZY_HOT, DumpFormat.fixnum(203000))] ^= 0x10;
    assertBadPage(b, "hot.pdmp", "paged-a", 6000, "paged-b", "lazy hot");
  }

  /** The same for a page of lazy cold that only paged-t's bytes lie in. */
  @Test
  void aBadPageOfLazyColdStopsOnlyWhatNeedsIt() throws Exception {
    byte[] b = good.clone();
    long[] cold = section(b, DumpFormat.SECTION_LAZY_COLD);
    int first = (int) cold[0];
    while (b[first] != 't') first++;
    for (int i = 0; i < 40000; i++) assertEquals('t', b[first + i], "paged-t's bytes are together");
    b[first + 20000] ^= 0x10;
    assertBadPage(b, "cold.pdmp", "paged-s", 40000, "paged-t", "lazy cold");
  }

  /**
   * With B, a run using GOOD (a list or string of GOOD_LENGTH) alone works; one using BAD too gets
   * the Lisp error for SECTION there, and goes on; mapped, even the use of GOOD gets it.
   */
  private static void assertBadPage(byte[] b, String name, String good, int goodLength, String bad, String section)
      throws Exception {
    String length = "(length (symbol-value (intern \"" + good + "\")))";
    String badLength = "(length (symbol-value (intern \"" + bad + "\")))";
    Proc p = run(b, name, READ, "(prin1 " + length + ")");
    assertEquals("", p.err, p.toString());
    assertEquals(String.valueOf(goodLength), p.out, p.toString());
    String error = "Cannot load a symbol from the dump: corrupt dump file: checksum mismatch in the " + section + " section";
    p = run(b, name, READ, "(prin1 " + length + ")", "(prin1 " + badLength + ")");
    assertEquals(255, p.exit, p.toString());
    assertEquals(goodLength + "", p.out, p.toString());
    assertEquals(error + "\n", p.err);
    p = run(b, name, READ, "(condition-case e " + badLength + " (error (princ (car (cdr e)))))", "(princ " + length + ")");
    assertEquals(error + goodLength, p.out, p.toString());
    p = run(b, name, MAP, "(prin1 " + length + ")");
    assertEquals(255, p.exit, p.toString());
    assertEquals(error + "\n", p.err);
  }
}
