package pdmacs.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a file's bytes say about their coding system, and the end-of-line detection every
 * decoding with an open end of line uses. Expectations are GNU Emacs 28's (load and
 * decode-coding-string on the same bytes).
 */
class FileCodingTest {
  private static String named(String text) {
    CodingSystem cs = FileCoding.of(text.getBytes(StandardCharsets.ISO_8859_1));
    return cs == null ? null : cs.name;
  }

  @Test
  void signaturesNameTheirCodingSystem() {
    assertEquals("utf-8-with-signature", named("\u00ef\u00bb\u00bf(setq x 1)"));
    assertEquals("utf-16le-with-signature", named("\u00ff\u00fe(\0"));
    assertEquals("utf-16be-with-signature", named("\u00fe\u00ff\0("));
    // A signature wins over a tag.
    assertEquals("utf-8-with-signature", named("\u00ef\u00bb\u00bf;; -*- coding: latin-1 -*-"));
  }

  @Test
  void theTagOfTheFirstLineNamesIt() {
    assertEquals("latin-1", named(";; -*- coding: latin-1 -*-\n"));
    assertEquals("utf-8-unix", named(";;; f.el --- x  -*- lexical-binding: t; coding: utf-8-unix -*-\n"));
    assertEquals("latin-1", named(";; -*- mode: emacs-lisp;coding:latin-1; lexical-binding: t -*-\r\n"));
    assertEquals("latin-1", named("#!/bin/sh\n;; -*- coding: latin-1 -*-\n"));
  }

  @Test
  void noTagOrAnUnknownOneNamesNothing() {
    assertNull(named("(setq x 1)\n;; -*- coding: latin-1 -*-\n"));
    assertNull(named(";; coding: latin-1\n"));
    assertNull(named(";; -*- coding: latin-1\n"));
    assertNull(named(";; -*- mode: text -*-\n"));
    assertNull(named(";; -*- xcoding: latin-1 -*-\n"));
    assertNull(named(";; -*- coding: no-such-coding -*-\n"));
    assertNull(named(""));
  }

  @Test
  void endOfLineIsTheFirstKindSeen() {
    assertEquals(Detector.EOL_NONE, Detector.eol("abc"));
    assertEquals(CodingSystem.UNIX, Detector.eol("a\nb"));
    assertEquals(CodingSystem.DOS, Detector.eol("a\r\nb"));
    assertEquals(CodingSystem.MAC, Detector.eol("a\rb"));
    assertEquals(CodingSystem.MAC, Detector.eol("\r"));
  }

  @Test
  void strayCarriageReturnsCountAsDos() {
    assertEquals(CodingSystem.DOS, Detector.eol("a\r\r\nb"));
    assertEquals(CodingSystem.DOS, Detector.eol("a\rb\r\n"));
    assertEquals(CodingSystem.DOS, Detector.eol("a\r\nb\rc"));
  }

  @Test
  void anyOtherMixtureIsUnix() {
    assertEquals(CodingSystem.UNIX, Detector.eol("a\r\nb\nc"));
    assertEquals(CodingSystem.UNIX, Detector.eol("a\nb\r\n"));
    assertEquals(CodingSystem.UNIX, Detector.eol("a\rb\n"));
    // However many CRLF come first.
    assertEquals(CodingSystem.UNIX, Detector.eol("a\r\n".repeat(40) + "b\n"));
  }
}
