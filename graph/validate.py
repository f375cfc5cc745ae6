"""SHACL validation of a graph against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


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


def validate(graph: Graph) -> Report:
    """Whether the graph conforms to the shapes, with pySHACL's report text."""
    conforms, _, text = shacl_validate(graph, shacl_graph=shapes(), ont_graph=ontology(),
                                       inference="none", advanced=True, allow_warnings=True)
    return Report(bool(conforms), str(text))
