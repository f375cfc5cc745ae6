"""Print extraction speed on the seed corpus and on many copies of it (best and median of runs).

Run: python -m bench.extract
"""

from __future__ import annotations

import statistics
import time

from extract.nlp import pipeline
from extract.pipeline import BUNDLED, extract_text, load_manifest, meta_from_text


def run_once(docs: list[tuple[dict, str]], copies: int) -> float:
    start = time.perf_counter()
    for _ in range(copies):
        for entry, text in docs:
            extract_text(text, meta_from_text(entry["id"], entry["file"], text, entry))
    return time.perf_counter() - start


def main() -> None:
    t0 = time.perf_counter()
    pipeline()
    print(f"pipeline load: {time.perf_counter() - t0:.2f} s")
    docs = [(e, (BUNDLED / f).read_text(encoding="utf-8")) for f, e in load_manifest(BUNDLED).items()]
    size = sum(len(t.encode()) for _, t in docs)
    run_once(docs, 1)  # warm caches (matchers, lexemes) as a running process would have them
    for copies, trials in ((1, 7), (20, 3)):
        times = [run_once(docs, copies) for _ in range(trials)]
        best, median = min(times), statistics.median(times)
        mb = size * copies / 1e6
        print(f"seeds x{copies}: {mb:.2f} MB, best {best:.3f} s ({mb / best:.2f} MB/s), "
              f"median {median:.3f} s ({mb / median:.2f} MB/s)")


if __name__ == "__main__":
    main()
