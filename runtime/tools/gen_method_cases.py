#!/usr/bin/env python3
"""Print data-driven unit test cases for the methods of the builtin types, recorded from CPython.

Each input line is a Python call `RECEIVER.METHOD(ARGS)`; the script evaluates it with CPython 3.11
and prints a Rust `check(...)` line whose expected text is what CPython gives: the repr of the
result, or `ExceptionType: message`. The receiver and the arguments must be literals of the
types the Rust helpers build (str, bytes, int, float, bool, None, and tuples, lists, sets and
dicts of those).

Usage: python3.11 runtime/tools/gen_method_cases.py < cases.txt
"""

import ast
import sys


def rust(v):
    if v is None:
        return "Value::None"
    if isinstance(v, bool):
        return f"Value::Bool({str(v).lower()})"
    if isinstance(v, int):
        if -(2**63) <= v < 2**63:
            return f"i({v})"
        return f'big("{v}")'
    if isinstance(v, float):
        if v != v:
            return "f(f64::NAN)"
        if v in (float("inf"), float("-inf")):
            return "f(f64::INFINITY)" if v > 0 else "f(f64::NEG_INFINITY)"
        return f"f({v!r})"
    if isinstance(v, str):
        return f"s({rust_str(v)})"
    if isinstance(v, bytes):
        return "b(&[" + ", ".join(str(x) for x in v) + "])"
    if isinstance(v, tuple):
        return "t(vec![" + ", ".join(rust(x) for x in v) + "])"
    if isinstance(v, list):
        return "l(vec![" + ", ".join(rust(x) for x in v) + "])"
    if isinstance(v, (set, frozenset)):
        maker = "set" if isinstance(v, set) else "fset"
        return f"{maker}(vec![" + ", ".join(rust(x) for x in v) + "])"
    if isinstance(v, dict):
        return "d(vec![" + ", ".join(f"({rust(k)}, {rust(x)})" for k, x in v.items()) + "])"
    raise TypeError(type(v))


def rust_str(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif 32 <= ord(ch) < 127:
            out += ch
        else:
            out += f"\\u{{{ord(ch):x}}}"
    return out + '"'


for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    call = ast.parse(line, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute), line
    recv = ast.literal_eval(call.func.value)
    args = [ast.literal_eval(a) for a in call.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    try:
        # Evaluated as written, so the call is a direct method call as in a program.
        result = eval(line, {})
        expect = repr(result)
    except Exception as e:
        expect = f"{type(e).__name__}: {e}"
    kw = ", ".join(f'("{k}", {rust(v)})' for k, v in kwargs.items())
    print(
        f'    check({rust(recv)}, "{call.func.attr}", &[{", ".join(rust(a) for a in args)}], '
        f"&[{kw}], {rust_str(expect)});"
    )
