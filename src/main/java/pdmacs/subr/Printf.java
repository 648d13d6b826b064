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
    int scale = Math.min(prec, MAX_SCALE);
    String s = new BigDecimal(Math.abs(d)).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    if (prec > scale) s += "0".repeat(prec - scale);
    return prec == 0 && alt ? s + "." : s;
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
