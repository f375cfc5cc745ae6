"""SHACL validation against ontology/shapes.ttl, by one of two engines that must agree.

`pyshacl` is the reference (used by the tests to check the other); `rudof` (pyrudof, Rust) gives the
same verdict in about half the time on one document's graph and is the default (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rdflib import Graph

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
def _ontology_nt() -> str:
    """The ontology as N-Triples, added to the data so sh:class sees rdfs:subClassOf (as pySHACL's ont_graph)."""
    return ontology().serialize(format="nt")


def _rudof(graph: Graph) -> Report:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(graph.serialize(format="nt") + _ontology_nt(), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(str(ONTOLOGY_DIR / "shapes.ttl"))
    report = rudof.validate_shacl()
    text = "" if report.conforms else rudof.serialize_shacl_validation_results(
        format=pyrudof.ResultShaclValidationFormat.Turtle)
    return Report(bool(report.conforms), str(text))


ENGINES: dict[str, Callable[[Graph], Report]] = {"rudof": _rudof, "pyshacl": _pyshacl}


def validate(graph: Graph, engine: str = DEFAULT_ENGINE) -> Report:
    """Whether the graph conforms to the shapes, with the engine's report text."""
    return ENGINES[engine](graph)
