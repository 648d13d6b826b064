package pdmacs.subr;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Time values, time arithmetic, format-time-string, decode/encode-time and the process facts of emacs.c.
 *
 * <p>Each expectation is what GNU Emacs 28 ({@code emacs -Q --batch}) prints for the form (for
 * a signal, the {@code (ERROR-SYMBOL . DATA)} that condition-case binds).
 */
class TimeTest {
  static final String[][] CASES = {
      {"(time-add 1 2)", "3"},
      {"(time-add 1 2.5)", "(0 3 500000 0)"},
      {"(time-add '(1 2) 3)", "65541"},
      {"(time-add '(1 2 3 4) '(0 1))", "(1 3 3 4)"},
      {"(time-add '(5 . 10) 1)", "(3 . 2)"},
      {"(time-subtract 10 3)", "7"},
      {"(time-subtract '(1 2 3) '(0 5))", "(0 65533 3 0)"},
      {"(time-subtract 1.5 '(0 1))", "(0 0 500000 0)"},
      {"(time-less-p 1 2)", "t"},
      {"(time-less-p '(0 3) 2.5)", "nil"},
      {"(time-equal-p 1 1.0)", "t"},
      {"(time-equal-p '(0 1) 1)", "t"},
      {"(time-equal-p nil nil)", "t"},
      {"(time-add 'a 1)", "(error \"Invalid time specification\")"},
      {"(time-add '(1 . 0) 1)", "(error \"Invalid time specification\")"},
      {"(float-time '(1 2 3 4))", "65538.00000300001"},
      {"(float-time 5)", "5.0"},
      {"(float-time '(1 . 4))", "0.25"},
      {"(float-time 'x)", "(error \"Invalid time specification\")"},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z %a %b %s\" 0 t)", "\"1970-01-01 00:00:00 GMT +0000 Thu Jan 0\""},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z %a %A %B %b %s %j %e %y %p %I %%\" 1700000000 t)", "\"2023-11-14 22:13:20 GMT +0000 Tue Tuesday November Nov 1700000000 318 14 23 PM 10 %\""},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z\" 1700000000 \"JST-9\")", "\"2023-11-15 07:13:20 JST +0900\""},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z\" 1700000000 3600)", "\"2023-11-14 23:13:20 +01 +0100\""},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z\" 1700000000 \"Europe/Paris\")", "\"2023-11-14 23:13:20 CET +0100\""},
      {"(format-time-string \"%Y-%m-%d %H:%M:%S %Z %z\" 1690000000 \"Europe/Paris\")", "\"2023-07-22 06:26:40 CEST +0200\""},
      {"(format-time-string \"%3N|%N|%6N\" 1.5 t)", "\"500|500000000|500000\""},
      {"(format-time-string \"%F %T %D %R\" 1700000000 t)", "\"2023-11-14 22:13:20 11/14/23 22:13\""},
      {"(format-time-string \"%-d %_m %05Y %^a %10A|%-10B|\" 1700000000 t)", "\"14 11 02023 TUE    Tuesday|November|\""},
      {"(format-time-string \"%:z %k %l %u %w %V %G %C\" 1700000000 -19800)", "\"-05:30 16  4 2 2 46 2023 20\""},
      {"(format-time-string 'a)", "(wrong-type-argument stringp a)"},
      {"(current-time-string 1700000000 t)", "\"Tue Nov 14 22:13:20 2023\""},
      {"(current-time-string 0 t)", "\"Thu Jan  1 00:00:00 1970\""},
      {"(current-time-zone 0 t)", "(0 \"GMT\")"},
      {"(current-time-zone 0 3600)", "(3600 \"+01\")"},
      {"(current-time-zone 1700000000 \"Europe/Paris\")", "(3600 \"CET\")"},
      {"(integerp (emacs-pid))", "t"},
      {"(stringp (system-name))", "t"},
      {"(integerp (user-uid))", "t"},
      {"(sleep-for 0.01)", "nil"},
      {"(sleep-for 0 5)", "nil"},
      {"(sleep-for 'a)", "(wrong-type-argument numberp a)"},
      {"(time-convert 1.5 'list)", "(0 1 500000 0)"},
      {"(time-convert '(1 2 3 4) 'integer)", "65538"},
      {"(time-convert 1 1000)", "(1000 . 1000)"},
      {"(time-convert '(0 1 500000) 10)", "(15 . 10)"},
      {"(decode-time 1700000000 t)", "(20 13 22 14 11 2023 2 nil 0)"},
      {"(decode-time 1700000000 \"Europe/Paris\")", "(20 13 23 14 11 2023 2 nil 3600)"},
      {"(decode-time 1690000000 \"Europe/Paris\")", "(40 26 6 22 7 2023 6 t 7200)"},
      {"(decode-time 1700000000 3600)", "(20 13 23 14 11 2023 2 nil 3600)"},
      {"(decode-time '(0 0 500000) t)", "(0 0 0 1 1 1970 4 nil 0)"},
      {"(decode-time 'x t)", "(error \"Invalid time specification\")"},
      {"(encode-time '(20 13 22 14 11 2023 2 nil 0))", "(25939 61696)"},
      {"(encode-time '(20 13 22 14 11 2023 nil nil t))", "(25939 61696)"},
      {"(encode-time '(0 0 0 1 13 2023 nil nil t))", "(26002 128)"},
      {"(encode-time '(0 0 0 0 1 2023 nil nil 3600))", "(25519 28016)"},
      {"(encode-time '(0 0 12 1 7 2023 nil -1 \"Europe/Paris\"))", "(25759 63776)"},
      {"(encode-time 0 0 0 1 1 1970 t)", "(0 0)"},
      {"(encode-time '(a 0 0 1 1 1970 nil nil t))", "(error \"Invalid time specification\")"},
      {"(encode-time '(1 2 3))", "(wrong-type-argument consp nil)"},
      {"(encode-time 1)", "(wrong-type-argument consp 1)"}
  };

  @TestFactory
  Stream<DynamicTest> sameAsEmacs() {
    return LispForms.cases(CASES);
  }
}
