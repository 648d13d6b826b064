package pdmacs.subr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import pdmacs.eval.Eval;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.bool;
import static pdmacs.lisp.Lisp.list;

/** fileio.c and dired.c: file names and the file system. */
public final class Fileio extends SubrGroup {
  private static final int EXPAND = 0, EXISTS = 1, READABLE = 2, DIRECTORY_P = 3,
      NAME_DIRECTORY = 4, NAME_NONDIRECTORY = 5, AS_DIRECTORY = 6, DIRECTORY_FILE_NAME = 7,
      ABSOLUTE_P = 8, DELETE = 9, RENAME = 10, DIRECTORY_FILES = 11, GETENV = 12,
      REGULAR_P = 13, WRITABLE_P = 14, READ_FILE = 15, WRITE_FILE = 16, MAKE_DIRECTORY = 17,
      SUBSTITUTE_ENV = 18, FILE_TRUENAME = 19;

  @Override
  public void register() {
    defun(EXPAND, "expand-file-name", 1, 2);
    defun(EXISTS, "file-exists-p", 1, 1);
    defun(READABLE, "file-readable-p", 1, 1);
    defun(DIRECTORY_P, "file-directory-p", 1, 1);
    defun(NAME_DIRECTORY, "file-name-directory", 1, 1);
    defun(NAME_NONDIRECTORY, "file-name-nondirectory", 1, 1);
    defun(AS_DIRECTORY, "file-name-as-directory", 1, 1);
    defun(DIRECTORY_FILE_NAME, "directory-file-name", 1, 1);
    defun(ABSOLUTE_P, "file-name-absolute-p", 1, 1);
    defun(DELETE, "delete-file", 1, 2);
    defun(RENAME, "rename-file", 2, 3);
    defun(DIRECTORY_FILES, "directory-files", 1, 5);
    defun(GETENV, "getenv-internal", 1, 2);
    defun(REGULAR_P, "file-regular-p", 1, 1);
    defun(WRITABLE_P, "file-writable-p", 1, 1);
    defun(READ_FILE, "pdmacs-read-file", 1, 1);
    defun(WRITE_FILE, "pdmacs-write-file", 2, 3);
    defun(MAKE_DIRECTORY, "make-directory-internal", 1, 1);
    defun(SUBSTITUTE_ENV, "substitute-in-file-name", 1, 1);
    defun(FILE_TRUENAME, "file-truename", 1, 1);
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case EXPAND: return Lisp.str(expand(str(a[0]), a[1] == NIL ? null : str(a[1])));
      case EXISTS: return bool(Files.exists(path(a[0])));
      case READABLE: return bool(Files.isReadable(path(a[0])));
      case DIRECTORY_P: return bool(Files.isDirectory(path(a[0])));
      case REGULAR_P: return bool(Files.isRegularFile(path(a[0])));
      case WRITABLE_P: {
        Path p = path(a[0]);
        if (Files.exists(p)) return bool(Files.isWritable(p));
        Path parent = p.toAbsolutePath().getParent();
        return bool(parent != null && Files.isWritable(parent));
      }
      case NAME_DIRECTORY: {
        String f = str(a[0]);
        int i = f.lastIndexOf('/');
        return i < 0 ? NIL : Lisp.str(f.substring(0, i + 1));
      }
      case NAME_NONDIRECTORY: {
        String f = str(a[0]);
        return Lisp.str(f.substring(f.lastIndexOf('/') + 1));
      }
      case AS_DIRECTORY: {
        String f = str(a[0]);
        if (f.isEmpty()) return Lisp.str("./");
        return Lisp.str(f.endsWith("/") ? f : f + "/");
      }
      case DIRECTORY_FILE_NAME: {
        String f = str(a[0]);
        while (f.length() > 1 && f.endsWith("/")) f = f.substring(0, f.length() - 1);
        return Lisp.str(f);
      }
      case ABSOLUTE_P: {
        String f = str(a[0]);
        return bool(f.startsWith("/") || f.startsWith("~"));
      }
      case DELETE:
        try {
          Files.deleteIfExists(path(a[0]));
        } catch (IOException e) {
          throw fileError("Removing old name", e, a[0]);
        }
        return NIL;
      case RENAME:
        try {
          if (a[2] == NIL && Files.exists(path(a[1]))) {
            throw new LispSignal(Lisp.intern("file-already-exists"), list(Lisp.str("File already exists"), a[1]));
          }
          Files.move(path(a[0]), path(a[1]), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw fileError("Renaming", e, a[0]);
        }
        return NIL;
      case DIRECTORY_FILES: return directoryFiles(a);
      case GETENV: {
        String v = System.getenv(str(a[0]));
        return v == null ? NIL : Lisp.str(v);
      }
      case READ_FILE:
        try {
          return Coding.readFile(Files.readAllBytes(path(a[0])), "undecided");
        } catch (IOException e) {
          throw fileError("Opening input file", e, a[0]);
        }
      case WRITE_FILE:
        try {
          byte[] bytes = Coding.fileBytes(Lisp.checkString(a[1]));
          if (a[2] != NIL) {
            Files.write(path(a[0]), bytes, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
          } else {
            Files.write(path(a[0]), bytes);
          }
          return NIL;
        } catch (IOException e) {
          throw fileError("Opening output file", e, a[0]);
        }
      case MAKE_DIRECTORY:
        try {
          Files.createDirectory(path(a[0]));
          return NIL;
        } catch (IOException e) {
          throw fileError("Creating directory", e, a[0]);
        }
      case SUBSTITUTE_ENV: return a[0] instanceof LString ? a[0] : Lisp.checkString(a[0]);
      case FILE_TRUENAME:
        try {
          return Lisp.str(path(a[0]).toRealPath().toString());
        } catch (IOException e) {
          return Lisp.str(expand(str(a[0]), null));
        }
      default: throw new IllegalStateException("fileio " + id);
    }
  }

  private static LispSignal fileError(String what, IOException e, Object file) {
    String reason = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
        : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
        : e instanceof java.nio.file.FileAlreadyExistsException ? "File exists"
        : e instanceof java.nio.file.DirectoryNotEmptyException ? "Directory not empty"
        : String.valueOf(e.getMessage());
    return new LispSignal(e instanceof java.nio.file.NoSuchFileException ? Q.fileMissing : Q.fileError,
        list(Lisp.str(what), Lisp.str(reason), file));
  }

  private static Object directoryFiles(Object[] a) {
    Path dir = path(a[0]);
    boolean full = a[1] != NIL;
    java.util.regex.Pattern match = a[2] == NIL ? null : pdmacs.regex.EmacsRegex.compile(str(a[2]), false).pattern();
    java.util.List<String> names = new java.util.ArrayList<>();
    names.add(".");
    names.add("..");
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw fileError("Opening directory", e, a[0]);
    }
    if (a[3] == NIL) java.util.Collections.sort(names);
    java.util.List<Object> out = new java.util.ArrayList<>();
    String base = expand(str(a[0]), null);
    for (String n : names) {
      if (match != null && !match.matcher(n).find()) continue;
      out.add(Lisp.str(full ? (base.endsWith("/") ? base : base + "/") + n : n));
      if (a[4] instanceof Long && out.size() >= (Long) a[4]) break;
    }
    return Lisp.listFrom(out);
  }

  private static String str(Object o) {
    return Lisp.checkString(o).str();
  }

  private static Path path(Object o) {
    return javaPath(expand(str(o), null));
  }

  /**
   * NAME as a Java path. The JVM encodes file names in the platform's charset (sun.jnu.encoding,
   * ASCII under LANG=C), and a name it cannot encode cannot be opened at all: a file-error
   * naming it, where Emacs, which passes the bytes through, would open the file.
   */
  public static Path javaPath(String name) {
    try {
      return Paths.get(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new LispSignal(Q.fileError, Lisp.list(
          Lisp.str("File name not representable in this locale's encoding"), Lisp.str(name)));
    }
  }

  public static String defaultDirectory() {
    Object d = Eval.symbolValueOrNil(Lread.defaultDirectory);
    if (d instanceof LString) return ((LString) d).str();
    return System.getProperty("user.dir") + "/";
  }

  /** expand-file-name: absolute, with ~ expanded and . and .. removed. */
  public static String expand(String name, String dir) {
    if (name.startsWith("~")) {
      int slash = name.indexOf('/');
      String user = slash < 0 ? name.substring(1) : name.substring(1, slash);
      if (user.isEmpty()) {
        String home = System.getenv("HOME");
        if (home == null) home = System.getProperty("user.home");
        name = home + (slash < 0 ? "" : name.substring(slash));
      }
    }
    if (!name.startsWith("/")) {
      String base = dir == null ? defaultDirectory() : expand(dir, null);
      if (!base.endsWith("/")) base += "/";
      name = base + name;
    }
    boolean trailing = name.endsWith("/") && name.length() > 1;
    String[] parts = name.split("/");
    java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
    for (String p : parts) {
      if (p.isEmpty() || p.equals(".")) continue;
      if (p.equals("..")) {
        if (!stack.isEmpty()) stack.removeLast();
      } else {
        stack.addLast(p);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String p : stack) sb.append('/').append(p);
    if (sb.length() == 0) sb.append('/');
    else if (trailing) sb.append('/');
    return sb.toString();
  }
}
