"""The SHACL shapes compiled to SPARQL queries that find violations, run on an in-memory Oxigraph.

Covers the SHACL Core constraints ontology/shapes.ttl uses (targets by class and subjects-of;
property shapes with a predicate path; min/max count, class, datatype, nodeKind IRI, in,
languageIn, minLength, minInclusive, uniqueLang, a qualified languageIn with qualifiedMinCount).
A shape using anything else is refused when the shapes are compiled, so a new constraint in the
shapes cannot be silently ignored. pySHACL stays the reference: tests/test_validate.py checks that
this engine gives its verdict on good and broken graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

SH = Namespace("http://www.w3.org/ns/shacl#")
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
_VALUE_KEYS = {SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.languageIn,
               SH.minLength, SH.minInclusive, SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMinCount}
_IGNORED = {RDF.type, SH.path, SH.message, SH.name, SH.description}
# lexical forms a value of these datatypes must have (those rdflib, and so pySHACL, checks)
_LEXICAL = {
    XSD.date: r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD.integer: r"^[+-]?[0-9]+$",
    XSD.decimal: r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    XSD.boolean: r"^(true|false|1|0)$",
    XSD.dateTime: r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$",
}


@dataclass(frozen=True)
class Check:
    """One constraint as a query whose solutions are the violations (?f focus node, ?v value)."""

    shape: str
    path: str
    constraint: str
    message: str
    query: str


def _n3(term: object) -> str:
    if isinstance(term, URIRef | Literal):
        return term.n3()
    raise ValueError(f"unsupported term in the shapes: {term!r}")


def _targets(shapes: Graph, shape: URIRef | BNode) -> list[str]:
    patterns = [f"?f {_TYPE} {_n3(c)} ." for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"?f {_n3(p)} [] ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
    for key in (SH.targetNode, SH.targetObjectsOf):
        if (shape, key, None) in shapes:
            raise ValueError(f"{key} is not supported by the SPARQL engine")
    return patterns


def _value_test(shapes: Graph, key: URIRef, value: object) -> str | None:
    """A SPARQL expression true when ?v violates the constraint (None: not a per-value constraint)."""
    if key == SH["class"]:
        return f"NOT EXISTS {{ ?v {_TYPE} {_n3(value)} }}"
    if key == SH.datatype:
        assert isinstance(value, URIRef)
        if value == RDF.langString:
            return "!(isLiteral(?v) && lang(?v) != \"\")"
        lexical = f" || !REGEX(STR(?v), {Literal(_LEXICAL[value]).n3()})" if value in _LEXICAL else ""
        return f"!(isLiteral(?v) && datatype(?v) = {_n3(value)} && lang(?v) = \"\"){lexical}"
    if key == SH.nodeKind:
        if value != SH.IRI:
            raise ValueError(f"sh:nodeKind {value} is not supported by the SPARQL engine")
        return "!isIRI(?v)"
    if key == SH["in"]:
        assert isinstance(value, URIRef | BNode)
        return f"?v NOT IN ({', '.join(_n3(m) for m in Collection(shapes, value))})"
    if key == SH.languageIn:
        assert isinstance(value, URIRef | BNode)
        tags = " || ".join(f"langMatches(lang(?v), {Literal(str(t)).n3()})" for t in Collection(shapes, value))
        return f"!(isLiteral(?v) && ({tags}))"
    if key == SH.minLength:
        return f"isBlank(?v) || STRLEN(STR(?v)) < {int(str(value))}"
    if key == SH.minInclusive:
        return f"!(isLiteral(?v) && ?v >= {_n3(value)})"
    return None


def _checks(shapes: Graph, shape: URIRef | BNode, name: str, targets: list[str]) -> Iterator[Check]:
    focus = " UNION ".join(f"{{ {t} }}" for t in targets)
    for prop in shapes.objects(shape, SH.property):
        assert isinstance(prop, URIRef | BNode)
        path = shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise ValueError(f"{name}: only predicate paths are supported by the SPARQL engine")
        keys = {URIRef(str(k)) for k in shapes.predicates(prop)} - _IGNORED
        unknown = keys - _VALUE_KEYS
        if unknown:
            raise ValueError(f"{name}: {', '.join(sorted(unknown))} not supported by the SPARQL engine")
        message = str(shapes.value(prop, SH.message) or "")
        p = _n3(path)

        def check(constraint: str, query: str, _p: str = p, _m: str = message) -> Check:
            return Check(name, _p, constraint, _m, query)

        for key in sorted(keys):
            value = shapes.value(prop, key)
            local = key.removeprefix(str(SH))
            if key == SH.minCount:
                yield check(local, f"SELECT DISTINCT ?f WHERE {{ {focus} OPTIONAL {{ ?f {p} ?v }} }} "
                                   f"GROUP BY ?f HAVING (COUNT(DISTINCT ?v) < {int(str(value))})")
            elif key == SH.maxCount:
                yield check(local, f"SELECT DISTINCT ?f WHERE {{ {focus} ?f {p} ?v }} "
                                   f"GROUP BY ?f HAVING (COUNT(DISTINCT ?v) > {int(str(value))})")
            elif key == SH.uniqueLang:
                if str(value).lower() == "true":
                    yield check(local, f"SELECT DISTINCT ?f WHERE {{ {focus} ?f {p} ?v, ?w "
                                       "FILTER (?v != ?w && lang(?v) != \"\" && lang(?v) = lang(?w)) }")
            elif key == SH.qualifiedValueShape:
                assert isinstance(value, URIRef | BNode)
                inner = [_value_test(shapes, URIRef(str(k)), o) for k, o in shapes.predicate_objects(value)
                         if k != RDF.type]
                if None in inner:
                    raise ValueError(f"{name}: a qualified value shape with more than value constraints")
                least = int(str(shapes.value(prop, SH.qualifiedMinCount) or 0))
                ok = " && ".join(f"!({t})" for t in inner if t)
                yield check("qualifiedMinCount",
                            f"SELECT DISTINCT ?f WHERE {{ {focus} OPTIONAL {{ ?f {p} ?v FILTER ({ok}) }} }} "
                            f"GROUP BY ?f HAVING (COUNT(DISTINCT ?v) < {least})")
            elif key != SH.qualifiedMinCount:
                test = _value_test(shapes, key, value)
                assert test is not None
                yield check(local, f"SELECT DISTINCT ?f ?v WHERE {{ {focus} ?f {p} ?v FILTER ({test}) }}")


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every node shape with a target, as a violation query."""
    out: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        assert isinstance(shape, URIRef | BNode)
        targets = _targets(shapes, shape)
        if targets:
            name = str(shape).rsplit("#", 1)[-1]
            out.extend(_checks(shapes, shape, name, targets))
    return out


def violations(nt: str, checks: list[Check]) -> list[str]:
    """The violations of the checks in a graph given as N-Triples, one line each."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    found = []
    for c in checks:
        for row in store.query(c.query):  # type: ignore[union-attr]
            shown = f" value {row['v']}" if c.query.startswith("SELECT DISTINCT ?f ?v") else ""  # type: ignore[index]
            focus = row["f"]  # type: ignore[index]
            found.append(f"{c.shape}: focus {focus} path {c.path} violates sh:{c.constraint}{shown}"
                         + (f" ({c.message})" if c.message else ""))
    return found
