"""Print extraction speed on the seed corpus and on many copies of it."""

from __future__ import annotations

import time

from extract.nlp import pipeline
from extract.pipeline import BUNDLED, extract_text, load_manifest, meta_from_text


def main() -> None:
    pipeline()  # load once, as a running app does
    docs = [(e, (BUNDLED / f).read_text(encoding="utf-8")) for f, e in load_manifest(BUNDLED).items()]
    size = sum(len(t.encode()) for _, t in docs)
    for copies in (1, 10):
        start = time.perf_counter()
        for _ in range(copies):
            for entry, text in docs:
                extract_text(text, meta_from_text(entry["id"], entry["file"], text, entry))
        secs = time.perf_counter() - start
        print(f"copies={copies} bytes={size * copies} seconds={secs:.2f} MB/s={size * copies / secs / 1e6:.2f}")


if __name__ == "__main__":
    main()
