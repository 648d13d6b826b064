/** The floor: a bare JVM that prints one line, for start-up comparisons. */
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
