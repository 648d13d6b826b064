package pdmacs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pdmacs.dump.DumpLoader;
import pdmacs.eval.Eval;
import pdmacs.lisp.Cons;
import pdmacs.lisp.LString;
import pdmacs.lisp.LVector;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Symbol;
import pdmacs.runtime.Runtime;

/**
 * The dump loader at scale: a dump of about 200,000 objects (conses, strings, floats, uninterned
 * symbols, vectors) loaded again and again, mapped and read. Reports milliseconds per load; the
 * objects per microsecond figure is the object count divided by that. Run by make jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class LoadBench {
  /** Records of each kind in the synthetic heap; about five objects each. */
  private static final int RECORDS = 40_000;

  @Param({"false", "true"})
  public boolean mapped;

  private Path file;

  @Setup
  public void setUp() throws Exception {
    Runtime.init();
    // Held by a built-in variable, so reloading replaces it and interns nothing new.
    Lisp.intern("values").value = syntheticHeap();
    file = Files.createTempFile("pdmacs-loadbench", ".pdmp");
    Eval.funcall(Lisp.intern("dump-emacs-portable"), new LString(file.toString()), Lisp.NIL);
  }

  /** A list of (STRING FLOAT SYMBOL . [N]) records: conses, strings, floats, symbols, vectors. */
  private static Object syntheticHeap() {
    Object list = Lisp.NIL;
    for (int i = 0; i < RECORDS; i++) {
      Object rec = new Cons(new LString("item-" + i),
          new Cons((double) i / 3, new Cons(Symbol.uninterned("s" + i), new LVector(new Object[] {(long) i}))));
      list = new Cons(rec, list);
    }
    return list;
  }

  @TearDown
  public void tearDown() throws Exception {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public int load() throws Exception {
    return DumpLoader.loadFile(file, mapped).objects;
  }
}
