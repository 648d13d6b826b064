package pdmacs.subr;

import java.util.Locale;
import pdmacs.lisp.LString;

/**
 * Case conversion with GNU Emacs 28's answers (casefiddle.c): single characters follow Emacs's
 * case table, strings also use Unicode's special casing (ß to "SS"), Greek final sigma, and
 * words delimited as the standard syntax table delimits them.
 *
 * <p>Java's Character tables agree with Emacs's case table except for the few characters Emacs
 * deliberately leaves alone or maps differently, and pairs Unicode added after Java 17's
 * version; both are listed here, found by comparing every character with GNU Emacs.
 */
public final class CaseMapping {
  private CaseMapping() {}

  /** What a string conversion does to each character. */
  public enum Mode { UPCASE, DOWNCASE, CAPITALIZE, UPCASE_INITIALS }

  private static final int SHARP_S = 0xDF, CAPITAL_SHARP_S = 0x1E9E;
  private static final int CAPITAL_SIGMA = 0x3A3, FINAL_SIGMA = 0x3C2;
  private static final int CAPITAL_IOTA = 0x399, YPOGEGRAMMENI = 0x345;

  /** Upper/lower pairs from Unicode 14 that Java 17 does not know, as in Emacs 28. */
  private static final int[][] NEW_PAIRS = {
    {0x2C2F, 0x2C5F}, {0xA7C0, 0xA7C1}, {0xA7D0, 0xA7D1}, {0xA7D6, 0xA7D7}, {0xA7D8, 0xA7D9},
  };
  /** Vithkuqi capitals #x10570..#x10595 pair with the letter #x27 above, except these gaps. */
  private static final int VITHKUQI_FIRST = 0x10570, VITHKUQI_LAST = 0x10595;
  private static final int VITHKUQI_OFFSET = 0x27;

  private static boolean vithkuqiUpper(int c) {
    return c >= VITHKUQI_FIRST && c <= VITHKUQI_LAST && c != 0x1057B && c != 0x1058B
        && c != 0x10593;
  }

  private static int newLower(int c) {
    for (int[] p : NEW_PAIRS) if (p[0] == c) return p[1];
    return vithkuqiUpper(c) ? c + VITHKUQI_OFFSET : -1;
  }

  private static int newUpper(int c) {
    for (int[] p : NEW_PAIRS) if (p[1] == c) return p[0];
    return vithkuqiUpper(c - VITHKUQI_OFFSET) ? c - VITHKUQI_OFFSET : -1;
  }

  public static int upcase(int c) {
    if (c == SHARP_S) return CAPITAL_SHARP_S;
    if (c == 0x131 || c == 0x17F) return c; // dotless i and long s keep their case in Emacs
    int n = newUpper(c);
    return n >= 0 ? n : Character.toUpperCase(c);
  }

  public static int downcase(int c) {
    if (c == 0x130 || c == 0x212A) return c; // dotted capital I and the Kelvin sign
    int n = newLower(c);
    return n >= 0 ? n : Character.toLowerCase(c);
  }

  /** The titlecase of C, which is what capitalize and upcase-initials give for a character. */
  public static int titlecase(int c) {
    if (c == SHARP_S) return CAPITAL_SHARP_S;
    int n = newUpper(c);
    return n >= 0 ? n : Character.toTitleCase(c);
  }

  /**
   * A word constituent in the standard syntax table: letters, digits and combining marks, plus
   * the few characters that table classes differently from Unicode ('$' and '%' are word
   * characters, the Latin-1 ordinal indicators are symbol characters, superscript digits word).
   */
  public static boolean isWordChar(int c) {
    if (c == '$' || c == '%' || c == 0xB2 || c == 0xB3 || c == 0xB9) return true;
    if (c == 0xAA || c == 0xBA) return false;
    if (Character.isLetterOrDigit(c)) return true;
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** Converts STRING as MODE says; unibyte strings only change their ASCII letters. */
  public static LString convert(LString string, Mode mode) {
    String s = string.str();
    boolean multibyte = string.multibyte();
    StringBuilder out = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!multibyte && c >= 0x80) {
        out.append((char) c);
      } else {
        convertChar(out, c, mode, inWord, s, i);
      }
      inWord = isWordChar(c);
    }
    return new LString(out.toString(), multibyte);
  }

  private static void convertChar(StringBuilder out, int c, Mode mode, boolean inWord,
      String s, int next) {
    switch (mode) {
      case UPCASE:
        appendUpcase(out, c);
        break;
      case DOWNCASE:
        appendDowncase(out, c, inWord, s, next);
        break;
      case CAPITALIZE:
        if (inWord) appendDowncase(out, c, true, s, next);
        else appendTitlecase(out, c);
        break;
      default:
        if (inWord) out.appendCodePoint(c);
        else appendTitlecase(out, c);
        break;
    }
  }

  /** Unicode's special casing of C when it maps to several characters, else null. */
  private static String specialUpcase(int c) {
    if (c < 0x80) return null;
    String up = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
    return up.codePointCount(0, up.length()) > 1 ? up : null;
  }

  private static void appendUpcase(StringBuilder out, int c) {
    String special = specialUpcase(c);
    if (special != null) out.append(special);
    else out.appendCodePoint(upcase(c));
  }

  private static void appendDowncase(StringBuilder out, int c, boolean inWord, String s,
      int next) {
    if (c == 0x130) {
      out.append("i\u0307"); // special casing: dotted capital I keeps its dot
    } else if (c == CAPITAL_SIGMA && inWord && (next >= s.length()
        || !isWordChar(s.codePointAt(next)))) {
      out.appendCodePoint(FINAL_SIGMA);
    } else {
      out.appendCodePoint(downcase(c));
    }
  }

  /**
   * Titlecase within a string: the simple mapping when there is one, otherwise the special
   * uppercase with everything after its first cased letter lowered (ß gives "Ss"), except that
   * an iota from a subscript goes back to the combining form, as Unicode's titlecase says.
   */
  private static void appendTitlecase(StringBuilder out, int c) {
    int simple = titlecase(c);
    String special = simple == c || c == SHARP_S ? specialUpcase(c) : null;
    if (special == null) {
      out.appendCodePoint(simple);
      return;
    }
    boolean seenCased = false;
    for (int i = 0; i < special.length(); ) {
      int u = special.codePointAt(i);
      i += Character.charCount(u);
      if (!seenCased) {
        out.appendCodePoint(u);
        seenCased = Character.isUpperCase(u) || Character.isTitleCase(u);
      } else {
        out.appendCodePoint(u == CAPITAL_IOTA ? YPOGEGRAMMENI : Character.toLowerCase(u));
      }
    }
  }
}
