package pdmacs.regex;

/**
 * Character sets for Emacs's syntax classes and [:class:] names, as java.util.regex class
 * bodies. There are no buffers, so the syntax table is the one a batch Emacs uses for strings:
 * the *scratch* buffer's Emacs Lisp table for ASCII, and Unicode categories standing in for the
 * standard table beyond ASCII.
 */
final class SyntaxClasses {
  private SyntaxClasses() {}

  /** The Emacs Lisp mode syntax of each ASCII character; word constituents are 'w'. */
  private static final char[] ASCII_SYNTAX = new char[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_SYNTAX[c] = Character.isLetterOrDigit(c) ? 'w' : '_';
    }
    for (char c : new char[] {'\t', '\f', ' '}) ASCII_SYNTAX[c] = ' ';
    ASCII_SYNTAX['\n'] = '>';
    ASCII_SYNTAX[';'] = '<';
    ASCII_SYNTAX['"'] = '"';
    for (char c : new char[] {'#', '\'', ',', '`'}) ASCII_SYNTAX[c] = '\'';
    ASCII_SYNTAX['('] = '(';
    ASCII_SYNTAX['['] = '(';
    ASCII_SYNTAX[')'] = ')';
    ASCII_SYNTAX[']'] = ')';
    ASCII_SYNTAX['\\'] = '\\';
  }

  /** Non-ASCII characters outside word syntax, by Unicode category. */
  private static final String NONASCII_SPACE = "\\p{Z}";
  private static final String NONASCII_PUNCT = "\\p{P}";
  private static final String NONASCII_SYMBOL = "\\p{Sc}\\p{Sm}\\p{Sk}";
  private static final String NONASCII_WORD =
      "[\\x{80}-\\x{10FFFF}&&[^" + NONASCII_SPACE + NONASCII_PUNCT + NONASCII_SYMBOL + "]]";

  /** Normalises a syntax designator (as after \s) to the code stored above; 0 if unknown. */
  static char designator(char d) {
    switch (d) {
      case '-': case ' ': return ' ';
      case 'w': case '_': case '.': case '(': case ')': case '"': case '\'': case '\\':
      case '<': case '>': case '$': case '/': case '!': case '|': case '@':
        return d;
      default: return 0;
    }
  }

  /** Class bodies already built, by syntax code: regexps use \\w and \\b all the time. */
  private static final String[] BODIES = new String[128];

  /** The body (no brackets) of a Java character class matching syntax class CODE. */
  static synchronized String syntaxBody(char code) {
    if (BODIES[code] == null) BODIES[code] = buildSyntaxBody(code);
    return BODIES[code];
  }

  private static String buildSyntaxBody(char code) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < 128; c++) if (ASCII_SYNTAX[c] == code) sb.append(hex(c));
    switch (code) {
      case 'w': sb.append(NONASCII_WORD); break;
      case ' ': sb.append(NONASCII_SPACE); break;
      case '.': sb.append(NONASCII_PUNCT); break;
      case '_': sb.append(NONASCII_SYMBOL); break;
      default: break;
    }
    return sb.toString();
  }

  /** A complete Java class for syntax CODE, or for everything else when NEGATE. */
  static String syntaxClass(char code, boolean negate) {
    String body = syntaxBody(code);
    if (body.isEmpty()) return negate ? "[\\x{0}-\\x{10FFFF}]" : "(?!)";
    return (negate ? "[^" : "[") + body + "]";
  }

  /** Word or symbol constituents, for \_< and \_>. */
  static String symbolBody() {
    return syntaxBody('w') + syntaxBody('_');
  }

  /**
   * The body of a Java class for [:NAME:], or null for an unknown name. With CASE_FOLD, upper
   * and lower match any cased letter, as in Emacs.
   */
  static String namedClassBody(String name, boolean caseFold) {
    String cased = "\\p{Lu}\\p{Ll}\\p{Lt}";
    switch (name) {
      case "alpha": return "\\p{L}\\p{M}\\p{Nl}";
      case "alnum": return "\\p{L}\\p{M}\\p{Nl}\\p{Nd}";
      case "digit": return "0-9";
      case "xdigit": return "0-9A-Fa-f";
      case "upper": return caseFold ? cased : "\\p{Lu}";
      case "lower": return caseFold ? cased : "\\p{Ll}";
      case "space": return syntaxBody(' ');
      case "word": return syntaxBody('w');
      case "punct":
        return "!-/:-@\\[-`{-~" + "[\\x{80}-\\x{10FFFF}&&[^" + NONASCII_WORD + "]]";
      case "blank": return "\\t\\p{Zs}";
      case "cntrl": return "\\x{0}-\\x{1F}";
      case "print": return " -~" + "[\\x{80}-\\x{10FFFF}&&[^\\p{C}]]";
      case "graph": return "!-~" + "[\\x{80}-\\x{10FFFF}&&[^\\p{C}\\p{Z}]]";
      case "ascii": case "unibyte": return "\\x{0}-\\x{7F}";
      case "nonascii": case "multibyte": return "\\x{80}-\\x{10FFFF}";
      default: return null;
    }
  }

  /** True when C has word syntax, as \\w tests it. */
  static boolean isWord(int c) {
    if (c < 128) return ASCII_SYNTAX[c] == 'w';
    switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR: case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION: case Character.OTHER_PUNCTUATION:
      case Character.CURRENCY_SYMBOL: case Character.MATH_SYMBOL: case Character.MODIFIER_SYMBOL:
        return false;
      default:
        return true;
    }
  }

  static String hex(int c) {
    return "\\x{" + Integer.toHexString(c) + "}";
  }
}
