"""RDF -> networkx projections: typed nodes with labels, edges named by relation.

Evidence plumbing (annotations, selectors, the extraction run) and concept schemes are left out:
the views show documents, sections, agencies, tasks, legal documents, targets, observations and
indicators, and how they relate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS

from graph.namespace import ELI, PKG

NODE_TYPES: dict[URIRef, str] = {
    PKG.Task: "task", PKG.Target: "target", PKG.Observation: "observation", PKG.Indicator: "indicator",
    ORG.FormalOrganization: "agency", ORG.Organization: "agency", PKG.AgencyGroup: "agency", DCTERMS.Location: "agency",
    ELI.LegalResourceSubdivision: "section",
}
EDGES: dict[URIRef, str] = {
    PKG.owner: "owner", PKG.coOwner: "owner", PKG.lead: "lead", PKG.cooperating: "cooperating",
    PKG.assignedIn: "assigned in", PKG.subTaskOf: "sub-task of", PKG.indicator: "indicator",
    PKG.measures: "measures", PKG.inDocument: "in document", ELI.cites: "cites", ELI.based_on: "based on",
    PKG.implements: "implements", ELI.is_part_of: "part of", ELI.passed_by: "passed by",
    PKG.draftOf: "draft of", PKG.reportsOn: "reports on", PKG.mentions: "mentions",
    ORG.subOrganizationOf: "part of",
}


# every predicate the view reads: the rest of the graph (evidence, texts, figures) need not be loaded
PREDICATES: frozenset[URIRef] = frozenset(
    {*EDGES, RDF.type, SKOS.prefLabel, RDFS.label, PKG.inDocument, PKG.inCorpus})


def _label_en(g: Graph, node: URIRef) -> str | None:
    labels = [str(x) for x in g.objects(node, SKOS.prefLabel) if isinstance(x, Literal) and x.language == "en"]
    return sorted(labels)[0] if labels else None


def _label(g: Graph, node: URIRef) -> str:
    for pred in (SKOS.prefLabel, RDFS.label):
        labels = list(g.objects(node, pred))
        vi = [str(x) for x in labels if isinstance(x, Literal) and x.language == "vi"]
        if vi or labels:
            return sorted(vi or [str(x) for x in labels])[0]
    return str(node).rsplit("/", 1)[-1]


def node_type(g: Graph, node: URIRef) -> str | None:
    types = set(g.objects(node, RDF.type))
    for cls, name in NODE_TYPES.items():
        if cls in types:
            return name
    if ELI.LegalResource in types:
        return "document" if (node, PKG.inCorpus, Literal(True)) in g else "legal"
    return None


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The whole graph as typed nodes (label, type, doc) and relation-named edges."""
    out = nx.MultiDiGraph()
    for s, p, o in g:
        if not isinstance(p, URIRef) or not isinstance(o, URIRef) or not isinstance(s, URIRef):
            continue
        rel = EDGES.get(p)
        if rel is None:
            continue
        for n in (s, o):
            if n not in out:
                kind = node_type(g, n)
                if kind is None:
                    break
                out.add_node(n, label=_label(g, n), label_en=_label_en(g, n) or _label(g, n), type=kind,
                             iri=str(n))
        else:
            out.add_edge(s, o, key=rel, relation=rel)
    for n in list(out.nodes):
        doc = next(g.objects(n, PKG.inDocument), None)
        if doc is not None:
            out.nodes[n]["doc"] = str(doc)
    return out


_TYPE_RANK = {cls: rank for rank, cls in enumerate(NODE_TYPES)}  # node_type's order: the first class wins
_LEGAL = len(NODE_TYPES)  # an eli:LegalResource: "document" in the corpus, else "legal"
_TRUE = Literal(True)

Part = dict[str, list[Any]]


_ROLE: dict[object, str] = {RDF.type: "type", SKOS.prefLabel: "label", RDFS.label: "label",
                            PKG.inDocument: "doc", PKG.inCorpus: "corpus"}  # one look-up per triple
_PREF = SKOS.prefLabel
_LEGAL_RESOURCE = ELI.LegalResource
_EDGE_OF: dict[object, str] = {p: rel for p, rel in EDGES.items()}


def part(triples: Iterable[tuple[object, object, object]]) -> Part:
    """What one document's triples give the view, as plain lists (kept beside its graph): relation edges,
    each node's best type, labels, documents and corpus membership. The view of a corpus is `merge` of its
    documents' parts — the same as `to_networkx` of the union of their graphs, without parsing any."""
    edges: set[tuple[str, str, str]] = set()
    ranks: dict[str, int] = {}
    labels: set[tuple[str, int, str, str | None]] = set()
    docs: set[tuple[str, str]] = set()
    corpus: set[str] = set()
    for s, p, o in triples:
        rel = _EDGE_OF.get(p)
        role = _ROLE.get(p)
        if (rel is None and role is None) or not isinstance(s, URIRef):
            continue
        if rel is not None and isinstance(o, URIRef):
            edges.add((str(s), rel, str(o)))
        if role == "type":
            rank = _TYPE_RANK.get(o, _LEGAL if o == _LEGAL_RESOURCE else None)  # type: ignore[call-overload]
            if rank is not None and rank < ranks.get(str(s), _LEGAL + 1):
                ranks[str(s)] = rank
        elif role == "label":
            lang = o.language if isinstance(o, Literal) else None
            labels.add((str(s), 0 if p == _PREF else 1, str(o), lang))
        elif role == "doc":
            docs.add((str(s), str(o)))
        elif role == "corpus" and o == _TRUE:
            corpus.add(str(s))
    return {"edges": sorted(edges), "types": sorted(ranks.items()), "labels": sorted(labels, key=str),
            "docs": sorted(docs), "corpus": sorted(corpus)}


def merge(parts: Iterable[Part]) -> nx.MultiDiGraph:
    """The view of the union of the documents whose parts these are (see `part`)."""
    names = list(NODE_TYPES.values())
    edges: set[tuple[str, str, str]] = set()
    ranks: dict[str, int] = {}
    labels: dict[str, set[tuple[int, str, str | None]]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    corpus: set[str] = set()
    for one in parts:
        edges.update(map(tuple, one["edges"]))  # type: ignore[arg-type]
        for node, rank in one["types"]:
            if rank < ranks.get(node, _LEGAL + 1):
                ranks[node] = rank
        for node, pred, value, lang in one["labels"]:
            labels[node].add((pred, value, lang))
        for node, doc in one["docs"]:
            docs[node].add(doc)
        corpus.update(one["corpus"])

    def kind(node: str) -> str | None:
        rank = ranks.get(node)
        if rank is None:
            return None
        return names[rank] if rank < _LEGAL else "document" if node in corpus else "legal"

    def label(node: str) -> str:
        mine = labels.get(node, set())
        for pred in (0, 1):
            values = [(v, lang) for p, v, lang in mine if p == pred]
            vi = [v for v, lang in values if lang == "vi"]
            if vi or values:
                return sorted(vi or [v for v, _ in values])[0]
        return node.rsplit("/", 1)[-1]

    def label_en(node: str) -> str | None:
        en = sorted(v for p, v, lang in labels.get(node, set()) if p == 0 and lang == "en")
        return en[0] if en else None

    nodes: dict[str, URIRef | None] = {}  # node -> its IRI in the view (None: untyped, not drawn)
    attrs: list[tuple[URIRef, dict[str, str]]] = []

    def drawn(n: str) -> URIRef | None:
        if n in nodes:
            return nodes[n]
        what = kind(n)
        iri = None if what is None else URIRef(n)
        nodes[n] = iri
        if iri is not None and what is not None:
            data = {"label": label(n), "label_en": label_en(n) or label(n), "type": what, "iri": n}
            if n in docs:
                data["doc"] = min(docs[n])
            attrs.append((iri, data))
        return iri

    links = []
    for s, rel, o in sorted(edges):
        a = drawn(s)
        b = drawn(o) if a is not None else None
        if a is not None and b is not None:
            links.append((a, b, rel, {"relation": rel}))
    out = nx.MultiDiGraph()
    out.add_nodes_from(attrs)
    out.add_edges_from(links)
    return out


def dump(view: nx.MultiDiGraph) -> str:
    """The view as node-link JSON (kept in the workspace so the app need not rebuild it)."""
    import json

    return json.dumps(nx.node_link_data(view, edges="links"), ensure_ascii=False)


def load(text: str) -> nx.MultiDiGraph:
    """A view from `dump`'s JSON, with IRIs as rdflib URIRefs again."""
    import json

    data = json.loads(text)
    for node in data["nodes"]:
        node["id"] = URIRef(node["id"])
    for link in data["links"]:
        link["source"], link["target"] = URIRef(link["source"]), URIRef(link["target"])
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def ego(view: nx.MultiDiGraph, node: str, depth: int = 1, types: set[str] | None = None) -> nx.MultiDiGraph:
    """The neighbourhood of a node (both directions), optionally keeping only some node types."""
    focus = URIRef(node)
    keep = view if not types else view.subgraph(
        [n for n, d in view.nodes(data=True) if d["type"] in types or n == focus])
    return nx.ego_graph(keep.to_undirected(as_view=True), focus, radius=depth).copy() if focus in keep \
        else nx.MultiDiGraph()


def coordination(view: nx.MultiDiGraph) -> nx.Graph:
    """Agencies linked by the tasks they share (owner, lead, cooperating); weight = shared tasks."""
    out = nx.Graph()
    for task, data in view.nodes(data=True):
        if data["type"] != "task":
            continue
        agencies = sorted({o for _, o, d in view.out_edges(task, data=True)
                           if d["relation"] in ("owner", "lead", "cooperating")})
        for a in agencies:
            out.add_node(a, **view.nodes[a])
        for a, b in combinations(agencies, 2):
            weight = out.edges[a, b]["weight"] + 1 if out.has_edge(a, b) else 1
            out.add_edge(a, b, weight=weight)
    return out


def shortest_path(view: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    """Node IRIs on a shortest path between two nodes, ignoring direction ([] if none)."""
    try:
        return [str(n) for n in nx.shortest_path(view.to_undirected(as_view=True), URIRef(a), URIRef(b))]
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def centrality(view: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, str, float, float]]:
    """(iri, label, degree, betweenness) of the most central nodes, by degree."""
    simple = nx.Graph(view.to_undirected(as_view=True))
    degree = nx.degree_centrality(simple)
    between = nx.betweenness_centrality(simple, k=min(200, len(simple)), seed=7) if len(simple) > 2 else {}
    ranked = sorted(degree, key=lambda n: (-degree[n], str(n)))[:top]
    return [(str(n), simple.nodes[n]["label"], degree[n], between.get(n, 0.0)) for n in ranked]


def task_load(view: nx.MultiDiGraph, doc: str | None = None) -> Counter[str]:
    """Tasks owned per agency label (optionally in one document)."""
    counts: Counter[str] = Counter()
    for task, agency, data in view.edges(data=True):
        if data["relation"] == "owner" and (doc is None or view.nodes[task].get("doc") == doc):
            counts[view.nodes[agency]["label"]] += 1
    return counts
