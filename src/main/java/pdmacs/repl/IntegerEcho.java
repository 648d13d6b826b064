package pdmacs.repl;

import java.math.BigInteger;

/**
 * The extra text Emacs shows after an integer value in the echo area and in ielm:
 * {@code 65 (#o101, #x41, ?A)}. Octal and hex always; the character syntax when the integer is
 * a character worth showing (ASCII, or a printable non-ASCII character).
 */
public final class IntegerEcho {
  private IntegerEcho() {}

  /** The suffix for VALUE (with its leading space), or "" when VALUE is not an integer. */
  public static String describe(Object value) {
    if (value instanceof Long) {
      long n = (Long) value;
      String chr = n >= 0 && n <= Character.MAX_CODE_POINT ? charSyntax((int) n) : null;
      return suffix(Long.toString(n, 8), Long.toString(n, 16), chr);
    }
    if (value instanceof BigInteger) {
      BigInteger n = (BigInteger) value;
      return suffix(n.toString(8), n.toString(16), null);
    }
    return "";
  }

  private static String suffix(String octal, String hex, String chr) {
    return " (#o" + octal + ", #x" + hex + (chr != null ? ", " + chr : "") + ")";
  }

  /** The ?C read syntax of character C, or null when Emacs would not show one. */
  static String charSyntax(int c) {
    if (c < 32) return "?\\C-" + controlLetter(c);
    if (c == 127) return "?\\C-?";
    if (c < 127) return "?" + (needsEscape(c) ? "\\" : "") + (char) c;
    return isPrintable(c) ? "?" + new String(Character.toChars(c)) : null;
  }

  /** The key that, with Control, types C: C-@, C-a ... C-z, C-\[, C-\\, C-\], C-^, C-_. */
  private static String controlLetter(int c) {
    if (c >= 1 && c <= 26) return String.valueOf((char) ('a' + c - 1));
    char k = (char) (c + 64);
    return (needsEscape(k) ? "\\" : "") + k;
  }

  /** Characters that must be escaped after ? for the syntax to read back. */
  private static boolean needsEscape(int c) {
    return "()[]\\;\"'".indexOf(c) >= 0;
  }

  private static boolean isPrintable(int c) {
    if (!Character.isDefined(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) return false;
    int type = Character.getType(c);
    return type != Character.FORMAT && type != Character.SURROGATE && type != Character.PRIVATE_USE;
  }
}
