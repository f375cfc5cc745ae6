"""Year tables whose cells came out one per line: "STT", "Chỉ tiêu", "Đơn vị", "Năm 2026", "Năm 2027", …

A table converted from DOCX or HTML often loses its rows: each cell is a line of its own, the rows
follow one another ("1", "Học sinh … được học …", "%", "Bộ Giáo dục và Đào tạo", "10", "30", …) and
group rows ("I", "Đào tạo trong nước") sit between them. Line joining would run such cells into one
paragraph, so the table is read on the original lines: the header gives the number of cells per row
and which of them are years; a record opened by its number with as many cells as the header and a
value under every year is a row, a number followed by a name alone is a group row. Only tables whose
rows are targets ("Chỉ tiêu" / "Mục tiêu" in the header) are read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extract.indicators import identify
from extract.normalize import NormText
from extract.quantities import NUM, parse_number, unit_class, well_formed
from extract.records import Section
from extract.segment import FRONT
from extract.year_table import DONE_RE, TARGET_HEAD_RE, UNIT_COL_RE, YEAR_COL_RE, cell_value

_INDEX_RE = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự)$", re.I)
_MARK_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]+|[a-zđ])[.)]?$")
_NUMBERISH_RE = re.compile(r"^[\d.,\s%<>≤≥=-]+$")
_MAX_HEADER = 12


@dataclass(frozen=True)
class Line:
    """One non-empty line of the original text, stripped (and without a markdown heading mark)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CellValue:
    """A value under a year column: the row's name, where it is, and the value's cell."""

    name: Line
    value: float
    unit: str | None
    unit_class: str
    comparator: str
    year: int
    cell: Line


_LINE_RE = re.compile(r"[^\n]+")
_MD_MARK_RE = re.compile(r"^\s*#{1,6}\s+")
# where a header may start: "STT" alone on its line (found by its literal end: most texts have none)
_HEADER_END_RE = re.compile(r"(?:TT|thứ tự)[ \t]*\r?$", re.M)
_HEADER_LINE_RE = re.compile(r"[ \t#]*(?:STT|TT|Số TT|Số thứ tự)[ \t]*\r?")


def _header_starts(original: str) -> list[int]:
    """Offsets of the lines that are an index column's header ("STT", "TT", "Số thứ tự")."""
    out = []
    for m in _HEADER_END_RE.finditer(original):
        start = original.rfind("\n", 0, m.start()) + 1
        if _HEADER_LINE_RE.fullmatch(original, start, m.end()):
            out.append(start)
    return out


class Lines:
    """The non-empty lines of a text from an offset on, stripped (without a markdown heading mark),
    split only as far as they are read."""

    def __init__(self, original: str, pos: int = 0) -> None:
        self._it = _LINE_RE.finditer(original, pos)
        self._got: list[Line] = []

    def _fill(self, k: int) -> bool:
        while len(self._got) <= k:
            m = next(self._it, None)
            if m is None:
                return False
            raw = m.group(0)
            text = _MD_MARK_RE.sub("", raw).strip()
            if text:
                start = m.start() + raw.find(text)
                self._got.append(Line(text, start, start + len(text)))
        return True

    def has(self, k: int) -> bool:
        return self._fill(k)

    def __getitem__(self, k: int) -> Line:
        self._fill(k)
        return self._got[k]

    def slice(self, a: int, b: int) -> list[Line]:
        self._fill(b - 1)
        return self._got[a:b]


def lines(original: str) -> list[Line]:
    """The text's non-empty lines with their offsets."""
    got = Lines(original)
    got.has(len(original))
    return got.slice(0, len(original))


@dataclass(frozen=True)
class _Header:
    width: int  # cells per row, the index included
    name: int
    unit: int | None
    years: dict[int, int]  # cell position -> year


def _header(rows: Lines, k: int) -> _Header | None:
    """The header that starts at line k ("STT"), up to the first row's number."""
    if not rows.has(k) or not _INDEX_RE.match(rows[k].text):
        return None
    cells = [rows[k]]
    for line in rows.slice(k + 1, k + 1 + _MAX_HEADER):
        if _MARK_RE.match(line.text) or len(line.text.split()) > 8:
            break
        cells.append(line)
    name = next((j for j, c in enumerate(cells) if TARGET_HEAD_RE.match(c.text)), None)
    unit = next((j for j, c in enumerate(cells) if UNIT_COL_RE.match(c.text)), None)
    years = {}
    for j, c in enumerate(cells):
        if (m := YEAR_COL_RE.match(c.text)) and not DONE_RE.search(c.text):
            years[j] = int(m.group(1) or m.group(2))
    if name is None or len(years) < 2:
        return None
    return _Header(len(cells), name, unit, years)


def cell_year_values(original: str) -> tuple[list[CellValue], list[tuple[int, int]]]:
    """Values of every one-cell-per-line target table, and the original spans of those tables."""
    out: list[CellValue] = []
    spans: list[tuple[int, int]] = []
    done = 0
    for at in _header_starts(original):
        if at < done:
            continue  # inside a table already read
        rows = Lines(original, at)
        header = _header(rows, 0)
        if header is None:
            continue
        k = header.width
        while rows.has(k) and _MARK_RE.match(rows[k].text):
            got = _row(rows.slice(k, k + header.width), header)
            if got is not None:
                out += got
                k += header.width
            elif rows.has(k + 2) and not _NUMBERISH_RE.match(rows[k + 1].text) and _MARK_RE.match(rows[k + 2].text):
                k += 2  # a group row: its number and its name ("I", "Đào tạo trong nước")
            else:
                break
        spans.append((rows[0].start, rows[k - 1].end))
        done = rows[k - 1].end
    return out, spans


def _row(record: list[Line], header: _Header) -> list[CellValue] | None:
    """The values of one row, or None when the record does not fill the header's cells."""
    if len(record) < header.width:
        return None
    name = record[header.name]
    if _MARK_RE.match(name.text) or _NUMBERISH_RE.match(name.text):
        return None
    unit = record[header.unit].text if header.unit is not None else None
    out = []
    for j, year in header.years.items():
        got = cell_value(record[j].text, unit) or _range(record[j].text, unit)
        if got is None:
            return None
        value, unit_got, cls, cmp = got
        out.append(CellValue(name, value, unit_got, cls, cmp, year, record[j]))
    return out


def _range(text: str, unit: str | None) -> tuple[float, str | None, str, str] | None:
    """A cell giving a range ("5-7", "10 - 12"): its lower bound, at least."""
    m = re.fullmatch(rf"({NUM})\s*[-–]\s*({NUM})", text)
    if m is None or not (well_formed(m.group(1)) and well_formed(m.group(2))):
        return None
    return parse_number(m.group(1)), unit, unit_class(unit) if unit else "count", "at_least"


@dataclass(frozen=True)
class CellTarget:
    """A value of a one-cell-per-line table placed in the normalised text."""

    section: str
    start: int
    end: int
    indicator: tuple[str, str]
    value: CellValue


def cell_targets(norm: NormText, sections: list[Section]) -> tuple[list[CellTarget], list[tuple[int, int]]]:
    """The table values with offsets into the normalised text, and the tables' normalised spans."""
    values, spans = cell_year_values(norm.original)
    out = []
    for v in values:
        start, end = _to_norm(norm, v.name.start), _to_norm(norm, v.cell.end)
        out.append(CellTarget(_section_at(sections, start), start, max(end, start + 1),
                              identify(v.name.text, None), v))
    return out, [(_to_norm(norm, s), _to_norm(norm, e)) for s, e in spans]


def _to_norm(norm: NormText, offset: int) -> int:
    """The normalised offset of an original one (the first kept character at or after it)."""
    return min(bisect_left(norm.omap, offset), len(norm.text))


def _section_at(sections: list[Section], pos: int) -> str:
    best = FRONT
    for s in sections:
        if s.start <= pos < max(s.end, s.start + 1):
            best = s.id
    return best
