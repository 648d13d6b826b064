package pdmacs.subr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pdmacs.lisp.Lisp;
import pdmacs.lisp.Record;
import pdmacs.read.Reader;
import pdmacs.runtime.Runtime;

/**
 * Records (cl-defstruct objects): the Record type and the built-ins that make, inspect and
 * compare them, on the bare runtime. Expectations are what GNU Emacs 28 prints (see
 * {@link EmacsCases}); test/conformance/38-records.el has many more forms.
 */
class RecordsTest {
  @Test
  void typeNameIsSlotZeroOrTheClassName() {
    Object point = Lisp.intern("point");
    assertSame(point, new Record(new Object[] {point, 1L}).typeName());
    Record clazz = new Record(new Object[] {Lisp.intern("class"), point});
    assertSame(point, new Record(new Object[] {clazz, 2L}).typeName());
    Record bare = new Record(new Object[] {Lisp.intern("class")});
    assertSame(bare, new Record(new Object[] {bare}).typeName());
  }

  @Test
  void aRecordAlwaysHasItsTypeSlot() {
    assertThrows(IllegalArgumentException.class, () -> new Record(new Object[0]));
  }

  @Test
  void readerSharesLabelledSlots() {
    Runtime.init();
    Record r = (Record) new Reader("#1=#s(node #1# #2=(x) #2#)").read();
    assertSame(r, r.slots[1]);
    assertSame(r.slots[2], r.slots[3]);
    assertEquals(4, r.length());
  }

  @TestFactory
  Stream<DynamicTest> builtins() {
    return EmacsCases.of(
        "(record 'point 1 2)",
        "#s(point 1 2)",
        "(record)",
        "(wrong-number-of-arguments record 0)",
        "(make-record 'point 2 0)",
        "#s(point 0 0)",
        "(make-record 'point -1 0)",
        "(wrong-type-argument wholenump -1)",
        "(make-record 'point 4095 nil)",
        "(error \"Attempt to allocate a record of 4096 slots; max is 4095\")",
        "(list (recordp (record 'a)) (recordp [a]) (vectorp (record 'a)) (sequencep (record 'a)))",
        "(t nil nil nil)",
        "(type-of (record 'point 1))",
        "point",
        "(type-of (record (record 'class 'named) 1))",
        "named",
        "(let ((r (record 'a 1 2))) (aset r 2 'z) (list (aref r 0) (aref r 2) (length r)))",
        "(a z 3)",
        "(aref (record 'a) 1)",
        "(args-out-of-range #s(a) 1)",
        "(elt (record 'a 1) 1)",
        "(wrong-type-argument sequencep #s(a 1))",
        "(let* ((r (record 'a (list 1))) (c (copy-sequence r))) (list c (eq r c) (eq (aref r 1) (aref c 1))))",
        "(#s(a (1)) nil t)",
        "(list (equal (record 'a \"x\") (record 'a \"x\")) (equal (record 'a 1) [a 1]))",
        "(t nil)",
        "(= (sxhash-equal (record 'a \"x\")) (sxhash-equal (record 'a \"x\")))",
        "t",
        "(mapcar #'identity (record 'a 1 2))",
        "nil",
        "(read \"#s(point 1 2)\")",
        "#s(point 1 2)",
        "(read \"#s()\")",
        "(wrong-type-argument wholenump -1)",
        "(read \"#s(a . #1=(b c . #1#))\")",
        "(circular-list (c b c b . #2))",
        "(let ((print-length 1)) (prin1-to-string (record 'a 1 2)))",
        "\"#s(a ...)\"",
        "(let ((r (record 'a 1))) (aset r 1 r) (prin1-to-string r))",
        "\"#s(a #0)\"",
        "(let ((print-circle t) (r (record 'a 1))) (aset r 1 r) (prin1-to-string r))",
        "\"#1=#s(a #1#)\"");
  }
}
