"""Text from documents and files shown where Streamlit renders markdown: every markup character escaped."""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; Streamlit's own directives
# (":red[…]", ":material/x:", emoji shortcodes) start with ":" and are escaped the same way.
_MARKUP = re.compile(r"([\\`*_\[\]()<>#!|~:$])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def plain(text: object) -> str:
    """The text, displayed literally by st.markdown / st.caption / labels (no link, image or HTML)."""
    text = _MARKUP.sub(r"\\\1", " ".join(str(text).split()))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
