"""Task tables whose cells came out as paragraphs (PDF text without layout).

Converting a PDF table without its layout gives one paragraph per cell, blank lines between
them, and the line breaks of the document's reflow lose the rows:

    Rà soát, hoàn thiện hệ thống văn bản quy phạm pháp
    luật về bảo vệ môi trường

    Đảng ủy UBND
    tỉnh

    Đồng chí Nguyễn Văn A - Phó Chủ tịch UBND tỉnh

    2026 - 2030

Row numbers, persons and deadlines may come out of order, but a task cell is followed by the cell
of the body that leads it. So in a task list ("DANH MỤC NHIỆM VỤ …") read this way, a paragraph that
states a task followed by a paragraph that only names bodies is a task with those leads; a time
paragraph right after them (a person's paragraph between allowed) is its deadline.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from extract.records import Section
from extract.task_draft import Draft
from extract.task_fields import Cell, body_names, deadline_text

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_NUMBER_RE = re.compile(r"^\(?\d{1,3}[.)]?$")
_GROUP_RE = re.compile(r"^[IVXLC]+(?:\.\d{1,2})*\.?\s")  # "II.1 Hoàn thiện thể chế" heads the rows below it
_PARTNERS_HEAD_RE = re.compile(r"phối\s*hợp", re.I)
_PERSON_RE = re.compile(r"^(?:Đồng chí|Đ/c|Ông|Bà)\b")
TIME_RE = re.compile(r"^(?:Trước|Trong|Quý|Năm|Tháng|Thường xuyên|H[àằ]ng năm|Định kỳ|Giai đoạn"
                      r"|\d{4}(?:\s*[-–]\s*\d{4})?(?:\s|$))", re.I)
# A paragraph naming bodies opens with a body's first word ("Đảng ủy UBND tỉnh", "Các cấp ủy, tổ chức đảng").
BODY_CELL_RE = re.compile(
    r"^(?:[Cc]ác\s+)?(?:[Bb]ộ|Cục|Vụ|Viện|Sở|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban|Văn phòng|Thanh tra|Ngân hàng|"
    r"Đảng ủy|Đảng uỷ|cấp ủy|cấp uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Công an|Bộ Chỉ huy|Mặt trận|Liên đoàn|Hội|Đoàn|Kho bạc|"
    r"Trung tâm|Tổng cục|Chi cục|Đài|Báo(?! cáo))\b")


def blank_lines(original: str, omap: tuple[int, ...]) -> tuple[int, ...]:
    """Positions in the normalised text where the original had a blank line (a paragraph break)."""
    return tuple(sorted({bisect_left(omap, m.end()) for m in _BLANK_LINE_RE.finditer(original)}))


def _paragraphs(ex: TaskExtractor, start: int, end: int) -> list[Cell]:
    """The paragraphs of a span of normalised text, cut at the original's blank lines."""
    cuts = [start, *ex.breaks[bisect_right(ex.breaks, start):bisect_left(ex.breaks, end)], end]
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        raw = ex.text[a:b]
        text = raw.strip()
        if text:
            at = a + len(raw) - len(raw.lstrip())
            out.append(Cell(re.sub(r"\s+", " ", text), at, at + len(text)))
    return out


def _bodies_only(ex: TaskExtractor, cell: Cell) -> bool:
    """A short paragraph that only names bodies (with ";", "," and "và" between them)."""
    words = cell.text.split()
    if not words or len(words) > 14 or not BODY_CELL_RE.match(cell.text) or cell.text.endswith((".", ":")):
        return False
    found = [m for m in ex.mentions if cell.start <= m.start < cell.end]  # a name may run on past the cell
    rest = ex.text[cell.start:cell.end]
    for m in reversed(found):
        rest = rest[:m.start - cell.start] + rest[min(m.end, cell.end) - cell.start:]
    leftover = [w for w in re.split(r"[\s,;]+", rest) if w and w.lower() not in ("và", "các")]
    # "Bộ dữ liệu mở được công bố" is a product cell, not a body's name
    return bool(found) and len(leftover) <= 2 or not found and len(words) <= 8 and "được" not in words


def _is_task(cell: Cell) -> bool:
    text = re.sub(r"^\d{1,3}\s+(?=\S)", "", cell.text)  # a row's number left before its cell
    return (len(text.split()) >= 4 and text[:1].isupper() and not _NUMBER_RE.match(text)
            and not _GROUP_RE.match(text) and not _PERSON_RE.match(text) and not TIME_RE.match(text))


def paragraph_tasks(ex: TaskExtractor, sec: Section) -> list[Draft]:
    """Tasks of a task list whose cells are paragraphs: a task paragraph, then its leads' paragraph."""
    cells = [c for c in _paragraphs(ex, sec.start, sec.end) if not _NUMBER_RE.match(c.text)]
    out: list[Draft] = []
    rows = [k for k in range(len(cells) - 1) if _is_task(cells[k]) and not _bodies_only(ex, cells[k])
            and _bodies_only(ex, cells[k + 1])]
    if not rows:
        return out
    # a header naming a partners' column ("Đơn vị phối hợp"): the cell after the lead's names the partners
    partners = bool(rows) and bool(_PARTNERS_HEAD_RE.search(ex.text, sec.start, cells[rows[0]].start))
    for k, nxt in zip(rows, [*rows[1:], len(cells)], strict=True):
        task, lead = cells[k], cells[k + 1]
        leads = body_names(ex, lead)
        if not leads:
            continue
        after = cells[k + 2:nxt]
        coop: list[str] = []
        if partners and after and BODY_CELL_RE.match(after[0].text) and not TIME_RE.match(after[0].text):
            coop = [c for c in body_names(ex, after[0], groups=False) if c not in leads]
            after = after[1:]
        if after and _PERSON_RE.match(after[0].text):
            after = after[1:]
        time = next((c for c in after[:3] if TIME_RE.match(c.text)), None)
        deadline = deadline_text(time.text) if time is not None else None
        number = re.match(r"\d{1,3}\s+", task.text)
        if number:
            task = Cell(task.text[number.end():], task.start + number.end(), task.end)
        out.append(Draft(sec.id, task.text, task.start, task.end, leads[0], tuple(leads), "lead", tuple(leads),
                         tuple(dict.fromkeys(coop)), ex.kind(sec.id), deadline))
    return out
