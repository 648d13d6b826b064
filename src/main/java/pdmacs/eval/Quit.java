package pdmacs.eval;

import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;

/**
 * Keyboard quit: the REPL's interrupt handler sets {@link #pending}; loops and calls poll it
 * and signal {@code quit}, as Emacs polls at its QUIT points.
 */
public final class Quit {
  private Quit() {}

  public static volatile boolean pending;

  public static void check() {
    if (pending) {
      pending = false;
      if (Q.inhibitQuit.value == pdmacs.lisp.Lisp.NIL) {
        throw new LispSignal(Q.quit, pdmacs.lisp.Lisp.NIL);
      }
    }
  }
}
