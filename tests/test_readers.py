import unicodedata
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.readers import read

TEXT = "Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng."


def cp1258(text: str) -> bytes:
    """Windows-1258 writes the tone as a combining mark after a precomposed base letter."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
            out += base.encode("cp1258") + "".join(c for c in d if c in TONES).encode("cp1258")
    return out


TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(cp1258(TEXT) if encoding == "cp1258" else TEXT.encode(encoding))
    from extract.normalize import fold_text
    assert fold_text(read(path)) == TEXT


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n", "empty"),
    ("bin.txt", b"\x00\x01\x02PK\x00", "binary"),
    ("a.odt", b"PK\x03\x04", "no reader"),
    ("broken.docx", b"not a zip", "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4 nothing", "not a readable PDF|no text layer"),
])
def test_bad_input(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx
    document = docx.Document()
    document.add_paragraph("IV. NHIỆM VỤ, GIẢI PHÁP")
    document.add_paragraph("1. Bộ Công an")
    document.add_paragraph("- Chủ trì, phối hợp với Bộ Quốc phòng xây dựng đề án.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "1.", "Phát triển hạ tầng số"
    path = tmp_path / "kh.docx"
    document.save(str(path))
    text = read(path)
    assert "1. Bộ Công an\n- Chủ trì" in text and "1.\tPhát triển hạ tầng số" in text
    from tests.conftest import facts_of
    (task,) = facts_of(text).tasks
    assert (task.owner, task.owner_role, task.cooperating) == ("Bộ Công an", "lead", ("Bộ Quốc phòng",))
