package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The constructors of alloc.c.
 * Expectations are what GNU Emacs 28 prints for the same forms (see {@link EmacsCases}).
 */
class AllocTest {
  @TestFactory
  Stream<DynamicTest> constructors() {
    return EmacsCases.of(
        "(cons 1 2)",
        "(1 . 2)",
        "(funcall 'cons 1)",
        "(wrong-number-of-arguments #<subr cons> 1)",
        "(list 1 2 3)",
        "(1 2 3)",
        "(list)",
        "nil",
        "(make-list 3 'a)",
        "(a a a)",
        "(make-list 0 'a)",
        "nil",
        "(make-list -1 'a)",
        "(wrong-type-argument wholenump -1)",
        "(make-list 'a 'a)",
        "(wrong-type-argument wholenump a)",
        "(make-vector 2 'x)",
        "[x x]",
        "(make-vector 0 'x)",
        "[]",
        "(make-vector -1 'x)",
        "(wrong-type-argument wholenump -1)",
        "(make-vector 1.0 'x)",
        "(wrong-type-argument wholenump 1.0)",
        "(vector 1 \"a\" 'b)",
        "[1 \"a\" b]",
        "(vector)",
        "[]");
  }

  @TestFactory
  Stream<DynamicTest> strings() {
    return EmacsCases.of(
        "(make-string 3 ?a)",
        "\"aaa\"",
        "(multibyte-string-p (make-string 3 ?a))",
        "nil",
        "(make-string 3 ?a t)",
        "\"aaa\"",
        "(multibyte-string-p (make-string 3 ?a t))",
        "t",
        "(make-string 2 ?\351)",
        "\"\351\351\"",
        "(multibyte-string-p (make-string 2 200))",
        "t",
        "(make-string 0 ?x)",
        "\"\"",
        "(make-string -1 ?a)",
        "(wrong-type-argument wholenump -1)",
        "(make-string 2 'a)",
        "(wrong-type-argument characterp a)",
        "(make-string 2 -1)",
        "(wrong-type-argument characterp -1)",
        "(string ?a ?b)",
        "\"ab\"",
        "(string)",
        "\"\"",
        "(string ?a ?\u65e5)",
        "\"a\u65e5\"",
        "(multibyte-string-p (string 200))",
        "t",
        "(multibyte-string-p (string ?a))",
        "nil",
        "(string ?a 'b)",
        "(wrong-type-argument characterp b)",
        "(string -1)",
        "(wrong-type-argument characterp -1)");
  }

  @TestFactory
  Stream<DynamicTest> boolvectors() {
    return EmacsCases.of(
        "(make-bool-vector 3 t)",
        "#&3\"\007\"",
        "(make-bool-vector 10 t)",
        "#&10\"\\377\003\"",
        "(make-bool-vector 20 nil)",
        "#&20\"\000\000\000\"",
        "(make-bool-vector 0 t)",
        "#&0\"\"",
        "(make-bool-vector -1 t)",
        "(wrong-type-argument wholenump -1)",
        "(make-bool-vector 'a t)",
        "(wrong-type-argument wholenump a)",
        "(bool-vector t nil t t)",
        "#&4\"\015\"",
        "(bool-vector nil 1 nil nil nil nil nil nil 'x)",
        "#&9\"\002\001\"",
        "(bool-vector)",
        "#&0\"\"");
  }

  @TestFactory
  Stream<DynamicTest> misc() {
    return EmacsCases.of(
        "(purecopy \"abc\")",
        "\"abc\"",
        "(let ((x (list 1))) (eq x (purecopy x)))",
        "t",
        "(listp (garbage-collect))",
        "t",
        "(funcall 'garbage-collect 1)",
        "(wrong-number-of-arguments #<subr garbage-collect> 1)");
  }

}
