"""Names people use for documents: kind, symbol and date ("Quyết định số 2289/QĐ-TTg ngày 31/12/2020").

Built from the `docs` and `refs` answer rows; every document (in the corpus or only cited) gets a
long name, a short name ("QĐ 2289/QĐ-TTg", "(dự thảo)" for drafts) and search keys, so "2289",
"NQ 50", "50/NQ-CP" or title words with or without diacritics find it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.agencies import fold_text, slug
from extract.rows import DocRow, PassageRow, RefRow

Row = dict[str, Any]

ABBR = {"Nghị quyết": "NQ", "Quyết định": "QĐ", "Nghị định": "NĐ", "Chỉ thị": "CT", "Thông tư": "TT",
        "Kết luận": "KL", "Công văn": "CV", "Thông báo": "TB", "Tờ trình": "TTr", "Luật": "Luật",
        "Pháp lệnh": "PL", "Kế hoạch": "KH", "Báo cáo": "BC"}
KIND_OF_ABBR = {v: k for k, v in ABBR.items()}
CORPUS_KIND = {"strategy": "Chiến lược", "report": "Báo cáo", "programme": "Đề án", "program": "Chương trình",
               "plan": "Kế hoạch", "decision": "Quyết định", "resolution": "Nghị quyết", "decree": "Nghị định",
               "circular": "Thông tư", "directive": "Chỉ thị", "law": "Luật", "letter": "Công văn",
               "submission": "Tờ trình", "notice": "Thông báo", "conclusion": "Kết luận"}
ISSUER = {"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "TW": "Ban Chấp hành Trung ương Đảng",
          "QH": "Quốc hội", "QH13": "Quốc hội", "QH14": "Quốc hội", "QH15": "Quốc hội",
          "VPCP": "Văn phòng Chính phủ", "VPTW": "Văn phòng Trung ương Đảng", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
          "BTC": "Bộ Tài chính", "BTTTT": "Bộ Thông tin và Truyền thông", "NHNN": "Ngân hàng Nhà nước Việt Nam",
          "BKHCN": "Bộ Khoa học và Công nghệ", "BCT": "Bộ Công Thương"}
_ISSUER_IN_TEXT = re.compile(r"của\s+(Bộ Chính trị|Ban Chấp hành Trung ương(?: Đảng)?|Thủ tướng Chính phủ|"
                             r"Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Ban Bí thư)")
_DATE_WORDS = re.compile(r"^\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DATE_SLASH = re.compile(r"^\s*ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_SYMBOL = re.compile(r"(?:số\s+)?(\d+(?:\s*[/-]\s*[0-9A-Za-zĐđ&]+)+)")
_YEAR_IN_SYMBOL = {"NĐ", "TT", "Luật"}


@dataclass(frozen=True)
class DocName:
    """One document's names and the keys it is found by."""

    id: str
    kind: str
    symbol: str | None
    date: str | None
    issuer: str | None
    title: str | None
    draft: bool
    in_corpus: bool
    aliases: tuple[str, ...] = ()
    tokens: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def short(self) -> str:
        """"QĐ 2289/QĐ-TTg", "Luật Đầu tư 2020", or a shortened title; "(dự thảo)" for drafts."""
        if self.symbol:
            base = f"{ABBR.get(self.kind, self.kind)} {self.symbol}"
        elif self.kind == "Luật" and self.title:
            base = self.title + (f" {self.date[:4]}" if self.date else "")
        else:
            base = clip(self.title or self.id, 60)
        return base + (" (dự thảo)" if self.draft else "")

    @property
    def long(self) -> str:
        """"Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ", as a legal basis is written."""
        when = spoken_date(self.date)
        by = f" của {self.issuer}" if self.issuer else ""
        if self.symbol:
            base = f"{self.kind} số {self.symbol}{' ' + when if when else ''}{by}"
        elif self.kind == "Luật" and self.title:
            base = self.title + (f" năm {self.date[:4]}" if self.date else "")
        else:
            title = self.title or self.id
            base = title if title.lower().startswith(self.kind.lower()) else f"{self.kind} {title}"
            about = ", ".join(x for x in (self.issuer, plain_date(self.date)) if x)
            base += f" ({about})" if about else ""
        return base + (" (dự thảo)" if self.draft else "")

    @property
    def label(self) -> str:
        """For pickers: the short name and, when known and different, the title."""
        if self.title and self.symbol:
            return f"{self.short} — {clip(self.title, 70)}"
        return self.short


def clip(text: str, n: int) -> str:
    """Cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def spoken_date(date: str | None) -> str:
    """"2020-12-31" -> "ngày 31/12/2020"; "2024-12" -> "tháng 12/2024"; "2020" -> "năm 2020"."""
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) == 3:
        return f"ngày {int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {parts[0]}"


def plain_date(date: str | None) -> str:
    """"2020-12-31" -> "31/12/2020"; "2024-12" -> "12/2024"."""
    return spoken_date(date).split(" ", 1)[-1] if date else ""


def _tokens(*texts: str | None) -> frozenset[str]:
    return frozenset(t for text in texts if text for t in slug(text).split("-") if t)


def _symbol_from_fields(kind: str, number: str, issuer: str | None, year: int | None) -> str | None:
    if not number:
        return None
    abbr = ABBR.get(kind, kind)
    if issuer == "TW":
        return f"{number}-{abbr}/TW"
    if kind == "Luật":
        return f"{number}/{year}/{issuer}" if year else f"{number}/{issuer}"
    if abbr in _YEAR_IN_SYMBOL and year:
        return f"{number}/{year}/{abbr}-{issuer}"
    return f"{number}/{abbr}-{issuer}" if issuer else number


def _from_quote(quote: str, number: str) -> tuple[str | None, str | None, str | None]:
    """(symbol, ISO date, issuer) as the citing text writes them, when it does."""
    text = re.sub(r"\s*([/-])\s*", r"\1", fold_text(" ".join(quote.split())))
    symbol = date = issuer = None
    for m in _SYMBOL.finditer(text):
        if m.group(1).split("/")[0].split("-")[0] == number:
            symbol = m.group(1)
            rest = text[m.end():]
            d = _DATE_WORDS.match(rest) or _DATE_SLASH.match(rest)
            if d:
                date = f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
            who = _ISSUER_IN_TEXT.search(rest[:60])
            issuer = who.group(1) if who else None
            break
    return symbol, date, issuer


def _cited(rows: list[RefRow], passages: dict[str, list[str]]) -> DocName:
    first = rows[0]
    kind, number, year = first["kind"] or "Văn bản", first.get("numeral", first["number"]) or "", first["year"]
    symbol = date = issuer = None
    if not number.isdigit() and (bare := re.match(r"\d+", number)):  # the row gives the whole symbol
        symbol, number = number, bare.group(0)
    for r in rows:
        for quote in [r["evidence"]["quote"], *passages.get(first["id"], [])]:
            s, d, i = _from_quote(quote or "", number) if number else (None, None, None)
            symbol, date, issuer = symbol or s, date or d, issuer or i
    symbol = symbol or _symbol_from_fields(kind, number, first["issuer"], year)
    code = first["issuer"] or ""
    return DocName(id=first["id"], kind=kind, symbol=symbol, date=date or (str(year) if year else None),
                   issuer=issuer or ISSUER.get(code) or (code or None), title=first.get("name"), draft=False,
                   in_corpus=False)


def _corpus(doc: DocRow) -> DocName:
    number = doc.get("number") or None
    kind = CORPUS_KIND.get(doc.get("kind") or "", doc.get("kind") or "Văn bản")
    if number:  # the symbol says what kind of act issued it ("2289/QĐ-TTg": a Quyết định)
        m = re.search(r"[/-]([A-ZĐa-z]+)(?:[/-]|$)", number)
        kind = KIND_OF_ABBR.get(m.group(1), kind) if m else kind
    title = re.sub(r"\s*\((?:dự thảo|Dự thảo)[^)]*\)\s*$", "", doc.get("title") or "").strip() or None
    return DocName(id=doc["id"], kind=kind, symbol=number, date=doc.get("date"), issuer=doc.get("issuer"),
                   title=title, draft=doc.get("status") == "draft", in_corpus=True)


def corpus_names(docs: list[DocRow]) -> dict[str, DocName]:
    """Names of the corpus documents alone, from their own rows (no citation is read: cheap at any size)."""
    return {doc["id"]: _indexed(_corpus(doc)) for doc in docs}


def document_names(docs: list[DocRow], refs: list[RefRow],
                   passages: list[PassageRow] | None = None) -> dict[str, DocName]:
    """Names of every corpus document and every cited document, keyed by id (and a corpus
    document's legal id, e.g. "qd-2289-ttg-2020" for "000")."""
    by_ref: dict[str, list[RefRow]] = {}
    for r in refs:
        by_ref.setdefault(r["id"], []).append(r)
    quotes: dict[str, list[str]] = {}
    for p in passages or []:
        quotes.setdefault(p["cited"], []).append(p["quote"])
    names: dict[str, DocName] = {}
    cited = {rid: _cited(rows, quotes) for rid, rows in by_ref.items()}
    for doc in docs:
        name = _corpus(doc)
        same = [rid for rid, c in cited.items() if c.symbol and name.symbol and slug(c.symbol) == slug(name.symbol)]
        if same:
            c = cited[same[0]]
            name = DocName(**{**name.__dict__, "date": name.date or c.date, "aliases": tuple(same)})
        names[doc["id"]] = _indexed(name)
        for rid in same:
            names[rid] = names[doc["id"]]
    for rid, c in cited.items():
        names.setdefault(rid, _indexed(c))
    return names


def _indexed(name: DocName) -> DocName:
    abbr = ABBR.get(name.kind, name.kind)
    number = (name.symbol or "").split("/")[0].split("-")[0]
    tokens = _tokens(name.id, name.symbol, name.kind, abbr, name.title, name.issuer, *name.aliases,
                     "du thao" if name.draft else "", spoken_date(name.date), number)
    return DocName(**{**name.__dict__, "tokens": tokens})


def find(names: dict[str, DocName], text: str, limit: int = 10) -> list[DocName]:
    """Documents matching a symbol, a bare number, "NQ 50", or title words (diacritics optional)."""
    want = slug(text)
    words = [w for w in want.split("-") if w]
    if not words:
        return []
    scored: dict[str, tuple[int, str, DocName]] = {}
    for key, n in names.items():
        if n.symbol and slug(n.symbol) == want or key == text.strip() or want in (slug(a) for a in n.aliases):
            rank = 0
        elif all(_has(n.tokens, w) for w in words):
            rank = 1 if any(w.isdigit() for w in words) else 2
        else:
            continue
        ident = n.id
        if ident not in scored or scored[ident][0] > rank:
            scored[ident] = (rank, n.short, n)
    ordered = sorted(scored.values(), key=lambda s: (s[0], not s[2].in_corpus, s[2].draft, s[1]))
    return [n for *_, n in ordered[:limit]]


def _has(tokens: Iterable[str], word: str) -> bool:
    """A number must match a whole token; a word may be the start of one ("chuyen" in "chuyen")."""
    if word.isdigit():
        return word in tokens or word.lstrip("0") in {t.lstrip("0") for t in tokens if t.isdigit()}
    return any(t.startswith(word) for t in tokens)


def cited_name(doc_id: str, label: str, symbol: str | None, year: str | None) -> DocName:
    """A cited document's names from its own node (label "Nghị quyết 50/NQ-CP (2020)", symbol, year), without
    reading the citations of it: what a large corpus's search finds it by ("NQ 50", "50/NQ-CP")."""
    kind = label.split(symbol, 1)[0].strip() if symbol and symbol in label else re.sub(r"\s*\(\d{4}\)$", "", label)
    name = DocName(id=doc_id, kind=kind or "Văn bản", symbol=symbol, date=year, issuer=None,
                   title=None if symbol else kind, draft=False, in_corpus=False)
    return _indexed(name)
