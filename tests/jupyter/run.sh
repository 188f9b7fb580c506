#!/usr/bin/env bash
# The Python-driven kernel tests.
#
#   tests/jupyter/run.sh VENV CORO_BIN
#
# VENV is a virtual environment with tests/requirements.txt installed; CORO_BIN is the built
# `coro` binary. The script installs the Coro kernelspec (and a signal-mode twin) into a
# temporary prefix made visible through JUPYTER_PATH, then runs, with unittest:
#   test_coro_kernel.py       jupyter_kernel_test's conformance suite
#   test_client_behaviour.py  stdin, interrupts (both modes), restart, shutdown, console
#   test_notebooks.py         nbclient, nbconvert --execute, papermill and nbval
#   test_server.py            jupyter_server (what JupyterLab and Notebook 7 talk to)
# Nothing outside the temporary directory is touched. Any failure makes the script fail.
set -euo pipefail

die() { echo "tests/jupyter/run.sh: $*" >&2; exit 2; }

[ $# -eq 2 ] || die "usage: tests/jupyter/run.sh VENV CORO_BIN"
VENV=$(cd "$1" 2>/dev/null && pwd) || die "no such venv: $1"
CORO=$(cd "$(dirname "$2")" 2>/dev/null && pwd)/$(basename "$2")
PYTHON="$VENV/bin/python"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

[ -x "$PYTHON" ] || die "no python in $VENV (create it with: python3 -m venv VENV && VENV/bin/pip install -r tests/requirements.txt)"
[ -x "$CORO" ] || die "no executable coro binary at $2 (build it with: cargo build --release -p coro-kernel)"
"$PYTHON" -c "import jupyter_kernel_test, jupyter_client, jupyter_server, nbclient, papermill, nbval, websocket" 2>/dev/null \
    || die "$VENV lacks the test tools (install tests/requirements.txt into it)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/coro-jupyter-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"

"$CORO" install --prefix "$PREFIX" --name coro --display-name "Coro"
"$CORO" install --prefix "$PREFIX" --name coro-signal --display-name "Coro (signal interrupts)"
"$PYTHON" - "$PREFIX/share/jupyter/kernels/coro-signal/kernel.json" <<'EOF'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
spec["interrupt_mode"] = "signal"
json.dump(spec, open(path, "w"), indent=1)
EOF

# Jupyter finds the kernelspecs through JUPYTER_PATH; its own runtime and data files stay in
# the temporary directory.
export JUPYTER_PATH="$PREFIX/share/jupyter"
export JUPYTER_RUNTIME_DIR="$WORK/runtime"
export JUPYTER_DATA_DIR="$WORK/data"
export JUPYTER_CONFIG_DIR="$WORK/config"
export IPYTHONDIR="$WORK/ipython"
export CORO_KERNEL_NAME=coro
export CORO_SIGNAL_KERNEL_NAME=coro-signal
export PYDEVD_DISABLE_FILE_VALIDATION=1

SPECS=$("$VENV/bin/jupyter" kernelspec list)
grep -q "^  coro  .*$PREFIX/share/jupyter/kernels/coro\$" <<<"$SPECS" \
    || die "jupyter kernelspec list does not show the installed coro kernelspec:
$SPECS"

cd "$HERE"
"$PYTHON" -m unittest -v test_coro_kernel test_client_behaviour test_notebooks test_server
