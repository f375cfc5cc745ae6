"""Lists that name the kind of body once for every member: "các Bộ, cơ quan: Quốc phòng, Công an, Văn
phòng Chính phủ", "các Tập đoàn: Điện lực Việt Nam (EVN), …", "Ủy ban nhân dân các tỉnh, thành phố:
Tuyên Quang, Đồng Nai"; provinces that open a clause and act ("Các tỉnh Nghệ An, Cao Bằng khẩn trương …")
are their People's Committees, provinces a sentence only describes stay places.

Each member becomes a span of its own words; the registry's agency when the kind word and the member
make a name it holds (or the member alone does: "Văn phòng Chính phủ"), else a body whose full name
(kind word + member) is kept on the span (`span._.full_name`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc, Span

from extract.agencies import Registry
from extract.bodies import BODY_KIND

if not Span.has_extension("full_name"):
    Span.set_extension("full_name", default=None)  # a list member's name with the kind word the list shares

# kind words a list may share, as lower-case syllables, and the word each adds to its members' names
_HEADS: dict[tuple[str, ...], str] = {
    ("bộ",): "Bộ", ("sở",): "Sở", ("cục",): "Cục", ("vụ",): "Vụ", ("tập", "đoàn"): "Tập đoàn",
    ("tổng", "công", "ty"): "Tổng công ty", ("cơ", "quan"): "", ("ngành",): "",
}
_BODY_HEADS = {"Cục", "Vụ", "Tập đoàn", "Tổng công ty"}  # kinds whose members may be named outside the registry
_COMMITTEE = (("ủy", "ban", "nhân", "dân"), ("ubnd",))
_LEVELS = (("tỉnh", ",", "thành", "phố"), ("tỉnh",), ("thành", "phố"))
_ENDS = {",", ";", ".", ":", "(", ")", "\n", "và"}
_MAX_NAME = 10  # syllables of one member


def _at(lowers: list[str], i: int, words: tuple[str, ...]) -> bool:
    return tuple(lowers[i:i + len(words)]) == words


def _heads(lowers: list[str], i: int) -> tuple[list[str], int] | None:
    """The kind words after "các" at i and where their colon ends ("các Bộ, cơ quan:" -> ["Bộ", ""])."""
    heads: list[str] = []
    k = i
    while True:
        words = next((w for w in _HEADS if _at(lowers, k, w)), None)
        if words is None:
            return None
        heads.append(_HEADS[words])
        k += len(words)
        if k < len(lowers) and lowers[k] == ":":
            return (heads, k + 1) if any(heads) else None
        if k + 1 < len(lowers) and lowers[k] == ",":
            k += 1
            continue
        return None


def _provinces(lowers: list[str], i: int) -> int | None:
    """Where "Ủy ban nhân dân các tỉnh, thành phố:" (at i) ends, else None."""
    words = next((w for w in _COMMITTEE if _at(lowers, i, w)), None)
    if words is None or not _at(lowers, i + len(words), ("các",)):
        return None
    k = i + len(words) + 1
    level = next((w for w in _LEVELS if _at(lowers, k, w)), None)
    if level is None:
        return None
    k += len(level)
    if _at(lowers, k, ("trực", "thuộc", "trung", "ương")):
        k += 4
    return k + 1 if k < len(lowers) and lowers[k] == ":" else None


_CLAUSE_START = {"\n", ")", ".", ":", ";"}


def _subject_provinces(lowers: list[str], i: int) -> int | None:
    """Where "các tỉnh" (at i) ends when it opens a clause: "a) Các tỉnh Nghệ An, Cao Bằng khẩn trương …"."""
    if i and lowers[i - 1] not in _CLAUSE_START:
        return None
    level = next((w for w in _LEVELS if _at(lowers, i + 1, w)), None)
    if level is None:
        return None
    k = i + 1 + len(level)
    return k + (k < len(lowers) and lowers[k] == ":")


def _member(doc: Doc, k: int, heads: list[str], reg: Registry) -> tuple[int, str, str | None] | None:
    """(end, label, full name) of the list member at k: the longest registry name, else a named body."""
    n = len(doc)
    for e in range(min(n, k + _MAX_NAME), k, -1):
        if not doc[e - 1].is_alpha:
            continue
        words = doc[k:e].text
        for head in heads:
            agency = reg.resolve(f"{head} {words}" if head else words)
            if agency is not None and agency.kind not in ("province", "city"):
                return e, agency.id, None
    body_head = next((h for h in heads if h in _BODY_HEADS), None)
    if body_head is None:
        return None
    e = k
    while e < n and e - k < _MAX_NAME and (doc[e].lower_ not in _ENDS and (doc[e].is_alpha or doc[e].text == "-")
                                           or doc[e].text == "\n" and e + 1 < n and doc[e + 1].is_lower):
        e += 1  # a cell's name wrapped onto the next line goes on there in lower case
    if e < n and doc[e].text in (",", ";", "("):
        return e, BODY_KIND, f"{body_head} {doc[k:e].text}"  # the list goes on: the member is all of it
    cut = next((j for j in range(k + 1, e - 1) if doc[j].is_lower and doc[j + 1].is_lower), e)
    if not doc[cut - 1].is_title:
        return None
    return cut, BODY_KIND, f"{body_head} {doc[k:cut].text}"  # "… Tây Nguyên rà soát.": the sentence goes on


def _province_member(doc: Doc, k: int, reg: Registry) -> tuple[int, str, str | None] | None:
    """(end, label, None) of a province named in a People's Committees list: its committee."""
    for e in range(min(len(doc), k + 4), k, -1):
        if not doc[e - 1].is_alpha:
            continue
        words = doc[k:e].text
        agency = next((a for level in ("tỉnh", "thành phố") if (a := reg.resolve(f"Ủy ban nhân dân {level} {words}"))
                       is not None), None)
        if agency is not None:
            return e, agency.id, None
    return None


Member = Callable[[int], "tuple[int, str, str | None] | None"]


def _members(doc: Doc, k: int, member: Member) -> list[Span]:
    """The members from k on, while they are joined by "," / "và" and start with a capital."""
    out: list[Span] = []
    n = len(doc)
    while k < n and doc[k].is_title:
        found = member(k)
        if found is None:
            break
        end, label, name = found
        span = Span(doc, k, end, label=label)
        span._.full_name = name
        out.append(span)
        k = end
        if k < n and doc[k].text == "(":  # "Điện lực Việt Nam (EVN)": the abbreviation in brackets
            close = next((j for j in range(k + 1, min(n, k + 6)) if doc[j].text == ")"), None)
            k = close + 1 if close is not None else k
        if k + 1 < n and (doc[k].text in (",", ";") or (doc[k].lower_ == "và" and doc[k + 1].lower_ != "các")):
            k += 1
            continue
        break
    return out


def _place_at(doc: Doc, k: int, reg: Registry) -> int | None:
    """The end of "tỉnh X" / "thành phố X" at k when X is a province, else None."""
    level = next((w for w in (("tỉnh",), ("thành", "phố")) if _at([t.lower_ for t in doc[k:k + 2]], 0, w)), None)
    if level is None:
        return None
    found = _province_member(doc, k + len(level), reg)
    return found[0] if found else None


def _committees_of_places(doc: Doc, i: int, reg: Registry) -> list[Span]:
    """"Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh" (at i): one committee word for
    every place; spans for the places after the first (the registry names the first with the committee word)."""
    lowers = [t.lower_ for t in doc[i:i + 4]]
    k = i + (4 if lowers == ["ủy", "ban", "nhân", "dân"] else 1)
    end = _place_at(doc, k, reg)
    out: list[Span] = []
    while end is not None and end + 1 < len(doc) and doc[end].lower_ in (",", "và"):
        nxt = _place_at(doc, end + 1, reg)
        if nxt is None:
            break
        words = doc[end + 1:nxt].text
        agency = reg.resolve(f"Ủy ban nhân dân {words}")
        if agency is None:
            break
        out.append(Span(doc, end + 1, nxt, label=agency.id))
        end = nxt
    return out


def shared_spans(doc: Doc, reg: Registry) -> list[Span]:
    """Spans of the members of every list in `doc` that names the kind of body once."""
    strings = doc.vocab.strings
    lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]
    out: list[Span] = []
    for i, low in enumerate(lowers):
        if low == "các" and (found := _heads(lowers, i + 1)) is not None:
            out += _members(doc, found[1], partial(_member, doc, heads=found[0], reg=reg))
        elif low in ("ủy", "ubnd") and (start := _provinces(lowers, i)) is not None:
            out += _members(doc, start, partial(_province_member, doc, reg=reg))
        elif low in ("ủy", "ubnd"):
            out += _committees_of_places(doc, i, reg)
        elif low == "các" and (start := _subject_provinces(lowers, i)) is not None:
            members = _members(doc, start, partial(_province_member, doc, reg=reg))
            end = members[-1].end if members else 0
            if members and end < len(doc) and doc[end].is_lower and doc[end].is_alpha:
                out += members  # the provinces act ("… khẩn trương hoàn thiện"): their People's Committees
    return out
