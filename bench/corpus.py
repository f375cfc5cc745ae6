"""Reproducible large corpora for scale benchmarks, recombined from the bundled documents.

    python -m bench.corpus OUT --size 1000 [--seed 7]

Each generated document is a provincial plan or a ministry's programme: a header of its own (issuer,
number, date), then top-level sections drawn from the bundled documents (and data/eval/dev/ when it
exists — never data/eval/heldout/), with ministries swapped for others, years shifted, target values
redrawn and cited numbers varied, so agencies, citations and indicators grow with the corpus as they
do in a real one instead of repeating the same names.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from extract.paths import BUNDLED

DATA = BUNDLED.parent
SOURCES = (BUNDLED, DATA / "eval" / "dev")
_TOP = re.compile(r"(?m)^[ \t]*(?=[IVX]{1,4}\.[ \t]+\S)")
_YEAR = re.compile(r"\b(20[1-4]\d)\b")
_PERCENT = re.compile(r"\b\d{1,2}(?:,\d+)?(?=\s?%)")
_CITED = re.compile(r"\b\d{1,4}(?=/(?:\d{4}/)?(?:QĐ-TTg|NQ-CP|NĐ-CP|NQ/TW|CT-TTg|QH1[45]|TT-BTTTT)\b)")
_HEADER = """{issuer_upper}
Số: {number}
{place}, ngày {day} tháng {month} năm {year}
{kind_upper}
{title}
Căn cứ Quyết định số {basis} của Thủ tướng Chính phủ;
"""


@dataclass(frozen=True)
class Pieces:
    """What documents are made of: top-level sections of the sources, ministries and provinces."""

    sections: list[str]
    ministries: list[str]
    provinces: list[str]


def pieces() -> Pieces:
    """The sections of every source document, with the registry's ministries and provinces."""
    sections: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            parts = _TOP.split(path.read_text(encoding="utf-8"))
            sections += [p.strip() + "\n" for p in parts[1:] if 400 < len(p) < 40_000]
    agencies = json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    provinces = json.loads((DATA / "provinces.json").read_text(encoding="utf-8"))["provinces"]
    return Pieces(sections, [a["name"] for a in agencies if a["kind"] == "ministry"],
                  [p["name"] for p in provinces])


def _renumber(section: str, k: int) -> str:
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][k]
    return re.sub(r"^[IVX]{1,4}\.", roman + ".", section, count=1)


def document(rng: random.Random, src: Pieces, k: int) -> tuple[str, dict[str, object]]:
    """The text and manifest entry of generated document number k."""
    swap = dict(zip(src.ministries, rng.sample(src.ministries, len(src.ministries)), strict=True))
    shift = rng.randint(-3, 5)
    year = rng.randint(2019, 2026)
    provincial = rng.random() < 0.7
    place = rng.choice(src.provinces)
    issuer = f"Ủy ban nhân dân tỉnh {place}" if provincial else rng.choice(src.ministries)
    code = "KH-UBND" if provincial else "QĐ-" + "".join(w[0] for w in issuer.split()[1:3]).upper()
    number = f"{rng.randint(1, 9999)}/{code}"
    kind = "plan" if provincial else "programme"
    title = (f"Kế hoạch thực hiện chuyển đổi số tỉnh {place} giai đoạn {year}-{year + 5}" if provincial
             else f"Chương trình hành động của {issuer} giai đoạn {year}-{year + 5}")
    body = []
    for i, section in enumerate(rng.sample(src.sections, rng.randint(2, 4))):
        text = re.sub("|".join(map(re.escape, sorted(swap, key=len, reverse=True))),
                      lambda m: swap[m.group(0)], section)
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        text = _PERCENT.sub(lambda m: str(rng.randint(5, 99)), text)
        text = _CITED.sub(lambda m: str(rng.randint(1, 2000)) if rng.random() < 0.5 else m.group(0), text)
        body.append(_renumber(text, i))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    header = _HEADER.format(issuer_upper=issuer.upper(), number=number, place=place, day=day, month=month,
                            year=year, kind_upper="KẾ HOẠCH" if provincial else "CHƯƠNG TRÌNH", title=title,
                            basis=f"{rng.randint(1, 2500)}/QĐ-TTg ngày {day} tháng {month} năm {year - 1}")
    entry: dict[str, object] = {
        "id": f"gen-{k:05d}", "file": f"gen-{k:05d}.txt", "title": title, "kind": kind, "status": "final",
        "number": number, "issuer": issuer, "date": f"{year}-{month:02d}-{day:02d}", "relations": []}
    return header + "\n".join(body), entry


def generate(out: Path, size: int, seed: int = 7) -> list[Path]:
    """Write `size` documents and their manifest into `out` (the same seed gives the same files)."""
    rng = random.Random(seed)
    src = pieces()
    out.mkdir(parents=True, exist_ok=True)
    entries, paths = [], []
    for k in range(size):
        text, entry = document(rng, src, k)
        path = out / str(entry["file"])
        path.write_text(text, encoding="utf-8")
        entries.append(entry)
        paths.append(path)
    (out / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=0),
                                       encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.size, args.seed)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} documents, {mb:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
