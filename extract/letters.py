"""Who a letter's items belong to: its addressees, or the body its opening sentence gives them to.

An official letter (Công văn) or a notice of conclusions (Thông báo kết luận) has no task headings. It
names its addressees ("Kính gửi: - Sở Nông nghiệp và Môi trường; - Công an tỉnh") and opens with one
sentence that hands over what follows ("…, Ủy ban nhân dân tỉnh đề nghị Sở X thực hiện các nội dung
sau:"). An item below that names nobody of its own is a task of the body the opening names, or, when
the opening names nobody in particular ("yêu cầu các cơ quan, đơn vị"), of the addressees.
"""

from __future__ import annotations

import re

from extract.agencies import GROUP_KIND
from extract.records import Mention
from extract.task_draft import agency_name
from extract.task_owners import subject_list

LETTER_KINDS = ("letter", "notice", "conclusion")
_ADDRESS_HEAD_RE = re.compile(r"\bKính gửi\s*:?", re.I)  # header lines may come joined on one line
_HAND_OVER_RE = re.compile(r"\b(?:giao(?: cho)?|đề nghị|yêu cầu)\s+", re.I)


def address_block(text: str, end: int) -> tuple[int, int] | None:
    """Where the "Kính gửi:" block is (before `end`): its first line and the "-" lines under it."""
    m = _ADDRESS_HEAD_RE.search(text, 0, end)
    if m is None:
        return None
    stop = text.find("\n", m.end())
    stop = len(text) if stop < 0 else stop
    while stop < end:
        nxt = text.find("\n", stop + 1)
        line = text[stop + 1:len(text) if nxt < 0 else nxt]
        if not line.strip() or not re.match(r"[ \t|*]*[-–+•]", line):
            break  # the block ends at a blank line or at the first line that is not an addressee
        stop = len(text) if nxt < 0 else nxt
    return m.start(), stop


def addressees(text: str, mentions: list[Mention], end: int) -> list[str]:
    """The agencies a letter is addressed to, in order."""
    block = address_block(text, end)
    if block is None:
        return []
    return list(dict.fromkeys(agency_name(m) for m in mentions if block[0] <= m.start and m.end <= block[1]))


def opening_owners(text: str, mentions: list[Mention], start: int, end: int) -> tuple[list[str], bool]:
    """The bodies the opening sentence hands the items to ("đề nghị Sở X, Sở Y …:") and whether they
    are only catch-all groups ("các cơ quan, đơn vị")."""
    cut = text.rfind(":", start, end)
    if cut < 0:
        return [], False
    sentence = max(text.rfind(".", start, cut), text.rfind("\n\n", start, cut), start)
    found = [m for m in mentions if sentence <= m.start and m.end <= cut]
    for m in _HAND_OVER_RE.finditer(text, sentence, cut):
        first = next((x for x in found if x.start == m.end()), None)
        if first is not None:
            names, _ = subject_list(text, found, first)
            groups = all(x.agency == GROUP_KIND for x in found if agency_name(x) in names)
            return names, groups
    return [], False


def opening_end(text: str, first_section: int) -> int:
    """Where a letter's items begin: after the opening sentence's colon, or at its first numbered item."""
    block = address_block(text, first_section)
    at = text.find(":\n", block[1] if block else 0, first_section)
    return first_section if at < 0 else at + 1


def letter_owners(text: str, mentions: list[Mention], body_start: int) -> list[str]:
    """Owners of a letter's items that name nobody: the opening's bodies, else the addressees."""
    mentions = sorted(mentions, key=lambda m: m.start)
    block = address_block(text, body_start)
    after = block[1] if block else 0
    opened, groups = opening_owners(text, mentions, after, body_start)
    to = addressees(text, mentions, body_start)
    if opened and not groups:
        return opened
    return to or opened


# The closing sentence of a letter or a notice: who is to know and act on it, not a task of its own
# ("Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.", "Yêu cầu … nghiêm túc thực hiện./.").
_CLOSING_RE = re.compile(
    r"(?:\bbiết|quan tâm|nghiêm túc|chỉ đạo thực hiện|phối hợp thực hiện|(?:trân trọng|kính) báo cáo[^.;:]{0,60})"
    r"[^.;:]{0,60}\.?\s*/\s*\.?\s*$", re.I)  # a report signs off: "Sở X trân trọng báo cáo UBND tỉnh./."


def closing_start(body: str) -> int | None:
    """Where the letter's closing formula (ended by "./.") begins in an item's text, or None; a closing
    line written without a bullet comes joined to the last item."""
    m = _CLOSING_RE.search(body.rstrip())
    if m is None:
        return None
    cut = max(body.rfind(". ", 0, m.start()), body.rfind(".\n", 0, m.start()), body.rfind(";\n", 0, m.start()))
    return 0 if cut < 0 else cut + 1
