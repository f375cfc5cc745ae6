"""Targets: the target clauses of "MỤC TIÊU" sections, split into atomic targets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.agencies import DATA, slug
from extract.records import Item, Section
from extract.segment import ancestors, item_body

_TARGET_HEAD_RE = re.compile(r"mục tiêu", re.I)
_GENERAL_RE = re.compile(r"tổng quát", re.I)
_SCOPE_HEAD_RE = re.compile(r"mục tiêu|quan điểm|nhiệm vụ|giải pháp|tầm nhìn", re.I)
_YEAR_CTX_RE = re.compile(r"(?:đến|vào|trong)\s+năm\s+(\d{4})", re.I)
_PAREN_RE = re.compile(r"\((?:đến|vào|trong)\s+(?:năm\s+)?(\d{4})\s*[,:]?\s*([^()]*)\)", re.I)
_NUM = r"\d+(?:[.,]\d+)*"
_COMPARATORS = [("about", r"khoảng"), ("more_than", r"trên|hơn"), ("at_least", r"ít nhất|tối thiểu"),
                ("less_than", r"dưới")]
_CMP = "|".join(p for _, p in _COMPARATORS)
_TOP_RE = re.compile(rf"(?:nhóm\s+)?({_NUM})\s+(?:nước|quốc gia)\s+(?:dẫn đầu|đứng đầu)|[Tt]op\s*({_NUM})")
_PCT_RE = re.compile(rf"(?:đạt\s+)?(?:({_CMP})\s+)?({_NUM})\s*%(\s*/\s*năm)?", re.I)
_COUNT_RE = re.compile(rf"(?:đạt\s+)?(?:({_CMP})\s+)?({_NUM})\s+(đô thị|doanh nghiệp|chuyên gia|thuê bao)", re.I)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit_class: str
    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...] = ()

    def matches(self, low: str) -> bool:
        if any(n in low for n in self.none):
            return False
        return any(all(p in low for p in group) for group in self.all)


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int
    year: int | None
    context: str  # text before the value, carried to comma-split parts ("... phủ trên 80% hộ, 100% xã")


@dataclass(frozen=True)
class Value:
    value: float | None
    unit: str | None
    comparator: str | None
    scope: str | None


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """The indicator lexicon (data/indicators.json)."""
    raw = json.loads((DATA / "indicators.json").read_text(encoding="utf-8"))["indicators"]
    return tuple(Indicator(i["id"], i["name"], i["name_en"], i["unit_class"],
                           tuple(tuple(g) for g in i["all"]), tuple(i.get("none", ()))) for i in raw)


def find_indicator(text: str) -> Indicator | None:
    """The lexicon indicator a clause or heading is about."""
    low = text.lower()
    return next((ind for ind in indicators() if ind.matches(low)), None)


def parse_number(text: str) -> float:
    """"12,66" -> 12.66, "7,5" -> 7.5, "80,000" and "300.000" -> thousands."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    return float(text.replace(",", "."))


def _comparator(word: str | None) -> str:
    if not word:
        return "equals"
    low = word.lower()
    return next(name for name, pattern in _COMPARATORS if re.fullmatch(pattern, low))


def parse_value(text: str) -> Value:
    """The target value of one clause (first one found)."""
    scope = "ASEAN" if "ASEAN" in text else ("world" if "thế giới" in text else None)
    if m := _TOP_RE.search(text):
        return Value(parse_number(m.group(1) or m.group(2)), "rank", "top_n", scope or "world")
    if m := _PCT_RE.search(text):
        unit = "%/năm" if m.group(3) else "%"
        return Value(parse_number(m.group(2)), unit, _comparator(m.group(1)), scope)
    if m := _COUNT_RE.search(text):
        return Value(parse_number(m.group(2)), m.group(3).lower(), _comparator(m.group(1)), scope)
    return Value(None, None, None, scope)


def _split(text: str, start: int, year: int | None) -> list[Clause]:
    """Clauses of one item: ";" and sentences, then ", 100% xã" parts, then "(đến năm 2020 ...)"."""
    out: list[Clause] = []
    for m in re.finditer(r"[^;]+?(?:;|\.(?=\s+[A-ZĐÀ-Ỹ])|$)", text):
        piece = m.group(0)
        pstart = start + m.start()
        parens = list(_PAREN_RE.finditer(piece))
        for p in parens:
            out.append(Clause(p.group(2).strip(" .;"), pstart + p.start(2), pstart + p.end(2),
                              int(p.group(1)), piece[: parens[0].start()]))
        main_end = parens[0].start() if parens else len(piece)
        parts = list(re.finditer(r"(?:^|,\s+)((?:,(?!\s)|[^,])+)", piece[:main_end]))
        context = ""
        for k, part in enumerate(parts):
            body = part.group(1)
            if k and not re.match(rf"(?:{_CMP}|đạt)?\s*{_NUM}\s*%", body.strip()):
                # Not a new value: the comma belongs to the clause ("... của WIPO, thuộc ...").
                last = out.pop()
                out.append(Clause(last.text + piece[part.start():part.end()], last.start,
                                  pstart + part.end(), last.year, last.context))
                continue
            if k == 0:
                pct = _PCT_RE.search(body)
                context = body[: pct.start()] if pct else body
            out.append(Clause(body.strip(" .;"), pstart + part.start(1), pstart + part.end(1), year, context))
    return [c for c in out if c.text]


@dataclass(frozen=True)
class TargetDraft:
    section: str
    text: str
    start: int
    end: int
    indicator: str
    indicator_label: str
    value: Value
    year: int | None
    average: bool


def extract_targets(text: str, sections: list[Section], items: list[Item]) -> list[TargetDraft]:
    """Atomic targets of the target sections, each with indicator, value and year."""
    by_id = {s.id: s for s in sections}
    out: list[TargetDraft] = []
    year_ctx: dict[str, int] = {}
    for item in items:
        chain = ancestors(by_id, item.section)
        scope = next((s for s in chain if _SCOPE_HEAD_RE.search(s.heading)), None)
        if scope is None or not _TARGET_HEAD_RE.match(scope.heading.strip()):
            continue
        if any(_GENERAL_RE.search(s.heading) for s in chain):
            continue
        body = item_body(item)
        root = chain[-1].id if chain else ""
        if m := re.match(r"^Mục tiêu.*?đến năm (\d{4})\s*:?\s*$", body, re.I):
            year_ctx[root] = int(m.group(1))
            continue
        if body.rstrip().endswith(":") and not re.search(r"\d", body):
            continue
        head_year = next((int(m.group(1)) for s in chain if (m := _YEAR_CTX_RE.search(s.heading))), None)
        year = year_ctx.get(root) or head_year
        for clause in _split(body, item.end - len(body), year):
            target = _target(item.section, clause)
            if target.value.value is not None or (item.marker and len(target.text.split()) >= 4):
                out.append(target)  # qualitative targets only from bullets
    return out


def _target(section: str, clause: Clause) -> TargetDraft:
    ind = find_indicator(clause.text) or find_indicator(clause.context + " " + clause.text)
    value = parse_value(clause.text)
    own_year = _YEAR_CTX_RE.search(clause.text)
    year = int(own_year.group(1)) if own_year else clause.year
    if ind is None:
        label = re.sub(rf"\s*(?:{_CMP}|đạt)?\s*{_NUM}.*$", "", clause.text).strip() or clause.text
        label = " ".join(label.split()[:10])
        ind_id, ind_label = "ind-" + slug(label)[:60], label
    else:
        ind_id, ind_label = ind.id, ind.name
    return TargetDraft(section, clause.text, clause.start, clause.end, ind_id, ind_label, value, year,
                       "bình quân" in clause.text.lower())
