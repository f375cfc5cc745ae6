"""Load test: concurrent browser sessions (Playwright contexts in Debian chromium) work through the
explorer's pages on 127.0.0.1 for a fixed time; prints p50/p95 seconds per interaction, errors, and
the server's memory (RSS, its console workers included) before and after.

Run: python -m bench.load [--sessions 20] [--seconds 60]   (needs /usr/bin/chromium)
Nothing leaves the machine: every request to a host other than 127.0.0.1 is aborted and counted.
"""

from __future__ import annotations

import argparse
import asyncio
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

# (interaction, URL query, what shows that the page is ready); the SPARQL one also runs a query
STEPS = [
    ("network", f"page=mang-luoi&q={quote('Bộ Công an')}", "js:window.__pkgDrawn === true"),
    ("who owns what", "page=ai-lam-gi", "[data-testid=stDataFrame]"),
    ("matrix", "page=ma-tran", ".vega-embed, [data-testid=stAlert]"),
    ("targets", "page=muc-tieu", "[data-testid=stDataFrame]"),
    ("legal documents", "page=van-ban", "[data-testid=stDataFrame]"),
    ("overlaps", "page=chong-lan", "[data-testid=stDataFrame]"),
    ("draft vs final", "page=du-thao", "[data-testid=stDataFrame]"),
    ("export", "page=xuat", "[data-testid=stButton], [data-testid=stDownloadButton]"),
    ("sparql", "page=sparql", "[data-testid=stTextArea]"),
]
STEP_TIMEOUT_MS = 60_000


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


async def ready(page: Page, what: str) -> None:
    if what.startswith("js:"):
        await page.wait_for_function(what[3:], timeout=STEP_TIMEOUT_MS)
    else:
        await page.locator(what).first.wait_for(timeout=STEP_TIMEOUT_MS)


async def session(browser, url: str, k: int, until: float, times: dict[str, list[float]],
                  errors: dict[str, list[str]], outside: list[str], steps: int = 10**9) -> None:
    """One user: a fresh context, pages in turn (starting at a different one each), until time is up."""
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
    step = k % len(STEPS)
    for _ in range(steps):
        if time.monotonic() >= until:
            break
        name, query, what = STEPS[step]
        start = time.perf_counter()
        try:
            await page.goto(f"{url}/?{query}", timeout=STEP_TIMEOUT_MS, wait_until="commit")
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


async def run(sessions: int, seconds: float) -> None:
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
            before = rss_mb(proc.pid)
            until = time.monotonic() + seconds
            started = time.perf_counter()
            await asyncio.wait_for(
                asyncio.gather(*(session(browser, url, k, until, times, errors, outside) for k in range(sessions))),
                timeout=seconds + 3 * STEP_TIMEOUT_MS / 1000)
            wall = time.perf_counter() - started
            after = rss_mb(proc.pid)
            await browser.close()
    finally:
        stop(proc)
        shutil.rmtree(work, ignore_errors=True)
    done = sum(len(v) for v in times.values())
    failed = sum(len(v) for v in errors.values())
    print(f"{sessions} sessions, {wall:.0f} s, {done} interactions, {failed} errors, "
          f"{len(outside)} requests off 127.0.0.1")
    print(f"{'interaction':<18}{'n':>5}{'p50 s':>9}{'p95 s':>9}{'max s':>9}{'errors':>8}")
    for name, _, _ in STEPS:
        xs = sorted(times[name])
        if xs:
            p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
            print(f"{name:<18}{len(xs):>5}{statistics.median(xs):>9.2f}{p95:>9.2f}{xs[-1]:>9.2f}"
                  f"{len(errors[name]):>8}")
        else:
            print(f"{name:<18}{0:>5}{'-':>9}{'-':>9}{'-':>9}{len(errors[name]):>8}")
    print(f"server RSS (with console workers): before {before:.0f} MB, after {after:.0f} MB")
    for name, msgs in errors.items():
        for msg in sorted(set(msgs))[:3]:
            print(f"  error in {name}: {msg}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.seconds))


if __name__ == "__main__":
    main()
