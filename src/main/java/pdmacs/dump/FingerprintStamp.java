package pdmacs.dump;

/**
 * The fingerprint stamped into the jar by the build. The compiled class holds {@link #PLACEHOLDER};
 * the Makefile's fingerprint step writes a copy of this class file with the 64 hex digits in its
 * place (same length, so the class file stays valid) and puts that copy in the jar, never in the
 * classes directory. A runtime started from the jar then knows its fingerprint by loading one
 * tiny class (from the CDS archive), where reading a resource out of the jar costs milliseconds;
 * one started from a classes directory sees the placeholder and hashes its classes.
 *
 * <p>This class is left out of the hash: it only carries the result.
 */
final class FingerprintStamp {
  private FingerprintStamp() {}

  /**
   * Exactly 64 characters, unique in the class file. javac inlines it into Fingerprint, whose
   * copy the build step searches for; here {@link #value} returns what the build wrote.
   */
  static final String PLACEHOLDER = "pdmacs:fingerprint-placeholder:not-stamped-by-the-build:01234567";

  /** The stamped hex digits, or the placeholder. A method, so javac cannot inline the constant. */
  static String value() {
    return PLACEHOLDER;
  }
}
