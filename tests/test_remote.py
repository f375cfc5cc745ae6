"""The remote SPARQL store on a real Virtuoso: same rows as rdflib and Oxigraph, per-document graphs."""

from __future__ import annotations

import os
import urllib.error
from datetime import UTC, datetime

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.build import build_graph
from graph.queries import QUERIES, Pages, pageable
from graph.remote import CHUNK, RemoteStoreError, SparqlStore, parse_url
from graph.store import from_graph
from tests.test_graph import PARAMS
from tests.virtuoso import BINARY, virtuoso

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
needs_virtuoso = pytest.mark.skipif(BINARY is None and not os.environ.get("CI"),
                                    reason="virtuoso-opensource-7-bin not installed (CI installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@pytest.fixture(scope="module")
def seeds(corpus) -> Graph:
    return build_graph(corpus, WHEN)


@pytest.fixture(scope="module")
def loaded(server, seeds) -> SparqlStore:
    store = SparqlStore(server)
    assert store.replace_graph("corpus", seeds) == len(seeds)
    return store


def test_url_keeps_credentials_apart() -> None:
    ep = parse_url("sparql+http://dba:s%40cret@127.0.0.1:8890/sparql-auth")
    assert (ep.url, ep.user, ep.password) == ("http://127.0.0.1:8890/sparql-auth", "dba", "s@cret")
    assert parse_url("sparql+https://example.org").url == "https://example.org/sparql"
    assert parse_url("sparql+http://h:1/sparql-auth?gsp=/sparql-graph-crud-auth").gsp == \
        "http://h:1/sparql-graph-crud-auth"
    with pytest.raises(RemoteStoreError, match="sparql\\+http"):
        parse_url("http://127.0.0.1:8890/sparql")


def test_unreachable_store_is_a_clear_error() -> None:
    from tests.servers import free_port

    store = SparqlStore(f"sparql+http://127.0.0.1:{free_port()}/sparql", timeout=3)
    with pytest.raises(RemoteStoreError, match="cannot reach the SPARQL store"):
        store.count()


@needs_virtuoso
def test_wrong_password_is_refused(server) -> None:
    bad = server.replace("dba:", "dba:x", 1)
    with pytest.raises(RemoteStoreError, match="401"):
        SparqlStore(bad).update("DROP SILENT GRAPH <https://policykg.example.org/graph/none>")


@needs_virtuoso
def test_load_round_trips_in_chunks(loaded, seeds) -> None:
    assert len(seeds) > 10 * CHUNK  # several INSERT DATA requests
    assert loaded.count() == len(seeds)
    assert loaded.graphs() == ["corpus"]


@needs_virtuoso
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_queries_agree_on_all_three_stores(loaded, seeds, name) -> None:
    q = QUERIES[name]
    params = {p: PARAMS[p] for p in q.params}
    remote = sorted(q.run(loaded, **params).rows, key=str)
    assert remote, f"{name} returned no rows on Virtuoso"
    for kind in ("memory", "oxigraph"):
        assert sorted(q.run(from_graph(seeds, kind), **params).rows, key=str) == remote, kind


@needs_virtuoso
@pytest.mark.parametrize("name", pageable())
def test_pages_agree_on_all_three_stores(loaded, seeds, name) -> None:
    """The same keys in the same order and the same rows on every page; all pages = the whole answer."""
    q = QUERIES[name]
    keys = q.keys(loaded)
    local = {kind: from_graph(seeds, kind) for kind in ("memory", "oxigraph")}
    assert all(q.keys(s) == keys for s in local.values())
    pages = Pages(loaded, name, size=max(1, len(keys) // 3))
    rows = []
    for n in range(len(pages)):
        page = sorted(pages.page(n).rows, key=str)
        for kind, store in local.items():
            assert sorted(q.rows_of(store, pages.keys[n * pages.size:(n + 1) * pages.size]).rows, key=str) == page, kind
        rows += page
    assert sorted(rows, key=str) == sorted(q.run(loaded).rows, key=str)


@needs_virtuoso
@pytest.mark.parametrize("protocol", ["update", "graph store"])
def test_replacing_a_document_graph_keeps_the_others(server, protocol) -> None:
    store = SparqlStore(server + ("?gsp=/sparql-graph-crud-auth" if protocol == "graph store" else ""))
    a, b = Graph(), Graph()
    ex = "https://policykg.example.org/test/"
    a.add((URIRef(ex + "a"), URIRef(ex + "p"), Literal("Ủy ban nhân dân tỉnh Hà Giang", lang="vi")))
    b.add((URIRef(ex + "b"), URIRef(ex + "p"), Literal("hòa")))
    store.replace_graph("doc-a", a)
    store.replace_graph("doc-b", b)
    a2 = Graph()
    a2.add((URIRef(ex + "a"), URIRef(ex + "p"), Literal("Bộ Tài chính", lang="vi")))
    store.replace_graph("doc-a", a2)
    rows = store.query(f"SELECT ?s ?o WHERE {{ ?s <{ex}p> ?o }} ORDER BY ?s").rows
    assert rows == ((ex + "a", "Bộ Tài chính"), (ex + "b", "hòa"))
    assert isomorphic(store.get_graph("doc-a"), a2)
    store.drop_graph("doc-a")
    store.drop_graph("doc-b")
    assert "doc-a" not in store.graphs()


@needs_virtuoso
def test_two_clients_read_one_store(server, loaded) -> None:
    """Several app instances can serve one remote store: independent clients see the same rows."""
    other = SparqlStore(server)
    q = QUERIES["documents"]
    assert other.query(q.text).rows == loaded.query(q.text).rows


def test_http_errors_do_not_leak_tracebacks(monkeypatch) -> None:
    store = SparqlStore("sparql+http://127.0.0.1:9/sparql")

    def boom(*_a, **_k):
        raise urllib.error.HTTPError(store.endpoint.url, 500, "Server Error", {}, None)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_open", boom)
    with pytest.raises(RemoteStoreError, match="500 Server Error"):
        store.query("ASK {}")


@needs_virtuoso
def test_cli_builds_into_and_reads_from_the_remote_store(server, tmp_path) -> None:
    """`--store sparql+http://…`: build publishes the generation; reading commands query the server."""
    import json

    from typer.testing import CliRunner

    from policykg.cli import app

    runner = CliRunner()
    ws = str(tmp_path / "ws")
    built = runner.invoke(app, ["--workspace", ws, "--store", server, "build"])
    assert built.exit_code == 0, built.output
    assert "published" in built.output and "dba:" not in built.output  # no password in messages
    remote = runner.invoke(app, ["--workspace", str(tmp_path / "none"), "--store", server, "docs", "--json"])
    local = runner.invoke(app, ["--workspace", ws, "docs", "--json"])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.output) == json.loads(local.output)
    assert not (tmp_path / "none").exists()  # the remote store needs no local workspace to read


def test_cli_reports_an_unreachable_remote_store(tmp_path) -> None:
    from typer.testing import CliRunner

    from policykg.cli import app
    from tests.servers import free_port

    done = CliRunner().invoke(app, ["--store", f"sparql+http://127.0.0.1:{free_port()}/sparql", "docs"])
    assert done.exit_code == 1
    assert "cannot reach the SPARQL store" in done.output and "Traceback" not in done.output


@needs_virtuoso
def test_a_page_of_agencies_lists_the_same_first_documents_on_virtuoso(loaded, seeds, monkeypatch) -> None:
    """The first documents of a page of agencies, read one document a chunk, are those rdflib and Oxigraph give."""
    from graph import answers, mentions
    monkeypatch.setattr(mentions, "_CHUNK", 1)
    monkeypatch.setattr(mentions, "FIRST", 1)
    keys = answers.keys(loaded, "agencies")
    remote = answers.agencies(loaded, keys=keys)
    assert any(r["documents"] > len(r["mentioned_in"]) for r in remote)
    for kind in ("memory", "oxigraph"):
        assert answers.agencies(from_graph(seeds, kind), keys=keys) == remote, kind
