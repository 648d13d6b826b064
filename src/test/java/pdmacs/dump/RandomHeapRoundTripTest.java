package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Random heaps round-trip: jqwik picks seeds, each seed generates Lisp source for a random
 * object graph (every dumpable type, shared and circular structure through #N= labels,
 * uninterned symbols, bignums, big strings, hash tables of every test, records), one process
 * loads it, records its {@link HeapDigest} and dumps it, and a fresh process loads the dump and
 * must produce the same digest.
 */
class RandomHeapRoundTripTest {
  private final Path dir;

  RandomHeapRoundTripTest() throws Exception {
    dir = TempTree.create("pdmacs-random-heap");
  }

  @AfterProperty
  void cleanUp() throws Exception {
    TempTree.delete(dir);
  }

  @Property(tries = 12)
  void randomHeapSurvivesDumpAndLoad(@ForAll long seed) throws Exception {
    String source = ";; -*- lexical-binding: t -*-\n"
        + "(define-hash-table-test 'random-test 'equal 'sxhash-equal)\n"
        + "(setq roots-all '" + new HeapSource(seed).roots(8) + ")\n";
    Path el = dir.resolve("heap-" + seed + ".el");
    Files.writeString(el, source, StandardCharsets.UTF_8);
    Path dump = dir.resolve("heap-" + seed + ".pdmp");
    Path before = dir.resolve("before-" + seed + ".txt");
    Path after = dir.resolve("after-" + seed + ".txt");
    String digest = "(pdmacs-write-file \"%s\" (pdumper--heap-digest roots-all))";
    Proc.run("--temacs", "--batch", "-l", el.toString(), "--eval", String.format(digest, before),
        "--eval", "(dump-emacs-portable \"" + dump + "\")").ok();
    Proc.run("--dump-file=" + dump, "--batch", "--eval", String.format(digest, after)).ok();
    String expected = Files.readString(before);
    assertEquals(expected, Files.readString(after), "seed " + seed + ", source:\n" + source);
  }

  /** Generates the text of one random datum, with labels for sharing and cycles. */
  static final class HeapSource {
    private final Random r;
    private int nextLabel = 1;
    /** Labels that may be referenced: finished ones (sharing) and enclosing ones (cycles). */
    private final List<Integer> labels = new ArrayList<>();

    HeapSource(long seed) {
      r = new Random(seed);
    }

    /** A vector of N random data: the root of one heap. */
    String roots(int n) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < n; i++) sb.append(datum(1)).append('\n');
      return sb.append(']').toString();
    }

    String datum(int depth) {
      int pick = r.nextInt(depth > 5 ? 9 : 16);
      switch (pick) {
        case 0: return Long.toString(r.nextInt(2001) - 1000);
        case 1: return Long.toString(r.nextBoolean() ? (1L << 61) - 1 - r.nextInt(5) : -(1L << 61) + r.nextInt(5));
        case 2: return bignum();
        case 3: return floatText();
        case 4: return string(r.nextInt(20) == 0 ? 100_000 + r.nextInt(1000) : r.nextInt(30));
        case 5: return "sym-" + r.nextInt(50);
        case 6: return "#:g" + r.nextInt(10);
        case 7:
        case 8: return labels.isEmpty() ? list(depth) : "#" + labels.get(r.nextInt(labels.size())) + "#";
        case 9:
        case 10: return labelled(() -> list(depth));
        case 11: return labelled(() -> vector(depth));
        case 12: return boolVector();
        case 13: return labelled(() -> hashTable(depth));
        case 14: return labelled(() -> record(depth));
        default: return labelled(() -> "(" + datum(depth + 1) + " . " + datum(depth + 1) + ")");
      }
    }

    private String labelled(java.util.function.Supplier<String> body) {
      if (r.nextInt(3) != 0) return body.get();
      int n = nextLabel++;
      labels.add(n);
      return "#" + n + "=" + body.get();
    }

    private String list(int depth) {
      StringBuilder sb = new StringBuilder("(");
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(datum(depth + 1));
      return sb.append(')').toString();
    }

    private String vector(int depth) {
      StringBuilder sb = new StringBuilder("[");
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(datum(depth + 1));
      return sb.append(']').toString();
    }

    /** #s(TYPE SLOT...): the type a symbol, or now and then a record naming it (as EIEIO's). */
    private String record(int depth) {
      StringBuilder sb = new StringBuilder("#s(");
      sb.append(r.nextInt(4) == 0 ? "#s(class type-" + r.nextInt(5) + ")" : "type-" + r.nextInt(5));
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) sb.append(' ').append(datum(depth + 1));
      return sb.append(')').toString();
    }

    private String hashTable(int depth) {
      String[] tests = {"eq", "eql", "equal", "random-test"};
      StringBuilder sb = new StringBuilder("#s(hash-table test ").append(tests[r.nextInt(4)]).append(" data (");
      int n = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        String key = r.nextBoolean() ? Integer.toString(i) : r.nextBoolean() ? "\"k" + i + "\"" : "key-" + i;
        sb.append(key).append(' ').append(datum(depth + 1)).append(' ');
      }
      return sb.append("))").toString();
    }

    private String boolVector() {
      int bits = r.nextInt(40);
      StringBuilder sb = new StringBuilder("#&").append(bits).append('"');
      for (int i = 0; i < (bits + 7) / 8; i++) {
        int v = r.nextInt(256);
        if (i == (bits + 7) / 8 - 1 && bits % 8 != 0) v &= (1 << (bits % 8)) - 1;
        sb.append('\\').append(Integer.toOctalString(v));
      }
      return sb.append('"').toString();
    }

    private String bignum() {
      StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
      sb.append(1 + r.nextInt(9));
      int n = 19 + r.nextInt(60);
      for (int i = 0; i < n; i++) sb.append(r.nextInt(10));
      return sb.toString();
    }

    private String floatText() {
      String[] special = {"0.0", "-0.0", "1.0e+INF", "-1.0e+INF", "0.0e+NaN", "1e-300", "1.7976931348623157e+308"};
      if (r.nextInt(4) == 0) return special[r.nextInt(special.length)];
      return pdmacs.print.FloatFormat.toLisp(r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
    }

    private String string(int length) {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < length; i++) {
        int kind = r.nextInt(10);
        int c = kind < 6 ? 'a' + r.nextInt(26) : kind < 8 ? 0xa0 + r.nextInt(0x2000) : kind < 9 ? 0x1F600 + r.nextInt(50) : ' ';
        if (Character.isSurrogate((char) c)) c = 'x';
        if (c == '"' || c == '\\') sb.append('\\');
        sb.appendCodePoint(c);
      }
      return sb.append('"').toString();
    }
  }
}
