"""Which documents mention an agency: all of them, or the first few in the order of their ids.

A page of agencies lists each agency's first documents and how many there are, not every one: an agency a
thousand plans name would otherwise bring a thousand identifiers, and a store decodes each (at 1,000 documents
a page of 100 agencies is ≈ 13,000 pairs, 0.2–0.4 s on Oxigraph against 10–30 ms for their counts). The first
documents are found by reading the documents in id order a growing chunk at a time and asking only which of
them mention the agencies still short of their first few: the cost follows the page, not the corpus.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence

from graph.guard import QueryError
from graph.queries import PREFIX_BLOCK, query
from graph.store import IRI_RE, Store

FIRST = 5  # documents listed per agency on a page
_CHUNK = 32  # documents in the first chunk read; each further chunk is twice the one before

_ORDER: weakref.WeakKeyDictionary[Store, list[tuple[str, str]]] = weakref.WeakKeyDictionary()


def all_documents(store: Store, agencies: Sequence[str] | None = None) -> dict[str, list[str]]:
    """The ids of the documents mentioning each agency (every agency, or these IRIs), in id order."""
    q = query("agency_documents")
    res = q.run(store) if agencies is None else q.rows_of(store, agencies)
    out: dict[str, set[str]] = defaultdict(set)
    for agency, doc in res.rows:
        if agency is not None and doc is not None:
            out[agency].add(doc)
    return {a: sorted(docs) for a, docs in out.items()}


def documents_in_order(store: Store) -> list[tuple[str, str]]:
    """Every document id with its document's IRI, as (IRI, id) in the order of the ids: read once per Oxigraph
    store (a workspace's generation never changes), every time of the others."""
    if store.name == "oxigraph" and store in _ORDER:
        return _ORDER[store]
    res = store.query(PREFIX_BLOCK + "SELECT ?d ?id WHERE { ?d dcterms:identifier ?id }")
    order = sorted(((d, i) for d, i in res.rows if d is not None and i is not None), key=lambda r: (r[1], r[0]))
    if store.name == "oxigraph":
        _ORDER[store] = order
    return order


def id_counts(store: Store, nodes: dict[str, int]) -> dict[str, int]:
    """Each agency's number of documents (by id) from its number of document nodes (the `agencies` query's): a
    node two corpus files share (the same number, issuer and year) counts once per file."""
    ids: dict[str, int] = defaultdict(int)
    for iri, _ in documents_in_order(store):
        ids[iri] += 1
    shared = {iri: n for iri, n in ids.items() if n > 1}
    out = dict(nodes)
    if shared and nodes:
        for agency, iri in _mentions(store, nodes, shared):
            out[agency] += shared[iri] - 1
    return out


def first_documents(store: Store, counts: dict[str, int], first: int | None = None) -> dict[str, list[str]]:
    """The ids of the first `first` (`FIRST`) documents (in id order) mentioning each agency, given how many
    mention it."""
    first = FIRST if first is None else first
    out = all_documents(store, [a for a, n in counts.items() if 0 < n <= first]) if counts else {}
    short = [a for a, n in counts.items() if n > first]
    order = documents_in_order(store) if short else []
    found: dict[str, list[str]] = defaultdict(list)
    at, size = 0, _CHUNK
    while short and at < len(order):
        chunk: dict[str, list[str]] = defaultdict(list)  # two documents may share an IRI (same number and year)
        for iri, doc in order[at:at + size]:
            chunk[iri].append(doc)
        for agency, iri in _mentions(store, short, chunk):
            found[agency] += chunk[iri]
        short = [a for a in short if len(found[a]) < first]
        at, size = at + size, size * 2
    for agency, docs in found.items():
        out[agency] = sorted(set(docs))[:first]
    return out


def _mentions(store: Store, agencies: Iterable[str], docs: Iterable[str]) -> list[tuple[str, str]]:
    """The (agency, document IRI) pairs among these agencies and documents."""
    agencies, docs = list(agencies), list(docs)
    for iri in (*agencies, *docs):
        if not IRI_RE.match(iri):
            raise QueryError(f"'{iri}' is not an IRI")
    text = (PREFIX_BLOCK + "SELECT ?agency ?d WHERE { VALUES ?agency { " + " ".join(f"<{a}>" for a in agencies)
            + " } VALUES ?d { " + " ".join(f"<{d}>" for d in docs) + " } ?d pkg:mentions ?agency }")
    return [(a, d) for a, d in store.query(text).rows if a is not None and d is not None]
