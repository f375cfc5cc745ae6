"""The query guard: what a console query may do, decided from its parsed form, never from keywords.

A query is parsed with rdflib's SPARQL parser after its \\u escapes are expanded (as SPARQL says,
before parsing), and its parse tree and algebra are walked. Updates (INSERT, DELETE, LOAD, CLEAR, …),
SERVICE (a request to any address) and FROM / FROM NAMED (rdflib loads those from the web) are
refused. The stores then receive the text the guard parsed (`ReadOnlyQuery.text`), so no store can
read the query differently from the guard: that text has no escapes left to expand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pyparsing as pp

from extract.errors import PolicyKGError

if TYPE_CHECKING:
    from rdflib.plugins.sparql.parserutils import CompValue

MAX_QUERY_CHARS = 100_000
_UPDATES = {"InsertData": "INSERT", "DeleteData": "DELETE", "DeleteWhere": "DELETE", "Load": "LOAD",
            "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE", "Copy": "COPY"}
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_READ_ONLY = "the console is read-only (SELECT, ASK, CONSTRUCT or DESCRIBE)."


@cache
def _sparql() -> tuple[Any, Any, type[CompValue]]:
    """rdflib's SPARQL parser, algebra and CompValue, imported on the first query checked (building the
    grammar takes ~0.5 s, which every store user would otherwise pay at import)."""
    from rdflib.plugins.sparql import algebra, parser
    from rdflib.plugins.sparql.parserutils import CompValue

    return parser, algebra, CompValue


class QueryError(PolicyKGError):
    """A query the console refuses or cannot run."""

    exit_code = 3


@dataclass(frozen=True)
class ReadOnlyQuery:
    """A query the guard accepted: its form and the exact text the stores receive."""

    form: str
    text: str
    prologue_end: int
    star: bool
    variables: tuple[str, ...]
    modified: bool

    def limited(self, n: int) -> str:
        """The query with at most `n` solutions, the LIMIT pushed into the query itself."""
        if self.form == "SELECT":
            head, body = self.text[:self.prologue_end], self.text[self.prologue_end:]
            projection = "*" if self.star else " ".join("?" + v for v in self.variables)
            return f"{head}\nSELECT {projection} WHERE {{\n{body}\n}}\nLIMIT {n}"
        if self.form in ("CONSTRUCT", "DESCRIBE") and not self.modified:
            return f"{self.text}\nLIMIT {n}"
        return self.text  # ASK has one answer; a modified CONSTRUCT is cut while its triples stream


def _nodes(node: Any) -> Iterator[CompValue]:
    """Every CompValue in a parse tree or algebra (CompValues are dicts; lists and ParseResults nest)."""
    comp_value = _sparql()[2]
    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, comp_value):
            yield item
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple | pp.ParseResults):
            stack.extend(item)


def _refuse_update(text: str) -> None:
    """A QueryError naming the update operation when the text parses as an update."""
    parser, _algebra, comp_value = _sparql()
    try:
        update = parser.parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update either: the caller reports the syntax error
        return
    requests = list(update["request"]) if "request" in update else []
    first = requests[0] if requests and isinstance(requests[0], comp_value) else None
    if first is None:  # only a prologue or comments: reported as not a query
        return
    if first.name == "Modify":
        keyword = "DELETE" if "delete" in first else "INSERT"
    else:
        keyword = _UPDATES.get(first.name, first.name.upper())
    raise QueryError(f"{keyword} is not allowed: {_READ_ONLY}", "update", keyword=keyword)


def _parse(text: str) -> pp.ParseResults:
    try:
        return _sparql()[0].parseQuery(text)
    except pp.ParseException as exc:
        _refuse_update(text)
        near = exc.line.strip()[:60]
        raise QueryError(f"the query is not valid SPARQL near “{near}”: {exc.msg}.", "syntax", near=near) from None
    except (RecursionError, ValueError) as exc:
        raise QueryError(f"the query could not be parsed: {exc.__class__.__name__}.", "invalid") from None


def check_read_only(sparql: str) -> ReadOnlyQuery:
    """The query as the stores will receive it, or a QueryError saying why it is refused."""
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS:,} characters.", "too_long", chars=MAX_QUERY_CHARS)
    parser, algebra, _comp_value = _sparql()
    try:
        text = parser.expandUnicodeEscapes(sparql)
    except ValueError as exc:
        raise QueryError(f"the query has an invalid \\u escape ({exc}).", "escape") from None
    if parser.expandUnicodeEscapes_re.search(text):  # an escape that spells an escape: read twice, read two ways
        raise QueryError("the query has a \\u escape that expands to another escape; write the character itself.",
                         "escape")
    if not text.strip():
        raise QueryError("the query is empty; write a SELECT, ASK, CONSTRUCT or DESCRIBE query.", "empty")
    parsed = _parse(text)
    query = parsed[1]
    try:
        tree = algebra.translateQuery(parsed)
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain Exceptions for invalid queries
        raise QueryError(f"the query is not valid: {exc}.", "invalid") from None
    for node in (*_nodes(parsed), *_nodes(tree.algebra)):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is not allowed: the console never sends requests to other addresses.", "service")
    if "datasetClause" in query:
        raise QueryError("FROM and FROM NAMED are not allowed: the console queries this workspace's graph only.",
                         "from")
    star = query.name == "SelectQuery" and "projection" not in query
    variables = tuple(str(v) for v in tree.algebra["PV"]) if query.name == "SelectQuery" else ()
    modified = any(k in query for k in ("limitoffset", "valuesClause", "groupby", "having", "orderby"))
    prologue_end = pp.Located(parser.Prologue).parse_string(text)[2]
    return ReadOnlyQuery(_FORMS[query.name], text, prologue_end, star, variables, modified)
