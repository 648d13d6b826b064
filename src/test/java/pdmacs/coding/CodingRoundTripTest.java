package pdmacs.coding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import pdmacs.lisp.LString;

/**
 * Conversions that must give back what they were given, over random text: Emacs keeps every
 * byte UTF-8 cannot account for as a raw-byte character so that encoding the decoded text
 * restores the bytes, and decoding encoded text restores the characters, raw bytes included.
 */
class CodingRoundTripTest {
  /**
   * Emacs characters: ASCII (line ends included), Latin-1, the BMP, astral, raw bytes. The
   * raw bytes are ones that begin no UTF-8 sequence: raw bytes that spell one (C3 then A9)
   * decode as its character (é), in Emacs as here.
   */
  @Provide
  Arbitrary<List<Integer>> characters() {
    Arbitrary<Integer> c = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0, 0x7F)),
        Tuple.of(1, Arbitraries.of((int) '\r', (int) '\n')),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0xFF)),
        Tuple.of(2, Arbitraries.integers().between(0x100, 0xD7FF)),
        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
        Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0xBF).map(b -> LString.RAW_BYTE_BASE + b)),
        Tuple.of(1, Arbitraries.of(0xC0, 0xC1, 0xF9, 0xFE, 0xFF).map(b -> LString.RAW_BYTE_BASE + b)));
    return c.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<Byte> b = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.bytes()),
        Tuple.of(2, Arbitraries.bytes().between((byte) 0x80, (byte) 0xBF)),
        Tuple.of(1, Arbitraries.of((byte) 0xC3, (byte) 0xE2, (byte) 0xF0, (byte) 0xED)));
    return b.array(byte[].class).ofMaxSize(40);
  }

  /** A multibyte string of Emacs characters CHARS. */
  static LString text(List<Integer> chars) {
    StringBuilder sb = new StringBuilder();
    for (int c : chars) {
      if (LString.isRawByteCode(c)) sb.append(LString.rawByteChar(c - LString.RAW_BYTE_BASE));
      else sb.appendCodePoint(c);
    }
    return new LString(sb.toString(), true);
  }

  /** A copy of CHARS without those DROP accepts. */
  static List<Integer> without(List<Integer> chars, Predicate<Integer> drop) {
    List<Integer> kept = new ArrayList<>(chars);
    kept.removeIf(drop);
    return kept;
  }

  static CodingSystem cs(String name) {
    return CodingSystems.get(name);
  }

  static LString decode(String bytes, String coding) {
    return Decoder.decode(new LString(bytes, false), cs(coding), false).text();
  }

  @Property
  void utf8DecodesWhatItEncodes(@ForAll("characters") List<Integer> chars) {
    LString s = text(chars);
    LString back = decode(Encoder.encode(s, cs("utf-8-unix"), false), "utf-8-unix");
    assertEquals(s.str(), back.str());
    assertTrue(back.multibyte());
  }

  /** With its end of line left open, utf-8 gives back text that has no carriage return. */
  @Property
  void utf8WithDetectedEolDecodesWhatItEncodes(@ForAll("characters") List<Integer> chars) {
    LString s = text(without(chars, c -> c == '\r'));
    assertEquals(s.str(), decode(Encoder.encode(s, cs("utf-8"), false), "utf-8").str());
  }

  /** Any bytes decoded as UTF-8 encode back to themselves, invalid sequences included. */
  @Property
  void utf8KeepsEveryByte(@ForAll("bytes") byte[] bytes) {
    LString text = Decoder.decode(bytes, cs("utf-8-unix"), false).text();
    assertArrayEquals(bytes, Encoder.encode(text, cs("utf-8-unix"), false)
        .getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Undecided finds UTF-8 in UTF-8 text that is not ASCII, and decodes it as such. */
  @Property
  void undecidedFindsUtf8(@ForAll("characters") List<Integer> chars) {
    List<Integer> text = without(chars, c -> c == 0 || c == '\r' || LString.isRawByteCode(c));
    text.add(0xE9);
    LString s = text(text);
    Decoder.Decoded d = Decoder.decode(
        new LString(Encoder.encode(s, cs("utf-8"), false), false), cs("undecided-unix"), false);
    assertEquals(s.str(), d.text().str());
    assertEquals("utf-8-unix", d.coding());
  }

  @Property
  void utf16DecodesWhatItEncodes(@ForAll("characters") List<Integer> chars) {
    LString s = text(without(chars, LString::isRawByteCode));
    for (String coding : new String[] {"utf-16-unix", "utf-16le-unix", "utf-16be-unix",
        "utf-16le-with-signature-unix"}) {
      assertEquals(s.str(), decode(Encoder.encode(s, cs(coding), false), coding).str(), coding);
    }
  }

  /** A character UTF-16 cannot hold (a raw byte) is written as a space. */
  @Property
  void utf16WritesRawBytesAsSpaces(@ForAll("characters") List<Integer> chars) {
    LString s = text(chars);
    List<Integer> spaced = new ArrayList<>(chars);
    spaced.replaceAll(c -> LString.isRawByteCode(c) ? ' ' : c);
    String expected = text(spaced).str();
    String bytes = Encoder.encode(s, cs("utf-16be-unix"), false);
    assertEquals(expected, new String(bytes.getBytes(StandardCharsets.ISO_8859_1),
        StandardCharsets.UTF_16BE));
  }

  @Property
  void latin1DecodesWhatItEncodes(@ForAll("characters") List<Integer> chars) {
    LString s = text(without(chars, c -> c > 0xFF));
    assertEquals(s.str(), decode(Encoder.encode(s, cs("iso-latin-1-unix"), false),
        "iso-latin-1-unix").str());
  }

  /** DOS line ends: each LF written as CRLF and read back as LF; other CRs stay. */
  @Property
  void dosLineEndsRoundTrip(@ForAll("characters") List<Integer> chars) {
    LString s = text(chars);
    String bytes = Encoder.encode(s, cs("utf-8-dos"), false);
    assertEquals(Encoder.encode(s, cs("utf-8-unix"), false).replace("\n", "\r\n"), bytes);
    assertEquals(s.str(), decode(bytes, "utf-8-dos").str());
  }
}
