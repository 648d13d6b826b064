package pdmacs.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * jline's view of REPL input. On Enter it asks the Lisp reader whether the input is complete
 * and reports {@link EOFError} while a list, vector or string is still open, so Enter goes on
 * to a new line of the same form. For completion it splits the line into symbol-like words and
 * names the one at the cursor.
 */
final class FormParser implements Parser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !PendingInput.isComplete(line)) {
      throw new EOFError(-1, -1, "form not finished");
    }
    return SymbolWords.split(line, cursor);
  }

  /** Escapes are the reader's business, not jline's: a backslash is kept as typed. */
  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  /** True when C can be part of a symbol name as typed (escapes aside). */
  static boolean isSymbolChar(char c) {
    return !Character.isWhitespace(c) && "()[]\"';`,".indexOf(c) < 0;
  }

  /** The line cut into runs of symbol characters, with the run at the cursor picked out. */
  static final class SymbolWords implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final List<String> words;
    private final int wordIndex;
    private final int wordStart;

    private SymbolWords(String line, int cursor, List<String> words, int wordIndex, int wordStart) {
      this.line = line;
      this.cursor = cursor;
      this.words = words;
      this.wordIndex = wordIndex;
      this.wordStart = wordStart;
    }

    static SymbolWords split(String line, int cursor) {
      List<String> words = new ArrayList<>();
      int wordIndex = -1;
      int wordStart = cursor;
      int i = 0;
      while (i < line.length()) {
        if (!isSymbolChar(line.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < line.length() && isSymbolChar(line.charAt(i))) i++;
        if (start <= cursor && cursor <= i) {
          wordIndex = words.size();
          wordStart = start;
        }
        words.add(line.substring(start, i));
      }
      if (wordIndex < 0) {
        // The cursor is between words: completion starts an empty word there.
        wordIndex = insertionIndex(line, cursor, words.size());
        words.add(wordIndex, "");
      }
      return new SymbolWords(line, cursor, words, wordIndex, wordStart);
    }

    /** How many words end before CURSOR. */
    private static int insertionIndex(String line, int cursor, int total) {
      int n = 0;
      for (int i = 0; i < cursor && i < line.length(); i++) {
        boolean endsWord = isSymbolChar(line.charAt(i)) && (i + 1 >= line.length() || !isSymbolChar(line.charAt(i + 1)));
        if (endsWord) n++;
      }
      return Math.min(n, total);
    }

    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public int wordCursor() {
      return cursor - wordStart;
    }

    @Override
    public int wordIndex() {
      return wordIndex;
    }

    @Override
    public List<String> words() {
      return words;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public int cursor() {
      return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
