package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL as a user meets it: pdmacs started in a real pseudo-terminal (a tmux pane), keys
 * typed, the screen read back. Skipped when tmux is not installed.
 */
class TerminalReplTest {
  private static final String PROMPT = "ELISP> ";
  /** The prompt as capture-pane shows it on an empty line: trailing spaces are not kept. */
  private static final String BARE_PROMPT = "ELISP>";
  /** Printed by the pane's shell when the REPL process ends. */
  private static final String EXITED = "REPL exited with status ";

  @TempDir Path tmp;

  @BeforeAll
  static void needTmux() {
    assumeTrue(Tmux.available(), "tmux is not installed");
  }

  /** A pane running the REPL with history in HISTORY; it stays open after the REPL exits. */
  private static Tmux startRepl(Path history) throws Exception {
    String repl = Launcher.shellLine(Launcher.command("--temacs", "--repl"));
    Tmux t = Tmux.start("env PDMACS_HISTORY='" + history + "' " + repl + "; echo \"" + EXITED + "$?\"; sleep 600");
    try {
      t.waitFor(BARE_PROMPT);
    } catch (AssertionError | Exception e) {
      t.close();
      throw e;
    }
    return t;
  }

  /** C-d on an empty line: the REPL exits with status 0 (and has written its history). */
  private static void exitWithControlD(Tmux t) throws Exception {
    t.press("C-d");
    t.waitFor(EXITED + "0");
  }

  /**
   * Types INPUT and Enter, then waits for the next prompt: keys typed while an evaluation runs
   * would meet the terminal in cooked mode, not the line editor.
   */
  private static String submit(Tmux t, String input) throws Exception {
    int prompts = Tmux.occurrences(t.screen(), BARE_PROMPT);
    if (!input.isEmpty()) t.type(input);
    t.press("Enter");
    return t.waitFor(BARE_PROMPT, prompts + 1);
  }

  @Test
  void multiLineFormsErrorsAndStars() throws Exception {
    try (Tmux t = startRepl(tmp.resolve("history"))) {
      t.type("(+ 1");
      t.press("Enter");
      String screen = submit(t, "64)");
      assertTrue(screen.contains(PROMPT + "(+ 1\n       64)\n65 (#o101, #x41, ?A)\n"), screen);
      screen = submit(t, "(car 1)");
      assertTrue(screen.contains("\n*** Eval error ***  Wrong type argument: listp, 1\n"), screen);
      screen = submit(t, "(car '(x y))");
      assertTrue(screen.contains("\nx\n"), screen);
      screen = submit(t, "(princ \"out\")");
      assertTrue(screen.contains("\nout\n\"out\"\n"), "princ output, then the value on its own line:\n" + screen);
      screen = submit(t, "**");
      assertTrue(screen.contains("**\nx\n"), "** is the value before last:\n" + screen);
      exitWithControlD(t);
    }
  }

  @Test
  void controlCInterruptsAnEndlessLoopAndClearsTheLine() throws Exception {
    try (Tmux t = startRepl(tmp.resolve("history"))) {
      t.type("(while t)");
      t.press("Enter");
      // Give the loop time to start: a C-c that reached the line editor would not quit it.
      Thread.sleep(1000);
      t.press("C-c");
      t.waitFor("^C\n*** Eval error ***  Quit\n" + BARE_PROMPT);
      t.type("(car '(after-quit))");
      t.press("C-c");
      t.waitFor(BARE_PROMPT, 3);
      String screen = submit(t, "(car '(fresh))");
      assertTrue(screen.contains("\nfresh\n"), screen);
      assertFalse(screen.contains("\nafter-quit\n"), "C-c at the prompt drops the line:\n" + screen);
      exitWithControlD(t);
    }
  }

  @Test
  void tabCompletesSymbolNames() throws Exception {
    try (Tmux t = startRepl(tmp.resolve("history"))) {
      t.type("(car-sa");
      t.press("Tab");
      t.waitFor(PROMPT + "(car-safe");
      t.type(" load-pa");
      t.press("Tab");
      t.waitFor(PROMPT + "(car-safe load-path");
      String screen = submit(t, ")");
      assertTrue(screen.contains("(car-safe load-path)\n"), screen);
      exitWithControlD(t);
    }
  }

  @Test
  void historyIsKeptAcrossRunsAndControlDExits() throws Exception {
    Path history = tmp.resolve("history");
    try (Tmux t = startRepl(history)) {
      submit(t, "(car '(remembered))");
      exitWithControlD(t);
    }
    assertTrue(Files.readString(history).contains("(car '(remembered))"));
    try (Tmux t = startRepl(history)) {
      t.press("Up");
      t.waitFor(PROMPT + "(car '(remembered))");
      submit(t, "");
      t.waitFor("\nremembered\n");
      exitWithControlD(t);
    }
  }

  @Test
  void killEmacsLeavesWithItsStatus() throws Exception {
    try (Tmux t = startRepl(tmp.resolve("history"))) {
      t.type("(kill-emacs 3)");
      t.press("Enter");
      t.waitFor(EXITED + "3");
    }
  }
}
