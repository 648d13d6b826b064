package pdmacs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pdmacs.lisp.LispSignal;
import pdmacs.runtime.Runtime;
import pdmacs.subr.Lread;

/**
 * Runs every {@code test/conformance/NN-area.el} fixture in-process, in file order, in one
 * runtime, and compares each form's output with the line GNU Emacs 28 printed for it (the
 * committed {@code .out} file), or with its {@code ;; pdmacs-expect:} line where pdmacs
 * deliberately differs. One dynamic test per form.
 */
class ConformanceTest {
  static final Path DIR = Path.of("test/conformance");

  /** Whether loadup.el (the Lisp library, without dumping) loaded. */
  static final boolean LIBRARY_LOADED;

  static {
    Runtime.init();
    LIBRARY_LOADED = loadLibrary();
  }

  private static boolean loadLibrary() {
    if (!Files.isRegularFile(Path.of("loadup.el"))) return false;
    try {
      Lread.load(Path.of("loadup.el").toAbsolutePath().toString(), false, true, true);
      return true;
    } catch (LispSignal e) {
      System.err.println("conformance: loadup.el did not load (" + e.getMessage()
          + "); running with built-ins only");
      return false;
    }
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.el"))
          .sorted().collect(Collectors.toList());
    }
  }

  @TestFactory
  Stream<DynamicNode> conformance() throws IOException {
    List<Path> files = fixtures();
    assertFalse(files.isEmpty(), "no fixtures in " + DIR.toAbsolutePath());
    return files.stream().map(ConformanceTest::fileContainer);
  }

  private static DynamicNode fileContainer(Path el) {
    Fixture fixture;
    try {
      fixture = Fixture.load(el);
    } catch (IOException | LispSignal e) {
      // A fixture pdmacs cannot even read is one failure, not the end of the whole suite.
      return DynamicTest.dynamicTest(el.getFileName() + ": read",
          () -> org.junit.jupiter.api.Assertions.fail("cannot read " + el + ": " + e.getMessage()));
    }
    return DynamicContainer.dynamicContainer(fixture.name, el.toUri(), formTests(fixture).stream());
  }

  /** One form's result under pdmacs beside what it should be. */
  record Outcome(Fixture fixture, Fixture.Form form, String expected, String actual) {
    boolean passed() {
      return expected.equals(actual);
    }

    String name() {
      return fixture.name + ":" + form.line() + " " + abbreviate(form.source());
    }

    /**
     * The function whose absence explains this failure, or null: the form signalled
     * void-function where GNU Emacs did not, so it needs a function not written yet.
     */
    String missingFunction() {
      java.util.regex.Matcher m = VOID_FUNCTION.matcher(actual);
      if (!m.find() || expected.contains(m.group())) return null;
      return m.group(1);
    }
  }

  private static final java.util.regex.Pattern VOID_FUNCTION =
      java.util.regex.Pattern.compile("!! \\(void-function (\\S+)\\)\n$");

  /** Evaluates the fixture's forms now, in order, and pairs each result with its expectation. */
  static List<Outcome> run(Fixture fixture) {
    List<Outcome> outcomes = new ArrayList<>();
    int cursor = 0;
    for (Fixture.Form form : fixture.forms) {
      String actual = FormRunner.run(form.form());
      int lines = (int) actual.chars().filter(c -> c == '\n').count();
      outcomes.add(new Outcome(fixture, form, expectedChunk(fixture.emacsLines, cursor, lines, form), actual));
      cursor += lines;
    }
    return outcomes;
  }

  static List<DynamicTest> formTests(Fixture fixture) {
    List<DynamicTest> tests = new ArrayList<>();
    int consumed = 0;
    for (Outcome o : run(fixture)) {
      tests.add(DynamicTest.dynamicTest(o.name(), () -> check(o)));
      consumed += (int) o.actual().chars().filter(c -> c == '\n').count();
    }
    int total = consumed;
    tests.add(DynamicTest.dynamicTest(fixture.name + ": whole .out consumed",
        () -> assertEquals(fixture.emacsLines.size(), total,
            "run test/conformance/regenerate after editing " + fixture.name + ".el")));
    return tests;
  }

  /** Passes when pdmacs printed what Emacs printed (or the pdmacs-expect text of a known difference). */
  private static void check(Outcome o) {
    assertEquals(o.expected(), o.actual(), o.form().source());
  }

  /**
   * The LINES lines of Emacs output that belong to FORM, starting at CURSOR; with a
   * pdmacs-expect marker the result line (the last) is replaced by the pdmacs expectation.
   */
  static String expectedChunk(List<String> emacs, int cursor, int lines, Fixture.Form form) {
    StringBuilder sb = new StringBuilder();
    for (int i = cursor; i < cursor + lines; i++) {
      boolean resultLine = i == cursor + lines - 1;
      String line = i < emacs.size() ? emacs.get(i) : "<<missing from .out>>";
      sb.append(resultLine && form.expected() != null ? form.expected() : line).append('\n');
    }
    return sb.toString();
  }

  static String abbreviate(String source) {
    String oneLine = source.replaceAll("\\s+", " ");
    return oneLine.length() > 70 ? oneLine.substring(0, 67) + "..." : oneLine;
  }
}
