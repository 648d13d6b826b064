package pdmacs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmacs.repl.Launcher;

class CommandLineTest {
  @TempDir Path tmp;

  /** The argument vector that uses option spelling NAME (with an argument when it takes one). */
  private static String[] use(CommandLine.Option o, String name) {
    if (o.arg == null) return new String[] {name};
    return new String[] {name, "x"};
  }

  @Test
  void everyOptionParsesAndIsInTheHelp() throws Exception {
    String help = Help.text();
    for (CommandLine.Option o : CommandLine.Option.values()) {
      for (String name : o.names) {
        assertTrue(help.contains(name), "--help lists " + name);
        if (o != CommandLine.Option.TEMACS) CommandLine.parse(use(o, name));
      }
      assertTrue(help.contains(o.description), "--help describes " + o);
    }
  }

  @Test
  void actionsKeepTheirOrderAndArguments() throws Exception {
    CommandLine cl = CommandLine.parse(new String[] {"-L", "dir", "--eval=(foo)", "-l", "f", "-f", "g", "--", "-x"});
    List<String> kinds = cl.actions.stream().map(a -> a.kind + ":" + a.arg).collect(java.util.stream.Collectors.toList());
    assertEquals(List.of("directory:dir", "eval:(foo)", "load:f", "funcall:g", "file:-x"), kinds);
    assertEquals(List.of("-L", "dir", "--eval=(foo)", "-l", "f", "-f", "g", "--", "-x"), cl.all);
  }

  @Test
  void whoStartsTheRepl() throws Exception {
    assertTrue(CommandLine.parse(new String[] {}).startsRepl());
    assertFalse(CommandLine.parse(new String[] {"--batch"}).startsRepl());
    assertFalse(CommandLine.parse(new String[] {"--script", "f"}).startsRepl());
    assertFalse(CommandLine.parse(new String[] {"--temacs"}).startsRepl());
    assertTrue(CommandLine.parse(new String[] {"--temacs", "--repl"}).startsRepl());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals("unrecognized option '--bogus'",
        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"--bogus"})).getMessage());
    assertEquals("option '--eval' requires an argument",
        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"--eval"})).getMessage());
    assertEquals("option '--batch' doesn't allow an argument",
        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"--batch=1"})).getMessage());
    // --temacs is the launcher's first word, not an option a user passes later.
    assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"--batch", "--temacs"}));
  }

  /** Runs the launcher in a child JVM: exit status, stdout, stderr. */
  private String[] launch(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Launcher.command(args)).directory(tmp.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new String[] {String.valueOf(p.exitValue()), out, err};
  }

  @Test
  void unknownOptionExitsWithStatusTwoAndAClearMessage() throws Exception {
    String[] r = launch("--no-such-option");
    assertEquals("2", r[0]);
    assertEquals("", r[1]);
    assertEquals("emacs: unrecognized option '--no-such-option'\nTry 'emacs --help' for more information.\n", r[2]);
  }

  @Test
  void helpAndVersion() throws Exception {
    String[] help = launch("--help");
    assertEquals("0", help[0]);
    assertEquals(Help.text(), help[1]);
    String[] version = launch("--version");
    assertEquals("0", version[0]);
    assertTrue(version[1].startsWith("pdmacs " + pdmacs.runtime.Version.VERSION), version[1]);
  }

  @Test
  void loadFindsFilesOnLoadPathLikeEmacs() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("site"));
    Files.writeString(dir.resolve("greet.el"), "(princ \"hello from load-path\")\n");
    String[] r = launch("--temacs", "-L", "site", "-l", "greet");
    assertEquals("0", r[0], r[2]);
    assertEquals("hello from load-path", r[1]);
    String[] missing = launch("--temacs", "-l", "nosuch");
    assertEquals("255", missing[0]);
    assertEquals("Cannot open load file: No such file or directory, nosuch\n", missing[2]);
  }
}
