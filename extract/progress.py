"""Progress: observed values in a report's results section, and a status per target.

Status rule (documented in the README):
- no observation of the target's indicator in the same scope (ASEAN vs world) and unit ("%/năm"
  counts as "%"; "triệu tấn" does not measure a "giảm 15 %" target) -> ``no_data``;
- the value compared is the latest observation, or the mean of the observations when the
  target is an average ("tăng bình quân trên 7%/năm");
- met (top_n: rank <= N; more_than: > ; at_least/equals: >= ; about: >= 95 %; less_than: <;
  at_most: <=; a level to bring down to, "giảm xuống còn 10 %", is at_most, "xuống dưới 2 %" less_than)
  -> ``achieved``;
- else, if the latest observation is from the target year or later -> ``off_track``;
- else, with two or more observations, the straight line through the first and the latest,
  extended to the target year, meets the target -> ``on_track``, otherwise ``off_track``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import mean

from extract.indicators import find_indicator, identify, indicator_id, indicators
from extract.quantities import Quantity, parse_number, quantities, well_formed
from extract.records import Item, Observation, Section, Target
from extract.segment import ancestors
from extract.targets import heading_text
from extract.year_table import year_values

# Headings of what has been done: results, and a report's review ("Đánh giá tình hình thực hiện …").
_RESULTS_HEAD_RE = re.compile(
    r"kết quả|chỉ tiêu|đánh giá|tình hình (?:thực hiện|triển khai)|thực trạng|hiện trạng", re.I)
_REVIEW_HEAD_RE = re.compile(r"kết quả|đánh giá|tình hình (?:thực hiện|triển khai)|thực trạng|hiện trạng", re.I)
# "Mục tiêu", "Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030": what is to be reached, not what was.
_TARGET_HEAD_RE = re.compile(
    r"^\W*(?:[\dIVXa-zđ]{1,4}[.)]\s*)?(?:các\s+)?(?:mục tiêu|tầm nhìn|chỉ tiêu\s+(?:chủ yếu|cụ thể|đến|giai đoạn))",
    re.I)
_CITES_RE = re.compile(r"\bsố\s*\d+\s*[/-]|\d{1,2}/\d{1,2}/(?:19|20)\d\d", re.I)
_DATELINE_RE = re.compile(r",\s*ngày\s+(?:\d{1,2}\s+)?tháng\s+(?:\d{1,2}\s+)?năm\s+((?:19|20)\d\d)", re.I)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_RE = re.compile(rf"(?<![\d/.,-]){_YEAR}(?![\d/%-])")
_RANGE_RE = re.compile(rf"{_YEAR}\s*-\s*{_YEAR}")
_PCT_RE = re.compile(r"(\d+(?:,\d+)?)\s*%")
_RANK_RE = re.compile(r"(?:xếp hạng|vị trí|thứ hạng|xếp thứ|Top)\s+(?:thứ\s+)?(\d+|một|hai|ba|bốn|năm|sáu)\b", re.I)
_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6}
# averages over a period and restated aims are no yearly values; a value per head or per unit ("GRDP bình quân đầu
# người", "doanh thu bình quân một hợp tác xã") is one
_SKIP_RE = re.compile(
    r"(?:trung bình|bình quân)(?!\s+(?:đầu người|một|mỗi|(?:chung\s+)?(?:của\s+)?cả nước)\b)|mục tiêu|chỉ tiêu"
    r"|phấn đấu", re.I)  # "phấn đấu đạt 100% kế hoạch": what is striven for, not done
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
    label: str = ""  # the indicator's name when it is not in the registry


def _sentences(text: str, start: int) -> list[tuple[int, str]]:
    """Sentences end at a full stop before a space; "416.442" is one number."""
    return [(start + m.start(), m.group(0)) for m in re.finditer(r"(?:[^.]|\.(?!\s|$))+(?:\.|$)", text)
            if m.group(0).strip()]


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
    return _unique(out)


def extract_observations(text: str, sections: list[Section], items: list[Item],
                         year: int | None = None, report: bool = False) -> list[ObsDraft]:
    """Observed values under a results heading: of the heading's indicator, and every other figure.

    `year` (the report's) dates counts that name no year ("51 tỉnh, thành phố đã triển khai …"). In a
    report (`report`) every section tells what was done ("4.2. Công tác đấu giá …"), except the ones
    that look ahead ("Phương hướng …", "Đề xuất, kiến nghị", "Giải pháp").
    """
    by_id = {s.id: s for s in sections}
    lex = {i.id: i for i in indicators()}
    if year is None and (dateline := _DATELINE_RE.search(text[:3000])):
        year = int(dateline.group(1))  # a report dated "ngày … tháng … năm 2026" with the day left blank
    out: list[ObsDraft] = []
    for sec in sections:
        chain = ancestors(by_id, sec.id)
        ind = find_indicator(sec.heading)
        if ind is None or not any(_RESULTS_HEAD_RE.search(s.heading) for s in chain) or _in_targets(chain):
            continue
        body_items = [i for i in items if i.section == sec.id]
        keyword = lex[ind.id].all[0][0]
        for item in body_items:
            out += _observations_in(sec.id, ind.id, ind.unit_class, keyword, item.text, item.start)
    in_results = _in_report if report else _in_results
    results = {s.id: in_results(ancestors(by_id, s.id)) for s in sections}
    tabled = year_values(items, results, observed=True)  # a report's table of years
    out += [ObsDraft(t.indicator[0], t.year, t.value, t.unit or "", None, t.start, t.end, t.row.section,
                     t.indicator[1]) for t in tabled]
    rows = {id(t.row) for t in tabled}
    previous: Item | None = None
    for item in items:
        chain = ancestors(by_id, item.section)
        if in_results(chain) and id(item) not in rows:
            own = next((i for s in chain if (i := find_indicator(s.heading))), None)
            fallback = _carried_year(previous, item) or _heading_year(chain) or year
            out += figures(item.text, item.start, item.section, own.id if own else None, fallback)
        previous = item
    for sec in sections:  # "1. Năm 2024, toàn tỉnh có 152/152 xã …": a numbered heading that is a result
        chain = ancestors(by_id, sec.id)
        heading, at = heading_text(text, sec)
        if len(heading.split()) >= 6 and in_results(chain[1:]) and not _TARGET_HEAD_RE.match(heading):
            out += figures(heading, at, sec.id, None, _heading_year(chain[1:]) or year)
    return _unique(out)


_TITLE_DATE_RE = re.compile(
    rf"\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+{_YEAR}|số\s+\S+", re.I)


def period_year(title: str | None, date: str | None) -> int | None:
    """The year a report's undated figures are of: the one year its title names ("Báo cáo công tác … năm
    2025", signed in 2026), else the year it is dated; dates and numbers of cited documents do not count."""
    years = {int(y) for y in _YEAR_RE.findall(_TITLE_DATE_RE.sub(" ", title or ""))}
    if len(years) == 1:
        return years.pop()
    return int(date[:4]) if date and date[:4].isdigit() else None


def _in_results(chain: list[Section]) -> bool:
    """Under a review heading that no target heading encloses ("b) Kết quả" under "Mục tiêu" is a target level)."""
    return any(_RESULTS_HEAD_RE.search(s.heading) for s in chain) and not _in_targets(chain)


# A report's section that looks ahead (plans, proposals, needs) or sets the scene (background): its figures
# are not what was done.
_AHEAD_HEAD_RE = re.compile(
    r"^\W*(?:[\dIVXa-zđ]{1,4}[.)]\s*)*(?:(?:các|một số|những)\s+)?(?:phương hướng|nhiệm vụ|kiến nghị|đề xuất|"
    r"đề nghị|giải pháp|kế hoạch|mục tiêu|tầm nhìn|dự kiến|dự báo|bối cảnh|sự cần thiết|căn cứ|đặc điểm)", re.I)


def _in_report(chain: list[Section]) -> bool:
    """A report's section tells what was done unless it, or a heading above it, looks ahead or sets the scene."""
    return bool(chain) and not _in_targets(chain) and not any(_AHEAD_HEAD_RE.match(s.heading) for s in chain)


def _in_targets(chain: list[Section]) -> bool:
    """Inside a target block: a target heading outside every review heading (chain innermost first)."""
    target = [k for k, s in enumerate(chain) if _TARGET_HEAD_RE.match(s.heading)]
    review = [k for k, s in enumerate(chain) if _REVIEW_HEAD_RE.search(s.heading)]
    return bool(target) and (not review or max(target) > max(review))


def _carried_year(previous: Item | None, item: Item) -> int | None:
    """A line that continues the item before it ("13.450 triệu đồng; …)") has that item's last year."""
    if previous is None or previous.section != item.section or item.marker or \
            not re.match(r"\s*[\da-zđà-ỹ]", item.text) or item.text[:1].isupper():
        return None
    years = _YEAR_RE.findall(previous.text)
    return int(years[-1]) if years else None


def _heading_year(chain: list[Section]) -> int | None:
    """The year of the nearest heading that states one; a heading naming a cited document has its dates, one
    naming two years ("… năm 2025 và năm 2026") none of its own."""
    return next((int(m.group(0)) for s in chain for m in [_YEAR_RE.search(s.heading)]
                 if m and not _CITES_RE.search(s.heading) and len(set(_YEAR_RE.findall(s.heading))) == 1), None)


def _unique(obs: list[ObsDraft]) -> list[ObsDraft]:
    """Each observation once: one indicator, year, value and scope."""
    seen: set[tuple[str, int, float, str | None]] = set()
    out = []
    for o in obs:
        key = (o.indicator, o.year, o.value, o.scope)
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


def figures(text: str, start: int, section: str, handled: str | None, fallback: int | None) -> list[ObsDraft]:
    """Every figure of a results paragraph with its year: levels, shares, components and counts.

    A part is a sentence piece between ',', ';' and "trong đó" ("trong đó ngành kinh tế số lõi đóng
    góp 7,42 %" is a component); values in brackets ("(chiếm 60,19 %)") and averages over a period
    are not yearly values; `handled` is the indicator the section's own rule already measured.
    """
    out: list[ObsDraft] = []
    for s0, sent in _sentences(text, start):
        found = _of_plan(_sentence_figures(sent, s0, section, handled, fallback))
        out += found + _year_before(sent, s0, found)
    return out


# "Ước thực hiện cả năm là 11.580 tỷ đồng, …, tăng 10,48% so cùng kỳ (10.482 tỷ đồng)": the bracket gives the same
# period's value a year before
_SAME_PERIOD_RE = re.compile(r"so\s+(?:với\s+)?cùng kỳ\s*\*?\s*\(\s*(?P<val>[^()]*?)\s*\)", re.I)


def _year_before(sent: str, s0: int, found: list[ObsDraft]) -> list[ObsDraft]:
    """The values a sentence gives in brackets after "so cùng kỳ": of the figure before with that unit, a year
    earlier."""
    out = []
    for m in _SAME_PERIOD_RE.finditer(sent):
        qs = quantities(m.group("val"))
        if len(qs) != 1 or qs[0].unit_class == "percent":
            continue
        q, at = qs[0], s0 + m.start("val")
        prev = [o for o in found if o.end <= s0 + m.start() and o.unit == q.unit]
        if prev:
            out.append(replace(prev[-1], year=prev[-1].year - 1, value=q.value, start=at + q.start, end=at + q.end))
    return out


def _of_plan(obs: list[ObsDraft]) -> list[ObsDraft]:
    """"Đã trồng mới 1.250 ha rừng, đạt 104% kế hoạch": 104 % is the plan's share of the figure before it."""
    out: list[ObsDraft] = []
    for o in obs:
        if o.indicator:
            out.append(o)
        elif _NAMED_PLAN_RE.search(o.label):  # "Giải ngân đầu tư công đạt tỷ lệ 66,7% kế hoạch": named before
            out.append(replace(o, indicator=indicator_id(o.label) + "-ke-hoach", label=f"{o.label} (% kế hoạch)"))
        elif prev := next((p for p in reversed(out) if not p.indicator.endswith("-ke-hoach")), None):
            out.append(replace(o, indicator=f"{prev.indicator}-ke-hoach",
                               label=f"{prev.label or prev.indicator} (% kế hoạch)"))
        elif o.label:  # "… đạt 72,4% kế hoạch Thủ tướng Chính phủ giao" with nothing before it
            out.append(replace(o, indicator=indicator_id(o.label) + "-ke-hoach", label=f"{o.label} (% kế hoạch)"))
    return out


# a share of the plan whose own words name what it is of (not "Tỷ lệ kế hoạch" alone)
_NAMED_PLAN_RE = re.compile(r"^(?!(?:tỷ lệ\s+)?(?:(?:kế hoạch|KH)\b|$))", re.I)


def _sentence_figures(sent: str, s0: int, section: str, handled: str | None, fallback: int | None) -> list[ObsDraft]:
    """The figures of one sentence, part by part; a part without a name of its own continues the first."""
    out: list[ObsDraft] = []
    years = [m for m in _YEAR_RE.finditer(sent)]
    context = ""
    for part in re.finditer(r"(?:[^,;(]|,(?!\s)|,(?=\s*(?:thành phố|ngành|địa phương))|\([^)]*\)?)+", sent):
        body = part.group(0)
        for piece in re.split(r"(?:\s+|\()trong đó:?\s+", body):
            p0 = part.start() + body.rfind(piece)
            out += _part_figures(sent, piece, p0, s0, section, handled, years, fallback, context)
        if not context and (qs := quantities(_without_brackets(body))):
            context = body[: qs[0].start]  # what the sentence's first value measures
    out = _of_plan(out)
    parts = list(out)
    for m in _CLAUSE_BRACKET_RE.finditer(sent):  # "(giải quyết hồ sơ đạt tỷ lệ 91,67%)": a figure of its own
        if _EARLIER_RE.match(sent, m.start()) or re.search(r"cùng kỳ\s*\*?\s*$", sent[: m.start()]):
            continue
        found = _part_figures(sent, m.group(1), m.start(1), s0, section, handled, years, fallback, "")
        prev = sorted((o for o in parts if o.end <= s0 + m.start()), key=lambda o: o.end)
        if prev and re.search(r"\bcả nước\b", m.group(1)):  # "(bình quân cả nước tăng 9,3%)": the nation's figure
            found = [replace(o, indicator=prev[-1].indicator + "-ca-nuoc",
                             label=f"{prev[-1].label or prev[-1].indicator} (cả nước)") for o in found]
        out += found
    return out


# A bracket that states a figure with its verb, or the nation's figure a province's is compared with ("(bình quân cả
# nước tăng 9,3%)", "(bình quân cả nước là 54,4%)"): not an aside
# ("(tăng 4% so với T3/2025)", a change against another time, is an aside)
_CLAUSE_BRACKET_RE = re.compile(
    r"\((?!\s*[Tt]rong đó)([^()]*?(?:\b(?:đạt|là)\b|\bcả nước\b[^()]*?\b(?:tăng|giảm)\b)[^()]*?\d[^()]*)\)")


def _part_figures(sent: str, piece: str, p0: int, s0: int, section: str, handled: str | None,
                  years: list[re.Match[str]], fallback: int | None, context: str) -> list[ObsDraft]:
    if _SKIP_RE.search(_without_brackets(piece)) or _RESPECTIVELY_RE.search(sent):  # "(đạt mục tiêu …)" is an aside
        return []
    out = []
    for q in sorted([*quantities(_without_brackets(piece), counts=True, titled=True), *_durations(piece)],
                    key=lambda q: q.start):
        if q.unit_class == "rank" or (q.unit == "bậc" and _RANK_STEP_RE.search(piece[: q.start])):
            continue  # "Việt Nam giảm 2 bậc, xếp hạng 44": the steps a rank moved are no level of anything
        ind, label = identify(*_without_start(piece, q), context)
        if q.unit == "%" and _OF_PLAN_RE.match(piece[q.end:]):
            ind = ""  # "đạt 104% kế hoạch": a share of the plan for the figure before it (see figures)
        if ind == handled:
            continue
        at = p0 + q.end
        after = [int(m.group(0)) for m in years if m.start() >= at and m.start() - at < 12]
        before = [m for m in years if m.end() <= p0 + q.start
                  and not _BASE_YEAR_RE.search(sent[max(0, m.start() - 20):m.start()])]
        if before and _RANGE_RE.search(sent[max(0, before[-1].start() - 6):before[-1].end() + 1]):
            continue  # an average over a period, not a yearly value
        year = after[0] if after else (int(before[-1].group(0)) if before else None)
        if fallback and _CARRIED_RE.search(piece[: q.start]):
            year = fallback  # "Số tiền còn phải thu chuyển sang năm 2026: …": a balance at the report's year end
        lo, hi = sent.rfind(";", 0, p0 + q.start) + 1, sent.find(";", p0 + q.start) % (len(sent) + 1)
        own = {int(m.group(0)) for m in years if lo <= m.start() < hi  # the ";" part's own year
               and not _BASE_YEAR_RE.search(sent[max(0, m.start() - 20):m.start()])}
        if year is None and len(own) == 1:
            year = own.pop()  # "Đã trồng mới 1.250 ha rừng, đạt 104% kế hoạch năm 2024": the sentence's one year
        if year is None and q.unit_class != "count":
            # "Giấy phép số 412/GP-UBND ngày 24/4/2012 …, với diện tích 9,7 ha": as of that date; a date in
            # brackets or in another ";" part of the sentence dates nothing here
            clause = _own_part(sent, p0 + q.start)
            year = _date_year(clause) or (fallback if not re.search(r"(?:19|20)\d\d", clause) else None)
        if year is None and q.unit_class == "count":
            year = fallback  # "hiện nay, 100% siêu thị đã …": the state at the report's date
        if year is not None:
            out.append(ObsDraft(ind, year, q.value, q.unit or "", None, s0 + p0 + q.start, s0 + p0 + q.end,
                                section, label))
            if then := _earlier(piece, q, year):
                out.append(replace(out[-1], year=then[0], value=then[1].value, start=s0 + p0 + then[1].start,
                                   end=s0 + p0 + then[1].end))
    return out


def _earlier(piece: str, q: Quantity, year: int) -> tuple[int, Quantity] | None:
    """The value a bracket right after a figure gives for an earlier time, with its year (the figure's when the
    bracket names a month only)."""
    m = _EARLIER_RE.match(piece, len(piece) - len(piece[q.end:].lstrip()))
    if m is None:
        return None
    found = quantities(m.group("val"))
    if len(found) == 1 and found[0].unit == q.unit:
        v = found[0]
    elif re.fullmatch(r"[\d.,]+", m.group("val")) and well_formed(m.group("val")):
        v = Quantity(parse_number(m.group("val")), q.unit, q.unit_class, "equals", 0, len(m.group("val")))
    else:
        return None
    at = m.start("val")
    when = m.group("y1") or m.group("y2") or m.group("y3")
    return (int(when) if when else year), replace(v, start=at + v.start, end=at + v.end)


# A date written in figures ("ngày 24/4/2012", "đến 30/6/2025"): its year dates a sentence that names no year.
_NUMERIC_DATE_RE = re.compile(rf"(?<![\d/])\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*({_YEAR})(?![\d/])")
# A term or duration a report states ("thời hạn khai thác 30 năm", "thời gian xây dựng cơ bản là 06 tháng").
_DURATION_RE = re.compile(
    r"\b(?:thời hạn|thời gian)\b[^,;:()\d]{0,40}?\s(?:là\s+)?(?P<num>\d+(?:,\d+)?)\s+(?P<unit>năm|tháng)\b", re.I)


def _own_part(sent: str, at: int) -> str:
    """The ";" part of a sentence that holds position `at`, its bracketed asides blanked out."""
    start = sent.rfind(";", 0, at) + 1
    end = sent.find(";", at)
    return _without_brackets(sent[start: end if end >= 0 else len(sent)])


def _date_year(clause: str) -> int | None:
    """The year of a clause's dates written in figures, when they name one year."""
    years = {int(m.group(1)) for m in _NUMERIC_DATE_RE.finditer(clause)}
    return years.pop() if len(years) == 1 else None


def _durations(piece: str) -> list[Quantity]:
    """The terms a piece states, as values in years or months."""
    return [Quantity(parse_number(m.group("num")), m.group("unit").lower(), "amount", "equals", m.start("num"),
                     m.end()) for m in _DURATION_RE.finditer(piece)]


# "giảm từ 12,5 % năm 2021 xuống còn 8,2 % năm 2023": the second value measures what the first does
_FROM_TO_RE = re.compile(r"\s+từ\s+(?:[^,;]|,(?=\d))*?\s(?:lên|xuống|đến|tới)(?:\s+(?:còn|mức|khoảng))*\s*$")
# a rank's move, also when a second step count follows ("tăng 25 bậc so với năm 2019 và 75 bậc so với năm 2017")
_RANK_STEP_RE = re.compile(r"\b(?:tăng|giảm|tụt|lên|xuống)\b", re.I)
_CARRIED_RE = re.compile(r"chuyển sang(?:\s+năm)?\s+(?:19|20)\d\d", re.I)
_OF_PLAN_RE = re.compile(r"^\s*(?:so với\s+)?(?:kế hoạch|KH|chỉ tiêu kế hoạch)\b", re.I)
_BASE_YEAR_RE = re.compile(r"(?:so với|từ|như|kể từ|tầm nhìn|định hướng)(?:\s+(?:cùng kỳ|đến|năm|mức))*\s*$")


def _without_start(piece: str, q: Quantity) -> tuple[str, Quantity]:
    """The piece without the starting point of a "từ X lên Y" change, for naming Y's indicator."""
    m = _FROM_TO_RE.search(piece[: q.start])
    if m is None:
        return piece, q
    shift = q.start - m.start() - 1
    return piece[: m.start()] + " " + piece[q.start:], replace(q, start=q.start - shift, end=q.end - shift)


def _without_brackets(text: str) -> str:
    """The text with bracketed asides blanked out, offsets kept; "(trong đó: …)" lists components."""
    return re.sub(r"\((?!\s*[Tt]rong đó)[^)]*\)", lambda m: " " * len(m.group(0)), text)


# A bracket that gives the figure at an earlier time: "90,5% (so với tháng 3 là 89,6%)", "83,4% (tháng 3/2025 là
# 83,3%)", "17.175.876 (T4/2025: 16.171.976)": the same indicator's value then.
_EARLIER_RE = re.compile(
    rf"\(\s*(?:so với\s+)?(?:(?:tháng|T)\s*\d{{1,2}}(?:\s*/\s*(?P<y1>{_YEAR}))?|quý\s+[IV]+(?:\s*/\s*(?P<y2>{_YEAR}))?"
    rf"|năm\s+(?P<y3>{_YEAR}))\s*(?:là|:)\s*(?P<val>[^()]*?)\s*\)", re.I)


def _met(value: float, target: Target) -> bool:
    t = target.value or 0.0
    return {
        "top_n": value <= t, "more_than": value > t, "at_least": value >= t, "equals": value >= t,
        "about": value >= 0.95 * t, "less_than": value < t, "at_most": value <= t,
    }.get(target.comparator or "equals", False)


def _unit(unit: str | None) -> str:
    """A unit compared: "%/năm" is "%" (an observation is a year's value)."""
    return re.sub(r"/năm$", "", re.sub(r"\s+", "", (unit or "").lower()))


def relevant(target: Target, observations: list[Observation]) -> list[Observation]:
    """Observations of the target's indicator, in its scope and unit.

    A level in another unit is not the target's measure: "Giảm 15 % lượng phát thải" is not met by
    "lượng phát thải là 400 triệu tấn".
    """
    rank = target.comparator == "top_n"
    out = []
    for o in observations:
        if o.indicator != target.indicator or (o.unit == "rank") != rank:
            continue
        if not rank and target.unit and o.unit and _unit(target.unit) != _unit(o.unit):
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
