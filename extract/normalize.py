"""Normalise Vietnamese document text while keeping a map back to the original offsets.

The output text has one logical paragraph per line: lines wrapped mid-sentence are joined,
reference URLs and page numbers dropped, DOCX markers and markdown emphasis removed, Unicode
in NFC with one tone-mark placement ("hoà" -> "hòa", "Uỷ" -> "Ủy"). ``NormText.span`` turns a
span of the normalised text back into offsets of the original, so every quote is exact.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace

from extract.bar_rows import bar_rows
from extract.flat_cells import site_frame, site_trailer
from extract.md_bullets import md_bullet
from extract.records import Note

# Tone marks as combining characters: grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy";
# we move it to the first ("hoà" -> "hòa", "thuỷ" -> "thủy") but leave "quý" alone.
_OLD_TONE_RE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY][\u0300\u0301\u0309\u0303\u0323])(?![\w\u0300-\u036f])")
# an NFC text without an o/u before a toned a, e or y has no old-style tone mark to move
_OLD_TONE_HINT = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\t": " "})

_MARKER_RE = re.compile(
    r"\[bookmark:[^\]]*\]"  # DOCX bookmarks
    r"|\[footnoteRef:\d+\]"  # DOCX footnote references
    r"|<sup>\s*\d+\s*</sup>"  # markdown footnote references
)
_FOOTNOTE_RE = re.compile(r"\s*\[(\d+):\s+([^\[\]]*)\]")
_URL_LINE_RE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
_PAGE_LINE_RE = re.compile(r"^\s*(?:\d{1,3}|-\s*\d{1,3}\s*-|Trang \d+)\s*$")
# The gazette's running header ("CÔNG BÁO/Số 238/Ngày 21-04-2026", a double issue "Số 1091 + 1092") and its
# digital-signature stamp ("Ký bởi: …", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-04-21 15:32:11 +07:00"):
# page furniture, not the document.
_GAZETTE_LINE_RE = re.compile(r"^\s*(?:CÔNG BÁO/Số \d+(?:\s*\+\s*\d+)*/Ngày \d{1,2}-\d{1,2}-\d{4}|Ký bởi: CÔNG BÁO\b.*"
                              r"|Cơ quan: [A-ZĐÀ-Ỹ ]+|Ngày ký: \d{4}-\d{2}-\d{2}[\d: +]*)\s*$")
_RULE_LINE_RE = re.compile(r"^\s*[_=\-–—*|]{3,}\s*$|^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")  # rules, table separators
_MD_HEADING_RE = re.compile(r"^#{1,6}\s*")
_MD_EMPHASIS_RE = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_EXTRA_SPACES_RE = re.compile(r"(?<= ) +")
# a space typed inside a document symbol after its hyphen: "227/QĐ- TTg", "66- NQ/TW" (one symbol each)
_SYMBOL_SPACE_RE = re.compile(
    r"(?:(?<=\d/[A-ZĐ]{2}-)|(?<=\d/[A-ZĐ]{3}-)|(?<=\d/[A-ZĐ]{4}-)|(?<=\d/[A-ZĐ][a-z]-))[ \t]+(?=[A-ZĐ])"
    r"|(?<=\d-)[ \t]+(?=[A-ZĐ]{2,4}/[A-ZĐ])")

# A line that starts a new block: headings of every style and bullets.
BLOCK_RE = re.compile(
    r"^(?:[IVXLC]+(?:\.|-(?=\s))\s"
    r"|\d{1,2}(?:\.\d{1,2})*\.\s|\d{1,2}(?:\.\d{1,2})+\s|[1-9]\d{2}\.\s"
    r"|\d{1,2}\)\s*"
    r"|[a-zđ][\)\.]\s"
    r"|[-+•]\s*\S"
    r"|(?:Điều|Chương|Mục)\s+[\dIVXLC]+\b"
    r"|(?:Phụ lục|PHỤ LỤC)\b"
    r"|Nơi nhận\s*:"  # the closing block, even after a clause that lost its final stop
    # an attached text's own header: its kind alone on a line, "(Kèm theo Quyết định số …)"
    r"|(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|CHIẾN LƯỢC|QUY CHẾ|QUYẾT ĐỊNH|NGHỊ QUYẾT|BÁO CÁO)\s*$"
    r"|\(\s*(?:Ban hành )?[Kk]èm theo)"
)
_HEADING_RE = re.compile(
    r"^(?:[IVXLC]+(?:\.|-(?=\s))\s|\d{1,2}(?:\.\d{1,2})*\.?\s|[1-9]\d{2}\.\s|\d{1,2}\)\s*|[a-zđ][\)\.]\s"
    r"|(?:Điều|Chương|Mục)\s+[\dIVXLC]+\b[.:]?\s*|(?:Phụ lục|PHỤ LỤC)\b)"
)
_OPEN_END_RE = re.compile(r"\s(?:và|của|cho|về|với|các|những|tại|trong|theo|để|đối với|từ|chủ trì, phối hợp"
                          r"|Quỹ|Bộ|Ban|Sở|Cục|Vụ|Ủy ban|Chương trình)$")
# "2. Kế hoạch phát triển giai đoạn" / "2026 - 2030": a heading cut before the years of its period
_PERIOD_CUT_RE = re.compile(r"\s(?:giai đoạn|thời kỳ|năm)\n(?:19|20)\d\d\b")
_BARE_DIVISION_RE = re.compile(r"^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[\dIVXLC]+[.:]?$")
_BARE_MARKER_RE = re.compile(r"^(?:\d{1,2}[.)]|[1-9]\d{2}\.|[IVXLC]+\.|[a-zđ]\))$")
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TERMINAL = (".", ";", ":", "!", "?", "./.")


@dataclass(frozen=True)
class NormText:
    """Normalised text plus, for each of its characters, the offset in the original."""

    text: str
    omap: tuple[int, ...]
    original: str
    notes: tuple[Note, ...] = ()
    md_heads: tuple[tuple[int, int], ...] = ()  # (original offset, level) of each markdown heading line

    def heading_levels(self) -> dict[int, int]:
        """Markdown heading levels by the start of their line in the normalised text."""
        out = {}
        for at, level in self.md_heads:
            i = bisect_left(self.omap, at)  # the line break before a line maps to its first character
            out[i + 1 if self.text[i:i + 1] == "\n" else i] = level
        return out

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised span [start, end)."""
        if end <= start:
            pos = self.omap[min(start, len(self.text))]
            return pos, pos
        return self.omap[start], self.omap[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        """The original text behind a normalised span."""
        s, e = self.span(start, end)
        return self.original[s:e]


@dataclass
class _Line:
    text: str
    idx: list[int]
    md_heading: int = 0  # the level of a markdown heading ("## …" is 2), 0 for other lines

    def drop(self, pattern: re.Pattern[str]) -> _Line:
        """The line without the pattern's matches, offsets kept for what remains."""
        text, idx = self.text, self.idx
        parts: list[str] = []
        kept: list[int] = []
        pos = 0
        for m in pattern.finditer(text):
            parts.append(text[pos:m.start()])
            kept.extend(idx[pos:m.start()])
            pos = m.end()
        if pos == 0 and not parts:
            return self
        parts.append(text[pos:])
        kept.extend(idx[pos:])
        return _Line("".join(parts), kept, self.md_heading)

    def strip(self) -> _Line:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return _Line(text[left:right], self.idx[left:right], self.md_heading)


def fold_text(text: str) -> str:
    """NFC plus one tone-mark placement and plain dashes; same length as NFC input."""
    if text.isascii() and "\t" not in text:
        return text
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return _fix_tones(text)


def _fix_tones(text: str) -> str:
    if _OLD_TONE_HINT.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE_RE.sub(lambda m: m.group(1) + m.group(2)[-1] + m.group(2)[:-1], decomposed)
    return unicodedata.normalize("NFC", moved)


def _nfc_stream(original: str) -> tuple[list[str], list[int]]:
    """NFC by grapheme cluster so that every output char maps to an original offset."""
    chars: list[str] = []
    idx: list[int] = []
    if unicodedata.is_normalized("NFC", original):
        chars, idx = list(original), list(range(len(original)))
    i, n = (len(original), len(original)) if chars else (0, len(original))
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        for c in unicodedata.normalize("NFC", original[i:j]):
            chars.append(c)
            idx.append(i)
        i = j
    text = "".join(chars)
    fixed = _fix_tones(text)
    if len(fixed) == len(text):  # always true for Vietnamese; guards exotic compositions
        text = fixed
    return list(text.translate(_DASHES)), idx


# HTML tables in markdown or text ("<table><tr><td>…</td></tr></table>") become pipe rows.
_HTML_RE = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|td|th|br|p|div|span|b|strong|i|em|u|sup|sub|col|colgroup|caption|font)"
    r"\b[^<>]{0,300}>|&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,5});", re.I)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _html_piece(token: str, in_row: bool) -> tuple[str, bool]:
    """What an HTML tag or entity becomes in text, and whether a table row is open after it."""
    low = token.lower()
    if low.startswith("&"):
        return _ENTITIES.get(low) or (chr(int(low[2:-1])) if low.startswith("&#") else " "), in_row
    name = re.match(r"</?([a-z]+)", low)
    tag, closing = (name.group(1) if name else ""), low.startswith("</")
    if tag == "tr":
        return ("|\n", False) if closing else ("\n", True)
    if tag in ("td", "th"):
        return (" ", in_row) if closing else ("| ", in_row)
    if tag in ("br", "p", "div"):
        return (" " if in_row else "\n"), in_row
    if tag == "table":
        return "\n", False
    return "", in_row


def _html_tables(stream: _Line) -> _Line:
    """The stream with HTML table markup turned into pipe rows, one row per line."""
    text = stream.text
    if not re.search(r"<t[rd]\b", text, re.I):
        return stream
    chars: list[str] = []
    idx: list[int] = []
    pos, in_row = 0, False
    for m in _HTML_RE.finditer(text):
        between = text[pos:m.start()]
        chars.extend(_NEWLINE_RE.sub(" ", between) if in_row else between)
        idx.extend(stream.idx[pos:m.start()])
        piece, in_row = _html_piece(m.group(0), in_row)
        chars.extend(piece)
        idx.extend([stream.idx[m.start()]] * len(piece))
        pos = m.end()
    chars.extend(text[pos:])
    idx.extend(stream.idx[pos:])
    return _Line("".join(chars), idx)


def _strip_markers(chars: list[str], idx: list[int], original: str) -> tuple[_Line, list[Note]]:
    stream = _html_tables(_Line("".join(chars), idx))
    notes = []
    for m in _FOOTNOTE_RE.finditer(stream.text):
        start, end = stream.idx[m.start(2)], stream.idx[m.end(2) - 1] + 1
        notes.append(Note(m.group(1), original[start:end], start, end))
    stream = stream.drop(_FOOTNOTE_RE)
    return stream.drop(_MARKER_RE), notes


_NEWLINE_RE = re.compile(r"[\n\r\f\v\u2028\u2029]")


def _split_lines(stream: _Line) -> list[_Line]:
    lines, pos = [], 0
    for m in _NEWLINE_RE.finditer(stream.text):
        lines.append(_Line(stream.text[pos:m.start()], stream.idx[pos:m.start()]))
        pos = m.end()
    lines.append(_Line(stream.text[pos:], stream.idx[pos:]))
    return lines


def _clean_line(line: _Line) -> _Line | None:
    text = line.text
    if _URL_LINE_RE.match(text) or _RULE_LINE_RE.match(text) or _GAZETTE_LINE_RE.match(text):
        return None
    if (bullet := md_bullet(text)) is not None:  # "*   Bộ X …" from Markdown: the genre's "-" / "+"
        n, mark = bullet
        star = text.index("*")
        line = _Line(mark + " " + text[n:], [line.idx[star]] * 2 + line.idx[n:]) if mark \
            else _Line(text[n:], line.idx[n:])
    line = line.strip()
    if md := _MD_HEADING_RE.match(line.text):
        line = line.drop(_MD_HEADING_RE)
        line.md_heading = md.group(0).count("#")
    line = line.drop(_MD_EMPHASIS_RE).strip()
    if not line.text:
        return None
    return line.drop(_EXTRA_SPACES_RE).drop(_SYMBOL_SPACE_RE)


def _is_caps(text: str) -> bool:
    """At least three letters, all capitals (str.isupper stops at the first small letter)."""
    if not text.isupper():
        return False
    letters = 0
    for c in text:
        letters += c.isalpha()
        if letters == 3:
            return True
    return False


# a row opens with its number or, in a work plan, its time ("04/2026 |", "02-03/2026 |")
_ROW_START_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]+|[a-zđ]|\d{1,2}(?:-\d{1,2})?/\d{4})[.)]?\s*\|")
_ROW_RE = re.compile(r"^\||^[^|]{0,80}\|[^|]*\|")


def is_row(text: str) -> bool:
    """A table row from DOCX/markdown conversion: cells between pipes, outer pipes optional."""
    return _ROW_RE.match(text) is not None


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width a PDF conversion wrapped the text at (most long lines reach it), or None for a text with one
    paragraph per line (DOCX, markdown), whose lines are much longer."""
    long = sorted(len(x.text) for x in lines if len(x.text.split()) >= 5)
    if len(long) < 20:
        return None
    width = long[len(long) * 9 // 10]
    return width if width <= 120 else None


def _joins(prev: _Line, line: _Line, full: bool = False) -> bool:
    """Whether `line` continues `prev` (a line wrapped by PDF conversion); `full`: prev's last line reached
    the wrap width, so the text ran on."""
    a, b = prev.text, line.text
    if _BARE_MARKER_RE.match(b):
        return False
    if _BARE_MARKER_RE.match(a):
        return True  # "5." alone on a line: the table cell or heading text follows
    if a.startswith("|") and not a.endswith("|"):
        # a table row whose cell wrapped onto the next line, unless that line opens the next row ("2 | …")
        return not b.startswith("|") and not _ROW_START_RE.match(b)
    if line.md_heading or prev.md_heading or BLOCK_RE.match(b) or is_row(b) or is_row(a):
        return False  # a markdown heading or a table row (DOCX/markdown conversion) stands alone
    first = b[0]
    if _BARE_DIVISION_RE.match(a):
        return _is_caps(b)  # "Chương III" then "TỔ CHỨC THỰC HIỆN": the title of the chapter
    if _is_caps(a):
        return _is_caps(b) and not a.endswith((":", "."))
    head = _HEADING_RE.match(a)
    if head and ". " not in a[head.end():] and len(a.split()) < 20:
        # a short heading goes on where it cannot end: after "và", "của", a name's first word ("… cho Quỹ"), a
        # comma, or where its line reached the wrap width
        return (first.islower() or first in "(" or _OPEN_END_RE.search(a) is not None or a.endswith(",")
                or full or _PERIOD_CUT_RE.search(a + "\n" + b) is not None) and not a.endswith(":")
    if a.endswith(_TERMINAL):
        return first.islower()
    return not _is_caps(b)


def _paragraph_joins(prev: _Line, line: _Line, blank: bool, joins: bool) -> bool:
    """Whether `line` continues `prev` in a text whose paragraphs are set apart by blank lines: across a blank
    line a capitalised line opens a paragraph ("b) Hoàn thiện hạ tầng …" / "" / "Ủy ban nhân dân các tỉnh:");
    with no blank line a heading goes on ("d) Đài Truyền hình Việt" / "Nam, Đài Tiếng nói Việt Nam …")."""
    a, b = prev.text, line.text
    if not _HEADING_RE.match(a):
        return joins
    if blank:
        return joins and not b[:1].isupper()
    if joins or a.endswith(_TERMINAL) or not b[:1].isupper():
        return joins
    return not (line.md_heading or prev.md_heading or BLOCK_RE.match(b) or is_row(b) or is_row(a) or _is_caps(b))


def _blank_paragraphs(lines: list[_Line], original: str) -> set[int] | None:
    """The first offsets of the lines a blank line comes before, when the text sets its paragraphs apart by
    blank lines (nearly every heading and bullet follows one, most wrapped lines do not: a web page's text);
    else None (a text with a blank line after every line)."""
    after = {x.idx[0] for p, x in zip(lines, lines[1:], strict=False)
             if p.idx and x.idx and original.count("\n", p.idx[-1], x.idx[0]) >= 2}
    blocks = [x.idx[0] for x in lines[1:] if x.idx and BLOCK_RE.match(x.text) and not is_row(x.text)]
    rest = len(lines) - 1 - len(blocks)  # the other lines: mostly a paragraph's wrapped lines, with no blank line
    return after if len(blocks) >= 10 and sum(b in after for b in blocks) >= 0.8 * len(blocks) \
        and len(after) - sum(b in after for b in blocks) <= 0.5 * rest else None


def _join(lines: list[_Line], blanks: set[int] | None = None) -> list[_Line]:
    out: list[_Line] = []
    cells = False  # below a pipe header whose rows came out one cell per line (DOCX conversion)
    wrap = _wrap_width(lines)
    last = 0  # the length of the last line joined into out[-1]
    for line in lines:
        if out and is_row(out[-1].text) and out[-1].text.endswith("|") and not is_row(line.text):
            cells = True
        elif line.md_heading or BLOCK_RE.match(line.text) or (_is_caps(line.text) and len(line.text.split()) > 3):
            cells = False
        if _PAGE_LINE_RE.match(line.text) and not (cells and re.fullmatch(r"\d{1,3}", line.text)):
            continue  # a page number; in a table of one cell per line, a bare "3" is a row's number
        joins = bool(out) and not cells and _joins(out[-1], line, wrap is not None and last >= wrap * 0.9)
        if out and not cells and blanks is not None:
            joins = _paragraph_joins(out[-1], line, line.idx[0] in blanks, joins)
        if joins:
            prev = out[-1]
            glue = "" if re.search(r"\w[-/]$", prev.text) else " "
            out[-1] = _Line(prev.text + glue + line.text, prev.idx + [line.idx[0]] * len(glue) + line.idx,
                            prev.md_heading)
        else:
            out.append(line)
        last = len(line.text)
    return out


def _bar_tables(lines: list[_Line]) -> list[_Line]:
    """Task tables written one cell per line between lone "|" lines, as pipe rows (`extract.bar_rows`)."""
    if sum(1 for x in lines if x.text == "|") < 8:
        return lines
    keep = {id(x.idx): x for x in lines}
    return [keep.get(id(idx)) or _Line(text, idx) for text, idx in bar_rows([(x.text, x.idx) for x in lines])]


def normalize(original: str) -> NormText:
    """Normalise a document's text; see the module docstring."""
    chars, idx = _nfc_stream(original)
    stream, notes = _strip_markers(chars, idx, original)
    raw = _split_lines(stream)
    texts = [x.text for x in raw]
    raw = raw[site_frame(texts)[0]:site_trailer(texts)]  # a web page's own text around the document is not its
    lines = _bar_tables([c for c in (_clean_line(x) for x in raw) if c is not None])
    joined = _join(lines, _blank_paragraphs(lines, original))
    text_parts: list[str] = []
    omap: list[int] = []
    for k, line in enumerate(joined):
        if k:
            text_parts.append("\n")
            omap.append(line.idx[0])
        text_parts.append(line.text)
        omap.extend(line.idx)
    omap.append(len(original))
    heads = tuple((line.idx[0], line.md_heading) for line in joined if line.md_heading and line.idx)
    return replace(_compose(list("".join(text_parts)), omap, original, notes), md_heads=heads)


def _compose(chars: list[str], omap: list[int], original: str, notes: list[Note]) -> NormText:
    """Compose combining marks left next to a base letter once markers were removed ("a*\u0300")."""
    if not _COMBINING_RE.search("".join(chars)):
        return NormText("".join(chars), tuple(omap), original, tuple(notes))
    out: list[str] = []
    idx: list[int] = []
    for c, i in zip(chars, omap[:-1], strict=True):
        if out and unicodedata.combining(c) and len(joined := unicodedata.normalize("NFC", out[-1] + c)) == 1:
            out[-1] = joined
            continue
        out.append(c)
        idx.append(i)
    idx.append(omap[-1])
    return NormText("".join(out), tuple(idx), original, tuple(notes))
