package pdmacs.repl;

import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.read.Reader;

/**
 * Text typed or piped in so far, from which complete forms are taken one at a time. The Lisp
 * reader itself decides where a form ends: it signals {@code end-of-file} exactly when the text
 * stops inside one, so the REPL never disagrees with {@code read} about what is complete.
 *
 * <p>This class uses no jline: the pipe loop in {@code pdmacs.cli.Repl} relies on it too.
 */
public final class PendingInput {
  /** What {@link #next()} returns when no complete form is left (only part of one, or nothing). */
  public static final Object NO_FORM = new Object();

  private final StringBuilder text = new StringBuilder();
  /** Where the next form starts in {@link #text}. */
  private int pos;

  /** Appends CHUNK, which should end at a line end so a trailing symbol is known to be whole. */
  public void append(CharSequence chunk) {
    if (pos > 0) {
      text.delete(0, pos);
      pos = 0;
    }
    text.append(chunk);
  }

  /**
   * The next complete form, or {@link #NO_FORM}. A read error other than end-of-file is
   * signalled, and the text read up to it is dropped so the next call makes progress.
   */
  public Object next() {
    String s = text.toString();
    Reader r = new Reader(s, pos, s.length());
    if (!r.skipWhitespace()) {
      pos = s.length();
      return NO_FORM;
    }
    int start = r.pos;
    try {
      Object form = r.read();
      pos = r.pos;
      return form;
    } catch (LispSignal e) {
      if (e.symbol == Q.endOfFile) {
        pos = start;
        return NO_FORM;
      }
      pos = Math.max(r.pos, start + 1);
      throw e;
    }
  }

  /** True when nothing but white space and comments is left. */
  public boolean isBlank() {
    String s = text.toString();
    return !new Reader(s, pos, s.length()).skipWhitespace();
  }

  /**
   * True when TEXT stops outside any form: every form in it is whole. Text with a read error
   * (a stray close paren, say) counts as complete, so that evaluating it reports the error.
   */
  public static boolean isComplete(String text) {
    Reader r = new Reader(text);
    try {
      while (r.skipWhitespace()) r.read();
      return true;
    } catch (LispSignal e) {
      return e.symbol != Q.endOfFile;
    }
  }
}
