package pdmacs.cli;

/** The text of --help. */
final class Help {
  private Help() {}

  static final String TEXT = String.join("\n",
      "Usage: emacs [OPTION]...",
      "       temacs [OPTION]...",
      "",
      "pdmacs: an Emacs-like Lisp runtime with a portable dumper.",
      "",
      "Start-up options (taken before anything runs):",
      "  --batch                 do not start the REPL; exit when the actions are done",
      "  --dump-file=FILE        start from the dump FILE instead of emacs.pdmp",
      "  --fingerprint           print the runtime's fingerprint and exit",
      "  -Q, -q, -nw             accepted for compatibility; there are no init files",
      "  --help                  print this help and exit",
      "  --version               print the version and exit",
      "",
      "Actions (run in order):",
      "  -l FILE, --load=FILE    load the Lisp file FILE (found on load-path too)",
      "  -L DIR, --directory=DIR add DIR to the front of load-path",
      "  --eval=EXPR             evaluate the Lisp expression EXPR (lexical binding)",
      "  -f FUNC, --funcall=FUNC call the Lisp function FUNC with no arguments",
      "  --script FILE           run FILE as a batch script (implies --batch)",
      "  --kill                  exit now",
      "",
      "Without --batch, emacs starts an interactive REPL on a terminal, or reads forms",
      "from standard input and prints each value when it is not a terminal.",
      "",
      "Files:",
      "  emacs.pdmp              the dump next to the launcher, made by `make`",
      "",
      "") ;
}
