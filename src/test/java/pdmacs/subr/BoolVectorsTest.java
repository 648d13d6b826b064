package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bool-vector set operations of data.c.
 * Expectations are what GNU Emacs 28 prints for the same forms (see {@link EmacsCases}).
 */
class BoolVectorsTest {
  @TestFactory
  Stream<DynamicTest> binary() {
    return EmacsCases.of(
        "(bool-vector-exclusive-or (bool-vector t nil t) (bool-vector t t nil))",
        "#&3\"\006\"",
        "(bool-vector-union (bool-vector t nil t) (bool-vector t t nil))",
        "#&3\"\007\"",
        "(bool-vector-intersection (bool-vector t nil t) (bool-vector t t nil))",
        "#&3\"\001\"",
        "(bool-vector-set-difference (bool-vector t nil t) (bool-vector t t nil))",
        "#&3\"\004\"",
        "(bool-vector-union (make-bool-vector 10 nil) (bool-vector t nil nil nil nil nil nil nil nil t))",
        "#&10\"\001\002\"",
        "(bool-vector-union (bool-vector t nil t) (bool-vector t t))",
        "(wrong-length-argument 3 2)",
        "(bool-vector-exclusive-or (bool-vector t) (bool-vector))",
        "(wrong-length-argument 1 0)",
        "(bool-vector-union (bool-vector t nil t) (bool-vector t t nil) (bool-vector t))",
        "(wrong-length-argument 3 3 1)",
        "(bool-vector-union (bool-vector t nil t) (bool-vector t t nil) (bool-vector t t t))",
        "nil",
        "(bool-vector-union (bool-vector t nil t) (bool-vector t t nil) (bool-vector nil t t))",
        "#&3\"\007\"",
        "(let ((c (bool-vector nil nil nil))) (list (bool-vector-intersection (bool-vector t nil t) (bool-vector t t nil) c) c))",
        "(#&3\"\001\" #&3\"\001\")",
        "(let ((c (bool-vector t nil nil))) (list (bool-vector-set-difference (bool-vector t nil t) (bool-vector t t nil) c) c))",
        "(#&3\"\004\" #&3\"\004\")",
        "(bool-vector-union 1 (bool-vector t))",
        "(wrong-type-argument bool-vector-p 1)",
        "(bool-vector-union (bool-vector t) 1)",
        "(wrong-type-argument bool-vector-p 1)",
        "(bool-vector-union (bool-vector t) (bool-vector t) 1)",
        "(wrong-type-argument bool-vector-p 1)",
        "(funcall 'bool-vector-intersection (bool-vector t))",
        "(wrong-number-of-arguments #<subr bool-vector-intersection> 1)");
  }

  @TestFactory
  Stream<DynamicTest> unary() {
    return EmacsCases.of(
        "(bool-vector-not (bool-vector t nil))",
        "#&2\"\002\"",
        "(bool-vector-not (make-bool-vector 9 nil))",
        "#&9\"\\377\001\"",
        "(bool-vector-not (bool-vector t nil) (bool-vector t nil))",
        "#&2\"\002\"",
        "(let ((b (bool-vector t t))) (list (bool-vector-not (bool-vector t nil) b) b))",
        "(#&2\"\002\" #&2\"\002\")",
        "(bool-vector-not (bool-vector t nil) (bool-vector t))",
        "(wrong-length-argument 2 1)",
        "(bool-vector-not 1)",
        "(wrong-type-argument bool-vector-p 1)",
        "(bool-vector-subsetp (bool-vector t nil) (bool-vector t t))",
        "t",
        "(bool-vector-subsetp (bool-vector t t) (bool-vector t nil))",
        "nil",
        "(bool-vector-subsetp (bool-vector) (bool-vector))",
        "t",
        "(bool-vector-subsetp (bool-vector t t) (bool-vector t))",
        "(wrong-length-argument 2 1 1)",
        "(bool-vector-subsetp 1 (bool-vector t))",
        "(wrong-type-argument bool-vector-p 1)");
  }

  @TestFactory
  Stream<DynamicTest> counting() {
    return EmacsCases.of(
        "(bool-vector-count-consecutive (bool-vector t t nil t) t 0)",
        "2",
        "(bool-vector-count-consecutive (bool-vector t t nil t) nil 2)",
        "1",
        "(bool-vector-count-consecutive (bool-vector t t nil t) nil 4)",
        "0",
        "(bool-vector-count-consecutive (make-bool-vector 100 t) t 3)",
        "97",
        "(bool-vector-count-consecutive (bool-vector t t nil t) 5 0)",
        "2",
        "(bool-vector-count-consecutive (bool-vector t t nil t) nil 5)",
        "(args-out-of-range #&4\"\013\" 5)",
        "(bool-vector-count-consecutive (bool-vector t t nil t) nil -1)",
        "(wrong-type-argument wholenump -1)",
        "(bool-vector-count-consecutive (bool-vector t t nil t) t 'a)",
        "(wrong-type-argument wholenump a)",
        "(bool-vector-count-consecutive 1 t 0)",
        "(wrong-type-argument bool-vector-p 1)",
        "(bool-vector-count-population (bool-vector t t nil t))",
        "3",
        "(bool-vector-count-population (make-bool-vector 77 t))",
        "77",
        "(bool-vector-count-population (bool-vector))",
        "0",
        "(bool-vector-count-population 1)",
        "(wrong-type-argument bool-vector-p 1)");
  }

}
