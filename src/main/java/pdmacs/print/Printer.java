package pdmacs.print;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Q;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.read.Reader;

import static pdmacs.lisp.Lisp.NIL;

/**
 * The printer: objects to text as prin1 (ESCAPE true) and princ (false) write them, honouring
 * print-escape-newlines, print-circle, print-length, print-level, print-quoted and
 * print-gensym. Without print-circle, a structure that contains itself prints as #N (its depth),
 * and a circular cdr chain as ". #N", the way GNU Emacs detects them.
 */
public final class Printer {
  private final StringBuilder out;
  private final boolean escape;
  /** Printing to a stream, not a buffer: a unibyte string's bytes 128-255 are raw bytes. */
  private boolean rawUnibyte;
  private final boolean escapeNewlines;
  private final boolean quoted;
  private final boolean gensym;
  private final long printLength;
  private final long printLevel;
  /** With print-circle: objects seen twice, mapped to their label (0 until printed once). */
  private IdentityHashMap<Object, int[]> circle;
  private int labelCounter;
  /** How many backquotes enclose the object being printed, less the commas in between. */
  private int backquoteDepth;
  /** The composites being printed, outermost first (made on the first composite). */
  private Object[] beingPrinted;
  private int depth;
  private static final int MAX_DEPTH = 200;

  public Printer(StringBuilder out, boolean escape) {
    this.out = out;
    this.escape = escape;
    this.escapeNewlines = var(Q.printEscapeNewlines) != NIL;
    this.quoted = var(Q.printQuoted) != NIL;
    this.gensym = var(Q.printGensym) != NIL;
    Object pl = var(Q.printLength);
    this.printLength = pl instanceof Long && (Long) pl >= 0 ? (Long) pl : Long.MAX_VALUE;
    Object lv = var(Q.printLevel);
    this.printLevel = lv instanceof Long && (Long) lv >= 0 ? (Long) lv : Long.MAX_VALUE;
  }

  private static Object var(Symbol s) {
    Object v = pdmacs.eval.Eval.symbolValueOrNil(s);
    return v;
  }

  public static String prin1ToString(Object o) {
    String quick = quickText(o, true);
    if (quick != null) return quick;
    StringBuilder sb = new StringBuilder();
    new Printer(sb, true).print(o);
    return sb.toString();
  }

  public static String princToString(Object o) {
    String quick = quickText(o, false);
    if (quick != null) return quick;
    StringBuilder sb = new StringBuilder();
    new Printer(sb, false).print(o);
    return sb.toString();
  }

  /**
   * The text prin1 (ESCAPE) or princ prints for O on a stream such as stdout, where Emacs
   * takes a unibyte string's bytes 128-255 for raw bytes and prints them as they are (in a
   * buffer prin1 writes them as octal escapes). Raw bytes are LString's raw-byte chars.
   */
  public static String toStream(Object o, boolean escape) {
    if (o instanceof LString && !escape) {
      LString s = (LString) o;
      return s.multibyte() ? s.str() : LString.bytesToRawBytes(s.str());
    }
    String quick = o instanceof LString ? null : quickText(o, escape);
    if (quick != null) return quick;
    StringBuilder sb = new StringBuilder();
    Printer p = new Printer(sb, escape);
    p.rawUnibyte = true;
    p.print(o);
    return sb.toString();
  }

  /**
   * The printed text of the objects format's %s and %S see most (fixnums, strings under princ,
   * symbols whose names need no escape), which no print variable changes; null for any other.
   * This spares building a Printer, which reads every print variable.
   */
  private static String quickText(Object o, boolean escape) {
    if (o instanceof Long) return o.toString();
    if (o instanceof LString) return escape ? null : ((LString) o).str();
    if (o instanceof Symbol) {
      Symbol sym = (Symbol) o;
      if (!sym.interned || sym.name().isEmpty()) return null;
      return !escape || isPlainName(sym.name()) ? sym.name() : null;
    }
    return null;
  }

  /** A name of a letter then letters, digits and dashes, which prin1 prints as it is. */
  private static boolean isPlainName(String name) {
    if (!isAsciiLetter(name.charAt(0))) return false;
    for (int i = 1, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  public void print(Object o) {
    if (var(Q.printCircle) != NIL) findShared(o);
    printObject(o);
  }

  /** Marks every object reachable from ROOT more than once (print-circle candidates). */
  private void findShared(Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    circle = new IdentityHashMap<>();
    List<Object> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Object o = stack.remove(stack.size() - 1);
      if (!isCircleCandidate(o)) continue;
      if (seen.put(o, Boolean.TRUE) != null) {
        circle.putIfAbsent(o, new int[1]);
        continue;
      }
      if (o instanceof Cons) {
        stack.add(((Cons) o).cdr);
        stack.add(((Cons) o).car);
      } else if (o instanceof LVector || o instanceof Record) {
        Object[] items = o instanceof LVector ? ((LVector) o).items : ((Record) o).slots;
        for (int i = items.length - 1; i >= 0; i--) stack.add(items[i]);
      } else if (o instanceof HashTable) {
        for (Object[] e : ((HashTable) o).entries()) {
          stack.add(e[1]);
          stack.add(e[0]);
        }
      }
    }
  }

  private boolean isCircleCandidate(Object o) {
    return o instanceof Cons || o instanceof LVector || o instanceof Record || o instanceof HashTable
        || (gensym && o instanceof Symbol && !((Symbol) o).interned);
  }

  /** With print-circle: prints #N# and returns true if O was printed already; else labels it. */
  private boolean printLabel(Object o) {
    if (circle == null) return false;
    int[] label = circle.get(o);
    if (label == null) return false;
    if (label[0] > 0) {
      out.append('#').append(label[0]).append('#');
      return true;
    }
    label[0] = ++labelCounter;
    out.append('#').append(label[0]).append('=');
    return false;
  }

  private void printObject(Object o) {
    if (o instanceof Symbol) {
      if (circle != null && gensym && !((Symbol) o).interned && printLabel(o)) return;
      printSymbol((Symbol) o);
    } else if (o instanceof Long || o instanceof BigInteger) {
      out.append(o.toString());
    } else if (o instanceof Double) {
      out.append(FloatFormat.toLisp((Double) o));
    } else if (o instanceof LString) {
      printString((LString) o);
    } else if (o instanceof Cons || o instanceof LVector || o instanceof Record || o instanceof HashTable) {
      printComposite(o);
    } else if (o instanceof BoolVector) {
      printBoolVector((BoolVector) o);
    } else if (o instanceof Subr) {
      Subr s = (Subr) o;
      out.append(s.isSpecialForm() ? "#<subr " : "#<subr ").append(s.name).append('>');
    } else if (o instanceof Obarray) {
      out.append("#<obarray n=").append(((Obarray) o).size()).append('>');
    } else if (o instanceof PrintableObject) {
      out.append(((PrintableObject) o).printedRepresentation());
    } else {
      out.append("#<java ").append(o == null ? "null" : o.getClass().getSimpleName()).append('>');
    }
  }

  private void printComposite(Object o) {
    if (circle == null) {
      for (int i = 0; i < depth; i++) {
        if (beingPrinted[i] == o) {
          out.append('#').append(i);
          return;
        }
      }
    } else if (printLabel(o)) {
      return;
    }
    if (depth >= MAX_DEPTH) throw Lisp.error("Apparently circular structure being printed");
    // print-level limits lists only, though vectors, records and hash tables count as a level.
    if (depth >= printLevel && o instanceof Cons) {
      out.append("...");
      return;
    }
    if (beingPrinted == null) beingPrinted = new Object[MAX_DEPTH];
    beingPrinted[depth++] = o;
    try {
      if (o instanceof Cons) printList((Cons) o);
      else if (o instanceof LVector) printSlots("[", ((LVector) o).items, ']');
      else if (o instanceof Record) printSlots("#s(", ((Record) o).slots, ')');
      else printHashTable((HashTable) o);
    } finally {
      depth--;
    }
  }

  private void printList(Cons c) {
    if (quoted && c.cdr instanceof Cons && ((Cons) c.cdr).cdr == NIL) {
      String prefix = null;
      if (c.car == Q.quote) prefix = "'";
      else if (c.car == Q.function) prefix = "#'";
      else if (c.car == Q.backquote) prefix = "`";
      else if (backquoteDepth > 0 && c.car == Q.comma) prefix = ",";
      else if (backquoteDepth > 0 && c.car == Q.commaAt) prefix = ",@";
      if (prefix != null) {
        // Commas print as , and ,@ only inside a backquote, as Emacs does.
        int step = c.car == Q.backquote ? 1 : prefix.startsWith(",") ? -1 : 0;
        out.append(prefix);
        backquoteDepth += step;
        try {
          printObject(((Cons) c.cdr).car);
        } finally {
          backquoteDepth -= step;
        }
        return;
      }
    }
    out.append('(');
    // Brent's cycle detection over the cdr chain, stepping exactly as Emacs's FOR_EACH_TAIL.
    Object obj = c;
    Object tortoise = c;
    long max = 2, n = 0, q = 2;
    long i = 0;
    Object objtail = NIL;
    while (obj instanceof Cons) {
      if (i != 0) {
        out.append(' ');
        if (circle != null && circle.containsKey(obj)) {
          out.append(". ");
          printObject(obj);
          out.append(')');
          return;
        }
      }
      if (i >= printLength) {
        out.append("...");
        out.append(')');
        return;
      }
      i++;
      printObject(((Cons) obj).car);
      objtail = ((Cons) obj).cdr;
      obj = objtail;
      boolean check;
      if (--q != 0) {
        check = true;
      } else if (0 < --n) {
        check = true;
      } else {
        max <<= 1;
        q = n = max;
        n >>= 16;
        tortoise = obj;
        check = false;
      }
      if (check && obj == tortoise) obj = NIL;
    }
    if (objtail != NIL) {
      out.append(" . ");
      if (objtail instanceof Cons && circle == null) {
        out.append('#').append(i >> 1);
        out.append(')');
        return;
      }
      printObject(objtail);
    }
    out.append(')');
  }

  /** A vector's elements or a record's slots, between OPEN and CLOSE, cut at print-length. */
  private void printSlots(String open, Object[] items, char close) {
    out.append(open);
    int shown = (int) Math.min(items.length, printLength);
    for (int i = 0; i < shown; i++) {
      if (i > 0) out.append(' ');
      printObject(items[i]);
    }
    // Emacs writes " ..." even when nothing is shown: print-length 0 gives "[ ...]".
    if (shown < items.length) out.append(" ...");
    out.append(close);
  }

  private void printHashTable(HashTable h) {
    out.append("#s(hash-table size ").append(h.size());
    out.append(" test ").append(h.test.name().name());
    if (h.weakness != NIL) {
      out.append(" weakness ");
      printObject(h.weakness);
    }
    out.append(" rehash-size ");
    printObject(h.rehashSize);
    out.append(" rehash-threshold ");
    printObject(h.rehashThreshold);
    out.append(" data (");
    long pairs = 0;
    for (Object[] e : h.entries()) {
      if (pairs > 0) out.append(' ');
      if (pairs++ >= printLength) {
        out.append("...");
        break;
      }
      printObject(e[0]);
      out.append(' ');
      printObject(e[1]);
    }
    out.append("))");
  }

  private void printBoolVector(BoolVector bv) {
    out.append("#&").append(bv.size).append('"');
    for (byte b : bv.bytes()) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') out.append('\\').append((char) c);
      else if (c >= 0x80) out.append('\\').append(Integer.toOctalString(c));
      else if (escapeNewlines && c == '\n') out.append("\\n");
      else if (escapeNewlines && c == '\f') out.append("\\f");
      else out.append((char) c);
    }
    out.append('"');
  }

  private void printString(LString ls) {
    String s = ls.str();
    if (!escape) {
      out.append(rawUnibyte && !ls.multibyte() ? LString.bytesToRawBytes(s) : s);
      return;
    }
    boolean multibyte = ls.multibyte();
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (escapeNewlines && c == '\n') {
        out.append("\\n");
      } else if (escapeNewlines && c == '\f') {
        out.append("\\f");
      } else if (!multibyte && c >= 0x80 && c <= 0xff) {
        if (rawUnibyte) out.append(LString.rawByteChar(c));
        else out.append('\\').append(Integer.toOctalString(c));
      } else if (multibyte && LString.isRawByteAt(s, i)) {
        out.append('\\').append(Integer.toOctalString(LString.rawByteOf(c)));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private void printSymbol(Symbol sym) {
    String name = sym.name();
    if (gensym && !sym.interned) {
      out.append("#:");
    } else if (name.isEmpty()) {
      out.append(escape ? "##" : "");
      return;
    }
    if (name.isEmpty()) return;
    if (!escape) {
      out.append(name);
      return;
    }
    // A name the reader would take for a number gets a backslash in front; '.' and '?' are
    // escaped everywhere, like the characters that end a symbol.
    boolean confusing = looksLikeNumber(name);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\' || c == '\'' || c == ';' || c == '#' || c == '(' || c == ')'
          || c == ',' || c == '`' || c == '[' || c == ']' || c == '.' || c == '?' || c <= ' '
          || c == '\u00a0' || confusing) {
        out.append('\\');
        confusing = false;
      }
      out.append(c);
    }
  }

  private static boolean looksLikeNumber(String name) {
    char c0 = name.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) return false;
    return Reader.parseNumber(name) != null;
  }

  /**
   * An error-message property as shown to the user: like Emacs's substitute-command-keys
   * with the default text-quoting-style, `like this' becomes \u2018like this\u2019.
   */
  private static Object curlyQuotes(Object message) {
    if (!(message instanceof LString)) return message;
    String s = ((LString) message).str();
    if (s.indexOf('`') < 0 && s.indexOf('\'') < 0) return message;
    return Lisp.str(s.replace('`', '\u2018').replace('\'', '\u2019'));
  }

  /** The text of an error, as the command loop and error-message-string show it. */
  public static String errorMessageString(Symbol errSym, Object data) {
    StringBuilder sb = new StringBuilder();
    Object errmsg;
    Object tail;
    if (errSym == Q.error) {
      // (error MESSAGE . ARGS): the message is the first datum, whatever it is.
      Object d = data instanceof Cons ? data : NIL;
      errmsg = Lisp.car(d);
      tail = Lisp.cdr(d);
    } else {
      errmsg = curlyQuotes(pdmacs.subr.Data.get(errSym, Q.errorMessage));
      tail = data;
    }
    boolean fileError = false;
    Object conds = pdmacs.subr.Data.get(errSym, Q.errorConditions);
    for (Object o = conds; o instanceof Cons; o = ((Cons) o).cdr) {
      if (((Cons) o).car == Q.fileError) fileError = true;
    }
    if (fileError && tail instanceof Cons) {
      // file-error data is (STRING . DETAILS): the first string replaces the message.
      errmsg = ((Cons) tail).car;
      tail = ((Cons) tail).cdr;
    }
    if (errmsg instanceof LString) sb.append(((LString) errmsg).str());
    else sb.append("peculiar error");
    boolean first = true;
    boolean emptyMessage = errmsg instanceof LString && ((LString) errmsg).length() == 0;
    for (Object o = tail; o instanceof Cons; o = ((Cons) o).cdr) {
      // An empty message (user-error's) takes no ": " before the first datum.
      sb.append(first ? (emptyMessage ? "" : ": ") : ", ");
      first = false;
      Object item = ((Cons) o).car;
      if (fileError || errSym == Q.endOfFile || errSym == Q.userError) sb.append(princToString(item));
      else sb.append(prin1ToString(item));
    }
    return sb.toString();
  }
}
