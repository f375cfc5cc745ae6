"""Tasks: who owns which item of the task sections, in which role, with whom and by when."""

from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher

from extract.agencies import GROUP_KIND, fold_key, group_agency
from extract.attachment import attached_kind
from extract.inline_items import inline_items
from extract.letters import LETTER_KINDS, closing_start, letter_owners, opening_end
from extract.line_table import line_tables
from extract.records import Item, Mention, Section
from extract.segment import CLOSING, FRONT, ancestors, item_body
from extract.task_blocks import paragraph_tasks
from extract.task_draft import Draft, agency_name
from extract.task_fields import field_blocks
from extract.task_owners import clause_subject, heads_owners, shared_list, subject_list
from extract.task_table import pipe_tables
from extract.task_trailing import trailing_blocks
from extract.unowned import (
    ahead_section,
    is_title,
    operative_section,
    task_section,
    unowned_task,
    without_repeats,
)

_TASK_HEAD_RE = re.compile(
    r"nhiệm vụ|giải pháp|tổ chức thực hiện|trách nhiệm|phân công|kiến nghị|danh mục nhiệm vụ", re.I)
_NOT_TASK_HEAD_RE = re.compile(
    r"^(?:mục tiêu|quan điểm|kinh phí|tầm nhìn)|tình hình triển khai nhiệm vụ|kết quả đạt được", re.I)
_RECOMMEND_RE = re.compile(r"kiến nghị|đề xuất", re.I)
_HEAD_PREFIX_RE = re.compile(
    r"^(?:đối với|trách nhiệm của|trách nhiệm|kiến nghị(?: với)?|đề nghị(?: với)?|giao"
    r"|(?:các\s+)?(?:nhiệm vụ|giải pháp)(?:\s+\S+){0,3}?\s+của)\s+", re.I)  # "NHIỆM VỤ CHỦ YẾU CỦA BỘ X"
_HEAD_GROUP_RE = re.compile(r"^(?:các\s+)?(?:bộ|ngành|địa phương|cơ quan)(?:[ ,]+(?:bộ|ngành|địa phương|"
                            r"cơ quan|trung ương|và|liên quan))*$", re.I)
_PURPOSE_HEAD_RE = re.compile(
    r"^(?:mục tiêu|quan điểm|nguyên tắc|mục đích|yêu cầu|tầm nhìn|căn cứ|sự cần thiết|bối cảnh|thực trạng|"
    r"tình hình|kết quả|đánh giá|định hướng|đối tượng|phạm vi)", re.I)  # "Đối tượng, phạm vi triển khai": the scope
# A line of capitalised words only ("Thành Hương Nghĩa Lộ": the end of a heading a page wrapped) names, never asks
_NAME_ONLY_RE = re.compile(r"\s*(?:[A-ZĐÀ-Ỹ][^\s]*\s+){0,7}[A-ZĐÀ-Ỹ][^\s.;:]*[.;:]?\s*")
_EXECUTION_RE = re.compile(r"chịu trách nhiệm thi hành (?:Quyết định|Nghị quyết|Chỉ thị|Thông tư)", re.I)
# A person's title before the body they head: "Bộ trưởng Bộ X có trách nhiệm …" gives Bộ X the task.
_TITLE_RE = re.compile(r"^(?:Các\s+)?(?:đồng chí\s+)?(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Tổng Giám đốc|Thống đốc"
                       r"|Chủ nhiệm|Lãnh đạo|Trưởng ban|Tổng Kiểm toán|Chánh án|Viện trưởng)\s+(?=\S)")
# A heading sentence whose subject is given the duty: its sub-items that name nobody are that subject's.
_DUTY_RE = re.compile(r"[\s,]*(?:chịu trách nhiệm|có trách nhiệm|có nhiệm vụ|chủ trì)\b", re.I)
# A report records an assignment ("UBND tỉnh đã giao Sở X chủ trì …"): a task of the body given it.
_REPORTED_RE = re.compile(r"(?<!được )(?<!văn bản )(?<!ý kiến )\b(?:giao|chỉ đạo(?: triển khai)?|yêu cầu"
                          r"|(?:kính |trân trọng )?đề nghị)(?: cho)?\s+", re.I)
# A class of bodies a report names in words ("các cơ quan chuyên môn", "các Sở, ban, ngành và địa phương").
_CLASS_RE = re.compile(r"(?:các|những)\s+(?:cơ quan chuyên môn|cơ quan, đơn vị|[Ss]ở, ban, ngành|cơ quan, tổ chức)"
                       r"(?:(?:\s*,\s*|\s+và\s+)(?:các\s+)?(?:địa phương|đơn vị|UBND cấp xã|Ủy ban nhân dân cấp xã))*")
# A report's lead sentence asking bodies for what its bullets list ("… tiếp tục yêu cầu các Sở, ban, ngành:").
_REQUEST_RE = re.compile(r"\b(?:yêu cầu|đề nghị|giao|chỉ đạo)\s+(?P<who>.+?)\s*:\s*$", re.I)
_VAGUE_RE = re.compile(r"[\s,]*(?:thực hiện|triển khai)(?: thực hiện)?(?: tốt)? (?:các |những )?nhiệm vụ\b", re.I)
_ADDRESS_RE = re.compile(r"\b(?:giao(?: cho)?|đề nghị|yêu cầu)\s+", re.I)
# A heading naming a class of bodies ("Các chủ đầu tư dự án …", "Các viện nghiên cứu, trường đại học").
_BODIES_HEAD_RE = re.compile(
    r"^Các\s+(?:sở|bộ|ban|ngành|cơ quan|đơn vị|cấp ủy|chủ đầu tư|nhà đầu tư|doanh nghiệp|tổ chức|viện|trường|hội|"
    r"hiệp hội|địa phương|ủy ban|quỹ|ngân hàng|tập đoàn|tổng công ty|khu)\b"
    r"(?![^,]*\b(?:nhiệm vụ|giải pháp|nội dung)\b)",
    re.I)
_PARTNER_GAP_RE = re.compile(r"(?:và\s*)?(?:các\s*)?(?:(?:cơ quan|đơn vị) chuyên môn (?:thuộc|của))?", re.I)
# Words of a partner list that name no body of their own ("các Sở, ban, ngành liên quan và …").
_LIST_WORDS_RE = re.compile(
    r"(?:(?:các|và|cơ quan|đơn vị|tổ chức|có liên quan|liên quan|sở|ban|ngành|bộ|địa phương|chức năng|khác|cấp"
    r"|trung ương|thuộc|trực thuộc|đảng)[\s,]*)*", re.I)
_TASK_LIST_RE = re.compile(r"danh mục (?:các )?(?:nhiệm vụ|đề án|chương trình)|nhiệm vụ", re.I)
# "2. Các Sở, ban, ngành, UBND cấp xã trong phạm vi quản lý … có trách nhiệm:": the subject owns the items below
_DUTY_END_RE = re.compile(r"\b(?:có|chịu) trách nhiệm(?: thực hiện)?(?: các nhiệm vụ sau(?: đây)?)?\s*$|"
                          r"\bcó (?:các )?nhiệm vụ(?: sau(?: đây)?)?\s*$", re.I)
_LEAD_RE = re.compile(r"[\s,]*chủ trì\b", re.I)
_ASKED_RE = re.compile(r"(?:đề nghị|giao|yêu cầu)\s+", re.I)
# An enterprise a heading addresses by name (the recogniser reads bodies of the state, not firms)
_COMPANY_RE = re.compile(r"(?:Công ty|Tổng công ty|Tập đoàn|Doanh nghiệp|Hợp tác xã)\s+\S")
# "… theo 3 cấp độ:", "… gồm 02 nhóm nội dung:": a task that announces the parts listed below it
_ANNOUNCED_RE = re.compile(r"\b(?:theo|gồm|với)\s+(?:\d{1,2}|hai|ba|bốn|năm|sáu)\s+(?:\S+\s+){0,2}?\S+\s*:\s*$", re.I)
_SPELLED_OUT_RE = re.compile(r"^(?:cụ thể|cụ thể là|cụ thể như sau|gồm các nội dung sau)\s*:\s*$", re.I)
_ALLOCATION_RE = re.compile(r"\s*:\s*(?:khoảng\s+|dự kiến\s+)?\d")
_CONTENTS_RE = re.compile(r"\b(?:các|một số|những) nội dung(?: chủ yếu| chính)?(?: sau(?: đây)?)?\s*:\s*$", re.I)
_PURPOSES_RE = re.compile(r"\b(?:để|nhằm)\s*:\s*$")
# "- Lập hồ sơ hoàn công cho từng hộ, bao gồm:" then "+ Đơn đề nghị …": the task, then the papers it covers
_INCLUDES_RE = re.compile(r"\S(?:\s+\S+){3,},?\s+(?:bao gồm|gồm(?: có)?)\s*:\s*$")
# "… các nội dung chính của Đề án, bao gồm:": a list of tasks, not of papers
_WORK_RE = re.compile(r"nội dung|nhiệm vụ|giải pháp|hoạt động|công việc", re.I)
# "Lý do: …" explains a proposal; "Thời gian hoàn tất: trước ngày …" is a field of the task above it
_SKIP_RE = re.compile(r"^(?:trên đây|nơi nhận|lưu:|như điều|lý do\s*:"
                      r"|(?:thời gian|thời hạn)(?: thực hiện| hoàn thành| hoàn tất)?\s*:)", re.I)
_TABLE_HEADER_RE = re.compile(
    r"^(?:S?TT\s*)?(?:Nhiệm vụ\s*)?(?:Cơ quan chủ trì\s*)?(?:tổ chức thực hiện\s*)?(?:Cơ quan phối hợp\s*)?"
    r"(?:Thời gian(?: hoàn thành)?\s*)?")
_HEADER_INSIDE_RE = re.compile(r"\s(?:S?TT\s+)?Nhiệm vụ\s+Cơ quan chủ trì(?:\s+tổ chức thực hiện)?(?=\s|$)")
_DEADLINES = [re.compile(p, re.I) for p in (
    r"trước ngày \d{1,2}(?: tháng \d{1,2}(?: năm \d{4})?|/\d{1,2}(?:/\d{4})?)",
    r"(?:trong )?quý [IV]+(?: năm \d{4})?",
    r"trong năm \d{4}",
    r"(?:định kỳ )?h[àằ]ng năm",
    r"giai đoạn \d{4} ?- ?\d{4}",
    r"trước năm \d{4}",
)]


def class_names(text: str) -> list[str]:
    """The classes of bodies a phrase names ("các Sở, ban, ngành và địa phương": the departments, the
    localities)."""
    return [group_agency(p).name for p in re.split(r"\s+và\s+(?:các\s+)?", text) if p]


class TaskExtractor:
    """Extract tasks from one document's sections, items and agency mentions."""

    def __init__(self, text: str, sections: list[Section], items: list[Item],
                 mentions: list[Mention], doc_kind: str, breaks: tuple[int, ...] = (),
                 original: str = "", omap: tuple[int, ...] = ()) -> None:
        self.text = text
        self.breaks = breaks  # where the original had blank lines (paragraph breaks)
        self.original, self.omap = original, omap  # the original text, and where each character came from
        self.sections = {s.id: s for s in sections}
        self.children: dict[str, list[Section]] = {}
        for s in sections:
            self.children.setdefault(s.parent or FRONT, []).append(s)
        self.items = items
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.doc_kind = doc_kind
        self.line_owners = self._line_owners()
        self.leading_heads: set[str] = set()  # sections under a heading whose owner "chủ trì"
        self.head_partners: dict[str, tuple[str, ...]] = {}  # … and the partners that heading names
        self.item_sections = {i.section for i in items}
        # a letter's items that name nobody belong to its opening's bodies or its addressees
        self.letter = doc_kind in LETTER_KINDS
        first = min((s.start for s in sections if s.parent is None and s.style != CLOSING), default=len(text))
        self.body_start = opening_end(text, first) if self.letter else first
        self.letter_owners = letter_owners(text, self.mentions, self.body_start) if self.letter else []
        closing = min((s.start for s in sections if s.style == CLOSING), default=None)
        attached = attached_kind(text, closing) if self.letter and closing is not None else None
        self.attached = attached if attached and attached[1] not in LETTER_KINDS else None
        self.request_owners = self._request_owners()
        self.content_leads: set[int] = set()  # "-" items that are tasks although they end with ":"

    def kind_at(self, pos: int) -> str:
        """The kind of the text at `pos`: a cover letter's attachment has its own ("DỰ THẢO BÁO CÁO")."""
        return self.attached[1] if self.attached and pos >= self.attached[0] else self.doc_kind

    def letter_at(self, pos: int) -> bool:
        """Whether `pos` is in a letter's operative part (after its opening, not in an attachment)."""
        return self.body_start <= pos and self.kind_at(pos) in LETTER_KINDS

    def section_at(self, pos: int) -> str:
        """The innermost section that holds `pos`."""
        best = FRONT
        for s in self.sections.values():
            if s.start <= pos < max(s.end, s.start + 1):
                best = s.id
        return best

    def _pos(self, sid: str) -> int:
        return self.sections[sid].start if sid in self.sections else 0

    def _line_owners(self) -> dict[int, list[str]]:
        """Owners of "+" items from the "- Bộ X:" / "- Các Bộ: Y tế, Nội vụ:" line above them, or from a "-" line
        that only names bodies ("- Bộ Công Thương" then "+ Ban hành …"): that line heads its items, no task."""
        out: dict[int, list[str]] = {}
        self.owner_lines: set[int] = set()
        owners: list[str] = []
        section = ""
        named = -1  # where the "-" line that only names bodies starts
        for item in self.items:
            body = item_body(item)
            start = item.end - len(body)
            if item.section != section or item.marker == "-":
                section, owners, named = item.section, [], -1
            if item.marker == "-" and body.rstrip().endswith(":"):
                found = self.within(start, item.end)
                owners = shared_list(body) or (
                    subject_list(self.text, found, found[0])[0] if found and found[0].start - start <= 1 else [])
            elif item.marker == "-" and (owners := self.names_only(start, item.end)):
                named = start
            elif item.marker == "+" and owners:
                out[start] = owners
                if named >= 0:
                    self.owner_lines.add(named)
        return out

    def names_only(self, start: int, end: int) -> list[str]:
        """The bodies a line names when it names nothing else ("Bộ Nông nghiệp và Môi trường.")."""
        found = [m for m in self.within(start, end) if m.agency != GROUP_KIND]
        if (asked := _ASKED_RE.match(self.text, start, end)) is not None:
            start = asked.end()  # "- Đề nghị Mặt trận Tổ quốc Việt Nam" heads what the Front is asked to do
        if not found or found[0].start - start > 1:
            return []
        names, last = subject_list(self.text, found, found[0])
        return names if not self.text[last:end].strip(" .;:") else []

    def _request_owners(self) -> dict[int, list[str]]:
        """Owners of a report's bullets from the sentence above them that asks bodies for them ("… tiếp tục
        yêu cầu các Sở, ban, ngành và địa phương:" then "- Tăng cường …")."""
        out: dict[int, list[str]] = {}
        owners: list[str] = []
        section = ""
        for item in self.items:
            body = item_body(item)
            start = item.end - len(body)
            if item.marker not in ("-", "+") or item.section != section:
                owners, section = [], item.section
                if self.kind_at(start) == "report" and (m := _REQUEST_RE.search(body)):
                    at = start + m.start("who")
                    found = self.within(at, item.end)
                    if found and found[0].start - at <= 1:
                        names, end = subject_list(self.text, found, found[0])
                        if end >= start + m.end("who") - 1:  # the bodies and nothing more
                            owners = [n for name in names
                                      for n in (class_names(name) if name.startswith("các ") else [name])]
                    elif cls := _CLASS_RE.fullmatch(m.group("who")):
                        owners = class_names(cls.group(0))
            elif owners:
                out[start] = owners
        return out

    def _contents(self) -> tuple[set[int], set[int]]:
        """Bullets that list what a task covers, not tasks of their own: a "-" item that states its action in
        a sentence and ends "Tập trung vào một số nội dung:" is the task, its "+" items its contents."""
        leads: set[int] = set()
        items: set[int] = set()
        lead = False
        for item in self.items:
            body = item_body(item)
            start = item.end - len(body)
            if item.marker == "+" and lead:
                items.add(start)
                continue
            # both patterns end in ':': a body that does not is never searched (the search is slow on long items)
            lead = item.marker == "-" and body.rstrip().endswith(":") and (
                bool(_CONTENTS_RE.search(body)) and ". " in body
                or "gồm" in body and bool(_INCLUDES_RE.search(body)) and not _WORK_RE.search(body))
            if lead:
                leads.add(start)
        return leads, items

    def _spelled_parts(self) -> dict[str, int]:
        """Sections (and those below them) opened by a task that announces how many parts it has ("Xây dựng,
        triển khai Kế hoạch bồi dưỡng … theo 3 cấp độ:" then "a) …", "- Cấp độ phổ quát: …"): the parts say
        what the task covers, they are no tasks of their own. Each such section id → where its task starts."""
        out: dict[str, int] = {}
        for sec in self.sections.values():  # the task on the heading's line ("4. Nhóm giải pháp … Xây dựng … theo
            if sec.style in ("num", "letter", "roman") and _ANNOUNCED_RE.search(sec.heading) and \
                    unowned_task(sec.heading):  # 3 cấp độ:" joined into one line by the page's wrapping)
                start = self.text.index(sec.heading, sec.start)
                for sid in self._section_ids(sec.id):
                    out[sid] = start
        for item in self.items:
            body = item_body(item)
            if item.section not in self.sections or item.marker or not _ANNOUNCED_RE.search(body) or \
                    not unowned_task(body) or any(i.section == item.section and i.start < item.start
                                                  for i in self.items):
                continue  # the section's first paragraph, an action, not a list of bodies
            if (found := self.within(item.start, item.end)) and found[0].start - item.start <= 1:
                continue  # "Bộ X … theo 2 nhóm:" names its owner: a lead sentence, not one task
            for sid in self._section_ids(item.section):
                out[sid] = item.end - len(body)
        return out

    def known_names(self) -> dict[str, str]:
        """The document's agency names by their folded form."""
        if not hasattr(self, "_known"):
            self._known = {fold_key(n): n for n in map(agency_name, self.mentions)}
        return self._known

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in order (a binary search: called for every item)."""
        if not hasattr(self, "_starts"):
            self._starts = [m.start for m in self.mentions]
        out = []
        for m in self.mentions[bisect_left(self._starts, start):]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    # -- scope ------------------------------------------------------------------------
    def in_scope(self, sid: str) -> bool:
        chain = [s for s in ancestors(self.sections, sid) if is_title(s.heading)]  # titles only
        if any(_NOT_TASK_HEAD_RE.search(s.heading) for s in chain):
            return False
        return any(_TASK_HEAD_RE.search(s.heading) for s in chain)

    def kind(self, sid: str) -> str:
        chain = ancestors(self.sections, sid)
        if self.kind_at(self._pos(sid)) == "report" or any(_RECOMMEND_RE.search(s.heading) for s in chain):
            return "recommended"
        return "assigned"

    def heading_owners(self, sid: str) -> list[str]:
        """Agencies a heading names as the owner of what it contains ("1. Bộ Tài chính")."""
        for sec in ancestors(self.sections, sid):
            if sec.style == "appendix":
                continue
            head = sec.heading.rstrip(" :.")
            if shared := shared_list(head):
                return shared
            offset = self.text.index(head, sec.start) if head else sec.start
            if heads := heads_owners(self.text, offset, self.within(offset, offset + len(head))):
                return heads  # "1. Giám đốc các Sở, Thủ trưởng các ban, ngành; Chủ tịch UBND cấp xã:"
            prefix = _HEAD_PREFIX_RE.match(head) or _TITLE_RE.match(head)  # "Chủ tịch Ủy ban nhân dân cấp xã:"
            skip = prefix.end() if prefix else 0
            found = self.within(offset + skip, offset + len(head))
            if found and found[0].start - (offset + skip) <= 1:
                tail = self.text[found[-1].end:offset + len(head)]
                names, end = subject_list(self.text, found, found[0])
                if len(tail.split()) <= 6 or _DUTY_RE.match(self.text, end) or _DUTY_END_RE.search(head) \
                        or self.specified(sec.id):
                    if _LEAD_RE.match(self.text, end):
                        self.leading_heads.add(sid)  # "Giao Bộ X chủ trì, phối hợp với …:": X leads every item
                        self.head_partners[sid] = self.heading_partners(end, offset + len(head), found)
                    return names  # "X chủ trì, phối hợp với Y:" is X; "1. Sở X chịu trách nhiệm …" then "b) …"
            if re.search(r"\bsau(?: đây)?$", head) or sec.heading.rstrip(" *").endswith(":"):
                # "2.1. Để thể chế hoá …, Đảng đoàn Quốc hội xác định các nhiệm vụ sau:": the subject after the clause
                inside = self.within(offset, offset + len(head))
                if subject := clause_subject(self.text, offset, offset + len(head), inside):
                    return subject
            rest = head[skip:]
            if _HEAD_GROUP_RE.match(rest) or (_BODIES_HEAD_RE.match(rest) and len(rest.split()) <= 18):
                return [group_agency(rest).name]  # "8. Các sở, ban, ngành và các đơn vị khác có liên quan"
            if prefix and _COMPANY_RE.match(rest):  # "1. Đối với Công ty TNHH X và Doanh nghiệp tư nhân Y"
                return [n for n in re.split(r"\s+và\s+|\s*[,;]\s*", rest) if _COMPANY_RE.match(n)]
            if intro := self.intro_owners(sec):
                return intro
        return []

    def specified(self, sid: str) -> bool:
        """A heading sentence whose items spell it out ("3. Các bộ, ngành … tổ chức thực hiện Đề án." then "Cụ
        thể:" and bullets): a lead sentence, its subject owns the bullets."""
        first = next((i for i in self.items if i.section == sid), None)
        return first is not None and _SPELLED_OUT_RE.match(item_body(first)) is not None

    def intro_owners(self, sec: Section) -> list[str]:
        """Owners a section's lead sentence names for the items below it ("…, các Bộ … thực hiện các
        nhiệm vụ sau đây:")."""
        first_child = min((c.start for c in self.children.get(sec.id, [])), default=sec.end + 1)
        for item in self.items:
            if item.section == sec.id and item.start < first_child:
                body = item_body(item)
                if not body.rstrip().endswith(":"):
                    return []
                start = item.end - len(body)
                found = self.within(start, item.end)
                if found and found[0].start - start <= 1:  # "X chủ trì, phối hợp với Y:" then "(i) …", "(ii) …"
                    names, end = subject_list(self.text, found, found[0])
                    if not self.text[end:item.end].strip(" :"):
                        return names  # "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:" then "- …"
                    if _LEAD_RE.match(self.text, end) or _DUTY_RE.match(self.text, end):
                        if _LEAD_RE.match(self.text, end):
                            partners = self.heading_partners(end, item.end, found)
                            for c in self._section_ids(sec.id):
                                self.leading_heads.add(c)
                                self.head_partners[c] = partners
                        return names
                return self.sentence_owners(start, item.end, found) or self.addressed(body, start, found)
        return []

    def heading_partners(self, start: int, end: int, found: list[Mention]) -> tuple[str, ...]:
        """The partners a heading or lead sentence names after "phối hợp (với)" between start and end."""
        m = re.search(r"phối hợp(?: chặt chẽ)?(?: với)?", self.text[start:end])
        return tuple(self.partners(start + m.end(), found)) if m else ()

    def _section_ids(self, sid: str) -> list[str]:
        """A section and every section below it."""
        out, todo = [], [sid]
        while todo:
            out.append(todo.pop())
            todo.extend(c.id for c in self.children.get(out[-1], []))
        return out

    def sentence_owners(self, start: int, end: int, found: list[Mention]) -> list[str]:
        """The subject of a sentence that does not open with an agency: a shared list, the heads of
        ministries, an agency after an opening clause."""
        body = self.text[start:end]
        return (shared_list(body[:80]) if body.startswith(("Các", "các")) else []) \
            or heads_owners(self.text, start, found) or clause_subject(self.text, start, end, found)

    # -- items ------------------------------------------------------------------------
    def units(self) -> list[tuple[str, int, int, str]]:
        """(section, start, end, body) of every candidate task item, in order."""
        out = []
        with_items = {i.section for i in self.items}
        # "đ) Sửa đổi Luật X để:" then bullets: the bullets say what for; the heading with them is one task
        purposes = {s.id for s in self.sections.values() if s.style in ("num", "letter")
                    and _PURPOSES_RE.search(s.heading) and not self.children.get(s.id) and s.id in with_items}
        for item in self.items:
            if item.section not in purposes:
                body = item_body(item)
                out.append((item.section, item.end - len(body), item.end, body))
        for sec in self.sections.values():
            if sec.id in purposes:
                start = self.text.index(sec.heading, sec.start)
                out.append((sec.id, start, sec.end, self.text[start:sec.end].rstrip()))
                continue
            leaf = sec.id not in with_items and not self.children.get(sec.id)
            # a heading that is a whole sentence is an item even with paragraphs or bullets below it
            sentence = sec.heading.endswith(".") and len(sec.heading.split()) >= 8 and sec.style in ("num", "letter") \
                and not self.specified(sec.id) and not self._titles_bullets(sec)
            if (leaf or sentence) and len(sec.heading.split()) >= 6:
                start = self.text.index(sec.heading, sec.start)
                out.append((sec.id, start, start + len(sec.heading), sec.heading))
            elif self._lists_nouns(sec, with_items):  # the heading with the list it covers
                start = self.text.index(sec.heading, sec.start)
                out.append((sec.id, start, sec.end, self.text[start:sec.end].rstrip()))
        return sorted(out, key=lambda u: u[1])

    def _titles_bullets(self, sec: Section) -> bool:
        """A one-clause heading over "-" bullets ("a) Tập trung phát triển văn hóa Thủ đô …." then "- …"): it
        titles them, however it is phrased; a long heading of several clauses is a task of its own."""
        one_clause = len(sec.heading.split()) <= 20 and ";" not in sec.heading and ". " not in sec.heading
        return one_clause and any(i.section == sec.id and i.marker == "-" for i in self.items)

    def _lists_nouns(self, sec: Section, with_items: set[str]) -> bool:
        """An action heading whose sub-items only list what it covers ("1. Cập nhật dữ liệu:" then
        "a) Dữ liệu đất đai;"): the heading is the task."""
        kids = self.children.get(sec.id, [])
        return sec.style in ("num", "letter") and len(sec.heading.split()) >= 3 and sec.id not in with_items \
            and bool(kids) and all(k.id not in with_items and not self.children.get(k.id)
                                   and len(k.heading.split()) < 6 and k.style in ("letter", "paren") for k in kids)

    def open_scope(self, sid: str) -> bool:
        """Outside task headings an item assigns a task when it names its owner itself."""
        if sid == FRONT or self.kind_at(self._pos(sid)) == "report":
            return False  # a report's "X đã …" states what was done, not what is to be done
        return not any(_PURPOSE_HEAD_RE.search(s.heading) for s in ancestors(self.sections, sid)
                       if is_title(s.heading))

    def draft(self, sid: str, start: int, end: int, body: str) -> Draft | None:
        if (closing := closing_start(body)) is not None:  # "… đề nghị … quan tâm, chỉ đạo thực hiện./."
            body = body[:closing].rstrip()
            end = start + len(body)
        if not body or start in self.owner_lines or _SKIP_RE.match(body) or _EXECUTION_RE.search(body) or \
                _NAME_ONLY_RE.fullmatch(body) or \
                (body.rstrip().endswith(":") and start not in self.content_leads):
            return None
        scoped = self.in_scope(sid)
        found = self.within(start, end)
        reported = (self.request_owners.get(start) or self.reported(body, start, found)) \
            if self.kind_at(start) == "report" else []
        if not scoped and not self.open_scope(sid) and not self.letter_at(start) and not reported:
            return None  # a letter's items after its opening are its operative part
        title = _TITLE_RE.match(body)
        at = start + (title.end() if title else 0)
        subject = [m for m in found if 0 <= m.start - at <= 1]
        skip = 0
        headed = False
        if reported and not scoped:
            owners = reported
        elif subject:
            owners, skip = self._subject_list(found, subject[0], start)
            if _ALLOCATION_RE.match(body, skip):
                return None  # "Bộ X: 4.500.000.000 đồng": a share of money, not a task
        else:
            owners = self.line_owners.get(start, []) or self.sentence_owners(start, end, found)
            headed = not owners and bool(owners := self.heading_owners(sid))
            if headed and all(o.startswith("các ") for o in owners) and _ADDRESS_RE.match(body) and \
                    (named := self.addressed(body, start, found)):
                owners, headed = named, False  # "3. Đối với các tổ chức khác" / "Đề nghị Ủy ban MTTQ …, Hội …"
            owners = owners or self.addressed(body, start, found) \
                or (self.letter_owners if self.letter_at(start) else [])
        if not owners and not self.unowned(sid, start, body):
            return None
        deadline = self.deadline(body)
        if not owners:  # a task item of a task section that names nobody: a task with no owner
            _, _, coop = self.roles(body, start, found, "", skip)
            return Draft(sid, body, start, end, None, (), None, (), coop, self.kind(sid), deadline)
        role, lead, coop = self.roles(body, start, found, owners[0], skip)
        if headed and sid in self.leading_heads and role == "responsible":
            role, lead = "lead", tuple(dict.fromkeys([owners[0], *lead]))
            coop = tuple(c for c in dict.fromkeys([*coop, *self.head_partners.get(sid, ())]) if c not in owners)
        return Draft(sid, body, start, end, owners[0], tuple(owners), role, lead, coop,
                     self.kind(sid), deadline)

    @staticmethod
    def deadline(body: str) -> str | None:
        """The first deadline a text states ("trước ngày 20 tháng 12", "Quý IV năm 2025", "hằng năm")."""
        return next((m.group(0) for p in _DEADLINES if (m := p.search(body))), None)

    def unowned(self, sid: str, start: int, body: str) -> bool:
        """An item that names nobody is still a task inside a task section (in a report only under "Nhiệm
        vụ … thời gian tới"); a heading with items or sub-sections below it groups them ("3. Hoàn thiện ít nhất
        500ha …" then "- Sở X …")."""
        sec = self.sections.get(sid)
        if sec is not None and body.startswith(sec.heading) and start <= sec.start + len(sec.heading) \
                and (self.children.get(sid) or sid in self.item_sections) and start not in self.content_leads:
            return False
        if not unowned_task(body):
            return False
        headings = [s.heading for s in ancestors(self.sections, sid)]
        if self.kind_at(start) == "report":
            return ahead_section(headings)
        if self.kind_at(start) == "directive" and start >= self.body_start:
            return operative_section(headings)  # a directive's numbered items are all directions
        return task_section(headings)

    def reported(self, body: str, start: int, found: list[Mention]) -> list[str]:
        """The bodies a report says were given a task ("… đã giao Sở Tài chính chủ trì …"), or that it asks
        for one ("… đề nghị Bộ X hướng dẫn …")."""
        if body.rstrip().endswith(":"):
            return []  # a lead sentence: its bullets are the tasks
        for m in _REPORTED_RE.finditer(body):
            first = next((x for x in found if x.start == start + m.end()), None)
            if first is None:
                if (cls := _CLASS_RE.match(body, m.end())) and not _VAGUE_RE.match(body, cls.end()):
                    return class_names(cls.group(0))  # "đã giao các cơ quan chuyên môn triển khai …"
                continue
            names, end = self._subject_list(found, first, start)
            if _VAGUE_RE.match(body, end):
                continue  # "đã chỉ đạo các sở, ngành thực hiện các nhiệm vụ được giao …" names no action
            return names
        return []

    def addressed(self, body: str, start: int, found: list[Mention]) -> list[str]:
        """Agencies a sentence gives the task to: "giao Bộ X …", "đề nghị các bộ, ngành …"."""
        return self._named_after(_ADDRESS_RE, body, start, found)

    def _named_after(self, opening: re.Pattern[str], body: str, start: int, found: list[Mention]) -> list[str]:
        """The agencies listed right after the first match of `opening` that an agency follows."""
        for m in opening.finditer(body):
            title = _TITLE_RE.match(body[m.end():])  # "giao Giám đốc Sở X …": the body the head leads
            at = start + m.end() + (title.end() if title else 0)
            first = next((x for x in found if x.start == at), None)
            if first is not None:
                return self._subject_list(found, first, start)[0]
        return []

    def _subject_list(self, found: list[Mention], first: Mention, start: int) -> tuple[list[str], int]:
        """The agencies an item opens with ("Bộ X, Bộ Y ...") and where they end."""
        names, last_end = subject_list(self.text, found, first)
        return names, last_end - start

    def roles(self, body: str, start: int, found: list[Mention], owner: str,
              skip: int = 0) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """Owner role, lead and cooperating agencies; `skip` chars of subject come first."""
        low = body.lower()
        lead: list[str] = []
        owner_leads = False
        for m in re.finditer(r"(?<!được phân công )(?<!được giao )chủ trì", low):  # "các cơ quan được giao chủ trì"
            before = [x for x in found if x.end <= start + m.start()
                      and not self.text[x.end:start + m.start()].strip(" ,")]
            if before and before[-1].start - start > skip:
                lead.append(agency_name(before[-1]))  # "giao cho Bộ X chủ trì": X leads
            else:
                owner_leads = True
        coop: list[str] = []
        for m in re.finditer(r"phối hợp(?: chặt chẽ)?(?: với)?", low):
            coop.extend(self.partners(start + m.end(), found))
            before = [x for x in found if x.end <= start + m.start() and not self.text[x.end:start + m.start()].strip()]
            if before and before[-1].start - start > skip and before[-1].agency != GROUP_KIND and \
                    re.search(r"[;.]\s*$", self.text[start:before[-1].start]):
                coop.append(agency_name(before[-1]))  # "…; Bộ Tư pháp phối hợp thẩm định": a partner as subject
        opening = low[skip:].lstrip(" ,:")
        if owner_leads:
            role, lead = "lead", [owner] + lead
        elif owner in lead:
            role = "lead"  # "Giao Sở Tài chính chủ trì …": the body given the task leads it
        elif opening.startswith(("phối hợp", "tham gia")):
            role = "cooperating"
        else:
            role = "responsible"
        return role, tuple(dict.fromkeys(lead)), tuple(dict.fromkeys(c for c in coop if c != owner))

    def partners(self, pos: int, found: list[Mention]) -> list[str]:
        """Bodies named after "phối hợp với": the list runs on through catch-all words ("các Sở, ban,
        ngành và Ủy ban nhân dân cấp xã") and ends at a verb; catch-all groups are not partners."""
        out: list[str] = []
        for x in found:
            if x.start < pos:
                continue
            gap = self.text[pos:x.start].strip(" ,;:")  # "phối hợp với các Bộ: Tài chính, …"
            if not (_PARTNER_GAP_RE.fullmatch(gap) or _LIST_WORDS_RE.fullmatch(gap)) or ";" in gap:
                break  # "phối hợp với (các) cơ quan chuyên môn thuộc Bộ X": X is the partner
            if x.agency != GROUP_KIND:
                out.append(agency_name(x))
            pos = x.end
        return out

    # -- the appendix table ----------------------------------------------------------
    def table_rows(self) -> list[tuple[Section, int, int, str]]:
        """Rows of a "DANH MỤC NHIỆM VỤ" appendix table: (row section, start, end, text)."""
        rows = []
        for sec in self.sections.values():
            if sec.style != "appendix" or not re.search(r"nhiệm vụ", sec.heading, re.I):
                continue
            for row in self.children.get(sec.id, []):
                parts = [row.heading] + [
                    _TABLE_HEADER_RE.sub("", i.text) for i in self.items if i.section == row.id
                ]
                text = _HEADER_INSIDE_RE.sub(" ", " ".join(p for p in parts if p))
                rows.append((row, row.start, row.end, re.sub(r"\s+", " ", text).strip()))
        return rows

    def appendix_title(self, sec: Section) -> str:
        """An appendix's title: its heading, or the lines under a bare "Phụ lục IV" up to "(Kèm theo …)"."""
        if sec.heading.strip():
            return sec.heading
        head = self.text[sec.start:min(sec.end, sec.start + 400)]
        cut = re.search(r"\((?:Ban hành )?[Kk]èm theo", head)
        return head[:cut.start()] if cut else head[:200]

    def table_task(self, row: Section, start: int, end: int, text: str) -> Draft | None:
        words = text.split()
        found = [m for m in self.within(start, end) if self.text[m.start].isupper()]
        split = next((m for m in found if len(self.text[start:m.start].split()) >= 3), None)
        if split is None or not words:
            return None
        body_end = text.find(self.text[split.start:split.end])
        task_text, cell = text[:body_end].strip(), text[body_end:]
        first = self.text[split.start:split.end]
        after = cell[len(first):].strip()
        if task_text.count("(") > task_text.count(")") and after.endswith(")") and after[:1].islower():
            # a cell wrapped across a page break: its end came back after the agency
            task_text, cell = f"{task_text} {after}", first
        leads = []
        for m in found:
            if m.start >= split.start and self.text[m.start:m.end] in cell:
                leads.append(agency_name(m))
        task_text = re.sub(r"^\d{1,2}\.\s*", "", task_text)
        if not leads or not task_text:
            return None
        return Draft(row.id, task_text, start, end, leads[0], tuple(dict.fromkeys(leads)), "lead",
                     tuple(dict.fromkeys(leads)), (), "assigned", None)

    def linked_section(self, title: str) -> Section | None:
        """The body subsection an appendix row summarises (same title, give or take)."""
        best, score = None, 0.0
        matcher = SequenceMatcher(None)
        matcher.set_seq2(fold_key(title))  # difflib caches the second sequence: set it once
        for sec, heading in self._body_headings():
            matcher.set_seq1(heading)
            if matcher.real_quick_ratio() < 0.85 or matcher.quick_ratio() < 0.85:
                continue
            r = matcher.ratio()
            if r > score:
                best, score = sec, r
        return best if score >= 0.85 else None

    def _body_headings(self) -> list[tuple[Section, str]]:
        if not hasattr(self, "_headings"):
            self._headings = [
                (sec, fold_key(sec.heading.rstrip(" .:"))) for sec in self.sections.values()
                if not any(a.style == "appendix" for a in ancestors(self.sections, sec.id))]
        return self._headings

    def subtasks(self, parent_idx: int, parent: Draft, sec: Section) -> list[Draft]:
        out = []
        if not hasattr(self, "_chains"):  # once per document: a long text has thousands of items
            self._chains = [{s.id for s in ancestors(self.sections, i.section)} for i in self.items]
        for item, chain in zip(self.items, self._chains, strict=True):
            body = item_body(item)
            if sec.id in chain and not body.rstrip().endswith(":") and not _SKIP_RE.match(body):
                s = item.end - len(body)
                out.append(Draft(item.section, body, s, item.end, parent.owner, parent.owners, "lead",
                                 parent.lead, (), parent.kind, None, parent=parent_idx))
        return out

    def extract(self) -> list[Draft]:
        drafts: list[Draft] = []
        table_sections = set()
        for row, start, end, text in self.table_rows():
            table_sections.add(row.id)
            task = self.table_task(row, start, end, text)
            if task is None:
                continue
            drafts.append(task)
            linked = self.linked_section(task.text)
            if linked is not None:
                drafts.extend(self.subtasks(len(drafts) - 1, task, linked))
        lined, lined_spans = line_tables(self)  # tables read on the original's lines
        drafts = [d for d in drafts if not any(s <= d.start < e for s, e in lined_spans)]
        trailing, trailed = trailing_blocks(self)  # "1. Nội dung" then "2. Cơ quan chủ trì", "3. Thời gian"
        blocks, consumed = field_blocks(self)
        blocks = [d for d in blocks if d.section not in trailed] + trailing
        consumed |= trailed
        piped, rows = pipe_tables(self)
        rows += lined_spans
        blocks = [d for d in blocks if not any(s <= d.start < e for s, e in lined_spans)]
        piped = [d for d in piped if not any(s <= d.start < e for s, e in lined_spans)] + lined
        listed: set[str] = set()  # task lists read neither as a table nor as cells: their items are read
        for appendix in self.sections.values():
            if appendix.style == "appendix" and _TASK_LIST_RE.search(self.appendix_title(appendix)) and not any(
                    appendix.start <= d.start < appendix.end for d in drafts + piped):
                found = paragraph_tasks(self, appendix)  # a task list whose cells came out as paragraphs
                drafts.extend(found)
                if not found:
                    listed.add(appendix.id)
        rest = [d for d in blocks if d.section not in table_sections] + piped
        self.content_leads, contents = self._contents()
        spelled = self._spelled_parts()
        self.content_leads |= set(spelled.values())
        heads = [(sid, at, at + len(self.sections[sid].heading), self.sections[sid].heading)
                 for sid, at in spelled.items() if self.sections[sid].start <= at < self.sections[sid].start + 8]
        for sid, start, end, body in sorted(self.units() + heads, key=lambda u: u[1]):
            sec = self.sections.get(sid)
            if spelled.get(sid, start) != start and start > spelled[sid]:
                continue  # the parts of a task that announced them ("… theo 3 cấp độ:" then "a) …", "- …")
            if start in contents or sid in table_sections or sid in consumed or any(s <= start < e for s, e in rows) \
                    or (sec and (sec.style == CLOSING or sec.style == "appendix" and sid not in listed)):
                continue  # recipients ("Nơi nhận") are never owners; blocks and tables are done
            task = self.draft(sid, start, end, body)
            if task is not None:
                rest.extend(inline_items(self, task) or [task])  # "Bộ X: (1) …; (2) …": a task per number
        return without_repeats(drafts + sorted(rest, key=lambda d: d.start))
