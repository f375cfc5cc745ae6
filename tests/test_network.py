import json

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
    assert data.truncated and len(data.nodes) == 100 and "best connected" in data.message
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


def test_saved_view_is_the_same_view(graph) -> None:
    view = views.to_networkx(graph)
    again = views.load(views.dump(view))
    assert set(again.nodes) == set(view.nodes) and again.number_of_edges() == view.number_of_edges()
    assert network.search(again, "bo cong an")[0][1] == "Bộ Công an"
