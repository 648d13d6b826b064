package pdmacs.lisp;

import java.util.Arrays;

/** A bool-vector: a fixed number of bits, stored little-endian in bytes as Emacs prints them. */
public final class BoolVector {
  public final int size;
  private byte[] bits;

  public BoolVector(int size) {
    this.size = size;
    this.bits = new byte[(size + 7) >>> 3];
  }

  /** Wraps BITS (taken over, not copied); bits past SIZE must be zero. */
  public BoolVector(int size, byte[] bits) {
    this.size = size;
    this.bits = bits;
  }

  public boolean get(int i) {
    return (bits[i >>> 3] & (1 << (i & 7))) != 0;
  }

  public void set(int i, boolean v) {
    if (v) bits[i >>> 3] |= (byte) (1 << (i & 7));
    else bits[i >>> 3] &= (byte) ~(1 << (i & 7));
  }

  /** The underlying bytes; callers must not change them. */
  public byte[] bytes() {
    return bits;
  }

  public int count() {
    int n = 0;
    for (byte b : bits) n += Integer.bitCount(b & 0xff);
    return n;
  }

  public boolean sameBits(BoolVector o) {
    return size == o.size && Arrays.equals(bits, o.bits);
  }
}
