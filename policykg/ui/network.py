"""The explorer's network: filter and focus a networkx view, lay it out with pyvis, draw it offline.

pyvis builds the nodes, edges and options (`Network.get_network_data()`); its HTML template is not
used because it loads Bootstrap from a CDN. The page draws the data with the vis-network script and
stylesheet shipped inside the pyvis package. Labels are drawn on a canvas and tooltips are plain
text in vis-network 9, so document text never becomes markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from extract.agencies import registry, slug
from graph.namespace import ELI, ID, PKG
from graph.queries import PREFIX_BLOCK
from graph.store import Store
from graph.views import EDGES, NODE_TYPES

VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
NODE_CAP = 400
STYLE: dict[str, dict[str, Any]] = {
    "agency": {"color": "#2f6fb0", "shape": "box", "label": "Cơ quan / Agency"},
    "task": {"color": "#f0a030", "shape": "dot", "label": "Nhiệm vụ / Task"},
    "legal": {"color": "#8a56c2", "shape": "diamond", "label": "Văn bản được trích dẫn / Cited document"},
    "document": {"color": "#2e9e5b", "shape": "star", "label": "Văn bản trong bộ / Corpus document"},
    "target": {"color": "#d64545", "shape": "triangle", "label": "Mục tiêu / Target"},
    "observation": {"color": "#e87fb0", "shape": "triangleDown", "label": "Kết quả / Observation"},
    "section": {"color": "#9a9a9a", "shape": "dot", "label": "Mục / Section"},
    "indicator": {"color": "#1a9c9c", "shape": "hexagon", "label": "Chỉ tiêu / Indicator"},
    "topic": {"color": "#7a7a2a", "shape": "ellipse", "label": "Chủ đề / Topic"},
}
RELATIONS = sorted(set(EDGES.values()))


@dataclass
class NetworkData:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    total: int = 0
    truncated: bool = False
    message: str = ""
    legend: list[tuple[str, str, str]] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges, "options": self.options}


def short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def filtered(view: nx.MultiDiGraph, types: set[str] | None = None, docs: set[str] | None = None,
             relations: set[str] | None = None, agencies: set[str] | None = None) -> nx.MultiDiGraph:
    """The view with only some node types, documents, relations, and tasks of some agencies."""
    if not (types or docs or relations or agencies):
        return view  # nothing to filter: no copy of the whole view on every rerun
    keep = []
    task_ok: set[Any] | None = None
    if agencies:
        task_ok = {t for t, a, d in view.edges(data=True)
                   if str(a) in agencies and d["relation"] in ("owner", "lead", "cooperating")}
    for n, d in view.nodes(data=True):
        if types and d["type"] not in types:
            continue
        if docs and d.get("doc") and d["doc"] not in docs:
            continue
        if task_ok is not None and d["type"] == "task" and n not in task_ok:
            continue
        keep.append(n)
    sub = view.subgraph(keep)
    if not relations:
        return sub.copy()
    out = nx.MultiDiGraph()
    out.add_nodes_from(sub.nodes(data=True))
    out.add_edges_from((u, v, k, d) for u, v, k, d in sub.edges(keys=True, data=True) if d["relation"] in relations)
    return out


def focus_on(view: nx.MultiDiGraph, node: str | None, depth: int) -> nx.MultiDiGraph:
    """The neighbourhood (both directions) of a node, or the whole view without one."""
    if not node or URIRef(node) not in view:
        return view
    nearby = nx.single_source_shortest_path_length(view.to_undirected(as_view=True), URIRef(node), cutoff=depth)
    return view.subgraph(nearby)


def network(view: nx.MultiDiGraph, focus: str | None = None, physics: bool = True, cap: int = NODE_CAP,
            english: bool = False, labels: dict[str, str] | None = None) -> NetworkData:
    """Nodes, edges and options for vis-network, built with pyvis; capped with a clear message."""
    total = view.number_of_nodes()
    nodes = list(view.nodes(data=True))
    truncated = total > cap
    if truncated:  # keep the focus and the best-connected nodes
        degree = dict(view.degree())
        nodes.sort(key=lambda nd: (str(nd[0]) != focus, -degree[nd[0]], str(nd[0])))
        nodes = nodes[:cap]
    kept = {n for n, _ in nodes}
    net = Network(directed=True, cdn_resources="remote")
    for n, d in sorted(nodes, key=lambda nd: str(nd[0])):
        style = STYLE.get(d["type"], STYLE["topic"])
        label = (labels or {}).get(str(n)) if english else None
        full = label or d["label"]
        net.add_node(str(n), label=short(full), title=f"{style['label']}\n{full}", color=style["color"],
                     shape=style["shape"], size=28 if str(n) == focus else 14,
                     borderWidth=4 if str(n) == focus else 1)
    seen = set()
    for u, v, d in view.edges(data=True):
        key = (str(u), str(v), d["relation"])
        if u in kept and v in kept and key not in seen:
            seen.add(key)
            net.add_edge(str(u), str(v), label=d["relation"], title=d["relation"], arrows="to")
    node_list, edge_list, *_rest, options_json = net.get_network_data()
    options = json.loads(options_json)
    options["physics"] = {"enabled": physics, "solver": "forceAtlas2Based",
                          "stabilization": {"enabled": True, "fit": True,
                                            "iterations": 80 if len(node_list) <= 150 else 40}}
    # vis's "improved layout" clusters with Kamada-Kawai first: seconds past ~100 nodes
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["edges"] = {"font": {"size": 9, "align": "middle"}, "smooth": False, "color": {"color": "#999"}}
    options["interaction"] = {"hover": True, "tooltipDelay": 150, "navigationButtons": False}
    message = (f"{total} nodes match; showing the {cap} best connected. Focus on a node or narrow the "
               f"filters to see the rest.") if truncated else ""
    legend = [(STYLE[t]["label"], STYLE[t]["color"], STYLE[t]["shape"]) for t in STYLE]
    return NetworkData(node_list, edge_list, options, total, truncated, message, legend)


def build_view(view: nx.MultiDiGraph, focus: str | None, depth: int, types: set[str], doc_titles: set[str],
               doc_ids: set[str], agencies: set[str], relations: set[str], physics: bool, cap: int,
               english: bool) -> NetworkData:
    """The explorer's network for a view state: filters, then focus and depth, then the cap."""
    agency_iris = {str(n) for n, d in view.nodes(data=True) if d["type"] == "agency" and d["label"] in agencies}
    doc_iris = {str(ID["doc/" + i]) for i in doc_ids}
    doc_iris |= {str(n) for n, d in view.nodes(data=True) if d["type"] == "document" and d["label"] in doc_titles}
    sub = filtered(view, types or None, doc_iris or None, relations or None, agency_iris or None)
    sub = focus_on(sub, focus, depth)
    labels = {str(n): d.get("label_en", "") for n, d in sub.nodes(data=True)}
    return network(sub, focus=focus, physics=physics, cap=cap, english=english, labels=labels)


def search(view: nx.MultiDiGraph, text: str, limit: int = 10) -> list[tuple[str, str, str]]:
    """(iri, label, type) of nodes whose label or alias matches, with or without diacritics."""
    want = slug(text)
    if not want:
        return []
    agency = registry().resolve(text)
    exact_iri = str(ID["agency/" + agency.id]) if agency else None
    scored = []
    for n, d in view.nodes(data=True):
        key = slug(d["label"])
        if str(n) == exact_iri or key == want:
            rank = 0
        elif key.startswith(want):
            rank = 1
        elif want in key:
            rank = 2
        else:
            continue
        scored.append((rank, d["type"] != "agency", len(d["label"]), str(n), d["label"], d["type"]))
    return [(iri, label, kind) for *_, iri, label, kind in sorted(scored)[:limit]]


@dataclass(frozen=True)
class Details:
    iri: str
    type: str
    label_vi: str
    label_en: str | None
    relations: list[tuple[str, str, str, str]]  # (direction, relation, other label, other iri)
    evidence: list[tuple[str, str, str]]  # (document, section, quote)


_OUT = """SELECT ?p ?o ?olabel ?lang WHERE {
  ?node ?p ?o .
  BIND(LANG(?o) AS ?lang)
  OPTIONAL { ?o skos:prefLabel|rdfs:label ?olabel FILTER(LANG(?olabel) = "" || LANG(?olabel) = "vi") }
}"""
_IN = """SELECT ?s ?p ?slabel WHERE {
  ?s ?p ?node . OPTIONAL { ?s skos:prefLabel|rdfs:label ?slabel FILTER(LANG(?slabel) = "" || LANG(?slabel) = "vi") }
}"""
_EVIDENCE = """SELECT DISTINCT ?doc ?section ?quote WHERE {
  { ?node prov:wasDerivedFrom ?ann } UNION { ?m pkg:agent ?node ; prov:wasDerivedFrom ?ann }
  UNION { ?c pkg:cited ?node ; prov:wasDerivedFrom ?ann }
  ?ann oa:hasTarget ?t ; pkg:inSection ?sec . ?sec eli:id_local ?section .
  ?t oa:hasSource ?d ; oa:hasSelector ?sel . ?sel oa:exact ?quote .
  ?d rdfs:label ?doc
}"""
_TYPES = {str(k): v for k, v in NODE_TYPES.items()}


def details(store: Store, iri: str) -> Details | None:
    """Everything the panel shows for a node (type, labels, relations, evidence), on any store."""
    out = store.query(PREFIX_BLOCK + _OUT, {"node": iri}).rows
    inc = store.query(PREFIX_BLOCK + _IN, {"node": iri}).rows
    if not out and not inc:
        return None
    edges = {str(k): v for k, v in EDGES.items()}
    vi: list[str] = []
    en: list[str] = []
    text: list[str] = []
    label: list[str] = []
    types: set[str] = set()
    rels: list[tuple[str, str, str, str]] = []
    for p, o, olabel, lang in out:
        if p == str(SKOS.prefLabel):
            (en if lang == "en" else vi).append(o or "")
        elif p == str(PKG.text):
            text.append(o or "")
        elif p == str(RDFS.label):
            label.append(o or "")
        elif p == str(RDF.type) and o:
            types.add(o)
        elif p in edges and o and o.startswith("http"):
            rels.append(("→", edges[p], olabel or o.rsplit("/", 1)[-1], o))
    for s, p, slabel in inc:
        if p in edges and s:
            rels.append(("←", edges[p], slabel or s.rsplit("/", 1)[-1], s))
    kind = next((_TYPES[t] for t in sorted(types) if t in _TYPES), None)
    if kind is None and str(ELI.LegalResource) in types:
        kind = "document" if any(p == str(PKG.inCorpus) for p, *_ in out) else "legal"
    evidence = [(d or "", sec or "", " ".join((q or "").split()))
                for d, sec, q in store.query(PREFIX_BLOCK + _EVIDENCE, {"node": iri}).rows]
    name = sorted(vi)[0] if vi else (text or label or [iri.rsplit("/", 1)[-1]])[0]
    return Details(iri, kind or "other", name, sorted(en)[0] if en else None, sorted(set(rels)),
                   sorted(set(evidence)))


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(stylesheet, script) of vis-network from the pyvis package: nothing is fetched online."""
    return (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"), \
        (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")


COMPONENT_HTML = '<div class="pkg-net" data-testid="pkg-network"></div>'
COMPONENT_CSS = ".pkg-net { width: 100%; height: 640px; border: 1px solid #ddd; border-radius: 6px; }"
_MODULE = """
export default function ({ data, parentElement, setStateValue }) {
  const root = parentElement.querySelector(".pkg-net");
  if (!root || !data) return;
  window.__pkgCalledAt = performance.now();
  if (root.__pkgNetwork) { root.__pkgNetwork.destroy(); }  // data changed: the old network goes first
  const network = new vis.Network(root, {
    nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }, data.options);
  root.__pkgNetwork = network;
  window.__pkgNetwork = network;
  window.__pkgStable = false;
  network.once("stabilizationIterationsDone", () => { window.__pkgStable = true; });
  network.once("afterDrawing", () => { window.__pkgDrawn = true; window.__pkgDrawnAt = performance.now(); });
  network.on("click", (params) => {
    if (params.nodes.length) { setStateValue("selected", { id: params.nodes[0] }); }
  });
}
"""


def component_code() -> tuple[str, str, str]:
    """(html, css, js) for `st.components.v2.component`: the vis UMD script defines `vis` globally."""
    css, script = vis_assets()
    return COMPONENT_HTML, css + "\n" + COMPONENT_CSS, script + "\n" + _MODULE
