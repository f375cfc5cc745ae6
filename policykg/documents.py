"""One document's work, run in a worker process: extract (or reuse) its facts, build and validate its
named graph, and write both into the workspace's pool of document files.

    workspace/docs/facts/<name>.json   a document's facts
    workspace/docs/graphs/<name>.nt    a document's named graph
    workspace/docs/views/<name>.json   what its graph gives the network view (`graph.views.part`), named
                                       as its graph

Pool files are named by a hash of their content and never change once written, so every generation
shares the files of the documents it keeps (a generation's index names them) and an `add` writes
only the new document's two files, whatever the corpus size."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Graph

from extract.records import DocumentFacts
from policykg import facts as factstore
from policykg.files import write_atomic

POOL = "docs"
FACTS_DIR = "facts"
GRAPHS_DIR = "graphs"
VIEWS_DIR = "views"


def content_name(text: str) -> str:
    """A pool file's name: the hash of its content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def facts_file(pool: Path, name: str) -> Path:
    return pool / FACTS_DIR / f"{name}.json"


def graph_file(pool: Path, name: str) -> Path:
    return pool / GRAPHS_DIR / f"{name}.nt"


def view_part_file(pool: Path, graph_name: str) -> Path:
    """Where the view part of the graph `graph_name` is."""
    return pool / VIEWS_DIR / f"{graph_name}.json"


@dataclass(frozen=True)
class Job:
    """What a worker needs: the file, its manifest entry, keys, other documents' IRIs, reports on it."""

    path: str
    entry: dict[str, Any]
    key: str
    graph: str
    out: str  # the workspace's pool
    known: dict[str, str]
    reports: tuple[DocumentFacts, ...] = ()
    reuse: str | None = None  # the pool file of this document's facts, already extracted
    meta: dict[str, str] = field(default_factory=dict)  # the document's id when it had to change


@dataclass(frozen=True)
class Done:
    """A document's work before it is written: facts, graph as N-Triples, index entry, SHACL verdict."""

    facts: DocumentFacts
    nt: str
    entry: dict[str, Any]
    report: str
    facts_json: str | None = None  # None: the facts were reused, their pool file is already there
    view: str = ""  # its part of the network view (JSON)

    def write(self, pool: Path) -> None:
        """Write the facts, the graph and its view part into the pool (a file already there has this very
        content)."""
        if self.facts_json is not None:
            _put(facts_file(pool, self.entry["facts_file"]), self.facts_json)
        if self.view:
            _put(view_part_file(pool, self.entry["graph_file"]), self.view)
        _put(graph_file(pool, self.entry["graph_file"]), self.nt)  # last: its presence says the rest is there


def _put(path: Path, text: str) -> None:
    if not path.exists():
        write_atomic(path, text)


def graph_key(key: str, reports: list[str], relation_targets: list[str | None]) -> str:
    """What decides a document's named graph: its facts, the reports on it, its relations' targets and the
    graph-building code and ontology."""
    from policykg.facts import fingerprint

    blob = "|".join([key, fingerprint("graph", "ontology"), *sorted(reports), *[t or "-" for t in relation_targets]])
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def extract(path: Path, entry: dict[str, Any], doc_id: str) -> DocumentFacts:
    """Read and extract one document."""
    from extract.pipeline import extract_text, meta_from_text
    from extract.readers import read

    text = read(path)
    return extract_text(text, meta_from_text(doc_id, path.name, text, entry))


def prepare(job: Job, extracted: DocumentFacts | None = None) -> Done:
    """Extract (or reuse, or take as `extracted`) one document's facts, build its named graph and validate it."""
    from rdflib import URIRef

    from graph.build import doc_iri, document_triples
    from graph.validate import validate_nt
    from graph.views import part

    reused = Path(job.reuse) if job.reuse is not None else None
    if extracted is not None:
        facts, reused = extracted, None
    elif reused is not None:
        facts = factstore.loads(reused.read_text(encoding="utf-8"), str(reused))[0]
    else:
        path = Path(job.path)
        facts = extract(path, {**job.entry, **job.meta}, job.meta.get("id") or job.entry.get("id") or path.stem)
    graph = document_triples(facts, {k: URIRef(v) for k, v in job.known.items()}, list(job.reports))
    nt = graph.ntriples()
    report = validate_nt(nt + touched_nt(graph.objects(), set(job.known.values())))
    m = facts.meta
    entry = {"id": m.id, "key": job.key, "graph": job.graph, "hash": factstore.content_hash(facts.text),
             "number": m.number, "date": m.date, "source": m.source,
             "relations": [[r, t] for r, t in m.relations], "tasks": len(facts.tasks),
             "targets": len(facts.targets), "observations": len(facts.observations), "triples": len(graph),
             "agencies": sorted({x.agency if x.agency != "group" else x.text.lower() for x in facts.mentions}),
             "refs": sorted({r.id for r in facts.refs}), "conforms": report.conforms,
             "bytes": len(facts.text.encode("utf-8")), "iri": str(doc_iri(m))}
    facts_json = None if reused is not None else factstore.dumps(facts, job.key)
    entry["facts_file"] = reused.stem if reused is not None else content_name(facts_json or "")
    entry["graph_file"] = content_name(nt)
    view = json.dumps(part(graph), ensure_ascii=False, separators=(",", ":"))
    return Done(facts, nt, entry, report.text, facts_json, view)


def touched(graph: Graph, corpus: set[str]) -> Graph:
    """The types of the shared nodes a document's graph points at that other documents describe:
    corpus documents it cites and indicators it observes (what its shapes need to see)."""
    extra = Graph(store="SimpleMemory")
    for triple in _touched(graph.objects(), corpus):
        extra.add(triple)
    return extra


def touched_nt(objects: Iterable[object], corpus: set[str]) -> str:
    """`touched` as N-Triples, from the objects of a document's triples (the build path)."""
    from graph.ntriples import lines

    return lines(_touched(objects, corpus))


def _touched(objects: Iterable[object], corpus: set[str]) -> Iterator[tuple[Any, Any, Any]]:
    from rdflib import RDF, RDFS, Literal, URIRef

    from graph.namespace import ELI, ID, PKG

    indicators = str(ID["indicator/"])
    for o in dict.fromkeys(objects):
        if not isinstance(o, URIRef):
            continue
        if str(o) in corpus:
            yield o, RDF.type, ELI.LegalResource  # its own graph says more; the shapes need these
            yield o, RDFS.label, Literal(str(o).rsplit("/", 1)[-1], lang="vi")
        elif str(o).startswith(indicators):
            yield o, RDF.type, PKG.Indicator


def run(job: Job) -> dict[str, Any]:
    """A worker's whole job: prepare the document, write it under `job.out`, send back its entry and report."""
    done = prepare(job)
    done.write(Path(job.out))
    return {**done.entry, "report": done.report}


def light(facts: DocumentFacts) -> DocumentFacts:
    """A report's meta and observations only: what the documents it reports on need for target status."""
    return replace(facts, sections=[], notes=[], mentions=[], tasks=[], refs=[], targets=[], first_mentions={},
                   text="")
