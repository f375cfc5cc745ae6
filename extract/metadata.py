"""Document metadata from the header when a document has no manifest entry.

Headers come in many layouts: the issuer block and the national motto as two columns joined on
one line (by spaces, tabs or `|`), or one after the other; markdown emphasis and headings; a
number with spaces ("Số: 134 /KH-UBND"); the title in capitals or on lower-case, wrapped lines.
"""

from __future__ import annotations

import html
import re

from extract.agencies import registry
from extract.flat_cells import site_frame, unwrap
from extract.legal_ids import parse_number
from extract.normalize import fold_text
from extract.preamble import from_preamble

KIND_WORDS: dict[str, str] = {
    "CHIẾN LƯỢC": "strategy", "CHƯƠNG TRÌNH HÀNH ĐỘNG": "programme", "CHƯƠNG TRÌNH": "programme", "ĐỀ ÁN": "programme",
    "KẾ HOẠCH": "plan", "BÁO CÁO": "report", "QUYẾT ĐỊNH": "decision", "NGHỊ QUYẾT": "resolution",
    "NGHỊ ĐỊNH": "decree", "THÔNG TƯ": "circular", "CHỈ THỊ": "directive", "LUẬT": "law",
    "TỜ TRÌNH": "submission", "THÔNG BÁO": "notice", "CÔNG VĂN": "letter", "KẾT LUẬN": "conclusion",
}
_ISSUERS = [
    "THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ", "QUỐC HỘI", "BỘ CHÍNH TRỊ", "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "VĂN PHÒNG CHÍNH PHỦ",
]
_ISSUER_RE = re.compile(r"^(?:BỘ|ỦY BAN|UBND|SỞ|BAN|ĐẢNG|TỈNH|THÀNH PHỐ|HỘI ĐỒNG|VĂN PHÒNG|TỔNG CỤC|CỤC)\b")
# the motto, also its second half when the column wrapped ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"), and the Party's
_MOTTO_RE = re.compile(r"CỘNG HÒA XÃ HỘI|CHỦ NGHĨA VIỆT NAM$|Độc lập\s*-|ĐỘC LẬP\s*-|^ĐẢNG CỘNG SẢN VIỆT NAM$", re.I)
_MOTTO_START_RE = re.compile(r"(?<=\S)\s+(?=CỘNG HÒA XÃ HỘI CHỦ NGHĨA)")
_PROVINCE_RE = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UBND|ĐẢNG BỘ)\s+(TỈNH|THÀNH PHỐ)\s+(.+)$")
_COMMITTEE_RE = re.compile(r"^(?:TỈNH ỦY|THÀNH ỦY|BAN THƯỜNG VỤ TỈNH ỦY|BAN THƯỜNG VỤ THÀNH ỦY)$")
_SIGNER_RE = re.compile(r"^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỐNG ĐỐC|CHÍNH PHỦ|"
                        r"ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ CHÍNH TRỊ|BAN CHẤP HÀNH|QUỐC HỘI)\b")
# The issuer's own line under the body it belongs to ("BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI",
# "ĐẢNG ỦY CHÍNH PHỦ / VĂN PHÒNG"); a bare unit word is that body's unit.
_UNIT_LINE_RE = re.compile(r"^(?:ĐẢNG ĐOÀN|ĐẢNG (?:ỦY|UỶ)|BAN|VĂN PHÒNG|TỔNG CỤC|CỤC|VỤ|VIỆN|TRUNG TÂM|THANH TRA)\b")
_BARE_UNIT_RE = re.compile(r"^(?:VĂN PHÒNG|THANH TRA|BAN THƯỜNG VỤ|THƯỜNG TRỰC)$")
_CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_DECOR_RE = re.compile(r"\*+|^#{1,6}\s*|-{3,}|_{3,}|^\[|\]$")
_NUMBER_RE = re.compile(r"^Số\s*:?\s*(\d+(?:\s*[/\-]\s*[\wĐđ&.]+)+)")
_BLANK_NUMBER_RE = re.compile(r"^Số\s*:?[\s.…_]*([/\-][A-Za-zĐđ&]+(?:[/\-][\wĐđ&.]+)+)\s*$")
_PARTIAL_DATE_RE = re.compile(r"tháng\s+(\d{1,2})?\s*năm\s+(\d{4})")
# A dateline after the number on one line: a capitalised place, a comma, the full date.
_INNER_DATELINE_RE = re.compile(
    r"(?<=\s)[A-ZĐÀ-Ỹ][^\d,;:()/|]{1,38},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
# The dateline: a place, a comma, then the date ("Hà Nội, ngày 17 tháng 4 năm 2020").
_DATELINE_RE = re.compile(r"^[^\d,;:()]{2,40},\s*(?=ngày(?:\s|$))")
_ATTACHED_RE = re.compile(
    r"\(?(?:Ban hành )?[Kk]èm theo (Quyết định|Nghị quyết|Nghị định|Thông tư)\s+(?:số\s+)?(\S+)")
_SYMBOL_RE = re.compile(r"\d+(?:/\d{4})?[/\-][A-ZĐ]|\b(?:Luật|Hiến pháp)\b")
# "Dự thảo 2"; a blank number alone says nothing (signed digitally, the number is in the signature)
_DRAFT_RE = re.compile(r"^\(?\s*(?:Dự thảo|DỰ THẢO)\b")
_SUBJECT_RE = re.compile(r"^V/v:?\s+(.+)$")  # a letter's subject line instead of a kind and title
_TITLE_STOP_RE = re.compile(r"^(?:Căn cứ|Số\s*:|\(|Kính gửi|Theo đề nghị)")


# Names that keep their capital in a sentence: kinds of a cited document ("Nghị định số …"), the
# Government, the Prime Minister, the Party's bodies.
_PROPER_RE = re.compile(r"\b(?:(?:nghị định|nghị quyết|quyết định|chỉ thị|thông tư|kết luận|luật)(?= số\b)"
                        r"|chính phủ|thủ tướng|quốc hội|bộ chính trị|ban chấp hành trung ương|ban bí thư"
                        r"|ban thường vụ tỉnh ủy|tỉnh ủy|ủy ban nhân dân|hội đồng nhân dân|mặt trận tổ quốc)")
_PROPER = {"bộ chính trị": "Bộ Chính trị", "ban chấp hành trung ương": "Ban Chấp hành Trung ương",
           "ban bí thư": "Ban Bí thư", "ban thường vụ tỉnh ủy": "Ban Thường vụ Tỉnh ủy", "tỉnh ủy": "Tỉnh ủy",
           "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
           "mặt trận tổ quốc": "Mặt trận Tổ quốc"}


def _date(m: re.Match[str]) -> str:
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _sentence_case(text: str) -> str:
    """A title in capitals as a sentence; symbols ("13/CT-TTg") keep their capitals."""
    if not _is_caps(text):
        return text
    words = [w if any(c.isdigit() for c in w) else w.lower() for w in text.split()]
    out = " ".join(words)
    out = _PROPER_RE.sub(lambda m: _PROPER.get(m.group(0)) or m.group(0)[:1].upper() + m.group(0)[1:], out)
    return out[:1].upper() + out[1:]


def cells(line: str) -> list[str]:
    """The columns of a header line, without markdown emphasis, rules or table pipes."""
    line = _MOTTO_START_RE.sub(" | ", line)  # "CHÍNH PHỦ CỘNG HÒA XÃ HỘI …": two columns, one space
    parts = (_DECOR_RE.sub("", p).strip() for p in _CELL_SPLIT_RE.split(line.strip()))
    return [p for p in parts if p]


def _page(text: str) -> tuple[str, dict[str, str]]:
    """The document's text without the site's frame above it, and the frame's fields."""
    lines = text.split("\n")
    start, frame = site_frame(lines)
    return "\n".join(lines[start:]), frame


def header_lines(text: str, limit: int = 60) -> list[list[str]]:
    """The first lines of a document as cells, blank lines kept as empty lists; a cell wrapped over
    lines ("**VĂN PHÒNG CHÍNH" / "PHỦ**") is one line."""
    head = "\n".join(text.split("\n")[:2 * limit])
    if _TAG_RE.search(head):
        head = _from_html(head)
    return [cells(fold_text(ln)) for ln in unwrap(head.split("\n"))[:limit]]


_TAG_RE = re.compile(r"<(?:table|tr|td|th|p|br|div|b|i|strong|em|span|h\d)\b[^>]*>", re.I)


def _from_html(text: str) -> str:
    """A header kept as HTML: table cells become columns, paragraphs and breaks lines, tags go."""
    text = re.sub(r"</t[dh]>", " | ", text, flags=re.I)
    text = re.sub(r"<br\s*/?>|</p>|</tr>|</div>|</h\d>", "\n", text, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _before_motto(row: list[str]) -> list[str]:
    """The cells of the left column: those before the motto's."""
    k = next((i for i, c in enumerate(row) if _MOTTO_RE.search(c)), len(row))
    return row[:k] if k else []


def _issuer(rows: list[list[str]]) -> str | None:
    """The issuer: the left column's capitals above the number, joined when they wrap."""
    block: list[str] = []
    for row in rows:
        if row and (row[0].startswith("Số") or row[0].upper() in KIND_WORDS):
            break
        # "ỦY BAN NHÂN DÂN   TỈNH X | CỘNG HÒA …"; an issuer's name has no digits (a capitalised note
        # above the header names a symbol and a date)
        left = " ".join(c for c in _before_motto(row) if _is_caps(c) and not re.search(r"\d", c))
        if left:
            block.append(left.strip(" :"))
    reg = registry()
    place = next((m for b in block[:-1] if (m := _PROVINCE_RE.match(b))), None)
    if place and len(block) > 1 and block[-1].startswith("SỞ") and (dept := reg.resolve(block[-1])):
        # "ỦY BAN NHÂN DÂN TỈNH X / SỞ Y": the province's department, not the class of all of them
        return f"{dept.name} {place.group(1).lower()} {place.group(2).title()}"
    if place and len(block) > 1 and (_COMMITTEE_RE.match(block[-1]) or re.search(r"\s(?:TỈNH|THÀNH PHỐ)$", block[-1])):
        # "ĐẢNG BỘ TỈNH X / TỈNH ỦY", "… / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH": a body of that province
        return _place_names(_sentence_case(f"{block[-1]} {place.group(2)}"))
    if len(block) > 1 and _UNIT_LINE_RE.match(block[-1]) and reg.resolve(" ".join(block)) is None:
        if _BARE_UNIT_RE.match(block[-1]):
            upper = reg.resolve(" ".join(block[:-1]))
            name = f"{_sentence_case(block[-1])} {upper.name if upper else _sentence_case(' '.join(block[:-1]))}"
        else:
            name = _place_names(_sentence_case(block[-1]))
        return known.name if (known := reg.resolve(name)) is not None else name
    for cand in [" ".join(block), *block[::-1], *(" ".join(block[k:]) for k in range(1, len(block)))]:
        if not cand:
            continue
        agency = reg.resolve(cand)
        if agency is not None:
            return agency.name
    first = next((b for b in block if b in _ISSUERS or _ISSUER_RE.match(b)), None)
    return _place_names(_sentence_case(" ".join(block))) if first else None


def _place_names(name: str) -> str:
    """A province at the end of a name keeps its capitals: "Tỉnh ủy lào cai" -> "Tỉnh ủy Lào Cai"."""
    words = name.split()
    for k in (3, 2, 1):
        place = registry().resolve(" ".join(words[-k:])) if len(words) > k else None
        if place is not None and place.kind in ("province", "city"):
            return " ".join([*words[:-k], place.name.removeprefix("Thành phố ")])
    return name


def _number_and_date(rows: list[list[str]]) -> tuple[str | None, str | None]:
    number = date = fallback = None
    dateline = False
    for row in rows:
        line = " ".join(row)
        if _DATELINE_RE.match(line) or any(_DATELINE_RE.match(c) for c in row):
            dateline = True  # "Lào Cai, ngày   tháng 8 năm 2026": the day left blank is not another date
        for k, cell in enumerate(row):
            if number is None and re.fullmatch(r"Số\s*:?\s*\d+", cell) and k + 1 < len(row) and \
                    re.match(r"[/\-]\S", row[k + 1]):
                cell = f"{cell}{row[k + 1]}"  # "Số: 904    /BC-SNNMT": wide spaces cut the number into two cells
            if number is None and (m := _NUMBER_RE.match(cell)):
                number = re.sub(r"\s+", "", m.group(1)).rstrip(".")
            if date is None and _DATELINE_RE.match(cell) and (d := _DATE_RE.search(cell)):
                date = _date(d)
            if date is None and (d := _INNER_DATELINE_RE.search(cell)):
                date = _date(d)  # "Số: 127/QĐ-TTg Hà Nội, ngày 26 tháng 01 năm 2021": two columns on one line
            d = _DATE_RE.search(cell)
            if fallback is None and d and (_ATTACHED_RE.search(cell) or not _SYMBOL_RE.search(cell[:d.start()])):
                fallback = _date(d)  # a date after a cited symbol is the cited document's
        if date is None and (d := _INNER_DATELINE_RE.search(f" {line}")):
            date = _date(d)  # "Lào Cai, ngày    30   tháng 9 năm 2026": wide spaces cut the dateline into cells
    return number, date or (None if dateline else fallback)


def _blank_number(rows: list[list[str]]) -> tuple[int, str] | None:
    """(row, symbol suffix) of a number line left blank for the signature: "Số:      /BC-SNNMT" -> "/BC-SNNMT"."""
    for k, row in enumerate(rows):
        if m := _BLANK_NUMBER_RE.match(" ".join(row)):
            return k, m.group(1)
    return None


def _partial_dateline(rows: list[list[str]]) -> tuple[int | None, int | None]:
    """(month, year) a dateline gives when its day is blank ("ngày   tháng 8 năm 2026" -> 8, 2026)."""
    for row in rows:
        at = next((k for k, cell in enumerate(row) if _DATELINE_RE.match(cell)), None)
        if at is None and _DATELINE_RE.match(" ".join(row)):
            at = 0
        if at is not None and (m := _PARTIAL_DATE_RE.search(" ".join(row[at:]))):
            return (int(m.group(1)) if m.group(1) else None), int(m.group(2))
    return None, None


def _blank_day_date(rows: list[list[str]]) -> str | None:
    """What a dateline left blank for the signature still tells: "ngày   tháng   năm 2026" -> "2026"."""
    month, year = _partial_dateline(rows)
    if year is None:
        return None
    return f"{year}-{month:02d}" if month else str(year)


def _noted(rows: list[list[str]]) -> tuple[str | None, str | None]:
    """Number and date that a note above a signed document's header gives when the header leaves them blank.

    Text taken from a digitally signed PDF loses the number and day (they sit in the signature
    fields); whoever converted it often writes them in a note above the header ("[… BC 892/BC-SNNMT
    ngày 28/8/2026 …]"). Only a symbol with the blank number's own suffix, and a date that agrees
    with what the dateline still shows, are taken.
    """
    blank = _blank_number(rows)
    if blank is None:
        return None, None
    at, suffix = blank
    month, year = _partial_dateline(rows)
    symbol_re = re.compile(rf"(?<![\d/.-])(\d+){re.escape(suffix)}(?![\w/-])", re.I)
    for row in rows[:at]:
        line = " ".join(row)
        for m in symbol_re.finditer(line):
            d = _DATE_RE.search(line.lower(), m.end(), m.end() + 30)
            if d is None:
                continue
            iso = _date(d)
            if (year and int(iso[:4]) != year) or (month and int(iso[5:7]) != month):
                continue
            return m.group(1) + suffix, iso
    return None, None


def _kind_and_title(rows: list[list[str]]) -> tuple[str | None, str | None]:
    """The document's kind (the first kind word in capitals) and the title under it."""
    for k, row in enumerate(rows):
        line = " ".join(row)
        word = next((w for w in KIND_WORDS if line.upper().startswith(w) and _is_caps(line)), None)
        if word is None or line.rstrip(":") != line and line.rstrip(":").strip() == word:
            continue  # "QUYẾT ĐỊNH:" opens the operative part, it is not the header's kind line
        parts = [line[len(word):].strip()] if line[len(word):].strip() else []
        after = next((" ".join(r) for r in rows[k + 1:k + 3] if r), "")  # a blank line may part kind and title
        caps = bool(parts) or _is_caps(after)
        for nxt in rows[k + 1:k + 6]:
            text = " ".join(nxt)
            if not text:
                if parts:
                    break
                continue
            if len(parts) == 1 and caps and parts[0].startswith("CỦA ") and not _is_caps(text):
                caps = False  # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / Về …": the subject follows in lower case
            if _TITLE_STOP_RE.match(text) or _MOTTO_RE.search(text) or _is_caps(text) != caps \
                    or _SIGNER_RE.match(text) or (parts and text.endswith(":")):
                break
            parts.append(text)
        if len(parts) > 1 and parts[0].startswith("CỦA ") and not caps:  # "CỦA BỘ CHÍNH TRỊ" then "Về …"
            parts = [_sentence_case(parts[0]), parts[1][:1].lower() + parts[1][1:], *parts[2:]]
        title = _sentence_case(" ".join(parts)) if parts else ""
        kind_word = word[:1] + word[1:].lower()
        return KIND_WORDS[word], f"{kind_word} {title[:1].lower()}{title[1:]}".strip() if title else None
    return None, None


_OF_RE = re.compile(r"^\S+(?:\s+\S+){0,3}?\s+của\s+(.+?)(?:\s+(?:về|trong|thực hiện|triển khai)\b|[,;:]|$)")


def _titled_issuer(title: str | None, header: str | None) -> str | None:
    """The body a title names as its author: "Nghị quyết của Bộ Chính trị về …" under the Central
    Committee's header, "Chỉ thị của Ban Thường vụ Tỉnh ủy …" under the provincial committee's."""
    m = _OF_RE.match(title or "")
    if m is None:
        return None
    name = m.group(1)
    if (known := registry().resolve(name)) is not None and known.kind not in ("province", "city"):
        return known.name
    if re.fullmatch(r"Ban Thường vụ (?:Tỉnh|Thành) ủy", name) and (m := re.match(r"^(?:Tỉnh|Thành) ủy (.+)$",
                                                                                 header or "")):
        return f"{name} {m.group(1)}"  # the Standing Committee of the province's Party committee
    return None


# The authority a decision is taken by, on its line above "Căn cứ …" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
# "BỘ TRƯỞNG BỘ TÀI CHÍNH", "THỦ TƯỚNG CHÍNH PHỦ"): the issuer when the header's column is unreadable.
_AUTHORITY_RE = re.compile(r"^\W*(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỐNG ĐỐC|TRƯỞNG BAN|CHỦ NHIỆM)\s+"
                           r"(?P<body>[A-ZĐÀ-Ỹ][^\n]{3,80}?)\W*$|^\W*(?P<pm>THỦ TƯỚNG CHÍNH PHỦ)\W*$", re.M)


def _authority(text: str) -> str | None:
    """The issuer named by the authority line above the first "Căn cứ"."""
    cut = text.find("Căn cứ")
    if cut < 0:
        return None
    m = next(reversed(list(_AUTHORITY_RE.finditer(text, 0, cut))), None)  # the last such line before "Căn cứ"
    if m is None or not m.group(0).isupper():
        return None
    if m.group("pm"):
        return "Thủ tướng Chính phủ"
    body = m.group("body").strip()
    known = registry().resolve(body)
    return known.name if known is not None else _place_names(_sentence_case(body))


# "TM. CHÍNH PHỦ", "TM. ỦY BAN NHÂN DÂN": the signer signs on behalf of the issuing body
_ON_BEHALF_RE = re.compile(r"^[\W_]*TM\.\s*(?P<body>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,\-]{3,80}?)[\W_]*$", re.M)


def _signed_for(text: str) -> str | None:
    """The issuer a signature block names ("TM. CHÍNH PHỦ") when the header names none."""
    m = _ON_BEHALF_RE.search(text)
    known = registry().resolve(m.group("body").strip()) if m else None
    return known.name if known is not None and known.kind not in ("province", "city") else None


def _own_caption(text: str, kind: str | None) -> tuple[str | None, str | None]:
    """Number and date an appendix caption gives the document it belongs to, when its header was lost:
    "(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)"."""
    word = next((w for w, k in KIND_WORDS.items() if k == kind), None)
    if word is None:
        return None, None
    m = re.search(rf"[Kk]èm\s+theo\s+{word}\s+số\s+(\d+[^\s,;)]*[A-ZĐa-z])", text, re.I)
    if m is None:
        return None, None
    d = _DATE_RE.search(re.sub(r"\s+", " ", text[m.end():m.end() + 40]))
    return m.group(1), _date(d) if d else None


def _framed(meta: dict[str, str | None], frame: dict[str, str]) -> None:
    """What the site's metadata table gives where the document's own header is missing."""
    if meta["number"] is None and frame.get("number"):
        meta["number"] = frame["number"]
    if meta["date"] is None and (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", frame.get("date", ""))):
        meta["date"] = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if meta["kind"] is None and frame.get("kind", "").upper() in KIND_WORDS:
        meta["kind"] = KIND_WORDS[frame["kind"].upper()]
    if meta["issuer"] is None and (known := registry().resolve(frame.get("issuer", ""))) is not None:
        meta["issuer"] = known.name


def from_header(text: str) -> dict[str, str | None]:
    """kind, status, number, issuer, date and title read from a document's first lines."""
    text, frame = _page(text)
    rows = header_lines(text)
    flat = "\n".join(" ".join(r) for r in rows)
    meta: dict[str, str | None] = {"kind": None, "status": "final", "number": None, "issuer": None,
                                   "date": None, "title": None}
    if any(_DRAFT_RE.match(cell) for row in rows for cell in [*row, " ".join(row)]):
        meta["status"] = "draft"
    meta["issuer"] = _issuer(rows)
    meta["number"], meta["date"] = _number_and_date(rows)
    if meta["number"] is None:
        noted_number, noted_date = _noted(rows)
        meta["number"], meta["date"] = noted_number, meta["date"] or noted_date
    attached = _ATTACHED_RE.search(flat)
    if attached and meta["number"] is None and re.match(r"\d", attached.group(2)):
        meta["number"] = attached.group(2)  # "(Kèm theo Quyết định số 1422/QĐ-TTg ngày …)": the attaching act's
        if meta["date"] is None and (d := _DATE_RE.search(flat[attached.end():attached.end() + 40].lower())):
            meta["date"] = _date(d)
    if meta["date"] is None:
        meta["date"] = _blank_day_date(rows)
    meta["kind"], meta["title"] = _kind_and_title(rows)
    meta["issuer"] = _titled_issuer(meta["title"], meta["issuer"]) or meta["issuer"] or _authority(text[:6000]) \
        or _signed_for(text)
    if meta["number"] is None and meta["kind"] is not None:
        meta["number"], caption_date = _own_caption(text, meta["kind"])
        meta["date"] = meta["date"] or caption_date
    if meta["number"] and meta["kind"] is None:
        try:
            kind = parse_number(meta["number"], None)[0]
            meta["kind"] = KIND_WORDS.get(kind.upper(), kind.lower())  # "7260/BKHĐT-QLKTTW" is a letter
        except (ValueError, KeyError):
            pass
    if meta["kind"] is None and meta["number"] is None and (stated := from_preamble(text)):
        meta.update({k: meta[k] or v for k, v in stated.items()})  # no header: the preamble says who issues what
        meta["kind"], meta["title"] = stated["kind"], stated["title"]
    _framed(meta, frame)
    if meta["title"] is None:
        subject = next((m for r in rows for c in r if (m := _SUBJECT_RE.match(c))), None)
        first = next((" ".join(r) for r in rows if r), None)
        meta["title"] = f"Công văn về việc {subject.group(1)}" if subject else (first[:120] if first else None)
    return meta
