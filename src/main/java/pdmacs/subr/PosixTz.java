package pdmacs.subr;

/**
 * A POSIX TZ string, STD OFFSET [DST [OFFSET] [,START[/TIME],END[/TIME]]], with RFC 8536's
 * extensions (rule times from -167 to 167 hours): the rules of a TZ variable that names no
 * file, and of a TZif file's footer for instants after its last transition.
 *
 * <p>As in glibc, the DST changes are computed for the year of the instant in UTC (and placed in
 * 1970 for earlier years, see {@link Rule#instant}), a start given in standard time and an end
 * in DST, and a DST name without rules takes the US rules (M3.2.0,M11.1.0).
 */
final class PosixTz extends ZoneTypes {
  private final TimeType std;
  /** Null for a zone without DST. */
  private final TimeType dst;
  private final Rule start, end;

  /** A fixed zone. */
  PosixTz(TimeType std) {
    this(std, null, null, null);
  }

  private PosixTz(TimeType std, TimeType dst, Rule start, Rule end) {
    this.std = std;
    this.dst = dst;
    this.start = start;
    this.end = end;
  }

  /** A day of the year and a time of that day: when DST starts or ends. */
  private static final class Rule {
    /** 'J' for Jn (1-365, February 29 never counted), 'D' for n (0-365), 'M' for Mm.w.d. */
    final char kind;
    final int day, month, week;
    final int seconds;

    Rule(char kind, int day, int month, int week, int seconds) {
      this.kind = kind;
      this.day = day;
      this.month = month;
      this.week = week;
      this.seconds = seconds;
    }

    /** Days from January 1 of YEAR to the rule's day. */
    long dayOfYear(long year) {
      switch (kind) {
        case 'J': return day - 1 + (isLeap(year) && day >= 60 ? 1 : 0);
        case 'D': return day;
        default: {
          long jan1 = daysFromCivil(year, 1, 1);
          long first = daysFromCivil(year, month, 1);
          int length = month == 12 ? 31 : (int) (daysFromCivil(year, month + 1, 1) - first);
          int dom = 1 + Math.floorMod(day - dayOfWeek(first), 7) + 7 * (week - 1);
          while (dom > length) dom -= 7;
          return first - jan1 + dom - 1;
        }
      }
    }

    /**
     * The instant the rule falls in YEAR, its time read with OFFSET east of UTC. For 1970 and
     * earlier years glibc counts the day of YEAR from 1970-01-01 (its changes for 1938 fall in
     * 1970), and so does this: TZ="CET-1CEST,M3.5.0,M10.5.0/3" is CET all of 1938 there.
     */
    long instant(long year, int offset) {
      long jan1 = year > 1970 ? daysFromCivil(year, 1, 1) : 0;
      return (jan1 + dayOfYear(year)) * 86400 + seconds - offset;
    }
  }

  @Override
  TimeType at(long epochSecond) {
    if (dst == null) return std;
    long year = yearOfDay(Math.floorDiv(epochSecond, 86400L));
    long dstStarts = start.instant(year, std.offset), dstEnds = end.instant(year, dst.offset);
    boolean inDst = dstStarts > dstEnds
        ? epochSecond < dstEnds || epochSecond >= dstStarts
        : epochSecond >= dstStarts && epochSecond < dstEnds;
    return inDst ? dst : std;
  }

  /** S's rules, or null when S is not a valid TZ string. */
  static PosixTz parse(String s) {
    Parser p = new Parser(s);
    String stdName = p.name();
    if (stdName == null) return null;
    Integer stdOffset = p.offset();
    if (stdOffset == null) return null;
    TimeType std = new TimeType(stdOffset, false, stdName);
    if (p.atEnd()) return new PosixTz(std);
    String dstName = p.name();
    if (dstName == null) return null;
    int dstOffset = stdOffset + 3600;
    if (!p.atEnd() && p.peek() != ',') {
      Integer o = p.offset();
      if (o == null) return null;
      dstOffset = o;
    }
    TimeType dst = new TimeType(dstOffset, true, dstName);
    if (Math.abs(dstOffset) > MAX_OFFSET) return null;
    Rule start, end;
    if (p.atEnd()) {
      start = new Rule('M', 0, 3, 2, 7200);
      end = new Rule('M', 0, 11, 1, 7200);
    } else {
      p.pos++;
      start = p.rule();
      if (start == null || p.atEnd() || p.peek() != ',') return null;
      p.pos++;
      end = p.rule();
      if (end == null || !p.atEnd()) return null;
    }
    return new PosixTz(std, dst, start, end);
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    /** Three or more ASCII letters, or <...> of three or more letters, digits, + and -. */
    String name() {
      int from = pos;
      if (!atEnd() && peek() == '<') {
        int i = pos + 1;
        while (i < s.length() && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i))
            || s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        if (i >= s.length() || s.charAt(i) != '>' || i - from - 1 < 3) return null;
        pos = i + 1;
        return s.substring(from + 1, i);
      }
      while (!atEnd() && isAsciiLetter(peek())) pos++;
      return pos - from >= 3 ? s.substring(from, pos) : null;
    }

    /** [+-]hh[:mm[:ss]] west of UTC, as seconds east of it; null if malformed or too large. */
    Integer offset() {
      Integer west = time(2, 24);
      if (west == null || Math.abs(west) > MAX_OFFSET) return null;
      return -west;
    }

    /** [+-]h[:mm[:ss]] with at most DIGITS digits and MAX_HOURS hours, in seconds. */
    Integer time(int digits, int maxHours) {
      boolean negative = false;
      if (!atEnd() && (peek() == '+' || peek() == '-')) negative = s.charAt(pos++) == '-';
      int hours = number(digits);
      if (hours < 0 || hours > maxHours) return null;
      int secs = hours * 3600;
      for (int unit = 60; unit >= 1 && !atEnd() && peek() == ':'; unit /= 60) {
        pos++;
        int n = number(2);
        if (n < 0 || n > 59) return null;
        secs += n * unit;
      }
      return negative ? -secs : secs;
    }

    /** Jn, n or Mm.w.d, and /TIME (02:00 when absent). */
    Rule rule() {
      char kind;
      int day, month = 0, week = 0;
      if (!atEnd() && peek() == 'J') {
        pos++;
        kind = 'J';
        day = number(3);
        if (day < 1 || day > 365) return null;
      } else if (!atEnd() && peek() == 'M') {
        pos++;
        kind = 'M';
        month = number(2);
        if (month < 1 || month > 12 || atEnd() || peek() != '.') return null;
        pos++;
        week = number(1);
        if (week < 1 || week > 5 || atEnd() || peek() != '.') return null;
        pos++;
        day = number(1);
        if (day < 0 || day > 6) return null;
      } else {
        kind = 'D';
        day = number(3);
        if (day < 0 || day > 365) return null;
      }
      int secs = 7200;
      if (!atEnd() && peek() == '/') {
        pos++;
        Integer t = time(3, 167);
        if (t == null) return null;
        secs = t;
      }
      return new Rule(kind, day, month, week, secs);
    }

    /** Up to DIGITS decimal digits, or -1 when there are none. */
    int number(int digits) {
      int from = pos, n = 0;
      while (!atEnd() && pos - from < digits && isDigit(peek())) n = n * 10 + s.charAt(pos++) - '0';
      return pos == from ? -1 : n;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
