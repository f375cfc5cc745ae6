"""The spaCy component that marks bodies beyond the registry by the shape of their names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.agencies import GROUP_KIND, registry
from extract.bodies import AGENCY_SPANS, BODY_KIND, Shape, grammar, head_words

_JOINS = {",", "-", "và"}
# "thành lập Quỹ X", "quy định về Quỹ X", "Luật Tổ chức …": an object or a title, not an actor
# "xây dựng Trung tâm dữ liệu quốc gia" creates the centre: it does not act yet
_OBJECT_BEFORE = (("thành", "lập"), ("về",), ("luật",), ("xây", "dựng"), ("hình", "thành"), ("đầu", "tư"))
_PARENT_LINKS = {"thuộc", "(", "của"}
_TOPICAL = {"board", "committee", "council", "working_group"}
_TOPIC_STOPS = {"từ", "đến", "của", "để", "nhằm", "trong", "theo", "tại", "với", "các", "những", "là",
                "được", "có", "đã", "sẽ", "chủ", "phối", "thực", "tổ", "chỉ", "ban", "xây", "giúp", "làm", "cho",
                "thuộc", "hiện", "việc"}
_MAX_LOWER = 8  # syllables: "Cục Kiểm soát ô nhiễm môi trường"; names rarely run longer in lower case


def _words(phrases: Iterable[str]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for words in sorted((p.lower().split() for p in phrases), key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return out


def _wordlike(doc: Doc, i: int) -> bool:
    """A syllable or an abbreviation ("TN&MT")."""
    return doc[i].is_alpha or (doc[i].is_upper and "&" in doc[i].text)


def _province_words(words: list[str]) -> int:
    """How many of the capitalised words after "tỉnh" name a province ("Lào Cai Đồng" -> 2; "Đồng" -> 0)."""
    reg = registry()
    for k in range(len(words), 0, -1):
        place = reg.resolve(" ".join(words[:k]))
        if place is not None and place.kind in ("province", "city"):
            return k
    return 0


def _at(lowers: list[str], i: int, index: dict[str, list[list[str]]]) -> int:
    """Length of the longest phrase of `index` starting at token i (0 if none)."""
    for words in index.get(lowers[i], ()) if i < len(lowers) else ():
        if lowers[i:i + len(words)] == words:
            return len(words)
    return 0


@Language.factory("body_ruler", default_config={"spans_key": AGENCY_SPANS, "max_words": 16})
class BodyRuler:
    """Add bodies named by shape ("Cục …", "Sở … tỉnh X", "UBND cấp xã") to `doc.spans["agencies"]`.

    Label "body"; `kb_id_` is the registry id of a parent the text names ("Cục X thuộc Bộ Y").
    Registry names win over a shape of the same extent.
    """

    def __init__(self, nlp: Language, name: str = "body_ruler", *, spans_key: str = AGENCY_SPANS,
                 max_words: int = 16) -> None:
        self.name, self.spans_key, self.max_words = name, spans_key, max_words
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.shapes: list[Shape] = []
        self.stops: dict[str, list[list[str]]] = {}
        self.levels: dict[str, list[list[str]]] = {}
        self.kinds: dict[str, list[list[str]]] = {}
        self.nouns: dict[str, list[list[str]]] = {}

    def initialize(self, get_examples: Any = None, *, nlp: Any = None,
                   patterns: list[dict[str, Any]] | None = None) -> None:
        """Load name shapes ({"head", "kind", "first", "unit", "local"}); data/bodies.json by default."""
        g = grammar()
        self.shapes = list(g.shapes) if patterns is None else [Shape(**p) for p in patterns]
        self.stops, self.levels, self.kinds = _words(g.stops), _words(g.levels), _words(g.not_after_join)
        self.nouns = _words(g.nouns)
        # A PhraseMatcher on ORTH runs in C (a token Matcher took most of the pipeline's time): the
        # first word as written, each later word in lower or capitalised case ("Ban thường vụ Tỉnh ủy").
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for k, shape in enumerate(self.shapes):
            first, *rest = head_words(shape.head)
            cases = [(w.lower(), w[:1].upper() + w[1:].lower(), w) for w in rest]
            forms = {(first, *c) for c in product(*cases)}
            self.matcher.add(str(k), [Doc(self.nlp.vocab, words=list(f)) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]  # far cheaper than t.lower_ per token
        heads: dict[int, tuple[Shape, int]] = {}
        for key, start, end in self.matcher(doc):
            shape = self.shapes[int(self.nlp.vocab.strings[key])]
            if start not in heads or end > heads[start][1]:
                heads[start] = (shape, end)
        starts = {s.start: s for s in known if s.label_ != GROUP_KIND}
        found = []
        for start, (shape, end) in sorted(heads.items()):
            if any(tuple(lowers[max(0, start - len(w)):start]) == w for w in _OBJECT_BEFORE):
                continue
            span = self._body(doc, lowers, start, end, shape, heads, starts)
            if span is not None:
                found.append(span)
        # a group that starts with the level of a body's name ("Công an [tỉnh, các sở, ban, ngành]") is not one
        known = [s for s in known if s.label_ != GROUP_KIND or not _at(lowers, s.start, self.levels)
                 or not any(b.start < s.start < b.end for b in found)]
        doc.spans[self.spans_key] = sorted(filter_spans(known + found), key=lambda s: s.start)
        return doc

    def _body(self, doc: Doc, lowers: list[str], start: int, end: int, shape: Shape,
              heads: dict, starts: dict[int, Span]) -> Span | None:
        parent = ""
        n = len(doc)
        if start in starts:  # a registry name: only a place may extend it ("Sở Tài chính tỉnh X")
            k = starts[start].end
            if k + 1 < n and lowers[k] == "các" and lowers[k + 1] in ("tỉnh", "thành"):
                return None  # "Sở Tài chính các tỉnh" is the registry's class
        elif end in heads and shape.first == "title" and (heads[end][0].first in ("level", "none") or (
                shape.kind == "office" and heads[end][0].kind in _TOPICAL  # "Văn phòng Ban Chỉ đạo …"
                and "\n" not in doc[end - 1].whitespace_)) and \
                (inner := self._body(doc, lowers, end, heads[end][1], heads[end][0], heads, starts)) is not None:
            k = inner.end  # "Đảng ủy Ủy ban nhân dân tỉnh", "Văn phòng HĐND tỉnh"
        elif shape.first == "body":  # a Party organ named by the body it sits in: "Đảng đoàn Quốc hội"
            if end in starts:
                k, parent = starts[end].end, starts[end].label_
            elif end in heads and (inner := self._body(doc, lowers, end, heads[end][1], heads[end][0], heads,
                                                       starts)) is not None:
                k = inner.end
            else:
                return None
        elif end < n and end in starts and shape.first in ("title", "any"):
            k, parent = starts[end].end, starts[end].label_  # "Văn phòng Ủy ban nhân dân tỉnh X"
        elif self._level_end(doc, lowers, end) > end:
            if shape.kind == "centre":
                return None  # "trung tâm huyện", "Trung tâm thành phố": the middle of a town, no body
            k = end  # a level right after the head: "Thanh tra tỉnh", "UBND cấp xã"
        elif shape.first == "title" and end + 1 < n and lowers[end] == "các" and doc[end + 1].is_title:
            k = self._name_end(doc, lowers, end + 2, start, heads, starts)  # "Ban Quản lý các Khu …"
        elif shape.first in ("title", "any") and (unit_end := self._party_body(doc, lowers, end, heads, starts)):
            k = unit_end  # "Văn phòng Đảng ủy Chính phủ", "Văn phòng Đảng đoàn Quốc hội": a unit of a Party body
        elif shape.first in ("title", "any"):
            if end >= n or not _wordlike(doc, end) or (end in heads and heads[end][0].first == "title"):
                return None  # "Cục\nVụ Khoa học": a cut cell, not one name (but "Cục Thuế" is one)
            if shape.first == "title" and not (doc[end].is_title or doc[end].is_upper):
                return None
            if shape.first == "any" and _at(lowers, end, self.stops) and not (
                    shape.kind in _TOPICAL and lowers[end] == "về" and end + 1 < n and doc[end + 1].is_lower):
                return None  # "Tổ Công tác để …"; but "Tổ Công tác về phát triển …" is named by its topic
            if shape.kind in _TOPICAL and lowers[end] == "về":
                k = self._topic_end(doc, lowers, end + 1, end + 1 + self.max_words)  # "Tổ Công tác về …"
            else:
                k = self._name_end(doc, lowers, end + 1, start, heads, starts, shape.kind in _TOPICAL)
                if shape.kind == "working_group" and k < n and lowers[k] == "các":
                    return None  # "Tổ Công tác liên ngành kiểm soát các hoạt động …": its name runs on past a stop
        else:
            k = end
            if shape.kind == "management_board":  # "Ban Quản lý Khu kinh tế Đông Nam": the zone's own name
                while k < n and k - end < 3 and doc[k].is_title and doc[k].is_alpha and k not in heads \
                        and k not in starts and not _at(lowers, k, self.levels) and not _at(lowers, k, self.stops):
                    k += 1
        level = self._level_end(doc, lowers, k)
        if level == k and shape.first == "level":
            return None
        k = level
        if not parent and k + 1 < n and lowers[k] in _PARENT_LINKS and k + 1 in starts:
            parent = starts[k + 1].label_
        return Span(doc, start, k, label=BODY_KIND, kb_id=parent)

    def _name_end(self, doc: Doc, lowers: list[str], k: int, start: int, heads: dict,
                  starts: dict[int, Span], topical: bool = False) -> int:
        """Where a name that started at `start` stops: a verb, a function word, another body."""
        n = len(doc)
        end = self._name_words(doc, lowers, k, start, heads, starts)
        if end < n and end in heads and heads[end][0].kind == "party_body" and heads[end][0].first == "none":
            return heads[end][1]  # "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy": of the province's committee
        if inner := self._party_body(doc, lowers, end, heads, starts):
            return inner  # "Ban Thường vụ Đảng ủy Chính phủ": the standing board of that Party committee
        if topical and end < n and re.fullmatch(r"\d{2,4}", doc[end].text) and \
                not (end + 1 < n and lowers[end + 1] in ("người", "thành", "viên", "/", "-")):
            return end + 1  # "Ban Chỉ đạo quốc gia 1237", "Ban Chỉ đạo 389": named after its programme's number
        if topical and end + 1 < n and lowers[end] == "về" and doc[end + 1].is_lower:
            topic = self._topic_end(doc, lowers, end + 1, end + 1 + self.max_words)
            return topic if topic > end + 1 else end  # "về việc …" is the sentence's, not a topic
        return end

    def _party_body(self, doc: Doc, lowers: list[str], k: int, heads: dict, starts: dict[int, Span]) -> int:
        """The end of a Party body named by the body it sits in ("Đảng ủy Chính phủ") starting at k, else 0."""
        if k >= len(doc) or k not in heads or heads[k][0].kind != "party_body" or heads[k][0].first == "none":
            return 0
        inner = self._body(doc, lowers, k, heads[k][1], heads[k][0], heads, starts)
        return inner.end if inner is not None else 0

    def _topic_end(self, doc: Doc, lowers: list[str], k: int, limit: int) -> int:
        """"Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, … và chuyển đổi số": the topic's end."""
        n = len(doc)
        while k < min(n, limit):
            if lowers[k] in (",", "và") and k + 1 < n and doc[k + 1].is_lower and doc[k + 1].is_alpha \
                    and lowers[k + 1] not in _TOPIC_STOPS:
                k += 2
            elif doc[k].is_lower and doc[k].is_alpha and lowers[k] not in _TOPIC_STOPS:
                k += 1
            else:
                break
        return k

    def _name_words(self, doc: Doc, lowers: list[str], k: int, start: int, heads: dict,
                    starts: dict[int, Span]) -> int:
        n = len(doc)

        def free(i: int) -> bool:
            # inside a noun that holds a stop word: "Vụ Vật liệu xây dựng", "Ủy ban Xã hội"
            in_noun = i < n and any(_at(lowers, j, self.nouns) > i - j for j in range(max(start + 1, i - 3), i + 1))
            return i < n and _wordlike(doc, i) and i not in heads and i not in starts \
                and (in_noun or not _at(lowers, i, self.stops)) and (in_noun or not _at(lowers, i, self.levels))

        lower_run = 0
        while k < n and k - start < self.max_words:
            if doc[k].text in _JOINS or lowers[k] == "và":
                nxt = k + 1
                if free(nxt) and (doc[nxt].is_title or lowers[k] == "và") and not _at(lowers, nxt, self.kinds):
                    k += 2
                    lower_run = 0 if doc[nxt].is_title else lower_run + 1
                    continue
                break
            if lowers[k] == "các" and k + 1 < n and doc[k + 1].is_title and free(k + 1):
                k += 1  # "Ban Quản lý các Khu công nghiệp"
                continue
            if not free(k):
                break
            lower_run = lower_run + 1 if doc[k].is_lower else 0
            if lower_run > _MAX_LOWER:
                return k - _MAX_LOWER  # a long lower-case run is the sentence, not the name
            k += 1
        return k

    def _level_end(self, doc: Doc, lowers: list[str], k: int) -> int:
        """The end of a level after a name: "tỉnh Hà Giang", "cấp huyện", "các cấp", "các huyện, thị xã"."""
        n = len(doc)
        if k + 1 < n and lowers[k] == "cấp" and k + 2 < n and lowers[k + 1:k + 3] == ["cơ", "sở"]:
            return k + 3
        if k + 1 < n and lowers[k] in ("cấp", "các") and (_at(lowers, k + 1, self.levels) or lowers[k + 1] == "cấp"):
            j = k + 1 + (_at(lowers, k + 1, self.levels) or 1)
            while j + 1 < n and lowers[k] == "các" and lowers[j] in (",", "và") and _at(lowers, j + 1, self.levels):
                j += 1 + _at(lowers, j + 1, self.levels)
            return j
        if k < n and lowers[k] == "tp" and k + 1 < n and doc[k + 1].text == ".":
            m = 2
        else:
            m = _at(lowers, k, self.levels)
        if not m or _at(lowers, k, self.nouns) > m:  # "Ủy ban Xã hội": a noun, not the level "xã"
            return k
        j = k + m
        while j + 1 < n and lowers[j] in (",", "và") and doc[j + 1].is_lower and _at(lowers, j + 1, self.levels):
            j += 1 + _at(lowers, j + 1, self.levels)  # "Công an xã, phường"
        start = j
        while j < n and j - start < 5 and doc[j].is_title and not (j + 1 < n and lowers[j:j + 2] == ["đồng", "chí"]):
            j += 1  # "Phó Chủ tịch UBND tỉnh Đồng chí …": a person's title, then the next cell's person
        if j > start and lowers[start - 1] == "tỉnh":
            j = start + _province_words(lowers[start:j])  # "tỉnh" names a province, or none
        return j
