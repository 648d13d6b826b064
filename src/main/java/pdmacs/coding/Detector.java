package pdmacs.coding;

import pdmacs.coding.CodingSystem.Family;

/**
 * Decides what GNU Emacs decides from the text itself when a coding system leaves it open: the
 * text coding for undecided and prefer-utf-8, the signature for utf-8-auto, and the end of line
 * for any coding system whose eol-type is a vector.
 *
 * <p>The decoding sources are the {@link Source} units: bytes 0-255, and negative units for
 * the characters of a multibyte string that are not bytes, which detection skips.
 */
final class Detector {
  private Detector() {}

  /** End-of-line kinds seen, as detection reports them. */
  static final int EOL_NONE = -1;

  /**
   * The family undecided text decodes with, or null when it stays undecided (ASCII only; the
   * non-ASCII characters of a multibyte string count as UTF-8).
   * Emacs's order under a UTF-8 locale is kept: text with a NUL byte is binary (no-conversion)
   * unless it opens with a UTF-16 byte-order mark; then UTF-8 if its multibyte sequences are
   * well formed; then Latin-1 if it has no byte 0x80-0x9F; else raw-text. (Emacs may pick
   * emacs-mule, Shift-JIS or ISO-2022 there instead, which pdmacs does not have.)
   */
  static Family undecided(int[] units) {
    boolean eightBit = false, nul = false;
    for (int u : units) {
      if (u == 0) nul = true;
      else if (u >= 0x80 || u < 0) eightBit = true;
    }
    if (nul) {
      if (startsWith(units, 0xFF, 0xFE)) return CodingSystems.UTF_16LE_WITH_SIGNATURE;
      if (startsWith(units, 0xFE, 0xFF)) return CodingSystems.UTF_16BE_WITH_SIGNATURE;
      return CodingSystems.NO_CONVERSION;
    }
    if (!eightBit) return null;
    if (utf8Shaped(units)) return CodingSystems.UTF_8;
    for (int u : units) {
      if (u >= 0x80 && u < 0xA0) return CodingSystems.RAW_TEXT;
    }
    return CodingSystems.ISO_LATIN_1;
  }

  /**
   * True when every byte 0x80 and up belongs to a sequence shaped like UTF-8: a lead C0-DF,
   * E0-EF or F0-F7 and then one, two or three continuation bytes, the whole sequence present.
   * This is Emacs's test, laxer than decoding: an overlong form or an encoded surrogate passes
   * here and still decodes as raw bytes. A character unit (a multibyte string's) passes too.
   */
  static boolean utf8Shaped(int[] units) {
    int n = units.length;
    for (int i = 0; i < n; ) {
      int u = units[i];
      if (u < 0x80) {
        i++;
        continue;
      }
      int more = u >= 0xC0 && u <= 0xDF ? 1 : u >= 0xE0 && u <= 0xEF ? 2
          : u >= 0xF0 && u <= 0xF7 ? 3 : -1;
      if (more < 0 || i + more >= n) return false;
      for (int k = 1; k <= more; k++) {
        if (!continuation(units[i + k])) return false;
      }
      i += more + 1;
    }
    return true;
  }

  /**
   * The family utf-8-auto text decodes with: UTF-8 for ASCII; for other text shaped like
   * UTF-8, utf-8-with-signature when a BOM opens it and more follows, else utf-8; and
   * utf-8-auto itself, which drops a leading BOM but decides nothing, for text not so shaped.
   */
  static Family utf8Auto(int[] units, Family auto) {
    boolean ascii = true;
    for (int u : units) {
      if (u >= 0x80 || u < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) return CodingSystems.UTF_8;
    if (!utf8Shaped(units)) return auto;
    return units.length > 3 && startsWith(units, 0xEF, 0xBB, 0xBF)
        ? CodingSystems.UTF_8_WITH_SIGNATURE : CodingSystems.UTF_8;
  }

  /** The family utf-16 text decodes with: the one its byte-order mark names, if any. */
  static Family utf16Auto(int[] units, Family auto) {
    if (startsWith(units, 0xFE, 0xFF)) return CodingSystems.UTF_16BE_WITH_SIGNATURE;
    if (startsWith(units, 0xFF, 0xFE)) return CodingSystems.UTF_16LE_WITH_SIGNATURE;
    return auto;
  }

  static boolean continuation(int u) {
    return u >= 0x80 && u <= 0xBF;
  }

  static boolean startsWith(int[] units, int a, int b) {
    return units.length >= 2 && units[0] == a && units[1] == b;
  }

  static boolean startsWith(int[] units, int a, int b, int c) {
    return units.length >= 3 && units[0] == a && units[1] == b && units[2] == c;
  }

  /**
   * The end of line of decoded TEXT: the kind of its first line end, where carriage returns
   * alone mixed with CRLF count as CRLF (stray ^M in a DOS file), and any other mixture as
   * LF, no conversion. EOL_NONE when the text has no line end.
   */
  static int eol(CharSequence text) {
    // Most text has no CR: then one search for a newline answers (for a whole source file
    // the loop below was a call of charAt per character).
    if (text instanceof StringBuilder && ((StringBuilder) text).indexOf("\r") < 0) {
      return ((StringBuilder) text).indexOf("\n") >= 0 ? CodingSystem.UNIX : EOL_NONE;
    }
    int seen = EOL_NONE;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      int kind;
      if (c == '\n') {
        kind = CodingSystem.UNIX;
      } else if (c == '\r') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          kind = CodingSystem.DOS;
          i++;
        } else {
          kind = CodingSystem.MAC;
        }
      } else {
        continue;
      }
      if (seen == EOL_NONE || seen == kind) {
        seen = kind;
      } else if (seen != CodingSystem.UNIX && kind != CodingSystem.UNIX) {
        seen = CodingSystem.DOS;
      } else {
        return CodingSystem.UNIX;
      }
    }
    return seen;
  }
}
