"""Every SHACL engine gives pySHACL's verdict (the reference) on real graphs, good and broken."""

import pytest
from rdflib import RDF, Graph, Literal

from extract.pipeline import extract_corpus
from graph.build import build_document, build_graph, doc_iri
from graph.namespace import PKG
from graph.validate import ENGINES, validate


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    return build_graph(extract_corpus())


def broken(graph: Graph, how: str) -> Graph:
    g = Graph()
    for t in graph:
        g.add(t)
    task = sorted(g.subjects(RDF.type, PKG.Task))[0]
    if how == "no owner":
        g.remove((task, PKG.owner, None))
    elif how == "two texts":
        g.add((task, PKG.text, Literal("Một nhiệm vụ khác", lang="vi")))
    return g


@pytest.mark.parametrize("how", ["intact", "no owner", "two texts"])
@pytest.mark.parametrize("engine", sorted(set(ENGINES) - {"pyshacl"}))
def test_engines_agree_with_pyshacl(corpus_graph, engine, how) -> None:
    graph = corpus_graph if how == "intact" else broken(corpus_graph, how)
    reference = validate(graph, "pyshacl").conforms
    assert reference == (how == "intact")
    assert validate(graph, engine).conforms == reference


def test_a_document_graph_conforms_on_its_own() -> None:
    from policykg.documents import touched

    docs = extract_corpus().docs
    known = {d.meta.id: doc_iri(d.meta) for d in docs}
    report = next(d for d in docs if d.meta.kind == "report")
    graph = build_document(report, known, [])
    data = graph + touched(graph, {str(v) for v in known.values()})
    assert validate(data, "pyshacl").conforms and validate(data).conforms
    assert not validate(graph, "pyshacl").conforms  # without the shared nodes it points at, it cannot
