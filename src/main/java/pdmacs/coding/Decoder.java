package pdmacs.coding;

import pdmacs.coding.CodingSystem.Bom;
import pdmacs.coding.CodingSystem.Family;
import pdmacs.coding.CodingSystem.Type;
import pdmacs.lisp.LString;

/**
 * Decoding as GNU Emacs 28 does it: bytes to characters by a coding system, after detecting
 * what the coding system leaves open (the text coding, a signature, the end of line).
 *
 * <p>Bytes no sequence accounts for become raw-byte characters, so that encoding the text
 * again gives the same bytes. Emacs also decodes UTF-8 forms of characters beyond Unicode
 * (up to #x3FFF7F); a Java string cannot hold those, so pdmacs keeps their bytes as raw bytes
 * instead, except the forms of raw bytes themselves, which it decodes as Emacs does.
 */
public final class Decoder {
  private Decoder() {}

  /**
   * A decoding's outcome: the text, and the name of the coding system that produced it, which
   * Emacs stores in last-coding-system-used.
   */
  public record Decoded(LString text, String coding) {}

  /** Decodes string S with CS; INHIBIT-EOL leaves line ends alone (inhibit-eol-conversion). */
  public static Decoded decode(LString s, CodingSystem cs, boolean inhibitEol) {
    return decode(Source.units(s), cs, inhibitEol);
  }

  /** Decodes BYTES with CS. */
  public static Decoded decode(byte[] bytes, CodingSystem cs, boolean inhibitEol) {
    return decode(Source.units(bytes), cs, inhibitEol);
  }

  static Decoded decode(int[] units, CodingSystem cs, boolean inhibitEol) {
    Family resolved = resolve(units, cs.family);
    int from = signatureLength(units, resolved);
    StringBuilder out = new StringBuilder(units.length);
    switch (resolved.type) {
      case UTF_8: utf8(units, from, out); break;
      case UTF_16: utf16(units, from, resolved.bigEndian, out); break;
      case CHARSET: charset(units, resolved.maxChar, out); break;
      case RAW_TEXT: rawText(units, out); break;
      default: ascii(units, out); break; // undecided that stayed so: ASCII only
    }
    int eol = cs.eol;
    if (resolved.eolVariants && !inhibitEol) {
      if (eol == CodingSystem.DETECT) {
        int seen = Detector.eol(out);
        if (seen != Detector.EOL_NONE) eol = seen;
      }
      if (eol == CodingSystem.DOS || eol == CodingSystem.MAC) out = convertEol(out, eol);
    }
    boolean multibyte = resolved.type != Type.RAW_TEXT;
    String name = usedName(cs, resolved, eol);
    return new Decoded(new LString(out.toString(), multibyte), name);
  }

  /** The family the text decodes with, as detection settles what CS's family leaves open. */
  private static Family resolve(int[] units, Family family) {
    switch (family.type) {
      case UNDECIDED: {
        Family found = Detector.undecided(units);
        return found == null ? family : found;
      }
      case UTF_8: return family.bom == Bom.AUTO ? Detector.utf8Auto(units, family) : family;
      case UTF_16: return family.bom == Bom.AUTO ? Detector.utf16Auto(units, family) : family;
      default: return family;
    }
  }

  /** How many leading units are a signature that FAMILY drops. */
  private static int signatureLength(int[] units, Family family) {
    if (family.bom == Bom.NONE) return 0;
    if (family.type == Type.UTF_8) {
      return Detector.startsWith(units, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    }
    if (family.bom == Bom.SIGNATURE) {
      boolean bom = family.bigEndian ? Detector.startsWith(units, 0xFE, 0xFF)
          : Detector.startsWith(units, 0xFF, 0xFE);
      return bom ? 2 : 0;
    }
    return 0;
  }

  /**
   * The name Emacs reports: the detected family's, when detection picked another; else the
   * name given, or its base's variant for the end of line found when that was left open.
   */
  private static String usedName(CodingSystem cs, Family resolved, int eol) {
    if (resolved != cs.family) return resolved.withEol(eol);
    if (cs.eol != CodingSystem.DETECT || eol == CodingSystem.DETECT) return cs.name;
    return resolved.withEol(eol);
  }

  /** A byte that decodes to nothing else: itself below 128, else a raw byte. */
  private static char lone(int b) {
    return b < 0x80 ? (char) b : LString.rawByteChar(b);
  }

  private static void ascii(int[] units, StringBuilder out) {
    // One append of an array: a source file decodes here, and appending it character by
    // character was most of a first load's decoding, run by the bytecode interpreter.
    char[] chars = new char[units.length];
    for (int i = 0; i < chars.length; i++) chars[i] = (char) units[i];
    out.append(chars);
  }

  private static void charset(int[] units, int maxChar, StringBuilder out) {
    for (int u : units) {
      if (u < 0) out.appendCodePoint(-u);
      else out.append(u <= maxChar ? (char) u : LString.rawByteChar(u));
    }
  }

  /**
   * raw-text keeps bytes as they are. A character of a multibyte source leaves the low byte
   * of its negated code (Emacs reads it as the negative number it marks an invalid byte with).
   */
  private static void rawText(int[] units, StringBuilder out) {
    for (int u : units) out.append((char) (u & 0xFF));
  }

  private static void utf8(int[] u, int from, StringBuilder out) {
    int n = u.length;
    for (int i = from; i < n; ) {
      int b = u[i];
      if (b < 0) {
        out.appendCodePoint(-b);
        i++;
      } else if (b < 0x80) {
        out.append((char) b);
        i++;
      } else {
        int length = sequenceLength(u, i);
        if (length == 0) {
          out.append(LString.rawByteChar(b));
          i++;
          continue;
        }
        int c = b & (0x7F >> length);
        for (int k = 1; k < length; k++) c = c << 6 | (u[i + k] & 0x3F);
        if (c <= Character.MAX_CODE_POINT) {
          out.appendCodePoint(c);
        } else if (LString.isRawByteCode(c)) {
          out.append(LString.rawByteChar(c - LString.RAW_BYTE_BASE));
        } else {
          for (int k = 0; k < length; k++) out.append(LString.rawByteChar(u[i + k]));
        }
        i += length;
      }
    }
  }

  /**
   * The length of the well-formed sequence the byte at I leads, 0 if none: the shortest form
   * of a character up to #x3FFFFF (Emacs's own range; five bytes lead by F8), not a surrogate.
   */
  private static int sequenceLength(int[] u, int i) {
    int lead = u[i];
    int length = lead >= 0xC0 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
        : lead >= 0xF0 && lead <= 0xF7 ? 4 : lead == 0xF8 ? 5 : 0;
    if (length == 0 || i + length > u.length) return 0;
    int c = lead & (0x7F >> length);
    for (int k = 1; k < length; k++) {
      if (!Detector.continuation(u[i + k])) return 0;
      c = c << 6 | (u[i + k] & 0x3F);
    }
    int min = length == 2 ? 0x80 : length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x200000;
    if (c < min || c > 0x3FFFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return length;
  }

  /**
   * UTF-16 as Emacs decodes it. A character of a multibyte source passes through, and ends a
   * half-read unit, whose byte is then kept alone; so is an odd last byte. A high surrogate
   * not followed by a low one is kept as its two bytes, as characters, and one left at the
   * end is dropped; a low surrogate alone is kept as that code, as Emacs keeps it, but a
   * pdmacs string cannot tell U+DC80..U+DCFF from the raw bytes it stores as those chars, so
   * those come out as raw bytes (and the rest of the range prints as "?").
   */
  private static void utf16(int[] u, int from, boolean bigEndian, StringBuilder out) {
    int n = u.length;
    int high = -1;
    for (int i = from; i < n; ) {
      int b1 = u[i++];
      if (b1 < 0) {
        out.appendCodePoint(-b1);
        continue;
      }
      if (i == n) {
        out.append(lone(b1));
        break;
      }
      int b2 = u[i++];
      if (b2 < 0) {
        out.append(lone(b1)).appendCodePoint(-b2);
        continue;
      }
      int c = bigEndian ? b1 << 8 | b2 : b2 << 8 | b1;
      if (high >= 0) {
        if (Character.isLowSurrogate((char) c)) {
          out.appendCodePoint(Character.toCodePoint((char) high, (char) c));
          high = -1;
          continue;
        }
        if (bigEndian) out.append((char) (high >> 8)).append((char) (high & 0xFF));
        else out.append((char) (high & 0xFF)).append((char) (high >> 8));
        high = -1;
      }
      if (Character.isHighSurrogate((char) c)) high = c;
      else out.append((char) c);
    }
  }

  /** TEXT with CRLF (DOS) or CR (MAC) line ends made LF. */
  private static StringBuilder convertEol(StringBuilder text, int eol) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (eol == CodingSystem.MAC) {
          c = '\n';
        } else if (i + 1 < n && text.charAt(i + 1) == '\n') {
          continue;
        }
      }
      out.append(c);
    }
    return out;
  }
}
