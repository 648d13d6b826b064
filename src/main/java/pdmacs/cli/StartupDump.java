package pdmacs.cli;

/** Finds and loads the dump early in main, before any Lisp runs. */
final class StartupDump {
  private StartupDump() {}

  static int load(String dumpFile) {
    System.err.println("emacs: no dump loader yet");
    return 1;
  }

  static void runAfterLoadHook() {}
}
