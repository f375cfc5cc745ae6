"""A workspace keeps one corpus's graph: build it once, then open it in a store to query."""

from __future__ import annotations

import json
import pickle
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from extract.errors import PolicyKGError
from extract.paths import BUNDLED
from graph.store import GRAPH_FILE, OX_DIR, STORES, MemoryStore, OxigraphStore, Store
from policykg.files import write_atomic, write_bytes_atomic

SUMMARY = "build.json"
VIEW = "view.json"
FACTS = "facts.pickle"
DEFAULT = Path("workspace")


@dataclass(frozen=True)
class Summary:
    corpus: str
    documents: int
    agencies: int
    tasks: int
    references: int
    targets: int
    observations: int
    triples: int
    conforms: bool
    seconds: float

    def line(self) -> str:
        return (f"documents {self.documents}, agencies {self.agencies}, tasks {self.tasks}, "
                f"references {self.references}, targets {self.targets}, observations {self.observations}, "
                f"triples {self.triples}, seconds {self.seconds}")


def build(corpus: Path = BUNDLED, workspace: Path = DEFAULT,
          on_doc: Callable[[Path], None] | None = None) -> Summary:
    """Extract the corpus, build and validate its graph, and store it in the workspace."""
    from extract.pipeline import corpus_files, extract_corpus  # spaCy loads only when building

    corpus_files(corpus)  # fails early, with a clear message, on a bad folder
    start = time.perf_counter()
    facts = extract_corpus(corpus, on_doc=on_doc)
    return _store(facts, workspace, str(corpus.resolve()), start)


def add(path: Path, workspace: Path = DEFAULT, meta: dict[str, str] | None = None) -> Summary:
    """Add one document: only it is extracted; the graph is rebuilt from the stored facts.

    Nothing in the workspace changes unless the new document was read, extracted and built.
    """
    from extract.agencies import slug
    from extract.pipeline import extract_text, meta_from_text
    from extract.readers import read

    text = read(path)  # a bad file stops here, with the workspace untouched
    ensure(workspace)
    start = time.perf_counter()
    facts = _facts(workspace)
    taken = {d.meta.id for d in facts.docs}
    doc_id = (meta or {}).get("id") or slug(path.stem)[:40] or "doc"
    base, k = doc_id, 2
    while doc_id in taken:
        doc_id, k = f"{base}-{k}", k + 1
    facts.docs.append(extract_text(text, meta_from_text(doc_id, path.name, text, meta or {})))
    return _store(facts, workspace, str(path.resolve()), start)


def _facts(workspace: Path) -> Any:
    path = workspace / FACTS
    if not path.exists():  # a workspace from before facts were kept: rebuild its bundled corpus
        from extract.pipeline import extract_corpus

        return extract_corpus(BUNDLED)
    with path.open("rb") as f:
        return pickle.load(f)  # the workspace's own cache, written by _store below


def _store(facts: Any, workspace: Path, source: str, start: float) -> Summary:
    """Build, validate and save the graph, view, facts and summary (each written atomically)."""
    from graph.build import build_graph
    from graph.validate import validate
    from graph.views import dump, to_networkx

    graph = build_graph(facts)
    report = validate(graph)
    view = dump(to_networkx(graph))  # everything is computed before the first file is replaced
    save(graph, workspace)
    write_atomic(workspace / VIEW, view)
    write_bytes_atomic(workspace / FACTS, pickle.dumps(facts))
    agencies = {m.agency if m.agency != "group" else m.text.lower() for d in facts.docs for m in d.mentions}
    summary = Summary(
        corpus=source, documents=len(facts.docs), agencies=len(agencies),
        tasks=sum(len(d.tasks) for d in facts.docs),
        references=len({r.id for d in facts.docs for r in d.refs}),
        targets=sum(len(d.targets) for d in facts.docs),
        observations=sum(len(d.observations) for d in facts.docs), triples=len(graph),
        conforms=report.conforms, seconds=round(time.perf_counter() - start, 2))
    write_atomic(workspace / SUMMARY, json.dumps(asdict(summary), ensure_ascii=False, indent=1))
    if not report.conforms:
        write_atomic(workspace / "shacl-report.txt", report.text)
    return summary


def _existing(workspace: Path) -> None:
    """A workspace other than the default must have been built first."""
    if not workspace.exists() and workspace != DEFAULT:
        raise PolicyKGError(f"{workspace}: no such workspace; run 'policykg --workspace {workspace} build'.")


def ensure(workspace: Path = DEFAULT) -> None:
    """Build the bundled corpus into the workspace if it has no graph yet."""
    if not (workspace / GRAPH_FILE).exists():
        build(BUNDLED, workspace)


def open_workspace(workspace: Path = DEFAULT, store: str = "memory") -> Store:
    """The workspace's graph in a store, built from the bundled corpus on first use."""
    _existing(workspace)
    ensure(workspace)
    return open_store(workspace, store)


def open_explorer(workspace: Path = DEFAULT) -> tuple[Store, Any]:
    """What the app needs, fast: the graph in an in-memory Oxigraph and the saved networkx view."""
    from graph.store import OxigraphStore
    from graph.views import dump, load, to_networkx

    _existing(workspace)
    ensure(workspace)
    store = OxigraphStore()
    store.store.load(path=str(workspace / GRAPH_FILE), format=ox_format())
    view_path = workspace / VIEW
    if view_path.exists():
        view = load(view_path.read_text(encoding="utf-8"))
    else:
        from rdflib import Graph

        view = to_networkx(Graph().parse(workspace / GRAPH_FILE, format="nt"))
        write_atomic(view_path, dump(view))
    return store, view


def ox_format() -> Any:
    import pyoxigraph

    return pyoxigraph.RdfFormat.N_TRIPLES


def save(graph: Graph, workspace: Path) -> Path:
    """Persist the graph in the workspace as N-Triples (written to a temporary file, then renamed)."""
    path = workspace / GRAPH_FILE
    write_atomic(path, graph.serialize(format="nt"))
    ox_dir = workspace / OX_DIR
    if ox_dir.exists():
        shutil.rmtree(ox_dir)  # rebuilt from graph.nt on next use
    return path


def open_store(workspace: Path, kind: str = "memory") -> Store:
    """The workspace's graph in the chosen store."""
    path = workspace / GRAPH_FILE
    if not path.exists():
        raise PolicyKGError(f"{workspace}: no graph yet; run 'policykg build' first.")
    if kind == "memory":
        return MemoryStore(Graph().parse(path, format="nt"))
    if kind == "oxigraph":
        ox_dir = workspace / OX_DIR
        fresh = not ox_dir.exists()
        store = OxigraphStore(ox_dir)
        if fresh:
            store.load_ntriples(path)
        return store
    raise PolicyKGError(f"unknown store '{kind}'; choose one of: {', '.join(STORES)}.")
