package pdmacs.subr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import pdmacs.eval.Eval;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.bool;
import static pdmacs.lisp.Lisp.list;

/**
 * fns.c and casefiddle.c: sequences, lists, association and property lists, string comparison
 * and conversion, mapping, random numbers, and case conversion.
 *
 * <p>Loops are written out rather than streamed: a first lambda costs start-up time.
 *
 * <p>List walkers use {@link ListWalk}, so a circular list signals circular-list at the cons
 * GNU Emacs names, and the data of each wrong-type-argument (the whole list, or the tail where
 * the list stopped being one) is the one the same function gives in Emacs.
 */
public final class Fns extends SubrGroup {
  private static final int
      LENGTH = 0, SAFE_LENGTH = 1, PROPER_LIST_P = 2, LENGTH_LESS = 3, LENGTH_GREATER = 4,
      LENGTH_EQUAL = 5, NTH = 6, NTHCDR = 7, ELT = 8, MEMBER = 9, MEMQ = 10, MEMQL = 11,
      ASSQ = 12, ASSOC = 13, RASSQ = 14, RASSOC = 15, DELQ = 16, DELETE = 17, REMQ = 18,
      NREVERSE = 19, REVERSE = 20, SORT = 21, APPEND = 22, NCONC = 23, CONCAT = 24,
      VCONCAT = 25, COPY_SEQUENCE = 26, COPY_ALIST = 27, SUBSTRING = 28,
      SUBSTRING_NO_PROPERTIES = 29, STRING_EQUAL = 30, STRING_LESSP = 31, STRING_GREATERP = 32,
      COMPARE_STRINGS = 33, STRING_SEARCH = 34, STRING_DISTANCE = 35,
      STRING_VERSION_LESSP = 36, STRING_BYTES = 37, STRING_WIDTH = 38,
      STRING_TO_MULTIBYTE = 39, STRING_TO_UNIBYTE = 40, STRING_AS_UNIBYTE = 41,
      STRING_AS_MULTIBYTE = 42, STRING_MAKE_UNIBYTE = 43, STRING_MAKE_MULTIBYTE = 44,
      MAPCAR = 45, MAPC = 46, MAPCAN = 47, MAPCONCAT = 48, PLIST_GET = 49, PLIST_PUT = 50,
      PLIST_MEMBER = 51, LAX_PLIST_GET = 52, LAX_PLIST_PUT = 53, EQL = 54, EQUAL = 55,
      EQUAL_INCLUDING_PROPERTIES = 56, FILLARRAY = 57, CLEAR_STRING = 58, RANDOM = 59,
      UPCASE = 60, DOWNCASE = 61, CAPITALIZE = 62, UPCASE_INITIALS = 63, CHAR_WIDTH = 64;

  /** How the member and assoc families compare: the int codes, or a Lisp TESTFN. */
  private static final int BY_EQ = 0, BY_EQL = 1, BY_EQUAL = 2;

  private static final Symbol listOrVectorP = Lisp.intern("list-or-vector-p");
  private static final Symbol tabWidth = Lisp.intern("tab-width");

  @Override
  public void register() {
    defun(LENGTH, "length", 1, 1);
    defun(SAFE_LENGTH, "safe-length", 1, 1);
    defun(PROPER_LIST_P, "proper-list-p", 1, 1);
    defun(LENGTH_LESS, "length<", 2, 2);
    defun(LENGTH_GREATER, "length>", 2, 2);
    defun(LENGTH_EQUAL, "length=", 2, 2);
    defun(NTH, "nth", 2, 2);
    defun(NTHCDR, "nthcdr", 2, 2);
    defun(ELT, "elt", 2, 2);
    defun(MEMBER, "member", 2, 2);
    defun(MEMQ, "memq", 2, 2);
    defun(MEMQL, "memql", 2, 2);
    defun(ASSQ, "assq", 2, 2);
    defun(ASSOC, "assoc", 2, 3);
    defun(RASSQ, "rassq", 2, 2);
    defun(RASSOC, "rassoc", 2, 2);
    defun(DELQ, "delq", 2, 2);
    defun(DELETE, "delete", 2, 2);
    defun(REMQ, "remq", 2, 2);
    defun(NREVERSE, "nreverse", 1, 1);
    defun(REVERSE, "reverse", 1, 1);
    defun(SORT, "sort", 2, 2);
    defun(APPEND, "append", 0, Subr.MANY);
    defun(NCONC, "nconc", 0, Subr.MANY);
    defun(CONCAT, "concat", 0, Subr.MANY);
    defun(VCONCAT, "vconcat", 0, Subr.MANY);
    defun(COPY_SEQUENCE, "copy-sequence", 1, 1);
    defun(COPY_ALIST, "copy-alist", 1, 1);
    defun(SUBSTRING, "substring", 1, 3);
    defun(SUBSTRING_NO_PROPERTIES, "substring-no-properties", 1, 3);
    defun(STRING_EQUAL, "string-equal", 2, 2);
    defun(STRING_LESSP, "string-lessp", 2, 2);
    defun(STRING_GREATERP, "string-greaterp", 2, 2);
    // As in Emacs, the short names are aliases whose function cell holds the long name.
    Lisp.intern("string=").setFunction(Lisp.intern("string-equal"));
    Lisp.intern("string<").setFunction(Lisp.intern("string-lessp"));
    Lisp.intern("string>").setFunction(Lisp.intern("string-greaterp"));
    defun(COMPARE_STRINGS, "compare-strings", 6, 7);
    defun(STRING_SEARCH, "string-search", 2, 3);
    defun(STRING_DISTANCE, "string-distance", 2, 3);
    defun(STRING_VERSION_LESSP, "string-version-lessp", 2, 2);
    defun(STRING_BYTES, "string-bytes", 1, 1);
    defun(STRING_WIDTH, "string-width", 1, 3);
    defun(CHAR_WIDTH, "char-width", 1, 1);
    defun(STRING_TO_MULTIBYTE, "string-to-multibyte", 1, 1);
    defun(STRING_TO_UNIBYTE, "string-to-unibyte", 1, 1);
    defun(STRING_AS_UNIBYTE, "string-as-unibyte", 1, 1);
    defun(STRING_AS_MULTIBYTE, "string-as-multibyte", 1, 1);
    defun(STRING_MAKE_UNIBYTE, "string-make-unibyte", 1, 1);
    defun(STRING_MAKE_MULTIBYTE, "string-make-multibyte", 1, 1);
    defun(MAPCAR, "mapcar", 2, 2);
    defun(MAPC, "mapc", 2, 2);
    defun(MAPCAN, "mapcan", 2, 2);
    defun(MAPCONCAT, "mapconcat", 3, 3);
    defun(PLIST_GET, "plist-get", 2, 2);
    defun(PLIST_PUT, "plist-put", 3, 3);
    defun(PLIST_MEMBER, "plist-member", 2, 2);
    defun(LAX_PLIST_GET, "lax-plist-get", 2, 2);
    defun(LAX_PLIST_PUT, "lax-plist-put", 3, 3);
    defun(EQL, "eql", 2, 2);
    defun(EQUAL, "equal", 2, 2);
    defun(EQUAL_INCLUDING_PROPERTIES, "equal-including-properties", 2, 2);
    defun(FILLARRAY, "fillarray", 2, 2);
    defun(CLEAR_STRING, "clear-string", 1, 1);
    defun(RANDOM, "random", 0, 1);
    defun(UPCASE, "upcase", 1, 1);
    defun(DOWNCASE, "downcase", 1, 1);
    defun(CAPITALIZE, "capitalize", 1, 1);
    defun(UPCASE_INITIALS, "upcase-initials", 1, 1);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case LENGTH: return (long) sequenceLength(a[0]);
      case SAFE_LENGTH: return (long) safeLength(a[0]);
      case PROPER_LIST_P: return properListP(a[0]);
      case LENGTH_LESS: return bool(compareLength(a[0], a[1]) < 0);
      case LENGTH_GREATER: return bool(compareLength(a[0], a[1]) > 0);
      case LENGTH_EQUAL: return bool(compareLength(a[0], a[1]) == 0);
      case NTH: return Lisp.car(nthcdr(a[0], a[1]));
      case NTHCDR: return nthcdr(a[0], a[1]);
      case ELT: return elt(a[0], a[1]);
      case MEMBER: return member(BY_EQUAL, a[0], a[1]);
      case MEMQ: return member(BY_EQ, a[0], a[1]);
      case MEMQL: return member(BY_EQL, a[0], a[1]);
      case ASSQ: return assoc(BY_EQ, a[0], a[1], false);
      case ASSOC:
        return a[2] == NIL ? assoc(BY_EQUAL, a[0], a[1], false) : assocBy(a[0], a[1], a[2]);
      case RASSQ: return assoc(BY_EQ, a[0], a[1], true);
      case RASSOC: return assoc(BY_EQUAL, a[0], a[1], true);
      case DELQ: return deleteFromList(BY_EQ, a[0], a[1]);
      case DELETE: return delete(a[0], a[1]);
      case REMQ: return remq(a[0], a[1]);
      case NREVERSE: return nreverse(a[0]);
      case REVERSE: return reverse(a[0]);
      case SORT: return sort(a[0], a[1]);
      case APPEND: return append(a);
      case NCONC: return nconc(a);
      case CONCAT: return concat(a);
      case VCONCAT: return vconcat(a);
      case COPY_SEQUENCE: return copySequence(a[0]);
      case COPY_ALIST: return copyAlist(a[0]);
      case SUBSTRING: return substring(a[0], a[1], a[2]);
      case SUBSTRING_NO_PROPERTIES: return substring(Lisp.checkString(a[0]), a[1], a[2]);
      case STRING_EQUAL: return bool(stringEqual(a[0], a[1]));
      case STRING_LESSP: return bool(compareCodePoints(designator(a[0]), designator(a[1])) < 0);
      case STRING_GREATERP: return bool(compareCodePoints(designator(a[0]), designator(a[1])) > 0);
      case COMPARE_STRINGS: return compareStrings(a);
      case STRING_SEARCH: return stringSearch(a[0], a[1], a[2]);
      case STRING_DISTANCE: return stringDistance(a[0], a[1], a[2] != NIL);
      case STRING_VERSION_LESSP:
        return bool(versionCompare(designatorBytes(a[0]), designatorBytes(a[1])) < 0);
      case STRING_BYTES: return (long) Lisp.checkString(a[0]).byteLength();
      case STRING_WIDTH: return stringWidth(a[0], a[1], a[2]);
      case CHAR_WIDTH: return (long) charWidth(Lisp.checkChar(a[0]), true, tabWidth());
      case STRING_TO_MULTIBYTE: return toMultibyte(Lisp.checkString(a[0]));
      case STRING_TO_UNIBYTE: return toUnibyte(Lisp.checkString(a[0]));
      case STRING_AS_UNIBYTE: return asUnibyte(Lisp.checkString(a[0]));
      case STRING_AS_MULTIBYTE: return asMultibyte(Lisp.checkString(a[0]));
      case STRING_MAKE_UNIBYTE: return makeUnibyte(Lisp.checkString(a[0]));
      case STRING_MAKE_MULTIBYTE: return makeMultibyte(Lisp.checkString(a[0]));
      case MAPCAR: return Lisp.list(mapResults(a[0], a[1]));
      case MAPC: mapResults(a[0], a[1]); return a[1];
      case MAPCAN: return nconc(mapResults(a[0], a[1]));
      case MAPCONCAT: return mapconcat(a[0], a[1], a[2]);
      case PLIST_GET: return plistGet(a[0], a[1]);
      case PLIST_PUT: return plistPut(a[0], a[1], a[2], false);
      case PLIST_MEMBER: return plistMember(a[0], a[1]);
      case LAX_PLIST_GET: return laxPlistGet(a[0], a[1]);
      case LAX_PLIST_PUT: return plistPut(a[0], a[1], a[2], true);
      case EQL: return bool(Lisp.eql(a[0], a[1]));
      case EQUAL:
      // Strings carry no text properties here, so the two equalities coincide.
      case EQUAL_INCLUDING_PROPERTIES: return bool(Lisp.equal(a[0], a[1]));
      case FILLARRAY: return fillarray(a[0], a[1]);
      case CLEAR_STRING: return clearString(a[0]);
      case RANDOM: return RandomNumbers.random(a[0]);
      case UPCASE: return casify(a[0], CaseMapping.Mode.UPCASE);
      case DOWNCASE: return casify(a[0], CaseMapping.Mode.DOWNCASE);
      case CAPITALIZE: return casify(a[0], CaseMapping.Mode.CAPITALIZE);
      case UPCASE_INITIALS: return casify(a[0], CaseMapping.Mode.UPCASE_INITIALS);
      default: throw new IllegalStateException("Fns " + id);
    }
  }

  // ---- Argument checks ----------------------------------------------------------------------

  /** A fixnum, signalling (wrong-type-argument fixnump X) otherwise, as CHECK_FIXNUM does. */
  private static long checkFixnum(Object o) {
    if (o instanceof Long) return (Long) o;
    throw Lisp.wrongType(Q.fixnump, o);
  }

  // ---- Lengths ------------------------------------------------------------------------------

  /** A proper list's length; the error data of a dotted list is its last tail. */
  public static int listLength(Object list) {
    ListWalk w = new ListWalk(list);
    int n = 0;
    for (; w.hasCons(); w.next()) n++;
    if (w.tail != NIL) throw Lisp.wrongType(Q.listp, w.tail);
    return n;
  }

  public static int sequenceLength(Object seq) {
    if (Lisp.isList(seq)) return listLength(seq);
    if (seq instanceof LString) return ((LString) seq).length();
    if (seq instanceof LVector) return ((LVector) seq).length();
    if (seq instanceof BoolVector) return ((BoolVector) seq).size;
    // Not a sequence for anything else, but Emacs's length counts a record's slots.
    if (seq instanceof Record) return ((Record) seq).length();
    throw Lisp.wrongType(Q.sequencep, seq);
  }

  /** Conses before the end or before the walk noticed a cycle. */
  private static long safeLength(Object list) {
    ListWalk w = new ListWalk(list);
    long n = 0;
    while (w.hasCons()) {
      n++;
      if (!w.advance()) break;
    }
    return n;
  }

  private static Object properListP(Object list) {
    ListWalk w = new ListWalk(list);
    long n = 0;
    while (w.hasCons()) {
      n++;
      if (!w.advance()) return NIL;
    }
    return w.tail == NIL ? (Object) n : NIL;
  }

  /**
   * Compares SEQ's length with N (negative, zero or positive). A list is walked only as far as
   * needed, so a dotted or circular list is no error here.
   */
  private static int compareLength(Object seq, Object n) {
    long limit = checkFixnum(n);
    if (!(seq instanceof Cons)) return Long.compare(sequenceLength(seq), limit);
    long count = 0;
    for (Object o = seq; o instanceof Cons && count <= limit; o = ((Cons) o).cdr) count++;
    return Long.compare(count, limit);
  }

  // ---- nth, nthcdr, elt ---------------------------------------------------------------------

  /**
   * The Nth tail of LIST. N may be a bignum; a cycle met on the way is measured once, so a huge
   * N on a circular list costs no more than a lap.
   */
  public static Object nthcdr(Object n, Object list) {
    Lisp.checkInteger(n);
    BigInteger big = n instanceof BigInteger ? (BigInteger) n : null;
    if (big != null ? big.signum() <= 0 : (Long) n <= 0) return list;
    long remaining = big != null ? Long.MAX_VALUE : (Long) n;
    ListWalk w = new ListWalk(list);
    long walked = 0;
    while (remaining > 0) {
      if (!w.hasCons()) {
        if (w.tail != NIL) throw Lisp.wrongType(Q.listp, list);
        return NIL;
      }
      remaining--;
      walked++;
      if (!w.advance()) {
        long cycle = w.stepsSinceTortoise();
        remaining = big != null
            ? big.subtract(BigInteger.valueOf(walked)).mod(BigInteger.valueOf(cycle)).longValue()
            : remaining % cycle;
        Object tail = w.tail;
        for (; remaining > 0; remaining--) tail = ((Cons) tail).cdr;
        return tail;
      }
    }
    return w.tail;
  }

  private static Object elt(Object seq, Object n) {
    if (Lisp.isList(seq)) return Lisp.car(nthcdr(n, seq));
    if (!(seq instanceof LString || seq instanceof LVector || seq instanceof BoolVector)) {
      throw Lisp.wrongType(Q.sequencep, seq);
    }
    checkFixnum(n);
    return Data.aref(seq, n);
  }

  // ---- member, assoc, delq ------------------------------------------------------------------

  private static boolean same(int test, Object a, Object b) {
    switch (test) {
      case BY_EQ: return Lisp.eq(a, b);
      case BY_EQL: return Lisp.eql(a, b);
      default: return Lisp.equal(a, b);
    }
  }

  private static Object member(int test, Object elt, Object list) {
    ListWalk w = new ListWalk(list);
    for (; w.hasCons(); w.next()) if (same(test, elt, w.car())) return w.tail;
    if (w.tail != NIL) throw Lisp.wrongType(Q.listp, list);
    return NIL;
  }

  /** assq, assoc, rassq and rassoc: the first cons element whose car (cdr) matches KEY. */
  private static Object assoc(int test, Object key, Object list, boolean byCdr) {
    ListWalk w = new ListWalk(list);
    for (; w.hasCons(); w.next()) {
      if (w.car() instanceof Cons) {
        Cons entry = (Cons) w.car();
        if (same(test, key, byCdr ? entry.cdr : entry.car)) return entry;
      }
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.listp, list);
    return NIL;
  }

  /** assoc with a TESTFN, called as (TESTFN CAR KEY) like Emacs does. */
  private static Object assocBy(Object key, Object list, Object testfn) {
    ListWalk w = new ListWalk(list);
    for (; w.hasCons(); w.next()) {
      if (w.car() instanceof Cons) {
        Cons entry = (Cons) w.car();
        if (Eval.funcall(testfn, entry.car, key) != NIL) return entry;
      }
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.listp, list);
    return NIL;
  }

  /** Destructively removes matching elements; a dotted list's error names what remains. */
  private static Object deleteFromList(int test, Object elt, Object list) {
    Object head = list;
    Cons prev = null;
    ListWalk w = new ListWalk(list);
    for (; w.hasCons(); w.next()) {
      Cons c = w.cons();
      if (same(test, elt, c.car)) {
        if (prev == null) head = c.cdr;
        else prev.cdr = c.cdr;
      } else {
        prev = c;
      }
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.listp, head);
    return head;
  }

  /** delete: lists in place; vectors and strings are copied, unless nothing matched. */
  private static Object delete(Object elt, Object seq) {
    if (seq instanceof LVector) {
      Object[] items = ((LVector) seq).items;
      List<Object> kept = new ArrayList<>(items.length);
      for (Object x : items) if (!Lisp.equal(x, elt)) kept.add(x);
      return kept.size() == items.length ? seq : new LVector(kept.toArray());
    }
    if (seq instanceof LString) {
      LString s = (LString) seq;
      if (!(elt instanceof Long)) return seq;
      long c = (Long) elt;
      String text = s.str();
      StringBuilder kept = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); ) {
        int x = text.codePointAt(i);
        i += Character.charCount(x);
        if (LString.charCode(x) != c) kept.appendCodePoint(x);
      }
      if (kept.length() == text.length()) return seq;
      return new LString(kept.toString(), s.multibyte());
    }
    return deleteFromList(BY_EQUAL, elt, seq);
  }

  /** remq as subr.el defines it: a copy without ELT, sharing LIST when there is nothing to do. */
  private static Object remq(Object elt, Object list) {
    while (Lisp.eq(elt, Lisp.car(list))) {
      list = Lisp.cdr(list);
      if (list == NIL) return NIL;
    }
    if (member(BY_EQ, elt, list) == NIL) return list;
    return deleteFromList(BY_EQ, elt, copySequence(list));
  }

  // ---- Reversing and sorting ----------------------------------------------------------------

  private static Object nreverse(Object seq) {
    if (seq == NIL) return NIL;
    if (seq instanceof Cons) {
      Object prev = NIL;
      Object tail = seq;
      while (tail instanceof Cons) {
        Cons c = (Cons) tail;
        Object next = c.cdr;
        // Coming back to the head is the one cycle this cheap walk can see.
        if (next == seq) throw ListWalk.circular(seq);
        c.cdr = prev;
        prev = c;
        tail = next;
      }
      if (tail != NIL) throw Lisp.wrongType(Q.listp, seq);
      return prev;
    }
    if (seq instanceof LVector) {
      reverseInPlace(((LVector) seq).items);
      return seq;
    }
    if (seq instanceof BoolVector) {
      BoolVector v = (BoolVector) seq;
      for (int i = 0, j = v.size - 1; i < j; i++, j--) {
        boolean x = v.get(i);
        v.set(i, v.get(j));
        v.set(j, x);
      }
      return seq;
    }
    if (seq instanceof LString) return reverse(seq);
    throw Lisp.wrongType(Q.arrayp, seq);
  }

  private static void reverseInPlace(Object[] items) {
    for (int i = 0, j = items.length - 1; i < j; i++, j--) {
      Object x = items[i];
      items[i] = items[j];
      items[j] = x;
    }
  }

  private static Object reverse(Object seq) {
    if (Lisp.isList(seq)) {
      Object r = NIL;
      ListWalk w = new ListWalk(seq);
      for (; w.hasCons(); w.next()) r = Lisp.cons(w.car(), r);
      if (w.tail != NIL) throw Lisp.wrongType(Q.listp, w.tail);
      return r;
    }
    if (seq instanceof LVector) {
      Object[] items = ((LVector) seq).items.clone();
      reverseInPlace(items);
      return new LVector(items);
    }
    if (seq instanceof LString) {
      LString s = (LString) seq;
      return new LString(new StringBuilder(s.str()).reverse().toString(), s.multibyte());
    }
    if (seq instanceof BoolVector) {
      BoolVector v = (BoolVector) seq;
      BoolVector r = new BoolVector(v.size);
      for (int i = 0; i < v.size; i++) r.set(v.size - 1 - i, v.get(i));
      return r;
    }
    throw Lisp.wrongType(Q.sequencep, seq);
  }

  /**
   * Stable sort. A list is sorted by relinking its conses, each keeping its element, so the
   * original first cons ends up wherever its element belongs, as in Emacs.
   */
  private static Object sort(Object seq, Object predicate) {
    if (Lisp.isList(seq)) {
      int n = listLength(seq);
      if (n < 2) return seq;
      Object[] cells = new Object[n];
      Object o = seq;
      for (int i = 0; i < n; i++, o = ((Cons) o).cdr) cells[i] = o;
      mergeSort(cells, predicate, true);
      for (int i = 0; i < n - 1; i++) ((Cons) cells[i]).cdr = cells[i + 1];
      ((Cons) cells[n - 1]).cdr = NIL;
      return cells[0];
    }
    if (seq instanceof LVector) {
      Object[] items = ((LVector) seq).items;
      Object[] sorted = items.clone();
      mergeSort(sorted, predicate, false);
      System.arraycopy(sorted, 0, items, 0, items.length);
      return seq;
    }
    throw Lisp.wrongType(listOrVectorP, seq);
  }

  /** A stable merge sort calling PREDICATE; with OF_CARS the items are conses keyed by car. */
  private static void mergeSort(Object[] items, Object predicate, boolean ofCars) {
    Object[] tmp = new Object[items.length];
    for (int width = 1; width < items.length; width <<= 1) {
      for (int lo = 0; lo < items.length - width; lo += 2 * width) {
        int mid = lo + width, hi = Math.min(lo + 2 * width, items.length);
        merge(items, tmp, lo, mid, hi, predicate, ofCars);
      }
    }
  }

  private static void merge(Object[] items, Object[] tmp, int lo, int mid, int hi,
      Object predicate, boolean ofCars) {
    System.arraycopy(items, lo, tmp, lo, hi - lo);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      Object left = ofCars ? ((Cons) tmp[i]).car : tmp[i];
      Object right = ofCars ? ((Cons) tmp[j]).car : tmp[j];
      // Take from the right only when it is strictly before the left: that keeps ties stable.
      if (Eval.funcall(predicate, right, left) != NIL) items[k++] = tmp[j++];
      else items[k++] = tmp[i++];
    }
    while (i < mid) items[k++] = tmp[i++];
    while (j < hi) items[k++] = tmp[j++];
  }

  // ---- Building sequences -------------------------------------------------------------------

  /** The elements of any sequence, in order; errors as length gives them. */
  private static Object[] elements(Object seq) {
    if (Lisp.isList(seq)) {
      Object[] out = new Object[listLength(seq)];
      Object o = seq;
      for (int i = 0; i < out.length; i++, o = ((Cons) o).cdr) out[i] = ((Cons) o).car;
      return out;
    }
    if (seq instanceof LVector) return ((LVector) seq).items.clone();
    if (seq instanceof LString) {
      String text = ((LString) seq).str();
      Object[] out = new Object[text.codePointCount(0, text.length())];
      for (int i = 0, k = 0; k < out.length; k++) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        out[k] = (long) LString.charCode(c);
      }
      return out;
    }
    if (seq instanceof BoolVector) {
      BoolVector v = (BoolVector) seq;
      Object[] out = new Object[v.size];
      for (int i = 0; i < v.size; i++) out[i] = bool(v.get(i));
      return out;
    }
    throw Lisp.wrongType(Q.sequencep, seq);
  }

  private static Object append(Object[] args) {
    if (args.length == 0) return NIL;
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < args.length - 1; i++) for (Object x : elements(args[i])) items.add(x);
    Object r = args[args.length - 1];
    for (int i = items.size() - 1; i >= 0; i--) r = Lisp.cons(items.get(i), r);
    return r;
  }

  /**
   * Destructive append. Each list is linked to the next argument before that argument is
   * checked, so an error leaves the earlier links made, as in Emacs; a nil argument passes the
   * last cons on to the one after it.
   */
  private static Object nconc(Object[] args) {
    Object result = NIL;
    Cons last = null;
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == NIL) continue;
      if (i == args.length - 1) {
        if (last != null) last.cdr = arg;
        return result == NIL ? arg : result;
      }
      Cons head = Lisp.checkCons(arg);
      if (last != null) last.cdr = head;
      if (result == NIL) result = head;
      last = lastCons(head);
      last.cdr = args[i + 1];
    }
    return result;
  }

  private static Cons lastCons(Cons list) {
    ListWalk w = new ListWalk(list);
    Cons last = list;
    for (; w.hasCons(); w.next()) last = w.cons();
    return last;
  }

  private static LString concat(Object[] args) {
    LStringBuilder b = new LStringBuilder(concatCapacity(args));
    for (Object arg : args) {
      if (arg instanceof LString) {
        b.appendString((LString) arg);
      } else if (arg instanceof BoolVector) {
        // Emacs checks a bool-vector's t and nil as integers, not as characters.
        if (((BoolVector) arg).size > 0) throw Lisp.wrongType(Q.integerp, elements(arg)[0]);
      } else {
        for (Object c : elements(arg)) b.appendChar(Lisp.checkChar(c));
      }
    }
    return b.build();
  }

  /**
   * The chars the string arguments of concat hold (the result's size when all are strings), for
   * a few arguments. Many (apply #'concat LIST) are appended to a buffer that grows instead: that
   * call runs once, in the JVM's interpreter, where a second walk over the arguments costs more
   * than the buffer's copies as it doubles.
   */
  private static int concatCapacity(Object[] args) {
    if (args.length > 16) return 16 * args.length;
    long n = 16;
    for (Object arg : args) if (arg instanceof LString) n += ((LString) arg).str().length();
    return (int) Math.min(n, Integer.MAX_VALUE - 16);
  }

  private static LVector vconcat(Object[] args) {
    List<Object> items = new ArrayList<>();
    for (Object arg : args) for (Object x : elements(arg)) items.add(x);
    return new LVector(items.toArray());
  }

  public static Object copySequence(Object seq) {
    if (seq == NIL) return NIL;
    if (seq instanceof Cons) {
      Cons head = new Cons(((Cons) seq).car, NIL);
      Cons last = head;
      ListWalk w = new ListWalk(seq);
      for (w.next(); w.hasCons(); w.next()) {
        Cons c = new Cons(w.car(), NIL);
        last.cdr = c;
        last = c;
      }
      if (w.tail != NIL) throw Lisp.wrongType(Q.listp, w.tail);
      return head;
    }
    if (seq instanceof LVector) return new LVector(((LVector) seq).items.clone());
    if (seq instanceof LString) {
      LString s = (LString) seq;
      return new LString(s.str(), s.multibyte());
    }
    if (seq instanceof BoolVector) {
      BoolVector v = (BoolVector) seq;
      return new BoolVector(v.size, v.bytes().clone());
    }
    // The copier of every cl-defstruct: Emacs copies records like vectors.
    if (seq instanceof Record) return new Record(((Record) seq).slots.clone());
    throw Lisp.wrongType(Q.sequencep, seq);
  }

  /** A copy of ALIST (any sequence, as in Emacs) with each cons element copied too. */
  private static Object copyAlist(Object alist) {
    Object[] items = elements(alist);
    for (int i = 0; i < items.length; i++) {
      if (items[i] instanceof Cons) {
        Cons c = (Cons) items[i];
        items[i] = Lisp.cons(c.car, c.cdr);
      }
    }
    return list(items);
  }

  // ---- Substrings ---------------------------------------------------------------------------

  /**
   * FROM and TO as indexes into a sequence of LENGTH: nil means the ends, negative counts from
   * the end. Out of range, signals args-out-of-range with SEQ and the arguments as given.
   */
  static int[] range(Object seq, int length, Object from, Object to) {
    int start = rangeIndex(seq, length, from, to, from, 0);
    int end = rangeIndex(seq, length, from, to, to, length);
    if (start > end) throw Lisp.argsOutOfRange(seq, from, to);
    return new int[] {start, end};
  }

  private static int rangeIndex(Object seq, int length, Object from, Object to, Object index,
      int dflt) {
    if (index == NIL) return dflt;
    if (!(index instanceof Long)) throw Lisp.wrongType(Q.integerp, index);
    long i = (Long) index;
    if (i < 0) i += length;
    if (i < 0 || i > length) throw Lisp.argsOutOfRange(seq, from, to);
    return (int) i;
  }

  private static Object substring(Object seq, Object from, Object to) {
    if (seq instanceof LString) {
      LString s = (LString) seq;
      int[] r = range(seq, s.length(), from, to);
      return new LString(s.substring(r[0], r[1]), s.multibyte());
    }
    if (seq instanceof LVector) {
      Object[] items = ((LVector) seq).items;
      int[] r = range(seq, items.length, from, to);
      return new LVector(java.util.Arrays.copyOfRange(items, r[0], r[1]));
    }
    throw Lisp.wrongType(Q.arrayp, seq);
  }

  // ---- String comparison --------------------------------------------------------------------

  /** A string or a symbol's name, as the string comparisons accept. */
  private static LString designator(Object o) {
    if (o instanceof LString) return (LString) o;
    if (o instanceof Symbol) return new LString(((Symbol) o).name());
    throw Lisp.wrongType(Q.stringp, o);
  }

  /**
   * string-equal compares the internal bytes: a unibyte string with bytes over 127 never equals
   * a multibyte one, since in Emacs those bytes are raw bytes, not Latin-1 characters.
   */
  private static boolean stringEqual(Object a, Object b) {
    LString x = designator(a), y = designator(b);
    if (!x.str().equals(y.str())) return false;
    return x.multibyte() == y.multibyte() || LString.isAscii(x.str());
  }

  /** Compares by character code, not by UTF-16 unit. */
  private static int compareCodePoints(LString a, LString b) {
    String x = a.str(), y = b.str();
    int i = 0, j = 0;
    while (i < x.length() && j < y.length()) {
      int c = x.codePointAt(i), d = y.codePointAt(j);
      if (c != d) return Integer.compare(LString.charCode(c), LString.charCode(d));
      i += Character.charCount(c);
      j += Character.charCount(d);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  /**
   * (compare-strings S1 START1 END1 S2 START2 END2 &optional IGNORE-CASE): t when the parts
   * match, else -N or N when S1 is less or greater, N-1 being where they first differ. Ends
   * beyond the string are clamped to its length.
   */
  private static Object compareStrings(Object[] a) {
    LString s1 = Lisp.checkString(a[0]);
    LString s2 = Lisp.checkString(a[3]);
    int[] r1 = compareRange(s1, a[1], a[2]);
    int[] r2 = compareRange(s2, a[4], a[5]);
    boolean ignoreCase = a[6] != NIL;
    int i = r1[0], j = r2[0];
    while (i < r1[1] && j < r2[1]) {
      // Unibyte strings are compared as multibyte: their bytes 128-255 as raw bytes.
      int c = comparedChar(s1, i), d = comparedChar(s2, j);
      if (ignoreCase) {
        c = CaseMapping.upcase(c);
        d = CaseMapping.upcase(d);
      }
      if (c != d) return (long) (c < d ? -(i - r1[0] + 1) : i - r1[0] + 1);
      i++;
      j++;
    }
    if (i < r1[1]) return (long) (i - r1[0] + 1);
    if (j < r2[1]) return (long) -(i - r1[0] + 1);
    return T;
  }

  private static int comparedChar(LString s, int i) {
    int c = s.charAt(i);
    return !s.multibyte() && c >= 0x80 && c <= 0xff ? LString.RAW_BYTE_BASE + c : c;
  }

  private static int[] compareRange(LString s, Object start, Object end) {
    int length = s.length();
    if (start != NIL && !(start instanceof Long)) throw Lisp.wrongType(Q.integerp, start);
    if (end != NIL && !(end instanceof Long)) throw Lisp.wrongType(Q.integerp, end);
    Object clampedEnd = end instanceof Long && (Long) end > length ? (Object) (long) length : end;
    int startIndex = rangeIndex(s, length, start, end, start, 0);
    int endIndex = rangeIndex(s, length, start, end, clampedEnd, length);
    if (startIndex > endIndex) throw Lisp.argsOutOfRange(s, start, end);
    return new int[] {startIndex, endIndex};
  }

  private static Object stringSearch(Object needle, Object haystack, Object startPos) {
    LString n = Lisp.checkString(needle);
    LString h = Lisp.checkString(haystack);
    int start = 0;
    if (startPos != NIL) {
      long s = checkFixnum(startPos);
      if (s < 0 || s > h.length()) throw Lisp.argsOutOfRange(startPos);
      start = (int) s;
    }
    // A unibyte string's bytes 128-255 are raw bytes when the other string is multibyte.
    String text = h.multibyte() && !n.multibyte() ? LString.bytesToRawBytes(n.str()) : n.str();
    String in = n.multibyte() && !h.multibyte() ? LString.bytesToRawBytes(h.str()) : h.str();
    int found = in.indexOf(text, h.offsetOf(start));
    return found < 0 ? NIL : (Object) (long) h.charIndexOf(found);
  }

  /** Levenshtein distance between characters, or between internal bytes with BYTECOMPARE. */
  private static Object stringDistance(Object a, Object b, boolean bytes) {
    LString x = Lisp.checkString(a), y = Lisp.checkString(b);
    int[] s = bytes ? unsigned(internalBytes(x)) : x.str().codePoints().toArray();
    int[] t = bytes ? unsigned(internalBytes(y)) : y.str().codePoints().toArray();
    int[] prev = new int[t.length + 1], cur = new int[t.length + 1];
    for (int j = 0; j <= t.length; j++) prev[j] = j;
    for (int i = 1; i <= s.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= t.length; j++) {
        int substitution = prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1);
        cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return (long) prev[t.length];
  }

  private static int[] unsigned(byte[] bytes) {
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] & 0xff;
    return out;
  }

  /** The bytes Emacs keeps for S: UTF-8 when multibyte, one byte per character otherwise. */
  private static byte[] internalBytes(LString s) {
    return s.internalBytes();
  }

  private static byte[] designatorBytes(Object o) {
    return internalBytes(designator(o));
  }

  // ---- Version order (string-version-lessp) -------------------------------------------------

  /**
   * Orders file names the way GNU's version sort does: a leading dot first, a trailing
   * extension such as ".tar.gz" set aside unless that makes the names equal, then runs of
   * digits compared as numbers and everything else with letters before other characters and
   * '~' before everything. Ties fall back to plain byte order.
   */
  static int versionCompare(byte[] a, byte[] b) {
    int plain = java.util.Arrays.compareUnsigned(a, b);
    if (plain == 0) return 0;
    if (a.length == 0) return -1;
    if (b.length == 0) return 1;
    if (isDots(a)) return -1;
    if (isDots(b)) return 1;
    boolean hiddenA = a[0] == '.', hiddenB = b[0] == '.';
    if (hiddenA != hiddenB) return hiddenA ? -1 : 1;
    int startA = hiddenA ? 1 : 0, startB = hiddenB ? 1 : 0;
    int endA = suffixStart(a, startA), endB = suffixStart(b, startB);
    if ((endA != a.length || endB != b.length) && endA - startA == endB - startB
        && java.util.Arrays.equals(a, startA, endA, b, startB, endB)) {
      endA = a.length;
      endB = b.length;
    }
    int r = versionRuns(a, startA, endA, b, startB, endB);
    return r != 0 ? r : plain;
  }

  private static boolean isDots(byte[] s) {
    return (s.length == 1 && s[0] == '.') || (s.length == 2 && s[0] == '.' && s[1] == '.');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Where a trailing run of ".ext" parts (a letter or '~' after each dot) starts. */
  private static int suffixStart(byte[] s, int from) {
    int match = -1;
    boolean afterDot = false;
    for (int i = from; i < s.length; i++) {
      int c = s[i] & 0xff;
      if (afterDot) {
        afterDot = false;
        if (!isAlpha(c) && c != '~') match = -1;
      } else if (c == '.') {
        afterDot = true;
        if (match < 0) match = i;
      } else if (!isAlpha(c) && !isDigit(c) && c != '~') {
        match = -1;
      }
    }
    return match < 0 ? s.length : match;
  }

  /** Weight of a non-digit byte: end and digits 0, '~' lowest, letters, then the rest. */
  private static int versionWeight(int c) {
    if (isDigit(c)) return 0;
    if (isAlpha(c)) return c;
    if (c == '~') return -1;
    return c + 256;
  }

  private static int versionRuns(byte[] a, int i, int endA, byte[] b, int j, int endB) {
    while (i < endA || j < endB) {
      while ((i < endA && !isDigit(a[i])) || (j < endB && !isDigit(b[j]))) {
        int x = i < endA ? versionWeight(a[i] & 0xff) : 0;
        int y = j < endB ? versionWeight(b[j] & 0xff) : 0;
        if (x != y) return x - y;
        i++;
        j++;
      }
      while (i < endA && a[i] == '0') i++;
      while (j < endB && b[j] == '0') j++;
      int firstDiff = 0;
      while (i < endA && j < endB && isDigit(a[i]) && isDigit(b[j])) {
        if (firstDiff == 0) firstDiff = a[i] - b[j];
        i++;
        j++;
      }
      if (i < endA && isDigit(a[i])) return 1;
      if (j < endB && isDigit(b[j])) return -1;
      if (firstDiff != 0) return firstDiff;
    }
    return 0;
  }

  // ---- Width and representation -------------------------------------------------------------

  private static Object stringWidth(Object string, Object from, Object to) {
    LString s = Lisp.checkString(string);
    int[] r = range(s, s.length(), from, to);
    int tab = tabWidth();
    long width = 0;
    String text = s.substring(r[0], r[1]);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      width += charWidth(LString.charCode(cp), s.multibyte(), tab);
    }
    return width;
  }

  private static int tabWidth() {
    Object v = tabWidth.value;
    return v instanceof Long && (Long) v > 0 && (Long) v <= 1000 ? (int) (long) (Long) v : 8;
  }

  /** Columns C takes on a terminal: ^X for controls, octal escapes for raw bytes. */
  private static int charWidth(int c, boolean multibyte, int tab) {
    if (c == '\t') return tab;
    if (c == '\n') return 0;
    if (c < 0x20 || c == 0x7f) return 2;
    if (c < 0x7f) return 1;
    if (!multibyte || c < 0xa0 || LString.isRawByteCode(c)) return 4;
    return CharWidth.of(c);
  }

  /** string-to-multibyte: a unibyte string's bytes 128-255 become raw-byte characters. */
  private static LString toMultibyte(LString s) {
    if (s.multibyte()) return s;
    return new LString(LString.bytesToRawBytes(s.str()), true);
  }

  /** string-to-unibyte: raw bytes become bytes; any other non-ASCII character is an error. */
  private static LString toUnibyte(LString s) {
    if (!s.multibyte()) return s;
    for (int i = 0, n = s.length(); i < n; i++) {
      int c = s.charAt(i);
      if (c >= 0x80 && !LString.isRawByteCode(c)) {
        throw Lisp.error("Can\u2019t convert the " + i + "th character to unibyte");
      }
    }
    return new LString(LString.rawBytesToBytes(s.str()), false);
  }

  /** string-as-unibyte: the UTF-8 of the text, each raw byte as its single byte. */
  static LString asUnibyte(LString s) {
    if (!s.multibyte()) return s;
    String text = s.str();
    StringBuilder out = new StringBuilder(text.length() * 2);
    int from = 0;
    for (int i = 0, n = text.length(); i <= n; i++) {
      if (i < n && !LString.isRawByteAt(text, i)) continue;
      byte[] utf8 = text.substring(from, i).getBytes(StandardCharsets.UTF_8);
      out.append(new String(utf8, StandardCharsets.ISO_8859_1));
      if (i < n) out.append((char) LString.rawByteOf(text.charAt(i)));
      from = i + 1;
    }
    return new LString(out.toString(), false);
  }

  /**
   * string-as-multibyte: the bytes read as Emacs's internal form, UTF-8 where they are; every
   * byte that is not part of a valid sequence becomes a raw-byte character.
   */
  private static LString asMultibyte(LString s) {
    if (s.multibyte()) return s;
    byte[] bytes = s.str().getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(bytes.length);
    for (int i = 0; i < bytes.length; ) {
      int n = utf8SequenceLength(bytes, i);
      if (n > 0) {
        out.append(new String(bytes, i, n, StandardCharsets.UTF_8));
        i += n;
      } else if (n < 0) {
        // C0 or C1 then a continuation byte: a raw byte in Emacs's internal form.
        out.append(LString.rawByteChar(((bytes[i] & 1) << 6) | (bytes[i + 1] & 0x3F) | 0x80));
        i += 2;
      } else {
        out.append(LString.rawByteChar(bytes[i++] & 0xff));
      }
    }
    return new LString(out.toString(), true);
  }

  /**
   * The length of the valid UTF-8 sequence at I (ASCII included), -1 for an internal raw byte
   * (C0 or C1 and a continuation byte), 0 when the byte at I starts neither.
   */
  private static int utf8SequenceLength(byte[] b, int i) {
    int lead = b[i] & 0xff;
    if (lead < 0x80) return 1;
    if ((lead == 0xC0 || lead == 0xC1) && i + 1 < b.length && (b[i + 1] & 0xC0) == 0x80) return -1;
    int n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > b.length) return 0;
    int cp = lead & (0x7F >> n);
    for (int k = 1; k < n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) return 0;
      cp = cp << 6 | (b[i + k] & 0x3F);
    }
    boolean shortest = n == 2 || (n == 3 ? cp >= 0x800 : cp >= 0x10000);
    boolean valid = shortest && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    return valid ? n : 0;
  }

  /** string-make-unibyte: each character's low byte (a raw byte's byte). */
  private static LString makeUnibyte(LString s) {
    if (!s.multibyte()) return s;
    StringBuilder out = new StringBuilder(s.length());
    String text = s.str();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      out.append((char) (c & 0xff));
    }
    return new LString(out.toString(), false);
  }

  /** string-make-multibyte: bytes 128-255 become raw bytes; an ASCII string stays as it is. */
  private static LString makeMultibyte(LString s) {
    if (s.multibyte() || s.isAscii()) return s;
    return toMultibyte(s);
  }

  // ---- Mapping ------------------------------------------------------------------------------

  /**
   * The elements mapcar calls its function on, SEQ checked as mapcar checks it, for Java code
   * that maps without a Lisp function (Macroexp).
   */
  static Object[] mapElements(Object seq) {
    if (seq instanceof Record) return new Object[0];
    if (!Lisp.isList(seq)) return elements(seq);
    Object[] out = new Object[listLength(seq)];
    Object tail = seq;
    for (int i = 0; i < out.length; i++, tail = ((Cons) tail).cdr) out[i] = ((Cons) tail).car;
    return out;
  }

  /**
   * Calls FN on each element of SEQ and returns the results. A list's length is taken first
   * (so a circular one is an error), and the walk stops early if FN shortens the list.
   */
  private static Object[] mapResults(Object fn, Object seq) {
    // Emacs 28 accepts a record here (its length is defined) but walks it as an empty list:
    // FN is never called and the result is empty.
    if (seq instanceof Record) return new Object[0];
    if (Lisp.isList(seq)) {
      Object[] out = new Object[listLength(seq)];
      Object tail = seq;
      int i = 0;
      for (; i < out.length && tail instanceof Cons; i++) {
        Cons c = (Cons) tail;
        out[i] = Eval.funcall(fn, c.car);
        tail = c.cdr;
      }
      return i == out.length ? out : java.util.Arrays.copyOf(out, i);
    }
    Object[] items = elements(seq);
    for (int i = 0; i < items.length; i++) items[i] = Eval.funcall(fn, items[i]);
    return items;
  }

  private static LString mapconcat(Object fn, Object seq, Object separator) {
    Object[] results = mapResults(fn, seq);
    Object[] parts = new Object[Math.max(0, 2 * results.length - 1)];
    for (int i = 0; i < results.length; i++) {
      if (i > 0) parts[2 * i - 1] = separator;
      parts[2 * i] = results[i];
    }
    return concat(parts);
  }

  // ---- Property lists -----------------------------------------------------------------------

  /** plist-get never signals: it stops at a malformed or circular tail. */
  private static Object plistGet(Object plist, Object prop) {
    ListWalk w = new ListWalk(plist);
    while (w.hasCons()) {
      Cons key = w.cons();
      if (!(key.cdr instanceof Cons)) break;
      if (Lisp.eq(key.car, prop)) return ((Cons) key.cdr).car;
      w.tail = key.cdr;
      if (!w.advance()) break;
    }
    return NIL;
  }

  private static Object laxPlistGet(Object plist, Object prop) {
    ListWalk w = new ListWalk(plist);
    while (w.hasCons()) {
      Cons key = w.cons();
      if (!(key.cdr instanceof Cons)) break;
      if (Lisp.equal(key.car, prop)) return ((Cons) key.cdr).car;
      w.tail = key.cdr;
      w.next();
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.plistp, plist);
    return NIL;
  }

  static Object plistPut(Object plist, Object prop, Object value, boolean byEqual) {
    Cons prev = null;
    ListWalk w = new ListWalk(plist);
    while (w.hasCons()) {
      Cons key = w.cons();
      if (!(key.cdr instanceof Cons)) break;
      if (byEqual ? Lisp.equal(key.car, prop) : Lisp.eq(key.car, prop)) {
        ((Cons) key.cdr).car = value;
        return plist;
      }
      prev = key;
      w.tail = key.cdr;
      w.next();
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.plistp, plist);
    Object cell = list(prop, value);
    if (prev == null) return cell;
    ((Cons) prev.cdr).cdr = cell;
    return plist;
  }

  private static Object plistMember(Object plist, Object prop) {
    ListWalk w = new ListWalk(plist);
    while (w.hasCons()) {
      if (Lisp.eq(w.car(), prop)) return w.tail;
      w.tail = w.cons().cdr;
      if (!(w.tail instanceof Cons)) break;
      w.next();
    }
    if (w.tail != NIL) throw Lisp.wrongType(Q.plistp, plist);
    return NIL;
  }

  // ---- Arrays -------------------------------------------------------------------------------

  private static Object fillarray(Object array, Object item) {
    if (array instanceof LVector) {
      java.util.Arrays.fill(((LVector) array).items, item);
    } else if (array instanceof LString) {
      fillString((LString) array, Lisp.checkChar(item));
    } else if (array instanceof BoolVector) {
      BoolVector v = (BoolVector) array;
      for (int i = 0; i < v.size; i++) v.set(i, item != NIL);
    } else {
      throw Lisp.wrongType(Q.arrayp, array);
    }
    return array;
  }

  /**
   * Fills a string in place. A unibyte string takes the low byte of the character; a multibyte
   * one must keep its byte length, so only a character as wide as its current ones fits.
   */
  private static void fillString(LString s, int c) {
    int n = s.length();
    if (!s.multibyte()) {
      s.setText(String.valueOf((char) (c & 0xff)).repeat(n));
      return;
    }
    if (c > Character.MAX_CODE_POINT) throw LStringBuilder.beyondUnicode(c);
    String filler = new String(Character.toChars(c));
    int width = filler.getBytes(StandardCharsets.UTF_8).length;
    if (s.byteLength() != (long) width * n) {
      throw Lisp.error("Attempt to change byte length of a string");
    }
    s.setText(filler.repeat(n));
  }

  /** Zeroes every byte of the string, which leaves as many NULs as it had bytes, unibyte. */
  private static Object clearString(Object string) {
    LString s = Lisp.checkString(string);
    s.setText("\0".repeat(s.byteLength()));
    s.setMultibyte(false);
    return NIL;
  }

  // ---- Case conversion ----------------------------------------------------------------------

  private static Object casify(Object o, CaseMapping.Mode mode) {
    if (o instanceof LString) return CaseMapping.convert((LString) o, mode);
    if (o instanceof Long && (Long) o >= 0 && (Long) o <= 0x3FFFFF) {
      int c = (int) (long) (Long) o;
      switch (mode) {
        case UPCASE: return (long) CaseMapping.upcase(c);
        case DOWNCASE: return (long) CaseMapping.downcase(c);
        default: return (long) CaseMapping.titlecase(c);
      }
    }
    throw Lisp.wrongType(Q.charOrStringP, o);
  }
}
