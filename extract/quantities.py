"""Quantities in target and progress sentences: number, unit, comparator ("khoảng 20 %")."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from extract.agencies import DATA

NUM = r"\d+(?:[.,]\d+)*"
# Comparator words before a value; the order matters ("không quá" before "quá", "trên" after "không").
COMPARATORS: tuple[tuple[str, str], ...] = (
    ("at_least", r"ít nhất|tối thiểu|không dưới|không thấp hơn|không ít hơn|trở lên"),
    ("at_most", r"không quá|không vượt quá|tối đa|không cao hơn|không hơn"),
    ("about", r"khoảng|gần|xấp xỉ|chừng"),
    ("more_than", r"trên|hơn|vượt|cao hơn|lớn hơn"),
    ("less_than", r"dưới|thấp hơn|nhỏ hơn|ít hơn"),
)
CMP = "|".join(p for _, p in COMPARATORS)
# Signs in table cells: ">25", "<30%", "≥ 90%".
_SIGNS = {">": "more_than", ">=": "at_least", "≥": "at_least", "<": "less_than", "<=": "at_most", "≤": "at_most"}
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|vạn)"
_RANKED = r"nước|quốc gia|nền kinh tế|tỉnh, thành phố|tỉnh|địa phương"
_TOP_RE = re.compile(rf"(?:nhóm\s+)?({NUM})\s+(?:{_RANKED})\s+(?:dẫn đầu|đứng đầu|hàng đầu)"
                     rf"|[Tt]op\s*({NUM})")
_ZERO_RE = re.compile(r"(?:bằng|về|xuống|còn)\s+(?:mức\s+)?[“\"']?(0|không)[”\"']?(?![\d,.%])(?!\s*(?:có|được|phải))")
# A count of anything a target names ("01 nền tảng", "tối thiểu 10 thương hiệu", "560 EFLOPS"): a number
# followed by a lower-case word or an acronym, unless the number is a year, a date or a position.
_NOT_COUNTED = (r"năm|tháng|ngày|giờ|phút|giây|và|hoặc|với|của|đến|tới|trong|theo|từ|là|có|các|những|được|về|đã|"
                r"tại|thì|khi|để|so|trở|lần|tuổi|mẫu|đợt|điểm|nước|quốc|dưới|trên|vào|ra|giai đoạn|thế hệ|cấp|loại|"
                r"trước|sau|này|như")  # "Thứ hạng 42 này", "vị trí 44 như …": a number named, nothing counted
_WORD = rf"(?!(?:{_NOT_COUNTED})\b)(?:[a-zđà-ỹ]+|[A-Z]{{2,}}\d*)"
_COUNT_RE = re.compile(
    rf"(?:(?P<cmp>(?i:{CMP}))\s+(?:mức\s+|là\s+)?)?(?<![\w/.,:-])(?P<num>{NUM})(?:\s*[-–]\s*(?P<max>{NUM})|/(?P<of>\d+))?\s+"
    rf"(?P<unit>(?:{_SCALE}\s+)?{_WORD}(?:\s+{_WORD})?)(?![\w/])")
# "02 Quyết định phê duyệt", "04/04 Đoàn thanh tra": a capitalised noun and the lower-case word after it
_TITLED_COUNT_RE = re.compile(
    rf"(?:(?P<cmp>(?i:{CMP}))\s+)?(?<![\w/.,:-])(?P<num>{NUM})(?:\s*[-–]\s*(?P<max>{NUM})|/(?P<of>\d+))?\s+"
    rf"(?P<unit>[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+{_WORD})(?![\w/])")
_NOT_COUNT_BEFORE_RE = re.compile(
    r"(?:năm|tháng|ngày|quý|điều|khoản|điểm|mục|phụ lục|số|thứ|khóa|lần|kỳ|giai đoạn|chương|phần|tuần|"
    r"nghị quyết|quyết định|luật|chỉ thị|kết luận|top|nhóm|đề án)\s*$", re.I)
# "thôn 13 xã Đồng Khê", "tổ 5 phường …": a hamlet's or a ward group's number names it, it counts nothing
_PLACE_NUMBER_RE = re.compile(r"\b(?:thôn|xóm|ấp|tổ|tổ dân phố|khu phố)\s*$", re.I)
_NOT_COUNT_WORD_RE = re.compile(rf"^(?:{_NOT_COUNTED})\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A value as written: "khoảng 120 km" -> 120.0, "km", "about"; offsets within the searched text."""

    value: float
    unit: str
    unit_class: str  # percent, amount, count, rank
    comparator: str
    start: int
    end: int
    value_max: float | None = None  # the upper bound of a range ("16 - 18 %/năm" -> 16 .. 18)


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, str], tuple[str, ...]]:
    raw = json.loads((DATA / "units.json").read_text(encoding="utf-8"))
    classes = {u: c for c, units in raw["classes"].items() for u in units}
    return classes, tuple(raw["per"])


@lru_cache(maxsize=1)
def _value_re() -> re.Pattern[str]:
    classes, per = _units()
    units = "|".join(re.escape(u) for u in sorted(classes, key=len, reverse=True))
    pers = "|".join(re.escape(p) for p in sorted(per, key=len, reverse=True))
    # "%" needs no word boundary; a word unit must end at a word boundary ("ha" is not "hai").
    return re.compile(
        rf"(?:(?P<cmp>{CMP})\s+(?:mức\s+|là\s+)?|(?P<cmp_sign>[<>≤≥]=?)\s*)?"
        rf"(?:(?<=\w\s)(?P<neg>[-−])|(?<![\w/.,-]))(?P<num>{NUM})"
        rf"(?:\s*[-–]\s*(?P<max>{NUM})|/(?P<of>\d+))?\s*"
        rf"(?P<unit>(?:{_SCALE}\s+)?(?:{units})(?:\s*/\s*(?:{pers}))*)(?!\w)(?:\s+(?P<after>trở lên))?",
        re.I)


_DIGIT_RE = re.compile(r"\d")
_WELL_FORMED = re.compile(r"\d+(?:[.,]\d+)?|[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d+)?")


def well_formed(text: str) -> bool:
    """A number a reader can read one way: "12,66", "300.000", "3.094,17" — not "5.378.7000.000"."""
    return _WELL_FORMED.fullmatch(text) is not None


def parse_number(text: str) -> float:
    """"12,66" -> 12.66, "7,5" -> 7.5, "80,000" and "300.000" -> thousands, "3.094,17" -> 3094.17."""
    # one separator repeated groups thousands ("0,002" is a fraction); with two ("328.782,902") the last is decimal
    if re.fullmatch(r"[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*", text):
        return float(re.sub(r"[.,]", "", text))
    if "." in text and "," in text:  # "3.094,17": the last separator is the decimal one
        dec = max(text.rfind("."), text.rfind(","))
        return float(re.sub(r"[.,]", "", text[:dec]) + "." + text[dec + 1:])
    return float(text.replace(",", "."))


def comparator(word: str | None) -> str:
    """The comparator named by a word before a value ("ít nhất" -> at_least); none -> equals."""
    if not word:
        return "equals"
    low = " ".join(word.lower().split())
    return next((name for name, pattern in COMPARATORS if re.fullmatch(pattern, low)), "equals")


def unit_class(unit: str) -> str:
    """percent, amount or count for a unit as written ("triệu lượt khách" -> count)."""
    classes, _ = _units()
    if unit in classes:
        return classes[unit]  # "Mbit/s": a unit whose "/" is part of its name
    base = re.sub(rf"^{_SCALE}\s+", "", unit.split("/")[0].strip(), flags=re.I)
    return next((c for u, c in classes.items() if u.lower() == base.lower()), "count")


def quantities(text: str, counts: bool = False, titled: bool = False) -> list[Quantity]:
    """Every value in a text: top-N ranks, numbers with units, and zero targets ("bằng 0").

    A range ("1 - 1,5 % GDP") is its lower bound, at least; with `counts`, a number before any noun
    is a count of that noun ("05 thương hiệu"); with `titled` too, of a noun written with a capital,
    as reports write the papers they count ("02 Quyết định phê duyệt …", "10 Giấy phép khai thác").
    """
    return list(_quantities(text, counts, titled))  # a clause is scanned by several rules: once is enough


def forget_scans() -> None:
    """Drop the values scanned so far (each document starts afresh: no gain from a corpus of copies)."""
    _quantities.cache_clear()


class _Taken:
    """The spans already read as values, by start (each value was tested against every span before it)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def holds(self, pos: int) -> bool:
        """Some span has start <= pos < end (only spans starting within `longest` before pos can)."""
        i = bisect_right(self.spans, (pos, math.inf)) - 1
        while i >= 0 and self.spans[i][0] > pos - self.longest:
            if self.spans[i][1] > pos:
                return True
            i -= 1
        return False

    def starts_in(self, start: int, end: int) -> bool:
        """Some span starts in [start, end)."""
        i = bisect_left(self.spans, (start, -math.inf))
        return i < len(self.spans) and self.spans[i][0] < end


@lru_cache(maxsize=8192)
def _quantities(text: str, counts: bool, titled: bool = False) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    taken = _Taken()
    if _DIGIT_RE.search(text) is None:  # every other form has a number: skip the costly scans
        return tuple(Quantity(0.0, "", "count", "equals", m.start(), m.end()) for m in _ZERO_RE.finditer(text))
    for m in _TOP_RE.finditer(text):
        out.append(Quantity(parse_number(m.group(1) or m.group(2)), "rank", "rank", "top_n", m.start(), m.end()))
        taken.add(m.start(), m.end())
    for m in _value_re().finditer(text):
        if taken.holds(m.start("num")) or _capitalised(m.group("unit")) or _version(text, m) \
                or not all(well_formed(n) for n in (m.group("num"), m.group("max")) if n):
            continue  # a misprinted number ("5.378.7000.000") is no value rather than a wrong one
        unit = " ".join(m.group("unit").split())
        unit = "%" if unit.startswith("%") and "/" not in unit else re.sub(r"\s*/\s*", "/", unit)
        if unit_class(unit) == "count" and _PLACE_NUMBER_RE.search(_tail(text, m.start("num"))):
            continue
        out.append(_quantity(m, unit, unit_class(unit)))
        taken.add(m.start("num"), m.end())
    for m in _ZERO_RE.finditer(text):
        out.append(Quantity(0.0, "", "count", "equals", m.start(), m.end()))
    if counts:
        for m in _COUNT_RE.finditer(text):
            overlaps = taken.holds(m.start("num")) or taken.starts_in(m.start("num"), m.end())
            if _is_count(text, m) and well_formed(m.group("num")) and not overlaps:
                out.append(_quantity(m, " ".join(m.group("unit").split()), "count"))
                taken.add(m.start("num"), m.end())
    if counts and titled:
        for m in _TITLED_COUNT_RE.finditer(text):
            if not taken.holds(m.start("num")) and _is_count(text, m) and \
                    well_formed(m.group("num")):
                out.append(_quantity(m, " ".join(m.group("unit").split()).lower(), "count"))
                taken.add(m.start("num"), m.end())
    return tuple(sorted(out, key=lambda q: q.start))


def _quantity(m: re.Match[str], unit: str, cls: str) -> Quantity:
    value = parse_number(m.group("num")) * (-1 if m.groupdict().get("neg") else 1)
    top = parse_number(m.group("max")) if m.group("max") else None
    after = m.groupdict().get("after")
    sign = m.groupdict().get("cmp_sign")
    cmp = "at_least" if after or (top is not None and not m.group("cmp")) else comparator(m.group("cmp"))
    cmp = _SIGNS.get(sign or "", cmp)
    return Quantity(value, unit, cls, cmp, m.start(), m.end(), top)


def _version(text: str, m: re.Match[str]) -> bool:
    """"CMCN 4.0 ngày càng …": a name's version number, not a value."""
    before = _last_word(text, m.start())
    return not m.group("cmp") and before.isupper() and len(before) > 1 and \
        bool(re.fullmatch(r"\d\.\d", m.group("num")))


def _capitalised(unit: str) -> bool:
    """"Đồng chí" after "2026 - 2030" is a person's title, not "đồng": a unit word is written as registered."""
    classes, _ = _units()
    word = re.sub(rf"^{_SCALE}\s+", "", unit.strip(), flags=re.I)
    return word[:1].isupper() and not any(u.startswith(word[:1]) for u in classes)


def _is_count(text: str, m: re.Match[str]) -> bool:
    """A number before a noun counts that noun, unless it is a year, a date part, a position or a bound.

    A bound ("dưới 07 tỷ tham số", "từ 70 tỷ …") says what is counted, it is not a count.
    """
    num = m.group("num")
    if m.group("cmp") and comparator(m.group("cmp")) in ("less_than", "more_than") or \
            re.search(r"\btừ\s*$", _tail(text, m.start())):
        return False
    if not m.group("cmp") and _last_word(text, m.start())[:1].isupper():
        return False  # a name's number ("CMCN 4.0", "Quốc lộ 4"), not a count
    word = re.sub(rf"^{_SCALE}\s+", "", m.group("unit"), flags=re.I)
    if _NOT_COUNT_WORD_RE.match(word):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", num) or (m.group("max") and re.fullmatch(r"(?:19|20)\d\d", m.group("max"))):
        return False
    if _NOT_COUNT_BEFORE_RE.search(_tail(text, m.start("num"))) or _NOT_COUNT_WORD_RE.match(m.group("unit")) or \
            _PLACE_NUMBER_RE.search(_tail(text, m.start("num"))):
        return False
    return not re.match(r"\s*[/)]", text[m.end():])


# The words before a value are read from its end backwards, never by copying the text before it: a clause can be
# a 2 MB line with thousands of values (the copies made that scan quadratic).
def _tail(text: str, end: int, size: int = 40) -> str:
    """`text[:end]` as far as a pattern anchored at its end (`…\\s*$`) of at most `size` characters can read."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return text[max(0, j - size):end]


def _last_word(text: str, end: int) -> str:
    """The last word of `text[:end]` ("" when there is none): `text[:end].split()[-1]`."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:j]
