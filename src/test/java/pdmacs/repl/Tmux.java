package pdmacs.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server (its own socket) holding one pane: a real pseudo-terminal the REPL runs
 * in, typed into with send-keys and read back with capture-pane.
 */
final class Tmux implements AutoCloseable {
  private static final long WAIT_MILLIS = 30_000;
  private final String socket;

  private Tmux(String socket) {
    this.socket = socket;
  }

  static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts SHELL_COMMAND in a fresh 100x40 pane on a new server. */
  static Tmux start(String shellCommand) throws IOException, InterruptedException {
    Tmux t = new Tmux("pdmacs-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    t.tmux("new-session", "-d", "-x", "100", "-y", "40", shellCommand);
    return t;
  }

  /** Types TEXT literally. */
  void type(String text) throws IOException, InterruptedException {
    tmux("send-keys", "-l", text);
  }

  /** Presses keys by tmux name: Enter, Tab, C-c, C-d, Up. */
  void press(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys"));
    args.addAll(List.of(keys));
    tmux(args.toArray(new String[0]));
  }

  String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p");
  }

  /** Waits until the screen shows TEXT COUNT times; fails with the screen if it never does. */
  String waitFor(String text, int count) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String s = screen();
    while (occurrences(s, text) < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("screen never showed " + count + " x [" + text + "]:\n" + s);
      }
      Thread.sleep(50);
      s = screen();
    }
    return s;
  }

  String waitFor(String text) throws IOException, InterruptedException {
    return waitFor(text, 1);
  }

  static int occurrences(String s, String text) {
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) n++;
    return n;
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    tmux("kill-server");
  }
}
