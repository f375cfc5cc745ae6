"""The workspace as a transaction: lock, generations, crash safety, versioned facts, duplicates, umask."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extract.errors import PolicyKGError
from extract.paths import BUNDLED
from extract.pipeline import extract_corpus
from policykg import facts as factstore
from policykg.documents import FACTS_DIR, GRAPHS_DIR, POOL
from policykg.generations import POINTER, current
from policykg.workspace import INDEX, add, build, generation, open_store, stored

PROVINCES = ["Hà Giang", "Cao Bằng", "Lạng Sơn", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình"]


def plan(k: int) -> str:
    """A short provincial plan (number k) with one task for the Department of Information."""
    return f"""ỦY BAN NHÂN DÂN TỈNH {PROVINCES[k].upper()}
Số: {k + 10}/KH-UBND
{PROVINCES[k]}, ngày {k + 1} tháng 3 năm 2024
KẾ HOẠCH
Thực hiện chuyển đổi số tỉnh {PROVINCES[k]} năm 2024
Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ;
I. NHIỆM VỤ
1. Sở Thông tin và Truyền thông
- Chủ trì xây dựng nền tảng dữ liệu số của tỉnh {PROVINCES[k]}, hoàn thành trong năm 2024.
"""


def policykg(ws: Path, *args: str, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "POLICYKG_FAULT"}
    if fault:
        env["POLICYKG_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "policykg.cli", "--workspace", str(ws), *args],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A workspace built from one short plan."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan0.txt").write_text(plan(0), encoding="utf-8")
    build(corpus, tmp_path / "ws")
    return tmp_path / "ws"


def doc_ids(ws: Path) -> list[str]:
    return [e.id for e in stored(ws).entries]


def write_plan(tmp_path: Path, k: int) -> Path:
    path = tmp_path / f"plan{k}.txt"
    path.write_text(plan(k), encoding="utf-8")
    return path


def test_parallel_adds_keep_every_document(small, tmp_path) -> None:
    paths = [write_plan(tmp_path, k) for k in range(1, 5)]
    with ThreadPoolExecutor(len(paths)) as pool:
        results = list(pool.map(lambda p: policykg(small, "add", str(p)), paths))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert sorted(doc_ids(small)) == ["plan0", "plan1", "plan2", "plan3", "plan4"]
    rows = open_store(current(small)).query(  # type: ignore[arg-type]
        "SELECT ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }")
    assert sorted(r[0] for r in rows.rows) == ["plan0", "plan1", "plan2", "plan3", "plan4"]


STEPS = ["extracted", "facts-written", "graph-written", "store-loaded", "before-rename", "before-pointer",
         "after-pointer"]


@pytest.mark.parametrize("step", STEPS)
def test_a_crash_at_any_step_keeps_the_previous_generation(small, tmp_path, step) -> None:
    crashed = policykg(small, "add", str(write_plan(tmp_path, 1)), fault=step)
    assert crashed.returncode == 70, crashed.stderr
    expected = ["plan0", "plan1"] if step == "after-pointer" else ["plan0"]
    assert doc_ids(small) == expected
    listed = policykg(small, "docs", "--json")
    assert listed.returncode == 0 and [d["id"] for d in json.loads(listed.stdout)] == expected
    again = policykg(small, "add", str(write_plan(tmp_path, 2)))
    assert again.returncode == 0, again.stderr
    assert doc_ids(small) == [*expected, "plan2"]
    names = sorted(p.name for p in small.iterdir())
    assert not [n for n in names if n.startswith(".tmp-") or n.endswith(".tmp")], names
    assert len([n for n in names if n.startswith("g-")]) <= 2  # the current one and the one before


@pytest.mark.parametrize("step", ["index-half-written", "facts-written"])
def test_a_crash_while_the_index_is_written_leaves_no_row_behind(small, tmp_path, step) -> None:
    """Killed inside the index's transaction (rolled back) or after it (rows of a generation never made
    current): readers see the previous generation, and the next writer leaves only live rows."""
    import sqlite3

    from policykg.index import FILE

    changed = tmp_path / "changed.txt"
    changed.write_text(plan(0).replace("nền tảng dữ liệu số", "trung tâm điều hành"), encoding="utf-8")
    original = stored(small).entries[0].hash
    crashed = policykg(small, "add", str(changed), "--replace", fault=step)
    assert crashed.returncode == 70, crashed.stderr
    db = sqlite3.connect(small / FILE)
    rows = db.execute("SELECT id, died IS NULL FROM docs ORDER BY row").fetchall()
    assert rows == ([("plan0", 1)] if step == "index-half-written" else [("plan0", 0), ("plan0", 1)])
    assert [(e.id, e.hash) for e in stored(small).entries] == [("plan0", original)]
    assert policykg(small, "add", str(write_plan(tmp_path, 2))).returncode == 0
    assert db.execute("SELECT id, died IS NULL FROM docs ORDER BY row").fetchall() == [("plan0", 1), ("plan2", 1)]
    assert doc_ids(small) == ["plan0", "plan2"] and stored(small).entries[0].hash == original


def test_the_same_document_is_refused_unless_replaced(small, tmp_path) -> None:
    path = write_plan(tmp_path, 0)
    with pytest.raises(PolicyKGError, match="already in the workspace with the same text"):
        add(path, small)
    renumbered = tmp_path / "again.txt"
    renumbered.write_text(plan(0).replace("Chủ trì xây dựng", "Chủ trì, phối hợp xây dựng"), encoding="utf-8")
    result = policykg(small, "add", str(renumbered))
    assert result.returncode == 1 and "same number 10/KH-UBND and date 2024-03-01" in result.stderr
    assert policykg(small, "add", str(renumbered), "--replace").returncode == 0
    assert doc_ids(small) == ["plan0"]
    facts = stored(small)
    assert "phối hợp" in facts.facts(facts.entries[0]).tasks[0].text


def test_two_provinces_plans_with_one_number_and_date_are_two_documents(small, tmp_path) -> None:
    """Every province numbers its own plans: Cao Bằng's 10/KH-UBND of 1/3/2024 is not Hà Giang's."""
    other = tmp_path / "cao-bang.txt"
    other.write_text(plan(1).replace("Số: 11/", "Số: 10/").replace("ngày 2 tháng 3", "ngày 1 tháng 3"),
                     encoding="utf-8")
    add(other, small)
    entries = stored(small).entries
    assert [e.number for e in entries] == ["10/KH-UBND", "10/KH-UBND"]
    assert sorted(e.iri.rsplit("/", 1)[-1] for e in entries) == ["kh-10-ubnd-cao-bang-2024",
                                                                 "kh-10-ubnd-ha-giang-2024"]


def test_an_unchanged_document_is_not_extracted_again(small, tmp_path, monkeypatch) -> None:
    import extract.pipeline

    corpus = tmp_path / "corpus"
    (corpus / "plan1.txt").write_text(plan(1), encoding="utf-8")
    extracted: list[str] = []
    real = extract.pipeline.extract_text
    monkeypatch.setattr(extract.pipeline, "extract_text",
                        lambda text, meta: extracted.append(meta.id) or real(text, meta))
    build(corpus, small, workers=1)
    assert extracted == ["plan1"] and doc_ids(small) == ["plan0", "plan1"]


def test_files_follow_the_umask(tmp_path) -> None:
    old = os.umask(0o002)
    try:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "plan0.txt").write_text(plan(0), encoding="utf-8")
        build(corpus, tmp_path / "ws")
    finally:
        os.umask(old)
    gen = current(tmp_path / "ws")
    assert gen is not None
    pool = tmp_path / "ws" / POOL
    for path in [tmp_path / "ws" / POINTER, gen / INDEX, tmp_path / "ws" / "index.sqlite",
                 *(pool / GRAPHS_DIR).iterdir(), *(pool / FACTS_DIR).iterdir()]:
        assert path.stat().st_mode & 0o777 == 0o664, path


def test_missing_or_old_facts_are_errors_not_a_rebuild(small, tmp_path) -> None:
    gen = current(small)
    assert gen is not None
    index = gen / INDEX
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps({**data, "format": 1}), encoding="utf-8")
    result = policykg(small, "add", str(write_plan(tmp_path, 1)))
    assert result.returncode == 1 and "another version of policykg" in result.stderr
    index.write_text(json.dumps(data), encoding="utf-8")
    next((small / POOL / FACTS_DIR).iterdir()).unlink()  # a build keeping plan0 lists the pool; an add does not
    result = policykg(small, "build", "--corpus", str(small.parent / "corpus"))
    assert result.returncode == 1 and "the facts of 'plan0' are missing" in result.stderr
    assert doc_ids(small) == ["plan0"]
    old = tmp_path / "old"
    old.mkdir()
    (old / "graph.nt").write_text("", encoding="utf-8")
    (old / "facts.pickle").write_bytes(b"\x80\x04")
    result = policykg(old, "docs")
    assert result.returncode == 1 and "written by an older policykg" in result.stderr


def test_facts_round_trip_through_versioned_json() -> None:
    for doc in extract_corpus().docs:
        text = factstore.dumps(doc, "k")
        assert json.loads(text)["format"] == factstore.FORMAT
        assert factstore.loads(text, "x") == (doc, "k")


def test_an_add_writes_only_the_new_documents_graph(small, tmp_path) -> None:
    add(write_plan(tmp_path, 1), small)
    before = current(small)
    assert before is not None
    add(write_plan(tmp_path, 2), small)
    after = current(small)
    assert after is not None and after != before
    old = {e.id: e.files() for e in generation(before).entries}
    new = {e.id: e.files() for e in generation(after).entries}
    assert len(new) == 3 and all(new[doc] == files for doc, files in old.items())  # shared, not rewritten
    pool = small / POOL
    written = {f"{d}/{p.name}": p.stat().st_mtime_ns for d in (FACTS_DIR, GRAPHS_DIR) for p in (pool / d).iterdir()}
    assert sorted(written) == sorted(f for files in new.values() for f in files)
    assert max(written[f] for f in new["plan2"]) > max(written[f] for files in old.values() for f in files)
    store = open_store(after)
    graphs = store.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert graphs.rows[0][0] == "3"  # one named graph per document
    tasks = store.query("SELECT ?t WHERE { ?t a <https://w3id.org/policykg/ontology#Task> }")
    assert len(tasks.rows) == 3
    for e in generation(after).entries:  # the IRI the index keeps (an add links citations by it) is the graph's
        assert store.query(f"ASK {{ <{e.iri}> <http://purl.org/dc/terms/identifier> \"{e.id}\" }}").boolean


def test_the_pool_keeps_the_files_of_the_current_and_previous_generations_only(small, tmp_path) -> None:
    """A replaced document's files stay while the generation before may still be read, then go."""
    def pool() -> set[str]:
        return {f"{d}/{p.name}" for d in (FACTS_DIR, GRAPHS_DIR) for p in (small / POOL / d).iterdir()}

    def files(gen: Path | None) -> set[str]:
        assert gen is not None
        return {f for e in generation(gen).entries for f in e.files()}

    add(write_plan(tmp_path, 1), small)
    first = files(current(small))
    changed = tmp_path / "changed.txt"
    changed.write_text(plan(1).replace("nền tảng dữ liệu số", "trung tâm điều hành thông minh"), encoding="utf-8")
    add(changed, small, replace=True)
    second = files(current(small))
    assert pool() == first | second and first - second  # the old plan1 files: the previous generation's
    add(write_plan(tmp_path, 2), small)
    third = files(current(small))
    assert pool() == second | third and not (first - second) & pool()
    (small / POOL / GRAPHS_DIR / "left-by-a-crash.nt").write_text("", encoding="utf-8")
    build(small.parent / "corpus", small)  # a build sweeps the whole pool
    assert pool() == third | files(current(small))


def test_replace_drops_the_old_graph_but_keeps_shared_triples(small, tmp_path) -> None:
    add(write_plan(tmp_path, 1), small)
    changed = tmp_path / "changed.txt"
    changed.write_text(plan(1).replace("nền tảng dữ liệu số", "trung tâm điều hành thông minh"), encoding="utf-8")
    add(changed, small, replace=True)
    store = open_store(current(small))  # type: ignore[arg-type]
    texts = [r[0] for r in store.query(
        "SELECT ?x WHERE { ?t <https://w3id.org/policykg/ontology#text> ?x }").rows]
    assert any("trung tâm điều hành" in t for t in texts)
    assert not any("dữ liệu số của tỉnh Cao Bằng" in t for t in texts)
    agency = store.query("ASK { <https://w3id.org/policykg/id/agency/ttg> a ?type }")
    assert agency.boolean  # still described: plan0 cites the Prime Minister's decision too


def test_the_triple_count_kept_by_adds_and_replaces_is_the_store_count(small, tmp_path) -> None:
    """add counts only what its document changes; the count must be the store's own after every step."""
    from policykg.workspace import SUMMARY

    def recount() -> tuple[int, int]:
        gen = current(small)
        assert gen is not None
        kept = json.loads((gen / SUMMARY).read_text(encoding="utf-8"))["triples"]
        return kept, open_store(gen).count()  # type: ignore[attr-defined]

    counts = [add(write_plan(tmp_path, 1), small).triples, add(write_plan(tmp_path, 2), small).triples]
    assert recount()[0] == recount()[1] == counts[1] > counts[0]
    changed = tmp_path / "changed.txt"
    changed.write_text(plan(1).replace("nền tảng dữ liệu số", "trung tâm điều hành thông minh"), encoding="utf-8")
    summary = add(changed, small, replace=True)  # drops plan1's graph (keeping what plan0 and plan2 share)
    kept, real = recount()
    assert kept == real
    entries = stored(small).entries  # the counts an add carries over are those of its whole list
    assert (summary.documents, summary.tasks, summary.conforms) == (3, sum(e.tasks for e in entries), True)
    assert summary.agencies == len({a for e in entries for a in e.agencies}) > 1
    assert summary.references == len({r for e in entries for r in e.refs}) > 0
    (small.parent / "corpus" / "plan0.txt").unlink()
    (small.parent / "corpus" / "plan3.txt").write_text(plan(3), encoding="utf-8")
    assert build(small.parent / "corpus", small).triples == recount()[1]


def test_workers_never_rerun_a_script_that_another_program_runs_as_main(tmp_path, monkeypatch) -> None:
    """Streamlit runs app.py as __main__: worker processes would import (run) the whole app again."""
    import types

    from policykg.workspace import _pool

    with _pool(2, None) as pool:  # pytest's own main module is safe to import
        assert pool is not None
    script = tmp_path / "app.py"
    script.write_text("raise SystemExit('workers must not run this')\n", encoding="utf-8")
    fake = types.ModuleType("__main__")
    fake.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake)
    with _pool(2, None) as pool:
        assert pool is None



def test_a_build_from_a_script_on_standard_input(tmp_path) -> None:
    """`python - < script.py`: workers cannot re-run "<stdin>", so the build extracts in its own process."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(2):
        (corpus / f"plan{k}.txt").write_text(plan(k), encoding="utf-8")
    script = (f"from pathlib import Path\nfrom policykg.workspace import build\n"
              f"print(build(Path({str(corpus)!r}), Path({str(tmp_path / 'ws')!r}), workers=2).documents)\n")
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "2", done.stderr[-2000:]


DEADLINE_SHAPE = """
pkgsh:TaskHasDeadline a sh:NodeShape ;
    sh:targetClass pkg:Task ;
    sh:property [ sh:path pkg:deadline ; sh:minCount 1 ] .
"""


@pytest.fixture
def stricter_shapes(tmp_path, monkeypatch):
    """The project's shapes plus one more: every task must have a deadline."""
    import shutil

    import graph.validate as validate

    onto = tmp_path / "ontology"
    shutil.copytree(validate.ONTOLOGY_DIR, onto)
    with (onto / "shapes.ttl").open("a", encoding="utf-8") as f:
        f.write(DEADLINE_SHAPE)
    validate.forget_shapes()
    monkeypatch.setattr(validate, "ONTOLOGY_DIR", onto)
    yield
    monkeypatch.undo()
    validate.forget_shapes()


def test_an_add_that_breaks_the_shapes_says_so(small, tmp_path, stricter_shapes) -> None:
    from typer.testing import CliRunner

    from policykg.cli import app
    from policykg.workspace import report_file

    path = tmp_path / "no-deadline.txt"
    path.write_text(plan(3).replace(", hoàn thành trong năm 2024", ""), encoding="utf-8")
    done = CliRunner().invoke(app, ["--workspace", str(small), "add", str(path)])
    assert done.exit_code == 0, done.output
    assert "warning: the graph does not conform to the SHACL shapes" in done.output
    assert str(report_file(small)) in done.output and "deadline" in report_file(small).read_text(encoding="utf-8")
    assert doc_ids(small) == ["plan0", "no-deadline"]  # kept, and said


def test_an_add_that_keeps_the_shapes_says_nothing(small, tmp_path) -> None:
    from typer.testing import CliRunner

    from policykg.cli import app

    path = tmp_path / "no-deadline.txt"  # the same document, under the project's own shapes
    path.write_text(plan(3).replace(", hoàn thành trong năm 2024", ""), encoding="utf-8")
    done = CliRunner().invoke(app, ["--workspace", str(small), "add", str(path)])
    assert done.exit_code == 0 and "conform" not in done.output, done.output


@pytest.mark.parametrize("step", ["graph-written", "store-loaded", "before-pointer"])
def test_a_crash_during_the_first_load_keeps_no_store(tmp_path, step) -> None:
    """A kill while the first Oxigraph store is loaded leaves no store that would answer 0 rows."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan0.txt").write_text(plan(0), encoding="utf-8")
    ws = tmp_path / "ws"
    crashed = policykg(ws, "build", "--corpus", str(corpus), fault=step)
    assert crashed.returncode == 70, crashed.stderr
    assert current(ws) is None
    for args in (["docs", "--json"], ["sparql", "SELECT ?d WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }"]):
        refused = policykg(ws, *args)
        assert refused.returncode == 1 and refused.stdout == "", refused.stdout
        assert "run 'policykg --workspace" in refused.stderr and "Traceback" not in refused.stderr
    assert policykg(ws, "build", "--corpus", str(corpus)).returncode == 0
    assert doc_ids(ws) == ["plan0"]
    assert not [p.name for p in ws.iterdir() if p.name.startswith(".tmp-")]


def test_a_second_writer_waits_saying_so_and_gives_up_with_a_message(tmp_path) -> None:
    from policykg.generations import writer

    ws, said = tmp_path / "ws", []
    with writer(ws):
        with pytest.raises(PolicyKGError, match="another policykg has been writing to it for 0.3 s"):
            with writer(ws, wait=0.3, say=said.append):
                pass
    assert said == [f"waiting for another policykg writing to {ws} …"]
    with writer(ws, wait=0.3, say=said.append):  # released: taken at once
        pass
    assert len(said) == 1


def test_the_view_read_from_filtered_triples_is_the_view_of_the_whole_graph(tmp_path) -> None:
    """view_triples parses only the lines the view reads; the view must not lose a node, edge or label."""
    import networkx as nx
    from rdflib import Graph

    from graph.views import to_networkx
    from policykg.workspace import ensure, graph_file, view_triples

    ws = tmp_path / "ws"
    build(BUNDLED, ws)
    whole = to_networkx(Graph().parse(graph_file(ws), format="nt"))
    filtered = to_networkx(view_triples(ensure(ws)))
    assert whole.number_of_nodes() > 300
    assert dict(whole.nodes(data=True)) == dict(filtered.nodes(data=True))
    assert sorted(whole.edges(keys=True)) == sorted(filtered.edges(keys=True))
    assert nx.utils.graphs_equal(whole, filtered)


def test_the_view_merged_from_document_parts_is_the_view_of_the_whole_graph(tmp_path) -> None:
    """Each document's view part is made with its graph; their merge must be the whole graph's view, and a
    workspace without parts (built before them) gets them made from the graphs, once."""
    import networkx as nx
    from rdflib import Graph

    from graph.views import to_networkx
    from policykg.documents import VIEWS_DIR
    from policykg.workspace import graph_file, view

    ws = tmp_path / "ws"
    build(BUNDLED, ws)
    add(write_plan(tmp_path, 1), ws)  # a document citing a decision the bundled documents cite too
    whole = to_networkx(Graph().parse(graph_file(ws), format="nt"))
    parts = sorted((ws / POOL / VIEWS_DIR).iterdir())
    assert len(parts) == 5
    for again in (False, True):
        merged = view(ws)
        assert whole.number_of_nodes() > 300 and dict(whole.nodes(data=True)) == dict(merged.nodes(data=True))
        assert sorted(whole.edges(keys=True)) == sorted(merged.edges(keys=True))
        assert nx.utils.graphs_equal(whole, merged)
        assert sorted((ws / POOL / VIEWS_DIR).iterdir()) == parts  # (made again from the graphs)
        if not again:
            for path in parts:
                path.unlink()


def test_an_added_document_is_linked_as_a_build_links_it(tmp_path) -> None:
    """An add looks up only the stored documents its graph names (the report's subject 000, the decision
    2289/QĐ-TTg it cites, which is 000); its graph must be the one a whole build gives it."""
    import shutil

    whole, part = tmp_path / "whole", tmp_path / "part"
    build(BUNDLED, whole)
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    report = next(d for d in manifest["documents"] if d["id"] == "003")
    manifest["documents"].remove(report)
    (corpus / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (corpus / report["file"]).rename(tmp_path / report["file"])
    build(corpus, part)
    add(tmp_path / report["file"], part, meta=report)
    built = next(e for e in stored(whole).entries if e.id == "003")
    added = next(e for e in stored(part).entries if e.id == "003")

    def lines(ws: Path, name: str) -> set[str]:  # but the time the graph was made
        return {line for line in (ws / POOL / GRAPHS_DIR / f"{name}.nt").read_text(encoding="utf-8").splitlines()
                if "#startedAtTime>" not in line}

    assert lines(part, added.graph_file) == lines(whole, built.graph_file)
    text = (part / POOL / GRAPHS_DIR / f"{added.graph_file}.nt").read_text(encoding="utf-8")
    assert f"<{added.iri}> <https://w3id.org/policykg/ontology#reportsOn> <{stored(part).entries[0].iri}>" in text


def test_a_workspace_built_before_section_links_answers_sections_right(tmp_path) -> None:
    """A workspace whose store was written before pkg:sectionOf (the links removed from it here) gives the
    sections a workspace built now gives, before and after a document (with the link) is added to it."""
    from graph import answers
    from graph.namespace import PKG
    from graph.queries import QUERIES
    from graph.store import OX_DIR, OxigraphStore

    corpus, first = tmp_path / "corpus", tmp_path / "first"
    for folder, k in ((corpus, 2), (first, 1)):
        folder.mkdir()
        for i in range(k):
            (folder / f"plan{i}.txt").write_text(plan(i), encoding="utf-8")
    new, old = tmp_path / "new", tmp_path / "old"
    build(corpus, new)
    build(first, old)
    gen = current(old)
    assert gen is not None
    store = OxigraphStore(gen / OX_DIR)
    store.store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{PKG.sectionOf}> ?d }} }}; "
                       f"DELETE WHERE {{ ?s <{PKG.sectionOf}> ?d }}")
    assert not store.query(f"ASK {{ ?s <{PKG.sectionOf}> ?d }}").boolean
    del store

    def sections(ws: Path) -> tuple[bool, list[dict[str, str]]]:
        store = open_store(current(ws))  # type: ignore[arg-type]
        legacy = QUERIES["sections"].on(store) is not QUERIES["sections"]
        return legacy, answers.sections(store)  # type: ignore[return-value]

    legacy, rows = sections(new)
    assert not legacy and {r["doc"] for r in rows} == {"plan0", "plan1"}
    assert {r["heading"] for r in rows} >= {"NHIỆM VỤ", "Sở Thông tin và Truyền thông"}
    assert sections(old) == (True, [r for r in rows if r["doc"] == "plan0"])
    add(corpus / "plan1.txt", old)
    assert sections(old) == (True, rows)  # one document without the link: the legacy query for all
