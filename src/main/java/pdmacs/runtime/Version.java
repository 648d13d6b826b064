package pdmacs.runtime;

/** The pdmacs version, shown by --version and pdmacs-version. */
public final class Version {
  private Version() {}

  public static final String VERSION = "0.1.0";
}
