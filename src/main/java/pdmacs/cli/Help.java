package pdmacs.cli;

/** The text of --help, built from {@link CommandLine.Option} so it lists every option there is. */
final class Help {
  private Help() {}

  /** Width of the option column; longer spellings push the description to the next line. */
  private static final int COLUMN = 26;
  /** Lines of option spellings are wrapped to this width. */
  private static final int WIDTH = 78;

  static String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: emacs [OPTION]... [FILE]...\n");
    sb.append("       temacs [OPTION]... [FILE]...\n\n");
    sb.append("pdmacs: an Emacs-like Lisp runtime with a portable dumper.\n");
    for (CommandLine.Section section : CommandLine.Section.values()) {
      sb.append('\n').append(section.heading).append('\n');
      for (CommandLine.Option o : CommandLine.Option.values()) {
        if (o.section == section) appendOption(sb, o);
      }
    }
    sb.append("\nWithout --batch, emacs starts an interactive REPL (prompt ELISP>) on a terminal,\n");
    sb.append("or reads forms from standard input and prints each value when it is not one.\n");
    sb.append("In the REPL: TAB completes symbols, C-c interrupts an evaluation (or clears the\n");
    sb.append("line), C-d on an empty line exits; *, ** and *** hold the last three values.\n");
    sb.append("\nFiles and environment:\n");
    sb.append("  emacs.pdmp                the dump next to the launcher, made by `make`\n");
    sb.append("  ~/.pdmacs_history         REPL history (PDMACS_HISTORY names another file)\n");
    return sb.toString();
  }

  /** One option: its spellings with the argument (wrapped at 78 columns), then the description. */
  private static void appendOption(StringBuilder sb, CommandLine.Option o) {
    StringBuilder line = new StringBuilder("  ");
    for (int i = 0; i < o.names.length; i++) {
      String n = o.names[i];
      String spelling = n + (o.arg == null ? "" : (n.startsWith("--") ? "=" : " ") + o.arg);
      String sep = i + 1 < o.names.length ? "," : "";
      if (i > 0 && line.length() + 1 + spelling.length() + sep.length() > WIDTH) {
        sb.append(line).append('\n');
        line.setLength(0);
        line.append("  ");
      } else if (i > 0) {
        line.append(' ');
      }
      line.append(spelling).append(sep);
    }
    if (line.length() + 1 > COLUMN) {
      sb.append(line).append('\n');
      line.setLength(0);
    }
    sb.append(line).append(" ".repeat(COLUMN - line.length())).append(o.description).append('\n');
  }
}
