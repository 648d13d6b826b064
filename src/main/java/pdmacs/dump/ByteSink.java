package pdmacs.dump;

import java.util.Arrays;

/** A growable little-endian byte buffer for building dump sections. */
final class ByteSink {
  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
  }

  void putLong(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) buf[size++] = (byte) (v >>> (8 * i));
  }

  void putInt(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) buf[size++] = (byte) (v >>> (8 * i));
  }

  void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  /** Pads with zeros to a multiple of 8 bytes. */
  void align8() {
    while ((size & 7) != 0) {
      ensure(1);
      buf[size++] = 0;
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
