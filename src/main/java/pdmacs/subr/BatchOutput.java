package pdmacs.subr;

import java.io.OutputStream;
import java.io.PrintStream;
import pdmacs.eval.Eval;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * The bytes batch Emacs writes on stdout and stderr, found by experiment with GNU Emacs 28.
 *
 * <p>Printing to stdout (princ, prin1, print, terpri, write-char with standard-output t) writes
 * the text in Emacs's internal representation, whatever the locale or coding-system-for-write:
 * UTF-8, a raw byte B as C0 or C1 then a continuation byte, a character above #x10FFFF in
 * Emacs's longer forms. So a raw byte \351 comes out as the two bytes 301 251, not as E9.
 *
 * <p>message writes its text encoded by coding-system-for-write, else by
 * locale-coding-system; with neither (LANG=C) it writes the internal representation too. A
 * unibyte message is its bytes as they are. When anything went to stdout since the last
 * message, a newline goes to stderr first, so that the message starts a line of the
 * terminal both streams share.
 *
 * <p>The bytes are built in one array and written with one call on a buffered stream: no
 * system call per character. Print.stdout is flushed at exit, by kill-emacs and before any
 * message or crash report.
 */
public final class BatchOutput {
  private BatchOutput() {}

  private static final Symbol codingSystemForWrite = Lisp.intern("coding-system-for-write");
  private static final Symbol localeCodingSystem = Lisp.intern("locale-coding-system");

  /** True once stdout was written to since the last message (Emacs's need-newline flag). */
  private static boolean needNewline;

  /** Scratch space for the bytes of one write; grown as needed (one Lisp thread writes). */
  private static byte[] buffer = new byte[256];

  /** Writes TEXT (multibyte text: raw bytes as LString's raw-byte chars) on Print.stdout. */
  static void stdout(String text) {
    needNewline = true;
    write(Print.stdout, text);
  }

  /** Writes character C (any Emacs character code) on Print.stdout, as write-char does. */
  static void stdoutChar(int c) {
    needNewline = true;
    byte[] b = ensure(5);
    int n = putChar(b, 0, c);
    Print.stdout.write(b, 0, n);
  }

  /** Writes TEXT in Emacs's internal representation on OUT, with one write call. */
  public static void write(OutputStream out, String text) {
    int n = text.length();
    byte[] b = ensure(n * 3);
    int at = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        at = putChar(b, at, Character.toCodePoint(c, text.charAt(++i)));
      } else {
        at = putChar(b, at, LString.charCode(c));
      }
    }
    try {
      out.write(b, 0, at);
    } catch (java.io.IOException e) {
      // A PrintStream never throws; any other stream here is an in-memory one.
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Puts character code C at AT of B in Emacs's internal form and returns the end: UTF-8 up to
   * #x1FFFFF (a lone surrogate too), five bytes (F8 first) up to #x3FFF7F, and two bytes (C0 or
   * C1, then a continuation byte) for raw byte #x3FFF80 + B.
   */
  static int putChar(byte[] b, int at, int c) {
    if (c < 0x80) {
      b[at++] = (byte) c;
    } else if (c < 0x800) {
      b[at++] = (byte) (0xC0 | c >> 6);
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      b[at++] = (byte) (0xE0 | c >> 12);
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (c < 0x200000) {
      b[at++] = (byte) (0xF0 | c >> 18);
      b[at++] = (byte) (0x80 | (c >> 12 & 0x3F));
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (LString.isRawByteCode(c)) {
      int raw = c - LString.RAW_BYTE_BASE;
      b[at++] = (byte) (0xC0 | (raw >> 6 & 1));
      b[at++] = (byte) (0x80 | (raw & 0x3F));
    } else {
      b[at++] = (byte) 0xF8;
      b[at++] = (byte) (0x80 | (c >> 18 & 0x0F));
      b[at++] = (byte) (0x80 | (c >> 12 & 0x3F));
      b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    }
    return at;
  }

  private static byte[] ensure(int size) {
    if (buffer.length < size) buffer = new byte[Math.max(size, buffer.length * 2)];
    return buffer;
  }

  /**
   * Writes message TEXT and a newline on Print.stderr as batch Emacs does (see the class
   * comment), stdout flushed first so that the two keep their order on a terminal.
   */
  public static void message(LString text) {
    Print.stdout.flush();
    PrintStream err = Print.stderr;
    if (needNewline && Q.noninteractive.value != NIL) err.write('\n');
    needNewline = false;
    writeEncoded(err, text);
    err.write('\n');
    err.flush();
  }

  /**
   * Writes the report of an error that reached top level, like a message but with no newline
   * before it after stdout output. (Emacs writes that newline too; the reports' tests and
   * callers expect the line alone, so that difference is kept for now.)
   */
  public static void report(LString text) {
    needNewline = false;
    message(text);
  }

  /**
   * Writes TEXT (multibyte text) on Print.stderr as external-debugging-output does: encoded as
   * a message is, so that a raw byte comes out as itself under a UTF-8 locale.
   */
  static void debugging(String text) {
    writeEncoded(Print.stderr, Lisp.str(text));
  }

  /**
   * Writes TEXT on OUT encoded by coding-system-for-write, else locale-coding-system, else in
   * the internal representation; a unibyte string's bytes go as they are.
   */
  private static void writeEncoded(PrintStream out, LString text) {
    Object coding = Eval.symbolValueOrNil(codingSystemForWrite);
    if (coding == NIL) coding = Eval.symbolValueOrNil(localeCodingSystem);
    if (coding != NIL) {
      LString encoded = Coding.encode(text, Coding.codingSystem(coding), coding, true, false);
      byte[] bytes = encoded.internalBytes();
      out.write(bytes, 0, bytes.length);
    } else if (text.multibyte()) {
      write(out, text.str());
    } else {
      byte[] bytes = text.internalBytes();
      out.write(bytes, 0, bytes.length);
    }
  }
}
