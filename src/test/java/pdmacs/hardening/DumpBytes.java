package pdmacs.hardening;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The dump header layout of docs/FORMAT.md, written down again on the test side (so a change
 * to the format that the doc does not follow shows up here), and the edits the mutation and
 * fuzz tests make: patching the fingerprint, recomputing checksums, making seed dumps.
 */
public final class DumpBytes {
  private DumpBytes() {}

  public static final int HEADER_SIZE = 512;
  public static final int OFF_VERSION = 8, OFF_FLAGS = 12, OFF_FINGERPRINT = 16, OFF_SECTIONS = 48;
  public static final int SECTION_ENTRY = 32, SECTIONS = 5, TYPES = 10;
  public static final int OFF_COUNTS = 208, OFF_TABLES = 248, OFF_PAGE_CRCS = 480, OFF_HEADER_CRC = 508;
  public static final int SECTION_HOT = 0, SECTION_LAZY_HOT = 3, SECTION_LAZY_COLD = 4;
  /** The lazy sections' pages, each with its CRC-32 in the page checksum table at the end of hot. */
  public static final int LAZY_PAGE = 16 << 10;

  /** A heap with every type: lists, strings, floats, bignums, vectors, tables, obarrays, records. */
  public static final String SEED_HEAP = String.join("\n",
      "(setq x (car (read-from-string \"(1 \\\"two\\\" 3.0 \\\"multi\\u00e9\\\" 123456789012345678901234567890"
          + " -98765432109876543210987 [a b (c . d)] #&5\\\"\\\\37\\\" :kw 1.5e300 \\\"\\\")\")))",
      "(setq circ (car (read-from-string \"#1=(a b . #1#)\")))",
      "(setq rec (record 'point 1 \"two\" circ))",
      "(setq h (make-hash-table :test 'equal))",
      "(puthash \"k\" 'v h)",
      "(puthash 'k2 x h)",
      "(setq he (make-hash-table :test 'eq :weakness 'key))",
      "(puthash 'a 1 he)",
      "(setq ob (obarray-make))",
      "(intern \"in-ob\" ob)",
      "(setq u (make-symbol \"uninterned\"))",
      "(fset 'sq '(lambda (n) (* n n)))",
      "(put 'sq 'doc \"square\")",
      "(defvar special-var 42)");

  /** Makes a dump of {@link #SEED_HEAP} with the current runtime, in a fresh process. */
  public static byte[] makeSeed(Path dir, boolean compressed) throws IOException, InterruptedException {
    Path heap = dir.resolve("seed-heap.el");
    Files.writeString(heap, SEED_HEAP);
    Path file = dir.resolve(compressed ? "seed-lz4.pdmp" : "seed.pdmp");
    Pdmacs.run("--temacs", "--batch", "-l", heap.toString(),
        "--eval", "(setq pdumper-compress " + (compressed ? "t" : "nil") + ")",
        // Loading the heap file left its coding system here; the seed's symbols all wait in
        // the dump, so that the tests that corrupt them see the corruption on first use.
        "--eval", "(setq last-coding-system-used nil)",
        "--eval", "(dump-emacs-portable \"" + file + "\")").ok();
    return Files.readAllBytes(file);
  }

  public static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  static int crc(byte[] b, int off, int len) {
    CRC32 c = new CRC32();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /** Byte offset of section S's table entry in the header. */
  public static int sectionEntry(int s) {
    return OFF_SECTIONS + s * SECTION_ENTRY;
  }

  /** Rewrites the header checksum so a header edit is judged by the structural checks. */
  public static void fixHeaderCrc(byte[] b) {
    le(b).putInt(OFF_HEADER_CRC, crc(b, 0, OFF_HEADER_CRC));
  }

  /**
   * Recomputes the lazy sections' page checksums (when the table and the pages lie within the
   * file), every section checksum that lies within it, then the header's: a payload edit then
   * reaches the loader's structural checks instead of stopping at a CRC.
   */
  public static void fixAllCrcs(byte[] b) {
    if (b.length < HEADER_SIZE) return;
    ByteBuffer h = le(b);
    fixPageCrcs(b);
    for (int s = 0; s < SECTIONS; s++) {
      int e = sectionEntry(s);
      long off = h.getLong(e), len = h.getLong(e + 8);
      if (off >= 0 && len >= 0 && off + len <= b.length && off + len >= off) h.putInt(e + 24, crc(b, (int) off, (int) len));
    }
    fixHeaderCrc(b);
  }

  /** Whether section S of B (its stored bytes) lies within B. */
  private static boolean inFile(byte[] b, int s) {
    long off = le(b).getLong(sectionEntry(s)), len = le(b).getLong(sectionEntry(s) + 8);
    return off >= 0 && len >= 0 && off + len <= b.length && off + len >= off;
  }

  /** Recomputes the page checksum table in hot from the lazy sections' pages (uncompressed dumps). */
  public static void fixPageCrcs(byte[] b) {
    ByteBuffer h = le(b);
    if ((h.getInt(OFF_FLAGS) & 1) != 0 || !inFile(b, SECTION_HOT) || !inFile(b, SECTION_LAZY_HOT) || !inFile(b, SECTION_LAZY_COLD)) {
      return;
    }
    long hot = h.getLong(sectionEntry(SECTION_HOT)), hotLength = h.getLong(sectionEntry(SECTION_HOT) + 8);
    long table = h.getLong(OFF_PAGE_CRCS);
    long at = table;
    for (int s : new int[] {SECTION_LAZY_HOT, SECTION_LAZY_COLD}) {
      long off = h.getLong(sectionEntry(s)), len = h.getLong(sectionEntry(s) + 8);
      for (long p = 0; p < len; p += LAZY_PAGE, at += 4) {
        if (table < 0 || at + 4 > hotLength) return;
        h.putInt((int) (hot + at), crc(b, (int) (off + p), (int) Math.min(LAZY_PAGE, len - p)));
      }
    }
  }

  /** Puts the current runtime's fingerprint into B, so a seed made by an older build stays useful. */
  public static void patchFingerprint(byte[] b) {
    if (b.length < HEADER_SIZE) return;
    System.arraycopy(pdmacs.dump.Fingerprint.bytes(), 0, b, OFF_FINGERPRINT, 32);
  }
}
