"""The CLI's JSON contract answered from the graph through the named queries.

Same rows as `extract.contract` (which answers from the extraction records); a test holds the two
to each other, so the graph loses nothing the extractor found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from extract.agencies import fold_key, registry
from extract.contract import symbol
from extract.legal_ids import parse_number
from extract.rows import (
    AgencyRow,
    DocRow,
    EvidenceRow,
    ObservationRow,
    PassageRow,
    RefRow,
    SectionRow,
    TargetRow,
    TaskRow,
)
from graph import mentions
from graph.guard import QueryError
from graph.namespace import ELI, ID, PKG
from graph.queries import query
from graph.store import IRI_RE, Store

_RELATION = {str(ELI.cites): "cites", str(ELI.based_on): "based_on", str(PKG.implements): "implements"}


def local(iri: str | None, prefix: str) -> str:
    """'https://…/id/task/000-task-001' -> '000-task-001' ("" for no IRI)."""
    if iri is None:
        return ""
    base = str(ID[prefix + "/"])
    return iri[len(base):] if iri.startswith(base) else iri


def _local_or_none(iri: str | None, prefix: str) -> str | None:
    return None if iri is None else local(iri, prefix)


def _num(value: str | None) -> float | None:
    return None if value is None else float(value)


Binding = dict[str, str | None]


Keys = Sequence[str] | None  # a page: the IRIs of the tasks, targets, citations, agencies … to answer for


def _rows(store: Store, name: str, keys: Keys = None, **bindings: str) -> list[Binding]:
    q = query(name)
    res = q.run(store, **bindings) if keys is None else q.rows_of(store, keys)
    return [dict(zip(res.variables, row, strict=True)) for row in res.rows]


def keys(store: Store, name: str) -> list[str]:
    """The page keys of a named query in their order (`tasks`: task IRIs, …): slice them, pass a slice."""
    return query(name).keys(store)


def _evidence(row: Binding, doc: str | None) -> EvidenceRow:
    return {"doc": doc or "", "section": row["evsection"] or "", "start": int(row["start"] or 0),
            "end": int(row["end"] or 0), "quote": row["quote"] or ""}


def docs(store: Store) -> list[DocRow]:
    return [{"id": r["id"] or "", "title": r["title"] or "", "kind": r["kind"] or "", "status": r["status"] or "",
             "number": r["number"], "issuer": r["issuer"], "date": r["date"], "source": r["source"] or ""}
            for r in _rows(store, "documents")]


def _in_text_order(names: list[str], text: str) -> list[str]:
    """Agencies in the order the task names them, under any of their labels (RDF keeps no order)."""
    key = fold_key(text)

    def pos(name: str) -> int:
        agency = registry().resolve(name)
        labels = agency.labels if agency else (name.removeprefix("các "),)
        found = [i for label in labels if (i := key.find(fold_key(label))) >= 0]
        return min(found, default=len(key))

    return sorted(dict.fromkeys(names), key=lambda n: (pos(n), n))


SCOPE_ROLES = "pkg:owner|pkg:coOwner|pkg:lead|pkg:cooperating"


def _scoped(store: Store, name: str, doc: str | None, agency: str | None, keys: Keys = None) -> list[Binding]:
    """A named query's rows for the tasks of one document (IRI) and/or one agency (IRI, any role), or
    for a page of tasks (`keys`).

    The IRIs are written into the query (checked first) and the scope's tasks are a sub-select: so
    Oxigraph starts from them instead of from every task."""
    if keys is not None and (doc is not None or agency is not None):
        raise ValueError("give a page of tasks or a document/agency scope, not both")
    if doc is None and agency is None:
        return _rows(store, name, keys)
    for iri in (doc, agency):
        if iri is not None and not IRI_RE.match(iri):
            raise QueryError(f"'{iri}' is not an IRI")
    lines = []
    if doc is not None:
        lines.append(f"?task pkg:inDocument <{doc}> .")
    if agency is not None:
        lines.append(f"?task ?scope_role <{agency}> FILTER(?scope_role IN ({', '.join(SCOPE_ROLES.split('|'))}))")
    scope = f"{{ SELECT DISTINCT ?task WHERE {{ {' '.join(lines)} }} }}"
    res = store.query(query(name).within(scope))
    return [dict(zip(res.variables, row, strict=True)) for row in res.rows]


def tasks(store: Store, doc: str | None = None, agency: str | None = None, keys: Keys = None) -> list[TaskRow]:
    """Every task, those of one document and/or one agency (IRIs), or a page of them (`keys`, task IRIs
    from `keys(store, "tasks")`): what a large corpus's pages read."""
    related: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in _scoped(store, "task_agencies", doc, agency, keys):
        related[r["task"] or ""][(r["relation"] or "").rsplit("#", 1)[-1]].append(r["name"] or "")
    out: list[TaskRow] = []
    for r in _one_row_per_task(_scoped(store, "tasks", doc, agency, keys)):
        rel = related[r["task"] or ""]
        text = r["text"] or ""
        owner = r["owner"]  # None: the task names no agency
        lead = _in_text_order(rel["lead"], text)
        if r["role"] == "lead" and owner is not None and owner in lead:  # the owner leads: first, as the extractor says
            lead = [owner] + [a for a in lead if a != owner]
        out.append({
            "id": local(r["task"], "task"), "doc": r["doc"] or "", "section": r["section"] or "", "text": text,
            "owner": owner, "owner_role": r["role"] if owner is not None else None, "lead": lead,
            "cooperating": _in_text_order(rel["cooperating"], text), "kind": r["kind"] or "",
            "deadline": r["deadline"], "evidence": _evidence(r, r["doc"]),
            "owners": ([owner] if owner is not None else []) + _in_text_order(rel["coOwner"], text),
            "parent": _local_or_none(r["parent"], "task"),
        })
    return sorted(out, key=lambda t: t["id"])


def _one_row_per_task(rows: list[Binding]) -> list[Binding]:
    """One row per task. Two corpus documents can be one document node (the same symbol: "12/KH-UBND" of
    two provinces in one year), which then carries both identifiers: the task is the document's whose
    id its own id starts with ("kh-1-task-001" is kh-1's), else its first row's."""
    chosen: dict[str, Binding] = {}
    for r in rows:
        key = r["task"] or ""
        mine = local(key, "task").startswith(f"{r['doc']}-task-")
        if key not in chosen or (mine and not local(key, "task").startswith(f"{chosen[key]['doc']}-task-")):
            chosen[key] = r
    return list(chosen.values())


def task_roles(task: TaskRow) -> dict[str, str]:
    """Each agency of a task with its role: lead, the owner's role, or cooperating (first named wins)."""
    roles: dict[str, str] = {}
    for name in task["lead"]:
        roles.setdefault(name, "lead")
    for name in task["owners"]:
        roles.setdefault(name, task["owner_role"] or "responsible")
    for name in task["cooperating"]:
        roles.setdefault(name, "cooperating")
    return roles


def agencies(store: Store, keys: Keys = None) -> list[AgencyRow]:
    """Agencies and groups mentioned with every document mentioning them, or a page of them (agency IRIs from
    `keys(store, "agencies")`) with their first documents (`graph.mentions.FIRST`) and how many there are."""
    abbrs: dict[str, list[str]] = defaultdict(list)
    for r in _rows(store, "abbreviations"):
        abbrs[r["agency"] or ""].append(r["abbr"] or "")
    rows: dict[str, AgencyRow] = {}
    for r in _rows(store, "agencies", keys):
        iri = r["agency"] or ""
        group = iri.startswith(str(ID["group/"]))
        aid = ("g-" + local(iri, "group")) if group else local(iri, "agency")
        row = rows.setdefault(iri, {
            "id": aid, "name": r["name"] or "",
            "name_en": r["name_en"] or ("group: " + (r["name"] or "")[4:] if group else None),
            "abbreviations": sorted(abbrs.get(iri, [])), "kind": "group" if group else r["kind"] or "",
            "mentioned_in": [], "documents": int(r["documents"] or 0), "successor": None,
            "parent": {"id": local(r["parent"], "agency"), "name": r["parent_name"] or ""} if r["parent"] else None})
    if keys is None:
        listed = mentions.all_documents(store)
        counts = {iri: len(listed.get(iri, [])) for iri in rows}
    else:
        counts = mentions.id_counts(store, {iri: row["documents"] for iri, row in rows.items()})
        listed = mentions.first_documents(store, counts)
    for iri, row in rows.items():
        row["mentioned_in"], row["documents"] = listed.get(iri, []), counts[iri]  # in the order of their ids
    changes = {r["from"]: r for r in _rows(store, "changes")}
    for iri, row in rows.items():
        last = None
        seen = set()
        while iri in changes and iri not in seen:
            seen.add(iri)
            last = changes[iri]
            iri = last["to"] or ""
        if last is not None:
            row["successor"] = {"id": local(last["to"], "agency"), "name": last["to_name"] or "",
                                "since": last["date"], "basis": last["basis"]}
    return sorted(rows.values(), key=lambda r: r["id"])


def refs(store: Store, keys: Keys = None) -> list[RefRow]:
    """Every citation (or a page: citation IRIs from `keys(store, "citations")`)."""
    out: list[RefRow] = []
    for r in _rows(store, "citations", keys):
        code = r["code"]
        number, issuer, year = "", None, int(r["year"]) if r["year"] else None
        if code and code[:1].isdigit():
            try:
                _, number, _, issuer = parse_number(code, None)
            except (ValueError, KeyError):
                pass
        kind = r["type"] or ""
        if code and not code[:1].isdigit() and kind in ("Luật", "Bộ luật"):
            issuer = "QH"  # a law cited by name; a treaty or a programme cited by name has no issuer code
        subject = _local_or_none(r["subject"], "legal")
        out.append({
            "id": local(r["cited"], "legal"), "kind": kind, "number": symbol(code), "numeral": number, "year": year,
            "issuer": issuer,
            "name": r["title"] if not number and code and not code[:1].isdigit() else None,
            "cited_by": subject or r["citing_doc"] or "", "relation": _RELATION.get(r["relation"] or "", "cites"),
            "evidence": _evidence(r, r["citing_doc"]), "ambiguous": r["ambiguous"] == "true",
        })
    return out


def _observations(store: Store, targets: Keys) -> list[Binding]:
    """Every observation, or those measuring these targets."""
    if targets is None:
        return _rows(store, "observations")
    if not targets:
        return []
    for iri in targets:
        if not IRI_RE.match(iri):
            raise QueryError(f"'{iri}' is not an IRI")
    scope = f"{{ SELECT ?obs ?target WHERE {{ VALUES ?target {{ {' '.join(f'<{t}>' for t in targets)} }} " \
            f"?obs pkg:measures ?target }} }}"
    res = store.query(query("observations").within(scope))
    return [dict(zip(res.variables, row, strict=True)) for row in res.rows]


def targets(store: Store, keys: Keys = None) -> list[TargetRow]:
    """Every target with its observations (or a page: target IRIs from `keys(store, "targets")`)."""
    obs: dict[str, list[ObservationRow]] = defaultdict(list)
    for r in _observations(store, keys):
        if r["target"]:
            obs[r["target"]].append({"year": int(r["year"] or 0), "value": _num(r["value"]), "unit": r["unit"],
                                     "scope": r["scope"], "evidence": _evidence(r, r["doc"])})
    out: list[TargetRow] = []
    for r in _rows(store, "targets", keys):
        out.append({
            "id": local(r["target"], "target"), "doc": r["doc"] or "", "indicator": local(r["indicator"], "indicator"),
            "indicator_label": r["indicator_label"] or "", "value": _num(r["value"]), "unit": r["unit"],
            "comparator": r["comparator"], "year": int(r["year"]) if r["year"] else None, "scope": r["scope"],
            "quantitative": r["quantitative"] == "true", "text": r["text"] or "",
            "observations": sorted(obs.get(r["target"] or "", []),
                                   key=lambda o: (o["year"], o["evidence"]["start"])),
            "status": r["status"] or "", "evidence": _evidence(r, r["doc"]),
        })
    return out


def passages(store: Store, keys: Keys = None) -> list[PassageRow]:
    """Every citing sentence (or those of a page of citations): (cited id, citing doc, section, start, quote)."""
    return [{"cited": local(r["cited"], "legal"), "doc": r["citing_doc"] or "", "section": r["section"] or "",
             "start": int(r["start"] or 0), "quote": " ".join((r["quote"] or "").split())}
            for r in _rows(store, "citation_passages", keys)]


def sections(store: Store, keys: Keys = None, docs: Sequence[str] | None = None) -> list[SectionRow]:
    """(doc, section id, heading) of every titled section, of a page of sections (`keys`: section IRIs) or of
    some corpus documents (`docs`: their IRIs)."""
    if docs is None:
        rows = _rows(store, "sections", keys)
    elif keys is not None:
        raise ValueError("give a page of sections or some documents, not both")
    else:
        for iri in docs:
            if not IRI_RE.match(iri):
                raise QueryError(f"'{iri}' is not an IRI")
        values = " ".join(f"<{d}>" for d in docs)
        res = store.query(query("sections").on(store).within(f"VALUES ?d {{ {values} }}"))
        rows = [dict(zip(res.variables, row, strict=True)) for row in res.rows]
    return [{"doc": r["doc"] or "", "section": r["section"] or "", "heading": r["heading"] or ""} for r in rows]
