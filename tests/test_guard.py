"""The query guard decides from the parsed query: updates, SERVICE and FROM never reach a store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.guard import QueryError, check_read_only
from policykg.console import execute

NT = ('<http://x/a> <http://x/p> "Bộ Công an" .\n<http://x/b> <http://x/p> "Bộ Tài chính" .\n'
      '<http://x/c> <http://x/service> <http://x/a> .\n')


@pytest.fixture(scope="module")
def stores():
    oxi = ox.Store()
    oxi.load(NT.encode(), format=ox.RdfFormat.N_TRIPLES)
    return {"oxigraph": oxi, "memory": Graph().parse(data=NT, format="nt")}


REFUSED = [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT is not allowed"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE is not allowed"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE is not allowed"),
    ("WITH <a:g> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "INSERT is not allowed"),
    ("LOAD <{url}/load>", "LOAD is not allowed"),
    ("CLEAR ALL", "CLEAR is not allowed"),
    ("DROP GRAPH <a:g>", "DROP is not allowed"),
    ("CREATE GRAPH <a:g>", "CREATE is not allowed"),
    ("ADD DEFAULT TO <a:g>", "ADD is not allowed"),
    ("COPY DEFAULT TO <a:g>", "COPY is not allowed"),
    ("MOVE DEFAULT TO <a:g>", "MOVE is not allowed"),
    ("SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <a:b> <a:c> <a:d> }", "not valid SPARQL"),
    # the two escapes of the issue: a FILTER glued to SERVICE, and an escaped keyword
    ("SELECT * WHERE { FILTER(1<2)SERVICE<{url}/glued>{ ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { \\u0053ERVICE <{url}/escaped> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { <a:b> ?p ?o . SERVICE\n# hidden\nSILENT <{url}/c> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("PREFIX e: <{url}/> SELECT * WHERE { OPTIONAL { sErViCe e:pn { ?s ?p ?o } } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { VALUES ?e { <{url}/v> } SERVICE ?e { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("ASK { FILTER EXISTS { SERVICE <{url}/exists> { ?s ?p ?o } } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{url}/sub> { ?s ?p ?o } } } }", "SERVICE is not allowed"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o MINUS { SERVICE <{url}/m> { ?s ?p ?o } } }",
     "SERVICE is not allowed"),
    ("SELECT * FROM <{url}/from> WHERE { ?s ?p ?o }", "FROM and FROM NAMED are not allowed"),
    ("SELECT * FROM NAMED <{url}/named> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM and FROM NAMED are not allowed"),
    ('SELECT * WHERE { ?s ?p "\\u005Cu0053" }', "expands to another escape"),
    ("SELECT * WHERE { ?s ?p ?o", "not valid SPARQL"),
    ("", "the query is empty"),
    ("# only a comment", "not valid SPARQL"),
]

ACCEPTED = [
    ("SELECT ?service ?add WHERE { ?service <http://x/service> ?add }", 1),
    ("PREFIX pkg: <http://x/> SELECT ?s WHERE { ?s pkg:load ?o }", 0),
    ('PREFIX x: <http://x/> SELECT ?s WHERE { ?s x:p ?o FILTER(?o != "DELETE WHERE { ?s ?p ?o }") }', 2),
    ("SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/> in a comment", 3),
    ("SELECT ?s WHERE { ?s <http://x/SERVICE> ?o . } ", 0),
    ("prefix x: <http://x/> select ?o where { ?s x:p ?o } order by ?o", 2),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = \"\\u0053ERVICE\") }", 0),
]


@pytest.mark.parametrize("query, message", REFUSED)
@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_refused_before_any_store_sees_the_query(query, message, kind, stores, listener) -> None:
    with pytest.raises(QueryError, match=message):
        execute(stores[kind], query.replace("{url}", listener.url), 10)
    assert listener.hits == []


@pytest.mark.parametrize("query, rows", ACCEPTED)
@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_queries_that_only_contain_the_words_run(query, rows, kind, stores) -> None:
    reply = execute(stores[kind], check_read_only(query).limited(11), 10)
    assert len(reply["rows"]) == rows


def test_the_listener_would_see_an_unguarded_service(stores, listener) -> None:
    """The control: without the guard, Oxigraph does send the request (so the tests above can fail)."""
    before = len(listener.hits)
    with pytest.raises(OSError):
        list(stores["oxigraph"].query(f"SELECT * WHERE {{ SERVICE <{listener.url}/control> {{ ?s ?p ?o }} }}"))
    assert listener.hits[before:] == ["/control"]
    listener.hits.clear()


def test_the_limit_is_pushed_into_the_query() -> None:
    query = check_read_only("PREFIX x: <http://x/> SELECT ?o WHERE { ?s x:p ?o } ORDER BY DESC(?o)")
    assert query.limited(2).rstrip().endswith("LIMIT 2")
    assert check_read_only(query.limited(2)).form == "SELECT"
    assert check_read_only("CONSTRUCT WHERE { ?s ?p ?o }").limited(5).endswith("\nLIMIT 5")


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_a_limited_query_keeps_its_order_and_columns(kind, stores) -> None:
    query = check_read_only("PREFIX x: <http://x/> SELECT ?o ?s WHERE { ?s x:p ?o } ORDER BY DESC(?o)")
    reply = execute(stores[kind], query.limited(2), 1)
    assert reply["variables"] == ["o", "s"] and reply["truncated"]
    assert reply["rows"] == [["Bộ Tài chính", "http://x/b"]]


# --- hypothesis: SERVICE and update keywords in every disguise ------------------------------------

def _escaped(word: str, draw: st.DrawFn) -> str:
    """Random casing, and each letter maybe as a \\u or \\U escape."""
    out = []
    for ch in word:
        ch = draw(st.sampled_from([ch.lower(), ch.upper()]))
        form = draw(st.sampled_from(["plain", "plain", "u", "U"]))
        out.append(ch if form == "plain" else f"\\u{ord(ch):04X}" if form == "u" else f"\\U{ord(ch):08x}")
    return "".join(out)


GAPS = st.sampled_from([" ", "\t", "\n", "  ", " # comment SERVICE \n", "\n#\n", "\r\n"])


@st.composite
def service_queries(draw: st.DrawFn, url: str) -> str:
    gap = lambda: draw(GAPS)  # noqa: E731
    keyword = _escaped("SERVICE", draw) + (gap() + _escaped("SILENT", draw) if draw(st.booleans()) else "")
    target = draw(st.sampled_from([f"<{url}/h>", "e:h", "?e"]))
    glue = gap() if target == "e:h" else draw(st.sampled_from(["", gap()]))  # SERVICEe:h is one name
    service = f"{keyword}{glue}{target}{gap()}{{ ?s ?p ?o }}"
    before = draw(st.sampled_from(["", "FILTER(1<2)", "?s ?p ?o .", "BIND(1 AS ?one)"]))
    wrapped = draw(st.sampled_from(["{}", "OPTIONAL {{ {} }}", "{{ {} }} UNION {{ ?s ?p ?o }}",
                                    "FILTER NOT EXISTS {{ {} }}", "{{ SELECT * WHERE {{ {} }} }}",
                                    "GRAPH ?g {{ {} }}", "MINUS {{ {} }}"])).format(service)
    values = f"VALUES ?e {{ <{url}/v> }}" if target == "?e" else ""
    form = draw(st.sampled_from(["SELECT *", "ASK", "CONSTRUCT { ?s ?p ?o }"]))
    if form == "ASK":
        form_text = _escaped("ASK", draw)
    else:
        form_text = form.replace("SELECT", _escaped("SELECT", draw))
    return f"PREFIX e: <{url}/>{gap()}{form_text}{gap()}WHERE {{ {values} {before}{wrapped} }}"


UPDATES = [("INSERT", "{kw}{g}DATA {{ <a:b> <a:c> <a:d> }}"), ("DELETE", "{kw}{g}WHERE {{ ?s ?p ?o }}"),
           ("LOAD", "{kw}{g}<{url}/load>"), ("LOAD", "{kw}{g}SILENT <{url}/load> INTO GRAPH <a:g>"),
           ("CLEAR", "{kw}{g}ALL"), ("DROP", "{kw}{g}DEFAULT"), ("CREATE", "{kw}{g}GRAPH <a:g>"),
           ("ADD", "{kw}{g}DEFAULT TO <a:g>"), ("COPY", "{kw}{g}DEFAULT TO <a:g>"),
           ("MOVE", "{kw}{g}DEFAULT TO <a:g>"), ("DELETE", "{kw}{g}{{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"),
           ("INSERT", "{kw}{g}{{ ?s ?p 1 }} WHERE {{ ?s ?p ?o }}")]


@st.composite
def update_queries(draw: st.DrawFn, url: str) -> tuple[str, str]:
    keyword, template = draw(st.sampled_from(UPDATES))
    text = template.format(kw=_escaped(keyword, draw), g=draw(GAPS), url=url)
    return keyword, f"PREFIX e: <{url}/>{draw(GAPS)}{text}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_service_in_any_disguise_is_refused_and_nothing_is_fetched(data, stores, listener) -> None:
    query = data.draw(service_queries(listener.url))
    for store in stores.values():
        with pytest.raises(QueryError, match="SERVICE is not allowed"):
            execute(store, query, 10)
    assert listener.hits == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_updates_in_any_disguise_are_refused_and_nothing_is_fetched(data, stores, listener) -> None:
    keyword, query = data.draw(update_queries(listener.url))
    for store in stores.values():
        with pytest.raises(QueryError, match=f"{keyword} is not allowed"):
            execute(store, query, 10)
    assert listener.hits == []
    assert len(stores["memory"]) == 3 and len(stores["oxigraph"]) == 3


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(["service", "add", "load", "delete", "insert", "drop", "with", "from"]),
       gap=GAPS)
def test_variables_named_like_keywords_run(name, gap) -> None:
    query = check_read_only(f"PREFIX x: <http://x/>{gap}SELECT ?{name}{gap}WHERE {{ ?{name} x:p ?o }}")
    assert query.form == "SELECT" and query.variables == (name,)
