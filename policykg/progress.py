"""A one-line progress bar on standard error: documents, MB/s and time left."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO


class Progress:
    """Counts documents and bytes as they finish and redraws one line (at most ten times a second)."""

    def __init__(self, total: int, total_bytes: int, out: TextIO | None = None) -> None:
        self.total, self.total_bytes, self.out = total, max(total_bytes, 1), out or sys.stderr
        self.done, self.bytes = 0, 0
        self.start = self.shown = time.monotonic()

    def update(self, _path: Path, size: int) -> None:
        self.done += 1
        self.bytes += size
        now = time.monotonic()
        if now - self.shown >= 0.1 or self.done == self.total:
            self.shown = now
            self.out.write("\r" + self.line(now - self.start))
            self.out.flush()

    def line(self, elapsed: float) -> str:
        """"extracting 120/1000 documents, 1.3 MB/s, 2:31 left"."""
        rate = self.bytes / 1e6 / elapsed if elapsed > 0 else 0.0
        left = (self.total_bytes - self.bytes) / 1e6 / rate if rate > 0 else 0.0
        return (f"extracting {self.done}/{self.total} documents, {rate:.2f} MB/s, "
                f"{int(left // 60)}:{int(left % 60):02d} left ")

    def close(self) -> None:
        if self.done:
            self.out.write("\n")
