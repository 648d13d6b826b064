package pdmacs.subr;

import java.math.BigDecimal;
import java.math.BigInteger;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;

/**
 * Number arithmetic with Emacs's contagion rules: integers stay exact (fixnums overflow into
 * bignums), and any float operand makes the result a float.
 */
public final class Arith {
  private Arith() {}

  static double toDouble(Object n) {
    if (n instanceof Long) return (Long) n;
    if (n instanceof Double) return (Double) n;
    return ((BigInteger) n).doubleValue();
  }

  static BigInteger toBig(Object n) {
    return n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf((Long) n);
  }

  public static Object add(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a, y = (Long) b;
      long r = x + y;
      if (((x ^ r) & (y ^ r)) < 0) return Lisp.integer(BigInteger.valueOf(x).add(BigInteger.valueOf(y)));
      return Lisp.integer(r);
    }
    if (a instanceof Double || b instanceof Double) return toDouble(a) + toDouble(b);
    return Lisp.integer(toBig(a).add(toBig(b)));
  }

  public static Object sub(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a, y = (Long) b;
      long r = x - y;
      if (((x ^ y) & (x ^ r)) < 0) return Lisp.integer(BigInteger.valueOf(x).subtract(BigInteger.valueOf(y)));
      return Lisp.integer(r);
    }
    if (a instanceof Double || b instanceof Double) return toDouble(a) - toDouble(b);
    return Lisp.integer(toBig(a).subtract(toBig(b)));
  }

  public static Object mul(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a, y = (Long) b;
      long hi = Math.multiplyHigh(x, y);
      long lo = x * y;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return Lisp.integer(lo);
      return Lisp.integer(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
    }
    if (a instanceof Double || b instanceof Double) return toDouble(a) * toDouble(b);
    return Lisp.integer(toBig(a).multiply(toBig(b)));
  }

  /** Integer division truncating toward zero; float division when either is a float. */
  public static Object div(Object a, Object b) {
    if (a instanceof Double || b instanceof Double) return toDouble(a) / toDouble(b);
    if (isZero(b)) throw new LispSignal(Q.arithError, Lisp.NIL);
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a, y = (Long) b;
      return Lisp.integer(x / y);
    }
    return Lisp.integer(toBig(a).divide(toBig(b)));
  }

  public static Object neg(Object a) {
    if (a instanceof Long) return Lisp.integer(-(Long) a);
    if (a instanceof Double) return -(Double) a;
    return Lisp.integer(((BigInteger) a).negate());
  }

  static boolean isZero(Object n) {
    if (n instanceof Long) return (Long) n == 0;
    if (n instanceof Double) return (Double) n == 0;
    return ((BigInteger) n).signum() == 0;
  }

  /** An integer argument of a function that also takes markers: %, logand, logior, logxor. */
  public static Object checkIntegerOrMarker(Object o) {
    if (Lisp.isInteger(o)) return o;
    throw Lisp.wrongType(Q.integerOrMarkerP, o);
  }

  /** %: remainder with the sign of the dividend; integers only. */
  public static Object rem(Object a, Object b) {
    checkIntegerOrMarker(a);
    checkIntegerOrMarker(b);
    if (isZero(b)) throw new LispSignal(Q.arithError, Lisp.NIL);
    if (a instanceof Long && b instanceof Long) return (Long) a % (Long) b;
    return Lisp.integer(toBig(a).remainder(toBig(b)));
  }

  /** mod: remainder with the sign of the divisor; floats allowed. */
  public static Object mod(Object a, Object b) {
    Lisp.checkNumber(a);
    Lisp.checkNumber(b);
    if (a instanceof Double || b instanceof Double) {
      double x = toDouble(a), y = toDouble(b);
      double r = x % y;
      if (r != 0 && (r < 0) != (y < 0)) r += y;
      return r;
    }
    if (isZero(b)) throw new LispSignal(Q.arithError, Lisp.NIL);
    if (a instanceof Long && b instanceof Long) return Math.floorMod((Long) a, (Long) b);
    BigInteger y = toBig(b);
    BigInteger r = toBig(a).mod(y.abs());
    if (y.signum() < 0 && r.signum() != 0) r = r.add(y);
    return Lisp.integer(r);
  }

  /** Numeric comparison: negative, zero or positive; NaN compares unordered (returns 2). */
  public static int compare(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) return Long.compare((Long) a, (Long) b);
    if (a instanceof Double || b instanceof Double) {
      if (a instanceof Double && b instanceof Double) {
        double x = (Double) a, y = (Double) b;
        if (Double.isNaN(x) || Double.isNaN(y)) return 2;
        return x < y ? -1 : x > y ? 1 : 0;
      }
      // Compare a float with an integer exactly, as Emacs does.
      double d = a instanceof Double ? (Double) a : (Double) b;
      if (Double.isNaN(d)) return 2;
      if (Double.isInfinite(d)) {
        int s = d > 0 ? 1 : -1;
        return a instanceof Double ? s : -s;
      }
      BigDecimal x = a instanceof Double ? new BigDecimal((Double) a) : new BigDecimal(toBig(a));
      BigDecimal y = b instanceof Double ? new BigDecimal((Double) b) : new BigDecimal(toBig(b));
      return x.compareTo(y);
    }
    return toBig(a).compareTo(toBig(b));
  }

  /** Truncation of a float to an integer, signalling overflow-error for NaN and infinities. */
  public static Object doubleToInteger(double d, Object orig) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw new LispSignal(Q.overflowError, Lisp.list(orig));
    if (Math.abs(d) < 1e18) return Lisp.integer((long) d);
    return Lisp.integer(new BigDecimal(d).toBigInteger());
  }
}
