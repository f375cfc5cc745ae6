"""Identity of legal documents: kind, number, issuer, year (no spaCy needed: cheap to import)."""

from __future__ import annotations

import re

from extract.agencies import slug

KINDS: dict[str, tuple[str, str]] = {
    # words (lower case) -> (kind, code)
    "nghị quyết": ("Nghị quyết", "NQ"), "quyết định": ("Quyết định", "QĐ"),
    "nghị định": ("Nghị định", "NĐ"), "thông tư liên tịch": ("Thông tư liên tịch", "TTLT"),
    "thông tư": ("Thông tư", "TT"), "chỉ thị": ("Chỉ thị", "CT"), "tờ trình": ("Tờ trình", "TTr"),
    "thông báo": ("Thông báo", "TB"), "công văn": ("Công văn", "CV"), "kết luận": ("Kết luận", "KL"),
    "kế hoạch": ("Kế hoạch", "KH"), "báo cáo": ("Báo cáo", "BC"), "luật": ("Luật", "QH"),
    "pháp lệnh": ("Pháp lệnh", "PL"), "văn bản hợp nhất": ("Văn bản hợp nhất", "VBHN"),
    "hướng dẫn": ("Hướng dẫn", "HD"), "quy định": ("Quy định", "QĐi"),
    "chương trình hành động": ("Chương trình hành động", "CTr"),
    "công điện": ("Công điện", "CĐ"), "quy chế": ("Quy chế", "QC"), "đề án": ("Đề án", "ĐA"),
    "nghị quyết liên tịch": ("Nghị quyết liên tịch", "NQLT"),
}
_CODES = {code: kind for kind, code in KINDS.values()} | {"QĐ": "Quyết định", "QD": "Quyết định", "QĐi": "Quy định"}
_OVER_WORD = {"Kết luận": ("Thông báo",), "Công văn": ("Công điện",)}
_DOCNUM_RE = re.compile(r"^(\d+[a-z]?)(?:/(\d{4}))?[/-]((?=[^/-]*[A-Za-zĐđ])[\wĐđ&]+(?:[/-][\wĐđ&]+)*)$")


def parse_number(token: str, kind_word: str | None) -> tuple[str, str, int | None, str | None]:
    """(kind, number, year, issuer) from "10/2024/NĐ-CP" and the kind word before it."""
    m = _DOCNUM_RE.match(token)
    if m is None:
        raise ValueError(token)
    number, year, code = m.group(1), m.group(2), m.group(3)
    parts = re.split(r"[/-]", code)
    kind = KINDS[kind_word.lower()][0] if kind_word else None
    issuer: str | None
    if parts[0] in _CODES or parts[0].upper() in _CODES:
        coded = _CODES.get(parts[0], _CODES.get(parts[0].upper(), "Văn bản"))
        # "Thông báo kết luận số 15-TB/TW" is a notice: a kind code in the symbol names the document's kind
        kind = coded if kind and coded in _OVER_WORD.get(kind, ()) else kind or coded
        issuer = parts[1] if len(parts) > 1 else None
    elif re.match(r"^QH\d+$", parts[0]):
        kind, issuer = kind or "Luật", parts[0]
    else:
        kind, issuer = kind or "Công văn", parts[0]
    return kind, number, int(year) if year else None, issuer


def identity(kind: str, number: str, issuer: str | None, year: int | None,
             years: tuple[int, ...] = (), name: str | None = None) -> str:
    """Id of a legal document: kind code, number, issuer and year ("nq-50-cp-2020")."""
    code = KINDS.get(kind.lower(), (kind, kind))[1]
    base = name if name and not number else f"{code} {number} {issuer or ''}"
    when = "-".join(str(y) for y in years) if years else (year or "x")
    return slug(f"{base} {when}")


def own_identity(number: str | None, date: str | None) -> str | None:
    """Identity of a document from its own number ("2289/QĐ-TTg") and date."""
    if not number or not date or not re.match(r"^\d{4}", date):
        return None
    try:
        kind, num, year, issuer = parse_number(number, None)
    except (ValueError, KeyError):
        return None
    return identity(kind, num, issuer, year or int(date[:4]))
