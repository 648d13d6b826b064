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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** A zone and, when the rule fixes one, the abbreviation %Z prints. */
  static final class Zone {
    final ZoneId id;
    final String abbreviation;

    Zone(ZoneId id, String abbreviation) {
      this.id = id;
      this.abbreviation = abbreviation;
    }

    String abbreviationAt(ZonedDateTime t) {
      if (abbreviation != null) return abbreviation;
      String z = DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
      if (z.startsWith("GMT+") || z.startsWith("GMT-") || z.equals("Z")) {
        return numericAbbreviation(t.getOffset().getTotalSeconds());
      }
      return z;
    }
  }

  private static final Pattern POSIX_TZ =
      Pattern.compile("([A-Za-z]{3,})([+-]?)(\\d{1,2})(?::(\\d{2}))?");

  static Zone zone(Object z) {
    if (z == NIL || (z instanceof Symbol && ((Symbol) z).name().equals("wall"))) {
      return new Zone(ZoneId.systemDefault(), null);
    }
    if (z == T) return new Zone(ZoneOffset.UTC, "GMT");
    if (z instanceof Long) {
      int secs = (int) Math.max(-86399, Math.min(86399, (Long) z));
      return new Zone(ZoneOffset.ofTotalSeconds(secs), numericAbbreviation(secs));
    }
    if (z instanceof Cons && ((Cons) z).car instanceof Long) {
      Zone base = zone(((Cons) z).car);
      Object abbr = Lisp.car(((Cons) z).cdr);
      return new Zone(base.id, abbr instanceof LString ? ((LString) abbr).str() : base.abbreviation);
    }
    if (z instanceof LString) return tzString(((LString) z).str());
    throw new LispSignal(Q.error,
        Lisp.list(Lisp.str("Invalid time zone specification"), z));
  }

  private static Zone tzString(String tz) {
    Matcher m = POSIX_TZ.matcher(tz);
    if (m.matches()) {
      int secs = Integer.parseInt(m.group(3)) * 3600
          + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)) * 60);
      // POSIX offsets count west of Greenwich: JST-9 is nine hours ahead.
      if (!m.group(2).equals("-")) secs = -secs;
      return new Zone(ZoneOffset.ofTotalSeconds(secs), m.group(1));
    }
    try {
      return new Zone(ZoneId.of(tz), null);
    } catch (java.time.DateTimeException e) {
      return new Zone(ZoneOffset.UTC, "UTC");
    }
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

  static ZonedDateTime at(LispTime t, Zone zone) {
    Instant i = Instant.ofEpochSecond(t.seconds().longValueExact(), t.nanos());
    return ZonedDateTime.ofInstant(i, zone.id);
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
      case 'Y': return number(t.getYear(), 1, '0', flag, width);
      case 'C': return number(Math.floorDiv(t.getYear(), 100), 2, '0', flag, width);
      case 'y': return number(Math.floorMod(t.getYear(), 100), 2, '0', flag, width);
      case 'G': return number(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', flag, width);
      case 'g': return number(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, '0', flag, width);
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
      case 'z': return pad(offset(t.getOffset().getTotalSeconds(), colons), 1, '0', flag, width);
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
