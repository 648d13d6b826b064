package pdmacs.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Symbol;

/**
 * Tab completion of symbol names from the obarray, by position as Emacs's Lisp modes do: after
 * an open paren or {@code #'} only functions, after a quote any symbol with a value, function
 * or properties, elsewhere only variables.
 */
final class SymbolCompleter implements Completer {
  /** What the symbol at the cursor is expected to be. */
  enum Position {
    FUNCTION, QUOTED, VARIABLE;

    boolean accepts(Symbol s) {
      boolean bound = s.value != Lisp.UNBOUND;
      boolean fbound = s.fboundp();
      switch (this) {
        case FUNCTION: return fbound;
        case VARIABLE: return bound;
        default: return bound || fbound || s.plist != Lisp.NIL;
      }
    }

    /** The position of a word starting at START in LINE, judged from the text before it. */
    static Position of(String line, int start) {
      if (start >= 2 && line.startsWith("#'", start - 2)) return FUNCTION;
      if (start >= 1 && line.charAt(start - 1) == '(') return FUNCTION;
      if (start >= 1 && line.charAt(start - 1) == '\'') return QUOTED;
      return VARIABLE;
    }
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    int start = line.cursor() - line.wordCursor();
    String prefix = line.word().substring(0, line.wordCursor());
    Position position = Position.of(line.line(), start);
    for (Symbol s : Lisp.obarray.symbols()) {
      if (s.name().startsWith(prefix) && position.accepts(s)) {
        candidates.add(new Candidate(s.name(), s.name(), null, null, null, null, false));
      }
    }
  }
}
