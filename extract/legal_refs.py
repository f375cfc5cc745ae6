"""Legal references: every citation form of the genre, with identity kind + number + year + issuer.

"Nghị quyết số 52-NQ/TW ngày 27 tháng 9 năm 2019", "Nghị định 10/2024/NĐ-CP",
"Luật Doanh nghiệp (2020)", "Chỉ thị số 20/CT-TTg (năm 2017)", "Nghị quyết số 19/NQ-CP (các
năm 2014 - 2018)", "Đề án 950". The year comes from the number, else from a date written next
to the citation, else from another citation of the same number in the document; otherwise the
reference is flagged ambiguous, never guessed (50/NQ-CP exists in 2020 and in 2023).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extract.agencies import DATA
from extract.bodies import AGENCY_SPANS
from extract.legal_ids import _DOCNUM_RE, KINDS, identity, parse_number

_DOCNUM_TEXT_RE = re.compile(r"(?<![\w/-])" + _DOCNUM_RE.pattern[1:-1] + r"(?![\w/-])")
_YEAR_RE = re.compile(r"^(19[4-9]\d|20\d\d)$")
_YEARS_RE = re.compile(r"^(19[4-9]\d|20\d\d)-(19[4-9]\d|20\d\d)$")
_DATE_TOKEN_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_STOP = {",", ";", ".", ":", "(", ")", "ngày", "năm", "số", "của", "để", "nhằm", "đã", "được",
         "đang", "với", "trong", "tại", "theo", "“", "”", '"', "\n", "thì", "là", "cho", "về",
         "cũng", "sẽ", "cần", "phải", "có", "này", "đó", "đến", "từ"}
_RELATION_RANK = {"cites": 0, "implements": 1, "based_on": 2}
_TREATIES = {"hiệp định": "Hiệp định", "công ước": "Công ước", "thỏa thuận": "Thỏa thuận",
             "nghị định thư": "Nghị định thư"}


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
    cut: bool = False  # a name broken off by a footnote mark ("Luật Bảo vệ môi 4 Đối với …")

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.kind, self.number or self.name or "", self.issuer

    @property
    def ref_id(self) -> str:
        return identity(self.kind, self.number, self.issuer, self.year, self.years, self.name)


# what a citation starts with ("Nghị quyết", "Luật", "Công ước")
# programmes cited by their title and horizon: "Chiến lược phát triển … đến năm 2030", "Chương trình … giai
# đoạn 2016 - 2020", "Quy hoạch … thời kỳ 2021-2030, tầm nhìn đến năm 2050"
# (not plans, "Kế hoạch …": a text names many it only means as work to do; a master plan, "Quy hoạch …", only
# with its period: "Quy hoạch mạng lưới đường bộ thời kỳ 2021 - 2030, tầm nhìn đến năm 2050")
_PROGRAMMES = {"chiến lược": "Chiến lược", "chương trình": "Chương trình", "đề án": "Đề án", "quy hoạch": "Quy hoạch"}
KIND_WORDS = tuple(dict.fromkeys((*KINDS, *_TREATIES, *_PROGRAMMES)))
_MATCHERS: dict[int, PhraseMatcher] = {}


def kind_matcher(vocab: Vocab, words: tuple[str, ...] = KIND_WORDS) -> PhraseMatcher:
    """Kind words on lower case.

    A PhraseMatcher runs in C; the tokens after a kind word are checked in Python, which is
    far cheaper than a Matcher REGEX predicate evaluated on every token.
    """
    m = PhraseMatcher(vocab, attr="LOWER")
    m.add("KIND", [Doc(vocab, words=w.split()) for w in words])
    return m


def _matcher(doc: Doc) -> PhraseMatcher:
    if id(doc.vocab) not in _MATCHERS:
        _MATCHERS[id(doc.vocab)] = kind_matcher(doc.vocab)
    return _MATCHERS[id(doc.vocab)]


def _make(doc: Doc, words: str) -> Doc:
    return Doc(doc.vocab, words=words.split())


def _series(doc: Doc, start: int, kind_end: int, last: int) -> list[RefHit]:
    """One citation for each number of a list that shares the symbol at `last`."""
    try:
        kind, number, year, issuer = parse_number(doc[last].text, doc[start:kind_end].text)
    except (ValueError, KeyError):
        return []
    suffix = doc[last].text[len(number):]
    numbers = [t for t in doc[kind_end:last] if t.text.isdigit()]
    out = [RefHit(t.i, t.i + 1, kind, t.text, year, issuer, code=t.text + suffix) for t in numbers]
    return [*out, RefHit(last, last + 1, kind, number, year, issuer, code=doc[last].text)]


def _series_end(doc: Doc, j: int) -> int | None:
    """The symbol closing a list of numbers that share it ("9, 10, 11/COP19" at j), else None."""
    k, n = j, len(doc)
    while k + 2 < n and doc[k].text.isdigit() and doc[k + 1].text in (",", "và"):
        k += 2
    return k if k > j and k < n and _DOCNUM_RE.match(doc[k].text) else None


def _classify(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """What a kind word starts: ("KIND", docnum token) / ("LAW", start) / ("DEAN", number token)."""
    words = doc[start:end].text.lower()
    j = end + (end < len(doc) and doc[end].lower_ == "số")
    if j < len(doc) and _DOCNUM_RE.match(doc[j].text):
        return "KIND", j
    if (last := _series_end(doc, j)) is not None:
        return "SERIES", last  # "Quyết định số 9, 10, 11/COP19": three decisions sharing one symbol
    nxt = doc[end] if end < len(doc) else None
    if words == "luật" and start > 0 and doc[start - 1].text == "Bộ" and nxt is not None and nxt.is_alpha \
            and nxt.lower_ not in _NOT_A_LAW_NAME:
        return "CODE", start  # "Bộ luật Hình sự", "Bộ Luật lao động": a code of law
    if words == "luật" and doc[start].text == "Luật" and nxt is not None and (
            nxt.is_title or nxt.is_upper or (nxt.is_lower and nxt.is_alpha and nxt.lower_ not in _NOT_A_LAW_NAME)):
        return "LAW", start  # "Luật Đất đai", and lower-case names: "Luật đầu tư công"
    if words == "luật" and nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in _NOT_A_LAW_NAME \
            and not (start and doc[start - 1].lower_ == "pháp"):  # "pháp luật trước ngày …": the law in general
        return "LAW_LOWER", start  # "luật đất đai năm 2024": all in lower case, a law only with its year
    if words in _TREATIES and doc[start].text[:1].isupper() and nxt is not None \
            and (nxt.is_title or nxt.lower_ == "khung"
                 or (nxt.is_lower and "về" in [t.lower_ for t in doc[end:end + 5]])):
        return "TREATY", start  # "Hiệp định …", "Công ước khung của Liên hợp quốc …", "Thỏa thuận Paris …"
    if words == "nghị quyết" and nxt is not None and (nxt.text in ("Đại", "Hội") and doc[end + 1:end + 2].text == "hội"
                                                     or nxt.lower_ == "của" and doc[end + 1:end + 3].text == "Đại hội"):
        return "TREATY", start  # "Nghị quyết [của] Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    if words == "đề án" and end < len(doc) and doc[end].text.isdigit():
        return "DEAN", end
    if words in _NATIONAL and doc[start].text[:1].isupper() and not _to_make(doc, start) and \
            (term := _national_end(doc, end, words)) is not None:
        return "PROGRAMME", term
    if words in _PROGRAMMES and doc[start].text[:1].isupper() and nxt is not None and nxt.is_lower \
            and nxt.is_alpha and nxt.lower_ not in _NOT_A_PROGRAMME and (term := _programme_end(doc, end)) is not None:
        return "PROGRAMME", term
    if words == "nghị quyết" and (term := _plenum_end(doc, end)) is not None:
        return "PLENUM", term  # "Nghị quyết Trung ương 7 khóa XI": the Party's plenum, cited by its term
    return None


# A national strategy, programme or plan is a title without a horizon too: "Chiến lược quốc gia về biến đổi khí
# hậu", "Chương trình mục tiêu quốc gia ứng phó với biến đổi khí hậu", "Kế hoạch hành động quốc gia thực hiện …".
_NATIONAL = {"chiến lược": ("quốc", "gia", "về"), "chương trình": ("mục", "tiêu", "quốc", "gia"),
             "kế hoạch": ("hành", "động", "quốc", "gia")}
_NATIONAL_STOPS = {",", ".", ";", ":", "(", ")", "“", "”", '"', "|"}
_MORE = ("các", "những")  # "… và các chương trình khác": the name ended before
_NATIONAL_ENDS = {"trong", "nhằm", "để", "theo", "đã", "được", "đang", "sẽ", "trên", "tại", "là", "vào"}
# "Cập nhật, ban hành Chiến lược quốc gia về …", "Sản phẩm: Chiến lược …": a document still to be made
_MAKING = {"hành", "dựng", "nhật", "thảo", "phẩm"}


def _to_make(doc: Doc, start: int) -> bool:
    """A kind word right after a verb of making ("ban hành", "xây dựng", "cập nhật") or a product's label."""
    before = [t for t in doc[max(0, start - 2):start] if not t.is_space]
    return bool(before) and (before[-1].lower_ in _MAKING or
                             (before[-1].text == ":" and len(before) > 1 and before[-2].lower_ in _MAKING))


def _national_end(doc: Doc, k: int, words: str) -> int | None:
    """The end of a national strategy's, programme's or plan's name after its kind word, or None."""
    marker, n = _NATIONAL[words], len(doc)
    if tuple(t.lower_ for t in doc[k:k + len(marker)]) != marker:
        return None
    if (titled := _programme_end(doc, k)) is not None:
        return titled  # "Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo đến năm 2030"
    j = k + len(marker)
    while j < n and j - k <= 24:
        tok = doc[j]
        if (h := _horizon_at(doc, j)) is not None:
            return _programme_end(doc, k) or h
        if tok.text == "," and doc[j - 1].lower_ == "phòng" and doc[j + 1:j + 2].text == "chống":
            j += 1
            continue  # "… phòng, chống ma túy": one name
        if tok.text in _NATIONAL_STOPS or tok.is_space and "\n" in tok.text or \
                (tok.lower_ in _NATIONAL_ENDS and not (tok.lower_ == "tại" and doc[j + 1:j + 2].text == "Việt")) or \
                (tok.lower_ == "và" and (_kind_at(doc, j + 1) or doc[j + 1:j + 2].text.lower() in _MORE)) or \
                tok.text in ("Các", "Những") or j in doc.user_data.get("agency_starts", ()):
            break  # "… và các chương trình khác", a new sentence ("… nhân tài Các bộ, ngành …"), an agency
        j += 1
    return j if k + len(marker) < j < n and j - k <= 24 else None


_ROMAN_RE = re.compile(r"^[IVXL]+$")
_NOT_A_PROGRAMME = {"này", "đó", "và", "của", "được", "đã", "số", "hành", "tổng", "thực", "trên", "chung", "năm",
                    "công", "kèm", "đề", "sẽ", "theo", "nêu", "trước", "chi", "triển", "các", "từ"}
_HORIZON = ("đến", "giai", "thời")


def _programme_end(doc: Doc, k: int) -> int | None:
    """The end of a programme's title that closes with its horizon ("… đến năm 2030", "… giai đoạn 2016 - 2020",
    "… thời kỳ 2021-2030, tầm nhìn đến năm 2050"), or None: a title without a horizon is not told from prose."""
    n = len(doc)
    j = k
    while j < n and j - k <= 25:
        tok = doc[j]
        if (h := _horizon_at(doc, j)) is not None:
            if j == k:
                return None  # "Chiến lược đến năm 2025": the document's own strategy, named by its horizon only
            end = h
            while end + 1 < n and doc[end].text in (",", "và") and doc[end + 1].lower_ in ("tầm", "định") \
                    and (more := _horizon_at(doc, end + 3) or (end + 4 if _YEAR_RE.match(doc[end + 3:end + 4].text)
                                                               else None)) is not None \
                    and doc[end + 2].lower_ in ("nhìn", "hướng"):
                end = more  # ", tầm nhìn đến năm 2050", ", định hướng đến năm 2030", ", tầm nhìn 2050"
            return end
        # "kinh tế - xã hội", "chất lượng cao, phát thải thấp"
        joined = tok.text == "-" or (tok.text == "," and j + 1 < n and doc[j + 1].is_lower and doc[j + 1].is_alpha
                                     and not _verb_at(doc, j + 1))
        if not (joined or (tok.is_alpha and (tok.is_lower or tok.is_title or tok.is_upper))) \
                or tok.lower_ in ("của", "đã", "được"):
            return None
        j += 1
    return None


def _horizon_at(doc: Doc, j: int) -> int | None:
    """"đến năm 2030", "giai đoạn 2016 - 2020", "thời kỳ 2021-2030" at token j: the token after it."""
    if j >= len(doc):
        return None
    words = [t.text for t in doc[j:j + 5]]
    low = [w.lower() for w in words]
    if re.fullmatch(r"\d{1,2}", words[0]) and low[1:2] == ["năm"] and len(words) > 2:
        return _span_years(words[2:], j + 2)  # "Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030"
    if doc[j].lower_ not in _HORIZON:
        return None
    if low[:2] == ["đến", "năm"] and len(words) > 2 and _YEAR_RE.match(words[2]):
        return j + 3
    if low[:2] in (["giai", "đoạn"], ["thời", "kỳ"]) and len(words) > 2:
        if _YEARS_RE.match(words[2]):
            return j + 3
        if len(words) > 4 and _YEAR_RE.match(words[2]) and words[3] in ("-", "–") and _YEAR_RE.match(words[4]):
            return j + 5
    return None


def _span_years(words: list[str], j: int) -> int | None:
    """The token after "2021-2030" or "2021 - 2030" starting at token j, else None."""
    if words and _YEARS_RE.match(words[0]):
        return j + 1
    if len(words) > 2 and _YEAR_RE.match(words[0]) and words[1] in ("-", "–") and _YEAR_RE.match(words[2]):
        return j + 3
    return None


def _plenum_end(doc: Doc, k: int) -> int | None:
    """The term's numeral closing "Nghị quyết [Hội nghị] [lần thứ N] [Ban Chấp hành] Trung ương [N] khóa XI"."""
    words = [t.text for t in doc[k:k + 14]]
    if not words or words[0] not in ("Trung", "Hội"):
        return None
    for j in range(1, len(words) - 1):
        if words[j].lower() in ("khóa", "khoá") and _ROMAN_RE.match(words[j + 1]):
            head = " ".join(words[:j])
            return k + j + 1 if "Trung ương" in head and not re.search(r"[;,.()]", head) else None
    return None


def _date_after(doc: Doc, i: int) -> tuple[int | None, tuple[int, ...], int]:
    """A date written right after a citation: (year, series years, end token)."""
    n = len(doc)
    # "02/TTr-CAT- ANCTNB": a symbol that line wrapping cut after a hyphen goes on to its last part
    i += 2 * (i + 1 < n and doc[i].text in ("-", "–") and bool(re.fullmatch(r"[A-ZĐ&]{2,}\d*", doc[i + 1].text)))
    j = i + (i + 1 < n and doc[i].text == "," and doc[i + 1].lower_ == "ngày")  # "số 292/QĐ-BKHCN, ngày 25/3/2025"
    j += j + 1 < n and doc[j].text == "\n" and doc[j + 1].lower_ == "ngày"  # the date wrapped onto the next line
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
            y = k + 1 + (k + 2 < n and doc[k + 1].text == "\n")  # "… tháng 05 năm" / "2021": a wrapped line
            if doc[k].lower_ == "năm" and y < n and _YEAR_RE.match(doc[y].text):
                return int(doc[y].text), (), y + 1
    return None, (), i


# "Ngày 18/8/2026, Sở … đã có Văn bản số 7914/SNNMT-KS …", "Ngày 3 tháng 5 năm 2025, UBND tỉnh ban hành Kế hoạch số
# 12/KH-UBND …": a report's sentence that opens with a date and issues the document it cites dates that document.
_ISSUING = {"có", "hành", "ký", "gửi", "trình"}  # "đã có", "ban hành", "ký", "gửi", "trình" (the last word)
_CLAUSE_END = {".", ";", ":"}


def _clause_end(tok: Token) -> bool:
    return tok.text in _CLAUSE_END or (tok.is_space and "\n" in tok.text)


def _opening_date(doc: Doc, start: int) -> int | None:
    """The year of the date a sentence opens with, when the citation at `start` is what it says was issued."""
    k, skipped = start - 1, 0
    while k >= 0 and doc[k].lower_ not in _ISSUING:
        if _clause_end(doc[k]) or skipped >= 3:
            return None
        skipped += not doc[k].is_space
        k -= 1
    s = k
    while s > 0 and not _clause_end(doc[s - 1]) and k - s < 40:
        s -= 1
    if k < 0 or doc[s].lower_ != "ngày" or s + 1 >= len(doc):
        return None
    if m := _DATE_TOKEN_RE.match(doc[s + 1].text):
        return int(m.group(3))
    if s + 6 < len(doc) and doc[s + 4].lower_ == "năm" and _YEAR_RE.match(doc[s + 5].text) and doc[s + 6].text == ",":
        return int(doc[s + 5].text)
    return None


_HARD = {";", "\n", ":", ")", "“", "”", '"', "|"}  # "|": a table cell ends
_ARTICLE = {"khoản", "điều", "điểm", "chương", "mục"}  # "Luật X và khoản 2 Điều 5 …": the name stopped
_LAW_STOPS = _STOP - {"số", "năm", "ngày"}  # those close a name only before a number or a date
_NAME_STOPS = _LAW_STOPS - {"của", "về", "có"}  # "Công ước khung của Liên hợp quốc về …", "một số điều của"
# verbs that follow a law's name ("Luật X trình Quốc hội …", "Luật kịp thời đi vào …")
_VERBS = [v.split() for v in ("trình", "kể từ", "ban hành", "bảo đảm", "kịp thời", "bao gồm", "quy định",
                              "hướng dẫn", "thông qua", "thi hành", "triển khai", "thực hiện", "tổ chức",
                              "xây dựng", "hoàn thiện", "nghiên cứu", "được", "đã", "sẽ", "nhằm", "thuộc", "vào")]
_NOT_A_LAW_NAME = {"này", "và", "hoặc", "định", "trên", "đó", "cũng", "là", "được", "khác", "chuyên", "mới",
                   "thì", "hiện", "trong", "nêu", "có", "đã", "sẽ", "số"}


def _end_marker(doc: Doc, k: int) -> bool:
    """A date, year or number that closes a name: "ngày …", "năm 2024", "(2020)", "số 134/2025/QH15"."""
    tok, nxt = doc[k], doc[k + 1] if k + 1 < len(doc) else None
    if tok.lower_ == "ngày" or bool(_YEAR_RE.match(tok.text)):
        return True
    if tok.lower_ in ("năm", "số") and nxt is not None:
        return bool(_YEAR_RE.match(nxt.text) or _DOCNUM_RE.match(nxt.text) or nxt.like_num)
    return tok.text == "(" and nxt is not None and bool(_YEAR_RE.match(nxt.text) or nxt.lower_ in ("năm", "luật"))


def _hard_stop(tok: Token) -> bool:
    """Punctuation that ends a name; a full stop only at a sentence end (not "TP.")."""
    end = tok.i + 1 == len(tok.doc) or tok.whitespace_ or tok.doc[tok.i + 1].text == "\n"
    return tok.text in _HARD or tok.text in ("(", ",") or (tok.text == "." and bool(end))


def _kind_at(doc: Doc, k: int) -> bool:
    """A document kind starts at token k ("Nghị định", "Luật"): a second citation, not more name."""
    words = [t.lower_ for t in doc[k:k + 3]]
    return any(" ".join(words[:w]) in KINDS or " ".join(words[:w]) in _TREATIES for w in (1, 2, 3))


_VERB_FIRST = {v[0] for v in _VERBS}


def _verb_at(doc: Doc, k: int) -> bool:
    if k >= len(doc) or doc[k].lower_ not in _VERB_FIRST:
        return False  # most words start no verb: skip building the slices
    return any([t.lower_ for t in doc[k:k + len(v)]] == v for v in _VERBS)


def _short_tail(doc: Doc, k: int) -> bool:
    """Up to three lower-case words that end at a comma, a full stop or a date: the end of a name."""
    if doc[k].lower_ in ("các", "những", "một"):
        return False  # "Thỏa thuận Paris và các tuyên bố": a new noun phrase
    j = k
    while j < len(doc) and j - k < 4 and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in _STOP \
            and doc[j].lower_ != "và":
        j += 1
    return j > k and (j == len(doc) or _hard_stop(doc[j]) or _end_marker(doc, j) or doc[j].lower_ == "và")


def _pair_before_verb(doc: Doc, k: int) -> bool:
    """"Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực …": two lower-case words, then the verb of
    the sentence the name is the subject of."""
    j = k + 2
    return j < len(doc) and all(t.is_lower and t.is_alpha and t.lower_ not in _STOP for t in doc[k:j]) \
        and doc[j].lower_ in ("có", "được", "đã", "sẽ", "là", "thì")


def _date_ahead(doc: Doc, k: int) -> bool:
    """A date closes the words from `k` within a few tokens, with no stop between."""
    for j in range(k + 1, min(len(doc), k + 10)):
        if _end_marker(doc, j):
            return doc[j].lower_ in ("ngày", "năm")
        if _hard_stop(doc[j]) or doc[j].text == ",":
            return False
    return False


def _soft_stop(doc: Doc, k: int, amendment: bool, treaty: bool) -> bool:
    """Where a name without a date after it stops."""
    tok, nxt = doc[k], doc[k + 1] if k + 1 < len(doc) else None
    if k in doc.user_data.get("agency_starts", ()) and not treaty and not _date_ahead(doc, k):
        return True  # a table row: "Xây dựng Luật Chính phủ số | Bộ Thông tin và Truyền thông"; but "Luật Tổ
        # chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003" names the bodies up to its date
    if tok.text == "," and nxt is not None:
        if treaty and nxt.lower_ == "nhiệm" and doc[k + 2:k + 3].text == "kỳ":
            return False  # a congress's resolution with its term: "…, nhiệm kỳ 2025 - 2030"
        if amendment and (nxt.lower_ == "bổ" or nxt.text == "Luật"):
            return False  # "sửa đổi, bổ sung"; "… của Luật Quy hoạch, Luật Đầu tư, …": the laws amended together
        if nxt.text in law_abbreviations() and doc[k - 1].text in law_abbreviations():
            return False  # "Luật KH, CN và ĐMST": short forms listed in one name
        if not treaty and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in _STOP and not _verb_at(doc, k + 1) \
                and (_short_tail(doc, k + 1) or _pair_before_verb(doc, k + 1)):
            return False  # "Luật Cán bộ, công chức", "Luật Phòng, chống tham nhũng": a pair in the name
        # "Luật Khoa học, Công nghệ và Đổi mới sáng tạo"; "Luật Quy hoạch, Luật Đầu tư" are two
        return not (nxt.is_title and not _kind_at(doc, k + 1) and k + 1 not in doc.user_data.get("agency_starts", ()))
    if _hard_stop(tok):
        return True
    if tok.lower_ == "và":
        if nxt is None or nxt.lower_ in _ARTICLE:
            return True  # "Luật X và khoản 2 Điều 5 …"
        if nxt.is_lower and treaty:
            return nxt.lower_ in ("các", "những", "một")  # "Hiệp định Đối tác toàn diện và tiến bộ …"
        if nxt.is_lower:
            return not _short_tail(doc, k + 1)  # "Luật Địa chất và khoáng sản." but "… và các văn bản hướng dẫn"
        # "Luật A và Luật B" are two laws, unless amended together; "… và Nghị định số …" another citation
        return _kind_at(doc, k + 1) and not (amendment and nxt.text == "Luật")
    if tok.lower_ in _ARTICLE:
        return not amendment  # "Luật sửa đổi, bổ sung một số điều của …"
    if tok.is_lower and _verb_at(doc, k) and not (tok.lower_ == "tổ" and doc[k - 1].lower_ == "luật"):
        return True  # "Luật Công nghiệp công nghệ số trình Quốc hội …"; not "Luật tổ chức Chính phủ"
    if tok.lower_ == "trên" and nxt is not None and nxt.lower_ == "địa":
        return True  # "thực hiện Luật Bảo vệ BMNN trên địa bàn tỉnh": where it is applied, not its name
    if not treaty and tok.lower_ in _LEVELS:
        return True  # "theo Luật Bảo vệ môi trường tỉnh đang chỉ đạo …": the province acts, no law is named so
    if _footnote(doc, k):
        return True
    if amendment:  # "… của 11 Luật có liên quan đến quy hoạch ngày …", "… Luật Đầu tư theo phương thức …"
        return tok.lower_ in _NAME_STOPS - {"đến", "theo"}
    return tok.lower_ in (_NAME_STOPS if treaty else _LAW_STOPS)


_LEVELS = {"tỉnh", "huyện", "xã", "phường"}


def _footnote(doc: Doc, k: int) -> bool:
    """A footnote's mark inside a sentence of a PDF's text: a bare number, then the note's capitalised text."""
    tok, nxt = doc[k], doc[k + 1] if k + 1 < len(doc) else None
    return tok.text.isdigit() and not _YEAR_RE.match(tok.text) and nxt is not None and nxt.is_title \
        and k > 0 and doc[k - 1].lower_ not in ("số", "khoản", "điều", "điểm", "chương", "mục", "của") \
        and not _kind_at(doc, k + 1)  # "… của 11 Luật có liên quan": a count of laws


def _law_name(doc: Doc, start: int, treaty: bool = False) -> tuple[str, int, int | None] | None:
    """'Luật Đất đai năm 2024' -> (name, end token, year): the name runs to its date, else to a stop."""
    n = len(doc)
    amendment = start + 2 < n and (doc[start + 1].lower_ == "sửa" and doc[start + 2].lower_ == "đổi"
                                   or doc[start + 1].text == "SĐBS")  # "Luật SĐBS 1 số điều của Luật …"
    reach = 40 if amendment else 18
    k = start + 1
    while k < n and k - start <= reach and not _end_marker(doc, k) and not _soft_stop(doc, k, amendment, treaty):
        k += 1
    if k - start < 2 or k - start > reach:
        return None
    if not amendment and not treaty and k - start > 12 and not (k < n and _end_marker(doc, k)):
        return None  # a long run with no date is a sentence, not a name
    clean_end = k == n or _end_marker(doc, k) or _hard_stop(doc[k]) or doc[k].lower_ == "và"
    if doc[start + 1].is_lower and not amendment and not treaty and not clean_end:
        return None  # "Luật kịp thời …" (a defined short name followed by a verb), not "Luật đầu tư công,"
    name = _clean_name(doc[start:k].text)
    if treaty and [t.lower_ for t in doc[k - 2:k]] == ["nhiệm", "kỳ"] and \
            (term := _span_years([t.text for t in doc[k:k + 3]], k)) is not None:
        return _clean_name(doc[start:term].text), term, int(doc[k].text)  # "… lần thứ I, nhiệm kỳ 2025 - 2030"
    if k < n and _YEAR_RE.match(doc[k].text):
        return name, k + 1, int(doc[k].text)  # "Luật Thủ đô 2024"
    if k + 1 < n and doc[k].lower_ == "năm" and _YEAR_RE.match(doc[k + 1].text):
        return name, k + 2, int(doc[k + 1].text)  # "Luật Đất đai năm 2024"
    year, _, end = _date_after(doc, k)
    return name, end if year else k, year


@lru_cache(maxsize=1)
def law_abbreviations() -> dict[str, str]:
    """Short forms of words in law names ("BVMT" -> "Bảo vệ môi trường"), data/law_abbreviations.json."""
    raw = json.loads((DATA / "law_abbreviations.json").read_text(encoding="utf-8"))
    return dict(raw["abbreviations"])


def expand_law_name(name: str) -> str:
    """A law's name with its short forms written out: "Luật KH, CN và ĐMST" -> "Luật Khoa học, Công nghệ và Đổi
    mới sáng tạo", "Luật SĐBS 1 số điều của Luật CLSPHH" -> "Luật sửa đổi, bổ sung một số điều của …"."""
    short = law_abbreviations()
    name = re.sub(r"[^\s,;()]+", lambda m: short.get(m.group(0), m.group(0)), name)
    return re.sub(r"\b1 số điều\b", "một số điều", name)


def _clean_name(name: str) -> str:
    """A name without a trailing "và" or comma; "sửa đổi bổ sung" written without its comma is "sửa đổi, bổ sung"."""
    name = re.sub(r"\b(sửa đổi)\s+(bổ sung)\b", r"\1, \2", name.strip(), flags=re.I)
    return re.sub(r"\s+(và|,)$", "", name)


def _agencies_at(doc: Doc) -> dict[int, Span]:
    """Agency spans by their first token (built once per doc: a long text has thousands of citations)."""
    if "agency_at" not in doc.user_data:
        doc.user_data["agency_at"] = {s.start: s for s in doc.spans[AGENCY_SPANS]} if AGENCY_SPANS in doc.spans \
            else {}
    return doc.user_data["agency_at"]


def _tail(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """The issuer named after a citation ("của Bộ Chính trị") and its subject ("về ...")."""
    issuer_name = title = None
    k = end
    agencies = _agencies_at(doc)
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


def find_refs(doc: Doc, matcher: PhraseMatcher | None = None) -> list[RefHit]:
    """All citations in a doc, in order, identities resolved within the doc."""
    hits: list[RefHit] = []
    if AGENCY_SPANS in doc.spans:
        # Long agency names end a law name in table rows; "Luật Tổ chức Chính phủ" keeps "Chính phủ".
        doc.user_data["agency_starts"] = {s.start for s in doc.spans[AGENCY_SPANS] if len(s) >= 3}
    found: list[tuple[int, str, int, int]] = []  # (start, label, kind-word end, last token)
    made: set[str] = set()  # national titles the text asks to make ("Cập nhật, ban hành Chiến lược quốc gia về …")
    approved: dict[str, RefHit] = {}  # titles by the cited decision that approved them
    for _, start, end in (matcher or _matcher(doc))(doc):
        what = _classify(doc, start, end)
        if what:
            found.append((start, what[0], end, what[1]))
        elif (words := doc[start:end].text.lower()) in _NATIONAL and _to_make(doc, start) and \
                (term := _national_end(doc, end, words)) is not None:
            made.add(doc[start:term].text.lower())
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
            name = None
            if kind == "Luật" and end == last + 1 and _amends(doc, end):
                # "Luật số 47/2019/QH14 sửa đổi, bổ sung … của Luật A và Luật B": one law
                law = _law_name(doc, end - 1)
                if law is not None:
                    name, end = "Luật " + law[0].split(" ", 1)[1], law[1]
            year = year or date_year or _opening_date(doc, start)
            hits.append(RefHit(start, end, kind, number, year, issuer, name=name,
                               years=years, title=title, issuer_name=issuer_name, code=doc[last].text))
            covered = end
        elif label == "SERIES":
            series = _series(doc, start, kind_end, last)
            hits += series
            covered = series[-1].end if series else covered
        elif label == "CODE":
            if (law := _law_name(doc, start)) is not None and start - 1 >= covered:
                hits.append(RefHit(start - 1, law[1], "Bộ luật", "", law[2], "QH", name="Bộ luật" + law[0][4:]))
                covered = law[1]
        elif label == "TREATY" and doc[start:kind_end].text.lower() in _TREATIES:
            if _to_be_signed(doc, start, kind_end):
                continue
            if _foreign_name(doc, kind_end):
                if (treaty := _treaty_name(doc, start, kind_end)) is not None:
                    hits.append(RefHit(start, treaty[1], _TREATIES[doc[start:kind_end].text.lower()], "", None,
                                       None, name=treaty[0]))
                    covered = treaty[1]
                continue
        if label in ("LAW", "LAW_LOWER", "TREATY"):
            law = _law_name(doc, start, treaty=label == "TREATY")
            if law is None or (label == "LAW_LOWER" and law[2] is None):
                continue
            name, end, year = law
            name = expand_law_name("Luật" + name[4:] if label == "LAW_LOWER" else name)
            if hits and hits[-1].kind == "Luật" and hits[-1].number and \
                    re.fullmatch(r"(?:của [^:;.]{1,40})?\s*[:–-]", doc[hits[-1].end:start].text.strip()):
                hits[-1] = replace(hits[-1], name=hits[-1].name or name)  # "Luật số 146/2025/QH15: Luật …"
                covered = end
                continue
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text == "Luật" \
                    and _DOCNUM_RE.match(doc[end + 2].text):
                continue  # identity comes from the number in the brackets
            if year is None and [t.lower_ for t in doc[max(0, start - 2):start]] in (["dự", "án"], ["xây", "dựng"]):
                continue  # "dự án Luật …", "xây dựng Luật …": a draft law, not yet a document to cite (but the
                # laws listed after "thẩm tra các dự án: Luật X, Luật Y" are cited alike, the first one too)
            if label == "TREATY":
                name = re.sub(r"^Nghị quyết của Đại hội", "Nghị quyết Đại hội", name)  # the congress's own resolution
                hits.append(RefHit(start, end, _TREATIES.get(doc[start:kind_end].text.lower(), "Nghị quyết"), "",
                                   year, None, name=name))
            elif (numbered := _numbered_law(doc, end, start, name)) is not None:
                hits.append(numbered)  # "Luật Trí tuệ nhân tạo số 134/2025/QH15"
                end = numbered.end
            elif not _draft(doc, start, end, year):
                hits.append(RefHit(start, end, "Luật", "", year, "QH", name=name, cut=end < len(doc)
                                   and _footnote(doc, end)))
            covered = end
        elif label == "PROGRAMME":
            word = doc[start:kind_end].text.lower()
            if _adjusting(doc, start, last) or (start and doc[start - 1].lower_ in _MORE):
                pass  # "các Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030": a class of documents, not one
            elif not _title_of_previous(doc, hits, start):
                hits.append(RefHit(start, last, _PROGRAMMES.get(word) or KINDS[word][0], "", None, None,
                                   name=doc[start:last].text))
            elif hits and hits[-1].number and any(t.lower_ == "duyệt" for t in doc[max(0, start - 4):start]):
                approved.setdefault(title_key(doc[start:last].text), hits[-1])  # "Quyết định số … phê duyệt <title>"
            covered = last
        elif label == "PLENUM":
            hits.append(RefHit(start, last + 1, "Nghị quyết", "", None, "TW",
                               name=re.sub(r"\bkhoá\b", "khóa", doc[start:last + 1].text)))
            covered = last + 1
        elif label == "DEAN":
            hits.append(RefHit(start, last + 1, "Quyết định", doc[last].text, None, "TTg",
                               name=doc[start:last + 1].text, nickname=True))
            covered = last + 1
    hits = [h for h in hits if not (h.name and not h.number and h.name.lower() in made)]  # one still to be made
    return _resolve_years(_same_laws(by_approving(hits, approved)))


_PERIOD_RE = re.compile(r"[\s,]+(?:đến năm|giai đoạn|thời kỳ|tầm nhìn|định hướng)\b.*$", re.I)


def title_key(name: str) -> str:
    """A programme's title compared without its period or horizon, case or spacing ("Quy hoạch X thời kỳ …")."""
    return " ".join(_PERIOD_RE.sub("", name).lower().split())


def by_approving(hits: list[RefHit], approved: dict[str, RefHit]) -> list[RefHit]:
    """A programme cited by its title is the decision the text cites as approving that title ("Quyết định số
    991/QĐ-TTg … phê duyệt Quy hoạch X …", later "thực hiện Quy hoạch X …"): one document, not two."""
    out = []
    for h in hits:
        decision = approved.get(title_key(h.name)) if h.name and not h.number else None
        out.append(h if decision is None else replace(decision, start=h.start, end=h.end, title=h.name))
    return out


_TREATY_STOPS = _STOP - {"của", "về", "có"} | {"như", "nhằm", "và", "mà"}
# one treaty, one name: "Công ước khung Liên hợp quốc về …" is the convention named "… khung của Liên hợp quốc …"
_TREATY_ALIASES = ((re.compile(r"^Công ước khung (?:của )?(?:Liên hợp quốc|LHQ)\b", re.I),
                    "Công ước khung của Liên hợp quốc"),)


_TO_MAKE = {"dựng", "lập", "thảo", "soạn", "trình", "xây"}


def _title_of_previous(doc: Doc, hits: list[RefHit], start: int) -> bool:
    """"Quyết định số 2139/QĐ-TTg … phê duyệt Chiến lược …": the title of the citation before it, not another
    document; so is a programme a plan says it carries out itself ("ban hành Kế hoạch …")."""
    before = doc[max(0, start - 4):start]
    if any(t.lower_ in _TO_MAKE for t in doc[max(0, start - 2):start]) or (start and doc[start - 1].text == "|"):
        return True  # "xây dựng Đề án …", "| 1 | Đề án … | Bộ X |": work to do, not a document to cite
    if not any(t.lower_ in ("duyệt", "hành") for t in before):
        return False
    return not hits or start - hits[-1].end <= 14 or any(t.lower_ == "duyệt" for t in before)


def _adjusting(doc: Doc, start: int, end: int) -> bool:
    """"điều chỉnh Quy hoạch tỉnh …", "rà soát, điều chỉnh Chiến lược …": the plan as it is being revised, work
    to do; but "điều chỉnh Quy hoạch X … đã được Thủ tướng Chính phủ phê duyệt" cites the one in force."""
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    if before != ["điều", "chỉnh"]:
        return False
    after = [t.lower_ for t in doc[end:end + 8]]
    return not ("duyệt" in after and ("đã" in after or "được" in after))


def _to_be_signed(doc: Doc, start: int, kind_end: int) -> bool:
    """"ký với WB Hiệp định Dự án …": an agreement still to be signed is not cited; nor is a table's unit
    cell run into the agency after it ("Thỏa thuận | Bộ Giáo dục và Đào tạo")."""
    return kind_end in doc.user_data.get("agency_starts", ()) or \
        any(t.lower_ in ("ký", "đàm") for t in doc[max(0, start - 8):start])


def _foreign_name(doc: Doc, k: int) -> bool:
    """A treaty named after a place or body ("Kyoto", "Paris", "khung của Liên hợp quốc", "đối tác … về …"),
    not by a Vietnamese title whose first word alone is capitalised ("Đối tác toàn diện và tiến bộ …")."""
    if k >= len(doc):
        return False
    tok = doc[k]
    return tok.is_lower or (tok.is_title and tok.text.isascii() and len(tok.text) > 2)


def _treaty_name(doc: Doc, start: int, kind_end: int) -> tuple[str, int] | None:
    """"Nghị định thư Kyoto ra thị trường …" -> "Nghị định thư Kyoto": a treaty's name is its proper name
    ("Kyoto", "khung của Liên hợp quốc") and its subject after "về", to the first word that is neither.

    A name that starts in lower case ("Hiệp định đối tác tự nguyện về Thực thi Lâm luật, …") needs its
    "về" within four words ("các Hiệp định thương mại tự do" names no treaty); an agreement still to be
    signed ("ký với WB Hiệp định Dự án …") is not cited.
    """
    n = len(doc)
    k = kind_end + (kind_end < n and doc[kind_end].lower_ == "khung")
    about = False
    if k < n and doc[k].is_lower and doc[k].lower_ != "của":
        ahead = [t.lower_ for t in doc[k:k + 5]]
        if "về" not in ahead or any(not t.is_lower for t in doc[k:k + ahead.index("về")]):
            return None
    agencies = _agencies_at(doc)
    while k < n and k - start <= 30:
        tok, nxt = doc[k], doc[k + 1] if k + 1 < n else None
        if k in agencies and not about:
            k = agencies[k].end  # "… của Liên hợp quốc về …"
            continue
        if tok.lower_ == "về":
            about = True
        elif tok.lower_ == "của" and not about and nxt is not None and nxt.is_title:
            pass  # "Công ước khung của Liên hợp quốc"
        elif tok.is_title or (tok.is_upper and tok.is_alpha):
            pass  # "Kyoto", "Liên hợp quốc", "Thực thi Lâm luật"
        elif tok.text in (",", "và") and about and nxt is not None and nxt.is_title and not _kind_at(doc, k + 1) \
                and k + 1 not in agencies:
            pass  # "… Lâm luật, Quản trị rừng và Thương mại lâm sản"; not ", Thủ tướng Chính phủ …"
        elif tok.text == "-" and not tok.whitespace_ and k > 0 and not doc[k - 1].whitespace_:
            pass  # "ô-dôn"
        elif not (tok.is_lower and tok.is_alpha and (about or doc[kind_end].is_lower)
                  and tok.lower_ not in _TREATY_STOPS and not _verb_at(doc, k)):
            break
        k += 1
    if k <= kind_end or doc[k - 1].lower_ in ("về", "của", "khung"):
        return None
    name = doc[start:k].text
    for pattern, canonical in _TREATY_ALIASES:
        name = pattern.sub(canonical, name)
    return name, k


_SUBMIT = [["trình", "quốc", "hội"], ["(", "sửa", "đổi"]]


def _draft(doc: Doc, start: int, end: int, year: int | None) -> bool:
    """A law still to be passed: "hoàn thiện Luật X trình Quốc hội ban hành", "thông qua Luật X (sửa đổi)"."""
    if year is not None:
        return False
    after = [t.lower_ for t in doc[end:end + 3]]
    before = " ".join(t.lower_ for t in doc[max(0, start - 4):start])
    return any(after[:len(w)] == w for w in _SUBMIT) or bool(re.search(r"trình quốc hội (?:thông qua|ban hành)$",
                                                                          before))


def _amends(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc) and doc[k].lower_ == "sửa" and doc[k + 1].lower_ == "đổi"


def _numbered_law(doc: Doc, k: int, start: int, name: str) -> RefHit | None:
    """A law name followed by its number: "Luật Công nghiệp công nghệ số số 71/2025/QH15"."""
    if not (k + 1 < len(doc) and doc[k].lower_ == "số" and _DOCNUM_RE.match(doc[k + 1].text)):
        return None
    try:
        kind, number, year, issuer = parse_number(doc[k + 1].text, "luật")
    except (ValueError, KeyError):
        return None
    date_year, years, end = _date_after(doc, k + 2)
    return RefHit(start, end, kind, number, year or date_year, issuer, name=name, years=years, code=doc[k + 1].text)


def _same_laws(hits: list[RefHit]) -> list[RefHit]:
    """One law, one identity: a name cited once with its number takes that number everywhere, and a
    short name ("Thỏa thuận Paris") takes the full one it starts ("Thỏa thuận Paris về biến đổi khí hậu");
    "Luật BVMT" is the law whose initials those are, a name cut by a footnote the one it starts."""
    numbered = {h.name.lower(): h for h in hits if h.name and h.number}
    names = sorted({h.name for h in hits if h.name and not h.number}, key=len, reverse=True)
    out = []
    for h in hits:
        if h.name and not h.number:
            h = _full_name(h, names)
            short = h.name.lower() if h.name else ""
            if (n := numbered.get(short)) is not None and (h.year in (None, n.year)):
                h = replace(h, kind=n.kind, number=n.number, issuer=n.issuer, year=n.year, code=n.code)
            else:
                longer = next((x for x in names if len(x) > len(short) and x.lower().startswith(short + " ")
                               and not x.lower().startswith(short + " và")), None)
                if longer is not None and h.kind != "Luật":
                    h = replace(h, name=longer)
        out.append(h)
    return out


def _full_name(h: RefHit, names: list[str]) -> RefHit:
    """The law an acronym ("Luật BVMT") or a footnote-cut name ("Luật Bảo vệ môi") stands for, if one."""
    if h.kind != "Luật" or not h.name:
        return h
    rest = h.name.split(" ", 1)[1] if " " in h.name else ""
    if re.fullmatch(r"[A-ZĐ]{2,8}", rest):
        found = [x for x in names if x.startswith("Luật ") and _initials(x[5:]) == rest]
    elif h.cut:
        found = [x for x in names if len(x) > len(h.name) and x.lower().startswith(h.name.lower() + " ")]
    else:
        return h
    return replace(h, name=found[0]) if len(found) == 1 else h


def _initials(name: str) -> str:
    """"Bảo vệ môi trường" -> "BVMT" (a law's acronym)."""
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


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
        if h.nickname:  # "Đề án 950" -> the decision (or scheme) numbered 950 cited in the text
            keys = [k for k in by_number.get(h.number, ()) if k[0] in ("Quyết định", "Đề án")]
            if len(keys) == 1 and len(known[keys[0]]) == 1:
                h = replace(h, kind=keys[0][0], issuer=keys[0][2], year=next(iter(known[keys[0]])), name=None)
            else:  # no decision of that number in the text: the scheme by its name, not a guessed decision
                h = replace(h, kind="Đề án", number="", issuer=None)
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
    stop = text.rfind(". ", para, start)
    sent = stop + 2 if stop >= 0 else para  # the text's first sentence starts at 0 too
    if text[sent:sent + 9].lower() == "thực hiện":
        return "implements"  # "Thực hiện ... Nghị quyết A; theo ... Nghị quyết B và Quyết định C"
    clause = max(sent, text.rfind(";", sent, start) + 1)
    window = " ".join(text[clause:start].split()[-12:]).lower()
    # "Báo cáo tình hình và kết quả thực hiện X": a report on carrying X out cites X, it does not carry it out
    reported = re.search(r"(?:tình hình|kết quả)\s+(?:và\s+\S+\s+)?thực hiện", window) is not None
    return "implements" if "thực hiện" in window and not reported else "cites"


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
