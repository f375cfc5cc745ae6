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
