"""N-Triples written straight from the builder's terms: a document's graph on the build path is a set of
triples and a text, never an rdflib Graph (rdflib stays the model for tests: they parse this text).

Escapes per the N-Triples grammar (W3C RDF 1.1 N-Triples §2.3–2.4): in an IRIREF the characters
#x00–#x20 < > " { } | ^ ` \\ become \\uXXXX; in a STRING_LITERAL_QUOTE " \\ LF CR become ECHARs and the
other controls \\uXXXX.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Term = URIRef | Literal | BNode
Triple = tuple[Term, Term, Term]

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_BAD = re.compile(r'[\x00-\x1f"\\\x7f]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING = str(XSD.string)


def _uchar(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or _hex(match)


def _hex(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04X}"


def iri(value: str) -> str:
    """An IRIREF: <…>, with the characters N-Triples forbids in it as \\uXXXX."""
    if _IRI_BAD.search(value) is None:
        return f"<{value}>"
    return f"<{_IRI_BAD.sub(_hex, value)}>"


def string(value: str) -> str:
    """A STRING_LITERAL_QUOTE: "…", escaped."""
    if _STRING_BAD.search(value) is None:
        return f'"{value}"'
    return f'"{_STRING_BAD.sub(_uchar, value)}"'


def term(t: Term) -> str:
    """One term as N-Triples: an IRI, a blank node label, or a literal with its language or datatype."""
    if isinstance(t, URIRef):
        return iri(t)
    if isinstance(t, BNode):
        return "_:" + re.sub(r"[^A-Za-z0-9_-]", "_", str(t))
    lexical = string(str(t))
    if t.language:
        return f"{lexical}@{t.language}"
    if t.datatype is not None and str(t.datatype) != _STRING:
        return f"{lexical}^^{iri(str(t.datatype))}"
    return lexical


class Triples:
    """An ordered set of triples (insertion order: the same text for the same build) with the few Graph
    methods the builder uses (add, membership, length, objects) and its N-Triples text."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def bind(self, prefix: str, namespace: object) -> None:
        """Prefixes mean nothing in N-Triples (kept so the builder can treat this as a graph)."""

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def objects(self) -> Iterator[Term]:
        return (o for _, _, o in self._triples)

    def ntriples(self) -> str:
        return lines(self._triples)


def lines(triples: Iterable[Triple]) -> str:
    """N-Triples text, one line per triple (each distinct term written once: a document's graph names its
    predicates, subjects and shared nodes many times)."""
    written: dict[Term, str] = {}

    def text(t: Term) -> str:
        out = written.get(t)
        if out is None:
            out = written[t] = term(t)
        return out

    return "".join(f"{text(s)} {text(p)} {text(o)} .\n" for s, p, o in triples)
