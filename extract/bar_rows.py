"""Task tables whose cells came out one per line between lines holding a lone "|" (a web page's table
converted to text).

A page's HTML table, converted line by line, keeps each cell on lines of its own between "|" lines and
puts two "|" lines between rows (the closing bar of a row, then the opening bar of the next):

    |
    TT
    |
    Nhiệm vụ, giải
    pháp
    |
    Cơ quan chủ trì
    |
    …
    |
    |
    1
    |
    Nghiên cứu, xây dựng Luật …
    |
    Bộ Khoa học và
    Công nghệ
    |
    …

Read line by line, every cell would be an item of its own and a body's name cut by the cell's width
would go unrecognised. Such a table, when its first row is a task table's header (a task column and a
lead column), is rewritten as pipe rows ("| 1 | Nghiên cứu … | Bộ Khoa học và Công nghệ | … |"), each
character still mapped to the original, so that the pipe-table reader (`extract.task_table`) reads its
rows. The table ends after a row as wide as the header that is not followed by a bar. Other tables
(the page's header block, year tables) are left as they are.
"""

from __future__ import annotations

import re

Line = tuple[str, list[int]]  # a cleaned line's text and the original offset of each of its characters

_TASK_HEAD_RE = re.compile(r"nhiệm\s*vụ|nội\s*dung|công\s*việc|hoạt\s*động|đề án|giải\s*pháp", re.I)
_LEAD_HEAD_RE = re.compile(r"chủ\s*trì|(?:cơ quan|đơn vị)\s+(?:thực hiện|phụ trách)", re.I)
_MAX_HEADER_WORDS = 8


def _bar(line: Line) -> bool:
    return line[0] == "|"


_MARK_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]+|[a-zđ])[.)]?$")

Cell = tuple[list[Line], int]  # a cell's lines (none for an empty cell) and the index of the bar closing it


def _row(lines: list[Line], k: int, width: int) -> tuple[list[Cell], int, bool]:
    """The cells of the row whose opening bar is at k, the index of the next row's opening bar (or of the line
    after the table), and whether a row follows. Bars in a run close empty cells when the row's width leaves
    room for them and a cell's text follows, else the last of them opens the next row ("| I | Nhóm … |" then
    "| 1 | …")."""
    cells: list[Cell] = []
    k += 1
    while k < len(lines):
        if not _bar(lines[k]):
            cell = []
            while k < len(lines) and not _bar(lines[k]):
                cell.append(lines[k])
                k += 1
            if k == len(lines):
                return cells, k, False  # no closing bar: not a cell
            cells.append((cell, k))
            k += 1
            if width and len(cells) >= width:
                return cells, k, k < len(lines) and _bar(lines[k])  # text after a full row: the table ended
            continue
        if not cells:
            return cells, k, True  # "|" "|": an empty row, the page's furniture
        run = 0
        while k + run < len(lines) and _bar(lines[k + run]):
            run += 1
        after = lines[k + run][0] if k + run < len(lines) else ""
        if width and after and not _MARK_RE.match(after) and len(cells) + run < width:
            cells.extend(([], k + j) for j in range(run))  # empty cells inside the row
            k += run
            continue
        cells.extend(([], k + j) for j in range(run - 1))  # empty cells closing the row
        return cells, k + run - 1, True
    return cells, k, False


def _cell_text(cell: list[Line]) -> Line:
    """A cell's lines joined into one ("Bộ Khoa học và" + "Công nghệ")."""
    if not cell:
        return "", []
    text, idx = cell[0][0], list(cell[0][1])
    for t, i in cell[1:]:
        glue = "" if re.search(r"\w[-/]$", text) else " "
        text, idx = text + glue + t, idx + [i[0]] * len(glue) + list(i)
    return text, idx


def _joined(lines: list[Line], opening: int, cells: list[Cell]) -> Line:
    """A row as one pipe line ("| c1 | c2 |"), each bar mapped to its own line."""
    text, idx = "|", [lines[opening][1][0]]
    for cell, closing in cells:
        t, i = _cell_text(cell)
        bar = lines[closing][1][0]
        text, idx = text + " " + t + (" |" if t else "|"), idx + [i[0] if i else bar] + i + [bar] * (2 if t else 1)
    return text, idx


def _header(cells: list[Cell]) -> bool:
    """A task table's header: short cells naming a task column and a lead column."""
    texts = [_cell_text(c)[0] for c, _ in cells]
    return len(texts) >= 3 and all(len(t.split()) <= _MAX_HEADER_WORDS for t in texts) \
        and any(_TASK_HEAD_RE.search(t) for t in texts) and any(_LEAD_HEAD_RE.search(t) for t in texts)


def bar_rows(lines: list[Line]) -> list[Line]:
    """The lines with every task table written one cell per line between bars rewritten as pipe rows."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        head, after, more = _row(lines, k, 0) if _bar(lines[k]) else ([], k, False)
        if not (more and _header(head)):
            out.append(lines[k])
            k += 1
            continue
        out.append(_joined(lines, k, head))
        width, k = len(head), after
        while more:
            cells, after, more = _row(lines, k, width)
            if not cells:
                break  # "|" "|": the page's furniture after the table
            out.append(_joined(lines, k, cells))
            k = after
    return out
