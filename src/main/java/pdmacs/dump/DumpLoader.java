package pdmacs.dump;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import pdmacs.lisp.BoolVector;
import pdmacs.lisp.Cons;
import pdmacs.lisp.HashTable;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Obarray;
import pdmacs.lisp.Record;
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.subr.HashTables;

import static pdmacs.dump.DumpFormat.Types;

/**
 * Loads a dump into the runtime: validates the header and the sections (sizes, checksums,
 * fingerprint) before touching any Lisp state, then materialises the eager heap (what the
 * built-in symbols reach) type by type, an allocation pass and then a pass that fills in fields,
 * and applies the discardable section (the built-in symbols' state). Every other object is built
 * when first needed ({@link #need}): a dumped symbol when the obarray looks its name up
 * ({@link DumpedSymbols}) or a built object refers to it, a lazy definition when first called,
 * and with each object whatever it refers to that is not built yet.
 *
 * <p>Every count, offset and index read from the file is checked against the real section sizes,
 * so a truncated, corrupt or hostile file gets a {@link DumpLoadException} (at load) or a Lisp
 * error (when an object built later turns out bad), never an out-of-bounds access or an
 * allocation larger than the file justifies.
 */
public final class DumpLoader {
  private final String name;
  /**
   * The hot section as little-endian 64-bit words, and, unless {@link #paged}, after the first
   * object built on demand that is not a symbol, lazy hot's words after them. The loader runs
   * before the JIT has compiled anything, and in the bytecode interpreter one ByteBuffer.getLong
   * is a chain of a dozen calls while an array element is one bytecode, so the section is copied
   * once, in bulk.
   * Every table starts on a word (checked in the header) and every record is whole words.
   */
  private long[] words;
  private ByteBuffer cold;
  /** The cold section's bytes, for the names and magnitudes copied out of it (one bulk copy). */
  private byte[] coldBytes;
  /**
   * The lazy sections' {offset, stored, raw, crc}, read when the first object they hold is
   * needed, from FILE (at REGION_OFFSET in it), which the loader then owns; or, for
   * {@link #loadRegion}, before the call returns.
   */
  private long[][] lazySections;
  private long regionOffset;
  private boolean mapped;
  private RandomAccessFile file;
  /** Whether FILE was handed over by keepFile (else it is the caller's, open only during the load). */
  private boolean fileOwned;
  /** Set once the lazy sections are all read (into WORDS, or paged into LAZY_PAGES, and COLD_BYTES). */
  private boolean lazyRead;
  /**
   * Whether the lazy sections are read page by page (an uncompressed dump that is read, not
   * mapped): each object built on demand loads (reads and checks) the pages its record and bytes
   * lie in before anything reads them. Lazy hot's pages are arrays of their own
   * ({@link #lazyPages}): growing WORDS to hold the section, as a mapped or compressed dump does
   * when it reads both sections whole ({@link #ensureLazySections}), would write 1.6 MB of fresh
   * memory on emacs.pdmp, a millisecond of page faults. Lazy cold's bytes, ten times fewer, go
   * after cold's in COLD_BYTES, so strings stay views of one buffer.
   */
  private boolean paged;
  /** How many words hot has, and bytes cold: where lazy hot's words and lazy cold's bytes start. */
  private int hotWords;
  private int coldBase;
  /** How many words hot and lazy hot have together: the words an object number may lead to. */
  private int allWords;
  /** Word number (in hot) of the page checksum table: u32 each, lazy hot's pages then lazy cold's. */
  private int pageCrcWord;
  /** Paged: lazy hot's pages read so far, as words (null: not read). */
  private long[][] lazyPages;
  /** Paged: which pages are read (lazy hot's, then lazy cold's), and how many are not. */
  private boolean[] pageLoaded;
  private int hotPages;
  private int pagesLeft;
  private byte[] pageBuffer;
  /** PAGE_BUFFER's bytes as little-endian words, for copying a page of lazy hot out in one call. */
  private java.nio.LongBuffer pageView;
  /** Set by {@link #locate}: where in the array it returns the record starts. */
  private int located;

  /** The discardable section as little-endian words (its u32 pairs are a word's lo and hi). */
  private long[] discWords;
  private final int[] counts = new int[Types.COUNT];
  private final long[] tables = new long[Types.COUNT];
  private final int[] base = new int[Types.COUNT];
  /** Per type, one past its last object number (base plus count): finds an object's type. */
  private final int[] ends = new int[Types.COUNT];
  private Object[] objects;
  /** Per type, how many of its records are built at load; the rest on demand. */
  private final int[] eager = new int[Types.COUNT];
  /** Per type, where its records built on demand (or their index) start: see DumpFormat. */
  private final long[] demandTables = new long[Types.COUNT];
  /** Lazily loaded definitions: function cells and property values built on first use. */
  private int definitionCount;
  /** Word number (in lazy hot) of the lazy definitions' table: one root word each. */
  private long definitionTable;
  /** The obarray table (see DumpWriter.writeObarrayTable): entries, first word, symbols. */
  private int obarrayEntries;
  private int obarrayWord;
  private int obarraySymbols;
  /** Word number of the symbol table, which holds every symbol's record. */
  private int symbolTable;
  private Symbol[] builtins;
  private Subr[] subrs;
  /** Cold bytes claimed so far (see {@link #coldRange}). */
  private long coldUsed;
  /** Words of variable-size records built on demand so far (see {@link #chargeDemandWords}). */
  private long demandWords;
  private boolean eagerAllocated;
  /** Set once the load is complete: from then on a reference to an unbuilt object builds it. */
  private boolean demandReady;
  /**
   * Objects built on demand whose fields are still to fill, by number (see {@link #need}), with
   * their type and where their records are (the array and the index {@link #locate} gave): a
   * ring, whose length is a power of two, holding the entries from toFillHead (the next to fill)
   * up to toFillEnd, both counted from the first entry queued since the queue was last empty.
   */
  private int[] toFill = new int[64];
  private int[] toFillType = new int[64];
  private long[][] toFillWords = new long[64][];
  private int[] toFillAt = new int[64];
  private int toFillHead, toFillEnd;
  /** Set by the header: the sections were LZ4-compressed. */
  private boolean compressed;

  private DumpLoader(String name) {
    this.name = name;
  }

  /** What a load did, for pdumper-stats and the benchmarks. */
  public static final class Stats {
    /** Objects built at load. */
    public int objects;
    /** Objects in the dump: built at load, or when first needed. */
    public int dumped;
    /** Function definitions left in the dump until first used. */
    public int lazyDefinitions;
    public long bytes;
    public boolean mapped;
    public boolean compressed;
  }

  // ---- Entry points -------------------------------------------------------------------------

  /**
   * A dump whose header and sections are checked and in memory, ready to be materialised: all
   * the work that needs no runtime. StartupDump does it on a thread of its own while the
   * runtime initialises.
   */
  public static final class Prepared {
    private final DumpLoader loader;
    private final Stats stats;

    private Prepared(DumpLoader loader, Stats stats) {
      this.loader = loader;
      this.stats = stats;
    }

    /**
     * Allocates the objects built at load whose allocation needs no runtime (all but hash tables
     * and obarrays), so it may run before Runtime.init and on another thread, which materialise
     * must then come after (the start-up joins the threads). Optional.
     */
    public void allocate() throws DumpLoadException {
      loader.allocateEager();
    }

    /**
     * Hands F, the file this dump was prepared from, to the loader, which keeps it open to read
     * the lazy sections on the first use of a lazily built definition (none may be used at all).
     * Without it, {@link #materialise} reads them from a file that must still be open.
     */
    public void keepFile(RandomAccessFile f) {
      loader.file = f;
      loader.fileOwned = true;
    }

    /** Makes the objects and installs them in the runtime, which must be initialised. */
    public Stats materialise() throws DumpLoadException {
      loader.materialise();
      stats.objects = loader.eagerObjects();
      stats.dumped = loader.objects.length;
      stats.lazyDefinitions = loader.definitionCount;
      return stats;
    }
  }

  /** Loads FILE: mapped when uncompressed and MAP is true, read into memory otherwise. */
  public static Stats loadFile(Path file, boolean map) throws DumpLoadException {
    Prepared p = prepareFile(file, map);
    p.loader.ensureLazySections();
    return p.materialise();
  }

  /** Loads the dump stored at [OFFSET, OFFSET+LENGTH) of the file (a dump or a jar entry). */
  public static Stats loadRegion(RandomAccessFile f, long offset, long length, boolean map, String name)
      throws DumpLoadException, IOException {
    Prepared p = prepareRegion(f, offset, length, map, name);
    p.loader.file = f;
    p.loader.ensureLazySections();
    return p.materialise();
  }

  /**
   * Checks and reads FILE (see {@link #loadFile}) without materialising it. Files are read with
   * RandomAccessFile, not FileChannel: at start-up the first FileChannel costs 2 ms of class
   * initialisation and native library loading that java.io has already paid.
   */
  public static Prepared prepareFile(Path file, boolean map) throws DumpLoadException {
    return prepareFile(file.toFile(), map);
  }

  /** {@link #prepareFile(Path, boolean)} for a java.io.File, which start-up uses. */
  public static Prepared prepareFile(File file, boolean map) throws DumpLoadException {
    return prepareFile(file, 0, -1, map, file.toString());
  }

  /**
   * The dump at [OFFSET, OFFSET+LENGTH) of FILE (LENGTH -1: the rest of the file), shown as NAME
   * in messages: checked and read, the file kept open for the lazy sections (a jar's dump entry
   * is read in place this way).
   */
  public static Prepared prepareFile(File file, long offset, long length, boolean map, String name)
      throws DumpLoadException {
    RandomAccessFile f;
    try {
      f = new RandomAccessFile(file, "r");
    } catch (FileNotFoundException e) {
      if (!file.exists()) throw new DumpLoadException("could not open file");
      throw new DumpLoadException("could not open file: " + e.getMessage());
    }
    boolean kept = false;
    try {
      Prepared p = prepareRegion(f, offset, length < 0 ? f.length() - offset : length, map, name);
      p.keepFile(f);
      kept = true;
      return p;
    } catch (IOException e) {
      throw new DumpLoadException("read error: " + e.getMessage());
    } finally {
      if (!kept) closeQuietly(f);
    }
  }

  private static void closeQuietly(RandomAccessFile f) {
    try {
      f.close();
    } catch (IOException e) {
      // Nothing was written; nothing to lose.
    }
  }

  /** Checks and reads the dump at [OFFSET, OFFSET+LENGTH) of the file (see {@link #loadRegion}). */
  public static Prepared prepareRegion(RandomAccessFile f, long offset, long length, boolean map, String name)
      throws DumpLoadException, IOException {
    if (length < DumpFormat.HEADER_SIZE) {
      if (length >= 8 && looksLikeDump(f, offset)) throw new DumpLoadException("truncated dump file (header incomplete)");
      throw new DumpLoadException("not a dump file");
    }
    ByteBuffer header = ByteBuffer.wrap(readBytes(f, offset, DumpFormat.HEADER_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
    DumpLoader l = new DumpLoader(name);
    long[][] sections = l.checkHeader(header, length);
    Stats stats = new Stats();
    stats.bytes = length;
    stats.compressed = l.compressed;
    stats.mapped = map && !l.compressed;
    ByteBuffer[] data = new ByteBuffer[3];
    l.lazySections = new long[][] {sections[DumpFormat.SECTION_LAZY_HOT], sections[DumpFormat.SECTION_LAZY_COLD]};
    l.regionOffset = offset;
    l.mapped = stats.mapped;
    for (int i = 0; i < 3; i++) {
      if (i != 1 && !stats.mapped && !l.compressed) {
        // The hot and discardable sections go straight into the words the loader reads.
        long[] w = readWords(f, offset + sections[i][0], (int) sections[i][1], (int) sections[i][3],
            "corrupt dump file: checksum mismatch in the " + SECTION_NAMES[i] + " section");
        if (i == 0) l.words = w;
        else l.discWords = w;
        continue;
      }
      data[i] = readSection(f, offset, sections[i], stats.mapped, l.compressed, SECTION_NAMES[i]);
    }
    l.cold = data[1];
    if (l.words == null) l.words = toWords(data[0]);
    if (l.discWords == null) l.discWords = toWords(data[2]);
    l.coldBytes = l.cold.hasArray() && l.cold.arrayOffset() == 0 && l.cold.array().length == l.cold.limit()
        ? l.cold.array() : copyOf(l.cold);
    l.paged = !l.mapped && !l.compressed;
    l.hotWords = l.words.length;
    l.coldBase = l.coldBytes.length;
    l.allWords = l.hotWords + (int) (sections[DumpFormat.SECTION_LAZY_HOT][2] >>> 3);
    int total = 0;
    for (int c : l.counts) total += c;
    l.objects = new Object[total];
    return new Prepared(l, stats);
  }

  private static final String[] SECTION_NAMES = {"hot", "cold", "discardable", "lazy hot", "lazy cold"};

  private static byte[] copyOf(ByteBuffer b) {
    byte[] a = new byte[b.limit()];
    b.duplicate().position(0).get(a);
    return a;
  }

  private static boolean looksLikeDump(RandomAccessFile f, long offset) throws IOException {
    byte[] b = readBytes(f, offset, 8);
    return Arrays.equals(Arrays.copyOfRange(b, 1, 8), Arrays.copyOfRange(DumpFormat.MAGIC, 1, 8));
  }

  // ---- Header -------------------------------------------------------------------------------

  /** Validates the header; returns {offset, stored, raw, crc} per section. */
  private long[][] checkHeader(ByteBuffer h, long fileLength) throws DumpLoadException {
    byte[] magic = new byte[8];
    h.get(0, magic);
    boolean restMatches = Arrays.equals(Arrays.copyOfRange(magic, 1, 8), Arrays.copyOfRange(DumpFormat.MAGIC, 1, 8));
    if (!restMatches) throw new DumpLoadException("not a dump file");
    if (magic[0] == DumpFormat.INCOMPLETE_MARK) throw new DumpLoadException("dump file is from a failed dump (incomplete)");
    if (magic[0] != DumpFormat.MAGIC[0]) throw new DumpLoadException("not a dump file");
    int version = h.getInt(DumpFormat.OFF_VERSION);
    if (version != DumpFormat.VERSION) {
      throw new DumpLoadException("unsupported dump format version " + Integer.toUnsignedString(version)
          + " (this runtime reads version " + DumpFormat.VERSION + ")");
    }
    if (DumpFormat.headerCrc(h) != h.getInt(DumpFormat.OFF_HEADER_CRC)) {
      throw new DumpLoadException("corrupt dump file: header checksum mismatch");
    }
    byte[] fp = new byte[32];
    h.get(DumpFormat.OFF_FINGERPRINT, fp);
    byte[] mine = Fingerprint.bytes();
    if (!Arrays.equals(fp, mine)) {
      throw new DumpLoadException("dump was built for another runtime (dump fingerprint "
          + Fingerprint.toHex(fp) + ", runtime fingerprint " + Fingerprint.toHex(mine) + ")");
    }
    int flags = h.getInt(DumpFormat.OFF_FLAGS);
    if ((flags & ~DumpFormat.FLAG_LZ4) != 0) throw new DumpLoadException("corrupt dump file: unknown flags " + flags);
    compressed = (flags & DumpFormat.FLAG_LZ4) != 0;
    long[][] s = new long[DumpFormat.SECTIONS][4];
    long end = DumpFormat.HEADER_SIZE;
    for (int i = 0; i < DumpFormat.SECTIONS; i++) {
      int e = DumpFormat.OFF_SECTIONS + i * DumpFormat.SECTION_ENTRY;
      long off = h.getLong(e), stored = h.getLong(e + 8), raw = h.getLong(e + 16);
      if (off < end || stored < 0 || raw < 0 || stored > Integer.MAX_VALUE || raw > Integer.MAX_VALUE) {
        throw new DumpLoadException("corrupt dump file: bad " + SECTION_NAMES[i] + " section entry");
      }
      // Written as a subtraction: off + stored can overflow for a hostile off.
      if (stored > fileLength - off) throw new DumpLoadException("truncated dump file (" + SECTION_NAMES[i] + " section incomplete)");
      if (!compressed && raw != stored) throw new DumpLoadException("corrupt dump file: bad " + SECTION_NAMES[i] + " section size");
      // LZ4 cannot expand more than 255 to 1: a larger claim is a lie, refused before allocating.
      if (compressed && raw > stored * 255 + 64) throw new DumpLoadException("corrupt dump file: implausible " + SECTION_NAMES[i] + " section size");
      s[i][0] = off;
      s[i][1] = stored;
      s[i][2] = raw;
      s[i][3] = h.getInt(e + 24);
      end = off + stored;
    }
    // Eager records and every symbol's lie in hot; the rest in lazy hot, whose words are
    // numbered on from hot's.
    long hotRaw = s[DumpFormat.SECTION_HOT][2] & ~7L;
    long allRaw = hotRaw + s[DumpFormat.SECTION_LAZY_HOT][2];
    long total = 0;
    for (int t = 0; t < Types.COUNT; t++) {
      counts[t] = h.getInt(DumpFormat.OFF_COUNTS + 4 * t);
      tables[t] = h.getLong(DumpFormat.OFF_TABLES + 8 * t);
      eager[t] = h.getInt(DumpFormat.OFF_EAGER_COUNTS + 4 * t);
      demandTables[t] = h.getLong(DumpFormat.OFF_DEMAND_TABLES + 8 * t);
      // Every record takes at least 8 bytes.
      int inHot = t == Types.SYMBOL ? counts[t] : eager[t];
      if (counts[t] < 0 || eager[t] < 0 || eager[t] > counts[t] || tables[t] < 0 || tables[t] > hotRaw
          || (long) inHot * 8 > hotRaw - tables[t] || demandTables[t] < 0 || demandTables[t] > allRaw / 8) {
        throw new DumpLoadException("corrupt dump file: bad " + Types.NAMES[t] + " table");
      }
      if ((tables[t] & 7) != 0) throw new DumpLoadException("corrupt dump file: misaligned " + Types.NAMES[t] + " table");
      int rs = Types.RECORD_SIZE[t];
      if (rs > 0 && (long) inHot * rs > hotRaw - tables[t]) {
        throw new DumpLoadException("corrupt dump file: bad " + Types.NAMES[t] + " table");
      }
      base[t] = (int) total;
      total += counts[t];
    }
    if (total * 8 > allRaw) throw new DumpLoadException("corrupt dump file: too many objects for its size");
    for (int t = 0; t < Types.COUNT; t++) ends[t] = base[t] + counts[t];
    symbolTable = (int) (tables[Types.SYMBOL] >>> 3);
    definitionCount = h.getInt(DumpFormat.OFF_LAZY);
    obarrayEntries = h.getInt(DumpFormat.OFF_LAZY + 4);
    definitionTable = h.getLong(DumpFormat.OFF_LAZY + 8);
    if (definitionCount < 0 || definitionTable < 0 || definitionTable > allRaw / 8
        || definitionCount > allRaw / 8 - definitionTable) {
      throw new DumpLoadException("corrupt dump file: bad lazy definition table");
    }
    long obarrayAt = h.getLong(DumpFormat.OFF_OBARRAY);
    obarraySymbols = h.getInt(DumpFormat.OFF_OBARRAY + 8);
    // A power of two, at most half full (so a probe always ends), within hot, on a word.
    if (obarrayEntries < 16 || Integer.bitCount(obarrayEntries) != 1 || obarraySymbols < 0
        || obarraySymbols > obarrayEntries / 2 || obarraySymbols > counts[Types.SYMBOL] || obarrayAt < 0
        || (obarrayAt & 7) != 0 || obarrayAt > hotRaw || obarrayEntries * 4L > hotRaw - obarrayAt) {
      throw new DumpLoadException("corrupt dump file: bad obarray table");
    }
    obarrayWord = (int) (obarrayAt >>> 3);
    long pageCrcs = h.getLong(DumpFormat.OFF_PAGE_CRCS);
    long pages = DumpFormat.pages(s[DumpFormat.SECTION_LAZY_HOT][2]) + DumpFormat.pages(s[DumpFormat.SECTION_LAZY_COLD][2]);
    if (pageCrcs < 0 || (pageCrcs & 7) != 0 || pageCrcs > hotRaw || pages * 4 > hotRaw - pageCrcs) {
      throw new DumpLoadException("corrupt dump file: bad page checksum table");
    }
    pageCrcWord = (int) (pageCrcs >>> 3);
    return s;
  }

  /**
   * Reads are made in pieces of this size. RandomAccessFile copies every read through a native
   * buffer, malloc'ed when longer than 8 KiB: in one piece a megabyte section costs a millisecond
   * of page faults at start-up, while 64 KiB stays under malloc's mmap threshold, so one block
   * is reused, and keeps the per-piece work in the interpreter to a few dozen pieces.
   */
  private static final int READ_PIECE = 64 << 10;

  /** LEN bytes of F from POS; a file shorter than that is a read error. */
  private static byte[] readBytes(RandomAccessFile f, long pos, int len) throws IOException {
    byte[] b = new byte[len];
    readFully(f, pos, b, 0, len);
    return b;
  }

  /** LEN bytes of F from POS into B at AT; a file shorter than that is a read error. */
  private static void readFully(RandomAccessFile f, long pos, byte[] b, int at, int len) throws IOException {
    f.seek(pos);
    for (int done = 0; done < len; ) {
      int n = f.read(b, at + done, Math.min(READ_PIECE, len - done));
      if (n < 0) throw new IOException("unexpected end of file");
      done += n;
    }
  }

  /**
   * The LEN bytes of F from POS as little-endian words (a partial last word, in a corrupt
   * section, is dropped so reads of it fail), checked against CRC: read piece by piece into the
   * word array, with no byte array as long as the section.
   */
  private static long[] readWords(RandomAccessFile f, long pos, int len, int crc, String mismatch)
      throws IOException, DumpLoadException {
    long[] w = new long[len >>> 3];
    byte[] piece = new byte[READ_PIECE];
    ByteBuffer view = ByteBuffer.wrap(piece).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 c = new CRC32();
    f.seek(pos);
    int words = 0;
    for (int done = 0; done < len; ) {
      int want = Math.min(READ_PIECE, len - done);
      try {
        f.readFully(piece, 0, want);
      } catch (java.io.EOFException e) {
        throw new IOException("unexpected end of file");
      }
      c.update(piece, 0, want);
      int n = Math.min(want >>> 3, w.length - words);
      view.asLongBuffer().get(w, words, n);
      words += n;
      done += want;
    }
    if ((int) c.getValue() != crc) throw new DumpLoadException(mismatch);
    return w;
  }


  private static ByteBuffer decompress(ByteBuffer src, int raw, String section) throws DumpLoadException {
    LZ4SafeDecompressor d = LZ4Factory.safeInstance().safeDecompressor();
    byte[] in = new byte[src.remaining()];
    src.duplicate().get(in);
    byte[] out = new byte[raw];
    int n;
    try {
      n = d.decompress(in, 0, in.length, out, 0, raw);
    } catch (LZ4Exception e) {
      throw new DumpLoadException("corrupt dump file: bad LZ4 data in the " + section + " section");
    }
    if (n != raw) throw new DumpLoadException("corrupt dump file: " + section + " section decompressed to the wrong size");
    return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
  }

  // ---- Materialisation ----------------------------------------------------------------------

  private DumpLoadException corrupt(String what) {
    return new DumpLoadException("corrupt dump file: " + what);
  }

  /**
   * Whether allocating type T's objects decodes references, and so needs the runtime's built-in
   * symbols: a hash table's test and parameters, an obarray's size. Every other type is
   * allocated from its own record alone.
   */
  private static boolean allocationNeedsRuntime(int t) {
    return t == Types.HASH_TABLE || t == Types.OBARRAY;
  }

  /** The first phase: the eager objects of every type that needs no runtime. */
  private void allocateEager() throws DumpLoadException {
    if (eagerAllocated) return;
    try {
      for (int t = 0; t < Types.COUNT; t++) {
        if (!allocationNeedsRuntime(t)) allocate(t, 0, eager[t], words, (int) (tables[t] >>> 3));
      }
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw corrupt("a record runs past its section");
    }
    eagerAllocated = true;
  }

  /**
   * Builds the eager heap and installs it. Everything that can refuse the dump is checked
   * before the runtime changes: the built-in symbols' new state is decoded first, and the eager
   * symbols go into the obarray all or none.
   */
  private void materialise() throws DumpLoadException {
    allocateEager();
    builtins = Lisp.builtinSymbols.toArray(new Symbol[0]);
    subrs = Lisp.subrs.toArray(new Subr[0]);
    try {
      for (int t = 0; t < Types.COUNT; t++) {
        if (allocationNeedsRuntime(t)) allocate(t, 0, eager[t], words, (int) (tables[t] >>> 3));
      }
      for (int t = 0; t < Types.COUNT; t++) fill(t, 0, eager[t], words, (int) (tables[t] >>> 3));
      Object[] states = new Object[3 * builtins.length];
      int[] flags = decodeBuiltins(states);
      internEagerSymbols();
      for (int i = 0; i < builtins.length; i++) {
        Symbol s = builtins[i];
        s.value = states[3 * i];
        s.setFunction(states[3 * i + 1]);
        s.plist = states[3 * i + 2];
        s.special = (flags[i] & DumpFormat.SYM_SPECIAL) != 0;
        s.constant = (flags[i] & DumpFormat.SYM_CONSTANT) != 0;
      }
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw corrupt("a record runs past its section");
    }
    demandReady = true;
  }

  /** How many objects the load built (the rest wait until needed). */
  private int eagerObjects() {
    int n = 0;
    for (int c : eager) n += c;
    return n;
  }

  /** The obarray position of symbol K (from its record's flags), or -1 when not in the obarray. */
  private int obarrayPosition(int k) throws DumpLoadException {
    int p = ((int) words[symbolTable + 5 * k + 1] >>> DumpFormat.SYM_POSITION_SHIFT) - 1;
    if (p >= obarraySymbols) throw corrupt("bad obarray position");
    return p;
  }

  /**
   * Puts the eager symbols of the obarray in it, and hands it the others, to be built when looked
   * up; all or none: a name the runtime has already leaves the obarray as it was.
   */
  private void internEagerSymbols() throws DumpLoadException {
    int n = eager[Types.SYMBOL];
    Symbol[] syms = new Symbol[n];
    int[] positions = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int p = obarrayPosition(i);
      if (p < 0) continue;
      syms[k] = (Symbol) objects[base[Types.SYMBOL] + i];
      positions[k++] = p;
    }
    Symbol clash = Lisp.obarray.addDumped(Arrays.copyOf(syms, k), Arrays.copyOf(positions, k), obarraySymbols,
        new DumpedSymbols());
    if (clash != null) throw corrupt("symbol " + clash.name() + " interned twice");
  }

  // ---- Building on demand ---------------------------------------------------------------------

  /**
   * The obarray's dumped symbols that are not built yet: the obarray asks here when a name is not
   * in its own table. A bad record met then is a Lisp error, as for a lazy definition.
   */
  private final class DumpedSymbols extends Obarray.Pending {
    @Override
    public Symbol find(String name, int hash) {
      try {
        return findSymbol(name, hash);
      } catch (DumpLoadException e) {
        throw Lisp.error("Cannot load a symbol from the dump: " + e.getMessage());
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw Lisp.error("Cannot load a symbol from the dump: a record runs past its section");
      }
    }

    @Override
    public void buildAll() {
      try {
        buildWaitingSymbols();
      } catch (DumpLoadException e) {
        throw Lisp.error("Cannot load a symbol from the dump: " + e.getMessage());
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw Lisp.error("Cannot load a symbol from the dump: a record runs past its section");
      }
    }
  }

  /**
   * Builds every dumped symbol of the obarray that is still waiting (mapatoms and the like walk
   * them all), and what they reach: the symbols are made in one loop and handed to the obarray
   * in one batch ({@link Obarray#placeDumped(Symbol[], int[], int)}), which grows its table once,
   * rather than one {@link #need} and one placement each. Only the symbols the obarray took are
   * entered in the table of objects, so a symbol built here is always in the obarray's own table
   * (unless uninterned later), as {@link #findSymbol} expects.
   */
  private void buildWaitingSymbols() throws DumpLoadException {
    int first = eager[Types.SYMBOL], waiting = counts[Types.SYMBOL] - first, sb = base[Types.SYMBOL];
    Symbol[] syms = new Symbol[waiting];
    int[] numbers = new int[waiting], positions = new int[waiting];
    int n = 0;
    DumpLoadException failure = null;
    try {
      long[] w = words;
      for (int k = first, q = symbolTable + 5 * first; k < first + waiting; k++, q += 5) {
        if (objects[sb + k] != null) continue;
        // obarrayPosition(k), written out.
        int p = ((int) w[q + 1] >>> DumpFormat.SYM_POSITION_SHIFT) - 1;
        if (p < 0) continue;
        if (p >= obarraySymbols) throw corrupt("bad obarray position");
        syms[n] = symbolAt(w, q);
        numbers[n] = k;
        positions[n++] = p;
      }
    } catch (DumpLoadException e) {
      // The symbols made before the bad record are placed and built all the same.
      failure = e;
    }
    int placed = Lisp.obarray.placeDumped(syms, positions, n);
    if (toFillEnd - toFillHead + placed > toFill.length) growFillQueue(placed);
    int mask = toFill.length - 1;
    for (int j = 0; j < placed; j++) {
      int e = toFillEnd++ & mask;
      objects[sb + numbers[j]] = syms[j];
      toFill[e] = sb + numbers[j];
      toFillType[e] = Types.SYMBOL;
      toFillWords[e] = words;
      toFillAt[e] = symbolTable + 5 * numbers[j];
    }
    fillNeeded();
    if (placed < n) throw corrupt("symbol " + syms[placed].name() + " interned twice");
    if (failure != null) throw failure;
  }

  /**
   * The dumped symbol of the obarray named NAME (whose String.hashCode is HASH), built now; null
   * when there is none, or when it was built before (then it is in the obarray's own table
   * unless it has been uninterned since).
   */
  private Symbol findSymbol(String name, int hash) throws DumpLoadException {
    int mask = obarrayEntries - 1;
    long[] w = words;
    for (int n = 0, j = DumpFormat.slot(hash, mask); n < obarrayEntries; n++, j = (j + 1) & mask) {
      long pair = w[obarrayWord + (j >>> 1)];
      int e = (j & 1) == 0 ? lo(pair) : hi(pair);
      if (e == 0) return null;
      int k = e - 1;
      if (k < 0 || k >= counts[Types.SYMBOL]) throw corrupt("bad obarray table entry");
      int q = symbolTable + 5 * k;
      if (hi(w[q + 1]) != hash || !nameIs(q, name)) continue;
      if (obarrayPosition(k) < 0) throw corrupt("obarray table entry is not in the obarray");
      if (objects[base[Types.SYMBOL] + k] != null) return null;
      Symbol s = (Symbol) need(base[Types.SYMBOL] + k);
      fillNeeded();
      return s;
    }
    return null;
  }

  /** Whether the symbol record at word Q is named NAME. */
  private boolean nameIs(int q, String name) throws DumpLoadException {
    int off = lo(words[q]), len = hi(words[q]);
    if (off < 0 || len < 0 || (long) off + len > coldBytes.length) throw corrupt("string data outside the cold section");
    loadCold(off, (long) off + len);
    if ((lo(words[q + 1]) & DumpFormat.SYM_ASCII_NAME) == 0) {
      return name.equals(LString.decodeInternal(Arrays.copyOfRange(coldBytes, off, off + len)));
    }
    if (len != name.length()) return false;
    byte[] b = coldBytes;
    for (int i = 0; i < len; i++) if ((b[off + i] & 0xff) != name.charAt(i)) return false;
    return true;
  }

  /** True while a hash table's parameters are decoded (see {@link #allocate}). */
  private boolean decodingTableParameters;

  /**
   * Object number I, allocating it if it is not built yet; its fields are filled by the next
   * {@link #fillNeeded}, which whoever asked first must call (a fill that needs more objects
   * queues them, so building a long list or a deep tree needs no deep recursion).
   *
   * <p>Building on demand runs mostly in the bytecode interpreter (a session builds a few thousand
   * objects, fewer than it takes the JIT to compile the loader), where a call costs as much as
   * dozens of plain bytecodes. So the per-object path makes few calls: a cons, most of what is
   * built, is made here, its record found by {@link #fixedRecord}; strings, floats, bignums and
   * bool-vectors are complete once allocated and are not queued at all.
   */
  private Object need(int i) throws DumpLoadException {
    Object o = objects[i];
    if (o != null) return o;
    int t = 0;
    while (i >= ends[t]) t++;
    int local = i - base[t];
    if (local < eager[t]) throw corrupt("reference to an object not yet allocated");
    long[] w;
    int q;
    if (t == Types.SYMBOL) {
      // Every symbol's record is in hot.
      w = words;
      q = symbolTable + 5 * local;
    } else {
      if (pageLoaded == null && !lazyRead) lazySectionsReady();
      w = Types.RECORD_SIZE[t] > 0 ? fixedRecord(t, local) : locate(t, recordWord(t, local));
      q = located;
    }
    if (t == Types.CONS) {
      // Until filled, an object holds nil, not Java nulls: a fill that fails leaves it usable.
      o = new Cons(Lisp.NIL, Lisp.NIL);
      objects[i] = o;
    } else {
      allocate(t, local, 1, w, q);
      o = objects[i];
      switch (t) {
        case Types.SYMBOL: {
          int p = obarrayPosition(local);
          if (p >= 0 && !Lisp.obarray.placeDumped((Symbol) o, p)) throw corrupt("symbol " + ((Symbol) o).name() + " interned twice");
          break;
        }
        case Types.VECTOR:
        case Types.RECORD: {
          // A loop, not Arrays.fill: most are short, and each call costs in the interpreter.
          Object[] items = t == Types.VECTOR ? ((LVector) o).items : ((Record) o).slots;
          for (int j = 0; j < items.length; j++) items[j] = Lisp.NIL;
          chargeDemandWords(t, w, q);
          break;
        }
        case Types.HASH_TABLE:
        case Types.OBARRAY:
          chargeDemandWords(t, w, q);
          break;
        default:
          // Strings, floats, bignums and bool-vectors: nothing to fill.
          return o;
      }
    }
    if (toFillEnd - toFillHead == toFill.length) growFillQueue(1);
    int n = toFillEnd++ & (toFill.length - 1);
    toFill[n] = i;
    toFillType[n] = t;
    toFillWords[n] = w;
    toFillAt[n] = q;
    return o;
  }

  /** Grows the fill queue to hold K more entries, which keep their order. */
  private void growFillQueue(int k) {
    int live = toFillEnd - toFillHead, length = toFill.length, mask = length - 1;
    int grown = length;
    while (live + k > grown) grown *= 2;
    int[] numbers = new int[grown], types = new int[grown], at = new int[grown];
    long[][] records = new long[grown][];
    for (int j = 0; j < live; j++) {
      int from = (toFillHead + j) & mask;
      numbers[j] = toFill[from];
      types[j] = toFillType[from];
      records[j] = toFillWords[from];
      at[j] = toFillAt[from];
    }
    toFill = numbers;
    toFillType = types;
    toFillWords = records;
    toFillAt = at;
    toFillHead = 0;
    toFillEnd = live;
  }

  /**
   * Fills the fields of every object {@link #need} built, and of what those need in turn, in the
   * order they were queued (breadth first). So every type a structure holds comes up early, a
   * list's elements along with its spine, and the code the JIT compiles from the first few
   * thousand objects stays good: filled depth first, a long list gave the spine's conses alone
   * first, and the compiled need was thrown away at the first string.
   */
  private void fillNeeded() throws DumpLoadException {
    try {
      while (toFillHead != toFillEnd) fillSome();
    } finally {
      if (toFillHead != toFillEnd) Arrays.fill(toFillWords, null);
      toFillHead = toFillEnd = 0;
    }
  }

  /** The word for nil: the runtime's first built-in symbol (Lisp's static initialiser makes it). */
  private static final long NIL_WORD = DumpFormat.builtinSymbol(0);

  /**
   * How many objects {@link #fillSome} fills per call. Filling in calls of a few objects, not in
   * one loop, lets the JIT compile the fill by its call count: at the launchers' thresholds, C1
   * after about 8,000 objects and C2 after about 27,000, where one long-running loop is compiled
   * only by on-stack replacement, after 60,000 turns in the interpreter. (32 a call: 16,000 and
   * 96,000; the first use of the big heap took about as long with 1, 8 or 32.)
   */
  private static final int FILL_CHUNK = 8;

  /**
   * Fills up to {@link #FILL_CHUNK} queued objects. Conses and symbols, nearly all that is
   * queued, are filled here, their words decoded by {@link #ref} or, for a cons, in line; the
   * other types by {@link #fill}.
   */
  private void fillSome() throws DumpLoadException {
    Object[] objs = objects;
    // nil, the commonest word of all (ends every list, fills most function cells and property
    // lists), is decoded here without a call.
    Object nil = builtins[0];
    for (int left = FILL_CHUNK; left > 0 && toFillHead != toFillEnd; left--) {
      int n = toFillHead++ & (toFill.length - 1);
      int i = toFill[n], t = toFillType[n], q = toFillAt[n];
      long[] w = toFillWords[n];
      toFillWords[n] = null;
      if (t == Types.CONS) {
        Cons c = (Cons) objs[i];
        long a = w[q], d = w[q + 1];
        Object x;
        if ((a & 3) == 2 && (a >>> 2) < objs.length) {
          x = objs[(int) (a >>> 2)];
          if (x == null) x = need((int) (a >>> 2));
        } else {
          x = (a & 3) == 3 ? definition(a) : ref(a);
        }
        c.car = x;
        if ((d & 3) == 2 && (d >>> 2) < objs.length) {
          x = objs[(int) (d >>> 2)];
          if (x == null) x = need((int) (d >>> 2));
        } else {
          x = d == NIL_WORD ? nil : ref(d);
        }
        c.cdr = x;
      } else if (t == Types.SYMBOL) {
        Symbol s = (Symbol) objs[i];
        long v = w[q + 2], f = w[q + 3];
        // The value may be the unbound marker (a void variable, most symbols), the function a
        // lazy definition: both tag 3.
        s.value = v == DumpFormat.UNBOUND ? Lisp.UNBOUND : (v & 3) == 3 ? decode(v) : ref(v);
        s.setFunction(f == NIL_WORD ? nil : (f & 3) == 3 ? definition(f) : ref(f));
        long p = w[q + 4];
        s.plist = p == NIL_WORD ? nil : ref(p);
      } else if (t == Types.VECTOR || t == Types.RECORD) {
        Object[] items = t == Types.VECTOR ? ((LVector) objs[i]).items : ((Record) objs[i]).slots;
        for (int j = 0; j < items.length; j++) items[j] = ref(w[q + 1 + j]);
      } else {
        fill(t, i - base[t], 1, w, q);
      }
    }
  }

  /**
   * What {@link #value} decodes W to, while building on demand: a built object and a built-in
   * symbol, most words, are decoded here, an object not built yet is built ({@link #need}), and
   * the rest goes to value.
   */
  private Object ref(long w) throws DumpLoadException {
    long k = w >>> 2;
    if ((w & 3) == 2) {
      if (k < objects.length) {
        Object o = objects[(int) k];
        return o != null ? o : need((int) k);
      }
    } else if ((w & 3) == 1 && k < builtins.length) {
      return builtins[(int) k];
    }
    return value(w);
  }

  /**
   * The array to read the record of object LOCAL of fixed-size type T (not a symbol) from, which
   * then starts at {@link #located}: {@link #recordWord} and {@link #locate} in one call for
   * the records most built, which lie within a page of lazy hot.
   */
  private long[] fixedRecord(int t, int local) throws DumpLoadException {
    int size = Types.RECORD_SIZE[t] >>> 3;
    long q = demandTables[t] + (long) (local - eager[t]) * size;
    if (q < 0 || q >= allWords) throw corrupt("a record runs past its section");
    if (paged && q >= hotWords) {
      int r = (int) q - hotWords, p = r >>> (DumpFormat.LAZY_PAGE_SHIFT - 3);
      long[] page = lazyPages[p];
      if (page == null) {
        loadPage(p);
        page = lazyPages[p];
      }
      int at = r & ((DumpFormat.LAZY_PAGE >>> 3) - 1);
      if (at + size <= page.length) {
        located = at;
        return page;
      }
    }
    return locate(t, (int) q);
  }

  /**
   * Word number of the record of object LOCAL (of its type T) that is built on demand. A
   * variable-size type's index entry counts from lazy hot's first word.
   */
  private int recordWord(int t, int local) throws DumpLoadException {
    if (t == Types.SYMBOL) return symbolTable + 5 * local;
    long d = local - eager[t];
    int rs = Types.RECORD_SIZE[t];
    long q;
    if (rs > 0) {
      q = demandTables[t] + d * (rs >>> 3);
    } else {
      long entry = word(demandTables[t] + d);
      q = entry < 0 || entry >= allWords - hotWords ? -1 : hotWords + entry;
    }
    if (q < 0 || q >= allWords) throw corrupt("a record runs past its section");
    return (int) q;
  }

  /**
   * Word G of hot and lazy hot; paged, its page is read first. Past the last word, an
   * IndexOutOfBoundsException, as reading the array would give.
   */
  private long word(long g) throws DumpLoadException {
    if (!paged || g < hotWords) return words[(int) g];
    if (g >= allWords) throw new IndexOutOfBoundsException();
    long r = g - hotWords;
    int p = (int) (r >>> (DumpFormat.LAZY_PAGE_SHIFT - 3));
    if (lazyPages[p] == null) loadPage(p);
    return lazyPages[p][(int) r & ((DumpFormat.LAZY_PAGE >>> 3) - 1)];
  }

  /**
   * The array to read the record at word Q of type T from, which then starts at index
   * {@link #located}: WORDS, unless the dump is paged and Q lies in lazy hot; then the page the
   * record lies in (read first), or, for a record across pages, a copy of its words. A
   * variable-size record whose length does not fit in the words there are gets its first page,
   * where allocate's checks refuse it.
   */
  private long[] locate(int t, int q) throws DumpLoadException {
    located = q;
    // Every symbol's record is in hot.
    if (!paged || t == Types.SYMBOL) return words;
    int rs = Types.RECORD_SIZE[t];
    if (rs > 0 && q >= hotWords) {
      // A fixed-size record, most of what is built: within a page but for a crafted table.
      int r = q - hotWords, p = r >>> (DumpFormat.LAZY_PAGE_SHIFT - 3);
      long[] page = lazyPages[p];
      if (page == null) {
        loadPage(p);
        page = lazyPages[p];
      }
      int at = r & ((DumpFormat.LAZY_PAGE >>> 3) - 1);
      if (at + (rs >>> 3) <= page.length) {
        located = at;
        return page;
      }
    }
    int head = rs > 0 ? rs >>> 3 : t == Types.HASH_TABLE ? 5 : 1;
    long length = head;
    if (rs == 0 && (long) q + head <= allWords) {
      length = t == Types.HASH_TABLE ? head + 2L * hi(word(q + 4)) : head + word(q);
    }
    boolean fits = length >= head && length <= allWords - q;
    long end = q + length;
    if (q < hotWords) return fits && end > hotWords ? span(q, end) : words;
    long r = q - hotWords;
    int shift = DumpFormat.LAZY_PAGE_SHIFT - 3;
    int p = (int) (r >>> shift);
    if (lazyPages[p] == null) loadPage(p);
    if (fits && (end - 1 - hotWords) >>> shift != p) return span(q, end);
    located = (int) r & ((DumpFormat.LAZY_PAGE >>> 3) - 1);
    return lazyPages[p];
  }

  /**
   * Paged: a copy of words [FROM, TO), which lie in hot and lazy hot, their pages read first; the
   * copy's first word is the record's ({@link #located} is 0).
   */
  private long[] span(long from, long to) throws DumpLoadException {
    located = 0;
    long[] w = new long[(int) (to - from)];
    int n = 0;
    if (from < hotWords) {
      n = (int) (Math.min(to, hotWords) - from);
      System.arraycopy(words, (int) from, w, 0, n);
    }
    int pageWords = DumpFormat.LAZY_PAGE >>> 3;
    while (n < w.length) {
      long r = from + n - hotWords;
      int p = (int) (r / pageWords), at = (int) (r % pageWords);
      if (lazyPages[p] == null) loadPage(p);
      int k = Math.min(w.length - n, lazyPages[p].length - at);
      if (k <= 0) throw new IndexOutOfBoundsException();
      System.arraycopy(lazyPages[p], at, w, n, k);
      n += k;
    }
    return w;
  }

  /**
   * Charges the words the variable-size record at W[Q] (of type T) takes, and refuses to go past
   * the sections' size. The writer gives every object a record of its own, so a real dump stays
   * within it; an index that points at the same long vector over and over would otherwise let a
   * small file make the loader allocate far more than its size.
   */
  private void chargeDemandWords(int t, long[] w, int q) throws DumpLoadException {
    demandWords += t == Types.HASH_TABLE ? 5 + 2L * hi(w[q + 4]) : 1 + w[q];
    if (demandWords > allWords) throw corrupt("objects share their records");
  }

  /**
   * A function definition (or property value) kept in the dump until first used:
   * {@link Symbol#function()} forces it, which builds it and whatever it needs that is not built.
   */
  private final class LazyDefinition extends pdmacs.lisp.LazyValue {
    private final int definition;

    LazyDefinition(int definition) {
      this.definition = definition;
    }

    @Override
    public Object force() {
      try {
        lazySectionsReady();
        Object o = value(word(definitionTable + definition));
        fillNeeded();
        return o;
      } catch (DumpLoadException e) {
        throw Lisp.error("Cannot load a function definition from the dump: " + e.getMessage());
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw Lisp.error("Cannot load a function definition from the dump: a record runs past its section");
      }
    }
  }

  /**
   * Makes the lazy sections ready to be read, before the first object built on demand that is not
   * a symbol: paged, room for them in the arrays; else the sections, read whole.
   */
  private void lazySectionsReady() throws DumpLoadException {
    if (lazyRead) return;
    if (!paged) ensureLazySections();
    else if (pageLoaded == null) makeRoomForPages();
  }

  /**
   * Reads, checks and appends the lazy sections, once: their words after hot's, their bytes
   * after cold's, as the writer numbered them; paged, every page not read yet. Then a file the
   * loader owns is closed.
   */
  private void ensureLazySections() throws DumpLoadException {
    if (lazyRead) return;
    if (file == null) throw corrupt("the dump file is no longer open");
    if (paged) {
      if (pageLoaded == null) makeRoomForPages();
      for (int p = 0; p < pageLoaded.length && !lazyRead; p++) {
        if (!pageLoaded[p]) loadPage(p);
      }
      return;
    }
    long[] lazyHot;
    byte[] lazyCold;
    try {
      lazyHot = toWords(readSection(file, regionOffset, lazySections[0], mapped, compressed, "lazy hot"));
      lazyCold = copyOf(readSection(file, regionOffset, lazySections[1], mapped, compressed, "lazy cold"));
    } catch (IOException e) {
      throw new DumpLoadException("read error: " + e.getMessage());
    }
    long[] w = Arrays.copyOf(words, words.length + lazyHot.length);
    System.arraycopy(lazyHot, 0, w, words.length, lazyHot.length);
    byte[] c = Arrays.copyOf(coldBytes, coldBytes.length + lazyCold.length);
    System.arraycopy(lazyCold, 0, c, coldBytes.length, lazyCold.length);
    words = w;
    coldBytes = c;
    cold = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
    lazyDone();
  }

  /** All of the lazy sections are in the arrays: a file the loader owns is closed. */
  private void lazyDone() {
    lazyRead = true;
    if (fileOwned) {
      closeQuietly(file);
      file = null;
    }
  }

  /**
   * Paged, once: makes room for lazy cold's bytes after cold's (one copy of cold, 43 KB on
   * emacs.pdmp); lazy hot's pages get arrays of their own as they are read.
   */
  private void makeRoomForPages() throws DumpLoadException {
    int hotLength = (int) lazySections[0][1], coldLength = (int) lazySections[1][1];
    if ((long) coldBase + coldLength > Integer.MAX_VALUE - 8) throw corrupt("lazy cold section too large");
    coldBytes = Arrays.copyOf(coldBytes, coldBase + coldLength);
    cold = ByteBuffer.wrap(coldBytes).order(ByteOrder.LITTLE_ENDIAN);
    hotPages = (int) DumpFormat.pages(hotLength);
    lazyPages = new long[hotPages][];
    pageLoaded = new boolean[hotPages + (int) DumpFormat.pages(coldLength)];
    pagesLeft = pageLoaded.length;
    if (pagesLeft == 0) lazyDone();
  }

  /**
   * Paged: reads the pages of lazy cold that cold bytes [FROM, TO) lie in (the part in cold
   * needs none), so that they can be read.
   */
  private void loadCold(long from, long to) throws DumpLoadException {
    if (lazyRead || !paged) return;
    from = Math.max(from, coldBase);
    to = Math.min(to, coldBytes.length);
    if (from >= to) return;
    int shift = DumpFormat.LAZY_PAGE_SHIFT;
    for (int p = (int) ((from - coldBase) >>> shift), last = (int) ((to - 1 - coldBase) >>> shift); p <= last; p++) {
      if (!pageLoaded[hotPages + p]) loadPage(hotPages + p);
    }
  }

  /**
   * Paged: reads page P (lazy hot's, then lazy cold's, numbered on), checks it against its CRC in
   * the page checksum table, and puts it in its array of words or after cold's bytes; one that
   * fails its check stays unread, so each use that needs it fails the same way.
   */
  private void loadPage(int p) throws DumpLoadException {
    if (file == null) throw corrupt("the dump file is no longer open");
    boolean inHot = p < hotPages;
    long[] entry = lazySections[inHot ? 0 : 1];
    int start = (inHot ? p : p - hotPages) << DumpFormat.LAZY_PAGE_SHIFT;
    int len = (int) Math.min(DumpFormat.LAZY_PAGE, entry[1] - start);
    if (pageBuffer == null) {
      pageBuffer = new byte[DumpFormat.LAZY_PAGE];
      pageView = ByteBuffer.wrap(pageBuffer).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }
    byte[] b = pageBuffer;
    try {
      readFully(file, regionOffset + entry[0] + start, b, 0, len);
    } catch (IOException e) {
      throw new DumpLoadException("read error: " + e.getMessage());
    }
    long pair = words[pageCrcWord + (p >>> 1)];
    if (DumpFormat.crc(b, 0, len) != ((p & 1) == 0 ? lo(pair) : hi(pair))) {
      throw corrupt("checksum mismatch in the " + (inHot ? "lazy hot" : "lazy cold") + " section");
    }
    if (inHot) {
      // Its whole words (as toWords would give), through the one view of the buffer: a new
      // buffer and view a page cost more than the copy, before the JIT has compiled them.
      long[] w = new long[len >>> 3];
      pageView.get(0, w, 0, w.length);
      lazyPages[p] = w;
    } else {
      System.arraycopy(b, 0, coldBytes, coldBase + start, len);
    }
    pageLoaded[p] = true;
    if (--pagesLeft == 0) lazyDone();
  }

  /**
   * The section whose header ENTRY is {offset, stored, raw, crc} in the dump at OFFSET of F,
   * mapped (MAP) or read whole, checked, and decompressed when COMPRESSED.
   */
  private static ByteBuffer readSection(RandomAccessFile f, long offset, long[] entry, boolean map, boolean compressed,
      String name) throws IOException, DumpLoadException {
    ByteBuffer b = map
        ? f.getChannel().map(FileChannel.MapMode.READ_ONLY, offset + entry[0], entry[1])
        : ByteBuffer.wrap(readBytes(f, offset + entry[0], (int) entry[1]));
    b.order(ByteOrder.LITTLE_ENDIAN);
    if (DumpFormat.crc(b) != (int) entry[3]) {
      throw new DumpLoadException("corrupt dump file: checksum mismatch in the " + name + " section");
    }
    return compressed ? decompress(b, (int) entry[2], name) : b;
  }

  /** The buffer's whole words; a partial last word (a corrupt section) is dropped, so reads of it fail. */
  private static long[] toWords(ByteBuffer b) {
    long[] w = new long[b.limit() >>> 3];
    b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asLongBuffer().get(w);
    return w;
  }

  /** The low and high 32-bit halves of word I: the two int fields of an 8-byte record slot. */
  private static int lo(long w) {
    return (int) w;
  }

  private static int hi(long w) {
    return (int) (w >>> 32);
  }

  /**
   * Checks that [OFF, OFF+LEN) lies in the cold section and charges it to the cold budget. The
   * writer gives every string, name, bignum and bool-vector its own bytes, so the ranges of a
   * real dump add up to at most the section's size; ranges that overlap over and over would let
   * a small file make the loader allocate far more than its size, so they are refused.
   */
  private int coldRange(int off, int len) throws DumpLoadException {
    if (off < 0 || len < 0 || (long) off + len > coldBytes.length) throw corrupt("string data outside the cold section");
    coldUsed += len;
    if (coldUsed > coldBytes.length) throw corrupt("cold section data used more than once");
    // Most ranges (every symbol's name) lie in cold: no call to see that no page is needed.
    if ((long) off + len > coldBase) loadCold(off, (long) off + len);
    return off;
  }

  /** Copies the checked cold range [OFF, OFF+LEN) into a new array. */
  private byte[] coldCopy(int off, int len) throws DumpLoadException {
    int start = coldRange(off, len);
    return Arrays.copyOfRange(coldBytes, start, start + len);
  }

  /** Allocation: one Java object for each of COUNT records of type T from FIRST, at W[Q] on. */
  private void allocate(int t, int first, int count, long[] w, int q) throws DumpLoadException {
    int o = base[t] + first;
    int n;
    switch (t) {
      case Types.CONS: {
        for (int i = 0; i < count; i++) objects[o + i] = new Cons(null, null);
        break;
      }
      case Types.SYMBOL: {
        for (int i = 0; i < count; i++, q += 5) objects[o + i] = symbolAt(w, q);
        break;
      }
      case Types.STRING: {
        for (int i = 0; i < count; i++, q += 2) {
          long bytes = w[q];
          int off = (int) bytes, len = (int) (bytes >>> 32), flags = (int) w[q + 1];
          objects[o + i] = LString.view(cold, coldRange(off, len), len, (flags & DumpFormat.STR_MULTIBYTE) != 0);
        }
        break;
      }
      case Types.FLOAT: {
        for (int i = 0; i < count; i++, q++) {
          objects[o + i] = Double.longBitsToDouble(w[q]);
        }
        break;
      }
      case Types.BIGNUM: {
        for (int i = 0; i < count; i++, q++) {
          int off = lo(w[q]), len = hi(w[q]);
          if (len == 0) throw corrupt("empty bignum");
          objects[o + i] = new BigInteger(coldBytes, coldRange(off, len), len);
        }
        break;
      }
      case Types.VECTOR: {
        for (int i = 0; i < count; i++) {
          long len = w[q];
          if (len < 0 || len > w.length - q - 1) throw corrupt("vector longer than its section");
          objects[o + i] = new LVector(new Object[(int) len]);
          q += 1 + (int) len;
        }
        break;
      }
      case Types.BOOL_VECTOR: {
        for (int i = 0; i < count; i++, q++) {
          int off = lo(w[q]), size = hi(w[q]);
          if (size < 0) throw corrupt("negative bool-vector size");
          n = (int) ((size + 7L) >>> 3);
          objects[o + i] = new BoolVector(size, coldCopy(off, n));
        }
        break;
      }
      case Types.HASH_TABLE: {
        for (int i = 0; i < count; i++) {
          int entries = hi(w[q + 4]);
          if (entries < 0 || entries > (w.length - q - 5) / 2) throw corrupt("hash table longer than its section");
          // Symbols and floats are allocated by now, so the table's parameters decode already.
          // Built on demand, a parameter is built first: a crafted one that is a hash table
          // (itself, or one whose parameter is this one) would recurse without end.
          if (decodingTableParameters) throw corrupt("hash table parameter is a hash table");
          decodingTableParameters = true;
          Object testName, weakness, rehashSize, rehashThreshold;
          try {
            testName = value(w[q]);
            weakness = value(w[q + 1]);
            rehashSize = value(w[q + 2]);
            rehashThreshold = value(w[q + 3]);
          } finally {
            decodingTableParameters = false;
          }
          int size = lo(w[q + 4]);
          if (!(testName instanceof Symbol)) throw corrupt("hash table test is not a symbol");
          objects[o + i] = new HashTable(testFor((Symbol) testName), Math.max(0, size), weakness, rehashSize, rehashThreshold);
          q += 5 + 2 * entries;
        }
        break;
      }
      case Types.OBARRAY: {
        for (int i = 0; i < count; i++) {
          long len = w[q];
          if (len < 0 || len > w.length - q - 1) throw corrupt("obarray longer than its section");
          objects[o + i] = new Obarray((int) Math.min(len, 1 << 16));
          q += 1 + (int) len;
        }
        break;
      }
      case Types.RECORD: {
        for (int i = 0; i < count; i++) {
          long len = w[q];
          // Every record has its type slot, and none is longer than Lisp can make one.
          if (len < 1 || len > Record.MAX_SLOTS) throw corrupt("bad record length " + len);
          if (len > w.length - q - 1) throw corrupt("record longer than its section");
          objects[o + i] = new Record(new Object[(int) len]);
          q += 1 + (int) len;
        }
        break;
      }
      default:
        throw new IllegalStateException("type " + t);
    }
  }

  /**
   * The symbol whose record is at W[Q], not in any obarray yet. (lo and hi are written out: on
   * demand this runs in the bytecode interpreter, where each would be a call.)
   */
  private Symbol symbolAt(long[] w, int q) throws DumpLoadException {
    long name = w[q], flagsAndHash = w[q + 1];
    int off = (int) name, len = (int) (name >>> 32), flags = (int) flagsAndHash;
    int at = coldRange(off, len);
    // The name stays bytes until asked for; the obarray goes by the hash the writer stored.
    Symbol s = Symbol.withNameBytes(coldBytes, at, len, (flags & DumpFormat.SYM_ASCII_NAME) != 0, (int) (flagsAndHash >>> 32));
    s.special = (flags & DumpFormat.SYM_SPECIAL) != 0;
    s.constant = (flags & DumpFormat.SYM_CONSTANT) != 0;
    s.interned = (flags & DumpFormat.SYM_INTERNED) != 0;
    return s;
  }

  /** Decodes a word into the object it stands for. */
  private Object decode(long w) throws DumpLoadException {
    switch ((int) (w & 3)) {
      case 0:
        return w >> 2;
      case 1: {
        long i = w >>> 2;
        if (i >= builtins.length) throw corrupt("built-in symbol index out of range");
        return builtins[(int) i];
      }
      case 2: {
        long i = w >>> 2;
        if (i >= objects.length) throw corrupt("object reference out of range");
        Object o = objects[(int) i];
        if (o != null) return o;
        if (!demandReady) throw corrupt("reference to an object not yet allocated");
        return need((int) i);
      }
      default: {
        long kind = (w >>> 2) & 7;
        if (kind == DumpFormat.OTHER_SUBR) {
          long i = w >>> 5;
          if (i >= subrs.length) throw corrupt("subr index out of range");
          return subrs[(int) i];
        }
        if (w == DumpFormat.UNBOUND) return Lisp.UNBOUND;
        if (w == DumpFormat.MAIN_OBARRAY) return Lisp.obarray;
        if (kind == DumpFormat.OTHER_LAZY) throw corrupt("lazy definition where a value is required");
        throw corrupt("unknown word kind");
      }
    }
  }

  private Object value(long w) throws DumpLoadException {
    Object o = decode(w);
    if (o == Lisp.UNBOUND) throw corrupt("unbound marker where a value is required");
    return o;
  }

  /**
   * A value, or a lazy definition: only where the writer puts one, a function cell or the car of
   * a cons (a property value's). Elsewhere Lisp would see the LazyValue itself, which only
   * Symbol.function and Data.forcedPlist replace by what it stands for.
   */
  private Object definition(long w) throws DumpLoadException {
    if ((w & 3) == 3 && ((w >>> 2) & 7) == DumpFormat.OTHER_LAZY) {
      long k = w >>> 5;
      if (k >= definitionCount) throw corrupt("lazy definition index out of range");
      return new LazyDefinition((int) k);
    }
    return value(w);
  }

  /** Fill: the fields of COUNT records of type T from FIRST, whose records start at W[Q]. */
  private void fill(int t, int first, int count, long[] w, int q) throws DumpLoadException {
    Object[] objs = objects;
    int o = base[t] + first;
    switch (t) {
      case Types.CONS: {
        for (int i = 0; i < count; i++, q += 2) {
          Cons cell = (Cons) objs[o + i];
          // References to other objects are most words: decoded inline, the rest by value().
          long a = w[q], d = w[q + 1];
          cell.car = (a & 3) == 2 && (a >>> 2) < objs.length && objs[(int) (a >>> 2)] != null ? objs[(int) (a >>> 2)] : definition(a);
          cell.cdr = (d & 3) == 2 && (d >>> 2) < objs.length && objs[(int) (d >>> 2)] != null ? objs[(int) (d >>> 2)] : value(d);
        }
        break;
      }
      case Types.SYMBOL: {
        for (int i = 0; i < count; i++, q += 5) {
          Symbol s = (Symbol) objs[o + i];
          s.value = decode(w[q + 2]);
          s.setFunction(definition(w[q + 3]));
          s.plist = value(w[q + 4]);
        }
        break;
      }
      case Types.VECTOR: {
        for (int i = 0; i < count; i++) {
          Object[] items = ((LVector) objs[o + i]).items;
          q++;
          for (int j = 0; j < items.length; j++, q++) items[j] = value(w[q]);
        }
        break;
      }
      case Types.HASH_TABLE: {
        for (int i = 0; i < count; i++) {
          int entries = hi(w[q + 4]);
          q += 5;
          Object[] kv = new Object[2 * entries];
          for (int j = 0; j < kv.length; j++, q++) kv[j] = value(w[q]);
          ((HashTable) objs[o + i]).setPendingEntries(kv);
        }
        break;
      }
      case Types.OBARRAY: {
        for (int i = 0; i < count; i++) {
          Obarray ob = (Obarray) objs[o + i];
          long len = w[q];
          q++;
          for (long j = 0; j < len; j++, q++) {
            Object s = value(w[q]);
            if (!(s instanceof Symbol)) throw corrupt("obarray holds a non-symbol");
            ob.add((Symbol) s);
          }
        }
        break;
      }
      case Types.RECORD: {
        for (int i = 0; i < count; i++) {
          Object[] slots = ((Record) objs[o + i]).slots;
          q++;
          for (int j = 0; j < slots.length; j++, q++) slots[j] = value(w[q]);
        }
        break;
      }
      default:
        // Strings, floats, bignums and bool-vectors were complete when allocated.
        break;
    }
  }

  /**
   * The test of a loaded hash table. A user-defined test is looked up by name when first used,
   * after the symbols' property lists (where define-hash-table-test keeps it) are restored.
   */
  private static HashTable.Test testFor(Symbol name) {
    if (name == pdmacs.lisp.Q.eq) return HashTables.EQ;
    if (name == pdmacs.lisp.Q.eql) return HashTables.EQL;
    if (name == pdmacs.lisp.Q.equal) return HashTables.EQUAL;
    return new HashTable.Test() {
      private HashTable.Test resolved;

      private HashTable.Test get() {
        if (resolved == null) resolved = HashTables.testNamed(name);
        return resolved;
      }

      public Symbol name() {
        return name;
      }

      public boolean same(Object a, Object b) {
        return get().same(a, b);
      }

      public int hash(Object x) {
        return get().hash(x);
      }
    };
  }

  /**
   * Decodes the discardable section, the built-in symbols' state, into STATES (value, function
   * and property list of each) and returns their flags, changing no symbol.
   */
  private int[] decodeBuiltins(Object[] states) throws DumpLoadException {
    long[] dw = discWords;
    if (dw.length < 1) throw corrupt("discardable section too short");
    int n = lo(dw[0]);
    if (n != builtins.length) throw corrupt("built-in symbol table size differs");
    if ((long) n * 4 > dw.length - 1) throw corrupt("discardable section too short");
    int[] flags = new int[n];
    for (int i = 0, p = 1; i < n; i++, p += 4) {
      if (lo(dw[p]) != i) throw corrupt("built-in symbol records out of order");
      flags[i] = hi(dw[p]);
      states[3 * i] = decode(dw[p + 1]);
      states[3 * i + 1] = definition(dw[p + 2]);
      states[3 * i + 2] = value(dw[p + 3]);
    }
    return flags;
  }
}
