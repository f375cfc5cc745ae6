"""Plain, frozen records passed between extraction stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from extract.rows import DocRow


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: offsets into the *original* file text and the exact quote."""

    doc: str
    section: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Note:
    """A footnote kept aside from the body text."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DocMeta:
    id: str
    title: str
    kind: str
    status: str
    number: str | None
    issuer: str | None
    date: str | None
    source: str
    relations: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> DocRow:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "status": self.status,
            "number": self.number,
            "issuer": self.issuer,
            "date": self.date,
            "source": self.source,
            "relations": [{"type": t, "target": d} for t, d in self.relations],
        }


@dataclass(frozen=True)
class Section:
    """A node of the section tree; `start`/`end` are offsets in the normalised text."""

    id: str
    label: str
    style: str
    heading: str
    level: int
    parent: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    """A leaf text unit (bullet, paragraph or inline heading) in normalised text."""

    section: str
    index: int
    marker: str
    text: str
    start: int
    end: int
    depth: int = 0


@dataclass(frozen=True)
class Mention:
    """An agency or group mention in normalised text."""

    agency: str
    text: str
    start: int
    end: int
    name: str = ""  # the canonical name ("Trung tâm Truyền thông tài nguyên và môi trường" for "… TN&MT")


@dataclass(frozen=True)
class Body:
    """An agency beyond the registry ("Cục Biến đổi khí hậu"), id from its name and parent."""

    id: str
    name: str
    kind: str
    parent: str | None = None  # registry id (or body id) of the body it belongs to


@dataclass(frozen=True)
class Task:
    id: str
    doc: str
    section: str
    text: str
    owner: str | None  # None: a task item of a task section that names no agency
    owner_role: str | None  # None exactly when owner is None
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    kind: str
    deadline: str | None
    evidence: Evidence
    owners: tuple[str, ...] = ()
    parent: str | None = None
    product: str | None = None  # the expected output a plan names ("Sản phẩm: Nghị định …")


@dataclass(frozen=True)
class LegalRef:
    """One citation of a legal document by a document of the corpus."""

    id: str
    kind: str
    number: str
    year: int | None
    issuer: str | None
    name: str | None
    cited_by: str
    relation: str
    evidence: Evidence
    ambiguous: bool = False
    years: tuple[int, ...] = ()
    title: str | None = None
    issuer_name: str | None = None
    subject: str | None = None  # id of the ref that does the citing when a text says "A implements B"
    code: str | None = None  # the number as written: "52-NQ/TW", "10/2024/NĐ-CP"
    passages: tuple[Evidence, ...] = ()  # every sentence of the document that cites it


@dataclass(frozen=True)
class Target:
    id: str
    doc: str
    indicator: str
    indicator_label: str
    value: float | None
    unit: str | None
    comparator: str | None
    year: int | None
    scope: str | None
    quantitative: bool
    text: str
    evidence: Evidence
    average: bool = False
    baseline: str | None = None  # the base of a relative target: "2020" or "năm gốc"
    change: str | None = None  # "decrease" / "increase": the value is a change, not a level


@dataclass(frozen=True)
class Observation:
    id: str
    doc: str
    indicator: str
    year: int
    value: float
    unit: str
    scope: str | None
    evidence: Evidence
    indicator_label: str = ""  # the name of an indicator that is not in the registry


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    meta: DocMeta
    sections: list[Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    refs: list[LegalRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    first_mentions: dict[str, Evidence] = field(default_factory=dict)  # agency id or "g:<label>"
    bodies: dict[str, Body] = field(default_factory=dict)  # agencies beyond the registry, by id
    text: str = ""  # the original text, for annotation prefixes and suffixes
