"""Console queries run in a worker process: a timeout kills it, a memory cap stops it, LIMIT is pushed in."""

from __future__ import annotations

import time
from pathlib import Path

import psutil
import pytest

from graph.guard import QueryError
from policykg.console import Console, check_limits

NT = ('<http://x/a> <http://x/p> "Bộ Công an" .\n<http://x/b> <http://x/p> "Bộ Tài chính" .\n'
      '<http://x/c> <http://x/q> <http://x/a> .\n')
# 3 triples joined 21 times: 3^21 solutions, far more than a test will wait for
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(21)) + " }"
# sorting every solution of a 14-way join: memory grows until the cap stops it
HUNGRY = ("SELECT * WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(14)) + " } ORDER BY ?s0 ?o13")


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("console") / "graph.nt"
    path.write_text(NT, encoding="utf-8")
    return path


@pytest.fixture(params=["oxigraph", "memory"])
def console(request, graph):
    c = Console(graph, request.param, workers=1, memory_mb=400)
    yield c
    c.close()


def test_rows_limit_and_forms(console) -> None:
    res = console.run("SELECT ?o WHERE { ?s <http://x/p> ?o } ORDER BY ?o", limit=1)
    assert res.variables == ("o",) and res.rows == (("Bộ Công an",),) and res.truncated
    assert console.run("SELECT ?o WHERE { ?s <http://x/p> ?o }", limit=2).truncated is False
    assert console.run("ASK { ?s ?p ?o }").boolean is True
    triples = console.run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", limit=2)
    assert len(triples.rows) == 2 and triples.truncated


def test_a_timed_out_query_kills_its_worker(console) -> None:
    console.run("ASK {}")
    [pid] = console.pids()
    me = psutil.Process()
    rss = me.memory_info().rss
    for _ in range(3):
        start = time.perf_counter()
        with pytest.raises(QueryError, match="longer than 1 s and was stopped"):
            console.run(RUNAWAY, timeout=1)
        assert time.perf_counter() - start < 10  # stopped at 1 s, not run to its end (never)
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert console.pids() == [] and not [c for c in me.children() if c.pid == pid]
    assert me.memory_info().rss - rss < 50 * 2**20  # the work happened elsewhere and is gone
    assert console.run("SELECT ?o WHERE { <http://x/a> ?p ?o }").rows == (("Bộ Công an",),)  # a fresh worker


def test_the_memory_cap_stops_a_hungry_query(console) -> None:
    console.run("ASK {}")
    [pid] = console.pids()
    with pytest.raises(QueryError, match="memory cap \\(400 MB\\)"):
        console.run(HUNGRY, timeout=120)
    assert not psutil.pid_exists(pid) and console.pids() == []


def test_refused_queries_never_start_a_worker(graph) -> None:
    c = Console(graph, "oxigraph", workers=1)
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        c.run("SELECT * WHERE { FILTER(1<2)SERVICE<http://127.0.0.1:9/>{ ?s ?p ?o } }")
    assert c.pids() == []


@pytest.mark.parametrize("limit, timeout, message", [
    (0, 10, "row limit"), (-5, 10, "row limit"), (10**9, 10, "row limit"),
    (10, float("inf"), "timeout"), (10, float("nan"), "timeout"), (10, -1.0, "timeout"), (10, 0.0, "timeout"),
])
def test_nonsense_limits_are_refused(limit, timeout, message) -> None:
    with pytest.raises(ValueError, match=message):
        check_limits(limit, timeout)
