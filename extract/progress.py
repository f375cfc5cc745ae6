"""Progress: observed values in a report's results section, and a status per target.

Status rule (documented in the README):
- no observation of the target's indicator in the same scope (ASEAN vs world) -> ``no_data``;
- the value compared is the latest observation, or the mean of the observations when the
  target is an average ("tăng bình quân trên 7%/năm");
- met (top_n: rank <= N; more_than: > ; at_least/equals: >= ; about: >= 95 %; less_than: <;
  at_most: <=)
  -> ``achieved``;
- else, if the latest observation is from the target year or later -> ``off_track``;
- else, with two or more observations, the straight line through the first and the latest,
  extended to the target year, meets the target -> ``on_track``, otherwise ``off_track``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import mean

from extract.indicators import find_indicator, indicators
from extract.quantities import parse_number
from extract.records import Item, Observation, Section, Target
from extract.segment import ancestors

_RESULTS_HEAD_RE = re.compile(r"kết quả|chỉ tiêu", re.I)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_RE = re.compile(rf"(?<![\d/.,-]){_YEAR}(?![\d/%-])")
_RANGE_RE = re.compile(rf"{_YEAR}\s*-\s*{_YEAR}")
_PCT_RE = re.compile(r"(\d+(?:,\d+)?)\s*%")
_RANK_RE = re.compile(r"(?:xếp hạng|vị trí|thứ hạng|xếp thứ|Top)\s+(?:thứ\s+)?(\d+|một|hai|ba|bốn|năm|sáu)\b", re.I)
_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6}
_SKIP_RE = re.compile(r"trung bình|bình quân|mục tiêu|chỉ tiêu", re.I)
_RESPECTIVELY_RE = re.compile(r"lần lượt", re.I)


@dataclass(frozen=True)
class ObsDraft:
    indicator: str
    year: int
    value: float
    unit: str
    scope: str | None
    start: int
    end: int
    section: str


def _sentences(text: str, start: int) -> list[tuple[int, str]]:
    return [(start + m.start(), m.group(0)) for m in re.finditer(r"[^.]+?(?:\.(?=\s|$)|$)", text) if m.group(0).strip()]


def _year_for(sent: str, pos: int, end: int, fallback: int | None) -> int | None:
    after = re.match(rf"\s*(?:vào\s+)?năm\s+({_YEAR})", sent[end:])
    if after:
        return int(after.group(1))
    # "đạt vị trí 44 như thời điểm năm 2020": a year named for comparison owns no value after it
    before = [m for m in _YEAR_RE.finditer(sent[:pos])
              if not re.search(r"như(?: thời điểm)?(?: năm)?\s*$", sent[:m.start()])]
    if before:
        last = before[-1]
        if _RANGE_RE.search(sent[max(0, last.start() - 6):last.end() + 1]):
            return None  # an average over a period, not a yearly value
        return int(last.group(0))
    return fallback


def _other_country(before: str) -> bool:
    """A bracket right after another country's name: "... Thái Lan (xếp hạng 44)"."""
    m = re.search(r"((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,3})\(\s*$", before)
    if m is None:
        return False
    return "Việt Nam" not in m.group(1) and not re.search(r"\d", m.group(1))


def _scope(clause: str) -> str | None:
    if "ASEAN" in clause:
        return "ASEAN"
    if re.search(r"Châu Á|khu vực", clause):
        return "region"
    return "world"


def _observations_in(sid: str, indicator: str, unit_class: str, keyword: str,
                     text: str, start: int) -> list[ObsDraft]:
    out: list[ObsDraft] = []
    last_year: int | None = None
    for s0, sent in _sentences(text, start):
        sent = sent.split("trong đó")[0]
        years = [int(y) for y in _YEAR_RE.findall(sent)]
        if unit_class == "percent":
            if keyword not in sent.lower():
                last_year = years[-1] if years else last_year
                continue
            values = [(m, parse_number(m.group(1))) for m in _PCT_RE.finditer(sent)]
            if _RESPECTIVELY_RE.search(sent) and len(years) == len(values):
                out += [ObsDraft(indicator, y, v, "%", None, s0 + m.start(), s0 + m.end(), sid)
                        for y, (m, v) in zip(years, values, strict=True)]
            elif not _SKIP_RE.search(sent):
                for m, v in values:
                    y = _year_for(sent, m.start(), m.end(), None)
                    if y:
                        out.append(ObsDraft(indicator, y, v, "%", None, s0 + m.start(), s0 + m.end(), sid))
        elif unit_class == "rank":
            for clause_m in re.finditer(r"[^,;()]+", sent):
                clause = clause_m.group(0)
                rank = _RANK_RE.search(clause)
                if not rank or re.search(r"nước có\s*$", clause[: rank.start()]):
                    continue  # "nhóm nước có thứ hạng 3, 4" ranks other countries
                if _other_country(sent[: clause_m.start()]):
                    continue  # "xếp ngay trên Thái Lan (xếp hạng 44)" is Thailand's rank
                pos = clause_m.start() + rank.start()
                y = _year_for(sent, pos, clause_m.start() + rank.end(), last_year)
                raw = rank.group(1).lower()
                value = float(_WORDS.get(raw) or raw)
                context = sent[max(0, clause_m.start() - 40):clause_m.start()] + clause
                if y:
                    out.append(ObsDraft(indicator, y, value, "rank", _scope(context), s0 + pos,
                                        s0 + clause_m.start() + rank.end(), sid))
        last_year = years[-1] if years else last_year
    seen, unique = set(), []
    for o in out:
        key = (o.year, o.value, o.scope)
        if key not in seen:
            seen.add(key)
            unique.append(o)
    return unique


def extract_observations(text: str, sections: list[Section], items: list[Item]) -> list[ObsDraft]:
    """Observed values in sections about one indicator under a results heading."""
    by_id = {s.id: s for s in sections}
    lex = {i.id: i for i in indicators()}
    out: list[ObsDraft] = []
    for sec in sections:
        chain = ancestors(by_id, sec.id)
        ind = find_indicator(sec.heading)
        if ind is None or not any(_RESULTS_HEAD_RE.search(s.heading) for s in chain):
            continue
        body_items = [i for i in items if i.section == sec.id]
        keyword = lex[ind.id].all[0][0]
        for item in body_items:
            out += _observations_in(sec.id, ind.id, ind.unit_class, keyword, item.text, item.start)
    return out


def _met(value: float, target: Target) -> bool:
    t = target.value or 0.0
    return {
        "top_n": value <= t, "more_than": value > t, "at_least": value >= t, "equals": value >= t,
        "about": value >= 0.95 * t, "less_than": value < t, "at_most": value <= t,
    }.get(target.comparator or "equals", False)


def relevant(target: Target, observations: list[Observation]) -> list[Observation]:
    """Observations of the target's indicator, in its scope and unit class."""
    rank = target.comparator == "top_n"
    out = []
    for o in observations:
        if o.indicator != target.indicator or (o.unit == "rank") != rank:
            continue
        if rank and (target.scope == "ASEAN") != (o.scope == "ASEAN"):
            continue
        if rank and target.scope != "ASEAN" and o.scope == "region":
            continue
        out.append(o)
    return sorted(out, key=lambda o: o.year)


def status(target: Target, observations: list[Observation]) -> str:
    """achieved / on_track / off_track / no_data, by the rule in the module docstring."""
    obs = relevant(target, observations)
    if not obs or target.value is None:
        return "no_data"
    latest = obs[-1]
    value = mean(o.value for o in obs) if target.average else latest.value
    if _met(value, target):
        return "achieved"
    if target.year is None or latest.year >= target.year or target.average or len(obs) < 2:
        return "off_track"
    first = obs[0]
    slope = (latest.value - first.value) / (latest.year - first.year) if latest.year != first.year else 0.0
    projected = latest.value + slope * (target.year - latest.year)
    return "on_track" if _met(projected, target) else "off_track"
