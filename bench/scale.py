"""Scale benchmark: whole `policykg` processes on generated corpora of growing size.

    nice python -m bench.scale --sizes 20 100 1000 [--out /tmp/scale]

At each size it prints documents/s, MB/s, triples, peak RSS of the build, the time of one `add`
into the built workspace, p50/p95 of every named query on the workspace's Oxigraph store, and the
app's first view on that workspace (server up -> first drawn network, in Debian chromium).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import generate, pieces
from graph.queries import QUERIES

_ADD = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN
Số: 4242/KH-UBND
Bắc Kạn, ngày 9 tháng 9 năm 2025
KẾ HOẠCH
Ứng dụng trí tuệ nhân tạo tỉnh Bắc Kạn năm 2025
Căn cứ Quyết định số 127/QĐ-TTg ngày 26 tháng 01 năm 2021 của Thủ tướng Chính phủ;
I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ
- Chủ trì, phối hợp với Sở Tài chính xây dựng cơ sở dữ liệu mở của tỉnh, hoàn thành trong năm 2025.
"""


def policykg(ws: Path, *args: str) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (with its workers), peak RSS (MB, largest process) and standard output
    of one whole `policykg` process.

    The worker processes are children of multiprocessing's fork server, which the CLI never waits for,
    so `getrusage(RUSAGE_CHILDREN)` misses them: the process tree is also sampled every 0.2 s, each
    process's last CPU time and largest RSS seen kept, and the larger of the two CPU totals is given
    (both are lower bounds: a sample misses a process's last 0.2 s).
    """
    import tempfile

    import psutil

    start = time.perf_counter()
    err_file = tempfile.TemporaryFile("w+")  # not a pipe: the progress bar would fill it and block the build
    proc = subprocess.Popen([sys.executable, "-m", "policykg.cli", "--workspace", str(ws), *args],
                            stdout=subprocess.PIPE, stderr=err_file, text=True)
    root = psutil.Process(proc.pid)
    cpu: dict[int, float] = {}
    rss: dict[int, int] = {}
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in tree:
            try:
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
                rss[p.pid] = max(rss.get(p.pid, 0), p.memory_info().rss)
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.2)
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        err_file.seek(0)
        raise SystemExit(f"policykg {' '.join(args)} failed:\n{err_file.read()[-4000:]}")
    err_file.close()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = usage.ru_utime + usage.ru_stime - _waited[0]
    _waited[0] += waited
    return seconds, max(sum(cpu.values()), waited), max([*rss.values(), usage.ru_maxrss * 1024]) / 2**20, out


_waited = [0.0]  # CPU seconds of the children already waited for


def query_times(ws: Path, repeats: int = 5) -> dict[str, tuple[float, float]]:
    """p50 and p95 (ms) of each named query without parameters on the workspace's Oxigraph store."""
    from graph.store import Result
    from policykg.workspace import open_workspace

    store = open_workspace(ws, "oxigraph")
    out = {}
    for name, q in QUERIES.items():
        if q.params:
            continue
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            res: Result = q.run(store)
            times.append((time.perf_counter() - start) * 1000)
            assert res is not None
        times.sort()
        out[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))])
    return out


def first_view(ws: Path, limit: float = 300, started: list[float] | None = None) -> float | None:
    """Seconds from the app's server answering to its first drawn network on this workspace (None: not
    within `limit` seconds); `started` receives the seconds from the server's start to its answer (the
    launcher opens the workspace before it listens)."""
    import shutil
    import tempfile

    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from tests.servers import FLAGS, free_port, stop, streamlit, wait_http

    work = Path(tempfile.mkdtemp(prefix="pkg-scale-app-"))
    shutil.copytree(Path(__file__).resolve().parent.parent / ".streamlit", work / ".streamlit")
    (work / "workspace").symlink_to(ws.resolve())
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        proc = streamlit(work, port, stderr=subprocess.DEVNULL)
        try:
            if not wait_http(url + "/_stcore/health", 120, proc, expect=b"ok", poll=0.05):
                raise SystemExit("streamlit did not start")
            up = time.perf_counter()
            if started is not None:
                started.append(up - start)
            page.goto(url, timeout=limit * 1000)
            page.wait_for_function("window.__pkgDrawn === true", timeout=limit * 1000)
            return time.perf_counter() - up
        except PlaywrightTimeout:
            return None
        finally:
            browser.close()
            stop(proc)
            shutil.rmtree(work, ignore_errors=True)


def measure(size: int, root: Path, app: bool = True) -> dict[str, object]:
    corpus = root / f"corpus-{size}"
    if not (corpus / "manifest.json").exists():
        generate(corpus, size)
    mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    ws = root / f"ws-{size}"
    seconds, cpu, rss, out = policykg(ws, "build", "--corpus", str(corpus))
    triples = int(out.split("triples ")[1].split(",")[0])
    doc = root / f"add-{size}.txt"
    doc.write_text(_ADD, encoding="utf-8")
    adds = [policykg(ws, "add", str(doc), "--replace")[:2] for _ in range(3)]  # best of three
    add_s, add_cpu = min(a[0] for a in adds), min(a[1] for a in adds)
    queries = query_times(ws)
    worst = max(queries.items(), key=lambda kv: kv[1][1])
    view = first_view(ws) if app else None
    return {"documents": size, "MB": round(mb, 2), "build_s": round(seconds, 1), "build_cpu_s": round(cpu, 1),
            "docs_per_s": round(size / seconds, 2), "MB_per_s": round(mb / seconds, 3), "triples": triples,
            "peak_rss_MB": round(rss), "add_s": round(add_s, 2), "add_cpu_s": round(add_cpu, 2),
            "query_p50_ms": round(statistics.median(v[0] for v in queries.values()), 1),
            "query_p95_worst": f"{worst[0]} {worst[1][1]:.0f} ms",
            "query_p95_ms": {k: round(v[1]) for k, v in queries.items()},
            "app_first_view_s": round(view, 2) if view is not None else ("> 300" if app else "not run")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/policykg-scale"))
    parser.add_argument("--no-app", action="store_true", help="skip the app's first view (a browser)")
    parser.add_argument("--first-view", type=Path, nargs="+", metavar="WORKSPACE",
                        help="only the app's first view on these built workspaces (fresh server each run)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.first_view:
        for ws in args.first_view:
            views: list[float] = []
            starts: list[float] = []
            for _ in range(args.runs):
                seconds = first_view(ws, started=starts)
                views.append(seconds if seconds is not None else float("inf"))
            print(json.dumps({"workspace": str(ws), "server_start_to_up_s": [round(x, 2) for x in starts],
                              "first_view_s": [round(x, 2) for x in views], "best_s": round(min(views), 2),
                              "median_s": round(statistics.median(views), 2)}), flush=True)
        return
    print(f"{len(pieces().sections)} source sections", file=sys.stderr)
    last: dict[str, object] | None = None
    for size in sorted(args.sizes):
        row = measure(size, args.out, app=not args.no_app)
        if last is not None:  # what each further megabyte cost: the process start and imports cancel out
            mb, s = float(row["MB"]) - float(last["MB"]), float(row["build_s"]) - float(last["build_s"])  # type: ignore[arg-type]
            row["marginal_MB_per_s"] = round(mb / s, 3) if s > 0 else None
        print(json.dumps(row, ensure_ascii=False), flush=True)
        last = row


if __name__ == "__main__":
    main()
