"""Selective answers for a large corpus: counts first, then the rows of what the reader picks.

Each function asks the store for the IRIs of one document's, one indicator's or two documents' facts
(one small SELECT), then their rows through the named queries' pages (`graph.answers`, `keys=`): so a
page reads what it shows, never a whole table (bench/README.md, Explorer, session 4).
"""

from __future__ import annotations

from collections.abc import Iterable

from extract.legal_ids import own_identity
from extract.rows import DocRow, PassageRow, RefRow, TargetRow, TaskRow
from graph import answers, compare
from graph.queries import PREFIX_BLOCK
from graph.store import IRI_RE, Store

# a table shows this many rows; the rest are counted ("N more") and are in the download
PREVIEW_ROWS = 200
# a chart draws at most this many targets (one legend entry each)
CHART_TARGETS = 60


def _iris(store: Store, sparql: str) -> list[str]:
    return sorted({str(r[0]) for r in store.query(PREFIX_BLOCK + sparql).rows if r[0]})


def iri_values(iris: Iterable[str]) -> str:
    """A VALUES list of IRIs, each checked first (they are written into the query)."""
    out = []
    for iri in iris:
        if not IRI_RE.match(iri):
            raise ValueError(f"'{iri}' is not an IRI")
        out.append(f"<{iri}>")
    return " ".join(out)


def tasks_in(store: Store, doc_iris: Iterable[str]) -> list[TaskRow]:
    """The tasks of some documents (IRIs): their task IRIs, then those tasks' rows."""
    keys = _iris(store, f"SELECT ?t WHERE {{ VALUES ?d {{ {iri_values(doc_iris)} }} ?t pkg:inDocument ?d ; "
                        "a pkg:Task }")
    return answers.tasks(store, keys=keys) if keys else []


def _one_per_target(rows: list[TargetRow]) -> list[TargetRow]:
    """One row per target: a target of two corpus documents sharing one symbol (one node, two identifiers) comes
    once per identifier; it is the document's whose id its own id starts with ("000-target-004" is 000's)."""
    chosen: dict[str, TargetRow] = {}
    for t in rows:
        if t["id"] not in chosen or (t["id"].startswith(f"{t['doc']}-")
                                     and not t["id"].startswith(f"{chosen[t['id']]['doc']}-")):
            chosen[t["id"]] = t
    return list(chosen.values())


def targets_in(store: Store, doc_iris: Iterable[str]) -> list[TargetRow]:
    keys = _iris(store, f"SELECT ?t WHERE {{ VALUES ?d {{ {iri_values(doc_iris)} }} ?t pkg:inDocument ?d ; "
                        "a pkg:Target }")
    return _one_per_target(answers.targets(store, keys=keys)) if keys else []


def citation_keys(store: Store, citing: Iterable[str] = (), cited: Iterable[str] = ()) -> list[str]:
    """The citations made in some documents and those of some cited documents (IRIs)."""
    keys: set[str] = set()
    if citing := list(citing):
        keys |= set(_iris(store, f"SELECT ?c WHERE {{ VALUES ?d {{ {iri_values(citing)} }} ?c pkg:inDocument ?d ; "
                                 "a pkg:Citation }"))
    if cited := list(cited):
        keys |= set(_iris(store, f"SELECT ?c WHERE {{ VALUES ?d {{ {iri_values(cited)} }} ?c pkg:cited ?d }}"))
    return sorted(keys)


def refs_in(store: Store, citing: Iterable[str]) -> list[RefRow]:
    """The citations a few documents (IRIs) make."""
    keys = citation_keys(store, citing=citing)
    return answers.refs(store, keys=keys) if keys else []


def indicators(store: Store) -> list[tuple[str, str, int]]:
    """(indicator IRI, Vietnamese label, targets) for every indicator with a target, most targets first."""
    q = "SELECT ?i (COUNT(?t) AS ?n) WHERE { ?t pkg:indicator ?i ; a pkg:Target } GROUP BY ?i"
    counts = {str(i): int(n or 0) for i, n in store.query(PREFIX_BLOCK + q).rows if i}
    if not counts:
        return []
    labels: dict[str, str] = {}
    for i, label in store.query(PREFIX_BLOCK + f"SELECT ?i ?l WHERE {{ VALUES ?i {{ {iri_values(counts)} }} "
                                "?i skos:prefLabel ?l }").rows:
        if i and label:
            labels.setdefault(str(i), str(label))
    return sorted(((i, labels.get(i, i.rsplit("/", 1)[-1]), n) for i, n in counts.items()),
                  key=lambda x: (-x[2], x[1]))


def targets_of_indicator(store: Store, indicator: str, limit: int | None = None) -> tuple[list[TargetRow], int]:
    """The targets of one indicator (IRI), at most `limit` of them (the first by IRI), and how many there are."""
    keys = _iris(store, f"SELECT ?t WHERE {{ ?t pkg:indicator {iri_values([indicator])} ; a pkg:Target }}")
    chosen = keys if limit is None else keys[:limit]
    return (_one_per_target(answers.targets(store, keys=chosen)) if chosen else []), len(keys)


def rows_of(store: Store, docs: list[DocRow], doc_iris: dict[str, str]) -> compare.Rows:
    """The comparison rows (graph.compare.Rows) of a few documents only (id -> IRI): their tasks, targets,
    sections, the citations they make and those of them, and the passages of those citations."""
    iris = list(doc_iris.values())
    alias = {own: d["id"] for d in docs if (own := own_identity(d["number"], d["date"], d["issuer"]))}
    keys = citation_keys(store, citing=iris, cited=iris)
    refs: list[RefRow] = [{**r, "id": alias.get(r["id"], r["id"]), "cited_by": alias.get(r["cited_by"], r["cited_by"])}
                          for r in (answers.refs(store, keys=keys) if keys else [])]
    passages: list[PassageRow] = [{**p, "cited": alias.get(p["cited"], p["cited"])}
                                  for p in (answers.passages(store, keys=keys) if keys else [])]
    corpus_iris = [iri for d, iri in doc_iris.items() if any(x["id"] == d for x in docs)]
    sections = answers.sections(store, docs=sorted(corpus_iris)) if corpus_iris else []
    return compare.Rows(docs, tasks_in(store, iris), refs, targets_in(store, iris), passages, sections)


def count_by_doc(store: Store, iris: list[str], doc_ids: dict[str, str]) -> dict[str, int]:
    """How many of these facts (task or target IRIs) each corpus document holds (doc IRI -> id given)."""
    if not iris:
        return {}
    out: dict[str, int] = {}
    for d, n in store.query(PREFIX_BLOCK + f"SELECT ?d (COUNT(?x) AS ?n) WHERE {{ VALUES ?x {{ {iri_values(iris)} }} "
                            "?x pkg:inDocument ?d } GROUP BY ?d").rows:
        if d and (doc := doc_ids.get(str(d))):
            out[doc] = out.get(doc, 0) + int(n or 0)
    return out
