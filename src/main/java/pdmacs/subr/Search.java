package pdmacs.subr;

import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.regex.EmacsRegex;

import static pdmacs.lisp.Lisp.NIL;

/**
 * search.c for strings: string-match and the global match data, replace-match on a string, and
 * regexp-quote. There are no buffers, so the buffer searches signal an error saying so.
 */
public final class Search extends SubrGroup {
  private static final int STRING_MATCH = 0, STRING_MATCH_P = 1, MATCH_BEGINNING = 2,
      MATCH_END = 3, MATCH_DATA = 4, SET_MATCH_DATA = 5, REPLACE_MATCH = 6, REGEXP_QUOTE = 7,
      LOOKING_AT = 8, RE_SEARCH_FORWARD = 9, RE_SEARCH_BACKWARD = 10, SEARCH_FORWARD = 11,
      SEARCH_BACKWARD = 12, POSIX_STRING_MATCH = 13;

  static final Symbol caseFoldSearch = Lisp.intern("case-fold-search");
  static final Symbol inhibitChangingMatchData = Lisp.intern("inhibit-changing-match-data");
  private static final Symbol integerOrMarkerP = Lisp.intern("integer-or-marker-p");

  /**
   * The match data: start and end character positions of the match and of each group, -1 where
   * a group did not match. Global, as in Emacs.
   */
  static int[] regs = new int[0];
  /**
   * How many registers Emacs would have allocated so far: it only grows, and replace-match
   * reports it when SUBEXP is out of range.
   */
  private static int allocatedRegs = 3;

  @Override
  public void register() {
    defun(STRING_MATCH, "string-match", 2, 3);
    defun(STRING_MATCH_P, "string-match-p", 2, 3);
    defun(MATCH_BEGINNING, "match-beginning", 1, 1);
    defun(MATCH_END, "match-end", 1, 1);
    defun(MATCH_DATA, "match-data", 0, 3);
    defun(SET_MATCH_DATA, "set-match-data", 1, 2);
    defun(REPLACE_MATCH, "replace-match", 1, 5);
    defun(REGEXP_QUOTE, "regexp-quote", 1, 1);
    defun(LOOKING_AT, "looking-at", 1, 2);
    defun(RE_SEARCH_FORWARD, "re-search-forward", 1, 4);
    defun(RE_SEARCH_BACKWARD, "re-search-backward", 1, 4);
    defun(SEARCH_FORWARD, "search-forward", 1, 4);
    defun(SEARCH_BACKWARD, "search-backward", 1, 4);
    defun(POSIX_STRING_MATCH, "posix-string-match", 2, 3);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case STRING_MATCH:
      case POSIX_STRING_MATCH:
        return stringMatch(a[0], a[1], a[2], Eval.symbolValueOrNil(inhibitChangingMatchData) == NIL);
      case STRING_MATCH_P: return stringMatch(a[0], a[1], a[2], false);
      case MATCH_BEGINNING: return matchRegister(a[0], 0);
      case MATCH_END: return matchRegister(a[0], 1);
      case MATCH_DATA: return matchData(a[1]);
      case SET_MATCH_DATA: return setMatchData(a[0]);
      case REPLACE_MATCH: return replaceMatch(a[0], a[1] != NIL, a[2] != NIL, a[3], a[4]);
      case REGEXP_QUOTE: {
        // The quoted string is unibyte when the argument is, so raw bytes stay raw bytes.
        LString s = Lisp.checkString(a[0]);
        return new LString(regexpQuote(s.str()), s.multibyte());
      }
      case LOOKING_AT:
      case RE_SEARCH_FORWARD:
      case RE_SEARCH_BACKWARD:
      case SEARCH_FORWARD:
      case SEARCH_BACKWARD:
        throw Lisp.error("Buffers are not supported; use string-match on a string");
      default: throw new IllegalStateException("search " + id);
    }
  }

  private static boolean caseFold() {
    return Eval.symbolValueOrNil(caseFoldSearch) != NIL;
  }

  /** string-match: the character position of the first match of REGEXP in STRING from START. */
  static Object stringMatch(Object regexp, Object string, Object start, boolean setData) {
    String re = Lisp.checkString(regexp).str();
    LString s = Lisp.checkString(string);
    int len = s.length();
    int from = 0;
    if (start != NIL) {
      long st = checkFixnum(start);
      long p = st < 0 ? len + st : st;
      if (p < 0 || p > len) throw Lisp.argsOutOfRange(string, start);
      from = (int) p;
    }
    EmacsRegex rx = EmacsRegex.compile(re, caseFold());
    int[] found = rx.search(s.str(), s.offsetOf(from));
    if (found == null) return NIL;
    for (int i = 0; i < found.length; i++) if (found[i] >= 0) found[i] = s.charIndexOf(found[i]);
    if (setData) setRegs(found);
    return (long) found[0];
  }

  /** A fixnum; anything else is wrong-type-argument fixnump, as search.c reports it. */
  static long checkFixnum(Object o) {
    if (o instanceof Long) return (Long) o;
    throw Lisp.wrongType(Q.fixnump, o);
  }

  private static void setRegs(int[] r) {
    regs = r;
    allocatedRegs = Math.max(allocatedRegs, r.length / 2);
  }

  private static Object matchRegister(Object subexp, int which) {
    long n = checkFixnum(subexp);
    if (n < 0) throw Lisp.argsOutOfRange(subexp, 0L);
    int i = (int) Math.min(n, Integer.MAX_VALUE / 2) * 2 + which;
    if (i >= regs.length || regs[i] < 0) return NIL;
    return (long) regs[i];
  }

  /** match-data as a list; with a REUSE list, stored into it (extra elements become nil). */
  private static Object matchData(Object reuse) {
    int last = regs.length / 2 - 1;
    while (last >= 0 && regs[2 * last] < 0) last--;
    Object[] items = new Object[2 * (last + 1)];
    for (int i = 0; i < items.length; i++) items[i] = regs[i] < 0 ? NIL : (Object) (long) regs[i];
    if (!(reuse instanceof Cons)) return Lisp.list(items);
    Object tail = reuse;
    Cons prev = null;
    for (Object item : items) {
      if (!(tail instanceof Cons)) {
        prev.cdr = new Cons(item, NIL);
        prev = (Cons) prev.cdr;
        continue;
      }
      prev = (Cons) tail;
      prev.car = item;
      tail = prev.cdr;
    }
    for (; tail instanceof Cons; tail = ((Cons) tail).cdr) ((Cons) tail).car = NIL;
    return reuse;
  }

  private static Object setMatchData(Object list) {
    Lisp.checkList(list);
    int pairs = Lisp.length(list) / 2;
    int[] r = new int[2 * pairs];
    Object o = list;
    for (int i = 0; i < r.length; i += 2) {
      Object start = ((Cons) o).car;
      Object end = ((Cons) ((Cons) o).cdr).car;
      o = ((Cons) ((Cons) o).cdr).cdr;
      // A pair whose start is nil did not match; its end is not looked at.
      r[i] = start == NIL ? -1 : position(start);
      r[i + 1] = start == NIL ? -1 : position(end);
    }
    setRegs(r);
    return NIL;
  }

  private static int position(Object x) {
    if (!(x instanceof Long)) throw Lisp.wrongType(integerOrMarkerP, x);
    return (int) Math.max(-1, Math.min((Long) x, Integer.MAX_VALUE));
  }

  private static Object replaceMatch(Object newtext, boolean fixedCase, boolean literal,
      Object string, Object subexp) {
    LString replacement = Lisp.checkString(newtext);
    if (string == NIL) throw Lisp.error("Buffers are not supported; give replace-match a STRING");
    LString s = Lisp.checkString(string);
    int sub = 0;
    if (subexp != NIL) {
      Lisp.checkInteger(subexp);
      if (!(subexp instanceof Long) || (Long) subexp < 0 || (Long) subexp >= allocatedRegs) {
        throw Lisp.argsOutOfRange(subexp, 0L, (long) (allocatedRegs - 1));
      }
      sub = (int) (long) (Long) subexp;
    }
    if (2 * sub >= regs.length || regs[2 * sub] < 0) {
      throw new LispSignal(Q.error,
          Lisp.list(Lisp.str("replace-match subexpression does not exist"), subexp));
    }
    int start = regs[2 * sub], end = regs[2 * sub + 1];
    int len = s.length();
    if (start > len || end < 0 || end > len) throw Lisp.argsOutOfRange((long) start, (long) end);
    String text = literal ? replacement.str() : substitute(replacement.str(), s, len);
    // set-match-data can leave start after end: Emacs then sees no matched text to study.
    if (!fixedCase) text = ReplaceCase.apply(start < end ? s.substring(start, end) : "", text);
    return new LString(s.substring(0, start) + text + s.substring(end, len), s.multibyte()
        || replacement.multibyte());
  }

  /** NEWTEXT with \& and \N replaced by the matched text of S, and \\ by a backslash. */
  private static String substitute(String newtext, LString s, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < newtext.length(); i++) {
      char c = newtext.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char d = i + 1 < newtext.length() ? newtext.charAt(i + 1) : 0;
      i++;
      if (d == '&') {
        sb.append(group(s, 0, len));
      } else if (d >= '1' && d <= '9') {
        sb.append(group(s, d - '0', len));
      } else if (d == '\\') {
        sb.append('\\');
      } else if (d == '?') {
        sb.append("\\?");
      } else {
        throw Lisp.error("Invalid use of \u2018\\\u2019 in replacement text");
      }
    }
    return sb.toString();
  }

  private static String group(LString s, int n, int len) {
    if (2 * n >= regs.length || regs[2 * n] < 0) return "";
    int b = regs[2 * n], e = regs[2 * n + 1];
    if (b > len || e > len) throw Lisp.argsOutOfRange((long) b, (long) e);
    return b < e ? s.substring(b, e) : "";
  }

  /** Backslash before each character special in a regexp. */
  public static String regexpQuote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("[*.\\?+^$".indexOf(c) >= 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * replace-match's case conversion: the replacement follows the case pattern of the text it
   * replaces (all capitals, or capitalised words), unless FIXEDCASE.
   */
  static final class ReplaceCase {
    private ReplaceCase() {}

    static String apply(String matched, String text) {
      boolean someLower = false, someUpper = false, someNonUpperInitial = false,
          someMultiletterWord = false;
      int prev = '\n';
      for (int i = 0; i < matched.length(); ) {
        int c = matched.codePointAt(i);
        i += Character.charCount(c);
        boolean afterWord = EmacsRegex.isWordConstituent(prev);
        if (Character.isLowerCase(c)) {
          someLower = true;
          if (afterWord) someMultiletterWord = true;
          else someNonUpperInitial = true;
        } else if (Character.isUpperCase(c)) {
          someUpper = true;
          if (afterWord) someMultiletterWord = true;
        } else if (!afterWord) {
          // A caseless character starting a word (or anything after a non-word) counts as a
          // lower-case initial: "-foo" or " ab" keep the replacement's case.
          someNonUpperInitial = true;
        }
        prev = c;
      }
      if (!someLower && someMultiletterWord) return text.toUpperCase(java.util.Locale.ROOT);
      if (!someNonUpperInitial && someMultiletterWord) return upcaseInitials(text);
      if (!someNonUpperInitial && someUpper) return text.toUpperCase(java.util.Locale.ROOT);
      return text;
    }

    static String upcaseInitials(String text) {
      StringBuilder sb = new StringBuilder(text.length());
      int prev = '\n';
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        boolean initial = !EmacsRegex.isWordConstituent(prev);
        sb.appendCodePoint(initial ? Character.toTitleCase(c) : c);
        prev = c;
      }
      return sb.toString();
    }
  }
}
