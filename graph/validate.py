"""SHACL validation against ontology/shapes.ttl, by one of two engines that must agree.

`pyshacl` is the reference (used by the tests to check the other); `rudof` (pyrudof, Rust) gives the
same verdict in about half the time on one document's graph and is the default (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib import RDFS, Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
DEFAULT_ENGINE = "rudof"


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


ENGINES: dict[str, Callable[[Graph], Report]] = {"rudof": _rudof, "pyshacl": _pyshacl}


def validate(graph: Graph, engine: str = DEFAULT_ENGINE) -> Report:
    """Whether the graph conforms to the shapes, with the engine's report text."""
    return ENGINES[engine](graph)


def validate_nt(nt: str, engine: str = DEFAULT_ENGINE) -> Report:
    """`validate` for a graph given as N-Triples (rudof reads it without an rdflib graph)."""
    if engine == "rudof":
        return _rudof_nt(nt)
    return validate(Graph().parse(data=nt, format="nt"), engine)
