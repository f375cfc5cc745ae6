"""Segment normalised text into a section tree and leaf items (bullets, paragraphs).

Heading styles of the genre rank from outer to inner: appendix, chapter, part, article
("Điều 1.") or a lettered part in capitals ("A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG …"), Roman ("IV."),
numbered ("1." then "2.1." ...), lettered ("a)", "đ)"), and parenthesised numbers ("1)"). Markdown
hashes are ignored for ranking because converted reports use them inconsistently ("## 2) Bộ Tài chính"
beside "##### 1) Bộ Kế hoạch ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.normalize import is_row
from extract.records import Item, Section

FRONT = "front"
CLOSING = "closing"  # style of the "Nơi nhận" block: recipients, archive, signer

# "Nơi nhận:" opens the closing block (also inside a table row of a DOCX two-column footer).
# A signer's formula alone on its line ("TM. CHÍNH PHỦ", "KT. BỘ TRƯỞNG") opens it where the gazette left out
# the recipients.
_CLOSING_RE = re.compile(r"^(?:\|\s*)?Nơi nhận\s*:?", re.I)
_SIGNER_RE = re.compile(r"^(?:TM|KT|TL|TUQ)\.\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]+$")
# What starts an attached text after a closing block: a new header (motto, the kind in
# capitals) or the line that says it is attached ("Kèm theo Quyết định số …").
_ATTACHED_RE = re.compile(
    r"^(?:\|\s*)?(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|CHIẾN LƯỢC|QUY CHẾ|"
    r"QUY ĐỊNH|DANH MỤC|PHƯƠNG ÁN)(?:\s|$)|\(?\s*(?:Ban hành )?[Kk]èm theo)")

_STYLES: list[tuple[str, re.Pattern[str]]] = [
    # "PHỤ LỤC I: …", "Phụ lục 2 …", "PHỤ LỤC CÁC NHIỆM VỤ …" (no number: "CÁC" is not a numeral).
    ("appendix", re.compile(r"^(?:Phụ lục|PHỤ LỤC)(?:\s*([IVXLC]+|\d+)(?![^\s:.\-]))?\s*[:.\-]?\s*(.*)$")),
    ("chapter", re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC\d]+)\s*[:.\-]?\s*(.*)$")),
    ("part", re.compile(r"^(?:Mục|MỤC)\s+(\d+)\s*[:.\-]?\s*(.*)$")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+)\s*[:.]?\s*(.*)$")),
    # "A. MỤC ĐÍCH, YÊU CẦU", "B. NHIỆM VỤ …", "D. TỔ CHỨC THỰC HIỆN": parts above the Roman sections, written in
    # capitals; not the Roman numerals I, V, X, L ("C." of a part is read before the Roman hundred)
    ("letterpart", re.compile(r"^([A-HĐ])\.\s+([A-ZĐÀ-Ỹ].*)$")),
    ("roman", re.compile(r"^([IVXLC]+)(?:\.|-(?=\s))\s+(.*)$")),  # "II. …"; Party texts write "II- …"
    ("num", re.compile(r"^(\d{1,2}(?:\.\d{1,2})*|[1-9]\d{2})\.\s+(.*)$|^(\d{1,2}(?:\.\d{1,2})+)\s+(.*)$")),
    ("letter", re.compile(r"^([a-zđ])[\)\.]\s+(.*)$")),
    ("paren", re.compile(r"^(\d{1,2})\)\s*(.*)$")),
]
_RANK = {"appendix": 0, "chapter": 1, "part": 2, "article": 3, "letterpart": 3, "roman": 4, "letter": 20, "paren": 21}
_INLINE_ENUM_RE = re.compile(r"^\((?:i{1,3}|iv|v|vi{0,3}|1|a)\)\s")  # first of "(i) … (ii) …"
# A field line ("Trách nhiệm chỉ đạo thực hiện: …", "Cơ quan chủ trì: …") never continues a bullet.
_FIELD_LINE_RE = re.compile(r"^(?:Cơ quan|Đơn vị|Trách nhiệm|Thời gian|Thời hạn|Tiến độ|Sản phẩm)\b[^:]{0,40}:")
_TASK_LIST_RE = re.compile(r"^DANH MỤC (?:CÁC )?(?:NHIỆM VỤ|ĐỀ ÁN|CHƯƠNG TRÌNH)")
# A markdown heading in capitals that opens with a section's name is a section even without a number
# ("# NHIỆM VỤ TRỌNG TÂM", "# GIẢI PHÁP"); other large lines (issuer, kind, a wrapped title) stay text.
_SECTION_NAME_RE = re.compile(
    r"(?:MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU|QUAN ĐIỂM|NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|KINH PHÍ|TRÁCH NHIỆM|PHÂN CÔNG|"
    r"KẾT QUẢ|ĐÁNH GIÁ|TỒN TẠI|KIẾN NGHỊ|ĐỀ XUẤT|SỰ CẦN THIẾT|THỰC TRẠNG|TÌNH HÌNH|NỘI DUNG|PHƯƠNG HƯỚNG)\b")
_BULLET_RE = re.compile(r"^([-+•])\s*(.*)$", re.S)
_ID_PREFIX = {"appendix": "PL", "chapter": "C", "part": "M", "article": "D"}


@dataclass(frozen=True)
class Heading:
    style: str
    label: str
    text: str
    rank: int


def _md_title(line: str) -> bool:
    """A markdown heading in capitals that opens with a section's name, not a header line set large."""
    return line.isupper() and len(line) <= 100 and _SECTION_NAME_RE.match(line) is not None


def classify(line: str) -> Heading | None:
    """The heading style of a normalised line, or None for bullets and paragraphs."""
    for style, pattern in _STYLES:
        m = pattern.match(line)
        if not m:
            continue
        groups = [g for g in m.groups() if g is not None] if style == "num" else [m.group(1) or "", m.group(2)]
        label, text = (groups + ["", ""])[:2]
        if style == "letterpart" and not text.isupper():
            continue  # "C. Nguyễn Văn A", "B. Bộ Tài chính": a part's title is in capitals
        if style == "appendix" and text[:1].islower():
            return None  # "Phụ lục 2 kèm theo Chương trình …; tổ chức …": a sentence that cites the appendix
        if style == "num":
            rank = 4 + label.count(".") + 1
        elif style == "appendix":
            rank, label = 0, label or "1"
        else:
            rank = _RANK[style]
        return Heading(style, label, text.strip(), rank)
    return None


@dataclass
class _Open:
    section_id: str
    label: str
    rank: int
    start: int


def _section_id(parent: _Open | None, head: Heading, taken: set[str]) -> str:
    label = _ID_PREFIX.get(head.style, "") + head.label
    if parent is None:
        sid = label
    elif "." in head.label and head.label.startswith(parent.label + "."):
        # "4.2.1" under "IV.4.2" reads "IV.4.2.1", not "IV.4.2.4.2.1".
        sid = parent.section_id[: len(parent.section_id) - len(parent.label)] + head.label
    else:
        sid = f"{parent.section_id}.{label}"
    base, k = sid, 2
    while sid in taken:
        sid, k = f"{base}~{k}", k + 1
    taken.add(sid)
    return sid


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def segment(text: str, md_levels: dict[int, int] | None = None) -> tuple[list[Section], list[Item]]:
    """Sections (with headings) and items, in document order; `md_levels` gives the markdown heading
    lines by their start: one in capitals is a section even without a number ("# GIẢI PHÁP")."""
    md_levels = md_levels or {}
    sections: list[Section] = []
    items: list[Item] = []
    stack: list[_Open] = []
    taken: set[str] = {FRONT}
    ends: dict[str, int] = {}
    counters: dict[str, int] = {}

    def current() -> str:
        return stack[-1].section_id if stack else FRONT

    def close_all(at: int) -> None:
        while stack:
            ends[stack.pop().section_id] = at - 1

    closing = False
    for start, end, line in _lines(text):
        if not line:
            continue
        head = classify(line)
        if head is None and _TASK_LIST_RE.match(line) and not any(o.rank == 0 for o in stack):
            head = Heading("appendix", "1", line, 0)  # "DANH MỤC NHIỆM VỤ …" heads a task table like an appendix
        if head is None and start in md_levels and (_md_title(line) or any(o.label == "H" for o in stack)):
            head = Heading("md", "H", line, 3 + md_levels[start])  # below a named one, any markdown heading
        if _CLOSING_RE.match(line) or (not closing and _SIGNER_RE.match(line)):
            # The recipients block ends the promulgating text; what follows is an attachment.
            close_all(start)
            sid = _section_id(None, Heading(CLOSING, "NN", "Nơi nhận", -1), taken)
            sections.append(Section(sid, "NN", CLOSING, "Nơi nhận", 1, None, start, end))
            stack.append(_Open(sid, "NN", -1, start))
            closing = True
        elif closing and (head is not None or _ATTACHED_RE.match(line)):
            close_all(start)
            closing = False
        if closing:
            counters[current()] = counters.get(current(), 0) + 1
            items.append(Item(current(), counters[current()], "", line, start, end))
            continue
        if head is not None:
            while stack and stack[-1].rank >= head.rank:
                ends[stack.pop().section_id] = start - 1
            parent = stack[-1] if stack else None
            sid = _section_id(parent, head, taken)
            level = len(stack) + 1
            sections.append(
                Section(sid, head.label, head.style, head.text, level,
                        parent.section_id if parent else None, start, end)
            )
            stack.append(_Open(sid, head.label, head.rank, start))
            continue
        sid = current()
        bullet = _BULLET_RE.match(line)
        prev = items[-1] if items else None
        inline = _INLINE_ENUM_RE.match(line) is not None
        if prev is not None and prev.section == sid and (inline or bullet is None and prev.marker
                                                         and not prev.text.endswith(":") and not line.endswith(":")
                                                         and not _FIELD_LINE_RE.match(line) and not is_row(line)):
            # "(i) …; (ii) …" after a lead sentence is the same item, not a task of its own.
            # A paragraph right after a bullet continues it (PDF text breaks at sentence ends); a table row does not.
            items[-1] = Item(prev.section, prev.index, prev.marker, text[prev.start:end],
                             prev.start, end, prev.depth)
            continue
        counters[sid] = counters.get(sid, 0) + 1
        marker = bullet.group(1) if bullet else ""
        items.append(Item(sid, counters[sid], marker, line, start, end, 1 if marker == "+" else 0))
    for open_ in stack:
        ends[open_.section_id] = len(text)
    sections = [
        Section(s.id, s.label, s.style, s.heading, s.level, s.parent, s.start, ends.get(s.id, s.end))
        for s in sections
    ]
    return sections, items


def item_body(item: Item) -> str:
    """The item's text without its bullet marker."""
    m = _BULLET_RE.match(item.text)
    return m.group(2) if m and item.marker else item.text


def ancestors(sections: dict[str, Section], sid: str) -> list[Section]:
    """The section and its ancestors, innermost first."""
    out = []
    while sid in sections:
        out.append(sections[sid])
        sid = sections[sid].parent or ""
    return out
