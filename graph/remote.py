"""A remote SPARQL 1.1 store (Query, Update and the Graph Store Protocol) as a policykg `Store`.

Named with a URL: `sparql+http://USER:PASSWORD@HOST:PORT/PATH` (or `sparql+https://…`); the user
and password may instead come from POLICYKG_SPARQL_USER / POLICYKG_SPARQL_PASSWORD. PATH is the
endpoint that answers both queries and updates (Virtuoso: `/sparql-auth`, with HTTP Digest auth);
`?gsp=PATH2` names the Graph Store Protocol endpoint (Virtuoso: `/sparql-graph-crud-auth`), which
then replaces a document's graph in one PUT instead of DROP + INSERT DATA chunks.

Written against Virtuoso Open Source 7 and checked there: updates are sent as a form
(`update=…`, a raw `application/sparql-update` body hangs Virtuoso 7.2), results are asked for as
SPARQL JSON, INSERT DATA goes in chunks of at most 1,000 triples, and only full IRIs are sent
(N-Triples lines), never prefixed names. rdflib's SPARQLUpdateStore speaks only Basic auth, so
this module keeps its own small urllib client with Digest and Basic handlers.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph

from extract.errors import PolicyKGError
from graph.store import Result, bind_values

SCHEME = "sparql+"
CHUNK = 1000  # triples per INSERT DATA request (larger requests fail on Virtuoso's default limits)
GRAPH_BASE = "https://policykg.example.org/graph/"  # named graphs the project writes


class RemoteStoreError(PolicyKGError):
    """The remote SPARQL store cannot be reached or refused a request."""


@dataclass(frozen=True)
class Endpoint:
    url: str
    user: str | None
    password: str | None
    gsp: str | None = None

    @property
    def display(self) -> str:
        """The URL without credentials (for messages)."""
        return self.url


def parse_url(spec: str) -> Endpoint:
    """`sparql+http://user:pw@host:port/path` → the endpoint, credentials apart."""
    if not spec.startswith(SCHEME):
        raise RemoteStoreError(f"'{spec}' is not a remote store URL; write sparql+http://HOST:PORT/PATH.")
    parts = urllib.parse.urlsplit(spec[len(SCHEME):])
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteStoreError(f"'{spec}': the store URL needs http or https and a host.")
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    query = urllib.parse.parse_qs(parts.query)
    url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/sparql", "", ""))
    gsp = urllib.parse.urljoin(url, query["gsp"][0]) if "gsp" in query else None
    user = urllib.parse.unquote(parts.username) if parts.username else os.environ.get("POLICYKG_SPARQL_USER")
    password = (urllib.parse.unquote(parts.password) if parts.password
                else os.environ.get("POLICYKG_SPARQL_PASSWORD"))
    return Endpoint(url, user, password, gsp)


def _opener(endpoint: Endpoint) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if endpoint.user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in filter(None, (endpoint.url, endpoint.gsp)):
            passwords.add_password(None, url, endpoint.user, endpoint.password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    # No proxies: the store is named by the user; nothing else is contacted.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), *handlers)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_CANONICAL = {_XSD + "boolean": {"1": "true", "0": "false"}}  # Virtuoso stores booleans as 1/0


def _value(cell: Mapping[str, str] | None) -> str | None:
    """A cell's lexical form, canonical where the store rewrites it (so rows match other stores)."""
    if cell is None:
        return None
    value = cell["value"]
    return _CANONICAL.get(cell.get("datatype", ""), {}).get(value, value)


class SparqlStore:
    """A SPARQL 1.1 endpoint; reads see the union of the project's named graphs."""

    name = "sparql"

    def __init__(self, spec: str, timeout: float = 60.0) -> None:
        self.endpoint = parse_url(spec)
        self.timeout = timeout
        self._open = _opener(self.endpoint).open

    # -- protocol ---------------------------------------------------------------------
    def _post(self, form: Mapping[str, str], accept: str) -> bytes:
        body = urllib.parse.urlencode(form).encode()
        return self._send(urllib.request.Request(self.endpoint.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept}))

    def _send(self, req: urllib.request.Request) -> bytes:
        try:
            with self._open(req, timeout=self.timeout) as resp:
                data: bytes = resp.read()
                return data
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()
            raise RemoteStoreError(f"{self.endpoint.display} answered {exc.code} {exc.reason}"
                                   f"{': ' + detail[0] if detail else ''}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RemoteStoreError(f"cannot reach the SPARQL store at {self.endpoint.display}: {reason}") from None

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> Result:
        data = self._post({"query": bind_values(sparql, bindings or {})},
                          "application/sparql-results+json, application/n-triples;q=0.9")
        text = data.decode("utf-8")
        if text.lstrip().startswith("{"):
            return _json_result(json.loads(text))
        triples = Graph().parse(data=text, format="nt")
        return Result(("subject", "predicate", "object"),
                      tuple((str(s), str(p), str(o)) for s, p, o in triples))

    def update(self, sparql: str) -> None:
        self._post({"update": sparql}, "*/*")

    def count(self) -> int:
        res = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                         f"FILTER(STRSTARTS(STR(?g), \"{GRAPH_BASE}\")) }}")
        return int(res.rows[0][0] or 0)

    # -- writing ----------------------------------------------------------------------
    def replace_graph(self, name: str, graph: Graph) -> int:
        """Make the named graph hold exactly `graph`; returns the triples sent."""
        iri = graph_iri(name)
        if self.endpoint.gsp:
            self._send(urllib.request.Request(self._gsp_url(iri), data=graph.serialize(format="nt").encode(),
                                              method="PUT", headers={"Content-Type": "application/n-triples"}))
            return len(graph)
        self.update(f"DROP SILENT GRAPH <{iri}>")
        sent = 0
        for chunk in _chunks(graph.serialize(format="nt").splitlines(), CHUNK):
            self.update(f"INSERT DATA {{ GRAPH <{iri}> {{\n" + "\n".join(chunk) + "\n} }")
            sent += len(chunk)
        return sent

    def get_graph(self, name: str) -> Graph:
        """One named graph, read with the Graph Store Protocol (or CONSTRUCT without one)."""
        iri = graph_iri(name)
        if self.endpoint.gsp:
            data = self._send(urllib.request.Request(self._gsp_url(iri), headers={"Accept": "application/n-triples"}))
            return Graph().parse(data=data.decode("utf-8"), format="nt")
        data = self._post({"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"},
                          "application/n-triples")
        return Graph().parse(data=data.decode("utf-8"), format="nt")

    def _gsp_url(self, iri: str) -> str:
        assert self.endpoint.gsp
        return self.endpoint.gsp + "?" + urllib.parse.urlencode({"graph": iri})

    def drop_graph(self, name: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph_iri(name)}>")

    def graphs(self) -> list[str]:
        """Names of the project's graphs in the store."""
        res = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                         f"FILTER(STRSTARTS(STR(?g), \"{GRAPH_BASE}\")) }}")
        return sorted(urllib.parse.unquote(str(g)[len(GRAPH_BASE):]) for (g,) in res.rows)


def graph_iri(name: str) -> str:
    """The IRI of one of the project's named graphs (a document id, or 'shared')."""
    return GRAPH_BASE + urllib.parse.quote(name, safe="")


def _chunks(lines: Iterable[str], size: int) -> Iterable[list[str]]:
    chunk: list[str] = []
    for line in lines:
        if line.strip():
            chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _json_result(data: Mapping[str, object]) -> Result:
    if "boolean" in data:
        return Result(boolean=bool(data["boolean"]))
    head = data.get("head")
    results = data.get("results")
    variables = tuple(head.get("vars", [])) if isinstance(head, dict) else ()
    bindings = results.get("bindings", []) if isinstance(results, dict) else []
    return Result(variables, tuple(tuple(_value(row.get(v)) for v in variables) for row in bindings))


def is_remote(spec: str) -> bool:
    return spec.startswith(SCHEME)
