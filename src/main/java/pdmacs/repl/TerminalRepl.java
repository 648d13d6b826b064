package pdmacs.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import pdmacs.eval.Quit;
import pdmacs.subr.Print;

/**
 * The interactive REPL on a terminal, built on jline3, in the manner of ielm: an
 * {@code ELISP> } prompt, forms that span lines, history kept across runs, tab completion of
 * symbols, strings and comments coloured and the paren pair at the cursor highlighted (jline
 * also blinks the opener when a close paren is typed), C-c to interrupt an evaluation (it
 * signals {@code quit}) or clear the line, C-d on an empty line to leave.
 *
 * <p>This class and the rest of {@code pdmacs.repl} that names jline are loaded only when the
 * REPL starts, so batch runs never pay for jline.
 */
public final class TerminalRepl {
  static final String PROMPT = "ELISP> ";
  /** Continuation lines are padded with spaces to the prompt's width. */
  private static final String CONTINUATION_PROMPT = "%P ";

  private final Terminal terminal;
  private final LineReader reader;
  private final ReplEvaluator evaluator = new ReplEvaluator();
  private LineStartTracker lispOutput;
  /** Set by C-c during an evaluation: the terminal echoed ^C and the line needs ending. */
  private volatile boolean interruptEchoed;

  /** Runs the REPL on the process's terminal; the exit status. */
  public static int start() {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).name("pdmacs").build();
    } catch (IOException | RuntimeException e) {
      System.err.println("emacs: cannot open the terminal: " + e.getMessage());
      return 1;
    }
    try {
      return new TerminalRepl(terminal, historyFile()).run();
    } finally {
      closeQuietly(terminal);
    }
  }

  /** $PDMACS_HISTORY, else ~/.pdmacs_history. */
  static Path historyFile() {
    String env = System.getenv("PDMACS_HISTORY");
    if (env != null && !env.isEmpty()) return Paths.get(env);
    return Paths.get(System.getProperty("user.home"), ".pdmacs_history");
  }

  TerminalRepl(Terminal terminal, Path history) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("pdmacs")
        .parser(new FormParser())
        .completer(new SymbolCompleter())
        .highlighter(new LispHighlighter())
        .variable(LineReader.HISTORY_FILE, history)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        // `!' and `^' are ordinary symbol characters in Lisp, not history references.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  /** The loop: read a complete input, evaluate and show it, until C-d. Returns 0. */
  int run() {
    terminal.handle(Terminal.Signal.INT, signal -> {
      interruptEchoed = true;
      Quit.pending = true;
    });
    PrintStream savedStdout = Print.stdout;
    lispOutput = new LineStartTracker(savedStdout);
    Print.stdout = new PrintStream(lispOutput, false, StandardCharsets.UTF_8);
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        evaluator.evalInput(input, this::show);
      }
    } finally {
      Print.stdout.flush();
      Print.stdout = savedStdout;
      saveHistory();
    }
    return 0;
  }

  /** Shows one line of the REPL's own output, after whatever Lisp printed. */
  private void show(String line) {
    Print.stdout.flush();
    PrintWriter w = terminal.writer();
    if (!lispOutput.atLineStart() || interruptEchoed) w.println();
    interruptEchoed = false;
    w.println(line);
    w.flush();
    lispOutput.markLineStart();
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      System.err.println("emacs: cannot save REPL history: " + e.getMessage());
    }
  }

  private static void closeQuietly(Terminal terminal) {
    try {
      terminal.close();
    } catch (IOException e) {
      // Nothing useful to do: the process is about to exit.
    }
  }
}
