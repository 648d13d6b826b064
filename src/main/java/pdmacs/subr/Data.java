package pdmacs.subr;

import java.math.BigInteger;
import pdmacs.eval.Eval;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LazyValue;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Q;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.bool;
import static pdmacs.lisp.Lisp.list;

/** data.c: types, cons cells, symbols, arrays and arithmetic. */
public final class Data extends SubrGroup {
  private static final int
      CONSP = 0, ATOM = 1, LISTP = 2, NLISTP = 3, SYMBOLP = 4, KEYWORDP = 5, STRINGP = 6,
      VECTORP = 7, BOOL_VECTOR_P = 8, ARRAYP = 9, SEQUENCEP = 10, INTEGERP = 11, FIXNUMP = 12,
      BIGNUMP = 13, NATNUMP = 14, NUMBERP = 15, FLOATP = 16, CHARACTERP = 17, SUBRP = 18,
      NULL = 19, EQ = 20, TYPE_OF = 21, CAR = 22, CDR = 23, CAR_SAFE = 24, CDR_SAFE = 25,
      SETCAR = 26, SETCDR = 27, BOUNDP = 28, FBOUNDP = 29, MAKUNBOUND = 30, FMAKUNBOUND = 31,
      SYMBOL_FUNCTION = 32, SYMBOL_PLIST = 33, SYMBOL_NAME = 34, FSET = 35, DEFALIAS = 36,
      SETPLIST = 37, SYMBOL_VALUE = 38, SET = 39, DEFAULT_VALUE = 40, SET_DEFAULT = 41,
      DEFAULT_BOUNDP = 42, INDIRECT_FUNCTION = 43, AREF = 44, ASET = 45, PLUS = 46, MINUS = 47,
      TIMES = 48, QUO = 49, REM = 50, MOD = 51, MAX = 52, MIN = 53, ADD1 = 54, SUB1 = 55,
      LOGAND = 56, LOGIOR = 57, LOGXOR = 58, LOGNOT = 59, ASH = 60, NUM_EQ = 61, LT = 62,
      GT = 63, LEQ = 64, GEQ = 65, NEQ = 66, NUMBER_TO_STRING = 67, STRING_TO_NUMBER = 68,
      GET = 69, PUT = 70, SUBR_ARITY = 71, SUBR_NAME = 72, SPECIAL_FORM_P = 73, ZEROP = 74,
      NUMBER_OR_MARKER_P = 75, INTEGER_OR_MARKER_P = 76, LOGCOUNT = 77, BARE_SYMBOL = 78,
      MAKE_VARIABLE_BUFFER_LOCAL = 79, LOCAL_VARIABLE_P = 80, DEFAULT_TOPLEVEL_VALUE = 81,
      SET_DEFAULT_TOPLEVEL_VALUE = 82, SPECIAL_VARIABLE_P = 83, INTERNAL_MAKE_VAR_NON_SPECIAL = 84,
      DEFVARALIAS = 85, LSH = 86, CHAR_OR_STRING_P = 87, MULTIBYTE_STRING_P = 88,
      KILL_LOCAL_VARIABLE = 89, MAKE_LOCAL_VARIABLE = 90, INDIRECT_VARIABLE = 91,
      BYTE_CODE_FUNCTION_P = 92, MODULE_FUNCTION_P = 93, RECORDP = 94, MARKERP = 95,
      BUFFERP = 96, THREADP = 97, CHAR_TABLE_P = 98, HASH_TABLE_P = 99, FUNCTIONP = 100,
      OBARRAYP = 101, CL_TYPE_OF = 102, INTERPRETED_FUNCTION_P = 103, MAX_CHAR = 104;

  @Override
  public void register() {
    defun(CONSP, "consp", 1, 1);
    defun(ATOM, "atom", 1, 1);
    defun(LISTP, "listp", 1, 1);
    defun(NLISTP, "nlistp", 1, 1);
    defun(SYMBOLP, "symbolp", 1, 1);
    defun(KEYWORDP, "keywordp", 1, 1);
    defun(STRINGP, "stringp", 1, 1);
    defun(VECTORP, "vectorp", 1, 1);
    defun(BOOL_VECTOR_P, "bool-vector-p", 1, 1);
    defun(ARRAYP, "arrayp", 1, 1);
    defun(SEQUENCEP, "sequencep", 1, 1);
    defun(INTEGERP, "integerp", 1, 1);
    defun(FIXNUMP, "fixnump", 1, 1);
    defun(BIGNUMP, "bignump", 1, 1);
    defun(NATNUMP, "natnump", 1, 1);
    defun(NUMBERP, "numberp", 1, 1);
    defun(FLOATP, "floatp", 1, 1);
    defun(CHARACTERP, "characterp", 1, 2);
    defun(SUBRP, "subrp", 1, 1);
    defun(NULL, "null", 1, 1);
    Lisp.intern("not").setFunction(Lisp.intern("null"));
    defun(EQ, "eq", 2, 2);
    defun(TYPE_OF, "type-of", 1, 1);
    defun(CAR, "car", 1, 1);
    defun(CDR, "cdr", 1, 1);
    defun(CAR_SAFE, "car-safe", 1, 1);
    defun(CDR_SAFE, "cdr-safe", 1, 1);
    defun(SETCAR, "setcar", 2, 2);
    defun(SETCDR, "setcdr", 2, 2);
    defun(BOUNDP, "boundp", 1, 1);
    defun(FBOUNDP, "fboundp", 1, 1);
    defun(MAKUNBOUND, "makunbound", 1, 1);
    defun(FMAKUNBOUND, "fmakunbound", 1, 1);
    defun(SYMBOL_FUNCTION, "symbol-function", 1, 1);
    defun(SYMBOL_PLIST, "symbol-plist", 1, 1);
    defun(SYMBOL_NAME, "symbol-name", 1, 1);
    defun(FSET, "fset", 2, 2);
    defun(DEFALIAS, "defalias", 2, 3);
    defun(SETPLIST, "setplist", 2, 2);
    defun(SYMBOL_VALUE, "symbol-value", 1, 1);
    defun(SET, "set", 2, 2);
    defun(DEFAULT_VALUE, "default-value", 1, 1);
    defun(SET_DEFAULT, "set-default", 2, 2);
    defun(DEFAULT_BOUNDP, "default-boundp", 1, 1);
    defun(INDIRECT_FUNCTION, "indirect-function", 1, 2);
    defun(AREF, "aref", 2, 2);
    defun(ASET, "aset", 3, 3);
    defun(PLUS, "+", 0, Subr.MANY);
    defun(MINUS, "-", 0, Subr.MANY);
    defun(TIMES, "*", 0, Subr.MANY);
    defun(QUO, "/", 1, Subr.MANY);
    defun(REM, "%", 2, 2);
    defun(MOD, "mod", 2, 2);
    defun(MAX, "max", 1, Subr.MANY);
    defun(MIN, "min", 1, Subr.MANY);
    defun(ADD1, "1+", 1, 1);
    defun(SUB1, "1-", 1, 1);
    defun(LOGAND, "logand", 0, Subr.MANY);
    defun(LOGIOR, "logior", 0, Subr.MANY);
    defun(LOGXOR, "logxor", 0, Subr.MANY);
    defun(LOGNOT, "lognot", 1, 1);
    defun(ASH, "ash", 2, 2);
    defun(NUM_EQ, "=", 1, Subr.MANY);
    defun(LT, "<", 1, Subr.MANY);
    defun(GT, ">", 1, Subr.MANY);
    defun(LEQ, "<=", 1, Subr.MANY);
    defun(GEQ, ">=", 1, Subr.MANY);
    defun(NEQ, "/=", 2, 2);
    defun(NUMBER_TO_STRING, "number-to-string", 1, 1);
    defun(STRING_TO_NUMBER, "string-to-number", 1, 2);
    defun(GET, "get", 2, 2);
    defun(PUT, "put", 3, 3);
    defun(SUBR_ARITY, "subr-arity", 1, 1);
    defun(SUBR_NAME, "subr-name", 1, 1);
    defun(SPECIAL_FORM_P, "special-form-p", 1, 1);
    defun(ZEROP, "zerop", 1, 1);
    defun(NUMBER_OR_MARKER_P, "number-or-marker-p", 1, 1);
    defun(INTEGER_OR_MARKER_P, "integer-or-marker-p", 1, 1);
    defun(LOGCOUNT, "logcount", 1, 1);
    defun(BARE_SYMBOL, "bare-symbol", 1, 1);
    defun(MAKE_VARIABLE_BUFFER_LOCAL, "make-variable-buffer-local", 1, 1);
    defun(LOCAL_VARIABLE_P, "local-variable-p", 1, 2);
    defun(DEFAULT_TOPLEVEL_VALUE, "default-toplevel-value", 1, 1);
    defun(SET_DEFAULT_TOPLEVEL_VALUE, "set-default-toplevel-value", 2, 2);
    defun(SPECIAL_VARIABLE_P, "special-variable-p", 1, 1);
    defun(INTERNAL_MAKE_VAR_NON_SPECIAL, "internal-make-var-non-special", 1, 1);
    defun(DEFVARALIAS, "defvaralias", 2, 3);
    defun(LSH, "lsh", 2, 2);
    defun(CHAR_OR_STRING_P, "char-or-string-p", 1, 1);
    defun(MULTIBYTE_STRING_P, "multibyte-string-p", 1, 1);
    defun(KILL_LOCAL_VARIABLE, "kill-local-variable", 1, 1);
    defun(MAKE_LOCAL_VARIABLE, "make-local-variable", 1, 1);
    defun(INDIRECT_VARIABLE, "indirect-variable", 1, 1);
    defun(BYTE_CODE_FUNCTION_P, "byte-code-function-p", 1, 1);
    defun(MODULE_FUNCTION_P, "module-function-p", 1, 1);
    defun(RECORDP, "recordp", 1, 1);
    defun(MARKERP, "markerp", 1, 1);
    defun(BUFFERP, "bufferp", 1, 1);
    defun(THREADP, "threadp", 1, 1);
    defun(CHAR_TABLE_P, "char-table-p", 1, 1);
    defun(HASH_TABLE_P, "hash-table-p", 1, 1);
    defun(FUNCTIONP, "functionp", 1, 1);
    defun(OBARRAYP, "obarrayp", 1, 1);
    defun(CL_TYPE_OF, "cl-type-of", 1, 1);
    defun(INTERPRETED_FUNCTION_P, "interpreted-function-p", 1, 1);
    defun(MAX_CHAR, "max-char", 0, 0);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case CONSP: return bool(a[0] instanceof Cons);
      case ATOM: return bool(!(a[0] instanceof Cons));
      case LISTP: return bool(Lisp.isList(a[0]));
      case NLISTP: return bool(!Lisp.isList(a[0]));
      case SYMBOLP: return bool(a[0] instanceof Symbol);
      case KEYWORDP: return bool(a[0] instanceof Symbol && ((Symbol) a[0]).isKeyword());
      case STRINGP: return bool(a[0] instanceof LString);
      case VECTORP: return bool(a[0] instanceof LVector);
      case BOOL_VECTOR_P: return bool(a[0] instanceof BoolVector);
      case ARRAYP: return bool(isArray(a[0]));
      case SEQUENCEP: return bool(isArray(a[0]) || Lisp.isList(a[0]));
      case INTEGERP: return bool(Lisp.isInteger(a[0]));
      case FIXNUMP: return bool(a[0] instanceof Long);
      case BIGNUMP: return bool(a[0] instanceof BigInteger);
      case NATNUMP: return bool(a[0] instanceof Long ? (Long) a[0] >= 0
          : a[0] instanceof BigInteger && ((BigInteger) a[0]).signum() >= 0);
      case NUMBERP:
      case NUMBER_OR_MARKER_P: return bool(Lisp.isNumber(a[0]));
      case INTEGER_OR_MARKER_P: return bool(Lisp.isInteger(a[0]));
      case FLOATP: return bool(a[0] instanceof Double);
      case CHARACTERP: return bool(a[0] instanceof Long && (Long) a[0] >= 0 && (Long) a[0] <= 0x3FFFFF);
      // The last raw byte; Emacs 28's max-char has no UNICODE argument yet.
      case MAX_CHAR: return 0x3FFFFFL;
      case CHAR_OR_STRING_P: return bool(a[0] instanceof LString
          || (a[0] instanceof Long && (Long) a[0] >= 0 && (Long) a[0] <= 0x3FFFFF));
      case SUBRP: return bool(a[0] instanceof Subr);
      case NULL: return bool(a[0] == NIL);
      case EQ: return bool(Lisp.eq(a[0], a[1]));
      case TYPE_OF: return typeOf(a[0]);
      case CL_TYPE_OF: return clTypeOf(a[0]);
      case CAR: return Lisp.car(a[0]);
      case CDR: return Lisp.cdr(a[0]);
      case CAR_SAFE: return a[0] instanceof Cons ? ((Cons) a[0]).car : NIL;
      case CDR_SAFE: return a[0] instanceof Cons ? ((Cons) a[0]).cdr : NIL;
      case SETCAR: Lisp.checkCons(a[0]).car = a[1]; return a[1];
      case SETCDR: Lisp.checkCons(a[0]).cdr = a[1]; return a[1];
      case BOUNDP: return bool(Lisp.checkSymbol(a[0]).value != Lisp.UNBOUND);
      case FBOUNDP: return bool(Lisp.checkSymbol(a[0]).fboundp());
      case MAKUNBOUND: {
        Symbol s = Lisp.checkSymbol(a[0]);
        if (s.constant) throw new LispSignal(Q.settingConstant, list(s));
        s.value = Lisp.UNBOUND;
        return s;
      }
      case FMAKUNBOUND: {
        Symbol s = Lisp.checkSymbol(a[0]);
        if (s == NIL || s == T) throw new LispSignal(Q.settingConstant, list(s));
        s.setFunction(NIL);
        return s;
      }
      case SYMBOL_FUNCTION: return Lisp.checkSymbol(a[0]).function();
      case SYMBOL_PLIST: return forcedPlist(Lisp.checkSymbol(a[0]));
      case SYMBOL_NAME: return new LString(Lisp.checkSymbol(a[0]).name());
      case BARE_SYMBOL: return Lisp.checkSymbol(a[0]);
      case FSET: {
        Symbol s = Lisp.checkSymbol(a[0]);
        if (s == NIL && a[1] != NIL) throw new LispSignal(Q.settingConstant, list(s));
        s.setFunction(a[1]);
        return a[1];
      }
      case DEFALIAS: {
        Symbol s = Lisp.checkSymbol(a[0]);
        Object hook = get(s, Lisp.intern("defalias-fset-function"));
        if (hook != NIL) Eval.funcall(hook, s, a[1]);
        else s.setFunction(a[1]);
        if (a[2] != NIL) put(s, Lisp.intern("function-documentation"), a[2]);
        return s;
      }
      case SETPLIST: Lisp.checkSymbol(a[0]).plist = a[1]; return a[1];
      case SYMBOL_VALUE: {
        Symbol s = Lisp.checkSymbol(a[0]);
        Object v = s.value;
        if (v == Lisp.UNBOUND) throw new LispSignal(Q.voidVariable, list(s));
        return v;
      }
      case SET: Eval.set(Lisp.checkSymbol(a[0]), a[1]); return a[1];
      case DEFAULT_VALUE:
      case DEFAULT_TOPLEVEL_VALUE: {
        Symbol s = Lisp.checkSymbol(a[0]);
        Object v = id == DEFAULT_VALUE ? s.value : pdmacs.eval.Specpdl.toplevelValue(s);
        if (v == Lisp.UNBOUND) throw new LispSignal(Q.voidVariable, list(s));
        return v;
      }
      case SET_DEFAULT: Eval.set(Lisp.checkSymbol(a[0]), a[1]); return a[1];
      case SET_DEFAULT_TOPLEVEL_VALUE: pdmacs.eval.Specpdl.setToplevelValue(Lisp.checkSymbol(a[0]), a[1]); return NIL;
      case DEFAULT_BOUNDP: return bool(Lisp.checkSymbol(a[0]).value != Lisp.UNBOUND);
      case INDIRECT_FUNCTION: return Eval.indirectFunction(a[0]);
      case AREF: return aref(a[0], a[1]);
      case ASET: return aset(a[0], a[1], a[2]);
      case PLUS: return plus(a);
      case MINUS: return minus(a);
      case TIMES: {
        Object r = 1L;
        for (Object x : a) r = Arith.mul(r, Lisp.checkNumber(x));
        return r;
      }
      case QUO: return quo(a);
      case REM: return Arith.rem(a[0], a[1]);
      case MOD: return Arith.mod(a[0], a[1]);
      case MAX:
      case MIN: return minMax(a, id == MAX);
      case ADD1: return Arith.add(Lisp.checkNumber(a[0]), 1L);
      case SUB1: return Arith.sub(Lisp.checkNumber(a[0]), 1L);
      case LOGAND: return logical(a, 0);
      case LOGIOR: return logical(a, 1);
      case LOGXOR: return logical(a, 2);
      case LOGNOT: return Lisp.integer(Arith.toBig(Lisp.checkInteger(a[0])).not());
      case ASH: return ash(a[0], a[1]);
      case LSH: {
        Object v = Lisp.checkInteger(a[0]);
        long n = Lisp.checkFixnum(a[1]);
        if (n < 0 && v instanceof Long && (Long) v < 0) {
          // lsh treats negative fixnums as unsigned 62-bit values when shifting right.
          long u = (Long) v & ((1L << 62) - 1);
          return Lisp.integer(n <= -64 ? 0 : u >>> -n);
        }
        return ash(v, a[1]);
      }
      case NUM_EQ: return compareChain(a, 0);
      case LT: return compareChain(a, 1);
      case GT: return compareChain(a, 2);
      case LEQ: return compareChain(a, 3);
      case GEQ: return compareChain(a, 4);
      case NEQ: {
        int c = Arith.compare(Lisp.checkNumber(a[0]), Lisp.checkNumber(a[1]));
        return bool(c != 0);
      }
      case NUMBER_TO_STRING: {
        if (!Lisp.isNumber(a[0])) throw Lisp.wrongType(Q.numberp, a[0]);
        return new LString(numberToString(a[0]));
      }
      case STRING_TO_NUMBER: return stringToNumber(Lisp.checkString(a[0]).str(), a[1]);
      case GET: return get(Lisp.checkSymbol(a[0]), a[1]);
      case PUT: put(Lisp.checkSymbol(a[0]), a[1], a[2]); return a[2];
      case SUBR_ARITY: {
        if (!(a[0] instanceof Subr)) throw Lisp.wrongType(Q.subrp, a[0]);
        Subr s = (Subr) a[0];
        Object max = s.maxArgs == Subr.MANY ? Q.many : s.maxArgs == Subr.UNEVALLED ? Q.unevalled : (Object) (long) s.maxArgs;
        return new Cons((long) s.minArgs, max);
      }
      case SUBR_NAME: {
        if (!(a[0] instanceof Subr)) throw Lisp.wrongType(Q.subrp, a[0]);
        return new LString(((Subr) a[0]).name);
      }
      case SPECIAL_FORM_P: {
        Object f = a[0] instanceof Symbol ? Eval.indirectFunction(a[0]) : a[0];
        return bool(f instanceof Subr && ((Subr) f).isSpecialForm());
      }
      case ZEROP: return bool(Arith.isZero(Lisp.checkNumber(a[0])));
      case LOGCOUNT: {
        BigInteger b = Arith.toBig(Lisp.checkInteger(a[0]));
        return (long) (b.signum() < 0 ? b.not().bitCount() : b.bitCount());
      }
      case MAKE_VARIABLE_BUFFER_LOCAL:
      case MAKE_LOCAL_VARIABLE:
      case KILL_LOCAL_VARIABLE:
      case INDIRECT_VARIABLE: return a[0];
      case LOCAL_VARIABLE_P: return NIL;
      case SPECIAL_VARIABLE_P: return bool(Lisp.checkSymbol(a[0]).special);
      case INTERNAL_MAKE_VAR_NON_SPECIAL: Lisp.checkSymbol(a[0]).special = false; return NIL;
      case DEFVARALIAS: {
        // Aliases share no cell here: the alias gets the base variable's current value.
        Symbol alias = Lisp.checkSymbol(a[0]);
        Symbol base = Lisp.checkSymbol(a[1]);
        alias.special = base.special = true;
        if (base.value == Lisp.UNBOUND && alias.value != Lisp.UNBOUND) base.value = alias.value;
        alias.value = base.value;
        return base;
      }
      case MULTIBYTE_STRING_P: return bool(a[0] instanceof LString && ((LString) a[0]).multibyte());
      case BYTE_CODE_FUNCTION_P:
      case MODULE_FUNCTION_P:
      case MARKERP:
      case BUFFERP:
      case THREADP:
      case CHAR_TABLE_P: return NIL;
      case RECORDP: return bool(a[0] instanceof Record);
      case HASH_TABLE_P: return bool(a[0] instanceof HashTable);
      case FUNCTIONP: return bool(functionp(a[0]));
      case OBARRAYP: return bool(a[0] instanceof Obarray);
      case INTERPRETED_FUNCTION_P:
        return bool(a[0] instanceof Cons && (((Cons) a[0]).car == Q.closure || ((Cons) a[0]).car == Q.lambda));
      default: throw new IllegalStateException("data " + id);
    }
  }

  static boolean isArray(Object o) {
    return o instanceof LVector || o instanceof LString || o instanceof BoolVector;
  }

  public static boolean functionp(Object o) {
    if (o instanceof Symbol && o != NIL) {
      Object f = Eval.indirectFunction(o);
      if (f instanceof Cons && ((Cons) f).car == Q.autoload) {
        Object rest = Lisp.cdr(Lisp.cdr(Lisp.cdr(Lisp.cdr(f))));
        return Lisp.car(rest) == NIL;
      }
      o = f;
    }
    if (o instanceof Subr) return !((Subr) o).isSpecialForm();
    if (o instanceof Cons) {
      Object h = ((Cons) o).car;
      return h == Q.lambda || h == Q.closure;
    }
    return false;
  }

  /** type-of: a symbol for every built-in type; a record's own type (see Record.typeName). */
  public static Object typeOf(Object o) {
    if (o instanceof Long || o instanceof BigInteger) return Q.integer;
    if (o instanceof Symbol) return Q.symbol;
    if (o instanceof LString) return Q.string;
    if (o instanceof Cons) return Q.cons;
    if (o instanceof Double) return Q.floatSym;
    if (o instanceof LVector) return Q.vector;
    if (o instanceof BoolVector) return Q.boolVector;
    if (o instanceof HashTable) return Q.hashTable;
    if (o instanceof Record) return ((Record) o).typeName();
    if (o instanceof Subr) return Q.subr;
    if (o instanceof Obarray) return Q.obarray;
    if (o instanceof TypedObject) return ((TypedObject) o).typeSymbol();
    return Lisp.intern("java-object");
  }

  private static Object clTypeOf(Object o) {
    if (o == NIL) return Lisp.intern("null");
    if (o == T) return Lisp.intern("boolean");
    if (o instanceof Symbol) return ((Symbol) o).isKeyword() ? Lisp.intern("keyword") : Q.symbol;
    if (o instanceof Long) return Lisp.intern("fixnum");
    if (o instanceof BigInteger) return Lisp.intern("bignum");
    if (o instanceof Subr) return Lisp.intern(((Subr) o).isSpecialForm() ? "special-form" : "primitive-function");
    return typeOf(o);
  }

  /** An object that names its own type for type-of (streams and other handles). */
  public interface TypedObject {
    Symbol typeSymbol();
  }

  // ---- Property lists -----------------------------------------------------------------------

  public static Object get(Symbol s, Object prop) {
    // plist-get's walk: a circular property list ends the search (nil), as in Emacs.
    ListWalk w = new ListWalk(s.plist);
    while (w.hasCons()) {
      Cons c = w.cons();
      if (!(c.cdr instanceof Cons)) break;
      // A value a dump left to be built on first use is built now.
      if (c.car == prop) return LazyValue.forceCar((Cons) c.cdr);
      w.tail = c.cdr;
      if (!w.advance()) break;
    }
    return NIL;
  }

  /**
   * S's property list, as Lisp must see it: every value a dump left to be built on first use (a
   * LazyValue in the value's cons) built, walking as get does (a cycle ends the walk).
   */
  public static Object forcedPlist(Symbol s) {
    ListWalk w = new ListWalk(s.plist);
    while (w.hasCons() && w.cons().cdr instanceof Cons) {
      LazyValue.forceCar((Cons) w.cons().cdr);
      w.tail = w.cons().cdr;
      if (!w.advance()) break;
    }
    return s.plist;
  }

  /**
   * Sets PROP in S's plist as Emacs's put does, with plist-put: a new property goes at the end;
   * a circular or improper property list signals.
   */
  public static void put(Symbol s, Object prop, Object value) {
    s.plist = Fns.plistPut(s.plist, prop, value, false);
  }

  // ---- Arrays -------------------------------------------------------------------------------

  /** An array index: aref and aset check it with fixnump, as Emacs does. */
  private static int index(Object idx) {
    if (!(idx instanceof Long)) throw Lisp.wrongType(Q.fixnump, idx);
    long v = (Long) idx;
    return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? -1 : (int) v;
  }

  public static Object aref(Object array, Object idx) {
    int i = index(idx);
    if (array instanceof LVector) {
      Object[] items = ((LVector) array).items;
      if (i < 0 || i >= items.length) throw Lisp.argsOutOfRange(array, idx);
      return items[i];
    }
    if (array instanceof Record) {
      // Emacs lets aref and aset reach a record's slots, though a record is not an array.
      Object[] slots = ((Record) array).slots;
      if (i < 0 || i >= slots.length) throw Lisp.argsOutOfRange(array, idx);
      return slots[i];
    }
    if (array instanceof LString) {
      LString s = (LString) array;
      if (i < 0 || i >= s.length()) throw Lisp.argsOutOfRange(array, idx);
      return (long) s.charAt(i);
    }
    if (array instanceof BoolVector) {
      BoolVector bv = (BoolVector) array;
      if (i < 0 || i >= bv.size) throw Lisp.argsOutOfRange(array, idx);
      return bool(bv.get(i));
    }
    throw Lisp.wrongType(Q.arrayp, array);
  }

  public static Object aset(Object array, Object idx, Object value) {
    int i = index(idx);
    if (array instanceof LVector) {
      Object[] items = ((LVector) array).items;
      if (i < 0 || i >= items.length) throw Lisp.argsOutOfRange(array, idx);
      items[i] = value;
      return value;
    }
    if (array instanceof Record) {
      Object[] slots = ((Record) array).slots;
      if (i < 0 || i >= slots.length) throw Lisp.argsOutOfRange(array, idx);
      slots[i] = value;
      return value;
    }
    if (array instanceof LString) {
      LString s = (LString) array;
      if (i < 0 || i >= s.length()) throw Lisp.argsOutOfRange(array, idx);
      int c = Lisp.checkChar(value);
      boolean rawByte = c >= 0x3FFF80;
      if (c > 0x10FFFF && !rawByte) throw Lisp.argsOutOfRange(array, idx);
      if (!s.multibyte() && c > 0xff) {
        // A unibyte string becomes multibyte for a wider character only while it is all ASCII.
        if (!LString.isAscii(s.str())) throw Lisp.argsOutOfRange(array, value);
        s.setMultibyte(true);
      }
      s.setChar(i, c);
      return value;
    }
    if (array instanceof BoolVector) {
      BoolVector bv = (BoolVector) array;
      if (i < 0 || i >= bv.size) throw Lisp.argsOutOfRange(array, idx);
      bv.set(i, value != NIL);
      return value;
    }
    throw Lisp.wrongType(Q.arrayp, array);
  }

  // ---- Arithmetic ---------------------------------------------------------------------------

  private static Object plus(Object[] a) {
    // Two fixnums, the common case: no boxed 0 + x intermediate.
    if (a.length == 2 && a[0] instanceof Long && a[1] instanceof Long) return Arith.add(a[0], a[1]);
    Object r = 0L;
    for (Object x : a) r = Arith.add(r, Lisp.checkNumber(x));
    return r;
  }

  /**
   * The evaluator's fast path for a one-argument call of subr ID: the value call(ID, {A}) would
   * return, or null to mean "use call". Only the simplest operands are handled here; anything
   * else (errors, floats, bignums) goes through call, so results and errors cannot differ.
   */
  public static Object fastCall1(int id, Object a) {
    switch (id) {
      case CAR: return a instanceof Cons ? ((Cons) a).car : a == NIL ? NIL : null;
      case CDR: return a instanceof Cons ? ((Cons) a).cdr : a == NIL ? NIL : null;
      case NULL: return bool(a == NIL);
      case CONSP: return bool(a instanceof Cons);
      case ADD1: return a instanceof Long ? Arith.add(a, 1L) : null;
      case SUB1: return a instanceof Long ? Arith.sub(a, 1L) : null;
      // The digits of a fixnum are ASCII: a unibyte string, as call makes it.
      case NUMBER_TO_STRING: return a instanceof Long ? new LString(a.toString(), false) : null;
      default: return null;
    }
  }

  /** Like {@link #fastCall1} for two arguments: fixnum arithmetic and comparisons, and eq. */
  public static Object fastCall2(int id, Object a, Object b) {
    if (id == EQ) return bool(Lisp.eq(a, b));
    if (!(a instanceof Long && b instanceof Long)) return null;
    long x = (Long) a, y = (Long) b;
    // Written out rather than calling Arith and compareFixnums: fewer calls while the
    // evaluator is not compiled yet. Arith handles what overflows a long.
    switch (id) {
      case PLUS: {
        long r = x + y;
        return ((x ^ r) & (y ^ r)) < 0 ? Arith.add(a, b) : Lisp.integer(r);
      }
      case MINUS: {
        long r = x - y;
        return ((x ^ y) & (x ^ r)) < 0 ? Arith.sub(a, b) : Lisp.integer(r);
      }
      case TIMES: return Arith.mul(a, b);
      case NUM_EQ: return bool(x == y);
      case LT: return bool(x < y);
      case GT: return bool(x > y);
      case LEQ: return bool(x <= y);
      case GEQ: return bool(x >= y);
      default: return null;
    }
  }

  /** = < > <= >= (OP 0 to 4) on two fixnums: the loop tests' fast path. */
  private static Object compareFixnums(long x, long y, int op) {
    switch (op) {
      case 0: return bool(x == y);
      case 1: return bool(x < y);
      case 2: return bool(x > y);
      case 3: return bool(x <= y);
      default: return bool(x >= y);
    }
  }

  private static Object minus(Object[] a) {
    if (a.length == 0) return 0L;
    Object first = Lisp.checkNumber(a[0]);
    if (a.length == 1) return Arith.neg(first);
    Object r = first;
    for (int i = 1; i < a.length; i++) r = Arith.sub(r, Lisp.checkNumber(a[i]));
    return r;
  }

  private static Object quo(Object[] a) {
    for (Object x : a) Lisp.checkNumber(x);
    boolean anyFloat = false;
    for (Object x : a) if (x instanceof Double) anyFloat = true;
    if (a.length == 1) return anyFloat ? 1.0 / (Double) a[0] : Arith.div(1L, a[0]);
    Object r = anyFloat ? (Object) Arith.toDouble(a[0]) : a[0];
    for (int i = 1; i < a.length; i++) r = Arith.div(r, a[i]);
    return r;
  }

  private static Object minMax(Object[] a, boolean max) {
    Object best = Lisp.checkNumber(a[0]);
    for (int i = 1; i < a.length; i++) {
      Object x = Lisp.checkNumber(a[i]);
      if (x instanceof Double && Double.isNaN((Double) x)) return x;
      if (best instanceof Double && Double.isNaN((Double) best)) return best;
      int c = Arith.compare(x, best);
      if (max ? c > 0 : c < 0) best = x;
    }
    return best;
  }

  private static Object logical(Object[] a, int op) {
    if (a.length == 0) return op == 0 ? -1L : 0L;
    boolean allFix = true;
    for (Object x : a) {
      Arith.checkIntegerOrMarker(x);
      if (!(x instanceof Long)) allFix = false;
    }
    if (allFix) {
      long r = (Long) a[0];
      for (int i = 1; i < a.length; i++) {
        long y = (Long) a[i];
        r = op == 0 ? r & y : op == 1 ? r | y : r ^ y;
      }
      return r;
    }
    BigInteger r = Arith.toBig(a[0]);
    for (int i = 1; i < a.length; i++) {
      BigInteger y = Arith.toBig(a[i]);
      r = op == 0 ? r.and(y) : op == 1 ? r.or(y) : r.xor(y);
    }
    return Lisp.integer(r);
  }

  private static Object ash(Object v, Object count) {
    Lisp.checkInteger(v);
    long n = Lisp.checkFixnum(count);
    if (v instanceof Long) {
      long x = (Long) v;
      if (n <= 0) return n <= -64 ? (x < 0 ? -1L : 0L) : x >> -n;
      if (n < 62 && Long.numberOfLeadingZeros(x < 0 ? ~x : x) > n + 2) return Lisp.integer(x << n);
    }
    if (n > 1 << 24) throw new LispSignal(Q.overflowError, NIL);
    BigInteger b = Arith.toBig(v);
    return Lisp.integer(n >= 0 ? b.shiftLeft((int) n) : b.shiftRight((int) Math.min(-n, Integer.MAX_VALUE)));
  }

  private static Object compareChain(Object[] a, int op) {
    if (a.length == 2 && a[0] instanceof Long && a[1] instanceof Long) return compareFixnums((Long) a[0], (Long) a[1], op);
    for (Object x : a) Lisp.checkNumber(x);
    for (int i = 0; i + 1 < a.length; i++) {
      int c = Arith.compare(a[i], a[i + 1]);
      boolean ok;
      if (c == 2) ok = false;
      else {
        switch (op) {
          case 0: ok = c == 0; break;
          case 1: ok = c < 0; break;
          case 2: ok = c > 0; break;
          case 3: ok = c <= 0; break;
          default: ok = c >= 0; break;
        }
      }
      if (!ok) return NIL;
    }
    return T;
  }

  public static String numberToString(Object n) {
    if (n instanceof Double) return pdmacs.print.FloatFormat.toLisp((Double) n);
    return n.toString();
  }

  /** string-to-number: leading blanks skipped, the longest numeric prefix read, 0 otherwise. */
  static Object stringToNumber(String s, Object base) {
    int radix = 10;
    if (base != NIL) {
      radix = Lisp.checkInt(base);
      if (radix < 2 || radix > 16) throw Lisp.argsOutOfRange(base);
    }
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) i++;
    s = s.substring(i);
    if (radix == 10) {
      // The longest prefix that reads as a number.
      for (int end = s.length(); end > 0; end--) {
        Object n = pdmacs.read.Reader.parseNumber(s.substring(0, end));
        if (n != null) return n;
      }
      return 0L;
    }
    int end = 0;
    if (end < s.length() && (s.charAt(end) == '-' || s.charAt(end) == '+')) end++;
    while (end < s.length() && Character.digit(s.charAt(end), radix) >= 0) end++;
    Object n = pdmacs.read.Reader.parseInteger(s.substring(0, end), radix);
    return n == null ? 0L : n;
  }
}
