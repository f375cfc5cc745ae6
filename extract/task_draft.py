"""A task before ids are given, and the names tasks give their agencies."""

from __future__ import annotations

from dataclasses import dataclass

from extract.agencies import GROUP_KIND, group_agency, registry
from extract.records import Mention


@dataclass(frozen=True)
class Draft:
    """A task before ids are given: plain data, offsets in normalised text."""

    section: str
    text: str
    start: int
    end: int
    owner: str | None  # None: a task item of a task section that names no agency
    owners: tuple[str, ...]
    role: str | None
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    kind: str
    deadline: str | None
    parent: int | None = None
    product: str | None = None  # the expected output ("Sản phẩm") where the text names one


def agency_name(mention: Mention) -> str:
    """Canonical name of a mention (registry name, a body's written-out name, or the group's label)."""
    if mention.name:
        return mention.name
    if mention.agency == GROUP_KIND:
        return group_agency(mention.text).name
    agency = registry().agencies.get(mention.agency)
    return agency.name if agency else mention.text
