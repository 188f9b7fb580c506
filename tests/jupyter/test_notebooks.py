"""Notebooks run through the Jupyter tools that execute them headlessly: nbclient,
`jupyter nbconvert --execute`, papermill and nbval, each with the Coro kernelspec.

CPython is the oracle: the expected outputs are those stored in the notebook (recorded from
ipykernel by record_notebook.py) or, for papermill and nbval, produced in the same test by
running the notebook with the `python3` kernel (ipykernel, installed in the test venv).
Outputs are compared as `coro check` compares them: stdout and stderr text per stream, and in
order the text/plain of results and the ename/evalue of errors, with object addresses
masked.
"""

import copy
import os
import re
import subprocess
import sys
import tempfile
import unittest

import nbformat
import papermill
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEMO = os.path.join(REPO, "kernel", "tests", "data", "check_demo.ipynb")
PARAMS = os.path.join(HERE, "data", "params.ipynb")
KERNEL_NAME = os.environ.get("CORO_KERNEL_NAME", "coro")
BIN = os.path.dirname(sys.executable)

ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")


def normalize(text):
    return ADDRESS.sub("0x...", text)


def view(cell):
    """The comparable part of a code cell's outputs."""
    stdout, stderr, results = "", "", []
    for out in cell.get("outputs", []):
        kind = out["output_type"]
        if kind == "stream":
            if out["name"] == "stderr":
                stderr += normalize(out["text"])
            else:
                stdout += normalize(out["text"])
        elif kind in ("execute_result", "display_data"):
            results.append((kind, normalize(out["data"].get("text/plain", ""))))
        elif kind == "error":
            results.append(("error", out["ename"], normalize(out["evalue"])))
    return {"stdout": stdout, "stderr": stderr, "results": results}


def code_views(nb):
    return [view(c) for c in nb.cells if c.cell_type == "code"]


class NotebookTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_nbclient_matches_the_outputs_recorded_from_cpython(self):
        stored = nbformat.read(DEMO, as_version=4)
        nb = copy.deepcopy(stored)
        NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60, record_timing=False).execute()
        self.assertEqual(code_views(nb), code_views(stored))
        self.assertEqual(nb.metadata.language_info.name, "python")
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(counts, list(range(1, len(counts) + 1)))

    def test_nbclient_stops_at_an_untagged_error(self):
        nb = nbformat.v4.new_notebook(
            cells=[
                nbformat.v4.new_code_cell("print('before')"),
                nbformat.v4.new_code_cell("raise RuntimeError('stop here')"),
                nbformat.v4.new_code_cell("print('after')"),
            ]
        )
        client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60)
        with self.assertRaises(Exception) as caught:
            client.execute()
        self.assertIn("RuntimeError: stop here", str(caught.exception))
        self.assertEqual(nb.cells[2].outputs, [])

    def test_nbconvert_execute(self):
        out = self.path("converted.ipynb")
        subprocess.run(
            [
                os.path.join(BIN, "jupyter-nbconvert"), "--to", "notebook", "--execute",
                f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}", "--output", out, DEMO,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        self.assertEqual(code_views(nbformat.read(out, as_version=4)), code_views(nbformat.read(DEMO, as_version=4)))

    def test_papermill_with_parameters(self):
        outputs = {}
        for kernel in (KERNEL_NAME, "python3"):
            out = self.path(f"params-{kernel}.ipynb")
            papermill.execute_notebook(
                PARAMS, out, parameters={"n": 5}, kernel_name=kernel, progress_bar=False, log_output=False
            )
            outputs[kernel] = code_views(nbformat.read(out, as_version=4))
        self.assertEqual(outputs[KERNEL_NAME], outputs["python3"])
        self.assertIn({"stdout": "[5, 4, 3, 2, 1]\n", "stderr": "", "results": []}, outputs[KERNEL_NAME])

    def test_nbval_against_outputs_recorded_now_from_cpython(self):
        recorded = self.path("recorded.ipynb")
        subprocess.run(
            [sys.executable, os.path.join(HERE, "record_notebook.py"), PARAMS, "--output", recorded],
            check=True,
            capture_output=True,
            timeout=120,
        )
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
             "--nbval-kernel-name", KERNEL_NAME, recorded],
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
