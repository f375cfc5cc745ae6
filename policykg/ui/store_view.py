"""A piece of the network read from the store by keys: the nodes within some steps of a few seeds, typed and
labelled as `graph.views.to_networkx` types and labels them. A large corpus's focused or filtered view is drawn
from it, so a search or a click never loads the whole networkx view (115 k nodes at 1,000 documents).
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import URIRef

from graph.namespace import ELI, PKG
from graph.queries import PREFIX_BLOCK
from graph.store import Store
from graph.views import EDGES, NODE_TYPES
from policykg.ui.selective import iri_values

# past this many nodes the next step is not taken: the drawn view keeps at most a few hundred anyway
LIMIT = 3000
_RELATION = {str(p): r for p, r in EDGES.items()}
_PREDICATES = ", ".join(f"<{p}>" for p in EDGES)
_TYPES = [(str(cls), name) for cls, name in NODE_TYPES.items()]
# the subjects bound first and the predicates filtered (a VALUES of predicates made Oxigraph scan each predicate
# over the whole store: 107 s for 1,855 nodes at 1,000 documents)
_ATTRS = ("SELECT ?n ?p ?v (LANG(?v) AS ?lang) WHERE {{ VALUES ?n {{ {nodes} }} ?n ?p ?v "
          "FILTER(?p IN (rdf:type, skos:prefLabel, rdfs:label, pkg:inDocument, pkg:inCorpus)) }}")


def _edges(store: Store, nodes: list[str], inward: bool = True) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of the view's edges from these nodes and, when `inward`, to them."""
    values = iri_values(nodes)
    out = set()
    queries = [f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o "
               f"FILTER(?p IN ({_PREDICATES}) && isIRI(?o)) }}"]
    if inward:
        queries.append(f"SELECT ?s ?p ?o WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o FILTER(?p IN ({_PREDICATES})) }}")
    for sparql in queries:
        for s, p, o in store.query(PREFIX_BLOCK + sparql).rows:
            if s and p and o:
                out.add((str(s), _RELATION[str(p)], str(o)))
    return out


def _attributes(store: Store, nodes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each node's type, Vietnamese and English labels and document, as the networkx view has them."""
    found: dict[str, dict[str, list[str]]] = {}
    for n, p, v, lang in store.query(PREFIX_BLOCK + _ATTRS.format(nodes=iri_values(sorted(nodes)))).rows:
        if n and p and v is not None:
            key = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] + (f"@{lang}" if lang else "")
            found.setdefault(str(n), {}).setdefault(key, []).append(str(v))
    out = {}
    for n, a in found.items():
        types = set(a.get("type", []))
        kind = next((name for cls, name in _TYPES if cls in types), None)
        if kind is None and str(ELI.LegalResource) in types:
            kind = "document" if "inCorpus" in a else "legal"
        if kind is None:
            continue
        vi = sorted(a.get("prefLabel@vi", [])) or sorted(a.get("label@vi", []))
        any_label = vi or sorted(a.get("prefLabel", []) + a.get("label", []) + a.get("prefLabel@en", []))
        label = any_label[0] if any_label else n.rsplit("/", 1)[-1]
        en = sorted(a.get("prefLabel@en", []))
        out[n] = {"label": label, "label_en": en[0] if en else label, "type": kind, "iri": n}
        if a.get("inDocument"):
            out[n]["doc"] = a["inDocument"][0]
    return out


def neighbourhood(store: Store, seeds: Iterable[str], depth: int, limit: int = LIMIT) -> nx.MultiDiGraph:
    """The nodes within `depth` steps of the seeds (both directions) and the edges between them; a step that would
    pass `limit` nodes is not taken."""
    nodes = {s for s in seeds}
    frontier = sorted(nodes)
    edges: set[tuple[str, str, str]] = set()
    for _ in range(depth):
        if not frontier:
            break
        found = _edges(store, frontier)
        new = {x for s, _, o in found for x in (s, o)} - nodes
        if len(nodes) + len(new) > limit and len(nodes) > 1:
            break
        edges |= found
        nodes |= new
        frontier = sorted(new)
    if frontier and edges:  # the edges between the last step's nodes: the view is the induced subgraph
        edges |= {(s, r, o) for s, r, o in _edges(store, frontier, inward=False) if o in nodes}
    attrs = _attributes(store, nodes) if nodes else {}
    view = nx.MultiDiGraph()
    for n, a in attrs.items():
        view.add_node(URIRef(n), **a)
    for s, rel, o in edges:
        if s in attrs and o in attrs:
            view.add_edge(URIRef(s), URIRef(o), key=rel, relation=rel)
    return view


def document_nodes(store: Store, doc_iris: Iterable[str]) -> list[str]:
    """Some documents' nodes and the facts they hold (`pkg:inDocument`)."""
    docs = sorted(doc_iris)
    if not docs:
        return []
    sparql = f"SELECT ?x WHERE {{ VALUES ?d {{ {iri_values(docs)} }} ?x <{PKG.inDocument}> ?d }}"
    rows = store.query(PREFIX_BLOCK + sparql).rows
    return docs + sorted({str(r[0]) for r in rows if r[0]})
