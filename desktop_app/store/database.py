"""Opening the SQLCipher database with the raw data key, and running migrations.

Only the key derived at login is used: ``PRAGMA key = "x'..'"`` costs ~0.1 ms, so every thread
opens its own connection cheaply (tech-notes). A wrong key shows only on the first read, so
opening always reads ``sqlite_master`` at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

from desktop_app.clock import Clock, SystemClock
from desktop_app.diskspace import full_disk, is_disk_full_error
from desktop_app.errors import StoreDamagedError
from desktop_app.fileio import new_file
from desktop_app.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

Connection = dbapi2.Connection
DatabaseError = dbapi2.DatabaseError

Progress = Callable[[str, int, int], None]  # (stage, done, total), as other long jobs report
COPY_STAGE = "upgrade-copy"  # the copy before an upgrade: (0, 1) before it, (1, 1) after
MIGRATE_STAGE = "migrate"  # (migrations done, migrations due), before each and at the end


def _apply_key(conn: Connection, data_key: bytes) -> None:
    # The key is hex of random bytes, never user text: safe to inline (PRAGMA takes no params).
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, data_key: bytes, *, check_key: bool = True) -> Connection:
    """An open, keyed connection in WAL mode with synchronous=FULL.

    On a full disk the shared-memory index of the WAL cannot be created (it is made when the
    first connection opens the store, and removed by the last): the store is then opened
    read-only, so reading still works and a write fails as a full disk (DiskFullError),
    never as damage. With an empty write-ahead log (the last program closed cleanly) the
    file is read as immutable, which any number of threads can do at once; a log still
    holding commits (a crash) is read through one connection in exclusive mode, which keeps
    the index in memory.
    """
    try:
        return _connect(path, data_key, check_key=check_key, mode="normal")
    except StoreDamagedError as exc:
        cause = exc.__cause__
        if cause is None or not is_disk_full_error(cause, path.parent):
            raise
        wal = path.with_name(path.name + "-wal")
        mode = "exclusive" if wal.exists() and wal.stat().st_size > 0 else "immutable"
        log.warning("disk full: store opened read-only (%s)", mode)
        try:
            return _connect(path, data_key, check_key=check_key, mode=mode)
        except StoreDamagedError as again:
            raise full_disk(path.parent) from again


def _connect(path: Path, data_key: bytes, *, check_key: bool, mode: str) -> Connection:
    is_new = not path.exists()
    if mode == "immutable":  # no locks, no shared memory: the file cannot change meanwhile
        target, uri = f"file:{urllib.parse.quote(str(path))}?immutable=1", True
    else:
        target, uri = str(path), False
    conn = sqlcipher3.connect(target, isolation_level=None, check_same_thread=True,
                              timeout=30.0, uri=uri)
    if is_new:  # owner-only, like every file of the data folder
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    try:
        _apply_key(conn, data_key)
        if mode == "exclusive":  # before the first read: no shared-memory file is needed
            conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchone()
        if check_key:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if mode != "immutable":
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA cache_size = -16000")
    except DatabaseError as exc:
        conn.close()
        # A wrong key and a damaged first page look alike ("file is not a database").
        raise StoreDamagedError(detail="cannot decrypt or read the database") from exc
    return conn


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def latest_version() -> int:
    return len(MIGRATIONS)


MIGRATION_CACHE_KIB = 256 * 1024  # a migration's page cache (the connection's: 16 MB)


def migrate(
    conn: Connection,
    db_path: Path,
    backups_dir: Path,
    *,
    target: int | None = None,
    on_backup: Callable[[Path], None] | None = None,
    backup: bool = True,
    progress: Progress | None = None,
) -> int:
    """Apply numbered migrations up to ``target``; back the file up first if any are due
    (unless the caller just backed the whole folder up). ``progress`` is told the copy
    (COPY_STAGE) and each migration (MIGRATE_STAGE, counted in steps: one migration can
    take a minute at a million records, so no finer count is claimed); nothing when none is
    due."""
    target = latest_version() if target is None else target
    current = schema_version(conn)
    if current > latest_version():
        raise StoreDamagedError(detail=f"schema {current} is newer than this program")
    if current >= target:
        return current
    if current > 0 and backup:
        if progress:
            progress(COPY_STAGE, 0, 1)
        copy = backup_file_copy(conn, db_path, backups_dir, f"pre-migration-v{current}")
        if progress:
            progress(COPY_STAGE, 1, 1)
        if on_backup:
            on_backup(copy)
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    # A migration that rebuilds a table or an index reads it in one order and writes it in
    # another: with the connection's small cache, at a million records, copying the person
    # index took 27 s instead of 12 (schema 20).
    conn.execute(f"PRAGMA cache_size = {-MIGRATION_CACHE_KIB:d}")
    try:
        for number in range(current + 1, target + 1):
            if progress:
                progress(MIGRATE_STAGE, number - current - 1, target - current)
            _apply(conn, number)
        if progress:
            progress(MIGRATE_STAGE, target - current, target - current)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache):d}")
    return target


def _apply(conn: Connection, number: int) -> None:
    log.info("migrating store schema %d -> %d", number - 1, number)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(MIGRATIONS[number - 1]):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def backup_file_copy(conn: Connection, db_path: Path, backups_dir: Path, label: str, *,
                     clock: Clock | None = None) -> Path:
    """Copy the (still encrypted) database file after a full checkpoint, to
    ``<label>-<UTC second>.db`` (``-2``... when that name is taken: never over a copy)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    stamp = (clock or SystemClock()).now().strftime("%Y%m%dT%H%M%SZ")
    target = new_file(backups_dir, f"{label}-{stamp}", ".db")
    try:
        shutil.copy2(db_path, target)
    except BaseException:
        target.unlink(missing_ok=True)  # no half copy that reads as a backup
        raise
    return target
