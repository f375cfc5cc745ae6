"""Tasks: who owns which item of the task sections, in which role, with whom and by when."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from extract.agencies import GROUP_KIND, fold_key, group_agency, registry
from extract.records import Item, Mention, Section
from extract.segment import FRONT, ancestors, item_body

_TASK_HEAD_RE = re.compile(
    r"nhiệm vụ|giải pháp|tổ chức thực hiện|trách nhiệm|phân công|kiến nghị|danh mục nhiệm vụ", re.I)
_NOT_TASK_HEAD_RE = re.compile(
    r"^(?:mục tiêu|quan điểm|kinh phí|tầm nhìn)|tình hình triển khai nhiệm vụ|kết quả đạt được", re.I)
_RECOMMEND_RE = re.compile(r"kiến nghị|đề xuất", re.I)
_HEAD_PREFIX_RE = re.compile(r"^(?:đối với|trách nhiệm của|trách nhiệm|kiến nghị với|giao)\s+", re.I)
_HEAD_GROUP_RE = re.compile(r"^(?:các\s+)?(?:bộ|ngành|địa phương|cơ quan)(?:[ ,]+(?:bộ|ngành|địa phương|"
                            r"cơ quan|trung ương|và|liên quan))*$", re.I)
_SKIP_RE = re.compile(r"^(?:trên đây|nơi nhận|lưu:|như điều)", re.I)
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


@dataclass(frozen=True)
class Draft:
    """A task before ids are given: plain data, offsets in normalised text."""

    section: str
    text: str
    start: int
    end: int
    owner: str
    owners: tuple[str, ...]
    role: str
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    kind: str
    deadline: str | None
    parent: int | None = None


def agency_name(mention: Mention) -> str:
    """Canonical name of a mention (registry name, or the group's label)."""
    if mention.agency == GROUP_KIND:
        return group_agency(mention.text).name
    agency = registry().agencies.get(mention.agency)
    return agency.name if agency else mention.text


class TaskExtractor:
    """Extract tasks from one document's sections, items and agency mentions."""

    def __init__(self, text: str, sections: list[Section], items: list[Item],
                 mentions: list[Mention], doc_kind: str) -> None:
        self.text = text
        self.sections = {s.id: s for s in sections}
        self.children: dict[str, list[Section]] = {}
        for s in sections:
            self.children.setdefault(s.parent or FRONT, []).append(s)
        self.items = items
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.doc_kind = doc_kind

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    # -- scope ------------------------------------------------------------------------
    def in_scope(self, sid: str) -> bool:
        chain = [s for s in ancestors(self.sections, sid) if len(s.heading.split()) < 15]  # titles only
        if any(_NOT_TASK_HEAD_RE.search(s.heading) for s in chain):
            return False
        return any(_TASK_HEAD_RE.search(s.heading) for s in chain)

    def kind(self, sid: str) -> str:
        chain = ancestors(self.sections, sid)
        if self.doc_kind == "report" or any(_RECOMMEND_RE.search(s.heading) for s in chain):
            return "recommended"
        return "assigned"

    def heading_owners(self, sid: str) -> list[str]:
        """Agencies a heading names as the owner of what it contains ("1. Bộ Tài chính")."""
        for sec in ancestors(self.sections, sid):
            if sec.style == "appendix":
                continue
            head = sec.heading.rstrip(" :.")
            offset = self.text.index(head, sec.start) if head else sec.start
            prefix = _HEAD_PREFIX_RE.match(head)
            skip = prefix.end() if prefix else 0
            found = self.within(offset + skip, offset + len(head))
            if found and found[0].start - (offset + skip) <= 1:
                tail = self.text[found[-1].end:offset + len(head)]
                if len(tail.split()) <= 6:
                    return [agency_name(m) for m in found]
            rest = head[skip:]
            if _HEAD_GROUP_RE.match(rest):
                return [group_agency(rest).name]
        return []

    # -- items ------------------------------------------------------------------------
    def units(self) -> list[tuple[str, int, int, str]]:
        """(section, start, end, body) of every candidate task item, in order."""
        out = []
        with_items = {i.section for i in self.items}
        for item in self.items:
            body = item_body(item)
            out.append((item.section, item.end - len(body), item.end, body))
        for sec in self.sections.values():
            leaf = sec.id not in with_items and not self.children.get(sec.id)
            if leaf and len(sec.heading.split()) >= 6:
                start = self.text.index(sec.heading, sec.start)
                out.append((sec.id, start, start + len(sec.heading), sec.heading))
        return sorted(out, key=lambda u: u[1])

    def draft(self, sid: str, start: int, end: int, body: str) -> Draft | None:
        if not self.in_scope(sid) or _SKIP_RE.match(body) or body.rstrip().endswith(":"):
            return None
        found = self.within(start, end)
        subject = [m for m in found if m.start - start <= 1]
        skip = 0
        if subject:
            owners, skip = self._subject_list(found, subject[0], start)
        else:
            owners = self.heading_owners(sid)
        if not owners:
            return None
        role, lead, coop = self.roles(body, start, found, owners[0], skip)
        deadline = next((m.group(0) for p in _DEADLINES if (m := p.search(body))), None)
        return Draft(sid, body, start, end, owners[0], tuple(owners), role, lead, coop,
                     self.kind(sid), deadline)

    def _subject_list(self, found: list[Mention], first: Mention, start: int) -> tuple[list[str], int]:
        """The agencies an item opens with ("Bộ X, Bộ Y ...") and where they end."""
        names, last = [agency_name(first)], first
        for m in found[found.index(first) + 1:]:
            gap = self.text[last.end:m.start].strip()
            if gap not in (",", "và", ", và"):
                break
            names.append(agency_name(m))
            last = m
        return names, last.end - start

    def roles(self, body: str, start: int, found: list[Mention], owner: str,
              skip: int = 0) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """Owner role, lead and cooperating agencies; `skip` chars of subject come first."""
        low = body.lower()
        lead: list[str] = []
        owner_leads = False
        for m in re.finditer(r"chủ trì", low):
            before = [x for x in found if x.end <= start + m.start()
                      and not self.text[x.end:start + m.start()].strip(" ,")]
            if before and before[-1].start - start > skip:
                lead.append(agency_name(before[-1]))  # "giao cho Bộ X chủ trì": X leads
            else:
                owner_leads = True
        coop: list[str] = []
        for m in re.finditer(r"phối hợp(?: với)?", low):
            pos = start + m.end()
            for x in found:
                if x.start < pos:
                    continue
                if self.text[pos:x.start].strip(" ,") not in ("", "và", "các"):
                    break
                coop.append(agency_name(x))
                pos = x.end
        opening = low[skip:].lstrip(" ,")
        if owner_leads:
            role, lead = "lead", [owner] + lead
        elif opening.startswith(("phối hợp", "tham gia")):
            role = "cooperating"
        else:
            role = "responsible"
        return role, tuple(dict.fromkeys(lead)), tuple(dict.fromkeys(c for c in coop if c != owner))

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
        closing = min((i.start for i in self.items if re.match(r"^Nơi nhận", item_body(i))), default=len(self.text))
        for sid, start, end, body in self.units():
            if start >= closing:
                break  # the recipients list is not a list of task owners
            if sid in table_sections or self.sections.get(sid, None) and self.sections[sid].style == "appendix":
                continue
            task = self.draft(sid, start, end, body)
            if task is not None:
                drafts.append(task)
        return drafts
