"""Who a sentence or a heading names as the owner of a task, in the genre's phrasings."""

from __future__ import annotations

import re

from extract.agencies import group_agency, registry
from extract.records import Mention
from extract.task_draft import agency_name

# "Các Bộ: Y tế, Giáo dục và Đào tạo, Nội vụ" names "Bộ" once for every ministry of the list.
_SHARED_RE = re.compile(r"(?:^|\b)(?:[Cc]ác)\s+(Bộ|Sở|Cục|Vụ|Ban)\s*:\s*")
# The heads of the ministries, a fixed formula: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, (Thủ
# trưởng) cơ quan thuộc Chính phủ" are the ministries and agencies as one group.
_HEADS_RE = re.compile(
    r"^(?:Các\s+)?(?:đồng chí\s+)?Bộ trưởng,\s*Thủ trưởng\s+(?:các\s+)?cơ quan ngang [Bb]ộ,\s*(?:Thủ trưởng\s+)?"
    r"(?:các\s+)?cơ quan (?:trực )?thuộc Chính phủ", re.I)
HEADS_GROUP = "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"
# The same formula in a province: "Giám đốc các Sở, Thủ trưởng các ban, ngành (tỉnh)".
_PROVINCE_HEADS_RE = re.compile(
    r"^(?:Các\s+)?Giám đốc\s+(?:các\s+)?[Ss]ở(?:\s*,\s*|\s+và\s+)Thủ trưởng\s+(?:các\s+)?(?:cơ quan,\s*)?"
    r"ban,\s*ngành(?:\s+(?:tỉnh|thành phố))?")
PROVINCE_HEADS_GROUP = "các sở, ban, ngành"
# An adverbial opening before the subject: "Trên cơ sở …, các bộ … xây dựng …".
_OPENER_RE = re.compile(r"^(?:Trên cơ sở|Căn cứ|Trong (?:quá trình|thời gian)|Để|Nhằm|Theo|Sau khi|Khi|Đồng thời"
                        r"|H[àằ]ng (?:năm|quý|tháng)|Định kỳ)\b",
                        re.I)
_AFTER_CLAUSE_RE = re.compile(r",\s*(?:(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Người đứng đầu)\s+)?$")
_LIST_GAPS = (",", "và", ", và", ";")


def shared_list(text: str) -> list[str]:
    """Full names of a list that names the kind of body once ("các Bộ: Tư pháp, Ngoại giao")."""
    m = _SHARED_RE.search(text)
    if not m:
        return []
    head, reg = m.group(1), registry()
    out: list[str] = []
    for part in re.split(r"\s*,\s*", text[m.end():].rstrip(" :.;")):
        words = part.split()
        if not words or not words[0][:1].isupper():
            break
        while words:
            found = next(((n, a) for n in range(len(words), 0, -1)
                          if (a := reg.resolve(f"{head} {' '.join(words[:n])}")) is not None), None)
            if found is None:
                out.append(f"{head} {' '.join(words)}")  # a name the registry does not hold
                break
            out.append(found[1].name)
            words = words[found[0]:]
            if words and words[0] != "và":
                return out  # the list ends where a name ends ("…, Ngoại giao chủ trì …")
            words = words[1:]
    return out


def subject_list(text: str, found: list[Mention], first: Mention) -> tuple[list[str], int]:
    """The agencies a clause opens with ("Bộ X, Bộ Y và Bộ Z …") and where they end."""
    names, last = [agency_name(first)], first
    for m in found[found.index(first) + 1:]:
        if text[last.end:m.start].strip() not in _LIST_GAPS:
            break
        names.append(agency_name(m))
        last = m
    return names, last.end


def heads_owners(text: str, start: int, found: list[Mention]) -> list[str]:
    """Owners of a sentence opened by the heads-of-ministries formula, with the committees' chairs."""
    m = _HEADS_RE.match(text[start:])
    group = HEADS_GROUP
    if not m:
        m, group = _PROVINCE_HEADS_RE.match(text[start:]), PROVINCE_HEADS_GROUP
    if not m:
        return []
    owners = [group_agency(group).name]
    for x in found:
        if x.start >= start + m.end() and text[max(0, x.start - 9):x.start].strip().endswith("Chủ tịch"):
            owners.append(agency_name(x))
    return owners


def clause_subject(text: str, start: int, end: int, found: list[Mention]) -> list[str]:
    """The subject after an opening clause: the first agency right after a comma."""
    if not _OPENER_RE.match(text[start:end]):
        return []
    for m in found:
        if re.search(r"\b(?:chủ trì|phối hợp)\b", text[start:m.start]):
            return []  # "Theo chức năng …, chủ trì, phối hợp với Bộ X, Bộ Y …": the subject is left out
        if _AFTER_CLAUSE_RE.search(text[start:m.start]):  # ", (Thủ trưởng) các cơ quan, đơn vị …"
            return subject_list(text, found, m)[0]
    return []
