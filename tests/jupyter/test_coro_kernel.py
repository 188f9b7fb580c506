"""jupyter_kernel_test's protocol conformance suite, run against the Coro kernel.

Every attribute jupyter_kernel_test 0.7.0 offers is filled in except the three Coro has no
feature for: `code_page_something` (no pager payloads), `code_clear_output` (no
`clear_output`) and `code_display_data` (no `display()` in the language yet).
The samples are ipykernel's own where they apply (its is_complete samples follow IPython,
whose rules Coro's console behaviour copies).

Run by tests/jupyter/run.sh, which installs the kernelspec named by CORO_KERNEL_NAME.
"""

import os
import unittest

import jupyter_kernel_test as jkt

KERNEL_NAME = os.environ.get("CORO_KERNEL_NAME", "coro")


class CoroKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME

    language_name = "python"
    file_extension = ".py"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys\nprint("something went wrong", file=sys.stderr)'

    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "yie", "matches": {"yield"}},
        {"text": "zzz_no_such_name", "matches": set()},
        {"text": "import co"},
        {"text": "len.__na"},
    ]

    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2\n", "for i in range(3):"]
    invalid_code_samples = ["import = 7q", "def f(:"]

    code_generate_error = "raise ValueError('oops')"

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "'co' + 'ro'", "result": "'coro'"},
        {"code": "[x * x for x in range(4)]", "result": "[0, 1, 4, 9]"},
        {"code": "def gen():\n    yield 1\n    yield 2\nlist(gen())", "result": "[1, 2]"},
    ]

    # A glob matching exactly one of the codes above.
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"


class CoroIopubWelcomeTests(jkt.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
