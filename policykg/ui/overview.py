"""The network's first view from aggregate queries: agencies and the documents that assign them tasks.

Counted on the store (COUNT … GROUP BY), a few queries whatever the corpus size: neither the
networkx view nor the task table is loaded for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyvis.network import Network

from graph.queries import PREFIX_BLOCK
from graph.store import Store
from policykg.ui.i18n import tr, word
from policykg.ui.network import Labels, NetworkData, _node, _options, legend

AGENCY_LIMIT = 45
DOC_LIMIT = 15  # with the agencies, at most ~60 nodes

ROLES = ("pkg:owner", "pkg:coOwner", "pkg:lead", "pkg:cooperating")


def _pattern(docs: Any, agencies: Any, with_doc: bool) -> str:
    """Tasks (?task), their agencies in any role (?agency) and, when asked for or filtered on, documents (?doc).

    Shaped for Oxigraph's planner: from the documents when they are given (VALUES ?p there would make
    it scan every task first), else from the role predicates, the document joined last.
    """
    if docs:
        return (f"{_values('doc', docs)} ?task pkg:inDocument ?doc ; ?p ?agency . "
                f"FILTER(?p IN ({', '.join(ROLES)})) {_filter('agency', agencies)}")
    inner = f"SELECT DISTINCT ?task ?agency WHERE {{ VALUES ?p {{ {' '.join(ROLES)} }} {_values('agency', agencies)} " \
            "?task ?p ?agency }"
    return f"{{ {inner} }} " + ("?task pkg:inDocument ?doc ." if with_doc else "")


@dataclass(frozen=True)
class Counts:
    """What the overview draws: agencies and documents with their task counts, and the pairs between them."""

    agencies: list[tuple[str, int]]  # (iri, tasks), most tasks first
    docs: list[tuple[str, int]]  # (iri, tasks given to the shown agencies), most first
    pairs: list[tuple[str, str, int]]  # (document iri, agency iri, tasks)
    total_agencies: int
    total_docs: int
    names: dict[str, tuple[str, str | None]]  # agency iri -> (Vietnamese, English) name


def _values(var: str, iris: Any) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}" if iris else ""


def _filter(var: str, iris: Any) -> str:
    return f"FILTER(?{var} IN ({', '.join(f'<{i}>' for i in sorted(iris))}))" if iris else ""


def _safe(iris: set[str] | None) -> set[str] | None:
    """IRIs as they can be written in a query (anything else is dropped)."""
    if iris is None:
        return None
    return {i for i in iris if i.startswith("http") and not any(c in i for c in '<>"{}|^`\\ ')}


def _ranked(store: Store, select: str, where: str) -> list[tuple[str, int]]:
    rows = store.query(f"{PREFIX_BLOCK}SELECT ?{select} (COUNT(DISTINCT ?task) AS ?n) WHERE {{ {where} }} "
                       f"GROUP BY ?{select}").rows
    return sorted(((str(k), int(n or 0)) for k, n in rows if k), key=lambda kn: (-kn[1], kn[0]))


def counts(store: Store, docs: set[str] | None = None, agencies: set[str] | None = None,
           agency_limit: int = AGENCY_LIMIT, doc_limit: int = DOC_LIMIT) -> Counts:
    """The overview's numbers, optionally within some documents and agencies (IRIs)."""
    docs, agencies = _safe(docs), _safe(agencies)
    if docs == set() or agencies == set():
        return Counts([], [], [], 0, 0, {})
    per_agency = _ranked(store, "agency", _pattern(docs, agencies, False))
    top = per_agency[:agency_limit]
    if not top:
        return Counts([], [], [], 0, 0, {})
    top_iris = {a for a, _ in top} if len(top) < len(per_agency) or agencies else None
    per_doc = _ranked(store, "doc", _pattern(docs, top_iris, True))
    shown = per_doc[:doc_limit]
    pairs_q = (f"{PREFIX_BLOCK}SELECT ?doc ?agency (COUNT(DISTINCT ?task) AS ?n) WHERE {{ "
               f"{_pattern({d for d, _ in shown}, {a for a, _ in top}, True)} }} GROUP BY ?doc ?agency")
    pairs = sorted((str(d), str(a), int(n or 0)) for d, a, n in store.query(pairs_q).rows if d and a)
    names_q = (f"{PREFIX_BLOCK}SELECT ?agency ?name ?lang WHERE {{ {_values('agency', [a for a, _ in top])} "
               "?agency skos:prefLabel ?name . BIND(LANG(?name) AS ?lang) }")
    vi: dict[str, list[str]] = {}
    en: dict[str, list[str]] = {}
    for a, name, lang in store.query(names_q).rows:
        (en if lang == "en" else vi).setdefault(str(a), []).append(name or "")
    names = {a: (min(vi.get(a) or en.get(a) or [a.rsplit("/", 1)[-1]]), min(en[a]) if a in en else None)
             for a, _ in top}
    return Counts(top, shown, pairs, len(per_agency), len(per_doc), names)


def draw(c: Counts, labels: Labels, doc_ids: dict[str, str], physics: bool = True,
         tree: bool = False) -> NetworkData:
    """The overview's nodes (documents and agencies sized by task count), edges and legend."""
    lang = labels.lang
    net = Network(directed=True, cdn_resources="remote")
    for doc, k in sorted(c.docs):
        data = {"type": "document", "label": doc_ids.get(doc, doc.rsplit("/", 1)[-1])}
        _node(net, doc, data, labels, None, value=k, extra="\n" + tr("net.tasks", lang, n=k))
    for a, k in sorted(c.agencies):
        vi, en = c.names[a]
        _node(net, a, {"type": "agency", "label": vi, "label_en": en}, labels, None, value=k,
              extra="\n" + tr("net.tasks", lang, n=k))
    for doc, a, k in c.pairs:
        net.add_edge(doc, a, value=k, title=f"{word('relation', 'tasks', lang)}: {k}")
    node_list, edge_list, *_rest = net.get_network_data()
    message = tr("net.overview", lang)
    if c.total_agencies > len(c.agencies):
        message += " " + tr("net.overview.cut", lang, shown=len(c.agencies), total=c.total_agencies)
    if c.total_docs > len(c.docs):
        message += " " + tr("net.overview.docs", lang, shown=len(c.docs), total=c.total_docs)
    drafts = any(d in labels.drafts for d, _ in c.docs)
    return NetworkData(node_list, edge_list, _options(physics, len(node_list), tree), len(node_list),
                       c.total_agencies > len(c.agencies) or c.total_docs > len(c.docs), message,
                       legend({"agency", "document"}, lang, drafts))


def node_iris(c: Counts, store: Store) -> set[str]:
    """The IRIs the overview shows and the tasks between them (what "export the current view" takes)."""
    if not c.pairs:
        return {a for a, _ in c.agencies}
    q = (f"{PREFIX_BLOCK}SELECT DISTINCT ?task WHERE {{ "
         f"{_pattern({d for d, _ in c.docs}, {a for a, _ in c.agencies}, True)} }}")
    return {a for a, _ in c.agencies} | {d for d, _ in c.docs} | {str(r[0]) for r in store.query(q).rows if r[0]}


def agency_load(store: Store, names: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """(agency name, tasks in any role, tasks it leads, tasks it cooperates on), most tasks first."""
    total = dict(_ranked(store, "agency", _pattern(None, None, False)))
    by_role: dict[tuple[str, str], int] = {}
    q = (f"{PREFIX_BLOCK}SELECT ?agency ?p (COUNT(DISTINCT ?task) AS ?n) WHERE {{ VALUES ?p {{ pkg:lead "
         "pkg:cooperating } ?task ?p ?agency } GROUP BY ?agency ?p")
    for a, p, n in store.query(q).rows:
        by_role[(str(a), str(p).rsplit("#", 1)[-1])] = int(n or 0)
    rows = [(names.get(a) or a.rsplit("/", 1)[-1], k, by_role.get((a, "lead"), 0), by_role.get((a, "cooperating"), 0))
            for a, k in total.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))
