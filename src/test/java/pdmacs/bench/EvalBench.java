package pdmacs.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pdmacs.eval.Eval;
import pdmacs.lisp.Lisp;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/**
 * The evaluator's hot paths: interpreted fib (closure calls, lexical variable lookup, fixnum
 * subrs) with lexical and with dynamic binding, a while loop with setq, the same loop as dotimes
 * expands it (a let of one binding per iteration), and an equal hash table
 * filled and read with fixnum and string keys (bench/workloads.el's bench-hash). Run by make jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss512m", "-XX:+UseSerialGC"})
public class EvalBench {
  private static final String FIB =
      "(lambda (n) (if (< n 2) n (+ (%1$s (- n 1)) (%1$s (- n 2)))))";

  private Object fibLexical;
  private Object fibDynamic;
  private Object loop;
  private Object hash;
  private Object dotimes;

  @Setup
  public void setUp() {
    Runtime.init();
    Object lexical = Lisp.list(Lisp.T);
    Eval.eval(read("(fset 'bench-fib-lex (function " + String.format(FIB, "bench-fib-lex") + "))"), lexical);
    Eval.eval(read("(fset 'bench-fib-dyn (function " + String.format(FIB, "bench-fib-dyn") + "))"), Lisp.NIL);
    fibLexical = read("(bench-fib-lex 20)");
    fibDynamic = read("(bench-fib-dyn 20)");
    loop = read("(let ((i 0) (s 0)) (while (< i 10000) (setq s (+ s i)) (setq i (1+ i))) s)");
    // What (dotimes (j 10000) (setq s (+ s j))) expands to: a let of one binding per iteration.
    dotimes = read("(let ((limit 10000) (counter 0) (s 0))"
        + " (while (< counter limit) (let ((j counter)) (setq s (+ s j))) (setq counter (1+ counter)))"
        + " s)");
    hash = read("(let ((h (make-hash-table :test 'equal)) (i 0) (hits 0))"
        + " (while (< i 10000) (puthash i i h) (puthash (number-to-string i) i h) (setq i (1+ i)))"
        + " (setq i 0)"
        + " (while (< i 10000)"
        + "   (if (eql (gethash i h) (gethash (number-to-string i) h)) (setq hits (1+ hits)))"
        + "   (setq i (1+ i)))"
        + " hits)");
  }

  private static Object read(String source) {
    return new Reader(source).read();
  }

  @Benchmark
  public Object fib20Lexical() {
    return Eval.eval(fibLexical, Lisp.list(Lisp.T));
  }

  @Benchmark
  public Object fib20Dynamic() {
    return Eval.eval(fibDynamic, Lisp.NIL);
  }

  @Benchmark
  public Object whileLoop10k() {
    return Eval.eval(loop, Lisp.list(Lisp.T));
  }

  @Benchmark
  public Object dotimes10k() {
    return Eval.eval(dotimes, Lisp.list(Lisp.T));
  }

  @Benchmark
  public Object hashEqual10k() {
    return Eval.eval(hash, Lisp.list(Lisp.T));
  }
}
