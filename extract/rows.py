"""The rows of the CLI's JSON contract (`docs`, `agencies`, `tasks`, `refs`, `targets` with --json).

One definition for both producers: `extract.contract` (from the extraction records) and
`graph.answers` (from the graph, what the CLI prints and the app shows). A key the contract allows to
be null is typed `X | None`; a key only the extraction records carry (the graph keeps no such fact)
is `NotRequired`, so the CLI's rows have exactly the required keys.
"""

from typing import NotRequired, TypedDict


class EvidenceRow(TypedDict):
    """Where a fact comes from: document, section, offsets into the original text, exact quote."""

    doc: str
    section: str
    start: int
    end: int
    quote: str


class RelationRow(TypedDict):
    """A manifest relation of a document ("reports_on" another one)."""

    type: str
    target: str


class DocRow(TypedDict):
    """One document of the corpus."""

    id: str
    title: str
    kind: str
    status: str
    number: str | None
    issuer: str | None
    date: str | None
    source: str
    relations: NotRequired[list[RelationRow]]


class AgencyRef(TypedDict):
    """An agency named by another row: its id and Vietnamese name."""

    id: str
    name: str


class SuccessorRow(TypedDict):
    """Who holds an agency's duties today, since when and on what basis."""

    id: str
    name: str
    since: str | None
    basis: str | None


class AgencyRow(TypedDict):
    """An agency or a group of agencies mentioned in the corpus."""

    id: str
    name: str
    name_en: str | None
    abbreviations: list[str]
    kind: str
    mentioned_in: list[str]  # every document mentioning it; on a page of agencies the first few (by id)
    documents: int  # how many documents mention it
    successor: SuccessorRow | None
    parent: AgencyRef | None


class TaskRow(TypedDict):
    """A task: who owns it, in what role, with whom, by when, and where it is written."""

    id: str
    doc: str
    section: str
    text: str
    owner: str | None  # None: the task names no agency ("chưa giao cơ quan chủ trì")
    owner_role: str | None
    lead: list[str]
    cooperating: list[str]
    kind: str
    deadline: str | None
    evidence: EvidenceRow
    owners: list[str]
    parent: str | None
    product: NotRequired[str | None]


class RefRow(TypedDict):
    """One citation of a legal document."""

    id: str
    kind: str
    number: str
    numeral: str
    year: int | None
    issuer: str | None
    name: str | None
    cited_by: str
    relation: str
    evidence: EvidenceRow
    ambiguous: bool
    years: NotRequired[list[int]]
    title: NotRequired[str | None]
    issuer_name: NotRequired[str | None]
    in_document: NotRequired[str]


class ObservationRow(TypedDict):
    """A value a report gives for a target's indicator in a year."""

    year: int
    value: float | None
    unit: str | None
    scope: str | None
    evidence: EvidenceRow


class TargetRow(TypedDict):
    """A target with the observations that measure it and its status."""

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
    observations: list[ObservationRow]
    status: str
    evidence: EvidenceRow
    baseline: NotRequired[str | None]
    change: NotRequired[str | None]


class PassageRow(TypedDict):
    """A sentence that cites a legal document."""

    cited: str
    doc: str
    section: str
    start: int
    quote: str


class SectionRow(TypedDict):
    """A titled section of a document."""

    doc: str
    section: str
    heading: str


ROWS: dict[str, type] = {"docs": DocRow, "agencies": AgencyRow, "tasks": TaskRow, "refs": RefRow,
                         "targets": TargetRow}
"""The row type of each command of the JSON contract."""
