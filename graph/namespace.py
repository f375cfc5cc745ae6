"""Vocabulary in code, never as string IRIs: a typo in a term is an error (closed namespaces)."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/policykg/"
ID = Namespace(BASE + "id/")


class PKG(DefinedNamespace):
    """The project's own terms, declared in ontology/policykg.ttl."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    AgencyGroup: URIRef
    AgencyKinds: URIRef
    Citation: URIRef
    Comparators: URIRef
    DocumentKinds: URIRef
    DocumentStatuses: URIRef
    Indicator: URIRef
    Indicators: URIRef
    Mention: URIRef
    Observation: URIRef
    Statuses: URIRef
    Target: URIRef
    Task: URIRef
    TaskKinds: URIRef
    TaskRoles: URIRef
    Topics: URIRef
    abbreviation: URIRef
    about: URIRef
    achieved: URIRef
    agencyKind: URIRef
    agent: URIRef
    ambiguous: URIRef
    assigned: URIRef
    assignedIn: URIRef
    at_least: URIRef
    at_most: URIRef
    average: URIRef
    baseline: URIRef
    changeKind: URIRef
    cited: URIRef
    coOwner: URIRef
    citing: URIRef
    comparator: URIRef
    cooperating: URIRef
    cooperating_role: URIRef
    deadline: URIRef
    direction: URIRef
    documentKind: URIRef
    documentStatus: URIRef
    draft: URIRef
    draftOf: URIRef
    effectiveDate: URIRef
    equals: URIRef
    expectedOutput: URIRef
    final: URIRef
    implements: URIRef
    inCorpus: URIRef
    inDocument: URIRef
    inSection: URIRef
    indicator: URIRef
    lead: URIRef
    lead_role: URIRef
    legalBasis: URIRef
    less_than: URIRef
    measures: URIRef
    mentions: URIRef
    more_than: URIRef
    no_data: URIRef
    off_track: URIRef
    on_track: URIRef
    owner: URIRef
    passage: URIRef
    ownerRole: URIRef
    quantitative: URIRef
    recommended: URIRef
    relation: URIRef
    reportsOn: URIRef
    responsible_role: URIRef
    scope: URIRef
    sectionId: URIRef
    sectionOf: URIRef
    softwareVersion: URIRef
    status: URIRef
    subTaskOf: URIRef
    taskKind: URIRef
    text: URIRef
    top_n: URIRef
    unit: URIRef
    value: URIRef
    year: URIRef


class ELI(DefinedNamespace):
    """The European Legislation Identifier ontology (the terms policykg uses)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    has_part: URIRef
    is_part_of: URIRef
    cites: URIRef
    based_on: URIRef
    passed_by: URIRef
    date_document: URIRef
    id_local: URIRef
    type_document: URIRef
    title: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms policykg uses)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    motivatedBy: URIRef
    identifying: URIRef


PREFIXES = {
    "pkg": PKG._NS, "id": ID, "eli": ELI._NS, "oa": OA._NS, "org": ORG, "prov": PROV, "skos": SKOS,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
}
