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
# Kind codes of the official list (Nghị định 30/2020/NĐ-CP, Phụ lục III) that no kind word above names.
_MORE_CODES = {"GP": "Giấy phép", "PA": "Phương án", "DA": "Dự án", "BB": "Biên bản"}
_CODES = {code: kind for kind, code in KINDS.values()} | {"QĐ": "Quyết định", "QD": "Quyết định", "QĐi": "Quy định"} \
    | _MORE_CODES
_OVER_WORD = {"Kết luận": ("Thông báo",), "Công văn": ("Công điện",)}
_DOCNUM_RE = re.compile(r"^(\d+(?:\.\d+)?[a-z]?)(?:/(\d{4}))?[/-]((?=[^/-]*[A-Za-zĐđ])[\wĐđ&]+(?:[/-][\wĐđ&]+)*)$")


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


# issuer codes every province has its own of: "12/KH-UBND" of Lào Cai is not "12/KH-UBND" of Hưng Yên
_LOCAL_CODES = frozenset({"UBND", "HĐND", "TU", "TTHĐND", "BTVTU", "VPUBND"})
_SO_CODE_RE = re.compile(r"^S[A-ZĐ]{2,}$")  # a province's department ("SNNMT", "STTTT", "SKHĐT")
_NATIONAL_S = frozenset({"SHTT"})  # Cục Sở hữu trí tuệ
_PLACE_RE = re.compile(r"\b(?:tỉnh|thành phố|TP\.?)\s+(.+?)\s*$", re.I)


def is_local(issuer: str | None) -> bool:
    """Whether an issuer code in a symbol is one that every province has ("UBND", "HĐND", a Sở's code)."""
    return bool(issuer) and (issuer in _LOCAL_CODES or (bool(_SO_CODE_RE.match(issuer or ""))
                                                         and issuer not in _NATIONAL_S))


def place_of(name: str | None) -> str | None:
    """The province or city an issuer's name ends with ("Ủy ban nhân dân tỉnh Lào Cai" -> "Lào Cai")."""
    m = _PLACE_RE.search(name or "")
    return m.group(1) if m else None


def local_issuer(issuer: str | None, *names: str | None) -> str | None:
    """A local issuer code with the place of the first name that has one ("UBND Lào Cai"), else the code."""
    if not is_local(issuer):
        return issuer
    place = next((p for n in names if (p := place_of(n))), None)
    return f"{issuer} {place}" if place else issuer


def own_identity(number: str | None, date: str | None, issuer_name: str | None = None) -> str | None:
    """Identity of a document from its own number ("2289/QĐ-TTg"), date and issuer: a provincial
    symbol ("134/KH-UBND") is told apart by the issuer's province ("kh-134-ubnd-lao-cai-2026")."""
    if not number or not date or not re.match(r"^\d{4}", date):
        return None
    try:
        kind, num, year, issuer = parse_number(number, None)
    except (ValueError, KeyError):
        return None
    return identity(kind, num, local_issuer(issuer, issuer_name), year or int(date[:4]))
