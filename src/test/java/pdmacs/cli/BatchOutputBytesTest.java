package pdmacs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes batch mode writes on stdout and stderr for non-ASCII text and raw bytes,
 * run as a real process under a given LANG. Every expected string was taken from GNU Emacs 28
 * (emacs -Q --batch with the same --eval forms); a byte B is written as the char B.
 */
class BatchOutputBytesTest {
  /** Runs temacs --batch under LANG with an --eval for each of FORMS. */
  static BatchProcess.Bytes batch(String lang, String... forms) throws Exception {
    List<String> args = new ArrayList<>();
    for (String form : forms) {
      args.add("--eval");
      args.add(form);
    }
    return BatchProcess.run(Map.of("LANG", lang), args);
  }

  @Test
  void printingToStdoutWritesTheInternalRepresentation() throws Exception {
    BatchProcess.Bytes b = batch("C.UTF-8",
        "(princ (encode-coding-string (string 233) 'utf-8))",
        "(princ (string-to-multibyte \"\\351\"))",
        "(prin1 \"\\351\")",
        "(print (unibyte-string 200))",
        "(princ (string 233 128512))",
        "(prin1 (string 233))",
        "(write-char 233)",
        "(write-char #x3fffe9)",
        "(terpri)",
        "(write-char #x110000)",
        "(write-char #x3fff7f)",
        "(prin1 (string-to-multibyte \"\\351\"))",
        "(prin1 (list \"\\351\" (string #xd800)))",
        "(princ (list \"\\351\"))");
    assertEquals("\u00c1\u0083\u00c0\u00a9\u00c1\u00a9\"\u00c1\u00a9\"\n\"\u00c1\u0088\"\n"
        + "\u00c3\u00a9\u00f0\u009f\u0098\u0080\"\u00c3\u00a9\"\u00c3\u00a9\u00c1\u00a9\n"
        + "\u00f4\u0090\u0080\u0080\u00f8\u008f\u00bf\u00bd\u00bf\"\\351\""
        + "(\"\u00c1\u00a9\" \"\u00ed\u00a0\u0080\")(\u00c1\u00a9)", b.out());
    assertEquals("", b.err());
  }

  @Test
  void messagesAreEncodedByTheLocaleOrCodingSystemForWrite() throws Exception {
    BatchProcess.Bytes b = batch("C.UTF-8",
        "(message \"%s\" (encode-coding-string (string 233) 'utf-8))",
        "(message \"%s\" (string-to-multibyte \"\\351\"))",
        "(message \"\\351\")",
        "(message \"%s\" (string 233 128512))",
        "(message \"%s\" (string #xd800))",
        "(princ \"a\")",
        "(message \"b\")",
        "(message \"c\")",
        "(let ((coding-system-for-write 'latin-1))"
            + " (message \"%s\" (string 233)) (princ (string 233)) (write-char 233))",
        "(let ((coding-system-for-write 'utf-16be)) (message \"%s\" (string 233)))",
        "(prin1 \"\\351\" 'external-debugging-output)",
        "(princ \"\\351\" 'external-debugging-output)",
        "(write-char #x3fffe9 'external-debugging-output)",
        "(setq locale-coding-system nil)",
        "(message \"%s\" (string 233 #x3fffe9))",
        "(prin1 \"\\351\" 'external-debugging-output)");
    assertEquals("a\u00c3\u00a9\u00c3\u00a9", b.out());
    // After (princ "a") the next message starts with a newline.
    assertEquals("\u00c3\u00a9\n\u00e9\n\u00e9\n\u00c3\u00a9\u00f0\u009f\u0098\u0080\n"
        + "\u00ed\u00a0\u0080\n\nb\nc\n\u00e9\n\n\u0000\u00e9\n"
        + "\"\u00e9\"\u00c3\u00a9\u00e9\u00c3\u00a9\u00c1\u00a9\n\"\u00c1\u00a9\"", b.err());
  }

  @Test
  void withoutALocaleCodingSystemMessagesAreInternalBytes() throws Exception {
    BatchProcess.Bytes b = batch("C",
        "(message \"%s\" (encode-coding-string (string 233) 'utf-8))",
        "(message \"%s\" (string-to-multibyte \"\\351\"))",
        "(message \"\\351\")",
        "(message \"%s\" (string 233 128512))",
        "(princ (string 233 128512))",
        "(prin1 \"\\351\" 'external-debugging-output)",
        "(setq locale-coding-system 'latin-1)",
        "(message \"%s\" (string 233))",
        "(princ (string 233))");
    assertEquals("\u00c3\u00a9\u00f0\u009f\u0098\u0080\u00c3\u00a9", b.out());
    assertEquals("\u00c3\u00a9\n\u00c1\u00a9\n\u00e9\n\u00c3\u00a9\u00f0\u009f\u0098\u0080\n"
        + "\"\u00c1\u00a9\"\n\u00e9\n", b.err());
  }
}
