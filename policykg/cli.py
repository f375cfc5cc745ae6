"""`policykg` command line. Exit codes: 0 ok, 1 error, 2 bad input or usage, 3 query refused."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

try:  # typer ≥ 0.20 ships its own copy of click
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover
    from click.exceptions import NoArgsIsHelpError, UsageError  # type: ignore[assignment]

from extract.agencies import fold_key, registry
from extract.errors import InputError, PolicyKGError
from extract.pipeline import BUNDLED
from extract.rows import TaskRow
from graph.guard import MAX_QUERY_CHARS
from graph.remote import SparqlStore, is_remote
from policykg.export import FORMATS as EXPORT_FORMATS
from policykg.files import check_target, write_atomic

app = typer.Typer(help="policykg: facts and evidence from Vietnamese policy documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (the documented contract).")]
DocOption = Annotated[str | None, typer.Option(help="Only this document: its id or its number (2289/QĐ-TTg).")]
LimitOption = Annotated[int | None, typer.Option(min=1, help="A page: this many tasks, targets, citations "
                                                 "or agencies at most, in the order of their ids.")]
OffsetOption = Annotated[int, typer.Option(min=0, help="With --limit: skip this many first.")]
Role = Enum("Role", {k: k for k in ("lead", "cooperating", "responsible")}, type=str)  # type: ignore[misc]
ExportFormat = Enum("ExportFormat", {k: k for k in EXPORT_FORMATS}, type=str)  # type: ignore[misc]
_state: dict[str, Any] = {"workspace": Path("workspace"), "store": "oxigraph"}


def fail(exc: PolicyKGError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _workspace_folder(value: Path) -> Path:
    if value.exists() and not value.is_dir():
        raise typer.BadParameter(f"{value} is a file; give a workspace folder.")
    return value


def _store_name(value: str) -> str:
    if value not in ("oxigraph", "memory") and not is_remote(value):
        raise typer.BadParameter(f"'{value}' is not a store; choose oxigraph, memory or sparql+http://HOST:PORT/PATH.")
    return value


@app.callback()
def main(workspace: Annotated[Path, typer.Option("--workspace", "-w",
                                                 help="Folder that keeps one corpus's graph.",
                                                 callback=_workspace_folder)]
         = Path("workspace"),
         store: Annotated[str, typer.Option(help="oxigraph (embedded, fast), memory (rdflib), or a remote "
                                           "SPARQL 1.1 store: sparql+http://USER:PASSWORD@HOST:PORT/PATH.",
                                           callback=_store_name)]
         = "oxigraph") -> None:
    _state["workspace"] = workspace
    _state["store"] = store


def _store() -> Any:
    from policykg.workspace import open_workspace

    try:
        return open_workspace(_state["workspace"], _state["store"])
    except PolicyKGError as exc:
        fail(exc)


def emit(rows: Sequence[Mapping[str, object]], as_json: bool, columns: list[str]) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:  # a missing value is an empty cell, never "None"
        typer.echo(" | ".join("" if row.get(c) is None else str(row[c]) for c in columns))


@app.command()
def build(corpus: Annotated[Path, typer.Option("--corpus", help="Folder of documents (default: bundled).")]
          = BUNDLED,
          workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: one per core).")]
          = None,
          cluster: Annotated[str | None, typer.Option(help="Extract on a Dask cluster: local:N (N worker processes "
                                                      "started here) or tcp://SCHEDULER:8786.")] = None) -> None:
    """Extract a corpus, build its RDF graph into the workspace and print a summary."""
    from extract.pipeline import corpus_files
    from policykg.progress import Progress
    from policykg.workspace import build as build_workspace

    try:
        files = corpus_files(corpus)
        progress = Progress(len(files), sum(p.stat().st_size for p in files))
        summary = build_workspace(corpus, _state["workspace"], on_doc=progress.update, workers=workers,
                                  cluster=cluster)
        progress.close()
    except PolicyKGError as exc:
        fail(exc)
    _report(summary)


def _report(summary: Any) -> None:
    """The summary line, and a warning naming the SHACL report when the graph breaks its shapes."""
    from policykg.workspace import report_file

    typer.echo(summary.line())
    if is_remote(_state["store"]):
        from policykg.publish import publish

        try:
            sent = publish(_state["workspace"], _state["store"])
        except PolicyKGError as exc:
            fail(exc)
        typer.echo(f"published {sent} triples to {SparqlStore(_state['store']).endpoint.display}")
    if not summary.conforms:
        typer.echo(f"warning: the graph does not conform to the SHACL shapes; see "
                   f"{report_file(_state['workspace'])}", err=True)


@app.command()
def add(file: Annotated[Path, typer.Argument(help="A .txt, .md, .docx or .pdf document.")],
        kind: Annotated[str | None, typer.Option(help="strategy, programme, plan, report, resolution, …")] = None,
        number: Annotated[str | None, typer.Option(help="Its number, e.g. 50/NQ-CP.")] = None,
        date: Annotated[str | None, typer.Option(help="YYYY-MM-DD.")] = None,
        title: Annotated[str | None, typer.Option()] = None,
        status: Annotated[str | None, typer.Option(help="draft or final.")] = None,
        doc_id: Annotated[str | None, typer.Option("--id", help="Document id (default: from the file name).")]
        = None,
        replace: Annotated[bool, typer.Option("--replace", help="Replace the same document (same text, or "
                                              "same number and date) if it is already there.")] = False) -> None:
    """Add one document to the workspace; metadata not given comes from its header."""
    from policykg.workspace import add as add_document

    meta = {k: v for k, v in {"id": doc_id, "kind": kind, "number": number, "date": date, "title": title,
                               "status": status}.items() if v}
    try:
        summary = add_document(file, _state["workspace"], meta, replace=replace)
    except PolicyKGError as exc:
        fail(exc)
    _report(summary)


@app.command()
def docs(as_json: JsonFlag = False) -> None:
    """Documents of the corpus."""
    from graph import answers

    emit(answers.docs(_store()), as_json, ["id", "kind", "status", "number", "title"])


def _paged(view: str, name: str, limit: int | None, offset: int, **scope: Any) -> list[Any]:
    """An answer whole, or one page of it: read by keys (tasks, targets, …) when nothing else filters it."""
    from graph import answers

    store = _store()
    if limit is None:
        return getattr(answers, view)(store, **scope)  # type: ignore[no-any-return]
    keys = answers.keys(store, name)[offset:offset + limit]
    return getattr(answers, view)(store, keys=keys)  # type: ignore[no-any-return]


def _page_of(rows: list[Any], limit: int | None, offset: int) -> list[Any]:
    return rows if limit is None else rows[offset:offset + limit]


@app.command()
def agencies(as_json: JsonFlag = False, limit: LimitOption = None, offset: OffsetOption = 0) -> None:
    """Agencies and groups mentioned, with who holds their duties today (a page: each one's first documents)."""
    emit(_paged("agencies", "agencies", limit, offset), as_json, ["id", "name", "kind", "documents", "mentioned_in"])


def _agency_names(text: str) -> set[str]:
    agency = registry().resolve(text)
    return {fold_key(agency.name if agency else text)}


@app.command()
def tasks(as_json: JsonFlag = False,
          agency: Annotated[str | None, typer.Option(help="Any name, alias or abbreviation (MPI, Bộ KH&ĐT).")]
          = None,
          doc: DocOption = None,
          role: Annotated[Role | None, typer.Option()] = None,
          limit: LimitOption = None, offset: OffsetOption = 0) -> None:
    """Tasks with owner, role, lead and cooperating agencies and evidence."""
    role = role.value if role else None
    filtered = bool(doc or agency or role)
    rows = _paged("tasks", "tasks", None if filtered else limit, offset)
    if doc:
        doc = _doc_id(doc)
        rows = [r for r in rows if r["doc"] == doc]
    if agency:
        names = _agency_names(agency)
        rows = [r for r in rows
                if names & {fold_key(n) for n in [*r["owners"], *r["lead"], *r["cooperating"]]}]
        if role:
            rows = [r for r in rows if _role_of(r, names) == role]
    elif role:
        rows = [r for r in rows if r["owner_role"] == role]
    if filtered:
        rows = _page_of(rows, limit, offset)
    if not as_json:  # the table names a task without owner in words, JSON keeps null
        from policykg.ui.i18n import owner_name

        rows = [{**r, "owner": owner_name(r["owner"]), "owner_role": r["owner_role"] or ""} for r in rows]
    emit(rows, as_json, ["id", "section", "owner", "owner_role", "text"])


def _doc_id(key: str) -> str:
    """A corpus document's id from its id or the symbol it carries ("2289/QĐ-TTg")."""
    from graph import answers
    from graph.compare import symbol_key

    docs = answers.docs(_store())
    if any(d["id"] == key for d in docs):
        return key
    found = [d["id"] for d in docs if d["number"] and symbol_key(d["number"]) == symbol_key(key)]
    if len(found) != 1:
        what = "is ambiguous: " + ", ".join(found) if found else "names no document of the corpus"
        fail(PolicyKGError(f"--doc '{key}' {what}; use an id or a number from 'policykg docs --json'."))
    return found[0]


def _role_of(row: TaskRow, names: set[str]) -> str:
    if names & {fold_key(n) for n in row["lead"]}:
        return "lead"
    if names & {fold_key(n) for n in row["cooperating"]}:
        return "cooperating"
    return row["owner_role"] or ""


@app.command()
def refs(as_json: JsonFlag = False, doc: DocOption = None, limit: LimitOption = None,
         offset: OffsetOption = 0) -> None:
    """Legal documents cited, with relation and evidence."""
    doc = _doc_id(doc) if doc else None
    rows = [r for r in _paged("refs", "citations", None if doc else limit, offset)
            if not doc or r["evidence"]["doc"] == doc]
    emit(_page_of(rows, limit, offset) if doc else rows, as_json, ["id", "relation", "cited_by"])


@app.command()
def targets(as_json: JsonFlag = False, doc: DocOption = None, limit: LimitOption = None,
            offset: OffsetOption = 0) -> None:
    """Targets with observations and status."""
    doc = _doc_id(doc) if doc else None
    rows = [r for r in _paged("targets", "targets", None if doc else limit, offset) if not doc or r["doc"] == doc]
    emit(_page_of(rows, limit, offset) if doc else rows, as_json,
         ["id", "indicator", "value", "unit", "year", "status"])


@app.command("query")
def named_query(name: Annotated[str, typer.Argument(help="A named query without parameters (see --help for "
                                                    "the list: documents, tasks, targets, …).")],
                as_json: JsonFlag = False, limit: LimitOption = None, offset: OffsetOption = 0) -> None:
    """Rows of a named query, whole or one page (--limit keys from --offset, in key order)."""
    from graph.queries import QUERIES, pageable

    plain = sorted(n for n, q in QUERIES.items() if not q.params)
    if name not in plain:
        fail(InputError(f"no named query '{name}' without parameters; known: {', '.join(plain)}."))
    q = QUERIES[name]
    if limit is not None and not q.pageable:
        fail(InputError(f"'{name}' cannot be paged; pageable: {', '.join(pageable())}."))
    res = q.run(_store()) if limit is None else q.page(_store(), limit, offset)
    emit([dict(zip(res.variables, row, strict=True)) for row in res.rows], as_json, list(res.variables))


_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
GraphFormat = Enum("GraphFormat", {k: k for k in _FORMATS}, type=str)  # type: ignore[misc]


@app.command("export-graph")
def export_graph(fmt: Annotated[GraphFormat, typer.Option("--format")] = GraphFormat.ttl,  # type: ignore[attr-defined]
                 out: Annotated[Path | None, typer.Option(help="File to write (default: standard output).")]
                 = None,
                 force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False) -> None:
    """Export the whole graph."""
    from rdflib import Graph

    from policykg.workspace import graph_file

    try:
        if out is not None:
            check_target(out)
        if out is not None and out.exists() and not force:
            raise PolicyKGError(f"{out} exists; pass --force to overwrite it.")
        path = graph_file(_state["workspace"])
        try:
            graph = Graph().parse(path, format="nt")
        except Exception as exc:  # noqa: BLE001 - rdflib raises many types for a damaged file
            raise PolicyKGError(f"{path}: the graph file is damaged ({exc.__class__.__name__}); "
                                "rebuild the workspace with 'policykg build'.") from None
    except PolicyKGError as exc:
        fail(exc)
    from graph.namespace import PREFIXES

    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    text = graph.serialize(format=_FORMATS[fmt.value])
    if out is None:
        typer.echo(text)
        return
    try:
        write_atomic(out, text)
    except PolicyKGError as exc:
        fail(exc)


def _positive_seconds(value: float) -> float:
    from policykg.console import MAX_TIMEOUT

    if not (math.isfinite(value) and 0 < value <= MAX_TIMEOUT):
        raise typer.BadParameter(f"give a number of seconds above 0 and at most {MAX_TIMEOUT:g}, not {value}.")
    return value


def _query_text(query: str) -> str:
    """The query itself, or the text of the .rq/.sparql file it names."""
    path = Path(query)
    if path.suffix.lower() not in (".rq", ".sparql") or len(query) > 4096 or "\n" in query or "{" in query:
        return query
    if not path.exists():
        raise InputError(f"{path}: no such query file; check the path.")
    if not path.is_file():
        raise InputError(f"{path}: not a file; give a .rq file with one query in it.")
    if path.stat().st_size > MAX_QUERY_CHARS * 4:
        raise InputError(f"{path}: longer than {MAX_QUERY_CHARS:,} characters; is this a query?")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save the query as UTF-8.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None


@app.command()
def sparql(query: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a .rq/.sparql file.")],
           limit: Annotated[int, typer.Option(help="Row limit.", min=1, max=100_000)] = 1000,
           timeout: Annotated[float, typer.Option(help="Seconds before the query is stopped.",
                                                  callback=_positive_seconds)] = 10.0,
           as_json: JsonFlag = False) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph, in a worker process."""
    from graph.queries import PREFIX_BLOCK
    from policykg.console import Console, run_remote
    from policykg.workspace import graph_file

    try:
        text = _query_text(query)
        if is_remote(_state["store"]):
            result = run_remote(SparqlStore(_state["store"], timeout=timeout), PREFIX_BLOCK + text, limit)
        else:
            console = Console(graph_file(_state["workspace"]), _state["store"], workers=1)
            try:
                result = console.run(PREFIX_BLOCK + text, limit=limit, timeout=timeout)
            finally:
                console.close()
    except PolicyKGError as exc:
        fail(exc)
    if result.boolean is not None:
        typer.echo(json.dumps(result.boolean) if as_json else str(result.boolean).lower())
        return
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.variables)
        writer.writerows(result.rows)
        typer.echo(buf.getvalue().rstrip("\n"))
    if result.truncated:
        typer.echo(f"warning: only the first {limit} rows are shown (--limit).", err=True)


@app.command()
def export(out: Annotated[Path, typer.Option(help="File to write (its name is sanitised).")],
           fmt: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.ttl,  # type: ignore[attr-defined]
           focus: Annotated[str | None, typer.Option(help="A node: IRI, document id or agency name.")] = None,
           depth: Annotated[int, typer.Option(help="Neighbourhood depth around --focus.", min=1, max=5)] = 1,
           doc: DocOption = None,
           query_name: Annotated[str | None, typer.Option("--query", help="A named query (no parameters).")]
           = None,
           force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False) -> None:
    """Export one piece of the graph (a focus and its neighbourhood, a document, or a query's rows)."""
    from policykg.selection import export_selection

    if sum(x is not None for x in (focus, doc, query_name)) != 1:
        fail(PolicyKGError("give exactly one of --focus, --doc or --query."))
    try:
        path = export_selection(_state["workspace"], fmt.value, out, focus=focus, depth=depth, doc=doc,
                                query_name=query_name, force=force)
    except PolicyKGError as exc:
        fail(exc)
    typer.echo(str(path))


Threshold = Annotated[float, typer.Option(help="Minimum TF-IDF cosine for a task pair.")]


def _rows_and_ids(*keys: str) -> tuple[Any, list[str]]:
    from graph.compare import Rows, resolve_doc

    rows = Rows.of(_store())
    try:
        return rows, [resolve_doc(rows, k) for k in keys]
    except KeyError as exc:
        fail(PolicyKGError(str(exc.args[0])))
        raise


def _compared(compare: Any, a: str, b: str, threshold: float, as_json: bool) -> dict[str, Any] | None:
    """Resolve two documents and compare them; print JSON and return None when --json is given.

    The plain result carries "symbols": each document's symbol ("2289/QĐ-TTg"), for the lines printed."""
    rows, (x, y) = _rows_and_ids(a, b)
    result: dict[str, Any] = compare(rows, x, y, threshold)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return None
    symbols = {r["id"]: r["number"] for r in rows.refs if r["number"]}
    symbols |= {d["id"]: d["number"] for d in rows.docs if d["number"]}
    return {**result, "symbols": symbols}


@app.command()
def diff(draft: str, final: str, as_json: JsonFlag = False, threshold: Threshold = 0.35) -> None:
    """What changed between a draft and its final text: targets, agencies' duties."""
    from graph.compare import diff as compare

    result = _compared(compare, draft, final, threshold, as_json)
    if result is None:
        return
    for kind in ("removed", "added", "changed"):
        for t in result["targets"][kind]:
            t = t.get("draft", t)
            typer.echo(f"target {kind}: {t['indicator_label']} {t['year']} {t['comparator'] or ''} {t['value'] or ''}")
    for ag in result["agencies"]:
        if ag["status"] != "same":
            typer.echo(f"agency {ag['status']}: {ag['agency']} ({ag['draft_tasks']} -> {ag['final_tasks']} tasks)")


@app.command()
def overlap(a: str, b: str, as_json: JsonFlag = False, threshold: Threshold = 0.35) -> None:
    """Where two documents (in the corpus or only cited) overlap."""
    from graph.compare import overlap as compare

    result = _compared(compare, a, b, threshold, as_json)
    if result is None:
        return
    def sym(doc: str) -> str:
        return str(result["symbols"].get(doc, doc))

    def task(t: dict[str, Any]) -> str:
        return f"{sym(t['doc'])} §{t['section']} ({t['owner'] or '-'})"

    for r in result["relations"]:
        typer.echo(f"{sym(r['from'])} {r['relation']} {sym(r['to'])} (§{r['section']})")
    for c in result["shared_citations"]:
        typer.echo(f"both cite {sym(c['id'])} ({c['relation_a']} / {c['relation_b']})")
    for s in result["shared_agencies"]:
        typer.echo(f"shared agency: {s['agency']} ({len(s['in_a'])} / {len(s['in_b'])} tasks)")
    for p in result["similar_tasks"]:
        typer.echo(f"{p['score']:.2f} {task(p['a'])} ~ {task(p['b'])}: {'; '.join(p['shared_terms'])}")


def run(args: list[str] | None = None) -> None:
    """Console entry point: one line on standard error and the documented exit code, never a traceback."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args, prog_name="policykg", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        code = 2
    except UsageError as exc:
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        typer.echo(f"error: {exc.format_message()}{where}", err=True)
        code = 2
    except typer.Abort:
        typer.echo("error: stopped.", err=True)
        code = 1
    except PolicyKGError as exc:
        typer.echo(f"error: {exc}", err=True)
        code = exc.exit_code
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
