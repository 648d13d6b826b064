package pdmacs.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A temporary directory for a jqwik property's tries (jqwik has no @TempDir per property): made
 * by the test's constructor, deleted with everything in it by its @AfterProperty method.
 */
final class TempTree {
  private TempTree() {}

  static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
