package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * format and format-message: every conversion, flags, width, precision, field numbers and errors.
 *
 * <p>Each expectation is what GNU Emacs 28 ({@code emacs -Q --batch}) prints for the form (for
 * a signal, the {@code (ERROR-SYMBOL . DATA)} that condition-case binds).
 */
class FormatTest {
  static final String[][] CASES = {
      {"(format \"%d|%5d|%-5d|%05d|%+d|% d|%.3d|%5.3d|%-05d\" 42 42 42 42 42 42 42 42 42)", "\"42|   42|42   |00042|+42| 42|042|  042|42   \""},
      {"(format \"%x|%X|%o|%#x|%#X|%#o|%x|%o\" 255 255 8 255 255 8 -255 -8)", "\"ff|FF|10|0xff|0XFF|010|-ff|-10\""},
      {"(format \"%s|%S|%5s|%-5s|%.2s|%5.1s\" \"abc\" \"abc\" \"ab\" \"ab\" \"abcdef\" \"xyz\")", "\"abc|\\\"abc\\\"|   ab|ab   |ab|    x\""},
      {"(format \"%s %S %s %S\" 'a\\ b 'a\\ b 1.5 ?x)", "\"a b a\\\\ b 1.5 120\""},
      {"(format \"%f|%.2f|%10.3f|%-10.1f|%+f|% f|%010.2f|%#.0f|%.0f|%.0f\" 3.14159 3.14159 3.14159 3.14159 1.0 1.0 -3.14159 2.0 2.5 3.5)", "\"3.141590|3.14|     3.142|3.1       |+1.000000| 1.000000|-000003.14|2.|2|4\""},
      {"(format \"%e|%.2e|%12.3e|%#.0e|%e\" 12345.678 0.000123 -5.5 3.0 0.0)", "\"1.234568e+04|1.23e-04|  -5.500e+00|3.e+00|0.000000e+00\""},
      {"(format \"%E\" 1.0)", "(error \"Invalid format operation %E\")"},
      {"(format \"%g|%g|%g|%g|%g|%g|%.3g|%#g|%#.3g|%g\" 100000.0 1000000.0 0.0001 0.00001 1.5 -0.0 3.14159 1.0 1.0 1e100)", "\"100000|1e+06|0.0001|1e-05|1.5|-0|3.14|1.00000|1.00|1e+100\""},
      {"(format \"%c|%3c|%-3c|\" ?a ?b ?c)", "\"a|  b|c  |\""},
      {"(format \"%d\" 3.7)", "\"3\""},
      {"(format \"%d\" -3.7)", "\"-3\""},
      {"(format \"%d\" \"a\")", "(error \"Format specifier doesn’t match argument type\")"},
      {"(format \"%c\" \"a\")", "(error \"Format specifier doesn’t match argument type\")"},
      {"(format \"%f\" \"a\")", "(error \"Format specifier doesn’t match argument type\")"},
      {"(format \"%x\" 1.5)", "\"1\""},
      {"(format \"%d %d\" 1)", "(error \"Not enough arguments for format string\")"},
      {"(format \"%q\" 1)", "(error \"Invalid format operation %q\")"},
      {"(format \"%\")", "(error \"Format string ends in middle of format specifier\")"},
      {"(format \"%5\")", "(error \"Format string ends in middle of format specifier\")"},
      {"(format \"abc%\")", "(error \"Format string ends in middle of format specifier\")"},
      {"(format 1)", "(wrong-type-argument stringp 1)"},
      {"(format \"%2$s %1$s %s\" 'a 'b)", "\"b a b\""},
      {"(format \"%1$s %1$s\" 'a)", "\"a a\""},
      {"(format \"%3$s\" 'a)", "(error \"Not enough arguments for format string\")"},
      {"(format \"%d\" 123456789012345678901234567890)", "\"123456789012345678901234567890\""},
      {"(format \"%x\" 123456789012345678901234567890)", "\"18ee90ff6c373e0ee4e3f0ad2\""},
      {"(format \"%f\" 123456789012345678901234567890)", "\"123456789012345677877719597056.000000\""},
      {"(format \"%e\" 3)", "\"3.000000e+00\""},
      {"(format \"%s\" 1e+INF)", "\"1.0e+INF\""},
      {"(format \"%f|%e|%g|%d\" 1.0e+INF -1.0e+INF 0.0e+NaN 1)", "\"inf|-inf|nan|1\""},
      {"(format \"%d\" 1.0e+INF)", "\"inf\""},
      {"(format \"%5s|%-5S|\" 1.5 \"a\")", "\"  1.5|\\\"a\\\"  |\""},
      {"(format \"%.1s\" 1.5)", "\"1\""},
      {"(format \"%.3s\" 12345)", "\"123\""},
      {"(format \"%05s\" \"ab\")", "\"   ab\""},
      {"(format \"%+s\" \"ab\")", "\"ab\""},
      {"(format \"% 5d|%+5d\" 3 -3)", "\"    3|   -3\""},
      {"(format \"%-+6.2f|\" 2.0)", "\"+2.00 |\""},
      {"(format \"%.10g\" 0.1)", "\"0.1\""},
      {"(format \"%.17g\" 0.1)", "\"0.10000000000000001\""},
      {"(format \"%.20f\" 0.1)", "\"0.10000000000000000555\""},
      {"(format \"%g\" 123456789.0)", "\"1.23457e+08\""},
      {"(format \"%g\" 1.0e-5)", "\"1e-05\""},
      {"(format \"%g\" 12345.6789)", "\"12345.7\""},
      {"(format \"%%|%5%|%-%\")", "\"%|%|%\""},
      {"(format \"%s\" '(1 \"a\" b))", "\"(1 a b)\""},
      {"(format \"%S\" '(1 \"a\" b))", "\"(1 \\\"a\\\" b)\""},
      {"(format \"%s\" nil)", "\"nil\""},
      {"(format \"abc\")", "\"abc\""},
      {"(format \"%c\" 955)", "\"λ\""},
      {"(format \"%c\" -1)", "(wrong-type-argument characterp -1)"},
      {"(format \"%.2c\" ?a)", "\"a\""},
      {"(format \"%s\" \"é\")", "\"é\""},
      {"(format \"%3s|\" \"é\")", "\"  é|\""},
      {"(format \"%-10s|\" \"中文\")", "\"中文      |\""},
      {"(format \"%o\" 123456789012345678901234567890)", "\"143564417755415637016711617605322\""},
      {"(format \"%#x|%#o\" 0 0)", "\"0|0\""},
      {"(format \"%.0e\" 12345.0)", "\"1e+04\""},
      {"(format \"%.3f\" 2.0005)", "\"2.001\""},
      {"(format \"%.2f\" 2.675)", "\"2.67\""},
      {"(format \"%.1f\" 0.05)", "\"0.1\""},
      {"(format \"%10.4g|\" 3.14159)", "\"     3.142|\""},
      {"(format \"%-10.4g|\" 3.14159)", "\"3.142     |\""},
      {"(format \"%010.4g|\" -3.14159)", "\"-00003.142|\""},
      {"(format \"%.0g\" 0.5)", "\"0.5\""},
      {"(format \"%d\" most-positive-fixnum)", "\"2305843009213693951\""},
      {"(format \"%5.2s|\" \"abc\")", "\"   ab|\""},
      {"(format \"%s and %s\" \"a\")", "(error \"Not enough arguments for format string\")"},
      {"(format-message \"`foo' %s\" \"`bar'\")", "\"‘foo’ `bar'\""},
      {"(let ((text-quoting-style 'grave)) (format-message \"`foo'\"))", "\"`foo'\""},
      {"(let ((text-quoting-style 'straight)) (format-message \"`foo'\"))", "\"'foo'\""},
      {"(format \"`foo'\")", "\"`foo'\""},
      {"(format-message \"%s\")", "(error \"Not enough arguments for format string\")"},
      {"(format \"%S\" \"a\\nb\")", "\"\\\"a\nb\\\"\""},
      {"(format \"%-5c|\" ?x)", "\"x    |\""},
      {"(format \"%x\" -0.5)", "\"0\""},
      {"(format \"%X\" 48879)", "\"BEEF\""},
      {"(format \"%#5x|%-#8o|\" 255 8)", "\" 0xff|010     |\""},
      {"(format \"%+.3e\" 1234.5)", "\"+1.234e+03\""},
      {"(format \"% .3e\" 1234.5)", "\" 1.234e+03\""},
      {"(format \"%#g\" 123456.0)", "\"123456.\""},
      {"(format \"%#g\" 0.0)", "\"0.00000\""},
      {"(format \"%g\" 1e-4)", "\"0.0001\""},
      {"(format \"%.15g\" 1e22)", "\"1e+22\""},
      {"(format \"%f\" 1e22)", "\"10000000000000000000000.000000\""},
      {"(format \"%d\" -0.0)", "\"0\""},
      {"(format \"%e\" 1e-310)", "\"1.000000e-310\""}
  };

  @TestFactory
  Stream<DynamicTest> sameAsEmacs() {
    return LispForms.cases(CASES);
  }
}
