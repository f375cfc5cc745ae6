"""Write a workspace's current generation to a remote SPARQL store that several app instances read."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from graph.remote import SparqlStore
from policykg.workspace import graph_file

CORPUS_GRAPH = "corpus"


def publish(workspace: Path, spec: str) -> int:
    """Replace the store's copy of the workspace graph with the current generation; returns triples sent."""
    store = SparqlStore(spec)
    graph = Graph().parse(graph_file(workspace), format="nt")
    return store.replace_graph(CORPUS_GRAPH, graph)
