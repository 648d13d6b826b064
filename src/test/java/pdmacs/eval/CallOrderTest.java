package pdmacs.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pdmacs.eval.LispRunner.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order in which a call is checked, as in GNU Emacs 28's eval: the argument forms are
 * counted first (a dotted list is wrong-type-argument listp with the tail), then the arity is
 * checked, and only then are the arguments evaluated. Expected values are GNU Emacs 28's.
 */
class CallOrderTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "(car (signal 'co-boom nil) 2) | !! (wrong-number-of-arguments car 2)",
    "(car . 1) | !! (wrong-type-argument listp 1)",
    "(+ 1 . 2) | !! (wrong-type-argument listp 2)",
    "(if . 1) | !! (wrong-type-argument listp 1)",
    "(progn . 1) | !! (wrong-type-argument listp 1)",
    "(quote . 1) | !! (wrong-type-argument listp 1)",
    "(quote 1 2) | !! (wrong-number-of-arguments quote 2)",
    "(setq co-a . 1) | !! (wrong-type-argument listp 1)",
    "((lambda (x) x) . 1) | !! (wrong-type-argument listp 1)",
    "(+ 1 2) | 3",
    "(< 1 2) | t",
    "(>= 1 2) | nil",
    "(+ 1 2.5) | 3.5",
    "(+ most-positive-fixnum 1) | 2305843009213693952",
    "(< 1 2 3) | t",
  })
  void checkedBeforeEvaluated(String source, String expected) {
    assertEquals(expected, run(source));
  }
}
