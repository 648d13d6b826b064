package pdmacs.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pdmacs.eval.LispRunner.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator: special forms, binding, closures, non-local exits and the errors they give. */
class EvalTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "(let ((nil 1)) 2) | !! (setting-constant nil)",
    "(let ((t 1)) 2) | !! (setting-constant t)",
    "(setq nil 5) | !! (setting-constant nil)",
    "(setq :kw :kw) | :kw",
    "(setq :kw 1) | !! (setting-constant :kw)",
    "(setq et-a) | !! (wrong-number-of-arguments setq 1)",
    "(setq et-a 1 et-b) | !! (wrong-number-of-arguments setq 3)",
    "(setq 1 2) | !! (wrong-type-argument symbolp 1)",
    "(let ((x 1 2)) x) | !! (error \"`let' bindings can have only one value-form\" x 1 2)",
    "(let) | !! (wrong-number-of-arguments let 0)",
    "(prog1) | !! (wrong-number-of-arguments prog1 0)",
    "(if t) | !! (wrong-number-of-arguments if 1)",
    "(catch) | !! (wrong-number-of-arguments catch 0)",
  })
  void bindingAndSpecialFormErrors(String source, String expected) {
    assertEquals(expected, run(source));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    // A closure is reported by its cdr (ENV ARGS . BODY), as GNU Emacs 28 does.
    "(funcall (function (lambda (a b) a)) 1) | !! (wrong-number-of-arguments ((t) (a b) a) 1)",
    "(funcall '(lambda (a) a)) | !! (wrong-number-of-arguments (lambda (a) a) 0)",
    "(funcall 'car) | !! (wrong-number-of-arguments #<subr car> 0)",
    "(car 1 2) | !! (wrong-number-of-arguments car 2)",
    "(funcall 'if t 1) | !! (invalid-function #<subr if>)",
    "(funcall '(lambda (x &rest) x) 1) | !! (invalid-function (lambda (x &rest) x))",
    "(funcall 1) | !! (invalid-function 1)",
    "(et-undefined) | !! (void-function et-undefined)",
    "et-unbound | !! (void-variable et-unbound)",
    "(car 1) | !! (wrong-type-argument listp 1)",
    "(throw 'et-nobody 1) | !! (no-catch et-nobody 1)",
    "(catch nil (throw nil 1)) | !! (no-catch nil 1)",
    "(apply '+ 1 '(2 . 3)) | !! (wrong-type-argument listp 3)",
  })
  void callErrorsCarryEmacsData(String source, String expected) {
    assertEquals(expected, run(source));
  }

  @Test
  void closuresCaptureAndMutate() {
    assertEquals("3", run("(let ((n 0)) (let ((inc (function (lambda () (setq n (1+ n)))))) "
        + "(funcall inc) (funcall inc) (funcall inc)))"));
    assertEquals("1", run("(let ((x 1)) (let ((f (function (lambda () x)))) (let ((x 2)) (funcall f))))"));
  }

  @Test
  void defvarMakesSpecialAndValuelessDefvarIsLocal() {
    run("(defvar et-dyn 'global)");
    run("(defalias 'et-get (function (lambda () et-dyn)))");
    assertEquals("let", run("(let ((et-dyn 'let)) (et-get))"));
    assertEquals("inner", run("(let ((x 'outer)) (defvar x) (let ((x 'inner)) (symbol-value 'x)))"));
    assertEquals("nil", run("(special-variable-p 'x)"));
  }

  @Test
  void conditionCaseHandlers() {
    // The :success handler is not protected by the error handlers beside it.
    assertEquals("!! (wrong-type-argument listp 10)",
        run("(condition-case e 10 (error 'err) (:success (car e)))"));
    assertEquals("20", run("(condition-case e 10 (:success (* e 2)))"));
    assertEquals("caught", run("(condition-case nil (car 1) ((arith-error wrong-type-argument) 'caught))"));
    assertEquals("t-handler", run("(condition-case nil (signal 'et-unknown nil) (t 't-handler))"));
    assertEquals("quit", run("(condition-case nil (signal 'quit nil) (error 'error) (quit 'quit))"));
  }

  @Test
  void unwindFormsRunOnThrowAndSignal() {
    assertEquals("11", run("(let ((log 0)) (catch 'done (unwind-protect (unwind-protect (throw 'done 1) "
        + "(setq log (+ log 1))) (setq log (+ log 10)))) log)"));
    assertEquals("cleaned", run("(let ((log nil)) (condition-case nil (unwind-protect (car 1) "
        + "(setq log 'cleaned)) (error nil)) log)"));
  }

  /**
   * The macroexp walker (Java, under macroexpand-all and load) on forms no Lisp file has: a
   * circular list of forms signals (GNU Emacs 28 loops for ever on it), and deep nesting is the
   * evaluator's nesting error, not a Java stack overflow.
   */
  @Test
  void macroexpWalkerOnCircularAndDeepForms() {
    assertEquals("circular-list", run("(let ((l (list 'progn 1 2))) (setcdr (cdr (cdr l)) (cdr l))"
        + " (condition-case e (macroexp--walk l nil) (error (car e))))"));
    assertEquals("excessive-lisp-nesting", run("(let ((f 1) (i 0)) (while (< i 200000) (setq f (list 'progn f) i (1+ i)))"
        + " (condition-case e (macroexp--walk f nil) (error (car e))))"));
    assertEquals("(progn (a . b) 1 . 2)", run("(macroexp--walk '(progn (a . b) 1 . 2) nil)"));
  }

  @Test
  void deepRecursionSignalsNestingErrorNotStackOverflow() {
    run("(defalias 'et-inf (function (lambda (n) (et-inf (1+ n)))))");
    assertEquals("!! (excessive-lisp-nesting 1601)", run("(et-inf 0)"));
    assertEquals("excessive-lisp-nesting",
        run("(condition-case e (et-inf 0) (error (car e)))"));
    // Far past what the Java stack holds: still a Lisp error, never a StackOverflowError.
    assertEquals("excessive-lisp-nesting",
        run("(let ((max-lisp-eval-depth 100000)) (condition-case e (et-inf 0) (error (car e))))"));
    assertEquals("1", run("(internal--lisp-eval-depth)"));
  }

  @Test
  void macrosExpandAndCannotBeFuncalled() {
    run("(defalias 'et-m '(macro lambda (x) x))");
    assertEquals("7", run("(et-m 7)"));
    assertEquals("'q", run("(macroexpand '(et-m 'q))"));
    assertEquals("!! (invalid-function et-m)", run("(funcall 'et-m 1)"));
  }
}
