import csv
import io
import re

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from policykg.cli import app
from policykg.export import safe_name

runner = CliRunner()


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws")
    assert runner.invoke(app, ["--workspace", str(ws), "build"]).exit_code == 0
    return ws


def export(ws, out, *args):
    return runner.invoke(app, ["--workspace", str(ws), "export", "--out", str(out), *args])


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_rdf_exports_reparse_with_evidence(ws, tmp_path, fmt) -> None:
    out = tmp_path / f"bca.{fmt}"
    result = export(ws, out, "--focus", "Bộ Công an", "--format", fmt)
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="turtle" if fmt == "ttl" else "json-ld")
    quotes = {str(o) for o in g.objects(None, __import__("graph.namespace").namespace.OA.exact)}
    assert any("Chiến lược an ninh mạng quốc gia" in q for q in quotes)
    assert 100 < len(g) < 20000


def test_graphml_csv_html_docx(ws, tmp_path) -> None:
    assert export(ws, tmp_path / "a.graphml", "--doc", "000", "--format", "graphml").exit_code == 0
    view = nx.read_graphml(tmp_path / "a.graphml")
    assert view.number_of_nodes() > 50
    assert export(ws, tmp_path / "a.html", "--focus", "MPI", "--format", "html").exit_code == 0
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        seen: list[tuple[str, dict]] = []

        def handle_starttag(self, tag, attrs):
            self.seen.append((tag, dict(attrs)))

    tags = Tags()
    tags.feed(page)
    assert "vis.Network" in page and [t for t, _ in tags.seen].count("script") == 2
    assert not any("src" in a or "href" in a for _, a in tags.seen)  # nothing loaded from anywhere
    assert "pkg-legend" in page and "drawLegend(" in page and "Lập ngày" in page
    assert "Quyết định số 2289/QĐ-TTg ngày 31/12/2020" in page  # source documents, written out


ROLE_CODES = re.compile(r"\b(lead|cooperating|responsible|no_data|off_track|on_track|achieved|rank|top_n)\b")
SLUG = re.compile(r"\b[a-z]{2,4}-\d+-[a-z]+-\d{4}\b|\b\d{3}-task-\d+")


def test_docx_briefing_follows_the_administrative_format(ws, tmp_path) -> None:
    import docx
    from docx.shared import Mm, Pt

    out = tmp_path / "brief.docx"
    assert export(ws, out, "--focus", "Bộ Kế hoạch và Đầu tư", "--format", "docx").exit_code == 0
    document = docx.Document(str(out))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert Mm(20) - Mm(0.5) <= section.top_margin <= Mm(25) and Mm(20) - Mm(0.5) <= section.bottom_margin <= Mm(25)
    assert Mm(30) - Mm(0.5) <= section.left_margin <= Mm(35) and Mm(15) - Mm(0.5) <= section.right_margin <= Mm(20)
    assert "PAGE" in section.header._element.xml  # page numbers
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14)
    text = "\n".join(p.text for p in document.paragraphs)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert text.startswith("BÁO CÁO TÓM TẮT") and "Bộ Kế hoạch và Đầu tư" in text.split("\n")[1]
    assert headings[0] == "I. NHIỆM VỤ"
    docs = [h for h in headings if h.startswith(("Quyết định", "Chiến lược", "Báo cáo", "Đề án"))]
    assert docs[0].startswith("Quyết định số 2289/QĐ-TTg ngày 31/12/2020")  # the final text first
    assert not any("dự thảo" in h for h in docs)  # drafts only when asked for
    assert "chủ trì" in text.lower() and "Nguồn: QĐ 2289/QĐ-TTg, mục" in text
    assert "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ" in text  # legal basis in full
    assert not ROLE_CODES.search(text) and not SLUG.search(text)
    for heading in headings:  # no empty heading: every heading is followed by text
        following = [p.text for p in document.paragraphs][[p.text for p in document.paragraphs].index(heading) + 1]
        assert following.strip()


def test_docx_briefing_marks_drafts_when_they_are_chosen(ws, tmp_path) -> None:
    import docx

    from graph.views import load
    from policykg.selection import render_nodes, select
    from policykg.workspace import open_workspace, view_file

    view = load(view_file(ws).read_text(encoding="utf-8"))
    nodes = select(view, open_workspace(ws, "memory"), "Bộ Kế hoạch và Đầu tư", 1)
    with_drafts = render_nodes(ws, "docx", nodes, "Bộ Kế hoạch và Đầu tư", drafts=True)
    out = tmp_path / "d.docx"
    out.write_bytes(with_drafts)
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 2"]
    drafts = [h for h in headings if "(dự thảo)" in h]
    first = headings.index(drafts[0]) if drafts else 0
    assert first > 0 and all("(dự thảo)" in h for h in headings[first:])  # finals first, drafts marked


def test_export_never_overwrites_and_sanitises(ws, tmp_path) -> None:
    out = tmp_path / "x.ttl"
    assert export(ws, out, "--doc", "000").exit_code == 0
    again = export(ws, out, "--doc", "000")
    assert again.exit_code == 1 and "--force" in again.output
    assert export(ws, out, "--doc", "000", "--force").exit_code == 0
    assert safe_name("../../etc/pass wd.ttl") == "pass_wd.ttl"
    assert export(ws, tmp_path / "y.ttl", "--doc", "000", "--focus", "MPI").exit_code == 1


def test_the_app_exports_the_same_triples_without_reading_the_graph_file(ws) -> None:
    from rdflib.compare import isomorphic

    from graph.views import load
    from policykg.export import rdf_subgraph
    from policykg.selection import rdf_from_store, render_corpus, select
    from policykg.ui.corpus import Corpus
    from policykg.workspace import graph_file, open_workspace, view_file

    view = load(view_file(ws).read_text(encoding="utf-8"))
    nodes = select(view, open_workspace(ws, "memory"), "Bộ Công an", 1)
    corpus = Corpus(ws)
    expected = rdf_subgraph(Graph().parse(graph_file(ws), format="nt"), nodes)
    assert len(expected) > 100 and isomorphic(rdf_from_store(corpus.store, nodes), expected)
    brief = render_corpus(corpus, "docx", nodes, "Bộ Công an")
    assert isinstance(brief, bytes) and brief[:2] == b"PK"


def test_a_focus_by_name_is_searched_not_read_as_an_iri(ws, tmp_path, caplog) -> None:
    out = tmp_path / "mpi.graphml"
    assert export(ws, out, "--focus", "Bộ Kế hoạch và Đầu tư", "--format", "graphml").exit_code == 0
    labels = {d.get("label") for _, d in nx.read_graphml(out).nodes(data=True)}
    assert "Bộ Kế hoạch và Đầu tư" in labels
    assert not [r for r in caplog.records if "valid URI" in r.getMessage()]  # rdflib's warning on a name as IRI


def test_docx_legal_basis_names_a_document_cited_by_its_title_once_by_its_symbol(ws, tmp_path) -> None:
    import docx

    out = tmp_path / "mof.docx"
    assert export(ws, out, "--focus", "Bộ Tài chính", "--format", "docx").exit_code == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    start = paragraphs.index(next(p for p in paragraphs if p.endswith("CĂN CỨ PHÁP LÝ")))
    basis = paragraphs[start + 1:-1]
    assert any(p.startswith("Quyết định số 2289/QĐ-TTg") for p in basis)
    # the report cites the strategy by its title alone: that is QĐ 2289, not a second entry
    assert not any(p.casefold().startswith("chiến lược quốc gia về cách mạng công nghiệp lần thứ tư") for p in basis)
    assert len(basis) == len(set(basis))


TABLE_HEADER = ["Cơ quan", "Vai trò", "Nhiệm vụ", "Cùng với", "Thời hạn", "Văn bản", "Mục", "Đoạn trích"]


def test_csv_export_is_a_task_table_an_analyst_opens_in_excel(ws, tmp_path) -> None:
    """Bộ Công an's focus as CSV: UTF-8 with a BOM, Vietnamese headers, one row per task and agency with its role in
    words, partners, document symbol, section and the quoted source; no IRI, id or code."""
    out = tmp_path / "bca.csv"
    assert export(ws, out, "--focus", "Bộ Công an", "--format", "csv").exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == TABLE_HEADER
    row = next(r for r in rows if "Chiến lược an ninh mạng quốc gia" in r["Nhiệm vụ"] and r["Cơ quan"] == "Bộ Công an")
    assert row["Vai trò"] == "chủ trì" and row["Văn bản"] == "QĐ 2289/QĐ-TTg" and row["Mục"].startswith("IV.")
    assert "Chiến lược an ninh mạng quốc gia" in row["Đoạn trích"]
    cells = " ".join(v for r in rows for v in r.values())
    assert "https://" not in cells and not ROLE_CODES.search(cells) and not SLUG.search(cells)
    assert {r["Vai trò"] for r in rows} <= {"chủ trì", "phối hợp", "chịu trách nhiệm", ""}


def test_xlsx_export_is_the_same_table(ws, tmp_path) -> None:
    from openpyxl import load_workbook

    assert export(ws, tmp_path / "d.csv", "--doc", "000", "--format", "csv").exit_code == 0
    assert export(ws, tmp_path / "d.xlsx", "--doc", "000", "--format", "xlsx").exit_code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "d.csv").read_bytes().decode("utf-8-sig"))))
    sheet = load_workbook(tmp_path / "d.xlsx").active
    cells = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert cells == rows and rows[0] == TABLE_HEADER and len(rows) > 60  # QĐ 2289's 62 tasks, some shared
    assert {r[5] for r in rows[1:]} == {"QĐ 2289/QĐ-TTg"}
    # a task with partners gives one row per agency, each naming the others with their roles
    shared = [r for r in rows[1:] if r[3]]
    assert shared and all(re.search(r"\((chủ trì|phối hợp|chịu trách nhiệm)\)", r[3]) for r in shared)
    assert len([r for r in rows if r[2] == shared[0][2]]) >= 2


@pytest.mark.parametrize("large", [False, True])
def test_the_apps_task_table_is_in_the_readers_language_at_any_corpus_size(ws, monkeypatch, large) -> None:
    """The export page's CSV in English: English headers and roles, document symbols; a large corpus reads the
    selection's tasks by key and gives the same table."""
    from policykg.selection import render_corpus
    from policykg.ui.corpus import Corpus
    from policykg.ui.network import view_nodes

    corpus = Corpus(ws)
    nodes = view_nodes(corpus.view, "https://w3id.org/policykg/id/agency/mpi", 1, set(), set(), set(), set())
    whole = render_corpus(corpus, "csv", nodes, "MPI", lang="en")
    if large:
        monkeypatch.setattr(Corpus, "large", property(lambda self: True))
        corpus = Corpus(ws)
    table = render_corpus(corpus, "csv", nodes, "MPI", lang="en")
    assert isinstance(table, bytes) and table == whole
    rows = list(csv.DictReader(io.StringIO(table.decode("utf-8-sig"))))
    assert list(rows[0]) == ["Agency", "Role", "Task", "With whom", "Deadline", "Document", "Section", "Passage"]
    assert {r["Role"] for r in rows} <= {"lead", "cooperating", "responsible", ""}
    assert any(r["Agency"] == "Bộ Kế hoạch và Đầu tư" and r["Role"] == "lead" for r in rows)
    assert all(r["Document"] and not SLUG.search(r["Document"]) for r in rows)
    assert "https://" not in table.decode("utf-8")
