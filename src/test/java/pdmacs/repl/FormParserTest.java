package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pdmacs.runtime.Runtime;

/** The jline parser and completer, driven directly (no terminal). */
class FormParserTest {
  private final FormParser parser = new FormParser();

  @BeforeAll
  static void init() {
    Runtime.init();
  }

  @Test
  void enterInsideAnOpenFormAsksForMoreInput() {
    assertThrows(EOFError.class, () -> parser.parse("(+ 1\n 2", 7, ParseContext.ACCEPT_LINE));
    assertThrows(EOFError.class, () -> parser.parse("(princ \"(\n", 10, ParseContext.ACCEPT_LINE));
    assertEquals("(+ 1\n 2)", parser.parse("(+ 1\n 2)", 8, ParseContext.ACCEPT_LINE).line());
    // A stray paren is accepted, so that evaluating it reports the read error.
    assertEquals(")", parser.parse(")", 1, ParseContext.ACCEPT_LINE).line());
  }

  @Test
  void theWordAtTheCursorIsTheSymbolBeingTyped() {
    ParsedLine l = parser.parse("(car-sa '(1", 7, ParseContext.COMPLETE);
    assertEquals("car-sa", l.word());
    assertEquals(6, l.wordCursor());
    assertEquals(List.of("car-sa", "1"), l.words());
    ParsedLine empty = parser.parse("(car ", 5, ParseContext.COMPLETE);
    assertEquals("", empty.word());
    assertEquals(List.of("car", ""), empty.words());
    assertEquals(1, empty.wordIndex());
  }

  private List<String> complete(String line) {
    List<Candidate> found = new ArrayList<>();
    new SymbolCompleter().complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), found);
    List<String> names = new ArrayList<>();
    for (Candidate c : found) names.add(c.value());
    return names;
  }

  @Test
  void functionsInCallPositionVariablesElsewhere() {
    assertEquals(List.of("car-safe"), complete("(car-sa"));
    assertEquals(List.of("car-safe"), complete("(funcall #'car-sa"));
    assertEquals(List.of(), complete("car-sa"));
    assertEquals(List.of("load-path"), complete("(car load-pa"));
    assertEquals(List.of(), complete("(load-pa"));
  }
}
