"""SHACL validation against ontology/shapes.ttl, by engines that must agree.

`pyshacl` is the reference (the tests check the others against it); `rudof` (pyrudof, Rust) and
`sparql` (the shapes compiled to violation queries on an in-memory Oxigraph, graph/shacl_sparql.py)
give the same verdicts. `sparql` is the default: 3-6x faster than rudof on one document's graph,
whose cost is mostly parsing the data (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib import RDFS, Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
DEFAULT_ENGINE = "sparql"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "policykg.ttl")


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str


def _pyshacl(graph: Graph) -> Report:
    from pyshacl import validate as shacl_validate

    if not graph.store.context_aware:  # pySHACL wraps the data in a Dataset (a graph built in SimpleMemory)
        graph = Graph() + graph
    conforms, _, text = shacl_validate(graph, shacl_graph=shapes(), ont_graph=ontology(),
                                       inference="none", advanced=True, allow_warnings=True)
    return Report(bool(conforms), str(text))


@cache
def _subclasses_nt() -> str:
    """The ontology's rdfs:subClassOf triples, added to the data so sh:class sees the class hierarchy
    (what pySHACL takes from ont_graph)."""
    return "".join(f"<{s}> <{RDFS.subClassOf}> <{o}> .\n" for s, o in ontology().subject_objects(RDFS.subClassOf))


@cache
def _rudof_engine() -> Any:
    """One pyrudof engine per process, with the shapes read once."""
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(str(ONTOLOGY_DIR / "shapes.ttl"))
    return rudof


def _rudof_nt(nt: str) -> Report:
    import pyrudof

    rudof = _rudof_engine()
    rudof.reset_data()
    rudof.read_data(nt + _subclasses_nt(), format=pyrudof.RDFFormat.NTriples)
    report = rudof.validate_shacl()
    text = "" if report.conforms else rudof.serialize_shacl_validation_results(
        format=pyrudof.ResultShaclValidationFormat.Turtle)
    return Report(bool(report.conforms), str(text))


def _rudof(graph: Graph) -> Report:
    return _rudof_nt(graph.serialize(format="nt"))


@cache
def _sparql_checks() -> list[Any]:
    from graph.shacl_sparql import compile_shapes

    return compile_shapes(shapes())


def _sparql_nt(nt: str) -> Report:
    from graph.shacl_sparql import violations

    found = violations(nt + _subclasses_nt(), _sparql_checks())
    return Report(not found, "\n".join(found))


def _sparql(graph: Graph) -> Report:
    return _sparql_nt(graph.serialize(format="nt"))


ENGINES: dict[str, Callable[[Graph], Report]] = {"rudof": _rudof, "pyshacl": _pyshacl, "sparql": _sparql}


def forget_shapes() -> None:
    """Drop the shapes, ontology and compiled engines read so far (after ONTOLOGY_DIR changes)."""
    for fn in (shapes, ontology, _rudof_engine, _subclasses_nt, _sparql_checks):
        fn.cache_clear()


def validate(graph: Graph, engine: str = DEFAULT_ENGINE) -> Report:
    """Whether the graph conforms to the shapes, with the engine's report text."""
    return ENGINES[engine](graph)


def validate_nt(nt: str, engine: str = DEFAULT_ENGINE) -> Report:
    """`validate` for a graph given as N-Triples (rudof reads it without an rdflib graph)."""
    if engine == "rudof":
        return _rudof_nt(nt)
    if engine == "sparql":
        return _sparql_nt(nt)
    return validate(Graph().parse(data=nt, format="nt"), engine)
