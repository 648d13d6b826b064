package pdmacs.subr;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * emacs.c, timefns.c and sysdep.c: the clock and time arithmetic, format-time-string, and facts
 * about the process (pid, user id, host name).
 */
public final class Emacs extends SubrGroup {
  private static final int FLOAT_TIME = 0, CURRENT_TIME = 1, CURRENT_TIME_STRING = 2,
      FORMAT_TIME_STRING = 3, TIME_ADD = 4, TIME_SUBTRACT = 5, TIME_LESS_P = 6,
      TIME_EQUAL_P = 7, EMACS_PID = 8, SYSTEM_NAME = 9, USER_UID = 10, USER_REAL_UID = 11,
      SLEEP_FOR = 12, CURRENT_TIME_ZONE = 13, TIME_CONVERT = 14, DECODE_TIME = 15,
      ENCODE_TIME = 16;

  private static final Symbol integerSym = Lisp.intern("integer");
  private static final Symbol listSym = Lisp.intern("list");

  @Override
  public void register() {
    defun(FLOAT_TIME, "float-time", 0, 1);
    defun(CURRENT_TIME, "current-time", 0, 0);
    defun(CURRENT_TIME_STRING, "current-time-string", 0, 2);
    defun(FORMAT_TIME_STRING, "format-time-string", 1, 3);
    defun(TIME_ADD, "time-add", 2, 2);
    defun(TIME_SUBTRACT, "time-subtract", 2, 2);
    defun(TIME_LESS_P, "time-less-p", 2, 2);
    defun(TIME_EQUAL_P, "time-equal-p", 2, 2);
    defun(EMACS_PID, "emacs-pid", 0, 0);
    defun(SYSTEM_NAME, "system-name", 0, 0);
    defun(USER_UID, "user-uid", 0, 0);
    defun(USER_REAL_UID, "user-real-uid", 0, 0);
    defun(SLEEP_FOR, "sleep-for", 1, 2);
    defun(CURRENT_TIME_ZONE, "current-time-zone", 0, 2);
    defun(TIME_CONVERT, "time-convert", 1, 2);
    defun(DECODE_TIME, "decode-time", 0, 3);
    defun(ENCODE_TIME, "encode-time", 1, Subr.MANY);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case FLOAT_TIME: return a[0] == NIL ? LispTime.nowAsDouble() : LispTime.of(a[0]).toDouble();
      case CURRENT_TIME: return LispTime.now().toList();
      case CURRENT_TIME_STRING:
        return timeString("%a %b %e %H:%M:%S %Y", a[0], a[1]);
      case FORMAT_TIME_STRING:
        return timeString(Lisp.checkString(a[0]).str(), a[1], a[2]);
      case TIME_ADD: return LispTime.of(a[0]).add(LispTime.of(a[1]), false).toLisp();
      case TIME_SUBTRACT: return LispTime.of(a[0]).add(LispTime.of(a[1]), true).toLisp();
      case TIME_LESS_P: return Lisp.bool(LispTime.of(a[0]).compareTo(LispTime.of(a[1])) < 0);
      case TIME_EQUAL_P:
        if (a[0] == NIL && a[1] == NIL) return Lisp.T;
        return Lisp.bool(LispTime.of(a[0]).compareTo(LispTime.of(a[1])) == 0);
      case EMACS_PID: return ProcessHandle.current().pid();
      case SYSTEM_NAME: return new LString(hostName());
      case USER_UID:
      case USER_REAL_UID:
        return uid();
      case SLEEP_FOR: return sleepFor(a[0], a[1]);
      case CURRENT_TIME_ZONE: {
        TimeFormat.Zone zone = TimeFormat.zone(a[1]);
        ZonedDateTime t = TimeFormat.at(LispTime.of(a[0]), zone);
        return Lisp.list((long) t.getOffset().getTotalSeconds(), new LString(zone.abbreviationAt(t)));
      }
      case TIME_CONVERT: return timeConvert(LispTime.of(a[0]), a[1]);
      case DECODE_TIME: return decodeTime(a[0], a[1], a[2]);
      case ENCODE_TIME: return encodeTime(a);
      default: throw new IllegalStateException("emacs " + id);
    }
  }

  /**
   * (SEC MINUTE HOUR DAY MONTH YEAR DOW DST UTCOFF), DST nil for fixed-offset zones. With FORM
   * t, SEC keeps the fraction of a second as (TICKS . HZ) in the time's own HZ.
   */
  private static Object decodeTime(Object time, Object zoneSpec, Object form) {
    TimeFormat.Zone zone = TimeFormat.zone(zoneSpec);
    LispTime lt = LispTime.of(time);
    ZonedDateTime t = TimeFormat.at(lt, zone);
    boolean dst = zone.isDst(t.toInstant());
    Object sec = (long) t.getSecond();
    if (form == Lisp.T && !lt.hz.equals(BigInteger.ONE)) {
      BigInteger sub = lt.ticks.subtract(lt.seconds().multiply(lt.hz));
      sec = Lisp.cons(Lisp.integer(BigInteger.valueOf(t.getSecond()).multiply(lt.hz).add(sub)),
          Lisp.integer(lt.hz));
    }
    return Lisp.list(sec, (long) t.getMinute(), (long) t.getHour(),
        (long) t.getDayOfMonth(), (long) t.getMonthValue(), (long) t.getYear(),
        (long) (t.getDayOfWeek().getValue() % 7), Lisp.bool(dst),
        (long) t.getOffset().getTotalSeconds());
  }

  /**
   * encode-time of (SEC MINUTE HOUR DAY MONTH YEAR IGNORED DST ZONE), or of the obsolescent
   * spread form SEC MINUTE HOUR DAY MONTH YEAR [ZONE]. Out-of-range fields carry over, as
   * mktime normalises them. SEC may be any time value: an integer gives (HIGH LOW), anything
   * else (TICKS . HZ) in SEC's HZ.
   */
  private static Object encodeTime(Object[] a) {
    Object[] fields = new Object[6];
    Object zoneSpec;
    if (a.length == 1) {
      Object o = a[0];
      for (int i = 0; i < 6; i++) {
        Cons c = Lisp.checkCons(o);
        fields[i] = c.car;
        o = c.cdr;
      }
      // The list must reach ZONE, its ninth element.
      Lisp.checkCons(o);
      Lisp.checkCons(((Cons) o).cdr);
      zoneSpec = Lisp.car(Lisp.checkCons(Lisp.cdr(((Cons) o).cdr)));
    } else {
      if (a.length < 6) throw Lisp.wrongType(Q.consp, NIL);
      System.arraycopy(a, 0, fields, 0, 6);
      zoneSpec = a.length > 6 ? a[a.length - 1] : NIL;
    }
    LispTime sec = LispTime.of(fields[0]);
    long[] v = new long[6];
    for (int i = 1; i < 6; i++) {
      if (!(fields[i] instanceof Long)) throw Lisp.wrongType(Q.fixnump, fields[i]);
      v[i] = (Long) fields[i];
    }
    BigInteger wholeSec = sec.seconds();
    java.time.LocalDateTime local;
    try {
      local = java.time.LocalDateTime.of(Math.toIntExact(v[5]), 1, 1, 0, 0)
          .plusMonths(v[4] - 1).plusDays(v[3] - 1).plusHours(v[2]).plusMinutes(v[1])
          .plusSeconds(wholeSec.longValueExact());
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw Lisp.error("Specified time is not representable");
    }
    long secs = ZonedDateTime.ofLocal(local, TimeFormat.zone(zoneSpec).id(), null).toEpochSecond();
    if (fields[0] instanceof Long || fields[0] instanceof BigInteger) {
      return Lisp.list(Lisp.integer(Math.floorDiv(secs, 65536L)),
          Lisp.integer(Math.floorMod(secs, 65536L)));
    }
    BigInteger ticks = BigInteger.valueOf(secs).multiply(sec.hz)
        .add(sec.ticks.subtract(wholeSec.multiply(sec.hz)));
    return Lisp.cons(Lisp.integer(ticks), Lisp.integer(sec.hz));
  }

  private static LString timeString(String format, Object time, Object zone) {
    return new LString(TimeFormat.format(format, LispTime.of(time), TimeFormat.zone(zone)));
  }

  /**
   * time-convert to integer, to (HIGH LOW USEC PSEC) for list or nil (Emacs 28's default), to
   * (TICKS . HZ) for an integer HZ, or to t's exact ticks at the time's own HZ.
   */
  private static Object timeConvert(LispTime t, Object form) {
    if (form == integerSym) return Lisp.integer(t.seconds());
    if (form == listSym || form == NIL) return t.toList();
    if (form instanceof Long || form instanceof BigInteger) {
      BigInteger hz = Arith.toBig(form);
      if (hz.signum() <= 0) throw Lisp.error("Invalid time frequency");
      BigInteger ticks = t.ticks.multiply(hz);
      BigInteger[] qr = ticks.divideAndRemainder(t.hz);
      BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
      return Lisp.cons(Lisp.integer(q), form);
    }
    return t.toTicks();
  }

  private static Object sleepFor(Object seconds, Object millis) {
    if (!Lisp.isNumber(seconds)) throw Lisp.wrongType(Q.numberp, seconds);
    double s = Arith.toDouble(seconds);
    if (millis != NIL) s += Search.checkFixnum(millis) / 1000.0;
    if (s > 0) {
      try {
        Thread.sleep((long) Math.min(s * 1000, Long.MAX_VALUE), (int) ((s * 1e9) % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return NIL;
  }

  private static String hostName() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!h.isEmpty()) return h;
    } catch (IOException | RuntimeException e) {
      // Not Linux: ask the resolver below.
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static Object uid() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return ((Number) uid).longValue();
    } catch (IOException | RuntimeException e) {
      return 0L;
    }
  }
}
