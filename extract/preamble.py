"""What a document says about itself when its header was lost in conversion.

A departmental plan converted from PDF often starts with its preamble: "Căn cứ …; Sở Thông tin và
Truyền thông ban hành Kế hoạch nâng cao chất lượng … đến năm 2025, với những nội dung sau". That
sentence names the issuer, the kind and the title; the appendix caption "(Kèm theo Kế hoạch số
/KH-STTTT ngày  /  /2024 của Sở …)" still keeps the year.
"""

from __future__ import annotations

import re

from extract.agencies import registry

_KINDS = {"kế hoạch": "plan", "chương trình hành động": "programme", "chương trình": "programme",
          "đề án": "programme", "chiến lược": "strategy", "quy chế": "regulation", "quy định": "regulation"}
_KIND_ALT = "|".join(sorted((k[:1].upper() + k[1:] for k in _KINDS), key=len, reverse=True))
# "<issuer> ban hành <Kind> <title>, với những nội dung sau" / "… như sau:" / "…:"
_ISSUES_RE = re.compile(
    rf"(?:^|[;.]\s+|\n)(?P<issuer>(?:Sở|Ủy ban|UBND|Ban|Bộ|Cục|Tổng cục|Văn phòng|Thanh tra|Tỉnh ủy|Thành ủy)"
    rf"\s[^;.\n]{{2,90}}?)\s+(?:ban hành|xây dựng)\s+(?P<kind>{_KIND_ALT})\s+(?P<title>[^;:\n]{{8,240}}?)"
    r"(?:,?\s+(?:với (?:những|các) nội dung(?: chủ yếu)?(?: như)? sau|như sau|cụ thể như sau)|\s*:)")
_PLACE_RE = re.compile(r"\b(?P<level>tỉnh|thành phố)\s+(?P<name>(?:[A-ZĐ]\w*(?:\s+|$)){1,3})")


def _caption_year(text: str, kind: str) -> str | None:
    """The year an appendix caption gives the document it belongs to ("Kèm theo Kế hoạch số /KH-X ngày / /2024")."""
    m = re.search(rf"[Kk]èm theo {re.escape(kind)}\s+số[^()\n]{{0,60}}?(?:năm\s+|/\s*)(\d{{4}})\b", text)
    return m.group(1) if m else None


def _placed(issuer: str, sentence: str) -> str:
    """A provincial department named without its province takes the one its sentence names."""
    if not issuer.startswith("Sở ") or _PLACE_RE.search(issuer):
        return issuer
    for m in _PLACE_RE.finditer(sentence):
        level, words = m.group("level"), m.group("name").split()
        for k in range(len(words), 0, -1):
            place = registry().resolve(" ".join(words[:k]))
            if place is not None and place.kind in ("province", "city"):
                return f"{issuer} {level} {' '.join(words[:k])}"
    return issuer


def from_preamble(text: str, limit: int = 4000) -> dict[str, str | None]:
    """kind, issuer, title and year stated by the opening sentence of a document without a header."""
    m = _ISSUES_RE.search(text[:limit])
    if m is None:
        return {}
    kind_words = m.group("kind")
    title = m.group("title").strip()
    sentence = text[m.start():m.end()]
    return {"kind": _KINDS[kind_words.lower()], "issuer": _placed(m.group("issuer").strip(), sentence),
            "title": f"{kind_words} {title}", "date": _caption_year(text, kind_words)}
