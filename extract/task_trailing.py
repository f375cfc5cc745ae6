"""Tasks whose fields follow them under sibling headings.

A plan may give each of its sections as a content heading with the actions below it, followed by
headings that say who does them and by when: "1. Nội dung, biện pháp" (then "a) …", "b) …"),
"2. Cơ quan chủ trì, phối hợp" (then "a) Cơ quan chủ trì" / "- Bộ X." and "b) Cơ quan phối hợp" /
"- Bộ Y."), "3. Thời gian thực hiện: …". This is the field block of `task_fields` with its fields
written as headings after the items (as "Trách nhiệm chỉ đạo thực hiện: …" may follow the bullets it
owns): every action under the content heading takes the section's leads, partners and deadline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.records import Section
from extract.segment import ancestors
from extract.task_draft import Draft
from extract.task_fields import _FIELDS, Cell, body_names, deadline_text

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

# "Nội dung", "Nội dung, biện pháp", "Nội dung thực hiện", "Nhiệm vụ, giải pháp cụ thể"
_CONTENT_RE = re.compile(r"^(?:Nội dung|Nhiệm vụ)(?:(?:\s*,\s*|\s+và\s+|\s+)(?:biện pháp|giải pháp|thực hiện|công việc"
                         r"|cụ thể|chủ yếu|hoạt động))*\s*:?$", re.I)
_LABEL_RE = re.compile(r"^([^:]{2,40}?)\s*(?::\s*(.*))?$", re.S)


def field_kind(heading: str) -> tuple[str, str] | None:
    """The field a heading states and its value ("Cơ quan chủ trì, phối hợp" -> lead, ""; "Thời gian thực
    hiện: Năm 2014." -> deadline, "Năm 2014.")."""
    m = _LABEL_RE.match(heading.strip())
    if not m:
        return None
    label = m.group(1).strip()
    kind = next((k for k, p in _FIELDS if p.search(label)), None)
    return (kind, (m.group(2) or "").strip()) if kind in ("lead", "cooperating", "responsible", "deadline") else None


class _Fields:
    """The names and deadline the field headings of one section give."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {"lead": [], "cooperating": [], "responsible": []}
        self.deadline: str | None = None


def _lines(ex: TaskExtractor, sid: str) -> list[tuple[int, int, str]]:
    """The first line of each item directly in a section (a note in brackets below a bullet is left out)."""
    out = []
    for item in ex.items:
        if item.section == sid:
            line = item.text.split("\n")[0]
            body = re.sub(r"^\s*[-+•]\s*", "", line)
            start = item.start + len(line) - len(body)
            out.append((start, start + len(body), body))
    return out


def _read(ex: TaskExtractor, sec: Section, kind: str, value: str, into: _Fields) -> bool:
    """Add what one field heading (and the bullets or lettered fields below it) names; False when a child
    is not a field."""
    if kind == "deadline":
        into.deadline = into.deadline or deadline_text(value) if value else into.deadline
        return True
    head_at = ex.text.find(sec.heading, sec.start)
    if value:
        at = head_at + len(sec.heading) - len(value)
        into.names[kind] += body_names(ex, Cell(value, at, at + len(value)), groups=kind != "cooperating")
    for start, end, body in _lines(ex, sec.id):
        if (sub := field_kind(body)) is not None and ":" in body:  # "- Đơn vị chủ trì: Các Sở, ban, ngành."
            at = end - len(sub[1])
            if sub[0] == "deadline":
                into.deadline = into.deadline or deadline_text(sub[1])
            else:
                into.names[sub[0]] += body_names(ex, Cell(sub[1], at, end), groups=sub[0] != "cooperating")
            continue
        into.names[kind] += body_names(ex, Cell(body, start, end), groups=kind != "cooperating")
    for child in ex.children.get(sec.id, []):
        sub = field_kind(child.heading)
        if sub is None or not _read(ex, child, sub[0], sub[1], into):
            return False
    return True


def trailing_block(ex: TaskExtractor, sec: Section) -> tuple[list[Draft], set[str]] | None:
    """The tasks of a section whose content heading comes before its field headings, and the sections
    they consume; None when the section is not laid out so."""
    kids = ex.children.get(sec.id, [])
    if len(kids) < 2 or not _CONTENT_RE.match(kids[0].heading.strip()):
        return None
    fields = _Fields()
    for kid in kids[1:]:
        found = field_kind(kid.heading)
        if found is None or not _read(ex, kid, found[0], found[1], fields):
            return None
    owners = list(dict.fromkeys(fields.names["lead"] or fields.names["responsible"]))
    if not owners:
        return None
    role = "lead" if fields.names["lead"] else "responsible"
    coop = tuple(c for c in dict.fromkeys(fields.names["cooperating"]) if c not in owners)
    content = kids[0].id
    units = [u for u in ex.units() if any(a.id == content for a in ancestors(ex.sections, u[0]))]
    taken = {u[1] for u in units}
    for sid in ex._section_ids(content)[1:]:  # "đ) Tổ chức các đội …" with a paragraph below it is an action too
        head = ex.sections[sid]
        at = ex.text.find(head.heading, head.start)
        if head.style in ("letter", "num", "paren") and at not in taken and len(head.heading.split()) >= 3:
            units.append((sid, at, at + len(head.heading), head.heading))
    drafts = []
    for sid, start, end, body in sorted(units, key=lambda u: u[1]):
        if not body.rstrip().endswith(":"):
            drafts.append(Draft(sid, body, start, end, owners[0], tuple(owners), role,
                                tuple(owners) if role == "lead" else (), coop, ex.kind(sid), fields.deadline))
    consumed = {s for k in kids for s in ex._section_ids(k.id)}
    return drafts, consumed


def trailing_blocks(ex: TaskExtractor) -> tuple[list[Draft], set[str]]:
    """Tasks of every section laid out with its fields after its content, and the sections they consume."""
    drafts: list[Draft] = []
    consumed: set[str] = set()
    for sec in ex.sections.values():
        if sec.id in consumed or (block := trailing_block(ex, sec)) is None:
            continue
        drafts.extend(block[0])
        consumed |= block[1]
    return drafts, consumed
