"""The add-document (upload) path's messages, in the reader's language: each refusal worded from the error's
reason (`PolicyKGError.reason`), never the CLI's English message or the temporary path it names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.ui.i18n import Lang, tr, worded
from policykg.workspace import Summary

TYPES = ("txt", "md", "docx", "pdf")


def types_text() -> str:
    """".txt, .md, .docx, .pdf"."""
    return ", ".join(f".{t}" for t in TYPES)


def refused_type(name: str, lang: Lang) -> str | None:
    """The refusal of a file whose type the app does not read (None when it reads it)."""
    if Path(name).suffix.lower().lstrip(".") in TYPES:
        return None
    return tr("upload.type", lang, name=name, types=types_text())


def refusal(exc: PolicyKGError, name: str, lang: Lang, short: Callable[[str], str]) -> str:
    """Why a file was not added, in the reader's language; `short` names a stored document by its symbol."""
    if exc.reason == "type":
        return worded(exc, "upload", lang, name=name, types=types_text())
    if exc.reason == "duplicate":  # the stored document by its symbol, never its id
        same = exc.values.get("same", "text")
        return tr(f"upload.err.duplicate.{same}", lang, **{**exc.values, "name": name,
                                                           "doc": short(str(exc.values.get("doc", "")))})
    return worded(exc, "upload", lang, name=name)


def added(summary: Summary, name: str, lang: Lang) -> str:
    """The message once a document is in: what the corpus now holds."""
    return tr("upload.added", lang, name=name, documents=summary.documents, tasks=summary.tasks,
              agencies=summary.agencies, references=summary.references, targets=summary.targets)
