"""Print explorer timings in a real browser (Debian chromium through Playwright):
seconds from server start to the first drawn network, and from a filter change (the node cap)
to the redrawn network, at about 50 / 300 / 1,000 nodes.

Run: python -m bench.app   (needs /usr/bin/chromium)
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="pkg-bench-"))
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    subprocess.run([sys.executable, "-m", "policykg.cli", "--workspace", str(work / "workspace"), "build"],
                   cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with sync_playwright() as p:
        # the reader's browser is already open: launch it before the server starts
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                                 str(port), "--server.address", "127.0.0.1"], cwd=work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            while True:
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.05)
            print(f"server start -> health check answers: {time.perf_counter() - t0:.2f} s")
            t1 = time.perf_counter()
            page.goto(f"{url}/?page={quote('Mạng lưới')}&q={quote('Bộ Công an')}")
            page.wait_for_function("window.__pkgCalledAt !== undefined", timeout=120_000)
            t2 = time.perf_counter()
            page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
            print(f"page -> network data on the page {t2 - t1:.2f} s, -> drawn {time.perf_counter() - t1:.2f} s")
            print(f"server start -> first drawn network (Bộ Công an, depth 1): {time.perf_counter() - t0:.2f} s")
            for cap, depth in ((50, 3), (300, 3), (1000, 3)):
                page.goto(f"{url}/?page={quote('Mạng lưới')}&q={quote('Bộ Công an')}&depth={depth}&cap=10")
                page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
                page.evaluate("window.__pkgDrawn = false")
                box = page.get_by_label("Giới hạn nút / Node cap")
                box.fill(str(cap))
                start = time.perf_counter()
                t_js = page.evaluate("performance.now()")
                box.press("Enter")
                page.wait_for_function("window.__pkgDrawn === true", timeout=300_000)
                drawn = time.perf_counter() - start
                page.wait_for_function("window.__pkgStable === true", timeout=300_000)
                stable = time.perf_counter() - start
                nodes = page.evaluate("window.__pkgNetwork.body.data.nodes.length")
                called, drawn_at = page.evaluate("[window.__pkgCalledAt, window.__pkgDrawnAt]")
                print(f"filter change -> redrawn network: {nodes:5d} nodes, drawn {drawn:.2f} s, "
                      f"physics settled {stable:.2f} s (rerun until data reached the page "
                      f"{(called - t_js) / 1000:.2f} s, vis layout and first draw {(drawn_at - called) / 1000:.2f} s)")
            browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
