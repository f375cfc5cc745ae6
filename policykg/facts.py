"""A document's extracted facts as versioned JSON (the workspace's record of what was extracted)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from extract import __version__
from extract.errors import PolicyKGError
from extract.records import DocumentFacts

FORMAT = 3  # 1 was a pickle of the whole corpus; 2 kept each generation's document files in its own folder


def content_hash(text: str) -> str:
    """The hash that says two documents are the same text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ROOT = Path(__file__).resolve().parent.parent


@cache
def fingerprint(*parts: str) -> str:
    """A hash of the code and data under `parts` (e.g. "extract", "data"): changes when any of it does.

    A workspace reuses a document's facts or graph only when made by the same code and data, so an
    upgraded extractor never serves facts its predecessor extracted (the version string alone is not
    bumped for every change).
    """
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        base = ROOT / part
        files = [base] if base.is_file() else sorted(
            f for f in base.glob("*") if f.suffix in (".py", ".json", ".ttl") and f.is_file())
        for f in files:
            digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


def extraction_key(text: str, given: dict[str, Any]) -> str:
    """What decides a document's facts: its text, the metadata given for it and the extractor's code and data."""
    blob = json.dumps({"text": content_hash(text), "meta": given, "extractor": fingerprint("extract", "data")},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _typed(hint: Any, value: Any) -> Any:
    """Rebuild a value of the given type hint from its JSON form."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _typed(next(a for a in args if a is not type(None)), value)
    if dataclasses.is_dataclass(hint):
        return _record(hint, value)  # type: ignore[arg-type]
    if origin is tuple:
        inner = args[0] if len(args) == 2 and args[1] is Ellipsis else None
        if inner is None:
            return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
        return tuple(_typed(inner, v) for v in value)
    if origin is list:
        return [_typed(args[0], v) for v in value]
    if origin is dict:
        return {k: _typed(args[1], v) for k, v in value.items()}
    return value


def _record(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    return cls(**{k: _typed(hints[k], v) for k, v in data.items()})


def dumps(facts: DocumentFacts, key: str) -> str:
    """One document's facts as JSON, with the format version and its extraction key."""
    return json.dumps({"format": FORMAT, "policykg": __version__, "key": key, "facts": _plain(facts)},
                      ensure_ascii=False, separators=(",", ":"))


def loads(text: str, where: str) -> tuple[DocumentFacts, str]:
    """Facts and extraction key from `dumps`; a file of another format is refused, never misread."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PolicyKGError(f"{where}: damaged facts file ({exc}); rebuild the workspace with "
                            "'policykg build --corpus FOLDER'.") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PolicyKGError(f"{where}: facts written by another version of policykg; rebuild the workspace "
                            "with 'policykg build --corpus FOLDER'.")
    return _record(DocumentFacts, data["facts"]), str(data["key"])
