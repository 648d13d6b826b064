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
    int n = LString.putInternal(c, b, 0);
    Print.stdout.write(b, 0, n);
  }

  /** Writes TEXT in Emacs's internal representation on OUT, with one write call. */
  public static void write(OutputStream out, String text) {
    byte[] b = ensure(text.length() * 3);
    int at = LString.putInternal(text, b, 0);
    try {
      out.write(b, 0, at);
    } catch (java.io.IOException e) {
      // A PrintStream never throws; any other stream here is an in-memory one.
      throw new java.io.UncheckedIOException(e);
    }
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
