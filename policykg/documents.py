"""One document's work, run in a worker process: extract (or reuse) its facts, build and validate its
named graph, and write both into the generation being built."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Graph

from extract.records import DocumentFacts
from policykg import facts as factstore
from policykg.files import write_atomic

FACTS_DIR = "facts"
GRAPHS_DIR = "graphs"


@dataclass(frozen=True)
class Job:
    """What a worker needs: the file, its manifest entry, keys, other documents' IRIs, reports on it."""

    path: str
    entry: dict[str, Any]
    key: str
    graph: str
    out: str
    known: dict[str, str]
    reports: tuple[DocumentFacts, ...] = ()
    reuse: str | None = None  # a previous generation's folder that holds this document's facts
    meta: dict[str, str] = field(default_factory=dict)  # the document's id when it had to change


@dataclass(frozen=True)
class Done:
    """A document's work before it is written: facts, graph as N-Triples, index entry, SHACL verdict."""

    facts: DocumentFacts
    nt: str
    entry: dict[str, Any]
    report: str
    reused: Path | None = None

    def write(self, out: Path) -> None:
        """Write the facts (a hard link when reused) and the graph under a generation's folder."""
        facts_path = out / FACTS_DIR / f"{self.entry['key']}.json"
        if self.reused is not None:
            os.link(self.reused, facts_path)
        else:
            write_atomic(facts_path, factstore.dumps(self.facts, self.entry["key"]))
        write_atomic(out / GRAPHS_DIR / f"{self.entry['graph']}.nt", self.nt)


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


def prepare(job: Job) -> Done:
    """Extract (or reuse) one document's facts, build its named graph and validate it."""
    from rdflib import URIRef

    from graph.build import build_document
    from graph.validate import validate_nt

    reused = Path(job.reuse) / FACTS_DIR / f"{job.key}.json" if job.reuse is not None else None
    if reused is not None:
        facts = factstore.loads(reused.read_text(encoding="utf-8"), str(reused))[0]
    else:
        path = Path(job.path)
        facts = extract(path, {**job.entry, **job.meta}, job.meta.get("id") or job.entry.get("id") or path.stem)
    graph = build_document(facts, {k: URIRef(v) for k, v in job.known.items()}, list(job.reports))
    nt = graph.serialize(format="nt")
    report = validate_nt(nt + touched(graph, set(job.known.values())).serialize(format="nt"))
    m = facts.meta
    entry = {"id": m.id, "key": job.key, "graph": job.graph, "hash": factstore.content_hash(facts.text),
             "number": m.number, "date": m.date, "source": m.source,
             "relations": [[r, t] for r, t in m.relations], "tasks": len(facts.tasks),
             "targets": len(facts.targets), "observations": len(facts.observations), "triples": len(graph),
             "agencies": sorted({x.agency if x.agency != "group" else x.text.lower() for x in facts.mentions}),
             "refs": sorted({r.id for r in facts.refs}), "conforms": report.conforms,
             "bytes": len(facts.text.encode("utf-8"))}
    return Done(facts, nt, entry, report.text, reused)


def touched(graph: Graph, corpus: set[str]) -> Graph:
    """The types of the shared nodes a document's graph points at that other documents describe:
    corpus documents it cites and indicators it observes (what its shapes need to see)."""
    from rdflib import RDF, RDFS, Literal

    from graph.namespace import ELI, ID, PKG

    extra = Graph(store="SimpleMemory")
    indicators = str(ID["indicator/"])
    for o in set(graph.objects()):
        if str(o) in corpus:
            extra.add((o, RDF.type, ELI.LegalResource))  # its own graph says more; the shapes need these
            extra.add((o, RDFS.label, Literal(str(o).rsplit("/", 1)[-1], lang="vi")))
        elif str(o).startswith(indicators):
            extra.add((o, RDF.type, PKG.Indicator))
    return extra


def run(job: Job) -> dict[str, Any]:
    """A worker's whole job: prepare the document, write it under `job.out`, send back its entry and report."""
    done = prepare(job)
    done.write(Path(job.out))
    return {**done.entry, "report": done.report}


def light(facts: DocumentFacts) -> DocumentFacts:
    """A report's meta and observations only: what the documents it reports on need for target status."""
    return replace(facts, sections=[], notes=[], mentions=[], tasks=[], refs=[], targets=[], first_mentions={},
                   text="")
