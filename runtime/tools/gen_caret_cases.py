#!/usr/bin/env python3
"""Print the unit test cases of the traceback caret renderers, recorded from CPython 3.11.

`frames` (the default): each program below is written to a file, compiled with that file name and run; it must raise.
For every frame of its traceback that is in the file, the script prints two Rust `check(...)`
lines for `runtime/src/vm/traceback/carets.rs`: the frame's raw source line (as the file has it,
without the line break), the position of the instruction the frame stopped at (from
`co_positions()`), and the lines CPython printed under the frame's `File` line, once as the
interpreter's display prints them (`sys.__excepthook__`, the C code that prints the uncaught
exception of a script) and once as the `traceback` module formats them.

`syntax`: each SyntaxError below is printed by both printers, and the script prints `check(...)`
lines for `runtime/src/vm/traceback/syntax_error.rs` with the exception's attributes and what
was printed before the final `Type: msg` line.

Usage: python3.11 runtime/tools/gen_caret_cases.py [frames|syntax] > cases.txt (then paste the
lines into the tests)
"""

import io
import os
import sys
import tempfile
import traceback

if sys.version_info[:2] != (3, 11):
    sys.exit("run this with CPython 3.11")

PROGRAMS = [
    # Binary operations: the operator anchors `~~~^~~~`.
    "a = None\nx = a + 1\n",
    "a = None\nx = a+1\n",
    "a = None\na + 1\n",
    "a = None\nx = a // 2\n",
    "a = None\nx = a ** 2\n",
    "a = None\nx = (a) + 1\n",
    "a = None\nx = (a)+1\n",
    "a = None\nx = (a)//1\n",
    "a = None\nx = (a) //1\n",
    "a = None\nx = ((a)) + ((a))\n",
    "a = None\nx = 1 + (a)  *  2\n",
    "a = None\nx = (a)\t+1\n",
    "a = None\nx = a\t+ 1\n",
    "a = None\nx = a + 1 + 2\n",
    "a = None\nx = f'{a + 1}'\n",
    # Subscripts: the brackets anchor `~^^^`.
    "a = None\nx = a[1]\n",
    "a = None\nx = a [1]\n",
    "a = None\nx = a[1 ]\n",
    "a = None\nx = (a)[1]\n",
    "a = None\nx = a[(1)]\n",
    "a = None\nx = a[1:2, 3]\n",
    "a = None\nb = a[ 1 : 2 ] ; c = 1\n",
    "a = None\na[1]\n",
    "d = {}\nx = d['key']\n",
    "d = {}\nx = d[[1][0]]\n",
    "a = None\ndel a[1]\n",
    "a = None\na[1] = 2\n",
    # Non-ASCII text: bytes become characters, wide characters count two columns.
    'y = None\nx = "日本" + y\n',
    'y = None\nx = "éé" + y; w = 1\n',
    "y = None\nx = '日本語' + y[0]\n",
    'a = None\nx = "é" + a["é"]\n',
    'y = None\nz = ("日本語日本語" +\n  y)\n',
    'y = None\nz = ("éééé" +\n  y)\n',
    'def f(*a):\n    raise ValueError\nx = f("日本")\n',
    # Calls, whole lines and multi-line ranges.
    "def f():\n    raise ValueError\nf()\n",
    "def f():\n    raise ValueError\nx = f()\n",
    "def f(*a):\n    raise ValueError\nx = f(1,\n      2)\n",
    "def f(*a):\n    raise ValueError\nx = f(1,   \n      2)\n",
    'def f(*a):\n    raise ValueError\nx = f("é",          \n  1)\n',
    "class C:\n    def m(self):\n        raise ValueError\nc = C()\nx = c.m()\n",
    "class C:\n    def m(self):\n        raise ValueError\nc = C()\nx = (c\n  .m())\n",
    "a = None\nx = (a\n  .b)\n",
    "a = 1\nx = a.b\n",
    "a = None\nx = (\na\n)[\n1]\n",
    "a = None\nx = (a  # c\n  + 1)\n",
    # Indentation, tabs, form feeds and trailing white space.
    "def f(a):\n\tif 1:\n\t\treturn a[0] + 1\nf(None)\n",
    "def f(a):\n    return a\t+ 1\nf(None)\n",
    "def f(a):\n\x0c    return a + 1\nf(None)\n",
    "def f(a, b):\n    return (a) + b   \nf(None, 1)\n",
    "def f():\n    raise ValueError   \nf()\n",
    "def f(a):\n    return a + 1\nf(None)",
    # Other constructs.
    "a, b = None, 1\nx = a < b\n",
    "x = 2\nassert x == 1\n",
    "for i in 5:\n    pass\n",
    "import math\nx = math.nope\n",
    "x = undefined_name\n",
    "def g():\n    yield 1\nit = g()\nit.throw(ValueError)\n",
    "def g():\n    x = yield 1\nit = g()\nnext(it)\nit.throw(ValueError)\n",
]


def rust_str(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def frame_blocks(text):
    """The lines under each `File` line of a printed traceback, in order."""
    blocks = []
    for line in text.splitlines(True):
        if line.startswith('  File "'):
            blocks.append("")
        elif blocks and line.startswith("    "):
            blocks[-1] += line
    return blocks


def run(number, source, workdir):
    path = os.path.join(workdir, f"case{number}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    code = compile(source, path, "exec")
    try:
        exec(code, {"__name__": "__main__"})
    except Exception as exc:  # noqa: BLE001 - every program raises something.
        err = exc
    else:
        raise SystemExit(f"program {number} did not raise")
    tb = err.__traceback__.tb_next  # Drop this script's frame.
    err.__traceback__ = tb
    buffer, saved = io.StringIO(), sys.stderr
    sys.stderr = buffer
    try:
        sys.__excepthook__(type(err), err, tb)
    finally:
        sys.stderr = saved
    printed = {"Interpreter": buffer.getvalue(), "Module": "".join(traceback.format_exception(err))}
    entries = list(traceback.walk_tb(tb))
    lines = source.split("\n")
    cases = []
    for printer, text in printed.items():
        blocks = frame_blocks(text)
        assert len(blocks) == len(entries), (number, printer, text)
        for (frame, lineno), block in zip(entries, blocks):
            if frame.f_code.co_filename != path:
                continue
            index = next(i for i, (f, _) in enumerate(entries) if f is frame)
            tb_entry = tb
            for _ in range(index):
                tb_entry = tb_entry.tb_next
            start, end, col, end_col = list(frame.f_code.co_positions())[tb_entry.tb_lasti // 2]
            start = lineno if start is None else start
            end = start if end is None else end
            cols = "None" if col is None or end_col is None else f"Some(({col}, {end_col}))"
            raw = lines[lineno - 1]
            cases.append(
                f"check({printer}, {rust_str(raw)}, ({start}, {end}, {cols}), {rust_str(block)});"
            )
    return cases


# (class, filename, lineno, offset, text, end_lineno, end_offset)
SYNTAX_ERRORS = [
    (SyntaxError, "<cell 1>", 1, 5, "x = $\n", 1, 6),
    (SyntaxError, "<cell 1>", 1, 5, "x = (1,\n", 1, 0),
    (SyntaxError, "<cell 1>", 2, 9, "    y = 1 +\n", 2, 12),
    (SyntaxError, "<cell 1>", 1, 1, "print 'x'\n", 1, 10),
    (SyntaxError, "<cell 1>", 1, 5, "x = $", 1, 6),
    (SyntaxError, "<cell 1>", 1, 5, "x = 'é' $\n", 1, 6),
    (SyntaxError, "<cell 1>", 1, 9, "x = 'é' $\n", 1, 10),
    (SyntaxError, "<cell 1>", 1, 3, "\tx = $\n", 1, 7),
    (SyntaxError, "<cell 1>", 1, 2, "\x0c x = $\n", 1, 3),
    (SyntaxError, "<cell 1>", 1, 5, "x = (\n", 3, 1),
    (SyntaxError, "<cell 1>", 1, 5, "x = y\n", 1, 99),
    (SyntaxError, "<cell 1>", 1, 5, "x = y\n", 1, -1),
    (SyntaxError, "<cell 1>", 1, 5, "x = y\n", 1, 3),
    (SyntaxError, "<cell 1>", 1, 2, "    x\n", 1, 4),
    (SyntaxError, "<cell 1>", 1, 99, "x = y\n", 1, 100),
    (SyntaxError, "<cell 1>", 1, None, "x = y\n", 1, None),
    (SyntaxError, "<cell 1>", 1, 3, None, 1, 4),
    (SyntaxError, None, 1, 3, "x = y\n", 1, 4),
    (SyntaxError, "<cell 1>", 2, 8, "x = 1\ny = 2 $\n", 2, 9),
    (IndentationError, "<cell 1>", 2, 1, "yield 1\n", 2, 6),
    (IndentationError, "<cell 1>", 2, 4, "    y = 2\n", 2, -1),
    (IndentationError, "<cell 1>", 1, 9, "if True:\n", 1, -1),
    (TabError, "<cell 1>", 3, 1, "\treturn x\n", 3, 0),
]


def syntax_cases():
    cases = []
    for cls, filename, lineno, offset, text, end_lineno, end_offset in SYNTAX_ERRORS:
        err = cls("msg", (filename, lineno, offset, text, end_lineno, end_offset))
        buffer, saved = io.StringIO(), sys.stderr
        sys.stderr = buffer
        try:
            sys.__excepthook__(cls, err, None)
        finally:
            sys.stderr = saved
        printed = {
            "Interpreter": buffer.getvalue(),
            "Module": "".join(traceback.format_exception_only(cls, err)),
        }
        rust = lambda v: "None" if v is None else f"Some({rust_str(v) if isinstance(v, str) else v})"  # noqa: E731
        details = (
            f"d({rust(filename)}, {rust(lineno)}, {rust(offset)}, {rust(end_lineno)}, "
            f"{rust(end_offset)}, {rust(text)}, {str(cls is SyntaxError).lower()})"
        )
        for printer, out in printed.items():
            before = out[: out.rstrip("\n").rfind("\n") + 1]
            cases.append(f"check({printer}, {details}, {rust_str(before)});")
    return cases


def frame_cases():
    cases = []
    with tempfile.TemporaryDirectory(prefix="coro-carets-") as workdir:
        for number, source in enumerate(PROGRAMS):
            cases.extend(run(number, source, workdir))
    return cases


def main(argv):
    seen = set()
    cases = syntax_cases() if argv[:1] == ["syntax"] else frame_cases()
    for case in cases:
        if case not in seen:
            seen.add(case)
            print(case)


main(sys.argv[1:])
