#!/bin/sh
# Regenerates a golden JUnit test from a forms file, asking GNU Emacs for each expectation.
# Usage: mk.sh NAME CLASS DOC  (reads NAME.forms, and NAME.imports / NAME.extra if present;
# writes $OUT_DIR/CLASS.java, by default into src/test/java/pdmacs/subr).
set -e
forms=$1; class=$2; doc=$3
here=$(dirname "$0")
out_dir=${OUT_DIR:-$here/../java/pdmacs/subr}
emacs -Q --batch -l "$here/print-outcomes.el" "$here/$forms.forms" > "$here/$forms.out.tmp"
{
  echo "package pdmacs.subr;"
  echo
  if [ -f "$here/$forms.imports" ]; then
    cat "$here/$forms.imports"
  else
    echo "import java.util.stream.Stream;"
    echo "import org.junit.jupiter.api.DynamicTest;"
    echo "import org.junit.jupiter.api.TestFactory;"
  fi
  echo
  echo "/**"
  echo " * $doc"
  echo " * Expectations are what GNU Emacs 28 prints for the same forms (see {@link EmacsCases})."
  echo " */"
  echo "class $class {"
  python3 "$here/gen.py" "$here/$forms.out.tmp"
  [ -f "$here/$forms.extra" ] && cat "$here/$forms.extra"
  echo "}"
} > "$out_dir/$class.java"
rm -f "$here/$forms.out.tmp"
