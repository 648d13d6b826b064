package pdmacs.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pdmacs.read.Reader;

/**
 * One conformance fixture: the forms of {@code test/conformance/NN-area.el}, each with its source
 * text, line number and, when pdmacs deliberately differs from GNU Emacs, the expected line given
 * by a {@code ;; pdmacs-expect:} comment just before it.
 */
final class Fixture {
  static final String DIFFERS = ";; pdmacs-differs:";
  static final String EXPECT = ";; pdmacs-expect:";

  /** A top-level form of a fixture. */
  record Form(Object form, String source, int line, String differsReason, String expected) {}

  final String name;
  final List<Form> forms;
  /** The lines of the committed .out file made by GNU Emacs. */
  final List<String> emacsLines;

  private Fixture(String name, List<Form> forms, List<String> emacsLines) {
    this.name = name;
    this.forms = forms;
    this.emacsLines = emacsLines;
  }

  static Fixture load(Path el) throws IOException {
    String text = Files.readString(el, StandardCharsets.UTF_8);
    Path out = el.resolveSibling(el.getFileName().toString().replaceFirst("\\.el$", ".out"));
    List<String> lines = Files.exists(out) ? splitLines(Files.readString(out, StandardCharsets.UTF_8)) : List.of();
    String name = el.getFileName().toString().replaceFirst("\\.el$", "");
    return new Fixture(name, parse(text, name), lines);
  }

  /** Lines ended by \n only: results may hold a raw carriage return. */
  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }

  /** Reads the forms of TEXT, keeping the comments between forms for the pdmacs-* markers. */
  static List<Form> parse(String text, String name) {
    List<Form> forms = new ArrayList<>();
    Reader reader = new Reader(text);
    int previousEnd = 0;
    while (reader.skipWhitespace()) {
      int start = reader.pos;
      Object form = reader.read();
      String gap = text.substring(previousEnd, start);
      String reason = marker(gap, DIFFERS);
      String expected = marker(gap, EXPECT);
      if ((reason == null) != (expected == null)) {
        throw new IllegalArgumentException(name + ":" + lineOf(text, start)
            + ": pdmacs-differs and pdmacs-expect must come together");
      }
      forms.add(new Form(form, text.substring(start, reader.pos), lineOf(text, start), reason, expected));
      previousEnd = reader.pos;
    }
    return forms;
  }

  /** The text after PREFIX on the last line of GAP that starts with it, or null. */
  private static String marker(String gap, String prefix) {
    String found = null;
    for (String line : gap.split("\n")) {
      String t = line.strip();
      if (t.startsWith(prefix)) found = t.substring(prefix.length()).strip();
    }
    return found;
  }

  private static int lineOf(String text, int pos) {
    int line = 1;
    for (int i = 0; i < pos; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }
}
