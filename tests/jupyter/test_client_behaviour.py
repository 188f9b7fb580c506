"""What jupyter_kernel_test does not cover, driven through jupyter_client as frontends do:
stdin, interrupts in both modes, control while shell is busy, restart, shutdown, heartbeat,
and `jupyter console`.

Run by tests/jupyter/run.sh, which installs two kernelspecs: CORO_KERNEL_NAME (message-mode
interrupts, the default) and CORO_SIGNAL_KERNEL_NAME (the same kernel with
`interrupt_mode: signal`, so jupyter_client sends SIGINT).

Interrupt latencies are printed, not enforced tightly (performance is measured by the
benchmarks); the bound asserted here only proves the interrupt works.
"""

import os
import subprocess
import sys
import tempfile
import time
import unittest

from jupyter_client.manager import KernelManager, start_new_kernel

KERNEL_NAME = os.environ.get("CORO_KERNEL_NAME", "coro")
SIGNAL_KERNEL_NAME = os.environ.get("CORO_SIGNAL_KERNEL_NAME", "coro-signal")
TIMEOUT = 30

COUNTER = """\
def counter():
    total = 0
    while True:
        total += yield total

g = counter()
next(g)
"""

# Cells that never end by themselves, each in the state the issue names.
STUCK_CELLS = {
    "busy loop": "while True:\n    pass",
    "time.sleep": "import time\ntime.sleep(60)",
    "asyncio.sleep": "import asyncio\nasync def main():\n    await asyncio.sleep(60)\nasyncio.run(main())",
    "generator pipeline": (
        "def source():\n    while True:\n        yield 1\n"
        "def double(items):\n    for x in items:\n        yield 2 * x\n"
        "for value in double(double(double(double(source())))):\n    pass"
    ),
}


class KernelCase(unittest.TestCase):
    kernel_name = KERNEL_NAME

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=self.kernel_name, startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.has_kernel:
            self.km.shutdown_kernel(now=True)

    def run_cell(self, code, **kwargs):
        """Executes and waits; returns (reply content, list of iopub messages)."""
        seen = []
        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=seen.append, **kwargs)
        return reply["content"], seen

    def result_of(self, code):
        content, seen = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        results = [m["content"]["data"]["text/plain"] for m in seen if m["msg_type"] == "execute_result"]
        return results[0] if results else None

    def interrupt_stuck_cell(self, code, allow_stdin=False):
        """Starts `code`, interrupts it through the kernel manager, returns (reply, seconds
        from the interrupt to the reply)."""
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        time.sleep(0.3)
        started = time.perf_counter()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        return reply["content"], time.perf_counter() - started


class StdinTests(KernelCase):
    def test_input_round_trip(self):
        prompts = []

        def answer(msg):
            prompts.append(msg["content"])
            self.kc.input("Ada")

        content, seen = self.run_cell(
            "name = input('Name: ')\nprint('hello', name)", allow_stdin=True, stdin_hook=answer
        )
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(prompts, [{"prompt": "Name: ", "password": False}])
        text = "".join(m["content"]["text"] for m in seen if m["msg_type"] == "stream")
        self.assertEqual(text, "hello Ada\n")

    def test_input_without_stdin_fails_at_once(self):
        started = time.perf_counter()
        content, _ = self.run_cell("input('never shown')", allow_stdin=False)
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "StdinNotImplementedError")
        self.assertLess(time.perf_counter() - started, 5)


class InterruptTests(KernelCase):
    def check_interrupts(self):
        self.run_cell(COUNTER)
        self.run_cell("keep = 41")
        for name, code in STUCK_CELLS.items():
            with self.subTest(cell=name):
                reply, seconds = self.interrupt_stuck_cell(code)
                print(f"\n  {self.kernel_name}: interrupt of {name}: {seconds * 1000:.1f} ms", file=sys.stderr)
                self.assertEqual(reply["status"], "error", reply)
                self.assertEqual(reply["ename"], "KeyboardInterrupt")
                self.assertLess(seconds, 2.0)
                # Globals and suspended generators survive.
                self.assertEqual(self.result_of("keep + 1"), "42")
        self.assertEqual(self.result_of("g.send(5)"), "5")

    def test_interrupts_in_message_mode(self):
        self.check_interrupts()

    def test_interrupt_ends_a_wait_for_input(self):
        reply, seconds = self.interrupt_stuck_cell("input('waiting')", allow_stdin=True)
        print(f"\n  {self.kernel_name}: interrupt of input(): {seconds * 1000:.1f} ms", file=sys.stderr)
        self.assertEqual(reply["ename"], "KeyboardInterrupt")
        self.assertLess(seconds, 2.0)

    def test_control_answers_while_shell_is_busy(self):
        msg_id = self.kc.execute("while True:\n    pass")
        time.sleep(0.3)
        started = time.perf_counter()
        request = self.kc.session.msg("kernel_info_request")
        self.kc.control_channel.send(request)
        reply = self.kc.control_channel.get_msg(timeout=TIMEOUT)
        elapsed = time.perf_counter() - started
        print(f"\n  kernel_info on control while busy: {elapsed * 1000:.1f} ms", file=sys.stderr)
        self.assertEqual(reply["parent_header"]["msg_id"], request["header"]["msg_id"])
        self.assertEqual(reply["content"]["implementation"], "coro")
        self.assertLess(elapsed, 1.0)
        self.km.interrupt_kernel()
        while self.kc.get_shell_msg(timeout=TIMEOUT)["parent_header"].get("msg_id") != msg_id:
            pass


class SignalInterruptTests(InterruptTests):
    kernel_name = SIGNAL_KERNEL_NAME

    def test_spec_uses_signals(self):
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "signal")


class LifecycleTests(KernelCase):
    def session_of_kernel_info(self):
        reply = self.kc.kernel_info(reply=True, timeout=TIMEOUT)
        return reply["header"]["session"]

    def test_restart_gives_a_fresh_session(self):
        self.run_cell("x = 1")
        before = self.session_of_kernel_info()
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        after = self.session_of_kernel_info()
        self.assertNotEqual(before, after)
        content, _ = self.run_cell("x")
        self.assertEqual(content["ename"], "NameError")

    def test_shutdown_is_graceful(self):
        process = self.km.provisioner.process
        started = time.perf_counter()
        self.km.shutdown_kernel(now=False)
        elapsed = time.perf_counter() - started
        print(f"\n  graceful shutdown: {elapsed * 1000:.0f} ms", file=sys.stderr)
        self.assertEqual(process.wait(timeout=TIMEOUT), 0, "the kernel was killed instead of exiting")

    def test_heartbeat_beats(self):
        deadline = time.time() + 5
        while not self.kc.hb_channel.is_beating() and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(self.kc.hb_channel.is_beating())


class IpcTransportTests(unittest.TestCase):
    def test_kernel_over_ipc(self):
        with tempfile.TemporaryDirectory() as tmp:
            km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(tmp, "coro"))
            km.start_kernel()
            kc = km.client()
            try:
                kc.start_channels()
                kc.wait_for_ready(timeout=TIMEOUT)
                self.assertEqual(kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]["implementation"], "coro")
                seen = []
                reply = kc.execute_interactive("6*7", timeout=TIMEOUT, output_hook=seen.append)
                self.assertEqual(reply["content"]["status"], "ok", reply["content"])
                results = [m["content"]["data"]["text/plain"] for m in seen if m["msg_type"] == "execute_result"]
                self.assertEqual(results, ["42"])
            finally:
                kc.stop_channels()
                km.shutdown_kernel()


class ConsoleTests(unittest.TestCase):
    def test_jupyter_console_runs_cells(self):
        console = os.path.join(os.path.dirname(sys.executable), "jupyter-console")
        result = subprocess.run(
            [console, "--kernel", KERNEL_NAME, "--simple-prompt", "--ZMQTerminalInteractiveShell.kernel_timeout=30"],
            input="print('hello from the console')\n6*7\nexit\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertIn("hello from the console", result.stdout, result.stdout + result.stderr)
        self.assertIn("42", result.stdout, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
