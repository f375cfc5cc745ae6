"""Document metadata from the header when a document has no manifest entry."""

from __future__ import annotations

import re

from extract.agencies import registry
from extract.legal_ids import parse_number

KIND_WORDS: dict[str, str] = {
    "CHIẾN LƯỢC": "strategy", "CHƯƠNG TRÌNH": "programme", "ĐỀ ÁN": "programme",
    "KẾ HOẠCH": "plan", "BÁO CÁO": "report", "QUYẾT ĐỊNH": "decision", "NGHỊ QUYẾT": "resolution",
    "NGHỊ ĐỊNH": "decree", "THÔNG TƯ": "circular", "CHỈ THỊ": "directive", "LUẬT": "law",
    "TỜ TRÌNH": "submission", "THÔNG BÁO": "notice", "CÔNG VĂN": "letter", "KẾT LUẬN": "conclusion",
}
_ISSUERS = [
    "THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ", "QUỐC HỘI", "BỘ CHÍNH TRỊ", "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "VĂN PHÒNG CHÍNH PHỦ",
]
_ISSUER_RE = re.compile(r"^(BỘ [A-ZÀ-Ỹ ,\-&]+|ỦY BAN NHÂN DÂN (?:TỈNH|THÀNH PHỐ) [A-ZÀ-Ỹ \-]+|SỞ [A-ZÀ-Ỹ ,\-&]+)$")
_NUMBER_RE = re.compile(r"Số\s*:?\s*(\d+[\w/\-ĐđÀ-ỹ&]*[A-Za-zĐđ][\w\-Đđ]*)")
_DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_ATTACHED_RE = re.compile(r"\(?Ban hành kèm theo (Quyết định|Nghị quyết|Nghị định|Thông tư)\s+(?:số\s+)?(\S+)")


def _date(m: re.Match[str]) -> str:
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _title_case(text: str) -> str:
    return text[:1] + text[1:].lower() if text.isupper() else text


def from_header(text: str) -> dict[str, str | None]:
    """kind, status, number, issuer, date and title read from a document's first lines."""
    lines = [ln.strip() for ln in text.split("\n")[:40] if ln.strip()]
    head = "\n".join(lines)
    meta: dict[str, str | None] = {
        "kind": None, "status": "final", "number": None, "issuer": None, "date": None, "title": None}
    if re.search(r"dự thảo", head, re.I):
        meta["status"] = "draft"
    for line in lines:
        up = line.upper().strip(" :|")
        if meta["issuer"] is None and (up in _ISSUERS or _ISSUER_RE.match(up)) and line.isupper():
            agency = registry().resolve(up)
            meta["issuer"] = agency.name if agency else _title_case(up)
        if meta["number"] is None and (m := _NUMBER_RE.search(line)):
            meta["number"] = m.group(1)
        if meta["date"] is None and (m := _DATE_RE.search(line)):
            meta["date"] = _date(m)
    attached = _ATTACHED_RE.search(head)
    if attached and meta["number"] is None and re.match(r"\d", attached.group(2)):
        meta["number"] = attached.group(2)
    title_lines: list[str] = []
    for line in lines:
        word = next((w for w in KIND_WORDS if line.upper().startswith(w) and line.isupper()), None)
        if word and meta["kind"] is None:
            meta["kind"] = KIND_WORDS[word]
            title_lines = [line]
        elif title_lines and line.isupper() and len(title_lines) < 4:
            title_lines.append(line)
        elif title_lines:
            break
    if meta["kind"] in ("decision", "resolution") and title_lines == [title_lines[0]] if title_lines else False:
        title_lines = []
    meta["title"] = _title_case(" ".join(title_lines)) if title_lines else (lines[0][:120] if lines else None)
    if meta["number"] and meta["kind"] is None:
        try:
            meta["kind"] = parse_number(meta["number"], None)[0].lower()
        except (ValueError, KeyError):
            pass
    return meta
