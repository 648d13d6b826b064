package pdmacs.coding;

/**
 * One name of a coding system, as GNU Emacs has one per name: the base ("utf-8"), each alias
 * ("mule-utf-8"), and each of their end-of-line variants ("utf-8-dos", "mule-utf-8-dos").
 * Every name of one base shares its {@link Family}, which says how text is converted; the
 * name adds only the end-of-line convention.
 *
 * <p>The names matter beyond lookup: Emacs reports the name a conversion used in
 * last-coding-system-used, and keeps an alias there when the text did not make it pick
 * another ("latin-1", but "iso-latin-1-dos" once it has seen CRLF line ends).
 */
public final class CodingSystem {
  /** End-of-line conventions, numbered as coding-system-eol-type gives them. */
  public static final int UNIX = 0, DOS = 1, MAC = 2;
  /** The end of line is found from the text when decoding (eol-type is a vector). */
  public static final int DETECT = -1;

  static final String[] EOL_SUFFIXES = {"-unix", "-dos", "-mac"};

  public final String name;
  public final Family family;
  /** UNIX, DOS, MAC or DETECT. */
  public final int eol;

  CodingSystem(String name, Family family, int eol) {
    this.name = name;
    this.family = family;
    this.eol = eol;
  }

  /** The base name coding-system-base gives ("iso-latin-1" for "latin-1-dos"). */
  public String baseName() {
    return family.name;
  }

  /** The name of this system's base with end of line EOL, or the base when it has no variants. */
  public String withEol(int eol) {
    return family.withEol(eol);
  }

  /**
   * True when ASCII text is its own encoding: Emacs then converts ASCII-only strings by
   * copying them (GNU's :ascii-compatible-p; a signature or a byte-order mark breaks it, and
   * Emacs defines prefer-utf-8 without it).
   */
  public boolean asciiCompatible() {
    return family.asciiCompatible();
  }

  @Override
  public String toString() {
    return name;
  }

  /** What kind of conversion a family does (GNU's :coding-type). */
  public enum Type {
    UTF_8("utf-8"), UTF_16("utf-16"), CHARSET("charset"), RAW_TEXT("raw-text"),
    UNDECIDED("undecided");

    /** The symbol coding-system-type returns. */
    public final String lispName;

    Type(String lispName) {
      this.lispName = lispName;
    }
  }

  /** Whether a family writes or expects a signature (UTF-8's BOM, UTF-16's byte-order mark). */
  public enum Bom {
    /** Never: a BOM in the text is a character like any other. */
    NONE,
    /** Written when encoding; skipped when present at the start of decoded text. */
    SIGNATURE,
    /**
     * Decoding looks for one and picks another family by it (utf-8-auto, utf-16); utf-16
     * writes one when encoding, utf-8-auto does not.
     */
    AUTO
  }

  /** A base coding system and everything its names share. */
  public static final class Family {
    /** The canonical base name. */
    public final String name;
    public final Type type;
    public final Bom bom;
    /** For UTF-16: big-endian. */
    public final boolean bigEndian;
    /** For a charset: the highest code it holds (127 or 255). */
    public final int maxChar;
    /** For a charset and UTF-16: what an unencodable character is written as. */
    public final int defaultChar;
    /** False for no-conversion, which has no -unix, -dos and -mac names. */
    public final boolean eolVariants;
    /** The other base names of this family, in the order coding-system-aliases lists them. */
    final String[] aliases;

    Family(String name, Type type, Bom bom, boolean bigEndian, int maxChar, int defaultChar,
        boolean eolVariants, String... aliases) {
      this.name = name;
      this.type = type;
      this.bom = bom;
      this.bigEndian = bigEndian;
      this.maxChar = maxChar;
      this.defaultChar = defaultChar;
      this.eolVariants = eolVariants;
      this.aliases = aliases;
    }

    boolean asciiCompatible() {
      // prefer-utf-8 converts ASCII like any text: NOCOPY copies it, and decoding reports the
      // end of line it found (prefer-utf-8-unix), where undecided reports itself.
      return type != Type.UTF_16 && bom == Bom.NONE && this != CodingSystems.PREFER_UTF_8;
    }

    /** The canonical name with end of line EOL (the base itself for DETECT or no variants). */
    public String withEol(int eol) {
      return eol == DETECT || !eolVariants ? name : name + EOL_SUFFIXES[eol];
    }
  }
}
