package pdmacs.dump;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runtime's fingerprint: a SHA-256 over the bytes of every pdmacs class, in name order. A
 * dump records the fingerprint of the runtime that wrote it and loads only into the same one,
 * because it refers to built-in symbols and subrs by their index in tables the classes build.
 *
 * <p>The build computes it once and stores it in the jar as the resource {@value #RESOURCE}; a
 * runtime started from a classes directory (a development build, tests) always hashes its class
 * files, since a resource left there by an earlier build may be stale.
 */
public final class Fingerprint {
  private Fingerprint() {}

  static final String RESOURCE = "/pdmacs/FINGERPRINT";
  private static byte[] cached;

  public static synchronized byte[] bytes() {
    if (cached == null) cached = load();
    return cached.clone();
  }

  public static String hex() {
    return toHex(bytes());
  }

  public static String toHex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
    return sb.toString();
  }

  private static byte[] load() {
    Path root = codeSource();
    // Classes in a directory are a development build whose resource may be stale: hash them.
    if (root != null && Files.isDirectory(root)) {
      try {
        return compute(root);
      } catch (IOException e) {
        throw new IllegalStateException("cannot compute the runtime fingerprint: " + e.getMessage(), e);
      }
    }
    byte[] stored = storedInJar(root);
    if (stored != null) return stored;
    try (InputStream in = Fingerprint.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (hex.length() == 64) return fromHex(hex);
      }
    } catch (IOException e) {
      // Fall back to computing it.
    }
    try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(root)) {
      return compute(fs.getPath("/"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot compute the runtime fingerprint: " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprint read straight from the jar file when the build stored it uncompressed (the
   * Makefile does), or null. This skips the class loader's resource lookup, which opens the jar
   * through jar: URLs and costs several milliseconds of start-up when CDS supplied every class.
   */
  private static byte[] storedInJar(Path jar) {
    if (jar == null) return null;
    try {
      JarDump.Entry e = JarDump.find(jar, RESOURCE.substring(1));
      if (e == null || e.length < 64 || e.length > 80) return null;
      byte[] b = new byte[(int) e.length];
      try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "r")) {
        f.seek(e.dataOffset);
        f.readFully(b);
      }
      String hex = new String(b, StandardCharsets.US_ASCII).trim();
      return hex.length() == 64 && isHex(hex) ? fromHex(hex) : null;
    } catch (IOException | RuntimeException ex) {
      return null;
    }
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
    return true;
  }

  private static Path codeSource() {
    try {
      return Paths.get(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** SHA-256 over the names and bytes of all class files under ROOT/pdmacs, sorted by name. */
  public static byte[] compute(Path root) throws IOException {
    Path pkg = root.resolve("pdmacs");
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(pkg)) {
      s.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(root.relativize(p).toString()));
    }
    Collections.sort(names);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String n : names) {
        md.update(n.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(root.resolve(n)));
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] fromHex(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return b;
  }

  /** Build step: writes the fingerprint of the classes directory ARGS[0] into it. */
  public static void main(String[] args) throws IOException {
    Path root = Paths.get(args[0]);
    String hex = toHex(compute(root));
    Files.writeString(root.resolve("pdmacs/FINGERPRINT"), hex + "\n");
    System.out.println(hex);
  }
}
