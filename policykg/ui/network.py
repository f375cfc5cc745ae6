"""The explorer's network: filter and focus a networkx view, lay it out with pyvis, draw it offline.

pyvis builds the nodes, edges and options (`Network.get_network_data()`); its HTML template is not
used because it loads Bootstrap from a CDN. The page draws the data with the vis-network script and
stylesheet shipped inside the pyvis package. Labels are drawn on a canvas and tooltips are plain
text in vis-network 9, so document text never becomes markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from policykg.ui.i18n import Lang, tr, word

if TYPE_CHECKING:
    from policykg.ui.store_view import Bounded

VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
NODE_CAP = 400
DETAILS_ROWS = 200  # relations and passages read for the details panel (it shows 40 and 12)
STYLE: dict[str, dict[str, Any]] = {
    "agency": {"color": "#2f6fb0", "shape": "square", "glyph": "■"},
    "document": {"color": "#2e9e5b", "shape": "star", "glyph": "★"},
    "legal": {"color": "#8a56c2", "shape": "diamond", "glyph": "◆"},
    "task": {"color": "#f0a030", "shape": "dot", "glyph": "●"},
    "target": {"color": "#d64545", "shape": "triangle", "glyph": "▲"},
    "observation": {"color": "#e87fb0", "shape": "triangleDown", "glyph": "▼"},
    "section": {"color": "#9a9a9a", "shape": "dot", "glyph": "●"},
    "indicator": {"color": "#1a9c9c", "shape": "hexagon", "glyph": "⬢"},
    "topic": {"color": "#7a7a2a", "shape": "ellipse", "glyph": "⬭"},
}
LABEL_SIZE = {"agency": 24, "document": 26, "legal": 22}  # canvas px; the rest 16
OVERVIEW_AGENCIES = 45
RELATIONS = sorted(set(EDGES.values()))


@dataclass
class NetworkData:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    total: int = 0
    truncated: bool = False
    message: str = ""
    legend: list[dict[str, str]] = field(default_factory=list)
    more: bool = False  # a focus cut to its first pages: the page offers to show more
    more_label: str = "net.more"  # the words of that button (i18n key)
    focus: str = ""  # the node the view is about: the layout starts from it

    def payload(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges, "options": self.options, "legend": self.legend,
                "focus": self.focus}


def short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def wrap(text: str, width: int = 18, lines: int = 3) -> str:
    """A label on a few short lines, cut with an ellipsis (the full text is on hover)."""
    out: list[str] = []
    line = ""
    for w in " ".join(text.split()).split(" "):
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
            if len(out) == lines:
                break
        else:
            line = f"{line} {w}".strip()
    else:
        out.append(line)
        return "\n".join(out)
    out[-1] = out[-1].rstrip(",;:") + "…"
    return "\n".join(out)


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
    near: set[Any] | None = None
    if docs:  # exact: the documents' own nodes, and the agencies, indicators and acts they touch
        own = {n for n, d in view.nodes(data=True) if d.get("doc") in docs or str(n) in docs}
        near = own | {m for n in own for m in nx.all_neighbors(view, n) if not view.nodes[m].get("doc")}
    for n, d in view.nodes(data=True):
        if types and d["type"] not in types:
            continue
        if near is not None and n not in near:
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
    if len(nearby) == view.number_of_nodes():  # a piece already cut to it (a large corpus's, from the store)
        return view
    return view.subgraph(nearby)


@dataclass(frozen=True)
class Labels:
    """How nodes are named and marked: language, documents' short names, drafts."""

    lang: Lang = "vi"
    names: dict[str, str] = field(default_factory=dict)  # iri -> short name (documents)
    drafts: frozenset[str] = frozenset()  # iris of draft documents and their facts

    def of(self, n: Any, d: dict[str, Any]) -> str:
        iri = str(n)
        if iri in self.names:
            return self.names[iri]
        if self.lang == "en" and d.get("label_en"):
            return str(d["label_en"])
        return str(d["label"])

    def draft(self, n: Any, d: dict[str, Any]) -> bool:
        return str(n) in self.drafts or d.get("doc") in self.drafts


def _options(physics: bool, count: int, tree: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nodes": {"font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  # labels follow the zoom, up to 24 px on screen; under 7 px they are unreadable and
                  # not drawn (hover still names the node) until the reader zooms in
                  "scaling": {"min": 10, "max": 40, "label": {"enabled": True, "min": 24, "max": 40,
                                                               "drawThreshold": 7, "maxVisible": 24}}},
        "edges": {"font": {"size": 10, "align": "middle"}, "smooth": False, "color": {"color": "#a8a8a8"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        # vis's "improved layout" clusters with Kamada-Kawai first: seconds past ~100 nodes
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if tree:
        options["layout"]["hierarchical"] = {"enabled": True, "direction": "LR", "sortMethod": "directed",
                                             "levelSeparation": 260, "nodeSpacing": 70}
        options["physics"] = {"enabled": False}
        return options
    options["physics"] = {
        "enabled": physics, "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -160, "centralGravity": 0.012, "springLength": 130,
                             "springConstant": 0.04, "avoidOverlap": 1},
        "stabilization": {"enabled": True, "fit": True, "iterations": 150 if count <= 150 else 60}}
    return options


def legend(types: set[str], lang: Lang, any_draft: bool) -> list[dict[str, str]]:
    """The legend: exactly the colours and shapes the drawn nodes use, for the types drawn."""
    items = [{"label": word("node", t, lang), "color": STYLE[t]["color"], "glyph": STYLE[t]["glyph"]}
             for t in STYLE if t in types]
    if any_draft:
        items.append({"label": tr("legend.draft", lang), "color": "#555", "glyph": "┅"})
    return items


def _label(full: str, draft: bool, lang: Lang) -> str:
    """The wrapped label; a draft's mark on a line of its own, never cut off by the ellipsis."""
    mark = " " + tr("doc.draft", lang)
    if draft and full.endswith(mark):
        return wrap(full.removesuffix(mark), lines=2) + "\n" + mark.strip()
    return wrap(full)


def _node(net: Network, n: Any, d: dict[str, Any], labels: Labels, focus: str | None, value: int | None = None,
          extra: str = "", important: bool = True) -> None:
    style = STYLE.get(d["type"], STYLE["topic"])
    full = labels.of(n, d)
    draft = labels.draft(n, d)
    kind = word("node", d["type"], labels.lang)
    attrs: dict[str, Any] = {
        "label": _label(full, draft, labels.lang), "title": f"{kind}: {full}{extra}", "shape": style["shape"],
        "color": {"background": "#ffffff" if draft else style["color"], "border": style["color"],
                  "highlight": {"background": style["color"], "border": "#222"}},
        "borderWidth": 4 if str(n) == focus else (3 if draft else 1),
        "shapeProperties": {"borderDashes": [6, 4] if draft else False},
        # named at the default zoom whatever the view's size (the page enlarges these labels to fit the zoom)
        "important": important,
    }
    if value is not None:
        attrs["value"] = value
    else:  # the focus and the nodes a view is about keep a label readable when many small ones fade out
        attrs["size"] = 26 if str(n) == focus else 14
        attrs["font"] = {"size": 30 if str(n) == focus else LABEL_SIZE.get(d["type"], 16)}
    net.add_node(str(n), **attrs)


NAMED = 24  # labels that fit the frame readable at once; the other nodes are named on hover or when zoomed in
NAMED_TYPES = ("agency", "document", "legal", "section")  # a section: what a document's focus is drawn by


def _named(degree: dict[Any, int], nodes: list[tuple[Any, dict[str, Any]]], focus: str | None) -> set[Any]:
    """The nodes named at the default zoom: the focus and the best-connected agencies and documents."""
    main = [n for n, d in nodes if d["type"] in NAMED_TYPES or len(nodes) <= NAMED]
    main.sort(key=lambda n: (str(n) != focus, -degree[n], str(n)))
    return set(main[:NAMED]) | {n for n, _ in nodes if str(n) == focus}


def network(view: nx.MultiDiGraph, focus: str | None = None, physics: bool = True, cap: int = NODE_CAP,
            labels: Labels | None = None, tree: bool = False) -> NetworkData:
    """Nodes, edges and options for vis-network, built with pyvis; capped with a clear message."""
    labels = labels or Labels()
    total = view.number_of_nodes()
    nodes = list(view.nodes(data=True))
    degree = dict(view.degree())  # once: on a filtered subgraph view each degree goes through the filters
    truncated = total > cap
    if truncated:  # keep the focus and the best-connected nodes
        nodes.sort(key=lambda nd: (str(nd[0]) != focus, -degree[nd[0]], str(nd[0])))
        nodes = nodes[:cap]
    kept = {n for n, _ in nodes}
    named = _named(degree, nodes, focus)
    net = Network(directed=True, cdn_resources="remote")
    for n, d in sorted(nodes, key=lambda nd: str(nd[0])):
        _node(net, n, d, labels, focus, important=n in named)
    seen = set()
    for u, v, d in view.edges(data=True):
        key = (str(u), str(v), d["relation"])
        if u in kept and v in kept and key not in seen:
            seen.add(key)
            rel = word("relation", d["relation"], labels.lang)
            net.add_edge(str(u), str(v), label=rel if len(kept) <= 40 else "", title=rel)
    node_list, edge_list, *_rest, _options_json = net.get_network_data()
    message = tr("net.truncated", labels.lang, total=total, cap=cap) if truncated else ""
    types = {d["type"] for _, d in nodes}
    drafts = any(labels.draft(n, d) for n, d in nodes)
    return NetworkData(node_list, edge_list, _options(physics, len(node_list), tree), total, truncated, message,
                       legend(types, labels.lang, drafts), focus=focus or "")


def is_overview(focus: str | None, types: set[str], relations: set[str]) -> bool:
    """A view state with nothing to expand is the overview (`policykg.ui.overview`, counted on the store)."""
    return not focus and not types and not relations


def build_view(view: nx.MultiDiGraph, focus: str | None, depth: int, types: set[str], doc_iris: set[str],
               agencies: set[str], relations: set[str], physics: bool, cap: int, labels: Labels,
               tree: bool = False, bound: Bounded | None = None) -> NetworkData:
    """The explorer's network for a view state other than the overview: filters, then focus and depth, then the cap;
    an agency's focus cut to its first pages (`bound`) says what it shows and offers more."""
    agency_iris = {str(n) for n, d in view.nodes(data=True) if d["type"] == "agency" and d["label"] in agencies}
    sub = filtered(view, types or None, doc_iris or None, relations or None, agency_iris or None)
    if bound is None or bound.kind == "agency":  # a document's piece is its outline: tasks are steps below it
        sub = focus_on(sub, focus, depth)
    net = network(sub, focus=focus, physics=physics, cap=cap, labels=labels, tree=tree)
    if bound is not None and focus and URIRef(focus) in view and bound.more:
        lang = labels.lang
        name = labels.of(focus, view.nodes[URIRef(focus)])
        counts = {"tasks": number(bound.tasks, lang), "total_tasks": number(bound.total_tasks, lang),
                  "docs": number(bound.docs, lang), "total_docs": number(bound.total_docs, lang)}
        cut = tr("net.focus.cut", lang, agency=name, **counts) if bound.kind == "agency" else \
            tr("net.doc.cut", lang, doc=name, **counts)
        net.message = f"{cut} {net.message}".strip()
        net.more = True
        net.more_label = "net.more" if bound.kind == "agency" else "net.more.sections"
    return net


def number(n: int, lang: Lang) -> str:
    """1476 -> "1.476" in Vietnamese, "1,476" in English."""
    return f"{n:,}".replace(",", ".") if lang == "vi" else f"{n:,}"


def view_nodes(view: nx.MultiDiGraph, focus: str | None, depth: int, types: set[str], doc_iris: set[str],
               agencies: set[str], relations: set[str]) -> set[str]:
    """The IRIs of the nodes a view other than the overview shows (for exporting "the current view")."""
    agency_iris = {str(n) for n, d in view.nodes(data=True) if d["type"] == "agency" and d["label"] in agencies}
    sub = filtered(view, types or None, doc_iris or None, relations or None, agency_iris or None)
    return {str(n) for n in focus_on(sub, focus, depth).nodes}


def search(view: nx.MultiDiGraph, text: str, limit: int = 10) -> list[tuple[str, str, str]]:
    """(iri, label, type) of nodes whose label or alias matches, with or without diacritics."""
    want = slug(text)
    if not want:
        return []
    agency = registry().resolve(text)
    exact_iri = str(ID["agency/" + agency.id]) if agency else None
    scored = []
    for n, d in view.nodes(data=True):
        rank = match_rank(slug(d["label"]), want, str(n) == exact_iri)
        if rank is not None:
            scored.append((rank, d["type"] != "agency", len(d["label"]), str(n), d["label"], d["type"]))
    return [(iri, label, kind) for *_, iri, label, kind in sorted(scored)[:limit]]


def match_rank(key: str, want: str, exact: bool = False) -> int | None:
    """How well a folded label matches a folded search: 0 the same (or the agency an abbreviation
    names), 1 it starts so, 2 it holds it, None not at all."""
    if exact or key == want:
        return 0
    if key.startswith(want):
        return 1
    return 2 if want in key else None


@dataclass(frozen=True)
class Details:
    iri: str
    type: str
    label_vi: str
    label_en: str | None
    relations: list[tuple[str, str, str, str]]  # (direction, relation, other label, other iri)
    evidence: list[tuple[str, str, str]]  # (document iri, section, quote)


_OUT = """SELECT ?p ?o ?olabel ?lang WHERE {
  ?node ?p ?o .
  BIND(LANG(?o) AS ?lang)
  OPTIONAL { ?o skos:prefLabel|rdfs:label ?olabel FILTER(LANG(?olabel) = "" || LANG(?olabel) = "vi") }
}"""
_IN = """SELECT ?s ?p ?slabel WHERE {
  ?s ?p ?node . OPTIONAL { ?s skos:prefLabel|rdfs:label ?slabel FILTER(LANG(?slabel) = "" || LANG(?slabel) = "vi") }
}"""
_EVIDENCE = """SELECT DISTINCT ?d ?section ?quote WHERE {
  { ?node prov:wasDerivedFrom ?ann } UNION { ?m pkg:agent ?node ; prov:wasDerivedFrom ?ann }
  UNION { ?c pkg:cited ?node ; prov:wasDerivedFrom ?ann }
  ?ann oa:hasTarget ?t ; pkg:inSection ?sec . ?sec eli:id_local ?section .
  ?t oa:hasSource ?d ; oa:hasSelector ?sel . ?sel oa:exact ?quote .
}"""
_TYPES = {str(k): v for k, v in NODE_TYPES.items()}


def details(store: Store, iri: str, limit: int | None = None) -> Details | None:
    """Everything the panel shows for a node (type, labels, relations, evidence), on any store; at most `limit`
    relations towards it and passages (an agency of a large corpus has thousands: 0.7 s to read, and the panel
    shows a few dozen)."""
    cut = f" LIMIT {int(limit)}" if limit else ""
    out = store.query(PREFIX_BLOCK + _OUT, {"node": iri}).rows
    inc = store.query(PREFIX_BLOCK + _IN + cut, {"node": iri}).rows
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
                for d, sec, q in store.query(PREFIX_BLOCK + _EVIDENCE + cut, {"node": iri}).rows]
    name = sorted(vi)[0] if vi else (text or label or [iri.rsplit("/", 1)[-1]])[0]
    return Details(iri, kind or "other", name, sorted(en)[0] if en else None, sorted(set(rels)),
                   sorted(set(evidence)))


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(stylesheet, script) of vis-network from the pyvis package: nothing is fetched online."""
    return (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"), \
        (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")


COMPONENT_HTML = '<div class="pkg-wrap"><div class="pkg-net" data-testid="pkg-network"></div>' \
    '<div class="pkg-legend" data-testid="pkg-legend"></div></div>'
COMPONENT_CSS = """
.pkg-net { box-sizing: border-box; width: 100%; height: min(72vh, 720px); border: 1px solid #ddd; border-radius: 6px; }
.pkg-legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font: 13px sans-serif; margin-top: .3rem; }
.pkg-legend span.g { font-size: 16px; margin-right: .25rem; }
"""
_MODULE = """
function drawLegend(box, items) {
  if (!box) return;
  box.replaceChildren();
  for (const it of items || []) {  // textContent only: labels never become markup
    const item = document.createElement("span");
    const glyph = document.createElement("span");
    glyph.className = "g"; glyph.style.color = it.color; glyph.textContent = it.glyph;
    item.appendChild(glyph); item.appendChild(document.createTextNode(it.label));
    box.appendChild(item);
  }
}
function labelBoxes(network, pad) {
  // each node's box (its shape and, when drawn, its label), relative to its position. The label's size is the one
  // measured at the last drawing (call after a redraw): vis's own bounding box keeps the label as measured before the
  // zoom last changed it (a label scaled with its value grows and shrinks with the zoom), so boxes built from it
  // missed labels lying over other nodes
  const ids = network.body.data.nodes.getIds();
  const pos = network.getPositions(ids);
  const scale = network.getScale();
  return ids.map((id) => {
    const node = network.body.nodes[id], p = pos[id], size = node.options.size || 10;
    const w = (node.shape.width || 2 * size) / 2, h = (node.shape.height || 2 * size) / 2;
    const box = { id, x: p.x, y: p.y, l: -w - pad, r: w + pad, t: -h - pad, b: h + pad };
    const s = node.labelModule.size;
    if (node.labelModule.fontOptions.size * scale >= 6 && s && s.width) {  // under 6 px a label is not drawn
      box.l = Math.min(box.l, s.left - node.x - pad); box.r = Math.max(box.r, s.left + s.width - node.x + pad);
      box.t = Math.min(box.t, s.top - node.y - pad); box.b = Math.max(box.b, s.top + s.height - node.y + pad);
    }
    return box;
  });
}
function fitBoxes(network) {
  // the view zoomed and centred so every node and its label is inside the frame (vis's fit() uses the stale boxes
  // too, and cut labels at the frame's edges); zooming changes no label's size on the canvas except to shrink it, so
  // labels apart stay apart
  network.redraw();
  const boxes = labelBoxes(network, 8);
  const frame = network.body.container;
  if (!boxes.length || !frame.clientWidth || !frame.clientHeight) return;
  let l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
  for (const x of boxes) {
    l = Math.min(l, x.x + x.l); r = Math.max(r, x.x + x.r); t = Math.min(t, x.y + x.t); b = Math.max(b, x.y + x.b);
  }
  const scale = Math.min(frame.clientWidth / Math.max(1, r - l), frame.clientHeight / Math.max(1, b - t), 1.5);
  network.moveTo({ position: { x: (l + r) / 2, y: (t + b) / 2 }, scale, animation: false });
  network.redraw();
}
function separateLabels(network) {
  // physics keeps nodes apart, not their labels: push overlapping boxes apart along the shorter
  // overlap until none is left (a few dozen rounds for a few hundred nodes). Each box is compared with those whose
  // left edge is before its right edge only (sweep and prune; every pair took ~0.25 s for 300 nodes under load); a
  // round that moves nothing ran on an exact order, so no overlap is left.
  const boxes = labelBoxes(network, 4);
  const order = boxes.map((_, i) => i);
  let any = false;
  for (let round = 0; round < 300; round++) {
    let moved = false;
    order.sort((p, q) => boxes[p].x + boxes[p].l - boxes[q].x - boxes[q].l);
    for (let k = 0; k < order.length; k++) {
      for (let m = k + 1; m < order.length; m++) {
        const i = Math.min(order[k], order[m]), j = Math.max(order[k], order[m]);
        const a = boxes[i], c = boxes[j];
        if (boxes[order[m]].x + boxes[order[m]].l >= boxes[order[k]].x + boxes[order[k]].r) break;
        const ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l);
        const oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) { const d = (a.x < c.x || (a.x === c.x && i < j) ? -1 : 1) * (ox / 2 + 0.5); a.x += d; c.x -= d; }
        else { const d = (a.y < c.y || (a.y === c.y && i < j) ? -1 : 1) * (oy / 2 + 0.5); a.y += d; c.y -= d; }
      }
    }
    if (!moved) break;
    any = true;
  }
  if (any) for (const b of boxes) network.moveNode(b.id, b.x, b.y);
  return any;  // whether a node moved
}
const READABLE = 12;  // px on screen: the labels of the nodes a view is about, at the zoom it is drawn at
function enlargeLabels(network) {  // fixed-size labels of important nodes grown to be readable at this zoom
  const scale = network.getScale();
  const nodes = network.body.data.nodes;
  const grown = [];
  nodes.forEach((n) => {
    if (!n.important || n.value !== undefined) return;  // sized by value: vis scales those labels itself
    const size = (n.font && n.font.size) || 16;
    const want = Math.min(200, Math.ceil(READABLE / scale));
    if (want > size) grown.push({ id: n.id, font: { size: want } });
  });
  if (grown.length) { nodes.update(grown); network.redraw(); }  // drawn: the labels' boxes are measured again
  return grown.length;
}
function settle(network) {  // once the layout is drawn: labels readable and apart, frozen, then fit the frame
  network.once("afterDrawing", () => {
    const start = performance.now();
    network.setOptions({ physics: { enabled: false } });
    const fixed = network.body.data.nodes.get({ filter: (n) => n.fixed }).map((n) => ({ id: n.id, fixed: false }));
    if (fixed.length) network.body.data.nodes.update(fixed);
    window.__pkgSettleAt = start;
    fitBoxes(network);
    for (let round = 0; round < 4; round++) {  // a larger label may push nodes apart and the fit zoom out
      const grown = enlargeLabels(network);
      network.redraw();  // labels measured as drawn at this zoom
      separateLabels(network);
      fitBoxes(network);
      if (!grown) break;
    }
    // apart once more at the final zoom, then all inside the frame; again while that moved anything (a label scaled
    // with its value and capped on screen grows on the canvas when the view zooms out)
    for (let round = 0; round < 3 && separateLabels(network); round++) fitBoxes(network);
    window.__pkgSeparateMs = performance.now() - start;
    network.once("afterDrawing", () => { window.__pkgStable = true; window.__pkgStableAt = performance.now(); });
    network.redraw();
  });
}
const KEPT = 0.7, HOLD = 0.3, SETTLE_ITERATIONS = 40, SEEDED_ITERATIONS = 60, GAP = 46;
function adjacency(nodes, edges) {
  const adj = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (adj.has(e.from) && adj.has(e.to) && e.from !== e.to) { adj.get(e.from).push(e.to); adj.get(e.to).push(e.from); }
  }
  return adj;
}
function seeded(pos, nodes, edges, focus, hold) {
  // where each node starts: a node already drawn where it is; the others on rings around the node that reached
  // them first (breadth first from the drawn nodes, else from the focus or the best-connected node), turned away
  // from where that one came from. The force layout then settles them in a few dozen iterations instead of
  // laying out from random places (~150).
  const adj = adjacency(nodes, edges);
  const at = new Map(), from = new Map();
  for (const n of nodes) if (pos[n.id]) at.set(n.id, { x: pos[n.id].x, y: pos[n.id].y });
  const queue = [...at.keys()];
  const start = () => {
    const left = nodes.filter((n) => !at.has(n.id));
    if (!left.length) return false;
    const busiest = (a, b) => (adj.get(b.id).length > adj.get(a.id).length ? b : a);
    const root = left.find((n) => n.id === focus) || left.reduce(busiest);
    let x = 0, y = 0;
    if (at.size) {  // another component: beside what is placed
      let right = -Infinity;
      for (const p of at.values()) { right = Math.max(right, p.x); y += p.y / at.size; }
      x = right + 4 * GAP * Math.sqrt(adj.get(root.id).length + 1);
    }
    at.set(root.id, { x, y });
    queue.push(root.id);
    return true;
  };
  if (!queue.length) start();
  for (;;) {
    while (queue.length) {
      const u = queue.shift(), p = at.get(u);
      const kids = adj.get(u).filter((v) => !at.has(v));
      if (!kids.length) continue;
      const back = from.get(u), q = back && at.get(back);
      const out = q ? Math.atan2(p.y - q.y, p.x - q.x) : 0;
      const arc = q ? Math.min(2 * Math.PI, Math.PI * (0.8 + kids.length / 12)) : 2 * Math.PI;
      const r = Math.max(3 * GAP, (kids.length * GAP) / arc);  // kids GAP apart along their arc
      kids.forEach((v, i) => {
        const a = out - arc / 2 + (arc * (i + 0.5)) / kids.length;
        at.set(v, { x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) });
        from.set(v, u);
        queue.push(v);
      });
    }
    if (!start()) break;
  }
  // when many are still drawn they stay where they are while the new ones settle around them (freed once settled);
  // a few held among hundreds new made the layout slower (300 nodes: 0.7-1.5 s -> 1.1-3.2 s under load)
  return nodes.map((n) => ({ ...n, ...at.get(n.id), ...(hold && pos[n.id] ? { fixed: { x: true, y: true } } : {}) }));
}
function placed(old, data) {
  // every node starts placed: those still drawn keep their places (a filter, a search, a page more), the new ones
  // near the nodes they link to; the layout settles them in 40-60 iterations instead of laying out from nothing
  const options = data.options;
  if (options.layout && options.layout.hierarchical) return [data.nodes, options];
  const pos = old ? old.getPositions() : {};
  const kept = data.nodes.filter((n) => pos[n.id]).length;
  const nodes = seeded(pos, data.nodes, data.edges, data.focus, kept >= HOLD * data.nodes.length);
  if (!options.physics || !options.physics.enabled) return [nodes, options];
  const iterations = kept >= KEPT * nodes.length ? SETTLE_ITERATIONS : SEEDED_ITERATIONS;
  const stabilization = { ...options.physics.stabilization, iterations };
  return [nodes, { ...options, physics: { ...options.physics, stabilization } }];
}
function draw({ data, parentElement, setStateValue }) {
  const root = parentElement.querySelector(".pkg-net");
  if (!root || !data) return;
  const call = root.__pkgCall = (root.__pkgCall || 0) + 1;
  if (typeof vis === "undefined") {  // the vis-network script is its own element (policykg_vis): wait for it
    const again = () => { if (root.__pkgCall === call) draw({ data, parentElement, setStateValue }); };
    window.addEventListener("pkg-vis", again, { once: true });
    return;
  }
  window.__pkgCalledAt = performance.now();
  window.__pkgCalls = (window.__pkgCalls || 0) + 1;
  drawLegend(parentElement.querySelector(".pkg-legend"), data.legend);
  const [nodes, options] = placed(root.__pkgNetwork, data);
  if (root.__pkgNetwork) { root.__pkgNetwork.destroy(); }  // data changed: the old network goes first
  const network = new vis.Network(root, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(data.edges) }, options);
  root.__pkgNetwork = network;
  window.__pkgNetwork = network;
  window.__pkgStable = false;
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", () => {
      window.__pkgIterationsDoneAt = performance.now();
      settle(network);
    });
  } else {
    settle(network);
  }
  network.once("afterDrawing", () => { window.__pkgDrawn = true; window.__pkgDrawnAt = performance.now(); });
  network.on("click", (params) => {
    if (params.nodes.length) { setStateValue("selected", { id: params.nodes[0] }); }
  });
}
export default function (args) { draw(args); }
"""
# the vis-network script as a component of its own: its element is the same on every rerun, so the browser keeps
# it (Streamlit's message cache) and a rerun sends only the network's data, not ~470 KB of script
_VIS_READY = """
window.dispatchEvent(new Event("pkg-vis"));
export default function () {}
"""


def _drawn_css(css: str) -> str:
    """The rules of vis-network's stylesheet the drawn network uses (its tooltip and overlay): the rest styles
    the navigation buttons, manipulation and configuration panels, which the explorer never shows (~200 KB)."""
    rules = re.findall(r"[^{}]+\{[^{}]*\}", css)
    return "".join(r for r in rules if re.search(r"\.vis-(tooltip|overlay|active)\b", r.split("{")[0]))


def component_code() -> tuple[str, str, str]:
    """(html, css, js) of the network component: the drawing module only; the vis UMD script, which defines
    `vis` globally, is the `vis_code` component."""
    css, _ = vis_assets()
    return COMPONENT_HTML, _drawn_css(css) + "\n" + COMPONENT_CSS, _MODULE


def vis_code() -> tuple[str, str, str]:
    """(html, css, js) of the component that loads the vis-network script once and tells the network it is there."""
    _, script = vis_assets()
    return "", "", script + "\n" + _VIS_READY


def offline_code() -> tuple[str, str]:
    """(css, script) of a page drawing a network offline (the HTML export): vis-network and the drawing helpers."""
    css, script = vis_assets()
    return css + "\n" + COMPONENT_CSS, script + "\n" + _MODULE.split("\nfunction draw(", 1)[0]
