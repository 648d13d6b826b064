package pdmacs.hardening;

import java.util.concurrent.Callable;

/**
 * Runs test code on a thread with a chosen Java stack, as the launcher runs Lisp on a 1 GiB one:
 * JUnit's own thread has far less, so deep-structure tests would measure JUnit, not pdmacs.
 */
public final class BigStack {
  private BigStack() {}

  /** The launcher's Lisp stack (pdmacs.cli.Main). */
  public static final long LISP_STACK = 1L << 30;

  /** The value of BODY computed on a thread with STACK bytes; its exception is rethrown here. */
  public static <T> T call(long stack, Callable<T> body) throws Throwable {
    Object[] result = new Object[1];
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = body.call();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "big-stack", stack);
    t.start();
    t.join();
    if (thrown[0] != null) throw thrown[0];
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }

  public static <T> T call(Callable<T> body) throws Throwable {
    return call(LISP_STACK, body);
  }
}
