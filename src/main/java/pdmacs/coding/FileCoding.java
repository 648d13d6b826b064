package pdmacs.coding;

/**
 * What a file's own bytes say about its coding system, which Emacs consults before detecting
 * one when it reads a file (set-auto-coding): a signature at the very start (its
 * auto-coding-regexp-alist), else a "coding:" tag in a -*- line, the first line or the second
 * after a #! line. Emacs also reads a Local Variables section at the end of the file and
 * asks auto-coding-functions; pdmacs does neither.
 */
public final class FileCoding {
  private FileCoding() {}

  /** The coding system BYTES name for themselves, or null when they name none pdmacs has. */
  public static CodingSystem of(byte[] bytes) {
    if (startsWith(bytes, 0xFE, 0xFF)) return CodingSystems.of(CodingSystems.UTF_16BE_WITH_SIGNATURE);
    if (startsWith(bytes, 0xFF, 0xFE)) return CodingSystems.of(CodingSystems.UTF_16LE_WITH_SIGNATURE);
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return CodingSystems.of(CodingSystems.UTF_8_WITH_SIGNATURE);
    String name = tag(bytes);
    return name == null ? null : CodingSystems.get(name);
  }

  /**
   * The name in the coding tag of the first line (the second after #!), or null: "coding:"
   * at the start of the -*- line's text or after a space or ";", then the name, up to a
   * space or ";". Scanned by hand: a load would otherwise be the first to need regexps.
   */
  static String tag(byte[] bytes) {
    int end = lineEnd(bytes, 0);
    int start = 0;
    if (end >= 2 && bytes[0] == '#' && bytes[1] == '!') {
      start = Math.min(end + 1, bytes.length);
      end = lineEnd(bytes, start);
    }
    // The tag is ASCII: any other byte can stand for itself.
    String line = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    int open = line.indexOf("-*-");
    int close = open < 0 ? -1 : line.indexOf("-*-", open + 3);
    if (close < 0) return null;
    String text = line.substring(open + 3, close);
    for (int at = text.indexOf("coding:"); at >= 0; at = text.indexOf("coding:", at + 1)) {
      char before = at == 0 ? ' ' : text.charAt(at - 1);
      if (before != ' ' && before != '\t' && before != ';') continue;
      int i = at + "coding:".length();
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
      int from = i;
      while (i < text.length() && " \t;".indexOf(text.charAt(i)) < 0) i++;
      return i > from ? text.substring(from, i) : null;
    }
    return null;
  }

  private static int lineEnd(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] != '\n') i++;
    return i;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) return false;
    }
    return true;
  }
}
