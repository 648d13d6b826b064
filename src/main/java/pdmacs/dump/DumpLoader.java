package pdmacs.dump;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
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
import pdmacs.lisp.Subr;
import pdmacs.lisp.Symbol;
import pdmacs.subr.HashTables;

import static pdmacs.dump.DumpFormat.Types;

/**
 * Loads a dump into the runtime: validates the header and the sections (sizes, checksums,
 * fingerprint) before touching any Lisp state, then materialises the objects type by type
 * (allocation pass) and fills in their fields (one linear pass per table), and finally applies
 * the discardable section: the built-in symbols' state and the obarray.
 *
 * <p>Every count, offset and index read from the file is checked against the real section sizes,
 * so a truncated, corrupt or hostile file gets a {@link DumpLoadException}, never an
 * out-of-bounds access or an allocation larger than the file justifies.
 */
public final class DumpLoader {
  private final String name;
  private ByteBuffer hot;
  private ByteBuffer cold;
  private ByteBuffer disc;
  private final int[] counts = new int[Types.COUNT];
  private final long[] tables = new long[Types.COUNT];
  private final int[] base = new int[Types.COUNT];
  private Object[] objects;
  private Symbol[] builtins;
  private Subr[] subrs;
  /** Cold bytes not yet claimed by a record: see {@link #coldRange}. */
  private long coldBudget;
  /** Set by the header: the sections were LZ4-compressed. */
  private boolean compressed;

  private DumpLoader(String name) {
    this.name = name;
  }

  /** What a load did, for pdumper-stats and the benchmarks. */
  public static final class Stats {
    public int objects;
    public long bytes;
    public boolean mapped;
    public boolean compressed;
  }

  // ---- Entry points -------------------------------------------------------------------------

  /** Loads FILE: mapped when uncompressed and MAP is true, read into memory otherwise. */
  public static Stats loadFile(Path file, boolean map) throws DumpLoadException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new DumpLoadException("could not open file");
    } catch (IOException e) {
      throw new DumpLoadException("could not open file: " + e.getMessage());
    }
    try (ch) {
      return loadRegion(ch, 0, ch.size(), map, file.toString());
    } catch (IOException e) {
      throw new DumpLoadException("read error: " + e.getMessage());
    }
  }

  /** Loads the dump stored at [OFFSET, OFFSET+LENGTH) of the channel (a file or a jar entry). */
  public static Stats loadRegion(FileChannel ch, long offset, long length, boolean map, String name)
      throws DumpLoadException, IOException {
    if (length < DumpFormat.HEADER_SIZE) {
      if (length >= 8 && looksLikeDump(ch, offset)) throw new DumpLoadException("truncated dump file (header incomplete)");
      throw new DumpLoadException("not a dump file");
    }
    ByteBuffer header = ByteBuffer.allocate(DumpFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, header, offset);
    header.flip();
    DumpLoader l = new DumpLoader(name);
    long[][] sections = l.checkHeader(header, length);
    Stats stats = new Stats();
    stats.bytes = length;
    stats.compressed = l.compressed;
    stats.mapped = map && !l.compressed;
    ByteBuffer[] data = new ByteBuffer[3];
    for (int i = 0; i < 3; i++) {
      long off = sections[i][0], stored = sections[i][1], raw = sections[i][2];
      ByteBuffer b = stats.mapped ? ch.map(FileChannel.MapMode.READ_ONLY, offset + off, stored) : read(ch, offset + off, stored);
      b.order(ByteOrder.LITTLE_ENDIAN);
      if (crc(b) != (int) sections[i][3]) {
        throw new DumpLoadException("corrupt dump file: checksum mismatch in the " + SECTION_NAMES[i] + " section");
      }
      if (l.compressed) b = decompress(b, (int) raw, SECTION_NAMES[i]);
      data[i] = b;
    }
    l.hot = data[0];
    l.cold = data[1];
    l.disc = data[2];
    l.materialise();
    stats.objects = l.objects.length;
    return stats;
  }

  private static final String[] SECTION_NAMES = {"hot", "cold", "discardable"};

  private static boolean looksLikeDump(FileChannel ch, long offset) throws IOException {
    ByteBuffer m = ByteBuffer.allocate(8);
    readFully(ch, m, offset);
    byte[] b = m.array();
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
    if (DumpWriter.headerCrc(h) != h.getInt(DumpFormat.OFF_HEADER_CRC)) {
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
    long[][] s = new long[3][4];
    long end = DumpFormat.HEADER_SIZE;
    for (int i = 0; i < 3; i++) {
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
    long hotRaw = s[0][2];
    long total = 0;
    for (int t = 0; t < Types.COUNT; t++) {
      counts[t] = h.getInt(DumpFormat.OFF_COUNTS + 4 * t);
      tables[t] = h.getLong(DumpFormat.OFF_TABLES + 8 * t);
      // Every record takes at least 8 bytes of the hot section.
      if (counts[t] < 0 || tables[t] < 0 || tables[t] > hotRaw || (long) counts[t] * 8 > hotRaw - tables[t]) {
        throw new DumpLoadException("corrupt dump file: bad " + Types.NAMES[t] + " table");
      }
      int rs = Types.RECORD_SIZE[t];
      if (rs > 0 && (long) counts[t] * rs > hotRaw - tables[t]) {
        throw new DumpLoadException("corrupt dump file: bad " + Types.NAMES[t] + " table");
      }
      base[t] = (int) total;
      total += counts[t];
    }
    if (total * 8 > hotRaw) throw new DumpLoadException("corrupt dump file: too many objects for its size");
    return s;
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) throw new IOException("unexpected end of file");
      pos += n;
    }
  }

  /** Reads LEN bytes in 64 KiB chunks (one huge read makes the JDK allocate a temporary copy). */
  private static ByteBuffer read(FileChannel ch, long pos, long len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate((int) len);
    ByteBuffer window = b.duplicate();
    while (window.position() < len) {
      window.limit((int) Math.min(len, window.position() + 65536L));
      int n = ch.read(window, pos + window.position());
      if (n < 0) throw new IOException("unexpected end of file");
    }
    return b;
  }

  private static int crc(ByteBuffer b) {
    CRC32C c = new CRC32C();
    c.update(b.duplicate());
    return (int) c.getValue();
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

  private void materialise() throws DumpLoadException {
    int total = 0;
    for (int c : counts) total += c;
    objects = new Object[total];
    List<Symbol> bs = Lisp.builtinSymbols;
    builtins = bs.toArray(new Symbol[0]);
    subrs = Lisp.subrs.toArray(new Subr[0]);
    coldBudget = cold.limit();
    try {
      allocate();
      fill();
      applyDiscardable();
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw corrupt("a record runs past its section");
    }
  }

  /**
   * Checks that [OFF, OFF+LEN) lies in the cold section and charges it to the cold budget. The
   * writer gives every string, name, bignum and bool-vector its own bytes, so the ranges of a
   * real dump add up to at most the section's size; ranges that overlap over and over would let
   * a small file make the loader allocate far more than its size, so they are refused.
   */
  private int coldRange(int off, int len) throws DumpLoadException {
    if (off < 0 || len < 0 || (long) off + len > cold.limit()) throw corrupt("string data outside the cold section");
    coldBudget -= len;
    if (coldBudget < 0) throw corrupt("cold section data used more than once");
    return off;
  }

  /** Reads the checked cold range [OFF, OFF+LEN) into a new array. */
  private byte[] coldBytes(int off, int len) throws DumpLoadException {
    coldRange(off, len);
    byte[] b = new byte[len];
    cold.get(off, b);
    return b;
  }

  /** Allocation pass: one Java object per record, fields not yet filled. */
  private void allocate() throws DumpLoadException {
    int n;
    int o = base[Types.CONS];
    for (int i = 0, c = counts[Types.CONS]; i < c; i++) objects[o + i] = new Cons(null, null);

    long p = tables[Types.SYMBOL];
    o = base[Types.SYMBOL];
    for (int i = 0, c = counts[Types.SYMBOL]; i < c; i++, p += 40) {
      int off = hot.getInt((int) p), len = hot.getInt((int) p + 4), flags = hot.getInt((int) p + 8);
      Symbol s = Symbol.uninterned(new String(coldBytes(off, len), StandardCharsets.UTF_8));
      s.special = (flags & DumpFormat.SYM_SPECIAL) != 0;
      s.constant = (flags & DumpFormat.SYM_CONSTANT) != 0;
      s.interned = (flags & DumpFormat.SYM_INTERNED) != 0;
      objects[o + i] = s;
    }

    p = tables[Types.STRING];
    o = base[Types.STRING];
    for (int i = 0, c = counts[Types.STRING]; i < c; i++, p += 16) {
      int off = hot.getInt((int) p), len = hot.getInt((int) p + 4), flags = hot.getInt((int) p + 8);
      objects[o + i] = LString.view(cold, coldRange(off, len), len, (flags & DumpFormat.STR_MULTIBYTE) != 0);
    }

    p = tables[Types.FLOAT];
    o = base[Types.FLOAT];
    for (int i = 0, c = counts[Types.FLOAT]; i < c; i++, p += 8) {
      objects[o + i] = Double.longBitsToDouble(hot.getLong((int) p));
    }

    p = tables[Types.BIGNUM];
    o = base[Types.BIGNUM];
    for (int i = 0, c = counts[Types.BIGNUM]; i < c; i++, p += 8) {
      int off = hot.getInt((int) p), len = hot.getInt((int) p + 4);
      if (len == 0) throw corrupt("empty bignum");
      objects[o + i] = new BigInteger(coldBytes(off, len));
    }

    p = tables[Types.VECTOR];
    o = base[Types.VECTOR];
    for (int i = 0, c = counts[Types.VECTOR]; i < c; i++) {
      long len = hot.getLong((int) p);
      if (len < 0 || len > (hot.limit() - p - 8) / 8) throw corrupt("vector longer than its section");
      objects[o + i] = new LVector(new Object[(int) len]);
      p += 8 + 8 * len;
    }

    p = tables[Types.BOOL_VECTOR];
    o = base[Types.BOOL_VECTOR];
    for (int i = 0, c = counts[Types.BOOL_VECTOR]; i < c; i++, p += 8) {
      int off = hot.getInt((int) p), size = hot.getInt((int) p + 4);
      if (size < 0) throw corrupt("negative bool-vector size");
      n = (int) ((size + 7L) >>> 3);
      objects[o + i] = new BoolVector(size, coldBytes(off, n));
    }

    p = tables[Types.HASH_TABLE];
    o = base[Types.HASH_TABLE];
    for (int i = 0, c = counts[Types.HASH_TABLE]; i < c; i++) {
      int entries = hot.getInt((int) p + 36);
      if (entries < 0 || entries > (hot.limit() - p - 40) / 16) throw corrupt("hash table longer than its section");
      // Symbols and floats are allocated by now, so the table's parameters decode already.
      Object testName = value(hot.getLong((int) p));
      Object weakness = value(hot.getLong((int) p + 8));
      Object rehashSize = value(hot.getLong((int) p + 16));
      Object rehashThreshold = value(hot.getLong((int) p + 24));
      int size = hot.getInt((int) p + 32);
      if (!(testName instanceof Symbol)) throw corrupt("hash table test is not a symbol");
      objects[o + i] = new HashTable(testFor((Symbol) testName), Math.max(0, size), weakness, rehashSize, rehashThreshold);
      p += 40 + 16L * entries;
    }

    p = tables[Types.OBARRAY];
    o = base[Types.OBARRAY];
    for (int i = 0, c = counts[Types.OBARRAY]; i < c; i++) {
      long len = hot.getLong((int) p);
      if (len < 0 || len > (hot.limit() - p - 8) / 8) throw corrupt("obarray longer than its section");
      objects[o + i] = new Obarray((int) Math.min(len, 1 << 16));
      p += 8 + 8 * len;
    }
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
        if (o == null) throw corrupt("reference to an object not yet allocated");
        return o;
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
        throw corrupt("unknown word kind");
      }
    }
  }

  private Object value(long w) throws DumpLoadException {
    Object o = decode(w);
    if (o == Lisp.UNBOUND) throw corrupt("unbound marker where a value is required");
    return o;
  }

  /** Fill pass: the fields of every object, one linear pass per table. */
  private void fill() throws DumpLoadException {
    int o = base[Types.CONS];
    int p = (int) tables[Types.CONS];
    for (int i = 0, c = counts[Types.CONS]; i < c; i++, p += 16) {
      Cons cell = (Cons) objects[o + i];
      cell.car = value(hot.getLong(p));
      cell.cdr = value(hot.getLong(p + 8));
    }
    o = base[Types.SYMBOL];
    p = (int) tables[Types.SYMBOL];
    for (int i = 0, c = counts[Types.SYMBOL]; i < c; i++, p += 40) {
      Symbol s = (Symbol) objects[o + i];
      s.value = decode(hot.getLong(p + 16));
      s.function = value(hot.getLong(p + 24));
      s.plist = value(hot.getLong(p + 32));
    }
    o = base[Types.VECTOR];
    p = (int) tables[Types.VECTOR];
    for (int i = 0, c = counts[Types.VECTOR]; i < c; i++) {
      Object[] items = ((LVector) objects[o + i]).items;
      p += 8;
      for (int j = 0; j < items.length; j++, p += 8) items[j] = value(hot.getLong(p));
    }
    o = base[Types.HASH_TABLE];
    p = (int) tables[Types.HASH_TABLE];
    for (int i = 0, c = counts[Types.HASH_TABLE]; i < c; i++) {
      int entries = hot.getInt(p + 36);
      p += 40;
      Object[] kv = new Object[2 * entries];
      for (int j = 0; j < kv.length; j++, p += 8) kv[j] = value(hot.getLong(p));
      ((HashTable) objects[o + i]).setPendingEntries(kv);
    }
    o = base[Types.OBARRAY];
    p = (int) tables[Types.OBARRAY];
    for (int i = 0, c = counts[Types.OBARRAY]; i < c; i++) {
      Obarray ob = (Obarray) objects[o + i];
      long len = hot.getLong(p);
      p += 8;
      for (long j = 0; j < len; j++, p += 8) {
        Object s = value(hot.getLong(p));
        if (!(s instanceof Symbol)) throw corrupt("obarray holds a non-symbol");
        ob.add((Symbol) s);
      }
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

  /** The discardable section: built-in symbols' state, then the obarray's dumped symbols. */
  private void applyDiscardable() throws DumpLoadException {
    int p = 0;
    int n = disc.getInt(p);
    p += 8;
    if (n != builtins.length) throw corrupt("built-in symbol table size differs");
    if ((long) n * 32 > disc.limit() - p) throw corrupt("discardable section too short");
    // Decode everything first so a corrupt entry changes no symbol.
    Object[][] states = new Object[n][];
    int[] flags = new int[n];
    for (int i = 0; i < n; i++, p += 32) {
      int index = disc.getInt(p);
      if (index != i) throw corrupt("built-in symbol records out of order");
      flags[i] = disc.getInt(p + 4);
      states[i] = new Object[] {decode(disc.getLong(p + 8)), value(disc.getLong(p + 16)), value(disc.getLong(p + 24))};
    }
    int m = disc.getInt(p);
    p += 8;
    if (m < 0 || (long) m * 8 > disc.limit() - p) throw corrupt("obarray list too long");
    Symbol[] interned = new Symbol[m];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < m; i++, p += 8) {
      Object s = value(disc.getLong(p));
      if (!(s instanceof Symbol) || ((Symbol) s).builtinIndex >= 0) throw corrupt("obarray entry is not a dumped symbol");
      interned[i] = (Symbol) s;
      // Checked here, before any state changes, so a clash cannot leave half the obarray loaded.
      String name = interned[i].name;
      if (!names.add(name) || Lisp.obarray.lookup(name) != null) throw corrupt("symbol " + name + " interned twice");
    }
    for (int i = 0; i < n; i++) {
      Symbol s = builtins[i];
      s.value = states[i][0];
      s.function = states[i][1];
      s.plist = states[i][2];
      s.special = (flags[i] & DumpFormat.SYM_SPECIAL) != 0;
      s.constant = (flags[i] & DumpFormat.SYM_CONSTANT) != 0;
    }
    for (Symbol s : interned) Lisp.obarray.add(s);
  }
}
