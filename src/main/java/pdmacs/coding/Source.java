package pdmacs.coding;

import pdmacs.lisp.LString;

/**
 * The input of a conversion, unit by unit, as Emacs reads a string it converts.
 *
 * <p>Decoding reads bytes. A unibyte string's are its own; a multibyte string gives a byte for
 * each ASCII character and raw byte, and any other character can only be passed through: its
 * unit is the negated character code. (Each decoder then treats such a unit as Emacs does:
 * most keep the character, raw-text keeps the low byte of the negated code.)
 *
 * <p>Encoding reads characters: a multibyte string's, and for a unibyte string its ASCII
 * bytes as characters and its bytes 128-255 as raw bytes.
 */
final class Source {
  private Source() {}

  /** The decoding units of S. */
  static int[] units(LString s) {
    String text = s.str();
    int n = text.length();
    if (!s.multibyte()) {
      int[] units = new int[n];
      for (int i = 0; i < n; i++) units[i] = text.charAt(i);
      return units;
    }
    int[] units = new int[n];
    int count = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) units[count++] = cp;
      else if (LString.isRawByteChar(cp)) units[count++] = LString.rawByteOf(cp);
      else units[count++] = -cp;
    }
    return count == n ? units : java.util.Arrays.copyOf(units, count);
  }

  /** The decoding units of BYTES. */
  static int[] units(byte[] bytes) {
    int[] units = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) units[i] = bytes[i] & 0xff;
    return units;
  }

  /** The characters of S as Emacs codes (a raw byte as #x3FFF80 and up). */
  static int[] chars(LString s) {
    String text = s.str();
    int n = text.length();
    int[] chars = new int[n];
    if (!s.multibyte()) {
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        chars[i] = c < 0x80 ? c : LString.RAW_BYTE_BASE + c;
      }
      return chars;
    }
    int count = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      chars[count++] = LString.charCode(cp);
    }
    return count == n ? chars : java.util.Arrays.copyOf(chars, count);
  }
}
