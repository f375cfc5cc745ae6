"""The build path's N-Triples writer: its text parses with rdflib into the graph rdflib builds."""

import random
from datetime import UTC, datetime

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from bench.corpus import document, pieces
from extract.pipeline import extract_text, meta_from_text
from graph.build import build_document, doc_iri, document_triples
from graph.ntriples import Triples, lines
from policykg.documents import touched, touched_nt

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def parsed(text: str) -> Graph:
    return Graph().parse(data=text, format="nt")


def test_each_seed_document_is_written_as_rdflib_builds_it(corpus) -> None:
    known = {d.meta.id: doc_iri(d.meta) for d in corpus.docs}
    reports = [d for d in corpus.docs if d.meta.kind == "report"]
    for doc in corpus.docs:
        triples = document_triples(doc, known, reports, WHEN)
        graph = build_document(doc, known, reports, WHEN)
        assert len(triples) == len(graph) > 100
        assert isomorphic(parsed(triples.ntriples()), graph), doc.meta.id
        corpus_iris = {str(v) for v in known.values()}
        assert isomorphic(parsed(touched_nt(triples.objects(), corpus_iris)), touched(graph, corpus_iris))
        assert triples.ntriples() == document_triples(doc, known, reports, WHEN).ntriples()  # same text twice


def test_generated_documents_are_written_as_rdflib_builds_them() -> None:
    rng, src = random.Random(11), pieces()
    tasks = refs = 0
    for k in range(4):
        text, entry = document(rng, src, k)
        facts = extract_text(text, meta_from_text(str(entry["id"]), str(entry["file"]), text,
                                                  {key: str(v) for key, v in entry.items() if key != "relations"}))
        tasks, refs = tasks + len(facts.tasks), refs + len(facts.refs)
        known = {facts.meta.id: doc_iri(facts.meta)}
        assert isomorphic(parsed(document_triples(facts, known, [], WHEN).ntriples()),
                          build_document(facts, known, [], WHEN))
    assert tasks and refs


@pytest.mark.parametrize("value", [
    'Nghị quyết "số 50" \\ của\nChính phủ\r', "tab\there", "ctrl\x01\x1f\x7f", "", "😀 Hà Giang",
])
def test_awkward_strings_round_trip(value) -> None:
    s, p = URIRef("https://w3id.org/policykg/id/task/a"), URIRef("https://w3id.org/policykg/ontology#text")
    triples = Triples()
    for o in (Literal(value), Literal(value, lang="vi"), Literal(value, datatype=XSD.token)):
        triples.add((s, p, o))
    triples.add((s, p, URIRef("https://example.org/a b<c>\"{|}^`\\")))  # forbidden characters: \uXXXX
    triples.add((BNode("b1"), p, Literal(12.5)))
    graph = parsed(triples.ntriples())
    assert {o for o in graph.objects(s, p) if isinstance(o, Literal)} == {
        Literal(value), Literal(value, lang="vi"), Literal(value, datatype=XSD.token)}
    assert URIRef("https://example.org/a b<c>\"{|}^`\\") in set(graph.objects(s, p))
    assert len(graph) == 5 and lines([]) == ""
