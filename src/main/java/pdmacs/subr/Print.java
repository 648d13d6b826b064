package pdmacs.subr;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.print.Printer;
import pdmacs.print.PrintableObject;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;

/** print.c: prin1, princ, print, terpri and output streams. */
public final class Print extends SubrGroup {
  private static final int PRIN1 = 0, PRINC = 1, PRINT = 2, TERPRI = 3, PRIN1_TO_STRING = 4,
      ERROR_MESSAGE_STRING = 5, WRITE_CHAR = 6, REDIRECT_DEBUGGING_OUTPUT = 7,
      STRING_OUTPUT_STREAM = 8, STRING_OUTPUT_CONTENTS = 9, FLUSH_STANDARD_OUTPUT = 10;

  /**
   * Where standard-output t goes in batch mode: buffered, so that printing costs no system call
   * until a flush (at exit, by kill-emacs and flush-standard-output, and before a message).
   */
  public static PrintStream stdout = new PrintStream(new java.io.BufferedOutputStream(
      new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 14), false, StandardCharsets.UTF_8);
  /** Where message and external-debugging-output go. */
  public static PrintStream stderr = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
  /** Column of stdout, so print and message can start a fresh line as Emacs does. */
  static boolean stdoutAtLineStart = true;

  public static final Symbol externalDebuggingOutput = Lisp.intern("external-debugging-output");

  @Override
  public void register() {
    defun(PRIN1, "prin1", 1, 3);
    defun(PRINC, "princ", 1, 2);
    defun(PRINT, "print", 1, 2);
    defun(TERPRI, "terpri", 0, 2);
    defun(PRIN1_TO_STRING, "prin1-to-string", 1, 3);
    defun(ERROR_MESSAGE_STRING, "error-message-string", 1, 1);
    defun(WRITE_CHAR, "write-char", 1, 2);
    defun(REDIRECT_DEBUGGING_OUTPUT, "redirect-debugging-output", 1, 2);
    defun(STRING_OUTPUT_STREAM, "internal--string-output-stream", 0, 0);
    defun(STRING_OUTPUT_CONTENTS, "internal--string-output-contents", 1, 1);
    defun(FLUSH_STANDARD_OUTPUT, "flush-standard-output", 0, 0);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case PRIN1: print(a[1], a[0], true); return a[0];
      case PRINC: print(a[1], a[0], false); return a[0];
      case PRINT:
        write(a[1], "\n");
        print(a[1], a[0], true);
        write(a[1], "\n");
        return a[0];
      case TERPRI:
        write(a[0], "\n");
        return T;
      case PRIN1_TO_STRING:
        return new LString(a[1] == NIL ? Printer.prin1ToString(a[0]) : Printer.princToString(a[0]));
      case ERROR_MESSAGE_STRING: {
        Object e = a[0];
        if (!(e instanceof Cons)) {
          if (e == NIL) return new LString("peculiar error");
          throw Lisp.wrongType(Q.listp, e);
        }
        Object sym = ((Cons) e).car;
        if (!(sym instanceof Symbol)) throw Lisp.wrongType(Q.symbolp, sym);
        return new LString(Printer.errorMessageString((Symbol) sym, ((Cons) e).cdr));
      }
      case WRITE_CHAR: {
        int c = Lisp.checkChar(a[0]);
        Object dest = destination(a[1]);
        if (dest == T || dest == NIL) BatchOutput.stdoutChar(c);
        else if (!(dest instanceof StringOutput) && dest != externalDebuggingOutput) Eval.funcall(dest, (long) c);
        else if (LString.isRawByteCode(c)) write(dest, String.valueOf(LString.rawByteChar(c - LString.RAW_BYTE_BASE)));
        else if (c <= Character.MAX_CODE_POINT) write(dest, new String(Character.toChars(c)));
        else throw LStringBuilder.beyondUnicode(c);
        return a[0];
      }
      case REDIRECT_DEBUGGING_OUTPUT: return NIL;
      case STRING_OUTPUT_STREAM: return new StringOutput();
      case STRING_OUTPUT_CONTENTS: {
        if (!(a[0] instanceof StringOutput)) throw Lisp.wrongType(Q.stringp, a[0]);
        return new LString(((StringOutput) a[0]).sb.toString());
      }
      case FLUSH_STANDARD_OUTPUT:
        stdout.flush();
        return NIL;
      default: throw new IllegalStateException("print " + id);
    }
  }

  /** A stream that collects printed text (with-output-to-string). */
  public static final class StringOutput implements PrintableObject {
    final StringBuilder sb = new StringBuilder();

    @Override
    public String printedRepresentation() {
      return "#<string-output>";
    }
  }

  /** Where PRINTCHARFUN sends output: itself, or standard-output's value for nil. */
  private static Object destination(Object printcharfun) {
    return printcharfun == NIL ? Eval.symbolValueOrNil(Q.standardOutput) : printcharfun;
  }

  /**
   * Prints O to PRINTCHARFUN as prin1 (ESCAPE) or princ does. What becomes of a unibyte
   * string's bytes 128-255 depends on where they go, as in Emacs: prin1 writes them as octal
   * escapes into a buffer (a string output stream here) and as raw bytes anywhere else;
   * princ writes them to stdout as raw bytes, and passes a function (or
   * external-debugging-output) the plain characters 128-255. (Emacs's princ into a buffer
   * writes octal escapes for them and for raw bytes; pdmacs still inserts the characters.)
   */
  private static void print(Object printcharfun, Object o, boolean escape) {
    Object dest = destination(printcharfun);
    boolean buffer = dest instanceof StringOutput;
    boolean rawUnibyte = escape ? !buffer : dest == T || dest == NIL;
    String text = rawUnibyte ? Printer.toStream(o, escape)
        : escape ? Printer.prin1ToString(o) : Printer.princToString(o);
    write(dest, text);
  }

  /** Sends TEXT to PRINTCHARFUN (nil: standard-output). */
  public static void write(Object printcharfun, String text) {
    Object dest = destination(printcharfun);
    if (dest == T || dest == NIL) {
      BatchOutput.stdout(text);
      if (!text.isEmpty()) stdoutAtLineStart = text.charAt(text.length() - 1) == '\n';
    } else if (dest == externalDebuggingOutput) {
      BatchOutput.debugging(text);
    } else if (dest instanceof StringOutput) {
      ((StringOutput) dest).sb.append(text);
    } else {
      // Anything else is called with each character, as Emacs does: a symbol without a
      // function definition signals void-function, a non-function invalid-function.
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        Eval.funcall(dest, (long) LString.charCode(c));
      }
    }
  }

  /** Writes a line to stderr as message does in batch mode (see {@link BatchOutput}). */
  public static void message(String text) {
    BatchOutput.message(Lisp.str(text));
  }
}
