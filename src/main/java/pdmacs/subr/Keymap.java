package pdmacs.subr;

import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * The parts of keymap.c and keyboard.c that describe keys without needing a keymap:
 * key-description, single-key-description, text-char-description, event-convert-list and
 * internal-event-symbol-parse-modifiers.
 *
 * <p>A key is a character code with modifier bits above the character (alt bit 22 up to meta
 * bit 27), or a symbol whose name starts with modifier prefixes such as "C-M-"; mouse events
 * also have the click, drag, down, double, triple and up modifiers in their names.
 */
public final class Keymap extends SubrGroup {
  private static final int KEY_DESCRIPTION = 0, SINGLE_KEY_DESCRIPTION = 1,
      TEXT_CHAR_DESCRIPTION = 2, EVENT_CONVERT_LIST = 3, PARSE_MODIFIERS = 4;

  static final int UP = 1, DOWN = 2, DRAG = 4, CLICK = 8, DOUBLE = 16, TRIPLE = 32;
  static final int ALT = 1 << 22, SUPER = 1 << 23, HYPER = 1 << 24, SHIFT = 1 << 25,
      CTRL = 1 << 26, META = 1 << 27;
  private static final int CHAR_MODIFIERS = ALT | SUPER | HYPER | SHIFT | CTRL | META;
  /** The prefix key that stands for meta on terminals without a meta key: ESC. */
  private static final int META_PREFIX_CHAR = 27;

  private static final Symbol eventSymbolElements = Lisp.intern("event-symbol-elements");
  private static final Symbol[] lucidNonEvents = {
    Lisp.intern("help-echo"), Lisp.intern("vertical-line"), Lisp.intern("mode-line"),
    Lisp.intern("tab-line"), Lisp.intern("header-line"),
  };
  /** The names of the mouse modifiers, bit 0 up, and of the character modifiers, bit 22 up. */
  private static final String[] MOUSE_MODIFIERS = {"up", "down", "drag", "click", "double", "triple"};
  private static final String[] CHAR_MODIFIER_NAMES = {"alt", "super", "hyper", "shift", "control", "meta"};

  @Override
  public void register() {
    defun(KEY_DESCRIPTION, "key-description", 1, 2);
    defun(SINGLE_KEY_DESCRIPTION, "single-key-description", 1, 2);
    defun(TEXT_CHAR_DESCRIPTION, "text-char-description", 1, 1);
    defun(EVENT_CONVERT_LIST, "event-convert-list", 1, 1);
    defun(PARSE_MODIFIERS, "internal-event-symbol-parse-modifiers", 1, 1);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case KEY_DESCRIPTION: return keyDescription(a[0], a[1]);
      case SINGLE_KEY_DESCRIPTION: return singleKeyDescription(a[0], a[1] != NIL);
      case TEXT_CHAR_DESCRIPTION: return textCharDescription(Lisp.checkChar(a[0]));
      case EVENT_CONVERT_LIST: return eventConvertList(a[0]);
      case PARSE_MODIFIERS: return parseModifiersList(Lisp.checkSymbol(a[0]));
      default: throw new IllegalStateException();
    }
  }

  // ---- key-description

  private static LString keyDescription(Object keys, Object prefix) {
    LStringBuilder out = new LStringBuilder();
    boolean[] pendingMeta = {false};
    boolean[] any = {false};
    if (prefix != NIL) describeKeys(prefix, out, pendingMeta, any);
    describeKeys(keys, out, pendingMeta, any);
    if (pendingMeta[0]) appendDescription(out, any, Lisp.integer(META_PREFIX_CHAR));
    return any[0] ? out.build() : new LString("", false);
  }

  /**
   * Appends the description of each key of KEYS. An ESC followed by a character is that
   * character with meta, so PENDING-META carries an ESC over to the next key (even across the
   * prefix and the keys).
   */
  private static void describeKeys(Object keys, LStringBuilder out, boolean[] pendingMeta,
      boolean[] any) {
    Object[] events;
    if (keys instanceof LString) {
      LString s = (LString) keys;
      events = new Object[s.length()];
      for (int i = 0; i < events.length; i++) {
        int c = s.charAt(i);
        // A character 128-255 in a string is a meta character, as in a unibyte key string.
        if (c < 256 && (c & 0x80) != 0) c = (c ^ 0x80) | META;
        events[i] = Lisp.integer(c);
      }
    } else if (keys instanceof LVector) {
      events = ((LVector) keys).items;
    } else if (keys == NIL || keys instanceof Cons) {
      events = Lisp.toArray(keys);
    } else {
      throw Lisp.wrongType(Q.sequencep, keys);
    }
    for (Object key : events) {
      boolean isEsc = key instanceof Long && (Long) key == META_PREFIX_CHAR;
      if (pendingMeta[0]) {
        if (!(key instanceof Long) || isEsc || ((Long) key & META) != 0) {
          appendDescription(out, any, Lisp.integer(META_PREFIX_CHAR));
          if (isEsc) continue;
        } else {
          key = Lisp.integer((Long) key | META);
        }
        pendingMeta[0] = false;
      } else if (isEsc) {
        pendingMeta[0] = true;
        continue;
      }
      appendDescription(out, any, key);
    }
  }

  private static void appendDescription(LStringBuilder out, boolean[] any, Object key) {
    if (any[0]) out.appendChar(' ');
    out.appendString(singleKeyDescription(key, false));
    any[0] = true;
  }

  // ---- single-key-description

  private static LString singleKeyDescription(Object key, boolean noAngles) {
    if (key instanceof Cons && isEventTypeList(key)) key = eventConvertList(key);
    if (key instanceof Cons && ((Cons) key).car instanceof Long
        && ((Cons) key).cdr instanceof Long) {
      // A range of characters, as map-char-table passes them.
      return new LStringBuilder()
          .appendString(singleKeyDescription(((Cons) key).car, noAngles))
          .appendText("..")
          .appendString(singleKeyDescription(((Cons) key).cdr, noAngles))
          .build();
    }
    if (key instanceof Cons) key = ((Cons) key).car;
    if (key instanceof Long) {
      LStringBuilder out = new LStringBuilder().multibyte();
      describeChar((Long) key, out);
      return out.build();
    }
    if (key instanceof Symbol) {
      String name = ((Symbol) key).name();
      if (noAngles) return Lisp.str(name);
      // The brackets go after the modifier prefix: C-M-<f1>.
      int i = 0, len = name.length();
      while (i < len - 3 && name.charAt(i + 1) == '-' && "CMSsHA".indexOf(name.charAt(i)) >= 0) {
        i += 2;
      }
      return Lisp.str(name.substring(0, i) + "<" + name.substring(i) + ">");
    }
    if (key instanceof LString) {
      LString s = (LString) key;
      return new LString(s.str(), s.multibyte());
    }
    throw Lisp.error("KEY must be an integer, cons, symbol, or string");
  }

  /** True for a proper list of integers and symbols, the event-convert-list notation. */
  private static boolean isEventTypeList(Object o) {
    Object head = ((Cons) o).car;
    for (Symbol s : lucidNonEvents) if (head == s) return false;
    int steps = 0;
    while (o instanceof Cons) {
      Object elt = ((Cons) o).car;
      if (!(elt instanceof Long || elt instanceof Symbol)) return false;
      o = ((Cons) o).cdr;
      if (++steps > 1_000_000) return false;
    }
    return o == NIL;
  }

  private static void describeChar(long key, LStringBuilder out) {
    int c = (int) (key & (META | (META - 1)));
    int base = c & ~CHAR_MODIFIERS;
    if (base > 0x3FFFFF) {
      out.appendText("[" + c + "]");
      return;
    }
    boolean tabAsCi = base == '\t' && (c & META) != 0;
    if ((c & ALT) != 0) {
      out.appendText("A-");
      c -= ALT;
    }
    if ((c & CTRL) != 0 || (base < ' ' && base != 27 && base != '\t' && base != '\r')
        || tabAsCi) {
      out.appendText("C-");
      c &= ~CTRL;
    }
    if ((c & HYPER) != 0) {
      out.appendText("H-");
      c -= HYPER;
    }
    if ((c & META) != 0) {
      out.appendText("M-");
      c -= META;
    }
    if ((c & SHIFT) != 0) {
      out.appendText("S-");
      c -= SHIFT;
    }
    if ((c & SUPER) != 0) {
      out.appendText("s-");
      c -= SUPER;
    }
    if (c < ' ') {
      if (c == 27) out.appendText("ESC");
      else if (tabAsCi) out.appendChar('i');
      else if (c == '\t') out.appendText("TAB");
      else if (c == '\r') out.appendText("RET");
      else out.appendChar(c > 0 && c <= 26 ? c + 0140 : c + 0100);
    } else if (c == 0177) {
      out.appendText("DEL");
    } else if (c == ' ') {
      out.appendText("SPC");
    } else {
      out.appendChar(c);
    }
  }

  // ---- text-char-description

  private static LString textCharDescription(int c) {
    if (c >= 0x80) return new LStringBuilder().multibyte().appendChar(c).build();
    if (c < 040) return new LString("^" + (char) (c + 64), false);
    if (c == 0177) return new LString("^?", false);
    return new LString(String.valueOf((char) c), false);
  }

  // ---- event-convert-list and symbol modifiers

  private static Object eventConvertList(Object desc) {
    Object base = NIL;
    int modifiers = 0;
    int steps = 0;
    for (Object tail = desc; tail instanceof Cons; tail = ((Cons) tail).cdr) {
      if (++steps > 1_000_000) break;
      Object elt = ((Cons) tail).car;
      int bit = elt instanceof Symbol && ((Cons) tail).cdr instanceof Cons
          ? solitaryModifier(((Symbol) elt).name()) : 0;
      if (bit != 0) modifiers |= bit;
      else if (base != NIL) throw Lisp.error("Two bases given in one event");
      else base = elt;
    }
    if (base instanceof Symbol && ((Symbol) base).name().codePointCount(0,
        ((Symbol) base).name().length()) == 1) {
      base = Lisp.integer(((Symbol) base).name().codePointAt(0));
    }
    if (base instanceof Long) {
      long b = (Long) base;
      if ((modifiers & SHIFT) != 0 && b >= 'a' && b <= 'z') {
        b -= 'a' - 'A';
        modifiers &= ~SHIFT;
      }
      if ((modifiers & CTRL) != 0) return Lisp.integer((modifiers & ~CTRL) | ctrlChar(b));
      return Lisp.integer(modifiers | b);
    }
    if (base instanceof Symbol) return applyModifiers(modifiers, (Symbol) base);
    throw Lisp.error("Invalid base event");
  }

  /** The modifier bit a symbol in an event-convert-list list names, or 0. */
  private static int solitaryModifier(String name) {
    switch (name) {
      case "A": case "alt": return ALT;
      case "C": case "ctrl": case "control": return CTRL;
      case "H": case "hyper": return HYPER;
      case "M": case "meta": return META;
      case "S": case "shift": return SHIFT;
      case "s": case "super": return SUPER;
      case "click": return CLICK;
      case "drag": return DRAG;
      case "down": return DOWN;
      case "double": return DOUBLE;
      case "triple": return TRIPLE;
      case "up": return UP;
      default: return 0;
    }
  }

  /** The control version of character C: ASCII letters and @[\]^_ fold into 0-31. */
  private static long ctrlChar(long c) {
    if (c < 0 || c >= 0x80) return c | CTRL;
    long upper = c & ~0177;
    long low = c & 0177;
    if (low >= 0100 && low < 0140) {
      long orig = low;
      low &= ~0140;
      if (orig >= 'A' && orig <= 'Z') low |= SHIFT;
    } else if (low >= 'a' && low <= 'z') {
      low &= ~0140;
    } else if (low >= ' ') {
      low |= CTRL;
    }
    return low | (upper & ~CTRL);
  }

  /** BASE with the prefixes for MODIFIERS put in front of its name, in Emacs's order. */
  private static Symbol applyModifiers(int modifiers, Symbol base) {
    StringBuilder sb = new StringBuilder();
    if ((modifiers & ALT) != 0) sb.append("A-");
    if ((modifiers & CTRL) != 0) sb.append("C-");
    if ((modifiers & HYPER) != 0) sb.append("H-");
    if ((modifiers & META) != 0) sb.append("M-");
    if ((modifiers & SHIFT) != 0) sb.append("S-");
    if ((modifiers & SUPER) != 0) sb.append("s-");
    if ((modifiers & DOUBLE) != 0) sb.append("double-");
    if ((modifiers & TRIPLE) != 0) sb.append("triple-");
    if ((modifiers & UP) != 0) sb.append("up-");
    if ((modifiers & DOWN) != 0) sb.append("down-");
    if ((modifiers & DRAG) != 0) sb.append("drag-");
    return Lisp.intern(sb.append(base.name()).toString());
  }

  /**
   * (BASE MODIFIER...) for an event symbol, the modifiers from the highest bit down; the
   * result is also kept as the symbol's event-symbol-elements property, as Emacs keeps it.
   */
  private static Object parseModifiersList(Symbol symbol) {
    Object cached = Data.get(symbol, eventSymbolElements);
    if (cached != NIL) return cached;
    String name = symbol.name();
    int len = name.length();
    int modifiers = 0, i = 0;
    while (i < len - 1) {
      int bit = 0, end = 0;
      char ch = name.charAt(i);
      switch (ch) {
        case 'A': bit = ALT; end = i + 1; break;
        case 'C': bit = CTRL; end = i + 1; break;
        case 'H': bit = HYPER; end = i + 1; break;
        case 'M': bit = META; end = i + 1; break;
        case 'S': bit = SHIFT; end = i + 1; break;
        case 's': bit = SUPER; end = i + 1; break;
        default:
          for (String word : new String[] {"drag", "down", "double", "triple", "up"}) {
            if (word.length() < len - i && name.startsWith(word, i)) {
              bit = solitaryModifier(word);
              end = i + word.length();
              break;
            }
          }
      }
      if (end == 0 || end >= len || name.charAt(end) != '-') break;
      modifiers |= bit;
      i = end + 1;
    }
    if ((modifiers & (DOWN | DRAG | DOUBLE | TRIPLE)) == 0 && i + 7 == len
        && name.startsWith("mouse-", i) && name.charAt(i + 6) >= '0' && name.charAt(i + 6) <= '9') {
      modifiers |= CLICK;
    }
    if ((modifiers & (DOUBLE | TRIPLE)) == 0 && i + 6 < len && name.startsWith("wheel-", i)) {
      modifiers |= CLICK;
    }
    Object list = NIL;
    // Consed from the lowest bit up, so the list starts with the highest.
    for (int k = 0; k < 6; k++) {
      if ((modifiers & (1 << k)) != 0) list = Lisp.cons(Lisp.intern(MOUSE_MODIFIERS[k]), list);
    }
    for (int k = 0; k < 6; k++) {
      if ((modifiers & (ALT << k)) != 0) list = Lisp.cons(Lisp.intern(CHAR_MODIFIER_NAMES[k]), list);
    }
    Object result = Lisp.cons(Lisp.intern(name.substring(i)), list);
    Data.put(symbol, eventSymbolElements, result);
    return result;
  }
}
