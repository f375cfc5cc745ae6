"""Local servers for tests and benchmarks: a free port, waiting until one answers, stopping the process
that serves it, and an HTTP listener that records every request (to show that nothing was fetched)."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # chromium on loopback, nothing fetched on its own


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, seconds: float, proc: subprocess.Popen[Any] | None = None, expect: bytes | None = None,
              poll: float = 0.2) -> bool:
    """True once `url` answers (with the body `expect`, if given); False when time is up or `proc` exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if expect is None or answer.read() == expect:
                    return True
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(poll)
    return False


def streamlit(cwd: Path, port: int, stderr: int | IO[Any] = subprocess.PIPE,
              workspace: Path | None = None) -> subprocess.Popen[str]:
    """The app as `make run` starts it (`python -m policykg.serve`: the workspace opened before the server
    listens, then `streamlit run app.py`) on 127.0.0.1:port, headless, in `cwd` (where its workspace is, unless
    `workspace` names another)."""
    more = ["--workspace", str(workspace)] if workspace is not None else []
    return subprocess.Popen([sys.executable, "-m", "policykg.serve", "--port", str(port), "--address", "127.0.0.1",
                             *more], cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr, text=True)


def stop(proc: subprocess.Popen[Any], grace: float = 10) -> None:
    """Ask a process we started to end, kill it if it has not after `grace` seconds, and reap it."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Listener:
    """An HTTP server on 127.0.0.1 that records the path of every request it sees."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *_: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
