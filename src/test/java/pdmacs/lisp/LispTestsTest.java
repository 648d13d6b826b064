package pdmacs.lisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Lisp library's tests the way GNU Emacs runs its own: each {@code test/lisp/NAME-tests.el}
 * in a fresh pdmacs started from source ({@code --temacs --batch -l loadup.el -l ert -l FILE -f
 * ert-run-tests-batch-and-exit}), failing with ERT's report when the exit status is not 0; and each
 * program under {@code test/lisp/programs/}, whose standard output must equal the {@code .out} file
 * GNU Emacs 28 produced for it.
 */
class LispTestsTest {
  private static final Path TESTS = Path.of("test", "lisp");
  private static final Path PROGRAMS = TESTS.resolve("programs");
  private static final long TIMEOUT_SECONDS = 300;

  @TestFactory
  Stream<DynamicTest> ertFiles() throws IOException {
    List<Path> files = list(TESTS, "-tests.el");
    assertFalse(files.isEmpty(), "no test files under " + TESTS.toAbsolutePath());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      Result r = run("-l", "ert", "-l", file.toString(), "-f", "ert-run-tests-batch-and-exit");
      if (r.exit != 0) {
        throw new AssertionError(file + " exited with " + r.exit + "\n" + r.err + r.out);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> programs() throws IOException {
    List<Path> files = list(PROGRAMS, ".el");
    assertFalse(files.isEmpty(), "no programs under " + PROGRAMS.toAbsolutePath());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String name = file.getFileName().toString();
      Path expected = file.resolveSibling(name.substring(0, name.length() - 3) + ".out");
      Result r = run("-l", file.toString());
      assertEquals(0, r.exit, () -> file + " failed:\n" + r.err);
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out, file.toString());
    }));
  }

  /** The files in DIR whose names end with SUFFIX, sorted. */
  private static List<Path> list(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** What a pdmacs process printed and how it exited. */
  private record Result(int exit, String out, String err) {}

  /** Runs pdmacs from source (temacs with loadup.el) followed by ARGS, in a fresh JVM. */
  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("pdmacs.cli.Main");
    cmd.addAll(List.of("--temacs", "--batch", "-l", "loadup.el"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("pdmacs-lisp-out", ".txt");
    Path err = Files.createTempFile("pdmacs-lisp-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pdmacs did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
