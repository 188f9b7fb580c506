#!/usr/bin/env python3
"""Build the course notebooks from their sources and store CPython's outputs in them.

Sources are `notebooks/src/NN_name.py` in the "percent" format:

    # %% [markdown]
    # # A heading
    #
    # One sentence per line.

    # %%
    code_cell()

    # %% tags=["raises-exception"]
    code_that_fails_on_purpose()

A line that starts with `# %%` opens a cell: `[markdown]` makes it a markdown cell (each line
loses its leading `# ` or `#`), anything else a code cell; `tags=[...]` (a JSON list) sets the
cell's tags. Blank lines around a cell are dropped.

For each source this script writes `notebooks/NN_name.ipynb` (kernelspec `coro`), executed
cell by cell in ONE kernel session with CPython's ipykernel through nbclient, so the stored
outputs are CPython 3.11's. `coro check` (the kernel's command line) then proves that Coro
produces the same stream text, results and errors.

The ipykernel session is configured so that it runs cells the way Coro's kernel does:

- `--IPKernelApp.trio_loop=True`: with the default asyncio loop, ipykernel runs user code
  inside a running asyncio event loop, so `asyncio.run(...)` fails with "asyncio.run() cannot
  be called from a running event loop". The trio loop keeps asyncio's loop free, so
  `asyncio.run` behaves as in a plain interpreter (and as in Coro).
- `--PlainTextFormatter.pprint=False`: a cell's result is `repr(value)`, as Coro's
  `Outcome::Ok { repr }`, not IPython's pretty printer (which wraps long lists, sorts sets and
  shows functions as `<function __main__.f()>`).
- `--InteractiveShell.colors=NoColor --InteractiveShell.xmode=Plain`: plain tracebacks.

A code cell that raises must be tagged `raises-exception`; any other error fails the build.
Every course seed example (the verbatim copies in `tests/conformance/seeds/`) must appear verbatim
in some code cell.

Usage (CPython 3.11 with the packages of `notebooks/requirements.txt`):

    python3.11 -m venv /tmp/nbvenv
    /tmp/nbvenv/bin/pip install -r notebooks/requirements.txt
    /tmp/nbvenv/bin/python notebooks/build.py            # build every notebook
    /tmp/nbvenv/bin/python notebooks/build.py 03         # the notebooks whose name has "03"
    /tmp/nbvenv/bin/python notebooks/build.py --check    # report notebooks whose stored
                                                         # cells or outputs are out of date
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
KERNEL_ARGUMENTS = [
    "--IPKernelApp.trio_loop=True",
    "--PlainTextFormatter.pprint=False",
    "--InteractiveShell.colors=NoColor",
    "--InteractiveShell.xmode=Plain",
]
KERNELSPEC = {"name": "coro", "display_name": "Coro", "language": "python"}
LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"}
SLOW_SECONDS = 2.0
SEED_PROGRAMS = HERE.parent / "tests" / "conformance" / "seeds"
SEED_VARIANT_SUFFIXES = ("_uncommented", "_run", "_run_then_cancel")
_HEADER = re.compile(r"^# %%(?P<rest>.*)$")
_TAGS = re.compile(r"tags=(?P<tags>\[.*?\])")


def parse_source(text: str) -> list[dict]:
    """Splits a percent-format source into cells: dicts with kind, source and tags."""
    cells: list[dict] = []
    current: dict | None = None
    for line in text.split("\n"):
        header = _HEADER.match(line)
        if header:
            rest = header.group("rest")
            tags_match = _TAGS.search(rest)
            current = {
                "kind": "markdown" if "[markdown]" in rest else "code",
                "lines": [],
                "tags": json.loads(tags_match.group("tags")) if tags_match else [],
            }
            cells.append(current)
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"text before the first cell: {line!r}")
            continue
        if current["kind"] == "markdown":
            if line.startswith("# "):
                line = line[2:]
            elif line.startswith("#"):
                line = line[1:]
            elif line.strip():
                raise ValueError(f"markdown line without '#': {line!r}")
        current["lines"].append(line)
    for cell in cells:
        lines = cell.pop("lines")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        cell["source"] = "\n".join(lines)
    return cells


def make_notebook(cells: list[dict]):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    for number, cell in enumerate(cells, 1):
        if cell["kind"] == "markdown":
            made = nbformat.v4.new_markdown_cell(cell["source"])
        else:
            made = nbformat.v4.new_code_cell(cell["source"])
        made["id"] = f"cell-{number:02d}"
        if cell["tags"]:
            made.metadata["tags"] = cell["tags"]
        nb.cells.append(made)
    return nb


def execute(nb, name: str) -> float:
    """Runs the notebook in CPython's ipykernel; returns the seconds its cells took (the
    kernel's start is not counted)."""
    import nbclient

    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        allow_errors=False,
        record_timing=True,
        # ipykernel flushes streams on a timer, so one cell's text can arrive in several
        # messages; merging consecutive ones makes the stored outputs independent of timing.
        coalesce_streams=True,
        timeout=60,
        extra_arguments=KERNEL_ARGUMENTS,
    )
    client.execute()
    elapsed = 0.0
    for cell in nb.cells:
        if cell.cell_type == "code":
            timing = cell.metadata.pop("execution", {})
            started = timing.get("iopub.execute_input")
            finished = timing.get("shell.execute_reply")
            if started and finished:
                elapsed += (_timestamp(finished) - _timestamp(started)).total_seconds()
    # nbclient records the kernel that ran it; the notebook is for Coro.
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    return elapsed


def _timestamp(text: str):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_outputs(nb, name: str) -> list[str]:
    """What is wrong with a freshly executed notebook: untagged errors, tagged cells that did
    not fail, tracebacks or addresses that would make the outputs unstable."""
    problems = []
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        tagged = "raises-exception" in cell.metadata.get("tags", [])
        if errors and not tagged:
            problems.append(f"{name} cell {number}: unexpected {errors[0].ename}")
        if tagged and not errors:
            problems.append(f"{name} cell {number}: tagged raises-exception but did not raise")
        for output in cell.outputs:
            text = json.dumps(output)
            if re.search(r"0x[0-9a-f]{6,}", text):
                problems.append(f"{name} cell {number}: an object address in the output")
    return problems


def missing_seed_examples(notebooks: list) -> list[str]:
    """The seed examples (`tests/conformance/seeds/*.py`, which are verbatim copies of the course
    seeds) that no notebook cell contains verbatim. The corpus's variants, which run what a seed
    leaves commented out, are not seed examples."""
    sources = [cell.source for nb in notebooks for cell in nb.cells if cell.cell_type == "code"]
    missing = []
    for seed in sorted(SEED_PROGRAMS.glob("*.py")):
        if seed.stem.endswith(SEED_VARIANT_SUFFIXES):
            continue
        text = seed.read_text(encoding="utf-8").rstrip("\n")
        if not any(text in source for source in sources):
            missing.append(seed.name)
    return missing


def comparable(nb) -> str:
    """The parts of a notebook that a rebuild must reproduce: sources, tags and outputs."""
    cells = []
    for cell in nb.cells:
        entry = {"type": cell.cell_type, "source": cell.source, "tags": cell.metadata.get("tags")}
        if cell.cell_type == "code":
            entry["outputs"] = cell.outputs
        cells.append(entry)
    return json.dumps(cells, sort_keys=True, indent=1)


def main(argv: list[str]) -> int:
    if sys.version_info[:2] != (3, 11):
        print(f"build.py: needs CPython 3.11, this is {sys.version}", file=sys.stderr)
        return 2
    import nbformat

    check = "--check" in argv
    patterns = [a for a in argv if a != "--check"]
    sources = sorted(SOURCES.glob("*.py"))
    if patterns:
        sources = [s for s in sources if any(p in s.stem for p in patterns)]
    failures = 0
    built = []
    for source in sources:
        target = HERE / f"{source.stem}.ipynb"
        nb = make_notebook(parse_source(source.read_text(encoding="utf-8")))
        elapsed = execute(nb, source.stem)
        problems = check_outputs(nb, source.stem)
        built.append(nb)
        if elapsed > SLOW_SECONDS:
            print(f"warning: {source.stem} took {elapsed:.1f} s to run")
        for problem in problems:
            print("PROBLEM", problem)
        failures += bool(problems)
        if check:
            stored = nbformat.read(target, as_version=4) if target.exists() else None
            if stored is None or comparable(stored) != comparable(nb):
                print(f"out of date: {target.name}")
                failures += 1
            else:
                print(f"up to date: {target.name} ({len(nb.cells)} cells, {elapsed:.1f} s)")
        elif not problems:
            nbformat.write(nb, target)
            print(f"built {target.name} ({len(nb.cells)} cells, {elapsed:.1f} s)")
    if not patterns:
        for seed in missing_seed_examples(built):
            print(f"PROBLEM no notebook contains the seed example {seed} verbatim")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
