"""Extracted facts -> RDF, with deterministic IRIs and evidence on every fact.

Legal documents are identified by kind, number, issuer and year (`id/legal/nq-50-cp-2020`), so
a corpus document and the citations of it meet in one node; documents only cited are nodes too.
A symbol every province issues ("12/KH-UBND") is told apart by the province (`kh-12-ubnd-lao-cai-2025`).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from extract import __version__
from extract.agencies import Agency, fold_key, group_agency, registry, slug
from extract.contract import observations_for
from extract.indicators import indicators
from extract.legal_ids import identity, own_identity, parse_number
from extract.progress import status
from extract.records import Body, DocMeta, DocumentFacts, Evidence, LegalRef
from extract.segment import FRONT
from graph.namespace import ELI, ID, OA, PKG, PREFIXES
from graph.ntriples import Triples
from graph.validate import ontology

if TYPE_CHECKING:
    from extract.pipeline import Corpus

_RELATIONS = {"cites": ELI.cites, "based_on": ELI.based_on, "implements": PKG.implements}
_ROLES = {"lead": PKG.lead_role, "cooperating": PKG.cooperating_role, "responsible": PKG.responsible_role}
_KINDS = {"assigned": PKG.assigned, "recommended": PKG.recommended}
_STATUS = {"achieved": PKG.achieved, "on_track": PKG.on_track, "off_track": PKG.off_track, "no_data": PKG.no_data}
_COMPARATORS = {"about": PKG.about, "at_least": PKG.at_least, "at_most": PKG.at_most, "more_than": PKG.more_than,
                "less_than": PKG.less_than, "equals": PKG.equals, "top_n": PKG.top_n}
_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector
_LOCATION_KINDS = {"province", "city"}


def decimal(value: float) -> Literal:
    """A canonical xsd:decimal ("88", "12.66"): both stores then print the same lexical form."""
    text = repr(value)
    return Literal(Decimal(text[:-2] if text.endswith(".0") else text), datatype=XSD.decimal)


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def doc_iri(meta: DocMeta) -> URIRef:
    """A corpus document's IRI: its legal identity when it has a number and a date."""
    legal = own_identity(meta.number, meta.date, meta.issuer)
    return ID["legal/" + legal] if legal else ID["doc/" + quote(meta.id, safe="")]


def section_iri(doc: URIRef, section: str) -> URIRef:
    return URIRef(f"{doc}/section/{quote(section, safe='')}")


def agency_iri(name_or_id: str) -> URIRef:
    """IRI of a registry agency (by id or any name) or of a generic group (by its label)."""
    reg = registry()
    agency = reg.agencies.get(name_or_id) or reg.resolve(name_or_id)
    if agency is not None:
        return ID["agency/" + agency.id]
    return ID["group/" + group_agency(name_or_id.removeprefix("g:")).id.removeprefix("g-")]


class Sink(Protocol):
    """Where the builder puts triples: an rdflib Graph (tests, whole corpus) or `Triples` (build path)."""

    def add(self, triple: Any) -> Any: ...

    def bind(self, prefix: str, namespace: Any) -> Any: ...

    def __contains__(self, triple: Any) -> bool: ...


class Builder:
    """Accumulates triples for one corpus into `g` (an rdflib Graph unless another sink is given)."""

    def __init__(self, corpus: Corpus, generated_at: datetime | None = None,
                 known: dict[str, URIRef] | None = None, sink: Sink | None = None) -> None:
        self.corpus = corpus
        self.known = known or {}  # other corpus documents' IRIs (a document built on its own)
        # no named contexts needed: SimpleMemory is 3x faster to fill than the default store
        self.g: Sink = sink if sink is not None else Graph(store="SimpleMemory")
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.agencies: set[str] = set()
        self.groups: dict[str, str] = {}
        self.doc_iris = {**self.known, **{d.meta.id: doc_iri(d.meta) for d in corpus.docs}}
        self.texts = {d.meta.id: d.text for d in corpus.docs}
        digest = hashlib.sha1(__version__.encode())
        for d in corpus.docs:
            digest.update(d.meta.id.encode() + hashlib.sha1(d.text.encode()).digest())
        self.run = ID["run/" + digest.hexdigest()[:16]]
        self.generated_at = generated_at or datetime.now(UTC)

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | BNode) -> None:
        self.g.add((s, p, o))

    # -- evidence ---------------------------------------------------------------------
    def evidence(self, fact: URIRef, ev: Evidence, link: URIRef = PROV.wasDerivedFrom) -> None:
        ann = ID[f"evidence/{quote(ev.doc, safe='')}/{ev.start}-{ev.end}"]
        self.add(fact, link, ann)
        if (ann, RDF.type, OA.Annotation) in self.g:
            return
        doc = self.doc_iris[ev.doc]
        text = self.texts[ev.doc]
        target, quote_sel, pos_sel = (URIRef(f"{ann}#{k}") for k in ("target", "quote", "position"))
        self.add(ann, RDF.type, OA.Annotation)
        self.add(ann, OA.motivatedBy, OA.identifying)
        self.add(ann, OA.hasTarget, target)
        self.add(ann, PROV.wasGeneratedBy, self.run)
        self.add(ann, PKG.inSection, section_iri(doc, ev.section))
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, doc)
        self.add(target, OA.hasSelector, quote_sel)
        self.add(target, OA.hasSelector, pos_sel)
        self.add(quote_sel, RDF.type, OA.TextQuoteSelector)
        self.add(quote_sel, OA.exact, Literal(ev.quote))
        self.add(quote_sel, OA.prefix, Literal(text[max(0, ev.start - _CONTEXT):ev.start]))
        self.add(quote_sel, OA.suffix, Literal(text[ev.end:ev.end + _CONTEXT]))
        self.add(pos_sel, RDF.type, OA.TextPositionSelector)
        self.add(pos_sel, OA.start, Literal(ev.start))
        self.add(pos_sel, OA.end, Literal(ev.end))

    # -- agencies ---------------------------------------------------------------------
    def agency(self, name_or_id: str, doc: DocumentFacts | None = None) -> URIRef:
        """The node of a registry agency, a body beyond the registry (named in `doc`) or a group."""
        reg = registry()
        agency = reg.agencies.get(name_or_id) or reg.resolve(name_or_id)
        if agency is not None:
            self._registry_agency(agency)
            return ID["agency/" + agency.id]
        found = self._find_body(name_or_id, doc)
        if found is not None:
            return self._body(found)
        iri = agency_iri(name_or_id)
        if str(iri) not in self.groups:
            # one label per group, whatever the case it was written in ("Các cấp ủy …", "các cấp ủy …"),
            # so that documents built apart agree on it (sh:uniqueLang)
            label = group_agency(name_or_id.removeprefix("g:")).name
            self.groups[str(iri)] = label
            self.add(iri, RDF.type, PKG.AgencyGroup)
            self.add(iri, SKOS.prefLabel, vi(label))
        return iri

    def _find_body(self, name_or_id: str, doc: DocumentFacts | None) -> Body | None:
        """A body by id, or by name in its document first ("Vụ Pháp chế" of two ministries are two bodies)."""
        docs = ([doc] if doc is not None else []) + self.corpus.docs
        key = fold_key(name_or_id)
        for d in docs:
            if name_or_id in d.bodies:
                return d.bodies[name_or_id]
            for b in d.bodies.values():
                if fold_key(b.name) == key:
                    return b
        return None

    def _body(self, body: Body) -> URIRef:
        """An org:Organization with its label, kind and parent where known."""
        iri = ID["agency/" + body.id]
        if (iri, RDF.type, ORG.Organization) in self.g:
            return iri
        self.add(iri, RDF.type, ORG.Organization)
        self.add(iri, SKOS.prefLabel, vi(body.name))
        self.add(iri, PKG.agencyKind, self.concept("agency-kind", body.kind, PKG.AgencyKinds))
        if body.parent:
            self.add(iri, ORG.subOrganizationOf, self.agency(body.parent))
        return iri

    def _registry_agency(self, agency: Agency) -> None:
        if agency.id in self.agencies:
            return
        self.agencies.add(agency.id)
        iri = ID["agency/" + agency.id]
        kind = agency.kind
        self.add(iri, RDF.type, DCTERMS.Location if kind in _LOCATION_KINDS else ORG.FormalOrganization)
        self.add(iri, SKOS.prefLabel, vi(agency.name))
        self.add(iri, SKOS.prefLabel, Literal(agency.name_en, lang="en"))
        for alias in agency.aliases:
            self.add(iri, SKOS.altLabel, vi(alias))
        for abbr in agency.abbreviations:
            self.add(iri, PKG.abbreviation, Literal(abbr))
        self.add(iri, PKG.agencyKind, self.concept("agency-kind", kind, PKG.AgencyKinds))
        if agency.parent:
            self._registry_agency(registry().agencies[agency.parent])
            self.add(iri, ORG.subOrganizationOf, ID["agency/" + agency.parent])
        for ev in agency.events:
            self._registry_agency(registry().agencies[ev.into])
            event = ID[f"event/{agency.id}-{ev.type}-{ev.into}"]
            self.add(event, RDF.type, ORG.ChangeEvent)
            self.add(event, ORG.originalOrganization, iri)
            self.add(event, ORG.resultingOrganization, ID["agency/" + ev.into])
            self.add(event, PKG.effectiveDate, Literal(ev.date, datatype=XSD.date))
            self.add(event, PKG.changeKind, Literal(ev.type))
            self.add(event, DCTERMS.description, Literal(ev.basis, lang="vi"))
            basis = self._basis(ev.basis, ev.basis_date)
            if basis is not None:
                self.add(event, PKG.legalBasis, basis)
            self.add(iri, ORG.changedBy, event)

    def _basis(self, text: str, date: str) -> URIRef | None:
        """The legal document named as the basis of a reorganisation ("Nghị quyết 176/2025/QH15")."""
        parts = text.split()
        if len(parts) < 2 or not parts[-1][:1].isdigit():
            return None
        kind_word = " ".join(parts[:-1])
        try:
            kind, number, year, issuer = parse_number(parts[-1], kind_word)
        except (ValueError, KeyError):
            return None
        iri = ID["legal/" + identity(kind, number, issuer, year or int(date[:4]))]
        self.legal_node(iri, kind, parts[-1], year or int(date[:4]), issuer, None, False)
        self.add(iri, ELI.date_document, Literal(date, datatype=XSD.date))
        return iri

    def _schemes(self) -> None:
        """Copy the ontology's concept schemes so the data graph carries its own labels."""
        onto = ontology()
        for concept in onto.subjects(SKOS.inScheme, None):
            for p, o in onto.predicate_objects(concept):
                self.g.add((concept, p, o))
            self.g.add((concept, RDF.type, SKOS.Concept))

    def concept(self, scheme_name: str, notation: str, scheme: URIRef) -> URIRef:
        iri = ID[f"{scheme_name}/{slug(notation)}"]
        self.add(iri, RDF.type, SKOS.Concept)
        self.add(iri, SKOS.inScheme, scheme)
        self.add(iri, SKOS.notation, Literal(notation))
        self.add(iri, SKOS.prefLabel, Literal(notation.replace("_", " "), lang="en"))
        return iri

    # -- documents --------------------------------------------------------------------
    def legal_node(self, iri: URIRef, kind: str, code: str | None, year: int | None, issuer: str | None,
                   issuer_name: str | None, ambiguous: bool) -> None:
        self.add(iri, RDF.type, ELI.LegalResource)
        self.add(iri, ELI.type_document, self.concept("document-type", kind, PKG.DocumentKinds))
        if code:
            self.add(iri, ELI.id_local, Literal(code))
        # a document cited by its title carries its kind word already ("Đề án …", "Luật Đất đai"): not twice
        named = code is not None and fold_key(code).startswith(fold_key(kind))
        label = (code or "" if named else f"{kind} {code or ''}").strip() + (f" ({year})" if year else "")
        self.add(iri, RDFS.label, vi(label))
        if year:
            self.add(iri, PKG.year, Literal(str(year), datatype=XSD.gYear))
        who = issuer_name or issuer
        if who and (registry().resolve(who) or (issuer and registry().resolve(issuer.rstrip("0123456789")))):
            agency = registry().resolve(who) or registry().resolve((issuer or "").rstrip("0123456789"))
            if agency is not None:
                self.add(iri, ELI.passed_by, self.agency(agency.id))
        if ambiguous:
            self.add(iri, PKG.ambiguous, Literal(True))

    def document(self, d: DocumentFacts) -> None:
        m, iri = d.meta, self.doc_iris[d.meta.id]
        self.add(iri, RDF.type, ELI.LegalResource)
        self.add(iri, DCTERMS.identifier, Literal(m.id))
        self.add(iri, DCTERMS.title, vi(m.title))
        self.add(iri, ELI.title, vi(m.title))
        self.add(iri, RDFS.label, vi(m.title))
        self.add(iri, DCTERMS.source, Literal(m.source))
        self.add(iri, PKG.inCorpus, Literal(True))
        self.add(iri, PKG.documentKind, self.concept("document-kind", m.kind, PKG.DocumentKinds))
        self.add(iri, PKG.documentStatus, PKG.draft if m.status == "draft" else PKG.final)
        self.add(iri, PROV.wasGeneratedBy, self.run)
        if m.number:
            self.add(iri, ELI.id_local, Literal(m.number))
            try:
                kind = parse_number(m.number, None)[0]
                self.add(iri, ELI.type_document, self.concept("document-type", kind, PKG.DocumentKinds))
            except (ValueError, KeyError):
                pass
        if m.date:
            self.add(iri, DCTERMS.date, Literal(m.date))
        if m.date and len(m.date) == 10:
            self.add(iri, ELI.date_document, Literal(m.date, datatype=XSD.date))
        if m.date:
            self.add(iri, PKG.year, Literal(m.date[:4], datatype=XSD.gYear))
        if m.issuer:
            self.add(iri, ELI.passed_by, self.agency(m.issuer))
        for rel, target in m.relations:
            if target in self.doc_iris:
                self.add(iri, PKG.draftOf if rel == "draft_of" else PKG.reportsOn, self.doc_iris[target])
        front = section_iri(iri, FRONT)  # text before the first heading (header, "Căn cứ ..." lines)
        self.add(front, RDF.type, ELI.LegalResourceSubdivision)
        self.add(front, ELI.id_local, Literal(FRONT))
        self.add(front, ELI.is_part_of, iri)
        self.add(front, PKG.sectionOf, iri)
        self.add(iri, ELI.has_part, front)
        for s in d.sections:
            sec = section_iri(iri, s.id)
            self.add(sec, RDF.type, ELI.LegalResourceSubdivision)
            self.add(sec, ELI.id_local, Literal(s.id))
            if s.heading:
                self.add(sec, ELI.title, vi(s.heading))
            parent = section_iri(iri, s.parent) if s.parent else iri
            self.add(sec, ELI.is_part_of, parent)
            self.add(sec, PKG.sectionOf, iri)  # its document in one step, whatever its depth
            self.add(parent, ELI.has_part, sec)
        for key, ev in sorted(d.first_mentions.items()):
            agent = self.agency(key, d)
            mention = ID[f"mention/{quote(m.id, safe='')}/{agent.split('/')[-1]}"]
            self.add(iri, PKG.mentions, agent)
            self.add(mention, RDF.type, PKG.Mention)
            self.add(mention, PKG.agent, agent)
            self.add(mention, PKG.inDocument, iri)
            self.evidence(mention, ev)

    # -- facts ------------------------------------------------------------------------
    def tasks(self, d: DocumentFacts) -> None:
        doc = self.doc_iris[d.meta.id]
        for t in d.tasks:
            iri = ID["task/" + t.id]
            self.add(iri, RDF.type, PKG.Task)
            self.add(iri, PKG.text, vi(t.text))
            self.add(iri, RDFS.label, vi(t.text if len(t.text) <= 80 else t.text[:79] + "…"))
            self.add(iri, PKG.inDocument, doc)
            self.add(iri, PKG.assignedIn, section_iri(doc, t.section))
            if t.owner is not None and t.owner_role is not None:  # a task naming no agency has no owner triple
                self.add(iri, PKG.owner, self.agency(t.owner, d))
                for other in t.owners[1:]:
                    self.add(iri, PKG.coOwner, self.agency(other, d))
                self.add(iri, PKG.ownerRole, _ROLES[t.owner_role])
            for a in t.lead:
                self.add(iri, PKG.lead, self.agency(a, d))
            for a in t.cooperating:
                self.add(iri, PKG.cooperating, self.agency(a, d))
            self.add(iri, PKG.taskKind, _KINDS[t.kind])
            if t.deadline:
                self.add(iri, PKG.deadline, Literal(t.deadline))
            if t.product:
                self.add(iri, PKG.expectedOutput, vi(t.product))
            if t.parent:
                self.add(iri, PKG.subTaskOf, ID["task/" + t.parent])
            self.evidence(iri, t.evidence)

    def cited_documents(self) -> None:
        """One node per legal document cited but not in the corpus, from its best-written citation."""
        best: dict[str, LegalRef] = {}
        for d in self.corpus.docs:
            for r in d.refs:
                if r.id not in best or (r.code and not best[r.id].code):
                    best[r.id] = r
        in_corpus = set(self.doc_iris.values())
        for rid, r in sorted(best.items()):
            cited = ID["legal/" + rid]
            if cited in in_corpus:
                continue
            self.legal_node(cited, r.kind, r.code or r.name, r.year, r.issuer, r.issuer_name, r.ambiguous)
            if r.name:
                self.add(cited, ELI.title, vi(r.name))

    def refs(self, d: DocumentFacts) -> None:
        for r in d.refs:
            cited = ID["legal/" + r.id]
            if r.title:
                self.add(cited, DCTERMS.description, vi(r.title))
            citing = ID["legal/" + r.subject] if r.subject else self.doc_iris[d.meta.id]
            self._citation(citing, cited, r, d)

    def _citation(self, citing: URIRef, cited: URIRef, r: LegalRef, d: DocumentFacts) -> None:
        rel = _RELATIONS[r.relation]
        self.add(citing, rel, cited)
        node = ID[f"citation/{slug(str(citing).split('/')[-1])}/{r.relation}/{slug(r.id)}"]
        self.add(node, RDF.type, PKG.Citation)
        self.add(node, PKG.citing, citing)
        self.add(node, PKG.cited, cited)
        self.add(node, PKG.relation, rel)
        self.add(node, PKG.inDocument, self.doc_iris[d.meta.id])
        self.evidence(node, r.evidence)
        for passage in r.passages:
            self.evidence(node, passage, PKG.passage)

    def indicator(self, ind: str, label: str) -> URIRef:
        iri = ID["indicator/" + ind]
        self.add(iri, RDF.type, PKG.Indicator)
        self.add(iri, RDF.type, SKOS.Concept)
        self.add(iri, SKOS.inScheme, PKG.Indicators)
        self.add(iri, SKOS.prefLabel, vi(label))
        return iri

    def targets(self, d: DocumentFacts) -> None:
        doc = self.doc_iris[d.meta.id]
        for t in d.targets:
            iri = ID["target/" + t.id]
            self.add(iri, RDF.type, PKG.Target)
            self.add(iri, PKG.indicator, self.indicator(t.indicator, t.indicator_label))
            self.add(iri, PKG.inDocument, doc)
            self.add(iri, PKG.text, vi(t.text))
            self.add(iri, RDFS.label, vi(t.indicator_label + (f" ({t.year})" if t.year is not None else "")))
            self.add(iri, PKG.quantitative, Literal(t.quantitative))
            self.add(iri, PKG.average, Literal(t.average))
            if t.year is not None:
                self.add(iri, PKG.year, Literal(str(t.year), datatype=XSD.gYear))
            if t.value is not None:
                self.add(iri, PKG.value, decimal(t.value))
            if t.unit:
                self.add(iri, PKG.unit, Literal(t.unit))
            if t.comparator:
                self.add(iri, PKG.comparator, _COMPARATORS[t.comparator])
            if t.scope:
                self.add(iri, PKG.scope, Literal(t.scope))
            if t.baseline:
                self.add(iri, PKG.baseline, Literal(t.baseline))
            if t.change:
                self.add(iri, PKG.direction, Literal(t.change))
            obs = observations_for(self.corpus, t)
            self.add(iri, PKG.status, _STATUS[status(t, obs) if t.quantitative else "no_data"])
            for o in obs:
                self.add(ID["obs/" + o.id], PKG.measures, iri)
            self.evidence(iri, t.evidence)

    def observations(self, d: DocumentFacts) -> None:
        doc = self.doc_iris[d.meta.id]
        for o in d.observations:
            iri = ID["obs/" + o.id]
            self.add(iri, RDF.type, PKG.Observation)
            label = o.indicator_label or next((i.name for i in indicators() if i.id == o.indicator), o.indicator)
            self.add(iri, PKG.indicator, self.indicator(o.indicator, label))
            self.add(iri, PKG.year, Literal(str(o.year), datatype=XSD.gYear))
            self.add(iri, PKG.value, decimal(o.value))
            self.add(iri, PKG.unit, Literal(o.unit))
            if o.scope:
                self.add(iri, PKG.scope, Literal(o.scope))
            self.add(iri, PKG.inDocument, doc)
            self.evidence(iri, o.evidence)

    def build(self) -> Graph:
        self.fill()
        assert isinstance(self.g, Graph)
        return self.g

    def fill(self) -> None:
        self._schemes()
        self.add(self.run, RDF.type, PROV.Activity)
        self.add(self.run, PKG.softwareVersion, Literal(f"policykg {__version__}"))
        self.add(self.run, PROV.startedAtTime, Literal(self.generated_at.isoformat(), datatype=XSD.dateTime))
        for d in self.corpus.docs:
            self.document(d)
            self.add(self.run, PROV.used, self.doc_iris[d.meta.id])
        self.cited_documents()
        for d in self.corpus.docs:
            self.tasks(d)
            self.refs(d)
            self.targets(d)
            self.observations(d)


def build_graph(corpus: Corpus, generated_at: datetime | None = None) -> Graph:
    """The RDF graph of a corpus (deterministic apart from the run's start time)."""
    return Builder(corpus, generated_at).build()


def build_document(doc: DocumentFacts, known: dict[str, URIRef], reports: list[DocumentFacts],
                   generated_at: datetime | None = None) -> Graph:
    """One document's named graph: its own facts and the shared nodes it touches (agencies, concepts,
    documents it cites), given the other corpus documents' IRIs and the reports on it."""
    from extract.pipeline import Corpus

    return _DocumentBuilder(Corpus([doc]), generated_at, known, reports).build()


def document_triples(doc: DocumentFacts, known: dict[str, URIRef], reports: list[DocumentFacts],
                     generated_at: datetime | None = None) -> Triples:
    """`build_document`'s triples without an rdflib Graph (the build path: `.ntriples()` is the file)."""
    from extract.pipeline import Corpus

    builder = _DocumentBuilder(Corpus([doc]), generated_at, known, reports, Triples())
    builder.fill()
    assert isinstance(builder.g, Triples)
    return builder.g


class _DocumentBuilder(Builder):
    """A Builder for one document; reports on it contribute observations to its targets' status."""

    def __init__(self, corpus: Corpus, generated_at: datetime | None, known: dict[str, URIRef],
                 reports: list[DocumentFacts], sink: Sink | None = None) -> None:
        super().__init__(corpus, generated_at, known, sink)
        self.reports = reports

    def targets(self, d: DocumentFacts) -> None:
        self.corpus.docs.extend(self.reports)  # observations_for looks for reports in the corpus
        try:
            super().targets(d)
        finally:
            del self.corpus.docs[1:]
