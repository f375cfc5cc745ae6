"""The spaCy pipeline: a syllable tokenizer for Vietnamese and an agency-mention component.

`spacy.blank("vi")` segments words with pyvi, which joins syllables by context ("Chính phủ
phê duyệt" becomes one token) and so hides names from a matcher; with `use_pyvi: False` it
only splits on spaces, gluing punctuation to words ("nước,"). We tokenize syllables instead,
splitting punctuation but keeping numbers ("12,66"), document numbers ("52-NQ/TW"), dates
("17/4/2020") and abbreviations ("KH&ĐT") whole, then match names on lower case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry
from spacy.vocab import Vocab

import extract.body_ruler  # noqa: F401  (registers the "body_ruler" factory)
import extract.ref_ruler  # noqa: F401  (registers the "legal_ref_ruler" factory)
from extract.agencies import GROUP_KIND, Agency
from extract.agencies import registry as agency_registry
from extract.bodies import AGENCY_SPANS, PLACE_SPANS
from extract.normalize import fold_text
from extract.readers import MAX_BYTES
from extract.shared_lists import shared_spans

_TOKEN_RE = re.compile(
    r"\d+(?:\.\d+)?(?:[/-][\wĐđ&.]*[\wĐđ])+"  # document numbers and dates: 52-NQ/TW, 10/2024/NĐ-CP, 66.4/2025/NQ-CP
    r"|\d+(?:[.,]\d+)*"  # numbers: 12,66  1.000.000  80,000
    r"|[^\W\d_]+(?:&[^\W\d_]+)*\d*"  # syllables and abbreviations: KH&ĐT, R&D, CMCN4
    r"|\w+"  # anything else alphanumeric: 4G, 5G
    r"|\n"
    r"|[^\w\s]"  # punctuation, one char at a time
)
_PLACE_KINDS = {"province", "city"}
_NONE = Agency("", "", "", "")

# Generic groups ("các bộ, ngành liên quan") are read with a small grammar: units joined by
# "," / "và", each optionally qualified. They stay groups; they never become an agency.
_UNITS = [u.split() for u in (
    "cơ quan ngang bộ", "cơ quan thuộc chính phủ", "cơ quan chính phủ", "cơ quan nhà nước", "cơ quan trung ương",
    "cơ quan báo chí", "hiệp hội doanh nghiệp", "đài truyền hình", "đơn vị", "cơ quan",
    "địa phương", "bộ", "ngành", "tỉnh", "thành phố", "hiệp hội", "tổ chức", "sở", "ban", "cấp",
    "tổ chức chính trị - xã hội", "viện nghiên cứu", "trường đại học", "doanh nghiệp", "ủy ban của quốc hội",
)]
_QUALS = [q.split() for q in (
    "có liên quan", "liên quan", "trực thuộc trung ương", "thuộc chính phủ",
    "trung ương và địa phương", "trung ương", "cấp tỉnh", "nhà nước", "chức năng", "khác",
    "được phân công chủ trì thực hiện nhiệm vụ", "được phân công chủ trì", "quản lý ngành , lĩnh vực",
    "của quốc hội", "thuộc quốc hội", "của chính phủ", "thuộc tỉnh", "thuộc thành phố", "trong cả nước",
)]
_SINGLE_OK = {"bộ", "địa phương", "hiệp hội doanh nghiệp", "hiệp hội", "ủy ban của quốc hội"}
_SEPS = {",", "và", "các"}
# "Chính phủ điện tử", "Chính phủ số" are concepts, not the Government.
_CONCEPT_AFTER = {"cp": {"điện", "số", "kiến"}}


def _index(phrases: list[list[str]]) -> dict[str, list[list[str]]]:
    """Phrases by first word, longest first."""
    out: dict[str, list[list[str]]] = {}
    for words in sorted(phrases, key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return out


_UNIT_INDEX = _index(_UNITS)
_QUAL_INDEX = _index(_QUALS)


def _match_at(lowers: list[str], i: int, index: dict[str, list[list[str]]]) -> int:
    """Length of the longest phrase starting at token i (0 if none)."""
    for words in index.get(lowers[i], ()) if i < len(lowers) else ():
        if lowers[i:i + len(words)] == words:
            return len(words)
    return 0


def find_groups(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of generic groups of agencies."""
    strings = doc.vocab.strings
    lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]
    out: list[tuple[int, int]] = []
    i, n = 0, len(lowers)
    while i < n:
        has_cac = lowers[i] == "các"
        j = i + 1 if has_cac else i
        if not _match_at(lowers, j, _UNIT_INDEX):
            i += 1
            continue
        units: list[str] = []
        qualified = False
        end = j
        while j < n:
            k = _match_at(lowers, j, _UNIT_INDEX)
            if not k:
                break
            units.append(" ".join(lowers[j:j + k]))
            j += k
            while (q := _match_at(lowers, j, _QUAL_INDEX)):
                j, qualified = j + q, True
            end = j
            k = j
            while k < n and lowers[k] in _SEPS:
                k += 1
            nxt = _match_at(lowers, k, _UNIT_INDEX)
            if k == j or not nxt or (k + nxt < n and doc[k + nxt].text[:1].isupper()):
                break  # "… liên quan và Bộ Tư pháp": a named body ends the group
            j = k
        ok = len(units) >= 2 or (has_cac and units and (units[0] in _SINGLE_OK or qualified))
        if not has_cac and i and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
            ok = False  # "Mặt trận Tổ quốc Việt Nam [tỉnh và các tổ chức …]": the tail of a name
        if ok and (has_cac or doc[i].text[0].isupper() or len(units) >= 2):
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


class SyllableTokenizer:
    """Split normalised Vietnamese text into syllables, numbers and punctuation."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for ln, line in enumerate(text.split("\n")):
            if ln:
                words.append("\n")
                spaces.append(False)
            chunks = line.split(" ")
            last = len(chunks) - 1
            for i, chunk in enumerate(chunks):
                if not chunk:
                    if i < last:  # a run of spaces: one space token keeps the text exact
                        words.append(" ")
                        spaces.append(False)
                    continue
                if chunk.isalpha():  # fast path: most chunks are plain syllables
                    words.append(chunk)
                else:
                    pos = 0
                    for m in _TOKEN_RE.finditer(chunk):
                        if m.start() > pos:
                            words.append(chunk[pos:m.start()])
                            spaces.append(False)
                        words.append(m.group())
                        spaces.append(False)
                        pos = m.end()
                    if pos < len(chunk):
                        words.append(chunk[pos:])
                    else:
                        spaces.pop()
                spaces.append(i < last)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["text"] = text  # Doc.text joins every token: keep the string we were given
        return doc


@registry.tokenizers("policykg.syllables.v1")
def create_syllable_tokenizer() -> Callable[[Language], SyllableTokenizer]:
    """The syllable tokenizer, for `[nlp.tokenizer] @tokenizers = "policykg.syllables.v1"`."""
    def make(nlp: Language) -> SyllableTokenizer:
        return SyllableTokenizer(nlp.vocab)
    return make


@Language.factory("agency_ruler", default_config={"spans_key": AGENCY_SPANS, "places_key": PLACE_SPANS})
class AgencyRuler:
    """Mark registry agencies and groups in `doc.spans["agencies"]` (label = agency id), places apart.

    Shaped like spaCy's SpanRuler: keyword-only config, the registry's names loaded as
    patterns in `initialize()`, `__call__` = match + set the span groups.
    """

    def __init__(self, nlp: Language, name: str = "agency_ruler", *, spans_key: str = AGENCY_SPANS,
                 places_key: str = PLACE_SPANS) -> None:
        self.name, self.spans_key, self.places_key = name, spans_key, places_key
        self.nlp = nlp
        self.reg = agency_registry()
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")

    def initialize(self, get_examples: Any = None, *, nlp: Any = None,
                   patterns: list[dict[str, str]] | None = None) -> None:
        """Load phrase patterns ({"label": agency id, "pattern": name}); by default every registry label but a
        state enterprise's brand ("Viettel", "EVN"): figures name the brand, tasks name the group in full."""
        if patterns is None:
            patterns = [{"label": a.id, "pattern": label} for a in self.reg.agencies.values() for label in a.labels
                        if a.kind != "state_enterprise" or label not in a.abbreviations]
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for p in patterns:
            self.phrases.add(p["label"], [self.nlp.make_doc(fold_text(p["pattern"]))])

    def _keep(self, span: Span) -> bool:
        agency = self.reg.agencies.get(span.label_)
        if agency is None:
            return True
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.text in ("-", "/") and not before.whitespace_:
            return False  # "Số: /KH-UBND": a document symbol's issuer code, not a mention
        if not span.text[0].isupper() and not agency.lowercase_ok:
            return False  # "các bộ xây dựng kế hoạch" is not Bộ Xây dựng
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        return after not in _CONCEPT_AFTER.get(agency.id, set())  # "Chính phủ điện tử/số"

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in self.phrases(doc)]
        spans = [s for s in spans if self._keep(s)]
        # a group that starts inside a name ("Ủy ban nhân dân [các tỉnh, thành phố và các cơ quan …]") is not one
        spans += [Span(doc, s, e, label=GROUP_KIND) for s, e in find_groups(doc)
                  if not any(x.start < s < x.end for x in spans)]
        spans = filter_spans(shared_spans(doc, self.reg) + spans)  # a listed province is its committee, not a place
        places = {s for s in spans if self.reg.agencies.get(s.label_, _NONE).kind in _PLACE_KINDS}
        doc.spans[self.spans_key] = [s for s in spans if s not in places]
        doc.spans[self.places_key] = sorted(places)  # "Hà Nội, ngày …" names a place, not an actor
        return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline (built once per process)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "policykg.syllables.v1"}}})
    nlp.add_pipe("agency_ruler")
    nlp.add_pipe("body_ruler")
    nlp.add_pipe("legal_ref_ruler")
    nlp.initialize()
    # No parser or NER here, so spaCy's 1,000,000-character guard (sized for those) does not apply:
    # a document up to the readers' 20 MB limit is one Doc (memory measured in bench/README.md).
    nlp.max_length = MAX_BYTES + 1
    return nlp
