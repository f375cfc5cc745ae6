"""A piece of the network read from the store by keys: the nodes within some steps of a few seeds, typed and
labelled as `graph.views.to_networkx` types and labels them. A large corpus's focused or filtered view is drawn
from it, so a search or a click never loads the whole networkx view (115 k nodes at 1,000 documents).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from graph.namespace import ELI, PKG
from graph.queries import PREFIX_BLOCK
from graph.store import Store
from graph.views import EDGES, NODE_TYPES
from policykg.ui.selective import iri_values

# past this many nodes the next step is not taken: the drawn view keeps at most a few hundred anyway
LIMIT = 3000
_RELATION = {str(p): r for p, r in EDGES.items()}
_PREDICATES = ", ".join(f"<{p}>" for p in EDGES)
_TYPES = [(str(cls), name) for cls, name in NODE_TYPES.items()]
# the subjects bound first and the predicates filtered (a VALUES of predicates made Oxigraph scan each predicate
# over the whole store: 107 s for 1,855 nodes at 1,000 documents)
_ATTRS = ("SELECT ?n ?p ?v (LANG(?v) AS ?lang) WHERE {{ VALUES ?n {{ {nodes} }} ?n ?p ?v "
          "FILTER(?p IN (rdf:type, skos:prefLabel, rdfs:label, pkg:inDocument, pkg:inCorpus)) }}")


def _edges(store: Store, nodes: list[str], inward: bool = True) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of the view's edges from these nodes and, when `inward`, to them."""
    values = iri_values(nodes)
    out = set()
    queries = [f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o "
               f"FILTER(?p IN ({_PREDICATES}) && isIRI(?o)) }}"]
    if inward:
        queries.append(f"SELECT ?s ?p ?o WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o FILTER(?p IN ({_PREDICATES})) }}")
    for sparql in queries:
        for s, p, o in store.query(PREFIX_BLOCK + sparql).rows:
            if s and p and o:
                out.add((str(s), _RELATION[str(p)], str(o)))
    return out


def _attributes(store: Store, nodes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each node's type, Vietnamese and English labels and document, as the networkx view has them."""
    found: dict[str, dict[str, list[str]]] = {}
    for n, p, v, lang in store.query(PREFIX_BLOCK + _ATTRS.format(nodes=iri_values(sorted(nodes)))).rows:
        if n and p and v is not None:
            key = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] + (f"@{lang}" if lang else "")
            found.setdefault(str(n), {}).setdefault(key, []).append(str(v))
    out = {}
    for n, a in found.items():
        types = set(a.get("type", []))
        kind = next((name for cls, name in _TYPES if cls in types), None)
        if kind is None and str(ELI.LegalResource) in types:
            kind = "document" if "inCorpus" in a else "legal"
        if kind is None:
            continue
        vi = sorted(a.get("prefLabel@vi", [])) or sorted(a.get("label@vi", []))
        any_label = vi or sorted(a.get("prefLabel", []) + a.get("label", []) + a.get("prefLabel@en", []))
        label = any_label[0] if any_label else n.rsplit("/", 1)[-1]
        en = sorted(a.get("prefLabel@en", []))
        out[n] = {"label": label, "label_en": en[0] if en else label, "type": kind, "iri": n}
        if a.get("inDocument"):
            out[n]["doc"] = a["inDocument"][0]
    return out


def neighbourhood(store: Store, seeds: Iterable[str], depth: int, limit: int = LIMIT) -> nx.MultiDiGraph:
    """The nodes within `depth` steps of the seeds (both directions) and the edges between them; a step that would
    pass `limit` nodes is not taken."""
    nodes = {s for s in seeds}
    frontier = sorted(nodes)
    edges: set[tuple[str, str, str]] = set()
    for _ in range(depth):
        if not frontier:
            break
        found = _edges(store, frontier)
        new = {x for s, _, o in found for x in (s, o)} - nodes
        if len(nodes) + len(new) > limit and len(nodes) > 1:
            break
        edges |= found
        nodes |= new
        frontier = sorted(new)
    if frontier and edges:  # the edges between the last step's nodes: the view is the induced subgraph
        edges |= {(s, r, o) for s, r, o in _edges(store, frontier, inward=False) if o in nodes}
    return _graph(_attributes(store, nodes) if nodes else {}, edges)


def _graph(attrs: dict[str, dict[str, str]], edges: set[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """The networkx piece: typed, labelled nodes and relation-named edges between them."""
    view = nx.MultiDiGraph()
    for n, a in attrs.items():
        view.add_node(URIRef(n), **a)
    for s, rel, o in edges:
        if s in attrs and o in attrs:
            view.add_edge(URIRef(s), URIRef(o), key=rel, relation=rel)
    return view


def document_nodes(store: Store, doc_iris: Iterable[str]) -> list[str]:
    """Some documents' nodes and the facts they hold (`pkg:inDocument`)."""
    docs = sorted(doc_iris)
    if not docs:
        return []
    sparql = f"SELECT ?x WHERE {{ VALUES ?d {{ {iri_values(docs)} }} ?x <{PKG.inDocument}> ?d }}"
    rows = store.query(PREFIX_BLOCK + sparql).rows
    return docs + sorted({str(r[0]) for r in rows if r[0]})


# an agency's focus draws at most this many nodes a page; "more" adds a page (issue 10 §2: ~60 nodes)
FOCUS_NODES = 60
_ROLES = "pkg:owner, pkg:coOwner, pkg:lead, pkg:cooperating"


@dataclass(frozen=True)
class Bounded:
    """A focus cut to a few pages (an agency's, or a document's or section's): the piece drawn and what it shows."""

    view: nx.MultiDiGraph
    docs: int  # documents shown (an agency's); sections shown (a document's or a section's)
    total_docs: int  # documents that give the agency a task; sections of the document or under the section
    tasks: int  # tasks shown
    total_tasks: int
    kind: str = "agency"  # or "document": a document's or a section's focus, by its sections

    @property
    def more(self) -> bool:
        return self.docs < self.total_docs or self.tasks < self.total_tasks


def neighbour_count(store: Store, node: str) -> int:
    """How many nodes are one step from a node in the view (both directions)."""
    iri = iri_values([node])
    sparql = (f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ {iri} ?p ?x }} UNION {{ ?x ?p {iri} }} "
              f"FILTER(?p IN ({_PREDICATES}) && isIRI(?x)) }}")
    rows = store.query(PREFIX_BLOCK + sparql).rows
    return int(rows[0][0] or 0) if rows else 0


def agency_tasks(store: Store, agency: str, docs: Iterable[str] = ()) -> dict[str, list[str]]:
    """An agency's tasks (in any role) by document, within some documents when given."""
    within = f"VALUES ?doc {{ {iri_values(sorted(docs))} }} " if docs else ""
    sparql = (f"SELECT DISTINCT ?task ?doc WHERE {{ {within}?task ?p {iri_values([agency])} "
              f"FILTER(?p IN ({_ROLES})) ?task pkg:inDocument ?doc }}")
    out: dict[str, set[str]] = {}
    for task, doc in store.query(PREFIX_BLOCK + sparql).rows:
        if task and doc:
            out.setdefault(str(doc), set()).add(str(task))
    return {d: sorted(ts) for d, ts in out.items()}


def pick(tasks_by_doc: dict[str, list[str]], budget: int) -> tuple[list[str], list[str]]:
    """(documents, tasks) within `budget` nodes besides the agency: the documents giving it the most tasks first (a
    quarter of the budget at most), and their tasks taken in turn, one of each document's at a time. A larger budget
    shows everything a smaller one does, and more."""
    ranked = sorted(tasks_by_doc, key=lambda d: (-len(tasks_by_doc[d]), d))
    docs = ranked[:max(1, budget // 4)]
    room = max(0, budget - len(docs))
    tasks: list[str] = []
    for turn in range(max((len(tasks_by_doc[d]) for d in docs), default=0)):
        for d in docs:
            if turn < len(tasks_by_doc[d]) and len(tasks) < room:
                tasks.append(tasks_by_doc[d][turn])
    return docs, tasks


def agency_focus(store: Store, agency: str, depth: int, pages: int = 1, docs: Iterable[str] = (),
                 budget: int = FOCUS_NODES, by_doc: dict[str, list[str]] | None = None) -> Bounded | None:
    """An agency, the documents giving it the most tasks and its tasks in them (`agency_tasks`, unless given), at most
    `budget` nodes a page; past depth 1 the shown tasks' other neighbours (partners first) too. None when the agency
    has no task."""
    by_doc = agency_tasks(store, agency, docs) if by_doc is None else by_doc
    if not by_doc:
        return None
    shown_docs, tasks = pick(by_doc, budget * pages - 1)
    nodes = {agency, *shown_docs, *tasks}
    if depth > 1 and tasks:
        agencies_first = sorted({x for s, _, o in _edges(store, tasks) for x in (s, o)} - nodes,
                                key=lambda n: ("/agency/" not in n, n))
        nodes |= set(agencies_first[:budget * pages])
    edges = {(s, r, o) for s, r, o in _edges(store, sorted(nodes), inward=False) if o in nodes}
    view = _graph(_attributes(store, nodes), edges)
    total_tasks = len({t for ts in by_doc.values() for t in ts})
    return Bounded(view, len(shown_docs), len(by_doc), len(tasks), total_tasks)


SECTION = "/section/"  # in a section's IRI, after its document's: <document>/section/IV.7
# a document's or a section's focus: its sections, their tasks and the tasks' agencies, in the document's order
_SECTIONS = ("SELECT ?s ?parent ?id ?title WHERE {{ ?s eli:is_part_of+ {root} ; eli:is_part_of ?parent ; "
             "eli:id_local ?id OPTIONAL {{ ?s eli:title ?title }} }}")
_SECTION_TASKS = ("SELECT ?task ?section ?owner WHERE {{ VALUES ?section {{ {sections} }} "
                  "?task pkg:assignedIn ?section ; a pkg:Task OPTIONAL {{ ?task pkg:owner ?owner }} }}")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}


def section_order(section_id: str) -> tuple[tuple[int, int | str], ...]:
    """A section id's place in its document: "front" first, "IV.10" after "IV.9", "V" after "IV"."""
    if section_id == "front":
        return ((-1, 0),)
    return tuple((0, _ROMAN[p]) if p in _ROMAN else (0, int(p)) if p.isdigit() else (1, p)
                 for p in section_id.split("."))


@dataclass(frozen=True)
class Outline:
    """A document's (or a section's) content as a tree: sections (id and title) and the tasks written in each."""

    root: str
    children: dict[str, list[str]]  # node -> its sub-sections, then its tasks, in the document's order
    names: dict[str, str]  # section -> "IV.7 Ngân hàng Nhà nước"
    owners: dict[str, str]  # task -> the agency that owns it
    tasks: frozenset[str]

    @property
    def sections(self) -> int:
        return len(self.names)

    def order(self) -> list[str]:
        """Every section and task, breadth first from the root (a node after its parent); each task's owner right
        after it, once: a page is a prefix of this list, so a larger page shows all a smaller one did."""
        out: list[str] = []
        seen = {self.root}
        queue = [self.root]
        while queue:
            node = queue.pop(0)
            for child in self.children.get(node, []):
                out.append(child)
                seen.add(child)
                queue.append(child)
                owner = self.owners.get(child)
                if owner and owner not in seen:
                    seen.add(owner)
                    out.append(owner)
        return out


def _section_name(section_id: str, title: str | None) -> str:
    """"IV.7. Ngân hàng Nhà nước"; the text before the first numbered part is "Mở đầu" (the document's own word)."""
    head = "Mở đầu" if section_id == "front" else f"{section_id}."
    return f"{head} {' '.join(title.split())}" if title else head


def outline(store: Store, root: str) -> Outline:
    """The sections under a document or section and the tasks written in them (three keyed queries): the top-level
    sections and every section with a task under it; a section's focus has its parent too (the way back)."""
    parents: dict[str, str] = {}
    names: dict[str, str] = {}
    order: dict[str, tuple[tuple[int, int | str], ...]] = {}
    for s, parent, sid, title in store.query(PREFIX_BLOCK + _SECTIONS.format(root=iri_values([root]))).rows:
        if s and parent and sid:
            parents[str(s)] = str(parent)
            names[str(s)] = _section_name(str(sid), title)
            order[str(s)] = section_order(str(sid))
    owners: dict[str, str] = {}
    tasks: dict[str, set[str]] = {}
    for task, section, owner in store.query(PREFIX_BLOCK + _SECTION_TASKS.format(
            sections=iri_values(sorted({root, *parents})))).rows:
        if task and section:
            tasks.setdefault(str(section), set()).add(str(task))
            if owner:
                owners[str(task)] = str(owner)
    holding = set()  # sections with a task in them or below them
    for section in tasks:
        while section in parents and section not in holding:
            holding.add(section)
            section = parents[section]
    kept = {s for s in parents if s in holding or parents[s] == root}
    children: dict[str, list[str]] = {}
    for s in sorted(kept, key=lambda s: order[s]):
        children.setdefault(parents[s], []).append(s)
    for section, ts in tasks.items():
        children.setdefault(section, []).extend(sorted(ts))
    up = store.query(PREFIX_BLOCK + f"SELECT ?parent WHERE {{ {iri_values([root])} eli:is_part_of ?parent }}").rows
    if up and up[0][0]:
        children[root] = [str(up[0][0]), *children.get(root, [])]
    return Outline(root, children, {s: names[s] for s in kept}, owners,
                   frozenset(t for ts in tasks.values() for t in ts))


def _own_name(store: Store, node: str) -> dict[str, str]:
    """A section's own name ("IV. NHIỆM VỤ, GIẢI PHÁP"); nothing for a document (it has its short name)."""
    iri = iri_values([node])
    sparql = f"SELECT ?id ?title WHERE {{ {iri} eli:id_local ?id OPTIONAL {{ {iri} eli:title ?title }} }}"
    rows = [r for r in store.query(PREFIX_BLOCK + sparql).rows if r[0]] if SECTION in node else []
    return {node: _section_name(str(rows[0][0]), rows[0][1])} if rows else {}


def section_focus(store: Store, root: str, pages: int = 1, budget: int = FOCUS_NODES,
                  tree: Outline | None = None) -> Bounded | None:
    """A document or a section, the sections under it and the tasks written in them with their owners, breadth
    first, at most `budget` nodes a page (the structure first: a reader opens a section by clicking it). None when
    nothing is written under it."""
    tree = outline(store, root) if tree is None else tree
    if not tree.sections and not tree.tasks:
        return None
    shown = tree.order()[:budget * pages - 1]
    nodes = {root, *shown}
    edges = {(s, r, o) for s, r, o in _edges(store, sorted(nodes), inward=False)
             if o in nodes and r != "in document"}  # a task hangs from its section, not from the document too
    attrs = _attributes(store, nodes)
    for s, name in {**tree.names, **_own_name(store, root)}.items():
        if s in attrs:
            attrs[s]["label"] = attrs[s]["label_en"] = name
    sections = sum(1 for n in shown if n in tree.names)
    tasks = sum(1 for n in shown if n in tree.tasks)
    return Bounded(_graph(attrs, edges), sections, tree.sections, tasks, len(tree.tasks), kind="document")
