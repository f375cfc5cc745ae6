"""Load test: concurrent browser sessions (Playwright contexts in Debian chromium) work through the
explorer's pages on 127.0.0.1 for a fixed time; prints p50/p95 seconds per interaction, errors, and
the server's memory (RSS, its console workers included) before and after.

Each session opens the app once ("open app": the front end loads, the first page is drawn) and then
moves between pages as a reader does, with the sidebar's links: an interaction is timed from the
click until the page's script run has ended and its content is on the page. The browsers run on the
same cores as the server, so the figures include the readers' own rendering.

Run: python -m bench.load [--sessions 20] [--seconds 60] [--ramp 20]   (needs /usr/bin/chromium)
Nothing leaves the machine: every request to a host other than 127.0.0.1 is aborted and counted.
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
from playwright.async_api import Page, async_playwright

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


def start_server(work: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = streamlit(work, port, stderr=subprocess.DEVNULL)
    if not wait_http(url + "/_stcore/health", 120, proc, expect=b"ok"):
        stop(proc)
        raise SystemExit("streamlit did not start")
    return proc, url


async def run(sessions: int, seconds: float, ramp: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="pkg-load-"))
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    subprocess.run([sys.executable, "-m", "policykg.cli", "--workspace", str(work / "workspace"), "build"],
                   cwd=ROOT, check=True, capture_output=True)
    proc, url = start_server(work)
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    outside: list[str] = []
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            # warm-up: one session through every page once (caches filled, console worker started)
            await session(browser, url, 0, time.monotonic() + 600, defaultdict(list), defaultdict(list), outside,
                          steps=len(STEPS))
            before, cpu_before = rss_mb(proc.pid), cpu_s(proc.pid)
            until = time.monotonic() + seconds
            started = time.perf_counter()
            await asyncio.wait_for(
                asyncio.gather(*(session(browser, url, k, until, times, errors, outside, delay=k * ramp / sessions)
                    for k in range(sessions))),
                timeout=seconds + 3 * STEP_TIMEOUT_MS / 1000)
            wall = time.perf_counter() - started
            after, cpu = rss_mb(proc.pid), cpu_s(proc.pid) - cpu_before
            await browser.close()
    finally:
        stop(proc)
        shutil.rmtree(work, ignore_errors=True)
    done = sum(len(v) for v in times.values())
    failed = sum(len(v) for v in errors.values())
    print(f"{sessions} sessions (arriving over {ramp:.0f} s), {wall:.0f} s, {done} interactions, {failed} errors, "
          f"{len(outside)} requests off 127.0.0.1")
    print(f"{'interaction':<18}{'n':>5}{'p50 s':>9}{'p95 s':>9}{'max s':>9}{'errors':>8}")
    for name in ["open app", *(name for name, _, _ in STEPS)]:
        xs = sorted(times[name])
        if xs:
            p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
            print(f"{name:<18}{len(xs):>5}{statistics.median(xs):>9.2f}{p95:>9.2f}{xs[-1]:>9.2f}"
                  f"{len(errors[name]):>8}")
        else:
            print(f"{name:<18}{0:>5}{'-':>9}{'-':>9}{'-':>9}{len(errors[name]):>8}")
    print(f"server RSS (with console workers): before {before:.0f} MB, after {after:.0f} MB")
    print(f"server CPU: {cpu:.1f} s in {wall:.0f} s ({cpu / wall:.2f} cores), "
          f"{cpu / max(done, 1):.2f} s per interaction; load average {os.getloadavg()[0]:.1f} at the end")
    for name, msgs in errors.items():
        for msg in sorted(set(msgs))[:3]:
            print(f"  error in {name}: {msg}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ramp", type=float, default=20.0,
                        help="the sessions arrive evenly over this many seconds (0: all at once)")
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.seconds, args.ramp))


if __name__ == "__main__":
    main()
