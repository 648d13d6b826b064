package pdmacs.subr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import pdmacs.coding.CodingSystem;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * fns.c's base64 coding and message digests, on strings (there are no buffers): base64 as
 * RFC 4648 with Emacs's line breaks and its leniency about whitespace, and the digests of
 * the JDK's MessageDigest.
 */
public final class FnsDigest extends SubrGroup {
  private static final int BASE64_ENCODE_STRING = 0, BASE64URL_ENCODE_STRING = 1,
      BASE64_DECODE_STRING = 2, SECURE_HASH = 3, MD5 = 4, SECURE_HASH_ALGORITHMS = 5;

  /** Emacs breaks base64 text into lines of this many characters (MIME's limit). */
  private static final int LINE_LENGTH = 76;

  private static final String STANDARD =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** Lisp names of the digests, in the order secure-hash-algorithms lists them. */
  private static final String[] ALGORITHMS = {"md5", "sha1", "sha224", "sha256", "sha384",
      "sha512"};
  private static final String[] JAVA_ALGORITHMS = {"MD5", "SHA-1", "SHA-224", "SHA-256",
      "SHA-384", "SHA-512"};

  @Override
  public void register() {
    defun(BASE64_ENCODE_STRING, "base64-encode-string", 1, 2);
    defun(BASE64URL_ENCODE_STRING, "base64url-encode-string", 1, 2);
    defun(BASE64_DECODE_STRING, "base64-decode-string", 1, 2);
    defun(SECURE_HASH, "secure-hash", 2, 5);
    defun(MD5, "md5", 1, 5);
    defun(SECURE_HASH_ALGORITHMS, "secure-hash-algorithms", 0, 0);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case BASE64_ENCODE_STRING:
        return encode(Lisp.checkString(a[0]), STANDARD, a[1] == NIL, true);
      case BASE64URL_ENCODE_STRING:
        return encode(Lisp.checkString(a[0]), URL_SAFE, false, a[1] == NIL);
      case BASE64_DECODE_STRING: return decode(Lisp.checkString(a[0]), a[1] != NIL);
      case SECURE_HASH: {
        // Emacs looks at the object before the algorithm.
        byte[] data = bytes(a[1], a[2], a[3], NIL, false);
        return digest(algorithm(a[0]), data, a[4] != NIL);
      }
      case MD5: return digest(0, bytes(a[0], a[1], a[2], a[3], a[4] != NIL), false);
      case SECURE_HASH_ALGORITHMS: {
        Object[] names = new Object[ALGORITHMS.length];
        for (int i = 0; i < names.length; i++) names[i] = Lisp.intern(ALGORITHMS[i]);
        return Lisp.list(names);
      }
      default: throw new IllegalStateException("fns digest " + id);
    }
  }

  /**
   * The bytes base64 encodes: a unibyte string's own; in a multibyte string, characters up to
   * 255 and raw bytes stand for one byte each, and any other character is an error.
   */
  private static byte[] octets(LString s) {
    String text = s.str();
    if (!s.multibyte()) return text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int c = LString.charCode(cp);
      if (LString.isRawByteCode(c)) c -= LString.RAW_BYTE_BASE;
      else if (c > 0xff) throw Lisp.error("Multibyte character in data for base64 encoding");
      out[n++] = (byte) c;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static LString encode(LString s, String alphabet, boolean lineBreaks, boolean pad) {
    byte[] in = octets(s);
    StringBuilder out = new StringBuilder(in.length * 4 / 3 + 4);
    int column = 0;
    for (int i = 0; i < in.length; i += 3) {
      if (lineBreaks && column == LINE_LENGTH) {
        out.append('\n');
        column = 0;
      }
      int left = in.length - i;
      int group = (in[i] & 0xff) << 16
          | (left > 1 ? (in[i + 1] & 0xff) << 8 : 0)
          | (left > 2 ? in[i + 2] & 0xff : 0);
      out.append(alphabet.charAt(group >> 18 & 63)).append(alphabet.charAt(group >> 12 & 63));
      if (left > 1) out.append(alphabet.charAt(group >> 6 & 63));
      else if (pad) out.append('=');
      if (left > 2) out.append(alphabet.charAt(group & 63));
      else if (pad) out.append('=');
      column += 4;
    }
    return new LString(out.toString(), false);
  }

  /** Reads base64 text, skipping the whitespace Emacs ignores there. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    /** The next character that is not ignorable whitespace, or -1 at the end. */
    int next() {
      while (pos < text.length()) {
        int c = text.codePointAt(pos);
        pos += Character.charCount(c);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') return c;
      }
      return -1;
    }
  }

  private static LispSignal invalid() {
    return Lisp.error("Invalid base64 data");
  }

  /** The value of digit C in ALPHABET; an error for anything else. */
  private static int digit(int c, String alphabet) {
    int v = c >= 0 && c < 0x80 ? alphabet.indexOf(c) : -1;
    if (v < 0) throw invalid();
    return v;
  }

  /**
   * base64-decode-string. Padding may end any group of four, even inside the text; the url
   * variant also takes a last group cut short without its padding.
   */
  private static LString decode(LString s, boolean url) {
    String alphabet = url ? URL_SAFE : STANDARD;
    Reader in = new Reader(s.str());
    StringBuilder out = new StringBuilder();
    while (true) {
      int c = in.next();
      if (c < 0) break;
      int v1 = digit(c, alphabet);
      c = in.next();
      if (c < 0) throw invalid();
      int v2 = digit(c, alphabet);
      out.append((char) ((v1 << 2 | v2 >> 4) & 0xff));
      c = in.next();
      if (c < 0) {
        if (url) break;
        throw invalid();
      }
      if (c == '=') {
        if (in.next() != '=') throw invalid();
        continue;
      }
      int v3 = digit(c, alphabet);
      out.append((char) ((v2 << 4 | v3 >> 2) & 0xff));
      c = in.next();
      if (c < 0) {
        if (url) break;
        throw invalid();
      }
      if (c == '=') continue;
      out.append((char) ((v3 << 6 | digit(c, alphabet)) & 0xff));
    }
    return new LString(out.toString(), false);
  }

  private static int algorithm(Object name) {
    Symbol sym = Lisp.checkSymbol(name);
    for (int i = 0; i < ALGORITHMS.length; i++) {
      if (ALGORITHMS[i].equals(sym.name())) return i;
    }
    throw new LispSignal(Q.error, Lisp.list(Lisp.str("Invalid algorithm arg: " + sym.name())));
  }

  /**
   * The bytes of the part START..END (characters, as substring takes them) of the string
   * OBJECT: a unibyte string's own; a multibyte string encoded by CODING, by default UTF-8
   * (Emacs's preferred coding system under a UTF-8 locale). An unknown CODING is an error, or
   * raw-text with NOERROR, as in Emacs.
   */
  private static byte[] bytes(Object object, Object start, Object end, Object coding,
      boolean noerror) {
    if (!(object instanceof LString)) {
      Object shown = object == NIL ? Lisp.str("nil") : object;
      throw new LispSignal(Q.error, Lisp.list(Lisp.str("Invalid object argument"), shown));
    }
    LString s = (LString) object;
    int[] r = Fns.range(s, s.length(), start, end);
    LString part = new LString(s.substring(r[0], r[1]), s.multibyte());
    if (coding == NIL) coding = Lisp.intern(part.multibyte() ? "utf-8" : "raw-text");
    CodingSystem cs = Coding.lookup(coding);
    if (cs == null) {
      if (!noerror) throw Coding.codingSystemError(coding);
      coding = Lisp.intern("raw-text");
      cs = Coding.lookup(coding);
    }
    if (part.multibyte()) part = Coding.encode(part, cs, coding, true, false);
    return part.str().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static LString digest(int algorithm, byte[] data, boolean binary) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance(JAVA_ALGORITHMS[algorithm]).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw Lisp.error("Invalid algorithm arg: " + ALGORITHMS[algorithm]);
    }
    if (binary) return new LString(new String(hash, StandardCharsets.ISO_8859_1), false);
    StringBuilder hex = new StringBuilder(hash.length * 2);
    for (byte b : hash) hex.append(Character.forDigit(b >> 4 & 15, 16))
        .append(Character.forDigit(b & 15, 16));
    return new LString(hex.toString(), false);
  }
}
