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
   * 4: checksums are CRC-32 (zlib's), not CRC-32C, whose class builds its tables at start-up;
   * symbols flag ASCII names; the lazily built definitions have sections of their own, read on
   * first use.
   */
  static final int VERSION = 4;

  static final int FLAG_LZ4 = 1;

  static final int HEADER_SIZE = 512;
  static final int PAGE = 4096;

  /**
   * Sections. The lazy ones hold the lazily built definitions' records and bytes, read on the
   * first use of one: their words are numbered on from hot's, their bytes on from cold's.
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
  /** Lazily loaded function definitions: u32 segment count, u32 pad, u64 word number of their table (in lazy hot). */
  static final int OFF_LAZY = OFF_TABLES + Types.COUNT * 8; // 328
  /** Per type, u32: how many objects of its table are built at load (the rest are segments'). */
  static final int OFF_EAGER_COUNTS = OFF_LAZY + 16; // 344
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

  /** A function definition built on first use: segment number N of the lazy table. */
  static long lazy(int segment) {
    return ((long) segment << 5) | (OTHER_LAZY << 2) | TAG_OTHER;
  }
  static final long MAIN_OBARRAY = (OTHER_MAIN_OBARRAY << 2) | TAG_OTHER;

  // Symbol record flags.
  /** Symbol flags. SYM_ASCII_NAME: the name's UTF-8 bytes are all ASCII (the loader copies them). */
  static final int SYM_INTERNED = 1, SYM_SPECIAL = 2, SYM_CONSTANT = 4, SYM_ASCII_NAME = 8;
  // String and symbol-name flags.
  static final int STR_MULTIBYTE = 1;

  /**
   * The header's checksum: CRC-32 of every header byte before the checksum itself. Here, not in
   * DumpWriter, so that checking a header does not load the writer's classes.
   */
  static int headerCrc(java.nio.ByteBuffer header) {
    return crc(header.duplicate().clear().limit(OFF_HEADER_CRC));
  }

  /** The CRC-32 of B's remaining bytes, which it leaves unread: the checksum of every section. */
  static int crc(java.nio.ByteBuffer b) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(b.duplicate());
    return (int) c.getValue();
  }
}
