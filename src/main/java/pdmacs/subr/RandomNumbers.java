package pdmacs.subr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;

import static pdmacs.lisp.Lisp.T;

/**
 * The generator behind {@code random}, built to give the same numbers as GNU Emacs 28 on
 * GNU/Linux for the same seed, so that Lisp code seeding with a string behaves identically.
 *
 * <p>Emacs draws from the C library's random(): an additive lagged-Fibonacci generator over
 * 32-bit words (each new word is the sum of the words 3 and 31 places back, seeded by a
 * Lehmer sequence, the first 310 outputs discarded, each output dropping its low bit). Two
 * 31-bit outputs make one 62-bit number. A string seed is its bytes folded into a 32-bit word.
 * It is seeded from the clock when first used, as Emacs seeds itself at start-up.
 */
final class RandomNumbers {
  private RandomNumbers() {}

  private static final long MASK62 = (1L << 62) - 1;
  private static final int LAG_LONG = 31, LAG_SHORT = 3, RING = 34, DISCARDED = 310;

  private static int[] ring;
  private static int position;

  /** (random &optional LIMIT). */
  static Object random(Object limit) {
    if (limit instanceof LString) seed(seedOf((LString) limit));
    else if (limit == T || ring == null) seed(Long.hashCode(System.nanoTime()));
    if (limit instanceof Long && (Long) limit > 0) return below((Long) limit);
    if (limit instanceof BigInteger && ((BigInteger) limit).signum() > 0) {
      return Lisp.integer(below((BigInteger) limit));
    }
    // Any other argument asks for any fixnum: the 62 bits read as a signed fixnum.
    long v = next62();
    return v >= (1L << 61) ? v - (1L << 62) : v;
  }

  /** The string's internal bytes XORed into the four bytes of a word, low byte first. */
  private static int seedOf(LString s) {
    byte[] bytes = s.str().getBytes(
        s.multibyte() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    int seed = 0;
    for (int i = 0; i < bytes.length; i++) seed ^= (bytes[i] & 0xff) << (8 * (i % 4));
    return seed;
  }

  private static void seed(int seed) {
    ring = new int[RING];
    ring[0] = seed == 0 ? 1 : seed;
    for (int i = 1; i < LAG_LONG; i++) ring[i] = lehmer(ring[i - 1]);
    for (int i = LAG_LONG; i < RING; i++) ring[i] = ring[i - LAG_LONG];
    position = 0;
    for (int i = 0; i < DISCARDED; i++) next31();
  }

  /** 16807 * x mod (2^31 - 1), by Schrage's method so nothing overflows. */
  private static int lehmer(int x) {
    int hi = x / 127773, lo = x % 127773;
    int word = 16807 * lo - 2836 * hi;
    return word < 0 ? word + Integer.MAX_VALUE : word;
  }

  private static int next31() {
    // The ring holds the last RING words; the slot at POSITION is the oldest, free to reuse.
    int word = ring[(position + RING - LAG_LONG) % RING]
        + ring[(position + RING - LAG_SHORT) % RING];
    ring[position] = word;
    position = (position + 1) % RING;
    return word >>> 1;
  }

  /** Two 31-bit draws mixed into a number in [0, 2^62). */
  private static long next62() {
    long v = next31();
    v = next31() ^ (v << 31);
    v ^= v >>> 2;
    return v & MASK62;
  }

  /** A uniform number in [0, LIMIT): a remainder, redrawn when it would favour small ones. */
  private static long below(long limit) {
    long tooHigh = MASK62 - limit + 1;
    while (true) {
      long r = next62();
      long remainder = r % limit;
      if (r - remainder <= tooHigh) return remainder;
    }
  }

  /** A uniform integer in [0, LIMIT), from as many 62-bit draws as LIMIT needs, rejecting. */
  private static BigInteger below(BigInteger limit) {
    int bits = limit.bitLength();
    int draws = (bits + 61) / 62;
    while (true) {
      BigInteger r = BigInteger.ZERO;
      for (int i = 0; i < draws; i++) r = r.shiftLeft(62).or(BigInteger.valueOf(next62()));
      r = r.shiftRight(draws * 62 - bits);
      if (r.compareTo(limit) < 0) return r;
    }
  }
}
