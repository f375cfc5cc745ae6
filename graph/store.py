"""Graph stores: rdflib in memory (default) and embedded Oxigraph (large corpora), one interface.

Both answer SPARQL with rows of plain strings (IRIs and literal lexical forms), so a named query
gives identical answers on either. Oxigraph loads its own N-Triples parser (fast) and counts
with SPARQL rather than iterating.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from extract.errors import PolicyKGError
from graph.guard import QueryError

GRAPH_FILE = "graph.nt"
OX_DIR = "oxigraph"
STORES = ("memory", "oxigraph")
IRI_RE = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.I)


@dataclass(frozen=True)
class Result:
    """SELECT rows (strings; None for unbound), an ASK boolean, or CONSTRUCT/DESCRIBE triples."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str | None, ...], ...] = ()
    boolean: bool | None = None
    truncated: bool = False


class Store(Protocol):
    name: str

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> Result: ...

    def count(self) -> int: ...


def _rdflib_value(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef | Literal | BNode):
        return str(term)
    return str(term)


class MemoryStore:
    """rdflib Graph in memory."""

    name = "memory"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> Result:
        init = {k: URIRef(v) for k, v in (bindings or {}).items()}
        res = self.graph.query(sparql, initBindings=init)
        if res.type == "ASK":
            return Result(boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            rows = tuple((str(s), str(p), str(o)) for s, p, o in res)  # type: ignore[misc]
            return Result(("subject", "predicate", "object"), rows)
        variables = tuple(str(v) for v in res.vars or ())
        rows = tuple(tuple(_rdflib_value(row.get(v)) for v in variables) for row in res)  # type: ignore[union-attr,misc]
        return Result(variables, rows)

    def count(self) -> int:
        return len(self.graph)


def bind_values(sparql: str, bindings: Mapping[str, str]) -> str:
    """Bind variables to IRIs with a VALUES block at the start of the first WHERE group.

    (Oxigraph's own substitutions need the variable in the SELECT projection; rdflib gets
    initBindings instead, which it applies before evaluation.)
    """
    if not bindings:
        return sparql
    for value in bindings.values():
        if not IRI_RE.match(value):
            raise QueryError(f"'{value}' is not an IRI")
    names = list(bindings)
    values = "VALUES ({}) {{ ({}) }}".format(" ".join("?" + n for n in names),
                                             " ".join(f"<{bindings[n]}>" for n in names))
    head, sep, body = sparql.partition("WHERE {")
    if not sep:
        raise QueryError("a parameterised query needs a 'WHERE {' group")
    return f"{head}WHERE {{ {values}{body}"


def _ox_value(term: object) -> str | None:
    if term is None:
        return None
    return getattr(term, "value", str(term))


class OxigraphStore:
    """Embedded Oxigraph (on disk when given a path)."""

    name = "oxigraph"

    def __init__(self, path: Path | None = None) -> None:
        self.store = ox.Store(str(path)) if path else ox.Store()

    @classmethod
    def read_only(cls, path: Path) -> OxigraphStore:
        """An on-disk store opened for reading only (several readers may share it)."""
        if not path.is_dir():
            raise PolicyKGError(f"{path}: no Oxigraph store here; rebuild the workspace with 'policykg build'.")
        store = cls.__new__(cls)
        store.store = ox.Store.read_only(str(path))
        return store

    def add_graph(self, name: str, path: Path) -> int:
        """Load an N-Triples file into the named graph `name` and into the default graph (the union);
        the number of triples the default graph gained (those no other graph had), counted on this graph only."""
        self.store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
        gained = self._count(f"GRAPH <{name}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }}")
        self.store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        return gained

    def bulk_load_graphs(self, graphs: Mapping[str, Path], batch: int = 100) -> None:
        """Load many N-Triples files, each into its named graph and all into the default graph, in bulk
        loads of `batch` files (a bulk load has a large cost per call and holds its batch in memory)."""
        names = list(graphs)
        for k in range(0, len(names), batch):
            part = {n: graphs[n] for n in names[k:k + batch]}
            self.store.bulk_load(io.BufferedReader(_Chunks(_quads(part)), 1 << 20), format=ox.RdfFormat.N_QUADS)

    def drop_graph(self, name: str) -> int:
        """Drop a named graph, and its triples from the default graph unless another graph has them; the
        number of triples the default graph lost, counted on this graph only."""
        own = f"GRAPH <{name}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != <{name}>) }}"
        lost = self._count(own)
        self.store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ {own} }}")
        self.store.update(f"DROP SILENT GRAPH <{name}>")
        return lost

    def _count(self, pattern: str) -> int:
        res = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        assert isinstance(res, ox.QuerySolutions)
        return int(next(iter(res))["n"].value)  # type: ignore[union-attr]

    def load_ntriples(self, path: Path) -> None:
        self.store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> Result:
        res = self.store.query(bind_values(sparql, bindings or {}))
        if isinstance(res, ox.QueryBoolean):
            return Result(boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            return Result(("subject", "predicate", "object"),
                          tuple((_ox_value(t.subject), _ox_value(t.predicate), _ox_value(t.object)) for t in res))
        variables = tuple(v.value for v in res.variables)
        return Result(variables, tuple(tuple(_ox_value(s[v]) for v in variables) for s in res))

    def count(self) -> int:
        """Triples in the default graph (reads them all: use the counts `add_graph` and `drop_graph` return
        to keep a large store's count up to date)."""
        return self._count("?s ?p ?o")


def _quads(graphs: Mapping[str, Path]) -> Iterator[bytes]:
    """N-Quads lines: every file's triples in its named graph, then their union in the default graph."""
    union: set[bytes] = set()
    for name, path in graphs.items():
        tail = f" <{name}> .\n".encode()
        lines = [line for line in path.read_bytes().splitlines() if line.endswith(b" .")]
        union.update(lines)
        yield b"".join(line[:-2] + tail for line in lines)  # one part per file, not per line
    yield b"".join(line + b"\n" for line in union)


class _Chunks(io.RawIOBase):
    """A read-only byte stream over an iterator of byte strings (for bulk loads without a temp file)."""

    def __init__(self, parts: Iterator[bytes]) -> None:
        self.parts, self.rest = parts, memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.rest:
            try:
                self.rest = memoryview(next(self.parts))
            except StopIteration:
                return 0
        n = min(len(buffer), len(self.rest))
        buffer[:n], self.rest = self.rest[:n], self.rest[n:]
        return n


def from_graph(graph: Graph, kind: str) -> Store:
    """A store holding this graph (tests and benchmarks)."""
    if kind == "memory":
        return MemoryStore(graph)
    store = OxigraphStore()
    data = graph.serialize(format="nt").encode()
    store.store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return store
