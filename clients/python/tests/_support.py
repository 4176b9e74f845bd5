"""Test support: a real Arbiter server in a subprocess, and a scripted fake HTTP server."""
from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # clients/python
REPO_ROOT = Path(__file__).resolve().parents[3]
if str(PACKAGE_ROOT) not in sys.path:
    sys.path.insert(0, str(PACKAGE_ROOT))

ARBITER_BIN = REPO_ROOT / "bin" / "arbiter.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ArbiterServer:
    """``node bin/arbiter.js serve`` on a free port, with ARBITER_THREADS=1 and the given env."""

    def __init__(self, **env: str) -> None:
        self.env = env
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.proc: Optional[subprocess.Popen] = None
        self.log = tempfile.NamedTemporaryFile(prefix="arbiter-test-", suffix=".log", delete=False)

    def start(self, timeout: float = 90.0) -> "ArbiterServer":
        if shutil.which("node") is None or not ARBITER_BIN.exists():
            raise unittest.SkipTest("node or %s not available" % ARBITER_BIN)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ARBITER_")}
        env.update({"PORT": str(self.port), "HOST": "127.0.0.1", "ARBITER_THREADS": "1", "LOG_LEVEL": "warn"})
        env.update(self.env)
        self.proc = subprocess.Popen(
            ["node", str(ARBITER_BIN), "serve"], cwd=str(REPO_ROOT), env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("arbiter exited with %s:\n%s" % (self.proc.returncode, self.log_tail()))
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("arbiter did not become healthy in %ss:\n%s" % (timeout, self.log_tail()))

    def log_tail(self) -> str:
        with open(self.log.name, "rb") as fh:
            return fh.read()[-4000:].decode("utf-8", "replace")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        try:
            self.log.close()
            os.unlink(self.log.name)
        except OSError:
            pass

    def metric(self, route: str, method: str = "POST", status: str = "200") -> float:
        """Server-side request count of a route (from /metrics)."""
        with urllib.request.urlopen(self.url + "/metrics", timeout=5) as resp:
            text = resp.read().decode()
        pattern = r'^arbiter_http_requests_total\{route="%s",method="%s",status="%s"\} (\S+)$' % (
            re.escape(route), method, status)
        m = re.search(pattern, text, re.M)
        return float(m.group(1)) if m else 0.0


_shared: Optional[ArbiterServer] = None


def shared_server() -> ArbiterServer:
    """One open (no keys) server per test process, started on first use, stopped at exit."""
    global _shared
    if _shared is None:
        _shared = ArbiterServer().start()
        atexit.register(_shared.stop)
    return _shared


class FakeServer:
    """A scripted HTTP/1.1 server: answers the queued (status, headers, body) in order (the last one
    repeats), records every request (method, path, headers, body, client port)."""

    def __init__(self, script: List[Tuple[int, Dict[str, str], Any]], delay: float = 0.0) -> None:
        self.script = list(script)
        self.requests: List[Dict[str, Any]] = []
        self.delay = delay
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append({
                    "method": self.command, "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": json.loads(body) if body else None, "client_port": self.client_address[1],
                })
                index = min(len(fake.requests) - 1, len(fake.script) - 1)
                status, headers, payload = fake.script[index]
                if fake.delay:
                    time.sleep(fake.delay)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and went away

            do_GET = do_POST = do_DELETE = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


def grade_body(completions: List[str], answer: str = "Paris", **group: Any) -> Dict[str, Any]:
    return {"groups": [dict({"task": {"type": "text", "answer": answer}, "completions": completions}, **group)]}


GOOD = "<think>\nThe capital of France.\n</think>\n<answer>\nParis\n</answer>"
WRONG_FORMATTED = "<think>\nHmm.\n</think>\n<answer>\nLyon\n</answer>"
