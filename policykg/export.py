"""Export exactly one piece of the graph for a briefing: ttl, jsonld, graphml, csv, html or docx.

A selection is a set of node IRIs (a focus and its neighbourhood, a document's facts, or the rows
of a named query); the RDF export keeps the triples about those nodes and their evidence.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from extract.errors import PolicyKGError
from graph.namespace import OA, PKG, PREFIXES
from policykg.files import check_target, write_atomic, write_bytes_atomic
from policykg.ui.network import component_code, network

FORMATS = ("ttl", "jsonld", "graphml", "csv", "html", "docx")


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


def csv_text(view: nx.MultiDiGraph) -> str:
    """Nodes then edges in one CSV (column `kind` tells which)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["kind", "id", "label", "type", "source", "target", "relation"])
    for n, d in sorted(view.nodes(data=True), key=lambda nd: str(nd[0])):
        w.writerow(["node", str(n), d["label"], d["type"], "", "", ""])
    for u, v, d in view.edges(data=True):
        w.writerow(["edge", "", "", "", str(u), str(v), d["relation"]])
    return buf.getvalue()


def graphml_text(view: nx.MultiDiGraph) -> str:
    clean = nx.MultiDiGraph()
    for n, d in view.nodes(data=True):
        clean.add_node(str(n), **{k: str(v) for k, v in d.items() if v is not None})
    for u, v, d in view.edges(data=True):
        clean.add_edge(str(u), str(v), relation=d["relation"])
    return "\n".join(nx.generate_graphml(clean))


def html_text(view: nx.MultiDiGraph, title: str) -> str:
    """One self-contained offline page: vis-network inlined from the pyvis package, no CDN."""
    data = network(view, physics=True, cap=max(1, view.number_of_nodes())).payload()
    _, css, js = component_code()
    script = js.split("\nexport default function", 1)[0]
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{css}\nbody {{ font-family: sans-serif; margin: 1rem; }} .pkg-net {{ height: 85vh; }}</style></head>
<body><h1>{html.escape(title)}</h1><div class="pkg-net"></div>
<script>{script}</script>
<script>
const data = {payload};
const net = new vis.Network(document.querySelector(".pkg-net"),
  {{ nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }}, data.options);
window.__pkgNetwork = net;
</script></body></html>
"""


def docx_bytes(title: str, scope: str, tasks: list[dict[str, Any]], targets: list[dict[str, Any]],
               refs: list[dict[str, Any]]) -> bytes:
    """A briefing: scope, tasks by agency with role, targets with progress, legal basis, evidence."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    document.add_paragraph(scope)
    quotes: list[str] = []

    def cite(ev: dict[str, Any]) -> str:
        quotes.append(f"{ev['doc']} §{ev['section']}: “{' '.join(ev['quote'].split())}”")
        return f"[{len(quotes)}]"

    document.add_heading("Nhiệm vụ theo cơ quan / Tasks by agency", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Cơ quan", "Vai trò", "Nhiệm vụ", "Nguồn"), strict=True):
        cell.text = text
    for t in sorted(tasks, key=lambda t: (t["owner"], t["id"])):
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = t["owner"], t["owner_role"], t["text"], cite(
            t["evidence"])
    document.add_heading("Mục tiêu và tiến độ / Targets and progress", level=1)
    for t in targets:
        latest = t["observations"][-1] if t["observations"] else None
        progress = f"; mới nhất {latest['year']}: {latest['value']:g}" if latest else ""
        value = f"{t['comparator']} {t['value']:g} {t['unit'] or ''}" if t["value"] is not None else ""
        document.add_paragraph(f"{t['indicator_label']} ({t['year']}): {value}{progress} — {t['status']} "
                               f"{cite(t['evidence'])}", style="List Bullet")
    document.add_heading("Căn cứ pháp lý / Legal basis", level=1)
    for r in refs:
        document.add_paragraph(f"{r['id']} — {r['relation']} {cite(r['evidence'])}", style="List Bullet")
    document.add_heading("Trích dẫn / Evidence", level=1)
    for k, q in enumerate(quotes, 1):
        document.add_paragraph(f"[{k}] {q}")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


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
