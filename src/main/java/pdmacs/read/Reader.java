package pdmacs.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.Record;
import pdmacs.lisp.Symbol;
import pdmacs.subr.Alloc;
import pdmacs.subr.Fns;
import pdmacs.subr.HashTables;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.list;

/**
 * The Lisp reader: Emacs Lisp read syntax from a Java string. Each {@link #read} returns one
 * object and leaves {@link #pos} just after it. Malformed input signals invalid-read-syntax or
 * end-of-file with the data GNU Emacs gives.
 */
public final class Reader {
  private final String in;
  public int pos;
  private final int end;
  /** #N= labels of the current top-level read. */
  private Map<Long, Object> labels;
  /** Placeholders standing for #N= objects not finished yet. */
  private Map<Object, Long> placeholders;
  private int depth;
  private static final int MAX_DEPTH = 100_000;

  public Reader(String in, int start, int end) {
    this.in = in;
    this.pos = start;
    this.end = end;
  }

  public Reader(String in) {
    this(in, 0, in.length());
  }

  private static LispSignal eof() {
    return new LispSignal(Q.endOfFile, NIL);
  }

  private static LispSignal invalid(String what) {
    return new LispSignal(Q.invalidReadSyntax, list(Lisp.str(what)));
  }

  private int peek() {
    return pos < end ? in.charAt(pos) : -1;
  }

  private int next() {
    if (pos >= end) throw eof();
    return in.charAt(pos++);
  }

  /** The next code point (joining surrogate pairs). */
  private int nextCodePoint() {
    if (pos >= end) throw eof();
    int c = in.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  /** Skips white space and comments; true if an object follows. */
  public boolean skipWhitespace() {
    while (pos < end) {
      char c = in.charAt(pos);
      if (c == ';') {
        while (pos < end && in.charAt(pos) != '\n') pos++;
      } else if (c <= ' ' || c == '\u00a0') {
        pos++;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Reads one object; signals end-of-file when none is left. */
  public Object read() {
    labels = null;
    placeholders = null;
    try {
      Object o = readObject();
      if (placeholders != null) resolvePlaceholders(o);
      return o;
    } catch (StackOverflowError e) {
      // Read on a thread with less stack than the Lisp thread's: MAX_DEPTH was not reached,
      // but the input is still too deep for this caller. The frames are unwound by now.
      throw tooDeep();
    }
  }

  private static LispSignal tooDeep() {
    return Lisp.error("Nesting too deep for reader");
  }

  private Object readObject() {
    depth++;
    try {
      // Inside the try: the finally unwinds the count for this frame too when it throws.
      if (depth > MAX_DEPTH) throw tooDeep();
      while (true) {
        Object o = readOne();
        if (o != SKIP) return o;
      }
    } finally {
      depth--;
    }
  }

  private static final Object SKIP = new Object();
  private static final Object CLOSE_PAREN = new Object();
  private static final Object CLOSE_BRACKET = new Object();
  private static final Object DOT = new Object();

  private Object readOne() {
    if (!skipWhitespace()) throw eof();
    int c = next();
    switch (c) {
      case '(':
        return readList(')');
      case '[':
        return readVector();
      case ')':
        throw invalid(")");
      case ']':
        throw invalid("]");
      case '"':
        return readString();
      case '?':
        return (long) readCharLiteral();
      case '\'':
        return list(Q.quote, readObject());
      case '`':
        return list(Q.backquote, readObject());
      case ',':
        if (peek() == '@') {
          pos++;
          return list(Q.commaAt, readObject());
        }
        return list(Q.comma, readObject());
      case '#':
        return readHash();
      default:
        pos--;
        return readAtom();
    }
  }

  /** Reads list elements until CLOSE, handling dotted pairs. */
  private Object readList(char close) {
    Cons head = new Cons(NIL, NIL);
    Cons tail = head;
    while (true) {
      if (!skipWhitespace()) throw eof();
      char c = in.charAt(pos);
      if (c == ')') {
        pos++;
        return head.cdr;
      }
      if (c == ']') {
        pos++;
        throw invalid("] in a list");
      }
      if (c == '.' && isDotAt(pos)) {
        pos++;
        Object last = readObject();
        if (!skipWhitespace()) throw eof();
        if (in.charAt(pos) != ')') throw invalid(". in wrong context");
        pos++;
        // As in Emacs, "(. X)" reads as X itself.
        if (tail == head) return last;
        tail.cdr = last;
        return head.cdr;
      }
      Object o = readObject();
      Cons cell = new Cons(o, NIL);
      tail.cdr = cell;
      tail = cell;
    }
  }

  /**
   * Whether the '.' at P is the dotted-pair dot rather than the start of a symbol or number:
   * Emacs takes it as the dot when white space or the start of another object follows, but a
   * '.' just before a closing paren or bracket reads as the symbol \. .
   */
  private boolean isDotAt(int p) {
    if (p + 1 >= end) return true;
    char c = in.charAt(p + 1);
    return c <= ' ' || c == '(' || c == '[' || c == '"' || c == ';' || c == '\'' || c == '`'
        || c == ',' || c == '#' || c == '?';
  }

  private boolean isDelimiterAt(int p) {
    if (p >= end) return true;
    char c = in.charAt(p);
    return c <= ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';'
        || c == '\'' || c == '`' || c == ',';
  }

  private Object readVector() {
    List<Object> items = new ArrayList<>();
    while (true) {
      if (!skipWhitespace()) throw eof();
      char c = in.charAt(pos);
      if (c == ']') {
        pos++;
        return new LVector(items.toArray());
      }
      if (c == ')' || (c == '.' && isDotAt(pos))) {
        pos++;
        throw invalid(") or . in a vector");
      }
      items.add(readObject());
    }
  }

  // ---- Strings and characters ---------------------------------------------------------------

  private LString readString() {
    StringBuilder sb = new StringBuilder();
    boolean forceMultibyte = false, rawBytes = false;
    while (true) {
      if (pos >= end) throw eof();
      int c = nextCodePoint();
      if (c == '"') break;
      if (c == '\\') {
        int e = peek();
        if (e == '\n' || e == ' ') {
          pos++;
          continue;
        }
        int[] kind = new int[1];
        c = readEscape(true, kind);
        if (kind[0] == 1) forceMultibyte = true;
        boolean isByte = kind[0] == 2 || (c & META) != 0;
        c = inString(c);
        if (isByte && c >= 0x80) {
          // A byte escape: a raw byte if the string turns out multibyte.
          sb.append(LString.rawByteChar(c));
          rawBytes = true;
          continue;
        }
        // Emacs characters go up to 0x3FFFFF, but a pdmacs string holds Unicode only.
        if (c > Character.MAX_CODE_POINT) throw Lisp.error("Non-Unicode character: 0x" + Integer.toHexString(c));
      } else if (LString.isRawByteChar(c)) {
        // A raw byte in the text itself (a file read as bytes): a byte, as an escape gives.
        rawBytes = true;
      } else if (c >= 0x80) {
        forceMultibyte = true;
      }
      sb.appendCodePoint(c);
    }
    String s = sb.toString();
    if (forceMultibyte) return new LString(s, true);
    return new LString(rawBytes ? LString.rawBytesToBytes(s) : s, false);
  }

  /**
   * An escaped character with modifiers as a string holds it: shift uppercases a lowercase
   * letter and meta sets an ASCII character's high bit (making a byte); any other modifier
   * cannot be in a string.
   */
  private static int inString(int c) {
    int mods = c & ~0x3FFFFF;
    int base = c & 0x3FFFFF;
    if ((mods & SHIFT) != 0 && base >= 'a' && base <= 'z') {
      mods &= ~SHIFT;
      base -= 'a' - 'A';
    }
    if ((mods & META) != 0 && base < 0x80) {
      mods &= ~META;
      base |= 0x80;
    }
    if (mods != 0) throw invalid("Invalid modifier in string");
    return base;
  }


  static final int ALT = 1 << 22, SUPER = 1 << 23, HYPER = 1 << 24, SHIFT = 1 << 25,
      CTRL = 1 << 26, META = 1 << 27;

  private int readCharLiteral() {
    int c = nextCodePoint();
    if (c == '\\') c = readEscape(false, new int[1]);
    // A character must be followed by a delimiter (Emacs 27+ rejects ?ab).
    if (pos < end) {
      char n = in.charAt(pos);
      if (!(n <= ' ' || n == '(' || n == ')' || n == '[' || n == ']' || n == '"' || n == ';'
          || n == '\'' || n == '`' || n == ',' || n == '.' || n == '#' || n == '?')) {
        throw invalid("?");
      }
    }
    return c;
  }

  /**
   * What a character literal is worth when the input ends right after a modifier prefix
   * (?\\C- or ?\\^): Emacs 28 reads the end of input as the character -1 there.
   */
  private static final int END_CHAR = -1;

  /**
   * Reads an escape after a backslash. KIND[0] is set to 1 when the escape forces a multibyte
   * string (\\u, \\N, \\x above 255) and 2 when it forces a unibyte one (octal or \\x byte).
   */
  private int readEscape(boolean inString, int[] kind) {
    int c = nextCodePoint();
    switch (c) {
      case 'a': return 7;
      case 'b': return '\b';
      case 'd': return 127;
      case 'e': return 27;
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return 11;
      case 's':
        // In a string \\s is always a space; in a character ?\\s-x is super-x.
        if (!inString && peek() == '-') {
          pos++;
          return withModifier(SUPER, readModified(inString, kind));
        }
        return ' ';
      case 'x': return readHexEscape(inString, kind);
      case 'u': case 'U': {
        int v = readUnicodeEscape(c, c == 'u' ? 4 : 8);
        if (v >= 0x80) kind[0] = 1;
        return v;
      }
      case 'N': {
        if (peek() != '{') throw invalid("Expected opening brace after \\N");
        int close = in.indexOf('}', pos);
        if (close < 0 || close > end) throw eof();
        String name = in.substring(pos + 1, close);
        pos = close + 1;
        if (name.isEmpty()) throw invalid("Empty character name");
        int v = CharNames.lookup(name);
        if (v >= 0x80) kind[0] = 1;
        return v;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        for (int i = 0; i < 2 && pos < end && in.charAt(pos) >= '0' && in.charAt(pos) <= '7'; i++) {
          v = v * 8 + (in.charAt(pos++) - '0');
        }
        kind[0] = v > 0xff ? 1 : v >= 0x80 ? 2 : 0;
        return v;
      }
      case '^': {
        int base = readModified(inString, kind);
        return control(base, kind[0] == 2);
      }
      case 'C': case 'M': case 'S': case 'H': case 'A': {
        if (peek() != '-') throw Lisp.error("Invalid escape character syntax");
        pos++;
        int base = readModified(inString, kind);
        return c == 'C' ? control(base, kind[0] == 2) : withModifier(modifierBit(c), base);
      }
      case '\n':
        // Only a character literal gets here (a string skips backslash-newline): Emacs 28
        // reads ?\\ then a newline as -1.
        return END_CHAR;
      default:
        return c;
    }
  }

  private static int modifierBit(int letter) {
    switch (letter) {
      case 'M': return META;
      case 'S': return SHIFT;
      case 'H': return HYPER;
      default: return ALT;
    }
  }

  private static int withModifier(int bit, int c) {
    return c == END_CHAR ? END_CHAR : c | bit;
  }

  /** The character after a modifier prefix, itself maybe an escape. */
  private int readModified(boolean inString, int[] kind) {
    if (pos >= end && !inString) return END_CHAR;
    int c = nextCodePoint();
    if (c == '\\') return readEscape(inString, kind);
    if (c >= 0x80) kind[0] = 1;
    return c;
  }

  /**
   * \\xHEX: any number of hex digits (none reads as 0). A value past 28 bits is an error
   * naming the digits read so far; raw-byte characters stand for their byte.
   */
  private int readHexEscape(boolean inString, int[] kind) {
    long value = 0;
    while (pos < end && Character.digit(in.charAt(pos), 16) >= 0) {
      value = value * 16 + Character.digit(in.charAt(pos++), 16);
      if (value >= 0x10000000) {
        throw Lisp.error("Hex character out of range: \\x" + Long.toHexString(value) + "...");
      }
    }
    int v = (int) value;
    int base = v & 0x3FFFFF;
    if (base >= RAW_BYTE_FIRST && base <= RAW_BYTE_LAST) v -= RAW_BYTE_OFFSET;
    base = v & 0x3FFFFF;
    kind[0] = base > 0xff ? 1 : (base >= 0x80 ? 2 : 0);
    return v;
  }

  /** The first and last raw-byte characters, and what to subtract to get the byte. */
  private static final int RAW_BYTE_FIRST = 0x3FFF80, RAW_BYTE_LAST = 0x3FFFFF,
      RAW_BYTE_OFFSET = 0x3FFF00;

  /** \\uXXXX or \\UXXXXXXXX (LETTER u or U): exactly DIGITS hex digits, a Unicode code point. */
  private int readUnicodeEscape(int letter, int digits) {
    int v = 0;
    for (int i = 0; i < digits; i++) {
      if (pos >= end) {
        throw Lisp.error("Malformed Unicode escape: \\" + (char) letter + Integer.toHexString(v));
      }
      int c = in.codePointAt(pos);
      int d = Character.digit(c, 16);
      if (d < 0 || c >= 0x80) {
        throw Lisp.error("Non-hex character used for Unicode escape: " + new String(Character.toChars(c))
            + " (" + c + ")");
      }
      v = v * 16 + d;
      pos++;
    }
    if (v > Character.MAX_CODE_POINT) throw Lisp.error("Non-Unicode character: 0x" + Integer.toHexString(v));
    return v;
  }

  /**
   * C- (or ^) applied to C: ? becomes DEL; a letter or one of @[\\]^_ becomes its control
   * character, and a Latin-1 character the same way keeping its high bit (?\\C-é is 137, as
   * in Emacs); anything else, and a byte from an octal or hex escape (RAW_BYTE), gets the
   * control modifier bit.
   */
  private static int control(int c, boolean rawByte) {
    if (c == END_CHAR) return c;
    int mods = c & 0xFC00000;
    int base = c & ~0xFC00000;
    if (base == '?') return 127 | mods;
    if (rawByte || base >= 0x100) return c | CTRL;
    boolean letter = (base & 0137) >= 0101 && (base & 0137) <= 0132;
    boolean punctuation = (base & 0177) >= 0100 && (base & 0177) <= 0137;
    if (letter || punctuation) return (base & (037 | 0x80)) | mods;
    return c | CTRL;
  }

  // ---- # syntax -----------------------------------------------------------------------------

  private Object readHash() {
    if (pos >= end) throw invalid("#");
    int c = next();
    switch (c) {
      case '\'':
        return list(Q.function, readObject());
      case ':': {
        StringBuilder sb = new StringBuilder();
        readSymbolChars(sb);
        return Symbol.uninterned(sb.toString());
      }
      case '#':
        return Lisp.intern("");
      case '_': {
        // #_SYMBOL: a symbol read without shorthands, never a number.
        StringBuilder sb = new StringBuilder();
        readSymbolChars(sb);
        return intern(sb.toString());
      }
      case '&':
        return readBoolVector();
      case 's': {
        if (peek() != '(') throw invalid("#");
        pos++;
        Object spec = readList(')');
        return spec instanceof Cons && ((Cons) spec).car == Q.hashTable ? readHashTableLiteral(spec) : readRecordLiteral(spec);
      }
      case 'x':
      case 'X':
        return readRadix(16, "x");
      case 'o':
      case 'O':
        return readRadix(8, "o");
      case 'b':
      case 'B':
        return readRadix(2, "b");
      case '$':
        return Q.loadFileName.value == Lisp.UNBOUND ? NIL : Q.loadFileName.value;
      case '@': {
        // #@NUMBER skips NUMBER bytes (used in .elc files); #@00 skips to the end of input.
        if (in.startsWith("00", pos)) {
          pos = end;
          return NIL;
        }
        long n = 0;
        while (pos < end && Character.isDigit(in.charAt(pos))) n = n * 10 + (in.charAt(pos++) - '0');
        pos = (int) Math.min(end, pos + Math.max(0, n - 1));
        return SKIP;
      }
      case '!':
        while (pos < end && in.charAt(pos) != '\n') pos++;
        return SKIP;
      default:
        if (c >= '0' && c <= '9') return readLabelOrRadix(c);
        throw invalid("#");
    }
  }

  private Object readRadix(int radix, String tag) {
    int start = pos;
    while (pos < end && !isDelimiterAt(pos)) pos++;
    String digits = in.substring(start, pos);
    Object n = parseInteger(digits, radix);
    if (n == null) {
      throw invalid("integer, radix " + radix);
    }
    return n;
  }

  private Object readLabelOrRadix(int first) {
    long n = first - '0';
    while (pos < end && Character.isDigit(in.charAt(pos))) {
      n = n * 10 + (in.charAt(pos++) - '0');
      if (n > Integer.MAX_VALUE) throw invalid("#");
    }
    if (pos >= end) throw invalid("#");
    int c = next();
    if (c == 'r') {
      if (n < 2 || n > 36) throw invalid("integer, radix " + n);
      return readRadix((int) n, "r");
    }
    if (c == '=') {
      if (labels == null) {
        labels = new HashMap<>();
        placeholders = new IdentityHashMap<>();
      }
      Cons placeholder = new Cons(NIL, NIL);
      labels.put(n, placeholder);
      placeholders.put(placeholder, n);
      Object o = readObject();
      if (o == placeholder) throw invalid("#" + n + "=");
      labels.put(n, o);
      // The placeholder is replaced once, when the whole top-level object has been read.
      return o;
    }
    if (c == '#') {
      if (labels == null || !labels.containsKey(n)) throw invalid("#");
      return labels.get(n);
    }
    throw invalid("#");
  }

  /** The object label N finally stands for (a label may be defined as another's placeholder). */
  private Object finalValue(Object placeholder) {
    Object v = placeholder;
    for (int i = 0; i <= placeholders.size() && placeholders.containsKey(v); i++) v = labels.get(placeholders.get(v));
    if (placeholders.containsKey(v)) throw invalid("#");
    return v;
  }

  /**
   * Replaces every #N= placeholder inside TREE by the object its label stands for, in one walk
   * over the whole top-level object: replacing each label's placeholder as soon as the label is
   * read would walk nested labels' subtrees again and again (quadratic in the nesting).
   */
  private void resolvePlaceholders(Object tree) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayList<Object> stack = new ArrayList<>();
    stack.add(tree);
    while (!stack.isEmpty()) {
      Object o = stack.remove(stack.size() - 1);
      if (seen.put(o, Boolean.TRUE) != null) continue;
      if (o instanceof Cons) {
        Cons c = (Cons) o;
        if (placeholders.containsKey(c.car)) c.car = finalValue(c.car);
        else stack.add(c.car);
        if (placeholders.containsKey(c.cdr)) c.cdr = finalValue(c.cdr);
        else stack.add(c.cdr);
      } else if (o instanceof LVector) {
        Object[] items = ((LVector) o).items;
        for (int i = 0; i < items.length; i++) {
          if (placeholders.containsKey(items[i])) items[i] = finalValue(items[i]);
          else stack.add(items[i]);
        }
      } else if (o instanceof Record) {
        Object[] slots = ((Record) o).slots;
        for (int i = 0; i < slots.length; i++) {
          if (placeholders.containsKey(slots[i])) slots[i] = finalValue(slots[i]);
          else stack.add(slots[i]);
        }
      } else if (o instanceof HashTable) {
        HashTable h = (HashTable) o;
        for (Object[] e : h.entries()) {
          if (placeholders.containsKey(e[1])) h.put(e[0], finalValue(e[1]));
          else stack.add(e[1]);
        }
      }
    }
  }

  private Object readBoolVector() {
    long n = 0;
    int digits = 0;
    while (pos < end && Character.isDigit(in.charAt(pos))) {
      n = n * 10 + (in.charAt(pos++) - '0');
      digits++;
      if (n > Integer.MAX_VALUE) throw invalid("#&");
    }
    if (digits == 0 && pos >= end) throw eof();
    if (digits == 0 || peek() != '"') throw invalid("#&...");
    pos++;
    LString s = readString();
    String bytes = s.str();
    int need = (int) ((n + 7) / 8);
    if (bytes.length() != need) throw invalid("#&...");
    BoolVector bv = new BoolVector((int) n);
    for (int i = 0; i < n; i++) {
      if ((bytes.charAt(i >>> 3) & (1 << (i & 7))) != 0) bv.set(i, true);
    }
    return bv;
  }

  private Object readHashTableLiteral(Object spec) {
    // #N= labels can make the spec or the data circular: refuse those before walking them.
    Lisp.consCount(spec);
    Object test = Q.eql, size = 65L, weak = NIL, data = NIL;
    Object rehashSize = 1.5, rehashThreshold = 0.8125;
    for (Object o = ((Cons) spec).cdr; o instanceof Cons; ) {
      Object key = ((Cons) o).car;
      Object rest = ((Cons) o).cdr;
      if (!(rest instanceof Cons)) break;
      Object val = ((Cons) rest).car;
      if (key == Q.test) test = val;
      else if (key == Q.size) size = val;
      else if (key == Q.weakness) weak = val;
      else if (key == Q.data) data = val;
      else if (key == Q.rehashSize) rehashSize = val;
      else if (key == Q.rehashThreshold) rehashThreshold = val;
      o = ((Cons) rest).cdr;
    }
    if (isCircular(data)) throw Lisp.error("Hash table data is not a list of even length");
    HashTable h = HashTables.make(test, size instanceof Long ? (int) Math.min((Long) size, 1 << 20) : 65, weak, rehashSize, rehashThreshold);
    for (Object o = data; o instanceof Cons; ) {
      Object k = ((Cons) o).car;
      Object rest = ((Cons) o).cdr;
      if (!(rest instanceof Cons)) throw Lisp.error("Hash table data is not a list of even length");
      h.put(k, ((Cons) rest).car);
      o = ((Cons) rest).cdr;
    }
    return h;
  }

  /**
   * #s(TYPE SLOT...) other than a hash table: a record. As in Emacs, the list's length is taken
   * as length takes it (a dotted or circular list, or no type, is an error), the record size
   * limit applies, and then it must be a list.
   */
  private Record readRecordLiteral(Object spec) {
    if (placeholders != null) settleTails(spec);
    int n = Fns.sequenceLength(spec);
    if (n == 0) throw Lisp.wrongType(Q.wholenump, -1L);
    Alloc.checkRecordSize(n);
    // "#s(. [a b])" has a length too, but no first element to take the type from.
    if (!(spec instanceof Cons)) throw Lisp.wrongType(Q.listp, spec);
    Object[] slots = new Object[n];
    Object o = spec;
    for (int i = 0; i < n; i++, o = ((Cons) o).cdr) slots[i] = ((Cons) o).car;
    return new Record(slots);
  }

  /**
   * Replaces, along LIST's cdr chain, the placeholders of labels whose object is complete by
   * that object. Emacs substitutes a label as soon as its object is read, so a record's slot
   * list is already its final shape (circular, say) when the record is made; here the
   * substitution is otherwise deferred to the end of the top-level read.
   */
  private void settleTails(Object list) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object o = list; o instanceof Cons && seen.put(o, Boolean.TRUE) == null; o = ((Cons) o).cdr) {
      Cons c = (Cons) o;
      c.cdr = settled(c.cdr);
    }
  }

  /** The object O stands for when O is the placeholder of a complete label; else O itself. */
  private Object settled(Object o) {
    for (int i = 0; i <= placeholders.size() && placeholders.containsKey(o); i++) {
      Object v = labels.get(placeholders.get(o));
      if (v == o) return o; // the label's object is still being read
      o = v;
    }
    return o;
  }

  private static boolean isCircular(Object list) {
    try {
      Lisp.consCount(list);
      return false;
    } catch (LispSignal circular) {
      return true;
    }
  }

  // ---- Atoms --------------------------------------------------------------------------------

  private boolean readSymbolChars(StringBuilder sb) {
    boolean escaped = false;
    while (pos < end) {
      char c = in.charAt(pos);
      if (c == '\\') {
        pos++;
        if (pos >= end) throw eof();
        int cp = in.codePointAt(pos);
        pos += Character.charCount(cp);
        sb.appendCodePoint(cp);
        escaped = true;
        continue;
      }
      if (c <= ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';'
          || c == '\'' || c == '`' || c == ',' || c == '#' || c == '\u00a0') {
        break;
      }
      sb.append(c);
      pos++;
    }
    return escaped;
  }

  private Object readAtom() {
    StringBuilder sb = new StringBuilder();
    boolean escaped = readSymbolChars(sb);
    String tok = sb.toString();
    if (!escaped) {
      Object n = parseNumber(tok);
      if (n != null) return n;
      // A lone dot is the symbol \. only just before a closing paren or bracket, as in Emacs.
      if (tok.equals(".") && peek() != ')' && peek() != ']') throw invalid(".");
    }
    return intern(tok);
  }

  private static Object intern(String name) {
    Object ob = Q.obarray.value;
    if (ob instanceof pdmacs.lisp.Obarray && ob != Lisp.obarray) {
      return ((pdmacs.lisp.Obarray) ob).intern(name);
    }
    return Lisp.intern(name);
  }

  /** Parses an Emacs decimal integer or float; null if TOK is not a number. */
  public static Object parseNumber(String tok) {
    int n = tok.length();
    if (n == 0) return null;
    int i = 0;
    if (tok.charAt(0) == '+' || tok.charAt(0) == '-') i++;
    int intStart = i;
    while (i < n && isDigit(tok.charAt(i))) i++;
    int intDigits = i - intStart;
    boolean trailingDot = false;
    int fracDigits = 0;
    if (i < n && tok.charAt(i) == '.') {
      i++;
      int fs = i;
      while (i < n && isDigit(tok.charAt(i))) i++;
      fracDigits = i - fs;
      trailingDot = fracDigits == 0;
    }
    if (i == n) {
      if (intDigits > 0 && (fracDigits == 0)) {
        // "12" or "12." is an integer.
        String digits = tok.substring(0, trailingDot ? n - 1 : n);
        return parseInteger(digits.startsWith("+") ? digits.substring(1) : digits, 10);
      }
      if (fracDigits > 0) return Double.parseDouble(tok);
      return null;
    }
    if (intDigits + fracDigits == 0) return null;
    if (tok.charAt(i) != 'e' && tok.charAt(i) != 'E') return null;
    String mantissa = tok.substring(0, i);
    i++;
    String rest = tok.substring(i);
    boolean negative = mantissa.startsWith("-");
    if (rest.equals("+INF")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (rest.equals("+NaN")) {
      return nan(negative, nanPayload(tok.substring(intStart, intStart + intDigits)));
    }
    int j = 0;
    if (j < rest.length() && (rest.charAt(j) == '+' || rest.charAt(j) == '-')) j++;
    int expStart = j;
    while (j < rest.length() && isDigit(rest.charAt(j))) j++;
    if (j != rest.length() || j == expStart) return null;
    if (intDigits == 0 && fracDigits == 0) return null;
    if (trailingDot && intDigits == 0) return null;
    String m = mantissa.endsWith(".") ? mantissa + "0" : mantissa;
    try {
      return Double.parseDouble(m + "e" + rest);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The bits of a NaN's payload: those below the quiet bit. */
  public static final long NAN_PAYLOAD_MASK = (1L << 51) - 1;

  /** The quiet NaN with sign NEGATIVE and PAYLOAD (only its low 51 bits count). */
  public static double nan(boolean negative, long payload) {
    long bits = (negative ? Long.MIN_VALUE : 0) | 0x7ff8000000000000L | (payload & NAN_PAYLOAD_MASK);
    return Double.longBitsToDouble(bits);
  }

  /**
   * The payload written as the integer part of N.Ne+NaN: the integer modulo 2^51. Without
   * integer digits (.5e+NaN) Emacs 28 gives 2^51 - 2, whatever the fraction; so does this.
   */
  private static long nanPayload(String intDigits) {
    if (intDigits.isEmpty()) return -2;
    return new BigInteger(intDigits).longValue();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** An integer in RADIX with optional sign; null when malformed. */
  public static Object parseInteger(String s, int radix) {
    if (s.isEmpty()) return null;
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') i++;
    if (i == s.length()) return null;
    for (int j = i; j < s.length(); j++) if (Character.digit(s.charAt(j), radix) < 0) return null;
    String t = s.charAt(0) == '+' ? s.substring(1) : s;
    if (t.length() <= 15 && radix == 10 || t.length() <= 12) return Lisp.integer(Long.parseLong(t, radix));
    boolean negative = t.charAt(0) == '-';
    BigInteger magnitude = parseMagnitude(t, negative ? 1 : 0, t.length(), radix);
    return Lisp.integer(negative ? magnitude.negate() : magnitude);
  }

  /** Digits below which BigInteger's own parser (quadratic in the length) is fast enough. */
  private static final int SPLIT_DIGITS = 2000;

  /**
   * The value of the digits S[FROM, TO) in RADIX. Long numbers are split in halves (high digits
   * times RADIX to the power of the low digits' count, plus the low digits), so a 100,000-digit
   * number costs a few multiplications instead of BigInteger's quadratic parse; power-of-two
   * radixes just pack bits.
   */
  private static BigInteger parseMagnitude(String s, int from, int to, int radix) {
    if (to - from <= SPLIT_DIGITS) return new BigInteger(s.substring(from, to), radix);
    if (Integer.bitCount(radix) == 1) return packBits(s, from, to, radix);
    int mid = from + (to - from) / 2;
    BigInteger high = parseMagnitude(s, from, mid, radix), low = parseMagnitude(s, mid, to, radix);
    return high.multiply(BigInteger.valueOf(radix).pow(to - mid)).add(low);
  }

  /** The digits S[FROM, TO) in a power-of-two RADIX, in linear time. */
  private static BigInteger packBits(String s, int from, int to, int radix) {
    int bitsPerDigit = Integer.numberOfTrailingZeros(radix);
    byte[] bytes = new byte[(int) (((long) (to - from) * bitsPerDigit + 7) / 8)]; // big-endian
    long bit = 0;
    for (int j = to - 1; j >= from; j--, bit += bitsPerDigit) {
      int d = Character.digit(s.charAt(j), radix);
      for (int k = 0; k < bitsPerDigit; k++) {
        long b = bit + k;
        if ((d >> k & 1) != 0) bytes[bytes.length - 1 - (int) (b >> 3)] |= (byte) (1 << (b & 7));
      }
    }
    return new BigInteger(1, bytes);
  }
}
