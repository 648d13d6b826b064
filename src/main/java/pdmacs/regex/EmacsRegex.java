package pdmacs.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;

/**
 * An Emacs regexp translated to a java.util.regex {@link Pattern}, with the map from Emacs group
 * numbers (which {@code \(?N:...\)} may choose, skip or repeat) to Java's capturing groups.
 * Syntax errors signal {@code invalid-regexp} with Emacs's messages. Compiled regexps are kept in
 * a small LRU cache, since Lisp code passes the same regexp string again and again.
 */
public final class EmacsRegex {
  private static final int CACHE_SIZE = 64;
  private static final Map<String, EmacsRegex> CACHE =
      new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EmacsRegex> e) {
          return size() > CACHE_SIZE;
        }
      };

  private final Pattern pattern;
  /** For each Emacs group number (index 0 unused), the Java groups that may capture it. */
  private final int[][] groups;

  EmacsRegex(Pattern pattern, int[][] groups) {
    this.pattern = pattern;
    this.groups = groups;
  }

  /** The compiled form of EMACS_REGEXP; CASE_FOLD as when case-fold-search is non-nil. */
  public static EmacsRegex compile(String emacsRegexp, boolean caseFold) {
    String key = (caseFold ? "i" : "c") + emacsRegexp;
    synchronized (CACHE) {
      EmacsRegex r = CACHE.get(key);
      if (r == null) {
        r = new Translator(emacsRegexp, caseFold).translate();
        CACHE.put(key, r);
      }
      return r;
    }
  }

  public Pattern pattern() {
    return pattern;
  }

  /** The number of Emacs groups (the highest group number the regexp can set). */
  public int groupCount() {
    return groups.length - 1;
  }

  /**
   * Searches TEXT from Java char index FROM. Returns null when there is no match, otherwise the
   * match registers as Java char offsets: start and end of the whole match, then of each Emacs
   * group, -1 for a group that did not match.
   */
  public int[] search(CharSequence text, int from) {
    Matcher m = pattern.matcher(text);
    try {
      if (!m.find(from)) return null;
    } catch (StackOverflowError e) {
      throw Lisp.error("Stack overflow in regexp matcher");
    }
    int[] regs = new int[2 * groups.length];
    Arrays.fill(regs, -1);
    regs[0] = m.start();
    regs[1] = m.end();
    for (int g = 1; g < groups.length; g++) {
      for (int j : groups[g]) {
        if (m.start(j) >= 0) {
          regs[2 * g] = m.start(j);
          regs[2 * g + 1] = m.end(j);
        }
      }
    }
    return regs;
  }

  /** True when C is a word constituent in the syntax table regexps use. */
  public static boolean isWordConstituent(int c) {
    return SyntaxClasses.isWord(c);
  }

  static LispSignal invalid(String message) {
    return new LispSignal(Q.invalidRegexp, Lisp.list(Lisp.str(message)));
  }

  /** One pass over an Emacs regexp, writing the equivalent Java regex. */
  private static final class Translator {
    private final int[] re;
    private final boolean caseFold;
    private int pos;
    private final StringBuilder out = new StringBuilder();
    /** Start in {@link #out} of the atom a postfix operator would apply to, or -1 if none. */
    private int atomStart = -1;
    private boolean atomQuantified;
    /** True at the start of the regexp or of an alternative: where ^ is an anchor. */
    private boolean atBranchStart = true;
    /** Highest Emacs group number used so far. */
    private int lastGroup;
    private int javaGroups;
    private final List<List<Integer>> groupMap = new ArrayList<>();
    /** Open groups: Emacs number (0 when shy) and where each began in {@link #out}. */
    private final List<int[]> open = new ArrayList<>();

    Translator(String regexp, boolean caseFold) {
      this.re = codePoints(regexp);
      this.caseFold = caseFold;
      groupMap.add(new ArrayList<>());
    }

    /**
     * The code points of S, by hand: String.codePoints() is a stream, and the first stream of a
     * run bootstraps java.lang.invoke for its lambdas, milliseconds of the first string-match.
     */
    private static int[] codePoints(String s) {
      int[] cps = new int[s.codePointCount(0, s.length())];
      for (int i = 0, j = 0; i < s.length(); j++) {
        int c = s.codePointAt(i);
        cps[j] = c;
        i += Character.charCount(c);
      }
      return cps;
    }

    EmacsRegex translate() {
      while (pos < re.length) step();
      if (!open.isEmpty()) throw invalid("Unmatched ( or \\(");
      int[][] groups = new int[lastGroup + 1][];
      for (int g = 0; g <= lastGroup; g++) {
        List<Integer> js = g < groupMap.size() ? groupMap.get(g) : List.of();
        groups[g] = new int[js.size()];
        for (int i = 0; i < groups[g].length; i++) groups[g][i] = js.get(i);
      }
      int flags = caseFold ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
      try {
        return new EmacsRegex(Pattern.compile(out.toString(), flags), groups);
      } catch (PatternSyntaxException e) {
        throw invalid("Invalid regular expression");
      }
    }

    private boolean lookingAt(String s) {
      if (pos + s.length() > re.length) return false;
      for (int i = 0; i < s.length(); i++) if (re[pos + i] != s.charAt(i)) return false;
      return true;
    }

    private void step() {
      int c = re[pos++];
      switch (c) {
        case '^':
          if (atBranchStart) {
            assertion("(?<![^\\n])");
            atBranchStart = false;
          } else {
            literal(c);
          }
          return;
        case '$':
          if (pos == re.length || lookingAt("\\)") || lookingAt("\\|")) assertion("(?![^\\n])");
          else literal(c);
          return;
        case '*': case '+': case '?':
          if (atomStart < 0) literal(c);
          else repetition(c);
          return;
        case '.':
          atom("[^\\n]");
          return;
        case '[':
          bracket();
          return;
        case '\\':
          backslash();
          return;
        default:
          literal(c);
      }
    }

    private void backslash() {
      if (pos == re.length) throw invalid("Trailing backslash");
      int c = re[pos++];
      switch (c) {
        case '(': openGroup(); return;
        case ')': closeGroup(); return;
        case '|':
          out.append('|');
          atomStart = -1;
          atBranchStart = true;
          return;
        case '{':
          if (atomStart < 0) literal(c);
          else interval();
          return;
        case 'w': atom("[" + SyntaxClasses.syntaxBody('w') + "]"); return;
        case 'W': atom("[^" + SyntaxClasses.syntaxBody('w') + "]"); return;
        case 's': case 'S': syntax(c == 'S'); return;
        case 'c': case 'C': category(c == 'C'); return;
        // Emacs counts the ends of the string as word boundaries whatever is next to them.
        case 'b': assertion("(?:\\A|\\z|" + wordBoundary() + ")"); return;
        case 'B': assertion("(?!\\A)(?!\\z)(?!" + wordBoundary() + ")"); return;
        case '<': assertion(wordStart(SyntaxClasses.syntaxBody('w'))); return;
        case '>': assertion(wordEnd(SyntaxClasses.syntaxBody('w'))); return;
        case '_':
          if (pos == re.length) throw invalid("Premature end of regular expression");
          if (lookingAt("<")) assertion(wordStart(SyntaxClasses.symbolBody()));
          else if (lookingAt(">")) assertion(wordEnd(SyntaxClasses.symbolBody()));
          else throw invalid("Invalid regular expression");
          pos++;
          return;
        case '`': assertion("\\A"); return;
        case '\'': assertion("\\z"); return;
        case '=': assertion("(?!)"); return; // point: strings have none
        default:
          if (c >= '1' && c <= '9') backReference(c - '0');
          else literal(c);
      }
    }

    private static String wordBoundary() {
      String w = "[" + SyntaxClasses.syntaxBody('w') + "]";
      return "(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + ")";
    }

    private static String wordStart(String body) {
      return "(?<![" + body + "])(?=[" + body + "])";
    }

    private static String wordEnd(String body) {
      return "(?<=[" + body + "])(?![" + body + "])";
    }

    private void literal(int c) {
      atom(quote(c));
    }

    static String quote(int c) {
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      return plain ? String.valueOf((char) c) : SyntaxClasses.hex(c);
    }

    private void atom(String javaRegex) {
      atomStart = out.length();
      atomQuantified = false;
      atBranchStart = false;
      out.append(javaRegex);
    }

    /** A zero-width test: a following * or + is literal, as Emacs treats it. */
    private void assertion(String javaRegex) {
      out.append(javaRegex);
      atomStart = -1;
    }

    /** A run of * + ? collapsed the way Emacs does; ? right after * + or ? means non-greedy. */
    private void repetition(int first) {
      boolean zero = false, many = false, greedy = true;
      int c = first;
      while (true) {
        if (c == '?' && (zero || many)) {
          greedy = false;
        } else {
          zero |= c != '+';
          many |= c != '?';
        }
        if (pos < re.length && (re[pos] == '*' || re[pos] == '+' || re[pos] == '?')) c = re[pos++];
        else break;
      }
      String q = zero && many ? "*" : many ? "+" : "?";
      quantify(greedy ? q : q + "?");
    }

    /** \{M,N\} after an atom. */
    private void interval() {
      int lo = number();
      int hi = lo;
      if (pos < re.length && re[pos] == ',') {
        pos++;
        hi = pos < re.length && isDigit(re[pos]) ? number() : -1;
      }
      if (pos == re.length) throw invalid("Unmatched \\{");
      if (re[pos] == '\\' && pos + 1 == re.length) throw invalid("Trailing backslash");
      if (!lookingAt("\\}")) throw invalid("Invalid content of \\{\\}");
      pos += 2;
      if (lo > 0xFFFF || hi > 0xFFFF || (hi >= 0 && hi < lo)) {
        throw invalid("Invalid content of \\{\\}");
      }
      quantify(hi < 0 ? "{" + lo + ",}" : hi == lo ? "{" + lo + "}" : "{" + lo + "," + hi + "}");
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }

    /** Decimal digits at pos (none means 0), capped so a huge count cannot overflow. */
    private int number() {
      int n = 0;
      while (pos < re.length && isDigit(re[pos])) n = Math.min(n * 10 + re[pos++] - '0', 1 << 20);
      return n;
    }

    private void quantify(String q) {
      if (atomQuantified) {
        out.insert(atomStart, "(?:");
        out.append(')');
      }
      out.append(q);
      atomQuantified = true;
    }

    private void openGroup() {
      int number;
      if (pos < re.length && re[pos] == '?') {
        pos++;
        if (pos == re.length) throw invalid("Unmatched ( or \\(");
        if (re[pos] == ':') {
          number = 0;
        } else {
          int n = 0;
          boolean digits = false;
          while (pos < re.length && isDigit(re[pos])) {
            n = Math.min(n * 10 + re[pos++] - '0', 1 << 16);
            digits = true;
          }
          if (pos == re.length) throw invalid("Unmatched ( or \\(");
          if (!digits || n == 0 || re[pos] != ':') throw invalid("Invalid regular expression");
          number = n;
        }
        pos++;
      } else {
        number = lastGroup + 1;
      }
      open.add(new int[] {number, out.length()});
      if (number == 0) {
        out.append("(?:");
      } else {
        lastGroup = Math.max(lastGroup, number);
        while (groupMap.size() <= number) groupMap.add(new ArrayList<>());
        groupMap.get(number).add(++javaGroups);
        out.append('(');
      }
      atomStart = -1;
      atBranchStart = true;
    }

    private void closeGroup() {
      if (open.isEmpty()) throw invalid("Unmatched ) or \\)");
      int[] g = open.remove(open.size() - 1);
      out.append(')');
      atomStart = g[1];
      atomQuantified = false;
      atBranchStart = false;
    }

    private void backReference(int n) {
      boolean stillOpen = false;
      for (int[] g : open) stillOpen |= g[0] == n;
      if (n > lastGroup || stillOpen) throw invalid("Invalid back reference");
      List<Integer> js = groupMap.get(n);
      if (js.isEmpty()) {
        atom("(?!)");
        return;
      }
      StringBuilder sb = new StringBuilder("(?:");
      for (int i = 0; i < js.size(); i++) {
        if (i > 0) sb.append('|');
        sb.append('\\').append(js.get(i));
      }
      atom(sb.append(')').toString());
    }

    private void syntax(boolean negate) {
      if (pos == re.length) throw invalid("Premature end of regular expression");
      char code = SyntaxClasses.designator((char) re[pos++]);
      if (code == 0) atom(negate ? "[\\x{0}-\\x{10FFFF}]" : "(?!)");
      else atom(SyntaxClasses.syntaxClass(code, negate));
    }

    /** \cC: the character categories worth having without buffers' category tables. */
    private void category(boolean negate) {
      if (pos == re.length) throw invalid("Premature end of regular expression");
      String body;
      switch (re[pos++]) {
        case 'a': body = "\\x{0}-\\x{7F}"; break;
        case 'l': body = "\\x{80}-\\x{24F}"; break;
        case 'g': body = "\\p{IsGreek}"; break;
        case 'y': body = "\\p{IsCyrillic}"; break;
        case 'C': case 'c': body = "\\p{IsHan}"; break;
        case 'h': body = "\\p{IsHangul}"; break;
        case 'H': body = "\\p{IsHiragana}"; break;
        case 'K': case 'k': body = "\\p{IsKatakana}"; break;
        case 'j': body = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}"; break;
        case '^': body = "\\p{M}"; break;
        default: body = "";
      }
      if (body.isEmpty()) atom(negate ? "[\\x{0}-\\x{10FFFF}]" : "(?!)");
      else atom((negate ? "[^" : "[") + body + "]");
    }

    /** A bracket expression; pos is just after the [. */
    private void bracket() {
      boolean negate = pos < re.length && re[pos] == '^';
      if (negate) pos++;
      StringBuilder body = new StringBuilder();
      boolean first = true;
      while (true) {
        if (pos >= re.length) throw invalid("Unmatched [ or [^");
        int c = re[pos++];
        if (c == ']' && !first) break;
        first = false;
        if (c == '[' && pos < re.length && re[pos] == ':') {
          String cls = namedClass();
          if (cls != null) {
            body.append(cls);
            continue;
          }
        }
        if (pos + 1 < re.length && re[pos] == '-' && re[pos + 1] != ']') {
          int end = re[pos + 1];
          pos += 2;
          if (end >= c) body.append(SyntaxClasses.hex(c)).append('-').append(SyntaxClasses.hex(end));
          continue;
        }
        body.append(SyntaxClasses.hex(c));
      }
      if (body.length() == 0) atom(negate ? "[\\x{0}-\\x{10FFFF}]" : "(?!)");
      else atom((negate ? "[^" : "[") + body + "]");
    }

    /**
     * [:name:] at pos (just after its [), or null, leaving pos alone, when no :] closes it, in
     * which case the [ is an ordinary member.
     */
    private String namedClass() {
      int start = pos + 1;
      int i = start;
      while (i < re.length && !(re[i] == ':' && i + 1 < re.length && re[i + 1] == ']')) {
        if (re[i] == ']') return null;
        i++;
      }
      if (i >= re.length) throw invalid("Unmatched [ or [^");
      String name = new String(re, start, i - start);
      String body = SyntaxClasses.namedClassBody(name, caseFold);
      if (body == null) throw invalid("Invalid character class name");
      pos = i + 2;
      return body;
    }
  }
}
