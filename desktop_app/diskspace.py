"""Free space on the disks the data lives on: a full disk is told as a full disk.

SQLite reports a full disk as SQLITE_FULL on a write, but opening a WAL database whose
shared-memory file cannot grow fails with a plain I/O error, which looks like damage. Both
are recognised here by asking the filesystem how much room is left. Large writes
(attachments, backups, imports) check first and refuse only what cannot fit; below a
threshold the user is warned early.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from desktop_app.errors import DiskFullError, DiskNoRoomError
from desktop_app.messages import Tenths

# Below this much free space a write may fail at any moment (SQLite needs room for its
# journal pages and the shared-memory index): an error there is a full disk.
FULL_BELOW = 256 * 1024
# Warn when less than this is left: 500 MB, or a tenth of a small disk.
WARN_BELOW = 500 * 1024 * 1024
WARN_FRACTION = 0.10
# Room kept free after a large write, so the store can still commit afterwards.
RESERVE = 1024 * 1024
SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 13, 14


def _existing(path: Path) -> Path:
    """The nearest folder that exists (a backup's target folder may not exist yet)."""
    current = path if path.is_dir() else path.parent
    while not current.exists() and current != current.parent:
        current = current.parent
    return current


def free_bytes(path: Path) -> int:
    return int(shutil.disk_usage(_existing(path)).free)


def is_full(path: Path) -> bool:
    try:
        return free_bytes(path) < FULL_BELOW
    except OSError:
        return False


def nearly_full(path: Path) -> int | None:
    """The free bytes when the disk holding ``path`` is nearly full, else None."""
    try:
        usage = shutil.disk_usage(_existing(path))
    except OSError:
        return None
    threshold = min(WARN_BELOW, int(usage.total * WARN_FRACTION))
    return int(usage.free) if usage.free < threshold else None


def ensure_room(path: Path, needed: int) -> None:
    """DiskNoRoomError when ``needed`` bytes (plus a small reserve) cannot fit at ``path``."""
    free = free_bytes(path)
    if needed + RESERVE > free:
        raise DiskNoRoomError(needed=mb(needed + RESERVE), free=mb(free))


def mb(size: int) -> Tenths:
    """Bytes in MB, for a message ("{free} MB"): written the message's way, 0,4 or 0.4."""
    return Tenths(size / (1024 * 1024))


def is_disk_full_error(exc: BaseException, path: Path) -> bool:
    """Whether a failed write (database or file) failed because the disk is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT) or is_full(path)
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return False
    if code & 0xFF == SQLITE_FULL:
        return True
    # A shared-memory or journal file that cannot grow is told as an I/O error; a store
    # opened read-only because the disk was full refuses writes as read-only.
    return code & 0xFF in (SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN) and is_full(path)


def full_disk(path: Path) -> DiskFullError:
    return DiskFullError(free=mb(max(free_bytes(path), 0)))
