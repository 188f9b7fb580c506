#!/usr/bin/env python3
"""Generate small generator programs for the conformance corpus, deterministically.

Each program defines a generator (and sometimes helper generators it delegates to with
`yield from`) whose body combines yields, `try`/`except`/`else`/`finally`, context managers,
loops, `return` and `raise`, then drives it with a random sequence of `next`, `send`, `throw`
and `close`, printing what every step gives and the generator's state.
Some programs split the driving over several notebook cells, delete the generator before it
finishes (so its `finally` blocks run when the last reference goes), leave it suspended until
the end of the session, or end with an uncaught exception (so the traceback shape is checked).

The programs go to `tests/conformance/generated/gen_NNN.py`; the recorder writes their `.out`
files as for any other program of the corpus:

    python3.11 tests/gen_programs.py            # (re)write the programs, remove stale ones
    python3.11 tests/gen_programs.py --check    # fail if the files differ from what it generates
    python3.11 tests/record.py tests/conformance/generated

The generator is `random.Random(SEED)`: the same script always writes the same programs.
Changing SEED, COUNT or the grammar below changes the programs, which must then be recorded
again.

What it deliberately does not do: generate programs outside generators (async, classes,
closures), or anything whose output depends on addresses, hashing or timing.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEED = 20261124
COUNT = 300
OUT_DIR = Path(__file__).resolve().parent / "conformance" / "generated"

# Exceptions a program throws into its generator, and the ones a body catches.
THROWN = [
    "ValueError('t')",
    "KeyError('k')",
    "ValueError",
    "GeneratorExit",
    "StopIteration",
    "StopIteration(5)",
    "RuntimeError('r')",
    "TypeError('x')",
]
CAUGHT = [
    "ValueError",
    "KeyError",
    "Exception",
    "GeneratorExit",
    "StopIteration",
    "(ValueError, KeyError)",
    "BaseException",
    "LookupError",
]
RAISED = ["ValueError('boom')", "KeyError('gone')", "RuntimeError('bad')", "StopIteration('s')"]

STEP_HELPER = '''\
def step(label, op):
    try:
        r = op()
    except StopIteration as e:
        print(label, '-> StopIteration', repr(e.value))
    except BaseException as e:
        context = e.__context__
        note = '' if context is None else ' (context ' + type(context).__name__ + ')'
        print(label, '->', type(e).__name__, repr(e.args) + note)
    else:
        print(label, '->', repr(r))
'''

CM_CLASS = '''\
class CM:
    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print(self.name, 'enter')
        return self.name

    def __exit__(self, typ, value, tb):
        print(self.name, 'exit', None if typ is None else typ.__name__)
        return self.swallow
'''


class Program:
    """One program being generated: its random stream, labels and the features it uses."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.labels = 0
        self.uses_cm = False
        self.features: set[str] = set()

    def label(self, prefix: str) -> str:
        self.labels += 1
        return f"{prefix}{self.labels}"

    def block(self, depth: int, subs: list[str], must_yield: bool) -> list[str]:
        """A list of statements (unindented lines) for a generator body."""
        rng = self.rng
        count = rng.randint(1, 3 if depth < 2 else 2)
        lines: list[str] = []
        yielded = False
        for i in range(count):
            kind = self.pick_kind(depth, subs)
            if kind in ("yield", "yield_expr", "yield_from"):
                yielded = True
            lines += self.statement(kind, depth, subs)
            if kind in ("return", "raise"):
                break
        if must_yield and not yielded:
            lines = self.statement("yield", depth, subs) + lines
        return lines

    def pick_kind(self, depth: int, subs: list[str]) -> str:
        kinds = ["yield"] * 5 + ["yield_expr"] * 2 + ["print"]
        if depth < 3:
            kinds += ["try_except"] * 3 + ["try_finally"] * 3 + ["try_full"] + ["for"] + ["with"]
        if subs:
            kinds += ["yield_from"] * 2
        kinds += ["return", "raise", "yield_from_iter", "reenter"]
        return self.rng.choice(kinds)

    def statement(self, kind: str, depth: int, subs: list[str]) -> list[str]:
        rng = self.rng
        self.features.add(kind)
        if kind == "yield":
            name = self.label("y")
            if rng.random() < 0.3:
                return [f"yield {name!r}"]
            return [f"x = yield {name!r}", f"print({name!r}, 'got', repr(x))"]
        if kind == "yield_expr":
            name = self.label("e")
            return [f"print({name!r}, 'got', (yield {name!r}))"]
        if kind == "print":
            return [f"print({self.label('p')!r})"]
        if kind == "yield_from":
            sub = rng.choice(subs)
            name = self.label("d")
            return [f"r = yield from {sub}()", f"print({name!r}, 'returned', repr(r))"]
        if kind == "yield_from_iter":
            name = self.label("i")
            source = rng.choice(["[1, 2]", "range(2)", "iter('ab')", "()", "(n * 10 for n in range(2))"])
            return [f"r = yield from {source}", f"print({name!r}, 'returned', repr(r))"]
        if kind == "reenter":
            return [f"step({self.label('re')!r}, lambda: next(g))"]
        if kind == "return":
            return [f"return {self.label('ret')!r}"]
        if kind == "raise":
            return [f"raise {rng.choice(RAISED)}"]
        if kind == "for":
            name = self.label("f")
            body = self.block(depth + 1, subs, must_yield=False)
            return [f"for i in range(2):", f"    print({name!r}, i)"] + indent(body)
        if kind == "with":
            self.uses_cm = True
            name = self.label("w")
            swallow = rng.random() < 0.4
            body = self.block(depth + 1, subs, must_yield=False)
            return [f"with CM({name!r}, {swallow}):"] + indent(body)
        # The three forms of try.
        name = self.label("t")
        out = ["try:"] + indent(self.block(depth + 1, subs, must_yield=False))
        if kind in ("try_except", "try_full"):
            for caught in rng.sample(CAUGHT, rng.choice([1, 1, 2])):
                out.append(f"except {caught} as exc:")
                out.append(f"    print({name!r}, 'caught', type(exc).__name__, repr(exc.args))")
                roll = rng.random()
                if roll < 0.25:
                    out += indent(self.statement("yield", depth + 1, subs))
                elif roll < 0.35:
                    out.append("    raise")
                elif roll < 0.45:
                    out.append(f"    return {self.label('ret')!r}")
                elif roll < 0.55:
                    self.features.add("raise_from")
                    out.append(f"    raise {rng.choice(RAISED)} from exc")
                elif roll < 0.62:
                    self.features.add("raise_in_except")
                    out.append(f"    raise {rng.choice(RAISED)}")
        if kind == "try_full" and rng.random() < 0.7:
            out.append("else:")
            out.append(f"    print({name!r}, 'else')")
            if rng.random() < 0.3:
                out += indent(self.statement("yield", depth + 1, subs))
        if kind in ("try_finally", "try_full"):
            out.append("finally:")
            out.append(f"    print({name!r}, 'finally')")
            roll = rng.random()
            if roll < 0.2:
                self.features.add("yield_in_finally")
                out += indent(self.statement("yield", depth + 1, subs))
            elif roll < 0.27:
                out.append(f"    return {self.label('ret')!r}")
        return out

    def driver_op(self, first: bool) -> tuple[str, str]:
        """A step of the driver: its label and the expression it evaluates. The first step
        usually starts the generator, so that most programs get past its first yield."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.35 or (first and rng.random() < 0.8):
            return "next", "next(g)"
        if roll < 0.55:
            value = rng.choice(["None", "1", "'s'", "[2]"])
            return f"send {value}", f"g.send({value})"
        if roll < 0.82:
            thrown = rng.choice(THROWN)
            self.features.add("throw")
            return f"throw {thrown}", f"g.throw({thrown})"
        if roll < 0.86:
            self.features.add("throw_type_value")
            thrown = rng.choice(["ValueError, 'v'", "KeyError, KeyError('kv')", "StopIteration, 3"])
            return f"throw {thrown}", f"g.throw({thrown})"
        if roll < 0.89:
            self.features.add("list")
            return "list", "list(g)"
        if roll < 0.92:
            # The locals of a suspended generator (those of a running one are a known failure,
            # generators/locals_of_running_generator.py).
            self.features.add("locals")
            return "locals", "sorted(inspect.getgeneratorlocals(g))"
        self.features.add("close")
        return "close", "g.close()"


def indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def generator_def(program: Program, name: str, subs: list[str], depth: int) -> list[str]:
    body = program.block(depth, subs, must_yield=True)
    if program.rng.random() < 0.4:
        body.append(f"return {program.label('end')!r}")
    return [f"def {name}():", f"    print({name!r}, 'starts')"] + indent(body)


def make_program(rng: random.Random, number: int) -> str:
    program = Program(rng)
    parts: list[str] = []
    subs: list[str] = []
    for k in range(rng.choice([0, 0, 1, 1, 2])):
        sub = f"sub{k + 1}"
        parts.append("\n".join(generator_def(program, sub, list(subs), depth=2)))
        subs.append(sub)
    gen = "\n".join(generator_def(program, "gen", subs, depth=0))
    header = ["import inspect", "", "", STEP_HELPER.rstrip("\n")]
    if program.uses_cm:
        header += ["", "", CM_CLASS.rstrip("\n")]
    defs = "\n\n\n".join(parts + [gen])
    lines = ["g = gen()"]
    ops = rng.randint(2, 8)
    cells = rng.random() < 0.25
    for i in range(ops):
        if cells and i > 0 and rng.random() < 0.4:
            lines.append("# %%")
            program.features.add("cells")
        label, expr = program.driver_op(first=i == 0)
        lines.append(f"step({label!r}, lambda: {expr})")
        if rng.random() < 0.5:
            lines.append("print(inspect.getgeneratorstate(g))")
    ending = rng.random()
    if ending < 0.2:
        program.features.add("uncaught")
        label, expr = program.driver_op(first=False)
        lines.append(expr)
    elif ending < 0.35:
        program.features.add("del")
        lines.append("del g")
        lines.append("print('deleted')")
    elif ending < 0.45:
        lines.append("print(g.gi_running, g.gi_frame is None, g.gi_yieldfrom is None)")
    elif ending < 0.55:
        lines.append("print(g.gi_yieldfrom, g.gi_suspended)")
        lines.append("print(g.gi_frame.f_lineno if g.gi_frame else None)")
    features = ", ".join(sorted(program.features))
    comment = f"# Generated by tests/gen_programs.py (program {number}): {features}."
    text = "\n".join([comment] + header) + "\n\n\n" + defs + "\n\n\n" + "\n".join(lines) + "\n"
    return text


def programs() -> dict[str, str]:
    rng = random.Random(SEED)
    return {f"gen_{n:03d}.py": make_program(rng, n) for n in range(1, COUNT + 1)}


def main(argv: list[str]) -> int:
    wanted = programs()
    present = {p.name for p in OUT_DIR.glob("gen_*.py")} if OUT_DIR.exists() else set()
    if argv == ["--check"]:
        bad = sorted(
            name
            for name in wanted.keys() | present
            if name not in present
            or name not in wanted
            or (OUT_DIR / name).read_text() != wanted[name]
        )
        for name in bad:
            print(f"stale: {name}")
        return 1 if bad else 0
    if argv:
        print(__doc__)
        return 2
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name in sorted(present - wanted.keys()):
        (OUT_DIR / name).unlink()
        out = (OUT_DIR / name).with_suffix(".out")
        if out.exists():
            out.unlink()
    for name, text in wanted.items():
        path = OUT_DIR / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    print(f"{len(wanted)} programs in {OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
