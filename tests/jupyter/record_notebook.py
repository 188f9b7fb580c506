"""Record a notebook's outputs from CPython, through ipykernel, as the course notebooks are.

    python record_notebook.py NOTEBOOK.ipynb [--output OUT.ipynb] [--kernel python3]

Runs every code cell with nbclient in the given kernel (CPython's `python3` by default),
errors allowed, and writes the notebook back with its outputs and execution counts. The
stored outputs are what `coro check` and nbval compare Coro against, so they must come from
CPython and never be edited by hand. Timing metadata is not recorded, to keep diffs small.
"""

import argparse
import sys

import nbformat
from nbclient import NotebookClient


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebook")
    ap.add_argument("--output", help="where to write (default: in place)")
    ap.add_argument("--kernel", default="python3", help="kernelspec to record with (default python3)")
    args = ap.parse_args()
    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(nb, kernel_name=args.kernel, allow_errors=True, record_timing=False, timeout=120)
    client.execute()
    nbformat.write(nb, args.output or args.notebook)
    print(f"recorded {args.notebook} with {args.kernel} ({sys.version.split()[0]} client)")


if __name__ == "__main__":
    main()
