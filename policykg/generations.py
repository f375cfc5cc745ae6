"""A workspace as a series of whole generations: one writer at a time, one atomic switch.

    workspace/.lock       held (flock) by the one writer
    workspace/CURRENT     the name of the current generation, replaced atomically
    workspace/g-…/        a complete generation: index, store, view, summary
    workspace/docs/       the documents' facts and graphs, shared by generations (`policykg.documents`)

A writer builds the next generation in `.tmp-…`, renames it to `g-…` and then points CURRENT at
it; readers resolve CURRENT once and read one whole generation. A crash at any step leaves CURRENT
on the previous generation; the next writer removes what the crash left behind.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.errors import PolicyKGError
from policykg.files import fault, umask, write_atomic

POINTER = "CURRENT"
LOCK = ".lock"
_LEGACY = ("graph.nt", "facts.pickle", "view.json", "build.json", "shacl-report.txt", "oxigraph")


def current(workspace: Path) -> Path | None:
    """The current generation's folder, or None for a workspace never built."""
    pointer = workspace / POINTER
    if not pointer.exists():
        if (workspace / "graph.nt").exists():
            raise PolicyKGError(f"{workspace}: written by an older policykg; rebuild it with "
                                f"'policykg --workspace {workspace} build --corpus FOLDER'.")
        return None
    gen = workspace / pointer.read_text(encoding="utf-8").strip()
    if not gen.name.startswith("g-") or not gen.is_dir():
        raise PolicyKGError(f"{workspace}: its current generation '{gen.name}' is missing; rebuild it with "
                            f"'policykg --workspace {workspace} build --corpus FOLDER'.")
    return gen


def _say(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def writer(workspace: Path, wait: float = 600.0, say: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the workspace's write lock; a second writer waits (saying so) up to `wait` seconds."""
    if workspace.exists() and not workspace.is_dir():
        raise PolicyKGError(f"{workspace}: not a folder; give --workspace a folder.")
    workspace.mkdir(parents=True, exist_ok=True)
    fd = os.open(workspace / LOCK, os.O_RDWR | os.O_CREAT, 0o666 & ~umask())
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for another policykg writing to {workspace} …")
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise PolicyKGError(f"{workspace}: another policykg has been writing to it for "
                                            f"{wait:g} s; try again when it has finished.", "busy") from None
                    time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def begin(workspace: Path) -> Path:
    """A fresh temporary folder for the next generation (call while holding the lock)."""
    sweep(workspace)
    tmp = workspace / f".tmp-{time.time_ns():x}-{os.getpid()}"
    tmp.mkdir(mode=0o777)
    return tmp


def commit(workspace: Path, tmp: Path) -> Path:
    """Make the generation built in `tmp` current: one rename, then one atomic pointer replace."""
    fault("before-rename")
    gen = workspace / ("g-" + tmp.name.removeprefix(".tmp-"))
    _fsync_dir(tmp)
    os.rename(tmp, gen)
    _fsync_dir(workspace)
    fault("before-pointer")
    write_atomic(workspace / POINTER, gen.name + "\n")
    _fsync_dir(workspace)
    fault("after-pointer")
    sweep(workspace)
    return gen


def stamp(path: Path) -> int:
    try:
        return int(path.name.split("-")[1], 16)
    except (IndexError, ValueError):
        return -1


def sweep(workspace: Path) -> None:
    """Remove what is not current: temporary folders, generations of crashed commits, files of the old
    layout, and every generation but the one before the current (a reader may still be on it)."""
    live = current(workspace) if (workspace / POINTER).exists() else None
    stale = [*workspace.glob(".tmp-*"), *workspace.glob(".CURRENT.*.tmp")]
    if live is None:
        stale += workspace.glob("g-*")  # generations of a first build that crashed
    else:
        stale += sorted((p for p in workspace.glob("g-*") if stamp(p) < stamp(live)), key=stamp)[:-1]
        stale += [p for p in workspace.glob("g-*") if stamp(p) > stamp(live)]  # never made current
        stale += [workspace / name for name in _LEGACY if (workspace / name).exists()]
    for path in stale:
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
