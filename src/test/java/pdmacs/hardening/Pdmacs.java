package pdmacs.hardening;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs pdmacs.cli.Main in a fresh JVM on the test's own classpath: outcome, or a live process. */
public final class Pdmacs {
  public final int exit;
  public final String out;
  public final String err;

  private Pdmacs(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  /** The command line for pdmacs with ARGS. */
  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("pdmacs.cli.Main");
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /** Starts pdmacs with ARGS, its output going to OUT and ERR. */
  public static Process start(Path out, Path err, String... args) throws IOException {
    return new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }

  /** Runs pdmacs with ARGS to completion (at most two minutes). */
  public static Pdmacs run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("pdmacs-out", ".txt");
    Path err = Files.createTempFile("pdmacs-err", ".txt");
    try {
      Process p = start(out, err, args);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("pdmacs did not finish in 120 s: " + Arrays.toString(args));
      }
      return new Pdmacs(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Fails with everything the process printed unless it exited with 0. */
  public Pdmacs ok() {
    if (exit != 0) throw new AssertionError(this.toString());
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
