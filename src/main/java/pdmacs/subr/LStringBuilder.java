package pdmacs.subr;

import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;

/**
 * Accumulates characters into a new Lisp string, deciding its multibyteness as Emacs does: a
 * multibyte string or a non-ASCII character makes the result multibyte.
 *
 * <p>Raw-byte characters (#x3FFF80..#x3FFFFF) are kept as the byte they stand for, which prints
 * the same; characters beyond Unicode that are not raw bytes cannot live in a Java string and
 * signal an error rather than being silently changed.
 */
public final class LStringBuilder {
  private static final int RAW_BYTE_BASE = 0x3FFF00;
  private final StringBuilder text;
  private boolean multibyte;

  public LStringBuilder(int capacity) {
    text = new StringBuilder(capacity);
  }

  public LStringBuilder() {
    this(16);
  }

  /** Forces the result to be multibyte even when it is all ASCII. */
  public LStringBuilder multibyte() {
    multibyte = true;
    return this;
  }

  public LStringBuilder appendChar(int c) {
    if (c < 0x80) {
      text.append((char) c);
    } else if (c <= Character.MAX_CODE_POINT) {
      text.appendCodePoint(c);
      multibyte = true;
    } else if (c >= RAW_BYTE_BASE + 0x80) {
      text.append((char) (c - RAW_BYTE_BASE));
    } else {
      throw beyondUnicode(c);
    }
    return this;
  }

  /** The error for a character that is neither Unicode nor a raw byte. */
  public static LispSignal beyondUnicode(int c) {
    return Lisp.error("Character beyond Unicode is not supported in strings: " + c);
  }

  public LStringBuilder appendString(LString s) {
    text.append(s.str());
    if (s.multibyte()) multibyte = true;
    return this;
  }

  /** Appends Java text, all of whose characters count as multibyte text if non-ASCII. */
  public LStringBuilder appendText(String s) {
    text.append(s);
    if (!multibyte && !LString.isAscii(s)) multibyte = true;
    return this;
  }

  public LString build() {
    return new LString(text.toString(), multibyte);
  }
}
