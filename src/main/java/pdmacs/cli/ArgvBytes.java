package pdmacs.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import pdmacs.coding.CodingSystem;
import pdmacs.coding.CodingSystems;
import pdmacs.coding.Decoder;

/**
 * The command line as the bytes the process was given, decoded as GNU Emacs decodes argv.
 *
 * <p>The JVM hands main its arguments already decoded by the platform charset
 * (sun.jnu.encoding): under LANG=C that is ASCII, and every byte above 127 becomes U+FFFD;
 * under a UTF-8 locale a byte that is not UTF-8 does. Emacs instead keeps argv's bytes and
 * decodes them with locale-coding-system (startup.el does it first thing), and leaves them
 * undecoded, unibyte strings of bytes, when the locale has no coding system (C, POSIX). So when
 * the JVM's strings may have lost bytes, this reads them back from /proc/self/cmdline (Linux).
 *
 * <p>Start-up only comes here when some argument is not ASCII ({@link Startup}); a normal start
 * neither reads /proc nor loads this class.
 */
final class ArgvBytes {
  private ArgvBytes() {}

  /**
   * The arguments as Emacs decodes them. UNIBYTE says each string holds one byte per char
   * (the locale has no coding system), each to become a unibyte Lisp string.
   */
  record Decoded(String[] args, boolean unibyte) {}

  /**
   * Whether ARGS, as the JVM decoded them, may differ from what Emacs would make of the same
   * bytes: some argument holds U+FFFD (a byte the platform charset could not decode), or the
   * platform charset is not UTF-8 while some argument is not ASCII (Emacs decodes by the
   * locale's coding system, which pdmacs knows only for UTF-8 and Latin-1 locales). Callers
   * check first that some argument is not ASCII.
   */
  private static boolean mayDiffer(String[] args) {
    for (String a : args) {
      if (a.indexOf('\uFFFD') >= 0) return true;
    }
    return !"UTF-8".equals(System.getProperty("sun.jnu.encoding"));
  }

  /**
   * ARGS recovered from /proc/self/cmdline and decoded by the locale's coding system, or null
   * (keep the JVM's strings) when they cannot differ from Emacs's, or the file cannot be read
   * (not Linux), or its tail does not match ARGS.
   */
  static Decoded recover(String[] args) {
    if (!mayDiffer(args)) return null;
    byte[] cmdline;
    try (FileInputStream in = new FileInputStream("/proc/self/cmdline")) {
      cmdline = in.readAllBytes();
    } catch (IOException | SecurityException e) {
      return null;
    }
    byte[][] raw = tail(cmdline, args.length);
    if (raw == null) return null;
    for (int i = 0; i < args.length; i++) {
      if (!agree(args[i], raw[i])) return null;
    }
    return decode(raw, pdmacs.runtime.Runtime.localeCodingSystem(localeEnvironment()));
  }

  /**
   * The last COUNT of CMDLINE's NUL-terminated strings: the JVM's options and the main class
   * (or -jar and the jar) come first, main's arguments last. Null when there are not more
   * than COUNT strings (the program itself is always one) or the text is not NUL-terminated.
   */
  static byte[][] tail(byte[] cmdline, int count) {
    if (cmdline.length == 0 || cmdline[cmdline.length - 1] != 0) return null;
    List<byte[]> all = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        all.add(java.util.Arrays.copyOfRange(cmdline, start, i));
        start = i + 1;
      }
    }
    if (all.size() <= count) return null;
    return all.subList(all.size() - count, all.size()).toArray(new byte[0][]);
  }

  /**
   * Whether RAW can be the bytes the JVM decoded as ARG: both ASCII and equal, or both not
   * ASCII with the same ASCII characters in the same order. Any charset the JVM uses keeps
   * ASCII as ASCII (or swallows it into a multibyte sequence, which makes this false).
   */
  static boolean agree(String arg, byte[] raw) {
    int j = 0;
    boolean rawAscii = true;
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c >= 0x80) continue;
      while (j < raw.length && raw[j] < 0) {
        j++;
        rawAscii = false;
      }
      if (j == raw.length || raw[j] != c) return false;
      j++;
    }
    for (; j < raw.length; j++) {
      if (raw[j] < 0) rawAscii = false;
      else return false;
    }
    return rawAscii == pdmacs.lisp.LString.isAscii(arg);
  }

  /**
   * RAW decoded by the coding system named CODING (utf-8-unix or iso-latin-1-unix, as
   * pdmacs.runtime.Runtime names the locale's), bytes that are not valid becoming raw-byte
   * characters as decode-coding-string makes them; or, when CODING is null, left as bytes.
   */
  static Decoded decode(byte[][] raw, String coding) {
    CodingSystem cs = coding == null ? null : CodingSystems.get(coding);
    String[] out = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = cs == null ? new String(raw[i], StandardCharsets.ISO_8859_1)
          : Decoder.decode(raw[i], cs, false).text().str();
    }
    return new Decoded(out, cs == null);
  }

  /** The variables that name the locale, as "NAME=VALUE" for Runtime.localeCodingSystem. */
  private static String[] localeEnvironment() {
    List<String> env = new ArrayList<>();
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = System.getenv(name);
      if (v != null) env.add(name + "=" + v);
    }
    return env.toArray(new String[0]);
  }
}
