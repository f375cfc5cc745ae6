"""Legal references: every citation form of the genre, with identity kind + number + year + issuer.

"Nghị quyết số 52-NQ/TW ngày 27 tháng 9 năm 2019", "Nghị định 10/2024/NĐ-CP",
"Luật Doanh nghiệp (2020)", "Chỉ thị số 20/CT-TTg (năm 2017)", "Nghị quyết số 19/NQ-CP (các
năm 2014 - 2018)", "Đề án 950". The year comes from the number, else from a date written next
to the citation, else from another citation of the same number in the document; otherwise the
reference is flagged ambiguous, never guessed (50/NQ-CP exists in 2020 and in 2023).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extract.legal_ids import _DOCNUM_RE, KINDS, identity, parse_number
from extract.nlp import AGENCY_SPANS

_DOCNUM_TEXT_RE = re.compile(r"(?<![\w/-])" + _DOCNUM_RE.pattern[1:-1] + r"(?![\w/-])")
_YEAR_RE = re.compile(r"^(19[4-9]\d|20\d\d)$")
_YEARS_RE = re.compile(r"^(19[4-9]\d|20\d\d)-(19[4-9]\d|20\d\d)$")
_DATE_TOKEN_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_STOP = {",", ";", ".", ":", "(", ")", "ngày", "năm", "số", "của", "để", "nhằm", "đã", "được",
         "đang", "với", "trong", "tại", "theo", "“", "”", '"', "\n", "thì", "là", "cho", "về",
         "cũng", "sẽ", "cần", "phải", "có", "này", "đó", "đến", "từ"}
_RELATION_RANK = {"cites": 0, "implements": 1, "based_on": 2}


@dataclass(frozen=True)
class RefHit:
    """A citation found in a doc: token span and the parsed identity."""

    start: int
    end: int
    kind: str
    number: str
    year: int | None
    issuer: str | None
    name: str | None = None
    years: tuple[int, ...] = ()
    title: str | None = None
    issuer_name: str | None = None
    nickname: bool = False
    code: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.kind, self.number or self.name or "", self.issuer

    @property
    def ref_id(self) -> str:
        return identity(self.kind, self.number, self.issuer, self.year, self.years, self.name)


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(doc: Doc) -> PhraseMatcher:
    """Kind words ("Nghị quyết", "Luật", "Đề án") on lower case, built once per vocab.

    A PhraseMatcher runs in C; the tokens after a kind word are checked in Python, which is
    far cheaper than a Matcher REGEX predicate evaluated on every token.
    """
    if id(doc.vocab) not in _MATCHERS:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        m.add("KIND", [_make(doc, w) for w in (*KINDS, "đề án")])
        _MATCHERS[id(doc.vocab)] = m
    return _MATCHERS[id(doc.vocab)]


def _make(doc: Doc, words: str) -> Doc:
    return Doc(doc.vocab, words=words.split())


def _classify(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """What a kind word starts: ("KIND", docnum token) / ("LAW", start) / ("DEAN", number token)."""
    words = doc[start:end].text.lower()
    j = end + (end < len(doc) and doc[end].lower_ == "số")
    if j < len(doc) and _DOCNUM_RE.match(doc[j].text):
        return "KIND", j
    if words == "luật" and doc[start].text == "Luật" and end < len(doc) and (doc[end].is_title or doc[end].is_upper):
        return "LAW", start
    if words == "đề án" and end < len(doc) and doc[end].text.isdigit():
        return "DEAN", end
    return None


def _date_after(doc: Doc, i: int) -> tuple[int | None, tuple[int, ...], int]:
    """A date written right after a citation: (year, series years, end token)."""
    n = len(doc)
    j = i
    if j < n and doc[j].text == "(":
        k = j + 1
        if k < n and doc[k].lower_ in ("năm", "các"):
            k += 1 + (doc[k].lower_ == "các" and k + 1 < n and doc[k + 1].lower_ == "năm")
        years = []
        while k < n and doc[k].text != ")" and k - j < 8:
            if _YEAR_RE.match(doc[k].text):
                years.append(int(doc[k].text))
            elif m := _YEARS_RE.match(doc[k].text):
                years += [int(m.group(1)), int(m.group(2))]
            k += 1
        if years and k < n and doc[k].text == ")":
            return years[0], tuple(years) if len(years) > 1 else (), k + 1
        return None, (), i
    if j < n and doc[j].lower_ == "ngày":
        k = j + 1
        if k < n and (m := _DATE_TOKEN_RE.match(doc[k].text)):
            return int(m.group(3)), (), k + 1
        for k in range(j + 1, min(n, j + 7)):
            if doc[k].lower_ == "năm" and k + 1 < n and _YEAR_RE.match(doc[k + 1].text):
                return int(doc[k + 1].text), (), k + 2
    return None, (), i


def _law_stop(doc: Doc, k: int) -> bool:
    tok, nxt = doc[k], doc[k + 1] if k + 1 < len(doc) else None
    if k in doc.user_data.get("agency_starts", ()):
        return True  # a table row: "Xây dựng Luật Chính phủ số | Bộ Thông tin và Truyền thông"
    if tok.lower_ in ("số", "ngày", "năm"):
        return nxt is not None and (nxt.like_num or bool(_YEAR_RE.match(nxt.text)))
    if tok.lower_ == "và":
        return nxt is not None and nxt.text == "Luật"
    return tok.lower_ in _STOP or bool(_YEAR_RE.match(tok.text))


def _law_name(doc: Doc, start: int) -> tuple[str, int, int | None] | None:
    """'Luật Doanh nghiệp (2020)' -> (name, end token, year); names are capped when no year."""
    n = len(doc)
    # A year in brackets within reach fixes the name's end even across "theo", "và": take it.
    for k in range(start + 2, min(n, start + 16)):
        if doc[k].text in (",", ";", "\n") or (doc[k].text == "." and doc[k].whitespace_):
            break
        if doc[k].text == "(" and k + 1 < n and doc[k + 1].is_upper and k + 2 < n and doc[k + 2].text == ")":
            continue
        if doc[k].text == "(":
            year, _, end = _date_after(doc, k)
            if year:
                return _clean_name(doc[start:k].text), end, year
            if k + 1 < n and doc[k + 1].text == "Luật":
                return _clean_name(doc[start:k].text), k, None
            break
    k = start + 1
    while k < n and k - start <= 7 and not _law_stop(doc, k):
        k += 1
    if k - start < 2:
        return None
    name = _clean_name(doc[start:k].text)
    if k < n and _YEAR_RE.match(doc[k].text):
        return name, k + 1, int(doc[k].text)  # "Luật Thủ đô 2024"
    year, _, end = _date_after(doc, k)
    return name, end if year else k, year


def _clean_name(name: str) -> str:
    return re.sub(r"\s+(và|,)$", "", name.strip())


def _tail(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """The issuer named after a citation ("của Bộ Chính trị") and its subject ("về ...")."""
    issuer_name = title = None
    k = end
    if "agency_at" not in doc.user_data:  # built once per doc: a long text has thousands of citations
        doc.user_data["agency_at"] = {s.start: s for s in doc.spans[AGENCY_SPANS]} if AGENCY_SPANS in doc.spans \
            else {}
    agencies = doc.user_data["agency_at"]
    if k < len(doc) and doc[k].lower_ == "của" and k + 1 in agencies:
        issuer_name = agencies[k + 1].text
        k = agencies[k + 1].end
    if k < len(doc) and doc[k].lower_ in ("về", "phê"):
        stop = k + 1
        while stop < len(doc) and stop - k < 40 and doc[stop].text not in (";", "(", "\n", ")") \
                and not (doc[stop].text == "." and doc[stop].whitespace_):
            stop += 1
        title = doc[k:stop].text.strip(" ,.")
    return issuer_name, title


def find_refs(doc: Doc) -> list[RefHit]:
    """All citations in a doc, in order, identities resolved within the doc."""
    hits: list[RefHit] = []
    if AGENCY_SPANS in doc.spans:
        # Long agency names end a law name in table rows; "Luật Tổ chức Chính phủ" keeps "Chính phủ".
        doc.user_data["agency_starts"] = {s.start for s in doc.spans[AGENCY_SPANS] if len(s) >= 3}
    found: list[tuple[int, str, int, int]] = []  # (start, label, kind-word end, last token)
    for _, start, end in _matcher(doc)(doc):
        what = _classify(doc, start, end)
        if what:
            found.append((start, what[0], end, what[1]))
    # bare numbers ("(Luật 32/2024/QH15)" aside, "95/2014/NĐ-CP"): a lexical format, found on the text
    for m in _DOCNUM_TEXT_RE.finditer(doc.user_data.get("text") or doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1:
            found.append((span.start, "BARE", span.start, span.start))
    found.sort(key=lambda f: (f[0], f[1] == "BARE"))
    covered = -1
    for start, label, kind_end, last in found:
        if start < covered:
            continue
        if label in ("KIND", "BARE"):
            kind_word = doc[start:kind_end].text if label == "KIND" else None
            try:
                kind, number, year, issuer = parse_number(doc[last].text, kind_word)
            except (ValueError, KeyError):
                continue
            date_year, years, end = _date_after(doc, last + 1)
            issuer_name, title = _tail(doc, end)
            hits.append(RefHit(start, end, kind, number, year or date_year, issuer,
                               years=years, title=title, issuer_name=issuer_name, code=doc[last].text))
            covered = end
        elif label == "LAW":
            law = _law_name(doc, start)
            if law is None:
                continue
            name, end, year = law
            if end < len(doc) and doc[end].text == "(" and end + 1 < len(doc) and doc[end + 1].text == "Luật":
                continue  # identity comes from the number in the brackets
            hits.append(RefHit(start, end, "Luật", "", year, "QH", name=name))
            covered = end
        elif label == "DEAN":
            hits.append(RefHit(start, last + 1, "Quyết định", doc[last].text, None, "TTg",
                               name=doc[start:last + 1].text, nickname=True))
            covered = last + 1
    return _resolve_years(hits)


def _resolve_years(hits: list[RefHit]) -> list[RefHit]:
    """Fill a missing year from another citation of the same document in this text."""
    known: dict[tuple[str, str, str | None], set[int]] = {}
    for h in hits:
        if h.year and not h.nickname:
            known.setdefault(h.key, set()).add(h.year)
    by_number: dict[str, set[tuple[str, str, str | None]]] = {}
    for key in known:
        by_number.setdefault(key[1], set()).add(key)
    out = []
    for h in hits:
        if h.nickname:  # "Đề án 950" -> the decision numbered 950 cited in the same text
            keys = [k for k in by_number.get(h.number, ()) if k[0] == "Quyết định"]
            if len(keys) == 1 and len(known[keys[0]]) == 1:
                h = replace(h, issuer=keys[0][2], year=next(iter(known[keys[0]])), name=None)
        elif h.year is None and len(known.get(h.key, ())) == 1:
            h = replace(h, year=next(iter(known[h.key])))
        out.append(h)
    return out


def relation(text: str, start: int) -> str:
    """based_on for "Căn cứ ..." clauses, implements after "thực hiện", else cites.

    `start` is the citation's offset in the normalised text (one paragraph per line).
    """
    para = text.rfind("\n", 0, start) + 1
    if text[para:para + 6].lower() == "căn cứ":
        return "based_on"
    sent = max(text.rfind(". ", para, start) + 2, para)
    if text[sent:sent + 9].lower() == "thực hiện":
        return "implements"  # "Thực hiện ... Nghị quyết A; theo ... Nghị quyết B và Quyết định C"
    clause = max(sent, text.rfind(";", sent, start) + 1)
    window = " ".join(text[clause:start].split()[-12:]).lower()
    return "implements" if "thực hiện" in window else "cites"


def implementer(hits: list[RefHit], doc: Doc, k: int) -> RefHit | None:
    """For "A ... ban hành Chương trình ... thực hiện B": the ref A that implements B."""
    hit = hits[k]
    window = [t.lower_ for t in doc[max(0, hit.start - 12):hit.start]]
    if "thực" not in window:
        return None
    for prev in reversed(hits[:k]):
        between = doc[prev.end:hit.start]
        if any(t.text in (";", "\n") or (t.text == "." and t.whitespace_) for t in between):
            return None
        if any(t.lower_ in ("ban", "phê") for t in between) and len(between) < 30:
            return prev
        return None
    return None


def stronger(a: str, b: str) -> str:
    """The stronger of two relations (based_on > implements > cites)."""
    return a if _RELATION_RANK[a] >= _RELATION_RANK[b] else b
