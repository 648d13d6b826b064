package pdmacs.print;

/** A Lisp object that has no read syntax and prints as #<...> (streams, handles). */
public interface PrintableObject {
  String printedRepresentation();
}
