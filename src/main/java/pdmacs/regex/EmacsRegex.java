package pdmacs.regex;

import java.util.regex.Pattern;

/** (being written) */
public final class EmacsRegex {
  private final Pattern pattern;

  private EmacsRegex(Pattern p) {
    this.pattern = p;
  }

  public static EmacsRegex compile(String emacsRegexp, boolean caseFold) {
    return new EmacsRegex(Pattern.compile(Pattern.quote(emacsRegexp)));
  }

  public Pattern pattern() {
    return pattern;
  }
}
