"""The JSON contract of the CLI (`docs`, `agencies`, `tasks`, `refs`, `targets` with --json)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from extract.agencies import GROUP_KIND, group_agency, registry
from extract.legal_ids import own_identity
from extract.progress import relevant, status
from extract.records import DocumentFacts, Evidence, LegalRef, Observation, Target
from extract.rows import AgencyRow, DocRow, EvidenceRow, RefRow, TargetRow, TaskRow

if TYPE_CHECKING:
    from extract.pipeline import Corpus

def evidence(ev: Evidence) -> EvidenceRow:
    return {"doc": ev.doc, "section": ev.section, "start": ev.start, "end": ev.end, "quote": ev.quote}


def docs(corpus: Corpus) -> list[DocRow]:
    return [d.meta.to_json() for d in corpus.docs]


def agencies(corpus: Corpus) -> list[AgencyRow]:
    reg = registry()
    seen: dict[str, set[str]] = defaultdict(set)
    groups: dict[str, AgencyRow] = {}
    for d in corpus.docs:
        for m in d.mentions:
            if m.agency == GROUP_KIND:
                g = group_agency(m.text)
                groups[g.id] = {"id": g.id, "name": g.name, "name_en": g.name_en, "abbreviations": [],
                                "kind": GROUP_KIND, "mentioned_in": [], "documents": 0, "successor": None,
                                "parent": None}
                seen[g.id].add(d.meta.id)
            else:
                seen[m.agency].add(d.meta.id)
    bodies = {b.id: b for d in corpus.docs for b in d.bodies.values()}
    out = []
    for aid in sorted(seen):
        if aid in groups:
            row = groups[aid]
        elif aid in bodies:
            b = bodies[aid]
            parent = reg.agencies.get(b.parent or "") or bodies.get(b.parent or "")
            row = {"id": b.id, "name": b.name, "name_en": None, "abbreviations": [], "kind": b.kind,
                   "mentioned_in": [], "documents": 0, "successor": None,
                   "parent": None if parent is None else {"id": parent.id, "name": parent.name}}
        else:
            a = reg.agencies[aid]
            succ = reg.successor(aid)
            up = reg.agencies.get(a.parent or "")
            row = {"id": a.id, "name": a.name, "name_en": a.name_en, "abbreviations": sorted(a.abbreviations),
                   "kind": a.kind, "mentioned_in": [], "documents": 0, "successor": None if succ is None else {
                       "id": succ[0].id, "name": succ[0].name, "since": succ[1].date, "basis": succ[1].basis},
                   "parent": None if up is None else {"id": up.id, "name": up.name}}
        row["mentioned_in"] = sorted(seen[aid])
        row["documents"] = len(row["mentioned_in"])
        out.append(row)
    return out


def tasks(corpus: Corpus) -> list[TaskRow]:
    return [{
        "id": t.id, "doc": t.doc, "section": t.section, "text": t.text, "owner": t.owner,
        "owner_role": t.owner_role, "lead": list(t.lead), "cooperating": list(t.cooperating),
        "kind": t.kind, "deadline": t.deadline, "evidence": evidence(t.evidence),
        "owners": list(t.owners), "parent": t.parent, "product": t.product,
    } for d in corpus.docs for t in d.tasks]


def symbol(code: str | None) -> str:
    """The number a citation carries, as written ("2289/QĐ-TTg", "52-NQ/TW"); "" for a law cited by name."""
    return code if code and code[:1].isdigit() else ""


def refs(corpus: Corpus) -> list[RefRow]:
    best: dict[str, LegalRef] = {}  # the graph keeps one written form per cited document: the first one
    for d in corpus.docs:
        for r in d.refs:
            if r.id not in best or (r.code and not best[r.id].code):
                best[r.id] = r
    return [{
        "id": r.id, "kind": r.kind, "number": symbol(best[r.id].code), "numeral": r.number, "year": r.year,
        "issuer": r.issuer,
        "name": best[r.id].name if r.name else None, "cited_by": r.subject or r.cited_by, "relation": r.relation,
        "evidence": evidence(r.evidence), "ambiguous": r.ambiguous, "years": list(r.years),
        "title": r.title, "issuer_name": r.issuer_name, "in_document": r.cited_by,
    } for d in corpus.docs for r in d.refs]


# A letter that sends a report ("V/v báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND", "V/v xin ý kiến dự thảo
# báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW") reports on what it names, as a report does.
_SENDS_REPORT_RE = re.compile(r"\bbáo cáo\s+(?:kết quả|tình hình|sơ kết|tổng kết)\b", re.I)


def reporting(report: DocumentFacts) -> bool:
    """A report, or a letter whose subject is a report on something."""
    meta = report.meta
    return meta.kind == "report" or (meta.kind == "letter" and bool(_SENDS_REPORT_RE.search(meta.title or "")))


def reports_on(report: DocumentFacts, doc: DocumentFacts) -> bool:
    """A report measures a document's targets: by the manifest, or when the report cites it."""
    if ("reports_on", doc.meta.id) in report.meta.relations:
        return True
    own = own_identity(doc.meta.number, doc.meta.date, doc.meta.issuer)
    return reporting(report) and own is not None and any(r.id == own for r in report.refs)


def observations_for(corpus: Corpus, target: Target) -> list[Observation]:
    """Observations of reports on the target's document, relevant to the target."""
    doc = corpus.doc(target.doc)
    if doc is None:
        return []
    obs = [o for d in corpus.docs if d is not doc and reports_on(d, doc) for o in d.observations]
    return sorted(relevant(target, obs), key=lambda o: (o.year, o.evidence.start))


def targets(corpus: Corpus) -> list[TargetRow]:
    out: list[TargetRow] = []
    for d in corpus.docs:
        for t in d.targets:
            obs = observations_for(corpus, t)
            out.append({
                "id": t.id, "doc": t.doc, "indicator": t.indicator, "indicator_label": t.indicator_label,
                "value": t.value, "unit": t.unit, "comparator": t.comparator, "year": t.year, "scope": t.scope,
                "quantitative": t.quantitative, "text": t.text, "baseline": t.baseline, "change": t.change,
                "observations": [{"year": o.year, "value": o.value, "unit": o.unit, "scope": o.scope,
                                  "evidence": evidence(o.evidence)} for o in obs],
                "status": status(t, obs) if t.quantitative else "no_data", "evidence": evidence(t.evidence),
            })
    return out
