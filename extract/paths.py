"""Where the project's data lives."""

from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "corpus"  # the corpus the project ships
