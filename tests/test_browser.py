"""The explorer in a real browser: Debian chromium driven by Playwright against `streamlit run`."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.servers import FLAGS, free_port, stop, streamlit, wait_http

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="Debian chromium is not installed")


def start(work: Path):
    shutil.copytree(ROOT / ".streamlit", work / ".streamlit")
    port = free_port()
    proc = streamlit(work, port)
    url = f"http://127.0.0.1:{port}"
    if not wait_http(url + "/_stcore/health", 90, proc, expect=b"ok"):
        stop(proc)
        pytest.fail(f"streamlit did not start:\n{proc.stderr.read()}")
    return proc, url


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


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_first_view_is_a_readable_overview_and_a_click_shows_details_beside(page, server) -> None:
    page.goto(server)
    wait_network(page)
    page.wait_for_function("window.__pkgStable === true", timeout=60_000)
    nodes = page.evaluate("window.__pkgNetwork.body.data.nodes.get()")
    assert 10 <= len(nodes) <= 60
    legend = page.locator("[data-testid=pkg-legend]").inner_text()
    assert "Cơ quan" in legend and "Văn bản trong bộ" in legend
    scale = page.evaluate("window.__pkgNetwork.getScale()")
    assert scale > 0.35, f"the overview is drawn too small to read (zoom {scale:.2f})"
    shot(page, "network-overview")
    mpi = "https://w3id.org/policykg/id/agency/mpi"
    point = page.evaluate(
        "(id) => { const n = window.__pkgNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }", mpi)
    box = page.locator("[data-testid=pkg-network] canvas").first.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    heading = page.get_by_role("heading", name="Bộ Kế hoạch và Đầu tư")
    heading.wait_for(timeout=60_000)
    assert heading.bounding_box()["x"] > box["x"] + box["width"] - 5  # beside the graph, not below it
    shot(page, "network-details")


LABELS = """() => {  // drawn labels as screen boxes (vis-network's label sizes through canvasToDOM)
  const n = window.__pkgNetwork, boxes = [];
  for (const id of n.body.data.nodes.getIds()) {
    const node = n.body.nodes[id], s = node.labelModule.size;
    if (!node.labelModule.visible() || !s.width) continue;
    const a = n.canvasToDOM({x: s.left, y: s.top}), b = n.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    boxes.push({id, l: a.x, t: a.y, r: b.x, b: b.y, px: node.labelModule.fontOptions.size * n.getScale()});
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const p = boxes[i], q = boxes[j];
    if (Math.min(p.r, q.r) - Math.max(p.l, q.l) > 1 && Math.min(p.b, q.b) - Math.max(p.t, q.t) > 1)
      overlaps.push([p.id, q.id]);
  }
  return {nodes: n.body.data.nodes.length, labels: boxes.map((b) => b.id), overlaps,
          smallest: Math.min(...boxes.map((b) => b.px))};
}"""


@pytest.mark.parametrize(("view", "focus"), [
    ("", None),  # the first view
    (f"?q={quote('bo cong an')}", "https://w3id.org/policykg/id/agency/bca"),  # a focused view
    ("?q=2289", "https://w3id.org/policykg/id/legal/qd-2289-ttg-2020"),  # a document's 146 nodes
    (f"?q={quote('bo cong an')}&layout=tree", "https://w3id.org/policykg/id/agency/bca"),
    (f"?q={quote('bo cong an')}&depth=2", "https://w3id.org/policykg/id/agency/bca"),  # hundreds of nodes
])
def test_network_labels_never_overlap_and_stay_readable(page, server, view, focus) -> None:
    page.goto(f"{server}/{view}")
    page.wait_for_function("window.__pkgNetwork && window.__pkgStable === true", timeout=90_000)
    drawn = page.evaluate(LABELS)
    assert drawn["overlaps"] == [], f"{len(drawn['overlaps'])} label pairs overlap: {drawn['overlaps'][:5]}"
    assert drawn["smallest"] >= 6  # vis fades labels out under 7 px and drops them under 6: zooming in brings them back
    if drawn["nodes"] <= 60:
        assert len(drawn["labels"]) == drawn["nodes"]  # a small view names every node at the default zoom
    if focus:
        ids = page.evaluate("window.__pkgNetwork.body.data.nodes.getIds()")
        assert any(i.endswith(focus.rsplit("/", 1)[-1]) for i in drawn["labels"]), (focus, ids[:5])
        # at the default zoom the focus and the agencies and documents around it are named
        named = page.evaluate("() => window.__pkgNetwork.body.data.nodes.get()"
                              ".filter((n) => n.important).map((n) => n.id)")
        assert named and set(named) <= set(drawn["labels"]), set(named) - set(drawn["labels"])
    shot(page, f"network-labels-{len(view)}")


FIT = """() => {  // every drawn label and shape as screen boxes against the frame, and labels lying over other shapes
  const n = window.__pkgNetwork, frame = n.body.container, f = frame.getBoundingClientRect();
  const host = frame.getRootNode().host || frame.parentElement, h = host.getBoundingClientRect();
  const labels = [], shapes = [];
  const screen = (l, t, r, b) => { const a = n.canvasToDOM({x: l, y: t}), z = n.canvasToDOM({x: r, y: b});
                                   return {l: a.x, t: a.y, r: z.x, b: z.y}; };
  for (const id of n.body.data.nodes.getIds()) {
    const node = n.body.nodes[id], s = node.labelModule.size, size = node.options.size || 10;
    const w = (node.shape.width || 2 * size) / 2, ht = (node.shape.height || 2 * size) / 2;
    shapes.push({id, ...screen(node.x - w, node.y - ht, node.x + w, node.y + ht)});
    if (node.labelModule.visible() && s.width)
      labels.push({id, ...screen(s.left, s.top, s.left + s.width, s.top + s.height)});
  }
  const over = (p, q) => Math.min(p.r, q.r) - Math.max(p.l, q.l) > 1 && Math.min(p.b, q.b) - Math.max(p.t, q.t) > 1;
  const onShapes = [];
  for (const a of labels) for (const c of shapes) if (a.id !== c.id && over(a, c)) onShapes.push([a.id, c.id]);
  const outside = [...labels, ...shapes].filter((b) => b.l < -1 || b.t < -1 || b.r > f.width + 1 || b.b > f.height + 1);
  return {onShapes, outside: outside.map((b) => b.id), frame: [f.left, f.right, f.bottom], host: [h.left, h.right],
          window: [innerWidth, innerHeight]};
}"""


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
@pytest.mark.parametrize("view", ["", "?q=2289", f"?q={quote('bo cong an')}"])
def test_the_network_fits_its_frame_and_no_label_lies_over_a_node(browser, server, size, view) -> None:
    """At a 1,400 and a 1,920 px wide window: the frame is whole inside its column and the window's width, every node
    and label is inside the frame, and no label lies over another node (the first view's centre had labels over the
    squares of their neighbours: vis measured their boxes before the zoom changed their size)."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.goto(f"{server}/{view}")
        page.wait_for_function("window.__pkgNetwork && window.__pkgStable === true", timeout=90_000)
        fit = page.evaluate(FIT)
        assert fit["onShapes"] == [], f"{len(fit['onShapes'])} labels over other nodes: {fit['onShapes'][:4]}"
        assert fit["outside"] == [], f"outside the frame: {fit['outside'][:4]}"
        left, right, _bottom = fit["frame"]
        assert fit["host"][0] - 1 <= left and right <= fit["host"][1] + 0.5, (fit["frame"], fit["host"])  # not cut
        assert right <= size[0]
        assert page.evaluate(LABELS)["overlaps"] == []
        shot(page, f"network-fit-{size[0]}-{len(view)}")
    finally:
        page.close()


def test_network_legend_is_the_nodes_own_colours_and_shapes_and_drafts_look_different(page, server) -> None:
    from policykg.ui.network import STYLE

    page.goto(server)
    page.wait_for_function("window.__pkgNetwork && window.__pkgStable === true", timeout=90_000)
    nodes = page.evaluate("window.__pkgNetwork.body.data.nodes.get()")
    legend = page.locator("[data-testid=pkg-legend] > span").evaluate_all("""(items) => items.map((s) => {
        const g = s.querySelector('.g'); return {glyph: g.textContent, color: getComputedStyle(g).color,
        label: s.textContent.slice(g.textContent.length)}; })""")  # the component draws in a shadow root

    def rgb(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgb({r}, {g}, {b})"

    glyph = {v["shape"]: v["glyph"] for v in STYLE.values()}
    drawn = {(rgb(n["color"]["border"]), glyph[n["shape"]]) for n in nodes}
    assert drawn <= {(i["color"], i["glyph"]) for i in legend}  # every node's colour and shape is in the legend
    drafts = [n for n in nodes if n["shapeProperties"]["borderDashes"]]
    finals = [n for n in nodes if n["shape"] == "star" and not n["shapeProperties"]["borderDashes"]]
    assert drafts and finals and all(n["label"].endswith("\n(dự thảo)") for n in drafts)
    assert {n["color"]["background"] for n in drafts} == {"#ffffff"} != {n["color"]["background"] for n in finals}
    assert any("dự thảo" in i["label"] for i in legend)


POSITIONS = "() => { const n = window.__pkgNetwork; return n.getPositions(n.body.data.nodes.getIds()); }"


@pytest.mark.parametrize(("first", "then"), [("Bộ Tài chính", "NHNN")])
def test_a_search_keeps_the_places_of_the_nodes_already_drawn(page, server, first, then) -> None:
    """The nodes both views share (8 of Ngân hàng Nhà nước's 16: the documents and tasks both agencies are given) stay
    where the reader saw them (label separation may nudge them); the new ones settle around them."""
    import math
    import statistics

    page.goto(f"{server}/?q={quote(first)}")
    page.wait_for_function("window.__pkgNetwork && window.__pkgStable === true", timeout=90_000)
    before = page.evaluate(POSITIONS)
    box = page.get_by_label("Tìm cơ quan, văn bản, nhiệm vụ, chỉ tiêu (có hoặc không dấu, số hiệu, viết tắt)")
    box.fill(then)
    page.evaluate("window.__pkgStable = false")
    box.press("Enter")
    page.wait_for_function("window.__pkgStable === true", timeout=90_000)
    after = page.evaluate(POSITIONS)
    kept = [k for k in before if k in after]
    assert len(kept) >= 5 and len(after) != len(before)
    span = math.hypot(max(p["x"] for p in after.values()) - min(p["x"] for p in after.values()),
                      max(p["y"] for p in after.values()) - min(p["y"] for p in after.values()))
    moves = [math.hypot(after[k]["x"] - before[k]["x"], after[k]["y"] - before[k]["y"]) for k in kept]
    assert statistics.median(moves) < 0.05 * span, (statistics.median(moves), span)
    assert page.evaluate(LABELS)["overlaps"] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_agencys_focus_shows_a_page_of_its_busiest_documents_and_more_on_demand(page, server, lang) -> None:
    """Bộ Thông tin và Truyền thông has 69 tasks in the bundled corpus: its focus draws at most 60 nodes, says what it
    leaves out, and "more" adds the rest where the first page's nodes stay."""
    from policykg.ui.store_view import FOCUS_NODES

    page.goto(f"{server}/?q={quote('Bộ Thông tin và Truyền thông')}&lang={lang}")
    page.wait_for_function("window.__pkgNetwork && window.__pkgStable === true", timeout=90_000)
    first = page.evaluate(POSITIONS)
    assert len(first) == FOCUS_NODES
    shown = "đang hiện 55 trong 69 nhiệm vụ" if lang == "vi" else "showing 55 of 69 tasks"
    page.get_by_text(shown).wait_for(timeout=30_000)
    page.evaluate("window.__pkgStable = false")
    page.get_by_role("button", name="Hiện thêm nhiệm vụ và văn bản" if lang == "vi" else
                     "Show more tasks and documents").click()
    page.wait_for_function(f"window.__pkgStable === true && window.__pkgNetwork.body.data.nodes.length > {FOCUS_NODES}",
                           timeout=90_000)
    second = page.evaluate(POSITIONS)
    assert set(first) < set(second) and len(second) == 74  # every task of the agency now, and its four documents
    moves = sorted(((second[k]["x"] - p["x"]) ** 2 + (second[k]["y"] - p["y"]) ** 2) ** 0.5 for k, p in first.items())
    width = max(p["x"] for p in second.values()) - min(p["x"] for p in second.values())
    assert moves[len(moves) // 2] < 0.05 * width  # the first page's nodes stay where they were
    assert page.get_by_text(shown).count() == 0
    assert page.get_by_role("button", name="Hiện thêm nhiệm vụ và văn bản" if lang == "vi" else
                            "Show more tasks and documents").count() == 0
    shot(page, f"network-agency-more-{lang}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_journey_find_an_agencys_tasks_and_partners(page, server, lang) -> None:
    page.goto(f"{server}/ai-lam-gi?agency=MPI&lang={lang}")
    page.locator("[data-testid=stDataFrame]").nth(1).wait_for(timeout=60_000)
    today = "nay là Bộ Tài chính, từ 01/03/2025" if lang == "vi" else "now Bộ Tài chính, since 01/03/2025"
    page.get_by_text(today).first.wait_for(timeout=30_000)
    page.get_by_text("Tải Excel (XLSX)" if lang == "vi" else "Download Excel (XLSX)").wait_for()
    shot(page, f"journey-owners-{lang}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_journey_compare_nq50_with_qd2289(page, server, lang) -> None:
    page.goto(f"{server}/chong-lan?lang={lang}")
    box = page.get_by_label("Văn bản B" if lang == "vi" else "Document B")
    box.wait_for(timeout=60_000)
    box.click()
    page.get_by_role("option", name="QĐ 2289/QĐ-TTg").first.click()
    missing = "không có trong bộ văn bản" if lang == "vi" else "is not in the corpus"
    page.get_by_text(missing).first.wait_for(timeout=60_000)
    page.locator("text=NQ 50/NQ-CP >> visible=true").first.wait_for()  # not the grid's hidden a11y cell
    shot(page, f"journey-overlaps-{lang}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_journey_export_a_briefing_and_read_it_back(page, server, lang, tmp_path) -> None:
    import docx
    page.goto(f"{server}/xuat?lang={lang}&q={quote('Bộ Công an')}")
    page.get_by_text("Một nút và lân cận" if lang == "vi" else "A node and its neighbours").click()
    page.get_by_text("Sẽ xuất:" if lang == "vi" else "Will export:").first.wait_for(timeout=60_000)
    build = page.get_by_role("button", name="Tạo tệp Word (DOCX)" if lang == "vi" else "Build Word (DOCX)")
    start = time.perf_counter()
    build.click()
    download = page.get_by_role("button", name="Tải Word (DOCX)" if lang == "vi" else "Download Word (DOCX)")
    download.wait_for(timeout=60_000)
    built = time.perf_counter() - start
    with page.expect_download(timeout=60_000) as info:
        download.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(str(path))
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith("BÁO CÁO TÓM TẮT") and "Bộ Công an" in text
    assert "Chiến lược an ninh mạng quốc gia" in text and document.styles["Normal"].font.name == "Times New Roman"
    shot(page, f"journey-export-{lang}")
    assert built < 20


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_journey_read_a_targets_progress(page, server, lang) -> None:
    page.goto(f"{server}/muc-tieu?lang={lang}")
    page.locator(".vega-embed").first.wait_for(timeout=60_000)
    page.get_by_text("Năm" if lang == "vi" else "Year", exact=True).first.wait_for()
    shot(page, f"journey-targets-{lang}")


SHOWN_TEXT = """() => {  // the text a reader sees: rendered text nodes, and the translations drawn by CSS
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest("[data-testid=stIconMaterial], script, style, noscript, textarea")) continue;
    if (!el.checkVisibility({visibilityProperty: true}) || parseFloat(getComputedStyle(el).fontSize) === 0) continue;
    out.push(walker.currentNode.textContent);
  }
  for (const el of document.querySelectorAll("body *")) {
    const c = getComputedStyle(el, "::after").content;
    if (c && c.startsWith('"')) out.push(c.slice(1, -1));
  }
  return out.join("\\n");
}"""
# Streamlit's own English and the app's codes, never to be seen in the Vietnamese UI
ENGLISH = re.compile(r"\b(Upload|Drag and drop|Browse files|per file|Press Enter|Press Ctrl|Skip to main|Choose an "
                     r"option|No results|physics|lead|cooperating|responsible|achieved|on track|off track|no data|"
                     r"draft|target|observed|Document|Agency|Section|Download as CSV|Show/hide|Fullscreen|Search|"
                     r"File must be|files are not allowed|Error|Remove|Clear all)\b")
TABLE = "[data-testid=stDataFrame]"
PAGE_READY = {"": "[data-testid=pkg-network]", "ai-lam-gi": TABLE, "ma-tran": ".vega-embed", "muc-tieu": ".vega-embed",
              "van-ban": TABLE, "chong-lan": TABLE, "du-thao": TABLE,
              "xuat": "[data-testid=stAlert]", "sparql": "textarea"}


TRANSLATED = """() => {  // the page's stylesheet has reached the uploader (st.html draws it a moment after)
  const p = document.querySelector("[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p");
  return p !== null && getComputedStyle(p, "::after").content.startsWith('"');
}"""


def test_no_english_word_is_seen_in_the_vietnamese_ui(page, server) -> None:
    for path, ready in PAGE_READY.items():
        page.goto(f"{server}/{path}")
        page.locator(ready).first.wait_for(timeout=60_000)
        page.locator("[data-testid=stFileUploaderDropzone]").wait_for()
        page.wait_for_function(TRANSLATED, timeout=10_000)
        text = page.evaluate(SHOWN_TEXT)
        assert "Chọn tệp" in text and "Tối đa 20 MB mỗi tệp" in text  # the uploader, in Vietnamese
        assert not ENGLISH.search(text), (path, ENGLISH.findall(text))
    zone = page.locator("[data-testid=stFileUploaderDropzone]")  # a file dragged over the uploader
    files = page.evaluate_handle("() => { const d = new DataTransfer(); "
                                 "d.items.add(new File(['x'], 'a.txt', {type: 'text/plain'})); return d; }")
    zone.dispatch_event("dragenter", {"dataTransfer": files})
    zone.locator("> div:not([data-testid])").wait_for(state="attached")
    text = page.evaluate(SHOWN_TEXT)
    assert "Thả tệp vào đây" in text and not ENGLISH.search(text), ENGLISH.findall(text)
    page.goto(server)
    page.wait_for_function(TRANSLATED, timeout=60_000)
    page.get_by_label("Tìm cơ quan", exact=False).fill("bo tai chinh")  # typed, not yet applied
    page.locator("[data-testid=InputInstructions]").first.wait_for(state="attached")  # its text drawn by CSS
    text = page.evaluate(SHOWN_TEXT)
    assert "Nhấn Enter để áp dụng" in text and not ENGLISH.search(text), ENGLISH.findall(text)
    shot(page, "vietnamese-ui")
    page.goto(f"{server}/ai-lam-gi?lang=en")  # English keeps Streamlit's own words
    page.locator("[data-testid=stFileUploaderDropzone]").wait_for(timeout=60_000)
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=60_000)
    text = page.evaluate(SHOWN_TEXT)
    assert "Upload" in text and "Chọn tệp" not in text and "Who owns what" in text


def test_streamlit_tooltips_dropdowns_and_upload_errors_are_vietnamese(page, server) -> None:
    page.goto(f"{server}/ai-lam-gi")
    table = page.locator(TABLE).first
    table.wait_for(timeout=60_000)
    page.wait_for_function("window.__pkgTranslated === true", timeout=60_000)
    table.hover()  # the table's toolbar, each button's tooltip
    tips = []
    for k in range(4):
        page.locator("[data-testid=stElementToolbar] button").nth(k).hover()
        tip = page.locator("[data-testid=stTooltipContent]").first
        tip.wait_for(timeout=10_000)
        tips.append(tip.inner_text())
        table.hover()  # off the button (the toolbar stays): its tooltip goes
        tip.wait_for(state="detached", timeout=10_000)
    assert tips == ["Hiện/ẩn cột", "Tải về dạng CSV", "Tìm trong bảng", "Toàn màn hình"], tips
    labels = page.evaluate("() => [...document.querySelectorAll('[aria-label],[title],[placeholder]')]"
                           ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) || ''))")
    assert not ENGLISH.search("\n".join(labels)), ENGLISH.findall("\n".join(labels))
    page.goto(server)  # a picker with nothing matching what is typed
    wait_network(page)
    page.locator("[data-testid=stMultiSelect]").first.click()
    page.keyboard.type("zzqq")
    page.get_by_text("Không có kết quả").wait_for(timeout=10_000)
    text = page.evaluate(SHOWN_TEXT)
    assert not ENGLISH.search(text), ENGLISH.findall(text)
    page.keyboard.press("Escape")
    uploader = page.locator("[data-testid=stFileUploaderDropzoneInput]")  # over the limit: refused in the browser
    uploader.set_input_files(files=[{"name": "lon.txt", "mimeType": "text/plain", "buffer": b"a" * (21 << 20)}])
    chip = page.locator("[data-testid=stFileChip]").first
    chip.wait_for(timeout=30_000)
    page.get_by_text("Tệp quá lớn: tối đa 20.0MB mỗi tệp.").first.wait_for(timeout=10_000)
    page.mouse.move(0, 0)
    chip.hover()  # the error again, as a tooltip
    assert page.locator("[role=tooltip]").first.inner_text(timeout=10_000) == "Tệp quá lớn: tối đa 20.0MB mỗi tệp."
    text = page.evaluate(SHOWN_TEXT)
    assert not ENGLISH.search(text), ENGLISH.findall(text)
    # a file of a type the app does not read: refused by the app, in Vietnamese, and nothing is added
    uploader.set_input_files(files=[{"name": "bang.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2\n"}])
    page.get_by_text("Không thêm được bang.csv: chỉ nhận tệp .txt, .md, .docx, .pdf.").wait_for(timeout=60_000)
    text = page.evaluate(SHOWN_TEXT)
    assert "Đã thêm" not in text and not ENGLISH.search(text), ENGLISH.findall(text)
    shot(page, "vietnamese-upload-refused")
    page.goto(f"{server}/ai-lam-gi?lang=en")  # English keeps Streamlit's own words
    table = page.locator(TABLE).first
    table.wait_for(timeout=60_000)
    table.hover()
    page.locator("[data-testid=stElementToolbar] button").nth(1).hover()
    assert page.locator("[data-testid=stTooltipContent]").first.inner_text(timeout=10_000) == "Download as CSV"


def test_sparql_example_picker_changes_the_query(page, server) -> None:
    page.goto(f"{server}/sparql")
    area = page.locator("textarea").first
    area.wait_for(timeout=60_000)
    before = area.input_value()
    page.get_by_label("Ví dụ").click()
    page.get_by_role("option", name="Mục tiêu chậm tiến độ").click()
    page.wait_for_function("document.querySelector('textarea').value.includes('off_track')", timeout=30_000)
    assert area.input_value() != before
    page.get_by_role("button", name="Chạy").click()
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30_000)
    area.fill("DELETE WHERE { ?s ?p ?o }")
    page.get_by_role("button", name="Chạy").click()
    page.get_by_text("DELETE bị từ chối vì bảng truy vấn chỉ đọc").first.wait_for(timeout=30_000)
    shot(page, "sparql-refused")


def test_markup_in_documents_is_shown_as_text(browser, evil_server) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{evil_server}/?q=onerror")
    wait_network(page)
    page.get_by_text("<img src=x onerror", exact=False).first.wait_for(timeout=30_000)  # shown as text
    page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "markup-as-text.png"))
    assert dialogs == [] and page.evaluate("window.__xss === undefined")
    assert page.locator("img[src=x]").count() == 0
    page.close()


def test_upload_adds_a_document_and_refuses_a_bad_one(page, server, tmp_path) -> None:
    good = tmp_path / "nq50.txt"
    good.write_text("CHÍNH PHỦ\nSố: 50/NQ-CP\nHà Nội, ngày 17 tháng 4 năm 2020\nNGHỊ QUYẾT\n"
                    "III. NHIỆM VỤ, GIẢI PHÁP\n1. Bộ Thông tin và Truyền thông\n"
                    "- Chủ trì phát triển hạ tầng số an toàn, hiện đại.\n", encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_text("   ", encoding="utf-8")
    page.goto(f"{server}/ai-lam-gi")
    uploader = page.locator("input[type=file]").first
    uploader.wait_for(state="attached", timeout=60_000)
    uploader.set_input_files(str(bad))
    page.get_by_text("Không thêm được empty.txt: tệp không có nội dung").first.wait_for(timeout=60_000)
    text = page.evaluate(SHOWN_TEXT)
    assert not ENGLISH.search(text) and "the file is empty" not in text, ENGLISH.findall(text)
    uploader.set_input_files(str(good))
    page.get_by_text("Đã thêm nq50.txt. Bộ văn bản nay có").first.wait_for(timeout=120_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "upload.png"))
    again = tmp_path / "nq50-lan-2.txt"  # the same document again: refused, in the reader's language
    again.write_bytes(good.read_bytes())
    uploader.set_input_files(str(again))
    page.get_by_text("Không thêm được nq50-lan-2.txt: văn bản này đã có trong bộ văn bản").first.wait_for(
        timeout=60_000)
    text = page.evaluate(SHOWN_TEXT)
    assert not ENGLISH.search(text) and "already" not in text, ENGLISH.findall(text)
    shot(page, "vietnamese-upload-duplicate")
    page.goto(f"{server}/ai-lam-gi?lang=en")
    uploader = page.locator("input[type=file]").first
    uploader.wait_for(state="attached", timeout=60_000)
    uploader.set_input_files(str(bad))
    page.get_by_text("Cannot add empty.txt: the file has no text in it").first.wait_for(timeout=60_000)
    assert "Không thêm được" not in page.evaluate(SHOWN_TEXT)


def test_another_reader_is_answered_while_a_long_query_runs(browser, server) -> None:
    """A console query runs in its worker process: the server keeps drawing other readers' pages."""
    slow = browser.new_page(viewport={"width": 1400, "height": 1000})
    other = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        slow.goto(f"{server}/sparql")
        area = slow.locator("textarea").first
        area.wait_for(timeout=60_000)
        area.fill("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")  # runs until stopped
        box = slow.get_by_label("Thời gian tối đa (giây)")
        box.fill("40")
        box.press("Enter")
        slow.get_by_role("button", name="Chạy").click()
        slow.wait_for_timeout(1000)
        other.goto(server)
        wait_network(other)
        assert slow.locator("[data-testid=stAlert]").count() == 0  # the long query is still running
        slow.locator("[data-testid=stAlert]").first.wait_for(timeout=120_000)  # then it is stopped, saying so
        assert "40" in slow.locator("[data-testid=stAlert]").first.inner_text()
    finally:
        slow.close()
        other.close()
