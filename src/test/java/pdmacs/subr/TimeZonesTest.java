package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;

/**
 * The zones of format-time-string and its kin: the local zone's offsets, which come from
 * java.util's TimeZone between 1900 and 2037 and from java.time's rules elsewhere, must be the
 * rules' offsets everywhere; and the POSIX TZ strings parsed by hand.
 */
class TimeZonesTest {
  /** Zones with odd histories: LMT and half-hour offsets, negative DST, two DST changes a year. */
  private static final String[] ZONES = {
      "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Dublin",
      "America/Sao_Paulo", "Pacific/Apia", "Africa/Casablanca", "Asia/Kathmandu", "Etc/UTC",
      "America/St_Johns", "Europe/Moscow", "Pacific/Chatham", "Antarctica/Troll"};

  @Test
  void localOffsetsAreTheRulesOffsets() {
    Random r = new Random(42);
    for (String name : ZONES) {
      TimeFormat.Zone local = new TimeFormat.Zone(TimeZone.getTimeZone(name));
      ZoneId id = ZoneId.of(name);
      for (int k = 0; k < 20_000; k++) {
        // Mostly inside java.util's range, some on either side of it.
        long s = TimeFormat.FIRST_SAME_OFFSETS - 86400L * 3650
            + (long) (r.nextDouble() * (TimeFormat.END_SAME_OFFSETS - TimeFormat.FIRST_SAME_OFFSETS + 86400L * 7300));
        Instant i = Instant.ofEpochSecond(s);
        assertEquals(id.getRules().getOffset(i), local.offsetAt(i), name + " at " + i);
      }
      // Either side of every transition in the range.
      for (var t : id.getRules().getTransitions()) {
        long s = t.getInstant().getEpochSecond();
        for (long d : new long[] {-1, 0, 1}) {
          Instant i = Instant.ofEpochSecond(s + d);
          assertEquals(id.getRules().getOffset(i), local.offsetAt(i), name + " at " + i);
        }
      }
    }
  }

  @Test
  void posixStrings() {
    assertEquals(ZoneOffset.ofHours(9), TimeFormat.posixZone("JST-9").id());
    assertEquals("JST", TimeFormat.posixZone("JST-9").abbreviation);
    assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), TimeFormat.posixZone("abc+05:30").id());
    assertEquals(ZoneOffset.ofHours(-12), TimeFormat.posixZone("XYZW12").id());
    assertEquals(ZoneOffset.UTC, TimeFormat.posixZone("UTC0").id());
    // As GNU Emacs reads them: one-digit minutes, seconds, an empty minutes field.
    assertEquals(ZoneOffset.ofHoursMinutes(9, 3), TimeFormat.posixZone("JST-9:3").id());
    assertEquals(ZoneOffset.ofHoursMinutesSeconds(-1, -30, -15),
        TimeFormat.posixZone("ABC+1:30:15").id());
    assertEquals(ZoneOffset.ofHours(9), TimeFormat.posixZone("JST-9:").id());
    for (String s : new String[] {"UT0", "JST-123", "JST-", "JST", "JST-9:30x", "JST-9:123",
        "Europe/Paris", "EST5EDT", "ÄBC-1", "JST-٣"}) {
      assertNull(TimeFormat.posixZone(s), s);
    }
  }

  /**
   * GNU Emacs takes zone offsets up to a day either way ("ABC24" is -24:00); java.time stops at
   * 18 hours. Beyond that a zone is a Lisp error, not a DateTimeException that ends the session.
   */
  @Test
  void offsetsBeyondJavasRangeAreLispErrors() {
    assertThrows(LispSignal.class, () -> TimeFormat.zone(90000L));
    assertThrows(LispSignal.class, () -> TimeFormat.zone(-90000L));
    assertThrows(LispSignal.class, () -> TimeFormat.zone(Lisp.list(90000L, Lisp.str("X"))));
    assertThrows(LispSignal.class, () -> TimeFormat.zone(Lisp.str("ABC24")));
    assertEquals(ZoneOffset.ofHours(18), TimeFormat.zone(64800L).id());
    assertEquals(ZoneOffset.ofHours(-18), TimeFormat.zone(Lisp.str("ABC18")).id());
  }
}
