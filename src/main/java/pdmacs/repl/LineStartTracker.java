package pdmacs.repl;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes Lisp's standard output through and remembers whether it ended a line, so the REPL can
 * start a value on a fresh line after {@code (princ "abc")} as ielm does. No jline here: the
 * pipe loop uses it too.
 */
public final class LineStartTracker extends FilterOutputStream {
  private boolean atLineStart = true;

  public LineStartTracker(OutputStream out) {
    super(out);
  }

  public boolean atLineStart() {
    return atLineStart;
  }

  /** Records that the REPL itself ended the line (its output bypasses this stream). */
  public void markLineStart() {
    atLineStart = true;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    atLineStart = b == '\n';
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    if (len > 0) atLineStart = b[off + len - 1] == '\n';
  }
}
