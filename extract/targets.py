"""Targets: the target clauses of a document's target blocks, split into atomic targets.

A target block is a section headed "Mục tiêu …" / "Chỉ tiêu …" / "Tầm nhìn …" (or a paragraph
"Mục tiêu cụ thể:" opening the items below it), outside results and situation sections. Its
headings and items are target clauses; a year stated in a block heading or a lead line ("Đến năm
2030:", "Giai đoạn 2026–2030:") applies to the clauses under it unless a clause names its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.cell_table import CellTarget
from extract.indicators import identify
from extract.normalize import is_row
from extract.quantities import Quantity, quantities
from extract.records import Item, Section
from extract.segment import FRONT, ancestors, item_body
from extract.year_table import YearValue, year_values

# "Mục tiêu", "Chỉ tiêu …", "Tầm nhìn …"; a forecast of the indicators ("Dự báo các chỉ tiêu kinh tế - xã hội đến năm
# 2026") and a plan for a period ("Kế hoạch phát triển giai đoạn 2026 - 2030") set values to reach as well.
_TARGET_HEAD_RE = re.compile(
    r"^\W*(?:các\s+|một số\s+)?(?:(?:dự báo|dự kiến)\s+(?:các\s+|một số\s+)?)?(?:mục tiêu|chỉ tiêu|tầm nhìn)"
    r"|^\W*kế hoạch\s+(?:phát triển\s+)?(?:giai đoạn|năm|đến năm)\s+(?:19|20)\d\d", re.I)
_OTHER_HEAD_RE = re.compile(
    r"^\W*(?:các\s+|một số\s+)?(?:quan điểm|nhiệm vụ|giải pháp|tổ chức thực hiện|định hướng|phạm vi|đối tượng|"
    r"kinh phí|nguồn vốn|phân công|trách nhiệm|nội dung)", re.I)
_RESULTS_HEAD_RE = re.compile(r"kết quả|tình hình|thực trạng|đánh giá|bối cảnh|hiện trạng", re.I)
_PRINCIPLE_HEAD_RE = re.compile(r"^\W*(?:các\s+)?(?:quan điểm|phạm vi|đối tượng|nguyên tắc|căn cứ)", re.I)
_FUNDS_HEAD_RE = re.compile(
    r"^\W*(?:[\dIVX]+[.)]\s*)?(?:vốn|kinh phí|nguồn vốn|nguồn kinh phí|nguồn lực|dự toán)\b", re.I)
# a funding section's total, its need ("Nhu cầu vốn đầu tư … dự kiến khoảng 121.732 tỷ đồng") and its sources
# ("Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90%", "- Ngân sách trung ương: … khoảng 75%-80%")
_FUNDS_TOTAL_RE = re.compile(
    r"^\W*(?:khái toán|dự kiến|tổng|vốn|kinh phí|nguồn|nhu cầu|ngân sách|trong đó|từ\s+(?:ngân sách|nguồn|vốn))", re.I)
# The period a scheme runs for, stated in its body: "Đề án được thực hiện từ nay đến năm 2020", "Thời gian thực
# hiện: 2021 - 2025": the year of its funding when no heading gives one.
_RUNS_TO_RE = re.compile(
    r"(?:Đề án|Chương trình|Kế hoạch|Dự án)\s+(?:được\s+)?(?:thực hiện|triển khai)\s+(?:từ\s+[^.;\n]{0,30}?)?"
    r"(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d\d)"
    r"|Thời gian thực hiện\s*:?\s*(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d\s*(?:[-–]|đến)\s*(?:năm\s+)?((?:19|20)\d\d)")
_RESULT_RE = re.compile(r"\b(?:hoàn thành|hoàn thiện|đạt|tỷ lệ|tỉ lệ|phấn đấu)\b", re.I)
# blocks whose qualitative sentences are not targets: broad aims, forecasts and plans (their values are)
_BROAD_RE = re.compile(r"tổng quát|tầm nhìn|^\W*(?:dự báo|dự kiến|kế hoạch)\b", re.I)
_YEAR = r"(?:19|20)\d\d"
# Under a target heading, "b) Kết quả", "c) Sản phẩm đầu ra" are levels of the targets (a results chain);
# only a review ("Kết quả thực hiện", "Thực trạng", "Đánh giá") leaves the block.
_REVIEW_HEAD_RE = re.compile(
    r"kết quả\s+(?:thực hiện|đạt được|triển khai|đã)|tình hình|thực trạng|đánh giá|bối cảnh|hiện trạng", re.I)
# A sentence that opens with its year ("Đến năm 2030, …", "Từ năm 2026, …") gives it to the sentences after it in
# the item.
# So does a lead before a colon: "Mục tiêu đến năm 2027: A; B", "Giai đoạn 2026 - 2030: …".
_YEAR_LEAD_RE = re.compile(
    rf"^\W*(?:(?:mục tiêu|chỉ tiêu)(?:\s+(?:cụ thể|chung|tổng quát|chủ yếu))?\s+)?(?:phấn đấu\s+)?"
    rf"(?:(?:(?:đến|tới|vào|trong|hết|cuối)\s+(?:hết\s+|cuối\s+)?năm|năm|từ\s+năm(?=\s+{_YEAR}\s*,))\s+({_YEAR})\b"
    rf"|giai đoạn\s+{_YEAR}\s*[-–—]\s*({_YEAR})\b(?=[^,;.]{{0,40}}:))", re.I)
# The year a target is for: "đến năm 2030", "năm 2025", "giai đoạn 2026 - 2030" (its end), "(2025)".
_YEAR_WORD_RE = re.compile(
    rf"(?:(?:đến|tới|vào|trong|hết|cuối|trước)\s+(?:năm\s+)?|năm\s+|\()({_YEAR})\b(?!\s*[-–—]\s*{_YEAR})"
    rf"|\b{_YEAR}\s*[-–—]\s*({_YEAR})\b", re.I)
# The year an aim sets for itself ("đến năm 2030", "giai đoạn 2027 - 2029"), outside target blocks.
_AIM_YEAR_RE = re.compile(
    rf"(?:đến|tới|vào|trong|hết|cuối|trước)\s+(?:hết\s+|cuối\s+)?năm\s+({_YEAR})\b"
    rf"|giai đoạn\s+({_YEAR})\s*[-–—]\s*({_YEAR})\b"
    rf"|(?:^|[.;:]\s+)[-+•]?\s*năm\s+({_YEAR})\s*,", re.I)  # "Năm 2025, hoàn thành …": a sentence opened by its year
_DONE_RE = re.compile(r"\bđã\s+(?!được\s+(?:giao|phê duyệt|ban hành)\b)", re.I)  # "đã ban hành 02 …": done, not aimed
# "các mỏ đã cấp phép khai thác phải hoàn thành …": "đã" inside a noun phrase of a sentence that says what must be
_MUST_RE = re.compile(r"\b(?:phải|cần)\s+(?:hoàn thành|đạt)\b|\bphấn đấu\b", re.I)
# a line that states a goal's value after its name: "Mục tiêu giảm phát thải … so với năm 2005: 8%"
_GOAL_LINE_RE = re.compile(r"(?:^|\s)(?:Mục tiêu|Chỉ tiêu)\b[^:;.]{0,100}:\s*(?:khoảng\s+|ít nhất\s+|tối thiểu\s+)?\d")
_BARE_YEAR_RE = re.compile(_YEAR)
_START_YEAR_RE = re.compile(rf"\btừ\s+năm\s+({_YEAR})\b(?!\s*(?:[-–—]|đến|tới))", re.I)
# ... unless the year is a base, a starting point or the vision's horizon.
_NOT_TARGET_YEAR_RE = re.compile(
    r"(?:so với|so sánh|từ|tầm nhìn|như|kể từ)(?:\s+(?:năm|đến|đến năm|cùng kỳ|mức|thời điểm|cuối))*\s*$", re.I)
# "(đến năm 2020: …)" gives interim values; "(năm 2027 là …, năm 2028 là …)" splits a total by year.
_PAREN_RE = re.compile(r"\((?:(?:đến|vào|trong)\s+(?:năm\s+)?|năm\s+)(\d{4})\s*(?:[,:]|\s+là\b)?\s*([^()]*)\)", re.I)
_BASE_RE = re.compile(
    rf"so với\s+(?:mức\s+|thời điểm\s+)?(?:cùng kỳ\s+|cuối\s+)?(?:năm\s+)?(gốc)?\s*\(?(?:năm\s+)?({_YEAR})?", re.I)
_CHANGE_RE = re.compile(r"(giảm|tăng)(?:\s+(?:thêm|bình quân|trung bình|hằng năm|hàng năm|ít nhất|tối thiểu|"
                        r"khoảng|trên|hơn|từ))*\s*$", re.I)
# "giảm xuống còn 10 %", "hạ xuống 5 %": a level to bring something down to, not a change by that much
_DOWN_TO_RE = re.compile(r"\b(?:giảm|hạ|kéo giảm)(?:\s+\S+){0,3}?\s+(?:xuống|còn)(?:\s+còn)?\s+(?:mức\s+)?$", re.I)
_HARD_RE = re.compile(r"[^;]+?(?:;|\.(?=\s+(?:[A-ZĐÀ-Ỹ]|[-+•]\s))|$)")  # sentences, ";" parts, ". - " bullets in a cell
_SOFT_RE = re.compile(r",\s+|\s+(?:và|hoặc)\s+|\s+\(?[Tt]rong đó:?\s+")  # split only between two values


@dataclass(frozen=True)
class Value:
    value: float | None
    unit: str | None
    comparator: str | None
    scope: str | None
    unit_class: str | None = None


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int
    year: int | None
    context: str  # the first part's words before its value, carried to later parts ("phủ trên 80 % hộ, 100 % xã")


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
    baseline: str | None = None  # "2020" or "năm gốc" for "giảm 15 % so với năm 2020"
    change: str | None = None  # "decrease" / "increase" for "giảm …" / "tăng …" targets
    original: tuple[int, int] | None = None  # offsets in the original text when normalisation dropped the value


def _scope(text: str) -> str | None:
    return "ASEAN" if "ASEAN" in text else ("world" if "thế giới" in text else None)


def _main_quantity(text: str) -> Quantity | None:
    """The clause's target value: the first one, or the end of "từ X lên Y"."""
    qs = quantities(text, counts=True)
    if not qs:
        return None
    for a, b in zip(qs, qs[1:], strict=False):
        if re.search(r"từ\s*$", text[:a.start]) and re.match(r"\s*(?:lên|đến|tới|xuống|còn)\s*$", text[a.end:b.start]):
            return b
        if a.comparator in ("less_than", "more_than", "at_least") and re.search(r"\bđạt\s*$", text[:b.start]):
            return b  # "tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%": the bound names the group measured
    return qs[0]


def parse_value(text: str) -> Value:
    """The target value of one clause."""
    q = _main_quantity(text)
    if q is None:
        return Value(None, None, None, _scope(text))
    scope = _scope(text) or ("world" if q.unit_class == "rank" else None)
    return Value(q.value, q.unit or None, q.comparator, scope, q.unit_class)


def clause_year(text: str, at: int | None = None) -> int | None:
    """The year a text states for its target ("đến năm 2030", "giai đoạn 2026–2030"), not a base year.

    With `at` (the value's end), the first year after the value wins, else the last before it.
    """
    # the words before a year decide (the pattern ends at the year): look back 200 characters, not to
    # the start of the clause, so a 2 MB line with thousands of years is not read again for each one
    found = [(m.start(), int(m.group(1) or m.group(2))) for m in _YEAR_WORD_RE.finditer(text)
             if not _NOT_TARGET_YEAR_RE.search(text[max(0, m.start() - 200): m.start()])]
    if at is not None and not any(pos >= at for pos, _ in found) and (start := _start_year(text, at)):
        return start
    if not found:
        return None
    if at is None:
        return found[0][1]
    before = [y for pos, y in found if pos < at]
    # "hết năm 2026 đạt ít nhất 50 % số xã … và đến năm 2028 đạt …": a year that opens the next clause is its own
    after = [y for pos, y in found if pos >= at and not (before and _NEXT_CLAUSE_RE.search(text[at:pos]))]
    return after[0] if after else (before[-1] if before else found[-1][1])


_NEXT_CLAUSE_RE = re.compile(r"(?:\s+và|[;,])\s*$")


def _start_year(text: str, at: int) -> int | None:
    """"… từ 3.000 tấn trở lên từ năm 2022": a rule that applies from a year is a target of that year."""
    m = _START_YEAR_RE.search(text, at)
    return int(m.group(1)) if m else None


def _parts(piece: str, base: int, year: int | None, context: str = "") -> list[Clause]:
    """Parts of one sentence: a part with a value after a part with a value starts a new clause."""
    out: list[Clause] = []
    pos, has_value = 0, False
    for sep in [*(m for m in _SOFT_RE.finditer(piece) if not _in_brackets(piece, m.start())), None]:
        end = sep.start() if sep else len(piece)
        body = piece[pos:end]
        q = _main_quantity(body)
        if out and not (q is not None and has_value):
            last = out.pop()  # not a new value: the separator belongs to the clause ("... của WIPO, thuộc ...")
            out.append(Clause(piece[last.start - base:end], last.start, base + end, last.year, last.context))
            has_value = has_value or q is not None
        elif body.strip():
            if not out and not context:
                context = body[: q.start] if q else body
            out.append(Clause(body, base + pos, base + end, year, context))
            has_value = q is not None
        pos = sep.end() if sep else len(piece)
    return out


def _in_brackets(text: str, pos: int) -> bool:
    """Inside an aside; a bracket that lists parts ("58 trạm (Trong đó: VNPT: 25 trạm, Viettel: 33 trạm)") is not
    one: each part is a value of its own."""
    opened = text.rfind("(", 0, pos)
    if opened >= 0 and re.match(r"\(\s*trong đó\b", text[opened:], re.I):
        return False
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def split_clauses(text: str, start: int, year: int | None) -> list[Clause]:
    """Atomic clauses of one item or heading; "(đến năm 2020: …)" gives interim values of its own year."""
    parens = list(_PAREN_RE.finditer(text))
    main_end = parens[0].start() if parens else len(text)
    spans = [(0, main_end, year, "")]
    spans += [(p.start(2), p.end(2), int(p.group(1)), text[:main_end]) for p in parens]
    out: list[Clause] = []
    for s0, e0, y, context in spans:
        for m in _HARD_RE.finditer(text[s0:e0]):
            if opening := _YEAR_LEAD_RE.match(m.group(0)):
                y = int(opening.group(1) or opening.group(2))
            for at, cell in _cells(m.group(0)):
                out += _parts(cell, start + s0 + m.start() + at, y, context)
    trimmed = []
    for c in out:
        lead = len(c.text) - len(c.text.lstrip(" .;,"))
        body = c.text.strip(" .;,")
        if body:
            trimmed.append(Clause(body, c.start + lead, c.start + lead + len(body), c.year, c.context))
    return trimmed


def _cells(piece: str) -> list[tuple[int, str]]:
    """A table row flattened into a line ("… sinh thái 01 khu Tỷ trọng … 26,1% Giảm …"): a value followed by
    a capitalised word closes its cell."""
    cuts = [0]
    for q in quantities(piece, counts=True):
        nxt = re.match(r"\s+(\w+)", piece[q.end:])
        if nxt and nxt.group(1).istitle() and len(nxt.group(1)) > 1:  # "Tỷ", "Giảm"; not "GDP", "ASEAN"
            cuts.append(q.end + nxt.start(1))
    cuts.append(len(piece))
    return [(a, piece[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if piece[a:b].strip()]


def _block_of(chain: list[Section]) -> str | None:
    """"target" or "other" by the innermost heading that opens a block; None when no heading does."""
    for k, s in enumerate(chain):
        if _TARGET_HEAD_RE.match(s.heading):
            return "other" if any(_RESULTS_HEAD_RE.search(a.heading) for a in chain[k + 1:]) else "target"
        if _RESULTS_HEAD_RE.search(s.heading) and not _REVIEW_HEAD_RE.search(s.heading) and \
                any(_TARGET_HEAD_RE.match(a.heading) for a in chain[k + 1:]):
            continue  # "b) Kết quả" under "Mục tiêu cụ thể": a level of the targets
        if _RESULTS_HEAD_RE.search(s.heading) or _OTHER_HEAD_RE.match(s.heading):
            return "other"
    return None


def _document_year(text: str, items: list[Item]) -> int | None:
    """The horizon of the document's title ("… giai đoạn 2021 - 2025", "… đến năm 2030")."""
    for item in items:
        if item.section != FRONT:
            break
        if re.match(r"\s*(?:căn cứ|theo đề nghị|xét )", item.text, re.I) or _DATELINE_RE.search(item.text):
            continue
        if y := clause_year(_DATE_RE.sub(" ", item.text)):
            return y
    return None


# The dateline ("Hà Nội, ngày 26 tháng 3 năm 2026", "Số: 134/KH-UBND") and the dates of cited documents
# ("Nghị quyết số 34-NQ/TU ngày 27/12/2025") are not the horizon of the title.
# A dateline broken over two lines leaves "tháng 11 năm 2025" alone on the second.
_DATELINE_RE = re.compile(r"\bSố\s*:|,\s*ngày\s+(?:\d+|…|\.+)?\s*tháng|ngày\s+tháng\s+năm"
                          r"|^\W*tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d\W*$", re.I)
_DATE_RE = re.compile(rf"ngày\s+\d{{1,2}}\s*(?:/\s*\d{{1,2}}\s*/\s*|\s+tháng\s+\d{{1,2}}\s+năm\s+){_YEAR}", re.I)


@dataclass
class _Block:
    in_scope: bool | None = None  # set by a lead paragraph ("Mục tiêu cụ thể:", "Nhiệm vụ:")
    year: int | None = None


@dataclass
class _Open:
    """A target block opened by a lead paragraph ("CÁC CHỈ TIÊU CHỦ YẾU"): it spans the headings below."""

    container: str
    year: int | None


def heading_text(text: str, sec: Section) -> tuple[str, int]:
    """A section's heading as written, and where it starts in the text."""
    line_end = text.find("\n", sec.start)
    line = text[sec.start: line_end if line_end >= 0 else len(text)]
    at = line.rfind(sec.heading) if sec.heading else -1
    return (sec.heading, sec.start + at) if at >= 0 else ("", sec.start)


def extract_targets(text: str, sections: list[Section], items: list[Item],
                    cells: tuple[list[CellTarget], list[tuple[int, int]]] = ([], [])) -> list[TargetDraft]:
    """Atomic targets of the target blocks, each with indicator, value and year.

    `cells` are the values of tables written one cell per line (extract.cell_table) and their spans:
    those tables are read by column, not as the paragraph line joining made of them.
    """
    by_id = {s.id: s for s in sections}
    doc_year = _document_year(text, items)
    runs_to = next((int(m.group(1) or m.group(2)) for m in [_RUNS_TO_RE.search(text)] if m), None)
    tabled = year_values(items, {s.id: _block_of(ancestors(by_id, s.id)) == "target" for s in sections})
    out: list[TargetDraft] = [_table_target(text, t) for t in tabled] + [_cell_target(text, c) for c in cells[0]]
    rows = {id(t.row) for t in tabled} | {id(u) for u in items if any(s <= u.start < e for s, e in cells[1])}
    plan = funding_plan(text, sections, items)
    blocks: dict[str, _Block] = {}
    opened: _Open | None = None
    units: list[Section | Item] = sorted([*sections, *items], key=lambda u: u.start)
    for unit in units:
        if id(unit) in rows:
            continue  # a row of a year-column table: its targets are read by column
        sid = unit.id if isinstance(unit, Section) else unit.section
        chain = ancestors(by_id, sid)
        kind = _block_of(chain)
        if opened and (kind == "other" or (opened.container != FRONT and all(s.id != opened.container for s in chain))):
            opened = None
        block = blocks.setdefault(sid, _Block())
        outside = _outside_mode(chain, unit)  # how a line outside the target blocks may still state targets
        if isinstance(unit, Section):
            body, start, marker = *heading_text(text, unit), ""
            if not quantities(body, counts=True):
                continue
            in_block = kind == "target" or (kind is None and opened)
            mode: str = "target" if in_block else ("funds" if outside == "funds" else
                                                    ("heading" if outside == "aim" else ""))
        else:
            body, start, marker = item_body(unit), unit.end - len(item_body(unit)), unit.marker
            if _lead(body, block):
                opened = _Open(sid, block.year) if block.in_scope else (None if block.in_scope is False else opened)
                continue
            in_scope = block.in_scope if block.in_scope is not None else (kind == "target" or (kind is None and opened))
            mode = "target" if in_scope else outside
        if not mode:
            continue
        broad = any(_BROAD_RE.search(s.heading) for s in chain)
        if mode == "aim" and isinstance(unit, Item) and _GOAL_LINE_RE.search(body):
            mode = "goal"  # "Mục tiêu giảm phát thải khí nhà kính so với năm 2005: 8%" under any heading: its value
        year = (block.year if isinstance(unit, Item) else None) or _chain_year(chain) or \
            (opened.year if opened else None) or doc_year or (runs_to if mode == "funds" else None)
        if id(unit) in plan and mode in ("aim", "funds", "heading"):
            out += _plan_targets(sid, body, start, year, plan[id(unit)])
            continue
        if mode == "funds" and not _FUNDS_TOTAL_RE.match(body):
            continue
        if mode == "aim" and isinstance(unit, Item) and is_row(body) and (row_year := _row_year(body)):
            out += _row_targets(sid, body, start, row_year, out)
            continue
        aims = _aim_years(body) if mode in ("aim", "forecast") else set()
        if (mode == "aim" and not aims and not _STRIVE_RE.search(body)) or (mode == "forecast" and not aims):
            continue  # an aim keeps only clauses of a year it sets itself (below), or a list it strives for: none here
        for clause in split_clauses(body, start, None if mode in ("aim", "forecast") else year):
            target = _target(sid, clause)
            if mode in ("heading", "funds", "aim", "goal", "forecast") and target.value.value is None:
                continue
            if mode == "heading" and target.year is None and not _strived(body, clause.end - start):
                continue  # a numbered heading outside the target blocks states a target only with a year
            if mode == "heading" and target.value.comparator == "equals" and target.value.unit != "%" and \
                    not _RESULT_RE.search(body) and not re.search(r"\bdự kiến\b", clause.text, re.I):
                continue  # "1. Xây dựng 20 trường học" is work to do; "4. Hoàn thành di dời 01 khu …" a result
            if mode == "forecast":
                if not _ahead(body, clause.end - start):
                    continue  # a review's "dự kiến đến hết năm 2025 số trạm 5G đạt 68.457 trạm": a plan, not a result
                target = replace(target, year=target.year or _sentence_aim_year(body, clause.start - start))
                if target.year not in aims:
                    continue
            if mode == "aim" and ((target.year not in aims and not _strived(body, clause.end - start)) or (
                    _DONE_RE.search(body) and not _MUST_RE.search(body) and not _PREAMBLE_AIM_RE.search(body))):
                continue  # outside a target block only an aim with its own year ("đến năm 2030 có ít nhất …"),
                # not what was done ("Năm 2025, đã tổ chức đấu giá thành công 7 điểm mỏ")
            if mode != "target" and target.value.value is not None and any(
                    (t.indicator, t.value.value, t.year) == (target.indicator, target.value.value, target.year)
                    for t in out):
                continue  # a target restated in the tasks is one target
            if target.value.value is not None or (marker and not broad and len(target.text.split()) >= 4):
                out.append(target)  # qualitative targets only from bullets of specific blocks
    return out


# A funding plan a decision sets: "(1) Tổng mức vốn của Dự án: 3.600.000 USD, trong đó:", then its sources
# and each body's share ("- Vốn ODA: 3.000.000 USD …", "+ Bộ Công Thương: 760.000 USD;"); a public-investment
# plan's "1. Tổng kế hoạch đầu tư công trung hạn: 57.157.900 triệu đồng." and its sources ("a) Nguồn thu tiền sử
# dụng đất: …"), written as numbered headings.
_PLAN_OPEN_RE = re.compile(
    r"^[|\W]*(?:\(\d+\)\s*)?(?:tổng mức (?:vốn|đầu tư)|tổng (?:kinh phí|vốn|nguồn vốn)|vốn|kinh phí|nguồn vốn|"
    r"tổng kế hoạch (?:vốn|đầu tư))\b"
    r"[^:|]{0,80}:\s*\|?\s*(?:khoảng\s+)?\d", re.I)
_PLAN_SHARE_RE = re.compile(r"^[|\s]*[-+•]?\s*[^:|\d]{2,80}:\s*\|?\s*(?:khoảng\s+)?\d")
_SHARE_LABEL_RE = re.compile(r"^[|\s]*[-+•]?\s*[^:|\d]{2,80}:\s*$")  # "d) Nguồn thu đóng góp …:", its amount below
_AMOUNT_LINE_RE = re.compile(r"^\s*(?:khoảng\s+)?\d")


def funding_plan(text: str, sections: list[Section], items: list[Item]) -> dict[int, str]:
    """The lines (by id) of the funding plans a text sets: an opening total and the shares listed after it, as
    items or as numbered headings; an amount that line wrapping put below its label has that label (the value
    of each line; "" for a line that names its share itself)."""
    out: dict[int, str] = {}
    current: str | None = None
    label = ""  # the line before is a share's label whose amount is on the next line
    units: list[Section | Item] = sorted([*sections, *items], key=lambda u: u.start)
    for unit in units:
        heading = isinstance(unit, Section)
        if isinstance(unit, Section):
            body, scope = heading_text(text, unit)[0], unit.id
        else:
            body, scope = item_body(unit), unit.section
        money = bool(_money(body))
        if _PLAN_OPEN_RE.match(body) and money:
            current = scope
        elif current is None:
            pass
        elif label:
            if heading or not (_AMOUNT_LINE_RE.match(body) and money):
                current = None
        elif heading and _SHARE_LABEL_RE.match(body):
            pass  # "d) Nguồn thu đóng góp …:": its amount follows
        elif (not heading and current != scope) or not (_PLAN_SHARE_RE.match(body) and money):
            current = None
        if current is not None and money:
            out[id(unit)] = label
        label = body if current is not None and heading and _SHARE_LABEL_RE.match(body) else ""
    return out


def _money(text: str) -> list[Quantity]:
    return [q for q in quantities(text) if re.search(r"đồng|USD|VNĐ", q.unit)]


def _plan_targets(sid: str, body: str, start: int, year: int | None, label: str = "") -> list[TargetDraft]:
    """Every amount of a funding plan's line is a target: the share and its parts ("gồm 1.983.640.000 VNĐ tiền
    mặt và 2.650.000.000 VNĐ bằng hiện vật", "(tương đương 13.000.000.000 VNĐ)"), of the plan's year, if any."""
    out = []
    for q in _money(body):
        clause = Clause(body[q.start:q.end], start + q.start, start + q.end, year, label + body[:q.start])
        target = _target(sid, clause)
        out.append(replace(target, year=year, value=replace(target.value, comparator=q.comparator)))
    return out


def _table_target(text: str, t: YearValue) -> TargetDraft:
    value = Value(t.value, t.unit, t.comparator, None, t.unit_class)
    return TargetDraft(t.row.section, text[t.start:t.end], t.start, t.end, t.indicator[0], t.indicator[1], value,
                       t.year, False)


def _cell_target(text: str, c: CellTarget) -> TargetDraft:
    v = c.value
    value = Value(v.value, v.unit, v.comparator, None, v.unit_class)
    return TargetDraft(c.section, text[c.start:c.end], c.start, c.end, c.indicator[0], c.indicator[1], value,
                       v.year, False, original=(v.name.start, v.cell.end))


# a table's time cell: "2017 - 2020", "Năm 2025", "Quý IV/2025", "Tháng 12/2025"
_TIME_CELL_RE = re.compile(
    rf"(?:năm\s+|giai đoạn\s+)?(?:{_YEAR}\s*[-–—]\s*)?({_YEAR})"
    rf"|(?:quý\s+[IV]+|tháng\s+\d{{1,2}})\s*/\s*({_YEAR})", re.I)


def _row_cells(body: str, start: int) -> list[tuple[str, int]]:
    """The cells of a pipe row with their offsets."""
    return [(m.group(0), start + m.start()) for m in re.finditer(r"[^|]+", body) if m.group(0).strip()]


def _row_year(body: str) -> int | None:
    """The year of a task table row's time cell ("| … | 2017 - 2020 |" -> 2020), if it has one."""
    years = [int(m.group(1) or m.group(2)) for cell, _ in _row_cells(body, 0)
             if (m := _TIME_CELL_RE.fullmatch(cell.strip()))]
    return years[-1] if years else None


def _row_targets(sid: str, body: str, start: int, row_year: int, found: list[TargetDraft]) -> list[TargetDraft]:
    """Targets in the cells of a task table row outside the target blocks: a value the text sets as a
    floor ("Ít nhất 15 tỉnh được hỗ trợ …", "tối thiểu 03 cơ sở") is a target of the row's time cell;
    any other value only with a year of its own ("đến năm 2025 …")."""
    out: list[TargetDraft] = []
    for cell, at in _row_cells(body, start):
        if _TIME_CELL_RE.fullmatch(cell.strip()):
            continue
        aims = _aim_years(cell)
        output = bool(_OUTPUT_CELL_RE.match(cell))
        for clause in split_clauses(cell, at, row_year):
            target = _target(sid, clause)
            single = target.value.unit_class == "count" and target.value.value == 1  # "01 cơ sở dữ liệu": a product
            floor = (output and not single or target.value.comparator in ("at_least", "more_than")) and \
                target.year == row_year
            if target.value.value is None or not (floor or target.year in aims):
                continue
            if any((t.value.value, t.year) == (target.value.value, target.year) and t.start <= target.start < t.end
                   for t in found):
                continue
            out.append(target)
    return out


# An output cell: a value and what is to be done with it, in the passive ("150.000 ha rừng kinh doanh gỗ lớn được
# trồng.", "100.000 chủ rừng … được tiếp cận các dịch vụ tư vấn"): the row's planned result, like a floor (one
# thing made, "01 cơ sở dữ liệu được vận hành", is the row's product, not a target).
_OUTPUT_CELL_RE = re.compile(r"^\s*[-+•]?\s*\d[\d.,]*\s+[^|]*?\bđược\s+[a-zđà-ỹ]")


# "…, cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ lệ … đạt khoảng 22%; …": what a task strives for
_STRIVE_RE = re.compile(r"\bphấn đấu\b", re.I)


def _strived(body: str, at: int) -> bool:
    """Whether a clause ending at `at` is in a list of values a sentence opens with "phấn đấu" ("Phấn đấu tổng tỷ
    suất sinh đạt 2,1 con/phụ nữ; tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; …"): a list of aims, with or without
    a year (a single "phấn đấu … đạt 25%" without one is not)."""
    opened = [m.end() for m in _STRIVE_RE.finditer(body, 0, at)]
    if not opened:
        return False
    end = re.search(r"\.(?:\s|$)", body[opened[-1]:])
    sentence = body[opened[-1]: opened[-1] + end.start() if end else len(body)]
    return len(sentence) >= at - opened[-1] and sentence.count(";") >= 2


# words that say a value is planned or aimed at, not reached: "dự kiến đến hết năm 2025 …", "với mục tiêu phủ sóng
# 99% dân số vào năm 2030"
_AHEAD_RE = re.compile(r"\b(?:dự kiến|mục tiêu|kế hoạch|phấn đấu)\b", re.I)


def _ahead(body: str, at: int) -> bool:
    """Whether the sentence holding position `at` says, before it, that its values are planned or aimed at."""
    return _AHEAD_RE.search(body, _sentence_start(body, at), at) is not None


def _sentence_start(body: str, at: int) -> int:
    return max(body.rfind(". ", 0, at), body.rfind("; ", 0, at)) + 1


def _sentence_aim_year(body: str, at: int) -> int | None:
    """The last year an aim of the sentence names before `at` ("dự kiến đến hết năm 2025 số trạm …, phủ sóng 90 %")."""
    years = [int(m.group(1) or m.group(4) or m.group(3))
             for m in _AIM_YEAR_RE.finditer(body, _sentence_start(body, at), at)]
    return years[-1] if years else None


def _aim_years(body: str) -> set[int]:
    """The years an aim sets itself: "đến năm 2030" -> {2030}, "giai đoạn 2027 - 2029" -> {2027, 2028, 2029}."""
    out: set[int] = set()
    if _BARE_YEAR_RE.search(body) is None:  # every form names a year: skip the slower scans
        return out
    for m in _AIM_YEAR_RE.finditer(body):
        one = m.group(1) or m.group(4)
        first, last = (int(one),) * 2 if one else (int(m.group(2)), int(m.group(3)))
        out.update(range(first, last + 1))
    return out | {int(m.group(1)) for m in _START_YEAR_RE.finditer(body)}


# A directive's opening paragraph stating the commitment it serves ("Thực hiện cam kết về giảm phát thải ròng
# bằng “0” vào năm 2050 tại Hội nghị …, Việt Nam đã cập nhật …"): the front's one kind of aim (titles and bases
# state none); what was done about it since ("đã cập nhật") does not make it a result.
_PREAMBLE_AIM_RE = re.compile(r"^\s*(?:Thực hiện|Để thực hiện)\s+(?:cam kết|mục tiêu)\b", re.I)


def _outside_mode(chain: list[Section], unit: Section | Item) -> str:
    """Outside target blocks: "funds" in a funding section, "aim" elsewhere, "" in reviews and principles.

    A funding section's total ("Khái toán tổng số vốn: 7.080 tỷ đồng") and its headings are targets; a
    numbered heading stating a value ("3. Hoàn thiện ít nhất 500 ha mặt bằng sạch") is one; any other
    sentence is one only with a year of its own ("Phấn đấu đến năm 2030, có ít nhất 05 dự án …").
    """
    if (isinstance(unit, Item) and unit.section == FRONT and not _PREAMBLE_AIM_RE.search(unit.text)) or \
            any(_PRINCIPLE_HEAD_RE.match(s.heading) for s in chain if len(s.heading.split()) <= _HEADING_WORDS):
        return ""
    if any(_RESULTS_HEAD_RE.search(s.heading) for s in chain if len(s.heading.split()) <= _HEADING_WORDS):
        return "forecast" if isinstance(unit, Item) else ""  # a review states only what is planned ahead
    return "funds" if any(_FUNDS_HEAD_RE.match(s.heading) for s in chain) else "aim"


# A lettered paragraph of a task section is a "heading" of many words: a word in it ("trong tình hình mới") does not
# make its section a review.
_HEADING_WORDS = 30


def _lead(body: str, block: _Block) -> bool:
    """A lead line ("Mục tiêu cụ thể đến năm 2025:", "Nhiệm vụ:") sets the block of the lines below it."""
    stripped = body.strip()
    heads = _TARGET_HEAD_RE.match(stripped) or _OTHER_HEAD_RE.match(stripped) or _RESULTS_HEAD_RE.match(stripped)
    lead_like = stripped.endswith(":") or (len(stripped.split()) <= 12 and (
        heads or re.match(r"(?:đến|giai đoạn|năm)\s", stripped, re.I))) or (stripped.isupper() and bool(heads))
    if not lead_like or quantities(stripped):
        return False
    if _TARGET_HEAD_RE.match(stripped):
        block.in_scope = True
    elif _OTHER_HEAD_RE.match(stripped) or _REVIEW_HEAD_RE.match(stripped):
        block.in_scope = False
    block.year = clause_year(stripped) or block.year
    return True


def _chain_year(chain: list[Section]) -> int | None:
    """The year of the nearest heading that states one; "Tầm nhìn đến năm 2045" as a heading is its year."""
    return next((y for s in chain if (y := clause_year(s.heading) or _vision_year(s.heading))), None)


def _vision_year(heading: str) -> int | None:
    m = re.match(rf"^\W*(?:[\dIVXa-z]+[.)]\s*)?tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?({_YEAR})\b", heading, re.I)
    return int(m.group(1)) if m else None


def _baseline(m: re.Match[str] | None) -> str | None:
    """"2014" for "so với năm gốc 2014" / "so với năm 2014", "năm gốc" when no year is given."""
    if m is None or not (m.group(1) or m.group(2)):
        return None
    return m.group(2) or "năm gốc"


def _target(section: str, clause: Clause) -> TargetDraft:
    q = _main_quantity(clause.text)
    ind_id, ind_label = identify(clause.text, q, clause.context)
    value = parse_value(clause.text)
    if q is not None and value.comparator == "equals" and _DOWN_TO_RE.search(clause.text[: q.start]):
        value = replace(value, comparator="at_most")  # brought down to a level: at or below it is met
    year = clause_year(clause.text, q.end if q else None) or clause.year
    base = _BASE_RE.search(clause.text)
    change = _CHANGE_RE.search(clause.text[: q.start]) if q else None
    return TargetDraft(section, clause.text, clause.start, clause.end, ind_id, ind_label, value, year,
                       "bình quân" in clause.text.lower(), _baseline(base),
                       None if change is None else ("decrease" if change.group(1).lower() == "giảm" else "increase"))

