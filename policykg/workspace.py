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
from dataclasses import asdict, dataclass, field
from dataclasses import replace as replace_
from pathlib import Path
from typing import Any

from rdflib import Graph

from extract.errors import PolicyKGError
from extract.paths import BUNDLED
from extract.records import DocMeta, DocumentFacts
from graph.namespace import ID
from graph.remote import SparqlStore, is_remote
from graph.store import GRAPH_FILE, OX_DIR, STORES, MemoryStore, OxigraphStore, Store
from policykg import facts as factstore
from policykg.documents import FACTS_DIR, GRAPHS_DIR, POOL, Done, Job, graph_key, light, prepare, run
from policykg.documents import facts_file as pool_facts
from policykg.documents import graph_file as pool_graph
from policykg.files import fault, write_atomic
from policykg.generations import begin, commit, current, writer

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


@dataclass(frozen=True)
class Entry:
    """One stored document: ids and keys, legal identity, counts and its SHACL verdict."""

    id: str
    key: str
    graph: str
    hash: str
    number: str | None
    date: str | None
    source: str
    relations: list[list[str]] = field(default_factory=list)
    tasks: int = 0
    targets: int = 0
    observations: int = 0
    triples: int = 0
    agencies: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    conforms: bool = True
    bytes: int = 0
    facts_file: str = ""  # names of its files in the pool
    graph_file: str = ""
    iri: str = ""  # its IRI in the graph

    def files(self) -> tuple[str, str]:
        """Its pool files, relative to the pool."""
        return f"{FACTS_DIR}/{self.facts_file}.json", f"{GRAPHS_DIR}/{self.graph_file}.nt"

    def same_document(self, hash_: str, number: str | None, date: str | None, iri: str = "",
                      placeless: str = "") -> bool:
        """The same text, or the same number and date — unless both are provincial documents of two
        provinces (their IRIs differ, and neither is the symbol's IRI without a province, `placeless`)."""
        if self.hash == hash_:
            return True
        if not (number and date) or (self.number, self.date) != (number, date):
            return False
        return not (self.iri and iri and self.iri != iri and placeless not in (self.iri, iri))


@dataclass
class Stored:
    """A generation's documents, in corpus order."""

    entries: list[Entry]
    folder: Path | None

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
    return Stored([], None) if gen is None else generation(gen)


def generation(gen: Path) -> Stored:
    """The documents of one generation."""
    workspace = gen.parent
    path = gen / INDEX
    if not path.exists():
        raise PolicyKGError(f"{path} is missing; rebuild the workspace with 'policykg build --corpus FOLDER'.")
    with _no_gc():
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != factstore.FORMAT:
            raise PolicyKGError(f"{workspace}: written by another version of policykg; rebuild it with "
                                f"'policykg --workspace {workspace} build --corpus FOLDER'.")
        return Stored([Entry(**e) for e in data["docs"]], gen)


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
        before = stored(workspace)
        tmp = _begin(workspace)
        with _pool(workers or default_workers(), cluster) as pool:
            entries = _build_all(planned, before, tmp, on_doc, pool)
        fault("extracted")
        return _finish(workspace, tmp, before, entries, str(corpus.resolve()), start, full_sweep=True)


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
WORKER_MODULES = ("policykg.documents", "extract.pipeline", "graph.build", "graph.validate", "graph.shacl_sparql")


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
    """
    from extract.agencies import slug
    from extract.pipeline import meta_from_text
    from extract.readers import read
    from graph.build import doc_iri

    if workspace.exists() and not workspace.is_dir():
        raise PolicyKGError(f"{workspace}: not a folder; give --workspace a folder.")
    text = read(path)  # a bad file stops here, with the workspace untouched
    given = dict(meta or {})
    draft = meta_from_text(given.get("id") or slug(path.stem)[:40] or "doc", path.name, text, given)
    seen = stored(workspace)
    _duplicates(seen.entries, draft, text, replace)  # fail before extracting
    start = time.perf_counter()
    key = factstore.extraction_key(text, given)

    def prepared(entries: list[Entry], doc_id: str) -> Done:
        known = {e.id: e.iri or str(doc_iri(_meta_of(e))) for e in entries}
        return prepare(Job(str(path), given, key, graph_key(key, [], []), "", known, meta={"id": doc_id}))

    done = prepared(seen.entries, draft.id)
    with writer(workspace):
        before = seen if seen.folder == current(workspace) else stored(workspace)  # read once if unchanged
        same = _duplicates(before.entries, draft, text, replace)
        kept = [e for e in before.entries if e not in same]
        doc_id = given.get("id") or (same[0].id if same else draft.id)
        base, k = doc_id, 2
        while doc_id in {e.id for e in kept}:
            doc_id, k = f"{base}-{k}", k + 1
        if doc_id != done.facts.meta.id:
            done = prepared(kept, doc_id)
        fault("extracted")
        tmp = _begin(workspace)
        _check_files(before, kept)
        done.write(workspace / POOL)
        entry = Entry(**done.entry)
        failures = {} if entry.conforms else {entry.id: done.report}
        _write_report(tmp, failures)
        return _finish(workspace, tmp, before, [*kept, entry], str(path.resolve()), start)


def _check_files(before: Stored, entries: list[Entry]) -> None:
    """The pool files of the documents a new generation keeps are there: a clear error otherwise, never a
    generation naming missing files (one listing of the pool, not one look-up per document)."""
    if before.folder is None or not entries:
        return
    pool = before.folder.parent / POOL
    there = {f"{d}/{n}" for d in (FACTS_DIR, GRAPHS_DIR) if (pool / d).is_dir() for n in os.listdir(pool / d)}
    for e in entries:
        for name, what in zip(e.files(), ("facts of", "graph of"), strict=True):
            if name not in there:
                raise PolicyKGError(f"{pool / name}: the {what} '{e.id}' are missing; rebuild the workspace with "
                                    "'policykg build --corpus FOLDER'.")


def _meta_of(e: Entry) -> DocMeta:
    return DocMeta(e.id, "", "", "", e.number, None, e.date, e.source)


def _duplicates(entries: list[Entry], draft: DocMeta, text: str, replace: bool) -> list[Entry]:
    """The stored entries that are this document; an error when there are some and `replace` is off."""
    from graph.build import doc_iri

    digest = factstore.content_hash(text)
    number, date = draft.number, draft.date
    iri, placeless = str(doc_iri(draft)), str(doc_iri(replace_(draft, issuer=None)))
    same = [e for e in entries if e.same_document(digest, number, date, iri, placeless)]
    if same and not replace:
        what = "the same text" if same[0].hash == digest else f"the same number {number} and date {date}"
        raise PolicyKGError(f"'{same[0].id}' ({same[0].source}) is already in the workspace with {what}; "
                            "pass --replace to replace it.", "duplicate", doc=same[0].id,
                            same="text" if same[0].hash == digest else "number", number=number or "", date=date or "")
    return same


def _begin(workspace: Path) -> Path:
    tmp = begin(workspace)
    for folder in (FACTS_DIR, GRAPHS_DIR):
        (workspace / POOL / folder).mkdir(parents=True, exist_ok=True)
    return tmp


def _finish(workspace: Path, tmp: Path, before: Stored, entries: list[Entry], source: str,
            start: float, full_sweep: bool = False) -> Summary:
    """Write the index, bring the store up to date, write the summary, switch and remove the pool files
    no generation kept needs (holding the lock)."""
    kept = {f for e in entries for f in e.files()}
    dropped = sorted({f for e in before.entries for f in e.files()} - kept)
    write_atomic(tmp / DROPPED, json.dumps(dropped))
    with _no_gc():
        index = {"format": factstore.FORMAT, "docs": [vars(e) for e in entries]}  # flat fields: no deep copy
        write_atomic(tmp / INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))  # C encoder
    fault("facts-written")
    fault("graph-written")
    triples = update_store(tmp, before, entries)
    fault("store-loaded")
    summary = Summary(
        corpus=source, documents=len(entries), agencies=len({a for e in entries for a in e.agencies}),
        tasks=sum(e.tasks for e in entries), references=len({r for e in entries for r in e.refs}),
        targets=sum(e.targets for e in entries), observations=sum(e.observations for e in entries),
        triples=triples, conforms=all(e.conforms for e in entries),
        seconds=round(time.perf_counter() - start, 2))
    write_atomic(tmp / SUMMARY, json.dumps(asdict(summary), ensure_ascii=False, indent=1))
    commit(workspace, tmp)
    _sweep_pool(workspace, before, kept, full_sweep)
    return summary


def _sweep_pool(workspace: Path, before: Stored, kept: set[str], full: bool) -> None:
    """Remove the pool files that only removed generations used.

    After a switch the generations left are the new one and `before`; the files `before` dropped from
    its own predecessor (now removed) go unless the new generation took them back. The cost is that of
    the changed documents. A full sweep (after a build) also removes what crashed writers left.
    """
    pool = workspace / POOL
    gone: set[str] = set()
    if before.folder is not None and (before.folder / DROPPED).exists():
        gone = set(json.loads((before.folder / DROPPED).read_text(encoding="utf-8"))) - kept
    if full:
        live = kept | {f for e in before.entries for f in e.files()}
        gone |= {f"{d}/{p.name}" for d in (FACTS_DIR, GRAPHS_DIR) for p in (pool / d).iterdir()} - live
    for name in gone:
        (pool / name).unlink(missing_ok=True)


def graph_name(gkey: str) -> str:
    """The IRI of a document's named graph in the store."""
    return f"{ID}graph/{gkey}"


def update_store(gen: Path, before: Stored, entries: list[Entry]) -> int:
    """The generation's Oxigraph store and its number of triples: the previous store (hard-linked
    checkpoint) with the named graphs of removed documents dropped and those of new ones added, each
    triple also in the default graph. The count is the previous one plus what changed, so the cost is
    that of the changed documents, not of the corpus."""
    wanted = {e.graph: e.graph_file for e in entries}
    old = {e.graph for e in before.entries}

    def path(gkey: str) -> Path:
        return pool_graph(gen.parent / POOL, wanted[gkey])

    store_dir = gen / OX_DIR
    if before.folder is not None and (before.folder / OX_DIR).is_dir():
        prev = OxigraphStore(before.folder / OX_DIR)
        prev.store.backup(str(store_dir))
        del prev
        store = OxigraphStore(store_dir)
        delta = 0
        for gkey in sorted(old - wanted.keys()):
            delta -= store.drop_graph(graph_name(gkey))
        for gkey in sorted(wanted.keys() - old):
            delta += store.add_graph(graph_name(gkey), path(gkey))
        previous = _triples(before.folder)
        count = store.count() if previous is None else previous + delta
    else:
        store = OxigraphStore(store_dir)
        store.bulk_load_graphs({graph_name(g): path(g) for g in sorted(wanted)})
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
    """A generation's (by default the current one's) networkx view (made once, on first use)."""
    from graph.views import dump, to_networkx

    gen = gen or ensure(workspace)
    path = gen / VIEW
    if not path.exists():
        write_atomic(path, dump(to_networkx(view_triples(gen))))
    return path


def view_triples(gen: Path) -> Graph:
    """The triples of a generation's document graphs that the view reads (relations, types, labels):
    a line filter on the N-Triples, so the evidence and texts (most of the graph) are never parsed."""
    from graph.views import PREDICATES

    keep = {f"<{p}>" for p in PREDICATES}
    lines: set[str] = set()
    for part in _graph_files(gen):
        for line in part.read_text(encoding="utf-8").splitlines():
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
