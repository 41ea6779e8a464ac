"""Writing files outside the store safely: temp file, fsync, os.replace, permissions first."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

OWNED_TEMP_SUFFIX = ".hotich-part"  # temporary files that name their process: see below


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int = 0o600, *, owned: bool = False,
                  started: Callable[[Path], None] | None = None) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block completes.

    ``owned``: the temporary file is ``.<name>.<pid>-<random>.hotich-part``, so that one a
    killed process left (a backup on a USB stick) can be told from one still being written
    and removed later (:func:`remove_abandoned_parts`); ``started`` is told its path first."""
    path = Path(path)
    prefix = f".{path.name}.{os.getpid()}-" if owned else f".{path.name}."
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, dir=path.parent,
                                    suffix=OWNED_TEMP_SUFFIX if owned else ".tmp")
    tmp = Path(tmp_name)
    if started is not None:
        started(tmp)
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


UNIQUE_TRIES = 10_000  # name-2 ... name-9999: far more than any burst of copies


def new_folder(parent: Path, name: str) -> Path:
    """A new, empty ``parent/name``, or ``name-2``, ``name-3``... when one of that name was
    made already (two copies in the same second, or on a clock that stands still): each copy
    is its own folder, and the names still sort by the time stamp they start with."""
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, UNIQUE_TRIES):
        folder = parent / (name if n == 1 else f"{name}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(str(parent / name))


def new_file(parent: Path, name: str, suffix: str) -> Path:
    """A new, empty file ``parent/<name><suffix>`` (or ``<name>-2<suffix>``...), created
    exclusively, so that a copy written over it never replaces an earlier copy."""
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, UNIQUE_TRIES):
        path = parent / f"{name if n == 1 else f'{name}-{n}'}{suffix}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(str(parent / f"{name}{suffix}"))


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


def _owner(name: str) -> int | None:
    """The process id in ``.<name>.<pid>-<random>.hotich-part`` (names may hold dots)."""
    stem = name.removesuffix(OWNED_TEMP_SUFFIX)
    pid_text = stem.rsplit(".", 1)[-1].split("-", 1)[0] if "." in stem else ""
    return int(pid_text) if pid_text.isdigit() else None


def is_abandoned_part(path: Path) -> bool:
    """An owned temporary file whose process is gone (or that is older than a day)."""
    if not path.name.startswith(".") or not path.name.endswith(OWNED_TEMP_SUFFIX):
        return False
    pid = _owner(path.name)
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    return age > STALE_AFTER or (pid is not None and pid != os.getpid()
                                 and not _is_running(pid))


def remove_abandoned_parts(folder: Path) -> int:
    """Remove the owned temporary files of processes that are gone from ``folder``."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if entry.is_file() and is_abandoned_part(entry):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def note_part(register: Path, part: Path) -> bool:
    """Remember (in the data folder) an owned temporary file written elsewhere, so that the
    next start can remove it if its process is killed before it is renamed into place.

    Best effort: a full data disk must not stop a backup to another drive (the temporary
    file names its process, so the next write to that folder still sweeps it). Returns
    whether the file is remembered."""
    try:
        with register.open("a", encoding="utf-8") as handle:
            handle.write(f"{part}\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        return False
    return True


def _registered(register: Path) -> list[Path]:
    try:
        return [Path(line) for line in register.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, UnicodeDecodeError):
        return []


def _keep_registered(register: Path, parts: list[Path]) -> None:
    if parts:
        write_atomic(register, "".join(f"{p}\n" for p in parts).encode("utf-8"))
    else:
        register.unlink(missing_ok=True)


def forget_part(register: Path, part: Path) -> None:
    """Best effort, like :func:`note_part`: the next start forgets a part that is gone."""
    with contextlib.suppress(OSError):
        _keep_registered(register, [p for p in _registered(register) if p != part])


def remove_registered_parts(register: Path) -> int:
    """Remove the registered temporary files whose process is gone; forget those that no
    longer exist (renamed into place, or on a drive that is not there: the next write to
    that folder sweeps it, :func:`remove_abandoned_parts`). Returns how many were removed."""
    kept, removed = [], 0
    for part in _registered(register):
        if is_abandoned_part(part):
            with contextlib.suppress(OSError):
                part.unlink()
                removed += 1
        elif part.exists():
            kept.append(part)  # still being written by a live process
    _keep_registered(register, kept)
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
