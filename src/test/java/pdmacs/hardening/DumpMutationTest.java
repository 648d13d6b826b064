package pdmacs.hardening;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pdmacs.hardening.DumpBytes.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmacs.lisp.Lisp;
import pdmacs.runtime.Runtime;

/**
 * Deterministic mutation of real dumps, loaded in-process: thousands of bit flips, truncations
 * and field overwrites, each of which must load or be refused with a DumpLoadException that
 * changed nothing, within a bounded allocation, and quickly.
 *
 * <p>Most payload edits would stop at the section checksum, so the payload mutations recompute
 * the checksums (and the header's) to reach the structural checks behind them. Tagged
 * "isolated": surefire runs it in a JVM of its own, since loads (even undone ones) touch the
 * global runtime.
 */
@Tag("isolated")
class DumpMutationTest {
  @TempDir static Path dir;
  static byte[] plain, lz4;
  static int tried;
  final List<String> findings = new ArrayList<>();
  final Random random = new Random(20261128);

  @BeforeAll
  static void seeds() throws Exception {
    Runtime.init();
    plain = makeSeed(dir, false);
    lz4 = makeSeed(dir, true);
    LoadOutcome.warmUp(plain, dir.resolve("warm.pdmp"));
    LoadOutcome.warmUp(lz4, dir.resolve("warm.pdmp"));
  }

  @AfterAll
  static void report() {
    System.out.printf("DumpMutationTest: %d mutated dumps tried (%d loaded, %d refused; of the loaded,"
        + " %d lazy definitions refused when built)%n", tried, LoadOutcome.loaded, LoadOutcome.refused,
        LoadOutcome.lazyRefused);
  }

  /** Loads B; reading into memory, or mapping every fourth one (each mapped load its own file). */
  private void attempt(String what, byte[] b) throws Exception {
    tried++;
    boolean map = (tried & 3) == 0;
    Path file = dir.resolve(map ? "m" + tried + ".pdmp" : "mutant.pdmp");
    String finding = LoadOutcome.judge(b, file, map, LoadOutcome.OVERHEAD_PLAIN_JVM);
    if (map) Files.delete(file);
    if (finding != null && findings.size() < 20) findings.add(what + ": " + finding);
  }

  private void run(ThrowingRunnable body) {
    assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      body.run();
      return null;
    });
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void unmutatedSeedsLoad() throws Exception {
    long before = LoadOutcome.loaded;
    run(() -> {
      attempt("plain seed", plain);
      attempt("lz4 seed", lz4);
    });
    assertTrue(LoadOutcome.loaded == before + 2, "the seed dumps must load in-process");
    assertNull(RuntimeState.capture().difference());
  }

  @Test
  void bitFlipsAnywhere() {
    run(() -> {
      for (byte[] seed : new byte[][] {plain, lz4}) {
        for (int i = 0; i < 800; i++) {
          byte[] b = seed.clone();
          int pos = random.nextInt(b.length);
          b[pos] ^= 1 << random.nextInt(8);
          attempt("flip at " + pos, b);
        }
      }
    });
  }

  @Test
  void truncations() {
    run(() -> {
      for (byte[] seed : new byte[][] {plain, lz4}) {
        for (int len = 0; len <= HEADER_SIZE + 8; len += 13) attempt("truncated to " + len, Arrays.copyOf(seed, len));
        for (int k = 1; k < 150; k++) {
          int len = (int) ((long) seed.length * k / 150);
          attempt("truncated to " + len, Arrays.copyOf(seed, len));
          // A truncated file whose header still claims the full length, checksums made to agree.
          byte[] b = Arrays.copyOf(seed, len);
          fixAllCrcs(b);
          attempt("truncated to " + len + ", checksums fixed", b);
        }
      }
    });
  }

  /** Values that sit on the edges of every check: zero, signs, powers of two, the file's size. */
  private static long[] edgeValues(long original, long fileLength) {
    return new long[] {
      0, 1, -1, 7, 8, 16, 255, 4096, original - 1, original + 1, original * 2, original / 2,
      fileLength, fileLength - 1, fileLength / 8, Integer.MAX_VALUE, Integer.MIN_VALUE,
      Integer.MAX_VALUE / 8, 1L << 31, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE,
    };
  }

  /** Every header field overwritten with every edge value, header checksum recomputed. */
  @Test
  void headerFieldOverwrites() {
    run(() -> {
      for (byte[] seed : new byte[][] {plain, lz4}) {
        List<int[]> fields = new ArrayList<>(); // {offset, width}
        fields.add(new int[] {OFF_VERSION, 4});
        fields.add(new int[] {OFF_FLAGS, 4});
        fields.add(new int[] {OFF_PAGE_CRCS, 8});
        for (int s = 0; s < SECTIONS; s++) {
          for (int f = 0; f < 3; f++) fields.add(new int[] {sectionEntry(s) + 8 * f, 8});
          fields.add(new int[] {sectionEntry(s) + 24, 4});
        }
        for (int t = 0; t < TYPES; t++) {
          fields.add(new int[] {OFF_COUNTS + 4 * t, 4});
          fields.add(new int[] {OFF_TABLES + 8 * t, 8});
        }
        for (int[] f : fields) {
          ByteBuffer h = le(seed);
          long original = f[1] == 4 ? h.getInt(f[0]) : h.getLong(f[0]);
          for (long v : edgeValues(original, seed.length)) {
            byte[] b = seed.clone();
            if (f[1] == 4) le(b).putInt(f[0], (int) v);
            else le(b).putLong(f[0], v);
            // Both with only the header checksum fixed and with the section checksums too.
            fixHeaderCrc(b);
            attempt("header field at " + f[0] + " = " + v, b);
            fixAllCrcs(b);
            attempt("header field at " + f[0] + " = " + v + ", all checksums fixed", b);
          }
        }
      }
    });
  }

  /** Bit flips inside the sections with their checksums recomputed: the structural checks' turn. */
  @Test
  void payloadFlipsWithChecksumsFixed() {
    run(() -> {
      for (byte[] seed : new byte[][] {plain, lz4}) {
        ByteBuffer h = le(seed);
        for (int i = 0; i < 1500; i++) {
          int s = random.nextInt(SECTIONS);
          long off = h.getLong(sectionEntry(s)), len = h.getLong(sectionEntry(s) + 8);
          if (len == 0) continue; // the seed's lazy cold section can be empty
          byte[] b = seed.clone();
          int flips = 1 + random.nextInt(3);
          for (int k = 0; k < flips; k++) {
            int pos = (int) (off + random.nextInt((int) len));
            b[pos] ^= 1 << random.nextInt(8);
          }
          fixAllCrcs(b);
          attempt(flips + " flips in section " + s, b);
        }
      }
    });
  }

  /**
   * Tagged words and record fields overwritten with values at the edges of what the loader
   * accepts (object numbers, built-in and subr indexes, the other-kinds, huge lengths), in the
   * uncompressed dump where every 8-byte slot of the hot, discardable and lazy hot sections is a
   * word or a pair of u32 fields.
   */
  @Test
  void wordOverwritesWithChecksumsFixed() {
    int objects = 0;
    ByteBuffer h = le(plain);
    for (int t = 0; t < TYPES; t++) objects += h.getInt(OFF_COUNTS + 4 * t);
    int builtins = Lisp.builtinSymbols.size(), subrs = Lisp.subrs.size();
    long[] words = {
      0, -1, 3, 7, 11, 15, 19, 23, 27, 31, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE | 2,
      object(0), object(objects - 1), object(objects), object(objects + 1), object(Integer.MAX_VALUE),
      (1L << 40) | 2, builtin(0), builtin(builtins - 1), builtin(builtins), builtin(Integer.MAX_VALUE),
      subr(0), subr(subrs - 1), subr(subrs), ((long) Integer.MAX_VALUE << 5) | 3,
      (long) Integer.MAX_VALUE, 0xFFFFFFFFL, 0x7FFFFFFF_7FFFFFFFL, 0x00000000_FFFFFFFFL << 32, 1L << 32,
    };
    run(() -> {
      for (int s : new int[] {0, 2, 3}) {
        long off = h.getLong(sectionEntry(s)), len = h.getLong(sectionEntry(s) + 8);
        for (int i = 0; i < 1200; i++) {
          byte[] b = plain.clone();
          int pos = (int) (off + 8L * random.nextInt((int) (len / 8)));
          if (random.nextBoolean()) pos += 4 * random.nextInt(2);
          long w = words[random.nextInt(words.length)];
          if (pos % 8 == 0 && pos + 8 <= off + len) le(b).putLong(pos, w);
          else le(b).putInt(pos, (int) w);
          fixAllCrcs(b);
          attempt("section " + s + " word at " + pos + " = " + Long.toHexString(w), b);
        }
      }
    });
  }

  private static long object(int n) {
    return ((long) n << 2) | 2;
  }

  private static long builtin(int n) {
    return ((long) n << 2) | 1;
  }

  private static long subr(int n) {
    return ((long) n << 5) | 3;
  }
}
