package pdmacs.subr;

import java.nio.charset.StandardCharsets;

/**
 * A TZif file (RFC 8536): its transitions, local time types and, from version 2 on, the footer's
 * TZ string for instants after the last transition. Version 2 and later files are read from
 * their 64-bit part, as a C library with a 64-bit time_t does; version 1 files from the 32-bit
 * one.
 *
 * <p>Instants before the first transition take the first standard-time type (the first type
 * when all are DST), as glibc does; RFC 8536 says type 0, which is that type in every file zic
 * writes. Files with leap seconds ("right/" zones) are refused: their instants count leap
 * seconds, which nothing else here does.
 */
final class Tzif extends ZoneTypes {
  /** Transition instants, ascending, and the index in types of the type each starts. */
  private final long[] times;
  private final int[] typeOf;
  private final TimeType[] types;
  private final TimeType beforeFirst;
  /** The rules after the last transition, or null to keep its type. */
  private final PosixTz footer;

  private Tzif(long[] times, int[] typeOf, TimeType[] types, PosixTz footer) {
    this.times = times;
    this.typeOf = typeOf;
    this.types = types;
    this.footer = footer;
    int first = 0;
    while (first < types.length && types[first].dst) first++;
    this.beforeFirst = types[first < types.length ? first : 0];
  }

  @Override
  TimeType at(long epochSecond) {
    int n = times.length;
    if (n == 0 || epochSecond < times[0]) return beforeFirst;
    if (epochSecond >= times[n - 1]) {
      return footer != null ? footer.at(epochSecond) : types[typeOf[n - 1]];
    }
    // The last transition at or before the instant: times[lo] <= epochSecond < times[hi].
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= epochSecond) lo = mid;
      else hi = mid;
    }
    return types[typeOf[lo]];
  }

  /** DATA's rules, or null when DATA is not a well-formed TZif file. */
  static Tzif parse(byte[] data) {
    try {
      return parseOrThrow(data);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The size of the header: magic, version, 15 unused bytes and six counts. */
  private static final int HEADER = 44;

  private static Tzif parseOrThrow(byte[] d) {
    if (d.length < HEADER || d[0] != 'T' || d[1] != 'Z' || d[2] != 'i' || d[3] != 'f') {
      throw new IllegalArgumentException("not TZif");
    }
    int version = d[4];
    if (version == 0) return body(d, 0, 4, false);
    if (version < '2') throw new IllegalArgumentException("unknown version");
    // Skip the version 1 header and data to the 64-bit ones.
    return body(d, HEADER + dataLength(d, 0, 4), 8, true);
  }

  /** The length of the data block the header at AT describes, with TIME_SIZE-byte times. */
  private static int dataLength(byte[] d, int at, int timeSize) {
    long isutcnt = u32(d, at + 20), isstdcnt = u32(d, at + 24), leapcnt = u32(d, at + 28);
    long timecnt = u32(d, at + 32), typecnt = u32(d, at + 36), charcnt = u32(d, at + 40);
    long n = timecnt * (timeSize + 1) + typecnt * 6 + charcnt + leapcnt * (timeSize + 4)
        + isstdcnt + isutcnt;
    if (n > d.length) throw new IllegalArgumentException("counts past the end");
    return (int) n;
  }

  private static Tzif body(byte[] d, int at, int timeSize, boolean hasFooter) {
    if (d[at] != 'T' || d[at + 1] != 'Z' || d[at + 2] != 'i' || d[at + 3] != 'f') {
      throw new IllegalArgumentException("no second header");
    }
    int end = at + HEADER + dataLength(d, at, timeSize);
    if (end > d.length) throw new IllegalArgumentException("truncated");
    int isutcnt = (int) u32(d, at + 20), isstdcnt = (int) u32(d, at + 24);
    int leapcnt = (int) u32(d, at + 28), timecnt = (int) u32(d, at + 32);
    int typecnt = (int) u32(d, at + 36), charcnt = (int) u32(d, at + 40);
    if (leapcnt != 0) throw new IllegalArgumentException("leap seconds");
    if (typecnt == 0 || charcnt == 0) throw new IllegalArgumentException("no types");
    if ((isutcnt != 0 && isutcnt != typecnt) || (isstdcnt != 0 && isstdcnt != typecnt)) {
      throw new IllegalArgumentException("indicator counts");
    }
    int p = at + HEADER;
    long[] times = new long[timecnt];
    for (int i = 0; i < timecnt; i++, p += timeSize) {
      times[i] = timeSize == 8 ? s64(d, p) : (int) u32(d, p);
      if (i > 0 && times[i] <= times[i - 1]) throw new IllegalArgumentException("not ascending");
    }
    int[] typeOf = new int[timecnt];
    for (int i = 0; i < timecnt; i++) {
      typeOf[i] = d[p++] & 0xff;
      if (typeOf[i] >= typecnt) throw new IllegalArgumentException("type index");
    }
    int chars = p + typecnt * 6;
    TimeType[] types = new TimeType[typecnt];
    for (int i = 0; i < typecnt; i++, p += 6) {
      int offset = (int) u32(d, p);
      int isdst = d[p + 4], index = d[p + 5] & 0xff;
      if (Math.abs((long) offset) > MAX_OFFSET || isdst < 0 || isdst > 1 || index >= charcnt) {
        throw new IllegalArgumentException("time type");
      }
      int nul = chars + index;
      while (nul < chars + charcnt && d[nul] != 0) nul++;
      if (nul == chars + charcnt) throw new IllegalArgumentException("abbreviation");
      types[i] = new TimeType(offset, isdst == 1,
          new String(d, chars + index, nul - chars - index, StandardCharsets.US_ASCII));
    }
    PosixTz footer = null;
    if (hasFooter) {
      if (end >= d.length || d[end] != '\n') throw new IllegalArgumentException("footer");
      int close = end + 1;
      while (close < d.length && d[close] != '\n') close++;
      if (close == d.length) throw new IllegalArgumentException("footer");
      if (close > end + 1) {
        footer = PosixTz.parse(new String(d, end + 1, close - end - 1, StandardCharsets.US_ASCII));
        if (footer == null) throw new IllegalArgumentException("footer TZ string");
      }
    }
    return new Tzif(times, typeOf, types, footer);
  }

  private static long u32(byte[] d, int p) {
    return (d[p] & 0xffL) << 24 | (d[p + 1] & 0xffL) << 16 | (d[p + 2] & 0xffL) << 8 | (d[p + 3] & 0xffL);
  }

  private static long s64(byte[] d, int p) {
    return u32(d, p) << 32 | u32(d, p + 4);
  }
}
