"""Table-shaped answers for the explorer's pages, in the reader's language (plain rows; app.py lays them out)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extract.agencies import registry, slug
from extract.rows import RefRow, SuccessorRow, TargetRow, TaskRow
from graph.answers import task_roles
from graph.namespace import ID
from policykg.tables import csv_bytes, xlsx_bytes  # noqa: F401 - the pages' table downloads
from policykg.ui.charts import CELL_SEPARATOR
from policykg.ui.corpus import Corpus
from policykg.ui.i18n import Lang, column, owner_name, tr, word

Row = dict[str, Any]

EXAMPLE_QUERIES = {
    ("Cơ quan được giao nhiều nhiệm vụ nhất", "Agencies by task load"): """SELECT ?name (COUNT(?task) AS ?tasks)
WHERE { ?task pkg:owner ?a . ?a skos:prefLabel ?name FILTER(lang(?name) = "vi" && !STRSTARTS(?name, "các ")) }
GROUP BY ?name ORDER BY DESC(?tasks)""",
    ("Văn bản mà QĐ 2289 triển khai", "What QĐ 2289 implements"): """SELECT (SAMPLE(?l) AS ?label)
WHERE { <https://w3id.org/policykg/id/legal/qd-2289-ttg-2020> pkg:implements ?doc . ?doc rdfs:label ?l }
GROUP BY ?doc ORDER BY ?label""",
    ("Mục tiêu chậm tiến độ", "Targets off track"): """SELECT ?label ?value ?year
WHERE { ?t pkg:status pkg:off_track ; rdfs:label ?label ; pkg:year ?year . OPTIONAL { ?t pkg:value ?value } }
ORDER BY ?year""",
    ("Bộ sáp nhập năm 2025", "Ministries merged in 2025"): """SELECT ?from ?to ?date
WHERE { ?e a org:ChangeEvent ; org:originalOrganization/skos:prefLabel ?from ;
           org:resultingOrganization/skos:prefLabel ?to ; pkg:effectiveDate ?date .
        FILTER(lang(?from) = "vi" && lang(?to) = "vi" && STRSTARTS(STR(?date), "2025")) } ORDER BY ?date""",
}


def example_titles(lang: Lang) -> list[str]:
    return [en if lang == "en" else vi for vi, en in EXAMPLE_QUERIES]


def example_query(title: str) -> str:
    return next(q for names, q in EXAMPLE_QUERIES.items() if title in names)


def day(iso: str | None) -> str:
    """"2025-03-01" -> "01/03/2025"."""
    if not iso:
        return ""
    parts = iso.split("-")
    return "/".join(reversed(parts))


def today_phrase(successor: SuccessorRow | None, lang: Lang) -> str:
    """"nay là Bộ Tài chính, từ 01/03/2025, theo Nghị quyết 176/2025/QH15"."""
    if not successor:
        return ""
    return tr("own.today", lang, name=successor["name"], since=day(successor["since"]), basis=successor["basis"])


def match_agencies(corpus: Corpus, text: str) -> list[str]:
    """Agency names matching a name, an abbreviation ("MPI", "NHNN") or words without diacritics."""
    text = text.strip()
    if not text:
        return []
    exact = registry().resolve(text)
    names = [a["name"] for a in corpus.agencies]
    if exact is not None:
        hit = [n for n in names if registry().resolve(n) is exact]
        if hit:
            return hit
    want = slug(text)
    abbr = {a["name"]: [slug(x) for x in a["abbreviations"]] for a in corpus.agencies}
    return [n for n in names if want in slug(n) or want in abbr.get(n, [])]


def chosen_tasks(corpus: Corpus, agencies: set[str], doc: str | None) -> list[TaskRow]:
    """The tasks of the chosen agencies (by name; all when none) in the chosen document (all when None),
    asked of the store one agency at a time: a large corpus is never read whole."""
    iris: set[str | None] = {i for n in agencies for i in corpus.agency_iris.get(n, ())} or {None}
    chosen = {t["id"]: t for iri in iris for t in corpus.tasks_of(doc, iri)}
    return sorted(chosen.values(), key=lambda t: t["id"])


def ownership(corpus: Corpus, lang: Lang, tasks: list[TaskRow] | None = None) -> list[Row]:
    """Agency → task rows (of every task, or of the given ones): role, partners (the task's other agencies with
    their roles), who holds it today."""
    today = {a["name"]: a["successor"] for a in corpus.agencies if a.get("successor")}
    rows = []
    for t in corpus.tasks if tasks is None else tasks:
        roles: dict[str, str | None] = dict(task_roles(t))
        if t["owner"] is None:  # a task that names no agency: one row, "chưa giao cơ quan chủ trì"
            roles = {owner_name(None, lang): None, **roles}
        for name, role in roles.items():
            partners = "; ".join(f"{other} ({word('role', r, lang)})" for other, r in roles.items() if other != name)
            rows.append({
                "agency": name, "role": word("role", role, lang), "role_code": role or "",
                "doc": corpus.short(t["doc"], lang), "doc_id": t["doc"], "section": t["section"],
                "task": " ".join(t["text"].split()),
                "partners": partners, "deadline": t["deadline"] or "", "today": today_phrase(today.get(name), lang),
                "kind": word("task_kind", t["kind"], lang),
            })
    return rows


def role_counts(rows: list[Row]) -> list[Row]:
    """Per agency of ownership rows: its tasks, and how many it leads, cooperates on or is responsible for (the
    tasks that name no agency count under their own row, "chưa giao cơ quan chủ trì", with no role)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        counts[r["agency"]]["tasks"] += 1
        if r["role_code"]:
            counts[r["agency"]][r["role_code"] + "_n"] += 1
    unassigned = {r["agency"] for r in rows if not r["role_code"]}
    return [{"agency": a, **{k: c[k] for k in ("tasks", "lead_n", "cooperating_n", "responsible_n")}}
            for a, c in sorted(counts.items(), key=lambda kv: (kv[0] in unassigned, kv[0]))]


Cells = dict[tuple[str, str], str]
VIEW_KEYS = ("focus", "depth", "types", "docs", "agencies", "relations", "cap", "more")


def view_nodes(corpus: Corpus, state: dict[str, str]) -> set[str]:
    """The IRIs a network view draws (exactly: its pages and node cap too), from the view state the network page
    keeps ("a|b" lists); kept per state."""
    from policykg.ui.drawing import ViewState, drawn_nodes

    view = ViewState.of(state)
    return corpus.remember(("view_nodes", view), lambda: drawn_nodes(corpus, view))


def shown_nodes(corpus: Corpus, focus: str | None, depth: int, types: set[str], doc_iris: set[str],
                agencies: set[str], relations: set[str]) -> set[str]:
    """The IRIs a view state shows: the overview's (counted on the store), or the filtered view's."""
    from policykg.ui import network, overview

    if network.is_overview(focus, types, relations):
        agency_iris = frozenset(i for a in agencies for i in corpus.agency_iris.get(a, ()))
        return overview.node_iris(corpus.overview_counts(frozenset(doc_iris), agency_iris), corpus.store)
    view = corpus.view_for(focus, depth, frozenset(doc_iris), frozenset(agencies))  # a large corpus: from the store
    return network.view_nodes(view, focus, depth, types, doc_iris, agencies, relations)


@dataclass(frozen=True)
class Scope:
    """What of the corpus a network view shows, as the matrix needs it: task ids and agency names."""

    tasks: frozenset[str]
    agencies: frozenset[str]


def view_scope(corpus: Corpus, state: dict[str, str] | None) -> Scope | None:
    """The tasks and agencies of the network's current view; None when no search or filter narrows it."""
    if not state or not any(state.get(k) for k in ("focus", "types", "docs", "agencies", "relations")):
        return None
    shown = view_nodes(corpus, state)
    prefix = str(ID["task/"])
    tasks = frozenset(iri[len(prefix):] for iri in shown if iri.startswith(prefix))
    agency_iris = {n for n in shown if n.startswith(str(ID["agency/"]))}
    names = frozenset(name for iri in agency_iris if (name := corpus.agency_names.get(iri)))
    wanted = {v for v in state.get("agencies", "").split("|") if v}
    return Scope(tasks, names & wanted if wanted else names)


def matrix_docs(corpus: Corpus, scope: Scope | None) -> list[str]:
    """Corpus documents with a task in the scope (all with tasks when nothing narrows the view; on a large corpus
    every document: its tasks are read when it is picked)."""
    if corpus.large:  # a document's tasks are read when it is picked; the view's scope filters them then
        return corpus.corpus_ids()
    with_tasks = {t["doc"] for t in corpus.tasks if scope is None or t["id"] in scope.tasks}
    return [i for i in corpus.corpus_ids() if i in with_tasks]


def matrix(corpus: Corpus, doc_id: str, lang: Lang, scope: Scope | None = None,
           only: set[str] | None = None) -> tuple[list[str], list[str], Cells]:
    """Task × agency for one document, within a view's scope: (agencies, sections, cell text "2 C / 1 P")."""
    lead, coop = ("L", "C") if lang == "en" else ("C", "P")
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for t in corpus.doc_tasks(doc_id):
        if scope is not None and t["id"] not in scope.tasks:
            continue
        top = t["section"].split(".")[0] if t["section"].count(".") > 1 else t["section"]
        for name, role in task_roles(t).items():
            if name.startswith("các ") or (scope is not None and name not in scope.agencies) \
                    or (only and name not in only):
                continue
            counts[(name, top)][coop if role == "cooperating" else lead] += 1
    totals = Counter({a: 0 for a, _ in counts})
    for (a, _), c in counts.items():
        totals[a] += sum(c.values())
    rows = sorted(totals, key=lambda a: (-totals[a], a))  # the busiest first; ties by name, in every run
    cols = sorted({s for _, s in counts}, key=_section_key)
    cells = {k: CELL_SEPARATOR.join(f"{c[r]} {r}" for r in (lead, coop) if c[r]) for k, c in counts.items()}
    return rows, cols, cells


def section_headings(corpus: Corpus, doc_id: str) -> dict[str, str]:
    """A document's section headings by section number ("IV.6" -> "Bộ Tài chính"), read once per document."""
    from graph.answers import sections

    iri = corpus.doc_iri(doc_id)
    if not iri:
        return {}
    return corpus.remember(("headings", doc_id), lambda: {r["section"]: " ".join(r["heading"].split())
                                                          for r in sections(corpus.store, docs=[iri])})


def _section_key(section: str) -> tuple[Any, ...]:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    return tuple((0, roman[p]) if p in roman else (1, int(p)) if p.isdigit() else (2, p) for p in section.split("."))


def target_cells(t: Mapping[str, Any], lang: Lang) -> Row:
    """A target's indicator, comparator, value, unit and year as table cells: words for codes, "30" not "30.0",
    the year as written ("" for a target without one, never a float column's "2025.000000")."""
    return {"indicator": t["indicator_label"], "comparator": word("comparator", t["comparator"] or "", lang),
            "target": number(t["value"]), "unit": word("unit", t["unit"] or "", lang), "year": number(t["year"])}


def shared_indicators(result: Mapping[str, Any], lang: Lang) -> list[Row]:
    """The indicators two documents both set targets for, one row per indicator and year: each document's target
    in words ("khoảng 20 %"), the indicator by its name (never its slug)."""
    rows = []
    for s in result["shared_indicators"]:
        years = sorted({v["year"] for v in s["a"] + s["b"]}, key=lambda y: (y is None, y or 0))
        for year in years:
            said = {side: "; ".join(_target_words(v, lang) for v in s[side] if v["year"] == year) for side in "ab"}
            rows.append({"indicator": s["indicator_label"], "year": number(year),
                         "target_a": said["a"], "target_b": said["b"]})
    return rows


def _target_words(v: Mapping[str, Any], lang: Lang) -> str:
    """"khoảng 20 %", "trong nhóm đầu 3 hạng (ASEAN)"."""
    text = " ".join(x for x in (word("comparator", v["comparator"] or "", lang), number(v["value"]),
                                word("unit", v["unit"] or "", lang)) if x)
    return f"{text} ({word('scope', v['scope'], lang)})" if v.get("scope") else text


def number(value: float | int | None) -> str:
    """A value as a cell: "30", "12.5", "" when there is none."""
    return "" if value is None else f"{value:g}"


def target_rows(corpus: Corpus, lang: Lang, targets: list[TargetRow] | None = None) -> list[Row]:
    """One row per target (every target, or the given ones) with its latest observation and status as a word."""
    rows = []
    for t in corpus.targets if targets is None else targets:
        latest = t["observations"][-1] if t["observations"] else None
        rows.append({
            "doc": corpus.short(t["doc"], lang), **target_cells(t, lang),
            "scope": word("scope", t["scope"] or "", lang),
            "latest": f"{latest['value']:g} ({latest['year']})" if latest and latest["value"] is not None else "",
            "status": word("status", t["status"], lang), "status_code": t["status"], "text": t["text"],
        })
    return rows


def indicators(corpus: Corpus) -> list[str]:
    """Indicators with at least one numeric target (the chart's choices), most targets first (a large corpus:
    every indicator with a target, counted on the store)."""
    if corpus.large:
        return [label for _, label, _ in corpus.indicator_list()]
    count = Counter(t["indicator_label"] for t in corpus.targets if t["value"] is not None)
    return [k for k, _ in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def indicator_targets(corpus: Corpus, indicator_label: str, limit: int | None) -> tuple[list[TargetRow], int]:
    """The targets of one indicator (at most `limit` on a large corpus) and how many it has."""
    if not corpus.large:
        mine = [t for t in corpus.targets if t["indicator_label"] == indicator_label]
        return mine, len(mine)
    iri = next((i for i, label, _ in corpus.indicator_list() if label == indicator_label), None)
    return corpus.indicator_targets(iri, limit) if iri else ([], 0)


def series(corpus: Corpus, indicator_label: str, lang: Lang, targets: list[TargetRow] | None = None) -> list[Row]:
    """Targets and observations of one indicator: (series, kind, year, value, scope, doc)."""
    rows, seen = [], set()
    for t in corpus.targets if targets is None else targets:
        if t["indicator_label"] != indicator_label:
            continue
        scope = word("scope", t["scope"] or "", lang)
        if t["value"] is not None and t["year"] is not None:  # a target without a year has no place on the axis
            rows.append({"series": f"{tr('tg.chart.target', lang)} — {corpus.short(t['doc'], lang)}", "kind": "target",
                         "year": t["year"], "value": t["value"], "scope": scope,
                         "status": word("status", t["status"], lang), "unit": t["unit"] or ""})
        for o in t["observations"]:
            key = (o["year"], o["value"], o["scope"])
            if key not in seen and o["value"] is not None:
                seen.add(key)
                rows.append({"series": tr("tg.chart.observed", lang), "kind": "observed", "year": o["year"],
                             "value": o["value"], "scope": word("scope", o["scope"] or "", lang), "status": "",
                             "unit": o["unit"] or ""})
    return sorted(rows, key=lambda r: (r["series"], r["year"]))


def is_rank(corpus: Corpus, indicator_label: str, targets: list[TargetRow] | None = None) -> bool:
    return any(t["unit"] == "rank" or t["comparator"] == "top_n" for t in (corpus.targets if targets is None
               else targets) if t["indicator_label"] == indicator_label)


def legal_rows(corpus: Corpus, lang: Lang, refs: list[RefRow] | None = None) -> list[Row]:
    """Citations as rows (every citation, or the given ones); documents named by their symbols."""
    refs = corpus.refs if refs is None else refs
    names = cited_names(corpus, refs) if corpus.large else {}

    def short(doc_id: str) -> str:
        n = names.get(doc_id)
        return n.short if n is not None and doc_id not in corpus.doc_iris else corpus.short(doc_id, lang)

    return [{"cited": short(r["id"]), "relation": word("relation", r["relation"], lang),
             "cited_by": short(r["cited_by"]), "section": r["evidence"]["section"],
             "passage": " ".join(r["evidence"]["quote"].split())} for r in refs]


def cited_names(corpus: Corpus, refs: list[RefRow]) -> dict[str, Any]:
    """Names of the documents some citations cite, from those citations alone (a large corpus's names are
    never built from every citation)."""
    from graph.names import document_names

    return document_names([], refs, [])


def export_preview(corpus: Corpus, nodes: set[str], drafts: bool) -> Row:
    """What an export of these nodes will hold (task count and the first tasks, target count, source documents),
    without building it: on a large corpus the selection is counted on the store and only the tasks shown are read.
    Kept per selection: the page reruns on every click."""
    return corpus.remember(("preview", frozenset(nodes), drafts), lambda: _preview(corpus, nodes, drafts))


def _preview(corpus: Corpus, nodes: set[str], drafts: bool) -> Row:
    from policykg.ui.selective import PREVIEW_ROWS, count_by_doc

    if not corpus.large:
        from policykg import selection

        out = selection.preview(corpus.view, corpus.tasks, corpus.targets, nodes, drafts)
        return {**out, "task_count": len(out["tasks"]), "tasks": out["tasks"][:PREVIEW_ROWS]}
    from graph import answers

    draft_docs = {d["id"] for d in corpus.docs if d["status"] == "draft"}
    task_keys = sorted(n for n in nodes if n.startswith(str(ID["task/"])))
    target_keys = sorted(n for n in nodes if n.startswith(str(ID["target/"])))
    tasks_by_doc = count_by_doc(corpus.store, task_keys, corpus.doc_ids)
    targets_by_doc = count_by_doc(corpus.store, target_keys, corpus.doc_ids)
    kept = {d for d in {*tasks_by_doc, *targets_by_doc} if drafts or d not in draft_docs}
    shown = [t for t in (answers.tasks(corpus.store, keys=task_keys[:2 * PREVIEW_ROWS]) if task_keys else [])
             if t["doc"] in kept][:PREVIEW_ROWS]
    return {"tasks": shown, "task_count": sum(n for d, n in tasks_by_doc.items() if d in kept),
            "targets": sum(n for d, n in targets_by_doc.items() if d in kept),
            "docs": sorted(kept)}


def search_all(corpus: Corpus, text: str, lang: Lang, limit: int = 12) -> list[Row]:
    """One search over agencies, documents, tasks and indicators: (kind, label, iri); an agency named exactly
    (name, abbreviation, without diacritics) first, then documents (by symbol, number, "NQ 50", title words)."""
    from extract.agencies import registry
    from policykg.ui.network import search

    found = corpus.search_index.find(text, limit) if corpus.large else search(corpus.view, text, limit)
    agency = registry().resolve(text)
    exact = str(ID["agency/" + agency.id]) if agency else None
    hits: list[Row] = [{"kind": word("node", kind, lang), "label": label, "iri": iri}
                       for iri, label, kind in found if iri == exact]
    for n in corpus.find_docs(text, 4):
        iri = corpus.doc_iri(n.id)
        if iri:
            hits.append({"kind": word("node", "document" if n.in_corpus else "legal", lang), "label": n.label,
                         "iri": iri})
    for iri, label, kind in found:
        if iri == exact or kind in ("document", "legal") and any(h["iri"] == iri for h in hits):
            continue
        if kind in ("agency", "task", "indicator", "target", "legal", "document"):
            hits.append({"kind": word("node", kind, lang), "label": label, "iri": iri})
    return hits[:limit]


def table(rows: list[Row], keys: list[str], lang: Lang) -> list[Row]:
    """Rows with only the given columns, headed in the reader's language."""
    return [{column(k, lang): r.get(k, "") for k in keys} for r in rows]


# the export formats as the buttons name them: the briefing and the tables first, the graph's data formats after
EXPORT_FORMATS = (("docx", "Word (DOCX)"), ("html", "HTML"), ("csv", "CSV"), ("xlsx", "Excel (XLSX)"),
                  ("ttl", "RDF Turtle (TTL)"),
                  ("jsonld", "JSON-LD"), ("graphml", "GraphML"))

LONG_TEXT = ("task", "passage", "text", "heading")  # a table's long text: a fixed width, so the columns after it show
LONG_WIDTH = 300  # pixels: a sentence's first words, the whole on hover


def widths(keys: list[str], lang: Lang) -> dict[str, Any]:
    """Streamlit column settings for a table: long text columns at a fixed width, the others sized to their names."""
    return {column(k, lang): {"width": LONG_WIDTH} for k in keys if k in LONG_TEXT}
