"""A workspace keeps one corpus's graph: build it once, add documents, open it in a store to query.

Every write (build, add) is a transaction: under the workspace's lock it writes a whole new
generation (see `policykg.generations`) and switches to it atomically. A generation's folder holds
its index, store and summary; the documents' facts and graphs are in the workspace's pool
(`policykg.documents`), shared by the generations that keep them, so an `add` writes only its
document's files and its cost does not grow with the corpus.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, as_completed
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import asdict, dataclass
from dataclasses import replace as replace_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from extract.errors import PolicyKGError
from extract.paths import BUNDLED
from extract.records import DocMeta, DocumentFacts
from graph.namespace import ID
from graph.remote import SparqlStore, is_remote
from graph.store import GRAPH_FILE, OX_DIR, STORES, MemoryStore, OxigraphStore, Store
from policykg import facts as factstore
from policykg.documents import (
    FACTS_DIR,
    GRAPHS_DIR,
    POOL,
    VIEWS_DIR,
    Done,
    Job,
    graph_key,
    light,
    prepare,
    run,
    view_part_file,
)
from policykg.documents import facts_file as pool_facts
from policykg.documents import graph_file as pool_graph
from policykg.files import fault, write_atomic
from policykg.generations import begin, commit, current, stamp, writer
from policykg.index import Entry, Index

if TYPE_CHECKING:
    import networkx as nx

SUMMARY = "build.json"
VIEW = "view.json"
INDEX = "index.json"
REPORT = "shacl-report.txt"
DROPPED = "dropped.json"
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


@dataclass
class Stored:
    """A generation's documents (read from the index when first asked for), in corpus order."""

    folder: Path | None
    index: Index | None = None  # None: no generation, or one written before the SQLite index
    loaded: list[Entry] | None = None

    @property
    def stamp(self) -> int:
        assert self.folder is not None
        return stamp(self.folder)

    @property
    def entries(self) -> list[Entry]:
        if self.loaded is None:
            if self.index is None:
                self.loaded = []
            else:
                with _no_gc():
                    self.loaded = self.index.entries(self.stamp)
        return self.loaded

    def facts(self, entry: Entry) -> DocumentFacts:
        path = self.facts_path(entry)
        if not path.exists():
            raise PolicyKGError(f"{path}: the facts of '{entry.id}' are missing; rebuild the workspace with "
                                "'policykg build --corpus FOLDER'.")
        return factstore.loads(path.read_text(encoding="utf-8"), str(path))[0]

    def facts_path(self, entry: Entry) -> Path:
        assert self.folder is not None
        return pool_facts(self.folder.parent / POOL, entry.facts_file)

    def graph_path(self, entry: Entry) -> Path:
        assert self.folder is not None
        path = pool_graph(self.folder.parent / POOL, entry.graph_file)
        if not path.exists():
            raise PolicyKGError(f"{path}: the graph of '{entry.id}' is missing; rebuild the workspace with "
                                "'policykg build --corpus FOLDER'.")
        return path


def stored(workspace: Path) -> Stored:
    """The documents of the current generation (none for a workspace never built)."""
    gen = current(workspace)
    return Stored(None) if gen is None else generation(gen)


def generation(gen: Path) -> Stored:
    """The documents of one generation: its rows in the workspace's index (a generation written before the
    index existed keeps its whole list in its own index file)."""
    workspace = gen.parent
    path = gen / INDEX
    if not path.exists():
        raise PolicyKGError(f"{path} is missing; rebuild the workspace with 'policykg build --corpus FOLDER'.")
    with _no_gc():
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != factstore.FORMAT:
            raise PolicyKGError(f"{workspace}: written by another version of policykg; rebuild it with "
                                f"'policykg --workspace {workspace} build --corpus FOLDER'.")
        if "docs" in data:  # written before the index
            return Stored(gen, None, [Entry(**e) for e in data["docs"]])
    return Stored(gen, Index(workspace))


def _for_writer(workspace: Path) -> Stored:
    """The current generation for the writer (holding the lock): the index repaired (rows of generations
    that never became current removed, rows no generation kept needs dropped), and a generation written
    before the index imported into it."""
    gen = current(workspace)
    index = Index(workspace, create=True)
    older = sorted((p for p in workspace.glob("g-*") if gen is not None and stamp(p) < stamp(gen)), key=stamp)
    index.repair(stamp(gen) if gen is not None else None, stamp(older[-1]) if older else None)
    if gen is None:
        return Stored(None, index, [])
    here = generation(gen)
    if here.index is None and not index.count(stamp(gen)):  # import the old generation's list as its rows
        index.write(stamp(gen), [], here.entries)
    return Stored(gen, index)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while many small objects are made that hold no cycles (an index of
    10,000 entries: the collector would otherwise run over them again and again, doubling the time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


OnDoc = Callable[[Path, int], None]


@dataclass(frozen=True)
class _Planned:
    path: Path
    entry: dict[str, Any]
    key: str
    meta: DocMeta


def build(corpus: Path = BUNDLED, workspace: Path = DEFAULT, on_doc: OnDoc | None = None,
          workers: int | None = None, cluster: str | None = None) -> Summary:
    """Extract the corpus in parallel (documents unchanged since the last build are neither extracted
    nor built again), validate each document's graph, and make the result the next generation.

    `cluster` ("local:N" or a Dask scheduler address) runs the per-document work on a Dask cluster
    instead of local worker processes; its workers must see the corpus and workspace paths.
    """
    from extract.pipeline import corpus_files, load_manifest, meta_from_text
    from extract.readers import read

    files = corpus_files(corpus)  # fails early, with a clear message, on a bad folder
    manifest = load_manifest(corpus)
    start = time.perf_counter()
    planned = []
    for path in files:
        entry = manifest.get(path.name, {})
        text = read(path)
        meta = meta_from_text(entry.get("id") or path.stem, path.name, text, entry)
        planned.append(_Planned(path, entry, factstore.extraction_key(text, entry), meta))
    with writer(workspace):
        before = _for_writer(workspace)
        tmp = _begin(workspace)
        with _pool(workers or default_workers(), cluster) as pool:
            entries = _build_all(planned, before, tmp, on_doc, pool)
        fault("extracted")
        return _finish(workspace, tmp, before, _Change(entries, before.entries, entries), str(corpus.resolve()),
                       start)


def default_workers() -> int:
    """Worker processes for extraction: one per core."""
    return max(1, len(os.sched_getaffinity(0)))


def _pool(workers: int, cluster: str | None) -> AbstractContextManager[Executor | None]:
    """Where per-document jobs run: a Dask cluster, worker processes, or (one worker) this process."""
    if cluster:
        from policykg.cluster import executor

        return executor(cluster)
    if workers <= 1 or not _main_is_reimportable():
        return nullcontext(None)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: a fork of this process could inherit locks held by Oxigraph's or rudof's threads.
    # The fork server imports the per-document modules once (spaCy alone is ~1 CPU-second) and every
    # worker forks from it with them loaded, instead of each worker importing them again.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_MODULES))
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


# what a worker's first document would import (imports only: no store opened, no thread started)
WORKER_MODULES = ("policykg.documents", "extract.pipeline", "graph.build", "graph.validate", "graph.shacl_sparql",
                  "graph.views")


def _main_is_reimportable() -> bool:
    """Whether worker processes may import this process's main module, as multiprocessing makes them.

    A module run with `-m` (it has a spec) or a script Python itself ran (it has a loader) is safe.
    A script read from standard input is not, nor a module object another program put in place:
    Streamlit runs app.py as a bare `__main__` module, and every worker would run the whole app again
    (building the workspace it is building), so the app extracts in its own process.
    """
    main = sys.modules.get("__main__")
    file = getattr(main, "__file__", None)
    if main is None or getattr(main, "__spec__", None) is not None or file is None:
        return True
    # a script read from standard input ("<stdin>") has no file the workers could run
    return getattr(main, "__loader__", None) is not None and Path(file).is_file()


def _build_all(planned: list[_Planned], before: Stored, tmp: Path, on_doc: OnDoc | None,
               pool: Executor | None) -> list[Entry]:
    """Every document's facts and graph in the pool: reused, or made by worker processes (reports first);
    reports and failures in `tmp`."""
    from graph.build import doc_iri

    known = {p.meta.id: str(doc_iri(p.meta)) for p in planned}
    keys = {p.meta.id: p.key for p in planned}
    reports: dict[str, list[str]] = {}
    for p in planned:
        for rel, target in p.meta.relations:
            if rel == "reports_on":
                reports.setdefault(target, []).append(p.meta.id)
    old_keys = {e.key: e for e in before.entries}
    old_graphs = {e.graph: e for e in before.entries}
    docs = tmp.parent / POOL
    done: dict[str, Entry] = {}
    failures: dict[str, str] = {}

    def job(p: _Planned) -> Job | None:
        gkey = graph_key(p.key, [keys[r] for r in reports.get(p.meta.id, [])],
                         [known.get(t) for _, t in p.meta.relations])
        if gkey in old_graphs and p.key in old_keys:  # unchanged: neither extracted nor built nor written
            old = old_graphs[gkey]
            done[p.meta.id] = old
            if on_doc:
                on_doc(p.path, old.bytes)
            return None
        light_reports = tuple(light(_read_facts(pool_facts(docs, done[r].facts_file)))
                              for r in reports.get(p.meta.id, []))
        reuse = before.facts_path(old_keys[p.key]) if p.key in old_keys else None
        return Job(str(p.path), p.entry, p.key, gkey, str(docs), known, light_reports,
                   str(reuse) if reuse is not None and reuse.exists() else None)

    first = [p for p in planned if p.meta.id not in reports]
    second = [p for p in planned if p.meta.id in reports]
    for group in (first, second):
        jobs = [j for j in map(job, group) if j is not None]
        for result in _map(jobs, pool):
            failures.update({result["id"]: result["report"]} if not result["conforms"] else {})
            result.pop("report")
            done[result["id"]] = Entry(**result)
            if on_doc:
                on_doc(Path(result["source"]), result["bytes"])
    _write_report(tmp, failures)
    entries = [done[p.meta.id] for p in planned]
    _check_files(before, [e for e in entries if old_graphs.get(e.graph) is e])
    return entries


def _map(jobs: list[Job], pool: Executor | None) -> Iterator[dict[str, Any]]:
    """Run the jobs on the pool (in this process without one, or for one job), as they finish."""
    if pool is None or len(jobs) <= 1:
        yield from map(run, jobs)
        return
    for fut in as_completed([pool.submit(run, j) for j in jobs]):
        yield fut.result()


def _read_facts(path: Path) -> DocumentFacts:
    return factstore.loads(path.read_text(encoding="utf-8"), str(path))[0]


def _write_report(folder: Path, failures: dict[str, str]) -> None:
    if failures:
        write_atomic(folder / REPORT, "\n\n".join(f"# {doc}\n{text}" for doc, text in sorted(failures.items())))


def add(path: Path, workspace: Path = DEFAULT, meta: dict[str, str] | None = None,
        replace: bool = False) -> Summary:
    """Add one document: only it is extracted, only its graph is written and validated.

    The same document (same text, or same number and date) is refused unless `replace` is given,
    in which case it takes the place of the stored one. The workspace changes only if all succeeds.
    What an add reads of the stored documents are index look-ups (duplicates, the IRIs its graph links
    to, free ids), so its cost does not grow with the corpus.
    """
    from extract.agencies import slug
    from extract.pipeline import meta_from_text
    from extract.readers import read
    from policykg.documents import extract

    if workspace.exists() and not workspace.is_dir():
        raise PolicyKGError(f"{workspace}: not a folder; give --workspace a folder.")
    text = read(path)  # a bad file stops here, with the workspace untouched
    given = dict(meta or {})
    draft = meta_from_text(given.get("id") or slug(path.stem)[:40] or "doc", path.name, text, given)
    seen = stored(workspace)
    if seen.index is not None:
        _duplicates(seen, draft, text, replace)  # fail before extracting
    start = time.perf_counter()
    key = factstore.extraction_key(text, given)
    facts = extract(path, {**given, "id": draft.id}, draft.id)
    with writer(workspace):
        before = _for_writer(workspace)
        same = _duplicates(before, draft, text, replace)
        doc_id = given.get("id") or (same[0].id if same else draft.id)
        base, k = doc_id, 2
        taken = {e.id for e in same}
        while doc_id not in taken and before.index is not None and before.folder is not None \
                and before.index.has_id(before.stamp, doc_id):
            doc_id, k = f"{base}-{k}", k + 1
        if doc_id != facts.meta.id:
            facts = extract(path, {**given, "id": doc_id}, doc_id)
        done = _prepared(path, given, key, facts, before, same)
        fault("extracted")
        tmp = _begin(workspace)
        done.write(workspace / POOL)
        entry = Entry(**done.entry)
        failures = {} if entry.conforms else {entry.id: done.report}
        _write_report(tmp, failures)
        return _finish(workspace, tmp, before, _Change([entry], same), str(path.resolve()), start)


def _prepared(path: Path, given: dict[str, str], key: str, facts: DocumentFacts, before: Stored,
              same: list[Entry]) -> Done:
    """The new document's graph, linked to the stored documents it names: their IRIs are looked up in the
    index (the documents its relations name, the legal documents it cites, its own IRI), and looked up
    again for every legal document its graph holds in case the first guess missed one."""
    from graph.build import doc_iri

    legal = str(ID["legal/"])
    dropped = {e.id for e in same}

    def known(ids: set[str], iris: set[str]) -> dict[str, str]:
        if before.index is None or before.folder is None:
            return {}
        found = before.index.iris(before.stamp, ids, iris)
        return {i: iri for i, iri in found.items() if i not in dropped}

    ids = {t for _, t in facts.meta.relations}
    iris = {str(doc_iri(facts.meta)), *(legal + r.id for r in facts.refs), *(legal + r.subject for r in facts.refs
                                                                             if r.subject)}
    links = known(ids, iris)
    while True:
        done = prepare(Job(str(path), given, key, graph_key(key, [], []), "", links, meta={"id": facts.meta.id}),
                       facts)
        held = {line.split(" ", 3)[i][1:-1] for line in done.nt.splitlines() for i in (0, 2)
                if line.split(" ", 3)[i].startswith("<" + legal)}
        more = known(ids, iris | held)
        if more == links:
            return done
        links, iris = more, iris | held


def _check_files(before: Stored, entries: list[Entry]) -> None:
    """The pool files of the documents a build keeps are there: a clear error otherwise, never a generation
    naming missing files (one listing of the pool, not one look-up per document)."""
    if before.folder is None or not entries:
        return
    pool = before.folder.parent / POOL
    there = {f"{d}/{n}" for d in (FACTS_DIR, GRAPHS_DIR) if (pool / d).is_dir() for n in os.listdir(pool / d)}
    for e in entries:
        for name, what in zip(e.files(), ("facts of", "graph of"), strict=True):
            if name not in there:
                raise PolicyKGError(f"{pool / name}: the {what} '{e.id}' are missing; rebuild the workspace with "
                                    "'policykg build --corpus FOLDER'.")


def _duplicates(before: Stored, draft: DocMeta, text: str, replace: bool) -> list[Entry]:
    """The stored entries that are this document; an error when there are some and `replace` is off."""
    from graph.build import doc_iri

    if before.index is None or before.folder is None:
        return []
    digest = factstore.content_hash(text)
    number, date = draft.number, draft.date
    iri, placeless = str(doc_iri(draft)), str(doc_iri(replace_(draft, issuer=None)))
    same = [e for e in before.index.candidates(before.stamp, digest, number, date)
            if e.same_document(digest, number, date, iri, placeless)]
    if same and not replace:
        what = "the same text" if same[0].hash == digest else f"the same number {number} and date {date}"
        raise PolicyKGError(f"'{same[0].id}' ({same[0].source}) is already in the workspace with {what}; "
                            "pass --replace to replace it.", "duplicate", doc=same[0].id,
                            same="text" if same[0].hash == digest else "number", number=number or "", date=date or "")
    return same


def _begin(workspace: Path) -> Path:
    tmp = begin(workspace)
    for folder in (FACTS_DIR, GRAPHS_DIR, VIEWS_DIR):
        (workspace / POOL / folder).mkdir(parents=True, exist_ok=True)
    return tmp


@dataclass(frozen=True)
class _Change:
    """What a write changes: documents added and dropped; a build also gives the whole new list."""

    added: list[Entry]
    dropped: list[Entry]
    entries: list[Entry] | None = None  # None: an add (the rest of the corpus is not read)


def _finish(workspace: Path, tmp: Path, before: Stored, change: _Change, source: str, start: float) -> Summary:
    """Write the index rows, bring the store up to date, write the summary, switch and remove the pool files
    no generation kept needs (holding the lock). An add touches only its documents' rows and files."""
    assert before.index is not None
    index, gen = before.index, stamp(tmp)
    added = {f for e in change.added for f in e.files()}
    if change.entries is not None:
        kept = {f for e in change.entries for f in e.files()}
        dropped = sorted({f for e in before.entries for f in e.files()} - kept)
    else:
        dropped = sorted({f for e in change.dropped for f in e.files()} - added)
    write_atomic(tmp / DROPPED, json.dumps(dropped))
    index.write(gen, change.dropped if change.entries is None else [], change.added,
                drop_all_of=before.stamp if change.entries is not None and before.folder is not None else None)
    documents = len(change.entries) if change.entries is not None else index.count(gen)
    write_atomic(tmp / INDEX, json.dumps({"format": factstore.FORMAT, "documents": documents}))
    fault("facts-written")
    fault("graph-written")
    old = {e.graph for e in (before.entries if change.entries is not None else change.dropped)}
    new = {e.graph: e.graph_file for e in (change.entries if change.entries is not None else change.added)}
    triples = update_store(tmp, before.folder, old - new.keys(), {g: f for g, f in new.items() if g not in old})
    fault("store-loaded")
    summary = _summary(before, change, gen, source, triples, time.perf_counter() - start)
    write_atomic(tmp / SUMMARY, json.dumps(asdict(summary), ensure_ascii=False, indent=1))
    commit(workspace, tmp)
    _sweep_pool(workspace, before, added if change.entries is None else kept, change.entries is not None)
    return summary


def _summary(before: Stored, change: _Change, gen: int, source: str, triples: int, seconds: float) -> Summary:
    """The new generation's counts: from its whole list after a build; after an add, the previous summary
    plus what the added and dropped documents change (agencies and legal documents looked up in the index)."""
    entries = change.entries
    previous = _summary_of(before.folder) if before.folder is not None else None
    if entries is None and previous is None:
        assert before.index is not None
        entries = before.index.entries(gen)
    if entries is not None:
        return Summary(
            corpus=source, documents=len(entries), agencies=len({a for e in entries for a in e.agencies}),
            tasks=sum(e.tasks for e in entries), references=len({r for e in entries for r in e.refs}),
            targets=sum(e.targets for e in entries), observations=sum(e.observations for e in entries),
            triples=triples, conforms=all(e.conforms for e in entries), seconds=round(seconds, 2))
    assert previous is not None and before.index is not None
    index, was, plus, minus = before.index, before.stamp, change.added, change.dropped

    def distinct(kind: str, names: set[str]) -> int:
        return len(index.named(gen, kind, names)) - len(index.named(was, kind, names))

    agencies = {a for e in [*plus, *minus] for a in e.agencies}
    refs = {r for e in [*plus, *minus] for r in e.refs}
    return Summary(
        corpus=source, documents=previous.documents + len(plus) - len(minus),
        agencies=previous.agencies + distinct("a", agencies),
        tasks=previous.tasks + sum(e.tasks for e in plus) - sum(e.tasks for e in minus),
        references=previous.references + distinct("r", refs),
        targets=previous.targets + sum(e.targets for e in plus) - sum(e.targets for e in minus),
        observations=previous.observations + sum(e.observations for e in plus) - sum(e.observations for e in minus),
        triples=triples, conforms=not index.any_failing(gen), seconds=round(seconds, 2))


def _summary_of(gen: Path) -> Summary | None:
    """A generation's summary (None without a readable one)."""
    try:
        return Summary(**json.loads((gen / SUMMARY).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _sweep_pool(workspace: Path, before: Stored, kept: set[str], full: bool) -> None:
    """Remove the pool files that only removed generations used.

    After a switch the generations left are the new one and `before`; the files `before` dropped from
    its own predecessor (now removed) go unless the new generation took them back (`kept`: after an add,
    its document's files, the only ones it can have taken back). The cost is that of the changed
    documents. A full sweep (after a build, `kept` every file of the new generation) also removes what
    crashed writers left.
    """
    pool = workspace / POOL
    gone: set[str] = set()
    if before.folder is not None and (before.folder / DROPPED).exists():
        gone = set(json.loads((before.folder / DROPPED).read_text(encoding="utf-8"))) - kept
    if full:
        live = kept | {f for e in before.entries for f in e.files()}
        gone |= {f"{d}/{p.name}" for d in (FACTS_DIR, GRAPHS_DIR) for p in (pool / d).iterdir()} - live
    if full:
        graphs = {Path(f).stem for f in live if f.startswith(GRAPHS_DIR + "/")}
        gone |= {f"{VIEWS_DIR}/{p.name}" for p in (pool / VIEWS_DIR).glob("*.json") if p.stem not in graphs}
    for name in gone:
        (pool / name).unlink(missing_ok=True)
        if name.startswith(GRAPHS_DIR + "/"):  # its view part goes with it
            view_part_file(pool, Path(name).stem).unlink(missing_ok=True)


def graph_name(gkey: str) -> str:
    """The IRI of a document's named graph in the store."""
    return f"{ID}graph/{gkey}"


def update_store(gen: Path, before: Path | None, drop: set[str], add: dict[str, str]) -> int:
    """The generation's Oxigraph store and its number of triples: the previous generation's store (hard-linked
    checkpoint) with the named graphs `drop` dropped and `add` (graph key -> pool file name) added, each
    triple also in the default graph. The count is the previous one plus what changed, so the cost is
    that of the changed documents, not of the corpus."""
    def path(gkey: str) -> Path:
        return pool_graph(gen.parent / POOL, add[gkey])

    store_dir = gen / OX_DIR
    if before is not None and (before / OX_DIR).is_dir():
        prev = OxigraphStore(before / OX_DIR)
        prev.store.backup(str(store_dir))
        del prev
        store = OxigraphStore(store_dir)
        delta = 0
        for gkey in sorted(drop):
            delta -= store.drop_graph(graph_name(gkey))
        for gkey in sorted(add):
            delta += store.add_graph(graph_name(gkey), path(gkey))
        previous = _triples(before)
        count = store.count() if previous is None else previous + delta
    else:
        store = OxigraphStore(store_dir)
        store.bulk_load_graphs({graph_name(g): path(g) for g in sorted(add)})
        count = store.count()
    store.store.flush()
    del store  # closes the store: its folder is complete before the switch
    return count


def _triples(gen: Path) -> int | None:
    """The number of triples a generation's summary gives (None without one)."""
    try:
        return int(json.loads((gen / SUMMARY).read_text(encoding="utf-8"))["triples"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
    """The current generation's whole graph as N-Triples (the union of its documents' graphs, made once)."""
    gen = ensure(workspace)
    path = gen / GRAPH_FILE
    if not path.exists():
        lines: dict[str, None] = {}
        for part in _graph_files(gen):
            lines.update(dict.fromkeys(part.read_text(encoding="utf-8").splitlines()))
        write_atomic(path, "\n".join(lines) + "\n")
    return path


def view_file(workspace: Path = DEFAULT, gen: Path | None = None) -> Path:
    """A generation's (by default the current one's) networkx view as node-link JSON (made once, on first
    use, from `view`)."""
    from graph.views import dump

    gen = gen or ensure(workspace)
    path = gen / VIEW
    if not path.exists():
        write_atomic(path, dump(view(workspace, gen)))
    return path


def view(workspace: Path = DEFAULT, gen: Path | None = None) -> nx.MultiDiGraph:
    """A generation's networkx view: the merge of its documents' view parts, which are made with their
    graphs (`graph.views.part`), so no graph is parsed and no whole file is written per generation. A
    workspace built before parts existed gets each missing part made once from its graph, kept in the pool."""
    from graph.views import merge

    gen = gen or ensure(workspace)
    here = generation(gen)
    return merge(_view_part(here, e) for e in {e.graph_file: e for e in here.entries}.values())


def _view_part(here: Stored, entry: Entry) -> dict[str, Any]:
    from graph.views import part

    assert here.folder is not None
    path = view_part_file(here.folder.parent / POOL, entry.graph_file)
    try:
        with _no_gc():
            loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    except FileNotFoundError:
        made = part(_filtered(here.graph_path(entry)))
        write_atomic(path, json.dumps(made, ensure_ascii=False, separators=(",", ":")))
        return made


def view_triples(gen: Path) -> Graph:
    """The triples of a generation's document graphs that the view reads (relations, types, labels)."""
    out = Graph(store="SimpleMemory")
    for path in _graph_files(gen):
        for triple in _filtered(path):
            out.add(triple)
    return out


def _filtered(path: Path) -> Graph:
    """The triples of one document's graph the view reads: a line filter on its N-Triples, so the evidence
    and texts (most of the graph) are never parsed."""
    from graph.views import PREDICATES

    keep = {f"<{p}>" for p in PREDICATES}
    lines: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        bits = line.split(" ", 2)  # subject, predicate, rest: IRIs and blank nodes hold no space
        if len(bits) == 3 and bits[1] in keep:
            lines.add(line)
    return Graph(store="SimpleMemory").parse(data="\n".join(sorted(lines)), format="nt")


def _graph_files(gen: Path) -> list[Path]:
    """A generation's document graphs in the pool."""
    here = generation(gen)
    return sorted({here.graph_path(e) for e in here.entries})


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


def open_store(gen: Path, kind: str = "oxigraph") -> Store:
    """A generation's graph in the chosen store."""
    if kind == "memory":
        return MemoryStore(Graph().parse(graph_file(gen.parent), format="nt"))
    if kind == "oxigraph":
        return OxigraphStore.read_only(gen / OX_DIR)
    raise PolicyKGError(f"unknown store '{kind}'; choose one of: {', '.join(STORES)}.")
