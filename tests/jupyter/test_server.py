"""The kernel behind jupyter_server, the way JupyterLab and Notebook 7 use it: kernels are
started, interrupted, restarted and stopped through the REST API, and messages travel over
the kernel's websocket (which makes the server nudge the kernel with kernel_info on shell and
control until iopub is live).

Run by tests/jupyter/run.sh with the Coro kernelspec visible through JUPYTER_PATH.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import uuid

import websocket

KERNEL_NAME = os.environ.get("CORO_KERNEL_NAME", "coro")
BIN = os.path.dirname(sys.executable)
TOKEN = uuid.uuid4().hex
TIMEOUT = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.port = free_port()
        cls.log = open(os.path.join(cls.tmp.name, "server.log"), "w")
        cls.server = subprocess.Popen(
            [
                os.path.join(BIN, "jupyter-server"), "--no-browser", f"--port={cls.port}",
                "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", "--allow-root",
                "--ServerApp.terminals_enabled=False",
                f"--ServerApp.root_dir={cls.tmp.name}",
            ],
            stdout=cls.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + TIMEOUT
        while True:
            try:
                cls.api("GET", "/api/status")
                break
            except OSError:
                if time.time() > deadline or cls.server.poll() is not None:
                    cls.log.flush()
                    with open(cls.log.name) as log:
                        raise RuntimeError("jupyter_server did not start:\n" + log.read()) from None
                time.sleep(0.2)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(TIMEOUT)
        cls.log.close()
        cls.tmp.cleanup()

    @classmethod
    def api(cls, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{cls.port}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            text = response.read()
            return json.loads(text) if text else None

    def connect(self, kernel_id):
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
            header=[f"Authorization: token {TOKEN}"],
            timeout=TIMEOUT,
        )
        self.addCleanup(ws.close)
        return ws

    def request(self, ws, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {
                "msg_id": msg_id, "msg_type": msg_type, "session": "lab", "username": "test",
                "date": "2026-01-01T00:00:00.000000Z", "version": "5.3",
            },
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
        }))
        return msg_id

    def until_idle(self, ws, msg_id):
        """Every message with `msg_id` as parent until both its reply and its idle have come
        (in either order: they travel on different sockets), and the reply."""
        reply, seen, idle = None, [], False
        while reply is None or not idle:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] in ("shell", "control"):
                reply = msg
            else:
                seen.append(msg)
                idle = idle or (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle")
        return reply, seen

    def execute(self, ws, code):
        msg_id = self.request(ws, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": True, "stop_on_error": True,
        })
        return self.until_idle(ws, msg_id)

    def test_a_notebook_session_through_the_server(self):
        kernel = self.api("POST", "/api/kernels", {"name": KERNEL_NAME})
        kernel_id = kernel["id"]
        ws = self.connect(kernel_id)

        reply, seen = self.execute(ws, 'print("hello, world")\n6*7')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        streams = "".join(m["content"]["text"] for m in seen if m["msg_type"] == "stream")
        self.assertEqual(streams, "hello, world\n")
        results = [m["content"]["data"]["text/plain"] for m in seen if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

        # The stop button: POST .../interrupt while a cell runs.
        msg_id = self.request(ws, "execute_request", {"code": "while True:\n    pass", "stop_on_error": True})
        time.sleep(0.3)
        self.api("POST", f"/api/kernels/{kernel_id}/interrupt")
        reply, _ = self.until_idle(ws, msg_id)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")

        # Tab completion and the console's Enter key.
        msg_id = self.request(ws, "complete_request", {"code": "pri", "cursor_pos": 3})
        reply, _ = self.until_idle(ws, msg_id)
        self.assertIn("print", reply["content"]["matches"])
        msg_id = self.request(ws, "is_complete_request", {"code": "for i in range(3):"})
        reply, _ = self.until_idle(ws, msg_id)
        self.assertEqual(reply["content"]["status"], "incomplete")

        # The restart button: a fresh kernel with fresh globals.
        self.execute(ws, "x = 1")
        self.api("POST", f"/api/kernels/{kernel_id}/restart")
        ws = self.connect(kernel_id)
        reply, _ = self.execute(ws, "x")
        self.assertEqual(reply["content"]["ename"], "NameError")

        self.api("DELETE", f"/api/kernels/{kernel_id}")
        self.assertEqual(self.api("GET", "/api/kernels"), [])

    def test_kernelspec_is_listed(self):
        specs = self.api("GET", "/api/kernelspecs")["kernelspecs"]
        spec = specs[KERNEL_NAME]["spec"]
        self.assertEqual(spec["language"], "python")
        self.assertEqual(spec["display_name"], "Coro")
        self.assertIn("logo-svg", specs[KERNEL_NAME]["resources"])


if __name__ == "__main__":
    unittest.main()
