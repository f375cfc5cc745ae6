"""Explorer timings in a real browser (Debian chromium through Playwright), p50/p95 per interaction:
server start to the first drawn network, a search, a filter change, a node click, opening each page,
preparing an export (DOCX built in the app); and, in process, the export of a ~300-node selection.

Run: python -m bench.app [--runs 10] [--workspace DIR] [--parts search,filter,click,pages,docx | --pages-only]
(needs /usr/bin/chromium)

--workspace opens an existing workspace read-only (e.g. the 1,000-document one of bench/scale.py) instead
of building the bundled corpus; --parts measures the first view and only the interactions named (--pages-only:
the page opens only), e.g. `--workspace /tmp/scale4/ws-1000 --parts search,click` for a large corpus's searches.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page, sync_playwright

from policykg.ui.explorer import EXPORT_FORMATS
from policykg.ui.i18n import tr
from tests.servers import FLAGS, free_port, stop, streamlit, wait_http

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = ["MPI", "2289", "bo cong an", "NQ 50", "Bộ Tài chính", "chuyen doi so", "NHNN", "Bộ Y tế"]
AGENCIES = ["mpi", "bca", "mof", "mic", "most", "moet", "moit", "sbv"]
EXPORT_FOCUS = ["Bộ Công an", "MPI", "Bộ Tài chính", "NHNN", "Bộ Y tế", "Bộ Công Thương", "MOIT", "Bộ Tư pháp"]
# what shows that a page is drawn (a table, a chart, or the message a large corpus's page starts with)
DRAWN = ", [data-testid=stAlert], [data-testid=stCaptionContainer]"
PAGES = {"ai-lam-gi": "[data-testid=stDataFrame]", "ma-tran": ".vega-embed" + DRAWN,
         "muc-tieu": "[data-testid=stDataFrame]", "van-ban": "[data-testid=stDataFrame]",
         "chong-lan": "[data-testid=stDataFrame]" + DRAWN, "du-thao": "[data-testid=stDataFrame]" + DRAWN,
         "xuat": "[data-testid=stAlert]", "sparql": "textarea"}


def p50_p95(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return f"p50 {statistics.median(xs):5.2f} s   p95 {p95:5.2f} s   (n={len(xs)})"


def timed(page: Page, action: Callable[[], None], done: str | Callable[[], None]) -> float:
    """Seconds from an action to a condition (a JS expression, or a Python wait)."""
    page.evaluate("window.__pkgDrawn = false")
    start = time.perf_counter()
    action()
    if isinstance(done, str):
        page.wait_for_function(done, timeout=120_000)
    else:
        done()
    return time.perf_counter() - start


def click_node(page: Page, iri: str) -> None:
    point = page.evaluate("(id) => { const n = window.__pkgNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }",
                          iri)
    box = page.locator("[data-testid=pkg-network] canvas").first.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def page_figures(url: str, page: Page, runs: int) -> None:
    """Opening each page from the network page, as a reader does: a click in the sidebar, not a new session."""
    from policykg.ui.pages import PAGES as REGISTRY

    titles = {p.url_path: p.title("vi") for p in REGISTRY}
    page.goto(url)
    page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
    for path, selector in PAGES.items():
        times = []
        for _ in range(max(3, runs // 2)):
            page.get_by_role("link", name=titles["mang-luoi"]).click()
            page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
            start = time.perf_counter()
            page.get_by_role("link", name=titles[path]).click()
            page.wait_for_url(f"**/{path}*", timeout=120_000)
            page.locator(selector).first.wait_for(timeout=120_000)
            times.append(time.perf_counter() - start)
        print(f"open page /{path:<10}                {p50_p95(times)}", flush=True)


PARTS = ("search", "filter", "click", "pages", "docx")


def browser_figures(url: str, page: Page, runs: int, parts: set[str]) -> None:
    if "search" in parts:
        search_figures(page, runs)
    if "filter" in parts:
        filter_figures(url, page, runs)
    if "click" in parts:
        click_figures(url, page, runs)
    if "pages" in parts:
        page_figures(url, page, runs)
    if "docx" in parts:
        docx_figures(url, page, runs)


def search_figures(page: Page, runs: int) -> None:
    """Searches as typed in the sidebar, each redrawn from the last one's network (an agency's focus among them)."""
    search = page.get_by_label("Tìm cơ quan, văn bản, nhiệm vụ, chỉ tiêu (có hoặc không dấu, số hiệu, viết tắt)")
    times = []
    for k in range(runs):
        text = SEARCHES[k % len(SEARCHES)]
        search.fill(text)
        times.append(timed(page, lambda: search.press("Enter"), "window.__pkgDrawn === true"))
        drawn = page.evaluate("window.__pkgNetwork.body.data.nodes.length")
        print(f"  search {text!r:<18} {times[-1]:5.2f} s  ({drawn} nodes)", flush=True)
    print(f"search -> redrawn network            {p50_p95(times)}", flush=True)


def filter_figures(url: str, page: Page, runs: int) -> None:
    # the tasks and agencies of the whole corpus (~500 nodes), cut to the cap: a document's focus is a page of 60 now
    page.goto(f"{url}/?types=task%7Cagency&cap=100")
    page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
    cap_box = page.get_by_label("Số nút tối đa")
    times = []
    for k in range(runs):
        cap_box.fill(str(110 + 10 * k))  # each value a new view: no cached answer
        times.append(timed(page, lambda: cap_box.press("Enter"), "window.__pkgDrawn === true"))
    print(f"filter change (node cap, 110-180)    {p50_p95(times)}", flush=True)


def click_figures(url: str, page: Page, runs: int) -> None:
    page.goto(url)
    page.wait_for_function("window.__pkgStable === true", timeout=120_000)
    times = []
    for k in range(runs):
        iri = f"https://w3id.org/policykg/id/agency/{AGENCIES[k % len(AGENCIES)]}"
        label = page.evaluate("(id) => window.__pkgNetwork.body.data.nodes.get(id).title.split(': ')[1]"
                              ".split('\\n')[0]", iri)
        heading = page.get_by_role("heading", name=label)
        times.append(timed(page, partial(click_node, page, iri), partial(heading.wait_for, timeout=120_000)))
        page.goto(url)
        page.wait_for_function("window.__pkgStable === true", timeout=120_000)
    print(f"node click -> details beside         {p50_p95(times)}", flush=True)


DOCX = dict(EXPORT_FORMATS)["docx"]


def docx_figures(url: str, page: Page, runs: int) -> None:
    times = []
    for k in range(min(runs, len(EXPORT_FOCUS))):
        page.goto(f"{url}/xuat?q={quote(EXPORT_FOCUS[k])}")
        page.get_by_text("Một nút và lân cận").click()
        page.get_by_text("Sẽ xuất:").first.wait_for(timeout=120_000)
        start = time.perf_counter()
        page.get_by_role("button", name=tr("ex.build", fmt=DOCX)).click()  # the app's own words for its buttons
        page.get_by_role("button", name=tr("ex.ready", fmt=DOCX)).wait_for(timeout=120_000)
        times.append(time.perf_counter() - start)
    print(f"export: build DOCX in the app        {p50_p95(times)}", flush=True)


def export_figures(workspace: Path, runs: int) -> None:
    """In process, as the app does it (from the loaded corpus): the export of a ~300-node selection."""
    from policykg import export, selection
    from policykg.ui.corpus import Corpus
    from policykg.ui.network import view_nodes

    corpus = Corpus(workspace)
    assert corpus.tasks and corpus.names and corpus.targets  # loaded with the app's first pages
    nodes = view_nodes(corpus.view, "https://w3id.org/policykg/id/agency/mpi", 2, set(), set(), set(), set())
    nodes = set(sorted(nodes)[:300])
    for fmt in export.FORMATS:
        times = []
        for _ in range(max(3, runs // 2)):
            start = time.perf_counter()
            selection.render_corpus(corpus, fmt, nodes, "Bộ Kế hoạch và Đầu tư")
            times.append(time.perf_counter() - start)
        print(f"export {len(nodes)} nodes as {fmt:<8}          {p50_p95(times)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--workspace", type=Path, help="an existing workspace, opened read-only (default: the "
                        "bundled corpus, built afresh)")
    parser.add_argument("--pages-only", action="store_true", help="the first view and the page opens only")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"the interactions to measure, of {', '.join(PARTS)}")
    args = parser.parse_args()
    parts = {"pages"} if args.pages_only else set(args.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(parts - set(PARTS)))}")
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="pkg-bench-"))
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    workspace = args.workspace.resolve() if args.workspace else work / "workspace"
    if args.workspace is None:
        subprocess.run([sys.executable, "-m", "policykg.cli", "--workspace", str(workspace), "build"],
                       cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    print(f"load average before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}", flush=True)
    with sync_playwright() as p:
        # the reader's browser is already open: launch it before the server starts
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        proc = streamlit(work, port, stderr=subprocess.DEVNULL, workspace=workspace)
        try:
            if not wait_http(url + "/_stcore/health", 600, proc, expect=b"ok", poll=0.05):
                raise SystemExit("streamlit did not start")
            up = time.perf_counter()
            print(f"server start -> health check answers  {up - t0:.2f} s", flush=True)
            page.goto(url)
            page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
            print(f"server up -> first drawn network      {time.perf_counter() - up:.2f} s "
                  f"({page.evaluate('window.__pkgNetwork.body.data.nodes.length')} nodes, overview)", flush=True)
            page.wait_for_function("window.__pkgStable === true", timeout=120_000)
            print(f"server up -> layout settled           {time.perf_counter() - up:.2f} s", flush=True)
            browser_figures(url, page, runs, parts)
            browser.close()
        finally:
            stop(proc)
    if args.workspace is None:
        export_figures(workspace, runs)
    print(f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}", flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
