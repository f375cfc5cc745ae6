"""read -> normalise -> segment -> spaCy -> facts, for one document and for a corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from extract.agencies import GROUP_KIND, fold_key, group_agency, registry
from extract.bodies import Context, context_of, header_context, named_in_full, resolve, same_level, titled_context
from extract.cell_table import cell_targets
from extract.errors import InputError
from extract.known_titles import known_title
from extract.legal_ids import identity, is_local, local_issuer, own_identity
from extract.legal_refs import RefHit, expand_law_name, implementer, relation, stronger
from extract.metadata import from_header
from extract.nlp import AGENCY_SPANS, pipeline
from extract.normalize import NormText, fold_text, normalize
from extract.paths import BUNDLED
from extract.progress import extract_observations, period_year
from extract.quantities import forget_scans
from extract.readers import READERS, read
from extract.records import Body, DocMeta, DocumentFacts, Evidence, LegalRef, Mention, Observation, Target, Task
from extract.ref_ruler import REF_SPANS, ref_hits
from extract.segment import FRONT, segment
from extract.targets import TargetDraft, extract_targets
from extract.task_blocks import blank_lines
from extract.tasks import TaskExtractor

MANIFEST = "manifest.json"


@dataclass
class Corpus:
    docs: list[DocumentFacts] = field(default_factory=list)

    def doc(self, doc_id: str) -> DocumentFacts | None:
        return next((d for d in self.docs if d.meta.id == doc_id), None)


def _section_at(sections: list, pos: int) -> str:
    best = FRONT
    for s in sections:
        if s.start <= pos < max(s.end, s.start + 1):
            best = s.id
    return best


def real_date(value: str | None) -> bool:
    """A day, a month or a year ("2024-03-01", "2024-12", "2020"); not "2024-02-30", "2024-13" or "1/3/2024"."""
    if not value or not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def meta_from_text(doc_id: str, source: str, text: str, given: dict | None = None) -> DocMeta:
    """Metadata from the manifest entry when given, else from the document's header.

    A given date that is not a real day is refused; a header date that is not one (a misread or a
    typo such as "ngày 30 tháng 2") is left out rather than written into the graph.
    """
    head = from_header(text)
    g = {k: v for k, v in (given or {}).items() if v}
    if "date" in g and not real_date(g["date"]):
        raise InputError(f"{source}: the date '{g['date']}' is not a real day; "
                         "give it as YYYY-MM-DD (or YYYY-MM, YYYY).", "date")
    if not real_date(head["date"]):
        head = {**head, "date": None}
    rels = tuple((r["type"], r["target"]) for r in g.get("relations", []))
    return DocMeta(
        id=doc_id, title=g.get("title") or head["title"] or source, kind=g.get("kind") or head["kind"] or "document",
        status=g.get("status") or head["status"] or "final", number=g.get("number") or head["number"],
        issuer=g.get("issuer") or head["issuer"], date=g.get("date") or head["date"], source=source,
        relations=rels,
    )


def extract_text(original: str, meta: DocMeta) -> DocumentFacts:
    """All facts of one document, each with evidence into `original`."""
    forget_scans()  # a clause's values are scanned once per document, never reused from another
    norm = normalize(original)
    sections, items = segment(norm.text, norm.heading_levels())
    doc = pipeline()(norm.text)
    mentions, bodies = _mentions(doc, norm.text, titled_context(context_of(meta.issuer), meta.title))
    facts = DocumentFacts(meta=meta, sections=sections, notes=list(norm.notes), mentions=mentions, text=original,
                          bodies=bodies)

    def evidence(start: int, end: int, section: str | None = None) -> Evidence:
        s, e = norm.span(start, end)
        return Evidence(meta.id, section or _section_at(sections, start), s, e, original[s:e])

    for m in mentions:
        key = m.agency if m.agency != GROUP_KIND else "g:" + group_agency(m.text).name
        if key not in facts.first_mentions:
            facts.first_mentions[key] = evidence(m.start, m.end)
    drafts = TaskExtractor(norm.text, sections, items, mentions, meta.kind,
                           blank_lines(original, norm.omap), original, norm.omap).extract()
    ids: list[str] = []
    for k, d in enumerate(drafts, 1):
        ids.append(f"{meta.id}-task-{k:03d}")
        facts.tasks.append(Task(
            ids[-1], meta.id, d.section, d.text, d.owner, d.role, d.lead, d.cooperating, d.kind,
            d.deadline, evidence(d.start, d.end, d.section), d.owners,
            ids[d.parent] if d.parent is not None else None, d.product))
    facts.refs = _refs(doc, norm, meta, evidence)
    cells = cell_targets(norm, sections)  # year tables whose cells came out one per line
    # a value without a year is a target all the same ("100% người nghiện … được lập hồ sơ" under "Mục tiêu cụ
    # thể", a funding plan's amounts): its year is null; a qualitative aim needs a year to be one
    kept = [t for t in extract_targets(norm.text, sections, items, cells)
            if t.year is not None or t.value.value is not None]
    for k, t in enumerate(kept, 1):
        facts.targets.append(Target(
            f"{meta.id}-target-{k:03d}", meta.id, t.indicator, t.indicator_label, t.value.value,
            t.value.unit, t.value.comparator, t.year, t.value.scope, t.value.value is not None,
            t.text, _target_evidence(t, evidence, meta.id, original), t.average, t.baseline, t.change))
    report = meta.kind == "report"
    report_year = period_year(meta.title, meta.date) if report else \
        (int(meta.date[:4]) if meta.date and meta.date[:4].isdigit() else None)
    for o in extract_observations(norm.text, sections, items, report_year, report):
        facts.observations.append(Observation(
            f"{meta.id}-obs-{o.indicator}-{o.year}-{o.scope or 'x'}-{o.value:g}", meta.id, o.indicator,
            o.year, o.value, o.unit, o.scope, evidence(o.start, o.end, o.section), o.label))
    return facts


def _target_evidence(t: TargetDraft, evidence: Callable[..., Evidence], doc: str, original: str) -> Evidence:
    """A target's evidence; a cell of a one-cell-per-line table is quoted from the original lines (a bare
    number on a line of its own is not kept in the normalised text)."""
    if t.original is None:
        return evidence(t.start, t.end, t.section)
    s, e = t.original
    return Evidence(doc, t.section, s, e, original[s:e])


# "Nơi nhận:" opens a line, or closes the line that line joining made of the execution clause and a list that
# follows on the next lines ("… chịu trách nhiệm thi hành Nghị quyết này Nơi nhận:\n- Ban Bí thư …")
_RECIPIENTS_RE = re.compile(r"^[|*\s]*Nơi nhận\s*:|(?<=\s)Nơi nhận\s*:(?=[ \t]*\n)", re.M)
# The list closes with where the original is kept ("Lưu: VT, KHTC.", "Lưu Văn phòng Tỉnh ủy.") or, when
# that line is missing, at the signature or an appendix that follows.
_KEPT_RE = re.compile(r"(?:^|\s)[-+]?\s*Lưu\s*:?\s*(?:VT|VP|Văn phòng)\b[^\n]*", re.I)
_AFTER_LIST_RE = re.compile(r"^\W*(?:PHỤ LỤC|Phụ lục\b|T/M\b|TM\.|KT\.|TUQ\.|Q\.)", re.M)


def recipient_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of normalised text from "Nơi nhận:" to its "Lưu: VT …" line: recipients, not actors."""
    out = []
    for m in _RECIPIENTS_RE.finditer(text):
        kept = _KEPT_RE.search(text, m.end(), m.end() + 3000)
        after = _AFTER_LIST_RE.search(text, m.end(), m.end() + 3000)
        blank = text.find("\n\n", m.end())
        # a table row of a two-column footer written on one line ("| Nơi nhận: - …; - Lưu: VT. | KT. CHỦ TỊCH … |")
        # ends at that line; a footer whose cells stand one per line ("|" alone, then "Nơi nhận:" and the
        # recipients below it) ends where a list ends
        line_end = text.find("\n", m.end())
        one_line = text[m.start():m.end()].lstrip(" *").startswith("|") and "|" in text[m.end():line_end]
        row = line_end if one_line else -1
        ends = [e for e in (kept.end() if kept else -1, after.start() if after else -1, blank, row) if e > 0]
        out.append((m.start(), min(ends) if ends else len(text)))
    return out


# A digital signature's stamp ("Ký bởi: CÔNG BÁO …\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: …"): the body that
# signed the file (the gazette), not an actor of the document.
# Line joining may have put the stamp on one line with the signer's name.
_STAMP_RE = re.compile(r"Ký bởi\s*:[^\n]{0,200}?Cơ quan\s*:[^\n]*?(?=\s+(?:Ngày ký|Thời gian ký|Email)\s*:|\n|$)")


def stamp_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the digital-signature stamps a gazette copy carries."""
    return [(m.start(), m.end()) for m in _STAMP_RE.finditer(text)]


# "Đồng chí X - Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Đảng ủy các xã": a person's post names the body
# the person belongs to; that body does not act in the document by being named so.
_POST_RE = re.compile(r"(?:Ủy viên|Phó Bí thư|Bí thư)\s*$")


def _mentions(doc: Doc, text: str, ctx: Context) -> tuple[list[Mention], dict[str, Body]]:
    """Agency mentions outside the recipients lists, resolved in the document's context."""
    blocks = recipient_blocks(text) + stamp_blocks(text)
    header = text[:text.find("\n", 400) if text.find("\n", 400) > 0 else len(text)]
    ctx = header_context(ctx, [s.label_ for s in doc.spans[AGENCY_SPANS] if s.end_char <= len(header)])
    mentions: list[Mention] = []
    bodies: dict[str, Body] = {}
    # "Công ước khung của Liên hợp quốc …", "Luật Tổ chức Chính phủ": a body inside a cited name does not act
    cited = [(r.start_char, r.end_char) for r in doc.spans[REF_SPANS]] if REF_SPANS in doc.spans else []
    for s in doc.spans[AGENCY_SPANS]:
        if any(a <= s.start_char < b for a, b in blocks) or _POST_RE.search(text, max(0, s.start_char - 20),
                                                                              s.start_char) \
                or any(a <= s.start_char and s.end_char <= b for a, b in cited):
            continue
        agency = resolve(s.label_, s._.full_name or s.text, s.kb_id_, ctx)  # a shared list's member: its full name
        if agency is None:
            mentions.append(Mention(GROUP_KIND, s.text, s.start_char, s.end_char, group_agency(s.text).name))
            continue
        if agency.id not in registry().agencies:
            bodies[agency.id] = Body(agency.id, agency.name, agency.kind, agency.parent)
        mentions.append(Mention(agency.id, s.text, s.start_char, s.end_char, agency.name))
    merged = named_in_full(same_level(merged_bodies(mentions, text), text))
    used = {m.agency for m in merged}
    return merged, {k: b for k, b in bodies.items() if k in used}


def merged_bodies(mentions: list[Mention], text: str) -> list[Mention]:
    """"Cục Lâm nghiệp và Cục Kiểm lâm" is the one body "Cục Lâm nghiệp và Kiểm lâm" that the document
    names elsewhere: a merged body written out as its former parts (same head word, joined by "và")."""
    named = {fold_key(m.name): m for m in mentions if m.name}
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        m = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and m.name and nxt.name and text[m.end:nxt.start].strip() == "và":
            first, second = m.name.split(), nxt.name.split()
            one = named.get(fold_key(" ".join([*first, "và", *second[1:]])))
            if first[0] == second[0] and one is not None:
                out.append(Mention(one.agency, text[m.start:nxt.end], m.start, nxt.end, one.name))
                k += 2
                continue
        out.append(m)
        k += 1
    return out


def _local_id(hit: RefHit, meta: DocMeta) -> str:
    """A citation's identity; a provincial symbol ("12/KH-UBND") is of the province its issuer names,
    else of the citing document's province ("kh-12-ubnd-lao-cai-2025")."""
    if not is_local(hit.issuer):
        return hit.ref_id
    return identity(hit.kind, hit.number, local_issuer(hit.issuer, hit.issuer_name, meta.issuer), hit.year,
                    hit.years, hit.name)


def _refs(doc, norm: NormText, meta: DocMeta, evidence: Callable[..., Evidence]) -> list[LegalRef]:
    hits = ref_hits(doc)
    own = own_identity(meta.number, meta.date, meta.issuer)
    out: dict[tuple[str, str | None], LegalRef] = {}
    for k, hit in enumerate(hits):
        span = doc[hit.start:hit.end]
        rid = (known_title(hit.name) if not hit.number else None) or _local_id(hit, meta)  # a title: its decision
        if own and (rid == own or (hit.year is None and own.startswith(rid[:-1]))):
            continue  # the document's own number is its identity, not a citation
        if hit.kind in ("Chiến lược", "Chương trình", "Đề án") and not hit.number and \
                _own_title(expand_law_name(hit.name or ""), meta.title):
            continue  # "Chiến lược quốc gia về … đến năm 2030" ("… về AI") in the strategy itself
        rel = relation(norm.text, span.start_char)
        by = implementer(hits, doc, k)
        ev = evidence(span.start_char, span.end_char)
        passage = evidence(*sentence_span(norm.text, span.start_char, span.end_char))
        ref = LegalRef(rid, hit.kind, hit.number, hit.year, hit.issuer, hit.name, meta.id,
                       "cites" if by else rel, ev, hit.year is None, hit.years, hit.title, hit.issuer_name,
                       code=hit.code, passages=(passage,))
        key = (ref.id, None)
        if key in out:
            prev = out[key]
            if ref.number and not prev.number:  # cited by its title first, then by its symbol: the symbol's identity
                prev = replace(prev, kind=ref.kind, number=ref.number, year=ref.year, issuer=ref.issuer, code=ref.code,
                               name=ref.name, ambiguous=ref.ambiguous, title=prev.title or prev.name)
            out[key] = replace(prev, relation=stronger(prev.relation, ref.relation),
                               title=prev.title or ref.title, issuer_name=prev.issuer_name or ref.issuer_name,
                               passages=tuple(dict.fromkeys(prev.passages + (passage,))))
        else:
            out[key] = ref
        if by is not None and (by_id := _local_id(by, meta)) != rid:
            out[(ref.id, by_id)] = replace(ref, relation="implements", subject=by_id)
    return list(out.values())


def _own_title(name: str | None, title: str | None) -> bool:
    """Whether a programme's name is the document's own title or what its title issues ("[Quyết định] ban
    hành / phê duyệt Chiến lược X" names X; a report "… thực hiện Chiến lược X" cites it)."""
    if not title or not name:
        return False
    own, cited = (" ".join(fold_text(x).lower().split()) for x in (title, name))
    return own.startswith(cited) or re.search(r"(?:ban hành|phê duyệt)\s+" + re.escape(cited), own) is not None


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span of normalised text (one paragraph per line)."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left = text.rfind(". ", para_start, start)
    s = para_start if left < 0 else left + 2
    right = text.find(". ", end, para_end)
    e = para_end if right < 0 else right + 1
    return s, e


def _entry_ok(entry: dict) -> bool:
    """Strings where strings are expected, and relations as [{"type": …, "target": …}]."""
    scalars = ("file", "id", "title", "kind", "status", "number", "issuer", "date")
    relations = entry.get("relations", [])
    return isinstance(entry["file"], str) and all(isinstance(entry.get(k) or "", str) for k in scalars) \
        and isinstance(relations, list) \
        and all(isinstance(r, dict) and isinstance(r.get("type"), str) and isinstance(r.get("target"), str)
                for r in relations)


def load_manifest(corpus: Path) -> dict[str, dict]:
    """Manifest entries by file name (empty when the corpus has no manifest)."""
    path = corpus / MANIFEST
    if not path.exists():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["documents"]
        manifest = {e["file"]: e for e in entries if _entry_ok(e)}
        if len(manifest) != len(entries):
            raise ValueError("an entry's file, id, title, kind, status, number, issuer, date or relations "
                             "has the wrong type")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid manifest (not UTF-8 JSON: {exc}); fix or remove it.") from None
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"{path}: not a valid manifest (each entry of \"documents\" needs a \"file\"; "
                         f"{exc.__class__.__name__}: {exc}); fix or remove it.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    return manifest


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise InputError(f"{corpus}: no such corpus folder; give a folder of .txt/.md documents.")
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in READERS and p.name != MANIFEST)
    if not files:
        raise InputError(f"{corpus}: no documents ({', '.join(sorted(READERS))}) in this folder.")
    return files


def extract_corpus(corpus: Path = BUNDLED, on_doc: Callable[[Path], None] | None = None) -> Corpus:
    """Extract every document of a corpus folder (manifest optional)."""
    manifest = load_manifest(corpus)
    out = Corpus()
    for path in corpus_files(corpus):
        entry = manifest.get(path.name, {})
        text = read(path)
        meta = meta_from_text(entry.get("id") or path.stem, path.name, text, entry)
        out.docs.append(extract_text(text, meta))
        if on_doc:
            on_doc(path)
    return out


def reported_targets(corpus: Corpus, report: DocumentFacts) -> Iterable[Target]:
    """Targets a report's observations measure: those of the documents it reports on."""
    subjects = {t for r, t in report.meta.relations if r == "reports_on"}
    for d in corpus.docs:
        if d.meta.id in subjects:
            yield from d.targets
