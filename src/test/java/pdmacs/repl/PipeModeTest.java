package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `echo FORMS | emacs`: no prompt, one value per line, errors on stderr, jline never loaded. */
class PipeModeTest {
  @TempDir Path tmp;

  @Test
  void formsAreEvaluatedAsTheyArriveAndJlineIsNeverLoaded() throws Exception {
    Path classLog = tmp.resolve("classes.log");
    List<String> cmd = Launcher.command("--temacs", "--repl");
    cmd.add(1, "-Xlog:class+load:file=" + classLog);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    OutputStream in = p.getOutputStream();
    in.write("(+ 1\n 2)\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    // The value comes back while stdin is still open: the loop streams.
    assertEquals("3", out.readLine());
    in.write("(car 1) (princ \"x\") 'done\n".getBytes(StandardCharsets.UTF_8));
    in.close();
    List<String> rest = new ArrayList<>();
    for (String l; (l = out.readLine()) != null; ) rest.add(l);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals(List.of("x", "\"x\"", "done"), rest);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("Wrong type argument: listp, 1\n", err);
    String classes = Files.readString(classLog);
    assertTrue(classes.contains("pdmacs.cli.Repl "), "the pipe loop ran");
    assertFalse(classes.contains("org.jline"), "no jline class in a piped run");
  }

  @Test
  void batchRunsLoadNoJlineEither() throws Exception {
    Path classLog = tmp.resolve("classes.log");
    List<String> cmd = Launcher.command("--temacs", "--batch", "--eval", "(princ (+ 1 2))");
    cmd.add(1, "-Xlog:class+load:file=" + classLog);
    Process p = new ProcessBuilder(cmd).start();
    assertEquals("3", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String classes = Files.readString(classLog);
    assertTrue(classes.contains("pdmacs.cli.Main "), "the log covers the run");
    assertFalse(classes.contains("org.jline") || classes.contains("pdmacs.repl."), "no REPL class in a batch run");
  }

  @Test
  void anUnfinishedFormAtEndOfInputIsReported() throws Exception {
    Process p = new ProcessBuilder(Launcher.command("--temacs", "--repl")).start();
    p.getOutputStream().write("7 (car\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals("7\n", out);
    assertEquals("End of file during parsing\n", err);
  }
}
