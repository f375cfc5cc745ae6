"""Task tables whose cells came out one wrapped line per line (the text layer of a gazette's PDF).

A Công báo PDF keeps a table's lines but not its grid: after the header ("TT", "Tên nhiệm vụ",
"Cơ quan", "chủ trì", …) each row is its number on a line of its own, then the lines of its task
cell, then those of the lead cell, the partners' cell, the result cell and the time cell:

    3
    Hoàn thiện, ban hành các chính
    sách thúc đẩy hạ tầng số.
    Bộ Khoa học và
    Công nghệ
    Bộ Tài chính
    Cơ chế, chính sách
    được ban hành
    Quý IV/2026

Line joining would run such a row into one paragraph, so it is read on the original lines (as
`extract.cell_table` reads year tables). A cell starts on a line that opens with a capital and does
not continue the line above (a name cut after "và" or a comma, a body's name running across the
break, a line as wide as the task column only the task cell has); the cells are then laid on the
header's columns in order, lead and partners' cells being the ones that name bodies and the time
cell the one that states a time. Group rows ("I.", "II. Hoàn thiện thể chế") head the rows below;
the page furniture (page header, page number, the header repeated on every page, footnotes at the
page's foot) is skipped, so a row cut by a page break is read whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.agencies import GROUP_KIND
from extract.cell_table import Line, lines
from extract.task_blocks import BODY_CELL_RE, TIME_RE
from extract.task_draft import Draft
from extract.task_fields import Cell, body_names, deadline_text

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

_INDEX_RE = re.compile(r"^(?:S?TT|Số TT|Số thứ tự)\.?$", re.I)
# Columns by their header words, placed by where the words stand in the joined header.
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("task", re.compile(r"nhiệm vụ|nội dung|công việc|hoạt động|đề án", re.I)),
    ("lead", re.compile(r"chủ\s*trì|(?:cơ quan|đơn vị) (?:thực hiện|phụ trách)(?! phối hợp)", re.I)),
    ("cooperating", re.compile(r"phối\s*hợp", re.I)),
    ("product", re.compile(r"kết quả|sản phẩm", re.I)),
    ("deadline", re.compile(r"thời\s*gian|thời\s*hạn|tiến\s*độ", re.I)),
    ("submit", re.compile(r"cấp\s*trình|trình\s*cấp", re.I)),  # "Cấp trình": who the output goes to, no partner
    ("other", re.compile(r"căn cứ|ghi chú|kinh phí|nguồn", re.I)),
]
_INDEX_LINE_RE = re.compile(r"^[ \t#]*(?:S?TT|Số TT|Số thứ tự)\.?[ \t]*\r?$", re.M | re.I)
_MAX_HEADER = 16
_ROW_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)\s*\.?(?:\s+(\S.*))?$")  # "3", "1.2", "10.  Xây dựng …"
_GROUP_RE = re.compile(r"^([IVXLC]+)\s*[.)]?(?:\s+(\S.*))?$")  # "II.", "I. Đổi mới …"
_PAGE_RE = re.compile(r"^CÔNG BÁO\b|^(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký)\s*:")
_FOOTNOTE_RE = re.compile(r"^\d{1,2}\s+\S")
_FOOTNOTE_WIDTH = 90  # a footnote runs across the page; no cell of a table is that wide
_PIECES_RE = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")
# A line ends where the name or sentence it holds cannot end: the next line continues the cell.
_OPEN_END_RE = re.compile(r"(?:[,(–-]|\b(?:và|của|[Cc]ác|về|với|ở|tại|cho|trong|thuộc|theo|đối với|cơ quan|"
                          r"Ủy ban|Bộ|Ban|Sở|Cục|Vụ|Viện|Tổng cục|Trung tâm|Ngân hàng|Hội đồng|Việt"
                          r"|[Tt]háng|[Qq]uý|[Nn]ăm|ngày|khóa|khoá))$")  # "Tháng" + "5/2026", "khóa" + "XVI"
_TIME_CELL_RE = re.compile(
    r"^(?:Từ|Đến|Đã hoàn thành|Kỳ họp|Theo (?:kế hoạch|tiến độ|lộ trình)|\d{1,2}/\d{4})|"
    r"^(?:(?:Thực hiện|Nhiệm vụ|Triển khai)\s+)?(?:thường xuyên|h[àằ]ng năm|h[àằ]ng quý)\b", re.I)
_PERSON_RE = re.compile(r"^(?:Đồng chí|Đ/c|Ông|Bà)\s")
# Cells that open like a body's name but name a thing ("Bộ tiêu chí …", "Hội nghị, tập huấn", "Báo cáo …").
_NOT_BODY_RE = re.compile(r"^(?:Bộ\s+[a-zđà-ỹ]|Hội (?:nghị|thảo|thi)\b|Báo cáo\b|Đoàn (?:kiểm tra|công tác)\b)")
_ACRONYMS_RE = re.compile(r"^(?:[A-ZĐ]{2,}[\s,;.]*)+$")  # "PCPNN, VTV, VOV, TTXVN"
# A verb whose object is a body ("báo cáo", "trình"; not "Chương trình", "Bộ Ngoại giao").
_OBJECT_VERB_RE = re.compile(r"\b(?:báo cáo|gửi|kiến nghị|đề nghị|tham mưu(?: cho)?|(?<![Cc]hương )(?<![Qq]uy )"
                             r"(?<![Ll]ộ )(?<![Cc]ông )(?<![Tt]ờ )(?<![Hh]ành )trình)$")
_ADDRESSEE_RE = re.compile(r"^(?:Thủ tướng|Chính phủ|Quốc hội|Ủy ban Thường vụ|Ban Chấp hành|Bộ Chính trị|Ban Bí thư"
                           r"|Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND|Bộ|Ban Chỉ đạo)\b")
_CLASS_START_RE = re.compile(r"^(?:Các|Cơ quan|Cơ sở|Đơn vị|Tổ chức)\b")
CATCH_ALL_RE = re.compile(r"liên quan|\bkhác\b", re.I)
_GROUP_CELL_RE = re.compile(r"^(?:[Cc]ác\s+)?(?:[Cc]ơ quan|[Cc]ơ sở(?! dữ liệu| vật chất| hạ tầng| pháp lý| khoa học)"
                            r"|[Đđ]ơn vị|[Tt]ổ chức|[Dd]oanh nghiệp|[Đđ]ịa phương|"
                            r"UBND|Ủy ban nhân dân)\b")


@dataclass(frozen=True)
class _Table:
    """A table's header: its columns in order (the index left out) and where its header lines end."""

    columns: tuple[str, ...]
    header: tuple[str, ...]  # the header's lines, to skip where a page repeats them


def _header(rows: list[Line], k: int) -> _Table | None:
    """The task table header that starts at line k ("TT"), up to the first row's number."""
    got: list[Line] = []
    for line in rows[k + 1:k + 1 + _MAX_HEADER]:
        if _ROW_RE.match(line.text) or _GROUP_RE.match(line.text) or len(line.text.split()) > 6:
            break
        got.append(line)
    joined = " ".join(x.text for x in got)
    at: dict[str, int] = {}
    for name, p in _COLUMNS:
        if (m := p.search(joined)) and name not in at and m.start() not in at.values():
            at[name] = m.start()
    if "task" not in at or "lead" not in at or at["task"] > at["lead"]:
        return None
    return _Table(tuple(sorted(at, key=at.__getitem__)), tuple(x.text for x in [rows[k], *got]))


def _pieces(line: Line) -> list[Line]:
    """A line cut where two cells share it, at a run of spaces ("cơ quan ngang bộ  Bộ Tư pháp")."""
    return [Line(m.group(0), line.start + m.start(), line.start + m.end()) for m in _PIECES_RE.finditer(line.text)]


@dataclass
class _Row:
    mark: Line
    lines: list[Line]
    breaks: set[int]  # indexes of lines a blank line or a page break comes before
    pages: set[int] = field(default_factory=set)  # … a page break


def _table_rows(original: str, table: _Table, rows: list[Line], k: int) -> tuple[list[_Row], int]:
    """The task rows of the table whose header is at line k, and the index of the line after it."""
    k += len(table.header)
    out: list[_Row] = []
    current: _Row | None = None
    expected: set[str] = set()
    while k < len(rows):
        line = rows[k]
        text = line.text
        if _PAGE_RE.match(text):  # a page's header and number, then the table's header again
            k += 1
            if k < len(rows) and re.fullmatch(r"\d{1,4}", rows[k].text):
                k += 1
            k += _repeated(table, rows, k)
            if current is not None:
                current.breaks.add(len(current.lines))
                current.pages.add(len(current.lines))
            continue
        if _FOOTNOTE_RE.match(text) and len(text) > _FOOTNOTE_WIDTH:
            while k < len(rows) and not _PAGE_RE.match(rows[k].text) and \
                    (len(rows[k].text) > _FOOTNOTE_WIDTH // 2 or not _ROW_RE.match(rows[k].text)):
                k += 1  # the footnotes at the page's foot, up to the next page
            continue
        if _GROUP_RE.match(text) and not _ROW_RE.match(text) and \
                not (current and current.lines and _OPEN_END_RE.search(current.lines[-1].text)):  # "khóa" + "XVI"
            current = None  # a group row: its title is not a task
            expected = {"1", "1.1"} | expected
            k += 1
            continue
        if (m := _ROW_RE.match(text)) and (not out or m.group(1) in expected or current is None):
            current = _Row(Line(m.group(1), line.start, line.start + len(m.group(1))), [], set())
            out.append(current)
            if m.group(2):
                rest = line.text.index(m.group(2), len(m.group(1)))
                current.lines.append(Line(m.group(2), line.start + rest, line.end))
            expected = _next_marks(m.group(1))
            k += 1
            continue
        if _ends_table(text):
            break
        if current is not None:
            if original[rows[k - 1].end:line.start].count("\n") > 1 and current.lines:
                current.breaks.add(len(current.lines))  # a blank line ends a cell
            current.lines.extend(_pieces(line))
        k += 1
    return out, k


def _repeated(table: _Table, rows: list[Line], k: int) -> int:
    """How many lines from k repeat the table's header."""
    n = 0
    while k + n < len(rows) and n < len(table.header) and rows[k + n].text == table.header[n]:
        n += 1
    return n if n >= 2 else 0


def _next_marks(mark: str) -> set[str]:
    """The numbers the row after `mark` may carry ("3" → "4"; "1.2" → "1.3", "2", "2.1")."""
    if "." in mark:
        a, b = mark.split(".")
        return {f"{a}.{int(b) + 1}", str(int(a) + 1), f"{int(a) + 1}.1"}
    return {str(int(mark) + 1), "1", f"{mark}.1", f"{int(mark) + 1}.1"}


def _ends_table(text: str) -> bool:
    """A line after which no row follows: a new appendix, the closing block."""
    return bool(re.match(r"^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]|Nơi nhận|TM\.|KT\.)", text))


def _cells(ex: TaskExtractor, row: _Row, width: int) -> list[Cell]:
    """A row's lines grouped into cells (original offsets), see the module docstring."""
    cells: list[list[Line]] = []
    more: list[str] = []  # the task's lines a page break carried over, after the other cells' first lines
    carried = False
    for j, line in enumerate(row.lines):
        if j in row.pages and cells and line.text[:1].islower():
            carried = True  # the cells were cut by the page: their ends come after the repeated header
        if carried and (len(line.text) > width * 0.6 or (more and line.text[:1].islower() and j not in row.breaks
                                                          and len(more[-1]) > width * 0.6)):
            more.append(line.text)
            continue
        after = carried  # the line after the task's carried lines starts a cell of its own
        carried = False
        last = j + 1 == len(row.lines) or not row.lines[j + 1].text[:1].islower()  # the task's last line
        glued = _glued_lead(ex, line) if len(cells) == 1 and last else None
        if glued is not None:  # "… theo lộ trình phù hợp Bộ Y tế": the lead's cell on the task's last line
            line, lead = glued
            cells[-1].append(line)
            cells.append([lead])
        elif cells and j not in row.breaks and not after and _continues(ex, cells, line, width):
            cells[-1].append(line)
        else:
            cells.append([line])
    out = [Cell(" ".join(x.text for x in c), c[0].start, c[-1].end) for c in cells]
    if out and more:
        out[0] = Cell(" ".join([out[0].text, *more]), out[0].start, out[0].end)
    return out


_TAKES_BODY_RE = re.compile(r"(?:\b(?:với|của|cho|giao|và|tại|các|trình|chủ trì|đến|từ|theo|thuộc|về|báo cáo|gửi"
                            r"|kiến nghị|đề nghị|lên|tới|hoặc|cùng)|[,(])$", re.I)


def _glued_lead(ex: TaskExtractor, line: Line) -> tuple[Line, Line] | None:
    """A task line that ends with a body's name the text gives no role (no "với", "của", "giao" before it):
    the lead's cell, glued to the task by the PDF."""
    end = _to_norm(ex, line.end - 1) + 1
    for m in ex.within(_to_norm(ex, line.start), end):
        if m.end != end or m.agency == GROUP_KIND:
            continue
        at = line.text.rfind(m.text)
        before = line.text[:at].rstrip()
        if at <= 0 or at + len(m.text) != len(line.text) or len(before.split()) < 3 or _TAKES_BODY_RE.search(before):
            return None
        return Line(before, line.start, line.start + len(before)), Line(m.text, line.start + at, line.end)
    return None


def _continues(ex: TaskExtractor, cells: list[list[Line]], line: Line, width: int) -> bool:
    prev = cells[-1][-1]
    first = line.text[:1]
    if not (first.isupper() or first.isdigit() or first in "“\"("):
        return True
    if len(cells) == 1 and len(line.text) > width * 0.6:
        return True  # a line as wide as the task column is the task's
    if _OBJECT_VERB_RE.search(prev.text) and _ADDRESSEE_RE.match(line.text):
        return True  # "… báo cáo" + "Thủ tướng Chính phủ": the body the task reports to
    if _OPEN_END_RE.search(prev.text):
        # a task cut by the page after a comma: a short line naming a body opens the lead's cell; a class of
        # bodies in capitals after "và" opens the next cell ("Bộ Khoa học và" | "Cơ quan, tổ chức")
        return not ((len(cells) == 1 and prev.text.endswith(",") and BODY_CELL_RE.match(line.text))
                    or (prev.text.endswith(" và") and _CLASS_START_RE.match(line.text)))
    at = _to_norm(ex, line.start)  # a body's name running across the break (a group's may be a misreading)
    return any(m.start < at < m.end and m.agency != GROUP_KIND for m in ex.within(max(0, at - 80), at + 80))


def _to_norm(ex: TaskExtractor, offset: int) -> int:
    return min(bisect_left(ex.omap, offset), len(ex.text))


def _kind(ex: TaskExtractor, cell: Cell) -> str:
    """What a cell holds: bodies, a time, or other words (a task, a result)."""
    if cell.text[:1].islower():
        return "rest"
    if TIME_RE.match(cell.text) or _TIME_CELL_RE.match(cell.text):
        return "time"
    at = _to_norm(ex, cell.start)
    if _NOT_BODY_RE.match(cell.text):
        return "words"
    if BODY_CELL_RE.match(cell.text) or _GROUP_CELL_RE.match(cell.text) or _ACRONYMS_RE.match(cell.text) or \
            any(abs(m.start - at) <= 4 for m in ex.within(at, at + 40)):
        return "bodies"
    return "words"


# The cost of a cell of each kind in each column, and of a column left empty.
# ("rest": a cell opening in lower case, the end of a cell a page break cut off.)
_COST = {
    "lead": {"bodies": 0.0, "time": 4.0, "words": 2.5, "rest": 2.5},
    "cooperating": {"bodies": 0.0, "time": 4.0, "words": 2.0, "rest": 0.5},
    "product": {"bodies": 1.2, "time": 2.0, "words": 0.0, "rest": 0.5},
    "other": {"bodies": 1.2, "time": 2.0, "words": 0.0, "rest": 0.5},
    "submit": {"bodies": 0.0, "time": 4.0, "words": 1.0, "rest": 0.5},  # "Chính phủ", "Cấp có thẩm quyền"
    "deadline": {"bodies": 3.0, "time": 0.0, "words": 1.5, "rest": 9.0},
    "task": {"bodies": 1.0, "time": 1.0, "words": 0.2, "rest": 0.5},
}
_EMPTY = {"lead": 3.0, "task": 99.0, "submit": 1.5}
_EXTRA = {"lead": 0.6, "cooperating": 0.3}


def _place(kinds: list[str], columns: tuple[str, ...]) -> list[tuple[int, int]]:
    """Each column's run of cells [a, b), in order, at the least cost (cells after the task's first)."""
    n, inf = len(kinds), float("inf")
    best = [[inf] * (n + 1) for _ in range(len(columns) + 1)]
    back = [[0] * (n + 1) for _ in range(len(columns) + 1)]
    best[0][0] = 0.0
    for c, col in enumerate(columns):
        for a in range(n + 1):
            if best[c][a] == inf:
                continue
            for b in range(a, n + 1):
                if b == a:
                    cost = _EMPTY.get(col, 0.8)
                else:
                    cost = _COST[col][kinds[a]] + sum(_COST[col][x] + _EXTRA.get(col, 0.5) for x in kinds[a + 1:b])
                if best[c][a] + cost < best[c + 1][b]:
                    best[c + 1][b], back[c + 1][b] = best[c][a] + cost, a
    b = min(range(n + 1), key=lambda x: best[len(columns)][x] + 1.0 * (n - x))  # cells left over: page junk
    out = []
    for c in range(len(columns), 0, -1):
        a = back[c][b]
        out.append((a, b))
        b = a
    return out[::-1]


def _merged(cells: list[Cell]) -> Cell | None:
    if not cells:
        return None
    return Cell(" ".join(c.text for c in cells), cells[0].start, cells[-1].end)


def _norm_cell(ex: TaskExtractor, cell: Cell) -> Cell:
    """A cell with offsets into the normalised text (where body names are recognised)."""
    start, end = _to_norm(ex, cell.start), _to_norm(ex, cell.end - 1) + 1
    return Cell(re.sub(r"\s+", " ", cell.text), start, max(end, start + 1))


def _row_task(ex: TaskExtractor, table: _Table, row: _Row, width: int) -> Draft | None:
    cells = [c for c in _cells(ex, row, width) if not _PERSON_RE.match(c.text)]  # the leader who oversees it
    if not cells:
        return None
    kinds = ["words", *(_kind(ex, c) for c in cells[1:])]
    runs = dict(zip(table.columns, _place(kinds, table.columns), strict=True))

    def column(name: str) -> list[Cell]:
        a, b = runs.get(name, (0, 0))
        return cells[a:b]

    task, lead_cells = _merged(column("task")), column("lead")
    if task is None or not lead_cells:
        return None
    leads: list[str] = []
    for c in lead_cells:
        leads += [x for x in body_names(ex, _norm_cell(ex, c)) if x not in leads]
    if not leads:
        return None
    coop: list[str] = []
    if partners := _merged(column("cooperating")):  # a class of bodies is a partner unless the cell trails off
        named = body_names(ex, _norm_cell(ex, partners), groups=not CATCH_ALL_RE.search(partners.text))
        coop += [x for x in named if x not in leads + coop]
    end = max(b for _, b in runs.values())  # a second sub-row's time after the last column ("Tháng 11/2026")
    times = [deadline_text(c.text) for c in column("deadline") + [c for c, k in zip(cells[end:], kinds[end:],
                                                                                 strict=True) if k == "time"]]
    product = _merged(column("product"))
    body = _norm_cell(ex, task)
    section = ex.section_at(body.start)
    return Draft(section, re.sub(r"\s+", " ", task.text), body.start, body.end, leads[0], tuple(leads), "lead",
                 tuple(leads), tuple(coop), ex.kind(section), ", ".join(t for t in times if t) or None,
                 product=product.text.rstrip(".") if product else None)


def _task_width(rows: list[_Row]) -> int:
    """The task column's width: the length its rows' first lines reach (a task's first line is full)."""
    firsts = sorted(len(r.lines[0].text) for r in rows if r.lines)
    return firsts[len(firsts) * 3 // 4] if firsts else 40


def line_tables(ex: TaskExtractor) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Tasks of every task table read on its original lines, and the tables' normalised spans."""
    if not ex.original or not _INDEX_LINE_RE.search(ex.original):
        return [], []  # no line holds an index column's header alone: no such table (most documents)
    rows = lines(ex.original)
    drafts: list[Draft] = []
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(rows):
        table = _header(rows, k) if _INDEX_RE.match(rows[k].text) else None
        if table is None:
            k += 1
            continue
        found, end = _table_rows(ex.original, table, rows, k)
        if len(found) < 2:
            k += 1
            continue
        width = _task_width(found)
        got = [d for r in found if (d := _row_task(ex, table, r, width)) is not None]
        if len(got) * 2 < len(found):
            k += 1  # not a table of this layout: most rows give no task
            continue
        drafts += got
        spans.append((_to_norm(ex, rows[k].start), _to_norm(ex, rows[end - 1].end)))
        k = end
    return drafts, spans
