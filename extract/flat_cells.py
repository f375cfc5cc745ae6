"""Header and signature cells that a web page's markdown flattened to one cell per line.

A legal-document site's page converted to markdown (trafilatura) keeps the header table as one
cell per line between lines holding only "|", and wraps the text of a cell over several lines:
"**VĂN PHÒNG CHÍNH" / "PHỦ**", "*Hà Nội, ngày 15" / "tháng 11 năm 2025*". Such a page may also
carry the site's own frame above the document: a copyright notice and a metadata table ("Số hiệu:",
"Loại văn bản:", "Nơi ban hành:", "Ngày ban hành:" …, each label then its value on the next line).
"""

from __future__ import annotations

import re

_PIPE_RE = re.compile(r"^\s*\|\s*$")
# a dateline cut after its day or month ("Hà Nội, ngày 12 tháng 11" / "năm 2025")
_CUT_DATELINE_RE = re.compile(r",\s*(?:ngày(?:\s+\d{1,2})?(?:\s+tháng(?:\s+\d{1,2})?)?)?[\s*_]*$")
_DATE_GOES_ON_RE = re.compile(r"^[\s*_]*(?:ngày|tháng|năm)\b")
# the site's metadata table: a label alone on its line, its value on the next non-empty line
_FRAME_LABEL_RE = re.compile(
    r"^[\s*#]*(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo"
    r"|Tình trạng)\s*:[\s*]*$")
_FRAME_FIELDS = {"Số hiệu": "number", "Loại văn bản": "kind", "Nơi ban hành": "issuer", "Ngày ban hành": "date"}
# the site's text after the document: its notice that no English text exists, its related documents
_TRAILER_RE = re.compile(r"^\s*(?:#{1,6}\s*)?(?:Văn bản này chưa cập nhật nội dung Tiếng Anh|Văn bản liên quan)\s*$")
# the page's own title above it ("Thông báo 659/TB-VPCP năm 2025 kết luận …")
_PAGE_TITLE_RE = re.compile(r"^[A-ZĐ]\w*(?: \w+)? \d+[\w/.\-]*\s+(?:năm \d{4}|ngày \d{1,2}/\d{1,2}/\d{4})\b")


def _open_marks(line: str) -> bool:
    """Whether a line of text leaves a markdown bold or italic span open ("**VĂN PHÒNG CHÍNH"); a mark
    alone on its line is a separator."""
    if not re.search(r"\w", line):
        return False
    bold = line.count("**")
    return bold % 2 == 1 or line.replace("**", "").count("*") % 2 == 1


def unwrap(lines: list[str], limit: int = 4) -> list[str]:
    """Lines with a cell's wrapped text joined: an open emphasis span, a dateline cut after its day."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line, used = lines[k], 1
        while k + used < len(lines) and used < limit and not _PIPE_RE.match(lines[k + used]) \
                and lines[k + used].strip() and (_open_marks(line) or (
                    _CUT_DATELINE_RE.search(line) and "ngày" in line and _DATE_GOES_ON_RE.match(lines[k + used]))):
            line = f"{line.rstrip()} {lines[k + used].strip()}"
            used += 1
        out.append("" if _PIPE_RE.match(line) else line)
        k += used
    return out


def _value_after(lines: list[str], k: int) -> tuple[str, int]:
    """The value that follows a frame label: the next line that is not a pipe or blank."""
    for j in range(k + 1, min(k + 4, len(lines))):
        text = lines[j].strip(" *|")
        if text:
            return text, j
    return "", k


def site_frame(lines: list[str], within: int = 90) -> tuple[int, dict[str, str]]:
    """(first line of the document, the frame's fields) of a page that opens with the site's metadata table."""
    fields: dict[str, str] = {}
    end = 0
    for k, line in enumerate(lines[:within]):
        m = _FRAME_LABEL_RE.match(line)
        if m is None:
            continue
        value, at = _value_after(lines, k)
        if m.group(1) in _FRAME_FIELDS and value:
            fields[_FRAME_FIELDS[m.group(1)]] = value
        end = at + 1
    return (end, fields) if len(fields) >= 2 else (0, {})


def site_trailer(lines: list[str]) -> int:
    """The first line of the site's text after the document (its page title), or len(lines) when none."""
    half = len(lines) // 2
    at = next((k for k in range(half, len(lines)) if _TRAILER_RE.match(lines[k])), None)
    if at is None:
        return len(lines)
    while at > half and _PAGE_TITLE_RE.match(lines[at - 1]):
        at -= 1
    return at
