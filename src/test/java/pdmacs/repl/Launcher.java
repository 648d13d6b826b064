package pdmacs.repl;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The command that starts pdmacs in a child JVM, on the test classpath (no build step needed). */
public final class Launcher {
  private Launcher() {}

  /** java, the flags the launcher scripts use, the classpath and Main, then ARGS. */
  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("pdmacs.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** COMMAND as one line for sh, every word single-quoted. */
  public static String shellLine(List<String> command) {
    StringBuilder sb = new StringBuilder();
    for (String w : command) {
      if (sb.length() > 0) sb.append(' ');
      sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
    }
    return sb.toString();
  }
}
