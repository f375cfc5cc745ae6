"""Values in tables whose columns are years: "| Chỉ tiêu | Đơn vị tính | Năm 2027 | Năm 2030 |".

Programmes and plans give their indicators year by year in a table: one row per indicator, its unit
in a column of its own, one column per year (or per period, "Giai đoạn 2026 - 2030", read as its
last year). Each value cell under a year is a target of that year; a column of what was achieved
("Năm 2025 (thực hiện)", "Ước thực hiện 2025", "Năm gốc") is a baseline, not a target. A table is read
in a target block ("Mục tiêu", "Chỉ tiêu …") or when its header names its rows "Chỉ tiêu"/"Mục tiêu",
never in a review of results. A report's table is read the other way round: in its results
sections, the columns of what was done ("Năm 2024", "Ước thực hiện 2025") are observations and the
plan's columns ("Kế hoạch 2025") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.indicators import identify
from extract.quantities import NUM, comparator, parse_number, quantities, unit_class, well_formed
from extract.records import Item

_YEAR = r"(?:19|20)\d\d"
_AIMED = r"(?:(?:kế hoạch|mục tiêu|chỉ tiêu|phấn đấu)\s+)?"
YEAR_COL_RE = re.compile(
    rf"^{_AIMED}(?:(?:đến|hết|năm)\s+)*({_YEAR})$|^{_AIMED}(?:giai đoạn\s+)?{_YEAR}\s*[-–—]\s*({_YEAR})$", re.I)
# In a report's table: "Năm 2024", "Thực hiện năm 2024", "Ước thực hiện 2025"; not a plan's column.
_OBSERVED_COL_RE = re.compile(rf"^(?:(?:ước\s+)?(?:thực hiện|TH|kết quả)(?:\s+thực hiện)?\s+)?(?:(?:đến|hết|năm)\s+)*"
                              rf"({_YEAR})(?:\s*\((?:ước\s+)?(?:thực hiện|TH)\))?$", re.I)
_PLANNED_RE = re.compile(r"kế hoạch|\bKH\b|mục tiêu|chỉ tiêu|dự kiến|dự toán|giao", re.I)
DONE_RE = re.compile(r"thực hiện|ước|cơ sở|hiện trạng|năm gốc|\bTH\b|kết quả|hiện nay|đạt được", re.I)
_NAME_COL_RE = re.compile(r"^(?:tên\s+)?(?:các\s+)?(?:chỉ tiêu|mục tiêu|nội dung|tiêu chí)\b", re.I)
TARGET_HEAD_RE = re.compile(r"^(?:tên\s+)?(?:các\s+)?(?:chỉ tiêu|mục tiêu)\b", re.I)
UNIT_COL_RE = re.compile(r"^(?:đơn vị(?: tính)?|đvt|đv)$", re.I)
_MARK_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]+|[a-zđ])[.)]?$")
_SIGNS = {">": "more_than", ">=": "at_least", "≥": "at_least", "<": "less_than", "<=": "at_most", "≤": "at_most"}
_BARE_RE = re.compile(
    rf"^(?P<sign>[<>≤≥]=?)?\s*(?:(?P<word>ít nhất|tối thiểu|trên|dưới|khoảng|không quá|tối đa)\s+)?"
    rf"(?P<num>{NUM})\s*(?P<pct>%)?$", re.I)


@dataclass(frozen=True)
class Cell:
    text: str
    start: int  # offset of the stripped text in the document


@dataclass(frozen=True)
class YearValue:
    """One value cell of a year-column table: what the row measures, the value and the column's year."""

    row: Item
    name: str
    value: float
    unit: str | None
    unit_class: str
    comparator: str
    year: int
    start: int
    end: int
    indicator: tuple[str, str]  # (id, Vietnamese label)


@dataclass(frozen=True)
class _Header:
    years: dict[int, int]  # column -> year
    name: int | None
    unit: int | None
    targets: bool  # the header itself says its rows are targets


def cells(item: Item) -> list[Cell]:
    """The cells of a pipe row, each with its offset ("| 1 | Tỷ lệ … | % | 58 |")."""
    out: list[Cell] = []
    body_start = item.end - len(item.text)
    for m in re.finditer(r"[^|]+", item.text.strip().strip("|")):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        offset = item.text.find(item.text.strip().strip("|"))
        out.append(Cell(raw.strip(), body_start + offset + m.start() + lead))
    return out


def _header(row: list[Cell], observed: bool = False) -> _Header | None:
    years: dict[int, int] = {}
    name = unit = None
    for k, c in enumerate(row):
        text = " ".join(re.sub(r"\(.*?\)", lambda m: m.group(0) if DONE_RE.search(m.group(0)) else " ",
                               c.text).split())
        if observed and (m := _OBSERVED_COL_RE.match(text)) and not _PLANNED_RE.search(text):
            years[k] = int(m.group(1))
        elif not observed and (m := YEAR_COL_RE.match(text)) and not DONE_RE.search(text):
            years[k] = int(m.group(1) or m.group(2))
        elif name is None and _NAME_COL_RE.match(text):
            name = k
        elif unit is None and UNIT_COL_RE.match(text):
            unit = k
    if not years or (name is None and unit is None):
        return None
    head = row[name].text if name is not None else ""
    return _Header(years, name, unit, bool(TARGET_HEAD_RE.match(head)))


def cell_value(text: str, row_unit: str | None) -> tuple[float, str | None, str, str] | None:
    """(value, unit, unit class, comparator) of a cell: "≥ 60", "58", "1.000", "Tối thiểu 60%", "75 triệu đồng"."""
    text = " ".join(text.split())
    if m := _BARE_RE.match(text):
        if not well_formed(m.group("num")):
            return None
        unit = "%" if m.group("pct") else row_unit
        cmp = _SIGNS.get(m.group("sign") or "") or comparator(m.group("word"))
        return parse_number(m.group("num")), unit, unit_class(unit) if unit else "count", cmp
    qs = quantities(text, counts=True)
    if len(qs) == 1 and qs[0].start <= 12 and not re.search(r"\b(?:giảm|tăng)\b", text, re.I):
        q = qs[0]  # "Tối thiểu 60%", "75 triệu đồng"; a change ("Giảm 1,5 %/năm") is not the year's level
        return q.value, q.unit or row_unit, q.unit_class, q.comparator
    return None


def _name(row: list[Cell], header: _Header) -> Cell | None:
    if header.name is not None and header.name < len(row):
        return row[header.name]
    return next((c for c in row if c.text and not _MARK_RE.match(c.text) and not _BARE_RE.match(c.text)), None)


def year_values(items: list[Item], in_block: dict[str, bool], observed: bool = False) -> list[YearValue]:
    """Values of every year-column table; `in_block` says which sections are target blocks.

    With `observed`, the values a report's table gives for past years, in its results sections
    (`in_block`), are read instead: columns of what was done, not of what was planned.
    """
    out: list[YearValue] = []
    header: _Header | None = None
    for item in items:
        if not item.text.lstrip().startswith("|"):
            header = None
            continue
        row = cells(item)
        if (h := _header(row, observed)) is not None:
            header = h if ((h.targets and not observed) or in_block.get(item.section)) else None
            continue
        if header is None or len(row) <= max(header.years):
            continue
        name = _name(row, header)
        if name is None or not name.text or _MARK_RE.match(name.text):
            continue
        row_unit = row[header.unit].text or None if header.unit is not None and header.unit < len(row) else None
        for k, year in header.years.items():
            got = cell_value(row[k].text, row_unit)
            if got is None:
                continue
            value, unit, cls, cmp = got
            out.append(YearValue(item, name.text, value, unit, cls, cmp, year, name.start,
                                   row[k].start + len(row[k].text), identify(name.text, None)))
    return out
