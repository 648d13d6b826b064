package pdmacs.subr;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * A zone's local time types as the C library finds them: from a TZif file or from a POSIX TZ
 * string, following the TZ variable as glibc does (unset for /etc/localtime, a leading colon
 * dropped, a relative name under $TZDIR or /usr/share/zoneinfo, the file first and the string
 * second). GNU Emacs takes %Z, the DST flag and the offsets from there; java.time names zones
 * from CLDR instead (LHST where the zone files say +1030, BRT for -03, CET for LMT) and its
 * first use costs some 30 ms of locale providers and lambda bootstrapping. No java.time here,
 * and no lambdas or streams, which would bootstrap java.lang.invoke on first use.
 */
abstract class ZoneTypes {
  /** The offset east of UTC in seconds, DST flag and abbreviation in force at an instant. */
  static final class TimeType {
    final int offset;
    final boolean dst;
    final String abbreviation;

    TimeType(int offset, boolean dst, String abbreviation) {
      this.offset = offset;
      this.dst = dst;
      this.abbreviation = abbreviation;
    }

    @Override
    public String toString() {
      return abbreviation + " " + offset + (dst ? " dst" : "");
    }
  }

  /** Offsets java.time's ZoneOffset can hold; rules that name larger ones are refused. */
  static final int MAX_OFFSET = 18 * 3600;

  /** The type in force at EPOCH_SECOND. */
  abstract TimeType at(long epochSecond);

  /**
   * The rules TZ names, TZ being the value of the TZ variable or null when it is unset, or null
   * when neither a readable, well-formed TZif file nor a valid POSIX string gives them. DIR is
   * where relative names are looked up.
   */
  static ZoneTypes load(String tz, String dir) {
    if (tz == null) return read("/etc/localtime");
    if (tz.isEmpty()) return new PosixTz(new TimeType(0, false, "UTC"));
    String name = tz.startsWith(":") ? tz.substring(1) : tz;
    if (!name.isEmpty()) {
      ZoneTypes file = read(name.startsWith("/") ? name : dir + "/" + name);
      if (file != null) return file;
    }
    return PosixTz.parse(name);
  }

  /** load with $TZDIR, or /usr/share/zoneinfo when it is unset or empty. */
  static ZoneTypes load(String tz) {
    String dir = System.getenv("TZDIR");
    return load(tz, dir == null || dir.isEmpty() ? "/usr/share/zoneinfo" : dir);
  }

  /** The TZif file at PATH, or null when it cannot be read or is not well formed. */
  static ZoneTypes read(String path) {
    byte[] data;
    try (FileInputStream in = new FileInputStream(path)) {
      // Zone files are a few KB; anything much larger is not one.
      data = in.readNBytes(1 << 20);
    } catch (IOException | SecurityException e) {
      return null;
    }
    return Tzif.parse(data);
  }

  // Calendar arithmetic on days since 1970-01-01, proleptic Gregorian.

  static boolean isLeap(long year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Days from 1970-01-01 to YEAR-MONTH-DAY. */
  static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int m = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * m + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  /** The year of the day DAYS after 1970-01-01. */
  static long yearOfDay(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long dayOfEra = z - era * 146097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (int) ((5 * dayOfYear + 2) / 153);
    return yearOfEra + era * 400 + (mp >= 10 ? 1 : 0);
  }

  /** 0 for Sunday to 6 for Saturday, of the day DAYS after 1970-01-01 (a Thursday). */
  static int dayOfWeek(long days) {
    return (int) Math.floorMod(days + 4, 7L);
  }
}
