"""Bad input, generated: each case gives its exit code and one line, and the workspace stays byte-identical."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_console import RUNAWAY
from tests.test_readers import cp1258

VI = ("KẾ HOẠCH\nTriển khai chuyển đổi số năm 2025\nII. NHIỆM VỤ\n"
      "1. Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng xây dựng đề án an ninh mạng.\n")


def cpu_of_children() -> float:
    """CPU seconds used so far by the child processes this test has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def policykg(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "kh.txt").write_text(VI, encoding="utf-8")
    done = policykg("--workspace", str(root / "ws"), "build", "--corpus", str(corpus))
    assert done.returncode == 0, done.stderr
    # a first good query makes the generation's lazily written caches (the union graph file), so
    # that what a refused command leaves behind is compared with a workspace already in use
    done = policykg("--workspace", str(root / "ws"), "sparql", "ASK { ?s ?p ?o }")
    assert done.returncode == 0, done.stderr
    return root / "ws"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path (a stray temporary file shows up too)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def docx_bytes(document_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX: content types, relationships and the given document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument'
                   '.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
          + f']><w:document {W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')


def bomb() -> bytes:
    """1 MB of DOCX that unzips to 400 MB of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            block = b"\0" * 2**24
            for _ in range(25):
                f.write(block)
    return buf.getvalue()


def blank_pdf() -> bytes:
    """A PDF with a page and no text layer (what a scan without OCR looks like)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)


Make = Callable[[Path], None]


def data(name: str, content: bytes | Callable[[], bytes]) -> tuple[str, Make]:
    def make(path: Path) -> None:
        path.write_bytes(content() if callable(content) else content)
    return name, make


ADD_REFUSED: list[tuple[str, Make, int, str]] = [
    (*data("empty.txt", b""), 2, "the file is empty"),
    (*data("bom.txt", b"\xef\xbb\xbf"), 2, "the file is empty"),
    (*data("bom-space.txt", b"\xef\xbb\xbf \r\n\t\xe2\x80\x8b\n"), 2, "the file is empty"),
    (*data("utf16-bom-only.txt", b"\xff\xfe"), 2, "the file is empty"),
    (*data("binary.txt", bytes(range(256)) * 64), 2, "binary file"),
    (*data("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), 2, "binary file"),
    (*data("french.txt", "Le ministère de la santé a décidé du rôle de l'hôpital.".encode("cp1252")), 2,
     "not Vietnamese in Windows-1258"),
    (*data("german.txt", "Die Größe der Straße für Bürger".encode("cp1252")), 2, "not Vietnamese in Windows-1258"),
    (*data("utf16-odd.txt", VI.encode("utf-16") + b"\x00"), 2, "odd number of bytes"),
    (*data("utf16-surrogate.txt", b"\xff\xfe" + "Bộ Công an ".encode("utf-16-le") + b"\x00\xd8a\x00"), 2,
     "broken UTF-16"),
    (*data("utf16be-surrogate.txt", b"\xfe\xff" + "Bộ".encode("utf-16-be") + b"\xdc\x00"), 2, "broken UTF-16"),
    (*data("bad-after-bom.txt", b"\xef\xbb\xbfB\xff\xfe"), 2, "not valid UTF-8 after its BOM"),
    ("big.txt", lambda p: sparse(p, 30 * 2**20), 2, "larger than 20 MB"),
    (*data("corrupt.docx", b"PK\x03\x04 this is not really a zip archive"), 2, "not a readable .docx"),
    (*data("truncated.docx", lambda: docx_bytes(f"<w:document {W}/>")[:300]), 2, "not a readable .docx"),
    (*data("bomb.docx", bomb), 2, "zip bomb"),
    (*data("laughs.docx", lambda: docx_bytes(LAUGHS)), 2, "not a readable .docx|has no text"),
    (*data("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage"), 2,
     "not a readable PDF|no text layer"),
    (*data("scan.pdf", blank_pdf), 2, "no text layer"),
    (*data("notes.odt", b"PK\x03\x04"), 2, "no reader for '.odt'"),
    ("folder.txt", lambda p: p.mkdir(), 2, "not a regular file"),
    ("pipe.txt", lambda p: os.mkfifo(p), 2, "not a regular file"),
    ("missing.txt", lambda p: None, 2, "no such file"),
]


@pytest.mark.parametrize("name, make, code, message", ADD_REFUSED, ids=[c[0] for c in ADD_REFUSED])
def test_add_refuses_bad_files_and_leaves_the_workspace_alone(workspace, tmp_path, name, make, code,
                                                               message) -> None:
    path = tmp_path / name
    make(path)
    before = snapshot(workspace)
    cpu = cpu_of_children()
    done = policykg("--workspace", str(workspace), "add", str(path), timeout=300)
    assert done.returncode == code, done.stderr
    err = done.stderr.strip()
    assert err.startswith("error:") and "\n" not in err and "Traceback" not in err, err
    assert re.search(message, err), err
    # a bomb or a 30 MB file is refused at once, not read: CPU seconds, which a loaded machine does not stretch
    assert cpu_of_children() - cpu < 15
    assert snapshot(workspace) == before


def test_a_zip_bomb_is_refused_in_under_a_second(tmp_path) -> None:
    from extract.errors import InputError
    from extract.readers import read

    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb())
    assert path.stat().st_size < 2 * 2**20
    start = time.process_time()  # CPU seconds: a loaded machine does not stretch them
    with pytest.raises(InputError, match="zip bomb"):
        read(path)
    assert time.process_time() - start < 1.0


def test_xml_entities_stay_unresolved(tmp_path) -> None:
    """A DOCX with nested entities (a billion laughs) is read at once, with nothing expanded."""
    from extract.errors import InputError
    from extract.readers import read

    path = tmp_path / "laughs.docx"
    path.write_bytes(docx_bytes(LAUGHS.replace("<w:t>&i;</w:t>", "<w:t>Bộ Công an &i;</w:t>")))
    start = time.process_time()
    try:
        text = read(path)
    except InputError:
        text = ""
    assert time.process_time() - start < 1.0 and "lol" not in text


MANIFESTS = [
    ("not json", b"{", "not UTF-8 JSON"),
    ("not utf-8", cp1258('{"documents": [{"file": "kh.txt", "title": "Kế hoạch"}]}'), "not UTF-8 JSON"),
    ("a list", b"[]", "not a valid manifest"),
    ("documents not a list", b'{"documents": 3}', "not a valid manifest"),
    ("entry without file", b'{"documents": [{"id": "kh"}]}', "needs a \"file\""),
    ("entry not an object", b'{"documents": ["kh.txt"]}', "not a valid manifest"),
    ("file not a string", b'{"documents": [{"file": 7}]}', "wrong type"),
    ("relations not a list", b'{"documents": [{"file": "kh.txt", "relations": "000"}]}', "wrong type"),
    ("empty", b"", "not UTF-8 JSON"),
]


@pytest.mark.parametrize("label, manifest, message", MANIFESTS, ids=[m[0] for m in MANIFESTS])
def test_malformed_manifests(workspace, tmp_path, label, manifest, message) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kh.txt").write_text(VI, encoding="utf-8")
    (corpus / "manifest.json").write_bytes(manifest)
    before = snapshot(workspace)
    done = policykg("--workspace", str(workspace), "build", "--corpus", str(corpus))
    err = done.stderr.strip().splitlines()[-1]  # after the progress bar
    assert done.returncode == 2 and err.startswith("error:") and message in err, done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(workspace) == before


def _query_file(kind: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "q.rq"
        if kind == "folder":
            path.mkdir()
        elif kind == "undecodable":
            path.write_bytes("SELECT * WHERE { ?s ?p 'Bộ' }".encode("utf-16"))
        elif kind == "missing":
            pass
        return path
    return make


USAGE = [
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--timeout", "inf"], 2, "Invalid value for '--timeout'"),
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--timeout", "nan"], 2, "Invalid value for '--timeout'"),
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--timeout", "-3"], 2, "Invalid value for '--timeout'"),
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--limit", "-1"], 2, "Invalid value for '--limit'"),
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--limit", "nan"], 2, "Invalid value for '--limit'"),
    (["tasks", "--role", "boss"], 2, "Invalid value for '--role'"),
    (["export-graph", "--format", "xml"], 2, "Invalid value for '--format'"),
    (["export", "--doc", "kh", "--format", "pdf", "--out", "x.pdf"], 2, "Invalid value for '--format'"),
    (["export", "--doc", "kh", "--depth", "-1", "--out", "x.ttl"], 2, "Invalid value for '--depth'"),
    (["--store", "mongodb", "docs"], 2, "Invalid value for '--store'"),
    (["no-such-command"], 2, "No such command"),
    (["sparql", "SELECT * WHERE { FILTER(1<2)SERVICE<http://127.0.0.1:9/>{ ?s ?p ?o } }"], 3,
     "SERVICE is not allowed"),
    (["sparql", "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], 3,
     "SERVICE is not allowed"),
    (["sparql", "DELETE WHERE { ?s ?p ?o }"], 3, "DELETE is not allowed"),
    (["sparql", "SELECT * WHERE { ?s ?p"], 3, "not valid SPARQL"),
    (["sparql", RUNAWAY, "--timeout", "1"], 3, "longer than 1 s and was stopped"),
]


@pytest.mark.parametrize("args, code, message", USAGE, ids=[" ".join(a)[:40] for a, _, _ in USAGE])
def test_bad_usage_and_refused_queries(workspace, tmp_path, args, code, message) -> None:
    before = snapshot(workspace)
    done = policykg("--workspace", str(workspace), *args, cwd=tmp_path)
    err = done.stderr.strip()
    assert done.returncode == code, err
    assert err.startswith("error:") and "\n" not in err and message in err, err
    assert snapshot(workspace) == before and not list(tmp_path.iterdir())


@pytest.mark.parametrize("kind, message", [("folder", "not a file"), ("undecodable", "not UTF-8"),
                                           ("missing", "no such query file")])
def test_bad_query_files(workspace, tmp_path, kind, message) -> None:
    path = _query_file(kind)(tmp_path)
    done = policykg("--workspace", str(workspace), "sparql", str(path))
    err = done.stderr.strip()
    assert done.returncode == 2 and "\n" not in err and message in err, err


def test_workspace_naming_a_file(tmp_path) -> None:
    path = tmp_path / "ws"
    path.write_text("not a folder", encoding="utf-8")
    done = policykg("--workspace", str(path), "docs")
    err = done.stderr.strip()
    assert done.returncode == 2 and "\n" not in err and "is a file" in err, err
    assert path.read_text(encoding="utf-8") == "not a folder"


def test_a_truncated_graph_file(workspace, tmp_path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws, symlinks=True)
    graph = next(ws.rglob("graph.nt"))
    graph.write_bytes(graph.read_bytes()[:-37])  # cut in the middle of a triple
    done = policykg("--workspace", str(ws), "export-graph", "--format", "ttl")
    err = done.stderr.strip()
    assert done.returncode == 1 and "\n" not in err and "damaged" in err, err


def _out(kind: str, tmp: Path) -> Path:
    if kind == "device":
        return Path("/dev/null")
    if kind == "fifo":
        os.mkfifo(tmp / "fifo.ttl")
        return tmp / "fifo.ttl"
    if kind == "symlink":
        (tmp / "real.ttl").write_text("keep me", encoding="utf-8")
        (tmp / "link.ttl").symlink_to(tmp / "real.ttl")
        return tmp / "link.ttl"
    if kind == "folder":
        (tmp / "dir.ttl").mkdir()
        return tmp / "dir.ttl"
    (tmp / "file").write_text("a file, not a folder", encoding="utf-8")
    return tmp / "file" / "x.ttl"  # unwritable: its folder is a file


@pytest.mark.parametrize("command", ["export-graph", "export"])
@pytest.mark.parametrize("kind, message", [("device", "not a regular file"), ("fifo", "not a regular file"),
                                           ("symlink", "symbolic link"), ("folder", "not a regular file"),
                                           ("unwritable", "cannot write there")])
def test_out_is_only_ever_a_regular_file(workspace, tmp_path, command, kind, message) -> None:
    out = _out(kind, tmp_path)
    extra = ["--doc", "kh"] if command == "export" else []
    done = policykg("--workspace", str(workspace), command, *extra, "--format", "ttl", "--out", str(out),
                    "--force", timeout=60)
    err = done.stderr.strip()
    assert done.returncode == 1 and "\n" not in err and message in err, err
    if kind == "symlink":
        assert (tmp_path / "real.ttl").read_text(encoding="utf-8") == "keep me"
    assert Path("/dev/null").is_char_device()


OTHER = ("KẾ HOẠCH\nỨng dụng công nghệ thông tin năm 2025\nII. NHIỆM VỤ\n"
         "1. Bộ Tài chính chủ trì, phối hợp với các bộ, ngành bố trí kinh phí thực hiện Kế hoạch.\n")
ACCEPTED = [
    ("cp1258.txt", cp1258(OTHER)),
    ("utf16le.txt", OTHER.encode("utf-16")),
    ("utf16be.txt", b"\xfe\xff" + OTHER.encode("utf-16-be")),
    ("utf16-no-bom.txt", OTHER.encode("utf-16-le")),
    ("bom.txt", b"\xef\xbb\xbf" + OTHER.encode("utf-8")),
]


@pytest.mark.parametrize("name, content", ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_encodings_that_are_read(workspace, tmp_path, name, content) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws, symlinks=True)
    path = tmp_path / name
    path.write_bytes(content)
    done = policykg("--workspace", str(ws), "add", str(path))
    assert done.returncode == 0, done.stderr
    tasks = policykg("--workspace", str(ws), "tasks", "--json", "--agency", "Bộ Tài chính")
    assert "bố trí kinh phí thực hiện Kế hoạch" in tasks.stdout, tasks.stdout[:500]


def test_the_size_limit_is_checked_before_the_file_is_read(tmp_path) -> None:
    """A 30 MB file is refused from its size: the reader allocates next to nothing."""
    import tracemalloc

    from extract.errors import InputError
    from extract.readers import MAX_BYTES, read

    path = tmp_path / "big.txt"
    sparse(path, 30 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="larger than 20 MB"):
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20 < MAX_BYTES


def test_a_text_over_a_million_characters_is_extracted_to_its_end(originals) -> None:
    """spaCy's default max_length is 1,000,000 characters: a longer text was a traceback, now it is extracted."""
    from extract.pipeline import extract_text, meta_from_text

    seed = originals["000"]
    copies = 1_000_000 // len(seed) + 1
    text = "\n\n".join([seed] * copies)
    assert 1_000_000 < len(text) < 1_400_000
    facts = extract_text(text, meta_from_text("long", "long.txt", text))
    once = extract_text(seed, meta_from_text("000", "000.txt", seed))
    assert len(facts.tasks) >= copies * len(once.tasks) * 0.9
    last = max(t.evidence.start for t in facts.tasks)
    assert last > len(text) - len(seed)  # tasks found in the last copy, past the 1 M mark
    assert all(text[t.evidence.start:t.evidence.end] == t.evidence.quote for t in facts.tasks[-20:])


def test_a_date_that_is_not_a_real_day(workspace, tmp_path) -> None:
    """`--date 2024-02-30` is bad usage; a header saying "ngày 30 tháng 2" leaves the date out (rdflib
    printed a ValueError traceback for the xsd:date it could not read)."""
    path = tmp_path / "kh2.txt"
    path.write_text("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 12/KH-UBND\nCao Bằng, ngày 30 tháng 2 năm 2024\n" + OTHER,
                    encoding="utf-8")
    before = snapshot(workspace)
    done = policykg("--workspace", str(workspace), "add", str(path), "--date", "2024-02-30")
    err = done.stderr.strip()
    assert done.returncode == 2 and "\n" not in err and "'2024-02-30' is not a real day" in err, err
    assert snapshot(workspace) == before
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws, symlinks=True)
    done = policykg("--workspace", str(ws), "add", str(path))
    assert done.returncode == 0 and "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    docs = {d["id"]: d for d in json.loads(policykg("--workspace", str(ws), "docs", "--json").stdout)}
    assert docs["kh2"]["number"] == "12/KH-UBND" and docs["kh2"]["date"] is None


def test_two_megabytes_on_one_line_are_added(workspace, tmp_path) -> None:
    """A 2 MB text without a line break (it took 327 s before the quadratic steps were fixed)."""
    sentence = ("Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng xây dựng đề án an ninh mạng, hoàn thành trong năm "
                "2025. Tỷ lệ dịch vụ công trực tuyến đạt 80% vào năm 2025. ")
    path = tmp_path / "one-line.txt"
    path.write_text("KẾ HOẠCH Triển khai chuyển đổi số năm 2025 II. NHIỆM VỤ " + sentence * (2 * 2**20 // 200),
                    encoding="utf-8")
    assert path.stat().st_size > 2 * 10**6 and b"\n" not in path.read_bytes()
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws, symlinks=True)
    cpu = cpu_of_children()
    done = policykg("--workspace", str(ws), "add", str(path), timeout=900)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert cpu_of_children() - cpu < 240
    assert "one-line" in [d["id"] for d in json.loads(policykg("--workspace", str(ws), "docs", "--json").stdout)]


def test_ten_thousand_task_items_are_added_every_one(workspace, tmp_path) -> None:
    """A plan of 10,000 numbered task items (it took 198 s and kept 99 of them before: items past 99 were
    not items, and every item scanned every mention of the document)."""
    head = "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 12/KH-UBND\nHà Giang, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n" \
           "Chuyển đổi số năm 2024\nIII. NHIỆM VỤ\n"
    body = "".join(f"{k}. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính rà soát hệ thống số {k}.\n"
                   for k in range(1, 10_001))
    path = tmp_path / "items.txt"
    path.write_text(head + body, encoding="utf-8")
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws, symlinks=True)
    done = policykg("--workspace", str(ws), "add", str(path))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    tasks = json.loads(policykg("--workspace", str(ws), "tasks", "--doc", "items", "--json").stdout)
    assert len(tasks) == 10_000
    assert {t["owner"] for t in tasks} == {"Sở Thông tin và Truyền thông tỉnh Hà Giang"}  # the plan's province
    last = max(tasks, key=lambda t: t["evidence"]["start"])
    assert last["evidence"]["quote"].endswith("rà soát hệ thống số 10000.")
