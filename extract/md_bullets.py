"""Markdown list markers ("*   Bộ X chủ trì …") read as the genre's own bullets.

Documents converted to Markdown write their "-" and "+" bullets as "*" list items, nested by indent
("*   a) Tại Trung ương:" then "    *   Chính phủ đã …"). A top-level "*" is a "-" bullet, an indented
one a "+" bullet; a "*" before a heading marker ("* a) …", "* 1. …") only wraps the heading.
"""

from __future__ import annotations

import re

_MD_BULLET_RE = re.compile(r"^([ \t]*)\*[ \t]+(?=\S)(?!\*[ \t]*$)")
_HEADING_AFTER_RE = re.compile(r"(?:\*\*)?(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.|[IVXLC]+[.-])\s")


def md_bullet(line: str) -> tuple[int, str] | None:
    """(length of the "*" marker and its spaces, the genre's marker in its place: "-", "+" or "")."""
    m = _MD_BULLET_RE.match(line)
    if m is None:
        return None
    if _HEADING_AFTER_RE.match(line, m.end()):
        return m.end(), ""
    indent = len(m.group(1).expandtabs(4))
    return m.end(), "+" if indent >= 2 else "-"
