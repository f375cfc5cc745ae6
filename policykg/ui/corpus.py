"""What the explorer reads from a workspace: the store, the saved view, and answers computed once."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx

from extract.rows import AgencyRow, DocRow, RefRow, TargetRow, TaskRow
from graph import answers, compare
from graph.names import DocName, document_names
from graph.names import find as find_docs
from graph.store import Result, Store
from graph.views import EDGES
from policykg.console import Console
from policykg.ui.i18n import Lang, tr
from policykg.workspace import add as add_document
from policykg.workspace import graph_file, open_explorer

Row = dict[str, Any]
RELATIONS = sorted(set(EDGES.values()))


class Corpus:
    """One workspace's graph for the explorer; answers are computed on first use and kept."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.store: Store
        self.view: nx.MultiDiGraph
        self.store, self.view = open_explorer(workspace)
        self._answers: dict[tuple[Any, ...], Row] = {}

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
        return self.names.get(doc_id or "")

    def short(self, doc_id: str | None, lang: Lang = "vi") -> str:
        """A document's short name ("QĐ 2289/QĐ-TTg"), never its id unless nothing else is known."""
        n = self.name(doc_id)
        if n is None:
            return doc_id or ""
        if n.draft and lang != "vi":  # the draft mark is a word of the interface, not of the document
            return n.short.removesuffix(" " + tr("doc.draft", "vi")) + " " + tr("doc.draft", lang)
        return n.short

    def find_docs(self, text: str, limit: int = 10) -> list[DocName]:
        return find_docs(self.names, text, limit)

    def corpus_ids(self) -> list[str]:
        """Corpus documents, finals first."""
        return [d["id"] for d in sorted(self.docs, key=lambda d: (d["status"] == "draft", d["id"]))]

    def comparable_ids(self) -> list[str]:
        """Corpus documents, then documents only cited (one id each)."""
        own = set(self.corpus_ids())
        cited = {r["id"] for r in self.refs if (n := self.name(r["id"])) is None or n.id == r["id"]} - own
        return self.corpus_ids() + sorted(cited, key=self.short)

    def in_corpus(self, doc_id: str) -> bool:
        return doc_id in {d["id"] for d in self.docs}

    def overlap(self, a: str, b: str, threshold: float) -> Row:
        key = ("overlap", a, b, threshold)
        if key not in self._answers:  # kept: the comparison takes a second, the page reruns on every click
            self._answers[key] = compare.overlap(self.rows, a, b, threshold)
        return self._answers[key]

    def diff(self, draft: str, final: str) -> Row:
        key = ("diff", draft, final)
        if key not in self._answers:
            self._answers[key] = compare.diff(self.rows, draft, final)
        return self._answers[key]

    def drafts_and_finals(self) -> tuple[list[str], list[str]]:
        """Corpus drafts and finals (each falls back to every document when there is none)."""
        ids = self.corpus_ids()
        drafts = [i for i in ids if (n := self.name(i)) and n.draft] or ids
        return drafts, [i for i in ids if i not in drafts] or ids

    def warm(self) -> None:
        """Compute what the other pages read first (answers, the first comparison): run after the first view."""
        for answer in ("tasks", "agencies", "refs", "targets", "names", "rows"):
            getattr(self, answer)
        drafts, finals = self.drafts_and_finals()
        self.diff(drafts[0], finals[0])

    @cached_property
    def console(self) -> Console:
        """Worker processes for console queries: a timed-out query is killed, the app keeps running."""
        return Console(graph_file(self.workspace), "oxigraph")

    def query(self, sparql: str, limit: int, timeout: float) -> Result:
        from graph.queries import PREFIX_BLOCK

        return self.console.run(PREFIX_BLOCK + sparql, limit=limit, timeout=timeout)

    def doc_iri(self, doc_id: str) -> str | None:
        """The view's node for a corpus document id ("000") or a cited document id."""
        for n, d in self.view.nodes(data=True):
            if d["type"] in ("document", "legal") and str(n).rsplit("/", 1)[-1] == doc_id:
                return str(n)
        name = self.name(doc_id)
        for alias in name.aliases if name else ():
            for n, d in self.view.nodes(data=True):
                if d["type"] == "document" and str(n).rsplit("/", 1)[-1] == alias:
                    return str(n)
        return None


def add(path: Path, workspace: Path) -> str:
    """Add one document to the workspace; returns the build summary line."""
    return add_document(path, workspace).line()
