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
    from tests.servers import free_port

    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"), \
            executor(f"tcp://127.0.0.1:{free_port()}"):
        pass


def test_cli_build_on_a_local_cluster_matches_the_local_build(tmp_path) -> None:
    """`policykg build --cluster local:2`: the per-document work runs on Dask workers; same answers."""
    import json

    from typer.testing import CliRunner

    from policykg.cli import app

    runner = CliRunner()
    out = {}
    for name, extra in (("local", ["--workers", "1"]), ("dask", ["--cluster", "local:2"])):
        ws = str(tmp_path / name)
        done = runner.invoke(app, ["--workspace", ws, "build", *extra])
        assert done.exit_code == 0, done.output
        out[name] = {view: json.loads(runner.invoke(app, ["--workspace", ws, view, "--json"]).output)
                     for view in ("docs", "tasks", "refs", "targets")}
    assert out["dask"] == out["local"]
    assert len(out["dask"]["tasks"]) > 300


def test_cli_reports_an_unreachable_cluster(tmp_path) -> None:
    from typer.testing import CliRunner

    from policykg.cli import app
    from tests.servers import free_port

    done = CliRunner().invoke(app, ["--workspace", str(tmp_path / "ws"), "build", "--cluster",
                                    f"tcp://127.0.0.1:{free_port()}"])
    assert done.exit_code == 1
    assert "cannot reach the Dask scheduler" in done.output
    assert not list((tmp_path / "ws").glob("gen-*"))  # nothing half-built was kept
