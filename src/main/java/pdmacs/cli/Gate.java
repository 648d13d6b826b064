package pdmacs.cli;

/**
 * A one-way signal between the start-up threads: closed until {@link #open}, then open for good.
 * What a thread writes before opening a gate is visible to a thread that has passed {@link
 * #await} (the monitor orders them). A plain monitor, not java.util.concurrent: this runs at
 * start-up, where every class loaded costs.
 */
final class Gate {
  private boolean open;

  synchronized void open() {
    open = true;
    notifyAll();
  }

  /** Waits until the gate is open, keeping the caller's interrupt status. */
  synchronized void await() {
    boolean interrupted = false;
    while (!open) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
