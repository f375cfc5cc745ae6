"""A search index over names, read from the store: documents (in the corpus or only cited), agencies, indicators
and tasks. A large corpus's search uses it instead of the networkx view (whose loading took seconds).

Names come from a few SELECTs of labels; the tasks' labels (tens of thousands at 1,000 documents) are read in a
thread and join the hits once read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extract.agencies import registry, slug
from graph.names import DocName, cited_name
from graph.names import find as find_docs
from graph.namespace import ID
from graph.queries import PREFIX_BLOCK
from graph.store import Store
from policykg.ui.network import match_rank
from policykg.ui.selective import iri_values

Entry = tuple[str, str, str, str]  # (slug of the label, label, iri, kind)
KINDS = ("agency", "indicator", "task")

_CITED = ("SELECT ?d ?sym ?label ?year WHERE { ?d a eli:LegalResource ; eli:id_local ?sym ; rdfs:label ?label "
          "OPTIONAL { ?d pkg:year ?year } FILTER NOT EXISTS { ?d pkg:inCorpus true } }")
_AGENCIES = ('SELECT DISTINCT ?a ?name WHERE { ?d pkg:mentions ?a . ?a skos:prefLabel ?name '
             'FILTER(lang(?name) = "vi") }')
_INDICATORS = "SELECT ?i ?name WHERE { ?i a pkg:Indicator ; skos:prefLabel ?name }"
_TASKS = "SELECT ?t ?name WHERE { ?t a pkg:Task ; rdfs:label ?name }"
_TASKS_IN = "SELECT ?t ?name WHERE {{ VALUES ?d {{ {docs} }} ?t pkg:inDocument ?d ; a pkg:Task ; rdfs:label ?name }}"
TASK_CHUNK = 10  # documents a step (~800 tasks at 1,000 documents: a short hold of the interpreter)


def _entries(store: Store, sparql: str, kind: str) -> list[Entry]:
    rows = store.query(PREFIX_BLOCK + sparql).rows
    return [(slug(str(name)), str(name), str(iri), kind) for iri, name in rows if iri and name]


def cited_names(store: Store) -> dict[str, DocName]:
    """Documents only cited, named from their own nodes (label, symbol, year): one SELECT, no citation read."""
    out: dict[str, DocName] = {}
    for iri, symbol, label, year in store.query(PREFIX_BLOCK + _CITED).rows:
        if iri and label and str(iri).startswith(str(ID["legal/"])):
            doc_id = str(iri).rsplit("/", 1)[-1]
            out[doc_id] = cited_name(doc_id, str(label), str(symbol) if symbol else None, str(year) if year else None)
    return out


@dataclass
class Index:
    """Names to search: documents (corpus and cited), agencies, indicators; tasks once their thread has read them."""

    docs: dict[str, DocName]
    names: list[Entry]
    tasks: list[Entry] = field(default_factory=list)
    tasks_ready: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def of(cls, store: Store, corpus_names: dict[str, DocName]) -> Index:
        return cls({**cited_names(store), **corpus_names},
                   _entries(store, _AGENCIES, "agency") + _entries(store, _INDICATORS, "indicator"))

    def read_tasks(self, store: Store, doc_iris: Iterable[str] = (), pause: Callable[[], None] = lambda: None) -> None:
        """The tasks' labels (run in a thread: searches find agencies and documents meanwhile), read a few documents
        at a time with a `pause` between (it waits while the app answers a reader: the reading holds the
        interpreter, 3-7 s at 1,000 documents); all at once without documents."""
        if self.tasks_ready.is_set():
            return
        docs = sorted(doc_iris)
        if not docs:
            self.tasks = _entries(store, _TASKS, "task")
        else:
            tasks: list[Entry] = []
            for start in range(0, len(docs), TASK_CHUNK):
                pause()
                tasks += _entries(store, _TASKS_IN.format(docs=iri_values(docs[start:start + TASK_CHUNK])), "task")
            self.tasks = tasks
        self.tasks_ready.set()

    def find(self, text: str, limit: int = 12) -> list[tuple[str, str, str]]:
        """(iri, label, kind) of agencies, indicators and tasks matching, best first (as `network.search` ranks)."""
        want = slug(text)
        if not want:
            return []
        agency = registry().resolve(text)
        exact = str(ID["agency/" + agency.id]) if agency else None
        scored = []
        entries = self.names + (self.tasks if self.tasks_ready.is_set() else [])
        # only what holds the words is ranked (a comprehension over ~80,000 task labels, not a call for each)
        for key, label, iri, kind in [e for e in entries if want in e[0] or e[2] == exact]:
            rank = match_rank(key, want, iri == exact)
            if rank is not None:
                scored.append((rank, kind != "agency", len(label), iri, label, kind))
        if exact and not any(s[3] == exact for s in scored):  # an abbreviation ("MPI") of an agency named otherwise
            scored += [(0, False, 0, iri, label, kind) for _, label, iri, kind in self.names if iri == exact][:1]
        return [(iri, label, kind) for *_, iri, label, kind in sorted(set(scored))[:limit]]

    def find_docs(self, text: str, limit: int) -> list[DocName]:
        return find_docs(self.docs, text, limit)
