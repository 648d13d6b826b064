package pdmacs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-ASCII command-line arguments reach Lisp as GNU Emacs decodes argv, though the JVM decoded
 * them by its platform charset first. The process tests' expected stdout was taken from GNU
 * Emacs 28 (emacs -Q --batch, same arguments and locale); a byte B is written as the char B.
 */
class ArgvBytesTest {
  @TempDir Path tmp;

  /** "é" as UTF-8 bytes, a char per byte. */
  private static final String E_ACUTE = "\u00c3\u00a9";

  /** Prints the last two command-line arguments, whether each is multibyte, and their sizes. */
  private static final String LAST_TWO = "(let ((l command-line-args)) (while (cdr (cdr l)) (setq l (cdr l)))"
      + " (prin1 l) (prin1 (mapcar (function multibyte-string-p) l))"
      + " (prin1 (mapcar (function string-bytes) l)))";

  private static List<String> args(String fileName) {
    return List.of("--eval", "(princ \"" + E_ACUTE + "\")", "--eval", "(prin1 \"" + E_ACUTE + "\")",
        "--eval", LAST_TWO, fileName, "\u00e9");
  }

  @Test
  void withoutALocaleCodingSystemArgumentsStayBytes() throws Exception {
    // The --eval form is read from a unibyte string: its bytes are read as the chars U+00C3
    // U+00A9, which print as their UTF-8. The file name and the lone byte stay unibyte.
    BatchProcess.Bytes b = BatchProcess.run(Map.of("LANG", "C", "LC_ALL", "C"),
        args("d" + E_ACUTE + "/f" + E_ACUTE + ".txt"));
    assertEquals("\u00c3\u0083\u00c2\u00a9\"\u00c3\u0083\u00c2\u00a9\""
        + "(\"d\u00c1\u0083\u00c0\u00a9/f\u00c1\u0083\u00c0\u00a9.txt\" \"\u00c1\u00a9\")"
        + "(nil nil)(11 1)", b.out());
  }

  @Test
  void aFileNameTheLocaleCannotEncodeIsAFileError() throws Exception {
    // Under LANG=C the JVM encodes file names in ASCII, and cannot make é into one: Lisp gets a
    // file-error naming the file, not an internal error from java.nio.
    BatchProcess.Bytes b = BatchProcess.run(Map.of("LANG", "C", "LC_ALL", "C"), List.of("--eval",
        "(condition-case e (load \"/nonexistent/\\u00e9.el\") (file-error (princ (car e)) (princ (car (cdr e)))))"));
    assertEquals("file-errorFile name not representable in this locale's encoding", b.out());
  }

  @Test
  void underUtf8AnInvalidByteBecomesARawByte() throws Exception {
    BatchProcess.Bytes b = BatchProcess.run(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
        args("d" + E_ACUTE + "/f" + E_ACUTE + ".txt"));
    assertEquals(E_ACUTE + "\"" + E_ACUTE + "\"(\"d" + E_ACUTE + "/f" + E_ACUTE + ".txt\" \"\\351\")"
        + "(t t)(11 2)", b.out());
  }

  @Test
  void aNonAsciiFileNameIsLoadedWhenTheBytesAreReadBack() throws Exception {
    // The lone byte makes the JVM's strings lose a byte, so every argument is read back and
    // decoded, the -l file's name with them.
    Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "the test JVM can only name the file under a UTF-8 locale");
    Files.writeString(tmp.resolve("\u00e9.el"), "(princ \"loaded\\n\")");
    String dir = tmp.toString();
    assertTrue(dir.chars().allMatch(c -> c < 0x80));
    BatchProcess.Bytes b = BatchProcess.run(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
        List.of("-l", dir + "/" + E_ACUTE + ".el",
            "--eval", "(let ((l command-line-args)) (while (cdr l) (setq l (cdr l))) (prin1 l))",
            "\u00e9"));
    assertEquals("loaded\n(\"\\351\")", b.out());
  }

  @Test
  void theArgumentsAreTheLastStringsOfTheCommandLine() {
    byte[] cmdline = "java\0-cp\0x\0pdmacs.cli.Main\0--eval\0\0a\u00e9\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[][] tail = ArgvBytes.tail(cmdline, 3);
    assertEquals(3, tail.length);
    assertArrayEquals("--eval".getBytes(StandardCharsets.US_ASCII), tail[0]);
    assertArrayEquals(new byte[0], tail[1]);
    assertArrayEquals(new byte[] {'a', (byte) 0xe9}, tail[2]);
    // The program comes first: a command line of only COUNT strings cannot hold COUNT arguments.
    assertNull(ArgvBytes.tail(cmdline, 7));
    assertNull(ArgvBytes.tail("java\0x".getBytes(StandardCharsets.US_ASCII), 1));
  }

  @Test
  void bytesAgreeWithTheJvmStringOnlyWhenTheirAsciiMatches() {
    byte[] raw = {'(', 'a', (byte) 0xc3, (byte) 0xa9, ')'};
    assertTrue(ArgvBytes.agree("(a\ufffd\ufffd)", raw));
    assertTrue(ArgvBytes.agree("(a\ufffd)", raw));
    assertTrue(ArgvBytes.agree("(a\u00e9)", raw));
    assertFalse(ArgvBytes.agree("(b\ufffd)", raw));
    assertFalse(ArgvBytes.agree("(a)", raw));
    assertFalse(ArgvBytes.agree("(a\ufffd))", raw));
    assertFalse(ArgvBytes.agree("(a\ufffd", raw));
    assertTrue(ArgvBytes.agree("abc", "abc".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(ArgvBytes.agree("ab\ufffd", "ab".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void decodingFollowsTheLocaleCodingSystem() {
    byte[][] raw = {{'a', (byte) 0xc3, (byte) 0xa9, (byte) 0xe9}};
    ArgvBytes.Decoded none = ArgvBytes.decode(raw, null);
    assertTrue(none.unibyte());
    assertEquals("a\u00c3\u00a9\u00e9", none.args()[0]);
    ArgvBytes.Decoded utf8 = ArgvBytes.decode(raw, "utf-8-unix");
    assertFalse(utf8.unibyte());
    assertEquals("a\u00e9" + pdmacs.lisp.LString.rawByteChar(0xe9), utf8.args()[0]);
    ArgvBytes.Decoded latin1 = ArgvBytes.decode(raw, "iso-latin-1-unix");
    assertEquals("a\u00c3\u00a9\u00e9", latin1.args()[0]);
    assertFalse(latin1.unibyte());
  }
}
