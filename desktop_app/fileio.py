"""Writing files outside the store safely: temp file, fsync, os.replace, permissions first."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block completes."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    with atomic_writer(path, mode) as handle:
        handle.write(data)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


STALE_AFTER = 24 * 3600.0  # seconds: where a process cannot be asked whether it still runs


def make_staging_dir(parent: Path, prefix: str) -> Path:
    """A private working folder ``.<prefix>-<pid>-<random>`` in ``parent``; the pid lets the
    next start tell a folder left by a killed process from one still in use."""
    return Path(tempfile.mkdtemp(dir=parent, prefix=f".{prefix}-{os.getpid()}-"))


def remove_stale_staging(parent: Path, prefixes: Iterable[str]) -> int:
    """Remove the staging folders of processes that are gone (killed mid-backup, mid-restore);
    returns how many. A folder whose process may still run is left alone."""
    removed = 0
    try:
        entries = list(parent.iterdir())
    except OSError:
        return 0
    starts = tuple(f".{p}-" for p in prefixes)
    for entry in entries:
        if not entry.name.startswith(starts) or not entry.is_dir():
            continue
        pid_text = entry.name.split("-")[1] if entry.name.count("-") >= 2 else ""
        pid = int(pid_text) if pid_text.isdigit() else None
        try:
            age = time.time() - entry.stat().st_mtime
        except OSError:
            continue
        if age > STALE_AFTER or (pid is not None and pid != os.getpid()
                                 and not _is_running(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            removed += not entry.exists()
    return removed


def _is_running(pid: int) -> bool:
    if os.name != "posix":  # Windows' os.kill would end the process: the age rule decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, another user's
        return True
    return True
