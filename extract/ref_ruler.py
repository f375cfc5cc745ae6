"""The spaCy component that marks legal references in `doc.spans["legal_refs"]`."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.legal_refs import KIND_WORDS, RefHit, find_refs, kind_matcher

REF_SPANS = "legal_refs"
if not Span.has_extension("legal_ref"):
    Span.set_extension("legal_ref", default=None)  # the parsed identity (RefHit) of a citation span


@Language.factory("legal_ref_ruler", default_config={"spans_key": REF_SPANS})
class LegalRefRuler:
    """Citations ("Nghị quyết số 52-NQ/TW ngày …", "Luật Đất đai năm 2024", "Công ước …") as spans.

    Label = the document kind, `kb_id_` = the legal identity ("nq-52-tw-2019"), `span._.legal_ref` =
    the parsed citation. Runs after the agency rulers: an agency name ends a law's name in a table row.
    """

    def __init__(self, nlp: Language, name: str = "legal_ref_ruler", *, spans_key: str = REF_SPANS) -> None:
        self.name, self.spans_key, self.nlp = name, spans_key, nlp
        self.matcher = kind_matcher(nlp.vocab)

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, patterns: list[str] | None = None) -> None:
        """Load the kind words a citation starts with (by default every kind of legal_ids.KINDS and treaties)."""
        self.matcher = kind_matcher(self.nlp.vocab, tuple(patterns) if patterns is not None else KIND_WORDS)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for hit in find_refs(doc, self.matcher):
            span = Span(doc, hit.start, hit.end, label=hit.kind, kb_id=hit.ref_id)
            span._.legal_ref = hit
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def ref_hits(doc: Doc, key: str = REF_SPANS) -> list[RefHit]:
    """The parsed citations the component left on a doc, in order."""
    return [s._.legal_ref for s in doc.spans[key]] if key in doc.spans else []
