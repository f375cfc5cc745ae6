"""A workspace keeps one corpus's graph: build it once, add documents, open it in a store to query.

Every write (build, add) is a transaction: under the workspace's lock it writes a whole new
generation (see `policykg.generations`) and switches to it atomically.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from extract.errors import PolicyKGError
from extract.paths import BUNDLED
from extract.records import DocumentFacts
from graph.remote import SparqlStore, is_remote
from graph.store import GRAPH_FILE, OX_DIR, STORES, MemoryStore, OxigraphStore, Store
from policykg import facts as factstore
from policykg.files import fault, write_atomic
from policykg.generations import begin, commit, current, writer

SUMMARY = "build.json"
VIEW = "view.json"
INDEX = "index.json"
FACTS_DIR = "facts"
REPORT = "shacl-report.txt"
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


@dataclass(frozen=True)
class Entry:
    """One stored document: its id, extraction key, content hash and legal identity."""

    id: str
    key: str
    hash: str
    number: str | None
    date: str | None
    source: str

    def same_document(self, other: Entry) -> bool:
        """The same text, or the same number and date."""
        return self.hash == other.hash or (bool(self.number and self.date)
                                          and (self.number, self.date) == (other.number, other.date))


@dataclass
class Stored:
    """A generation's documents, in corpus order, with their facts as read from the folder."""

    entries: list[Entry]
    folder: Path | None

    def facts(self, entry: Entry) -> DocumentFacts:
        assert self.folder is not None
        path = self.folder / FACTS_DIR / f"{entry.key}.json"
        if not path.exists():
            raise PolicyKGError(f"{path}: the facts of '{entry.id}' are missing; rebuild the workspace with "
                                "'policykg build --corpus FOLDER'.")
        return factstore.loads(path.read_text(encoding="utf-8"), str(path))[0]


def stored(workspace: Path) -> Stored:
    """The documents of the current generation (none for a workspace never built)."""
    gen = current(workspace)
    if gen is None:
        return Stored([], None)
    path = gen / INDEX
    if not path.exists():
        raise PolicyKGError(f"{path} is missing; rebuild the workspace with 'policykg build --corpus FOLDER'.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != factstore.FORMAT:
        raise PolicyKGError(f"{workspace}: written by another version of policykg; rebuild it with "
                            f"'policykg --workspace {workspace} build --corpus FOLDER'.")
    return Stored([Entry(**e) for e in data["docs"]], gen)


def _entry(facts: DocumentFacts, key: str) -> Entry:
    m = facts.meta
    return Entry(m.id, key, factstore.content_hash(facts.text), m.number, m.date, m.source)


def build(corpus: Path = BUNDLED, workspace: Path = DEFAULT,
          on_doc: Callable[[Path], None] | None = None) -> Summary:
    """Extract the corpus (documents unchanged since the last build are not extracted again), build and
    validate its graph, and make it the workspace's new generation."""
    from extract.pipeline import corpus_files, load_manifest, meta_from_text
    from extract.readers import read

    files = corpus_files(corpus)  # fails early, with a clear message, on a bad folder
    manifest = load_manifest(corpus)
    start = time.perf_counter()
    with writer(workspace):
        before = stored(workspace)
        known = {e.key: e for e in before.entries}
        docs: list[tuple[DocumentFacts, str]] = []
        for path in files:
            entry = manifest.get(path.name, {})
            text = read(path)
            key = factstore.extraction_key(text, entry)
            if key in known:
                docs.append((before.facts(known[key]), key))
            else:
                from extract.pipeline import extract_text

                meta = meta_from_text(entry.get("id") or path.stem, path.name, text, entry)
                docs.append((extract_text(text, meta), key))
            if on_doc:
                on_doc(path)
        fault("extracted")
        return _commit(workspace, docs, str(corpus.resolve()), start)


def add(path: Path, workspace: Path = DEFAULT, meta: dict[str, str] | None = None,
        replace: bool = False) -> Summary:
    """Add one document: only it is extracted; the workspace changes only if everything succeeds.

    The same document (same text, or same number and date) is refused unless `replace` is given,
    in which case it takes the place of the stored one.
    """
    from extract.agencies import slug
    from extract.pipeline import extract_text, meta_from_text
    from extract.readers import read

    if workspace.exists() and not workspace.is_dir():
        raise PolicyKGError(f"{workspace}: not a folder; give --workspace a folder.")
    text = read(path)  # a bad file stops here, with the workspace untouched
    given = meta or {}
    draft = meta_from_text(given.get("id") or slug(path.stem)[:40] or "doc", path.name, text, given)
    _duplicates(stored(workspace).entries, draft.number, draft.date, text, replace)  # fail before extracting
    start = time.perf_counter()
    facts = extract_text(text, draft)
    key = factstore.extraction_key(text, given)
    with writer(workspace):
        before = stored(workspace)
        same = _duplicates(before.entries, draft.number, draft.date, text, replace)
        kept = [e for e in before.entries if e not in same]
        doc_id = given.get("id") or (same[0].id if same else draft.id)
        base, k = doc_id, 2
        while doc_id in {e.id for e in kept}:
            doc_id, k = f"{base}-{k}", k + 1
        if doc_id != facts.meta.id:
            facts = extract_text(text, meta_from_text(doc_id, path.name, text, given))
        docs = [(before.facts(e), e.key) for e in kept] + [(facts, key)]
        fault("extracted")
        return _commit(workspace, docs, str(path.resolve()), start, before)


def _duplicates(entries: list[Entry], number: str | None, date: str | None, text: str,
                replace: bool) -> list[Entry]:
    """The stored entries that are this document; an error when there are some and `replace` is off."""
    new = Entry("", "", factstore.content_hash(text), number, date, "")
    same = [e for e in entries if e.same_document(new)]
    if same and not replace:
        what = "the same text" if same[0].hash == new.hash else f"the same number {number} and date {date}"
        raise PolicyKGError(f"'{same[0].id}' ({same[0].source}) is already in the workspace with {what}; "
                            "pass --replace to replace it.")
    return same


def _commit(workspace: Path, docs: list[tuple[DocumentFacts, str]], source: str, start: float,
            before: Stored | None = None) -> Summary:
    """Build, validate and write the next generation, then switch to it (call holding the lock)."""
    from extract.pipeline import Corpus
    from graph.build import build_graph
    from graph.validate import validate
    from graph.views import dump, to_networkx

    corpus = Corpus([d for d, _ in docs])
    graph = build_graph(corpus)
    report = validate(graph)
    tmp = begin(workspace)
    (tmp / FACTS_DIR).mkdir()
    for d, key in docs:
        _write_facts(tmp / FACTS_DIR / f"{key}.json", d, key, before)
    index = {"format": factstore.FORMAT, "docs": [asdict(_entry(d, key)) for d, key in docs]}
    write_atomic(tmp / INDEX, json.dumps(index, ensure_ascii=False, indent=1))
    fault("facts-written")
    write_atomic(tmp / GRAPH_FILE, graph.serialize(format="nt"))
    write_atomic(tmp / VIEW, dump(to_networkx(graph)))
    fault("graph-written")
    _load_oxigraph(tmp)
    fault("store-loaded")
    summary = _summary(corpus, graph, report.conforms, source, start)
    write_atomic(tmp / SUMMARY, json.dumps(asdict(summary), ensure_ascii=False, indent=1))
    if not report.conforms:
        write_atomic(tmp / REPORT, report.text)
    commit(workspace, tmp)
    return summary


def _write_facts(path: Path, facts: DocumentFacts, key: str, before: Stored | None) -> None:
    """A document's facts: a hard link to the previous generation's file when unchanged."""
    old = before.folder / FACTS_DIR / path.name if before and before.folder else None
    if old is not None and old.exists():
        os.link(old, path)
    else:
        write_atomic(path, factstore.dumps(facts, key))


def _load_oxigraph(gen: Path) -> None:
    """The generation's on-disk Oxigraph store, loaded before the generation can become current."""
    store = OxigraphStore(gen / OX_DIR)
    store.load_ntriples(gen / GRAPH_FILE)
    store.store.flush()
    del store  # closes the store: its folder is complete before the switch


def _summary(corpus: Any, graph: Graph, conforms: bool, source: str, start: float) -> Summary:
    docs = corpus.docs
    agencies = {m.agency if m.agency != "group" else m.text.lower() for d in docs for m in d.mentions}
    return Summary(
        corpus=source, documents=len(docs), agencies=len(agencies), tasks=sum(len(d.tasks) for d in docs),
        references=len({r.id for d in docs for r in d.refs}), targets=sum(len(d.targets) for d in docs),
        observations=sum(len(d.observations) for d in docs), triples=len(graph), conforms=conforms,
        seconds=round(time.perf_counter() - start, 2))


def _existing(workspace: Path) -> None:
    """A workspace other than the default must have been built first."""
    if workspace.exists() and not workspace.is_dir():
        raise PolicyKGError(f"{workspace}: not a folder; give --workspace a folder.")
    if not workspace.exists() and workspace != DEFAULT:
        raise PolicyKGError(f"{workspace}: no such workspace; run 'policykg --workspace {workspace} build'.")


def ensure(workspace: Path = DEFAULT) -> Path:
    """The current generation's folder; the default workspace is built from the bundled corpus on first use."""
    _existing(workspace)
    gen = current(workspace)
    if gen is None:
        if workspace != DEFAULT and any(workspace.iterdir()):
            raise PolicyKGError(f"{workspace}: not a policykg workspace; run 'policykg --workspace "
                                f"{workspace} build' or choose an empty folder.")
        build(BUNDLED, workspace)
        gen = current(workspace)
        assert gen is not None
    return gen


def graph_file(workspace: Path = DEFAULT) -> Path:
    """The current generation's graph (N-Triples)."""
    return ensure(workspace) / GRAPH_FILE


def view_file(workspace: Path = DEFAULT) -> Path:
    """The current generation's saved networkx view."""
    return ensure(workspace) / VIEW


def report_file(workspace: Path = DEFAULT) -> Path:
    """Where the current generation's SHACL report is (written only when the graph does not conform)."""
    return ensure(workspace) / REPORT


def open_workspace(workspace: Path = DEFAULT, store: str = "oxigraph") -> Store:
    """The workspace's graph in a store, built from the bundled corpus on first use.

    A remote store (`sparql+http://…`) is the graph itself: no local workspace is read.
    """
    if is_remote(store):
        remote = SparqlStore(store)
        remote.query("ASK { }")  # unreachable or refusing: one clear error here, not mid-answer
        return remote
    return open_store(ensure(workspace), store)


def open_explorer(workspace: Path = DEFAULT) -> tuple[Store, Any]:
    """What the app needs, fast: the graph in an in-memory Oxigraph and the saved networkx view."""
    from graph.views import load

    gen = ensure(workspace)
    store = OxigraphStore()
    store.store.load(path=str(gen / GRAPH_FILE), format=ox_format())
    return store, load((gen / VIEW).read_text(encoding="utf-8"))


def ox_format() -> Any:
    import pyoxigraph

    return pyoxigraph.RdfFormat.N_TRIPLES


def open_store(gen: Path, kind: str = "oxigraph") -> Store:
    """A generation's graph in the chosen store."""
    path = gen / GRAPH_FILE
    if not path.exists():
        raise PolicyKGError(f"{path} is missing; rebuild the workspace with 'policykg build --corpus FOLDER'.")
    if kind == "memory":
        return MemoryStore(Graph().parse(path, format="nt"))
    if kind == "oxigraph":
        return OxigraphStore.read_only(gen / OX_DIR)
    raise PolicyKGError(f"unknown store '{kind}'; choose one of: {', '.join(STORES)}.")
