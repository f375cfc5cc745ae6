"""Safe file writes: never a half-written file, always with the user's umask."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from extract.errors import PolicyKGError

FAULT_ENV = "POLICYKG_FAULT"  # test hook: the writer exits at the named step of a commit


def umask() -> int:
    """The process's umask (read without changing it for good)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fault(step: str) -> None:
    """Exit at once, as a crash would, when POLICYKG_FAULT names this step (crash tests)."""
    if os.environ.get(FAULT_ENV) == step:
        os._exit(70)


def check_target(path: Path) -> None:
    """Only a regular file is ever replaced: a symlink, device, FIFO or folder at `path` is refused."""
    if path.is_symlink():
        raise PolicyKGError(f"{path}: is a symbolic link; give the path of a regular file.")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise PolicyKGError(f"{path}: not a regular file (a folder, device or pipe); give a file path.")


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise PolicyKGError(f"{path}: cannot write there ({exc.strerror}); choose another place.") from None
    try:
        os.fchmod(fd, 0o666 & ~umask())  # mkstemp makes 0600; the user's umask decides
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """`write_bytes_atomic` for text (UTF-8)."""
    write_bytes_atomic(path, text.encode("utf-8"))
