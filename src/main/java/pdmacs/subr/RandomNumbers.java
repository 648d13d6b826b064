package pdmacs.subr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;

import static pdmacs.lisp.Lisp.T;

/**
 * The generator behind {@code random}. It is seeded from the clock when first used, like Emacs
 * at start-up; a string argument reseeds it from the string's contents, so a run can be
 * repeated, and t reseeds it unpredictably. The sequence differs from GNU Emacs's, which only
 * promises randomness.
 */
final class RandomNumbers {
  private RandomNumbers() {}

  private static SplittableRandom generator;

  private static SplittableRandom generator() {
    if (generator == null) generator = new SplittableRandom(System.nanoTime());
    return generator;
  }

  /** (random &optional LIMIT). */
  static Object random(Object limit) {
    if (limit == T) {
      generator = new SplittableRandom(System.nanoTime() ^ new SplittableRandom().nextLong());
    } else if (limit instanceof LString) {
      generator = new SplittableRandom(seedOf((LString) limit));
    }
    SplittableRandom g = generator();
    if (limit instanceof Long && (Long) limit > 0) return g.nextLong((Long) limit);
    if (limit instanceof BigInteger && ((BigInteger) limit).signum() > 0) {
      return Lisp.integer(below((BigInteger) limit, g));
    }
    // Any other argument asks for any fixnum.
    return g.nextLong(Lisp.MOST_NEGATIVE_FIXNUM, Lisp.MOST_POSITIVE_FIXNUM + 1);
  }

  /** FNV-1a over the string's UTF-8 bytes: the same string always gives the same seed. */
  private static long seedOf(LString s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.str().getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A uniform integer in [0, LIMIT), by drawing as many bits as LIMIT has and rejecting. */
  private static BigInteger below(BigInteger limit, SplittableRandom g) {
    int bits = limit.bitLength();
    while (true) {
      byte[] bytes = new byte[(bits + 7) / 8 + 1];
      for (int i = 1; i < bytes.length; i++) bytes[i] = (byte) g.nextInt(256);
      BigInteger r = new BigInteger(bytes).shiftRight(bytes.length * 8 - 8 - bits);
      if (r.compareTo(limit) < 0) return r;
    }
  }
}
