"""Named SPARQL queries: the questions the CLI, the app, overlaps and exports ask of the graph.

Each is a `NamedQuery` with the SPARQL text, the variables it expects bound (IRIs) and a sentence
saying what it answers, so a query can be listed, documented and run the same on every store.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph.guard import QueryError
from graph.namespace import PREFIXES
from graph.store import IRI_RE, Result, Store

PREFIX_BLOCK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


NUMERIC = frozenset({"start", "end", "year", "value", "latest_year", "latest_value", "tasks",
                     "documents"})  # ordered as numbers


def _order_key(values: Sequence[tuple[str | None, bool]]) -> tuple[tuple[int, float, str], ...]:
    """SPARQL's ORDER BY for a page sorted here: unbound first, numbers by value, the rest by text."""
    return tuple(_order_value(v, numeric) for v, numeric in values)


def _order_value(value: str | None, numeric: bool) -> tuple[int, float, str]:
    if value is None:
        return (0, 0.0, "")
    if numeric:
        try:
            return (1, float(value), "")
        except ValueError:
            pass
    return (2, 0.0, value)


@dataclass(frozen=True)
class Legacy:
    """How a query is asked of a graph written before a link it uses existed: `ask` is true on such a graph
    (one document without the link is enough), and then `sparql` is asked instead."""

    ask: str
    sparql: str


_LEGACY: weakref.WeakKeyDictionary[Store, dict[str, bool]] = weakref.WeakKeyDictionary()


def _is_legacy(store: Store, ask: str) -> bool:
    """Whether the store holds a graph written before the link `ask` looks for: asked once per Oxigraph store (a
    workspace's generation never changes), every time of the others (an rdflib graph or a remote store may)."""
    if store.name != "oxigraph":
        return bool(store.query(PREFIX_BLOCK + ask).boolean)
    seen = _LEGACY.setdefault(store, {})
    if ask not in seen:
        seen[ask] = bool(store.query(PREFIX_BLOCK + ask).boolean)
    return seen[ask]


@dataclass(frozen=True)
class NamedQuery:
    """A named SELECT; `key` and `key_pattern` (when set) make it pageable: a page is the rows of
    `limit` keys (tasks, targets, …), the keys taken in the order of their IRI text from `offset`.
    `key_at` says where the page's VALUES block goes: "start" (a sub-select first), "end" (after the
    patterns), "sub" (first in the query's own first sub-select) or "subs" (in each of them), whichever
    Oxigraph plans best for this query (measured: bench/README.md, Graph). A page is sorted here, not
    by the store (a store sorting thousands of rows decodes every string: 0.5 s of a 0.7 s page at
    1,000 documents)."""

    name: str
    description: str
    sparql: str
    params: tuple[str, ...] = ()
    key: str = ""
    key_pattern: str = ""
    key_at: str = "start"
    lists: tuple[str, ...] = ()  # variables holding a GROUP_CONCAT, one value a line: sorted here (stores differ)
    legacy: Legacy | None = None  # the text for graphs written before a link `sparql` uses

    def on(self, store: Store) -> NamedQuery:
        """This query as the store can answer it: its legacy text on a graph written before a link it uses
        (a workspace built by an older policykg: same rows, more slowly), else itself."""
        if self.legacy is None or not _is_legacy(store, self.legacy.ask):
            return self
        return replace(self, sparql=self.legacy.sparql, legacy=None)

    @property
    def text(self) -> str:
        return PREFIX_BLOCK + self.sparql

    @property
    def pageable(self) -> bool:
        return bool(self.key)

    @property
    def order(self) -> tuple[str, ...]:
        """The variables of its ORDER BY (plain ascending variables only)."""
        _, sep, tail = self.sparql.rpartition("} ORDER BY")
        return tuple(v[1:] for v in tail.split() if v.startswith("?")) if sep else ()

    def _bindings(self, bindings: dict[str, str]) -> dict[str, str]:
        missing = [p for p in self.params if p not in bindings]
        if missing:
            raise ValueError(f"query '{self.name}' needs {', '.join(missing)}")
        return {p: bindings[p] for p in self.params}

    def run(self, store: Store, **bindings: str) -> Result:
        q = self.on(store)
        return q._tidy(store.query(q.text, q._bindings(bindings)))

    def _tidy(self, res: Result) -> Result:
        """Each `lists` value's lines sorted and without repeats, so every store gives the same rows."""
        at = [res.variables.index(v) for v in self.lists if v in res.variables]
        if not at:
            return res
        rows = tuple(tuple("\n".join(sorted(set(v.split("\n")))) if i in at and v is not None else v
                           for i, v in enumerate(row)) for row in res.rows)
        return Result(res.variables, rows)

    def _needs_key(self) -> None:
        if not self.pageable:
            raise ValueError(f"query '{self.name}' has no page key; pageable: {', '.join(pageable())}")

    def keys(self, store: Store) -> list[str]:
        """Every key of the answer in the order of its text: read unsorted and sorted here (a store sorting
        IRIs decodes each one; Python sorts 40,000 in milliseconds), the same order on every store."""
        self._needs_key()
        res = store.query(f"{PREFIX_BLOCK}SELECT DISTINCT ?{self.key} WHERE {{ {self.key_pattern} }}")
        return sorted(row[0] for row in res.rows if row[0] is not None)

    def within(self, scope: str, at: str = "start", ordered: bool = True) -> str:
        """The query's text with `scope` (patterns or a sub-select binding some of its variables) spliced in:
        first in its WHERE group ("start"), after its patterns ("end"), first in its first sub-select
        ("sub") or in each sub-select ("subs"); without its ORDER BY unless `ordered`."""
        body, sep, order = self.text.rpartition("} ORDER BY")
        trail = ""
        if not sep:  # no ORDER BY: the WHERE group closes at the last brace
            body, _, trail = self.text.rpartition("}")
        if at == "end":
            body = f"{body}  {scope}\n"
        else:
            where = body.find("WHERE {")
            cuts = [where]
            if at in ("sub", "subs"):  # the first sub-select, or every one
                cuts = [i for i in range(len(body)) if body.startswith("WHERE {", i)][1:]
                cuts = cuts[:1] if at == "sub" else cuts
            if where < 0 or not cuts:
                raise QueryError(f"query '{self.name}' has no WHERE group to put '{at}'")
            for cut in sorted(cuts, reverse=True):
                cut += len("WHERE {")
                body = f"{body[:cut]}\n  {scope}{body[cut:]}"
        return f"{body}}}{trail}" + (f" ORDER BY{order}" if ordered and sep else "")

    def rows_text(self, keys: Sequence[str], at: str | None = None) -> str:
        """The query restricted to the rows of these keys (a VALUES block `at` the start or the end of its
        patterns, or in its sub-select: by default where Oxigraph plans it best), unsorted."""
        self._needs_key()
        for key in keys:
            if not IRI_RE.match(key):
                raise QueryError(f"'{key}' is not an IRI")
        values = f"VALUES ?{self.key} {{ {' '.join(f'<{k}>' for k in keys)} }}"
        where = at or self.key_at
        scope = values if where != "start" else f"{{ SELECT ?{self.key} WHERE {{ {values} }} }}"
        return self.within(scope, where, ordered=False)

    def rows_of(self, store: Store, keys: Sequence[str]) -> Result:
        """The rows of these keys only (no keys: no rows), in the order of the query's ORDER BY."""
        if not keys:
            return Result(self.variables(store), ())
        q = self.on(store)
        at_start = "start" if store.name == "memory" else None  # rdflib: keys first
        res = q._tidy(store.query(q.rows_text(keys, at_start)))
        at = [res.variables.index(v) for v in self.order if v in res.variables]
        numeric = [res.variables[i] in NUMERIC for i in at]
        rows = sorted(res.rows, key=lambda row: _order_key([(row[i], n) for i, n in zip(at, numeric, strict=True)]))
        return Result(res.variables, tuple(rows))

    def variables(self, store: Store) -> tuple[str, ...]:
        """The projected variables (asked of the store on an empty selection)."""
        return store.query(self.on(store).within("FILTER(false)")).variables

    def page(self, store: Store, limit: int, offset: int = 0) -> Result:
        """One page: the rows of keys offset … offset+limit-1 in key order (no key on two pages; all
        pages together = `run`). A caller reading many pages keeps `keys(store)` and uses `rows_of`."""
        if limit < 1 or offset < 0:
            raise ValueError(f"a page needs limit ≥ 1 and offset ≥ 0 (got limit {limit}, offset {offset})")
        return self.rows_of(store, self.keys(store)[offset:offset + limit])


class Pages:
    """A named query read a page at a time: its keys read once, then each page only its keys' rows."""

    def __init__(self, store: Store, name: str, size: int = 100) -> None:
        if size < 1:
            raise ValueError(f"a page needs at least one key (got {size})")
        self.store, self.query, self.size = store, query(name), size
        self.keys = self.query.keys(store)

    def __len__(self) -> int:
        return -(-len(self.keys) // self.size)

    def page(self, number: int) -> Result:
        """Page `number` (from 0); past the last page, no rows."""
        if number < 0:
            raise ValueError(f"pages are numbered from 0 (got {number})")
        return self.query.rows_of(self.store, self.keys[number * self.size:(number + 1) * self.size])


_EVIDENCE = """
  ?ann oa:hasTarget ?tgt ; pkg:inSection ?evsec . ?evsec eli:id_local ?evsection .
  ?tgt oa:hasSelector ?qs . ?qs oa:exact ?quote .
  ?tgt oa:hasSelector ?ps . ?ps oa:start ?start ; oa:end ?end .
"""

QUERIES: dict[str, NamedQuery] = {q.name: q for q in [
    NamedQuery("documents", "Documents of the corpus with their metadata.", """
SELECT ?doc ?id ?title ?kind ?status ?number ?issuer ?date ?source WHERE {
  ?doc pkg:inCorpus true ; dcterms:identifier ?id ; dcterms:title ?title ; dcterms:source ?source ;
       pkg:documentKind/skos:notation ?kind ; pkg:documentStatus/skos:notation ?status .
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?issuer FILTER(lang(?issuer) = "vi") }
  OPTIONAL { ?doc dcterms:date ?date }
} ORDER BY ?id""", key="doc", key_pattern="?doc pkg:inCorpus true"),
    NamedQuery("tasks", "Every task with owner, role, kind, section and evidence.", f"""
SELECT ?task ?doc ?section ?text ?owner ?role ?kind ?deadline ?parent ?quote ?start ?end ?evsection WHERE {{
  ?task a pkg:Task ; pkg:text ?text ; pkg:inDocument/dcterms:identifier ?doc ;
        pkg:assignedIn/eli:id_local ?section ; pkg:taskKind/skos:notation ?kind ; prov:wasDerivedFrom ?ann .
  {_EVIDENCE}
  OPTIONAL {{ ?task pkg:ownerRole/skos:notation ?role }}
  OPTIONAL {{ ?task pkg:owner/skos:prefLabel ?owner FILTER(lang(?owner) = "vi") }}
  OPTIONAL {{ ?task pkg:deadline ?deadline }}
  OPTIONAL {{ ?task pkg:subTaskOf ?parent }}
}} ORDER BY ?task""", key="task", key_pattern="?task a pkg:Task", key_at="end"),
    NamedQuery("task_agencies", "Lead, cooperating and co-owner agencies of every task.", """
SELECT ?task ?relation ?name WHERE {
  VALUES ?relation { pkg:lead pkg:cooperating pkg:coOwner }
  ?task a pkg:Task ; ?relation ?agency . ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi")
} ORDER BY ?task ?relation ?name""", key="task", key_pattern="?task a pkg:Task"),
    NamedQuery("tasks_by_agency", "Tasks an agency owns, leads or cooperates on, with its role.", """
SELECT ?task ?doc ?section ?role ?text WHERE {
  { ?task pkg:owner ?agency ; pkg:ownerRole/skos:notation ?role }
  UNION { ?task pkg:coOwner ?agency ; pkg:ownerRole/skos:notation ?role }
  UNION { ?task pkg:lead ?agency FILTER NOT EXISTS { ?task pkg:owner ?agency } BIND("lead" AS ?role) }
  UNION { ?task pkg:cooperating ?agency BIND("cooperating" AS ?role) }
  ?task pkg:text ?text ; pkg:inDocument/dcterms:identifier ?doc ; pkg:assignedIn/eli:id_local ?section .
} ORDER BY ?doc ?task""", ("agency",)),
    NamedQuery("tasks_by_document", "Tasks of one document, by section.", """
SELECT ?task ?section ?owner ?role ?text WHERE {
  ?task pkg:inDocument ?doc ; pkg:text ?text ; pkg:assignedIn/eli:id_local ?section .
  OPTIONAL { ?task pkg:ownerRole/skos:notation ?role }
  OPTIONAL { ?task pkg:owner/skos:prefLabel ?owner FILTER(lang(?owner) = "vi") }
} ORDER BY ?task""", ("doc",)),
    NamedQuery("tasks_by_role", "Tasks whose owner has the given role concept.", """
SELECT ?task ?doc ?owner ?text WHERE {
  ?task pkg:ownerRole ?role ; pkg:text ?text ; pkg:inDocument/dcterms:identifier ?doc ;
        pkg:owner/skos:prefLabel ?owner FILTER(lang(?owner) = "vi")
} ORDER BY ?task""", ("role",)),
    NamedQuery("agency_task_load", "Agencies ranked by the number of tasks they own.", """
SELECT ?agency ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?task pkg:owner ?agency . ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi")
} GROUP BY ?agency ?name ORDER BY DESC(?tasks) ?name"""),
    NamedQuery("agency_task_load_in", "Agencies ranked by tasks they own in one document.", """
SELECT ?agency ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?task pkg:owner ?agency ; pkg:inDocument ?doc . ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi")
} GROUP BY ?agency ?name ORDER BY DESC(?tasks) ?name""", ("doc",)),
    # how many documents, not which: a page of 100 agencies at 1,000 documents names ≈ 13,000 (agency, document)
    # pairs, and a store decodes each (graph.mentions reads the first few of them, agency_documents all); the
    # documents' ids are not joined either (10× slower): two corpus files of one legal document are one node here
    NamedQuery("agencies", "Agencies and groups mentioned, with the number of documents mentioning them.", """
SELECT ?agency ?name ?name_en ?kind ?documents ?parent ?parent_name WHERE {
  { SELECT ?agency (COUNT(DISTINCT ?d) AS ?documents) WHERE { ?d pkg:mentions ?agency } GROUP BY ?agency }
  ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi")
  OPTIONAL { ?agency skos:prefLabel ?name_en FILTER(lang(?name_en) = "en") }
  OPTIONAL { ?agency pkg:agencyKind/skos:notation ?kind }
  OPTIONAL { ?agency org:subOrganizationOf ?parent .
             ?parent skos:prefLabel ?parent_name FILTER(lang(?parent_name) = "vi") }
} ORDER BY ?agency""", key="agency", key_pattern="?d pkg:mentions ?agency", key_at="sub"),
    NamedQuery("agency_documents", "The documents mentioning each agency or group (ids).", """
SELECT ?agency ?doc WHERE { ?d pkg:mentions ?agency ; dcterms:identifier ?doc } ORDER BY ?agency ?doc""",
               key="agency", key_pattern="?d pkg:mentions ?agency", key_at="end"),
    NamedQuery("abbreviations", "Abbreviations of agencies.", """
SELECT ?agency ?abbr WHERE { ?agency pkg:abbreviation ?abbr } ORDER BY ?agency ?abbr"""),
    NamedQuery("changes", "Reorganisations: who became whom, when, on which legal basis.", """
SELECT ?from ?to ?to_name ?date ?basis ?kind WHERE {
  ?e a org:ChangeEvent ; org:originalOrganization ?from ; org:resultingOrganization ?to ;
     pkg:effectiveDate ?date ; pkg:changeKind ?kind .
  ?to skos:prefLabel ?to_name FILTER(lang(?to_name) = "vi")
  OPTIONAL { ?e dcterms:description ?basis }
} ORDER BY ?from"""),
    NamedQuery("citations", "Every citation: who cites what, how, with the citing passage.", f"""
SELECT ?cited ?citing_doc ?subject ?relation ?type ?code ?year ?label ?title ?ambiguous
       ?quote ?start ?end ?evsection WHERE {{
  {{ SELECT ?c ?cited ?citing_doc ?subject ?relation (MIN(?type_) AS ?type) (MIN(?code_) AS ?code)
           (MIN(?year_) AS ?year) (MIN(?label_) AS ?label) (MIN(?title_) AS ?title) (MAX(?ambiguous_) AS ?ambiguous)
    WHERE {{
    ?c a pkg:Citation ; pkg:citing ?citing ; pkg:cited ?cited ; pkg:relation ?relation ;
       pkg:inDocument/dcterms:identifier ?citing_doc .
    ?cited rdfs:label ?label_ .
    OPTIONAL {{ ?cited eli:type_document/skos:notation ?type_ }}
    OPTIONAL {{ ?citing dcterms:identifier ?own }}
    BIND(IF(BOUND(?own), "", STR(?citing)) AS ?subject)
    OPTIONAL {{ ?cited eli:id_local ?code_ }}
    OPTIONAL {{ ?cited pkg:year ?year_ }}
    OPTIONAL {{ ?cited eli:title ?title_ }}
    OPTIONAL {{ ?cited pkg:ambiguous ?ambiguous_ }}
  }} GROUP BY ?c ?cited ?citing_doc ?subject ?relation }}  # a document cited in other words by another
  # document carries each wording (a label and a title per wording): one row per citation all the same
  {{ SELECT ?c ?quote ?start ?end ?evsection WHERE {{
    ?c a pkg:Citation ; prov:wasDerivedFrom ?ann .
    {_EVIDENCE}
  }} }}
}} ORDER BY ?citing_doc ?cited ?relation""", key="c", key_pattern="?c a pkg:Citation", key_at="subs"),
    NamedQuery("citation_passages", "Every sentence that cites a document, with the cited document.", """
SELECT ?cited ?citing_doc ?section ?quote ?start WHERE {
  ?c a pkg:Citation ; pkg:cited ?cited ; pkg:inDocument/dcterms:identifier ?citing_doc ; pkg:passage ?ann .
  ?ann pkg:inSection/eli:id_local ?section ; oa:hasTarget ?t . ?t oa:hasSelector ?qs, ?ps .
  ?qs oa:exact ?quote . ?ps oa:start ?start .
} ORDER BY ?citing_doc ?start ?cited""", key="c", key_pattern="?c a pkg:Citation"),
    NamedQuery("sections", "Sections of the corpus documents with their headings.", """
SELECT ?doc ?section ?heading WHERE {
  ?s pkg:sectionOf ?d ; eli:id_local ?section ; eli:title ?heading .
  ?d pkg:inCorpus true ; dcterms:identifier ?doc .
} ORDER BY ?doc ?section""", key="s", key_pattern="?s a eli:LegalResourceSubdivision", legacy=Legacy(
        # graphs built before pkg:sectionOf (fewer links than sections: the builder gives each section one) —
        # a section reaches its document up the eli:is_part_of chain. Counting is 60–120 ms at 1,000 documents,
        # a NOT EXISTS per document 0.5 s.
        "ASK { { SELECT (COUNT(*) AS ?sections) WHERE { ?s a eli:LegalResourceSubdivision } }"
        " { SELECT (COUNT(*) AS ?links) WHERE { ?s pkg:sectionOf ?d } } FILTER(?links < ?sections) }", """
SELECT ?doc ?section ?heading WHERE {
  ?s eli:is_part_of+ ?d ; eli:id_local ?section ; eli:title ?heading .
  ?d pkg:inCorpus true ; dcterms:identifier ?doc .
} ORDER BY ?doc ?section""")),
    NamedQuery("reports", "Reports and the documents they report on, with the subject's title.", """
SELECT ?report ?subject ?title WHERE {
  ?r pkg:reportsOn ?s . ?r dcterms:identifier ?report . ?s dcterms:identifier ?subject ; dcterms:title ?title .
} ORDER BY ?report"""),
    NamedQuery("cites", "Documents a document cites, with the relation.", """
SELECT ?cited (MIN(?name) AS ?label) ?relation WHERE {
  ?c pkg:citing ?doc ; pkg:cited ?cited ; pkg:relation ?relation . ?cited rdfs:label ?name
} GROUP BY ?cited ?relation ORDER BY ?cited ?relation""", ("doc",)),
    NamedQuery("cited_by", "Documents citing a document, with the relation.", """
SELECT ?citing (MIN(?name) AS ?label) ?relation WHERE {
  ?c pkg:cited ?doc ; pkg:citing ?citing ; pkg:relation ?relation . ?citing rdfs:label ?name
} GROUP BY ?citing ?relation ORDER BY ?citing ?relation""", ("doc",)),
    NamedQuery("about_legal_document", "Everything the corpus says about a legal document.", f"""
SELECT ?citing_doc ?relation ?other ?direction ?description ?quote ?start ?end ?evsection WHERE {{
  {{ ?c pkg:cited ?legal ; pkg:citing ?other ; pkg:relation ?relation BIND("cited by" AS ?direction) }}
  UNION {{ ?c pkg:citing ?legal ; pkg:cited ?other ; pkg:relation ?relation BIND("cites" AS ?direction) }}
  ?c pkg:inDocument/dcterms:identifier ?citing_doc ; prov:wasDerivedFrom ?ann .
  {_EVIDENCE}
  OPTIONAL {{ ?legal dcterms:description ?description }}
}} ORDER BY ?citing_doc ?start""", ("legal",)),
    NamedQuery("targets", "Targets with indicator, value, year, scope, status and evidence.", f"""
SELECT ?target ?doc ?indicator ?indicator_label ?value ?unit ?comparator ?year ?scope ?quantitative
       ?text ?status ?quote ?start ?end ?evsection WHERE {{
  ?target a pkg:Target ; pkg:inDocument/dcterms:identifier ?doc ; pkg:indicator ?indicator ;
          pkg:quantitative ?quantitative ; pkg:text ?text ; pkg:status/skos:notation ?status ;
          prov:wasDerivedFrom ?ann .
  ?indicator skos:prefLabel ?indicator_label .
  {_EVIDENCE}
  OPTIONAL {{ ?target pkg:year ?year }}
  OPTIONAL {{ ?target pkg:value ?value }}
  OPTIONAL {{ ?target pkg:unit ?unit }}
  OPTIONAL {{ ?target pkg:comparator/skos:notation ?comparator }}
  OPTIONAL {{ ?target pkg:scope ?scope }}
}} ORDER BY ?target""", key="target", key_pattern="?target a pkg:Target",
        key_at="end"),
    NamedQuery("observations", "Observations and the targets they measure.", f"""
SELECT ?obs ?target ?year ?value ?unit ?scope ?quote ?start ?end ?evsection ?doc WHERE {{
  ?obs a pkg:Observation ; pkg:year ?year ; pkg:value ?value ; pkg:unit ?unit ;
       pkg:inDocument/dcterms:identifier ?doc ; prov:wasDerivedFrom ?ann .
  {_EVIDENCE}
  OPTIONAL {{ ?obs pkg:measures ?target }}
  OPTIONAL {{ ?obs pkg:scope ?scope }}
}} ORDER BY ?target ?year""", key="obs", key_pattern="?obs a pkg:Observation"),
    NamedQuery("targets_with_latest", "Targets with their latest observation and status.", """
SELECT ?target ?label ?value ?year ?latest_year ?latest_value ?status WHERE {
  ?target a pkg:Target ; rdfs:label ?label ; pkg:status/skos:notation ?status .
  OPTIONAL { ?target pkg:year ?year }
  OPTIONAL { ?target pkg:value ?value }
  OPTIONAL {
    { SELECT ?target (MAX(?y) AS ?latest_year) WHERE { ?o pkg:measures ?target ; pkg:year ?y } GROUP BY ?target }
    ?o2 pkg:measures ?target ; pkg:year ?latest_year ; pkg:value ?latest_value .
  }
} ORDER BY ?target""", key="target", key_pattern="?target a pkg:Target"),
    NamedQuery("shared_neighbours", "Nodes two nodes are both linked to (either direction).", """
SELECT DISTINCT ?node ?label WHERE {
  { ?a ?p1 ?node } UNION { ?node ?p1 ?a }
  { ?b ?p2 ?node } UNION { ?node ?p2 ?b }
  FILTER(isIRI(?node) && ?node != ?a && ?node != ?b)
  FILTER(?p1 NOT IN (rdf:type, prov:wasGeneratedBy, prov:used) && ?p2 NOT IN (rdf:type, prov:wasGeneratedBy, prov:used))
  OPTIONAL { ?node rdfs:label|skos:prefLabel ?label }
} ORDER BY ?node""", ("a", "b")),
]}


def pageable() -> list[str]:
    """Names of the queries that can be read a page at a time."""
    return sorted(n for n, q in QUERIES.items() if q.pageable)


def query(name: str) -> NamedQuery:
    try:
        return QUERIES[name]
    except KeyError as exc:
        raise KeyError(f"no query named '{name}'; known: {', '.join(sorted(QUERIES))}") from exc
