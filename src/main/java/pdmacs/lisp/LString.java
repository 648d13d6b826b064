package pdmacs.lisp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A Lisp string. Characters are Unicode code points; a string is multibyte when it holds a
 * non-ASCII character that came from multibyte text, unibyte otherwise (raw bytes 128-255).
 *
 * <p>A unibyte string keeps each byte as one Java char 0-255. A multibyte string keeps its
 * text as UTF-16, and each raw byte B (Emacs's character #x3FFF00+B, B 128-255) as the lone
 * surrogate U+DC00+B, which valid text never holds: so "é" and a raw byte \351 differ in a
 * multibyte string, as in Emacs. {@link #charAt} gives the raw-byte character code; the dump
 * and {@link #internalBytes} write a raw byte as Emacs does internally (C0 or C1, then a
 * continuation byte), which is also what {@link #byteLength} counts.
 *
 * <p>Strings loaded from a dump start as a view of the dump's cold section: the UTF-8 bytes are
 * decoded on first use, so a string the run never touches costs no copy.
 */
public final class LString {
  private String text;
  private boolean multibyte;
  /** Set while the payload still lives in the dump buffer. */
  private ByteBuffer source;
  private int sourceOffset;
  private int sourceLength;
  /** What the text holds, computed on first need: one of the KIND_ constants. */
  private byte kind = KIND_UNKNOWN;
  private static final byte KIND_UNKNOWN = -1, KIND_ASCII = 0, KIND_BMP = 1, KIND_SURROGATES = 2;

  public LString(String text, boolean multibyte) {
    this.text = text;
    this.multibyte = multibyte;
  }

  /** A string whose multibyteness follows its contents, as the reader and concat decide it. */
  public LString(String text) {
    this(text, !isAscii(text));
  }

  /** A string that stays in BUF at OFFSET (LENGTH bytes of UTF-8) until first used. */
  public static LString view(ByteBuffer buf, int offset, int length, boolean multibyte) {
    LString s = new LString(null, multibyte);
    s.source = buf;
    s.sourceOffset = offset;
    s.sourceLength = length;
    return s;
  }

  /** Emacs's character code of raw byte B is RAW_BYTE_BASE + B. */
  public static final int RAW_BYTE_BASE = 0x3FFF00;
  /** The Java char standing for raw byte B in a multibyte string is RAW_BYTE_CHAR_BASE + B. */
  private static final int RAW_BYTE_CHAR_BASE = 0xDC00;

  /** True for Emacs's raw-byte characters #x3FFF80..#x3FFFFF. */
  public static boolean isRawByteCode(int c) {
    return c >= RAW_BYTE_BASE + 0x80 && c <= RAW_BYTE_BASE + 0xFF;
  }

  /** True for the Java char that stands for a raw byte in multibyte text. */
  public static boolean isRawByteChar(int c) {
    return c >= RAW_BYTE_CHAR_BASE + 0x80 && c <= RAW_BYTE_CHAR_BASE + 0xFF;
  }

  /**
   * True when the char at I of multibyte TEXT stands for a raw byte. The low half of a
   * surrogate pair (a character above U+FFFF) can fall in the same range, so it does not count.
   */
  public static boolean isRawByteAt(String text, int i) {
    return isRawByteChar(text.charAt(i))
        && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** The Java char for raw byte B (128-255) in multibyte text. */
  public static char rawByteChar(int b) {
    return (char) (RAW_BYTE_CHAR_BASE + b);
  }

  /** The byte (128-255) a raw-byte Java char stands for. */
  public static int rawByteOf(int c) {
    return c - RAW_BYTE_CHAR_BASE;
  }

  /** The Emacs character code of code point CP of a string's Java text (raw bytes mapped). */
  public static int charCode(int cp) {
    return isRawByteChar(cp) ? RAW_BYTE_BASE + rawByteOf(cp) : cp;
  }

  /** Multibyte text for unibyte TEXT: its bytes 128-255 become raw bytes. */
  public static String bytesToRawBytes(String text) {
    if (isAscii(text)) return text;
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x80 && c <= 0xff ? rawByteChar(c) : c);
    }
    return sb.toString();
  }

  /** Unibyte text for TEXT whose raw bytes become plain bytes (other chars are kept). */
  public static String rawBytesToBytes(String text) {
    int i = 0, n = text.length();
    while (i < n && !isRawByteAt(text, i)) i++;
    if (i == n) return text;
    StringBuilder sb = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      sb.append(isRawByteAt(text, i) ? (char) rawByteOf(c) : c);
    }
    return sb.toString();
  }

  public static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }

  public String str() {
    String t = text;
    if (t == null) t = materialize();
    return t;
  }

  private String materialize() {
    byte[] bytes = new byte[sourceLength];
    source.get(sourceOffset, bytes);
    text = multibyte ? decodeInternal(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
    source = null;
    return text;
  }

  /**
   * Multibyte text from Emacs's internal bytes: UTF-8, where C0 or C1 and a continuation byte
   * is a raw byte. Java's UTF-8 decoder does the common case, text without raw bytes.
   */
  public static String decodeInternal(byte[] bytes) {
    int first = rawByteLead(bytes, 0);
    if (first < 0) return new String(bytes, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length);
    int from = 0;
    for (int at = first; at >= 0; at = rawByteLead(bytes, from)) {
      sb.append(new String(bytes, from, at - from, StandardCharsets.UTF_8));
      sb.append(rawByteChar(((bytes[at] & 1) << 6) | (bytes[at + 1] & 0x3F) | 0x80));
      from = at + 2;
    }
    return sb.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)).toString();
  }

  /** The index of the next raw byte's lead (C0 or C1 before a continuation byte), or -1. */
  private static int rawByteLead(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if ((b == 0xC0 || b == 0xC1) && (bytes[i + 1] & 0xC0) == 0x80) return i;
    }
    return -1;
  }

  /**
   * The string's bytes as Emacs keeps them: one per char when unibyte; UTF-8 when multibyte,
   * a raw byte as C0 or C1 then a continuation byte (what the dump stores).
   */
  public byte[] internalBytes() {
    String t = str();
    if (!multibyte) return t.getBytes(StandardCharsets.ISO_8859_1);
    if (bmp()) return t.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[3 * t.length()];
    return java.util.Arrays.copyOf(out, putInternal(t, out, 0));
  }

  /**
   * Puts multibyte TEXT (raw bytes as their lone surrogates) at AT of B in Emacs's internal
   * form and returns the end; B must have room for three bytes a char.
   */
  public static int putInternal(String text, byte[] b, int at) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        at = putInternal(Character.toCodePoint(c, text.charAt(++i)), b, at);
      } else {
        at = putInternal(charCode(c), b, at);
      }
    }
    return at;
  }

  /**
   * Puts character code C at AT of B in Emacs's internal form and returns the end: UTF-8 up to
   * #x1FFFFF (a lone surrogate too), five bytes (F8 first) up to #x3FFF7F, and two bytes (C0 or
   * C1, then a continuation byte) for raw byte #x3FFF80 + B. At most five bytes.
   */
  public static int putInternal(int c, byte[] b, int at) {
    if (c < 0x80) {
      b[at++] = (byte) c;
    } else if (c < 0x800) {
      b[at++] = (byte) (0xC0 | c >> 6);
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      b[at++] = (byte) (0xE0 | c >> 12);
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (c < 0x200000) {
      b[at++] = (byte) (0xF0 | c >> 18);
      b[at++] = (byte) (0x80 | (c >> 12 & 0x3F));
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (isRawByteCode(c)) {
      int raw = c - RAW_BYTE_BASE;
      b[at++] = (byte) (0xC0 | (raw >> 6 & 1));
      b[at++] = (byte) (0x80 | (raw & 0x3F));
    } else {
      b[at++] = (byte) 0xF8;
      b[at++] = (byte) (0x80 | (c >> 18 & 0x0F));
      b[at++] = (byte) (0x80 | (c >> 12 & 0x3F));
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    }
    return at;
  }

  /** True while the payload is still a view of a dump buffer (for tests and statistics). */
  public boolean isView() {
    return text == null;
  }

  public boolean multibyte() {
    return multibyte;
  }

  /** Makes the string multibyte (its bytes 128-255 become raw bytes) or unibyte. */
  public void setMultibyte(boolean m) {
    String t = str();
    if (m && !multibyte) setText(bytesToRawBytes(t));
    else if (!m && multibyte) setText(rawBytesToBytes(t));
    multibyte = m;
  }

  private byte kind() {
    byte k = kind;
    if (k == KIND_UNKNOWN) kind = k = classify(str());
    return k;
  }

  private static byte classify(String t) {
    byte k = KIND_ASCII;
    for (int i = 0, n = t.length(); i < n; i++) {
      char c = t.charAt(i);
      if (Character.isSurrogate(c)) return KIND_SURROGATES;
      if (c >= 0x80) k = KIND_BMP;
    }
    return k;
  }

  /**
   * Records what the maker of this string knows of its chars, so that the first length, aref
   * or isAscii need not scan them: all ASCII, or else whether any is a surrogate.
   * LStringBuilder knows it from what it appended; without it, building a long string by
   * concat scanned it again at every step.
   */
  public void knownKind(boolean ascii, boolean surrogates) {
    kind = ascii ? KIND_ASCII : surrogates ? KIND_SURROGATES : KIND_BMP;
  }

  /** True when some char of the text is a surrogate (a code point above the BMP). */
  public boolean hasSurrogates() {
    return kind() == KIND_SURROGATES;
  }

  /** True when every char is a whole code point (no surrogates). */
  private boolean bmp() {
    return kind() != KIND_SURROGATES;
  }

  /** True when every character is ASCII (remembered, so asking again costs nothing). */
  public boolean isAscii() {
    return kind() == KIND_ASCII;
  }

  /** Number of characters. */
  public int length() {
    String t = str();
    return bmp() ? t.length() : t.codePointCount(0, t.length());
  }

  /** The character at character index I (a raw byte as its Emacs code, #x3FFF80 and up). */
  public int charAt(int i) {
    String t = str();
    if (bmp()) return t.charAt(i);
    return charCode(t.codePointAt(t.offsetByCodePoints(0, i)));
  }

  /** The Java char index of character index I. */
  public int offsetOf(int i) {
    String t = str();
    return bmp() ? i : t.offsetByCodePoints(0, i);
  }

  /** The character index of Java char index OFF. */
  public int charIndexOf(int off) {
    String t = str();
    return bmp() ? off : t.codePointCount(0, off);
  }

  public String substring(int from, int to) {
    String t = str();
    return bmp() ? t.substring(from, to) : t.substring(offsetOf(from), offsetOf(to));
  }

  /**
   * Replaces the character at I with C (raw-byte codes included); the string is copied out of
   * the dump first if need be. A character above 255 makes a unibyte string multibyte.
   */
  public void setChar(int i, int c) {
    if (c > 0xff && !multibyte && !isRawByteCode(c)) setMultibyte(true);
    String t = str();
    int off = offsetOf(i);
    int end = off + Character.charCount(t.codePointAt(off));
    String replacement;
    if (isRawByteCode(c)) {
      int b = c - RAW_BYTE_BASE;
      replacement = String.valueOf(multibyte ? rawByteChar(b) : (char) b);
    } else {
      replacement = new String(Character.toChars(c));
    }
    text = t.substring(0, off) + replacement + t.substring(end);
    kind = KIND_UNKNOWN;
  }

  public void setText(String t) {
    text = t;
    source = null;
    kind = KIND_UNKNOWN;
  }

  /**
   * Bytes in Emacs's internal representation: one per char when unibyte; UTF-8 when multibyte,
   * two for a raw byte.
   */
  public int byteLength() {
    if (!multibyte) return length();
    if (text == null) return sourceLength;
    int n = 0;
    String t = text;
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      i += Character.charCount(c);
      n += c < 0x80 ? 1 : c < 0x800 || isRawByteChar(c) ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
  }

  @Override
  public String toString() {
    return str();
  }
}
