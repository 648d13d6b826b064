package pdmacs.lisp;

/**
 * A Lisp record (GNU Emacs 25 and later): a fixed-size array of slots whose slot 0 is its type.
 * cl-defstruct objects are records. The type is usually a symbol; when it is itself a record of
 * two slots or more (an EIEIO class object), slot 1 of that record names the type.
 */
public final class Record {
  /** Emacs's limit: a record has at most this many slots, the type slot included. */
  public static final int MAX_SLOTS = 4095;

  /** Slot 0 is the type; there is always at least that slot. */
  public final Object[] slots;

  public Record(Object[] slots) {
    if (slots.length == 0) throw new IllegalArgumentException("a record needs its type slot");
    this.slots = slots;
  }

  public int length() {
    return slots.length;
  }

  /** What type-of returns for this record. */
  public Object typeName() {
    Object type = slots[0];
    if (type instanceof Record && ((Record) type).slots.length > 1) return ((Record) type).slots[1];
    return type;
  }
}
