"""The explorer in a real browser: Debian chromium driven by Playwright against `streamlit run`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="Debian chromium is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(work: Path):
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            break
    else:
        proc.kill()
    if proc.poll() is not None:
        pytest.fail(f"streamlit did not start:\n{proc.stderr.read()}")
    return proc, url


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    proc, url = start(tmp_path_factory.mktemp("served"))
    yield url
    stop(proc)


EVIL = "IV. NHIỆM VỤ\n1. Bộ Công an\n- Rà soát <img src=x onerror=\"window.__xss=1;alert(1)\"> và báo cáo.\n"


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory):
    from policykg.workspace import build
    work = tmp_path_factory.mktemp("evil")
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(EVIL, encoding="utf-8")
    build(corpus, work / "workspace")
    proc, url = start(work)
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    assert Path(CHROMIUM).exists(), "install Debian chromium (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []

    def guard(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] not in ("127.0.0.1", "localhost") and not route.request.url.startswith("data:"):
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    page.outside = outside  # type: ignore[attr-defined]
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"


def wait_network(page, timeout=60_000):
    page.wait_for_function("window.__pkgNetwork && window.__pkgDrawn", timeout=timeout)


def test_network_draws_for_a_search_and_a_click_shows_evidence(page, server) -> None:
    from extract.pipeline import extract_corpus
    from graph import views
    from graph.build import build_graph
    from graph.namespace import ID
    from policykg.ui import network
    view = views.to_networkx(build_graph(extract_corpus()))
    expected = network.focus_on(view, str(ID["agency/bca"]), 1).number_of_nodes()

    page.goto(f"{server}/?page={quote('Mạng lưới')}&q={quote('Bộ Công an')}")
    wait_network(page)
    assert page.evaluate("window.__pkgNetwork.body.data.nodes.length") == expected
    page.wait_for_function("window.__pkgStable === true", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "network-bo-cong-an.png"))
    task = str(ID["task/000-task-043"])
    point = page.evaluate(
        "(id) => { const n = window.__pkgNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }", task)
    box = page.locator("[data-testid=pkg-network] canvas").first.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.get_by_text("Chủ trì triển khai có hiệu quả Chiến lược an ninh mạng quốc gia").first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "network-details.png"))


def test_targets_chart_and_sparql_console(page, server) -> None:
    page.goto(f"{server}/?page={quote('Mục tiêu')}")
    page.locator(".vega-embed").first.wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "targets.png"))
    page.goto(f"{server}/?page=SPARQL")
    page.get_by_role("button", name="Chạy / Run").click()
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30_000)
    page.locator("textarea").first.fill("DELETE WHERE { ?s ?p ?o }")
    page.get_by_role("button", name="Chạy / Run").click()
    page.get_by_text("read-only").first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "sparql-refused.png"))


def test_markup_in_documents_is_shown_as_text(browser, evil_server) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{evil_server}/?page={quote('Mạng lưới')}&q=onerror")
    wait_network(page)
    page.get_by_text("<img src=x onerror", exact=False).first.wait_for(timeout=30_000)  # shown as text
    page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "markup-as-text.png"))
    assert dialogs == [] and page.evaluate("window.__xss === undefined")
    assert page.locator("img[src=x]").count() == 0
    page.close()


def test_export_downloads_docx_and_turtle(page, server, tmp_path) -> None:
    import docx
    from rdflib import Graph
    page.goto(f"{server}/?page={quote('Xuất')}&q={quote('Bộ Công an')}")
    files = {}
    for fmt in ("DOCX", "TTL"):
        button = page.get_by_role("button", name=fmt)
        button.wait_for(timeout=60_000)
        with page.expect_download(timeout=60_000) as info:
            button.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(str(path))
        files[fmt] = path
    assert files["DOCX"].name == "policykg-Bộ_Công_an-d1.docx"
    text = "\n".join(p.text for p in docx.Document(str(files["DOCX"])).paragraphs)
    assert "Chiến lược an ninh mạng quốc gia" in text or "§IV.14" in text
    assert len(Graph().parse(files["TTL"], format="turtle")) > 100


def test_upload_adds_a_document_and_refuses_a_bad_one(page, server, tmp_path) -> None:
    good = tmp_path / "nq50.txt"
    good.write_text("CHÍNH PHỦ\nSố: 50/NQ-CP\nHà Nội, ngày 17 tháng 4 năm 2020\nNGHỊ QUYẾT\n"
                    "III. NHIỆM VỤ, GIẢI PHÁP\n1. Bộ Thông tin và Truyền thông\n"
                    "- Chủ trì phát triển hạ tầng số an toàn, hiện đại.\n", encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_text("   ", encoding="utf-8")
    page.goto(f"{server}/?page={quote('Ai làm gì')}")
    uploader = page.locator("input[type=file]").first
    uploader.wait_for(state="attached", timeout=60_000)
    uploader.set_input_files(str(bad))
    page.get_by_text("the file is empty").first.wait_for(timeout=60_000)
    uploader.set_input_files(str(good))
    page.get_by_text("Đã thêm / added nq50.txt").first.wait_for(timeout=120_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "upload.png"))
