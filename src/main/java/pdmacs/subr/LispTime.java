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
  private static final BigInteger NANO = BigInteger.TEN.pow(9);
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
    BigInteger ns = BigInteger.valueOf(t.getEpochSecond()).multiply(NANO)
        .add(BigInteger.valueOf(t.getNano()));
    return new LispTime(ns, NANO, Form.LIST);
  }

  /** (float-time) of now, without the BigIntegers of {@link #now} and toDouble. */
  static double nowAsDouble() {
    Instant t = Instant.now();
    return secondsAsDouble(t.getEpochSecond(), t.getNano());
  }

  /**
   * SEC + NANO / 10^9 rounded to the nearest double, ties to even: what toDouble gives for that
   * time (its decimal quotient is exact, then rounded once). For 2^19 <= SEC < 2^53, every time
   * since 1970-01-07, the double's 53 bits hold SEC's B bits and 53 - B bits of fraction, so the
   * fraction is rounded to that many bits in long arithmetic and the result is exact; other
   * times take the exact path.
   */
  static double secondsAsDouble(long sec, int nano) {
    int bits = 64 - Long.numberOfLeadingZeros(sec);
    if (sec < 0 || bits < 20 || bits > 53) {
      BigInteger ticks = BigInteger.valueOf(sec).multiply(NANO).add(BigInteger.valueOf(nano));
      return new LispTime(ticks, NANO, Form.LIST).toDouble();
    }
    int k = 53 - bits;
    long scaled = (long) nano << k;
    long m = (sec << k) + scaled / 1_000_000_000L;
    long twiceRem = 2 * (scaled % 1_000_000_000L);
    if (twiceRem > 1_000_000_000L || (twiceRem == 1_000_000_000L && (m & 1) != 0)) m++;
    return Math.scalb((double) m, -k);
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

  /**
   * A float counts ticks of its own precision, as Emacs does: HZ is 2^(52 - exponent), so 1.5
   * is (6755399441055744 . 4503599627370496); zero and floats too large for a fraction have HZ 1.
   */
  private static LispTime ofDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw invalid();
    if (d == 0) return new LispTime(BigInteger.ZERO, BigInteger.ONE, Form.FLOAT);
    int exponent = Math.getExponent(d);
    int scale = Math.max(0, exponent < Double.MIN_EXPONENT ? 1074 : 52 - exponent);
    BigDecimal exact = new BigDecimal(d);
    BigInteger hz = BigInteger.TWO.pow(scale);
    return new LispTime(exact.multiply(new BigDecimal(hz)).toBigIntegerExact(), hz, Form.FLOAT);
  }

  /** (HIGH LOW), (HIGH LOW USEC) or (HIGH LOW USEC PSEC): HZ 1, a million or a trillion. */
  private static LispTime ofList(Cons c) {
    Object[] parts = new Object[4];
    int n = 0;
    Object o = c;
    for (; o instanceof Cons && n < 4; o = ((Cons) o).cdr) parts[n++] = ((Cons) o).car;
    if (n < 2 || (o != NIL)) throw invalid();
    for (int i = 0; i < n; i++) if (!Lisp.isInteger(parts[i])) throw invalid();
    BigInteger secs = Arith.toBig(parts[0]).multiply(SIXTEEN_BITS).add(Arith.toBig(parts[1]));
    if (n == 2) return new LispTime(secs, BigInteger.ONE, Form.LIST);
    BigInteger usec = Arith.toBig(parts[2]);
    if (n == 3) return new LispTime(secs.multiply(MICRO).add(usec), MICRO, Form.LIST);
    BigInteger t = secs.multiply(PICO).add(usec.multiply(MICRO)).add(Arith.toBig(parts[3]));
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

  /**
   * The sum or difference at Emacs's resolution: operands of one HZ keep it; otherwise the
   * result over the lcm of the HZs is reduced to lowest terms, then scaled back up if that left
   * HZ below the smaller operand's.
   */
  LispTime add(LispTime o, boolean subtract) {
    Form f = form == Form.TICKS || o.form == Form.TICKS ? Form.TICKS : Form.LIST;
    if (hz.equals(o.hz)) {
      return new LispTime(subtract ? ticks.subtract(o.ticks) : ticks.add(o.ticks), hz, f);
    }
    BigInteger g = hz.gcd(o.hz);
    BigInteger lcm = hz.divide(g).multiply(o.hz);
    BigInteger a = ticks.multiply(o.hz.divide(g));
    BigInteger b = o.ticks.multiply(hz.divide(g));
    BigInteger t = subtract ? a.subtract(b) : a.add(b);
    BigInteger common = t.gcd(lcm);
    if (common.compareTo(BigInteger.ONE) > 0) {
      t = t.divide(common);
      lcm = lcm.divide(common);
      BigInteger hzMin = hz.min(o.hz);
      if (lcm.compareTo(hzMin) < 0) {
        BigInteger[] qr = hzMin.divideAndRemainder(lcm);
        BigInteger rescale = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        t = t.multiply(rescale);
        lcm = lcm.multiply(rescale);
      }
    }
    return new LispTime(t, lcm, f);
  }

  @Override
  public int compareTo(LispTime o) {
    return ticks.multiply(o.hz).compareTo(o.ticks.multiply(hz));
  }

  /**
   * A result of time arithmetic: an integer when HZ is 1, else (HIGH LOW USEC PSEC) when no
   * operand was (TICKS . HZ) and the list holds the value exactly, else (TICKS . HZ).
   */
  Object toLisp() {
    if (hz.equals(BigInteger.ONE)) return Lisp.integer(ticks);
    if (form == Form.TICKS || PICO.mod(hz).signum() != 0) return toTicks();
    return toList();
  }

  /** (TICKS . HZ) as they stand, not reduced. */
  Object toTicks() {
    return Lisp.cons(Lisp.integer(ticks), Lisp.integer(hz));
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
