package pdmacs.dump;

import java.io.IOException;
import java.net.URISyntaxException;
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
 * <p>The build computes it once and stamps it into the jar's copy of {@link FingerprintStamp}; a
 * runtime started from a classes directory (a development build, tests) always hashes its class
 * files, since nothing there is stamped and a stamp left by an earlier build could be stale.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** The stamp class, which the hash leaves out (it only carries the result). */
  static final String STAMP_CLASS = "pdmacs/dump/FingerprintStamp.class";
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
    String stamped = FingerprintStamp.value();
    if (stamped.length() == 64 && isHex(stamped)) return fromHex(stamped);
    // Not stamped: a classes directory (a development build, tests) or a jar made without the
    // Makefile. Hash the classes there.
    Path root = codeSource();
    if (root == null) throw new IllegalStateException("cannot compute the runtime fingerprint: classes not found");
    if (Files.isDirectory(root)) {
      try {
        return compute(root);
      } catch (IOException e) {
        throw new IllegalStateException("cannot compute the runtime fingerprint: " + e.getMessage(), e);
      }
    }
    try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(root)) {
      return compute(fs.getPath("/"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot compute the runtime fingerprint: " + e.getMessage(), e);
    }
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) if (hexDigit(s.charAt(i)) < 0) return false;
    return true;
  }

  /** C's value as a lowercase or uppercase hex digit, or -1 (plain arithmetic: this runs at start-up). */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
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
    names.remove(STAMP_CLASS);
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
    for (int i = 0; i < b.length; i++) b[i] = (byte) (hexDigit(hex.charAt(2 * i)) << 4 | hexDigit(hex.charAt(2 * i + 1)));
    return b;
  }

  /**
   * Build step: computes the fingerprint of the classes directory ARGS[0] and writes the stamped
   * copy of its FingerprintStamp class under the directory ARGS[1] (same relative path), for the
   * Makefile to put in the jar. Prints the fingerprint.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Fingerprint CLASSES-DIR OUT-DIR");
      System.exit(2);
    }
    Path root = Paths.get(args[0]);
    String hex = toHex(compute(root));
    byte[] stamp = Files.readAllBytes(root.resolve(STAMP_CLASS));
    byte[] placeholder = FingerprintStamp.PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(stamp, placeholder, 0);
    if (at < 0 || indexOf(stamp, placeholder, at + 1) >= 0) {
      throw new IllegalStateException(STAMP_CLASS + ": the placeholder must occur exactly once");
    }
    System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, stamp, at, placeholder.length);
    Path out = Paths.get(args[1]).resolve(STAMP_CLASS);
    Files.createDirectories(out.getParent());
    Files.write(out, stamp);
    System.out.println(hex);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
