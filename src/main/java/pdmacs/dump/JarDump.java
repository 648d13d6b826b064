package pdmacs.dump;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Finds a STORED (uncompressed) entry in a jar by reading the zip central directory, so the dump
 * inside emacs.jar can be mapped straight from the jar file at its data offset, with no copy.
 */
public final class JarDump {
  private JarDump() {}

  /** Where an entry's bytes are in the jar file. */
  public static final class Entry {
    public final long dataOffset;
    public final long length;

    Entry(long dataOffset, long length) {
      this.dataOffset = dataOffset;
      this.length = length;
    }
  }

  private static final int EOCD_SIG = 0x06054b50, CEN_SIG = 0x02014b50, LOC_SIG = 0x04034b50;

  /** The STORED entry NAME of JAR, or null if the jar has none. */
  public static Entry find(Path jar, String name) throws IOException {
    // RandomAccessFile rather than FileChannel: this runs at start-up, where the first
    // FileChannel costs 2 ms of class initialisation and native library loading.
    try (RandomAccessFile ch = new RandomAccessFile(jar.toFile(), "r")) {
      long size = ch.length();
      int tailLen = (int) Math.min(size, 22 + 65535);
      ByteBuffer tail = read(ch, size - tailLen, tailLen);
      int eocd = -1;
      for (int i = tailLen - 22; i >= 0; i--) {
        if (tail.getInt(i) == EOCD_SIG) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) return null;
      int entries = tail.getShort(eocd + 10) & 0xffff;
      long cenSize = tail.getInt(eocd + 12) & 0xffffffffL;
      long cenOff = tail.getInt(eocd + 16) & 0xffffffffL;
      if (cenOff + cenSize > size) return null;
      ByteBuffer cen = read(ch, cenOff, (int) cenSize);
      byte[] want = name.getBytes(StandardCharsets.UTF_8);
      int p = 0;
      for (int i = 0; i < entries && p + 46 <= cenSize; i++) {
        if (cen.getInt(p) != CEN_SIG) return null;
        int method = cen.getShort(p + 10) & 0xffff;
        long csize = cen.getInt(p + 20) & 0xffffffffL;
        int n = cen.getShort(p + 28) & 0xffff, e = cen.getShort(p + 30) & 0xffff, c = cen.getShort(p + 32) & 0xffff;
        long loc = cen.getInt(p + 42) & 0xffffffffL;
        if (n == want.length && p + 46 + n <= cenSize) {
          byte[] got = new byte[n];
          cen.get(p + 46, got);
          if (java.util.Arrays.equals(got, want)) {
            if (method != 0) return null;
            ByteBuffer lh = read(ch, loc, 30);
            if (lh.getInt(0) != LOC_SIG) return null;
            long data = loc + 30 + (lh.getShort(26) & 0xffff) + (lh.getShort(28) & 0xffff);
            if (data + csize > size) return null;
            return new Entry(data, csize);
          }
        }
        p += 46 + n + e + c;
      }
      return null;
    }
  }

  private static ByteBuffer read(RandomAccessFile f, long pos, int len) throws IOException {
    byte[] b = new byte[len];
    f.seek(pos);
    try {
      f.readFully(b);
    } catch (java.io.EOFException e) {
      throw new IOException("unexpected end of jar");
    }
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }
}
