package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import pdmacs.lisp.LString;

/**
 * The kind of chars LStringBuilder tells the string it builds (all ASCII, any surrogate) is
 * what scanning the text finds: on random runs of ASCII, BMP and astral characters, raw bytes,
 * surrogate codes, unibyte and multibyte strings, the built string answers isAscii,
 * hasSurrogates, length and every aref as a string of the same text and multibyteness that
 * scans its chars.
 */
class LStringBuilderKindTest {
  private static final int[] CHARS = {'a', 'Z', 0x7F, 0x80, 0xE9, 0x3B1, 0xD7FF, 0xD800, 0xDC85,
      0xE000, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF, LString.RAW_BYTE_BASE + 0x80, LString.RAW_BYTE_BASE + 0xFF};

  @Property(tries = 2000)
  void builtKindIsTheScannedKind(@ForAll long seed) {
    Random r = new Random(seed);
    LStringBuilder b = new LStringBuilder();
    if (r.nextInt(4) == 0) b.multibyte();
    int parts = r.nextInt(6);
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(3)) {
        case 0:
          b.appendChar(r.nextBoolean() ? 'a' + r.nextInt(26) : CHARS[r.nextInt(CHARS.length)]);
          break;
        case 1: {
          LStringBuilder inner = new LStringBuilder();
          for (int k = r.nextInt(4); k > 0; k--) inner.appendChar(CHARS[r.nextInt(CHARS.length)]);
          b.appendString(r.nextBoolean() ? inner.build() : new LString(inner.build().str(), inner.build().multibyte()));
          break;
        }
        default: {
          StringBuilder bytes = new StringBuilder();
          for (int k = r.nextInt(4); k > 0; k--) bytes.append((char) (r.nextBoolean() ? 'x' : 0x80 + r.nextInt(128)));
          b.appendString(new LString(bytes.toString(), false));
        }
      }
    }
    LString built = b.build();
    LString scanned = new LString(built.str(), built.multibyte());
    String what = built.str().chars().mapToObj(c -> Integer.toHexString(c)).toList() + " " + built.multibyte();
    assertEquals(scanned.isAscii(), built.isAscii(), what);
    assertEquals(scanned.hasSurrogates(), built.hasSurrogates(), what);
    assertEquals(scanned.length(), built.length(), what);
    for (int i = 0; i < scanned.length(); i++) assertEquals(scanned.charAt(i), built.charAt(i), what);
  }
}
