package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read and written through coding systems: load decodes Lisp source as GNU Emacs 28
 * does (prefer-utf-8, unless a signature, a coding tag or coding-system-for-read says
 * otherwise), pdmacs-read-file decodes as insert-file-contents does (undecided by default) and
 * pdmacs-write-file encodes as write-region does (coding-system-for-write, else utf-8-unix).
 * The load and read expectations are what Emacs gives for the same bytes.
 */
class CodingFilesTest {
  @TempDir
  Path dir;

  private String file(String name, String bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes.getBytes(StandardCharsets.ISO_8859_1));
    return p.toString();
  }

  /** Loads a file of BYTES that sets conf-x, and gives conf-x's characters and the coding used. */
  private String load(String bytes, String binding) throws IOException {
    String f = file("f.el", bytes);
    return LispForms.eval("(progn (setq last-coding-system-used nil) (let (" + binding
        + ") (load \"" + f + "\" nil t)) (list (multibyte-string-p conf-x) (append conf-x nil)"
        + " last-coding-system-used))");
  }

  private String load(String bytes) throws IOException {
    return load(bytes, "");
  }

  @Test
  void loadDecodesUtf8() throws IOException {
    assertEquals("(nil (97 98 99) prefer-utf-8-unix)", load("(setq conf-x \"abc\")\n"));
    assertEquals("(t (233) utf-8-unix)", load("(setq conf-x \"\u00c3\u00a9\")\n"));
    assertEquals("(t (233) utf-8-dos)", load("(setq conf-x \"\u00c3\u00a9\")\r\n"));
  }

  @Test
  void loadTakesTextThatIsNotUtf8ForLatin1() throws IOException {
    assertEquals("(t (97 233 98) iso-latin-1-unix)", load("(setq conf-x \"a\u00e9b\")\n"));
  }

  /** A byte 0x80-0x9F outside UTF-8 makes the file raw-text, read as bytes. */
  @Test
  void loadReadsRawTextAsBytes() throws IOException {
    assertEquals("(nil (97 195 169 98 128) raw-text-unix)",
        load("(setq conf-x \"a\u00c3\u00a9b\u0080\")\n"));
    assertEquals("(nil (97 0 98) no-conversion)", load("(setq conf-x \"a\0b\")\n"));
  }

  @Test
  void loadFollowsSignaturesAndCodingTags() throws IOException {
    assertEquals("(t (233) utf-8-with-signature-unix)",
        load("\u00ef\u00bb\u00bf(setq conf-x \"\u00c3\u00a9\")\n"));
    assertEquals("(t (233) utf-16le-with-signature-unix)",
        load("\u00ff\u00fe(\0s\0e\0t\0q\0 \0c\0o\0n\0f\0-\0x\0 \0\"\0\u00e9\0\"\0)\0\n\0"));
    assertEquals("(t (233) iso-latin-1-unix)",
        load(";; -*- coding: latin-1 -*-\n(setq conf-x \"\u00e9\")\n"));
    assertEquals("(t (233) iso-latin-1-unix)",
        load("#!/bin/sh\n;; -*- mode: emacs-lisp; coding: latin-1 -*-\n(setq conf-x \"\u00e9\")\n"));
    // An unknown coding system in the tag is passed over.
    assertEquals("(t (233) utf-8-unix)",
        load(";; -*- coding: foo -*-\n(setq conf-x \"\u00c3\u00a9\")\n"));
  }

  @Test
  void codingSystemForReadWinsOverTheFile() throws IOException {
    assertEquals("(t (195 169) iso-latin-1-unix)",
        load("(setq conf-x \"\u00c3\u00a9\")\n", "(coding-system-for-read 'latin-1)"));
    assertEquals("(coding-system-error foo)",
        load("(setq conf-x 1)\n", "(coding-system-for-read 'foo)"));
  }

  @Test
  void readFileDecodesAsInsertFileContents() throws IOException {
    String[][] cases = {
      {"abc\n", "((97 98 99 10) undecided-unix)"},
      {"\u00c3\u00a9\r\n", "((233 10) utf-8-dos)"},
      {"a\u00e9\n", "((97 233 10) iso-latin-1-unix)"},
    };
    for (String[] c : cases) {
      String f = file("r.txt", c[0]);
      assertEquals(c[1], LispForms.eval("(list (append (pdmacs-read-file \"" + f + "\") nil)"
          + " last-coding-system-used)"));
    }
  }

  @Test
  void readFileGivesBinaryFilesAsUnibyteStrings() throws IOException {
    String f = file("r.bin", "a\0\u00e9");
    assertEquals("(nil (97 0 233) no-conversion)", LispForms.eval("(let ((s (pdmacs-read-file \""
        + f + "\"))) (list (multibyte-string-p s) (append s nil) last-coding-system-used))"));
    String g = file("r2.bin", "\u00c3\u00a9\r\n");
    assertEquals("(nil (195 169 13 10) binary)", LispForms.eval("(let ((s (let ((coding-system-for-read"
        + " 'binary)) (pdmacs-read-file \"" + g + "\")))) (list (multibyte-string-p s) (append s nil)"
        + " last-coding-system-used))"));
  }

  private byte[] written(String form) throws IOException {
    Path p = dir.resolve("w.txt");
    assertEquals("nil", LispForms.eval(form.replace("FILE", "\"" + p + "\"")));
    return Files.readAllBytes(p);
  }

  @Test
  void writeFileEncodesAsWriteRegion() throws IOException {
    assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9, '\n'},
        written("(pdmacs-write-file FILE \"\u00e9\n\")"));
    assertArrayEquals(new byte[] {(byte) 0xE9, '\r', '\n'},
        written("(let ((coding-system-for-write 'latin-1-dos)) (pdmacs-write-file FILE \"\u00e9\n\"))"));
    assertEquals("latin-1-dos", LispForms.eval("last-coding-system-used"));
    // Raw bytes and the bytes of a unibyte string are written as themselves.
    assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xE9},
        written("(pdmacs-write-file FILE \"\u00e9\\351\")"));
    assertArrayEquals(new byte[] {'a', (byte) 0xE9},
        written("(pdmacs-write-file FILE \"a\\351\")"));
  }
}
