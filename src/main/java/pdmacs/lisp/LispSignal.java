package pdmacs.lisp;

/**
 * A Lisp error in flight: the error symbol and its data, as {@code signal} takes them. It carries
 * no Java stack trace, so signalling is cheap and condition-case can use it for control flow.
 */
public final class LispSignal extends RuntimeException {
  public final Symbol symbol;
  public final Object data;

  public LispSignal(Symbol symbol, Object data) {
    super(null, null, false, false);
    this.symbol = symbol;
    this.data = data;
  }

  @Override
  public String getMessage() {
    return pdmacs.print.Printer.errorMessageString(symbol, data);
  }
}
