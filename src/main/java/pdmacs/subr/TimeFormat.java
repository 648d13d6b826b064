package pdmacs.subr;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.TimeZone;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;

/**
 * format-time-string's strftime conversions in the C locale, and the time zone rules Emacs
 * accepts (nil or wall for local time, t for UTC, an offset in seconds, (OFFSET ABBR), or a TZ
 * string such as "JST-9" or "Europe/Paris").
 */
final class TimeFormat {
  private TimeFormat() {}

  /**
   * A zone and, when the rule fixes one, the abbreviation %Z prints.
   *
   * <p>The local zone (nil or wall) and zones named by a TZ string take their offsets, DST flags
   * and abbreviations from the C library's sources, as GNU Emacs does: the TZif file or POSIX
   * TZ string (see {@link ZoneTypes}). Where those fail (no zone files, a malformed one, a name
   * neither a file nor a TZ string) the local zone falls back to java.util's {@link TimeZone}
   * and a TZ string to java.time.
   *
   * <p>That fallback local zone keeps java.util's TimeZone beside its ZoneId, and takes its
   * offsets from it where it can: the first ZoneId of a region (Etc/UTC, Europe/Paris) starts
   * java.time's zone-rules provider, which looks for other providers in every jar of the class
   * path and reads tzdb.dat a second time, some 10 ms of a run's first format-time-string, while
   * TimeZone has read that data already to learn the zone's name. So the ZoneId is made only
   * for what needs its rules (encode-time, decode-time's DST flag, %Z), and for instants
   * outside 1900-2037, where java.util's copy of the rules is not the same (it drops the
   * transitions before 1900 and gives the years after 2037 its last rule).
   */
  static final class Zone {
    private ZoneId id;
    /** java.util's view of the local zone, or null for every other zone. */
    private final TimeZone local;
    /** The TZ string that named this zone, for its ZoneId; null for the local zone. */
    private final String tz;
    /** The C library's rules, or null where they could not be had. */
    private final ZoneTypes types;
    final String abbreviation;

    Zone(ZoneId id, String abbreviation) {
      this.id = id;
      this.local = null;
      this.tz = null;
      this.types = null;
      this.abbreviation = abbreviation;
    }

    /** The local zone TZ, as java.util gives it; its ZoneId is made when first needed. */
    Zone(TimeZone tz) {
      this(tz, null);
    }

    /** The local zone: TYPES when the C library's rules were found, else java.util's LOCAL. */
    Zone(TimeZone local, ZoneTypes types) {
      this.local = local;
      this.tz = null;
      this.types = types;
      this.abbreviation = null;
    }

    /** The zone the TZ string TZ names, by the C library's rules TYPES. */
    Zone(String tz, ZoneTypes types) {
      this.local = null;
      this.tz = tz;
      this.types = types;
      this.abbreviation = null;
    }

    /** The java.time zone, for encode-time. */
    ZoneId id() {
      if (id == null) {
        if (tz != null) id = javaTimeZone(tz).id();
        else id = (local != null ? local : TimeZone.getDefault()).toZoneId();
      }
      return id;
    }

    /** The offset from UTC at the instant I. */
    ZoneOffset offsetAt(Instant i) {
      long s = i.getEpochSecond();
      if (types != null) return ZoneOffset.ofTotalSeconds(types.at(s).offset);
      if (local != null && s >= FIRST_SAME_OFFSETS && s < END_SAME_OFFSETS) {
        return ZoneOffset.ofTotalSeconds(local.getOffset(s * 1000) / 1000);
      }
      return id().getRules().getOffset(i);
    }

    /** Whether daylight saving time is in force at the instant I. */
    boolean isDst(Instant i) {
      if (types != null) return types.at(i.getEpochSecond()).dst;
      return id().getRules().isDaylightSavings(i);
    }

    /**
     * Whether %z prints -0000: a zero offset whose abbreviation starts with "-", as "-00" in
     * Antarctica/Troll before 2005 says the local time is unknown. Only abbreviations known
     * cheaply (fixed, or from the C library's rules) are looked at.
     */
    boolean unknownOffset(ZonedDateTime t) {
      if (t.getOffset().getTotalSeconds() != 0 || (abbreviation == null && types == null)) {
        return false;
      }
      return abbreviationAt(t).startsWith("-");
    }

    String abbreviationAt(ZonedDateTime t) {
      if (abbreviation != null) return abbreviation;
      if (types != null) return types.at(t.toEpochSecond()).abbreviation;
      ZonedDateTime inZone = t.withZoneSameInstant(id());
      String z = DateTimeFormatter.ofPattern("zzz", Locale.US).format(inZone);
      if (z.startsWith("GMT+") || z.startsWith("GMT-") || z.equals("Z")) {
        return numericAbbreviation(t.getOffset().getTotalSeconds());
      }
      return z;
    }
  }

  /** 1900-01-01 and 2037-01-01 UTC: where java.util's and java.time's zone offsets agree. */
  static final long FIRST_SAME_OFFSETS = -2208988800L, END_SAME_OFFSETS = 2114380800L;

  /** The local zone, made once: TimeZone.getDefault copies the zone at every call. */
  private static Zone localZone;

  static Zone zone(Object z) {
    if (z == NIL || (z instanceof Symbol && ((Symbol) z).name().equals("wall"))) {
      if (localZone == null) {
        ZoneTypes types = ZoneTypes.load(System.getenv("TZ"));
        localZone = types != null ? new Zone((TimeZone) null, types) : new Zone(TimeZone.getDefault());
      }
      return localZone;
    }
    if (z == T) return new Zone(ZoneOffset.UTC, "GMT");
    if (z instanceof Long) {
      int secs = (int) Math.max(-86399, Math.min(86399, (Long) z));
      return new Zone(offset(secs, z), numericAbbreviation(secs));
    }
    if (z instanceof Cons && ((Cons) z).car instanceof Long) {
      Zone base = zone(((Cons) z).car);
      Object abbr = Lisp.car(((Cons) z).cdr);
      return new Zone(base.id(), abbr instanceof LString ? ((LString) abbr).str() : base.abbreviation);
    }
    if (z instanceof LString) return tzString(((LString) z).str());
    throw new LispSignal(Q.error,
        Lisp.list(Lisp.str("Invalid time zone specification"), z));
  }

  private static Zone tzString(String tz) {
    ZoneTypes types = ZoneTypes.load(tz);
    return types != null ? new Zone(tz, types) : javaTimeZone(tz);
  }

  /** The zone TZ names by java.time's rules, or UTC when it names none. */
  private static Zone javaTimeZone(String tz) {
    Zone posix = posixZone(tz);
    if (posix != null) return posix;
    try {
      return new Zone(ZoneId.of(tz), null);
    } catch (java.time.DateTimeException e) {
      return new Zone(ZoneOffset.UTC, "UTC");
    }
  }

  /**
   * A POSIX TZ string without rules, NAME[+-]HH[:[MM][:SS]] (three or more ASCII letters, one or
   * two digits of hours, of minutes and of seconds; an empty minutes field counts as 0, as in
   * GNU Emacs), as a fixed zone named NAME; null for anything else. Parsed by hand, as a
   * java.util.regex pattern compiled when this class loads cost the first format-time-string
   * milliseconds of lambda bootstrapping.
   */
  static Zone posixZone(String tz) {
    int n = tz.length(), i = 0;
    while (i < n && isAsciiLetter(tz.charAt(i))) i++;
    if (i < 3) return null;
    String name = tz.substring(0, i);
    boolean west = true;
    if (i < n && (tz.charAt(i) == '+' || tz.charAt(i) == '-')) west = tz.charAt(i++) == '+';
    int secs = 0;
    // Hours (required), then minutes and seconds, each after a colon.
    for (int field = 0, unit = 3600; field < 3 && (field == 0 || i < n); field++, unit /= 60) {
      if (field > 0 && tz.charAt(i++) != ':') return null;
      int digitsStart = i;
      while (i < n && i - digitsStart < 2 && isDigit(tz.charAt(i))) i++;
      if (i == digitsStart) {
        if (field == 0) return null;
        break;
      }
      secs += Integer.parseInt(tz.substring(digitsStart, i)) * unit;
    }
    if (i < n) return null;
    // POSIX offsets count west of Greenwich: JST-9 is nine hours ahead.
    return new Zone(offset(west ? -secs : secs, tz), name);
  }

  /**
   * The offset of SECS seconds east of UTC, for the zone SPEC. GNU Emacs takes up to a day
   * either way; a ZoneOffset stops at 18 hours, so beyond that the zone is an error here
   * (ZoneOffset's own exception would escape Lisp and end the session).
   */
  private static ZoneOffset offset(int secs, Object spec) {
    if (Math.abs(secs) > 18 * 3600) {
      throw Lisp.error("Time zone offsets beyond 18 hours are not supported: " + spec);
    }
    return ZoneOffset.ofTotalSeconds(secs);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** "+01", "-0530": how Emacs names a zone given only as an offset. */
  static String numericAbbreviation(int secs) {
    int a = Math.abs(secs);
    StringBuilder sb = new StringBuilder(secs < 0 ? "-" : "+");
    sb.append(two(a / 3600));
    if (a % 3600 != 0) sb.append(two(a / 60 % 60));
    if (a % 60 != 0) sb.append(two(a % 60));
    return sb.toString();
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  /**
   * The time T in ZONE. The result's zone is the offset there (getZone is not the region):
   * callers read fields and the offset, and ask ZONE for anything else.
   */
  static ZonedDateTime at(LispTime t, Zone zone) {
    Instant i = Instant.ofEpochSecond(t.seconds().longValueExact(), t.nanos());
    return ZonedDateTime.ofInstant(i, zone.offsetAt(i));
  }

  /** format-time-string. */
  static String format(String fmt, LispTime time, Zone zone) {
    ZonedDateTime t = at(time, zone);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 >= fmt.length()) {
        out.append(c);
        continue;
      }
      int start = i;
      char flag = 0;
      while (i + 1 < fmt.length() && "-_0^#".indexOf(fmt.charAt(i + 1)) >= 0) flag = fmt.charAt(++i);
      int width = -1;
      while (i + 1 < fmt.length() && Character.isDigit(fmt.charAt(i + 1))) {
        width = Math.max(0, width) * 10 + fmt.charAt(++i) - '0';
        if (width > 1024) width = 1024;
      }
      int colons = 0;
      while (i + 1 < fmt.length() && fmt.charAt(i + 1) == ':') {
        colons++;
        i++;
      }
      if (i + 1 < fmt.length() && (fmt.charAt(i + 1) == 'E' || fmt.charAt(i + 1) == 'O')) i++;
      if (i + 1 >= fmt.length()) {
        out.append(fmt, start, fmt.length());
        break;
      }
      char conv = fmt.charAt(++i);
      String piece = conversion(conv, flag, width, colons, t, time, zone);
      out.append(piece == null ? fmt.substring(start, i + 1) : piece);
    }
    return out.toString();
  }

  /** One conversion, or null when CONV is unknown (the spec is then copied as written). */
  private static String conversion(char conv, char flag, int width, int colons, ZonedDateTime t,
      LispTime time, Zone zone) {
    switch (conv) {
      // Years as Emacs gives them: four digits at least, the sign one of them; the century
      // truncated toward zero, "-0" for the years -1 to -99; the year in it without a sign.
      case 'Y': return number(t.getYear(), 4, '0', flag, width);
      case 'C': return pad(century(t.getYear()), 2, '0', flag, width);
      case 'y': return number(Math.abs(t.getYear() % 100), 2, '0', flag, width);
      case 'G': return number(t.get(IsoFields.WEEK_BASED_YEAR), 4, '0', flag, width);
      case 'g': return number(Math.abs(t.get(IsoFields.WEEK_BASED_YEAR) % 100), 2, '0', flag, width);
      case 'm': return number(t.getMonthValue(), 2, '0', flag, width);
      case 'd': return number(t.getDayOfMonth(), 2, '0', flag, width);
      case 'e': return number(t.getDayOfMonth(), 2, ' ', flag, width);
      case 'j': return number(t.getDayOfYear(), 3, '0', flag, width);
      case 'H': return number(t.getHour(), 2, '0', flag, width);
      case 'k': return number(t.getHour(), 2, ' ', flag, width);
      case 'I': return number(hour12(t), 2, '0', flag, width);
      case 'l': return number(hour12(t), 2, ' ', flag, width);
      case 'M': return number(t.getMinute(), 2, '0', flag, width);
      case 'S': return number(t.getSecond(), 2, '0', flag, width);
      case 'u': return number(t.getDayOfWeek().getValue(), 1, '0', flag, width);
      case 'w': return number(t.getDayOfWeek().getValue() % 7, 1, '0', flag, width);
      case 'V': return number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', flag, width);
      case 's': return pad(time.seconds().toString(), 1, '0', flag, width);
      case 'N': {
        String ns = String.format("%09d", t.getNano());
        return width > 0 && width < 9 ? ns.substring(0, width) : ns;
      }
      case 'a': return text(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US), flag, width);
      case 'A': return text(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US), flag, width);
      case 'b': case 'h':
        return text(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US), flag, width);
      case 'B': return text(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US), flag, width);
      case 'p': return text(t.getHour() < 12 ? "AM" : "PM", flag, width);
      case 'P': return text(t.getHour() < 12 ? "am" : "pm", flag, width);
      case 'Z': {
        String z = zone.abbreviationAt(t);
        return text(flag == '#' ? z.toLowerCase(Locale.ROOT) : z, flag == '#' ? 0 : flag, width);
      }
      case 'z': {
        String z = offset(t.getOffset().getTotalSeconds(), colons);
        if (zone.unknownOffset(t)) z = "-" + z.substring(1);
        return pad(z, 1, '0', flag, width);
      }
      case 'c': return text(format("%a %b %e %H:%M:%S %Y", time, zone), flag, width);
      case 'D': case 'x': return text(format("%m/%d/%y", time, zone), flag, width);
      case 'F': return text(format("%Y-%m-%d", time, zone), flag, width);
      case 'T': case 'X': return text(format("%H:%M:%S", time, zone), flag, width);
      case 'R': return text(format("%H:%M", time, zone), flag, width);
      case 'r': return text(format("%I:%M:%S %p", time, zone), flag, width);
      case 'n': return "\n";
      case 't': return "\t";
      case '%': return "%";
      default: return null;
    }
  }

  private static int hour12(ZonedDateTime t) {
    return t.get(ChronoField.CLOCK_HOUR_OF_AMPM);
  }

  private static String offset(int secs, int colons) {
    int a = Math.abs(secs);
    String sign = secs < 0 ? "-" : "+";
    String h = two(a / 3600), m = two(a / 60 % 60), s = two(a % 60);
    switch (colons) {
      case 0: return sign + h + m;
      case 1: return sign + h + ":" + m;
      default: return sign + h + ":" + m + ":" + s;
    }
  }

  private static String century(long year) {
    long c = year / 100;
    return year < 0 && c == 0 ? "-0" : Long.toString(c);
  }

  private static String number(long n, int digits, char padChar, char flag, int width) {
    return pad(Long.toString(n), digits, padChar, flag, width);
  }

  /** Pads S to WIDTH (or its natural DIGITS) with PAD_CHAR, as the flags direct. */
  private static String pad(String s, int digits, char padChar, char flag, int width) {
    if (flag == '-') return s;
    char p = flag == '_' ? ' ' : flag == '0' ? '0' : padChar;
    int w = width >= 0 ? width : digits;
    if (s.length() >= w) return s;
    boolean signed = s.startsWith("-") || s.startsWith("+");
    if (p == '0' && signed) return s.charAt(0) + "0".repeat(w - s.length()) + s.substring(1);
    return String.valueOf(p).repeat(w - s.length()) + s;
  }

  private static String text(String s, char flag, int width) {
    if (flag == '^' || flag == '#') s = s.toUpperCase(Locale.ROOT);
    if (width <= s.length() || flag == '-') return s;
    char p = flag == '0' ? '0' : ' ';
    return String.valueOf(p).repeat(width - s.length()) + s;
  }
}
