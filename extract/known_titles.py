"""National strategies and programmes a text cites by their title, and the decisions that approved them.

"Chiến lược quốc gia về Cách mạng công nghiệp lần thứ tư" and "Quyết định số 2289/QĐ-TTg" are one document:
a title citation takes the identity of the approving decision (data/known_titles.json), so that the graph
holds one node for it, the corpus document when the corpus has it.
"""

from __future__ import annotations

import json
from functools import lru_cache

from extract.agencies import DATA
from extract.legal_ids import identity, parse_number
from extract.legal_refs import title_key
from extract.normalize import fold_text


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    """Approving decisions' identities by the titles they approved (compared as `title_key`)."""
    data = json.loads((DATA / "known_titles.json").read_text(encoding="utf-8"))
    out = {}
    for t in data["titles"]:
        kind, number, year, issuer = parse_number(t["symbol"], "quyết định")
        out[title_key(fold_text(t["title"]))] = identity(kind, number, issuer, year or int(t["date"][:4]))
    return out


def known_title(name: str | None) -> str | None:
    """The identity of the decision that approved a programme cited by this title, when it is known."""
    return _titles().get(title_key(fold_text(name or ""))) if name else None
