import os
import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SKOS

from extract import contract
from graph import answers, views
from graph.build import build_graph
from graph.guard import QueryError
from graph.namespace import ID, PKG
from graph.queries import QUERIES, Pages, pageable
from graph.store import from_graph
from graph.validate import ontology, validate

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
PARAMS = {"agency": str(ID["agency/mpi"]), "doc": str(ID["legal/qd-2289-ttg-2020"]), "role": str(PKG.lead_role),
          "legal": str(ID["legal/nq-50-cp-2020"]), "a": str(ID["legal/qd-2289-ttg-2020"]),
          "b": str(ID["legal/nq-50-cp-2020"])}


@pytest.fixture(scope="module")
def graph(corpus) -> Graph:
    return build_graph(corpus, WHEN)


@pytest.fixture(scope="module")
def stores(graph):
    return {kind: from_graph(graph, kind) for kind in ("memory", "oxigraph")}


def test_building_twice_gives_isomorphic_graphs(corpus, graph) -> None:
    assert isomorphic(graph, build_graph(corpus, WHEN))


def test_seed_graph_conforms_to_shapes(graph) -> None:
    report = validate(graph)
    assert report.conforms, report.text


def test_broken_graph_does_not_conform(graph) -> None:
    broken = Graph()
    for t in graph:
        broken.add(t)
    task = ID["task/000-task-001"]
    owner = broken.value(task, PKG.owner)
    other = next(a for a in broken.objects(None, PKG.owner) if a != owner)
    broken.add((task, PKG.owner, other))  # a task has at most one owner (co-owners are pkg:coOwner)
    target = next(broken.subjects(RDF.type, PKG.Target))
    g_year = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
    broken.add((target, PKG.year, Literal("1999", datatype=g_year)))  # a target has at most one year
    report = validate(broken)
    print(report.text)
    assert not report.conforms
    assert "A task has at most one owner." in report.text and "A target has at most one year" in report.text


def test_a_target_without_a_year_conforms_and_is_answered() -> None:
    # "100% người nghiện … được lập hồ sơ" under "Mục tiêu cụ thể" names no year: a target with year null
    from extract.pipeline import Corpus, extract_text, meta_from_text

    text = ("KẾ HOẠCH\nThực hiện công tác phòng, chống ma túy\n\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
            "- 100% người nghiện ma túy trên địa bàn được lập hồ sơ, quản lý.\n")
    facts = extract_text(text, meta_from_text("kh", "kh.txt", text))
    assert [(t.value, t.year) for t in facts.targets] == [(100.0, None)]
    g = build_graph(Corpus([facts]))
    report = validate(g)
    assert report.conforms, report.text
    rows = answers.targets(from_graph(g, "memory"))
    assert [(r["value"], r["year"]) for r in rows] == [(100.0, None)]


def test_every_term_used_is_declared(graph) -> None:
    declared = {s for s in ontology().subjects() if str(s).startswith(str(PKG._NS))}
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(PKG._NS))}
    assert used <= declared, used - declared
    assert {PKG[name] for name in PKG.__annotations__} <= declared


def test_cited_documents_are_nodes_with_identity(graph) -> None:
    nq50 = ID["legal/nq-50-cp-2020"]
    assert (nq50, PKG.year, Literal("2020", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))) in graph
    assert (ID["legal/nq-50-cp-2020"], URIRef("http://data.europa.eu/eli/ontology#passed_by"),
            ID["agency/cp"]) in graph
    # the corpus document and the citations of it meet in one node
    assert (ID["doc/003"], URIRef("http://data.europa.eu/eli/ontology#cites"), ID["legal/qd-2289-ttg-2020"]) in graph
    assert (ID["legal/qd-2289-ttg-2020"], PKG.inCorpus, Literal(True)) in graph


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_queries_agree_on_both_stores(stores, name) -> None:
    q = QUERIES[name]
    got = {kind: sorted(q.run(s, **{p: PARAMS[p] for p in q.params}).rows, key=str) for kind, s in stores.items()}
    assert got["memory"] == got["oxigraph"]
    assert got["memory"], f"{name} returned no rows on the seeds"


@pytest.mark.parametrize("view", ["docs", "tasks", "agencies", "refs", "targets"])
def test_graph_answers_keep_the_extraction_contract(corpus, stores, view) -> None:
    import json
    keys = {"docs": ["id", "title", "kind", "status", "number", "issuer", "date", "source"],
            "tasks": ["id", "doc", "section", "text", "owner", "owner_role", "lead", "cooperating", "kind",
                      "deadline", "evidence"],
            "agencies": ["id", "name", "name_en", "abbreviations", "kind", "mentioned_in", "successor"],
            "refs": ["id", "kind", "number", "year", "issuer", "name", "cited_by", "relation", "evidence"],
            "targets": ["id", "doc", "indicator", "value", "unit", "comparator", "year", "scope", "quantitative",
                        "text", "observations", "status", "evidence"]}[view]

    def norm(rows):
        return sorted(json.dumps({k: r.get(k) for k in keys}, sort_keys=True, ensure_ascii=False) for r in rows)

    expected = norm(getattr(contract, view)(corpus))
    for store in stores.values():
        assert norm(getattr(answers, view)(store)) == expected


def test_mic_owns_most_tasks_in_qd2289(graph) -> None:
    view = views.to_networkx(graph)
    load = views.task_load(view, str(ID["legal/qd-2289-ttg-2020"]))
    assert load.most_common(1)[0][0] == "Bộ Thông tin và Truyền thông"


def test_networkx_views(graph) -> None:
    view = views.to_networkx(graph)
    assert {d["type"] for _, d in view.nodes(data=True)} >= {"task", "agency", "legal", "document", "target",
                                                             "observation", "section", "indicator"}
    ego = views.ego(view, str(ID["agency/bca"]), depth=1, types={"task", "agency"})
    assert ego.number_of_nodes() > 5 and all(d["type"] in ("task", "agency") for _, d in ego.nodes(data=True))
    co = views.coordination(view)
    assert co.has_edge(ID["agency/mof"], ID["agency/sbv"])  # "Chủ trì, phối hợp với Ngân hàng Nhà nước"
    path = views.shortest_path(view, str(ID["agency/mpi"]), str(ID["legal/nq-50-cp-2020"]))
    assert path[0].endswith("agency/mpi") and path[-1].endswith("nq-50-cp-2020")
    top = views.centrality(view, 3)
    assert len(top) == 3 and all(0 <= d <= 1 for _, _, d, _ in top)


def test_turtle_parses_with_an_independent_parser(graph, tmp_path) -> None:
    rapper = shutil.which("rapper")
    if rapper is None:
        if os.environ.get("CI"):
            pytest.fail("rapper (raptor2-utils) is missing in CI")
        pytest.skip("rapper not installed")
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    out = subprocess.run([rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True)
    assert f"returned {len(graph)} triples" in out.stderr


def test_bodies_beyond_the_registry_are_organizations_with_their_parent() -> None:
    from rdflib.namespace import ORG, SKOS

    from extract.pipeline import Corpus, extract_text, meta_from_text
    text = ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 9/KH-BTNMT\nHà Nội, ngày 6 tháng 8 năm 2024\nKẾ HOẠCH\nTHỬ\n"
            "II. NHIỆM VỤ\n1. Cục Biến đổi khí hậu chủ trì, phối hợp với Vụ Pháp chế xây dựng dự thảo.\n")
    facts = extract_text(text, meta_from_text("kh", "kh.txt", text))
    (task,) = facts.tasks
    assert (task.owner, task.cooperating) == ("Cục Biến đổi khí hậu", ("Vụ Pháp chế",))
    g = build_graph(Corpus([facts]), WHEN)
    cuc, vu = ID["agency/cuc-bien-doi-khi-hau--monre"], ID["agency/vu-phap-che--monre"]
    assert (cuc, RDF.type, ORG.Organization) in g
    assert (cuc, SKOS.prefLabel, Literal("Cục Biến đổi khí hậu", lang="vi")) in g
    assert (cuc, ORG.subOrganizationOf, ID["agency/monre"]) in g
    assert (ID["task/kh-task-001"], PKG.owner, cuc) in g and (ID["task/kh-task-001"], PKG.cooperating, vu) in g
    report = validate(g)
    assert report.conforms, report.text


@pytest.mark.parametrize(("task_id", "roles"), [
    # "Chủ trì, phối hợp với Ngân hàng Nhà nước xây dựng khung thể chế thử nghiệm … (Fintech)" under Bộ Tài chính
    ("000-task-020", {"Bộ Tài chính": "lead", "Ngân hàng Nhà nước Việt Nam": "cooperating"}),
])
def test_task_roles_name_each_agency_once_with_its_role(stores, task_id, roles) -> None:
    tasks = {t["id"]: t for t in answers.tasks(stores["oxigraph"])}
    assert answers.task_roles(tasks[task_id]) == roles
    for t in tasks.values():  # every agency a task names has one role; a lead stays a lead
        got = answers.task_roles(t)
        assert set(got) == {*t["lead"], *t["owners"], *t["cooperating"]}
        assert all(got[name] == "lead" for name in t["lead"])


def test_a_group_written_in_two_cases_is_one_node_with_one_label() -> None:
    """Documents write "Các cấp ủy, tổ chức đảng" and "các cấp ủy, tổ chức đảng": one sh:uniqueLang label."""
    from rdflib import SKOS

    from extract.pipeline import Corpus
    from graph.build import Builder

    builder = Builder(Corpus([]))
    first = builder.agency("g:Các cấp ủy, tổ chức đảng")
    again = builder.agency("g:các cấp ủy, tổ chức đảng")
    assert first == again
    assert [str(x) for x in builder.g.objects(first, SKOS.prefLabel)] == ["các cấp ủy, tổ chức đảng"]


def test_two_provinces_plans_with_one_symbol_are_two_documents_each_task_once() -> None:
    """Two provinces' plans both numbered 12/KH-UBND in 2025 are two documents, told apart by the province
    (they were one node with two identifiers: 1,637 task rows for 1,633 tasks at 1,000 documents)."""
    from extract.pipeline import Corpus, extract_text, meta_from_text
    from extract.records import DocumentFacts

    def plan(i: int, province: str) -> DocumentFacts:
        text = (f"ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: 12/KH-UBND\n{province.title()}, ngày {3 + i} tháng 2 "
                "năm 2025\nKẾ HOẠCH\nChuyển đổi số\nII. NHIỆM VỤ\n"
                "1. Sở Tài chính chủ trì bố trí kinh phí thực hiện kế hoạch.\n")
        return extract_text(text, meta_from_text(f"kh-{i}", f"kh{i}.txt", text))

    g = build_graph(Corpus([plan(1, "LÀO CAI"), plan(2, "YÊN BÁI")]), WHEN)
    assert not set(g.objects(ID["legal/kh-12-ubnd-2025"], DCTERMS.identifier))
    for place, doc in (("lao-cai", "kh-1"), ("yen-bai", "kh-2")):
        assert set(g.objects(ID[f"legal/kh-12-ubnd-{place}-2025"], DCTERMS.identifier)) == {Literal(doc)}
    for kind in ("memory", "oxigraph"):
        rows = answers.tasks(from_graph(g, kind))
        assert [(t["id"], t["doc"], t["evidence"]["doc"]) for t in rows] == [
            ("kh-1-task-001", "kh-1", "kh-1"), ("kh-2-task-001", "kh-2", "kh-2")]


@pytest.mark.parametrize("name", pageable())
def test_pages_of_a_named_query_cover_it_once(stores, name) -> None:
    """Pages of keys: every row on exactly one page, all pages together = the whole answer, on both stores."""
    q = QUERIES[name]
    full = {kind: q.run(s) for kind, s in stores.items()}
    for kind, store in stores.items():
        keys = q.keys(store)
        assert keys == sorted(set(keys)) and len(keys) > 3, kind
        pages = Pages(store, name, size=max(1, len(keys) // 3))  # three or four pages
        got = [pages.page(n) for n in range(len(pages) + 1)]
        assert got[-1].rows == () and got[0].variables == full[kind].variables, kind
        rows = [row for page in got for row in page.rows]
        assert sorted(rows, key=str) == sorted(full[kind].rows, key=str), kind
        if q.key in full[kind].variables:  # a key's rows are on one page only
            at = full[kind].variables.index(q.key)
            owners = [{row[at] for row in page.rows} for page in got]
            assert sum(map(len, owners)) == len(set().union(*owners)), kind
        assert q.page(store, 2, 1).rows == pages.query.rows_of(store, keys[1:3]).rows, kind
    one = {kind: sorted(q.page(s, 2, 1).rows, key=str) for kind, s in stores.items()}
    assert one["memory"] == one["oxigraph"] and one["memory"]


def _without_section_links(graph: Graph, docs: set[URIRef] | None = None) -> Graph:
    """The graph as a policykg before pkg:sectionOf built it (for `docs` only, or for every document)."""
    old = Graph()
    for s, p, o in graph:
        if p != PKG.sectionOf or (docs is not None and o not in docs):
            old.add((s, p, o))
    return old


def test_every_section_names_its_document_in_one_step(graph) -> None:
    """pkg:sectionOf is the document at the top of the section's eli:is_part_of chain, at every depth."""
    is_part_of = URIRef("http://data.europa.eu/eli/ontology#is_part_of")
    sections = set(graph.subjects(RDF.type, URIRef("http://data.europa.eu/eli/ontology#LegalResourceSubdivision")))
    depths = set()
    for s in sections:
        chain = [s]
        while (up := graph.value(chain[-1], is_part_of)) is not None:
            chain.append(up)
        assert list(graph.objects(s, PKG.sectionOf)) == [chain[-1]], s
        assert (chain[-1], PKG.inCorpus, Literal(True)) in graph
        depths.add(len(chain) - 1)
    assert len(sections) > 50 and {1, 2, 3} <= depths


def test_a_section_without_its_document_does_not_conform(graph) -> None:
    broken = _without_section_links(graph, {ID["doc/003"]})
    report = validate(broken)
    assert not report.conforms and "Every section names its document (pkg:sectionOf)." in report.text


@pytest.mark.parametrize("linked", ["none", "some"])
def test_sections_of_a_graph_built_before_the_link_are_the_same(graph, stores, linked) -> None:
    """A graph written before pkg:sectionOf (or a workspace where only documents added since have it) is asked
    the legacy query: the same rows, whole, a page of sections at a time and for some documents."""
    docs = {ID["doc/003"], ID["legal/qd-2289-ttg-2020"]} if linked == "none" else {ID["doc/003"]}
    old = _without_section_links(graph, docs if linked == "some" else None)
    q = QUERIES["sections"]
    for kind, new_store in stores.items():
        old_store = from_graph(old, kind)
        assert q.on(new_store) is q and q.on(old_store).sparql != q.sparql, kind
        whole = answers.sections(new_store)
        assert answers.sections(old_store) == whole and len(whole) > 50, kind
        keys = answers.keys(new_store, "sections")
        assert answers.keys(old_store, "sections") == keys, kind
        for k in range(0, len(keys), 40):
            assert answers.sections(old_store, keys=keys[k:k + 40]) == answers.sections(new_store, keys=keys[k:k + 40])
        two = [str(ID["doc/003"]), str(ID["legal/qd-2289-ttg-2020"])]
        mine = answers.sections(new_store, docs=two)
        assert mine == [r for r in whole if r["doc"] in ("003", "000")] and mine, kind
        assert answers.sections(old_store, docs=two) == mine, kind


def test_the_section_link_leaves_the_network_view_as_it_was(graph) -> None:
    """Views (whole graph and per-document parts) draw eli:is_part_of, not pkg:sectionOf: a workspace whose
    older documents lack the link draws every document alike."""
    import networkx as nx

    old = _without_section_links(graph)
    assert len(old) < len(graph)
    assert nx.utils.graphs_equal(views.to_networkx(graph), views.to_networkx(old))
    assert views.part(graph) == views.part(old)


def test_sections_rows_are_those_the_chain_gives(graph, stores) -> None:
    """The query on the link gives the rows the walk down eli:has_part+ gave before it (the old query text)."""
    before = QUERIES["sections"].text.replace(
        "?s pkg:sectionOf ?d ;", "?d eli:has_part+ ?s . ?s")
    assert "has_part+" in before
    for kind, store in stores.items():
        old_rows = sorted(store.query(before).rows)
        assert sorted(QUERIES["sections"].run(store).rows) == old_rows and old_rows, kind


def test_a_page_needs_a_key_and_sane_bounds(stores) -> None:
    with pytest.raises(ValueError, match="no page key"):
        QUERIES["changes"].page(stores["oxigraph"], 10)
    with pytest.raises(ValueError, match="limit ≥ 1"):
        QUERIES["tasks"].page(stores["oxigraph"], 0)
    with pytest.raises(QueryError, match="not an IRI"):
        QUERIES["tasks"].rows_of(stores["oxigraph"], ["x> } DROP ALL #"])
    assert QUERIES["tasks"].rows_of(stores["memory"], []).rows == ()


@pytest.mark.parametrize(("view", "name"), [("tasks", "tasks"), ("targets", "targets"), ("refs", "citations"),
                                            ("passages", "citation_passages"), ("sections", "sections")])
def test_answers_read_a_page_at_a_time(stores, view, name) -> None:
    """The CLI's rows a page of keys at a time: together the same rows as the whole answer, none twice."""
    import json
    for store in stores.values():
        keys = answers.keys(store, name)
        size = max(1, len(keys) // 4)
        whole = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in getattr(answers, view)(store))
        paged = [json.dumps(r, sort_keys=True, ensure_ascii=False)
                 for k in range(0, len(keys), size) for r in getattr(answers, view)(store, keys=keys[k:k + size])]
        assert sorted(paged) == whole and whole
    with pytest.raises(ValueError, match="not both"):
        answers.tasks(stores["memory"], doc=str(ID["doc/003"]), keys=[])


def test_a_document_cited_by_its_title_is_labelled_once_with_its_kind() -> None:
    from rdflib.namespace import RDFS

    from extract.pipeline import Corpus
    from tests.conftest import facts_of
    facts = facts_of("1. Triển khai Đề án phát triển du lịch cộng đồng giai đoạn 2021 - 2025 trên địa bàn.", "plan")
    g = build_graph(Corpus([facts]), WHEN)
    labels = {str(o) for s, o in g.subject_objects(RDFS.label) if "/legal/" in str(s)}
    assert "Đề án phát triển du lịch cộng đồng giai đoạn 2021 - 2025" in labels
    assert not any(label.startswith("Đề án Đề án") for label in labels)


def test_a_page_of_agencies_gives_each_its_first_documents_and_their_number(stores, monkeypatch) -> None:
    """A page of agencies: the whole answer's rows, with the first documents of `mentioned_in` and `documents` its
    length; read with one document a chunk and one or two documents listed, so every agency is read in chunks."""
    import json

    from graph import mentions
    monkeypatch.setattr(mentions, "_CHUNK", 1)
    for first in (1, 2, 5):
        monkeypatch.setattr(mentions, "FIRST", first)
        for store in stores.values():
            whole = {r["id"]: r for r in answers.agencies(store)}
            assert all(r["documents"] == len(r["mentioned_in"]) > 0 for r in whole.values())
            assert any(r["documents"] > first for r in whole.values()) or first == 5  # the seeds: ≤ 4 an agency
            keys = answers.keys(store, "agencies")
            paged = [r for k in range(0, len(keys), 7) for r in answers.agencies(store, keys=keys[k:k + 7])]
            assert sorted(r["id"] for r in paged) == sorted(whole)
            for row in paged:
                expected = {**whole[row["id"]], "mentioned_in": whole[row["id"]]["mentioned_in"][:first]}
                assert json.dumps(row, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_two_corpus_files_of_one_legal_document_count_twice() -> None:
    """One document node with two ids (two files of the same number, issuer and year) is two documents, as the
    ids listed say."""
    from graph import mentions
    agency, one, other = ID["agency/mpi"], ID["legal/qd-1-ttg-2020"], ID["legal/qd-2-ttg-2020"]
    g = Graph()
    g.add((agency, SKOS.prefLabel, Literal("Bộ Kế hoạch và Đầu tư", lang="vi")))
    for doc, ids in ((one, ("a", "c")), (other, ("b",))):
        g.add((doc, PKG.mentions, agency))
        for i in ids:
            g.add((doc, DCTERMS.identifier, Literal(i)))
    for kind in ("memory", "oxigraph"):
        store = from_graph(g, kind)
        assert QUERIES["agencies"].run(store).rows[0][4] == "2"  # document nodes
        [row] = answers.agencies(store, keys=[str(agency)])
        assert (row["documents"], row["mentioned_in"]) == (3, ["a", "b", "c"])
        assert mentions.first_documents(store, {str(agency): 3}, first=2) == {str(agency): ["a", "b"]}
        assert answers.agencies(store)[0]["mentioned_in"] == ["a", "b", "c"]
