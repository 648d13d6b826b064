package pdmacs.dump;

import java.io.IOException;
import java.nio.file.Path;
import pdmacs.eval.Eval;
import pdmacs.eval.Specpdl;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Q;
import pdmacs.lisp.SubrGroup;
import pdmacs.lisp.Symbol;
import pdmacs.subr.EvalFns;
import pdmacs.subr.Fileio;
import pdmacs.subr.Print;

import static pdmacs.lisp.Lisp.NIL;
import static pdmacs.lisp.Lisp.T;
import static pdmacs.lisp.Lisp.list;

/** pdumper.c's Lisp interface: dump-emacs-portable and pdumper-stats. */
public final class DumpFns extends SubrGroup {
  private static final int DUMP = 0, STATS = 1, HEAP_DIGEST = 2;

  public static final Symbol beforeDumpHook = Lisp.intern("before-dump-hook");
  public static final Symbol afterPdumpLoadHook = Lisp.intern("after-pdump-load-hook");
  public static final Symbol dumpMode = Lisp.intern("dump-mode");
  /** When non-nil, dump-emacs-portable writes LZ4-compressed sections. */
  public static final Symbol pdumperCompress = Lisp.intern("pdumper-compress");
  /** When nil, every object of a dump is built at load, not when first needed (for comparisons). */
  public static final Symbol pdumperLazyDefinitions = Lisp.intern("pdumper-lazy-definitions");

  /** Set by the launcher after a successful load; nil when started without a dump. */
  private static Object loadTime = NIL;
  private static Object dumpFileName = NIL;

  @Override
  public void register() {
    defun(DUMP, "dump-emacs-portable", 1, 2);
    defun(STATS, "pdumper-stats", 0, 0);
    defun(HEAP_DIGEST, "pdumper--heap-digest", 1, 1);
    for (Symbol s : new Symbol[] {beforeDumpHook, afterPdumpLoadHook, dumpMode, pdumperCompress}) {
      s.value = NIL;
      s.special = true;
    }
    pdumperLazyDefinitions.value = pdmacs.lisp.Lisp.T;
    pdumperLazyDefinitions.special = true;
  }

  @Override
  public Object call(int id, Object[] a) {
    switch (id) {
      case DUMP: return dump(Lisp.checkString(a[0]).str(), a[1] != NIL);
      case STATS:
        if (dumpFileName == NIL) return NIL;
        return list(new Cons(Lisp.intern("dumped-with-pdumper"), T),
            new Cons(Lisp.intern("load-time"), loadTime),
            new Cons(Lisp.intern("dump-file-name"), dumpFileName));
      case HEAP_DIGEST: return new LString(HeapDigest.of(a[0]));
      default: throw new IllegalStateException("dump " + id);
    }
  }

  /** Records what the launcher loaded, for pdumper-stats. */
  public static void recordLoad(String file, double seconds) {
    dumpFileName = new LString(file);
    loadTime = seconds;
  }

  private static Object dump(String filename, boolean trackReferrers) {
    if (Q.noninteractive.value == NIL) {
      throw Lisp.error("Dumping Emacs currently works only in batch mode.  "
          + "If you'd like it to work interactively, please consider contributing a patch to Emacs.");
    }
    Path file = Fileio.javaPath(Fileio.expand(filename, null));
    int count = Specpdl.count();
    try {
      Specpdl.bind(dumpMode, new LString("pdump"));
      EvalFns.runHook(beforeDumpHook, new Object[0], 0);
      boolean compress = Eval.symbolValueOrNil(pdumperCompress) != NIL;
      Print.stdout.flush();
      Print.stderr.print("Dumping fingerprint: " + Fingerprint.hex() + "\n");
      DumpWriter.Result r;
      try {
        boolean lazy = Eval.symbolValueOrNil(pdumperLazyDefinitions) != NIL;
        r = new DumpWriter(trackReferrers, lazy).write(file, compress);
      } catch (IOException e) {
        throw new pdmacs.lisp.LispSignal(Q.fileError,
            list(Lisp.str("Writing dump file"), Lisp.str(String.valueOf(e.getMessage())), Lisp.str(file.toString())));
      }
      Print.stderr.print("Dump complete\n");
      Print.stderr.print("Byte counts: header=" + r.headerBytes + " hot=" + r.hotBytes + " discardable="
          + r.discardableBytes + " cold=" + r.coldBytes + "\n");
      Print.stderr.print("Reloc counts: hot=" + r.hotRelocs + " discardable=" + r.discardableRelocs + "\n");
      Print.stderr.flush();
      return NIL;
    } finally {
      Specpdl.unbindTo(count);
    }
  }
}
