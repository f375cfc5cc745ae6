import csv
import io

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
    assert export(ws, tmp_path / "a.csv", "--query", "agency_task_load", "--format", "csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert {r["kind"] for r in rows} == {"node"} and any(r["label"] == "Bộ Công an" for r in rows)
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
    assert export(ws, tmp_path / "brief.docx", "--focus", "Bộ Công an", "--format", "docx").exit_code == 0
    import docx
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "brief.docx")).paragraphs)
    assert "Nhiệm vụ theo cơ quan" in text and "[1]" in text and "§IV.14" in text


def test_export_never_overwrites_and_sanitises(ws, tmp_path) -> None:
    out = tmp_path / "x.ttl"
    assert export(ws, out, "--doc", "000").exit_code == 0
    again = export(ws, out, "--doc", "000")
    assert again.exit_code == 1 and "--force" in again.output
    assert export(ws, out, "--doc", "000", "--force").exit_code == 0
    assert safe_name("../../etc/pass wd.ttl") == "pass_wd.ttl"
    assert export(ws, tmp_path / "y.ttl", "--doc", "000", "--focus", "MPI").exit_code == 1
