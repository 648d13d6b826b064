package pdmacs.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LispHighlighterTest {
  /** One letter per character: m matched pair, s string, c comment, u unmatched, . plain. */
  private static String styles(String buffer, int cursor) {
    AttributedString a = LispHighlighter.highlight(buffer, cursor);
    assertEquals(buffer, a.toString());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length(); i++) {
      AttributedStyle st = a.styleAt(i);
      if (st.equals(LispHighlighter.MATCH)) sb.append('m');
      else if (st.equals(LispHighlighter.STRING)) sb.append('s');
      else if (st.equals(LispHighlighter.COMMENT)) sb.append('c');
      else if (st.equals(LispHighlighter.UNMATCHED)) sb.append('u');
      else sb.append('.');
    }
    return sb.toString();
  }

  @Test
  void theParenBeforeTheCursorAndItsPartner() {
    assertEquals("m.......m", styles("(a (b c))", 9));
    assertEquals("...m...m.", styles("(a (b c))", 8));
    assertEquals(".........", styles("(a (b c))", 4));
    assertEquals("m...m.", styles("[a b]c", 5));
  }

  @Test
  void stringsCommentsAndCharacterSyntaxDoNotCount() {
    assertEquals("m..sss.m", styles("(a \")\" )", 8));
    assertEquals("m......m", styles("(?\\) ?a)", 8));
    // A ? inside a symbol is not character syntax.
    assertEquals("m..m..u", styles("(a?) b)", 4));
    assertEquals("mm.u", styles("() )", 2));
    assertEquals("...cccc", styles("(a ; )x", 7));
  }
}
