"""User-derived text (a document's words, a file name, a search) made safe for Streamlit's markdown.

Streamlit renders the text of `st.markdown`, `st.caption`, `st.subheader`, `st.error`, `st.success` …
as markdown: `![i](http://host/i.png)` makes the browser fetch a URL, `[x](…)` is a link, `:red[…]`
and `$…$` are directives, and a bare `http://…` becomes a link. Every ASCII punctuation character
is backslash-escaped (CommonMark allows that for all of them), so such text shows exactly as
written and nothing in it becomes an image, link, directive or HTML.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_LINE_START = re.compile(r"(?m)^([ \t]+)")  # indentation would make a code block; keep it as text


def md(text: object) -> str:
    """`text` as markdown that renders as exactly that text: no image, link, directive or HTML."""
    escaped = _PUNCTUATION.sub(r"\\\1", str(text))
    return _LINE_START.sub(lambda m: "\u00a0" * len(m.group(1)), escaped)
