package pdmacs.repl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input as it is typed: strings, comments, a close paren with no opener, and the
 * pair of parens around the cursor (the one just before it and its partner), like Emacs's
 * show-paren-mode. Strings, comments and {@code ?(} character syntax are skipped when matching.
 */
final class LispHighlighter implements Highlighter {
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle MATCH = AttributedStyle.DEFAULT.bold().inverse();
  static final AttributedStyle UNMATCHED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    int cursor = reader.getBuffer().cursor();
    // jline also highlights other text (history search); the cursor only counts in its buffer.
    if (!reader.getBuffer().toString().equals(buffer)) cursor = -1;
    return highlight(buffer, cursor);
  }

  /** BUFFER styled for a cursor at CURSOR (-1: no paren pair to show). */
  static AttributedString highlight(String buffer, int cursor) {
    AttributedStyle[] styles = new AttributedStyle[buffer.length()];
    int[] partner = new int[buffer.length()];
    java.util.Arrays.fill(partner, -1);
    classify(buffer, styles, partner);
    int close = cursor - 1;
    if (close >= 0 && close < buffer.length() && styles[close] == null && partner[close] >= 0
        && isClose(buffer.charAt(close))) {
      styles[close] = MATCH;
      styles[partner[close]] = MATCH;
    }
    AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
    for (int i = 0; i < buffer.length(); i++) {
      sb.style(styles[i] != null ? styles[i] : AttributedStyle.DEFAULT);
      sb.append(buffer.charAt(i));
    }
    return sb.toAttributedString();
  }

  /** Marks strings and comments in STYLES, and links each matched bracket to its partner. */
  private static void classify(String s, AttributedStyle[] styles, int[] partner) {
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        int end = stringEnd(s, i);
        for (int j = i; j < end; j++) styles[j] = STRING;
        i = end;
      } else if (c == ';') {
        while (i < s.length() && s.charAt(i) != '\n') styles[i++] = COMMENT;
      } else if (c == '\\' || isCharSyntax(s, i)) {
        // An escaped character or ?C character syntax: the next character is not syntax.
        i += c == '?' && i + 1 < s.length() && s.charAt(i + 1) == '\\' ? 3 : 2;
      } else {
        if (c == '(' || c == '[') {
          open.push(i);
        } else if (isClose(c)) {
          if (open.isEmpty() || !pairs(s.charAt(open.peek()), c)) {
            styles[i] = UNMATCHED;
          } else {
            int o = open.pop();
            partner[i] = o;
            partner[o] = i;
          }
        }
        i++;
      }
    }
  }

  /** Index just past the string starting at START (or the end of S if it is not closed). */
  private static int stringEnd(String s, int start) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') i += 2;
      else if (c == '"') return i + 1;
      else i++;
    }
    return s.length();
  }

  /** True when the ? at I starts character syntax rather than sitting inside a symbol. */
  private static boolean isCharSyntax(String s, int i) {
    return s.charAt(i) == '?' && (i == 0 || !FormParser.isSymbolChar(s.charAt(i - 1)));
  }

  private static boolean isClose(char c) {
    return c == ')' || c == ']';
  }

  private static boolean pairs(char open, char close) {
    return (open == '(' && close == ')') || (open == '[' && close == ']');
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
    // Errors are shown by evaluation, not while typing.
  }

  @Override
  public void setErrorIndex(int errorIndex) {
    // As above.
  }
}
