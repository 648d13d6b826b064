package pdmacs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the batch entry point (temacs --batch) as a real process, for tests of the exact bytes
 * it reads and writes. Bytes go both ways as Java strings of one char per byte (char B is byte
 * B), so a test can spell any byte, whatever the test JVM's own charset.
 */
final class BatchProcess {
  private BatchProcess() {}

  /** What the process wrote: stdout and stderr, a char per byte. */
  record Bytes(String out, String err) {}

  /**
   * Runs temacs --batch with ARGS (a char per byte) under LOCALE: the locale variables LANG,
   * LC_ALL and LC_CTYPE are removed from the environment and LOCALE's are set. Asserts the
   * process exits with status 0.
   *
   * <p>An argument that is not ASCII goes through /bin/sh, whose printf makes its bytes from
   * octal escapes: the JVM would encode it by its own charset, and could not spell a byte that
   * is not valid there.
   */
  static Bytes run(Map<String, String> locale, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    boolean bytes = args.stream().anyMatch(a -> a.chars().anyMatch(c -> c >= 0x80));
    if (bytes) {
      // Each argument is replaced, in order, by the bytes its escapes spell; the trailing x
      // keeps command substitution from dropping final newlines.
      cmd.addAll(List.of("/bin/sh", "-c",
          "for a do shift; b=$(printf '%bx' \"$a\"); set -- \"$@\" \"${b%x}\"; done; exec \"$@\"",
          "sh"));
    }
    List<String> java = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "pdmacs.cli.Main", "--temacs", "--batch"));
    java.addAll(args);
    for (String a : java) cmd.add(bytes ? escape(a) : a);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.remove("LANG");
    env.remove("LC_ALL");
    env.remove("LC_CTYPE");
    env.putAll(locale);
    File err = File.createTempFile("pdmacs-err", ".txt");
    try {
      Process p = pb.redirectError(err).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdmacs did not exit");
      assertEquals(0, p.exitValue(), () -> "stderr: " + read(err));
      return new Bytes(new String(out, StandardCharsets.ISO_8859_1), read(err));
    } finally {
      err.delete();
    }
  }

  private static String read(File f) {
    try {
      return new String(Files.readAllBytes(f.toPath()), StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** S (a char per byte) as printf's %b spells it: backslashes and non-ASCII bytes in octal. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xff) throw new IllegalArgumentException("not a byte: " + (int) c);
      if (c >= 0x80 || c == '\\') sb.append(String.format("\\0%03o", (int) c));
      else sb.append(c);
    }
    return sb.toString();
  }
}
