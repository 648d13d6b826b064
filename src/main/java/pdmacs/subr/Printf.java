package pdmacs.subr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C printf's %e, %f and %g for format, computed exactly from the double's binary value (as glibc
 * does) so that rounding matches. Results are the magnitude only; the caller adds the sign.
 */
final class Printf {
  private Printf() {}

  /**
   * A double's exact decimal expansion has at most 767 significant digits and 1074 after the
   * point: beyond these, more precision only appends zeros, so the exact arithmetic stops here.
   */
  private static final int MAX_SIGNIFICANT = 800, MAX_SCALE = 1100;

  /** %.PRECf of |D|; ALT keeps a lone decimal point. */
  static String fixed(double d, int prec, boolean alt) {
    String fast = prec < POWERS_OF_TEN.length ? fixedInLongs(Math.abs(d), prec) : null;
    if (fast != null) return prec == 0 && alt ? fast + "." : fast;
    int scale = Math.min(prec, MAX_SCALE);
    String s = new BigDecimal(Math.abs(d)).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    if (prec > scale) s += "0".repeat(prec - scale);
    return prec == 0 && alt ? s + "." : s;
  }

  private static final long[] POWERS_OF_TEN = {
      1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
      1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
      10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
      10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

  /**
   * %.PRECf of A (not negative, PREC at most 18) in long arithmetic, or null when the result
   * would not fit in a long. A is M * 2^E exactly; M * 10^PREC is at most 113 bits, so the
   * shift by -E and the rounding (half to even, on the exact value, as the BigDecimal path
   * does) are done on a 128-bit product. The first %f of a run otherwise spent a millisecond
   * in BigDecimal, and ERT prints every test's time with %f.
   */
  static String fixedInLongs(double a, int prec) {
    if (!(a < 0x1p62)) return null;
    long bits = Double.doubleToRawLongBits(a);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long m = bits & 0xF_FFFF_FFFF_FFFFL;
    int e;
    if (biased == 0) {
      e = -1074;
    } else {
      m |= 1L << 52;
      e = biased - 1075;
    }
    long p = POWERS_OF_TEN[prec];
    long n;
    if (m == 0) {
      n = 0;
    } else if (e >= 0) {
      long whole = m << e;
      if (Math.multiplyHigh(whole, p) != 0 || whole * p < 0) return null;
      n = whole * p;
    } else {
      int k = -e;
      long hi = Math.multiplyHigh(m, p), lo = m * p;
      if (k >= 128) {
        // The product is below 2^113, so the value is below 2^-15: it rounds to 0.
        n = 0;
      } else {
        long q, remHi, remLo;
        if (k < 64) {
          if ((hi >>> (k - 1)) != 0) return null;
          q = (hi << (64 - k)) | (lo >>> k);
          remHi = 0;
          remLo = lo & ((1L << k) - 1);
        } else {
          q = hi >>> (k - 64);
          remHi = k == 64 ? 0 : hi & ((1L << (k - 64)) - 1);
          remLo = lo;
        }
        int b = k - 1;
        long halfHi = b < 64 ? 0 : 1L << (b - 64), halfLo = b < 64 ? 1L << b : 0;
        int cmp = Long.compareUnsigned(remHi, halfHi);
        if (cmp == 0) cmp = Long.compareUnsigned(remLo, halfLo);
        if (cmp > 0 || (cmp == 0 && (q & 1) != 0)) q++;
        if (q < 0) return null;
        n = q;
      }
    }
    String whole = Long.toString(n / p);
    if (prec == 0) return whole;
    String frac = Long.toString(n % p);
    StringBuilder sb = new StringBuilder(whole.length() + 1 + prec).append(whole).append('.');
    for (int i = frac.length(); i < prec; i++) sb.append('0');
    return sb.append(frac).toString();
  }

  /** %.PRECe of |D|. */
  static String exponential(double d, int prec, boolean alt) {
    String digits;
    int exp;
    if (d == 0) {
      digits = "0".repeat(prec + 1);
      exp = 0;
    } else {
      MathContext mc = new MathContext(Math.min(prec + 1, MAX_SIGNIFICANT), RoundingMode.HALF_EVEN);
      BigDecimal r = new BigDecimal(Math.abs(d)).round(mc);
      exp = r.precision() - r.scale() - 1;
      String u = r.unscaledValue().toString();
      digits = u.length() >= prec + 1 ? u.substring(0, prec + 1) : u + "0".repeat(prec + 1 - u.length());
    }
    StringBuilder sb = new StringBuilder().append(digits.charAt(0));
    if (prec > 0 || alt) sb.append('.');
    sb.append(digits, 1, digits.length());
    return sb.append(exponentSuffix(exp)).toString();
  }

  private static String exponentSuffix(int exp) {
    int a = Math.abs(exp);
    return "e" + (exp < 0 ? '-' : '+') + (a < 10 ? "0" : "") + a;
  }

  /** %.PRECg of |D|: fixed or exponential by the exponent, trailing zeros dropped unless ALT. */
  static String general(double d, int prec, boolean alt) {
    int p = prec == 0 ? 1 : Math.min(prec, MAX_SIGNIFICANT);
    int exp = 0;
    if (d != 0) {
      BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(p, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
    }
    String s = exp < -4 || exp >= p ? exponential(d, p - 1, alt) : fixed(d, p - 1 - exp, alt);
    if (alt) return s;
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String suffix = e < 0 ? "" : s.substring(e);
    if (mantissa.indexOf('.') >= 0) {
      int end = mantissa.length();
      while (mantissa.charAt(end - 1) == '0') end--;
      if (mantissa.charAt(end - 1) == '.') end--;
      mantissa = mantissa.substring(0, end);
    }
    return mantissa + suffix;
  }
}
