"""Score the extractor against the hand annotations of data/eval/ (per document and overall).

Task recall counts the gold tasks found; task precision counts the found tasks that find a gold task
(one-to-one: a second copy of one item is an extra task).

Run: python -m bench.accuracy [--set dev|heldout|unseen|fresh|unseen2|unseen3|unseen4|unseen5|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.agencies import GROUP_KIND, group_agency, registry
from extract.bodies import canonical
from extract.metadata import KIND_WORDS
from extract.normalize import fold_text
from extract.pipeline import extract_text, meta_from_text
from extract.records import DocumentFacts

EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"
SETS = ("dev", "heldout", "unseen", "fresh", "unseen2", "unseen3", "unseen4", "unseen5")
# The final-check sets (never seen by extractor developers) are scored only by name;
# "--set all" covers the sets open for tuning.
FINAL_SETS: tuple[str, ...] = ("unseen5",)
ALL_SETS = tuple(s for s in SETS if s not in FINAL_SETS)
_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BQL": "Ban Quản lý"}
# "… tỉnh Lào Cai", "… thuộc tỉnh", "… của tỉnh": a provincial body compares without its province
_PROVINCE_TAIL = re.compile(r"\s+(?:(?:thuộc|của)\s+)?(?:tỉnh|thành phố)(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*)*\s*$")


def fold(text: str) -> str:
    """NFC, one tone placement, lower case, whitespace folded: the form quotes are compared in."""
    return re.sub(r"\s+", " ", fold_text(text)).strip().lower()


def agency_key(name: str | None) -> str | None:
    """A comparable key for an agency name: its registry id, a group id, or its folded name."""
    if not name or not name.strip():
        return None
    found = registry().resolve(name.strip())
    if found is not None:
        return found.id
    # a province's department written with its province ("Sở Tài chính tỉnh Lào Cai") is the
    # department the annotation names without it ("Sở Tài chính")
    if (m := re.match(r"^(Sở .+?) (?:tỉnh|thành phố) \S.*$", name.strip())) and \
            (dept := registry().resolve(m.group(1))) is not None:
        return dept.id
    bare = _PROVINCE_TAIL.sub("", name.strip())  # a provincial body compares without its province
    for short, full in _ABBREVIATIONS.items():
        bare = re.sub(rf"\b{short}\b", full, bare)
    bare = canonical(bare)  # "Ủy ban nhân dân các xã, phường" is the class "Ủy ban nhân dân cấp xã", as extracted
    folded = re.sub(r"\s+và\s+", ", ", fold(bare).strip(" ,;.:"))
    return group_agency(folded).id  # same id for "các bộ, ngành và địa phương" and "bộ, ngành, địa phương"


def group_name(name: str) -> bool:
    """A class of bodies ("các bộ, ngành", "các Ủy ban của Quốc hội"): agencies are scored without groups on
    both sides (data/eval/README.md), as the extractor reports them as groups."""
    return fold(name).startswith(("các ", "những "))


def keys(names: Iterable[str | None]) -> set[str]:
    return {k for k in (agency_key(n) for n in names) if k}


def symbol_digits(number: str | None) -> str | None:
    """The leading number of a document symbol ("2289/QĐ-TTg" -> "2289", "52-NQ/TW" -> "52")."""
    m = re.match(r"\s*(\d+)", number or "")
    return m.group(1) if m else None


def kind_key(kind: str | None) -> str:
    """Document kinds compared across languages ("Quyết định" and "decision" are one kind); a document
    cited as "Văn bản số 562/BKHCN-VCL" (a number without kind code) is a Công văn (data/eval/README.md)."""
    if not kind:
        return ""
    word = fold_text(kind).upper().strip()
    return KIND_WORDS.get("CÔNG VĂN" if word == "VĂN BẢN" else word, fold(kind))


def _law_name(name: str | None) -> str:
    return fold(name or "").strip(" ,;.")


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.hit += other.hit
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class F1:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: F1) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def value(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass
class Score:
    doc: str
    tasks: Ratio = field(default_factory=Ratio)
    tasks_precision: Ratio = field(default_factory=Ratio)  # found tasks that find a gold task / found tasks
    owners: Ratio = field(default_factory=Ratio)
    cooperating: F1 = field(default_factory=F1)
    refs_recall: Ratio = field(default_factory=Ratio)
    refs_precision: Ratio = field(default_factory=Ratio)
    targets: Ratio = field(default_factory=Ratio)
    targets_precision: Ratio = field(default_factory=Ratio)  # found targets that find a gold one
    observations: Ratio = field(default_factory=Ratio)  # gold observations found (exact value and year)
    observations_precision: Ratio = field(default_factory=Ratio)  # found observations that find a gold one
    agencies_recall: Ratio = field(default_factory=Ratio)
    agencies_precision: Ratio = field(default_factory=Ratio)
    meta: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    misses: dict[str, list[str]] = field(default_factory=dict)

    def refs_f1(self) -> float | None:
        p, r = self.refs_precision.value, self.refs_recall.value
        if p is None or r is None:
            return r if p is None else p
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "error": self.error,
            "tasks_recall": self.tasks.value, "tasks": [self.tasks.hit, self.tasks.total],
            "tasks_precision": self.tasks_precision.value,
            "tasks_found": [self.tasks_precision.hit, self.tasks_precision.total],
            "owner_accuracy": self.owners.value, "owners": [self.owners.hit, self.owners.total],
            "cooperating_f1": self.cooperating.value,
            "refs_f1": self.refs_f1(), "refs_recall": self.refs_recall.value,
            "refs_precision": self.refs_precision.value,
            "targets_recall": self.targets.value, "targets": [self.targets.hit, self.targets.total],
            "targets_precision": self.targets_precision.value,
            "targets_found": [self.targets_precision.hit, self.targets_precision.total],
            "observations_recall": self.observations.value,
            "observations": [self.observations.hit, self.observations.total],
            "observations_precision": self.observations_precision.value,
            "agencies_recall": self.agencies_recall.value, "agencies_precision": self.agencies_precision.value,
            "meta": self.meta, "misses": self.misses,
        }


def _span(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return None if at < 0 else (at, at + len(quote))


def match_tasks(gold: list[dict], found: list[dict], text: str) -> list[int | None]:
    """For each gold task, the index of the extracted task that finds it (one-to-one), or None.

    An extracted task finds a gold task when its text or evidence contains the gold quote (both
    folded), or when its evidence span overlaps the quote's place in the original text.
    """
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        q = fold(g["quote"])
        span = _span(text, g["quote"])
        best: tuple[int, int] | None = None
        for i, t in enumerate(found):
            if i in used:
                continue
            contains = q in fold(t["text"]) or q in fold(t["quote"])
            overlaps = span is not None and t["start"] < span[1] and span[0] < t["end"]
            if not (contains or overlaps):
                continue
            distance = abs(t["start"] - span[0]) if span else 0
            if best is None or distance < best[1]:
                best = (i, distance)
        out.append(None if best is None else best[0])
        if best is not None:
            used.add(best[0])
    return out


def owner_right(gold: dict, found: dict) -> bool:
    """The owner is right when it names the gold owner or, for a shared task, one of its leads or of
    the co-owners a shared heading names (`owners`, the held-out half's field for them)."""
    want = keys([gold.get("owner")]) | keys(gold.get("leads") or []) | keys(gold.get("owners") or [])
    got = agency_key(found.get("owner"))
    if not want:
        return got is None
    return got in want


def ref_matches(gold: dict, found: dict) -> bool:
    """One cited document: kind + number + year, or for an unnumbered law kind + name (+ year)."""
    if kind_key(gold.get("kind")) != kind_key(found.get("kind")):
        return False
    gy, fy = gold.get("year"), found.get("year")
    if gy is not None and fy != gy:
        return False
    gd = symbol_digits(gold.get("number"))
    fd = symbol_digits(found.get("code")) or symbol_digits(found.get("number"))
    if gd and fd:
        return gd == fd
    return bool(gold.get("name")) and _law_name(gold.get("name")) == _law_name(found.get("name"))


def target_matches(gold: dict, found: dict) -> bool:
    """A target (or an observation) is found with its exact value and year."""
    gv, fv = gold.get("value"), found.get("value")
    if gv is None or fv is None or gold.get("year") != found.get("year"):
        return False
    return abs(float(gv) - float(fv)) < 1e-6


def found_records(facts: DocumentFacts) -> dict[str, Any]:
    """The extractor's output reduced to what the scorer compares."""
    reg = registry()
    tasks = [{"text": t.text, "quote": t.evidence.quote, "start": t.evidence.start, "end": t.evidence.end,
              "owner": t.owner, "lead": list(t.lead), "cooperating": list(t.cooperating)} for t in facts.tasks]
    seen: dict[str, dict] = {}
    for r in facts.refs:
        seen.setdefault(r.id, {"kind": r.kind, "number": r.number, "code": r.code, "year": r.year,
                               "name": r.name})
    targets = [{"value": t.value, "year": t.year, "unit": t.unit, "start": t.evidence.start}
               for t in facts.targets]
    observations = [{"value": o.value, "year": o.year, "unit": o.unit, "start": o.evidence.start}
                    for o in facts.observations]
    agencies: set[str] = set()
    for m in facts.mentions:
        if m.agency == GROUP_KIND:
            continue
        key = m.agency if m.agency in reg.agencies else agency_key(m.name or m.text)
        if key:
            agencies.add(key)
    meta = facts.meta
    return {"tasks": tasks, "refs": list(seen.values()), "targets": targets, "observations": observations,
            "agencies": agencies,
            "meta": {"kind": meta.kind, "number": meta.number, "issuer": meta.issuer, "date": meta.date}}


def _same_number(a: str | None, b: str | None) -> bool:
    return bool(a and b) and re.sub(r"\s+", "", fold(a or "")) == re.sub(r"\s+", "", fold(b or ""))


def score(doc: str, gold: dict, found: dict[str, Any], text: str) -> Score:
    """Compare one document's extracted records with its gold annotation."""
    s = Score(doc)
    misses: dict[str, list[str]] = {"tasks": [], "extra tasks": [], "owners": [], "refs": [], "targets": [],
                                    "observations": [], "agencies": []}
    gtasks = gold.get("tasks", [])
    pairs = match_tasks(gtasks, found["tasks"], text)
    matched = {k for k in pairs if k is not None}
    s.tasks_precision = Ratio(len(matched), len(found["tasks"]))
    misses["extra tasks"] = [f"{t['start']}: {t['text'][:60]} → {t['owner']!r}"
                             for i, t in enumerate(found["tasks"]) if i not in matched]
    for g, k in zip(gtasks, pairs, strict=True):
        s.tasks.total += 1
        if k is None:
            misses["tasks"].append(g["quote"][:60])
            continue
        s.tasks.hit += 1
        t = found["tasks"][k]
        s.owners.total += 1
        if owner_right(g, t):
            s.owners.hit += 1
        else:
            misses["owners"].append(f"{g['quote'][:40]} → {t['owner']!r} (gold {g.get('owner')!r})")
        want, got = keys(g.get("cooperating") or []), keys(t["cooperating"])
        s.cooperating.add(F1(len(want & got), len(got - want), len(want - got)))
    grefs, frefs = gold.get("refs", []), found["refs"]
    s.refs_recall = Ratio(0, len(grefs))
    for g in grefs:
        if any(ref_matches(g, f) for f in frefs):
            s.refs_recall.hit += 1
        else:
            misses["refs"].append(f"{g.get('kind')} {g.get('number') or g.get('name')} {g.get('year')}")
    s.refs_precision = Ratio(sum(1 for f in frefs if any(ref_matches(g, f) for g in grefs)), len(frefs))
    s.targets, misses["targets"], used = _values_found(gold.get("targets", []), found["targets"], text)
    s.targets_precision = Ratio(used, len(found["targets"]))
    # a figure the annotation could not read ("3.6620.700.000 đồng": value null) is not scored
    gobs = [g for g in gold.get("observations", []) if g.get("value") is not None]
    s.observations, misses["observations"], used = _values_found(gobs, found["observations"], text)
    s.observations_precision = Ratio(used, len(found["observations"]) if gobs else 0)
    gagencies, fagencies = keys(a for a in gold.get("agencies", []) if not group_name(a)), found["agencies"]
    s.agencies_recall = Ratio(len(gagencies & fagencies), len(gagencies))
    s.agencies_precision = Ratio(len(gagencies & fagencies), len(fagencies))
    misses["agencies"] = sorted(gagencies - fagencies) + ["+" + k for k in sorted(fagencies - gagencies)]
    gm, fm = gold.get("meta", {}), found["meta"]
    s.meta = {
        "kind": kind_key(gm.get("kind")) == kind_key(fm.get("kind")),
        "number": _same_number(gm.get("number"), fm.get("number")) or gm.get("number") == fm.get("number"),
        "issuer": agency_key(gm.get("issuer")) == agency_key(fm.get("issuer")),
        "date": (gm.get("date") or None) == (fm.get("date") or None),
    }
    s.misses = {k: v for k, v in misses.items() if v}
    return s


def _values_found(gold: list[dict], found: list[dict], text: str) -> tuple[Ratio, list[str], int]:
    """Gold values (targets or observations) found by exact value and year, one-to-one, nearest first."""
    got, missed, free = Ratio(0, len(gold)), [], list(found)
    for g in gold:
        at = text.find(g.get("quote") or "\0")
        cands = [f for f in free if target_matches(g, f)]
        if cands:
            free.remove(min(cands, key=lambda f: abs(f["start"] - at)))
            got.hit += 1
        else:
            missed.append(f"{g.get('indicator')} {g.get('value')} {g.get('year')}")
    return got, missed, len(found) - len(free)


def documents(which: str) -> list[tuple[str, Path]]:
    """(half, text file) of every annotated document of the chosen half."""
    halves = ALL_SETS if which == "all" else (which,)
    out = []
    for half in halves:
        folder = EVAL / half
        if folder.is_dir():
            out += [(half, p) for p in sorted(folder.glob("*.txt")) if p.with_suffix(".gold.json").exists()]
    return out


def evaluate(path: Path) -> Score:
    """Extract one document from its text alone and score it; an extractor failure is reported, not raised."""
    slug = path.stem
    try:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return Score(slug, error=f"gold annotation unreadable: {exc}")
    text = path.read_text(encoding="utf-8")
    try:
        facts = extract_text(text, meta_from_text(slug, path.name, text))
        found = found_records(facts)
    except Exception as exc:  # noqa: BLE001 - one failing document must not stop the table
        s = Score(slug, error=f"extractor failed: {type(exc).__name__}: {exc}")
        s.tasks.total = len(gold.get("tasks", []))
        s.targets.total = len(gold.get("targets", []))
        s.observations.total = sum(1 for o in gold.get("observations", []) if o.get("value") is not None)
        return s
    return score(slug, gold, found, text)


def total(scores: list[Score]) -> Score:
    """Micro-averaged figures over documents."""
    out = Score("ALL")
    for s in scores:
        for name in ("tasks", "tasks_precision", "owners", "refs_recall", "refs_precision", "targets",
                     "targets_precision", "observations", "observations_precision", "agencies_recall",
                     "agencies_precision"):
            getattr(out, name).add(getattr(s, name))
        out.cooperating.add(s.cooperating)
    metas = [s.meta for s in scores if s.meta]
    out.meta = {k: all(m.get(k) for m in metas) for k in ("kind", "number", "issuer", "date")} if metas else {}
    return out


def _fmt(v: float | None) -> str:
    return "  –  " if v is None else f"{v:5.2f}"


def _obs(r: Ratio) -> str:
    return f"{r.hit:>4}/{r.total:<4}" if r.total else f"{'–':^9}"


def table(rows: list[tuple[str, Score]]) -> str:
    head = (f"{'document':32} {'set':7} {'tasks':>11} {'taskP':>11} {'owner':>5} {'coop':>5} {'refs':>5} "
            f"{'targets':>11} {'obs':>9} {'agR':>5} {'agP':>5}  meta(k n i d)")
    lines = [head, "-" * len(head)]
    for half, s in rows:
        meta = " ".join("✓" if s.meta.get(k) else "✗" for k in ("kind", "number", "issuer", "date")) \
            if s.meta else "-"
        lines.append(
            f"{s.doc[:32]:32} {half:7} {_fmt(s.tasks.value)} {s.tasks.hit:>2}/{s.tasks.total:<3}"
            f"{_fmt(s.tasks_precision.value)} {s.tasks_precision.hit:>2}/{s.tasks_precision.total:<3}"
            f"{_fmt(s.owners.value)} {_fmt(s.cooperating.value)} {_fmt(s.refs_f1())} "
            f"{_fmt(s.targets.value)} {s.targets.hit:>2}/{s.targets.total:<3}"
            f"{_obs(s.observations)} "
            f"{_fmt(s.agencies_recall.value)} {_fmt(s.agencies_precision.value)}  {meta}"
            + (f"  ERROR: {s.error}" if s.error else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=(*SETS, "all"), default="dev",
                    help="which half of data/eval/ to score: dev, heldout, unseen, fresh, unseen2, unseen3, "
                         "unseen4, unseen5 or all (all = every set open for tuning; the final-check sets only by name; "
                         "default dev)")
    ap.add_argument("--json", action="store_true", help="print the figures (and misses) as JSON")
    ap.add_argument("--misses", action="store_true", help="also list what each document missed")
    args = ap.parse_args(argv)
    docs = documents(args.set)
    if not docs:
        print(f"No annotated documents in {EVAL}/{args.set if args.set != 'all' else '*'}.", file=sys.stderr)
        return 1
    rows = [(half, evaluate(path)) for half, path in docs]
    overall = total([s for _, s in rows])
    if args.json:
        print(json.dumps({"documents": [dict(s.to_json(), set=h) for h, s in rows],
                          "overall": overall.to_json()}, ensure_ascii=False, indent=1))
        return 0
    print(table(rows + [("", overall)]))
    if args.misses:
        for _, s in rows:
            for what, items in s.misses.items():
                print(f"\n{s.doc} — missed {what}:")
                print("\n".join("  " + i for i in items))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
