#!/usr/bin/env python3
"""Records CPython's verdict on Coro's syntax test corpus.

The corpus lives in runtime/tests/syntax/:

- errors.txt: snippets that CPython rejects (or that Coro rejects on purpose). For each one
  this script writes a line to errors.expected with the exception class, message, lineno,
  offset, end_lineno, end_offset, the stage that raised it (the parser, or the compiler after
  a successful ast.parse) and what codeop.compile_command says (complete, incomplete,
  invalid), which is what Jupyter's is_complete follows.
- valid.txt: snippets that CPython accepts. For each one this script writes CPython's AST,
  rendered in the S-expression format of runtime/src/syntax/dump.rs, to valid.expected, and
  the source positions of its statements, expressions, arguments, keywords and aliases to
  valid.spans (one "Kind line:col-end_line:end_col" line per node, byte columns, sorted).

Snippet files: a line "### name [flags]" starts a snippet, which runs up to the next such
line; the snippet's text is the lines in between, joined with newlines, without a final
newline. Flags: "unsupported" marks a snippet CPython accepts and Coro rejects on purpose.

Run it with CPython 3.11: python3.11 tests/record_syntax.py
"""

import ast
import codeop
import pathlib
import sys
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "runtime" / "tests" / "syntax"


def read_snippets(path):
    """Yields (name, flags, text) for each snippet of a corpus file."""
    name, flags, lines = None, [], []
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    for line in text.split("\n"):
        if line.startswith("### "):
            if name is not None:
                yield name, flags, "\n".join(lines)
            parts = line[4:].split()
            name, flags, lines = parts[0], [p.strip("[]") for p in parts[1:]], []
        elif name is not None:
            lines.append(line)
    if name is not None:
        if lines and lines[-1] == "":
            lines.pop()
        yield name, flags, "\n".join(lines)


def completeness(source):
    try:
        code = codeop.compile_command(source, "<cell>", "exec")
    except (SyntaxError, ValueError, OverflowError):
        return "invalid"
    return "incomplete" if code is None else "complete"


def record_errors():
    out = [f"# recorded with CPython {sys.version.split()[0]} by tests/record_syntax.py"]
    for name, flags, source in read_snippets(CORPUS / "errors.txt"):
        try:
            ast.parse(source)
            stage = "compiler"
        except SyntaxError:
            stage = "parser"
        try:
            compile(source, "<cell>", "exec")
            fields = ["ok", "", "", "", "", ""]
            stage = "ok"
        except SyntaxError as e:
            fields = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        fields = [str(f) if f is not None else "None" for f in fields]
        out.append("\t".join([name] + fields + [stage, completeness(source)]))
    (CORPUS / "errors.expected").write_text("\n".join(out) + "\n", encoding="utf-8")


# ----- The S-expression dump, mirroring runtime/src/syntax/dump.rs -------------------------

BINOPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/",
    ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
    ast.BitXor: "^", ast.BitAnd: "&", ast.FloorDiv: "//",
}
UNARY = {ast.Invert: "~", ast.Not: "not", ast.UAdd: "+", ast.USub: "-"}
CMPOPS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}


def str_repr(s):
    out = ["'"]
    for ch in s:
        if ch == "'":
            out.append("\\'")
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append("'")
    return "".join(out)


def bytes_repr(b):
    out = ["b'"]
    for byte in b:
        if byte == ord("'"):
            out.append("\\'")
        elif byte == ord("\\"):
            out.append("\\\\")
        elif byte == ord("\n"):
            out.append("\\n")
        elif 0x20 <= byte <= 0x7E:
            out.append(chr(byte))
        else:
            out.append("\\x%02x" % byte)
    out.append("'")
    return "".join(out)


def constant(v):
    if v is None or v is True or v is False:
        return repr(v)
    if v is Ellipsis:
        return "..."
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, complex):
        return repr(v.imag) + "j"
    if isinstance(v, str):
        return str_repr(v)
    if isinstance(v, bytes):
        return bytes_repr(v)
    raise ValueError(v)


def seq(head, items):
    return "(" + " ".join([head] + [expr(e) for e in items]) + ")"


def opt(e):
    return "_" if e is None else expr(e)


def keyword(k):
    return (k.arg + "=" if k.arg is not None else "**") + expr(k.value)


def arg(a):
    return a.arg + (":" + expr(a.annotation) if a.annotation is not None else "")


def arguments(a):
    parts = []
    positional = a.posonlyargs + a.args
    first_default = len(positional) - len(a.defaults)
    for i, p in enumerate(positional):
        text = arg(p)
        if i >= first_default:
            text += "=" + expr(a.defaults[i - first_default])
        parts.append(text)
        if i + 1 == len(a.posonlyargs):
            parts.append("/")
    if a.vararg is not None:
        parts.append("*" + arg(a.vararg))
    elif a.kwonlyargs:
        parts.append("*")
    for p, d in zip(a.kwonlyargs, a.kw_defaults):
        parts.append(arg(p) + ("=" + expr(d) if d is not None else ""))
    if a.kwarg is not None:
        parts.append("**" + arg(a.kwarg))
    return "(" + " ".join(parts) + ")"


def generators(gens):
    out = ""
    for g in gens:
        out += " (async-for " if g.is_async else " (for "
        out += expr(g.target) + " " + expr(g.iter)
        for cond in g.ifs:
            out += " (if " + expr(cond) + ")"
        out += ")"
    return out


def expr(e):
    if isinstance(e, ast.BoolOp):
        return seq("and" if isinstance(e.op, ast.And) else "or", e.values)
    if isinstance(e, ast.NamedExpr):
        return f"(:= {e.target.id} {expr(e.value)})"
    if isinstance(e, ast.BinOp):
        return f"({BINOPS[type(e.op)]} {expr(e.left)} {expr(e.right)})"
    if isinstance(e, ast.UnaryOp):
        return f"({UNARY[type(e.op)]} {expr(e.operand)})"
    if isinstance(e, ast.Lambda):
        return f"(lambda {arguments(e.args)} {expr(e.body)})"
    if isinstance(e, ast.IfExp):
        return f"(if {expr(e.test)} {expr(e.body)} {expr(e.orelse)})"
    if isinstance(e, ast.Dict):
        items = []
        for k, v in zip(e.keys, e.values):
            items.append("(" + (expr(k) + " " if k is not None else "** ") + expr(v) + ")")
        return "(dict" + "".join(" " + i for i in items) + ")"
    if isinstance(e, ast.Set):
        return seq("set", e.elts)
    if isinstance(e, ast.List):
        return seq("list", e.elts)
    if isinstance(e, ast.Tuple):
        return seq("tuple", e.elts)
    if isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        head = {ast.ListComp: "listcomp", ast.SetComp: "setcomp", ast.GeneratorExp: "genexp"}[type(e)]
        return f"({head} {expr(e.elt)}{generators(e.generators)})"
    if isinstance(e, ast.DictComp):
        return f"(dictcomp {expr(e.key)} {expr(e.value)}{generators(e.generators)})"
    if isinstance(e, ast.Await):
        return f"(await {expr(e.value)})"
    if isinstance(e, ast.Yield):
        return "(yield)" if e.value is None else f"(yield {expr(e.value)})"
    if isinstance(e, ast.YieldFrom):
        return f"(yield-from {expr(e.value)})"
    if isinstance(e, ast.Compare):
        if len(e.ops) == 1:
            return f"({CMPOPS[type(e.ops[0])]} {expr(e.left)} {expr(e.comparators[0])})"
        out = "(cmp " + expr(e.left)
        for op, c in zip(e.ops, e.comparators):
            out += f" {CMPOPS[type(op)]} {expr(c)}"
        return out + ")"
    if isinstance(e, ast.Call):
        parts = [expr(e.func)] + [expr(a) for a in e.args] + [keyword(k) for k in e.keywords]
        return "(call " + " ".join(parts) + ")"
    if isinstance(e, ast.FormattedValue):
        out = "(fmt " + expr(e.value)
        if e.conversion != -1:
            out += " !" + chr(e.conversion)
        if e.format_spec is not None:
            out += " " + expr(e.format_spec)
        return out + ")"
    if isinstance(e, ast.JoinedStr):
        return seq("f", e.values)
    if isinstance(e, ast.Constant):
        return constant(e.value)
    if isinstance(e, ast.Attribute):
        return f"(. {expr(e.value)} {e.attr})"
    if isinstance(e, ast.Subscript):
        return f"([] {expr(e.value)} {expr(e.slice)})"
    if isinstance(e, ast.Starred):
        return f"(* {expr(e.value)})"
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Slice):
        return f"(: {opt(e.lower)} {opt(e.upper)} {opt(e.step)})"
    raise ValueError(ast.dump(e))


class Out:
    def __init__(self):
        self.lines = []

    def line(self, indent, text):
        self.lines.append("  " * indent + text)

    def close(self):
        self.lines[-1] += ")"

    def block(self, indent, header, parts):
        self.line(indent, header)
        for label, body in parts:
            if not label:
                for s in body:
                    stmt(self, s, indent + 1)
            elif body:
                self.line(indent + 1, "(" + label)
                for s in body:
                    stmt(self, s, indent + 2)
                self.close()
        self.close()


def aliases(names):
    return ", ".join(a.name + (" as " + a.asname if a.asname else "") for a in names)


def stmt(out, s, indent):
    simple = lambda text: out.line(indent, text)
    if isinstance(s, ast.Expr):
        simple(expr(s.value))
    elif isinstance(s, ast.Assign):
        simple("(= " + " ".join(expr(t) for t in s.targets + [s.value]) + ")")
    elif isinstance(s, ast.AugAssign):
        simple(f"({BINOPS[type(s.op)]}= {expr(s.target)} {expr(s.value)})")
    elif isinstance(s, ast.AnnAssign):
        text = "(ann " + ("" if s.simple else "nonsimple ") + expr(s.target) + " " + expr(s.annotation)
        if s.value is not None:
            text += " " + expr(s.value)
        simple(text + ")")
    elif isinstance(s, ast.If):
        out.block(indent, "(if " + expr(s.test), [("", s.body), ("else", s.orelse)])
    elif isinstance(s, ast.While):
        out.block(indent, "(while " + expr(s.test), [("", s.body), ("else", s.orelse)])
    elif isinstance(s, (ast.For, ast.AsyncFor)):
        kw = "async-for" if isinstance(s, ast.AsyncFor) else "for"
        out.block(indent, f"({kw} {expr(s.target)} {expr(s.iter)}", [("", s.body), ("else", s.orelse)])
    elif isinstance(s, ast.Break):
        simple("break")
    elif isinstance(s, ast.Continue):
        simple("continue")
    elif isinstance(s, ast.Pass):
        simple("pass")
    elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
        header = ("(async-def " if isinstance(s, ast.AsyncFunctionDef) else "(def ") + s.name + " " + arguments(s.args)
        if s.returns is not None:
            header += " -> " + expr(s.returns)
        for d in s.decorator_list:
            header += " @" + expr(d)
        out.block(indent, header, [("", s.body)])
    elif isinstance(s, ast.ClassDef):
        parts = [expr(b) for b in s.bases] + [keyword(k) for k in s.keywords]
        header = f"(class {s.name} (" + " ".join(parts) + ")"
        for d in s.decorator_list:
            header += " @" + expr(d)
        out.block(indent, header, [("", s.body)])
    elif isinstance(s, ast.Return):
        simple("(return)" if s.value is None else f"(return {expr(s.value)})")
    elif isinstance(s, ast.Global):
        simple("(global " + " ".join(s.names) + ")")
    elif isinstance(s, ast.Nonlocal):
        simple("(nonlocal " + " ".join(s.names) + ")")
    elif isinstance(s, ast.Delete):
        simple("(del " + " ".join(expr(t) for t in s.targets) + ")")
    elif isinstance(s, ast.Assert):
        simple(f"(assert {expr(s.test)}" + (f" {expr(s.msg)}" if s.msg is not None else "") + ")")
    elif isinstance(s, ast.Raise):
        text = "(raise"
        if s.exc is not None:
            text += " " + expr(s.exc)
        if s.cause is not None:
            text += " from " + expr(s.cause)
        simple(text + ")")
    elif isinstance(s, ast.Try):
        out.line(indent, "(try")
        for b in s.body:
            stmt(out, b, indent + 1)
        for h in s.handlers:
            header = "(except"
            if h.type is not None:
                header += " " + expr(h.type)
            if h.name is not None:
                header += " as " + h.name
            out.block(indent + 1, header, [("", h.body)])
        for label, part in (("else", s.orelse), ("finally", s.finalbody)):
            if part:
                out.block(indent + 1, "(" + label, [("", part)])
        out.close()
    elif isinstance(s, (ast.With, ast.AsyncWith)):
        header = "(async-with" if isinstance(s, ast.AsyncWith) else "(with"
        for item in s.items:
            header += " (" + expr(item.context_expr)
            if item.optional_vars is not None:
                header += " as " + expr(item.optional_vars)
            header += ")"
        out.block(indent, header, [("", s.body)])
    elif isinstance(s, ast.Import):
        simple("(import " + aliases(s.names) + ")")
    elif isinstance(s, ast.ImportFrom):
        simple("(from " + "." * s.level + (s.module or "") + " import " + aliases(s.names) + ")")
    else:
        raise ValueError(ast.dump(s))


def dump(tree):
    out = Out()
    for s in tree.body:
        stmt(out, s, 0)
    return "\n".join(out.lines)


POSITIONED = (ast.stmt, ast.expr, ast.arg, ast.keyword, ast.alias)


def spans(tree):
    """The positions of every positioned node, sorted."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, POSITIONED):
            kind = type(node).__name__
            out.append(f"{kind} {node.lineno}:{node.col_offset}-{node.end_lineno}:{node.end_col_offset}")
    return sorted(out)


def record_valid():
    header = f"# recorded with CPython {sys.version.split()[0]} by tests/record_syntax.py"
    out = [header]
    positions = [header]
    for name, flags, source in read_snippets(CORPUS / "valid.txt"):
        tree = ast.parse(source)
        out.append("### " + name)
        text = dump(tree)
        if text:
            out.append(text)
        positions.append("### " + name)
        positions.extend(spans(tree))
    (CORPUS / "valid.expected").write_text("\n".join(out) + "\n", encoding="utf-8")
    (CORPUS / "valid.spans").write_text("\n".join(positions) + "\n", encoding="utf-8")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("record with CPython 3.11, the version Coro follows")
    warnings.simplefilter("ignore")
    record_errors()
    record_valid()


if __name__ == "__main__":
    main()
