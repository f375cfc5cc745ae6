"""The network a view state draws, and nothing else: the overview counted on the store, or a focused or filtered
piece cut to its pages (an agency's or a document's focus) and to its node cap. The network page draws it and
"export the current view" takes exactly its nodes, so what is exported is what the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ui import network, overview
from policykg.ui.corpus import Corpus

MAX_PAGES = 50


@dataclass(frozen=True)
class ViewState:
    """What the network page's sidebar and clicks describe: focus, depth, filters (document ids, agency names, node
    types, relations), node cap and the pages of a bounded focus shown."""

    focus: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    cap: int = network.NODE_CAP
    pages: int = 1

    @classmethod
    def of(cls, params: dict[str, str]) -> ViewState:
        """From the page's kept state or the URL ("a|b" lists, numbers as text); what cannot be read is left out."""
        def listed(key: str) -> tuple[str, ...]:
            return tuple(v for v in params.get(key, "").split("|") if v)

        def whole(key: str, default: int, low: int, high: int) -> int:
            text = params.get(key, "")
            return min(high, max(low, int(text))) if text.isdigit() else default

        return cls(params.get("focus") or None, whole("depth", 1, 1, 3), listed("types"), listed("docs"),
                   listed("agencies"), listed("relations"), whole("cap", network.NODE_CAP, 10, 1500),
                   whole("more", 1, 1, MAX_PAGES))

    def params(self) -> dict[str, str]:
        """The state as the page keeps it (the inverse of `of`)."""
        return {"focus": self.focus or "", "depth": str(self.depth), "types": "|".join(self.types),
                "docs": "|".join(self.docs), "agencies": "|".join(self.agencies),
                "relations": "|".join(self.relations), "cap": str(self.cap), "more": str(self.pages)}

    @property
    def is_overview(self) -> bool:
        return network.is_overview(self.focus, set(self.types), set(self.relations))


def draw(corpus: Corpus, state: ViewState, labels: network.Labels, overview_labels: network.Labels | None = None,
         physics: bool = True, tree: bool = False) -> network.NetworkData:
    """The network a view state shows (the overview's documents named with `overview_labels`)."""
    doc_iris = {iri for d in state.docs if (iri := corpus.doc_iri(d))}
    if state.is_overview:  # counted on the store, at any corpus size
        agency_iris = frozenset(i for a in state.agencies for i in corpus.agency_iris.get(a, ()))
        counts = corpus.overview_counts(frozenset(doc_iris), agency_iris)
        return overview.draw(counts, overview_labels or labels, corpus.doc_ids, physics, tree)
    view, bound = corpus.drawn_view(state.focus, state.depth, frozenset(doc_iris), frozenset(state.agencies),
                                    state.pages)
    return network.build_view(view, state.focus, state.depth, set(state.types), doc_iris, set(state.agencies),
                              set(state.relations), physics, state.cap, labels, tree, bound)


def drawn_nodes(corpus: Corpus, state: ViewState) -> set[str]:
    """The IRIs a view state draws; the overview's with the tasks between its agencies and documents (its edges
    count them)."""
    if state.is_overview:
        doc_iris = frozenset(iri for d in state.docs if (iri := corpus.doc_iri(d)))
        agency_iris = frozenset(i for a in state.agencies for i in corpus.agency_iris.get(a, ()))
        return overview.node_iris(corpus.overview_counts(doc_iris, agency_iris), corpus.store)
    return {str(n["id"]) for n in draw(corpus, state, network.Labels()).nodes}
