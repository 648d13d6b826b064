package pdmacs.dump;

/**
 * Constants of the dump file format; docs/FORMAT.md is the prose version of this class and the
 * two change together (bump {@link #VERSION} on any change).
 *
 * <pre>
 * file    := header (HEADER_SIZE bytes) | hot | cold | discardable | lazy hot | lazy cold
 *            (each section page-aligned)
 * header  := magic[8] version:u32 flags:u32 fingerprint[32]
 *            section[5] { offset:u64 stored:u64 raw:u64 crc32:u32 pad:u32 }
 *            count[TYPES]:u32  tableOffset[TYPES]:u64  ... crc32-of-header:u32 (last 4 bytes)
 * </pre>
 *
 * <p>A <em>word</em> is a tagged 64-bit value: fixnums carry their value in the word; references
 * to dumped objects carry the object's number; built-in symbols and subrs carry their index in
 * the runtime's tables (the fingerprint guarantees those tables are the same at load).
 */
final class DumpFormat {
  private DumpFormat() {}

  /** "PDMACSDP": the first byte is '!' until the dump is complete, as Emacs marks a failed dump. */
  static final byte[] MAGIC = {'P', 'D', 'M', 'A', 'C', 'S', 'D', 'P'};
  static final byte INCOMPLETE_MARK = '!';
  /**
   * 6: a CRC-32 per page of the lazy sections, in hot, so that the loader reads and checks only
   * the pages the objects it builds need; the index of a variable-size type's records counts
   * from lazy hot's start.
   * 5: a load builds only what the built-in symbols reach; every other object is built when first
   * needed (a symbol when looked up by name or referred to), so the obarray's dumped symbols are
   * found through a hash table in the hot section and the discardable section no longer lists
   * them; the lazy segments are gone (each object is built once, on its own).
   * 4: checksums are CRC-32 (zlib's), not CRC-32C; symbols flag ASCII names; lazy sections.
   */
  static final int VERSION = 6;

  static final int FLAG_LZ4 = 1;

  static final int HEADER_SIZE = 512;
  static final int PAGE = 4096;

  /**
   * Sections. The lazy ones hold the records and bytes of the objects not built at load, except
   * the symbols', read when the first of them is needed: their words are numbered on from hot's,
   * their bytes on from cold's.
   */
  static final int SECTION_HOT = 0, SECTION_COLD = 1, SECTION_DISCARDABLE = 2, SECTION_LAZY_HOT = 3,
      SECTION_LAZY_COLD = 4, SECTIONS = 5;

  // Header field offsets.
  static final int OFF_VERSION = 8;
  static final int OFF_FLAGS = 12;
  static final int OFF_FINGERPRINT = 16;
  static final int OFF_SECTIONS = 48;
  static final int SECTION_ENTRY = 32;
  static final int OFF_COUNTS = OFF_SECTIONS + SECTIONS * SECTION_ENTRY; // 208
  static final int OFF_TABLES = OFF_COUNTS + Types.COUNT * 4; // 248
  /**
   * u32 number of lazy definitions, u32 entries of the obarray table (a power of two), u64 word
   * number of the lazy definition table (in lazy hot).
   */
  static final int OFF_LAZY = OFF_TABLES + Types.COUNT * 8; // 328
  /** Per type, u32: how many objects of its table are built at load (the rest on demand). */
  static final int OFF_EAGER_COUNTS = OFF_LAZY + 16; // 344
  /**
   * Per type, u64: the word number (in lazy hot) of its first record built on demand, or, for
   * the variable-size types, of the index of those records (one word each: where it starts,
   * counted in words from lazy hot's first word).
   * Unused for symbols, whose records are all in hot.
   */
  static final int OFF_DEMAND_TABLES = OFF_EAGER_COUNTS + Types.COUNT * 4; // 384
  /** u64 byte offset in hot of the obarray table, u32 number of dumped symbols in the obarray. */
  static final int OFF_OBARRAY = OFF_DEMAND_TABLES + Types.COUNT * 8; // 464
  /**
   * u64 byte offset in hot of the page checksum table: the CRC-32 (u32) of each LAZY_PAGE bytes
   * of lazy hot, then of each LAZY_PAGE bytes of lazy cold (a section's last page may be short).
   */
  static final int OFF_PAGE_CRCS = OFF_OBARRAY + 16; // 480
  /**
   * The unit in which an uncompressed dump that is read, not mapped, reads its lazy sections:
   * each page once, when the first object whose record or bytes lie in it is built.
   */
  static final int LAZY_PAGE_SHIFT = 14, LAZY_PAGE = 1 << LAZY_PAGE_SHIFT;

  /** How many lazy pages a section of LENGTH bytes has. */
  static long pages(long length) {
    return (length + LAZY_PAGE - 1) >>> LAZY_PAGE_SHIFT;
  }

  static final int MAX_TYPES = 16;
  static final int OFF_HEADER_CRC = HEADER_SIZE - 4;

  /** Object types: each has a table in the hot section, in this order. */
  static final class Types {
    private Types() {}

    static final int CONS = 0, SYMBOL = 1, STRING = 2, FLOAT = 3, BIGNUM = 4, VECTOR = 5,
        BOOL_VECTOR = 6, HASH_TABLE = 7, OBARRAY = 8, RECORD = 9, COUNT = 10;
    static final String[] NAMES = {
      "cons", "symbol", "string", "float", "bignum", "vector", "bool-vector", "hash-table", "obarray",
      "record"
    };
    /** Bytes per record for fixed-size types; 0 for variable-size ones. */
    static final int[] RECORD_SIZE = {16, 40, 16, 8, 8, 0, 8, 0, 0, 0};
  }

  // Word tags: the low two bits.
  static final long TAG_FIXNUM = 0, TAG_BUILTIN_SYMBOL = 1, TAG_OBJECT = 2, TAG_OTHER = 3;
  // Kinds of TAG_OTHER words, in bits 2-4.
  static final long OTHER_SUBR = 0, OTHER_UNBOUND = 1, OTHER_MAIN_OBARRAY = 2, OTHER_LAZY = 3;

  static long fixnum(long v) {
    return v << 2;
  }

  static long builtinSymbol(int index) {
    return ((long) index << 2) | TAG_BUILTIN_SYMBOL;
  }

  static long object(int number) {
    return ((long) number << 2) | TAG_OBJECT;
  }

  static long subr(int index) {
    return ((long) index << 5) | (OTHER_SUBR << 2) | TAG_OTHER;
  }

  static final long UNBOUND = (OTHER_UNBOUND << 2) | TAG_OTHER;

  /** A function definition built on first use: number N of the lazy definition table. */
  static long lazy(int n) {
    return ((long) n << 5) | (OTHER_LAZY << 2) | TAG_OTHER;
  }

  static final long MAIN_OBARRAY = (OTHER_MAIN_OBARRAY << 2) | TAG_OTHER;

  // Symbol record flags.
  /** Symbol flags. SYM_ASCII_NAME: the name's UTF-8 bytes are all ASCII (the loader copies them). */
  static final int SYM_INTERNED = 1, SYM_SPECIAL = 2, SYM_CONSTANT = 4, SYM_ASCII_NAME = 8;
  /**
   * A symbol of the main obarray has its place in the obarray's order, plus one, in the flags'
   * bits from this one up (0: not in the main obarray).
   */
  static final int SYM_POSITION_SHIFT = 8;
  static final int MAX_OBARRAY_POSITION = (1 << (32 - SYM_POSITION_SHIFT)) - 2;

  /** The obarray table's first slot for a name's String.hashCode (linear probing from there). */
  static int slot(int hash, int mask) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  // String and symbol-name flags.
  static final int STR_MULTIBYTE = 1;

  /**
   * The header's checksum: CRC-32 of every header byte before the checksum itself. Here, not in
   * DumpWriter, so that checking a header does not load the writer's classes.
   */
  static int headerCrc(java.nio.ByteBuffer header) {
    return crc(header.duplicate().clear().limit(OFF_HEADER_CRC));
  }

  /**
   * The CRC-32 of LEN bytes of B from OFF: a page's checksum. The same sum as a buffer's, in
   * fewer calls, which count when a large structure built on demand reads hundreds of pages
   * before the JIT has compiled anything (207 pages of bench/bigheap.el's dump, in a fresh JVM
   * at the launchers' thresholds: 0.4 ms rather than 1.2).
   */
  static int crc(byte[] b, int off, int len) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /** The CRC-32 of B's remaining bytes, which it leaves unread: the checksum of every section. */
  static int crc(java.nio.ByteBuffer b) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(b.duplicate());
    return (int) c.getValue();
  }
}
