"""Tasks numbered inside one paragraph ("Bộ Công an: (1) Tiếp tục đầu tư …; (2) nghiên cứu, đề xuất …"), and
clauses of one paragraph that give work to another subject.

A conclusion notice (and other texts of the genre) often lists the tasks of one owner, or the tasks of a
topic, as "(1)", "(2)" … inside a single paragraph. Each numbered part is a task of its own: it names its own
owner when it opens with one ("(1) Thanh tra Chính phủ ban hành …"), else it is the owner's whom the words
before "(1)" name ("Bộ Khoa học và Công nghệ: (1) …") or whom the heading above gives. The words before "(1)"
are no task: a topic's title or the owner's name. A part that ends with ":" only leads into what follows.

Within a task, a clause after ";" that opens with a body doing something ("…; Các bộ, ngành, địa phương căn cứ
hướng dẫn của Bộ Công an tổ chức rà soát …; Bộ Công an tổng hợp, …") is a task of that body; a clause whose
body only helps ("; Bộ Y phối hợp …") stays in the task it helps.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.task_draft import Draft
from extract.task_owners import clause_subject, subject_list

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

# "(1)" after the paragraph's start, a space, a colon or a semicolon
_MARK_RE = re.compile(r"(?:^|(?<=[\s:;,.]))\((\d{1,2})\)\s*")
_MIN_WORDS = 3
# what a clause's subject does when it only helps ("Bộ Y phối hợp …"): the same task, not a new one
_HELPS_RE = re.compile(r"\s*(?:phối hợp|tham gia|cùng|và|,|\()", re.I)


def _run(text: str) -> list[re.Match[str]]:
    """The markers "(1)", "(2)", … in order, from the first "(1)" on."""
    out: list[re.Match[str]] = []
    for m in _MARK_RE.finditer(text):
        if int(m.group(1)) == len(out) + 1:
            out.append(m)
    return out


def _parts(text: str, marks: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The span of each numbered part, without the separator that ends it ("; ", ", ")."""
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        piece = text[m.end():end]
        out.append((m.end(), m.end() + len(piece.rstrip(" ;,"))))
    return out


def inline_items(ex: TaskExtractor, d: Draft) -> list[Draft] | None:
    """The tasks a draft numbers inside its paragraph, or None when it numbers fewer than two."""
    text = ex.text[d.start:d.end]
    marks = _run(text)
    if len(marks) < 2 or ex.kind_at(d.start) == "report":
        return None
    parts = _parts(text, marks)
    if any(len(text[a:b].split()) < _MIN_WORDS for a, b in parts):
        return None  # "(1) Giấy khai sinh; (2) …": a list of things, not of tasks
    lead_end = d.start + len(text[:marks[0].start()].rstrip(" :"))
    named = ex.within(d.start, lead_end)
    fallback = ex.names_only(d.start, lead_end) or (list(d.owners) if not named else [])
    out: list[Draft] = []
    for a, b in parts:
        start, end, body = d.start + a, d.start + b, text[a:b]
        if body.endswith(":"):
            continue  # "(3) các bộ, ngành, địa phương tập trung:" leads into what follows
        own = ex.draft(d.section, start, end, body)
        if own is not None and own.owner is not None and any(0 <= m.start - start <= 1 for m in ex.within(start, end)):
            out.append(own)  # the part names its own owner
            continue
        if not fallback:
            out.append(own or replace(d, text=body, start=start, end=end, owner=None, owners=(), role=None,
                                      lead=(), cooperating=(), deadline=ex.deadline(body)))
            continue
        role, lead, coop = ex.roles(body, start, ex.within(start, end), fallback[0])
        out.append(Draft(d.section, body, start, end, fallback[0], tuple(fallback), role, lead, coop, d.kind,
                         ex.deadline(body), product=d.product))
    return [c for x in out for c in (clause_items(ex, x) or [x])]


def _new_subject(ex: TaskExtractor, start: int, end: int) -> bool:
    """Whether the clause at `start` opens with a body (or an opening clause and then a body) that acts."""
    found = ex.within(start, end)
    first = next((m for m in found if 0 <= m.start - start <= 1), None)
    if first is None:
        return bool(clause_subject(ex.text, start, end, found))
    _, last = subject_list(ex.text, found, first)
    after = ex.text[last:end]
    return bool(after[:2].strip()) and after.lstrip()[:1].islower() and not _HELPS_RE.match(after)


def _clause_ends(text: str) -> list[int]:
    """Where each clause after "; " ends (the next ";" or the text's end)."""
    starts = [m.end() for m in re.finditer(r";\s+", text)]
    return [text.find(";", a) if ";" in text[a:] else len(text) for a in starts]


def clause_items(ex: TaskExtractor, d: Draft) -> list[Draft] | None:
    """The tasks a draft's clauses give to other subjects, or None when every clause is the draft's."""
    text = ex.text[d.start:d.end]
    starts = [m.end() for m in re.finditer(r";\s+", text)]
    cuts = [a for a, e in zip(starts, _clause_ends(text), strict=True) if _new_subject(ex, d.start + a, d.start + e)]
    if not cuts or ex.kind_at(d.start) == "report":
        return None
    spans: list[tuple[int, int, Draft | None]] = []
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        body = text[a:b].rstrip(" ;")
        own = ex.draft(d.section, d.start + a, d.start + a + len(body), body) if a else None
        if a and (own is None or own.owner is None):
            spans[-1] = (spans[-1][0], a + len(body), None)  # no owner of its own: the clause goes on the task
        else:
            spans.append((a, a + len(body), own))
    if len(spans) < 2:
        return None
    out = []
    for a, b, own in spans:
        if own is not None:
            out.append(own)
            continue
        body, start = text[a:b], d.start + a
        role, lead, coop = ex.roles(body, start, ex.within(start, start + len(body)), d.owner) if d.owner else \
            (d.role, d.lead, d.cooperating)
        out.append(replace(d, text=body, start=start, end=start + len(body), role=role, lead=lead,
                           cooperating=coop, deadline=ex.deadline(body)))
    return out
