package pdmacs.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * A dump's objects are built when first needed, so the order a session needs them in decides the
 * order they are built in; the heap must come out the same whatever it is. Each seed makes a heap
 * of symbols named rt-N (values, function definitions and property values that wait in the dump,
 * definitions, values and property lists shared between symbols, keywords, a symbol uninterned and
 * its name interned again, a second obarray), records its {@link HeapDigest} with the rt- symbols in
 * mapatoms order as the root, and dumps it. A session from the dump touches the dumped symbols in
 * a random order first (intern-soft, symbol-value, symbol-function, get, symbol-plist, a call),
 * then dumps itself again and takes the digest; a session from that second dump touches them in
 * another order and takes it too. Both must be the digest from before the first dump: the same
 * objects, sharing, names, flags and interning order.
 */
class OnDemandRoundTripTest {
  private final Path dir;

  OnDemandRoundTripTest() throws Exception {
    dir = TempTree.create("pdmacs-on-demand");
  }

  @AfterProperty
  void cleanUp() throws Exception {
    TempTree.delete(dir);
  }

  /** The rt- symbols and keywords of the main obarray in mapatoms order (temacs has no push or lambda macro). */
  static final String NAMES = "(let (syms) (mapatoms (function (lambda (s)"
      + " (if (string-match \"\\\\`:?rt-\" (symbol-name s)) (setq syms (cons s syms))))))"
      + " (nreverse syms))";

  private static String writeDigest(Path file) {
    return "(pdmacs-write-file \"" + file + "\" (pdumper--heap-digest " + NAMES + "))";
  }

  @Property(tries = 5, shrinking = ShrinkingMode.OFF)
  void symbolsBuiltInAnyOrderGiveTheHeapDumped(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    int n = 12 + r.nextInt(24);
    String source = source(seed, r, n);
    Path el = dir.resolve("heap-" + seed + ".el");
    Files.writeString(el, source, StandardCharsets.UTF_8);
    Path dump = dir.resolve("first-" + seed + ".pdmp"), again = dir.resolve("second-" + seed + ".pdmp");
    Path before = dir.resolve("before-" + seed + ".txt"), after = dir.resolve("after-" + seed + ".txt"),
        last = dir.resolve("last-" + seed + ".txt");
    Proc.run("--temacs", "--batch", "-l", el.toString(), "--eval", writeDigest(before),
        "--eval", "(dump-emacs-portable \"" + dump + "\")").ok();
    String touchA = touches(r, n), touchB = touches(r, n);
    Proc.run("--dump-file=" + dump, "--batch", "--eval", touchA,
        "--eval", "(dump-emacs-portable \"" + again + "\")", "--eval", writeDigest(after)).ok();
    Proc.run("--dump-file=" + again, "--batch", "--eval", touchB, "--eval", writeDigest(last)).ok();
    String expected = Files.readString(before);
    String context = "seed " + seed + ", source:\n" + source + "\nfirst touches: " + touchA;
    assertSameDigest(expected, Files.readString(after), context);
    assertSameDigest(expected, Files.readString(last), context + "\nsecond touches: " + touchB);
  }

  /** Fails at the first line where the digests differ (a whole digest can be megabytes). */
  static void assertSameDigest(String expected, String actual, String context) {
    if (expected.equals(actual)) return;
    String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
    int i = 0;
    while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
    assertEquals(i < e.length ? e[i] : "<end>", i < a.length ? a[i] : "<end>",
        "digest line " + (i + 1) + " of " + e.length + " differs; " + context);
  }

  /**
   * The heap of seed SEED: N symbols rt-0.., set by one form (so that the #N= labels of the
   * random data reach across symbols), then a few uninterned, some of their names interned again.
   */
  static String source(long seed, Random r, int n) {
    RandomHeapRoundTripTest.HeapSource data = new RandomHeapRoundTripTest.HeapSource(seed);
    StringBuilder vector = new StringBuilder("[");
    StringBuilder body = new StringBuilder();
    List<Integer> functions = new ArrayList<>(), properties = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String sym = "'rt-" + i;
      int k = i; // the vector's element I is symbol I's datum
      switch (r.nextInt(7)) {
        case 0:
          vector.append(data.datum(1));
          body.append("(setq rt-").append(i).append(" (aref d ").append(k).append("))\n");
          break;
        case 1:
          // A definition that waits in the dump until first called or read.
          vector.append("(lambda (x) (quote ").append(data.datum(2)).append("))");
          body.append("(fset ").append(sym).append(" (aref d ").append(k).append("))\n");
          functions.add(i);
          break;
        case 2:
          vector.append(data.datum(1));
          body.append("(put ").append(sym).append(" 'p (aref d ").append(k).append("))\n");
          break;
        case 3:
          // Property values that wait too: a function, a record.
          vector.append(r.nextBoolean() ? "(lambda () (quote " + data.datum(2) + "))" : "#s(rt-type " + data.datum(2) + ")");
          body.append("(put ").append(sym).append(" 'f (aref d ").append(k).append("))\n");
          properties.add(i);
          break;
        case 4:
          vector.append("(:rt-kw-").append(r.nextInt(4)).append(" rt-").append(r.nextInt(n)).append(" #:rt-g)");
          body.append("(setq rt-").append(i).append(" (aref d ").append(k).append("))\n");
          break;
        default: {
          // Sharing with an earlier symbol's definition, property value or property list.
          vector.append("nil");
          int j = functions.isEmpty() ? -1 : functions.get(r.nextInt(functions.size()));
          int p = properties.isEmpty() ? -1 : properties.get(r.nextInt(properties.size()));
          List<String> shares = new ArrayList<>();
          if (j >= 0) {
            shares.add("(fset " + sym + " (symbol-function 'rt-" + j + "))");
            shares.add("(setq rt-" + i + " (list (symbol-function 'rt-" + j + ") (get 'rt-" + r.nextInt(n) + " 'f)))");
            shares.add("(put " + sym + " 'f (symbol-function 'rt-" + j + "))");
          }
          if (p >= 0) {
            shares.add("(setq rt-" + i + " (symbol-plist 'rt-" + p + "))");
            shares.add("(setq rt-" + i + " (list 'x (cdr (symbol-plist 'rt-" + p + "))))");
          }
          if (!shares.isEmpty()) body.append(shares.get(r.nextInt(shares.size()))).append('\n');
        }
      }
      vector.append('\n');
    }
    body.append("(setq rt-ob (obarray-make))\n");
    body.append("(put 'rt-0 'ob (list (intern \"rt-0\" rt-ob) (intern \"q\" rt-ob) rt-ob))\n");
    for (int i = r.nextInt(4); i > 0; i--) {
      int j = r.nextInt(n);
      body.append("(unintern \"rt-").append(j).append("\" obarray)\n");
      // The old symbol keeps its value; its name, interned again, is a new symbol.
      if (r.nextBoolean()) body.append("(setq rt-").append(j).append(" '").append(data.datum(2)).append(")\n");
      if (r.nextBoolean()) body.append("(set (intern \"rt-").append(j).append("\") '").append(data.datum(2)).append(")\n");
    }
    return ";; -*- lexical-binding: t -*-\n(define-hash-table-test 'random-test 'equal 'sxhash-equal)\n"
        + "(let ((d '" + vector + "]))\n" + body + ")\n";
  }

  /** A form that touches dumped symbols in a random order, changing nothing. */
  static String touches(Random r, int n) {
    StringBuilder sb = new StringBuilder("(progn");
    for (int i = 2 * n; i > 0; i--) {
      String name = r.nextInt(10) == 0 ? ":rt-kw-" + r.nextInt(5) : "rt-" + r.nextInt(n + 3);
      String sym = "(intern-soft \"" + name + "\")";
      String[] kinds = {
        sym,
        "(condition-case nil (symbol-value " + sym + ") (error nil))",
        "(symbol-function " + sym + ")",
        "(get " + sym + " '" + (r.nextBoolean() ? "p" : "f") + ")",
        "(symbol-plist " + sym + ")",
        "(condition-case nil (funcall " + sym + " 1) (error nil))",
      };
      sb.append("\n ").append(kinds[r.nextInt(kinds.length)]);
    }
    return sb.append("\n nil)").toString();
  }

  /** Every symbol of the main obarray, in mapatoms order. */
  static final String ALL = "(let (syms) (mapatoms (function (lambda (s) (setq syms (cons s syms))))) (nreverse syms))";

  /**
   * The whole library: dumped by temacs, loaded, a few of its symbols used, dumped again from
   * that session (which builds what was still waiting), loaded again: every symbol, its cells
   * and what they reach, in the obarray's order, as before the first dump.
   */
  @Example
  void theLibraryDumpedAgainFromADumpedSession() throws Exception {
    Path first = dir.resolve("library.pdmp"), second = dir.resolve("library-again.pdmp");
    Path before = dir.resolve("library-before.txt"), after = dir.resolve("library-after.txt");
    String digest = "(pdmacs-write-file \"%s\" (pdumper--heap-digest " + ALL + "))";
    Proc.run("--temacs", "--batch", "-l", "loadup.el", "--eval", String.format(digest, before),
        "--eval", "(dump-emacs-portable \"" + first + "\")").ok();
    Proc.run("--dump-file=" + first, "--batch", "--eval", "(list (string-trim \" x \") (intern-soft \"cl-loop\")"
        + " (symbol-function 'seq-map) (get 'setf 'gv-expander) (macroexpand '(pcase-let ((`(,a) '(1))) a)))",
        "--eval", "(dump-emacs-portable \"" + second + "\")").ok();
    Proc.run("--dump-file=" + second, "--batch", "--eval", "(list (get 'cl-loop 'lisp-indent-function) (string-trim \"y \"))",
        "--eval", String.format(digest, after)).ok();
    assertSameDigest(Files.readString(before), Files.readString(after), "the library");
  }

  /**
   * A property value that is a function waits in the dump, in its cons of the property list; a
   * property list that something else holds too (a variable here) must not hide one there, where
   * Lisp would see the waiting value itself, and a dump of the session could not write it.
   */
  @Example
  void aPropertyListHeldElsewhereShowsItsValues() throws Exception {
    Path first = dir.resolve("held.pdmp"), second = dir.resolve("held-again.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(put 'owner 'f (function (lambda (x) (+ x 100))))",
        "--eval", "(put 'owner 'g #s(rt-type 1))",
        "--eval", "(setq held (symbol-plist 'owner) tail (nthcdr 3 (symbol-plist 'owner)))",
        "--eval", "(dump-emacs-portable \"" + first + "\")").ok();
    String check = "(prin1 (list (funcall (car (cdr held)) 1) (car tail) (eq (car tail) (get 'owner 'g))))";
    assertEquals("(101 #s(rt-type 1) t)", Proc.run("--dump-file=" + first, "--batch", "--eval", check).ok().out);
    // A built-in symbol's property holds the list now: the dump walks it before the owner.
    Proc.run("--dump-file=" + first, "--batch", "--eval", "(put 'car 'held (list held tail))",
        "--eval", "(dump-emacs-portable \"" + second + "\")").ok();
    assertEquals("(101 #s(rt-type 1) t)", Proc.run("--dump-file=" + second, "--batch", "--eval", check).ok().out);
  }

  /**
   * More dumped symbols than the obarray has room for before it grows, all built at load (a
   * built-in symbol's property refers to them): each must be found by its name. The obarray once
   * dropped the ones placed before it grew.
   */
  @Example
  void manySymbolsBuiltAtLoadAreFoundByName() throws Exception {
    Path dump = dir.resolve("many.pdmp");
    Proc.run("--temacs", "--batch", "--eval", "(let ((l nil) (i 0)) (while (< i 6000)"
        + " (setq l (cons (intern (format \"many-%d\" i)) l)) (setq i (1+ i))) (put 'car 'many l))",
        "--eval", "(dump-emacs-portable \"" + dump + "\")").ok();
    Proc p = Proc.run("--dump-file=" + dump, "--batch", "--eval", "(let ((found 0) (l (get 'car 'many)))"
        + " (while l (if (eq (car l) (intern-soft (symbol-name (car l)))) (setq found (1+ found)))"
        + " (setq l (cdr l))) (prin1 found))").ok();
    assertEquals("6000", p.out);
  }
}
