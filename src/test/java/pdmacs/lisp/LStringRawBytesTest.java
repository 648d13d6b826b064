package pdmacs.lisp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Raw bytes in multibyte strings: how LString holds them, the character codes it gives for
 * them, and Emacs's internal bytes (GNU Emacs 28: (string-bytes (string-to-multibyte "\351"))
 * is 2, and a raw byte is written C0 or C1 then a continuation byte).
 */
class LStringRawBytesTest {
  /** "é", raw byte 0xE9, raw byte 0x80, "x": multibyte. */
  private static LString mixed() {
    return new LString("\u00e9" + LString.rawByteChar(0xE9) + LString.rawByteChar(0x80) + "x", true);
  }

  @Test
  void rawBytesHaveTheirEmacsCodes() {
    LString s = mixed();
    assertEquals(4, s.length());
    assertEquals(0xE9, s.charAt(0));
    assertEquals(0x3FFFE9, s.charAt(1));
    assertEquals(0x3FFF80, s.charAt(2));
    assertEquals('x', s.charAt(3));
    assertEquals(2 + 2 + 2 + 1, s.byteLength());
  }

  @Test
  void internalBytesWriteRawBytesAsEmacsDoes() {
    byte[] expected = {(byte) 0xC3, (byte) 0xA9, (byte) 0xC1, (byte) 0xA9, (byte) 0xC0, (byte) 0x80, 'x'};
    assertArrayEquals(expected, mixed().internalBytes());
    assertEquals(mixed().str(), LString.decodeInternal(expected));
  }

  @Test
  void aDumpViewDecodesRawBytes() {
    byte[] bytes = mixed().internalBytes();
    LString view = LString.view(ByteBuffer.wrap(bytes), 0, bytes.length, true);
    assertEquals(bytes.length, view.byteLength());
    assertEquals(mixed().str(), view.str());
    assertEquals(0x3FFF80, view.charAt(2));
  }

  @Test
  void aC0NotFollowedByAContinuationIsNotARawByte() {
    // Java's decoder makes a replacement character of it, as of any invalid byte.
    assertEquals("\ufffdA", LString.decodeInternal(new byte[] {(byte) 0xC0, 'A'}));
  }

  @Test
  void unibyteBytesBecomeRawBytesWhenMadeMultibyte() {
    LString s = new LString("a\u00e9", false);
    assertEquals(0xE9, s.charAt(1));
    s.setMultibyte(true);
    assertEquals(0x3FFFE9, s.charAt(1));
    assertEquals(3, s.byteLength());
    s.setMultibyte(false);
    assertEquals("a\u00e9", s.str());
  }

  @Test
  void setCharStoresARawByteAsTheStringHoldsIt() {
    LString multi = new LString("\u00e9bc", true);
    multi.setChar(1, 0x3FFFE9);
    assertEquals(0x3FFFE9, multi.charAt(1));
    assertTrue(multi.multibyte());
    LString uni = new LString("abc", false);
    uni.setChar(0, 0x3FFFE9);
    assertEquals(0xE9, uni.charAt(0));
    assertFalse(uni.multibyte());
  }

  @Test
  void conversionsBetweenBytesAndRawBytes() {
    String raw = LString.bytesToRawBytes("a\u00ff\u0080");
    assertEquals("a" + LString.rawByteChar(0xFF) + LString.rawByteChar(0x80), raw);
    assertEquals("a\u00ff\u0080", LString.rawBytesToBytes(raw));
    assertEquals(0x3FFFFF, LString.charCode(LString.rawByteChar(0xFF)));
    assertEquals(0xE9, LString.charCode(0xE9));
  }

  @Test
  void asciiIsRemembered() {
    assertTrue(new LString("abc", false).isAscii());
    assertFalse(new LString("\u00e9", true).isAscii());
    LString s = new LString("abc", false);
    assertTrue(s.isAscii());
    s.setChar(0, 0xE9);
    assertFalse(s.isAscii());
  }
}
