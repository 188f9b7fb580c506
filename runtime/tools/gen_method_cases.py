#!/usr/bin/env python3
"""Print data-driven unit test cases for the methods of the builtin types, recorded from CPython.

Each input line is a Python call `RECEIVER.METHOD(ARGS)`; the script evaluates it with CPython 3.11
and prints a Rust `check(...)` line whose expected text is what CPython gives: the repr of the
result, or `ExceptionType: message`. The receiver and the arguments must be literals of the
types the Rust helpers build (str, bytes, int, float, bool, None, range, slice, and tuples,
lists, sets and dicts of those).

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
    if isinstance(v, range):
        return f"rng({v.start}, {v.stop}, {v.step})"
    if isinstance(v, slice):
        return f"sl({rust(v.start)}, {rust(v.stop)}, {rust(v.step)})"
    if isinstance(v, dict):
        return "d(vec![" + ", ".join(f"({rust(k)}, {rust(x)})" for k, x in v.items()) + "])"
    raise TypeError(type(v))


def set_items(node):
    """The items of a set display in the order CPython inserts them into the set it builds.

    A display of three or more constants compiles to a frozenset constant, which the compiler
    builds from a set of the items (so in that set's iteration order); the display then copies
    its table. Other displays insert their items in source order (BUILD_SET)."""
    if len(node.elts) >= 3 and all(isinstance(e, ast.Constant) for e in node.elts):
        first = set()
        for e in node.elts:
            first.add(e.value)
        return [rust(v) for v in first]
    return [rust_node(e) for e in node.elts]


def rust_node(node):
    """Like `rust`, but a set display lists its items in the order CPython inserts them (its
    iteration order may differ)."""
    if isinstance(node, ast.Set):
        return "set(vec![" + ", ".join(set_items(node)) + "])"
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "frozenset"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Set)
    ):
        return "fset(vec![" + ", ".join(set_items(node.args[0])) + "])"
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("keys", "items", "values")
        and isinstance(node.func.value, ast.Dict)
    ):
        return f'view({rust_node(node.func.value)}, "{node.func.attr}")'
    if isinstance(node, ast.Name) and node.id in ("int", "float", "str", "bytes", "dict", "set"):
        return f'cls("{node.id}")'
    if isinstance(node, (ast.List, ast.Tuple)):
        maker = "l" if isinstance(node, ast.List) else "t"
        return f"{maker}(vec![" + ", ".join(rust_node(e) for e in node.elts) + "])"
    return rust(eval(ast.unparse(node), {}))


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
    try:
        # Evaluated as written, so the call is a direct method call as in a program.
        result = eval(line, {})
        expect = repr(result)
    except Exception as e:
        expect = f"{type(e).__name__}: {e}"
    kw = ", ".join(f'("{k.arg}", {rust_node(k.value)})' for k in call.keywords)
    print(
        f'    check({rust_node(call.func.value)}, "{call.func.attr}", '
        f'&[{", ".join(rust_node(a) for a in call.args)}], &[{kw}], {rust_str(expect)});'
    )
