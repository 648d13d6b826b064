package pdmacs.subr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import pdmacs.lisp.Cons;
import pdmacs.lisp.Lisp;

import static pdmacs.lisp.Lisp.NIL;

/**
 * A Lisp timestamp as an exact fraction of seconds, TICKS / HZ, with the forms Emacs 28 reads
 * (nil for now, an integer, a float, (HIGH LOW USEC PSEC) and its prefixes, (TICKS . HZ)) and
 * writes.
 */
final class LispTime implements Comparable<LispTime> {
  /** How a timestamp was written, which decides the form of time-add's result. */
  enum Form { INTEGER, LIST, FLOAT, TICKS }

  private static final BigInteger PICO = BigInteger.TEN.pow(12);
  private static final BigInteger MICRO = BigInteger.TEN.pow(6);
  private static final BigInteger SIXTEEN_BITS = BigInteger.valueOf(65536);

  final BigInteger ticks;
  final BigInteger hz;
  final Form form;

  LispTime(BigInteger ticks, BigInteger hz, Form form) {
    this.ticks = ticks;
    this.hz = hz;
    this.form = form;
  }

  static LispTime now() {
    Instant t = Instant.now();
    BigInteger ns = BigInteger.valueOf(t.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000))
        .add(BigInteger.valueOf(t.getNano()));
    return new LispTime(ns.multiply(BigInteger.valueOf(1000)), PICO, Form.LIST);
  }

  private static RuntimeException invalid() {
    return Lisp.error("Invalid time specification");
  }

  /** Reads a Lisp time value; nil is the current time. */
  static LispTime of(Object o) {
    if (o == NIL) return now();
    if (o instanceof Long || o instanceof BigInteger) {
      return new LispTime(Arith.toBig(o), BigInteger.ONE, Form.INTEGER);
    }
    if (o instanceof Double) return ofDouble((Double) o);
    if (!(o instanceof Cons)) throw invalid();
    Cons c = (Cons) o;
    if (Lisp.isInteger(c.car) && Lisp.isInteger(c.cdr)) {
      BigInteger hz = Arith.toBig(c.cdr);
      if (hz.signum() <= 0) throw invalid();
      return new LispTime(Arith.toBig(c.car), hz, Form.TICKS);
    }
    return ofList(c);
  }

  private static LispTime ofDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw invalid();
    BigDecimal exact = new BigDecimal(d);
    int scale = Math.max(0, exact.scale());
    BigInteger hz = BigInteger.TEN.pow(scale);
    return new LispTime(exact.movePointRight(scale).toBigIntegerExact(), hz, Form.FLOAT);
  }

  /** (HIGH LOW), (HIGH LOW USEC) or (HIGH LOW USEC PSEC). */
  private static LispTime ofList(Cons c) {
    Object[] parts = new Object[4];
    int n = 0;
    Object o = c;
    for (; o instanceof Cons && n < 4; o = ((Cons) o).cdr) parts[n++] = ((Cons) o).car;
    if (n < 2 || (o != NIL)) throw invalid();
    for (int i = 0; i < n; i++) if (!Lisp.isInteger(parts[i])) throw invalid();
    BigInteger secs = Arith.toBig(parts[0]).multiply(SIXTEEN_BITS).add(Arith.toBig(parts[1]));
    if (n == 2) return new LispTime(secs, BigInteger.ONE, Form.INTEGER);
    BigInteger usec = Arith.toBig(parts[2]);
    BigInteger psec = n == 4 ? Arith.toBig(parts[3]) : BigInteger.ZERO;
    BigInteger t = secs.multiply(PICO).add(usec.multiply(MICRO)).add(psec);
    return new LispTime(t, PICO, Form.LIST);
  }

  /** Whole seconds, rounded toward minus infinity. */
  BigInteger seconds() {
    return floorDiv(ticks, hz);
  }

  /** The fraction of a second in nanoseconds, rounded down. */
  int nanos() {
    BigInteger rem = ticks.subtract(seconds().multiply(hz));
    return floorDiv(rem.multiply(BigInteger.valueOf(1_000_000_000)), hz).intValue();
  }

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  double toDouble() {
    return new BigDecimal(ticks).divide(new BigDecimal(hz), MathContext.DECIMAL128).doubleValue();
  }

  LispTime add(LispTime o, boolean subtract) {
    BigInteger hz2 = lcm(hz, o.hz);
    BigInteger a = ticks.multiply(hz2.divide(hz));
    BigInteger b = o.ticks.multiply(hz2.divide(o.hz));
    BigInteger t = subtract ? a.subtract(b) : a.add(b);
    Form f = form == Form.TICKS || o.form == Form.TICKS ? Form.TICKS
        : form == Form.INTEGER && o.form == Form.INTEGER ? Form.INTEGER : Form.LIST;
    return new LispTime(t, hz2, f);
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  @Override
  public int compareTo(LispTime o) {
    return ticks.multiply(o.hz).compareTo(o.ticks.multiply(hz));
  }

  /** This time written in its form: an integer, (TICKS . HZ) in lowest terms, or a 4-list. */
  Object toLisp() {
    switch (form) {
      case INTEGER: return Lisp.integer(seconds());
      case TICKS: {
        BigInteger g = ticks.gcd(hz);
        return Lisp.cons(Lisp.integer(ticks.divide(g)), Lisp.integer(hz.divide(g)));
      }
      default: return toList();
    }
  }

  /** (HIGH LOW USEC PSEC), picoseconds rounded down. */
  Object toList() {
    BigInteger ps = floorDiv(ticks.multiply(PICO), hz);
    BigInteger secs = floorDiv(ps, PICO);
    BigInteger sub = ps.subtract(secs.multiply(PICO));
    BigInteger[] hl = secs.divideAndRemainder(SIXTEEN_BITS);
    BigInteger high = hl[1].signum() < 0 ? hl[0].subtract(BigInteger.ONE) : hl[0];
    BigInteger low = secs.subtract(high.multiply(SIXTEEN_BITS));
    BigInteger[] up = sub.divideAndRemainder(MICRO);
    return Lisp.list(Lisp.integer(high), Lisp.integer(low), Lisp.integer(up[0]),
        Lisp.integer(up[1]));
  }
}
