package pdmacs.subr;

import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;

/**
 * Accumulates characters into a new Lisp string, deciding its multibyteness as Emacs does: a
 * multibyte string or a non-ASCII character makes the result multibyte.
 *
 * <p>Raw bytes (the characters #x3FFF80..#x3FFFFF, and the bytes 128-255 of unibyte strings)
 * are held as {@link LString}'s raw-byte chars and become plain bytes again if the result ends
 * unibyte. Characters beyond Unicode that are not raw bytes cannot live in a Java string and
 * signal an error rather than being silently changed.
 */
public final class LStringBuilder {
  private final StringBuilder text;
  private boolean multibyte;
  /** Set once a raw byte is appended: only then can build have bytes to turn back. */
  private boolean rawBytes;
  /**
   * What the appended chars are, for the result's LString.knownKind: any not ASCII, any a
   * surrogate (besides raw bytes), and whether that is known (text appended as Java text is
   * not looked at).
   */
  private boolean nonAscii, surrogates, kindKnown = true;

  public LStringBuilder(int capacity) {
    text = new StringBuilder(capacity);
  }

  public LStringBuilder() {
    this(16);
  }

  /** Forces the result to be multibyte even when it is all ASCII. */
  public LStringBuilder multibyte() {
    return multibyte(true);
  }

  /** Forces the result to be multibyte when FORCE. */
  public LStringBuilder multibyte(boolean force) {
    if (force) multibyte = true;
    return this;
  }

  public LStringBuilder appendChar(int c) {
    if (c < 0x80) {
      text.append((char) c);
    } else if (c <= Character.MAX_CODE_POINT) {
      text.appendCodePoint(c);
      multibyte = true;
      nonAscii = true;
      if (c > 0xFFFF || Character.isSurrogate((char) c)) surrogates = true;
    } else if (LString.isRawByteCode(c)) {
      text.append(LString.rawByteChar(c - LString.RAW_BYTE_BASE));
      rawBytes = true;
      nonAscii = true;
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
    if (s.multibyte()) {
      text.append(s.str());
      multibyte = true;
      if (!s.isAscii()) {
        nonAscii = true;
        if (s.hasSurrogates()) surrogates = true;
      }
    } else {
      if (s.isAscii()) {
        text.append(s.str());
      } else {
        text.append(LString.bytesToRawBytes(s.str()));
        rawBytes = true;
        nonAscii = true;
      }
    }
    return this;
  }

  /** Appends Java text, all of whose characters count as multibyte text if non-ASCII. */
  public LStringBuilder appendText(String s) {
    text.append(s);
    kindKnown = false;
    if (!multibyte && !LString.isAscii(s)) multibyte = true;
    return this;
  }

  public LString build() {
    String t = text.toString();
    LString s = new LString(multibyte || !rawBytes ? t : LString.rawBytesToBytes(t), multibyte);
    // A multibyte result keeps raw bytes as chars that are surrogates (LString.rawByteChar); a
    // unibyte result's chars are bytes.
    if (kindKnown) s.knownKind(!nonAscii, multibyte && (surrogates || rawBytes));
    return s;
  }
}
