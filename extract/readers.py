"""Readers keyed by file suffix; each returns the document's text as one string."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extract.errors import InputError

Reader = Callable[[Path], str]
READERS: dict[str, Reader] = {}
MAX_BYTES = 20 * 1024 * 1024


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for the given file suffixes (".txt")."""

    def deco(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = fn
        return fn

    return deco


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16; refuse binary or unknown encodings."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a document with text in it.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, not text; convert it to .txt, .md or .docx.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: unknown text encoding; save it as UTF-8 and try again.") from exc
    return text


@register(".txt", ".md", ".markdown")
def read_text(path: Path) -> str:
    """Plain text and Markdown."""
    return decode(path.read_bytes(), path.name)


def read(path: Path) -> str:
    """Read a document with the reader registered for its suffix."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path.")
    if not path.is_file():
        raise InputError(f"{path}: not a file.")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 2**20} MB; split the document.")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: no reader for '{path.suffix}' files (known: {known}).")
    return reader(path)


@register(".docx")
def read_docx(path: Path) -> str:
    """Word documents: paragraphs, then table rows (cells separated by tabs), in document order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError("reading .docx needs python-docx; run 'make setup'.") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken file
        raise InputError(f"{path.name}: not a readable .docx file ({exc.__class__.__name__}).") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{path.name}: the document has no text.")
    return text


@register(".pdf")
def read_pdf(path: Path) -> str:
    """PDF with a text layer (scanned PDFs have none and are refused)."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover
        raise InputError("reading .pdf needs pypdf; run 'make setup'.") from exc
    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except Exception as exc:
        raise InputError(f"{path.name}: not a readable PDF ({exc.__class__.__name__}).") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{path.name}: the PDF has no text layer (a scan?); convert it with OCR first.")
    return text
