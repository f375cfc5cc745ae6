from __future__ import annotations

import pytest

from extract.pipeline import BUNDLED, Corpus, extract_corpus, extract_text, meta_from_text
from extract.records import DocumentFacts
from tests.servers import Listener


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return extract_corpus(BUNDLED)


@pytest.fixture(scope="module")
def listener():
    """An HTTP listener on 127.0.0.1 that must see no request (a query or a page that fetches shows up)."""
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="session")
def originals() -> dict[str, str]:
    from extract.pipeline import load_manifest
    return {e["id"]: (BUNDLED / f).read_text(encoding="utf-8") for f, e in load_manifest(BUNDLED).items()}


def facts_of(text: str, kind: str = "strategy") -> DocumentFacts:
    """Extract a snippet written for a test."""
    return extract_text(text, meta_from_text("t", "t.txt", text, {"kind": kind}))
