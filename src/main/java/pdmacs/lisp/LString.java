package pdmacs.lisp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A Lisp string. Characters are Unicode code points; a string is multibyte when it holds a
 * non-ASCII character that came from multibyte text, unibyte otherwise (raw bytes 128-255).
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
    if (multibyte) {
      text = new String(bytes, StandardCharsets.UTF_8);
    } else {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    source = null;
    return text;
  }

  /** True while the payload is still a view of a dump buffer (for tests and statistics). */
  public boolean isView() {
    return text == null;
  }

  public boolean multibyte() {
    return multibyte;
  }

  public void setMultibyte(boolean m) {
    str();
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

  /** The character at character index I. */
  public int charAt(int i) {
    String t = str();
    return bmp() ? t.charAt(i) : t.codePointAt(t.offsetByCodePoints(0, i));
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

  /** Replaces the character at I; the string is copied out of the dump first if need be. */
  public void setChar(int i, int c) {
    String t = str();
    int off = offsetOf(i);
    int end = off + Character.charCount(t.codePointAt(off));
    text = t.substring(0, off) + new String(Character.toChars(c)) + t.substring(end);
    kind = KIND_UNKNOWN;
    if (c >= 0x80 && c > 0xff) multibyte = true;
  }

  public void setText(String t) {
    text = t;
    source = null;
    kind = KIND_UNKNOWN;
  }

  /** Bytes in Emacs's internal representation (UTF-8 for multibyte, one per char otherwise). */
  public int byteLength() {
    if (!multibyte) return length();
    if (text == null) return sourceLength;
    int n = 0;
    String t = text;
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      i += Character.charCount(c);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
  }

  @Override
  public String toString() {
    return str();
  }
}
