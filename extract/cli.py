"""`policykg` command line. Exit codes: 0 ok, 1 error, 2 bad input or usage."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from extract import contract
from extract.agencies import fold_key, registry
from extract.errors import PolicyKGError
from extract.files import write_atomic
from extract.pipeline import BUNDLED, corpus_files, extract_corpus

app = typer.Typer(help="policykg: facts and evidence from Vietnamese policy documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
FACTS = "facts.json"
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (the documented contract).")]
DocOption = Annotated[str | None, typer.Option(help="Only this document id.")]
_state: dict[str, Path] = {"workspace": Path("workspace")}


def fail(exc: PolicyKGError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


@app.callback()
def main(workspace: Annotated[Path, typer.Option("--workspace", "-w",
                                                 help="Folder that keeps one corpus's built facts.")]
         = Path("workspace")) -> None:
    _state["workspace"] = workspace


def build_workspace(corpus: Path, workspace: Path, show_progress: bool = True) -> dict[str, Any]:
    """Extract a corpus and store its facts in the workspace; returns the stored views."""
    files = corpus_files(corpus)
    start = time.perf_counter()
    if show_progress:
        with typer.progressbar(length=len(files), label="extracting", file=sys.stderr) as bar:
            facts = extract_corpus(corpus, on_doc=lambda _: bar.update(1))
    else:
        facts = extract_corpus(corpus)
    views: dict[str, Any] = dict(contract.everything(facts))
    views["build"] = {"corpus": str(corpus.resolve()), "seconds": round(time.perf_counter() - start, 3),
                      "observations": sum(len(d.observations) for d in facts.docs)}
    write_atomic(workspace / FACTS, json.dumps(views, ensure_ascii=False, indent=1))
    return views


def load(workspace: Path) -> dict[str, Any]:
    path = workspace / FACTS
    if not path.exists():
        return build_workspace(BUNDLED, workspace, show_progress=False)
    return json.loads(path.read_text(encoding="utf-8"))


def emit(rows: list[dict[str, Any]], as_json: bool, columns: list[str]) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        typer.echo(" | ".join(str(row.get(c, "")) for c in columns))


@app.command()
def build(corpus: Annotated[Path, typer.Option("--corpus", help="Folder of documents (default: bundled).")]
          = BUNDLED) -> None:
    """Extract a corpus into the workspace and print a summary."""
    try:
        views = build_workspace(corpus, _state["workspace"])
    except PolicyKGError as exc:
        fail(exc)
    b = views["build"]
    typer.echo(f"documents {len(views['docs'])}, agencies {len(views['agencies'])}, tasks {len(views['tasks'])}, "
               f"references {len({r['id'] for r in views['refs']})}, targets {len(views['targets'])}, "
               f"observations {b['observations']}, seconds {b['seconds']}")


@app.command()
def docs(as_json: JsonFlag = False) -> None:
    """Documents of the corpus."""
    rows = [{k: d[k] for k in ("id", "title", "kind", "status", "number", "issuer", "date", "source")}
            for d in load(_state["workspace"])["docs"]]
    emit(rows, as_json, ["id", "kind", "status", "number", "title"])


@app.command()
def agencies(as_json: JsonFlag = False) -> None:
    """Agencies and groups mentioned, with who holds their duties today."""
    emit(load(_state["workspace"])["agencies"], as_json, ["id", "name", "kind", "mentioned_in"])


def _agency_names(text: str) -> set[str]:
    agency = registry().resolve(text)
    return {agency.name} if agency else {text}


@app.command()
def tasks(as_json: JsonFlag = False,
          agency: Annotated[str | None, typer.Option(help="Any name, alias or abbreviation (MPI, Bộ KH&ĐT).")]
          = None,
          doc: DocOption = None,
          role: Annotated[str | None, typer.Option(help="lead | cooperating | responsible")] = None) -> None:
    """Tasks with owner, role, lead and cooperating agencies and evidence."""
    if role not in (None, "lead", "cooperating", "responsible"):
        fail(PolicyKGError(f"--role must be lead, cooperating or responsible, not '{role}'."))
    rows = load(_state["workspace"])["tasks"]
    if doc:
        rows = [r for r in rows if r["doc"] == doc]
    if agency:
        names = {fold_key(n) for n in _agency_names(agency)}
        rows = [r for r in rows
                if names & {fold_key(n) for n in [r["owner"], *r["owners"], *r["lead"], *r["cooperating"]]}]
        if role:
            rows = [r for r in rows if _role_of(r, names) == role]
    elif role:
        rows = [r for r in rows if r["owner_role"] == role]
    emit(rows, as_json, ["id", "section", "owner", "owner_role", "text"])


def _role_of(row: dict[str, Any], names: set[str]) -> str:
    if names & {fold_key(n) for n in row["lead"]}:
        return "lead"
    if names & {fold_key(n) for n in row["cooperating"]}:
        return "cooperating"
    return row["owner_role"]


@app.command()
def refs(as_json: JsonFlag = False, doc: DocOption = None) -> None:
    """Legal documents cited, with relation and evidence."""
    rows = [{k: r[k] for k in ("id", "kind", "number", "year", "issuer", "name", "cited_by", "relation",
                                "evidence", "ambiguous", "title")}
            for r in load(_state["workspace"])["refs"] if not doc or r["in_document"] == doc]
    emit(rows, as_json, ["id", "relation", "cited_by"])


@app.command()
def targets(as_json: JsonFlag = False, doc: DocOption = None) -> None:
    """Targets with observations and status."""
    rows = [r for r in load(_state["workspace"])["targets"] if not doc or r["doc"] == doc]
    emit(rows, as_json, ["id", "indicator", "value", "unit", "year", "status"])


def run() -> None:
    """Console entry point: a clear one-line error, never a traceback."""
    try:
        app()
    except PolicyKGError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
