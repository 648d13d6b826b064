"""Turns print-outcomes.el's output into JUnit @TestFactory methods, one per section.

Strings become Java literals: printable ASCII as is, other characters as escapes, so the
generated source is plain ASCII whatever Emacs printed.
"""
import sys


def java_literal(code_points):
    out = []
    for c in code_points:
        if c == 0x22:
            out.append('\\"')
        elif c == 0x5c:
            out.append('\\\\')
        elif 0x20 <= c < 0x7f:
            out.append(chr(c))
        elif c < 0x100:
            out.append('\\%03o' % c)
        elif c <= 0xffff:
            out.append('\\u%04x' % c)
        elif c <= 0x10ffff:
            units = chr(c).encode('utf-16-be')
            out.append('\\u%02x%02x\\u%02x%02x' % tuple(units))
        else:
            raise SystemExit('raw byte character %x in the printed output' % c)
    return '"' + ''.join(out) + '"'


sections = []
form = None
for line in open(sys.argv[1]):
    kind, _, rest = line.rstrip('\n').partition(' ')
    if kind == 'S':
        sections.append((rest, []))
    elif kind == 'F':
        form = [ord(ch) for ch in bytes(int(x) for x in rest.split(',')).decode('utf-8')]
    elif kind == 'R':
        result = [int(x) for x in rest.split(',')] if rest else []
        sections[-1][1].append((form, result))

for name, cases in sections:
    print('  @TestFactory')
    print('  Stream<DynamicTest> %s() {' % name)
    print('    return EmacsCases.of(')
    pairs = ['        %s,\n        %s' % (java_literal(f), java_literal(r)) for f, r in cases]
    print(',\n'.join(pairs) + ');')
    print('  }')
    print()
