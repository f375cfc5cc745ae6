"""The CLI's JSON contract answered from the graph through the named queries.

Same rows as `extract.contract` (which answers from the extraction records); a test holds the two
to each other, so the graph loses nothing the extractor found.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from extract.agencies import fold_key, registry
from extract.contract import symbol
from extract.legal_ids import parse_number
from graph.namespace import ELI, ID, PKG
from graph.queries import query
from graph.store import Store

Row = dict[str, Any]
_RELATION = {str(ELI.cites): "cites", str(ELI.based_on): "based_on", str(PKG.implements): "implements"}


def local(iri: str | None, prefix: str) -> str | None:
    """'https://…/id/task/000-task-001' -> '000-task-001'."""
    if iri is None:
        return None
    base = str(ID[prefix + "/"])
    return iri[len(base):] if iri.startswith(base) else iri


def _num(value: str | None) -> float | None:
    return None if value is None else float(value)


def _rows(store: Store, name: str, **bindings: str) -> list[dict[str, str | None]]:
    res = query(name).run(store, **bindings)
    return [dict(zip(res.variables, row, strict=True)) for row in res.rows]


def _evidence(row: dict[str, str | None], doc: str | None) -> Row:
    return {"doc": doc, "section": row["evsection"], "start": int(row["start"] or 0),
            "end": int(row["end"] or 0), "quote": row["quote"]}


def docs(store: Store) -> list[Row]:
    out = []
    for r in _rows(store, "documents"):
        out.append({"id": r["id"], "title": r["title"], "kind": r["kind"], "status": r["status"],
                    "number": r["number"], "issuer": r["issuer"], "date": r["date"],
                    "source": r["source"]})
    return out


def _in_text_order(names: list[str], text: str) -> list[str]:
    """Agencies in the order the task names them, under any of their labels (RDF keeps no order)."""
    key = fold_key(text)

    def pos(name: str) -> int:
        agency = registry().resolve(name)
        labels = agency.labels if agency else (name.removeprefix("các "),)
        found = [i for label in labels if (i := key.find(fold_key(label))) >= 0]
        return min(found, default=len(key))

    return sorted(dict.fromkeys(names), key=lambda n: (pos(n), n))


def tasks(store: Store) -> list[Row]:
    related: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(store, "task_agencies"):
        related[r["task"] or ""][(r["relation"] or "").rsplit("#", 1)[-1]].append(r["name"] or "")
    out = []
    for r in _rows(store, "tasks"):
        rel = related[r["task"] or ""]
        text = r["text"] or ""
        owner = r["owner"] or ""
        lead = _in_text_order(rel["lead"], text)
        if r["role"] == "lead" and owner in lead:  # the owner leads: first, as the extractor says
            lead = [owner] + [a for a in lead if a != owner]
        out.append({
            "id": local(r["task"], "task"), "doc": r["doc"], "section": r["section"], "text": text,
            "owner": owner, "owner_role": r["role"], "lead": lead,
            "cooperating": _in_text_order(rel["cooperating"], text), "kind": r["kind"],
            "deadline": r["deadline"], "evidence": _evidence(r, r["doc"]),
            "owners": [owner] + _in_text_order(rel["coOwner"], text), "parent": local(r["parent"], "task"),
        })
    return sorted(out, key=lambda t: t["id"] or "")


def task_roles(task: Row) -> dict[str, str]:
    """Each agency a task row names, with its role: lead first, then the owners' role, then cooperating."""
    roles: dict[str, str] = {}
    for name in task["lead"]:
        roles.setdefault(name, "lead")
    for name in task["owners"]:
        roles.setdefault(name, task["owner_role"])
    for name in task["cooperating"]:
        roles.setdefault(name, "cooperating")
    return roles


def agencies(store: Store) -> list[Row]:
    abbrs: dict[str, list[str]] = defaultdict(list)
    for r in _rows(store, "abbreviations"):
        abbrs[r["agency"] or ""].append(r["abbr"] or "")
    rows: dict[str, Row] = {}
    for r in _rows(store, "agencies"):
        iri = r["agency"] or ""
        group = iri.startswith(str(ID["group/"]))
        aid = ("g-" + (local(iri, "group") or "")) if group else local(iri, "agency")
        row = rows.setdefault(iri, {
            "id": aid, "name": r["name"],
            "name_en": r["name_en"] or ("group: " + (r["name"] or "")[4:] if group else None),
            "abbreviations": sorted(abbrs.get(iri, [])), "kind": "group" if group else r["kind"],
            "mentioned_in": [], "successor": None,
            "parent": {"id": local(r["parent"], "agency"), "name": r["parent_name"]} if r["parent"] else None})
        if r["doc"] not in row["mentioned_in"]:
            row["mentioned_in"].append(r["doc"])
    changes = {r["from"]: r for r in _rows(store, "changes")}
    for iri, row in rows.items():
        last = None
        seen = set()
        while iri in changes and iri not in seen:
            seen.add(iri)
            last = changes[iri]
            iri = last["to"] or ""
        if last is not None:
            row["successor"] = {"id": local(last["to"], "agency"), "name": last["to_name"], "since": last["date"],
                                "basis": last["basis"]}
    return sorted(rows.values(), key=lambda r: r["id"] or "")


def refs(store: Store) -> list[Row]:
    out = []
    for r in _rows(store, "citations"):
        code = r["code"]
        number, issuer, year = "", None, int(r["year"]) if r["year"] else None
        if code and code[:1].isdigit():
            try:
                _, number, _, issuer = parse_number(code, None)
            except (ValueError, KeyError):
                pass
        elif code:
            issuer = "QH"
        kind = r["type"] or ""
        subject = local(r["subject"], "legal") if r["subject"] else None
        out.append({
            "id": local(r["cited"], "legal"), "kind": kind, "number": symbol(code), "numeral": number, "year": year,
            "issuer": issuer,
            "name": r["title"] if kind == "Luật" and not number else None,
            "cited_by": subject or r["citing_doc"], "relation": _RELATION.get(r["relation"] or "", "cites"),
            "evidence": _evidence(r, r["citing_doc"]), "ambiguous": r["ambiguous"] == "true",
        })
    return out


def targets(store: Store) -> list[Row]:
    obs: dict[str, list[Row]] = defaultdict(list)
    for r in _rows(store, "observations"):
        if r["target"]:
            obs[r["target"]].append({"year": int(r["year"] or 0), "value": _num(r["value"]), "unit": r["unit"],
                                     "scope": r["scope"], "evidence": _evidence(r, r["doc"])})
    out = []
    for r in _rows(store, "targets"):
        out.append({
            "id": local(r["target"], "target"), "doc": r["doc"], "indicator": local(r["indicator"], "indicator"),
            "indicator_label": r["indicator_label"], "value": _num(r["value"]), "unit": r["unit"],
            "comparator": r["comparator"], "year": int(r["year"] or 0), "scope": r["scope"],
            "quantitative": r["quantitative"] == "true", "text": r["text"],
            "observations": sorted(obs.get(r["target"] or "", []),
                                   key=lambda o: (o["year"], o["evidence"]["start"])),
            "status": r["status"], "evidence": _evidence(r, r["doc"]),
        })
    return out


def passages(store: Store) -> list[Row]:
    """Every citing sentence: (cited id, citing doc, section, start, quote)."""
    return [{"cited": local(r["cited"], "legal"), "doc": r["citing_doc"], "section": r["section"],
             "start": int(r["start"] or 0), "quote": " ".join((r["quote"] or "").split())}
            for r in _rows(store, "citation_passages")]


def sections(store: Store) -> list[Row]:
    """(doc, section id, heading) of every titled section."""
    return [{"doc": r["doc"], "section": r["section"], "heading": r["heading"]} for r in _rows(store, "sections")]
