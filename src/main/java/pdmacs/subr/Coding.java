package pdmacs.subr;

import java.util.ArrayList;
import java.util.List;
import pdmacs.coding.CodingSystem;
import pdmacs.coding.CodingSystem.Family;
import pdmacs.coding.CodingSystems;
import pdmacs.coding.Decoder;
import pdmacs.coding.Encoder;
import pdmacs.coding.FileCoding;
import pdmacs.eval.Eval;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;

/**
 * coding.c (and the coding-system functions of mule.el and mule-cmds.el): converting strings
 * between characters and bytes by coding system, and what Lisp asks of coding systems. The
 * conversions themselves are in {@link pdmacs.coding}; this is their Lisp face: arguments,
 * the variables that steer a conversion (inhibit-eol-conversion) or report on it
 * (last-coding-system-used), and Emacs's shortcut for ASCII text, which copies it (or returns
 * it, with NOCOPY) instead of converting.
 *
 * <p>There are no buffers: a BUFFER argument of t means a string, as in Emacs, and any other
 * non-nil value is not a buffer (wrong-type-argument bufferp).
 */
public final class Coding extends SubrGroup {
  private static final int ENCODE_CODING_STRING = 0, DECODE_CODING_STRING = 1,
      CODING_SYSTEM_P = 2, CHECK_CODING_SYSTEM = 3, CODING_SYSTEM_EOL_TYPE = 4,
      CODING_SYSTEM_BASE = 5, CODING_SYSTEM_ALIASES = 6, CODING_SYSTEM_TYPE = 7,
      CHANGE_EOL_CONVERSION = 8, CHANGE_TEXT_CONVERSION = 9, CODING_SYSTEM_LIST = 10;

  private static final Symbol codingSystemError = Lisp.intern("coding-system-error");
  private static final Symbol lastCodingSystemUsed = Lisp.intern("last-coding-system-used");
  private static final Symbol inhibitEolConversion = Lisp.intern("inhibit-eol-conversion");
  private static final Symbol codingSystemForRead = Lisp.intern("coding-system-for-read");
  private static final Symbol codingSystemForWrite = Lisp.intern("coding-system-for-write");
  private static final Symbol utf8Unix = Lisp.intern("utf-8-unix");
  private static final Symbol bufferp = Lisp.intern("bufferp");
  private static final Symbol unix = Lisp.intern("unix"), dos = Lisp.intern("dos"),
      mac = Lisp.intern("mac");
  private static final Symbol noConversion = Lisp.intern("no-conversion");
  private static final Symbol undecided = Lisp.intern("undecided");

  @Override
  public void register() {
    defun(ENCODE_CODING_STRING, "encode-coding-string", 2, 4);
    defun(DECODE_CODING_STRING, "decode-coding-string", 2, 4);
    defun(CODING_SYSTEM_P, "coding-system-p", 1, 1);
    defun(CHECK_CODING_SYSTEM, "check-coding-system", 1, 1);
    defun(CODING_SYSTEM_EOL_TYPE, "coding-system-eol-type", 1, 1);
    defun(CODING_SYSTEM_BASE, "coding-system-base", 1, 1);
    defun(CODING_SYSTEM_ALIASES, "coding-system-aliases", 1, 1);
    defun(CODING_SYSTEM_TYPE, "coding-system-type", 1, 1);
    defun(CHANGE_EOL_CONVERSION, "coding-system-change-eol-conversion", 2, 2);
    defun(CHANGE_TEXT_CONVERSION, "coding-system-change-text-conversion", 2, 2);
    defun(CODING_SYSTEM_LIST, "coding-system-list", 0, 1);
    // The names are built-in symbols, so a dump refers to them by index: a value such as
    // last-coding-system-used's then costs a loaded dump no lookup and no lazy symbol.
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case ENCODE_CODING_STRING: return convert(a, true);
      case DECODE_CODING_STRING: return convert(a, false);
      case CODING_SYSTEM_P: return Lisp.bool(a[0] == NIL || lookup(a[0]) != null);
      case CHECK_CODING_SYSTEM:
        if (a[0] != NIL) codingSystem(a[0]);
        return a[0];
      case CODING_SYSTEM_EOL_TYPE: return eolType(a[0]);
      case CODING_SYSTEM_BASE:
        return a[0] == NIL ? noConversion : Lisp.intern(codingSystem(a[0]).baseName());
      case CODING_SYSTEM_ALIASES: {
        String name = a[0] == NIL ? noConversion.name() : codingSystem(a[0]).name;
        return symbols(CodingSystems.aliases(name));
      }
      case CODING_SYSTEM_TYPE: {
        Family family = a[0] == NIL ? CodingSystems.NO_CONVERSION : codingSystem(a[0]).family;
        return Lisp.intern(family.type.lispName);
      }
      case CHANGE_EOL_CONVERSION: return changeEolConversion(a[0], a[1]);
      case CHANGE_TEXT_CONVERSION: return changeTextConversion(a[0], a[1]);
      case CODING_SYSTEM_LIST: return codingSystemList(a[0] != NIL);
      default: throw new IllegalStateException("coding " + id);
    }
  }

  // ---- Coding systems -----------------------------------------------------------------------

  /** The coding system OBJECT names, or null when it names none (or is not a symbol). */
  static CodingSystem lookup(Object object) {
    if (!(object instanceof Symbol)) return null;
    Symbol s = (Symbol) object;
    // Emacs keys coding systems by symbol: an uninterned namesake is not one.
    return s.interned ? CodingSystems.get(s.name()) : null;
  }

  /**
   * The coding system the symbol OBJECT names, as Emacs checks a coding-system argument:
   * wrong-type-argument for a non-symbol, coding-system-error for an unknown name. Nil is
   * not handled here: each caller gives it its own meaning.
   */
  public static CodingSystem codingSystem(Object object) {
    Symbol s = Lisp.checkSymbol(object);
    CodingSystem cs = lookup(s);
    if (cs == null) throw codingSystemError(s);
    return cs;
  }

  public static LispSignal codingSystemError(Object name) {
    return new LispSignal(codingSystemError, Lisp.list(name));
  }

  /** coding-system-eol-type: 0, 1 or 2, a vector of the variants, or nil for a non-system. */
  private static Object eolType(Object object) {
    if (object == NIL) return (long) CodingSystem.UNIX;
    CodingSystem cs = lookup(object);
    if (cs == null) return NIL;
    if (cs.eol != CodingSystem.DETECT) return (long) cs.eol;
    Object[] variants = new Object[3];
    for (int eol = 0; eol < 3; eol++) variants[eol] = Lisp.intern(cs.withEol(eol));
    return new LVector(variants);
  }

  /**
   * coding-system-change-eol-conversion, after mule-cmds.el: the variant of CODING's base
   * with end of line EOL (unix, dos, mac or 0-2; nil for the detecting one). Bad values fail
   * in aref and = as they do there.
   */
  private static Object changeEolConversion(Object coding, Object eol) {
    if (eol == unix) eol = 0L;
    else if (eol == dos) eol = 1L;
    else if (eol == mac) eol = 2L;
    Object base = coding == NIL ? noConversion : Lisp.intern(codingSystem(coding).baseName());
    Object original = eolType(coding);
    if (original instanceof LVector) return eol == NIL ? coding : Data.aref(original, eol);
    if (eol == NIL) return base;
    if (Arith.compare(Lisp.checkNumber(eol), original) == 0) return coding;
    Object baseEol = eolType(base);
    return baseEol instanceof LVector ? Data.aref(baseEol, eol) : NIL;
  }

  /** coding-system-change-text-conversion: CODING (undecided for nil) with CS's end of line. */
  private static Object changeTextConversion(Object cs, Object coding) {
    Object eol = eolType(cs);
    Object eolName = NIL;
    if (eol instanceof Long) eolName = (Long) eol == 0 ? unix : (Long) eol == 1 ? dos : mac;
    return changeEolConversion(coding == NIL ? undecided : coding, eolName);
  }

  /**
   * coding-system-list: every base and its aliases (the bases alone with BASE-ONLY), not the
   * end-of-line variants, in the order Emacs's list gives them.
   */
  private static Object codingSystemList(boolean baseOnly) {
    List<String> names = new ArrayList<>();
    for (Family family : CodingSystems.families()) {
      if (baseOnly) {
        names.add(family.name);
      } else {
        List<String> bases = CodingSystems.baseNames(family);
        for (int i = bases.size() - 1; i >= 0; i--) names.add(bases.get(i));
      }
    }
    return symbols(names);
  }

  private static Object symbols(List<String> names) {
    Object[] out = new Object[names.size()];
    for (int i = 0; i < out.length; i++) out[i] = Lisp.intern(names.get(i));
    return Lisp.list(out);
  }

  // ---- Conversion ---------------------------------------------------------------------------

  /** encode-coding-string and decode-coding-string: (STRING CODING-SYSTEM NOCOPY BUFFER). */
  private static Object convert(Object[] a, boolean encode) {
    LString s = Lisp.checkString(a[0]);
    Object coding = a[1];
    boolean nocopy = a[2] != NIL;
    Object buffer = a[3];
    if (coding == NIL) {
      if (buffer == NIL) {
        lastCodingSystemUsed.value = noConversion;
        return nocopy ? s : copy(s);
      }
      coding = noConversion;
    }
    CodingSystem cs = codingSystem(coding);
    if (buffer != NIL && buffer != Lisp.T) throw Lisp.wrongType(bufferp, buffer);
    return encode ? encode(s, cs, coding, nocopy, true) : decode(s, cs, coding, nocopy, true);
  }

  private static LString copy(LString s) {
    return new LString(s.str(), s.multibyte());
  }

  private static boolean inhibitEol() {
    return Eval.symbolValueOrNil(inhibitEolConversion) != NIL;
  }

  /**
   * True when converting S by CS would change nothing, so that Emacs only copies it: an
   * ASCII-compatible coding system, ASCII text, and no end of line to convert (no LF to encode
   * or CR to decode, or a coding system for Unix line ends).
   */
  private static boolean identity(LString s, CodingSystem cs, boolean encode) {
    if (!cs.asciiCompatible() || !s.isAscii()) return false;
    if (cs.eol == CodingSystem.UNIX || inhibitEol()) return true;
    return s.str().indexOf(encode ? '\n' : '\r') < 0;
  }

  /**
   * S encoded by CS (named CODING), a unibyte string. RECORD sets last-coding-system-used
   * to CODING, as encode-coding-string does.
   */
  public static LString encode(LString s, CodingSystem cs, Object coding, boolean nocopy,
      boolean record) {
    if (record) lastCodingSystemUsed.value = coding;
    if (identity(s, cs, true)) return nocopy ? s : new LString(s.str(), false);
    return new LString(Encoder.encode(s, cs, inhibitEol()), false);
  }

  /** S decoded by CS (named CODING); RECORD sets last-coding-system-used to what decoded it. */
  public static LString decode(LString s, CodingSystem cs, Object coding, boolean nocopy,
      boolean record) {
    if (identity(s, cs, false)) {
      if (record) lastCodingSystemUsed.value = coding;
      return nocopy ? s : new LString(s.str(), true);
    }
    Decoder.Decoded d = Decoder.decode(s, cs, inhibitEol());
    if (record) lastCodingSystemUsed.value = Lisp.intern(d.coding());
    return d.text();
  }

  /**
   * The text of a file of BYTES, read as Emacs reads a file: decoded by coding-system-for-read
   * when it is set, else by the coding system the bytes name themselves (a signature or a
   * coding tag), else by DEFAULT-CODING (undecided for any file, prefer-utf-8 for Lisp
   * source). last-coding-system-used says what decoded it.
   */
  public static LString readFile(byte[] bytes, String defaultCoding) {
    Object forRead = Eval.symbolValueOrNil(codingSystemForRead);
    CodingSystem cs = forRead != NIL ? codingSystem(forRead) : FileCoding.of(bytes);
    if (cs == null) cs = CodingSystems.get(defaultCoding);
    Decoder.Decoded d = Decoder.decode(bytes, cs, inhibitEol());
    lastCodingSystemUsed.value = Lisp.intern(d.coding());
    return d.text();
  }

  /**
   * The bytes a file of TEXT holds, encoded as Emacs writes a file: by coding-system-for-write
   * when it is set, else by utf-8-unix (the default buffer-file-coding-system under a UTF-8
   * locale). last-coding-system-used says which.
   */
  public static byte[] fileBytes(LString text) {
    Object forWrite = Eval.symbolValueOrNil(codingSystemForWrite);
    Object coding = forWrite != NIL ? forWrite : utf8Unix;
    LString encoded = encode(text, codingSystem(coding), coding, false, true);
    return encoded.str().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
