"""Task tables written as pipe-delimited rows (DOCX or markdown conversion).

"| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành |": the
header row names the columns, and each later row is a task, except group rows ("| I. | Hoàn
thiện thể chế | | |") that only head the rows below. Columns are recognised by their words, so
their order and number do not matter.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.agencies import GROUP_KIND
from extract.line_table import CATCH_ALL_RE
from extract.normalize import is_row
from extract.task_draft import Draft, agency_name
from extract.task_fields import Cell, body_names, deadline_text

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

# Checked in this order: "Thời gian thực hiện" is a time column although it says "thực hiện".
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("index", re.compile(r"^(?:S?TT|Số TT|Số thứ tự)$", re.I)),
    ("group", re.compile(r"^(?:nhóm|lĩnh vực)\b", re.I)),  # "Nhóm hoạt động" heads the "Hoạt động" cells
    # header words may come out glued by a PDF conversion ("Đơn vịphốihợp", "Thờigian")
    ("cooperating", re.compile(r"phối\s*hợp", re.I)),
    ("deadline", re.compile(r"thời\s*gian|thời\s*hạn|tiến\s*độ|hoàn\s*thành|năm thực hiện", re.I)),
    ("product", re.compile(r"sản\s*phẩm|kết\s*quả", re.I)),
    ("lead", re.compile(r"chủ\s*trì|thực hiện|phụ trách|cơ\s*quan|đơn\s*vị", re.I)),
    ("task", re.compile(r"nhiệm\s*vụ|nội\s*dung|công\s*việc|hoạt\s*động|đề án|giải\s*pháp", re.I)),
]
_MARK_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]+|[a-zđ])[.)]?$")
_TIME_CELL_RE = re.compile(r"^(?:Quý|Năm|Tháng|Thường xuyên|H[àằ]ng năm|Định kỳ|Trước|Trong|Giai đoạn|\d{4})", re.I)
# A name cut by the cell's width: the line ends with a body's first word, a comma or "và".
_WRAPPED_RE = re.compile(r"(?:,|\bvà|\b(?:Bộ|Cục|Vụ|Viện|Sở|Ủy ban|Ban|Trung tâm|Tổng cục))$")
_GROUP_ROW_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
# Inside a table, a group row of two cells has one pipe ("I | GIAI ĐOẠN 1", "1 | Lập nhiệm vụ").
_SHORT_ROW_RE = re.compile(r"^[^|]{1,12}\|\s*\S")
def cells(line: str, start: int) -> list[Cell]:
    """The cells of a pipe row with their offsets (outer pipes dropped). A row that opens with a pipe but
    does not close with one has an empty first cell (" | Lập báo cáo | Vụ X", its merged time cell)."""
    out = []
    pos = 0
    parts = line.split("|")
    closed = line.rstrip().endswith("|")
    if line.startswith("|") and (closed or len(parts) < 3):
        pos, parts = 1, parts[1:]
    if closed:
        parts = parts[:-1]
    for part in parts:
        left = len(part) - len(part.lstrip())
        text = part.strip()
        out.append(Cell(text, start + pos + left, start + pos + left + len(text)))
        pos += len(part) + 1
    return out


def header_columns(row: list[Cell]) -> dict[str, int] | None:
    """Column kinds by index when the row is a task table's header, else None."""
    cols: dict[str, int] = {}
    for k, cell in enumerate(row):
        kind = next((name for name, p in _COLUMNS if p.search(cell.text)), None)
        if kind and kind not in cols:
            cols[kind] = k
    return cols if "task" in cols and "lead" in cols else None


def _header_like(row: list[Cell]) -> bool:
    """Short cells and no row number: a header row repeated within the rows."""
    return bool(row) and not _MARK_RE.match(row[0].text) and not re.search(r"\d", row[0].text) \
        and all(len(c.text.split()) <= 6 for c in row)


def _sub_header(row: list[Cell]) -> dict[str, int] | None:
    """Column kinds of a header's second row ("| | | Chủ trì | Phối hợp | |" under "Cơ quan thực hiện")."""
    filled = [(k, c.text) for k, c in enumerate(row) if c.text]
    kinds = {}
    for k, text in filled:
        kind = next((name for name, p in _COLUMNS if p.search(text)), None)
        if kind is None or len(text.split()) > 4:
            return None
        kinds[kind] = k
    return kinds or None


def pipe_tables(ex: TaskExtractor) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Tasks of every pipe task table, and the spans of the rows they consumed."""
    drafts: list[Draft] = []
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(ex.items):
        item = ex.items[k]
        cols = header_columns(cells(item.text, item.start)) if is_row(item.text) else None
        k += 1
        if cols is None:
            continue
        spans.append((item.start, item.end))
        if k < len(ex.items) and not is_row(ex.items[k].text):
            k = _cell_lines(ex, k, dict(cols), drafts, spans)  # rows came out one cell per line
            continue
        while k < len(ex.items) and (is_row(ex.items[k].text) or _SHORT_ROW_RE.match(ex.items[k].text)):
            row = ex.items[k]
            spans.append((row.start, row.end))
            k += 1
            row_cells = cells(row.text, row.start)
            if _header_like(row_cells) and (again := header_columns(row_cells)) is not None:
                cols = again  # a second table, or the header repeated after a page break
            elif (sub := _sub_header(row_cells)) is not None:
                kept = {kind: i for kind, i in cols.items() if i not in sub.values()}
                if "lead" in sub and "lead" in kept:  # "Cơ quan chịu trách nhiệm" over "Đơn vị chủ trì | phối hợp"
                    kept["responsible"] = kept.pop("lead")
                cols = {**kept, **sub}
            elif (draft := _row_task(ex, row.section, row_cells, cols)) is not None:
                if draft.deadline is None and cols.get("deadline") == 0 and drafts:
                    draft = replace(draft, deadline=drafts[-1].deadline)  # a time cell merged over the rows below
                drafts.append(draft)
    return drafts, spans


def _cell_lines(ex: TaskExtractor, k: int, cols: dict[str, int], drafts: list[Draft],
                spans: list[tuple[int, int]]) -> int:
    """Rows of a table whose cells are one per line, each row opened by its number ("3", "a)")."""
    section = ex.items[k].section
    records: list[list[Cell]] = []
    while k < len(ex.items) and ex.items[k].section == section and not is_row(ex.items[k].text):
        item = ex.items[k]
        cell = Cell(item.text.strip(), item.start, item.end)
        spans.append((item.start, item.end))
        k += 1
        if _MARK_RE.match(cell.text):
            records.append([cell])
        elif records:
            records[-1].append(cell)
        elif (kind := next((n for n, p in _COLUMNS if p.search(cell.text)), None)) and kind not in cols:
            cols[kind] = max(cols.values()) + 1  # a header cell left on a line of its own
    order = [kind for kind, _ in sorted(cols.items(), key=lambda kv: kv[1]) if kind != "index"]
    for record in records:
        row = _record_cells(record[0], record[1:], order)
        if (draft := _row_task(ex, section, row, {kind: i for i, kind in enumerate(["index", *order])})) is not None:
            drafts.append(draft)
    return k


def _record_cells(mark: Cell, lines: list[Cell], order: list[str]) -> list[Cell]:
    """A record's lines as cells in column order: the time cell found by its words, wrapped names joined."""
    if not lines:
        return [mark]
    task, rest = lines[0], lines[1:]
    time = next((c for c in rest if _TIME_CELL_RE.match(c.text)), None) if "deadline" in order else None
    overflow = rest[rest.index(time) + 1:] if time is not None else []
    names = [c for c in rest if c is not time and c not in overflow and not c.text[:1].islower()]
    for extra in overflow:  # lines after the last cell: what a page break cut from the cells above
        if extra.text[:1].islower():
            task = Cell(f"{task.text} {extra.text}", task.start, task.start + len(task.text))
            continue
        cut = next((k for k, c in enumerate(names) if _WRAPPED_RE.search(c.text)), len(names) - 1)
        if cut >= 0:
            names[cut] = Cell(f"{names[cut].text} {extra.text}", names[cut].start, extra.end)
    width = sum(1 for kind in order if kind in ("lead", "cooperating", "product"))
    while len(names) > width and (j := next((i for i in range(len(names) - 1)
                                             if _WRAPPED_RE.search(names[i].text)), None)) is not None:
        names[j:j + 2] = [Cell(f"{names[j].text} {names[j + 1].text}", names[j].start, names[j + 1].end)]
    by_kind = {"task": task, "deadline": time}
    for kind in (kind for kind in order if kind in ("lead", "cooperating", "product")):
        by_kind[kind] = names.pop(0) if names else None
    empty = Cell("", mark.end, mark.end)
    return [mark, *(by_kind.get(kind) or empty for kind in order)]


# "Các cơ quan, đơn vị": every body, no class of them
_VAGUE_RE = re.compile(r"(?:các\s+)?(?:cơ quan|đơn vị|tổ chức|cá nhân)(?:(?:\s*,\s*|\s+và\s+)(?:các\s+)?"
                       r"(?:cơ quan|đơn vị|tổ chức|cá nhân))*\W*$", re.I)
_LEAD_MARK_RE = re.compile(r"\s*\(\s*chủ trì\s*\)", re.I)
_PARTNERS_RE = re.compile(r"[,;]?\s*(?:\(?\s*)?phối hợp(?: với)?\s*:?\s*", re.I)


def split_lead_cell(cell: Cell) -> tuple[Cell, Cell | None]:
    """A cell that names the lead and its partners ("Bộ X chủ trì, phối hợp với Bộ Y"; "Bộ X (chủ trì);
    Bộ Y"): the lead's part, and the partners' part if any."""
    text = cell.text
    if (m := _PARTNERS_RE.search(text)) and m.start() > 0:
        lead_text = re.sub(r"[\s,;]*\bchủ trì\s*$", "", text[:m.start()], flags=re.I)
        return Cell(lead_text, cell.start, cell.start + len(lead_text)), \
            Cell(text[m.end():].rstrip(" )"), cell.start + m.end(), cell.end)
    if (m := _LEAD_MARK_RE.search(text)) and text[m.end():].strip(" ;,"):
        rest = text[m.end():]
        skip = len(rest) - len(rest.lstrip(" ;,"))
        return Cell(text[:m.start()], cell.start, cell.start + m.start()), \
            Cell(rest[skip:], cell.start + m.end() + skip, cell.end)
    return cell, None


def _time(cell: Cell | None) -> str | None:
    return deadline_text(cell.text) if cell else None


def _row_task(ex: TaskExtractor, section: str, row: list[Cell], cols: dict[str, int]) -> Draft | None:
    def cell(kind: str) -> Cell | None:
        k = cols.get(kind)
        return row[k] if k is not None and k < len(row) and row[k].text else None

    task, lead = cell("task"), cell("lead")
    index = cell("index")
    if lead is None and task is not None and (held := cell("responsible")) is not None:
        named = [agency_name(m) for m in ex.within(held.start, held.end) if m.agency != GROUP_KIND]
        if named and (index is None or not _GROUP_ROW_RE.match(index.text)):  # only the body answerable for it
            return Draft(section, task.text, task.start, task.end, named[0], tuple(dict.fromkeys(named)),
                         "responsible", (), (), ex.kind(section), _time(cell("deadline")))
    if task is None or lead is None or (index is not None and _GROUP_ROW_RE.match(index.text)) \
            or re.fullmatch(r"\(?\d{1,2}\)?|Col\d{1,2}|[-:]{3,}", task.text):
        # "| (1) | (2) | (3) |": the columns' numbers; "Col2", "---": a converter's placeholders and rules
        return None  # a group row ("I. Hoàn thiện thể chế") heads the rows below
    coop_cell, time, product = cell("cooperating"), cell("deadline"), cell("product")
    lead, partners = split_lead_cell(lead)
    leads = body_names(ex, lead)
    if not leads:  # "Do Chủ tịch Hội đồng quyết định": the row is a task nobody is named for
        return Draft(section, task.text, task.start, task.end, None, (), None, (), (), ex.kind(section),
                     deadline_text(time.text) if time else None)
    # a class of bodies alone in the partners' cell is the partner ("Các bộ, ngành, địa phương"); beside named
    # bodies, or trailing a list off ("… và các bộ, ngành khác có liên quan"), it is not
    named = body_names(ex, coop_cell, groups=False) if coop_cell else []
    if coop_cell and not named and not CATCH_ALL_RE.search(coop_cell.text) and not _VAGUE_RE.match(coop_cell.text):
        named = body_names(ex, coop_cell)
    coop = [c for c in named if c not in leads]
    coop += [c for c in body_names(ex, partners, groups=False) if c not in leads + coop] if partners else []
    return Draft(section, task.text, task.start, task.end, leads[0], tuple(leads), "lead", tuple(leads),
                 tuple(coop), ex.kind(section), deadline_text(time.text) if time else None,
                 product=product.text.rstrip(".") if product else None)
