"""Choosing the piece of the graph to export, and writing it in the asked format."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from extract.errors import PolicyKGError
from extract.rows import TargetRow, TaskRow
from graph import answers
from graph.namespace import ID
from graph.queries import QUERIES
from graph.store import MemoryStore
from policykg import export, tables
from policykg.briefing import briefing
from policykg.ui.i18n import Lang
from policykg.ui.network import focus_on, search
from policykg.workspace import graph_file
from policykg.workspace import view as workspace_view


def _looks_like_iri(text: str) -> bool:
    """An IRI has a scheme and no spaces; a name ("Bộ Kế hoạch và Đầu tư") is searched, never made an IRI."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S+$", text))


def select(view: nx.MultiDiGraph, store: MemoryStore, focus: str | None = None, depth: int = 1,
           doc: str | None = None, query_name: str | None = None) -> set[str]:
    """Node IRIs of a selection."""
    if focus:
        iri = focus if _looks_like_iri(focus) and URIRef(focus) in view else next(
            (n for n, _, _ in search(view, focus, 1)), None) or _doc_iri(view, focus, store.graph)
        if iri is None:
            raise PolicyKGError(f"nothing in the graph matches '{focus}'.")
        return {str(n) for n in focus_on(view, iri, depth).nodes}
    if doc:
        iri = _doc_iri(view, doc, store.graph)
        if iri is None:
            raise PolicyKGError(f"no document '{doc}'; see 'policykg docs'.")
        own = {n for n, d in view.nodes(data=True) if d.get("doc") == iri} | {URIRef(iri)}
        near = {m for n in own for m in nx.all_neighbors(view, n)
                if view.nodes[m]["type"] in ("agency", "legal", "indicator", "section")}
        return {str(n) for n in own | near}
    if query_name not in QUERIES or QUERIES[query_name].params:
        plain = ", ".join(sorted(n for n, q in QUERIES.items() if not q.params))
        raise PolicyKGError(f"--query takes one of: {plain}")
    rows = QUERIES[query_name].run(store).rows
    return {v for row in rows for v in row if v and URIRef(v) in view}


def _doc_iri(view: nx.MultiDiGraph, doc: str, graph: Graph | None = None) -> str | None:
    """A corpus document's IRI from its id ("000"), or a legal document's from its id."""
    if graph is not None:
        for s in graph.subjects(DCTERMS.identifier, Literal(doc)):
            return str(s)
    for n, d in view.nodes(data=True):
        if d["type"] in ("document", "legal") and str(n).rsplit("/", 1)[-1] == doc:
            return str(n)
    return None


def export_selection(workspace: Path, fmt: str, out: Path, *, focus: str | None = None, depth: int = 1,
                     doc: str | None = None, query_name: str | None = None, force: bool = False) -> Path:
    """Select, then write the export; returns the path written."""
    content = render(workspace, fmt, focus=focus, depth=depth, doc=doc, query_name=query_name)
    return export.write(out, content, force)


def render(workspace: Path, fmt: str, *, focus: str | None = None, depth: int = 1, doc: str | None = None,
           query_name: str | None = None) -> str | bytes:
    """The export of a selection, as text or bytes (docx)."""
    if fmt not in export.FORMATS:
        raise PolicyKGError(f"--format must be one of {', '.join(export.FORMATS)}, not '{fmt}'.")
    graph = Graph().parse(graph_file(workspace), format="nt")
    view = workspace_view(workspace)
    store = MemoryStore(graph)
    nodes = select(view, store, focus, depth, doc, query_name)
    sub = view.subgraph([URIRef(n) for n in nodes]).copy()
    if fmt in ("ttl", "jsonld"):
        rdf = export.rdf_subgraph(graph, nodes)
        return rdf.serialize(format="turtle" if fmt == "ttl" else "json-ld")
    if fmt == "graphml":
        return export.graphml_text(sub)
    return render_nodes(workspace, fmt, nodes, focus or doc or query_name or "policykg")


def preview(view: nx.MultiDiGraph, tasks: list[TaskRow], targets: list[TargetRow],
            nodes: set[str], drafts: bool = False) -> dict[str, Any]:
    """What an export of these nodes will hold, without building it: tasks, target count, source documents."""
    draft_docs = _draft_docs(view)
    ids = {n.rsplit("/", 1)[-1] for n in nodes}
    chosen = [t for t in tasks if t["id"] in ids and (drafts or t["doc"] not in draft_docs)]
    n_targets = sum(1 for t in targets if t["id"] in ids and (drafts or t["doc"] not in draft_docs))
    docs = {t["doc"] for t in chosen} | {t["doc"] for t in targets if t["id"] in ids}
    return {"tasks": chosen, "targets": n_targets, "docs": sorted(docs)}


def _draft_docs(view: nx.MultiDiGraph) -> set[str]:
    """Ids of draft corpus documents (the view marks them with their draftOf edge)."""
    return {str(u).rsplit("/", 1)[-1] for u, _v, d in view.edges(data=True) if d["relation"] == "draft of"}


def render_nodes(workspace: Path, fmt: str, nodes: set[str], title: str, drafts: bool = False) -> str | bytes:
    """The export of a set of node IRIs (e.g. the current network view)."""
    from graph.names import document_names

    if fmt not in export.FORMATS:
        raise PolicyKGError(f"--format must be one of {', '.join(export.FORMATS)}, not '{fmt}'.")
    view = workspace_view(workspace)
    if fmt in ("ttl", "jsonld"):
        graph = Graph().parse(graph_file(workspace), format="nt")
        rdf = export.rdf_subgraph(graph, nodes)
        return rdf.serialize(format="turtle" if fmt == "ttl" else "json-ld")
    sub = view.subgraph([URIRef(n) for n in nodes if URIRef(n) in view]).copy()
    if fmt == "graphml":
        return export.graphml_text(sub)
    store = MemoryStore(Graph().parse(graph_file(workspace), format="nt"))
    docs = answers.docs(store)
    refs = answers.refs(store)
    names = document_names(docs, refs, answers.passages(store))
    if fmt == "html":
        return export.html_text(sub, title, names, docs)
    ids = {n.rsplit("/", 1)[-1] for n in nodes}
    draft_ids = {d["id"] for d in docs if d["status"] == "draft"}
    tasks = [t for t in answers.tasks(store) if t["id"] in ids and (drafts or t["doc"] not in draft_ids)]
    if fmt in export.TABLES:
        return tables.task_table(tasks, lambda d: names[d].short if d in names else d, fmt, sheet=title)
    targets = [t for t in answers.targets(store) if t["id"] in ids and (drafts or t["doc"] not in draft_ids)]
    return briefing(title, tasks, targets, refs, names, docs)


_SUBGRAPH = """CONSTRUCT { ?n ?p ?o . ?o ?ap ?ao . ?ao ?tp ?to . ?to ?sp ?so }
WHERE { VALUES ?n { %s } ?n ?p ?o .
  OPTIONAL { FILTER(?p IN (prov:wasDerivedFrom, pkg:passage)) ?o ?ap ?ao .
    OPTIONAL { FILTER(?ap = oa:hasTarget) ?ao ?tp ?to .
      OPTIONAL { FILTER(?tp = oa:hasSelector) ?to ?sp ?so } } } }"""


def rdf_from_store(store: Any, nodes: set[str]) -> Graph:
    """The same triples as `export.rdf_subgraph`, read from an in-memory Oxigraph store (no file parsed)."""
    import pyoxigraph as ox

    from graph.namespace import PREFIXES
    from graph.queries import PREFIX_BLOCK

    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    iris = sorted(nodes)
    for start in range(0, len(iris), 500):
        values = " ".join(f"<{n}>" for n in iris[start:start + 500] if ">" not in n)
        triples = store.store.query(PREFIX_BLOCK + _SUBGRAPH % values)
        out.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return out


def render_corpus(corpus: Any, fmt: str, nodes: set[str], title: str, drafts: bool = False,
                  lang: Lang = "vi") -> str | bytes:
    """The export of a set of node IRIs from what the explorer already holds (no graph file parsed); the task
    table's headers and words in the reader's language."""
    if fmt not in export.FORMATS:
        raise PolicyKGError(f"format must be one of {', '.join(export.FORMATS)}, not '{fmt}'.")
    if fmt in ("ttl", "jsonld"):
        return rdf_from_store(corpus.store, nodes).serialize(format="turtle" if fmt == "ttl" else "json-ld")
    if fmt in export.TABLES:
        draft_ids = {d["id"] for d in corpus.docs if d["status"] == "draft"}
        chosen = [t for t in _tasks_of(corpus, nodes) if drafts or t["doc"] not in draft_ids]
        return tables.task_table(chosen, lambda d: corpus.short(d, lang), fmt, lang, sheet=title)
    view = corpus.view
    sub = view.subgraph([URIRef(n) for n in nodes if URIRef(n) in view]).copy()
    if fmt == "graphml":
        return export.graphml_text(sub)
    if fmt == "html":
        return export.html_text(sub, title, corpus.names, corpus.docs)
    ids = {n.rsplit("/", 1)[-1] for n in nodes}
    draft_ids = {d["id"] for d in corpus.docs if d["status"] == "draft"}
    tasks = [t for t in corpus.tasks if t["id"] in ids and (drafts or t["doc"] not in draft_ids)]
    targets = [t for t in corpus.targets if t["id"] in ids and (drafts or t["doc"] not in draft_ids)]
    return briefing(title, tasks, targets, corpus.refs, corpus.names, corpus.docs)


def _tasks_of(corpus: Any, nodes: set[str]) -> list[TaskRow]:
    """The tasks among some node IRIs: from the explorer's task table, or (a large corpus) read by key."""
    prefix = str(ID["task/"])
    keys = sorted(n for n in nodes if n.startswith(prefix))
    if not keys:
        return []
    if corpus.large:
        return answers.tasks(corpus.store, keys=keys)
    ids = {k[len(prefix):] for k in keys}
    return [t for t in corpus.tasks if t["id"] in ids]
