"""Distributed extraction: one process vs a local Dask cluster vs local Ray, on N copies of the seeds.

    python -m bench.cluster [--copies 25] [--workers 2]

Ray is measured only when installed (`pip install ray`); it is not a dependency of the project.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from extract.paths import BUNDLED
from extract.pipeline import corpus_files, extract_corpus
from policykg.cluster import executor, extract_file, extract_on


def copies(n: int, folder: Path) -> Path:
    for i in range(n):
        for f in corpus_files(BUNDLED):
            shutil.copy(f, folder / f"{f.stem}_{i}{f.suffix}")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = copies(args.copies, Path(tmp))
        files = corpus_files(corpus)
        mb = sum(p.stat().st_size for p in files) / 1e6
        print(f"{len(files)} documents, {mb:.1f} MB, {args.workers} workers")
        t = time.perf_counter()
        single = extract_corpus(corpus)
        s = time.perf_counter() - t
        print(f"one process      extract {s:6.1f} s  {mb / s:5.2f} MB/s")
        t = time.perf_counter()
        with executor(f"local:{args.workers}") as pool:
            up = time.perf_counter() - t
            t = time.perf_counter()
            on_dask = extract_on(pool, corpus)
            s = time.perf_counter() - t
        print(f"dask local       extract {s:6.1f} s  {mb / s:5.2f} MB/s  (cluster start {up:.1f} s; "
              f"same facts: {on_dask.docs == single.docs})")
        try:
            import ray
        except ImportError:
            print("ray              not installed")
            return
        t = time.perf_counter()
        ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
        up = time.perf_counter() - t
        task = ray.remote(extract_file)
        t = time.perf_counter()
        ray.get([task.remote(str(p.resolve()), {}) for p in files])
        s = time.perf_counter() - t
        ray.shutdown()
        print(f"ray local        extract {s:6.1f} s  {mb / s:5.2f} MB/s  (start {up:.1f} s)")


if __name__ == "__main__":
    main()
