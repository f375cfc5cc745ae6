"""Tasks written as a heading with field lines under it.

Plans of the genre often give each task as an item followed by fields rather than a sentence:
"a) Xây dựng Nghị định …" then "- Cơ quan chủ trì: Bộ X." / "- Cơ quan phối hợp: Bộ Y." /
"- Thời gian thực hiện: Năm 2026." / "- Sản phẩm: Nghị định …". The fields may be lettered
sub-headings or bullets. The heading is the task unless the block lists actions of its own
("+ Rà soát …"), which are then the tasks; a field "Cơ quan thực hiện:" followed by "- Bộ X:"
lines gives each named agency the actions below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.agencies import GROUP_KIND, fold_key, group_agency, registry
from extract.records import Mention, Section
from extract.segment import item_body
from extract.task_draft import Draft, agency_name

if TYPE_CHECKING:
    from extract.tasks import TaskExtractor

_FIELDS: list[tuple[str, re.Pattern[str]]] = [
    ("lead", re.compile(r"^(?:Cơ quan|Đơn vị)\s+chủ trì(?:\s+thực hiện)?|^Chủ trì(?:\s+thực hiện)?$", re.I)),
    ("cooperating", re.compile(r"^(?:Cơ quan|Đơn vị)\s+phối hợp(?:\s+thực hiện)?|^Phối hợp(?:\s+thực hiện)?$",
                               re.I)),
    ("responsible", re.compile(r"^(?:Cơ quan|Đơn vị)\s+(?:thực hiện|phụ trách|triển khai)"
                               r"|^Trách nhiệm(?: chỉ đạo)?(?: thực hiện| triển khai)?$", re.I)),
    ("deadline", re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ)\b", re.I)),
    ("product", re.compile(r"^(?:Sản phẩm|Kết quả)\b", re.I)),
    ("content", re.compile(r"^(?:Nội dung|Nhiệm vụ)$", re.I)),  # "a) Nhiệm vụ:" then the actions, "b) Cơ quan …"
    ("name", re.compile(r"^Tên (?:nhiệm vụ|đề án|nội dung)$", re.I)),  # "1. Tên nhiệm vụ: Xây dựng Đề án …"
]
_LABEL_RE = re.compile(r"^([^:]{2,40}?)\s*:\s*")
_OWNER_LINE_RE = re.compile(r":\s*$")


@dataclass(frozen=True)
class Cell:
    """A run of text naming bodies (a table cell, a field's value) and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Field:
    """One field line: its kind, value and where the value is in the normalised text."""

    kind: str
    value: str
    start: int
    end: int
    section: str


def parse_field(body: str, start: int, section: str) -> Field | None:
    """The field a line states ("Cơ quan chủ trì: Bộ X."), or None."""
    m = _LABEL_RE.match(body)
    if not m:
        return None
    label = m.group(1).strip()
    kind = next((k for k, p in _FIELDS if p.search(label)), None)
    if kind is None:
        return None
    value = body[m.end():].strip()
    return Field(kind, value, start + m.end(), start + len(body), section)


def deadline_text(value: str) -> str | None:
    """The deadline a time field gives: its first clause, without the final stop."""
    first = re.split(r";", value)[0].strip().rstrip(".").strip()
    return first or None


@dataclass
class Block:
    """A task block: the section whose fields describe it, and its action units."""

    section: Section
    fields: list[Field] = field(default_factory=list)
    actions: list[tuple[str, int, int, str, tuple[Mention, ...]]] = field(default_factory=list)
    members: set[str] = field(default_factory=set)  # sections whose units the block consumes
    wrapped: int = 0  # where the paragraph that follows the heading and goes on from it ends
    said: int = -1  # where that paragraph starts, when it names its own subject and only a time field follows


def _units_of(ex: TaskExtractor, sid: str) -> list[tuple[str, int, int, str]]:
    """(section, start, end, body) of the items directly in a section."""
    out = []
    for item in ex.items:
        if item.section == sid:
            body = item_body(item)
            out.append((sid, item.end - len(body), item.end, body))
    return out


def _heading_unit(ex: TaskExtractor, sec: Section) -> tuple[str, int, int, str]:
    head = sec.heading
    start = ex.text.index(head, sec.start) if head else sec.start
    return sec.id, start, start + len(head), head


def find_block(ex: TaskExtractor, sec: Section) -> Block | None:
    """The block a section opens when its own children state who does it."""
    block = Block(sec, members={sec.id})
    children = [c for c in ex.children.get(sec.id, []) if c.style in ("letter", "paren", "num")]
    lines = _units_of(ex, sec.id)
    field_sections: list[tuple[Field, Section]] = []
    for child in children:
        sid, start, _end, head = _heading_unit(ex, child)
        f = parse_field(head, start, sid)
        if f is not None:
            block.fields.append(f)
            field_sections.append((f, child))
    markers = {i.end: i.marker for i in ex.items if i.section == sec.id}
    paragraph = -1
    for sid, start, end, body in lines:
        f = parse_field(body, start, sid)
        if f is not None:
            block.fields.append(f)
        elif not markers.get(end) and not block.fields and not block.actions and sec.heading:
            block.wrapped, paragraph = end, start  # "a) Rà soát văn bản pháp luật" then "Rà soát, tổng hợp …"
        elif not body.rstrip().endswith(":"):
            block.actions.append((sid, start, end, body, ()))
    if not any(f.kind in ("lead", "responsible") for f in block.fields):
        if block.wrapped and not block.actions and not children and [f.kind for f in block.fields] == ["deadline"]:
            block.said = paragraph  # "2.2. Bước 2: Kiểm tra …" / "Ban Chỉ đạo … kiểm tra …" / "Thời gian hoàn tất: …"
            return block
        return None
    if len(field_sections) < len(children):
        return None  # some lettered children are tasks of their own: not a block
    block.members |= {c.id for c in children}
    for f, child in field_sections:
        if f.kind in ("lead", "responsible") and not f.value:
            inner = [parse_field(body, start, sid) for sid, start, _end, body in _units_of(ex, child.id)]
            if inner and all(inner):  # "b) Cơ quan thực hiện:" then "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …"
                block.fields.extend(x for x in inner if x is not None)
            else:
                block.actions.extend(_owned_actions(ex, child.id))
        elif f.kind == "content":  # "a) Nhiệm vụ: Rà soát …", or "a) Nhiệm vụ:" then "- Rà soát …", "- Xây dựng …"
            sid, start, end, head = _heading_unit(ex, child)
            block.actions.extend([(sid, start, end, head, ())] if f.value else
                                 [(*u, ()) for u in _units_of(ex, child.id) if not u[3].rstrip().endswith(":")])
    return block


def _owned_actions(ex: TaskExtractor, sid: str) -> list[tuple[str, int, int, str, tuple[Mention, ...]]]:
    """Actions under "- Bộ X:" lines of a field section, each with the agencies of its line."""
    out: list[tuple[str, int, int, str, tuple[Mention, ...]]] = []
    owners: tuple[Mention, ...] = ()
    for s, start, end, body in _units_of(ex, sid):
        if _OWNER_LINE_RE.search(body):
            owners = tuple(ex.within(start, end))
            continue
        out.append((s, start, end, body, owners))
    return out


# Where a cell lists bodies without a recognised name: a new name starts with the word a body's
# name starts with ("…, Cục Y, Viện Z").
_BODY_START_RE = re.compile(
    r",\s+(?=[A-ZĐ]{2,}\b|[Cc]ác\s+(?:[Bb]ộ|[Ss]ở|Ban|Cục|Vụ)[\s,]"
    r"|(?:Bộ|Cục|Vụ|Viện|Sở|Ủy ban|UBND|Trung tâm|Báo|Tạp chí|Tổng cục|Ban|Văn phòng|Thanh tra|"
    r"Ngân hàng|Đài|Thông tấn|Quỹ|Hội|Liên đoàn|Đoàn|Mặt trận|Công an|Kho bạc|Học viện|Trường|Tập đoàn"
    r"|Tổng công ty)\s)")


# What may follow a class of bodies inside its own name ("Các bộ, cơ quan ngang bộ", "các Bộ, ngành, địa phương").
_GROUP_TAIL_RE = re.compile(r"(?:\s*,\s*|\s+và\s+)(?:cơ quan ngang bộ|cơ quan thuộc Chính phủ|ngành|địa phương"
                            r"|(?:UBND|Ủy ban nhân dân) (?:các )?(?:tỉnh|cấp tỉnh)(?:, thành phố)?)", re.I)


def _group_run(ex: TaskExtractor, found: list[Mention], end: int) -> tuple[str, int] | None:
    """A group mention cut short of its name ("các bộ" of "Các bộ, cơ quan ngang bộ"): the whole name and
    where it ends, when only class words follow."""
    first = found[0]
    if first.agency != GROUP_KIND:
        return None
    pos = first.end
    while (m := _GROUP_TAIL_RE.match(ex.text, pos, end)) is not None:
        pos = m.end()
    if pos == first.end:
        return None
    return group_agency(ex.text[first.start:pos]).name, pos


# What a cell says the body does, after its name ("Cơ sở khám bệnh (trình cấp có thẩm quyền)").
_ACTION_TAIL_RE = re.compile(r"\s*\(?\s*\b(?:trình|chủ trì|phối hợp|thực hiện|đối với)\b.*$")
_BULLET_RE = re.compile(r"^\s*[-+•]\s+")
# Words that say how a body is to be chosen, not which ("Do Chủ tịch Hội đồng quyết định", "Tư vấn được lựa chọn").
_NOT_NAME_RE = re.compile(r"\bđược\b|^(?:Do|Theo|Tùy)\s", re.I)


def _whole_name(ex: TaskExtractor, m: Mention, piece: str, at: int) -> str | None:
    """A unit's name the recogniser cut before its lower-case words ("Vụ Vật liệu" of a cell "Vụ Vật liệu
    xây dựng"): in a cell of names, lower-case words up to the cell's end belong to the name."""
    if m.agency == GROUP_KIND or m.agency in registry().agencies:
        return None
    rest = ex.text[m.end:at + len(piece)].rstrip(" .,;")
    if not rest or not re.fullmatch(r"(?:\s+[a-zà-ỹđ]+){1,3}", rest):
        return None
    return f"{agency_name(m)}{rest}"


def body_names(ex: TaskExtractor, cell: Cell, groups: bool = True) -> list[str]:
    """The bodies a cell names: recognised names, else the cell's own words, one per body."""
    out: list[str] = []
    pieces = [p for part in re.split(r";|\s*/\s*(?=[A-ZĐ])", cell.text) for p in _BODY_START_RE.split(part)]
    pos = cell.start
    for piece in pieces:
        piece = _BULLET_RE.sub("", piece)  # "- Vụ Pháp chế; - Văn phòng Bộ."
        at = ex.text.find(piece, pos, cell.end + 1)
        at = pos if at < 0 else at
        found = ex.within(at, at + len(piece))
        if found and ex.text[at:found[0].start].strip().lower() in ("", "các"):
            if groups and (run := _group_run(ex, found, at + len(piece))) is not None:
                out.append(run[0])  # "Các bộ, cơ quan ngang bộ" is one class, not "các bộ"
                found = [m for m in found if m.start >= run[1]]
            if len(found) == 1 and (whole := _whole_name(ex, found[0], piece, at)):
                out.append(whole)
                found = []
            out.extend(merged_names(ex, [m for m in found if groups or not _generic(ex, m, at)]))
        else:
            name = _ACTION_TAIL_RE.sub("", re.sub(r"\s+", " ", piece)).strip(" .,;(")
            if name and not _NOT_NAME_RE.search(name) and \
                    (groups or not re.match(r"(?:các|những)\s|.*liên quan", name, re.I)):
                out.append(name)
        pos = at + len(piece)
    return list(dict.fromkeys(out))


def merged_names(ex: TaskExtractor, found: list[Mention]) -> list[str]:
    """Names of a run of mentions, where "Cục A và Cục B" is the one body "Cục A và B" that the
    document names elsewhere (a merged body written out as its former parts)."""
    known = ex.known_names()
    out: list[str] = []
    k = 0
    while k < len(found):
        name = agency_name(found[k])
        if k + 1 < len(found) and ex.text[found[k].end:found[k + 1].start].strip() == "và":
            first, second = name.split(), agency_name(found[k + 1]).split()
            if first[0] == second[0] and (one := known.get(fold_key(" ".join([*first, "và", *second[1:]])))):
                out.append(one)
                k += 2
                continue
        out.append(name)
        k += 1
    return out


def _generic(ex: TaskExtractor, m: Mention, since: int) -> bool:
    """A partner named only as a catch-all ("các đơn vị có liên quan thuộc Bộ X") is not listed."""
    cut = max(ex.text.rfind(",", since, m.start) + 1, ex.text.rfind(" và ", since, m.start) + 4)
    before = ex.text[max(since, cut):m.start]  # "các cơ quan liên quan và UBND TP X": X is named
    return m.agency == GROUP_KIND or "liên quan" in before


def _names(ex: TaskExtractor, f: Field | None, groups: bool = True) -> list[str]:
    if f is None:
        return []
    return body_names(ex, Cell(f.value, f.start, f.end), groups)


def block_drafts(ex: TaskExtractor, block: Block) -> list[Draft]:
    """The tasks of a block, each with the block's owner, partners, deadline and product."""
    by = {f.kind: f for f in reversed(block.fields)}  # the first field of each kind wins
    owner_field = by.get("lead") or by.get("responsible")
    role = "lead" if "lead" in by else "responsible"
    leads = _names(ex, owner_field)
    coop = _names(ex, by.get("cooperating"), groups=False)
    deadline = deadline_text(by["deadline"].value) if "deadline" in by else None
    product = by["product"].value.rstrip(".") if "product" in by and by["product"].value else None
    kind = ex.kind(block.section.id)
    named = [(f.section, f.start, f.end, f.value, ()) for f in block.fields if f.kind == "name" and f.value]
    sid, start, end, head = _heading_unit(ex, block.section)
    if block.wrapped > end:
        end, head = block.wrapped, ex.text[start:block.wrapped]
    units = block.actions or named[:1] or [(sid, start, end, head, ())]
    if block.said >= 0:  # the paragraph names who does what the heading says; the time field says by when
        said = ex.draft(sid, block.said, block.wrapped, ex.text[block.said:block.wrapped])
        return [] if said is None else [Draft(sid, head, start, end, said.owner, said.owners, said.role, said.lead,
                                              said.cooperating, kind, deadline or said.deadline)]
    out = []
    for sid, start, end, body, own in units:
        names = list(dict.fromkeys(agency_name(m) for m in own)) or leads
        if not names:
            continue
        cooperating = tuple(c for c in coop if c not in names)
        own_role = "lead" if own and body.lower().startswith("chủ trì") else role  # "+ Chủ trì …" under "- Bộ X:"
        out.append(Draft(sid, body, start, end, names[0], tuple(names), own_role,
                         tuple(names) if own_role == "lead" else (), cooperating, kind, deadline, product=product))
    return out


def field_blocks(ex: TaskExtractor) -> tuple[list[Draft], set[str]]:
    """Tasks of every field block, and the sections they consume."""
    drafts: list[Draft] = []
    consumed: set[str] = set()
    for sec in ex.sections.values():
        if sec.id in consumed:
            continue
        block = find_block(ex, sec)
        if block is None:
            continue
        drafts.extend(block_drafts(ex, block))
        consumed |= block.members
    return drafts, consumed
