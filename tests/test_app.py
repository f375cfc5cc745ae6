import ast
import io
import logging
import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policykg.ui import pages

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGE_KEYS = [p.url_path for p in pages.PAGES]
# words of the code that must never reach the Vietnamese UI's tables
CODE_WORDS = re.compile(r"\b(lead|cooperating|responsible|no_data|off_track|on_track|achieved|equals|at_least|"
                        r"top_n|implements|cites|based_on|world|rank|same|changed|added|removed)\b"
                        r"|\b(?:19|20)\d\d\.0")  # or a year written as a float


def test_app_imports_only_policykg_streamlit_pandas_and_the_standard_library() -> None:
    import sys

    allowed = {"policykg", "streamlit", "pandas", "__future__"} | set(sys.stdlib_module_names)
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    roots = {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    roots |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert roots - allowed == set()
    assert "policykg" in roots


def test_page_registry_names_every_page_in_both_languages() -> None:
    assert len({p.url_path for p in pages.PAGES}) == len(pages.PAGES)
    for p in pages.PAGES:
        assert p.title("vi") and p.title("en")
    assert pages.requested("Ai làm gì").key == "owners"  # old links with Vietnamese titles still work
    assert pages.requested("ai-lam-gi").key == "owners"
    assert pages.requested("nonsense").key == "network"


@pytest.mark.parametrize(("text", "shown"), [
    ("x ![i](http://127.0.0.1:9/i.png).txt", r"x \!\[i\]\(http\://127.0.0.1\:9/i.png\).txt"),
    ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
    (":red[Bộ] **đậm** `mã`", r"\:red\[Bộ\] \*\*đậm\*\* \`mã\`"),
    ("- 1. QĐ 2289/QĐ-TTg", r"\- 1. QĐ 2289/QĐ-TTg"),
])
def test_document_text_reaches_markdown_escaped(text, shown) -> None:
    from policykg.ui.markdown import plain
    assert plain(text) == shown


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("app")


CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"


def new_app(timeout: float) -> AppTest:
    """An AppTest of the app. Its constructor sets session state from the test's own thread, outside any script run,
    and Streamlit logs "missing ScriptRunContext" for that (its own doing: "can be ignored in bare mode"); that one
    call is made with the warning muted, so a warning seen in a test's output is one the app caused."""
    logger = logging.getLogger(CONTEXT_LOGGER)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return AppTest.from_file(str(APP), default_timeout=timeout)
    finally:
        logger.setLevel(level)


def app(workdir, monkeypatch, page: str, **params: str) -> AppTest:
    monkeypatch.chdir(workdir)  # the app builds ./workspace on first start
    # Streamlit installs app.py as sys.modules["__main__"] and never puts the old one back: without
    # this, every later test's worker processes (multiprocessing, Dask) would import the app
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = new_app(120)
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _cells(at: AppTest) -> str:
    return " ".join(str(v) for df in at.dataframe for v in df.value.astype(str).to_numpy().ravel())


@pytest.mark.parametrize("page", PAGE_KEYS)
def test_every_page_renders_in_vietnamese_without_code_words(workdir, monkeypatch, page) -> None:
    at = app(workdir, monkeypatch, page)
    assert not at.exception
    assert (workdir / "workspace" / "CURRENT").exists()
    headers = " ".join(str(c) for df in at.dataframe for c in df.value.columns)
    assert not CODE_WORDS.search(_cells(at)), CODE_WORDS.search(_cells(at))
    assert not CODE_WORDS.search(headers)


def _written(at: AppTest) -> list[str]:
    """What the app itself writes on a page: labels, help, headers, messages, table headers, chart titles and
    legends (not the documents' own words in cells and options)."""
    import json

    out = [str(c) for df in at.dataframe for c in df.value.columns]

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and not hasattr(proto, "arrow_data"):
            for field in ("label", "body", "help", "placeholder"):
                value = getattr(proto, field, None)
                if isinstance(value, str) and value:
                    out.append(value)
            spec = getattr(proto, "spec", None)
            if isinstance(spec, str) and spec.startswith("{"):
                titles = re.findall(r'"title": ("(?:[^"\\]|\\.)*")', spec)
                out.extend(json.loads(t) for t in titles)
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else []:
            walk(child)

    walk(at._tree)
    return out


def _pieces(lang: str) -> set[str]:
    """The fixed words of every interface string in one language that the other language writes differently
    (the parts between {placeholders}, of two words or more)."""
    from policykg.ui.i18n import COLUMNS, TEXT, WORDS

    pairs = [*TEXT.values(), *COLUMNS.values(), *(p for group in WORDS.values() for p in group.values())]
    out = set()
    for vi, en in pairs:
        mine, other = (vi, en) if lang == "vi" else (en, vi)
        for part in re.split(r"\{[^}]*\}", mine):
            part = part.strip(" .,:;()“”–—")
            if len(part.split()) >= 2 and part not in other:
                out.add(part)
    return out


@pytest.mark.parametrize("page", PAGE_KEYS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_writes_only_the_ui_language(workdir, monkeypatch, page, lang) -> None:
    """Walk every page in both languages: no string of the other language in labels, headers, messages,
    table headers, chart titles or legends."""
    at = app(workdir, monkeypatch, page, lang=lang)
    assert not at.exception
    written = "\n".join(_written(at))
    other = _pieces("en" if lang == "vi" else "vi")
    leaks = sorted(p for p in other if p in written)
    assert not leaks, (page, lang, leaks)
    if lang == "vi":
        assert not CODE_WORDS.search(written), CODE_WORDS.findall(written)


# English words of the app's and the CLI's messages, never to be read in the Vietnamese UI
ENGLISH_WORDS = re.compile(r"\b(the|file|cannot|not|is|empty|larger|than|already|workspace|split|text|readable|"
                           r"save|replace|pass|Cannot|Added|corpus|documents|tasks)\b|/tmp/")
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 4 tháng 2 năm 2025\nKẾ HOẠCH\nChuyển đổi số\n"
        "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí thực hiện kế hoạch.\n")


@pytest.fixture(scope="module")
def small_workspace(tmp_path_factory):
    from policykg.workspace import build

    corpus = tmp_path_factory.mktemp("plan")
    (corpus / "kh-12.txt").write_text(PLAN, encoding="utf-8")
    workspace = tmp_path_factory.mktemp("ws") / "workspace"
    build(corpus, workspace, workers=1)
    return workspace


def _refused(path: Path, workspace: Path):
    from policykg.errors import PolicyKGError
    from policykg.ui.corpus import add

    with pytest.raises(PolicyKGError) as caught:
        add(path, workspace)
    return caught.value


@pytest.mark.parametrize(("name", "content", "vi_words"), [
    ("trong.txt", b"  \n\t ", "không có nội dung"),
    ("anh.txt", bytes(range(256)) * 8, "không phải tệp văn bản"),
    ("hong.docx", b"PK\x03\x04 not a zip", "không phải tệp Word"),
    ("bang.csv", b"a,b\n1,2\n", "chỉ nhận tệp .txt, .md, .docx, .pdf"),
    ("lon.txt", b"a" * (20 * 2**20 + 1), "lớn hơn 20 MB"),
    ("kh-12-lan-2.txt", PLAN.encode(), "đã có trong bộ văn bản (KH 12/KH-UBND, cùng nội dung)"),
    ("kh-12-sua.txt", PLAN.replace("bố trí", "cân đối").encode(), "cùng số hiệu 12/KH-UBND và ngày 2025-02-04"),
])
def test_upload_refusals_are_in_the_ui_language(small_workspace, tmp_path, name, content, vi_words) -> None:
    """Every refusal on the add-document path, from the real reader and workspace: Vietnamese in the Vietnamese
    UI (no English word, no temporary path), English in the English UI, and nothing is added."""
    from policykg.ui import uploads
    from policykg.ui.corpus import Corpus

    path = tmp_path / name
    path.write_bytes(content)
    before = (small_workspace / "CURRENT").read_text()
    corpus = Corpus(small_workspace)
    messages = {}
    for lang in ("vi", "en"):
        refused = uploads.refused_type(name, lang)
        if refused is None:
            error = _refused(path, small_workspace)
            refused = uploads.refusal(error, name, lang, lambda d, lg=lang: corpus.short(d, lg))
        messages[lang] = refused
    assert vi_words in messages["vi"], messages["vi"]
    assert not ENGLISH_WORDS.search(messages["vi"]) and not CODE_WORDS.search(messages["vi"]), messages["vi"]
    assert messages["en"].startswith(f"Cannot add {name}") and not VIETNAMESE.search(
        messages["en"].replace("12/KH-UBND", "")), messages["en"]
    assert str(tmp_path) not in messages["vi"] + messages["en"]
    assert (small_workspace / "CURRENT").read_text() == before


def test_upload_success_message_is_in_the_ui_language(small_workspace, tmp_path) -> None:
    from policykg.ui import uploads
    from policykg.ui.corpus import add

    path = tmp_path / "kh-13.txt"
    path.write_text(PLAN.replace("12/KH-UBND", "13/KH-UBND"), encoding="utf-8")
    summary = add(path, small_workspace)
    vi, en = (uploads.added(summary, "kh-13.txt", lang) for lang in ("vi", "en"))
    assert vi.startswith("Đã thêm kh-13.txt. Bộ văn bản nay có 2 văn bản, 2 nhiệm vụ")
    assert not ENGLISH_WORDS.search(vi.replace("kh-13.txt", "")), vi
    assert en.startswith("Added kh-13.txt. The corpus now holds 2 documents, 2 tasks") and not VIETNAMESE.search(en)


def test_english_switch_translates_headers_and_words(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "ai-lam-gi", lang="en")
    assert not at.exception
    columns = list(at.dataframe[1].value.columns)
    assert columns[:3] == ["Agency", "Role", "Document"] and columns[-3:] == ["Task", "With whom", "Today"]
    rows = at.dataframe[1].value
    assert set(rows["Role"]) <= {"lead", "cooperating", "responsible", ""}
    assert set(rows[rows["Role"] == ""]["Agency"]) == {"no agency assigned"}  # tasks that name no agency
    assert at.text_input(key="own_agency").label.startswith("Agency")


def test_network_first_view_is_an_overview_of_agencies_and_documents(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "mang-luoi")
    assert not at.exception
    component = next(e for e in at.main if e.type == "bidi_component")
    assert component is not None
    from policykg.ui import overview
    from policykg.ui.corpus import Corpus
    from policykg.ui.network import Labels
    corpus = Corpus(workdir / "workspace")
    data = overview.draw(corpus.overview_counts(), Labels(), corpus.doc_ids)
    assert "view" not in corpus.__dict__  # counted on the store: the networkx view was not loaded
    assert 10 <= len(data.nodes) <= 60
    assert {n["shape"] for n in data.nodes} == {"square", "star"}
    assert {(i["color"], i["glyph"]) for i in data.legend} >= {("#2f6fb0", "■"), ("#2e9e5b", "★")}


def test_the_app_and_its_warm_up_thread_log_no_warning(workdir, monkeypatch) -> None:
    """A first page, a search and the warm-up thread run to its end: Streamlit logs nothing (no "missing
    ScriptRunContext" from a thread of the app, no other warning)."""
    import threading

    seen: list[str] = []

    class Record(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                seen.append(f"{record.name}: {record.getMessage()}")

    handler = Record()
    loggers = [logging.getLogger(), logging.getLogger("streamlit"), logging.getLogger(CONTEXT_LOGGER)]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        at = app(workdir, monkeypatch, "mang-luoi", q="bo cong an")
        for thread in threading.enumerate():
            if thread.name.startswith("policykg-"):
                thread.join(60)
        at.run()
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    assert not at.exception
    assert seen == []


def test_network_search_by_symbol_focuses_the_document_and_a_click_shows_details(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "mang-luoi", q="2289")
    assert not at.exception
    assert any("QĐ 2289/QĐ-TTg" in str(o) for o in at.sidebar.radio[0].options)
    at = app(workdir, monkeypatch, "mang-luoi", q="bo cong an")
    assert any(s.value == "Bộ Công an" for s in at.subheader)
    at.session_state["network"] = {"selected": {"id": "https://w3id.org/policykg/id/task/000-task-043"}}
    at.run()
    assert not at.exception
    assert any("Chủ trì triển khai có hiệu quả Chiến lược an ninh mạng quốc gia" in t.value for t in at.text)
    assert not any("https://" in b.label for b in at.button)  # relations in words, no IRIs


def test_ownership_by_abbreviation_shows_partners_and_who_holds_the_duty_today(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "ai-lam-gi")
    counts = at.dataframe[0].value  # per agency: its tasks and each role, in words; the unassigned tasks last
    assert list(counts.columns) == ["Cơ quan", "Số nhiệm vụ", "Chủ trì", "Phối hợp", "Chịu trách nhiệm"]
    assert counts["Cơ quan"].iloc[-1] == "chưa giao cơ quan chủ trì" and counts["Số nhiệm vụ"].iloc[-1] > 0
    mpi = counts[counts["Cơ quan"] == "Bộ Kế hoạch và Đầu tư"].iloc[0]
    assert mpi["Số nhiệm vụ"] == mpi["Chủ trì"] + mpi["Phối hợp"] + mpi["Chịu trách nhiệm"] > 10
    at.text_input(key="own_agency").input("MPI").run()
    df = at.dataframe[1].value
    assert len(df) > 10 and set(df["Cơ quan"]) == {"Bộ Kế hoạch và Đầu tư"}
    assert (df["Hiện nay"] == "nay là Bộ Tài chính, từ 01/03/2025, theo Nghị quyết 176/2025/QH15").all()
    assert df["Cùng với"].str.contains(r"\(phối hợp\)|\(chủ trì\)|\(chịu trách nhiệm\)").any()
    at.text_input(key="own_agency").input("bo ke hoach va dau tu").run()
    assert set(at.dataframe[1].value["Cơ quan"]) == {"Bộ Kế hoạch và Đầu tư"}


def test_who_owns_what_on_a_large_corpus_counts_first_then_lists_what_is_chosen(workdir, monkeypatch) -> None:
    from graph.answers import task_roles
    from policykg.ui.corpus import opened

    monkeypatch.setattr("policykg.ui.corpus.WHOLE_TABLE_TASKS", 10)  # the bundled corpus's 341 tasks: "large"
    at = app(workdir, monkeypatch, "ai-lam-gi")
    assert not at.exception
    assert any("quá nhiều để liệt kê hết" in i.value for i in at.info)
    counts = at.dataframe[0].value
    assert list(counts.columns) == ["Cơ quan", "Số nhiệm vụ", "Chủ trì", "Phối hợp"] and len(at.dataframe) == 1
    tasks = opened(workdir / "workspace").tasks  # the whole table, read here only to check the counts
    mof = [t for t in tasks if "Bộ Tài chính" in task_roles(t)]
    row = counts[counts["Cơ quan"] == "Bộ Tài chính"].iloc[0]
    assert row["Số nhiệm vụ"] == len(mof) >= 5
    assert row["Chủ trì"] == sum(1 for t in mof if "Bộ Tài chính" in t["lead"])
    at.text_input(key="own_agency").input("MOF").run()
    listed = at.dataframe[1].value
    assert set(listed["Cơ quan"]) == {"Bộ Tài chính"} and len(listed) == len(mof)
    at.text_input(key="own_agency").input("").run()
    at.selectbox(key="own_doc").select("000").run()
    assert set(at.dataframe[-1].value["Văn bản"]) == {"QĐ 2289/QĐ-TTg"}


def test_ownership_downloads_open_in_excel() -> None:
    from openpyxl import load_workbook

    from policykg.ui.explorer import csv_bytes, xlsx_bytes
    rows = [{"Cơ quan": "Bộ Tài chính", "Vai trò": "chủ trì"}]
    assert csv_bytes(rows).startswith("\ufeffCơ quan".encode())
    sheet = load_workbook(io.BytesIO(xlsx_bytes(rows, "Ai làm gì"))).active
    assert [c.value for c in sheet[2]] == ["Bộ Tài chính", "chủ trì"]


def test_sparql_example_picker_changes_the_query_and_updates_are_refused(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "sparql")
    first = at.text_area(key="sparql").value
    at.selectbox(key="example").select_index(2).run()
    assert at.text_area(key="sparql").value != first and "off_track" in at.text_area(key="sparql").value
    at.button(key="run").click().run()
    assert not at.exception
    at.text_area(key="sparql").input("DELETE WHERE { ?s ?p ?o }").run()
    at.button(key="run").click().run()
    assert at.error and "DELETE bị từ chối vì bảng truy vấn chỉ đọc" in at.error[0].value
    assert not ENGLISH_WORDS.search(at.error[0].value.replace("DELETE", "")), at.error[0].value
    for query, words in (("SELECT ?s WHERE { ?s ?p", "không đúng cú pháp SPARQL ở gần"),  # the query's errors too
                         ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE bị từ chối"),
                         ("SELECT * FROM <http://x/> WHERE { ?s ?p ?o }", "FROM NAMED bị từ chối")):
        at.text_area(key="sparql").input(query).run()
        at.button(key="run").click().run()
        assert words in at.error[0].value and not ENGLISH_WORDS.search(at.error[0].value), at.error[0].value
    at.toggle(key="lang_en").set_value(True).run()
    at.button(key="run").click().run()
    assert at.error[0].value.startswith(r"Not run\: FROM and FROM NAMED are refused")  # markdown-escaped


def test_overlaps_by_symbol_refuse_self_comparison_and_explain_missing_text(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "chong-lan")
    assert "NQ 50/NQ-CP" in at.selectbox(key="ov_a").format_func(at.selectbox(key="ov_a").value)
    at.selectbox(key="ov_b").select("000").run()
    assert not at.exception
    cited = " ".join(at.dataframe[1].value.iloc[:, 0])
    assert "NQ 52-NQ/TW" in cited
    assert any("50/NQ-CP" in i.value and "không có trong bộ văn bản" in i.value for i in at.info)
    at.selectbox(key="ov_b").select("nq-50-cp-2020").run()
    assert at.warning and "khác nhau" in at.warning[0].value


def test_draft_vs_final_page_names_documents(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "du-thao")
    assert not at.exception
    agencies = at.dataframe[-1].value.set_index("Cơ quan")
    assert agencies.loc["Bộ Tư pháp", "Tình trạng"] == "chỉ có ở bản chính thức"


def test_export_page_previews_before_building(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "xuat")
    assert not at.exception
    at.radio(key="ex_source").set_value("focus").run()
    assert any("nhiệm vụ" in i.value for i in at.info)
    assert not any(b.key and b.key.startswith("ex_docx") for b in at.get("download_button"))
    at.button(key="ex_build_docx").click().run()
    assert any(b.key == "ex_docx" for b in at.get("download_button"))


def test_export_of_the_current_network_view(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "mang-luoi", q="bo cong an")
    assert at.session_state["net_view"]["focus"].endswith("/agency/bca")
    from streamlit.util import calc_hash

    at._page_hash = calc_hash("xuat")  # a click in the sidebar (AppTest.switch_page takes only files)
    at.query_params.clear()  # page links drop the URL's view parameters
    at.run()
    assert not at.exception
    preview = next(i.value for i in at.info if "Sẽ xuất" in i.value)
    tasks = int(re.search(r"(\d+) nhiệm vụ", preview).group(1))
    assert tasks >= 10  # Bộ Công an's tasks, not the overview's or nothing
    table = at.dataframe[0].value
    assert "Bộ Công an" in set(table["Cơ quan"]) or table["Nhiệm vụ"].str.contains("Bộ Công an").any()


def _drawn(at: AppTest) -> set[str]:
    """The node IRIs the network component was given to draw."""
    import json

    component = next(e for e in at.main if e.type == "bidi_component" and e.proto.component_name == "policykg_network")
    return {n["id"] for n in json.loads(component.proto.json)["nodes"]}


@pytest.mark.parametrize(("params", "drawn"), [
    ({"q": "Bộ Thông tin và Truyền thông"}, 60),  # an agency's focus: its first page, not its 75 neighbours
    ({"q": "Bộ Thông tin và Truyền thông", "more": "2"}, 74),  # "more" pressed once (kept in the URL)
    ({"q": "2289", "depth": "2"}, 60),  # a document's focus, by its sections: a page, not 701 nodes two steps out
    ({"types": "task|agency", "cap": "100"}, 100),  # tasks and agencies of the whole corpus, cut to the cap
    ({"q": "bo cong an", "types": "task|agency"}, None),  # a filter
])
def test_export_of_the_current_view_is_exactly_what_is_drawn(workdir, monkeypatch, params, drawn) -> None:
    """The export page's "current view" takes the nodes the network page drew: its pages, node cap and filters."""
    from policykg.ui import explorer

    at = app(workdir, monkeypatch, "mang-luoi", **params)
    nodes = _drawn(at)
    assert drawn is None or len(nodes) == drawn
    state = at.session_state["net_view"]
    at = _on_page(at, "xuat")
    assert not at.exception
    preview = next(i.value for i in at.info if "Sẽ xuất" in i.value)
    assert re.search(rf"\b{len(nodes)} nút", preview), (len(nodes), preview)
    from policykg.ui.corpus import Corpus
    assert explorer.view_nodes(Corpus(workdir / "workspace"), state) == nodes


def _on_page(at: AppTest, path: str) -> AppTest:
    """The same session moved to another page by a click in the sidebar (page links drop the URL's view)."""
    from streamlit.util import calc_hash

    at._page_hash = calc_hash(path)  # AppTest.switch_page takes only files
    at.query_params.clear()
    return at.run()


def _matrix(at: AppTest):
    """The matrix heatmap's data (agency, section, cell, count) as a DataFrame."""
    import pyarrow as pa

    chart = at.get("vega_lite_chart")[0]
    return pa.ipc.open_stream(chart.proto.data.data).read_pandas()


@pytest.mark.parametrize(("view", "agencies", "docs"), [
    ({}, None, ["000", "003", "001", "004"]),  # no view: every agency of every document with tasks
    ({"q": "bo cong an"}, {"Bộ Công an"}, None),  # a search focuses the network on Bộ Công an, depth 1
    ({"agencies": "Bộ Tài chính|Bộ Kế hoạch và Đầu tư"}, {"Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"}, None),
    ({"docs": "001"}, None, ["001"]),  # only the draft strategy, as in the network
    ({"q": "bo cong an", "docs": "000"}, {"Bộ Công an"}, ["000"]),
])
def test_matrix_follows_the_network_view(workdir, monkeypatch, view, agencies, docs) -> None:
    at = _on_page(app(workdir, monkeypatch, "mang-luoi", **view), "ma-tran")
    assert not at.exception
    if docs is not None:
        assert at.selectbox(key="mx_doc").options == [at.selectbox(key="mx_doc").format_func(d) for d in docs]
    shown = set(_matrix(at)["agency"])
    if agencies is None:
        assert len(shown) > 5
    else:
        assert shown and shown <= agencies
    assert bool(view) == any("Mạng lưới" in c.value for c in at.caption)  # says the view applies


def test_matrix_follows_the_network_node_types(workdir, monkeypatch) -> None:
    at = _on_page(app(workdir, monkeypatch, "mang-luoi", types="agency|document"), "ma-tran")
    assert not at.exception
    assert at.info and "không có nhiệm vụ" in at.info[0].value  # the network shows no task: nor does the matrix
    assert not at.get("vega_lite_chart")
    at = _on_page(app(workdir, monkeypatch, "mang-luoi", types="agency|task"), "ma-tran")
    assert len(set(_matrix(at)["agency"])) > 5


def test_english_names_drafts_in_english(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "du-thao", lang="en")
    assert not at.exception
    drafts = at.selectbox(key="df_a").options
    assert drafts and all(o.endswith(" (draft)") for o in drafts)
    assert not any("dự thảo" in o for s in at.selectbox for o in s.options)
    at = app(workdir, monkeypatch, "du-thao")
    assert all(o.endswith(" (dự thảo)") for o in at.selectbox(key="df_a").options)


def test_a_large_corpus_pages_read_only_what_is_picked_and_answer_as_the_whole_tables(workdir, monkeypatch) -> None:
    """The bundled corpus taken as "large": matrix, targets, citations, comparisons and the export preview are
    asked of the store for what is picked only, and give the answers the whole tables give."""
    from pathlib import Path

    from policykg.ui import explorer
    from policykg.ui.corpus import Corpus

    app(workdir, monkeypatch, "mang-luoi")  # builds ./workspace
    whole, large = Corpus(Path(workdir / "workspace")), Corpus(Path(workdir / "workspace"))
    monkeypatch.setattr(type(large), "large", property(lambda self: self is large))
    assert large.large and not whole.large
    assert explorer.matrix(large, "000", "vi") == explorer.matrix(whole, "000", "vi")
    assert explorer.indicators(large)[0] in explorer.indicators(whole) or not explorer.indicators(whole)
    label = "Tỷ trọng kinh tế số trong GDP"
    mine, total = explorer.indicator_targets(large, label, None)
    assert total == len(mine) >= 2
    assert explorer.series(large, label, "vi", mine) == explorer.series(whole, label, "vi")
    made_in = [r for r in whole.refs if r["evidence"]["doc"] == "000"]  # the citations QĐ 2289's text makes
    def rows(x: list[dict]) -> list[tuple]:
        return sorted(tuple(r.values()) for r in x)

    assert len(made_in) >= 5 and rows(explorer.legal_rows(large, "vi", large.doc_refs("000"))) == rows(
        explorer.legal_rows(whole, "vi", made_in))
    assert large.overlap("000", "nq-50-cp-2020", 0.35)["relations"] == whole.overlap("000", "nq-50-cp-2020",
                                                                                       0.35)["relations"]
    assert large.diff("001", "000") == whole.diff("001", "000")
    nodes = explorer.view_nodes(whole, {"docs": "000"})
    big, small = explorer.export_preview(large, nodes, False), explorer.export_preview(whole, nodes, False)
    assert (big["task_count"], big["targets"], big["docs"]) == (small["task_count"], small["targets"], small["docs"])
    assert big["task_count"] > 0 and [t["id"] for t in big["tasks"]] == [t["id"] for t in small["tasks"]]
    hits = explorer.search_all(large, "2289", "vi")
    assert hits[0]["label"].startswith("QĐ 2289/QĐ-TTg") and hits[0]["iri"] == large.doc_iri("000")
    for name in ("tasks", "targets", "refs", "rows", "names"):  # no whole table was read for the large corpus
        assert name not in large.__dict__, name


@pytest.fixture
def large(workdir, monkeypatch):
    """The bundled corpus taken as "large" (past 10 tasks), opened afresh: no answer of earlier tests kept."""
    import streamlit as st

    from policykg.ui import corpus as module

    app(workdir, monkeypatch, "mang-luoi")  # builds ./workspace
    monkeypatch.setattr(module, "WHOLE_TABLE_TASKS", 10)
    monkeypatch.setattr(module, "_OPENED", {})
    st.cache_resource.clear()
    st.cache_data.clear()
    yield lambda: module.opened(workdir / "workspace")
    st.cache_resource.clear()
    st.cache_data.clear()


def test_a_large_corpus_finds_a_cited_document_and_draws_it_without_the_whole_view(workdir, monkeypatch,
                                                                                   large) -> None:
    at = app(workdir, monkeypatch, "mang-luoi", q="NQ 50")
    assert not at.exception
    corpus = large()
    assert corpus.large
    hits = [o.replace("\\", "") for o in at.sidebar.radio[0].options]
    assert hits[0] == "Văn bản được trích dẫn: NQ 50/NQ-CP", hits  # only cited in the corpus, found by "NQ 50"
    nq50 = corpus.doc_iri("nq-50-cp-2020")
    assert at.session_state["net_view"]["focus"] == nq50
    assert [s.value.replace("\\", "") for s in at.subheader][:1] == ["NQ 50/NQ-CP"]  # its details, by its short name
    piece = corpus.view_for(nq50, 1)
    assert piece.number_of_nodes() >= 4 and {d["type"] for _, d in piece.nodes(data=True)} >= {"legal", "document"}
    at = app(workdir, monkeypatch, "mang-luoi", q="MPI")
    assert at.sidebar.radio[0].options[0].replace("\\", "") == "Cơ quan: Bộ Kế hoạch và Đầu tư"
    assert "view" not in corpus.__dict__  # neither the search nor the drawn views loaded the networkx view


def test_a_large_corpus_matrix_and_export_follow_a_filtered_view_without_the_whole_view(workdir, monkeypatch,
                                                                                        large) -> None:
    at = _on_page(app(workdir, monkeypatch, "mang-luoi", q="bo cong an", docs="000"), "ma-tran")
    assert not at.exception
    assert set(_matrix(at)["agency"]) == {"Bộ Công an"}
    at = _on_page(app(workdir, monkeypatch, "mang-luoi", agencies="Bộ Tài chính"), "xuat")
    assert not at.exception
    preview = next(i.value for i in at.info if "Sẽ xuất" in i.value)
    tasks = int(re.search(r"(\d+) nhiệm vụ", preview).group(1))
    assert tasks >= 5 and "Bộ Tài chính" in set(at.dataframe[0].value["Cơ quan"])  # its tasks, not the overview's
    assert "view" not in large().__dict__


@pytest.mark.parametrize(("lang", "words"), [("en", "Cannot open the corpus"), ("vi", "Không mở được bộ văn bản")])
def test_a_workspace_that_cannot_be_opened_says_so_in_the_ui_language(tmp_path, monkeypatch, lang, words) -> None:
    monkeypatch.setenv("POLICYKG_WORKSPACE", str(tmp_path / "nowhere"))
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = new_app(60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith(words)
    if lang == "en":
        assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỷỹý]", at.error[0].value.lower())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_targets_chart_legend_is_the_marks_and_no_target_hides_another(workdir, monkeypatch, lang) -> None:
    import json

    at = app(workdir, monkeypatch, "muc-tieu", lang=lang)
    assert not at.exception
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    layers = spec["layer"]
    colour = layers[0]["encoding"]["color"]["scale"]
    observed = "thực tế" if lang == "vi" else "observed"
    assert colour["domain"][0] == observed and colour["range"][0] == "#1f4e9c"  # the same colour in both languages
    targets = colour["domain"][1:]
    draft = "(dự thảo)" if lang == "vi" else "(draft)"
    assert any("2289/QĐ-TTg" in t for t in targets) and any(t.endswith(draft) for t in targets)
    # the final strategy and its draft both aim at 20 % in 2025 and 30 % in 2030: one layer each, side by side
    drawn = {lay["transform"][0]["filter"]["equal"]: lay for lay in layers[1:]}
    assert set(drawn) == set(targets)
    assert len({lay["mark"]["xOffset"] for lay in drawn.values()}) == len(targets)
    assert all(lay["encoding"]["shape"]["scale"]["range"][1:] == ["diamond"] * len(targets) for lay in drawn.values())
    assert layers[0]["encoding"]["color"]["legend"]["labelLimit"] >= 6 * max(map(len, targets))  # not cut


def test_overlaps_name_who_relates_to_whom_and_no_heading_is_left_empty(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "chong-lan")
    at.selectbox(key="ov_b").select("000").run()  # A: NQ 50 (cited only), B: QĐ 2289
    relations = at.dataframe[0].value
    assert list(relations.columns[:4]) == ["Văn bản", "Quan hệ", "Văn bản được nêu", "Nêu tại"]
    assert relations.iloc[0, :3].tolist() == ["QĐ 2289/QĐ-TTg", "triển khai", "NQ 50/NQ-CP"]  # not "Văn bản A"
    # the three sections that need both texts say why they are empty, under their own headings
    empty = [c.value for c in at.caption if c.value.startswith("Chưa so được")]
    assert len(empty) == 3 and all("50/NQ-CP" in c for c in empty)


def test_draft_vs_final_changed_targets_keep_their_comparator_and_unit(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "du-thao")
    changed = next(df.value for df in at.dataframe if "Dự thảo" in df.value.columns)
    assert list(changed.columns) == ["Chỉ tiêu", "So sánh", "Đơn vị", "Năm", "Dự thảo", "Chính thức"]
    ranks = changed[changed["Đơn vị"] == "hạng"]
    assert len(ranks) and set(ranks["So sánh"]) == {"trong nhóm đầu"}  # "3 → 50" is a rank, said so


def test_background_work_waits_while_a_reader_is_answered(small_workspace) -> None:
    """The warm-up and the task labels' reading pause until no reader has been answered for a while."""
    import time

    from policykg.ui.corpus import Corpus

    corpus = Corpus(small_workspace)
    start = time.monotonic()
    corpus.wait_quiet(0.3)  # nobody answered yet: no wait
    assert time.monotonic() - start < 0.2
    corpus.touch()
    start = time.monotonic()
    corpus.wait_quiet(0.3)
    assert time.monotonic() - start >= 0.29


def test_the_first_views_busiest_focuses_are_drawn_ahead(workdir, monkeypatch) -> None:
    """In the background the first view's busiest agencies and documents are drawn ahead (piece and details panel):
    a first search or click for one of them reads nothing more; the warming pauses while a reader is answered."""
    from policykg.ui import store_view
    from policykg.ui.corpus import Corpus

    app(workdir, monkeypatch, "mang-luoi")  # builds ./workspace
    corpus = Corpus(workdir / "workspace")
    counts = corpus.overview_counts()
    top = [iri for iri, _ in sorted([*counts.agencies, *counts.docs], key=lambda nk: -nk[1])[:4]]
    waits: list[float] = []
    monkeypatch.setattr(corpus, "wait_quiet", lambda: waits.append(1.0))
    assert corpus.warm_focuses(4) == 4 and len(waits) == 4
    for name in ("agency_focus", "agency_tasks", "neighbourhood", "section_focus", "details"):
        monkeypatch.setattr(store_view, name, lambda *a, **k: pytest.fail("read again"), raising=False)
    monkeypatch.setattr("policykg.ui.network.details", lambda *a, **k: pytest.fail("read again"))
    for iri in top:
        view, _ = corpus.drawn_view(iri, 1)
        assert view.number_of_nodes() > 1 and corpus.details(iri) is not None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_matrix_cells_fit_their_column_and_read_lead_first_in_a_stable_order(workdir, monkeypatch, lang) -> None:
    import json

    at = app(workdir, monkeypatch, "ma-tran", lang=lang)
    assert not at.exception
    data = _matrix(at)
    lead, coop = ("L", "C") if lang == "en" else ("C", "P")
    both = data[data["cell"].str.contains(coop) & data["cell"].str.contains(lead)]["cell"]
    assert len(both) and all(c.split(" / ")[0].endswith(lead) for c in both)  # "3 L / 1 C", in either language
    text = json.loads(at.get("vega_lite_chart")[0].proto.spec)["layer"][1]["mark"]
    assert text["lineBreak"] == " / "  # "3 L" over "1 C": one line is wider than a column of twenty sections
    totals = data.groupby("agency", sort=False)["count"].sum()
    order = json.loads(at.get("vega_lite_chart")[0].proto.spec)["layer"][0]["encoding"]["y"]["sort"]
    assert order == sorted(totals.index, key=lambda a: (-totals[a], a))  # the busiest first, ties by name


@pytest.mark.parametrize(("page", "long"), [("ai-lam-gi", "Nhiệm vụ"), ("van-ban", "Đoạn trích"), ("xuat", "Nhiệm vụ")])
def test_long_text_has_a_fixed_width_and_the_names_come_before_it(workdir, monkeypatch, page, long) -> None:
    import json

    at = app(workdir, monkeypatch, page)
    table = next(df for df in at.dataframe if long in df.value.columns)
    assert json.loads(table.proto.columns)[long]["width"] <= 320  # the columns after it are not pushed off the page
    columns = list(table.value.columns)
    if "Văn bản" in columns:  # the document's symbol is read without scrolling past the task
        assert columns.index("Văn bản") < columns.index(long)


def test_a_rank_chart_has_whole_ranks_and_a_legend_under_its_two_panels(workdir, monkeypatch) -> None:
    import json

    at = app(workdir, monkeypatch, "muc-tieu")
    at.selectbox(key="indicator").select("Xếp hạng Chỉ số Đổi mới sáng tạo toàn cầu (GII)").run()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["facet"]["field"] == "scope"  # ASEAN and world apart
    layer = spec["spec"]["layer"][0]["encoding"]
    assert layer["y"]["scale"]["reverse"] and layer["y"]["axis"]["format"] == "d"  # 3, 4 — never 3.2
    assert layer["color"]["legend"]["orient"] == "bottom"  # beside two panels it falls off the page


def test_export_buttons_name_formats_as_people_know_them_briefing_first(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "xuat")
    labels = [b.label for b in at.button if b.key and b.key.startswith("ex_build_")]
    assert labels[0] == "Tạo tệp Word (DOCX)"
    assert "Tạo tệp JSON-LD" in labels and "Tạo tệp GraphML" in labels  # not "JSONLD", "GRAPHML"
    assert labels[2:4] == ["Tạo tệp CSV", "Tạo tệp Excel (XLSX)"]  # the task table, beside each other
    assert len(labels) == 7
    from policykg.export import FORMATS
    from policykg.ui.explorer import EXPORT_FORMATS
    assert sorted(f for f, _ in EXPORT_FORMATS) == sorted(FORMATS)  # every format offered, each once


def test_sparql_examples_answer_in_names_once_each_and_as_their_titles_say(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "sparql")
    for i, title in enumerate(at.selectbox(key="example").options):
        at.selectbox(key="example").select_index(i).run()
        at.button(key="run").click().run()
        rows = at.dataframe[0].value
        assert len(rows), title
        cells = rows.astype(str).to_numpy().ravel()
        assert not any(c.startswith("http") for c in cells), title  # names, not IRIs
        assert not rows.duplicated().any(), title  # a document with two labels is one row
        assert not any(c.startswith("các ") for c in cells), title  # "các bộ, ngành" is not an agency
        if "2025" in title:
            assert all(d.startswith("2025") for d in rows["date"]), title  # merged in 2025, as it says


@pytest.mark.parametrize(("lang", "empty"), [("vi", "(không có dòng nào)"), ("en", "(no rows)")])
def test_an_empty_table_says_so_in_the_ui_language(workdir, monkeypatch, lang, empty) -> None:
    at = app(workdir, monkeypatch, "chong-lan", lang=lang)
    at.selectbox(key="ov_a").select("000").run()  # the strategy and the draft Đề án: no citation in common
    at.selectbox(key="ov_b").select("004").run()
    tables = list(at.dataframe)
    assert any(df.value.empty for df in tables)
    assert all(df.proto.placeholder == empty for df in tables)  # not Streamlit's "empty"


def test_overlaps_show_the_indicators_both_documents_set_targets_for(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "chong-lan")
    at.selectbox(key="ov_a").select("001").run()  # the draft strategy and the final one
    at.selectbox(key="ov_b").select("000").run()
    shared = next(df.value for df in at.dataframe if "Mục tiêu trong A" in df.value.columns)
    row = shared[(shared["Chỉ tiêu"] == "Tỷ trọng kinh tế số trong GDP") & (shared["Năm"] == "2030")]
    assert row[["Mục tiêu trong A", "Mục tiêu trong B"]].values.tolist() == [["khoảng 30 %", "khoảng 30 %"]]
    assert not shared["Chỉ tiêu"].str.contains(r"^[a-z0-9-]+$").any()  # names, never slugs
    assert not CODE_WORDS.search(" ".join(shared.astype(str).to_numpy().ravel()))


def test_matrix_tooltip_says_what_each_section_is_about(workdir, monkeypatch) -> None:
    import json

    at = app(workdir, monkeypatch, "ma-tran")
    data = _matrix(at).set_index(["agency", "section"])
    assert data.loc[("Bộ Tài chính", "IV.6"), "heading"] == "Bộ Tài chính"  # QĐ 2289, IV.6: the ministry's own tasks
    assert data.loc[("Bộ Kế hoạch và Đầu tư", "IV.1"), "heading"] == "Bộ Kế hoạch và Đầu tư"
    tooltip = json.loads(at.get("vega_lite_chart")[0].proto.spec)["layer"][0]["encoding"]["tooltip"]
    assert {"field": "heading", "title": "Tiêu đề"} in tooltip
