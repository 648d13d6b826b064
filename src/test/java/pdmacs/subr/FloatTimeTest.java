package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * (float-time) of now takes a path of its own in long arithmetic: it must round every time as
 * the exact path does (the decimal quotient, rounded once), ties and carries included.
 */
class FloatTimeTest {
  private static final BigInteger NANO = BigInteger.valueOf(1_000_000_000L);

  private static double exact(long sec, int nano) {
    BigInteger ticks = BigInteger.valueOf(sec).multiply(NANO).add(BigInteger.valueOf(nano));
    return new LispTime(ticks, NANO, LispTime.Form.LIST).toDouble();
  }

  @Test
  void nowPathRoundsAsTheExactPath() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long sec;
      switch (i % 4) {
        case 0: sec = 1_000_000_000L + r.nextInt(1_500_000_000); break;
        case 1: sec = 1L << (19 + r.nextInt(34)); break;
        case 2: sec = (1L << (19 + r.nextInt(34))) - 1; break;
        default: sec = r.nextLong() >>> (11 + r.nextInt(52));
      }
      int nano = i % 7 == 0 ? 500_000_000 : i % 11 == 0 ? 999_999_999 : r.nextInt(1_000_000_000);
      assertEquals(exact(sec, nano), LispTime.secondsAsDouble(sec, nano), sec + " s " + nano + " ns");
    }
  }

  @Test
  void tiesAndCarries() {
    // 2^52 + 0.5 is halfway between two doubles one apart: ties go to the even one.
    long s = 1L << 52;
    assertEquals(exact(s, 500_000_000), LispTime.secondsAsDouble(s, 500_000_000));
    assertEquals(exact(s + 1, 500_000_000), LispTime.secondsAsDouble(s + 1, 500_000_000));
    // 2^53 - 1 + 0.999999999 rounds up to 2^53.
    assertEquals(exact((1L << 53) - 1, 999_999_999), LispTime.secondsAsDouble((1L << 53) - 1, 999_999_999));
    assertEquals(Math.scalb(1.0, 53), LispTime.secondsAsDouble((1L << 53) - 1, 999_999_999));
    assertEquals(exact(1_700_000_000L, 0), LispTime.secondsAsDouble(1_700_000_000L, 0));
    assertEquals(exact(5, 250_000_000), LispTime.secondsAsDouble(5, 250_000_000));
    assertEquals(exact(-5, 250_000_000), LispTime.secondsAsDouble(-5, 250_000_000));
  }
}
