package pdmacs.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Errors that reach top level in batch mode, run as a real process: the message GNU Emacs
 * prints on stderr, exit status 255, and kill-emacs's own status.
 */
class BatchErrorsTest {
  /** What a finished process printed and returned. */
  record Result(int status, String stdout, String stderr) {}

  static Result batch(String... evalForms) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "pdmacs.cli.Main", "--temacs", "--batch"));
    for (String form : evalForms) {
      cmd.add("--eval");
      cmd.add(form);
    }
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdmacs did not exit");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void voidVariable() throws Exception {
    Result r = batch("(princ \"before\")", "foo");
    assertEquals(255, r.status());
    assertEquals("before", r.stdout());
    assertEquals("Symbol\u2019s value as variable is void: foo\n", r.stderr());
  }

  @Test
  void wrongTypeArgument() throws Exception {
    Result r = batch("(car 1)");
    assertEquals(255, r.status());
    assertEquals("Wrong type argument: listp, 1\n", r.stderr());
  }

  @Test
  void killEmacsExitsWithItsArgument() throws Exception {
    Result r = batch("(princ \"bye\")", "(kill-emacs 3)", "(princ \"not reached\")");
    assertEquals(3, r.status());
    assertEquals("bye", r.stdout());
    assertEquals("", r.stderr());
  }

  @Test
  void successExitsZero() throws Exception {
    Result r = batch("(princ (+ 1 2))");
    assertEquals(new Result(0, "3", ""), r);
  }

  @Test
  void deepRecursionIsALispErrorNotACrash() throws Exception {
    Result r = batch("(setq max-lisp-eval-depth 100000)",
        "(defalias 'f (function (lambda (n) (f (1+ n)))))", "(f 0)");
    assertEquals(255, r.status());
    assertTrue(r.stderr().startsWith("Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019"), r.stderr());
    assertTrue(!r.stderr().contains("StackOverflowError"), r.stderr());
  }

  @Test
  void uncaughtThrowAndQuit() throws Exception {
    assertEquals("No catch for tag: x, 1\n", batch("(throw 'x 1)").stderr());
    Result quit = batch("(signal 'quit nil)");
    assertEquals(255, quit.status());
    assertEquals("Quit\n", quit.stderr());
  }
}
