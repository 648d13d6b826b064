package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pdmacs.eval.Eval;
import pdmacs.runtime.Runtime;

class ReplEvaluatorTest {
  @BeforeAll
  static void init() {
    Runtime.init();
  }

  private static List<String> run(ReplEvaluator r, String input) {
    List<String> shown = new ArrayList<>();
    r.evalInput(input, shown::add);
    return shown;
  }

  @Test
  void everyFormOfTheInputIsShown() {
    assertEquals(List.of("3 (#o3, #x3, ?\\C-c)", "\"a\""), run(new ReplEvaluator(), "(+ 1\n 2) \"a\""));
  }

  @Test
  void anErrorIsShownLikeIelmAndTheNextFormRuns() {
    assertEquals(List.of("*** Eval error ***  Wrong type argument: listp, 1", "nil"),
        run(new ReplEvaluator(), "(car 1) (car nil)"));
    assertEquals(0, Eval.depth());
  }

  @Test
  void readErrorsAndUncaughtThrowsAreShown() {
    assertEquals(List.of("*** Eval error ***  Invalid read syntax: \")\""), run(new ReplEvaluator(), ")"));
    assertEquals(List.of("*** Eval error ***  No catch for tag: foo, 1"), run(new ReplEvaluator(), "(throw 'foo 1)"));
  }

  @Test
  void starsHoldTheLastThreeValuesAndErrorsLeaveThem() {
    ReplEvaluator r = new ReplEvaluator();
    run(r, "'a 'b 'c (car 1)");
    assertEquals(List.of("a"), run(r, "***"));
    assertEquals(List.of("c"), run(r, "**"));
    assertEquals(List.of("c"), run(r, "*"));
  }

  @Test
  void formsAreEvaluatedWithLexicalBinding() {
    assertEquals(List.of("1 (#o1, #x1, ?\\C-a)"),
        run(new ReplEvaluator(), "(funcall (let ((x 1)) (function (lambda () x))))"));
  }
}
