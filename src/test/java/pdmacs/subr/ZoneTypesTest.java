package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C library's zone rules: TZif files built here byte by byte, POSIX TZ strings, and the TZ
 * variable's lookup. The expected answers are GNU Emacs 28's on glibc (format-time-string
 * "%Z %z" and decode-time's DST flag).
 */
class ZoneTypesTest {
  /** A TZif file: version V ('\0', '2', '3'), its types, transitions and footer. */
  private static byte[] tzif(char v, long[] times, int[] typeOf, int[] offsets, boolean[] dst,
      String[] names, String footer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder chars = new StringBuilder();
    int[] index = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      index[i] = chars.length();
      chars.append(names[i]).append('\0');
    }
    // Version 1 data keeps the transitions that fit in 32 bits, as zic writes them.
    int first = 0, end = times.length;
    while (first < end && times[first] < Integer.MIN_VALUE) first++;
    while (end > first && times[end - 1] > Integer.MAX_VALUE) end--;
    block(out, v, 4, Arrays.copyOfRange(times, first, end), Arrays.copyOfRange(typeOf, first, end),
        offsets, dst, index, chars.toString());
    if (v != 0) {
      block(out, v, 8, times, typeOf, offsets, dst, index, chars.toString());
      out.writeBytes(("\n" + footer + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private static void block(ByteArrayOutputStream out, char v, int timeSize, long[] times,
      int[] typeOf, int[] offsets, boolean[] dst, int[] index, String chars) {
    out.writeBytes(new byte[] {'T', 'Z', 'i', 'f', (byte) v});
    out.writeBytes(new byte[15]);
    for (int n : new int[] {0, 0, 0, times.length, offsets.length, chars.length()}) put(out, n, 4);
    for (long t : times) put(out, t, timeSize);
    for (int i : typeOf) out.write(i);
    for (int i = 0; i < offsets.length; i++) {
      put(out, offsets[i], 4);
      out.write(dst[i] ? 1 : 0);
      out.write(index[i]);
    }
    out.writeBytes(chars.getBytes(StandardCharsets.US_ASCII));
  }

  private static void put(ByteArrayOutputStream out, long n, int size) {
    for (int i = size - 1; i >= 0; i--) out.write((int) (n >>> (8 * i)));
  }

  /** Europe/Berlin cut down: LMT, CET from 1893, CEST in the summers of 1916 and 2021. */
  private static final long CET_1893 = -2422054408L, CEST_1916 = -1693706400L,
      CET_1916 = -1680483600L, CEST_2021 = 1616893200L, CET_2021 = 1635642000L;

  private static byte[] berlin(char v, String footer) {
    return tzif(v, new long[] {CET_1893, CEST_1916, CET_1916, CEST_2021, CET_2021},
        new int[] {2, 1, 2, 1, 2}, new int[] {3208, 7200, 3600}, new boolean[] {false, true, false},
        new String[] {"LMT", "CEST", "CET"}, footer);
  }

  private static String at(ZoneTypes z, long s) {
    return z.at(s).toString();
  }

  @Test
  void transitionsOfAVersion2File() {
    ZoneTypes z = Tzif.parse(berlin('2', "CET-1CEST,M3.5.0,M10.5.0/3"));
    assertNotNull(z);
    assertEquals("LMT 3208", at(z, -4000000000L));
    assertEquals("LMT 3208", at(z, CET_1893 - 1));
    assertEquals("CET 3600", at(z, CET_1893));
    assertEquals("CET 3600", at(z, CEST_1916 - 1));
    assertEquals("CEST 7200 dst", at(z, CEST_1916));
    assertEquals("CET 3600", at(z, 0));
    assertEquals("CET 3600", at(z, CEST_2021 - 1));
    assertEquals("CEST 7200 dst", at(z, CEST_2021));
    assertEquals("CEST 7200 dst", at(z, CET_2021 - 1));
    assertEquals("CET 3600", at(z, CET_2021));
    // After the last transition, the footer: 2100-03-28 01:00 UTC to 2100-10-31 01:00 UTC.
    assertEquals("CET 3600", at(z, 4109878799L));
    assertEquals("CEST 7200 dst", at(z, 4109878800L));
    assertEquals("CEST 7200 dst", at(z, 4128627599L));
    assertEquals("CET 3600", at(z, 4128627600L));
  }

  @Test
  void withoutAFooterTheLastTypeStays() {
    assertEquals("CET 3600", at(Tzif.parse(berlin('2', "")), 4109878800L));
    // Version 1: 32-bit data only, no footer.
    ZoneTypes v1 = Tzif.parse(berlin('\0', null));
    assertEquals("CEST 7200 dst", at(v1, CEST_2021 + 1));
    assertEquals("CET 3600", at(v1, 4109878800L));
  }

  @Test
  void beforeTheFirstTransitionTheFirstStandardType() {
    // Type 0 is DST here: glibc takes the first standard-time type, CET.
    ZoneTypes z = Tzif.parse(tzif('2', new long[] {0}, new int[] {0}, new int[] {7200, 3600},
        new boolean[] {true, false}, new String[] {"CEST", "CET"}, ""));
    assertEquals("CET 3600", at(z, -1));
    assertEquals("CEST 7200 dst", at(z, 0));
    // No transitions at all: the first standard type, even with a footer.
    ZoneTypes utc = Tzif.parse(tzif('2', new long[0], new int[0], new int[] {0},
        new boolean[] {false}, new String[] {"UTC"}, "UTC0"));
    assertEquals("UTC 0", at(utc, Long.MIN_VALUE / 2));
    assertEquals("UTC 0", at(utc, 4102444800L));
  }

  @Test
  void transitionsBeyond32BitsAreReadFromThe64BitPart() {
    long early = -4000000000L, late = 5000000000L;
    ZoneTypes z = Tzif.parse(tzif('3', new long[] {early, 0, late}, new int[] {1, 2, 1},
        new int[] {100, 3600, 7200}, new boolean[] {false, false, true},
        new String[] {"LMT", "AAA", "BBB"}, ""));
    assertEquals("LMT 100", at(z, early - 1));
    assertEquals("AAA 3600", at(z, early));
    assertEquals("BBB 7200 dst", at(z, 0));
    assertEquals("AAA 3600", at(z, late));
  }

  @Test
  void malformedFilesAreRefused() {
    byte[] good = berlin('2', "CET-1CEST,M3.5.0,M10.5.0/3");
    assertNotNull(Tzif.parse(good));
    for (int cut : new int[] {0, 10, 44, 60, good.length / 2, good.length - 3, good.length - 1}) {
      assertNull(Tzif.parse(Arrays.copyOf(good, cut)), "cut at " + cut);
    }
    byte[] magic = good.clone();
    magic[1] = 'X';
    assertNull(Tzif.parse(magic));
    assertNull(Tzif.parse(berlin('2', "CET-1CEST,M13.5.0,M10.5.0/3")), "bad footer");
    // A transition to type 7 of 3.
    assertNull(Tzif.parse(tzif('2', new long[] {0}, new int[] {7}, new int[] {0, 1, 2},
        new boolean[] {false, false, false}, new String[] {"A", "B", "C"}, "")));
    // Transitions out of order.
    assertNull(Tzif.parse(tzif('2', new long[] {10, 5}, new int[] {0, 0}, new int[] {0},
        new boolean[] {false}, new String[] {"UTC"}, "")));
    // A huge count in the header.
    byte[] counts = good.clone();
    counts[32] = 0x7f;
    assertNull(Tzif.parse(counts));
  }

  @Test
  void posixStrings() {
    assertEquals("JST 32400", at(PosixTz.parse("JST-9"), 0));
    assertEquals("+0530 19800", at(PosixTz.parse("<+0530>-5:30"), 0));
    assertEquals("ABC -5430", at(PosixTz.parse("ABC+1:30:30"), 0));
    ZoneTypes cet = PosixTz.parse("CET-1CEST,M3.5.0,M10.5.0/3");
    assertEquals("CET 3600", at(cet, CEST_2021 - 1));
    assertEquals("CEST 7200 dst", at(cet, CEST_2021));
    assertEquals("CEST 7200 dst", at(cet, CET_2021 - 1));
    assertEquals("CET 3600", at(cet, CET_2021));
    // Before 1971 glibc puts the changes in 1970: all of April 1938 is standard time.
    assertEquals("CET 3600", at(cet, -1000000000L));
    ZoneTypes south = PosixTz.parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    assertEquals("AEDT 39600 dst", at(south, -1000000000L));
    assertEquals("AEDT 39600 dst", at(south, 1609459200L));
    assertEquals("AEST 36000", at(south, 1625097600L));
    // A DST name alone: one hour ahead, on the US rules (2021-03-14 and 2021-11-07).
    ZoneTypes us = PosixTz.parse("EST5EDT");
    assertEquals("EST -18000", at(us, 1615705199L));
    assertEquals("EDT -14400 dst", at(us, 1615705200L));
    assertEquals("EDT -14400 dst", at(us, 1636264799L));
    assertEquals("EST -18000", at(us, 1636264800L));
    // DST all year, rule times past 24 hours and below zero.
    ZoneTypes always = PosixTz.parse("EST5EDT,0/0,J365/25");
    assertEquals("EDT -14400 dst", at(always, 1625097600L));
    assertEquals("EST -18000", at(always, -1000000000L));
    ZoneTypes julian = PosixTz.parse("XXX3YYY,J60/-1,300/26");
    // 2024 is a leap year: J60 is March 1, 00:00 less an hour, in standard time.
    assertEquals("XXX -10800", at(julian, 1709258399L));
    assertEquals("YYY -7200 dst", at(julian, 1709258400L));
    for (String s : new String[] {"", "JS-9", "JST", "JST-", "JST-9x", "JST-25", "<AB>1",
        "<+0530-5:30", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J365",
        "CET-1CEST,M3.5.0/168,M10.5.0", "Europe/Berlin", ":JST-9"}) {
      assertNull(PosixTz.parse(s), s);
    }
  }

  @Test
  void theTzVariable(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("Europe"));
    Files.write(dir.resolve("Europe/Berlin"), berlin('2', "CET-1CEST,M3.5.0,M10.5.0/3"));
    Files.write(dir.resolve("broken"), new byte[] {'T', 'Z', 'i', 'f', '2'});
    String d = dir.toString();
    assertEquals("CEST 7200 dst", at(ZoneTypes.load("Europe/Berlin", d), CEST_2021));
    assertEquals("CEST 7200 dst", at(ZoneTypes.load(":Europe/Berlin", d), CEST_2021));
    assertEquals("LMT 3208", at(ZoneTypes.load(d + "/Europe/Berlin", "/nonexistent"), -3000000000L));
    assertEquals("UTC 0", at(ZoneTypes.load("", d), CEST_2021));
    assertEquals("JST 32400", at(ZoneTypes.load("JST-9", d), 0));
    assertEquals("JST 32400", at(ZoneTypes.load(":JST-9", d), 0));
    assertNull(ZoneTypes.load("broken", d));
    assertNull(ZoneTypes.load("Europe/Nowhere", d));
    assertNull(ZoneTypes.load(":", d));
  }

  /** The machine's zone files, where it has them, against GNU Emacs's answers. */
  @Test
  void realZoneFiles() {
    assumeTrue(new File("/usr/share/zoneinfo/Australia/Lord_Howe").isFile());
    String d = "/usr/share/zoneinfo";
    ZoneTypes lh = ZoneTypes.load("Australia/Lord_Howe", d);
    assertEquals("LMT 38180", at(lh, -4000000000L));
    assertEquals("AEST 36000", at(lh, 0));
    assertEquals("+11 39600 dst", at(lh, 1616893201L));
    assertEquals("+1030 37800", at(lh, 1625097600L));
    assertEquals("+11 39600 dst", at(lh, 4102444800L));
    ZoneTypes kolkata = ZoneTypes.load("Asia/Kolkata", d);
    assertEquals("MMT 19270", at(kolkata, -2147483649L));
    assertEquals("IST 19800", at(kolkata, 1000000000L));
    ZoneTypes dublin = ZoneTypes.load("Europe/Dublin", d);
    // Negative DST: Irish Standard Time in summer, GMT the DST of winter.
    assertEquals("IST 3600", at(dublin, 1625097600L));
    assertEquals("GMT 0 dst", at(dublin, 1609459200L));
    ZoneTypes ny = ZoneTypes.load("America/New_York", d);
    assertEquals("EST -18000", at(ny, 1615705199L));
    assertEquals("EDT -14400 dst", at(ny, 1615705200L));
    assertEquals("EST -18000", at(ny, 4102444800L));
  }
}
