package pdmacs.subr;

import java.math.BigDecimal;
import java.math.BigInteger;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;

import static pdmacs.lisp.Lisp.NIL;

/**
 * floatfns.c: conversion and rounding between integers and floats (floor, round... with an
 * optional divisor, exact on integers), and the C math library functions.
 */
public final class Floatfns extends SubrGroup {
  private static final int FLOAT = 0, TRUNCATE = 1, FLOOR = 2, CEILING = 3, ROUND = 4,
      FFLOOR = 5, FCEILING = 6, FROUND = 7, FTRUNCATE = 8, SQRT = 9, EXP = 10, LOG = 11,
      EXPT = 12, SIN = 13, COS = 14, TAN = 15, ASIN = 16, ACOS = 17, ATAN = 18, ABS = 19,
      ISNAN = 20, COPYSIGN = 21, FREXP = 22, LDEXP = 23, LOGB = 24;

  /** The NaN the x86 FPU produces for invalid operations; Emacs prints it as -0.0e+NaN. */
  private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);
  /** Emacs's default integer-width: larger results are an overflow-error. */
  private static final int INTEGER_WIDTH = 65536;

  @Override
  public void register() {
    defun(FLOAT, "float", 1, 1);
    defun(TRUNCATE, "truncate", 1, 2);
    defun(FLOOR, "floor", 1, 2);
    defun(CEILING, "ceiling", 1, 2);
    defun(ROUND, "round", 1, 2);
    defun(FFLOOR, "ffloor", 1, 1);
    defun(FCEILING, "fceiling", 1, 1);
    defun(FROUND, "fround", 1, 1);
    defun(FTRUNCATE, "ftruncate", 1, 1);
    defun(SQRT, "sqrt", 1, 1);
    defun(EXP, "exp", 1, 1);
    defun(LOG, "log", 1, 2);
    defun(EXPT, "expt", 2, 2);
    defun(SIN, "sin", 1, 1);
    defun(COS, "cos", 1, 1);
    defun(TAN, "tan", 1, 1);
    defun(ASIN, "asin", 1, 1);
    defun(ACOS, "acos", 1, 1);
    defun(ATAN, "atan", 1, 2);
    defun(ABS, "abs", 1, 1);
    defun(ISNAN, "isnan", 1, 1);
    defun(COPYSIGN, "copysign", 2, 2);
    defun(FREXP, "frexp", 1, 1);
    defun(LDEXP, "ldexp", 2, 2);
    defun(LOGB, "logb", 1, 1);
  }

  /** The rounding modes of the integer-valued functions. */
  private enum Rounding { TRUNCATE, FLOOR, CEILING, ROUND }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case FLOAT: return a[0] instanceof Double ? a[0] : (Object) num(a[0]);
      case TRUNCATE: return round(a[0], a[1], Rounding.TRUNCATE);
      case FLOOR: return round(a[0], a[1], Rounding.FLOOR);
      case CEILING: return round(a[0], a[1], Rounding.CEILING);
      case ROUND: return round(a[0], a[1], Rounding.ROUND);
      case FFLOOR: return Math.floor(checkFloat(a[0]));
      case FCEILING: return Math.ceil(checkFloat(a[0]));
      case FROUND: return Math.rint(checkFloat(a[0]));
      case FTRUNCATE: {
        double d = checkFloat(a[0]);
        return d < 0 ? Math.ceil(d) : Math.floor(d);
      }
      case SQRT: return invalidIsNegativeNan(Math.sqrt(num(a[0])), a[0]);
      case EXP: return Math.exp(num(a[0]));
      case LOG: return log(a[0], a[1]);
      case EXPT: return expt(a[0], a[1]);
      case SIN: return Math.sin(num(a[0]));
      case COS: return Math.cos(num(a[0]));
      case TAN: return Math.tan(num(a[0]));
      case ASIN: return positiveNan(Math.asin(num(a[0])));
      case ACOS: return positiveNan(Math.acos(num(a[0])));
      case ATAN: return a[1] == NIL ? Math.atan(num(a[0])) : Math.atan2(num(a[0]), num(a[1]));
      case ABS: return abs(a[0]);
      case ISNAN: return Lisp.bool(Double.isNaN(checkFloat(a[0])));
      case COPYSIGN: return Math.copySign(checkFloat(a[0]), checkFloat(a[1]));
      case FREXP: return frexp(num(a[0]));
      case LDEXP: {
        double m = num(a[0]);
        long e = Search.checkFixnum(a[1]);
        return Math.scalb(m, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e)));
      }
      case LOGB: return logb(a[0]);
      default: throw new IllegalStateException("floatfns " + id);
    }
  }

  /** A number as a double; anything else is wrong-type-argument numberp. */
  private static double num(Object o) {
    if (!Lisp.isNumber(o)) throw Lisp.wrongType(Q.numberp, o);
    return Arith.toDouble(o);
  }

  private static double checkFloat(Object o) {
    if (o instanceof Double) return (Double) o;
    throw Lisp.wrongType(Q.floatp, o);
  }

  /** A NaN computed from non-NaN ARG carries the sign bit, as C's invalid operations give it. */
  private static double invalidIsNegativeNan(double r, Object arg) {
    boolean argNan = arg instanceof Double && Double.isNaN((Double) arg);
    return Double.isNaN(r) && !argNan ? NEGATIVE_NAN : r;
  }

  /** glibc's asin and acos return a NaN without the sign bit for arguments beyond [-1, 1]. */
  private static double positiveNan(double r) {
    return Double.isNaN(r) ? Double.NaN : r;
  }

  /** truncate, floor, ceiling and round of N, or of N divided by DIVISOR. */
  private static Object round(Object n, Object divisor, Rounding mode) {
    if (!Lisp.isNumber(n)) throw Lisp.wrongType(Q.numberp, n);
    if (divisor == NIL) {
      if (!(n instanceof Double)) return n;
      return toInteger(roundDouble((Double) n, mode));
    }
    if (!Lisp.isNumber(divisor)) throw Lisp.wrongType(Q.numberp, divisor);
    if (n instanceof Double || divisor instanceof Double) {
      double d = Arith.toDouble(divisor);
      if (d == 0) throw new LispSignal(Q.arithError, NIL);
      return toInteger(roundDouble(Arith.toDouble(n) / d, mode));
    }
    BigInteger x = Arith.toBig(n), y = Arith.toBig(divisor);
    if (y.signum() == 0) throw new LispSignal(Q.arithError, NIL);
    return Lisp.integer(divideInteger(x, y, mode));
  }

  private static double roundDouble(double d, Rounding mode) {
    switch (mode) {
      case FLOOR: return Math.floor(d);
      case CEILING: return Math.ceil(d);
      case ROUND: return Math.rint(d);
      default: return d < 0 ? Math.ceil(d) : Math.floor(d);
    }
  }

  /** An integral double as a Lisp integer; NaN and infinities are an overflow-error. */
  private static Object toInteger(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw new LispSignal(Q.overflowError, NIL);
    if (Math.abs(d) < 0x1p62) return Lisp.integer((long) d);
    return Lisp.integer(new BigDecimal(d).toBigInteger());
  }

  private static BigInteger divideInteger(BigInteger x, BigInteger y, Rounding mode) {
    BigInteger[] qr = x.divideAndRemainder(y);
    BigInteger q = qr[0], r = qr[1];
    if (r.signum() == 0) return q;
    boolean negative = x.signum() != y.signum();
    switch (mode) {
      case FLOOR: return negative ? q.subtract(BigInteger.ONE) : q;
      case CEILING: return negative ? q : q.add(BigInteger.ONE);
      case ROUND: {
        int c = r.abs().shiftLeft(1).compareTo(y.abs());
        boolean away = c > 0 || (c == 0 && q.testBit(0));
        if (!away) return q;
        return negative ? q.subtract(BigInteger.ONE) : q.add(BigInteger.ONE);
      }
      default: return q;
    }
  }

  private static Object log(Object arg, Object base) {
    double x = num(arg);
    double r;
    if (base == NIL) {
      r = Math.log(x);
    } else {
      double b = num(base);
      if (b == 10) r = Math.log10(x);
      else if (b == 2) r = log2(x);
      else r = Math.log(x) / Math.log(b);
    }
    return invalidIsNegativeNan(r, arg);
  }

  /** Base-2 logarithm, exact for powers of two. */
  private static double log2(double x) {
    if (!(x > 0) || Double.isInfinite(x)) return Math.log(x);
    int e = Math.getExponent(x);
    if (e < Double.MIN_EXPONENT) return Math.log(x) / Math.log(2);
    return e + Math.log(Math.scalb(x, -e)) / Math.log(2);
  }

  private static Object expt(Object base, Object power) {
    if (!Lisp.isNumber(base)) throw Lisp.wrongType(Q.numberp, base);
    if (!Lisp.isNumber(power)) throw Lisp.wrongType(Q.numberp, power);
    if (Lisp.isInteger(base) && Lisp.isInteger(power) && Arith.toBig(power).signum() >= 0) {
      BigInteger b = Arith.toBig(base);
      BigInteger p = Arith.toBig(power);
      if (b.abs().compareTo(BigInteger.ONE) <= 0) {
        if (b.signum() == 0) return p.signum() == 0 ? 1L : 0L;
        return b.signum() < 0 && p.testBit(0) ? -1L : 1L;
      }
      if (p.bitLength() > 31 || (long) p.intValue() * (b.bitLength() - 1) > INTEGER_WIDTH) {
        throw new LispSignal(Q.overflowError, NIL);
      }
      return Lisp.integer(b.pow(p.intValue()));
    }
    double r = Math.pow(Arith.toDouble(base), Arith.toDouble(power));
    boolean nanInput = Double.isNaN(Arith.toDouble(base)) || Double.isNaN(Arith.toDouble(power));
    return Double.isNaN(r) && !nanInput ? NEGATIVE_NAN : r;
  }

  private static Object abs(Object n) {
    if (n instanceof Double) return Math.abs((Double) n);
    if (!Lisp.isInteger(n)) throw Lisp.wrongType(Q.numberp, n);
    return Arith.compare(n, 0L) < 0 ? Arith.neg(n) : n;
  }

  /** (MANTISSA . EXPONENT) with MANTISSA in [0.5, 1) and D = MANTISSA * 2^EXPONENT. */
  private static Object frexp(double d) {
    if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) return Lisp.cons(d, 0L);
    int scale = 0;
    if (Math.getExponent(d) < Double.MIN_EXPONENT) {
      d = Math.scalb(d, 64);
      scale = 64;
    }
    int e = Math.getExponent(d) + 1;
    return Lisp.cons(Math.scalb(d, -e), (long) (e - scale));
  }

  private static Object logb(Object n) {
    if (n instanceof Double) {
      double d = Math.abs((Double) n);
      if (d == 0) return Double.NEGATIVE_INFINITY;
      if (Double.isNaN(d) || Double.isInfinite(d)) return d;
      int e = Math.getExponent(d);
      if (e < Double.MIN_EXPONENT) e = Math.getExponent(Math.scalb(d, 64)) - 64;
      return (long) e;
    }
    if (!Lisp.isInteger(n)) throw Lisp.wrongType(Q.numberp, n);
    BigInteger v = Arith.toBig(n).abs();
    if (v.signum() == 0) return Double.NEGATIVE_INFINITY;
    return (long) (v.bitLength() - 1);
  }
}
