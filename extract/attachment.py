"""A letter's attachment: the text after its closing block that names its own kind ("DỰ THẢO BÁO CÁO …").

A cover letter ("V/v xin ý kiến dự thảo báo cáo …") often carries the text it is about after its "Nơi
nhận" block and signature. That text opens with its own kind line; its items are read as that kind's (a
report's narrative says what was done), not as requests of the letter.
"""

from __future__ import annotations

import re

from extract.metadata import KIND_WORDS

_KIND_LINE_RE = re.compile(
    r"^(?:DỰ THẢO\s+)?(" + "|".join(sorted(KIND_WORDS, key=len, reverse=True)) + r")(?=\s|$)", re.M)


def attached_kind(text: str, after: int) -> tuple[int, str] | None:
    """Where the text attached after `after` (a closing block's start) begins, and its kind."""
    m = _KIND_LINE_RE.search(text, after)
    return None if m is None else (m.start(), KIND_WORDS[m.group(1)])
