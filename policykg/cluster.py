"""Extraction on a Dask cluster: each worker turns documents into facts; the graph is built per document.

`policykg build --cluster ADDRESS` sends one task per document to the Dask scheduler at ADDRESS
(`tcp://host:8786`), or to a cluster started for the run with `--cluster local:N` (N worker
processes on this machine). Workers need the project installed (the same package as the client);
each builds the spaCy pipeline once per process (extract.nlp caches it), so a task costs the
extraction of its document only. Dask was chosen over Ray by measurement (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from extract.errors import PolicyKGError
from extract.pipeline import Corpus, corpus_files, load_manifest
from extract.records import DocumentFacts

LOCAL = "local:"


class ClusterError(PolicyKGError):
    """The cluster cannot be reached or a worker failed."""


def extract_file(path: str, entry: dict[str, Any]) -> DocumentFacts:
    """Read and extract one document (runs on a worker)."""
    from extract.pipeline import extract_text, meta_from_text
    from extract.readers import read

    file = Path(path)
    text = read(file)
    return extract_text(text, meta_from_text(entry.get("id") or file.stem, file.name, text, entry))


def _workers(address: str) -> int:
    try:
        n = int(address[len(LOCAL):] or "2")
    except ValueError:
        n = 0
    if n < 1:
        raise ClusterError(f"'{address}': write local:N with N ≥ 1 worker processes, or tcp://HOST:PORT.")
    return n


@contextmanager
def executor(address: str) -> Iterator[Executor]:
    """A concurrent.futures Executor on the Dask cluster at `address` (or a local one, `local:N`)."""
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if address.startswith(LOCAL):
            cluster = LocalCluster(n_workers=_workers(address), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=50)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on(pool: Executor, corpus: Path, on_doc: Callable[[Path], None] | None = None) -> Corpus:
    """Extract every document of a corpus folder on an executor; documents keep the folder's order."""
    manifest = load_manifest(corpus)
    files = corpus_files(corpus)
    futures = {pool.submit(extract_file, str(p.resolve()), manifest.get(p.name, {})): i for i, p in enumerate(files)}
    facts: dict[int, DocumentFacts] = {}
    for fut in as_completed(futures):
        i = futures[fut]
        try:
            facts[i] = fut.result()
        except PolicyKGError:
            raise
        except Exception as exc:  # a worker died or could not import the project
            raise ClusterError(f"{files[i].name}: extraction failed on the cluster: {exc}") from exc
        if on_doc:
            on_doc(files[i])
    return Corpus(docs=[facts[i] for i in range(len(files))])
