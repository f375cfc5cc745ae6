"""Load test: concurrent readers work through the explorer's pages on 127.0.0.1 for a fixed time;
prints p50/p95 seconds per interaction, errors, and the server's memory (RSS, its console workers
included) and CPU.

Two kinds of reader, timed apart:
- sessions (`--sessions`, default 20) speak Streamlit's own protocol over a websocket, as a browser
  tab does, without drawing anything: each opens the app ("open app": the first page's script run)
  and then moves between pages as the sidebar's links do (a rerun of the page's script), running a
  SPARQL example on the console page; an interaction lasts from the request until the server has
  sent the whole page (script finished). This is the server's load; rendering is each reader's own
  machine's business, and 20 headless browsers on the server's 2 cores would measure themselves.
- browsers (`--browsers`, default 1) are real Debian chromium pages (Playwright) doing the same at the
  same time: what a reader sees while the server carries the sessions, rendering included.

Run: python -m bench.load [--sessions 20] [--browsers 1] [--seconds 60] [--ramp 20]
Nothing leaves the machine: every browser request to a host other than 127.0.0.1 is aborted and counted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import psutil
import websockets
from playwright.async_api import Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.app import ROOT
from tests.servers import FLAGS, free_port, stop, streamlit, wait_http

# (interaction, page title in the sidebar, what shows that the page is ready); SPARQL also runs a query
STEPS = [
    ("network", "Mạng lưới", "js:window.__pkgDrawn === true"),
    ("who owns what", "Ai làm gì", "[data-testid=stDataFrame]"),
    ("matrix", "Ma trận nhiệm vụ", ".vega-embed, [data-testid=stAlert]"),
    ("targets", "Mục tiêu", "[data-testid=stDataFrame]"),
    ("legal documents", "Văn bản pháp lý", "[data-testid=stDataFrame]"),
    ("overlaps", "Chồng lấn", "[data-testid=stDataFrame]"),
    ("draft vs final", "Dự thảo và chính thức", "[data-testid=stDataFrame]"),
    ("export", "Xuất", "[data-testid=stButton], [data-testid=stDownloadButton]"),
    ("sparql", "SPARQL", "[data-testid=stTextArea]"),
]
FIRST_PAGE = f"page=mang-luoi&q={quote('Bộ Công an')}"
STEP_TIMEOUT_MS = 60_000


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its live children."""
    proc = psutil.Process(pid)
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the console's worker processes), in MB."""
    proc = psutil.Process(pid)
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


IDLE = "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"


async def ready(page: Page, what: str) -> None:
    """The script run has ended and what the page shows is there."""
    await page.wait_for_function(IDLE, timeout=STEP_TIMEOUT_MS)
    if what.startswith("js:"):
        await page.wait_for_function(what[3:], timeout=STEP_TIMEOUT_MS)
    else:
        await page.locator(what).first.wait_for(timeout=STEP_TIMEOUT_MS)


async def go(page: Page, title: str) -> None:
    """Click the sidebar link to a page and wait until its script run has started."""
    await page.evaluate("window.__pkgDrawn = false")
    await page.locator("[data-testid=stSidebarNavLink]").filter(has_text=title).first.click()
    try:  # a fast run may start and end between two polls: then the idle wait below is enough
        await page.wait_for_function(IDLE.replace("'notRunning'", "'running'"), timeout=2_000, polling=20)
    except Exception:  # noqa: BLE001 - see above
        pass


async def session(browser, url: str, k: int, until: float, times: dict[str, list[float]],
                  errors: dict[str, list[str]], outside: list[str], steps: int = 10**9, delay: float = 0) -> None:
    """One user, arriving after `delay` seconds: a fresh context, pages in turn (starting at a different
    one each), until time is up."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def guard(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if host not in ("127.0.0.1", "localhost") and not route.request.url.startswith("data:"):
            outside.append(route.request.url)
            await route.abort()
        else:
            await route.continue_()

    await context.route("**/*", guard)
    page = await context.new_page()
    start = time.perf_counter()
    try:
        await page.goto(f"{url}/?{FIRST_PAGE}", timeout=STEP_TIMEOUT_MS, wait_until="commit")
        await ready(page, STEPS[0][2])
        times["open app"].append(time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - counted and reported; this session cannot go on
        errors["open app"].append(f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:120]}")
        await context.close()
        return
    step = 1 + k % (len(STEPS) - 1)
    for _ in range(steps):
        if time.monotonic() >= until:
            break
        name, title, what = STEPS[step]
        start = time.perf_counter()
        try:
            await go(page, title)
            await ready(page, what)
            if name == "sparql":
                await page.get_by_role("button", name="Chạy", exact=True).click()
                await page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=STEP_TIMEOUT_MS)
            times[name].append(time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001 - counted and reported, the session goes on
            errors[name].append(f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:120]}")
        step = (step + 1) % len(STEPS)
    await context.close()


class PageRun:
    """What one script run sent: its element types, the ids of its buttons by label, the app's pages."""

    def __init__(self) -> None:
        self.elements: list[str] = []
        self.buttons: dict[str, str] = {}
        self.pages: dict[str, str] = {}


async def rerun(ws: websockets.ClientConnection, query: str = "", page_hash: str = "",
                trigger: str = "") -> PageRun:
    """Ask for a script run (a page, or a button pressed) and read until the server says it finished."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_script_hash = page_hash
    if trigger:
        widget = msg.rerun_script.widget_states.widgets.add()
        widget.id, widget.trigger_value = trigger, True
    await ws.send(msg.SerializeToString())
    run = PageRun()
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await ws.recv())
        kind = fwd.WhichOneof("type")
        if kind == "navigation":
            run.pages = {p.page_name: p.page_script_hash for p in fwd.navigation.app_pages}
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            run.elements.append(element.WhichOneof("type") or "")
            if element.WhichOneof("type") == "button":
                run.buttons[element.button.label] = element.button.id
        elif kind == "script_finished":
            if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise RuntimeError("the script did not compile")
            if "exception" in run.elements:
                raise RuntimeError("the page showed a traceback")
            return run


async def socket_session(url: str, k: int, until: float, times: dict[str, list[float]],
                         errors: dict[str, list[str]], delay: float = 0) -> None:
    """One reader over Streamlit's websocket, arriving after `delay` seconds: opens the app, then pages
    in turn (starting at a different one each) until time is up."""
    await asyncio.sleep(delay)
    address = url.replace("http://", "ws://") + "/_stcore/stream"
    start = time.perf_counter()
    try:
        ws = await websockets.connect(address, subprotocols=[websockets.Subprotocol("streamlit")],
                                      max_size=None, origin=websockets.Origin(url), open_timeout=STEP_TIMEOUT_MS / 1000)
        first = await asyncio.wait_for(rerun(ws, query=FIRST_PAGE), STEP_TIMEOUT_MS / 1000)
        times["open app"].append(time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - counted and reported; this session cannot go on
        errors["open app"].append(f"{exc.__class__.__name__}: {str(exc)[:120]}")
        return
    pages = first.pages
    step = 1 + k % (len(STEPS) - 1)
    try:
        while time.monotonic() < until:
            name, title, _ = STEPS[step]
            start = time.perf_counter()
            try:
                page = await asyncio.wait_for(rerun(ws, page_hash=pages[title]), STEP_TIMEOUT_MS / 1000)
                if name == "sparql":
                    ran = await asyncio.wait_for(rerun(ws, page_hash=pages[title], trigger=page.buttons["Chạy"]),
                                                 STEP_TIMEOUT_MS / 1000)
                    if "dataframe" not in ran.elements:
                        raise RuntimeError("the console showed no rows")
                elif not page.elements:
                    raise RuntimeError("the page drew nothing")
                times[name].append(time.perf_counter() - start)
            except (TimeoutError, websockets.ConnectionClosed) as exc:
                errors[name].append(f"{exc.__class__.__name__}: {str(exc)[:120]}")
                break  # the connection is in an unknown state: this reader leaves
            except Exception as exc:  # noqa: BLE001 - counted and reported, the session goes on
                errors[name].append(f"{exc.__class__.__name__}: {str(exc)[:120]}")
            step = (step + 1) % len(STEPS)
    finally:
        await ws.close()


def start_server(work: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = streamlit(work, port, stderr=subprocess.DEVNULL)
    if not wait_http(url + "/_stcore/health", 120, proc, expect=b"ok"):
        stop(proc)
        raise SystemExit("streamlit did not start")
    return proc, url


def table(title: str, times: dict[str, list[float]], errors: dict[str, list[str]]) -> None:
    """p50/p95/max seconds and errors per interaction."""
    print(f"{title}: {sum(len(v) for v in times.values())} interactions, "
          f"{sum(len(v) for v in errors.values())} errors")
    print(f"  {'interaction':<18}{'n':>5}{'p50 s':>9}{'p95 s':>9}{'max s':>9}{'errors':>8}")
    for name in ["open app", *(name for name, _, _ in STEPS)]:
        xs = sorted(times[name])
        if xs:
            p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
            print(f"  {name:<18}{len(xs):>5}{statistics.median(xs):>9.2f}{p95:>9.2f}{xs[-1]:>9.2f}"
                  f"{len(errors[name]):>8}")
        else:
            print(f"  {name:<18}{0:>5}{'-':>9}{'-':>9}{'-':>9}{len(errors[name]):>8}")
    for name, msgs in errors.items():
        for msg in sorted(set(msgs))[:3]:
            print(f"    error in {name}: {msg}")


async def run(sessions: int, browsers: int, seconds: float, ramp: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="pkg-load-"))
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    subprocess.run([sys.executable, "-m", "policykg.cli", "--workspace", str(work / "workspace"), "build"],
                   cwd=ROOT, check=True, capture_output=True)
    proc, url = start_server(work)
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, list[float]] = defaultdict(list)
    seen_errors: dict[str, list[str]] = defaultdict(list)
    outside: list[str] = []
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            # warm-up: one browser through every page once (caches filled, console worker started)
            await session(browser, url, 0, time.monotonic() + 600, defaultdict(list), defaultdict(list), outside,
                          steps=len(STEPS))
            before, cpu_before = rss_mb(proc.pid), cpu_s(proc.pid)
            until = time.monotonic() + seconds
            started = time.perf_counter()
            await asyncio.wait_for(asyncio.gather(
                *(socket_session(url, k, until, times, errors, delay=k * ramp / max(sessions, 1))
                  for k in range(sessions)),
                *(session(browser, url, k, until, seen, seen_errors, outside) for k in range(browsers))),
                timeout=seconds + 3 * STEP_TIMEOUT_MS / 1000)
            wall = time.perf_counter() - started
            after, cpu = rss_mb(proc.pid), cpu_s(proc.pid) - cpu_before
            await browser.close()
    finally:
        stop(proc)
        shutil.rmtree(work, ignore_errors=True)
    done = sum(len(v) for v in times.values()) + sum(len(v) for v in seen.values())
    print(f"{sessions} sessions (arriving over {ramp:.0f} s) and {browsers} browser(s) for {wall:.0f} s; "
          f"{len(outside)} requests off 127.0.0.1")
    table(f"sessions ({sessions}, Streamlit's websocket protocol)", times, errors)
    table(f"browsers ({browsers}, chromium, rendering included)", seen, seen_errors)
    print(f"server RSS (with console workers): before {before:.0f} MB, after {after:.0f} MB")
    print(f"server CPU: {cpu:.1f} s in {wall:.0f} s ({cpu / wall:.2f} cores), "
          f"{cpu / max(done, 1):.2f} s per interaction; load average {os.getloadavg()[0]:.1f} at the end")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="readers over Streamlit's websocket")
    parser.add_argument("--browsers", type=int, default=1, help="readers in chromium at the same time")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ramp", type=float, default=20.0,
                        help="the sessions arrive evenly over this many seconds (0: all at once)")
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.browsers, args.seconds, args.ramp))


if __name__ == "__main__":
    main()
