"""Export exactly one piece of the graph for a briefing: ttl, jsonld, graphml, csv, xlsx, html or docx.

A selection is a set of node IRIs (a focus and its neighbourhood, a document's facts, or the rows
of a named query); the RDF export keeps the triples about those nodes and their evidence.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from extract.errors import PolicyKGError
from extract.rows import DocRow
from graph.namespace import OA, PKG, PREFIXES
from policykg.files import check_target, write_atomic, write_bytes_atomic

if TYPE_CHECKING:  # networkx and the network payload are imported when an export needs them (CLI start-up)
    import networkx as nx

FORMATS = ("ttl", "jsonld", "graphml", "csv", "xlsx", "html", "docx")
TABLES = ("csv", "xlsx")  # the task table (`policykg.tables`): one row per task and agency, not the graph's nodes


def safe_name(name: str) -> str:
    """A file name without path separators or odd characters ("../x y.ttl" -> "x_y.ttl")."""
    base = Path(name).name
    cleaned = re.sub(r"[^\w.\-]+", "_", base, flags=re.UNICODE).strip("._")
    if not cleaned:
        raise PolicyKGError(f"'{name}' is not a usable file name.")
    return cleaned


def rdf_subgraph(g: Graph, nodes: set[str]) -> Graph:
    """Triples about the selected nodes, plus their evidence annotations, selectors and targets."""
    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    keep = {URIRef(n) for n in nodes}
    for node in keep:
        for p, o in g.predicate_objects(node):
            out.add((node, p, o))
            if p in (PROV.wasDerivedFrom, PKG.passage):
                for ann_p, ann_o in g.predicate_objects(o):
                    out.add((o, ann_p, ann_o))  # type: ignore[arg-type]
                    if ann_p == OA.hasTarget:
                        for t_p, t_o in g.predicate_objects(ann_o):
                            out.add((ann_o, t_p, t_o))  # type: ignore[arg-type]
                            if t_p == OA.hasSelector:
                                for s_p, s_o in g.predicate_objects(t_o):
                                    out.add((t_o, s_p, s_o))  # type: ignore[arg-type]
    return out


def graphml_text(view: nx.MultiDiGraph) -> str:
    import networkx as nx

    clean = nx.MultiDiGraph()
    for n, d in view.nodes(data=True):
        clean.add_node(str(n), **{k: str(v) for k, v in d.items() if v is not None})
    for u, v, d in view.edges(data=True):
        clean.add_edge(str(u), str(v), relation=d["relation"])
    return "\n".join(nx.generate_graphml(clean))


def html_text(view: nx.MultiDiGraph, title: str, names: dict[str, Any] | None = None,
              docs: list[DocRow] | None = None) -> str:
    """One self-contained offline page with its legend, build date and source documents (vis-network
    inlined from the pyvis package, no CDN)."""
    from policykg.ui.network import Labels, network, offline_code

    names = names or {}
    docs = docs or []
    iri_names = {}
    for n, d in view.nodes(data=True):
        if d["type"] in ("document", "legal"):
            key = str(n).rsplit("/", 1)[-1]
            if key in names:
                iri_names[str(n)] = names[key].short
    drafts = frozenset(str(n) for n, d in view.nodes(data=True)
                       if d["type"] == "document" and names.get(str(n).rsplit("/", 1)[-1]) is not None
                       and names[str(n).rsplit("/", 1)[-1]].draft)
    data = network(view, physics=True, cap=max(1, view.number_of_nodes()), labels=Labels("vi", iri_names, drafts))
    css, script = offline_code()
    payload = json.dumps(data.payload(), ensure_ascii=False).replace("</", "<\\/")
    sources = sorted({str(d.get("doc")).rsplit("/", 1)[-1] for _, d in view.nodes(data=True) if d.get("doc")})
    source_names = [names[s].long if s in names else s for s in sources]
    items = "".join(f"<li>{html.escape(s)}</li>" for s in source_names)
    built = date.today().strftime("%d/%m/%Y")
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{css}\nbody {{ font-family: sans-serif; margin: 1rem; }} .pkg-net {{ height: 78vh; }}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>Lập ngày {built} · {view.number_of_nodes()} nút</p>
<div class="pkg-net"></div><div class="pkg-legend"></div>
<h2>Văn bản nguồn</h2><ul class="pkg-sources">{items}</ul>
<script>{script}</script>
<script>
const data = {payload};
drawLegend(document.querySelector(".pkg-legend"), data.legend);
const net = new vis.Network(document.querySelector(".pkg-net"),
  {{ nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }}, data.options);
window.__pkgNetwork = net;
</script></body></html>
"""


def write(out: Path, content: str | bytes, force: bool = False) -> Path:
    """Write an export under a sanitised name, never over an existing file unless asked."""
    path = out.parent / safe_name(out.name)
    check_target(path)
    if path.exists() and not force:
        raise PolicyKGError(f"{path} exists; pass --force to overwrite it.")
    if isinstance(content, bytes):
        write_bytes_atomic(path, content)
    else:
        write_atomic(path, content)
    return path
