"""The agency registry: canonical names, aliases, kinds and 2021/2025 reorganisations."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extract.normalize import fold_text

DATA = Path(__file__).resolve().parent.parent / "data"
GROUP_KIND = "group"
_SO_EXCLUDE = {"Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao"}


@dataclass(frozen=True)
class Event:
    type: str
    into: str
    date: str
    basis: str
    basis_date: str


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    name_en: str
    kind: str
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    lowercase_ok: bool = False
    parent: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.abbreviations)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII slug of a Vietnamese phrase ("Bộ Công an" -> "bo-cong-an")."""
    text = unicodedata.normalize("NFD", fold_text(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """Lower-case, NFC, tone-unified, single-spaced key for comparing names."""
    return re.sub(r"\s+", " ", fold_text(text).lower().replace(" - ", "-")).strip()


@dataclass
class Registry:
    agencies: dict[str, Agency] = field(default_factory=dict)
    _index: dict[str, str] = field(default_factory=dict)

    def add(self, agency: Agency) -> None:
        self.agencies[agency.id] = agency
        for label in agency.labels:
            self._index.setdefault(fold_key(label), agency.id)
            self._index.setdefault(slug(label), agency.id)

    def resolve(self, text: str) -> Agency | None:
        """The agency a name, alias or abbreviation refers to (with or without diacritics)."""
        key = fold_key(text)
        aid = self._index.get(key) or self._index.get(slug(text))
        return self.agencies.get(aid) if aid else None

    def successor(self, aid: str) -> tuple[Agency, Event] | None:
        """The body that holds an agency's duties today, and the last change that led there."""
        agency, last = self.agencies.get(aid), None
        seen = set()
        while agency is not None and agency.events and agency.id not in seen:
            seen.add(agency.id)
            last = agency.events[-1]
            agency = self.agencies.get(last.into)
        if last is None or agency is None:
            return None
        return agency, last


def _events(raw: list[dict], reorgs: dict[str, dict]) -> tuple[Event, ...]:
    out = []
    for e in raw:
        r = reorgs[e["reorganisation"]]
        out.append(Event(e["type"], e["into"], r["date"], r["basis"], r["basis_date"]))
    return tuple(out)


def _province_entries(data: dict, reorgs: dict[str, dict]) -> list[Agency]:
    out = []
    for p in data["provinces"]:
        evs = _events(p.get("events", []), reorgs)
        aliases = tuple(p.get("aliases", []))
        out.append(Agency(p["id"], p["name"], p["name_en"], p["kind"], (), aliases, evs))
        word = "thành phố" if p["kind"] == "city" else "tỉnh"
        short = p["name"].removeprefix("Thành phố ")
        committee_events = tuple(
            Event(e.type, "ubnd-" + e.into, e.date, e.basis, e.basis_date) for e in evs
        )
        out.append(Agency(
            "ubnd-" + p["id"], f"Ủy ban nhân dân {word} {short}",
            f"People's Committee of {p['name_en']}", "provincial_committee",
            (f"UBND {word} {short}",),
            (f"UBND {short}", f"Ủy ban nhân dân {short}", f"UBND TP. {short}", f"UBND TP {short}"),
            committee_events, parent=p["id"],
        ))
    return out


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry loaded from data/agencies.json and data/provinces.json."""
    main = json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))
    provinces = json.loads((DATA / "provinces.json").read_text(encoding="utf-8"))
    reg = Registry()
    for a in main["agencies"]:
        reg.add(Agency(
            a["id"], a["name"], a["name_en"], a["kind"], tuple(a.get("abbreviations", [])),
            tuple(a.get("aliases", [])), _events(a.get("events", []), main["reorganisations"]),
            a.get("lowercase_ok", False), a.get("parent"),
        ))
    for agency in _province_entries(provinces, main["reorganisations"] | provinces["reorganisations"]):
        reg.add(agency)
    for agency in list(reg.agencies.values()):
        if agency.kind == "ministry" and agency.name not in _SO_EXCLUDE:
            name = "Sở " + agency.name.removeprefix("Bộ ")
            reg.add(Agency("so-" + agency.id, name, "Provincial Department of "
                           + agency.name_en.removeprefix("Ministry of "), "provincial_department"))
    return reg


def group_agency(text: str) -> Agency:
    """A generic group ("các bộ, ngành liên quan") kept as a group, never an invented agency."""
    label = re.sub(r"\s+", " ", fold_text(text)).strip(" ,;.")
    label = re.sub(r"^(?i:các)\s+", "", label)
    key = label.lower()
    return Agency("g-" + slug(key), "các " + key, "group: " + key, GROUP_KIND)
