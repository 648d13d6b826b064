package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * %f's path in long arithmetic against the exact BigDecimal one: the same digits for every
 * double it takes (rounding half to even on the exact binary value), and no answer where the
 * result would not fit.
 */
class PrintfFixedTest {
  private static String exact(double a, int prec) {
    return new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static void check(double a, int prec) {
    String fast = Printf.fixedInLongs(a, prec);
    if (fast != null) assertEquals(exact(a, prec), fast, a + " %." + prec + "f");
  }

  @Property(tries = 3000)
  void sameDigitsAsTheExactPath(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 50; i++) {
      double a;
      switch (r.nextInt(4)) {
        case 0: a = r.nextDouble(); break;
        case 1: a = r.nextDouble() * Math.pow(10, r.nextInt(20)); break;
        case 2: a = Math.scalb((double) (r.nextInt(1 << 20)), -r.nextInt(40)); break;
        default: a = Math.abs(Double.longBitsToDouble(r.nextLong()));
      }
      if (Double.isNaN(a) || Double.isInfinite(a)) continue;
      check(a, r.nextInt(19));
    }
  }

  @Test
  void tiesZerosAndLimits() {
    // Exact ties go to the even digit, as glibc prints them.
    assertEquals("0.12", Printf.fixedInLongs(0.125, 2));
    assertEquals("0.38", Printf.fixedInLongs(0.375, 2));
    assertEquals("2", Printf.fixedInLongs(2.5, 0));
    assertEquals("4", Printf.fixedInLongs(3.5, 0));
    assertEquals("0", Printf.fixedInLongs(0.5, 0));
    assertEquals("0.000045", Printf.fixedInLongs(0.000045, 6));
    assertEquals("0.000000", Printf.fixedInLongs(Double.MIN_VALUE, 6));
    assertEquals("0.000000", Printf.fixedInLongs(0.0, 6));
    assertEquals("123456789012345680.0", Printf.fixedInLongs(1.2345678901234568e17, 1));
    for (int prec = 0; prec <= 18; prec++) {
      for (double a : new double[] {0.5, 1.5, 0.05, 0.015625, 1e-7, 9.999999999e-5, 4503599627370495.5,
          0x1p52, 0x1p61, 1e17, 0.1, 2.675, 1e-18, 5e-19}) {
        check(a, prec);
      }
    }
    // Too big for a long: the exact path answers.
    assertNull(Printf.fixedInLongs(0x1p62, 0));
    assertNull(Printf.fixedInLongs(1e18, 2));
    assertEquals("1000000000000000000.00", Printf.fixed(1e18, 2, false));
  }
}
