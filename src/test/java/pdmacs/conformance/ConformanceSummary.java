package pdmacs.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints every failing conformance form with GNU Emacs's and pdmacs's lines, then the totals:
 * {@code java -cp target/classes:target/test-classes pdmacs.conformance.ConformanceSummary [FILTER]}.
 * FILTER limits the run to fixtures whose name contains it.
 */
public final class ConformanceSummary {
  private ConformanceSummary() {}

  private static String indent(String text) {
    return text.strip().replace("\n", "\n          ");
  }

  public static void main(String[] args) throws Exception {
    String filter = args.length > 0 ? args[0] : "";
    int total = 0, passed = 0, missing = 0;
    for (Path el : ConformanceTest.fixtures()) {
      if (!el.getFileName().toString().contains(filter)) continue;
      int filePassed = 0;
      List<ConformanceTest.Outcome> outcomes = ConformanceTest.run(Fixture.load(el));
      for (ConformanceTest.Outcome o : outcomes) {
        if (o.passed()) {
          filePassed++;
          continue;
        }
        if (o.missingFunction() != null) missing++;
        System.out.println((o.missingFunction() != null ? "MISSING " : "FAIL ") + o.name());
        System.out.println("  emacs:  " + indent(o.expected()));
        System.out.println("  pdmacs: " + indent(o.actual()));
      }
      System.out.println(el.getFileName() + ": " + filePassed + "/" + outcomes.size());
      total += outcomes.size();
      passed += filePassed;
    }
    System.out.println("TOTAL: " + passed + "/" + total + " passed, " + missing
        + " need a function not written yet, " + (total - passed - missing) + " wrong");
    System.exit(0);
  }
}
