package pdmacs.subr;

import java.math.BigInteger;
import pdmacs.eval.Eval;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.print.Printer;

import static pdmacs.lisp.Lisp.NIL;

/**
 * editfns.c without buffers: format, format-message and message, and the small character and
 * string functions that live there.
 */
public final class Editfns extends SubrGroup {
  private static final int FORMAT = 0, FORMAT_MESSAGE = 1, MESSAGE = 2, CHAR_TO_STRING = 3,
      STRING_TO_CHAR = 4, PROPERTIZE = 5, CHAR_EQUAL = 6;

  private static final Symbol textQuotingStyle = Lisp.intern("text-quoting-style");
  private static final Symbol grave = Lisp.intern("grave");
  private static final Symbol straight = Lisp.intern("straight");
  private static final Symbol propertize = Lisp.intern("propertize");

  @Override
  public void register() {
    defun(FORMAT, "format", 1, Subr.MANY);
    defun(FORMAT_MESSAGE, "format-message", 1, Subr.MANY);
    defun(MESSAGE, "message", 1, Subr.MANY);
    defun(CHAR_TO_STRING, "char-to-string", 1, 1);
    defun(STRING_TO_CHAR, "string-to-char", 1, 1);
    defun(PROPERTIZE, "propertize", 1, Subr.MANY);
    defun(CHAR_EQUAL, "char-equal", 2, 2);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case FORMAT: return format(a, false);
      case FORMAT_MESSAGE: return format(a, true);
      case MESSAGE: return message(a);
      case CHAR_TO_STRING: return charToString(Lisp.checkChar(a[0]));
      case STRING_TO_CHAR: {
        LString s = Lisp.checkString(a[0]);
        return s.length() == 0 ? 0L : (long) s.charAt(0);
      }
      case PROPERTIZE: {
        LString s = Lisp.checkString(a[0]);
        if (a.length % 2 == 0) {
          throw new LispSignal(Q.wrongNumberOfArguments, Lisp.list(propertize, (long) a.length));
        }
        // Text properties are not modelled: the copy carries the characters only.
        return new LString(s.str(), s.multibyte());
      }
      case CHAR_EQUAL: return Lisp.bool(charEqual(Lisp.checkChar(a[0]), Lisp.checkChar(a[1])));
      default: throw new IllegalStateException("editfns " + id);
    }
  }

  /** A string of character C: multibyte unless C is ASCII (a raw byte too, as in Emacs). */
  private static LString charToString(int c) {
    return new LStringBuilder(2).multibyte(c >= 0x80).appendChar(c).build();
  }

  private static boolean charEqual(int x, int y) {
    if (x == y) return true;
    if (Eval.symbolValueOrNil(Search.caseFoldSearch) == NIL) return false;
    return Character.toLowerCase(x) == Character.toLowerCase(y);
  }

  private static Object message(Object[] a) {
    if (a[0] == NIL) {
      Print.message("");
      return NIL;
    }
    LString s = format(a, true);
    BatchOutput.message(s);
    return s;
  }

  /** format, or format-message when MESSAGE (which also curves the format string's quotes). */
  public static LString format(Object[] a, boolean message) {
    Formatter f = new Formatter(Lisp.checkString(a[0]), a, message ? quoteStyle() : 'g');
    return f.run();
  }

  /** 'c' curve, 's' straight or 'g' grave, from text-quoting-style. */
  private static char quoteStyle() {
    Object v = Eval.symbolValueOrNil(textQuotingStyle);
    return v == grave ? 'g' : v == straight ? 's' : 'c';
  }

  /**
   * The largest width or precision format accepts. Emacs tries to allocate whatever is asked
   * and reports memory exhaustion; a fixed bound gives the same error without the attempt.
   */
  private static final int MAX_FIELD = 1 << 24;

  /** One run of format over a format string and its arguments. */
  private static final class Formatter {
    /** The format string's text; a unibyte one's bytes 128-255 as raw-byte chars. */
    private final String fmt;
    private final Object[] args;
    private final char quotes;
    private int pos;
    /** Index in args of the next argument an unnumbered spec takes. */
    private int nextArg = 1;
    private boolean multibyte;
    /** Set once raw-byte chars are in out: a unibyte result turns them back into bytes. */
    private boolean rawBytes;
    private final StringBuilder out = new StringBuilder();

    // The spec being converted.
    private boolean minus, plus, space, alt, zero;
    private int width, precision;

    Formatter(LString format, Object[] args, char quotes) {
      this.fmt = stringText(format);
      this.args = args;
      this.quotes = quotes;
    }

    /**
     * The text of a string copied into the output. A multibyte string makes the result
     * multibyte; a unibyte one's bytes 128-255 go in as raw bytes, which stay bytes if the
     * result ends unibyte.
     */
    private String stringText(LString s) {
      if (s.multibyte()) {
        multibyte = true;
        return s.str();
      }
      if (s.isAscii()) return s.str();
      rawBytes = true;
      return LString.bytesToRawBytes(s.str());
    }

    LString run() {
      int n = fmt.length();
      while (pos < n) {
        int percent = fmt.indexOf('%', pos);
        int end = percent < 0 ? n : percent;
        literal(pos, end);
        if (percent < 0) break;
        pos = percent + 1;
        spec();
      }
      String text = out.toString();
      return new LString(multibyte || !rawBytes ? text : LString.rawBytesToBytes(text), multibyte);
    }

    /** Copies the format string's text from FROM to TO, curving or straightening quotes. */
    private void literal(int from, int to) {
      if (quotes == 'g') {
        out.append(fmt, from, to);
        return;
      }
      for (int i = from; i < to; i++) {
        char c = fmt.charAt(i);
        if (quotes == 'c' && (c == '`' || c == '\'')) {
          out.append(c == '`' ? '\u2018' : '\u2019');
          multibyte = true;
        } else {
          out.append(quotes == 's' && c == '`' ? '\'' : c);
        }
      }
    }

    private void spec() {
      if (pos < fmt.length() && isLetter(fmt.charAt(pos))) {
        // No field number, flags, width or precision: the usual %s or %d.
        minus = plus = space = alt = zero = false;
        width = 0;
        precision = -1;
      } else {
        parseModifiers();
      }
      if (pos >= fmt.length()) throw Lisp.error("Format string ends in middle of format specifier");
      char conv = fmt.charAt(pos++);
      if (conv == '%') {
        out.append('%');
        return;
      }
      if ("sSdoxXcefg".indexOf(conv) < 0) throw Lisp.error("Invalid format operation %" + conv);
      if (nextArg >= args.length) throw Lisp.error("Not enough arguments for format string");
      convert(conv, args[nextArg++]);
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Reads a spec's field number, flags, width and precision, up to its conversion. */
    private void parseModifiers() {
      int fieldStart = pos;
      int field = digits();
      if (field > 0 && pos < fmt.length() && fmt.charAt(pos) == '$') {
        pos++;
        nextArg = field;
      } else {
        pos = fieldStart;
      }
      minus = plus = space = alt = zero = false;
      for (boolean flags = true; flags && pos < fmt.length(); ) {
        switch (fmt.charAt(pos)) {
          case '-': minus = true; break;
          case '+': plus = true; break;
          case ' ': space = true; break;
          case '#': alt = true; break;
          case '0': zero = true; break;
          default: flags = false; continue;
        }
        pos++;
      }
      width = digits();
      precision = -1;
      if (pos < fmt.length() && fmt.charAt(pos) == '.') {
        pos++;
        precision = digits();
      }
      if (width > MAX_FIELD || precision > MAX_FIELD) {
        throw Lisp.error("Memory exhausted--use C-x s then exit and restart Emacs");
      }
    }

    /** A decimal number at pos, or 0 when there is none; huge values saturate. */
    private int digits() {
      long n = 0;
      while (pos < fmt.length() && Character.isDigit(fmt.charAt(pos)) && fmt.charAt(pos) < 128) {
        n = Math.min(n * 10 + fmt.charAt(pos++) - '0', Integer.MAX_VALUE);
      }
      return (int) n;
    }

    private static LispSignal mismatch() {
      return Lisp.error("Format specifier doesn\u2019t match argument type");
    }

    private void convert(char conv, Object arg) {
      switch (conv) {
        case 's': case 'S': {
          String text;
          // A unibyte string's width is its length in bytes, whatever the bytes are.
          boolean oneColumnEach = arg instanceof Long;
          if (conv == 's' && arg instanceof LString) {
            oneColumnEach = !((LString) arg).multibyte();
            text = stringText((LString) arg);
          } else {
            // %s shows a symbol's bare name, even an uninterned one under print-gensym.
            text = conv == 'S' ? Printer.prin1ToString(arg)
                : arg instanceof Symbol ? ((Symbol) arg).name() : Printer.princToString(arg);
            if (arg instanceof LString && ((LString) arg).multibyte()) multibyte = true;
            if (!(arg instanceof Long) && !LString.isAscii(text)) multibyte = true;
          }
          if (precision >= 0) {
            text = oneColumnEach ? text.substring(0, Math.min(precision, text.length()))
                : truncateColumns(text, precision);
          }
          pad(text, oneColumnEach);
          return;
        }
        case 'c': {
          if (!(arg instanceof Long) && !(arg instanceof BigInteger)) throw mismatch();
          pad(charText(Lisp.checkChar(arg)), false);
          return;
        }
        case 'd': case 'o': case 'x': case 'X':
          integer(conv, arg);
          return;
        default:
          floating(conv, arg);
      }
    }

    private void integer(char conv, Object arg) {
      if (arg instanceof Long && precision < 0 && !alt) {
        long v = (Long) arg;
        if (conv == 'd' && width == 0 && !plus && !space) {
          out.append(v);
          return;
        }
        // A fixnum is within 2^61, so its magnitude is a long too.
        String digits = Long.toString(Math.abs(v), conv == 'd' ? 10 : conv == 'o' ? 8 : 16);
        if (conv == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        signedNumber(v < 0, digits, true);
        return;
      }
      if (arg instanceof Double) {
        double d = (Double) arg;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          signedNumber(d < 0, Double.isNaN(d) ? "nan" : "inf", false);
          return;
        }
        arg = Arith.doubleToInteger(d, arg);
      }
      if (!(arg instanceof Long) && !(arg instanceof BigInteger)) throw mismatch();
      BigInteger v = Arith.toBig(arg);
      int radix = conv == 'd' ? 10 : conv == 'o' ? 8 : 16;
      // As in C, a zero precision prints no digits for zero.
      String digits = precision == 0 && v.signum() == 0 ? "" : v.abs().toString(radix);
      if (conv == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
      if (precision >= 0 && digits.length() < precision) {
        digits = "0".repeat(precision - digits.length()) + digits;
      }
      if (alt && conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
      String prefix = alt && radix == 16 && v.signum() != 0 ? (conv == 'X' ? "0X" : "0x") : "";
      signedNumber(v.signum() < 0, prefix + digits, precision < 0);
    }

    private void floating(char conv, Object arg) {
      if (!Lisp.isNumber(arg)) throw mismatch();
      double d = Arith.toDouble(arg);
      boolean negative = Double.doubleToRawLongBits(d) < 0;
      int prec = precision < 0 ? 6 : precision;
      String body;
      if (Double.isNaN(d)) body = "nan";
      else if (Double.isInfinite(d)) body = "inf";
      else if (conv == 'f') body = Printf.fixed(d, prec, alt);
      else if (conv == 'e') body = Printf.exponential(d, prec, alt);
      else body = Printf.general(d, prec, alt);
      signedNumber(negative && !Double.isNaN(d), body, !Double.isNaN(d) && !Double.isInfinite(d));
    }

    /** Adds sign (or the + and space flags) and pads; ZERO_OK when the 0 flag may apply. */
    private void signedNumber(boolean negative, String body, boolean zeroOk) {
      if (!negative && !plus && !space && width == 0) {
        out.append(body);
        return;
      }
      String sign = negative ? "-" : plus ? "+" : space ? " " : "";
      int len = sign.length() + body.length();
      if (zero && zeroOk && !minus && len < width) {
        int split = body.startsWith("0x") || body.startsWith("0X") ? 2 : 0;
        body = body.substring(0, split) + "0".repeat(width - len) + body.substring(split);
      }
      pad(sign + body, true);
    }

    /** The text of character C for %c: any non-ASCII character makes the result multibyte. */
    private String charText(int c) {
      if (c < 0x80) return String.valueOf((char) c);
      multibyte = true;
      if (LString.isRawByteCode(c)) return String.valueOf(LString.rawByteChar(c - LString.RAW_BYTE_BASE));
      if (c > Character.MAX_CODE_POINT) throw LStringBuilder.beyondUnicode(c);
      return new String(Character.toChars(c));
    }

    /**
     * Pads TEXT with spaces to the field width, on the right with the - flag. ONE_COLUMN_EACH
     * says every char takes one column (ASCII, or a unibyte string's bytes).
     */
    private void pad(String text, boolean oneColumnEach) {
      if (width == 0) {
        out.append(text);
        return;
      }
      int cols = oneColumnEach ? text.length() : columns(text);
      String fill = cols < width ? " ".repeat(width - cols) : "";
      if (minus) out.append(text).append(fill);
      else out.append(fill).append(text);
    }
  }

  /** Display columns of TEXT: wide (East Asian) characters take two. */
  static int columns(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      n += charColumns(c);
    }
    return n;
  }

  private static String truncateColumns(String text, int max) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int w = charColumns(c);
      if (n + w > max) return text.substring(0, i);
      n += w;
      i += Character.charCount(c);
    }
    return text;
  }

  private static int charColumns(int c) {
    if (LString.isRawByteChar(c)) return 4; // shown as an octal escape
    boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
