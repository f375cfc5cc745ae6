"""Every SHACL engine gives pySHACL's verdict (the reference) on real graphs, good and broken."""

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from extract.pipeline import extract_corpus
from graph.build import build_document, build_graph, doc_iri
from graph.namespace import OA, ORG, PKG, SKOS
from graph.validate import ENGINES, validate


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    return build_graph(extract_corpus())


def broken(graph: Graph, how: str) -> Graph:
    g = Graph()
    for t in graph:
        g.add(t)
    task = sorted(s for s in g.subjects(RDF.type, PKG.Task) if g.value(s, PKG.owner) is not None)[0]
    if how == "no text":  # minCount (a task may have no owner: one that names no agency)
        g.remove((task, PKG.text, None))
    elif how == "two texts":  # maxCount
        g.add((task, PKG.text, Literal("Một nhiệm vụ khác", lang="vi")))
    elif how == "text in English":  # languageIn
        g.set((task, PKG.text, Literal("A task", lang="en")))
    elif how == "owner as text":  # nodeKind
        g.set((task, PKG.owner, Literal("Bộ Tài chính")))
    elif how == "document is an agency":  # class
        g.set((task, PKG.inDocument, g.value(task, PKG.owner)))
    elif how == "unknown role":  # in
        g.set((task, PKG.ownerRole, URIRef(str(PKG._NS) + "unknown_role")))
    target = sorted(g.subjects(RDF.type, PKG.Target))[0]
    if how == "year as plain text":  # datatype
        g.set((target, PKG.year, Literal("2030")))
    elif how == "ill-formed value":  # datatype, lexical form
        g.set((target, PKG.value, Literal("12,5", datatype=URIRef(DECIMAL))))
    quote = sorted(g.subjects(RDF.type, OA.TextQuoteSelector))[0]
    position = sorted(g.subjects(RDF.type, OA.TextPositionSelector))[0]
    if how == "empty quote":  # minLength
        g.set((quote, OA.exact, Literal("")))
    elif how == "negative offset":  # minInclusive
        g.set((position, OA.start, Literal(-1)))
    elif how == "two Vietnamese names":  # uniqueLang
        org = sorted(g.subjects(RDF.type, ORG.FormalOrganization))[0]
        g.add((org, SKOS.prefLabel, Literal("Một tên khác", lang="vi")))
    elif how == "English name only":  # qualifiedValueShape languageIn vi, qualifiedMinCount 1
        org = sorted(g.subjects(RDF.type, PKG.AgencyGroup))[0]
        g.remove((org, SKOS.prefLabel, None))
        g.add((org, SKOS.prefLabel, Literal("A group", lang="en")))
    return g


DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
BREAKS = ["no text", "two texts", "text in English", "owner as text", "document is an agency", "unknown role",
          "year as plain text", "ill-formed value", "empty quote", "negative offset", "two Vietnamese names",
          "English name only"]


@pytest.mark.parametrize("how", ["intact", *BREAKS])
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


def test_the_sparql_engine_refuses_a_constraint_it_does_not_compile() -> None:
    from graph.shacl_sparql import compile_shapes

    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:pattern "^[0-9]+$" ] .""", format="turtle")
    with pytest.raises(ValueError, match="pattern"):
        compile_shapes(shapes)
