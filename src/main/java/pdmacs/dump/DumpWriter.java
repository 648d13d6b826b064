package pdmacs.dump;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import pdmacs.eval.Specpdl;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.print.Printer;

import static pdmacs.dump.DumpFormat.Types;

/**
 * Writes the Lisp heap to a dump file (dump-emacs-portable).
 *
 * <p>The walk has three phases, and numbers each object when first met, before its children are
 * visited, so cycles and shared structure come out as references and a long list needs no deep
 * recursion (the walk is a queue). First what the built-in symbols' cells reach (by index): the
 * eager heap, built at load. Then what the obarray's symbols (in interning order) reach besides:
 * built on demand, a symbol when it is looked up by name or referred to. Last the function
 * definitions and the function-valued properties met in the first two phases, which wait until
 * first used (lazy definitions). Within each type the eager objects come first. Nothing in the
 * output depends on identity hashes or on hash map order, so the same heap gives the same bytes.
 */
final class DumpWriter {
  /** What a dump wrote, for the messages and for tests. */
  static final class Result {
    long headerBytes, hotBytes, coldBytes, discardableBytes;
    long hotRelocs, discardableRelocs;
    int objects;
    int lazyDefinitions;
  }

  private final boolean trackReferrers;
  @SuppressWarnings("unchecked")
  private final List<Object>[] byType = new List[Types.COUNT];
  private final IdentityHashMap<Object, Integer> localIndex = new IdentityHashMap<>();
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  /** With TRACK-REFERRERS: each object's first referrer (an object or a root description). */
  private final IdentityHashMap<Object, Object> referrer;
  private final int[] base = new int[Types.COUNT];

  /** The lazy definitions' roots, in the order of the dump's definition table. */
  private final List<Object> lazyDefs = new ArrayList<>();
  private final IdentityHashMap<Symbol, Integer> lazyDefOf = new IdentityHashMap<>();
  /**
   * Property value cells (the cons whose car is a property's value) whose value, a function or
   * a record met first there, is deferred like a function cell's definition: gv-expanders,
   * cl-generic's dispatch records and the like, which a start-up does not use. `get` and
   * `symbol-plist` build them (Data.forcedPlist).
   */
  private final IdentityHashMap<Cons, Boolean> deferredCells = new IdentityHashMap<>();
  private final List<Cons> deferredCellOrder = new ArrayList<>();
  /**
   * A deferred value must be reachable only through its symbol's property list, which
   * Data.forcedPlist builds: a cons of that list held by anything else (a variable holding the
   * list, a tail of it, another list) would let Lisp see the waiting value itself. So each cons
   * of the list up to a deferred cell has the one referrer it may have (the symbol, or the cons
   * before it); a reference from anything else exposes the cells deferred from there on.
   */
  private final IdentityHashMap<Cons, Object> plistReferrer = new IdentityHashMap<>();
  private final IdentityHashMap<Cons, List<Cons>> plistCells = new IdentityHashMap<>();
  /** Deferred cells found exposed: the walk is made again without deferring them. */
  private final IdentityHashMap<Cons, Boolean> exposed = new IdentityHashMap<>();
  /** Cells an earlier walk found exposed, never deferred. */
  private final IdentityHashMap<Cons, Boolean> neverDefer;
  private final IdentityHashMap<Cons, Integer> lazyDefOfCell = new IdentityHashMap<>();

  /** Symbols whose function definition is deferred, in the order the walk met them. */
  private final List<Symbol> deferred = new ArrayList<>();
  /** True during the first two phases of the walk, which defer definitions. */
  private boolean deferring;
  /** Per type, how many objects the first phase met: those built at load. */
  private final int[] eagerCount = new int[Types.COUNT];
  /** The main obarray's dumped symbols, in its order. */
  private final List<Symbol> obarraySymbols = new ArrayList<>();
  private final IdentityHashMap<Symbol, Integer> obarrayPosition = new IdentityHashMap<>();
  private long hotRelocs;
  private long discardableRelocs;

  /**
   * False (pdumper-lazy-definitions nil): every object is built at load, definitions included,
   * as the benchmarks compare.
   */
  private final boolean lazyDefinitions;

  DumpWriter(boolean trackReferrers, boolean lazyDefinitions) {
    this(trackReferrers, lazyDefinitions, new IdentityHashMap<>());
  }

  private DumpWriter(boolean trackReferrers, boolean lazyDefinitions, IdentityHashMap<Cons, Boolean> neverDefer) {
    this.trackReferrers = trackReferrers;
    this.lazyDefinitions = lazyDefinitions;
    this.neverDefer = neverDefer;
    this.referrer = trackReferrers ? new IdentityHashMap<>() : null;
    for (int i = 0; i < Types.COUNT; i++) byType[i] = new ArrayList<>();
  }

  // ---- The walk -----------------------------------------------------------------------------

  private static int typeOf(Object o) {
    if (o instanceof Cons) return Types.CONS;
    if (o instanceof Symbol) return Types.SYMBOL;
    if (o instanceof LString) return Types.STRING;
    if (o instanceof Double) return Types.FLOAT;
    if (o instanceof BigInteger) return Types.BIGNUM;
    if (o instanceof LVector) return Types.VECTOR;
    if (o instanceof BoolVector) return Types.BOOL_VECTOR;
    if (o instanceof HashTable) return Types.HASH_TABLE;
    if (o instanceof Obarray) return Types.OBARRAY;
    if (o instanceof Record) return Types.RECORD;
    return -1;
  }

  private static boolean isImmediate(Object o) {
    return o instanceof Long || o == Lisp.UNBOUND || o instanceof Subr || o == Lisp.obarray
        || (o instanceof Symbol && ((Symbol) o).builtinIndex >= 0);
  }

  /** Notes a reference from FROM to O, numbering O and queueing it if it is new. */
  private void note(Object o, Object from) {
    if (o instanceof Cons && !plistReferrer.isEmpty()) {
      Object only = plistReferrer.get(o);
      if (only != null && only != from) {
        for (Cons cell : plistCells.get(o)) exposed.put(cell, Boolean.TRUE);
      }
    }
    if (isImmediate(o) || localIndex.containsKey(o)) return;
    int type = typeOf(o);
    if (type < 0) throw undumpable(o, from);
    localIndex.put(o, byType[type].size());
    byType[type].add(o);
    if (trackReferrers) referrer.put(o, from);
    queue.add(o);
  }

  /** Whether O, which the walk has met, is built at load. */
  private boolean isEager(Object o) {
    Integer i = localIndex.get(o);
    return i != null && i < eagerCount[typeOf(o)];
  }

  /**
   * Notes S's function definition. Until the last phase, a definition that is a list (a lambda,
   * closure or macro) not yet met is deferred: it becomes a lazy definition unless the eager
   * heap holds it anyway.
   */
  private void noteFunction(Symbol s, Object from) {
    Object f = s.function();
    if (deferring && f instanceof Cons && !localIndex.containsKey(f)) deferred.add(s);
    else note(f, from);
  }

  /**
   * Notes S's property list. Until the last phase, a value that is a function or a record not
   * met yet is deferred, as noteFunction defers definitions.
   */
  private void notePlist(Symbol s, Object from) {
    Object plist = pdmacs.subr.Data.forcedPlist(s);
    if (deferring) {
      // The list's conses met so far, and the referrer each may have; they are claimed (put in
      // plistReferrer) only up to the last deferred cell, and only when none has been met before.
      List<Cons> spine = new ArrayList<>();
      List<Cons> cells = new ArrayList<>();
      List<Integer> cellAt = new ArrayList<>();
      java.util.Set<Cons> inSpine = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      int claimed = 0;
      for (Object p = plist; p instanceof Cons && ((Cons) p).cdr instanceof Cons; p = ((Cons) ((Cons) p).cdr).cdr) {
        Cons key = (Cons) p, cell = (Cons) key.cdr;
        // A cons met before (here too: a circular list) ends the claim.
        if (localIndex.containsKey(key) || localIndex.containsKey(cell) || plistReferrer.containsKey(key)
            || plistReferrer.containsKey(cell) || !inSpine.add(key)) {
          break;
        }
        spine.add(key);
        spine.add(cell);
        Object v = cell.car;
        if (deferrableValue(v) && !localIndex.containsKey(v) && !deferredCells.containsKey(cell)
            && !neverDefer.containsKey(cell)) {
          deferredCells.put(cell, Boolean.TRUE);
          deferredCellOrder.add(cell);
          cells.add(cell);
          cellAt.add(spine.size() - 1);
          claimed = spine.size();
        }
      }
      for (int i = 0, first = 0; i < claimed; i++) {
        while (cellAt.get(first) < i) first++;
        plistReferrer.put(spine.get(i), i == 0 ? from : spine.get(i - 1));
        plistCells.put(spine.get(i), cells.subList(first, cells.size()));
      }
    }
    note(plist, from);
  }

  /**
   * Whether a property value may wait in the dump: a function (a closure, lambda or macro: the
   * gv-expanders and the like) or a record (cl-generic's and cl-defstruct's descriptions). Data
   * lists such as error-conditions stay with the symbol: reporting an error reads them.
   */
  private static boolean deferrableValue(Object v) {
    if (v instanceof Record) return true;
    if (!(v instanceof Cons)) return false;
    Object head = ((Cons) v).car;
    return head == pdmacs.lisp.Q.closure || head == pdmacs.lisp.Q.lambda || head == pdmacs.lisp.Q.macro;
  }

  private void walk() {
    deferring = lazyDefinitions;
    // 1. The eager heap: what the built-in symbols' cells reach.
    for (Symbol s : Lisp.builtinSymbols) {
      String root = "built-in symbol " + s.name();
      note(Specpdl.toplevelValue(s), root);
      noteFunction(s, root);
      notePlist(s, root);
    }
    // Without lazy definitions everything is built at load: the obarray is a root of this phase.
    if (lazyDefinitions) {
      drain();
      for (int t = 0; t < Types.COUNT; t++) eagerCount[t] = byType[t].size();
    }
    // 2. What the obarray reaches besides, built on demand.
    for (Symbol s : Lisp.obarray.symbols()) {
      if (s.builtinIndex >= 0) continue;
      if (obarraySymbols.size() > DumpFormat.MAX_OBARRAY_POSITION) throw Lisp.error("Cannot dump: too many symbols in the obarray");
      obarrayPosition.put(s, obarraySymbols.size());
      obarraySymbols.add(s);
      note(s, "the obarray");
      // One root at a time, so that what one symbol reaches is numbered together (see drain).
      drain();
    }
    if (!lazyDefinitions) {
      for (int t = 0; t < Types.COUNT; t++) eagerCount[t] = byType[t].size();
      return;
    }
    // 3. The deferred definitions and property values, built on first use.
    deferring = false;
    for (Symbol s : deferred) {
      note(s.function(), s);
      drain();
    }
    for (Cons cell : deferredCellOrder) {
      note(cell.car, cell);
      drain();
    }
    // A definition the eager heap holds anyway is written as itself.
    for (Symbol s : deferred) {
      if (isEager(s.function())) continue;
      lazyDefOf.put(s, lazyDefs.size());
      lazyDefs.add(s.function());
    }
    for (Cons cell : deferredCellOrder) {
      if (isEager(cell.car)) continue;
      lazyDefOfCell.put(cell, lazyDefs.size());
      lazyDefs.add(cell.car);
    }
  }

  /** The word for S's function cell: a lazy definition's number, or the definition itself. */
  private long functionWord(Symbol s) {
    Integer def = lazyDefOf.get(s);
    return def != null ? DumpFormat.lazy(def) : word(s.function());
  }

  /**
   * Visits what the queue holds and what that reaches, breadth first. The last two phases drain
   * after each root, so that the objects one symbol or one definition reaches get consecutive
   * numbers, and their records sit together in the lazy sections, which the loader reads page by
   * page: building one definition then reads a page or two, not pages all over the section.
   */
  private void drain() {
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      if (o instanceof Cons) {
        Cons c = (Cons) o;
        // A property value that waits in the dump this session started from, met before its
        // symbol's property list (a cons held elsewhere too): built now, to be written as itself.
        pdmacs.lisp.LazyValue.forceCar(c);
        if (!deferredCells.containsKey(c)) note(c.car, o);
        note(c.cdr, o);
      } else if (o instanceof Symbol) {
        Symbol s = (Symbol) o;
        note(Specpdl.toplevelValue(s), o);
        noteFunction(s, o);
        notePlist(s, o);
      } else if (o instanceof LVector) {
        for (Object x : ((LVector) o).items) note(x, o);
      } else if (o instanceof HashTable) {
        HashTable h = (HashTable) o;
        note(h.test.name(), o);
        note(h.weakness, o);
        note(h.rehashSize, o);
        note(h.rehashThreshold, o);
        for (Object[] e : h.entries()) {
          note(e[0], o);
          note(e[1], o);
        }
      } else if (o instanceof Obarray) {
        for (Symbol s : ((Obarray) o).symbols()) note(s, o);
      } else if (o instanceof Record) {
        for (Object x : ((Record) o).slots) note(x, o);
      }
    }
  }

  private LispSignal undumpable(Object o, Object from) {
    StringBuilder sb = new StringBuilder("Cannot dump ");
    sb.append(describe(o)).append(": objects of this type cannot be dumped");
    if (trackReferrers) {
      sb.append("; referrers:");
      Object r = from;
      int n = 0;
      while (r != null && n++ < 64) {
        sb.append("\n  <- ").append(r instanceof String ? (String) r : describe(r));
        r = r instanceof String ? null : referrer.get(r);
      }
    } else {
      sb.append(" (call dump-emacs-portable with TRACK-REFERRERS non-nil to see its referrers)");
    }
    return Lisp.error(sb.toString());
  }

  private static String describe(Object o) {
    String s;
    try {
      s = Printer.prin1ToString(o);
    } catch (RuntimeException e) {
      s = "#<" + o.getClass().getSimpleName() + ">";
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  // ---- Encoding -----------------------------------------------------------------------------

  private long word(Object o) {
    if (o instanceof Long) return DumpFormat.fixnum((Long) o);
    if (o == Lisp.UNBOUND) return DumpFormat.UNBOUND;
    if (o instanceof Subr) return DumpFormat.subr(((Subr) o).index);
    if (o == Lisp.obarray) return DumpFormat.MAIN_OBARRAY;
    if (o instanceof Symbol && ((Symbol) o).builtinIndex >= 0) {
      return DumpFormat.builtinSymbol(((Symbol) o).builtinIndex);
    }
    return DumpFormat.object(base[typeOf(o)] + localIndex.get(o));
  }

  /** Writes a reference word into the hot section, counting it as a relocation. */
  private void hotRef(ByteSink hot, Object o) {
    if (!(o instanceof Long)) hotRelocs++;
    hot.putLong(word(o));
  }

  private void discardableRef(ByteSink d, Object o) {
    if (!(o instanceof Long)) discardableRelocs++;
    d.putLong(word(o));
  }

  Result write(Path file, boolean compress) throws IOException {
    walk();
    if (!exposed.isEmpty()) {
      // Again, deferring none of the exposed cells: each walk defers fewer, so this ends.
      IdentityHashMap<Cons, Boolean> never = new IdentityHashMap<>(neverDefer);
      never.putAll(exposed);
      return new DumpWriter(trackReferrers, lazyDefinitions, never).write(file, compress);
    }
    int total = 0;
    for (int t = 0; t < Types.COUNT; t++) {
      base[t] = total;
      total += byType[t].size();
    }
    // Hot and cold: the eager objects' records and bytes, every symbol's record and name, and
    // the obarray table. Lazy hot and lazy cold: the rest, numbered on from them (word positions
    // after hot's words, cold offsets after cold's bytes).
    ByteSink cold = new ByteSink(1 << 20);
    ByteSink hot = new ByteSink(1 << 20);
    ByteSink lazyHot = new ByteSink(1 << 20);
    ByteSink lazyCold = new ByteSink(1 << 20);
    long[] tableOffsets = new long[Types.COUNT];
    for (int t = 0; t < Types.COUNT; t++) {
      hot.align8();
      tableOffsets[t] = hot.size();
      writeRecords(t, 0, t == Types.SYMBOL ? byType[t].size() : eagerCount[t], hot, cold, 0, null);
    }
    hot.align8();
    long obarrayTable = hot.size();
    int obarrayEntries = writeObarrayTable(hot);
    // Lazy hot's positions count from its own first word until hot is complete: hot ends with
    // the lazy sections' page checksums, so its size depends on theirs.
    long[] demandTables = new long[Types.COUNT];
    for (int t = 0; t < Types.COUNT; t++) {
      if (t == Types.SYMBOL) continue;
      int from = eagerCount[t], to = byType[t].size();
      if (Types.RECORD_SIZE[t] > 0) {
        demandTables[t] = lazyHot.size() >>> 3;
        writeRecords(t, from, to, lazyHot, lazyCold, cold.size(), null);
      } else {
        long[] at = new long[to - from];
        writeRecords(t, from, to, lazyHot, lazyCold, cold.size(), at);
        demandTables[t] = lazyHot.size() >>> 3;
        for (long w : at) lazyHot.putLong(w);
      }
    }
    long definitionTable = lazyHot.size() >>> 3;
    for (Object root : lazyDefs) hotRef(lazyHot, root);
    byte[] lazyHotRaw = lazyHot.toByteArray(), lazyColdRaw = lazyCold.toByteArray();
    hot.align8();
    long pageCrcs = hot.size();
    writePageCrcs(hot, lazyHotRaw);
    writePageCrcs(hot, lazyColdRaw);
    hot.align8();
    long hotWords = hot.size() >>> 3;
    for (int t = 0; t < Types.COUNT; t++) {
      if (t != Types.SYMBOL) demandTables[t] += hotWords;
    }
    definitionTable += hotWords;
    ByteSink disc = new ByteSink(1 << 16);
    writeDiscardable(disc);

    byte[][] raw = {hot.toByteArray(), cold.toByteArray(), disc.toByteArray(), lazyHotRaw, lazyColdRaw};
    byte[][] stored = new byte[DumpFormat.SECTIONS][];
    for (int i = 0; i < DumpFormat.SECTIONS; i++) stored[i] = compress ? lz4(raw[i]) : raw[i];

    ByteBuffer header = ByteBuffer.allocate(DumpFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.put(DumpFormat.MAGIC);
    header.put(0, DumpFormat.INCOMPLETE_MARK);
    header.putInt(DumpFormat.OFF_VERSION, DumpFormat.VERSION);
    header.putInt(DumpFormat.OFF_FLAGS, compress ? DumpFormat.FLAG_LZ4 : 0);
    header.position(DumpFormat.OFF_FINGERPRINT);
    header.put(Fingerprint.bytes());
    long offset = DumpFormat.HEADER_SIZE;
    long[] sectionOffsets = new long[DumpFormat.SECTIONS];
    for (int i = 0; i < DumpFormat.SECTIONS; i++) {
      // An empty section (a dump with no lazy definitions) sits at the end, not a page past it.
      if (stored[i].length > 0) offset = alignPage(offset);
      sectionOffsets[i] = offset;
      int e = DumpFormat.OFF_SECTIONS + i * DumpFormat.SECTION_ENTRY;
      header.putLong(e, offset);
      header.putLong(e + 8, stored[i].length);
      header.putLong(e + 16, raw[i].length);
      header.putInt(e + 24, DumpFormat.crc(ByteBuffer.wrap(stored[i])));
      offset += stored[i].length;
    }
    for (int t = 0; t < Types.COUNT; t++) {
      header.putInt(DumpFormat.OFF_COUNTS + 4 * t, byType[t].size());
      header.putLong(DumpFormat.OFF_TABLES + 8 * t, tableOffsets[t]);
      header.putInt(DumpFormat.OFF_EAGER_COUNTS + 4 * t, eagerCount[t]);
      header.putLong(DumpFormat.OFF_DEMAND_TABLES + 8 * t, demandTables[t]);
    }
    header.putInt(DumpFormat.OFF_LAZY, lazyDefs.size());
    header.putInt(DumpFormat.OFF_LAZY + 4, obarrayEntries);
    header.putLong(DumpFormat.OFF_LAZY + 8, definitionTable);
    header.putLong(DumpFormat.OFF_OBARRAY, obarrayTable);
    header.putInt(DumpFormat.OFF_OBARRAY + 8, obarraySymbols.size());
    header.putLong(DumpFormat.OFF_PAGE_CRCS, pageCrcs);
    writeFileAtomically(file, header, sectionOffsets, stored);

    Result r = new Result();
    r.headerBytes = DumpFormat.HEADER_SIZE;
    // Emacs's four counts: hot and cold include their lazily read parts.
    r.hotBytes = stored[0].length + stored[3].length;
    r.coldBytes = stored[1].length + stored[4].length;
    r.discardableBytes = stored[2].length;
    r.hotRelocs = hotRelocs;
    r.discardableRelocs = discardableRelocs;
    r.objects = total;
    r.lazyDefinitions = lazyDefs.size();
    return r;
  }

  /** The CRC-32 of each DumpFormat.LAZY_PAGE bytes of SECTION (the last may be short), into HOT. */
  private static void writePageCrcs(ByteSink hot, byte[] section) {
    for (int at = 0; at < section.length; at += DumpFormat.LAZY_PAGE) {
      int len = Math.min(DumpFormat.LAZY_PAGE, section.length - at);
      hot.putInt(DumpFormat.crc(section, at, len));
    }
  }

  private static long alignPage(long off) {
    return (off + DumpFormat.PAGE - 1) & -DumpFormat.PAGE;
  }

  private static byte[] lz4(byte[] raw) {
    LZ4Compressor comp = LZ4Factory.safeInstance().fastCompressor();
    return comp.compress(raw);
  }

  /**
   * Writes header and sections to a temporary file beside FILE, marks the dump complete only
   * after everything else is on disk, and renames it into place: a dump that fails or is killed
   * leaves the previous FILE as it was.
   */
  private static void writeFileAtomically(Path file, ByteBuffer header, long[] offsets, byte[][] stored) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: keep the default permissions.
    }
    boolean done = false;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < stored.length; i++) writeFully(ch, ByteBuffer.wrap(stored[i]), offsets[i]);
      header.putInt(DumpFormat.OFF_HEADER_CRC, 0);
      writeFully(ch, header.duplicate().clear(), 0);
      ch.force(true);
      // Complete: restore the magic's first byte, then checksum the final header.
      header.put(0, DumpFormat.MAGIC[0]);
      header.putInt(DumpFormat.OFF_HEADER_CRC, DumpFormat.headerCrc(header));
      writeFully(ch, header.duplicate().clear(), 0);
      ch.force(true);
      done = true;
    } finally {
      if (!done) Files.deleteIfExists(tmp);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) pos += ch.write(b, pos);
  }

  // ---- Tables -------------------------------------------------------------------------------

  /**
   * Writes the records of type TYPE's objects FROM..TO-1 into HOT and their bytes into COLD,
   * whose first byte is cold byte COLD_BASE; when AT is not null, puts there the word of HOT
   * (counted from its start) where each record starts.
   */
  private void writeRecords(int type, int from, int to, ByteSink hot, ByteSink cold, long coldBase, long[] at) {
    List<Object> objs = byType[type];
    for (int i = from; i < to; i++) {
      Object o = objs.get(i);
      if (at != null) at[i - from] = hot.size() >>> 3;
      int coldAt = (int) (coldBase + cold.size());
      switch (type) {
        case Types.CONS: {
          Integer def = lazyDefOfCell.get(o);
          if (def != null) hot.putLong(DumpFormat.lazy(def));
          else hotRef(hot, ((Cons) o).car);
          hotRef(hot, ((Cons) o).cdr);
          break;
        }
        case Types.SYMBOL: {
          Symbol s = (Symbol) o;
          // Emacs's internal bytes, as multibyte strings are written: UTF-8 would turn a raw
          // byte into '?', and the stored hash is the hash of the name itself.
          byte[] name = new LString(s.name(), true).internalBytes();
          hot.putInt(coldAt);
          hot.putInt(name.length);
          cold.putBytes(name);
          Integer position = obarrayPosition.get(s);
          int flags = (s.interned ? DumpFormat.SYM_INTERNED : 0) | (s.special ? DumpFormat.SYM_SPECIAL : 0)
              | (s.constant ? DumpFormat.SYM_CONSTANT : 0) | (name.length == s.name().length() ? DumpFormat.SYM_ASCII_NAME : 0)
              | (position == null ? 0 : (position + 1) << DumpFormat.SYM_POSITION_SHIFT);
          hot.putInt(flags);
          hot.putInt(s.nameHash);
          hotRef(hot, Specpdl.toplevelValue(s));
          hotRelocs++;
          hot.putLong(functionWord(s));
          hotRef(hot, s.plist);
          break;
        }
        case Types.STRING: {
          LString s = (LString) o;
          byte[] bytes = s.internalBytes();
          hot.putInt(coldAt);
          hot.putInt(bytes.length);
          hot.putInt(s.multibyte() ? DumpFormat.STR_MULTIBYTE : 0);
          hot.putInt(s.length());
          cold.putBytes(bytes);
          break;
        }
        case Types.FLOAT:
          hot.putLong(Double.doubleToRawLongBits((Double) o));
          break;
        case Types.BIGNUM: {
          byte[] b = ((BigInteger) o).toByteArray();
          hot.putInt(coldAt);
          hot.putInt(b.length);
          cold.putBytes(b);
          break;
        }
        case Types.VECTOR: {
          Object[] items = ((LVector) o).items;
          hot.putLong(items.length);
          for (Object x : items) hotRef(hot, x);
          break;
        }
        case Types.BOOL_VECTOR: {
          BoolVector bv = (BoolVector) o;
          hot.putInt(coldAt);
          hot.putInt(bv.size);
          cold.putBytes(bv.bytes());
          break;
        }
        case Types.HASH_TABLE: {
          HashTable h = (HashTable) o;
          List<Object[]> entries = h.entries();
          hotRef(hot, h.test.name());
          hotRef(hot, h.weakness);
          hotRef(hot, h.rehashSize);
          hotRef(hot, h.rehashThreshold);
          hot.putInt(h.size());
          hot.putInt(entries.size());
          for (Object[] e : entries) {
            hotRef(hot, e[0]);
            hotRef(hot, e[1]);
          }
          break;
        }
        case Types.OBARRAY: {
          List<Symbol> syms = ((Obarray) o).symbols();
          hot.putLong(syms.size());
          for (Symbol s : syms) hotRef(hot, s);
          break;
        }
        case Types.RECORD: {
          Object[] slots = ((Record) o).slots;
          hot.putLong(slots.length);
          for (Object x : slots) hotRef(hot, x);
          break;
        }
        default:
          throw new IllegalStateException("type " + type);
      }
    }
  }

  /**
   * The obarray table: its dumped symbols by name, so that the loader can find one it has not
   * built yet. Open addressing with linear probing from DumpFormat.slot of the name's hash; each
   * entry, a u32, is the symbol's number in its table plus one (0: empty), at most half of them
   * used. Returns the number of entries.
   */
  private int writeObarrayTable(ByteSink hot) {
    int entries = 16;
    while (entries < 2 * obarraySymbols.size()) entries *= 2;
    int[] table = new int[entries];
    for (Symbol s : obarraySymbols) {
      int i = DumpFormat.slot(s.nameHash, entries - 1);
      while (table[i] != 0) i = (i + 1) & (entries - 1);
      table[i] = localIndex.get(s) + 1;
    }
    for (int e : table) hot.putInt(e);
    return entries;
  }

  /**
   * The discardable section: what the loader applies once and drops, the state of each built-in
   * symbol (restored onto the runtime's own Symbol objects).
   */
  private void writeDiscardable(ByteSink d) {
    List<Symbol> builtins = Lisp.builtinSymbols;
    d.putInt(builtins.size());
    d.putInt(0);
    for (Symbol s : builtins) {
      d.putInt(s.builtinIndex);
      d.putInt((s.special ? DumpFormat.SYM_SPECIAL : 0) | (s.constant ? DumpFormat.SYM_CONSTANT : 0));
      discardableRef(d, Specpdl.toplevelValue(s));
      discardableRelocs++;
      d.putLong(functionWord(s));
      discardableRef(d, s.plist);
    }
  }
}
