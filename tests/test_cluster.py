"""Extraction on a local Dask cluster of 2 worker processes gives the same graph as one process."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rdflib.compare import isomorphic

from extract.paths import BUNDLED
from graph.build import build_graph
from policykg.cluster import ClusterError, executor, extract_on

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def test_two_workers_build_the_same_graph(corpus) -> None:
    seen: list[str] = []
    with executor("local:2") as pool:
        on_cluster = extract_on(pool, BUNDLED, on_doc=lambda p: seen.append(p.name))
    assert len(seen) == len(corpus.docs)
    assert [d.meta.id for d in on_cluster.docs] == [d.meta.id for d in corpus.docs]
    assert on_cluster.docs == corpus.docs
    assert isomorphic(build_graph(on_cluster, WHEN), build_graph(corpus, WHEN))


@pytest.mark.parametrize("address", ["local:0", "local:x"])
def test_bad_local_cluster_spec_is_refused(address) -> None:
    with pytest.raises(ClusterError, match="local:N"), executor(address):
        pass


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from tests.virtuoso import free_port

    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"), \
            executor(f"tcp://127.0.0.1:{free_port()}"):
        pass
