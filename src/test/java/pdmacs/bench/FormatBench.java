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
 * String building: 10,000 calls of format with %d and %s, of number-to-string, and a concat of
 * their results (the loop of bench/workloads.el's bench-string), each as one interpreted loop.
 * Run by make jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class FormatBench {
  private Object formatLoop;
  private Object numberToStringLoop;
  private Object workload;

  @Setup
  public void setUp() {
    Runtime.init();
    formatLoop = read(loop("(format \"%d:%s;\" i \"x\")"));
    numberToStringLoop = read(loop("(number-to-string i)"));
    workload = read("(let ((parts nil)) " + loop(
        "(setq parts (cons (format \"%d:%s;\" i (number-to-string (* i i))) parts))")
        + " (length (apply #'concat parts)))");
  }

  /** BODY run with i from 0 to 9999 (a while loop: the bare runtime has no dotimes). */
  private static String loop(String body) {
    return "(let ((i 0)) (while (< i 10000) " + body + " (setq i (1+ i))))";
  }

  private static Object read(String source) {
    return new Reader(source).read();
  }

  @Benchmark
  public Object format10k() {
    return Eval.eval(formatLoop, Lisp.list(Lisp.T));
  }

  @Benchmark
  public Object numberToString10k() {
    return Eval.eval(numberToStringLoop, Lisp.list(Lisp.T));
  }

  @Benchmark
  public Object formatConcat10k() {
    return Eval.eval(workload, Lisp.list(Lisp.T));
  }
}
