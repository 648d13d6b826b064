package pdmacs.coding;

import pdmacs.coding.CodingSystem.Bom;
import pdmacs.coding.CodingSystem.Family;
import pdmacs.lisp.LString;

/**
 * Encoding as GNU Emacs 28 does it: characters to bytes by a coding system.
 *
 * <p>A raw byte encodes as itself wherever bytes are written one by one (UTF-8, a charset,
 * raw-text); UTF-16 has no place for one and writes its default character, a space, as it
 * does for any character it cannot hold. A charset writes its default character (a space for
 * Latin-1, "?" for ASCII) for characters outside it. Coding systems that decide nothing until
 * they decode (undecided, prefer-utf-8) encode as raw-text does, in Emacs's internal form.
 */
public final class Encoder {
  private Encoder() {}

  /**
   * The bytes of S in CS, each as a char 0-255 (a unibyte string's text). INHIBIT-EOL writes
   * line ends as LF whatever CS says (inhibit-eol-conversion).
   */
  public static String encode(LString s, CodingSystem cs, boolean inhibitEol) {
    return encode(Source.chars(s), cs, inhibitEol);
  }

  static String encode(int[] chars, CodingSystem cs, boolean inhibitEol) {
    Family family = cs.family;
    int eol = inhibitEol || !family.eolVariants ? CodingSystem.UNIX : cs.eol;
    Bytes out = new Bytes(chars.length + 4);
    switch (family.type) {
      case UTF_16: {
        if (family.bom != Bom.NONE) out.unit16(0xFEFF, family.bigEndian);
        for (int c : chars) {
          if (c == '\n' && eol == CodingSystem.DOS) out.unit16('\r', family.bigEndian);
          if (c == '\n' && eol == CodingSystem.MAC) c = '\r';
          utf16(c, family, out);
        }
        break;
      }
      case CHARSET: {
        for (int c : chars) {
          if (c == '\n' && eol == CodingSystem.DOS) out.write('\r');
          if (c == '\n' && eol == CodingSystem.MAC) c = '\r';
          if (LString.isRawByteCode(c)) out.write(c - LString.RAW_BYTE_BASE);
          else out.write(c <= family.maxChar ? c : family.defaultChar);
        }
        break;
      }
      default: {
        // UTF-8, raw-text and the detecting systems: UTF-8 with raw bytes as themselves.
        if (family.bom == Bom.SIGNATURE) {
          out.write(0xEF);
          out.write(0xBB);
          out.write(0xBF);
        }
        for (int c : chars) {
          if (c == '\n' && eol == CodingSystem.DOS) out.write('\r');
          if (c == '\n' && eol == CodingSystem.MAC) c = '\r';
          utf8(c, out);
        }
        break;
      }
    }
    return out.text();
  }

  private static void utf8(int c, Bytes out) {
    if (c < 0x80) {
      out.write(c);
    } else if (LString.isRawByteCode(c)) {
      out.write(c - LString.RAW_BYTE_BASE);
    } else if (c < 0x800) {
      out.write(0xC0 | c >> 6);
      out.write(0x80 | c & 0x3F);
    } else if (c < 0x10000) {
      out.write(0xE0 | c >> 12);
      out.write(0x80 | c >> 6 & 0x3F);
      out.write(0x80 | c & 0x3F);
    } else {
      out.write(0xF0 | c >> 18);
      out.write(0x80 | c >> 12 & 0x3F);
      out.write(0x80 | c >> 6 & 0x3F);
      out.write(0x80 | c & 0x3F);
    }
  }

  private static void utf16(int c, Family family, Bytes out) {
    if (LString.isRawByteCode(c)) c = family.defaultChar;
    if (c < 0x10000) {
      out.unit16(c, family.bigEndian);
    } else {
      out.unit16(Character.highSurrogate(c), family.bigEndian);
      out.unit16(Character.lowSurrogate(c), family.bigEndian);
    }
  }

  /** Bytes collected as the chars of a unibyte string. */
  private static final class Bytes {
    private final StringBuilder text;

    Bytes(int capacity) {
      text = new StringBuilder(capacity);
    }

    void write(int b) {
      text.append((char) (b & 0xFF));
    }

    void unit16(int unit, boolean bigEndian) {
      if (bigEndian) {
        write(unit >> 8);
        write(unit);
      } else {
        write(unit);
        write(unit >> 8);
      }
    }

    String text() {
      return text.toString();
    }
  }
}
