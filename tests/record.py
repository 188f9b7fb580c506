#!/usr/bin/env python3
"""Record what CPython 3.11 prints for every program of the conformance corpus.

The corpus lives in `tests/conformance/<area>/<behaviour>.py`.
Next to each program this script writes `<behaviour>.out`: the program's output as CPython 3.11
produces it when the program runs as a sequence of notebook cells in one session.
The Rust harness `runtime/tests/conformance.rs` runs the same programs through
`coro_runtime::Session` and compares.
Both sides follow the rules below; a change here must be mirrored there.

Usage
-----

    python3.11 tests/record.py                  # record every program (rewrites changed .out files)
    python3.11 tests/record.py PATH...          # record some programs (files or folders)
    python3.11 tests/record.py --check [PATH..] # report stale or missing .out files, write nothing
    python3.11 tests/record.py --run-one FILE   # internal: run one program here, print its .out

It refuses to run on anything but CPython 3.11.

Cells
-----

A program is a list of cells.
The file is split on lines that are exactly `# %%` (the separator lines belong to no cell;
lines end at `\n` only).
A program without such a line is a single cell.
Every piece between separators is a cell, even an empty one; cells are numbered from 1.
Cell N is compiled with the filename `<cell N>`, so its line numbers count from the line after
its separator.
Its source is registered in `linecache` as IPython does (every line ending with a newline, as
`linecache` also gives the lines of a file), so tracebacks show source lines and place their
carets as they would for a file.
All cells run in ONE namespace dict (`__name__ == "__main__"`, `__builtins__` the builtins
module), like a Jupyter session: a generator created in cell 1 can be resumed in cell 3.

Running a cell (the "last expression" rule)
-------------------------------------------

1. The whole cell is compiled first (`compile(src, "<cell N>", "exec")`).
   A SyntaxError (from the parser or the compiler, for example `'return' outside function`)
   is the cell's error, and nothing of the cell runs.
   (IPython compiles and runs the top-level statements one at a time, so it would run the
   statements before a compiler-stage error; we deliberately follow the whole-cell rule.)
2. If the last top-level statement is an expression statement, the statements before it run
   with `exec`, and then the last one runs compiled in `single` mode, which hands its value to
   `sys.displayhook`: if the value is not None, `repr(value)` is the cell's result.
   This is IPython's `ast_node_interactivity = "last_expr"`.
   As in IPython, the result is not shown when the last token of the cell (ignoring comments
   and newlines) is `;`.
   Unlike IPython, the value is not kept anywhere (no `_`, `Out`), so it does not keep
   objects alive.
3. Otherwise the whole cell runs with `exec`.

An uncaught exception (any BaseException) is the cell's error: its traceback as
`traceback.format_exception` gives it, with every frame of this script removed, so it starts at
the cell's `<module>` frame (or has no frames at all for a SyntaxError).
Chained exceptions (`__cause__`, `__context__`) are printed as CPython prints them.
Two details make it what CPython prints for the uncaught exception of a script (its C display,
`PyErr_Display`), where that differs from the traceback module in 3.11 (see `format_error`):
the suggestion `. Did you mean: 'x'?` after a NameError or AttributeError, and the printing of
a SyntaxError raised by compiling a cell.
Each cell's source is also written to a file named `<cell N>` in a temporary working directory,
because CPython reads the source line of a SyntaxError found after parsing (for example
`'return' outside function`) from the file, as it does for a script.
Then the next cell runs; the session keeps its state.

stdout, stderr and stdin are replaced by `io.StringIO` objects while a cell runs (stdin is
empty, so `input()` raises EOFError).
Text written to stdout and to stderr is recorded separately, each in order.
Unraisable exceptions (for example "Exception ignored in: <generator object ...>" when a
generator that yields in its `finally` is dropped) go to the captured stderr in the format of
CPython's default hook, with this script's frames removed from their traceback, which is
formatted by the traceback module (the C hook prints no source lines for `<cell N>` files).
The recursion limit is raised by the depth of this script's own frames, so a program recurses
exactly as deep as it would when run as a script (1000 frames).

Finalize (the end of the session)
---------------------------------

After the last cell, the session ends as a CPython script ends: the namespace is dropped.
What CPython does at exit is that `__main__`'s dict, which is in a reference cycle with the
functions defined in it, becomes garbage, and the cyclic garbage collector first runs every
finalizer of that garbage (a suspended generator's finalizer is `close()`: GeneratorExit at
its `yield`, its `finally` blocks run) while all globals are still bound, and only then clears
the objects.
The collector visits the garbage in the order its objects were created, except that objects
which survived an earlier collection come in a different order.
To make that order deterministic, automatic garbage collection is disabled while a program runs
(and everything the recorder created before is frozen out of the collector's view).
So the finalize rule is:

    At the end, every suspended generator and coroutine that is still alive is finalized
    (closed) in the order the generators were created, while all globals are still bound.
    Errors during finalization are reported on stderr as unraisable exceptions
    ("Exception ignored in: <generator object g at 0x...>", then the traceback of the frames
    the error passed through, which are only the generator's own since no code of the
    program is running, printed without source lines as CPython's display prints them while
    the interpreter shuts down, then the exception; "generator ignored GeneratorExit" is
    raised by close() itself, outside the generator, so it has no traceback at all).
    A coroutine that was never awaited warns `sys:1: RuntimeWarning: coroutine 'f' was
    never awaited` on stderr, as CPython does at exit.
    If nothing forms a reference cycle with the namespace, the namespace is freed in the
    order its names were first bound instead (which finalizes in that order).

Whatever is printed then is recorded in the `finalize` part of the .out file.
The harness calls `Session::shutdown` for this step.

A corpus program must not depend on when CPython's cyclic collector happens to run (for example
a generator in a reference cycle dropped in the middle of a program): the recorder refuses
programs whose output differs between two runs.

Checks made while recording
---------------------------

Every program is recorded twice, in fresh interpreters with different hash seeds, and the two
recordings must be identical (no hash-order or address-dependent output slips in).
A single-cell program is also run as a plain script (`python3.11 prog.py`); its stdout must
equal the cell's stdout followed by the finalize stdout, and its stderr the cell's stderr, error
and finalize stderr (after normalisation, with the script's path read as `<cell 1>`).
This proves that the cell rules and the finalize rule say what CPython really prints.
A program that legitimately differs as a script opts out with a line
`# record: no-script-check (reason)`.
A program that takes more than 2 seconds gets a warning: it does not belong in the corpus.

The .out format
---------------

    # CPython <sys.version> (recorded by tests/record.py)
    --- cell 1
    --- stdout 12
    hello world
    --- cell 2
    --- result 3
    'x'
    --- error 87
    Traceback (most recent call last):
    ...
    --- finalize
    --- stdout 10
    finally a

The first line names the CPython that recorded the file; readers skip it.
Then, for each cell in order, a line `--- cell N`, followed by up to four sections in this
order: `stdout`, `stderr`, `result`, `error`.
After the cells, if the finalize step printed anything, a line `--- finalize` followed by its
`stdout` and `stderr` sections.
A section is a header line `--- NAME LEN`, where LEN is the length in bytes of the UTF-8 text
that follows, then exactly that text, then one newline that is not part of the text.
Because every text carries its length, any text (including lines that start with `---`, or
no trailing newline) round-trips.
A section whose text is empty is omitted; a cell with no sections is just its header line.
`result` is the repr without a newline; `error` is the traceback text, ending with a newline.

The text is stored with object addresses already normalised (see `normalise`), so recordings
are stable; everything else is stored exactly as CPython printed it, caret lines included.

Normalisation
-------------

`normalise(text)` is applied to both sides before comparing (the harness mirrors it exactly):
every object address `at 0x<hex digits>` (where `at` starts a word) becomes `at 0x...`
(CPython's reprs of generators, functions and instances print ` at 0x7f...`; other hex numbers
a program prints are kept).

Nothing else is normalised: every normalisation hides a possible difference.
In particular the caret lines CPython 3.11 prints under source lines in tracebacks
(`^^^^`, `~~~^~~~`) and under the offending column of a SyntaxError are compared as they are.
The script check below compares them too, so a program whose carets the interpreter's display
places differently from the `traceback` module (a source line with trailing white space, the
operator of `(a)+b`) must opt out of it.
"""

from __future__ import annotations

import ast
import builtins
import concurrent.futures
import gc
import io
import linecache
import os
import re
import subprocess
import sys
import tempfile
import time
import tokenize
import traceback
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve()
CORPUS = HERE.parent / "conformance"
SEPARATOR = "# %%"
SECTIONS = ("stdout", "stderr", "result", "error")
FINAL_SECTIONS = ("stdout", "stderr")
NO_SCRIPT_CHECK = "# record: no-script-check"
SLOW_SECONDS = 2.0
TIMEOUT_SECONDS = 30.0
# The recursion limit a script starts with.
SCRIPT_RECURSION_LIMIT = 1000

_ADDRESS = re.compile(r"\bat 0x[0-9a-f]+")


def normalise(text: str) -> str:
    """The one normalisation both sides get before comparing (mirrored in the harness).

    Replaces object addresses `at 0x<hex>` (`at` starting a word) by `at 0x...`.
    """
    return _ADDRESS.sub("at 0x...", text)


def normalise_addresses(text: str) -> str:
    """The normalisation applied before storing: the same as `normalise`."""
    return normalise(text)


def split_cells(source: str) -> list[str]:
    """Splits a program into cells on lines that are exactly `# %%` (mirrored in the harness).

    Lines end at `\n` only (so a `# %%\r` line is not a separator).
    """
    cells: list[str] = []
    current: list[str] = []
    pieces = source.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
    for line in lines:
        if line.removesuffix("\n") == SEPARATOR:
            cells.append("".join(current))
            current = []
        else:
            current.append(line)
    cells.append("".join(current))
    return cells


# ---------------------------------------------------------------------------------------------
# The .out format.


@dataclass
class Cell:
    stdout: str = ""
    stderr: str = ""
    result: str | None = None
    error: str = ""


@dataclass
class Recording:
    version: str = ""
    cells: list[Cell] = field(default_factory=list)
    final_stdout: str = ""
    final_stderr: str = ""


def _section(name: str, text: str) -> str:
    return f"--- {name} {len(text.encode('utf-8'))}\n{text}\n"


def format_out(rec: Recording) -> str:
    """Serialises a recording in the .out format described at the top of this file."""
    parts = [f"# CPython {rec.version} (recorded by tests/record.py)\n"]
    for number, cell in enumerate(rec.cells, 1):
        parts.append(f"--- cell {number}\n")
        if cell.stdout:
            parts.append(_section("stdout", cell.stdout))
        if cell.stderr:
            parts.append(_section("stderr", cell.stderr))
        if cell.result is not None:
            parts.append(_section("result", cell.result))
        if cell.error:
            parts.append(_section("error", cell.error))
    if rec.final_stdout or rec.final_stderr:
        parts.append("--- finalize\n")
        if rec.final_stdout:
            parts.append(_section("stdout", rec.final_stdout))
        if rec.final_stderr:
            parts.append(_section("stderr", rec.final_stderr))
    return "".join(parts)


def parse_out(data: bytes) -> Recording:
    """Reads the .out format; raises ValueError on malformed input."""
    rec = Recording()
    first, _, rest = data.partition(b"\n")
    if not first.startswith(b"# CPython "):
        raise ValueError("first line does not name the CPython version")
    rec.version = first.decode("utf-8")[len("# CPython ") :].removesuffix(
        " (recorded by tests/record.py)"
    )
    pos = 0
    target: Cell | None = None
    in_finalize = False
    while pos < len(rest):
        end = rest.index(b"\n", pos)
        header = rest[pos:end].decode("utf-8")
        pos = end + 1
        words = header.split(" ")
        if words[:2] == ["---", "cell"] and len(words) == 3:
            if in_finalize or int(words[2]) != len(rec.cells) + 1:
                raise ValueError(f"unexpected {header!r}")
            target = Cell()
            rec.cells.append(target)
        elif header == "--- finalize":
            in_finalize = True
            target = None
        elif words[0] == "---" and len(words) == 3:
            name, length = words[1], int(words[2])
            text = rest[pos : pos + length].decode("utf-8")
            if rest[pos + length : pos + length + 1] != b"\n":
                raise ValueError(f"section {header!r} is not followed by a newline")
            pos += length + 1
            if in_finalize and name in FINAL_SECTIONS:
                setattr(rec, "final_" + name, text)
            elif target is not None and name in SECTIONS:
                setattr(target, name, text)
            else:
                raise ValueError(f"unexpected section {header!r}")
        else:
            raise ValueError(f"unexpected line {header!r}")
    return rec


# ---------------------------------------------------------------------------------------------
# Running one program in this interpreter (`--run-one`).


def _is_recorder_frame(frame: types.FrameType) -> bool:
    return frame.f_code.co_filename == str(HERE)


def _strip_tb(tb: types.TracebackType | None) -> types.TracebackType | None:
    """The same traceback without the frames that belong to this script."""
    entries = []
    while tb is not None:
        if not _is_recorder_frame(tb.tb_frame):
            entries.append(tb)
        tb = tb.tb_next
    result = None
    for entry in reversed(entries):
        result = types.TracebackType(result, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return result


def _strip_chain(exc: BaseException) -> None:
    """Removes this script's frames from an exception and everything chained to it."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = _strip_tb(current.__traceback__)
        todo.append(current.__cause__)
        todo.append(current.__context__)


# True during the finalize step, when CPython would be shutting down.
_finalizing = False


def _unraisable_hook(unraisable) -> None:
    """CPython's default unraisable hook, minus this script's frames in the traceback.

    It writes what `_PyErr_WriteUnraisableDefaultHook` writes, but formats the traceback with
    the `traceback` module, which reads source lines from `linecache` (the C printer never
    prints source lines for files named `<...>`, so it would miss the lines a script shows).
    """
    out = sys.stderr
    obj, err_msg = unraisable.object, unraisable.err_msg
    if obj is not None:
        try:
            text = repr(obj)
        except BaseException:  # noqa: BLE001 - as the C hook does.
            text = "<object repr() failed>"
        out.write(f"{err_msg or 'Exception ignored in'}: {text}\n")
    elif err_msg:
        out.write(f"{err_msg}:\n")
    tb = _strip_tb(unraisable.exc_traceback)
    if tb is not None:
        out.write("Traceback (most recent call last):\n")
        if _finalizing:
            # At exit CPython's display can no longer import what it needs to read source
            # files, so its tracebacks have no source lines.
            for frame, lineno in traceback.walk_tb(tb):
                out.write(f'  File "{frame.f_code.co_filename}", line {lineno}, in ')
                out.write(f"{frame.f_code.co_name}\n")
        else:
            out.write("".join(traceback.format_tb(tb)))
    exc_type = unraisable.exc_type
    if exc_type is None:
        return
    module = getattr(exc_type, "__module__", None)
    if not isinstance(module, str):
        out.write("<unknown>.")
    elif module not in ("builtins", "__main__"):
        out.write(module + ".")
    out.write(exc_type.__qualname__)
    if unraisable.exc_value is not None:
        try:
            text = str(unraisable.exc_value)
        except BaseException:  # noqa: BLE001 - as the C hook does.
            text = "<exception str() failed>"
        if text:
            out.write(": " + text)
    out.write("\n")


def _frames_here() -> int:
    frame = sys._getframe(2)
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def _match_script_recursion() -> None:
    """Gives the program the recursion budget it would have as a script.

    In a script the module frame is the first frame. Here the cell's module frame sits on top of
    this script's frames and of the `exec` builtin, so the limit grows by that many.
    """
    depth = _frames_here()  # Frames of this script below the caller, which calls exec.
    sys.setrecursionlimit(SCRIPT_RECURSION_LIMIT + depth + 1)


def _ends_with_semicolon(source: str) -> bool:
    """IPython's DisplayHook.semicolon_at_end_of_expression."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False
    skip = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    for token in reversed(tokens):
        if token.type in skip:
            continue
        return token.type == tokenize.OP and token.string == ";"
    return False


class _Streams:
    """Swaps sys.stdin/stdout/stderr for StringIO objects while a cell runs."""

    def __enter__(self) -> _Streams:
        self.saved = (sys.stdin, sys.stdout, sys.stderr)
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()
        sys.stdin = io.StringIO()
        sys.stdout = self.stdout
        sys.stderr = self.stderr
        return self

    def __exit__(self, *exc_info) -> None:
        sys.stdin, sys.stdout, sys.stderr = self.saved


def _run_cell_code(ns: dict, source: str, filename: str, shown: list) -> None:
    """Compiles and runs one cell per the rules above; may raise what the cell raises."""
    with warnings.catch_warnings():
        # Only the SyntaxError matters here; the compiles below issue the warnings, once.
        warnings.simplefilter("ignore")
        compile(source, filename, "exec", dont_inherit=True)  # Whole-cell SyntaxError check.
    tree = ast.parse(source, filename)
    body = tree.body
    last = None
    if body and isinstance(body[-1], ast.Expr):
        body, last = body[:-1], body[-1]
    code = compile(ast.Module(body=body, type_ignores=[]), filename, "exec", dont_inherit=True)
    single = None
    if last is not None:
        single = compile(ast.Interactive(body=[last]), filename, "single", dont_inherit=True)
    _match_script_recursion()
    exec(code, ns)
    if single is not None:
        if _ends_with_semicolon(source):
            sys.displayhook = lambda value: None
        else:
            sys.displayhook = lambda value: shown.append(None if value is None else repr(value))
        try:
            _match_script_recursion()
            exec(single, ns)
        finally:
            sys.displayhook = sys.__displayhook__


def _display(exc: BaseException) -> str:
    """What CPython's own display (`sys.__excepthook__`, the C `PyErr_Display` that prints the
    uncaught exception of a script) writes for an exception."""
    buffer, saved = io.StringIO(), sys.stderr
    sys.stderr = buffer
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved
    return buffer.getvalue()


def _interpreter_suggestion(exc: BaseException) -> str:
    """The `. Did you mean: 'x'?` that CPython 3.11's own display adds to this exception.

    The exception alone (its chain detached for the moment) is displayed into a buffer, and
    whatever follows the plain final line is the suggestion. Empty when there is none.
    """
    if not isinstance(exc, (NameError, AttributeError)):
        return ""
    plain = traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n")
    saved = exc.__cause__, exc.__context__, exc.__suppress_context__
    exc.__cause__ = exc.__context__ = None
    try:
        last = _display(exc).rstrip("\n").rsplit("\n", 1)[-1]
    finally:
        exc.__cause__, exc.__context__, exc.__suppress_context__ = saved
    if last.startswith(plain) and last[len(plain) :].startswith(". Did you mean: "):
        return last[len(plain) :]
    return ""


def format_error(exc: BaseException) -> str:
    """The error text of a cell, as CPython prints the uncaught exception of a script.

    CPython's display (`PyErr_Display`) never prints source lines for files named `<...>`, so
    the text comes from `traceback.format_exception` (which reads the cells' lines from
    linecache), plus the one thing in 3.11 that only the display does: the suggestion
    `. Did you mean: 'x'?` after a NameError or AttributeError, on each exception of the chain.
    A SyntaxError from compiling a cell has no frames and carries its own source line, so it is
    printed by the display itself (which, unlike the traceback module, also strips tabs from
    that line).
    """
    if isinstance(exc, SyntaxError) and exc.__traceback__ is None:
        return _display(exc)
    # Built exactly as traceback.format_exception builds it.
    top = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    todo = [(top, exc)]
    seen: set[int] = set()
    while todo:
        te, value = todo.pop()
        if id(te) in seen or value is None:
            continue
        seen.add(id(te))
        suggestion = _interpreter_suggestion(value)
        if suggestion and te._str is not None:
            te._str += suggestion
        if te.__cause__ is not None:
            todo.append((te.__cause__, value.__cause__))
        if te.__context__ is not None:
            todo.append((te.__context__, value.__context__))
    return "".join(top.format())


def run_cell(ns: dict, number: int, source: str) -> Cell:
    filename = f"<cell {number}>"
    # The compiler reads the source line of a late SyntaxError from a file of that name (in the
    # working directory, a fresh temporary one); tracebacks and warnings read linecache.
    Path(filename).write_text(source, encoding="utf-8")
    lines = source.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"  # As linecache.updatecache does for a file.
    linecache.cache[filename] = (len(source), None, lines, filename)
    shown: list = []
    failure: BaseException | None = None
    with _Streams() as streams:
        try:
            _run_cell_code(ns, source, filename, shown)
        except BaseException as exc:  # noqa: BLE001 - the cell's error, whatever it is.
            failure = exc
        error = ""
        if failure is not None:
            _strip_chain(failure)
            error = format_error(failure)
            failure = None  # Keep no reference to the frames it holds.
    cell = Cell(stdout=streams.stdout.getvalue(), stderr=streams.stderr.getvalue(), error=error)
    if not error and shown and shown[-1] is not None:
        cell.result = shown[-1]
    return cell


def _show_warning_at_exit(message, category, filename, lineno, file=None, line=None) -> None:
    """How CPython prints a warning issued while it shuts down (for example a coroutine that was
    never awaited): no Python code is running, so the warning is attributed to `sys:1`, and
    nothing else is printed because nothing can be imported any more."""
    sys.stderr.write(f"sys:1: {category.__name__}: {message}\n")


def run_program(source: str) -> Recording:
    global _finalizing
    rec = Recording(version=sys.version.replace("\n", " "))
    ns: dict = {"__name__": "__main__", "__builtins__": builtins}
    for number, cell_source in enumerate(split_cells(source), 1):
        rec.cells.append(run_cell(ns, number, cell_source))
    _finalizing = True
    saved_showwarning = warnings.showwarning
    warnings.showwarning = _show_warning_at_exit
    with _Streams() as streams:
        # Drop the only reference to the session. If nothing forms a cycle with it, it is freed
        # now in insertion order; otherwise the collector finalizes it (see "Finalize").
        del ns
        _match_script_recursion()
        gc.collect()
    warnings.showwarning = saved_showwarning
    rec.final_stdout = streams.stdout.getvalue()
    rec.final_stderr = streams.stderr.getvalue()
    return rec


def run_one(path: Path) -> str:
    """Records one program in this interpreter and returns the .out text."""
    source = path.read_text(encoding="utf-8")
    sys.unraisablehook = _unraisable_hook
    with tempfile.TemporaryDirectory(prefix="coro-record-") as workdir:
        os.chdir(workdir)
        gc.collect()
        gc.freeze()
        gc.disable()
        rec = run_program(source)
        os.chdir(path.parent)
    for cell in rec.cells:
        cell.stdout, cell.stderr, cell.error = (
            normalise_addresses(cell.stdout),
            normalise_addresses(cell.stderr),
            normalise_addresses(cell.error),
        )
        if cell.result is not None:
            cell.result = normalise_addresses(cell.result)
    rec.final_stdout = normalise_addresses(rec.final_stdout)
    rec.final_stderr = normalise_addresses(rec.final_stderr)
    return format_out(rec)


# ---------------------------------------------------------------------------------------------
# Driving the recordings (fresh interpreters, checks, writing files).


def _env(seed: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = seed
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _record_in_subprocess(path: Path, seed: str) -> tuple[str, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(HERE), "--run-one", str(path)],
        capture_output=True,
        env=_env(seed),
        timeout=TIMEOUT_SECONDS,
        cwd=str(path.parent),
    )
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        raise RuntimeError(
            f"the recorder failed on {path}:\n{proc.stderr.decode('utf-8', 'replace')}"
        )
    return proc.stdout.decode("utf-8"), elapsed


def _script_check(path: Path, rec: Recording) -> str | None:
    """Runs a single-cell program as a script; returns a description of any difference."""
    proc = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        env=_env("0"),
        timeout=TIMEOUT_SECONDS,
        cwd=str(path.parent),
    )
    as_cell = lambda text: normalise(text.replace(str(path), "<cell 1>"))  # noqa: E731
    got_out = as_cell(proc.stdout.decode("utf-8"))
    got_err = as_cell(proc.stderr.decode("utf-8"))
    cell = rec.cells[0]
    want_out = normalise(cell.stdout + rec.final_stdout)
    want_err = normalise(cell.stderr + cell.error + rec.final_stderr)
    problems = []
    if got_out != want_out:
        problems.append(f"stdout as a script:\n{got_out}\n--- but as a cell:\n{want_out}")
    if got_err != want_err:
        problems.append(f"stderr as a script:\n{got_err}\n--- but as a cell:\n{want_err}")
    return "\n".join(problems) or None


@dataclass
class Outcome:
    path: Path
    text: str = ""
    problem: str = ""
    warning: str = ""


def record(path: Path) -> Outcome:
    """Records a program twice (two hash seeds) and checks it; the text or a problem."""
    outcome = Outcome(path)
    try:
        first, elapsed = _record_in_subprocess(path, "0")
        second, _ = _record_in_subprocess(path, "4242")
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        outcome.problem = str(exc)
        return outcome
    if elapsed > SLOW_SECONDS:
        outcome.warning = f"took {elapsed:.1f} s in CPython"
    body = lambda text: text.partition("\n")[2]  # noqa: E731
    if body(first) != body(second):
        outcome.problem = "two runs with different hash seeds printed different output"
        return outcome
    rec = parse_out(first.encode("utf-8"))
    source = path.read_text(encoding="utf-8")
    if len(rec.cells) == 1 and NO_SCRIPT_CHECK not in source:
        difference = _script_check(path, rec)
        if difference:
            outcome.problem = "differs when run as a script:\n" + difference
            return outcome
    outcome.text = first
    return outcome


def find_programs(args: list[str]) -> list[Path]:
    roots = [Path(a).resolve() for a in args] or [CORPUS]
    programs: list[Path] = []
    for root in roots:
        if root.is_dir():
            programs.extend(sorted(root.rglob("*.py")))
        elif root.suffix == ".py" and root.exists():
            programs.append(root)
        else:
            raise SystemExit(f"record.py: no program at {root}")
    return programs


def _stored_body(path: Path) -> str | None:
    out = path.with_suffix(".out")
    if not out.exists():
        return None
    return out.read_text(encoding="utf-8").partition("\n")[2]


def main(argv: list[str]) -> int:
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        print(
            f"record.py: needs CPython 3.11, this is {sys.implementation.name} {sys.version}",
            file=sys.stderr,
        )
        return 2
    if argv[:1] == ["--run-one"]:
        sys.stdout.buffer.write(run_one(Path(argv[1]).resolve()).encode("utf-8"))
        return 0
    check = argv[:1] == ["--check"]
    programs = find_programs(argv[1:] if check else argv)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(record, programs))
    written = stale = problems = 0
    for outcome in outcomes:
        name = outcome.path.relative_to(CORPUS) if CORPUS in outcome.path.parents else outcome.path
        if outcome.warning:
            print(f"warning: {name}: {outcome.warning}")
        if outcome.problem:
            problems += 1
            print(f"PROBLEM {name}: {outcome.problem}")
            continue
        stored = _stored_body(outcome.path)
        fresh = outcome.text.partition("\n")[2]
        if stored == fresh:
            continue
        if check:
            stale += 1
            print(f"{'missing' if stored is None else 'stale'}: {name}")
        else:
            outcome.path.with_suffix(".out").write_text(outcome.text, encoding="utf-8")
            written += 1
            print(f"recorded: {name}")
    if not check:
        for out in sorted(CORPUS.rglob("*.out")):
            if not out.with_suffix(".py").exists():
                print(f"orphan (no program): {out.relative_to(CORPUS)}")
    verb = "stale or missing" if check else "written"
    print(
        f"{len(programs)} programs: {stale if check else written} {verb}, {problems} with problems"
    )
    return 1 if problems or (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
