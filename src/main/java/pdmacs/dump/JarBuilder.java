package pdmacs.dump;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step: makes emacs.jar, one file that runs anywhere with {@code java -jar}: the runtime's
 * classes, its runtime dependencies, and emacs.pdmp as a STORED entry whose data starts on a
 * page boundary, so the loader maps it straight out of the jar.
 *
 * <p>Usage: {@code JarBuilder RUNTIME.jar DUMP LIBDIR OUT.jar}
 */
public final class JarBuilder {
  private JarBuilder() {}

  /** Entry times are fixed so the same inputs give the same jar. */
  private static final long FIXED_TIME = 946684800000L; // 2000-01-01
  /** Extra-field id for alignment padding (the one Android's zipalign uses). */
  private static final int ALIGN_EXTRA_ID = 0xD935;

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: JarBuilder RUNTIME.jar DUMP LIBDIR OUT.jar");
      System.exit(2);
    }
    build(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]), Paths.get(args[3]));
  }

  static void build(Path runtimeJar, Path dump, Path libDir, Path out) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (CountingStream counter = new CountingStream(Files.newOutputStream(tmp));
        ZipOutputStream zip = new ZipOutputStream(counter)) {
      Set<String> seen = new HashSet<>();
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "pdmacs.cli.Main");
      mf.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
      ZipEntry me = entry(JarFile.MANIFEST_NAME);
      zip.putNextEntry(me);
      mf.write(zip);
      zip.closeEntry();
      seen.add(JarFile.MANIFEST_NAME);
      storeAligned(zip, counter, "emacs.pdmp", Files.readAllBytes(dump));
      seen.add("emacs.pdmp");
      copyJar(zip, runtimeJar, seen);
      List<Path> libs = new ArrayList<>();
      if (Files.isDirectory(libDir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(libDir, "*.jar")) {
          ds.forEach(libs::add);
        }
      }
      libs.sort(null);
      for (Path lib : libs) copyJar(zip, lib, seen);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(FIXED_TIME);
    return e;
  }

  private static void copyJar(ZipOutputStream zip, Path jar, Set<String> seen) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries = java.util.Collections.list(z.entries());
      for (ZipEntry e : entries) {
        String n = e.getName();
        if (n.equals(JarFile.MANIFEST_NAME) || n.equals("module-info.class")
            || (n.startsWith("META-INF/") && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")))
            || !seen.add(n)) {
          continue;
        }
        ZipEntry out = entry(n);
        if (e.getMethod() == ZipEntry.STORED && !e.isDirectory()) {
          // Kept uncompressed (the fingerprint is read straight from the jar file at start-up).
          out.setMethod(ZipEntry.STORED);
          out.setSize(e.getSize());
          out.setCompressedSize(e.getSize());
          out.setCrc(e.getCrc());
        }
        zip.putNextEntry(out);
        if (!e.isDirectory()) {
          try (InputStream in = z.getInputStream(e)) {
            in.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
    }
  }

  /** Adds NAME uncompressed, padding its local header so the data starts on a page boundary. */
  private static void storeAligned(ZipOutputStream zip, CountingStream counter, String name, byte[] data) throws IOException {
    zip.flush();
    long headerStart = counter.count;
    int nameLen = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    long afterFixed = headerStart + 30 + nameLen + 4;
    int pad = (int) ((DumpFormat.PAGE - (afterFixed % DumpFormat.PAGE)) % DumpFormat.PAGE);
    byte[] extra = new byte[4 + pad];
    extra[0] = (byte) ALIGN_EXTRA_ID;
    extra[1] = (byte) (ALIGN_EXTRA_ID >>> 8);
    extra[2] = (byte) pad;
    extra[3] = (byte) (pad >>> 8);
    ZipEntry e = entry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    e.setExtra(extra);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  /** Counts bytes written, to know where the next local header starts. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
