import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    result = runner.invoke(app, ["--workspace", str(ws), "build"])
    assert result.exit_code == 0, result.output
    assert "documents 4" in result.output and "tasks" in result.output
    return ws


def run_json(ws: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["--workspace", str(ws), *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_docs_contract(workspace) -> None:
    rows = run_json(workspace, "docs")
    assert [r["id"] for r in rows] == ["000", "001", "003", "004"]
    assert set(rows[0]) == {"id", "title", "kind", "status", "number", "issuer", "date", "source"}
    assert rows[0]["number"] == "2289/QĐ-TTg" and rows[0]["source"] == "000_3f9865436df15698.txt"
    table = runner.invoke(app, ["--workspace", str(workspace), "docs"]).output.splitlines()
    assert table[0].startswith("000 | strategy | final | 2289/QĐ-TTg | ")
    unnumbered = next(r for r in rows if r["number"] is None)  # the draft carries no number
    assert f"{unnumbered['id']} | {unnumbered['kind']} | draft |  | " in table[rows.index(unnumbered)]
    assert "None" not in "".join(table)


def test_a_task_that_names_no_agency_is_null_in_json_and_in_words_in_the_table(workspace) -> None:
    rows = run_json(workspace, "tasks", "--doc", "001")
    unowned = [r for r in rows if r["owner"] is None]
    assert unowned and all(r["owner_role"] is None and r["owners"] == [] for r in unowned)
    table = runner.invoke(app, ["--workspace", str(workspace), "tasks", "--doc", "001"]).output
    assert f"{unowned[0]['id']} | {unowned[0]['section']} | chưa giao cơ quan chủ trì |  | " in table
    assert "| None |" not in table


def test_agencies_contract(workspace) -> None:
    rows = {r["id"]: r for r in run_json(workspace, "agencies")}
    assert {"id", "name", "name_en", "abbreviations", "kind", "mentioned_in", "successor"} <= set(rows["mpi"])
    assert rows["mpi"]["successor"]["name"] == "Bộ Tài chính" and rows["mpi"]["successor"]["since"] == "2025-03-01"
    assert rows["bca"]["successor"] is None
    assert rows["vcci-old"]["successor"]["id"] == "vcci"


def test_tasks_contract_and_filters(workspace) -> None:
    rows = run_json(workspace, "tasks", "--agency", "MPI", "--doc", "000")
    assert rows and all("Bộ Kế hoạch và Đầu tư" in [r["owner"], *r["lead"], *r["cooperating"]] for r in rows)
    keys = {"id", "doc", "section", "text", "owner", "owner_role", "lead", "cooperating", "kind", "deadline",
            "evidence"}
    assert keys <= set(rows[0]) and set(rows[0]["evidence"]) >= {"doc", "start", "end", "quote"}
    leads = run_json(workspace, "tasks", "--agency", "Bộ KH&CN", "--role", "lead", "--doc", "000")
    assert leads and all("Bộ Khoa học và Công nghệ" in r["lead"] for r in leads)


def test_refs_and_targets_contract(workspace) -> None:
    refs = run_json(workspace, "refs", "--doc", "000")
    assert {"id", "kind", "number", "year", "issuer", "name", "cited_by", "relation", "evidence"} <= set(refs[0])
    # the number is the symbol the document carries, the numeral its own field; --doc takes the symbol too
    numbers = {r["id"]: (r["number"], r["numeral"]) for r in refs}
    assert numbers["nq-52-tw-2019"] == ("52-NQ/TW", "52") and numbers["nq-50-cp-2020"] == ("50/NQ-CP", "50")
    assert run_json(workspace, "refs", "--doc", "2289/QĐ-TTg") == refs
    assert run_json(workspace, "tasks", "--doc", "2289/qđ-ttg") == run_json(workspace, "tasks", "--doc", "000")
    out = runner.invoke(app, ["--workspace", str(workspace), "refs", "--doc", "9999/QĐ-TTg", "--json"])
    assert out.exit_code != 0 and "9999/QĐ-TTg" in out.output and "Traceback" not in out.output
    targets = run_json(workspace, "targets", "--doc", "000")
    keys = {"id", "doc", "indicator", "value", "unit", "comparator", "year", "scope", "quantitative", "text",
            "observations", "status", "evidence"}
    assert keys <= set(targets[0])


@pytest.mark.parametrize("command", ["tasks", "targets", "refs", "agencies"])
def test_pages_of_an_answer_are_its_rows_once(workspace, command) -> None:
    """--limit/--offset: consecutive pages hold every row of the whole answer once."""
    whole = run_json(workspace, command)
    size = max(1, len(whole) // 3)
    pages = [run_json(workspace, command, "--limit", str(size))]
    while pages[-1]:
        pages.append(run_json(workspace, command, "--limit", str(size), "--offset", str(len(pages) * size)))
    if command != "refs":  # a citation cited in two passages is two rows
        assert all(len(p) <= size for p in pages)
    seen = [json.dumps(r, sort_keys=True, ensure_ascii=False) for p in pages for r in p]
    # as many times as in the whole answer (two citations can read the same), so none on two pages
    assert sorted(seen) == sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in whole)


def test_a_filtered_answer_is_paged_after_the_filter(workspace) -> None:
    rows = run_json(workspace, "tasks", "--doc", "001")
    assert run_json(workspace, "tasks", "--doc", "001", "--limit", "3", "--offset", "2") == rows[2:5]


def test_named_query_command_pages_by_key(workspace) -> None:
    whole = run_json(workspace, "query", "task_agencies")
    first = run_json(workspace, "query", "tasks", "--limit", "5")
    assert len({r["task"] for r in first}) == 5 and {"task", "owner", "quote"} <= set(first[0])
    paged = [r for k in range(0, 400, 150) for r in run_json(workspace, "query", "task_agencies", "--limit", "150",
                                                               "--offset", str(k))]
    assert sorted(map(str, paged)) == sorted(map(str, whole)) and whole
    for args, message in ((["query", "changes", "--limit", "2"], "cannot be paged"),
                          (["query", "tasks_by_agency"], "without parameters"),
                          (["tasks", "--limit", "0"], "Invalid value")):
        out = runner.invoke(app, ["--workspace", str(workspace), *args])
        assert out.exit_code == 2 and message in out.output and "Traceback" not in out.output


@pytest.mark.parametrize("args, code, message", [
    (["build", "--corpus", "/no/such/folder"], 2, "no such corpus folder"),
    (["tasks", "--role", "boss"], 2, "is not one of"),
])
def test_errors_are_one_line(tmp_path, args, code, message) -> None:
    result = runner.invoke(app, ["--workspace", str(tmp_path), *args])
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output


def test_build_of_new_documents_without_manifest(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kh.txt").write_text(
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 12/KH-UBND\nHà Giang, ngày 5 tháng 3 năm 2024\n"
        "KẾ HOẠCH\nTRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024\n"
        "Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị;\n"
        "II. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông\n- Chủ trì, phối hợp với các sở, ngành liên quan "
        "xây dựng nền tảng dữ liệu, hoàn thành trong năm 2024.\n", encoding="utf-8")
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["--workspace", str(ws), "build", "--corpus", str(corpus)]).exit_code == 0
    (doc,) = run_json(ws, "docs")
    assert (doc["kind"], doc["number"], doc["date"]) == ("plan", "12/KH-UBND", "2024-03-05")
    assert doc["issuer"] == "Ủy ban nhân dân tỉnh Hà Giang"
    (task,) = run_json(ws, "tasks")
    # a provincial plan's bare "Sở …" is that province's department, under its People's Committee
    assert task["owner"] == "Sở Thông tin và Truyền thông tỉnh Hà Giang" and task["owner_role"] == "lead"
    assert task["deadline"] == "trong năm 2024"
    agencies = {a["name"]: a for a in run_json(ws, "agencies")}
    department = agencies["Sở Thông tin và Truyền thông tỉnh Hà Giang"]
    assert department["parent"] == {"id": "ubnd-p-ha-giang", "name": "Ủy ban nhân dân tỉnh Hà Giang"}
    assert "Hà Giang" not in agencies  # "Hà Giang, ngày …" is a place
    (ref,) = run_json(ws, "refs")
    assert (ref["id"], ref["relation"]) == ("nq-52-tw-2019", "based_on")


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_export_graph_reparses(workspace, tmp_path, fmt) -> None:
    from rdflib import Graph
    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["--workspace", str(workspace), "export-graph", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format={"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt])
    assert len(graph) > 10000
    again = runner.invoke(app, ["--workspace", str(workspace), "export-graph", "--format", fmt, "--out", str(out)])
    assert again.exit_code == 1 and "--force" in again.output  # never overwrites without being asked


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_sparql_console(workspace, store) -> None:
    q = "SELECT ?name (COUNT(?t) AS ?n) WHERE { ?t pkg:owner/skos:prefLabel ?name FILTER(lang(?name)='vi') } " \
        "GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 3"
    result = runner.invoke(app, ["--workspace", str(workspace), "--store", store, "sparql", q, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3 and rows[0]["name"] == "Bộ Thông tin và Truyền thông"
    refused = runner.invoke(app, ["--workspace", str(workspace), "sparql", "DELETE WHERE { ?s ?p ?o }"])
    assert refused.exit_code == 3 and "read-only" in refused.output
    limited = runner.invoke(app, ["--workspace", str(workspace), "--store", store, "sparql",
                                  "SELECT ?s WHERE { ?s a pkg:Task }", "--limit", "2", "--json"])
    assert len(json.loads(limited.stdout)) == 2


NQ = """CHÍNH PHỦ
Số: 50/NQ-CP
Hà Nội, ngày 17 tháng 4 năm 2020
NGHỊ QUYẾT
BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 52-NQ/TW
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
III. NHIỆM VỤ, GIẢI PHÁP
1. Bộ Thông tin và Truyền thông
- Chủ trì, phối hợp với các bộ, ngành liên quan phát triển hạ tầng số an toàn, hiện đại, đáp ứng nhu cầu
chuyển đổi số.
2. Bộ Khoa học và Công nghệ
- Định kỳ báo cáo kết quả thực hiện Nghị quyết gửi Bộ Khoa học và Công nghệ để tổng hợp.
"""


def test_add_a_resolution_joins_the_overlap(tmp_path) -> None:
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["--workspace", str(ws), "build"]).exit_code == 0
    path = tmp_path / "nq50.txt"
    path.write_text(NQ, encoding="utf-8")
    result = runner.invoke(app, ["--workspace", str(ws), "add", str(path), "--id", "nq50"])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in run_json(ws, "docs")}
    assert docs["nq50"]["number"] == "50/NQ-CP" and docs["nq50"]["kind"] == "resolution"
    tasks = [t for t in run_json(ws, "tasks", "--doc", "nq50")]
    assert {t["owner"] for t in tasks} == {"Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"}
    out = runner.invoke(app, ["--workspace", str(ws), "overlap", "50/NQ-CP", "2289/QĐ-TTg", "--json"])
    overlap = json.loads(out.output)
    assert overlap["similar_tasks"], "the resolution's tasks join the task-level overlap"
    assert any(s["agency"] == "Bộ Thông tin và Truyền thông" for s in overlap["shared_agencies"])
    # the plain lines name documents by their symbols and tasks by symbol, section and owner, never by id
    text = runner.invoke(app, ["--workspace", str(ws), "overlap", "50/NQ-CP", "2289/QĐ-TTg"]).output
    pair = overlap["similar_tasks"][0]
    assert f"50/NQ-CP §{pair['a']['section']} ({pair['a']['owner']}) ~ 2289/QĐ-TTg §{pair['b']['section']}" in text
    assert "nq50" not in text and "000" not in text.replace("2289", "")


def test_a_failed_add_leaves_the_workspace_untouched(tmp_path) -> None:
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["--workspace", str(ws), "build"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in ws.iterdir() if p.is_file()}
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 \x00\x01")
    result = runner.invoke(app, ["--workspace", str(ws), "add", str(bad)])
    assert result.exit_code == 2 and "error:" in result.output
    assert {p.name: p.read_bytes() for p in ws.iterdir() if p.is_file()} == before


def mismatches(value: object, hint: object, where: str, graph: bool) -> list[str]:
    """Where a JSON value differs from its type in extract/rows.py (keys, nesting, scalar types).

    Rows from the graph (the CLI's) carry exactly the required keys; extraction rows may add the optional ones.
    """
    import types
    import typing

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        found = [mismatches(value, a, where, graph) for a in args]
        return [] if any(not f for f in found) else min(found, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        return [m for i, v in enumerate(value) for m in mismatches(v, args[0], f"{where}[{i}]", graph)]
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        required, optional = hint.__required_keys__, hint.__optional_keys__  # type: ignore[attr-defined]
        keys = set(value)
        out = [f"{where}: missing {sorted(required - keys)}"] if required - keys else []
        extra = keys - required if graph else keys - required - optional
        out += [f"{where}: unexpected {sorted(extra)}"] if extra else []
        hints = typing.get_type_hints(hint)
        return out + [m for k in keys & set(hints) for m in mismatches(value[k], hints[k], f"{where}.{k}", graph)]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not null"]
    allowed = (int, float) if hint is float else (hint,)
    ok = isinstance(value, allowed) and not (hint is not bool and isinstance(value, bool))  # type: ignore[arg-type]
    return [] if ok else [f"{where}: {value!r} is not {getattr(hint, '__name__', hint)}"]


@pytest.mark.parametrize("command", ["docs", "agencies", "tasks", "refs", "targets"])
def test_json_rows_have_exactly_the_keys_and_types_of_their_row_type(workspace, corpus, command) -> None:
    """The CLI's rows (from the graph) and the extraction's rows (extract.contract) against extract/rows.py."""
    from extract import contract
    from extract.rows import ROWS

    row_type = ROWS[command]
    printed = run_json(workspace, command)
    assert printed
    assert [m for i, r in enumerate(printed) for m in mismatches(r, row_type, f"{command}[{i}]", True)] == []
    assert all(set(r) == row_type.__required_keys__ for r in printed)  # type: ignore[attr-defined]
    extracted = json.loads(json.dumps(getattr(contract, command)(corpus), ensure_ascii=False))
    assert [m for i, r in enumerate(extracted) for m in mismatches(r, row_type, f"{command}[{i}]", False)] == []


def test_the_row_check_sees_a_missing_key_an_extra_key_and_a_wrong_type() -> None:
    from extract.rows import DocRow, TargetRow

    good = {"id": "000", "title": "Kế hoạch", "kind": "plan", "status": "final", "number": None, "issuer": None,
            "date": None, "source": "kh.txt"}
    assert mismatches(good, DocRow, "d", True) == []
    assert mismatches({**good, "relations": []}, DocRow, "d", True) == ["d: unexpected ['relations']"]
    assert mismatches({**good, "relations": []}, DocRow, "d", False) == []
    assert mismatches({k: v for k, v in good.items() if k != "title"}, DocRow, "d", True) == ["d: missing ['title']"]
    assert mismatches({**good, "title": None}, DocRow, "d", True) == ["d.title: None is not str"]
    ev = {"doc": "000", "section": "II.1", "start": 3, "end": "9", "quote": "Bộ Công an"}
    target = {"id": "t", "doc": "000", "indicator": "i", "indicator_label": "Tỷ lệ", "value": 80, "unit": "%",
              "comparator": None, "year": 2025, "scope": None, "quantitative": True, "text": "80%",
              "observations": [{"year": 2024, "value": 70.5, "unit": "%", "scope": None, "evidence": ev}],
              "status": "on_track", "evidence": {**ev, "end": 9}}
    assert mismatches(target, TargetRow, "t", True) == ["t.observations[0].evidence.end: '9' is not int"]


def test_a_document_cited_in_two_wordings_is_one_row_per_citation(workspace) -> None:
    rows = run_json(workspace, "refs")
    keys = [(r["id"], r["cited_by"], r["relation"], r["evidence"]["start"]) for r in rows]
    assert len(keys) == len(set(keys))
    # the draft and the final text name this programme "… 2018-2025" and "… 2018 - 2025": one node, two names
    smart = [r for r in rows if r["id"].startswith("de-an-phat-trien-do-thi-thong-minh")]
    assert {r["cited_by"] for r in smart} == {"000", "001"}
    assert len(smart) == len({(r["cited_by"], r["evidence"]["start"]) for r in smart})
