package pdmacs.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import pdmacs.read.Reader;

/**
 * Floats printed as GNU Emacs prints them: the shortest %g form that reads back as the same
 * double, with ".0" added when the result would otherwise read as an integer.
 */
public final class FloatFormat {
  private FloatFormat() {}

  public static String toLisp(double d) {
    if (Double.isNaN(d)) {
      // The sign, then the payload (the bits below the quiet bit) as the integer part.
      long bits = Double.doubleToRawLongBits(d);
      return (bits < 0 ? "-" : "") + (bits & Reader.NAN_PAYLOAD_MASK) + ".0e+NaN";
    }
    if (Double.isInfinite(d)) return d > 0 ? "1.0e+INF" : "-1.0e+INF";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    String s = shortestG(d);
    if (s.indexOf('.') < 0 && s.indexOf('e') < 0) s = s + ".0";
    return s;
  }

  /**
   * %g with the smallest precision that round-trips, trying no fewer than 15 digits (the
   * precision a double always keeps) except for subnormals: so 1000.0 prints as 1000, not 1e+03.
   */
  static String shortestG(double d) {
    BigDecimal exact = new BigDecimal(d);
    int first = Math.abs(d) < Double.MIN_NORMAL ? 1 : 15;
    for (int p = first; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) return formatG(r, p);
    }
    return formatG(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)), 17);
  }

  /** Formats a decimal already rounded to P significant digits the way C's %.Pg does. */
  static String formatG(BigDecimal r, int p) {
    BigDecimal stripped = r.stripTrailingZeros();
    int exp = stripped.precision() - stripped.scale() - 1; // decimal exponent of first digit
    if (exp < -4 || exp >= p) {
      String digits = stripped.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (stripped.signum() < 0) sb.append('-');
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      sb.append('e').append(exp < 0 ? '-' : '+');
      int ae = Math.abs(exp);
      if (ae < 10) sb.append('0');
      sb.append(ae);
      return sb.toString();
    }
    return stripped.toPlainString();
  }

  /** C's %.Pg for format's %g conversion (P significant digits, trailing zeros removed). */
  public static String formatG(double d, int p, boolean alt) {
    if (p == 0) p = 1;
    BigDecimal r = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
    if (alt) {
      int exp = r.precision() - r.scale() - 1;
      if (r.signum() == 0) exp = 0;
      if (exp < -4 || exp >= p) {
        String e = String.format("%." + (p - 1) + "e", d);
        return fixExponent(e);
      }
      return new BigDecimal(d).setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
    }
    if (r.signum() == 0) return (1 / d < 0) ? "-0" : "0";
    return formatG(r, p);
  }

  /** Java prints at least two exponent digits like C; keep the sign form e+05. */
  static String fixExponent(String s) {
    return s;
  }
}
