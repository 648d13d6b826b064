package pdmacs.dump;

/** A dump file that cannot be loaded; the message is the REASON shown to the user. */
public final class DumpLoadException extends Exception {
  public DumpLoadException(String reason) {
    super(reason, null, false, false);
  }
}
