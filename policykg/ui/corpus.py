"""What the explorer reads from a workspace: the store, the saved view, and answers computed once."""

from __future__ import annotations

import threading
import time
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx

from extract.rows import AgencyRow, DocRow, RefRow, TargetRow, TaskRow
from graph import answers, compare
from graph.names import DocName, corpus_names, document_names
from graph.names import find as find_docs
from graph.namespace import ID
from graph.queries import PREFIX_BLOCK
from graph.store import Result, Store
from graph.views import EDGES
from policykg.console import Console
from policykg.generations import current
from policykg.ui import overview, search, selective, store_view
from policykg.ui.i18n import Lang, tr
from policykg.workspace import Summary, ensure, graph_file, open_store
from policykg.workspace import add as add_document
from policykg.workspace import view as workspace_view

Row = dict[str, Any]
RELATIONS = sorted(set(EDGES.values()))
# past this many tasks a page does not list the whole task table: it asks for a document or an agency
WHOLE_TABLE_TASKS = 3000
AGENCY_PREFIXES = (str(ID["agency/"]), str(ID["group/"]))
# the first view's agencies and documents whose focus is drawn ahead in the background (at 1,000 documents ~0.3 s each)
WARM_FOCUSES = 15
# seconds without a reader's request before background work goes on (a rerun and the browser's drawing take ~1 s)
QUIET = 1.5


class Corpus:
    """One workspace's graph for the explorer; answers are computed on first use and kept.

    Opening it reads nothing but the store's folder; the first view is counted on the store, and the
    networkx view (every node and edge) is loaded only for the views that draw single nodes.
    """

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.generation = ensure(workspace)
        self.store: Store = open_store(self.generation, "oxigraph")
        self._answers: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()
        self._touched = 0.0
        self._warming_focuses = threading.Lock()

    @cached_property
    def view(self) -> nx.MultiDiGraph:
        return workspace_view(self.workspace, self.generation)  # merged from the documents' view parts

    def view_for(self, focus: str | None, depth: int, doc_iris: frozenset[str] = frozenset(),
                 agencies: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
        """The networkx view a focused or filtered view is cut from: the whole view on a small corpus; on a large
        one, the piece the view can reach, read from the store by keys (`store_view`): the focus's neighbourhood,
        else the chosen documents' or agencies' nodes and their neighbours, else the overview's."""
        if not self.large:
            return self.view
        return self._kept(("view_for", focus, depth, doc_iris, agencies),
                          lambda: self._store_view(focus, depth, doc_iris, agencies))

    def drawn_view(self, focus: str | None, depth: int, doc_iris: frozenset[str] = frozenset(),
                   agencies: frozenset[str] = frozenset(), pages: int = 1
                   ) -> tuple[nx.MultiDiGraph, store_view.Bounded | None]:
        """The piece a drawn network is cut from, at any corpus size: an agency's focus cut to `pages` pages
        (`store_view.agency_focus`), a document's or a section's by its sections (`store_view.section_focus`), when
        its neighbourhood is larger than a page or deeper than one step; else `view_for`'s."""
        if focus and focus.startswith(AGENCY_PREFIXES):  # an agency, or a group of them ("các bộ, ngành")
            by_doc = self._kept(("agency_tasks", focus, doc_iris),
                                lambda: store_view.agency_tasks(self.store, focus, doc_iris))
            # past a page of its tasks and documents (or of neighbours: documents naming it) it is cut to pages
            if by_doc and (depth > 1 or len(by_doc) + sum(map(len, by_doc.values())) >= store_view.FOCUS_NODES
                           or self._kept(("neighbours", focus), lambda: store_view.neighbour_count(self.store, focus))
                           >= store_view.FOCUS_NODES):
                bounded = self._kept(("agency_focus", focus, depth, pages, doc_iris),
                                     lambda: store_view.agency_focus(self.store, focus, depth, pages, doc_iris,
                                                                     by_doc=by_doc))
                if bounded is not None:
                    return bounded.view, bounded
        elif focus and (focus in self.doc_ids or store_view.SECTION in focus):
            # a document larger than a page (or seen deeper than one step), and any section: by its sections
            if store_view.SECTION in focus or depth > 1 or self._kept(
                    ("neighbours", focus),
                    lambda: store_view.neighbour_count(self.store, focus)) >= store_view.FOCUS_NODES:
                bounded = self._kept(("section_focus", focus, pages),
                                     lambda: store_view.section_focus(self.store, focus, pages))
                if bounded is not None:
                    return bounded.view, bounded
        return self.view_for(focus, depth, doc_iris, agencies), None

    def _store_view(self, focus: str | None, depth: int, doc_iris: frozenset[str],
                    agencies: frozenset[str]) -> nx.MultiDiGraph:
        if focus:
            return store_view.neighbourhood(self.store, [focus], depth)
        if doc_iris:
            return store_view.neighbourhood(self.store, store_view.document_nodes(self.store, doc_iris), 1)
        seeds = {i for a in agencies for i in self.agency_iris.get(a, ())}
        if not seeds:
            counts = self.overview_counts()
            seeds = {a for a, _ in counts.agencies} | {d for d, _ in counts.docs}
        return store_view.neighbourhood(self.store, seeds, 1)

    def _select(self, sparql: str) -> list[tuple[str | None, ...]]:
        return list(self.store.query(PREFIX_BLOCK + sparql).rows)

    @cached_property
    def doc_iris(self) -> dict[str, str]:
        """Corpus document id -> its node's IRI."""
        rows = self._select("SELECT ?doc ?id WHERE { ?doc pkg:inCorpus true ; dcterms:identifier ?id }")
        return {str(i): str(d) for d, i in rows if d and i}

    @cached_property
    def doc_ids(self) -> dict[str, str]:
        """A corpus document's node IRI -> its id."""
        return {iri: i for i, iri in self.doc_iris.items()}

    @cached_property
    def doc_names(self) -> dict[str, DocName]:
        """The corpus documents' names, from their own rows (cheap: no citation is read)."""
        return corpus_names(self.docs)

    @cached_property
    def agency_iris(self) -> dict[str, frozenset[str]]:
        """Agency name (Vietnamese) -> the IRIs carrying it: the agency filter's choices, without the answers."""
        rows = self._select('SELECT DISTINCT ?agency ?name WHERE { ?d pkg:mentions ?agency . '
                            '?agency skos:prefLabel ?name FILTER(lang(?name) = "vi") }')
        out: dict[str, set[str]] = {}
        for a, name in rows:
            if a and name:
                out.setdefault(name, set()).add(a)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def task_count(self) -> int:
        rows = self._select("SELECT (COUNT(?task) AS ?n) WHERE { ?task a pkg:Task }")
        return int(rows[0][0] or 0) if rows else 0

    @cached_property
    def target_count(self) -> int:
        rows = self._select("SELECT (COUNT(?t) AS ?n) WHERE { ?t a pkg:Target }")
        return int(rows[0][0] or 0) if rows else 0

    @property
    def large(self) -> bool:
        """Too many tasks to list them all on a page."""
        return self.task_count > WHOLE_TABLE_TASKS

    def remember(self, key: tuple[Any, ...], make: Any) -> Any:
        """An answer computed once per workspace generation (pages rerun on every click)."""
        return self._kept(key, make)

    def _kept(self, key: tuple[Any, ...], make: Any) -> Any:
        with self._lock:
            if key in self._answers:
                return self._answers[key]
        value = make()
        with self._lock:
            return self._answers.setdefault(key, value)

    def overview_counts(self, docs: frozenset[str] = frozenset(), agencies: frozenset[str] = frozenset()
                        ) -> overview.Counts:
        """The first view's numbers (aggregate queries), within some documents and agencies (IRIs)."""
        return self._kept(("overview", docs, agencies),
                          lambda: overview.counts(self.store, set(docs) or None, set(agencies) or None))

    def agency_load(self) -> list[tuple[str, int, int, int]]:
        """(agency name, tasks in any role, tasks it leads, tasks it cooperates on), most tasks first: counted on
        the store."""
        return self._kept(("load",), lambda: overview.agency_load(self.store, self.agency_names))

    @cached_property
    def agency_names(self) -> dict[str, str]:
        """Agency IRI -> its Vietnamese name."""
        return {iri: name for name, iris in self.agency_iris.items() for iri in iris}

    def tasks_of(self, doc: str | None = None, agency: str | None = None) -> list[TaskRow]:
        """The tasks of one document and/or one agency (ids / IRIs), read from the store, kept."""
        if doc is None and agency is None:
            return self.tasks
        iri = self.doc_iri(doc) if doc else None
        if doc and iri is None:
            return []
        return self._kept(("tasks", doc, agency), lambda: answers.tasks(self.store, iri, agency))

    @cached_property
    def docs(self) -> list[DocRow]:
        return answers.docs(self.store)

    @cached_property
    def tasks(self) -> list[TaskRow]:
        return answers.tasks(self.store)

    @cached_property
    def agencies(self) -> list[AgencyRow]:
        return answers.agencies(self.store)

    @cached_property
    def refs(self) -> list[RefRow]:
        return answers.refs(self.store)

    @cached_property
    def targets(self) -> list[TargetRow]:
        return answers.targets(self.store)

    @cached_property
    def rows(self) -> compare.Rows:
        return compare.Rows.of(self.store)

    @cached_property
    def names(self) -> dict[str, DocName]:
        return document_names(self.docs, self.refs, answers.passages(self.store))

    def name(self, doc_id: str | None) -> DocName | None:
        """A document's names: a corpus document's from its own row, a cited one's from the citations."""
        full = self.__dict__.get("names")  # the citations' names complete a corpus document's (date, aliases)
        if full is not None:
            return full.get(doc_id or "")
        own = self.doc_names.get(doc_id or "")
        if own is not None or not doc_id:
            return own
        if self.large:  # a cited document named from a few of its own citations, not from every citation
            return self._kept(("cited_name", doc_id), lambda: self._cited_name(doc_id))
        return self.names.get(doc_id)

    def _cited_name(self, doc_id: str) -> DocName | None:
        iri = str(ID["legal/" + doc_id])
        if iri not in self.legal_iris:
            return None
        keys = selective.citation_keys(self.store, cited=[iri])[:5]
        return document_names([], answers.refs(self.store, keys=keys), []).get(doc_id) if keys else None

    def cited_short(self, iri: str, lang: Lang = "vi") -> str | None:
        """The short name of a document node known only from citations ("NQ 50/NQ-CP"), else None."""
        prefix = str(ID["legal/"])
        doc_id = iri.removeprefix(prefix)
        return self.short(doc_id, lang) if iri.startswith(prefix) and self.name(doc_id) is not None else None

    def short(self, doc_id: str | None, lang: Lang = "vi") -> str:
        """A document's short name ("QĐ 2289/QĐ-TTg"), never its id unless nothing else is known."""
        n = self.name(doc_id)
        if n is None:
            return doc_id or ""
        if n.draft and lang != "vi":  # the draft mark is a word of the interface, not of the document
            return n.short.removesuffix(" " + tr("doc.draft", "vi")) + " " + tr("doc.draft", lang)
        return n.short

    def find_docs(self, text: str, limit: int = 10) -> list[DocName]:
        """Documents matching a search; a large corpus searches its index (cited documents named from their own
        nodes: their names are never built from every citation)."""
        if self.large:
            return self.search_index.find_docs(text, limit)
        return find_docs(self.names, text, limit)

    @cached_property
    def search_index(self) -> search.Index:
        """Names to search, read from the store (never the networkx view); the tasks' labels in a thread."""
        index = search.Index.of(self.store, self.doc_names)
        threading.Thread(target=index.read_tasks, args=(self.store, self.doc_iris.values(), self.wait_quiet),
                         name="policykg-search-tasks", daemon=True).start()
        return index

    def touch(self) -> None:
        """A reader is being answered: work in the background waits (`wait_quiet`)."""
        self._touched = time.monotonic()

    def wait_quiet(self, quiet: float = QUIET) -> None:
        """Return once no reader has been answered for `quiet` seconds (background work yields the interpreter and
        the cores to the app's answers and the browser's drawing)."""
        while (idle := time.monotonic() - self._touched) < quiet:
            time.sleep(quiet - idle)

    def corpus_ids(self) -> list[str]:
        """Corpus documents, finals first."""
        return [d["id"] for d in sorted(self.docs, key=lambda d: (d["status"] == "draft", d["id"]))]

    def comparable_ids(self) -> list[str]:
        """Corpus documents, then documents only cited (one id each; a large corpus: its own documents only)."""
        if self.large:
            return self.corpus_ids()
        own = set(self.corpus_ids())
        cited = {r["id"] for r in self.refs if (n := self.name(r["id"])) is None or n.id == r["id"]} - own
        return self.corpus_ids() + sorted(cited, key=self.short)

    def in_corpus(self, doc_id: str) -> bool:
        return doc_id in self.doc_iris

    def rows_of(self, *doc_ids: str) -> compare.Rows:
        """The comparison rows: every answer on a small corpus; on a large one, those of these documents only."""
        if not self.large:
            return self.rows
        iris = {d: iri for d in doc_ids if (iri := self.doc_iri(d))}
        return self._kept(("rows", *sorted(iris)), lambda: selective.rows_of(self.store, self.docs, iris))

    def overlap(self, a: str, b: str, threshold: float) -> Row:
        # kept: the comparison takes a second, the page reruns on every click
        return self._kept(("overlap", a, b, threshold), lambda: compare.overlap(self.rows_of(a, b), a, b, threshold))

    def diff(self, draft: str, final: str) -> Row:
        return self._kept(("diff", draft, final), lambda: compare.diff(self.rows_of(draft, final), draft, final))

    def doc_tasks(self, doc_id: str) -> list[TaskRow]:
        """One corpus document's tasks (selected on the store when the corpus is large)."""
        if not self.large:
            return [t for t in self.tasks if t["doc"] == doc_id]
        iri = self.doc_iris.get(doc_id)
        return self._kept(("doc_tasks", doc_id), lambda: selective.tasks_in(self.store, [iri] if iri else []))

    def doc_refs(self, doc_id: str) -> list[RefRow]:
        """The citations one corpus document makes (selected on the store when the corpus is large)."""
        if not self.large:
            return [r for r in self.refs if r["evidence"]["doc"] == doc_id]
        iri = self.doc_iris.get(doc_id)  # a citation node shared by documents: the rows of this one's text
        return self._kept(("doc_refs", doc_id), lambda: [r for r in selective.refs_in(self.store, [iri] if iri else [])
                                                         if r["evidence"]["doc"] == doc_id])

    def indicator_list(self) -> list[tuple[str, str, int]]:
        """(indicator IRI, label, targets), most targets first: counted on the store."""
        return self._kept(("indicators",), lambda: selective.indicators(self.store))

    def indicator_targets(self, indicator: str, limit: int | None) -> tuple[list[TargetRow], int]:
        """The targets of one indicator (IRI), at most `limit`, and how many there are."""
        return self._kept(("indicator", indicator, limit),
                          lambda: selective.targets_of_indicator(self.store, indicator, limit))

    def drafts_and_finals(self) -> tuple[list[str], list[str]]:
        """Corpus drafts and finals (each falls back to every document when there is none)."""
        ids = self.corpus_ids()
        drafts = [i for i in ids if (n := self.name(i)) and n.draft] or ids
        return drafts, [i for i in ids if i not in drafts] or ids

    def details(self, iri: str) -> Any:
        """What the details panel shows for a node (`network.details`), kept."""
        from policykg.ui.network import DETAILS_ROWS, details

        return self._kept(("details", iri), lambda: details(self.store, iri, DETAILS_ROWS))

    def warm_focuses(self, limit: int = WARM_FOCUSES) -> int:
        """Draw ahead, in the background, the focuses a reader most likely opens first: the first view's agencies and
        documents, most tasks first (each piece and details panel, kept), each once no reader has been answered for a
        while. Run once at a time; how many were drawn ahead."""
        if not self._warming_focuses.acquire(blocking=False):
            return 0
        try:
            counts = self.overview_counts()
            # the busiest agency and document first (their focuses read the store differently), then by task count
            ranked = sorted([*counts.agencies[:1], *counts.docs[:1]], key=lambda nk: -nk[1])
            ranked += sorted([*counts.agencies[1:], *counts.docs[1:]], key=lambda nk: -nk[1])
            ranked = ranked[:limit]
            for iri, _ in ranked:
                self.wait_quiet()
                self.drawn_view(iri, 1)
                self.details(iri)
            return len(ranked)
        finally:
            self._warming_focuses.release()

    def warm_first_view(self) -> None:
        """What the first page reads: documents and their names, agencies' names, the overview's counts."""
        for answer in ("docs", "doc_iris", "doc_names", "agency_iris", "task_count"):
            getattr(self, answer)
        self.overview_counts()

    def warm(self) -> None:
        """Compute what the other pages read first (answers, the first comparison): run after the first view.
        A large corpus's whole tables are not read: its pages ask for a document or an agency."""
        self.warm_first_view()
        if self.large:  # nothing is read whole: only the search's names (documents, agencies, indicators, tasks)
            self.wait_quiet()
            getattr(self, "search_index")  # noqa: B009 - a cached property, built now
            self.warm_focuses()
            return
        for answer in ("view", "tasks", "agencies", "refs", "targets", "names", "rows"):
            self.wait_quiet()
            getattr(self, answer)
        self.wait_quiet()
        drafts, finals = self.drafts_and_finals()
        self.diff(drafts[0], finals[0])
        self.warm_focuses()

    @cached_property
    def console(self) -> Console:
        """Worker processes for console queries: a timed-out query is killed, the app keeps running."""
        return Console(graph_file(self.workspace), "oxigraph")

    def query(self, sparql: str, limit: int, timeout: float) -> Result:
        from graph.queries import PREFIX_BLOCK

        return self.console.run(PREFIX_BLOCK + sparql, limit=limit, timeout=timeout)

    def doc_iri(self, doc_id: str) -> str | None:
        """The node of a corpus document id ("000") or of a cited document id ("nq-50-cp-2020")."""
        if doc_id in self.doc_iris:
            return self.doc_iris[doc_id]
        if (legal := str(ID["legal/" + doc_id])) in self.legal_iris:  # a cited document, without reading names
            return legal
        name = self.name(doc_id)
        if name is None:
            return None
        if name.in_corpus:
            return self.doc_iris.get(name.id)
        iri = str(ID["legal/" + doc_id])
        return iri if iri in self.legal_iris else None

    @cached_property
    def legal_iris(self) -> frozenset[str]:
        """Every document node (in the corpus or only cited)."""
        return frozenset(str(r[0]) for r in self._select("SELECT ?doc WHERE { ?doc a eli:LegalResource }") if r[0])


_OPENED: dict[Path, Corpus] = {}
_OPENING = threading.Lock()


def opened(workspace: Path) -> Corpus:
    """The workspace's Corpus for its current generation, one per process: the server's launcher opens
    it before it listens, and the app's first run finds it ready."""
    key = workspace.resolve()
    with _OPENING:
        corpus = _OPENED.get(key)
        if corpus is None or (gen := current(workspace)) is None or gen.resolve() != corpus.generation.resolve():
            corpus = _OPENED[key] = Corpus(workspace)
        return corpus


def add(path: Path, workspace: Path) -> Summary:
    """Add one document to the workspace; returns what the workspace now holds."""
    return add_document(path, workspace)
