package pdmacs.subr;

import pdmacs.lisp.Cons;
import pdmacs.lisp.LispSignal;
import pdmacs.lisp.Q;

import static pdmacs.lisp.Lisp.list;

/**
 * A cursor over the conses of a list that notices cycles the way GNU Emacs's list walkers do:
 * the position of a "tortoise" is compared with each new tail, and the tortoise jumps forward
 * after 2, 4, 8, ... steps (Brent's algorithm). Following the same schedule matters because the
 * circular-list error carries the tail where the cycle was noticed, and Lisp code sees it.
 */
public final class ListWalk {
  /** The current tail: a cons while {@link #hasCons} is true, then the list's terminator. */
  public Object tail;
  private Object tortoise;
  private long period = 2;
  private long steps;

  public ListWalk(Object list) {
    this.tail = list;
    this.tortoise = list;
  }

  public boolean hasCons() {
    return tail instanceof Cons;
  }

  public Cons cons() {
    return (Cons) tail;
  }

  public Object car() {
    return ((Cons) tail).car;
  }

  /** Moves to the cdr; false when that closed a cycle (the tail is then inside the cycle). */
  public boolean advance() {
    tail = ((Cons) tail).cdr;
    if (++steps == period) {
      period <<= 1;
      steps = 0;
      tortoise = tail;
      return true;
    }
    return tail != tortoise;
  }

  /** Moves to the cdr, signalling circular-list when that closed a cycle. */
  public void next() {
    if (!advance()) throw circular(tail);
  }

  /** Steps taken since the tortoise last moved: the cycle's length once advance() failed. */
  public long stepsSinceTortoise() {
    return steps;
  }

  public static LispSignal circular(Object tail) {
    return new LispSignal(Q.circularList, list(tail));
  }
}
