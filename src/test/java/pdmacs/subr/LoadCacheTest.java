package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmacs.eval.LispRunner;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Symbol;

/**
 * The expanded forms load keeps for the files of load--keep-expansions (LoadCache): a later
 * load of the unchanged file evaluates them without expanding again, on fresh objects, once;
 * a changed file, or a second later load, is read and expanded as usual; and the copies keep a
 * form's sharing and make new uninterned symbols, as reading would.
 */
class LoadCacheTest {
  /**
   * A file whose macro counts its expansions, and whose forms count their evaluations and
   * set a variable to a quoted list. The bare runtime has no macroexp.el, so the test gives
   * load a top-level expander.
   */
  private static final String FILE = ";; -*- lexical-binding: t -*-\n"
      + "(defvar lc-test-loads 0)\n"
      + "(setq lc-test-loads (1+ lc-test-loads))\n"
      + "(lc-test-m)\n"
      + "(defalias 'lc-test-f (function (lambda () lc-test-loads)))\n";

  @Test
  void keptFormsAreEvaluatedOnceWithoutExpanding(@TempDir Path dir) throws IOException {
    LispRunner.run("(defalias 'internal-macroexpand-for-load"
        + " (function (lambda (form _full) (macroexpand form))))");
    LispRunner.run("(setq lc-test-expansions 0)");
    LispRunner.run("(defalias 'lc-test-m (cons 'macro (function (lambda ()"
        + " (setq lc-test-expansions (1+ lc-test-expansions))"
        + " (list 'setq 'lc-test-v (list 'quote (list 'a (string ?b))))))))");
    Path file = dir.resolve("lc-test-file.el");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    String load = "(load \"" + file + "\" nil t)";
    try {
      LispRunner.run("(let ((load--keep-expansions '(\"lc-test-file\"))) " + load + ")");
      assertEquals("(1 1 (a \"b\"))", LispRunner.run("(list lc-test-loads lc-test-expansions lc-test-v)"));
      LispRunner.run("(setcar lc-test-v 'changed)");
      LispRunner.run("(aset (cadr lc-test-v) 0 ?c)");
      // The kept forms: evaluated, not expanded again, and not the objects the first load used.
      LispRunner.run(load);
      assertEquals("(2 1 (a \"b\") 2)", LispRunner.run("(list lc-test-loads lc-test-expansions lc-test-v (lc-test-f))"));
      // Taken by that load: the next one reads and expands.
      LispRunner.run(load);
      assertEquals("(3 2 (a \"b\"))", LispRunner.run("(list lc-test-loads lc-test-expansions lc-test-v)"));
      // A changed file is never taken from the cache.
      LispRunner.run("(let ((load--keep-expansions '(\"lc-test-file\"))) " + load + ")");
      Files.writeString(file, FILE + "(setq lc-test-loads 100)\n", StandardCharsets.UTF_8);
      LispRunner.run(load);
      assertEquals("(100 4)", LispRunner.run("(list lc-test-loads lc-test-expansions)"));
    } finally {
      LispRunner.run("(fset 'internal-macroexpand-for-load nil)");
    }
  }

  @Test
  void aFileLoadedByARecordedFileIsNotPartOfIt(@TempDir Path dir) throws IOException {
    Path inner = dir.resolve("lc-test-inner.el");
    Files.writeString(inner, "(setq lc-test-inner (1+ lc-test-inner))\n", StandardCharsets.UTF_8);
    Path outer = dir.resolve("lc-test-outer.el");
    Files.writeString(outer, "(setq lc-test-outer (1+ lc-test-outer))\n(load \"" + inner + "\" nil t)\n",
        StandardCharsets.UTF_8);
    LispRunner.run("(setq lc-test-inner 0 lc-test-outer 0)");
    LispRunner.run("(let ((load--keep-expansions '(\"lc-test-outer\"))) (load \"" + outer + "\" nil t))");
    LispRunner.run("(load \"" + outer + "\" nil t)");
    assertEquals("(2 2)", LispRunner.run("(list lc-test-outer lc-test-inner)"));
  }

  @Test
  void copiesKeepSharingAndMakeNewUninternedSymbols() {
    Symbol g = Symbol.uninterned("g");
    Cons shared = new Cons(Lisp.intern("x"), Lisp.NIL);
    LString s = new LString("str");
    Object form = Lisp.list(g, shared, shared, new LVector(new Object[] {s, g}), s, 1.5);
    Object copy = LoadCache.copy(form);
    Object[] c = pdmacs.subr.Fns.mapElements(copy);
    assertTrue(c[0] instanceof Symbol && !((Symbol) c[0]).interned);
    assertNotSame(g, c[0]);
    assertEquals("g", ((Symbol) c[0]).name());
    assertSame(c[1], c[2]);
    assertNotSame(shared, c[1]);
    assertSame(Lisp.intern("x"), ((Cons) c[1]).car);
    LVector v = (LVector) c[3];
    assertSame(c[0], v.items[1]);
    assertSame(c[4], v.items[0]);
    assertNotSame(s, c[4]);
    assertEquals("str", ((LString) c[4]).str());
    // A cycle comes back as a cycle.
    Cons loop = new Cons(1L, Lisp.NIL);
    loop.cdr = loop;
    Cons loopCopy = (Cons) LoadCache.copy(loop);
    assertSame(loopCopy, loopCopy.cdr);
    // Nothing the reader would not make: no copy.
    assertNull(LoadCache.copy(Lisp.list(1L, LispRunner.eval("(make-hash-table)"))));
  }
}
