package pdmacs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * locale-coding-system from the environment, as GNU Emacs 28 sets it for the same variables
 * (LANG=C.UTF-8 gives utf-8-unix, LC_ALL=C overrides LANG, POSIX gives nil).
 */
class LocaleCodingSystemTest {
  private static String of(String... environment) {
    return Runtime.localeCodingSystem(environment);
  }

  @Test
  void aUtf8CodesetIsUtf8() {
    assertEquals("utf-8-unix", of("LANG=C.UTF-8"));
    assertEquals("utf-8-unix", of("LANG=en_US.utf8"));
    assertEquals("utf-8-unix", of("HOME=/root", "LANG=de_DE.UTF-8@euro"));
  }

  @Test
  void latin1IsLatin1() {
    assertEquals("iso-latin-1-unix", of("LANG=de_DE.ISO-8859-1"));
  }

  @Test
  void theFirstSetVariableDecides() {
    assertNull(of("LANG=C.UTF-8", "LC_ALL=C"));
    assertEquals("utf-8-unix", of("LANG=C", "LC_CTYPE=C.UTF-8"));
    assertEquals("utf-8-unix", of("LANG=C.UTF-8", "LC_ALL="));
  }

  @Test
  void noLocaleIsNil() {
    assertNull(of());
    assertNull(of("LANG=POSIX"));
    assertNull(of("LANG=C"));
  }
}
