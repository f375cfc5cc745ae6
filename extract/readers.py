"""Readers keyed by file suffix; each returns the document's text as one string."""

from __future__ import annotations

import logging
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from extract.errors import InputError

Reader = Callable[[Path], str]
READERS: dict[str, Reader] = {}
MAX_BYTES = 20 * 1024 * 1024  # the documented limit of one document
MAX_UNZIPPED = 200 * 1024 * 1024  # all parts of a .docx together, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, for parts over 1 MB (text XML compresses ~10×)
MAX_MEMBERS = 10_000


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for the given file suffixes (".txt")."""

    def deco(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = fn
        return fn

    return deco


BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00a0"
# Vietnamese letters: a Latin base letter with only the marks Vietnamese uses (vowel marks and tones)
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
_VI_LETTERS = frozenset(
    ch for ch in map(chr, range(0x00C0, 0x1F00))
    if (d := unicodedata.normalize("NFD", ch))[0] in "aeiouyAEIOUY" and len(d) > 1 and set(d[1:]) <= _VI_MARKS
) | frozenset("đĐ")


_VOWELS = "".join(sorted(set("aeiouyAEIOUY") | {c for c in _VI_LETTERS if c not in "đĐ"}))
# one Vietnamese syllable: onset, a vowel nucleus of one to three letters, an optional final
_SYLLABLE = re.compile(f"(?i)(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VOWELS}]{{1,3}}"
                       "(?:ch|ng|nh|[cmnpt])?")


def looks_vietnamese(text: str) -> bool:
    """Letters are Latin or Vietnamese, some carry Vietnamese marks, and marked words are syllables.

    (French or German in Latin-1 also decodes as Windows-1258; "ministère" is not a syllable.)
    """
    nfc = unicodedata.normalize("NFC", text)
    letters = [c for c in nfc if c.isalpha() or unicodedata.category(c) == "Mn"]
    if not letters:
        return False
    foreign = sum(1 for c in letters if not ("a" <= c.lower() <= "z" or c in _VI_LETTERS))
    marked = [w for w in re.findall(r"\w+", nfc) if any(c in _VI_LETTERS for c in w)]
    syllables = sum(1 for w in marked if _SYLLABLE.fullmatch(w))
    return (foreign <= len(letters) // 200 and len(marked) * 10 >= len(nfc.split())
            and syllables * 10 >= len(marked) * 9)


def _utf16(data: bytes, name: str, encoding: str = "utf-16") -> str:
    if len(data) % 2:
        raise InputError(f"{name}: UTF-16 text with an odd number of bytes (cut short?); save it again as UTF-8.",
                         "encoding")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: broken UTF-16 at byte {exc.start} (a lone surrogate?); "
                         "save it again as UTF-8.", "encoding") from None


def _binary(name: str) -> InputError:
    return InputError(f"{name}: looks like a binary file, not text; convert it to .txt, .md or .docx.", "binary")


def _undecoded(data: bytes, name: str) -> str:
    """Text without a BOM: UTF-8, then UTF-16 without a BOM, then Windows-1258 if it reads as Vietnamese."""
    if b"\x00" in data:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _latin(text):  # binary data decodes as UTF-16 too, mostly to CJK and symbols
                return text
        raise _binary(name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    text = data.decode("cp1258", errors="replace")
    if "\ufffd" in text or not looks_vietnamese(text):
        raise InputError(f"{name}: not UTF-8 (byte {bad}) and not Vietnamese in Windows-1258; "
                         "save it as UTF-8 and try again.", "encoding")
    return text


def _latin(text: str) -> bool:
    """Nearly all characters are in the Latin blocks (Vietnamese included), punctuation or whitespace."""
    latin = sum(n for c, n in Counter(text).items() if c in "\t\n\r" or " " <= c <= "~"
                or "\u00a0" <= c <= "\u1eff" or "\u2000" <= c <= "\u206f")  # each distinct character once
    return latin * 100 >= len(text) * 95


def _printable(text: str) -> bool:
    controls = sum(n for c, n in Counter(text).items()
                   if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") and c not in "\t\n\r\f")
    return controls * 100 <= len(text)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 (BOM or not); Windows-1258 only when it reads as Vietnamese.

    Binary data, broken UTF-16 and text that is only a BOM or whitespace are refused.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-8 after its BOM (byte {exc.start + 3}); "
                             "save it as UTF-8 again.", "encoding") from None
    elif data[:2] in BOMS_UTF16:
        text = _utf16(data, name)
    else:
        text = _undecoded(data, name)
    if not text.strip().strip(_INVISIBLE).strip():
        raise InputError(f"{name}: the file is empty; give a document with text in it.", "empty")
    if not _printable(text):
        raise _binary(name)
    return text


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a regular file; a longer file (even one that grew) is refused."""
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{path.name}: larger than {limit // 2**20} MB; split the document.", "too_large",
                         mb=limit // 2**20)
    return data


@register(".txt", ".md", ".markdown")
def read_text(path: Path) -> str:
    """Plain text and Markdown."""
    return decode(read_bytes(path), path.name)


def read(path: Path) -> str:
    """Read a document with the reader registered for its suffix (size checked before reading)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file; give a .txt, .md, .docx or .pdf document.")
    if info.st_size > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 2**20} MB; split the document.", "too_large",
                         mb=MAX_BYTES // 2**20)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: no reader for '{path.suffix}' files (known: {known}).", "type", types=known)
    try:
        text = reader(path)
    except PermissionError:
        raise InputError(f"{path}: permission denied; check who may read it.") from None
    if len(text) > MAX_BYTES:
        raise InputError(f"{path.name}: more than {MAX_BYTES // 2**20} MB of text; split the document.", "too_large",
                         mb=MAX_BYTES // 2**20)
    return text


def check_zip(path: Path) -> None:
    """Refuse a zip container (DOCX) that is not one, or that unzips to far more than it holds (a bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path.name}: not a readable .docx file ({exc.__class__.__name__}).", "docx") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{path.name}: {len(members):,} parts in one .docx; this is not a document.", "docx")
    total = 0
    for m in members:
        total += m.file_size
        if m.file_size > MAX_UNZIPPED or total > MAX_UNZIPPED or \
                (m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1)):
            raise InputError(f"{path.name}: unzips to more than {MAX_UNZIPPED // 2**20} MB or "
                             f"{MAX_RATIO}× its size ('{m.filename}'); refused as a zip bomb.", "zip_bomb",
                             mb=MAX_UNZIPPED // 2**20)


@register(".docx")
def read_docx(path: Path) -> str:
    """Word documents: paragraphs, then table rows (cells separated by tabs), in document order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError("reading .docx needs python-docx; run 'make setup'.") from exc
    check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken file
        raise InputError(f"{path.name}: not a readable .docx file ({exc.__class__.__name__}).", "docx") from exc
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
        raise InputError(f"{path.name}: the document has no text.", "empty")
    return text


@register(".pdf")
def read_pdf(path: Path) -> str:
    """PDF with a text layer (scanned PDFs have none and are refused)."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover
        raise InputError("reading .pdf needs pypdf; run 'make setup'.") from exc
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings would print; failures raise
    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except Exception as exc:
        raise InputError(f"{path.name}: not a readable PDF ({exc.__class__.__name__}).", "pdf") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{path.name}: the PDF has no text layer (a scan?); convert it with OCR first.", "pdf_scan")
    return text
