package pdmacs.lisp;

/** Raised by kill-emacs: unwinds the Lisp stack (running unwind forms) and exits with CODE. */
public final class KillEmacs extends RuntimeException {
  public final int code;

  public KillEmacs(int code) {
    super(null, null, false, false);
    this.code = code;
  }
}
