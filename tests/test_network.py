import json

import networkx as nx
import pytest

from graph import views
from graph.build import build_graph
from graph.namespace import ID
from policykg.ui import network


@pytest.fixture(scope="module")
def graph(corpus):
    return build_graph(corpus)


@pytest.fixture(scope="module")
def view(graph):
    return views.to_networkx(graph)


@pytest.mark.parametrize("text, label", [
    ("bo cong an", "Bộ Công an"), ("Bộ Công an", "Bộ Công an"), ("MPI", "Bộ Kế hoạch và Đầu tư"),
    ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"), ("ngan hang nha nuoc", "Ngân hàng Nhà nước Việt Nam"),
])
def test_search_with_or_without_diacritics(view, text, label) -> None:
    assert network.search(view, text)[0][1] == label


def test_focus_depth_and_types(view) -> None:
    bca = str(ID["agency/bca"])
    one = network.focus_on(view, bca, 1)
    two = network.focus_on(view, bca, 2)
    assert 5 < one.number_of_nodes() < two.number_of_nodes()
    tasks_only = network.filtered(view, {"task", "agency"})
    assert {d["type"] for _, d in tasks_only.nodes(data=True)} == {"task", "agency"}


def test_network_data_is_pyvis_shaped_and_capped(view) -> None:
    data = network.network(view, cap=100)
    assert data.truncated and len(data.nodes) == 100 and "nhiều liên kết nhất" in data.message
    english = network.network(view, cap=100, labels=network.Labels("en"))
    assert "best connected" in english.message
    assert all({"id", "label", "title", "color", "shape"} <= set(n) for n in data.nodes)
    kept = {n["id"] for n in data.nodes}
    assert all(e["from"] in kept and e["to"] in kept for e in data.edges)
    json.dumps(data.payload())  # JSON-serialisable for the component
    assert data.options["physics"]["stabilization"]["iterations"] <= 200


def test_component_is_offline(view) -> None:
    html, css, js = network.component_code()
    assert "vis.Network" in js and "export default function" in js
    for text in (html, css, js[-2000:]):
        assert "http://" not in text and "https://" not in text
    assert "innerHTML" not in js[-2000:]  # our module never turns data into markup


def test_markup_in_a_document_stays_text(corpus) -> None:
    from extract.pipeline import Corpus
    from tests.conftest import facts_of
    evil = "IV. NHIỆM VỤ\n1. Bộ Công an\n- Rà soát <img src=x onerror=alert(1)> và báo cáo."
    graph = build_graph(Corpus([facts_of(evil)]))
    data = network.network(views.to_networkx(graph))
    task = next(n for n in data.nodes if "onerror" in n["title"])
    assert "<img src=x onerror=alert(1)>" in task["title"]  # passed as data, drawn as text by vis


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_details_have_evidence(graph, kind) -> None:
    from graph.store import from_graph
    store = from_graph(graph, kind)
    info = network.details(store, str(ID["agency/mpi"]))
    assert info is not None and info.type == "agency" and info.label_en == "Ministry of Planning and Investment"
    assert any(rel == "owner" for _, rel, _, _ in info.relations)
    task = network.details(store, str(ID["task/000-task-001"]))
    assert task is not None and task.type == "task" and task.evidence and task.evidence[0][1] == "IV.1"
    assert network.details(store, str(ID["task/no-such-task"])) is None


def test_details_of_a_busy_node_read_a_bounded_sample_of_its_relations_and_passages(graph) -> None:
    from graph.store import from_graph
    store = from_graph(graph, "oxigraph")
    doc = str(ID["legal/qd-2289-ttg-2020"])
    whole, cut = network.details(store, doc), network.details(store, doc, limit=20)
    assert whole is not None and cut is not None and (cut.iri, cut.type, cut.label_vi) == (whole.iri, whole.type,
                                                                                           whole.label_vi)
    inward = [r for r in cut.relations if r[0] == "←"]
    assert 0 < len(inward) <= 20 < len([r for r in whole.relations if r[0] == "←"])
    assert set(cut.relations) <= set(whole.relations) and set(cut.evidence) <= set(whole.evidence)
    assert network.details(store, doc, limit=100_000) == whole


def test_saved_view_is_the_same_view(graph) -> None:
    view = views.to_networkx(graph)
    again = views.load(views.dump(view))
    assert set(again.nodes) == set(view.nodes) and again.number_of_edges() == view.number_of_edges()
    assert network.search(again, "bo cong an")[0][1] == "Bộ Công an"


def test_labels_are_wrapped_short_lines_with_the_full_text_on_hover(view) -> None:
    text = "Chủ trì, phối hợp với Ngân hàng Nhà nước Việt Nam xây dựng khung pháp lý thử nghiệm"
    label = network.wrap(text)
    assert label.count("\n") == 2 and all(len(line) <= 19 for line in label.split("\n"))
    assert label.endswith("…")
    assert network.wrap("Bộ Công an") == "Bộ Công an"
    data = network.network(network.focus_on(view, str(ID["agency/bca"]), 1))
    task = next(n for n in data.nodes if n["id"] == str(ID["task/000-task-043"]))
    assert "Chủ trì triển khai có hiệu quả Chiến lược an ninh mạng quốc gia" in task["title"]


def test_overview_is_small_sized_by_tasks_and_its_legend_matches_the_nodes(graph) -> None:
    from graph.store import MemoryStore
    from policykg.ui import overview

    doc = str(ID["doc/001"])
    labels = network.Labels("vi", {doc: "Chiến lược (dự thảo)"}, frozenset({doc}))
    counts = overview.counts(MemoryStore(graph))
    data = overview.draw(counts, labels, {doc: "001"})
    assert 10 <= len(data.nodes) <= 60
    by_id = {n["id"]: n for n in data.nodes}
    assert by_id[str(ID["agency/mpi"])]["value"] > by_id[str(ID["agency/bca"])]["value"]
    assert by_id[doc]["shapeProperties"]["borderDashes"] and by_id[doc]["label"] == "Chiến lược\n(dự thảo)"
    colours = {n["color"]["border"] for n in data.nodes}
    assert colours == {i["color"] for i in data.legend if i["glyph"] != "┅"}
    assert any(i["glyph"] == "┅" for i in data.legend)  # drafts drawn: the legend says how
    # Bộ Tài chính's tasks in QĐ 2289 (doc 000), counted once each whatever its roles in a task
    from graph.namespace import PKG
    mof, qd = ID["agency/mof"], ID["legal/qd-2289-ttg-2020"]
    tasks = {t for p in (PKG.owner, PKG.coOwner, PKG.lead, PKG.cooperating) for t in graph.subjects(p, mof)
             if (t, PKG.inDocument, qd) in graph}
    edge = next(e for e in data.edges if (e["from"], e["to"]) == (str(qd), str(mof)))
    assert edge["value"] == len(tasks) >= 5
    assert by_id[str(mof)]["value"] == len({t for p in (PKG.owner, PKG.coOwner, PKG.lead, PKG.cooperating)
                                            for t in graph.subjects(p, mof) if (t, PKG.inDocument, None) in graph})


def test_filtering_to_one_document_shows_only_its_nodes(view) -> None:
    doc = str(ID["doc/004"])
    sub = network.filtered(view, docs={doc})
    assert {d.get("doc") for _, d in sub.nodes(data=True)} <= {doc, None}
    assert any(d["type"] == "task" for _, d in sub.nodes(data=True))
    others = [n for n, d in sub.nodes(data=True) if d["type"] in ("agency", "legal", "indicator")]
    assert others and all(any(view.nodes[m].get("doc") == doc or str(m) == doc for m in nx.all_neighbors(view, n))
                          for n in others)


@pytest.mark.parametrize(("focus", "depth"), [("agency/bca", 1), ("agency/bca", 2), ("legal/qd-2289-ttg-2020", 1),
                                              ("legal/nq-50-cp-2020", 2), ("indicator/digital-economy-gdp", 1)])
def test_a_neighbourhood_read_from_the_store_is_the_views_own(graph, view, focus, depth) -> None:
    """A large corpus draws focused views from the store by keys: the same nodes, labels, types and edges as the
    whole networkx view's neighbourhood."""
    from graph.store import from_graph
    from policykg.ui.store_view import neighbourhood

    iri = str(ID[focus])
    whole = network.focus_on(view, iri, depth)
    if whole is view:
        pytest.skip(f"{focus} is not in the bundled graph")
    piece = neighbourhood(from_graph(graph, "oxigraph"), [iri], depth)
    assert set(piece.nodes) == set(whole.nodes) and piece.number_of_nodes() > 5
    assert {n: d for n, d in piece.nodes(data=True)} == {n: dict(d) for n, d in whole.nodes(data=True)}
    assert set(piece.edges(keys=True)) == set(whole.edges(keys=True))


def test_a_neighbourhood_read_from_the_store_stops_before_a_step_past_the_limit(graph, view) -> None:
    from graph.store import from_graph
    from policykg.ui.store_view import neighbourhood

    bca = str(ID["agency/bca"])
    one, three = network.focus_on(view, bca, 1), network.focus_on(view, bca, 3)
    piece = neighbourhood(from_graph(graph, "oxigraph"), [bca], 3, limit=one.number_of_nodes() + 1)
    assert set(piece.nodes) == set(one.nodes) and three.number_of_nodes() > piece.number_of_nodes()


THREE = {"a": ["a1", "a2", "a3"], "b": ["b1"], "c": ["c1", "c2"]}


@pytest.mark.parametrize(("tasks", "budget", "docs", "shown"), [
    (THREE, 100, ["a", "c", "b"], ["a1", "c1", "b1", "a2", "c2", "a3"]),
    (THREE, 8, ["a", "c"], ["a1", "c1", "a2", "c2", "a3"]),
    (THREE, 4, ["a"], ["a1", "a2", "a3"]),
    (THREE, 2, ["a"], ["a1"]),
    ({"b": ["b1", "b2"], "a": ["a1", "a2"]}, 4, ["a"], ["a1", "a2"]),  # a tie: the document's IRI decides
])
def test_an_agencys_focus_picks_its_busiest_documents_and_their_tasks_in_turn(tasks, budget, docs, shown) -> None:
    from policykg.ui.store_view import pick

    assert pick(tasks, budget) == (docs, shown)


def test_an_agencys_focus_is_bounded_and_each_page_adds_to_the_last(graph, view) -> None:
    """An agency with more tasks than a page (Bộ Thông tin và Truyền thông: 69 in the bundled corpus) is drawn from
    its documents with the most of its tasks, at most a page of nodes, each node as the whole view has it; the
    next page keeps every node of the first and adds the rest."""
    from graph.store import from_graph
    from policykg.ui.store_view import agency_focus

    mic = ID["agency/mic"]
    store = from_graph(graph, "oxigraph")
    mine = {t for t, a, d in view.in_edges(mic, data=True) if d["relation"] in ("owner", "lead", "cooperating")}
    per_doc: dict[str, int] = {}
    for t in mine:
        per_doc[view.nodes[t]["doc"]] = per_doc.get(view.nodes[t]["doc"], 0) + 1
    first = agency_focus(store, str(mic), 1, pages=1, budget=40)
    second = agency_focus(store, str(mic), 1, pages=2, budget=40)
    assert first is not None and second is not None
    assert first.total_tasks == len(mine) > 40 and first.total_docs == len(per_doc)
    assert first.view.number_of_nodes() == 40 and first.more
    shown_tasks = {n for n, d in first.view.nodes(data=True) if d["type"] == "task"}
    assert len(shown_tasks) == first.tasks and shown_tasks <= mine
    shown_docs = {str(n) for n, d in first.view.nodes(data=True) if d["type"] == "document"}
    assert len(shown_docs) == first.docs and min(per_doc[d] for d in shown_docs) >= max(
        (k for d, k in per_doc.items() if d not in shown_docs), default=0)
    assert {n: d for n, d in first.view.nodes(data=True)} == {n: dict(view.nodes[n]) for n in first.view}
    assert set(first.view.edges(keys=True)) == set(view.subgraph(first.view.nodes).edges(keys=True))
    assert set(first.view.nodes) < set(second.view.nodes) and second.tasks == len(mine) and not second.more


def test_task_labels_read_a_few_documents_at_a_time_are_those_read_at_once(graph, monkeypatch) -> None:
    """The search's task labels, read in steps with a pause between (background reading yields to the app), are the
    same entries as one query's."""
    from graph.namespace import PKG
    from graph.store import from_graph
    from policykg.ui import search

    store = from_graph(graph, "oxigraph")
    docs = [str(r[0]) for r in store.query(f"SELECT ?d WHERE {{ ?d <{PKG.inCorpus}> true }}").rows]
    whole, stepped = search.Index({}, []), search.Index({}, [])
    whole.read_tasks(store)
    pauses: list[int] = []
    monkeypatch.setattr(search, "TASK_CHUNK", 1)
    stepped.read_tasks(store, docs, lambda: pauses.append(1))
    assert len(docs) == 4 and len(pauses) == 4 and stepped.tasks_ready.is_set()
    assert len(whole.tasks) > 400 and sorted(stepped.tasks) == sorted(whole.tasks)
    assert stepped.find("chuyen doi so")[0] == whole.find("chuyen doi so")[0]


@pytest.mark.parametrize(("section_id", "after"), [
    ("front", "I"), ("I", "II"), ("IV", "V"), ("IV.9", "IV.10"), ("IV.2", "IV.2.a"), ("V.1.a", "V.1.b"),
])
def test_sections_in_the_documents_order(section_id, after) -> None:
    from policykg.ui.store_view import section_order

    assert section_order(section_id) < section_order(after)


def test_a_documents_focus_shows_its_sections_first_and_opens_the_rest_page_by_page(graph, view) -> None:
    """QĐ 2289 (62 tasks in 44 sections): a page of at most 60 nodes — the document, its top-level sections and the
    sections holding tasks, then tasks with their owners — every task hanging from its own section, each node as the
    whole view has it; the next page keeps the first and adds the rest; a section opens the same way, with the way
    back to its document."""
    from graph.store import from_graph
    from policykg.ui.store_view import FOCUS_NODES, section_focus

    doc = str(ID["legal/qd-2289-ttg-2020"])
    store = from_graph(graph, "oxigraph")
    tasks = {n for n, d in view.nodes(data=True) if d["type"] == "task" and d.get("doc") == doc}
    first, second = section_focus(store, doc, 1), section_focus(store, doc, 2)
    assert first is not None and second is not None
    assert first.view.number_of_nodes() == FOCUS_NODES and first.more and first.kind == "document"
    assert first.total_tasks == len(tasks) == 62 and 0 < first.tasks < 62
    labels = {d["label"] for _, d in first.view.nodes(data=True) if d["type"] == "section"}
    assert {"I. TÌNH HÌNH VÀ BỐI CẢNH", "IV. NHIỆM VỤ, GIẢI PHÁP", "IV.7. Ngân hàng Nhà nước"} <= labels
    for n, d in first.view.nodes(data=True):
        if d["type"] == "task":  # assigned in a section drawn, owned by an agency drawn; not tied to the document
            assert {r for _, _, r in first.view.out_edges(n, keys=True)} >= {"assigned in"}
            assert "in document" not in {r for _, _, r in first.view.out_edges(n, keys=True)}
        assert d["type"] == view.nodes[n]["type"] and (d["type"] == "section" or d == dict(view.nodes[n]))
    assert set(first.view.nodes) < set(second.view.nodes) and second.tasks == 62 and not second.more
    iv = str(ID["legal/qd-2289-ttg-2020"]) + "/section/IV"
    opened = section_focus(store, iv, 1)
    assert opened is not None and opened.view.number_of_nodes() <= FOCUS_NODES
    assert doc in {str(n) for n in opened.view.successors(ID["legal/qd-2289-ttg-2020/section/IV"])}  # the way back
    assert opened.view.nodes[ID["legal/qd-2289-ttg-2020/section/IV"]]["label"] == "IV. NHIỆM VỤ, GIẢI PHÁP"
    assert opened.total_tasks == 57 and opened.tasks <= 57


def test_a_small_documents_focus_is_its_whole_neighbourhood(graph, view, tmp_path) -> None:
    """A document whose neighbourhood fits a page is drawn whole (nothing to open); a larger one by its sections."""
    from policykg.ui import drawing
    from policykg.workspace import build

    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "kh.txt").write_text(SMALL, encoding="utf-8")
    build(corpus_dir, tmp_path / "ws")
    from policykg.ui.corpus import Corpus

    small = Corpus(tmp_path / "ws")
    doc = next(iter(small.doc_ids))
    net = drawing.draw(small, drawing.ViewState(doc), network.Labels())
    assert not net.more and net.message == "" and len(net.nodes) < 20
    assert any(n["title"].endswith("Công an tỉnh Lào Cai") for n in net.nodes)


SMALL = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 12/KH-UBND
KẾ HOẠCH
Thực hiện chuyển đổi số năm 2025
I. NHIỆM VỤ
1. Công an tỉnh chủ trì rà soát hệ thống thông tin.
2. Sở Tài chính bố trí kinh phí thực hiện.
"""


def test_a_groups_focus_is_bounded_like_an_agencys(tmp_path_factory, monkeypatch) -> None:
    """A group of agencies ("các bộ, ngành, địa phương": 3,240 tasks at 1,000 documents, its whole neighbourhood read
    in 1.6 s) is drawn a page at a time as an agency is: here with pages of 10 nodes, 25 tasks in the bundled corpus."""
    from policykg.ui import store_view
    from policykg.ui.corpus import Corpus
    from policykg.workspace import build

    ws = tmp_path_factory.mktemp("groups") / "ws"
    build(__import__("pathlib").Path(__file__).resolve().parent.parent / "data" / "corpus", ws, workers=1)
    group = str(ID["group/bo-nganh-dia-phuong"])
    monkeypatch.setattr(store_view, "FOCUS_NODES", 10)  # the corpus takes the group's focus as larger than a page
    corpus = Corpus(ws)
    view, bound = corpus.drawn_view(group, 1)
    assert bound is not None and bound.kind == "agency" and bound.total_tasks == 25
    paged = store_view.agency_focus(corpus.store, group, 1, budget=10)
    assert paged is not None and paged.more and paged.view.number_of_nodes() == 10
