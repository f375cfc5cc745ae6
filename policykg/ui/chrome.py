"""Streamlit's own words in the reader's language: its English widget texts replaced by CSS.

Streamlit 1.5x writes a few texts itself, in English only ("Upload", "20MB per file", "Drag and drop
a file here", "Press Enter to apply"). The page hides those texts and draws the translation in a
`::after` box instead; the stylesheet is plain text sent with the page, so it works offline.
English needs no replacement.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ui.i18n import Lang, tr


@dataclass(frozen=True)
class Replacement:
    """A Streamlit text (its CSS selector) and the key of its translation."""

    selector: str
    key: str
    size: str  # the replaced text's font size
    focusable: bool = False  # a link stays visible to the keyboard: only its text is shrunk to nothing


REPLACEMENTS = (
    Replacement("[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p", "upload.button",
                "1rem"),
    Replacement("[data-testid=stFileUploaderDropzoneInstructions] span", "upload.limit", "0.875rem"),
    # shown while a file is dragged over the dropzone (no test id: the dropzone's only plain <div>)
    Replacement("[data-testid=stFileUploaderDropzone] > div:not([data-testid]) > span", "upload.drop", "1rem"),
    Replacement("[data-testid=stTextInput] [data-testid=InputInstructions]", "input.enter", "0.75rem"),
    Replacement("[data-testid=stNumberInput] [data-testid=InputInstructions]", "input.enter", "0.75rem"),
    Replacement("[data-testid=stTextArea] [data-testid=InputInstructions]", "input.ctrl_enter", "0.75rem"),
    Replacement("[data-testid=stSkipToContent]", "skip.main", "1rem", focusable=True),
)


def _css_string(text: str) -> str:
    """A CSS string literal (quotes, backslashes and line breaks escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def stylesheet(lang: Lang, max_upload_mb: int, types: list[str]) -> str:
    """The <style> block that puts Streamlit's own texts into the reader's language ("" for English)."""
    if lang == "en":
        return ""
    values = {"mb": max_upload_mb, "types": ", ".join(t.upper() for t in types)}
    rules = []
    for r in REPLACEMENTS:
        text = _css_string(tr(r.key, lang, **values))
        hide = "font-size: 0;" if r.focusable else "font-size: 0; visibility: hidden;"
        rules.append(f"{r.selector} {{ {hide} }}\n"
                     f"{r.selector}::after {{ content: {text}; font-size: {r.size}; visibility: visible; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"
