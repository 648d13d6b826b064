package pdmacs.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pdmacs.coding.CodingSystem.Bom;
import pdmacs.coding.CodingSystem.Family;
import pdmacs.coding.CodingSystem.Type;

/**
 * The coding systems pdmacs has, by name: GNU Emacs 28's Unicode, Latin-1, ASCII, raw-text and
 * detecting ones, with the aliases and end-of-line variants Emacs gives them. Emacs's many
 * other coding systems (ISO-2022, the CJK and single-byte national ones, emacs-mule) are not
 * here, so naming one is a coding-system-error, as for any unknown name.
 */
public final class CodingSystems {
  private CodingSystems() {}

  /** Every name, in the order of definition. */
  private static final Map<String, CodingSystem> BY_NAME = new LinkedHashMap<>();
  /** Every name's aliases, keyed by name (shared by the names of one group). */
  private static final Map<String, List<String>> ALIASES = new HashMap<>();
  /** The families in the order Emacs defines them, which coding-system-list follows. */
  private static final List<Family> FAMILIES = new ArrayList<>();

  public static final Family NO_CONVERSION = define(new Family("no-conversion", Type.RAW_TEXT,
      Bom.NONE, false, 0, 0, false, "binary"));
  public static final Family UNDECIDED = define(new Family("undecided", Type.UNDECIDED,
      Bom.NONE, false, 0, 0, true));
  public static final Family PREFER_UTF_8 = define(new Family("prefer-utf-8", Type.UNDECIDED,
      Bom.NONE, false, 0, 0, true));
  public static final Family RAW_TEXT = define(new Family("raw-text", Type.RAW_TEXT, Bom.NONE,
      false, 0, 0, true));
  public static final Family ISO_LATIN_1 = define(new Family("iso-latin-1", Type.CHARSET,
      Bom.NONE, false, 0xFF, ' ', true, "iso-8859-1", "latin-1"));
  public static final Family UTF_8 = define(new Family("utf-8", Type.UTF_8, Bom.NONE, false, 0,
      0, true, "mule-utf-8", "cp65001"));
  public static final Family UTF_8_WITH_SIGNATURE = define(new Family("utf-8-with-signature",
      Type.UTF_8, Bom.SIGNATURE, false, 0, 0, true));
  public static final Family UTF_8_AUTO = define(new Family("utf-8-auto", Type.UTF_8, Bom.AUTO,
      false, 0, 0, true));
  public static final Family UTF_8_EMACS = define(new Family("utf-8-emacs", Type.UTF_8,
      Bom.NONE, false, 0, 0, true));
  public static final Family UTF_16LE = define(new Family("utf-16le", Type.UTF_16, Bom.NONE,
      false, 0, ' ', true));
  public static final Family UTF_16BE = define(new Family("utf-16be", Type.UTF_16, Bom.NONE,
      true, 0, ' ', true));
  public static final Family UTF_16LE_WITH_SIGNATURE = define(new Family(
      "utf-16le-with-signature", Type.UTF_16, Bom.SIGNATURE, false, 0, ' ', true, "utf-16-le"));
  public static final Family UTF_16BE_WITH_SIGNATURE = define(new Family(
      "utf-16be-with-signature", Type.UTF_16, Bom.SIGNATURE, true, 0, ' ', true, "utf-16-be"));
  public static final Family UTF_16 = define(new Family("utf-16", Type.UTF_16, Bom.AUTO, true,
      0, ' ', true));
  public static final Family US_ASCII = define(new Family("us-ascii", Type.CHARSET, Bom.NONE,
      false, 0x7F, '?', true, "iso-safe", "ascii"));

  static {
    // Names Emacs gives single end-of-line variants, not whole families.
    alias("emacs-internal", "utf-8-emacs-unix");
    alias("unix", "undecided-unix");
    alias("dos", "undecided-dos");
    alias("mac", "undecided-mac");
  }

  /** Registers FAMILY's base and alias names and their end-of-line variants. */
  private static Family define(Family family) {
    FAMILIES.add(family);
    List<String> bases = new ArrayList<>();
    bases.add(family.name);
    Collections.addAll(bases, family.aliases);
    register(bases, "", family, family.eolVariants ? CodingSystem.DETECT : CodingSystem.UNIX);
    if (family.eolVariants) {
      for (int eol = 0; eol < 3; eol++) {
        register(bases, CodingSystem.EOL_SUFFIXES[eol], family, eol);
      }
    }
    return family;
  }

  private static void register(List<String> bases, String suffix, Family family, int eol) {
    List<String> group = new ArrayList<>();
    for (String base : bases) {
      String name = base + suffix;
      group.add(name);
      BY_NAME.put(name, new CodingSystem(name, family, eol));
      ALIASES.put(name, group);
    }
  }

  /** Makes NAME one more alias of the existing name OF. */
  private static void alias(String name, String of) {
    CodingSystem target = BY_NAME.get(of);
    BY_NAME.put(name, new CodingSystem(name, target.family, target.eol));
    List<String> group = ALIASES.get(of);
    group.add(name);
    ALIASES.put(name, group);
  }

  /** The coding system named NAME, or null when there is none. */
  public static CodingSystem get(String name) {
    return BY_NAME.get(name);
  }

  /** Every coding system name, in the order of definition. */
  public static Iterable<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** The coding system named by a base name or alias with no end-of-line suffix. */
  static CodingSystem of(Family family) {
    return BY_NAME.get(family.name);
  }

  /**
   * The names that denote the same coding system as NAME (NAME's group), the canonical one
   * first, as coding-system-aliases lists them.
   */
  public static List<String> aliases(String name) {
    return Collections.unmodifiableList(ALIASES.get(name));
  }

  /** Every family, in Emacs's order of definition. */
  public static List<Family> families() {
    return Collections.unmodifiableList(FAMILIES);
  }

  /** The base names of FAMILY, canonical first. */
  public static List<String> baseNames(Family family) {
    return aliases(family.name);
  }
}
