package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import pdmacs.eval.Eval;
import pdmacs.eval.LispRunner;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Symbol;
import pdmacs.print.Printer;
import pdmacs.read.Reader;

import static pdmacs.lisp.Lisp.NIL;

/**
 * backquote--process in Java against the Lisp expander it replaced (kept as
 * backquote-reference.el): on random structures of lists, dotted lists, vectors, quotes and
 * unquotes at every depth, malformed ones included, both give the same expansion or the same
 * error.
 */
class BackquoteTest {
  private static final Symbol JAVA = Lisp.intern("backquote--process");
  private static final Symbol LISP = Lisp.intern("bq-ref--process");

  static {
    LispRunner.eval("nil");
    try (InputStream in = BackquoteTest.class.getResourceAsStream("backquote-reference.el")) {
      Reader r = new Reader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (r.skipWhitespace()) Eval.eval(r.read(), Lisp.list(Lisp.T));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Property(tries = 1500, shrinking = ShrinkingMode.OFF)
  void sameExpansionAsTheLispVersion(@ForAll long seed) {
    Random r = new Random(seed);
    Object form = gen(r, 4);
    String shown = Printer.prin1ToString(form);
    for (long depth = 0; depth < 2; depth++) {
      assertEquals(expand(LISP, form, depth), expand(JAVA, form, depth), shown + " at depth " + depth);
    }
  }

  @Test
  void knownShapes() {
    String[][] cases = {
        {"(a ,b ,@c d)", "(append (list 'a b) c (list 'd))"},
        {"(a ,@b)", "(append (list 'a) b)"},
        {"(a b . ,c)", "(cons 'a (cons 'b c))"},
        {"(,@a)", "a"},
        {"(,@a ,@b)", "(append a b)"},
        {"(a . ,b)", "(cons 'a b)"},
        {"(a ,b)", "(list 'a b)"},
        {"[a ,b ,@c]", "(vconcat (append (list 'a b) c))"},
        {"(a [b] :k t nil 1 \"s\")", "'(a [b] :k t nil 1 \"s\")"},
        {"(a `(b ,(c ,d)))", "(list 'a (list '\\` (list 'b (list '\\, (list 'c d)))))"},
    };
    for (String[] c : cases) {
      Object form = LispRunner.read(c[0]);
      assertEquals(c[1], expand(JAVA, form, 0), c[0]);
      assertEquals(c[1], expand(LISP, form, 0), c[0]);
    }
  }

  @Test
  void circularAndDeepStructures() {
    assertEquals("circular-list", LispRunner.run("(let ((l (list 1 2 3))) (setcdr (cdr (cdr l)) l)"
        + " (condition-case e (backquote--process l 0) (error (car e))))"));
    assertEquals("excessive-lisp-nesting", LispRunner.run("(let ((f 1) (i 0)) (while (< i 200000)"
        + " (setq f (list f) i (1+ i))) (condition-case e (backquote--process f 0) (error (car e))))"));
    assertEquals("excessive-lisp-nesting", LispRunner.run("(let ((f 1) (i 0)) (while (< i 200000)"
        + " (setq f (vector f) i (1+ i))) (condition-case e (backquote--process f 0) (error (car e))))"));
  }

  /** The printed expansion of FORM by EXPANDER, or the printed error it signals. */
  private static String expand(Symbol expander, Object form, long depth) {
    try {
      return Printer.prin1ToString(Eval.funcall(expander, form, depth));
    } catch (LispSignal s) {
      Eval.resetToTopLevel();
      return "!! " + Printer.prin1ToString(new Cons(s.symbol, s.data));
    }
  }

  private static final Object[] ATOMS = {
      NIL, Lisp.T, Lisp.intern(":k"), Lisp.intern("a"), Lisp.intern("b"), 1L, 2.5,
      new LString("s"), Q.comma, Q.commaAt, Q.backquote, Q.quote};

  /** A random structure with unquotes, nested backquotes and quotes, DEPTH levels at most. */
  private static Object gen(Random r, int depth) {
    int k = depth == 0 ? 0 : r.nextInt(12);
    switch (k) {
      case 1: case 2: case 3: {
        int n = r.nextInt(5);
        Object tail = r.nextInt(4) == 0 ? gen(r, depth - 1) : NIL;
        for (int i = 0; i < n; i++) tail = new Cons(gen(r, depth - 1), tail);
        return tail;
      }
      case 4: return Lisp.list(Q.comma, gen(r, depth - 1));
      case 5: return Lisp.list(Q.commaAt, gen(r, depth - 1));
      case 6: return Lisp.list(Q.backquote, gen(r, depth - 1));
      case 7: {
        Object[] items = new Object[r.nextInt(4)];
        for (int i = 0; i < items.length; i++) items[i] = gen(r, depth - 1);
        return new LVector(items);
      }
      case 8: {
        // A quote as the expander meets it in ,X: well formed, empty, long or dotted.
        switch (r.nextInt(6)) {
          case 0: return Lisp.list(Q.quote);
          case 1: return Lisp.list(Q.quote, gen(r, depth - 1), gen(r, depth - 1));
          case 2: return new Cons(Q.quote, 5L);
          default: return Lisp.list(Q.quote, gen(r, depth - 1));
        }
      }
      case 9: {
        // A list ending in an unquote, as `(a . ,b) reads: (a \, b).
        Object marker = r.nextBoolean() ? Q.comma : r.nextBoolean() ? Q.commaAt : Q.backquote;
        return new Cons(gen(r, depth - 1), Lisp.list(marker, gen(r, depth - 1)));
      }
      case 10: return Lisp.list(r.nextBoolean() ? Q.comma : Q.commaAt, gen(r, depth - 1), gen(r, depth - 1));
      default: return ATOMS[r.nextInt(ATOMS.length)];
    }
  }
}
