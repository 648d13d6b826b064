package pdmacs.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pdmacs.eval.LispRunner.read;
import static pdmacs.eval.LispRunner.readResult;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Symbol;

/** The reader: numbers, strings, characters, symbols, # syntax and the errors it signals. */
class ReaderTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "#x1F | 31", "#b-101 | -5", "#24r1k | 44", "1. | 1", "+5 | 5", "-0 | 0",
    ".5 | 0.5", "1e3 | 1000.0", "-0.0 | -0.0", "1.0e+INF | 1.0e+INF", "-0.0e+NaN | -0.0e+NaN",
    "1.5e | 1\\.5e", "1e5x | 1e5x", "?\\C-a | 1", "?\\^? | 127", "?\\M-a | 134217825",
    "?\\C-\\M-a | 134217729", "?\\S-a | 33554529", "?\\( | 40", "?\\N{U+41} | 65",
  })
  void atoms(String source, String printed) {
    assertEquals(printed, readResult(source));
  }

  @Test
  void integersBeyondFixnumsAreBignums() {
    assertEquals(BigInteger.ONE.shiftLeft(62), read("4611686018427387904"));
    assertEquals(Lisp.MOST_POSITIVE_FIXNUM, read("2305843009213693951"));
  }

  @Test
  void stringEscapes() {
    assertEquals("A\u00e9\n\t \u0001\u0001\u007f", ((LString) read("\"\\x41\\u00e9\\n\\t\\s\\C-a\\^a\\d\"")).str());
    assertEquals("ab", ((LString) read("\"a\\\nb\"")).str());
  }

  @Test
  void dotHandlingFollowsEmacs() {
    assertEquals("a", readResult("(. a)"));
    assertEquals("(a \\.)", readResult("(a .)"));
    assertEquals("(a b)", readResult("(a .(b))"));
    assertEquals("!! (invalid-read-syntax \". in wrong context\")", readResult("(a . b c)"));
    assertEquals("!! (invalid-read-syntax \")\")", readResult("( . )"));
    assertEquals("!! (invalid-read-syntax \") or . in a vector\")", readResult("[a . b]"));
    assertEquals("!! (invalid-read-syntax \"] in a list\")", readResult("(a ]"));
  }

  @Test
  void symbolsEndAtHashAndCharactersMayBeFollowedByOne() {
    Reader r = new Reader("foo#");
    assertEquals("foo", ((Symbol) r.read()).name());
    assertEquals(3, r.pos);
    assertEquals("97", readResult("?a?b"));
    assertEquals("!! (invalid-read-syntax \"?\")", readResult("?ab"));
  }

  @Test
  void labelsShareStructureAndMakeCycles() {
    Cons x = (Cons) read("#1=(a . #1#)");
    assertSame(x, x.cdr);
    LVector v = (LVector) read("#1=[#1# 2]");
    assertSame(v, v.items[0]);
    Cons shared = (Cons) read("(#1=(a) #1#)");
    assertSame(shared.car, ((Cons) shared.cdr).car);
  }

  @Test
  void uninternedAndEmptySymbols() {
    Symbol g = (Symbol) read("#:g");
    assertTrue(!g.interned && g.name().equals("g"));
    assertSame(Lisp.intern(""), read("##"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "\"abc | !! (end-of-file)",
    "(a b | !! (end-of-file)",
    "#& | !! (end-of-file)",
    ") | !! (invalid-read-syntax \")\")",
    "#<buffer x> | !! (invalid-read-syntax \"#\")",
    "#2# | !! (invalid-read-syntax \"#\")",
    "#xz | !! (invalid-read-syntax \"integer, radix 16\")",
    "#37r0 | !! (invalid-read-syntax \"integer, radix 37\")",
    "#&3 | !! (invalid-read-syntax \"#&...\")",
    "?\\N{} | !! (invalid-read-syntax \"Empty character name\")",
    "#s(hash-table data (a)) | !! (error \"Hash table data is not a list of even length\")",
  })
  void errors(String source, String expected) {
    assertEquals(expected, readResult(source));
  }
}
