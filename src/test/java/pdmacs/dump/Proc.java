package pdmacs.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs pdmacs in a fresh JVM (the test's own java and classpath) and captures what it printed. */
final class Proc {
  final int exit;
  final String out;
  final String err;

  private Proc(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  /** Runs pdmacs.cli.Main with ARGS; JVM_FLAGS go before the class name. */
  static Proc run(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
    return runIn(null, jvmFlags, args);
  }

  /** Runs pdmacs.cli.Main in the working directory CWD (null: this process's). */
  static Proc runIn(Path cwd, List<String> jvmFlags, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("pdmacs.cli.Main");
    cmd.addAll(Arrays.asList(args));
    Path outFile = Files.createTempFile("pdmacs-out", ".txt");
    Path errFile = Files.createTempFile("pdmacs-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      if (cwd != null) pb.directory(cwd.toFile());
      pb.environment().put("PDMACS_TEST_MARK", "fresh");
      Process p = pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pdmacs did not finish in 120 s: " + cmd);
      }
      return new Proc(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
          Files.readString(errFile, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  static Proc run(String... args) throws IOException, InterruptedException {
    return run(List.of(), args);
  }

  /** Fails with everything the process printed unless it exited with 0. */
  Proc ok() {
    if (exit != 0) throw new AssertionError("exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err);
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
