"""Tables an analyst opens in Excel: one row per task and agency, in words, headed in the reader's language.

The export's CSV and XLSX are this table (not a dump of the graph's nodes and edges): the agency, its role in words,
the task, the other agencies with their roles, the deadline, the document by its symbol, the section and the quoted
source passage. No IRI, id or code reaches a cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

from extract.rows import TaskRow
from graph.answers import task_roles
from policykg.ui.i18n import Lang, column, owner_name, word
from policykg.ui.store_view import section_order

Row = dict[str, Any]
TASK_KEYS = ("agency", "role", "task", "partners", "deadline", "doc", "section", "passage")


def task_agency_rows(tasks: Iterable[TaskRow], short: Callable[[str], str], lang: Lang = "vi") -> list[Row]:
    """One row per task and agency (a task that names no agency: one row, "chưa giao cơ quan chủ trì"), keyed by
    `TASK_KEYS`; documents named by `short` (their symbol), roles as words, texts on one line."""
    rows = []
    for t in sorted(tasks, key=lambda t: (t["doc"], section_order(t["section"]), t["id"])):
        roles: dict[str, str | None] = dict(task_roles(t))
        if t["owner"] is None:  # as "who owns what" shows it: its own row, then the agencies it names
            roles = {owner_name(None, lang): None, **roles}
        for name, role in roles.items():
            partners = "; ".join(f"{other} ({word('role', r, lang)})" for other, r in roles.items() if other != name)
            rows.append({"agency": name, "role": word("role", role, lang), "task": " ".join(t["text"].split()),
                         "partners": partners, "deadline": t["deadline"] or "", "doc": short(t["doc"]),
                         "section": t["section"], "passage": " ".join(t["evidence"]["quote"].split())})
    return rows


def headed(rows: list[Row], keys: Iterable[str], lang: Lang = "vi") -> list[Row]:
    """The rows with the given columns only, headed in the reader's language."""
    keys = list(keys)
    return [{column(k, lang): r.get(k, "") for k in keys} for r in rows]


def csv_bytes(rows: list[Row], header: list[str] | None = None) -> bytes:
    """CSV that Excel opens as UTF-8 (with a byte-order mark); `header` when there may be no row."""
    buf = io.StringIO()
    fields = list(rows[0]) if rows else header
    if fields:
        w = csv.DictWriter(buf, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def xlsx_bytes(rows: list[Row], sheet: str, header: list[str] | None = None) -> bytes:
    """An Excel workbook of the rows (header row bold, columns sized, long text wrapped)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet[:31]
    fields = list(rows[0]) if rows else header or []
    if fields:
        ws.append(fields)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([v if isinstance(v, int | float) or v is None else str(v) for v in r.values()])
        for col in ws.columns:
            width = max(len(str(c.value or "")) for c in col[:200])
            ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))
            if width > 60:
                for c in col[1:]:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def task_table(tasks: Iterable[TaskRow], short: Callable[[str], str], fmt: str, lang: Lang = "vi",
               sheet: str = "") -> bytes:
    """The export's task table as CSV or XLSX bytes."""
    header = [column(k, lang) for k in TASK_KEYS]
    rows = headed(task_agency_rows(tasks, short, lang), TASK_KEYS, lang)
    if fmt == "xlsx":
        return xlsx_bytes(rows, sheet or column("task", lang), header)
    return csv_bytes(rows, header)
