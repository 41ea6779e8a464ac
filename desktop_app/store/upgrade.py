"""The first start of a new program version on a data folder: back the folder up, then
migrate the store, re-index its search if its text changed, then remember the version.

The copy (encrypted database after a checkpoint, wrapped keys, settings, trust roots) is what
a rollback to the previous version restores; it stays as encrypted as the folder itself.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from packaging.version import InvalidVersion, Version

from desktop_app.clock import Clock, SystemClock
from desktop_app.errors import StoreFromNewerVersionError
from desktop_app.fileio import new_folder
from desktop_app.paths import DataPaths
from desktop_app.store.database import (
    COPY_STAGE,
    Connection,
    Progress,
    backup_file_copy,
    latest_version,
    migrate,
)
from desktop_app.store.database import schema_version as current_schema
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.store.search_reindex import reindex_search

log = logging.getLogger(__name__)

VERSION_KEY = "app_version"  # the program version that last opened this store


def _is_newer(stored: str, running: str) -> bool:
    try:
        return Version(stored) > Version(running)
    except InvalidVersion:
        return False


def backup_folder(conn: Connection, paths: DataPaths, label: str, *,
                  clock: Clock | None = None) -> Path:
    """A copy of what is needed to open the store again: database, keys, settings, trust,
    in ``<label>-<UTC second>`` (``-2``, ``-3``... after it when a copy of that second
    exists: a second try of an upgrade that failed must not fail on the first one's)."""
    stamp = (clock or SystemClock()).now().strftime("%Y%m%dT%H%M%SZ")
    target = new_folder(paths.backups, f"{label}-{stamp}")
    copied = backup_file_copy(conn, paths.database, target, "hotich")
    copied.rename(target / paths.database.name)
    for extra in (paths.keyfile, paths.root / "settings.json"):
        if extra.exists():
            shutil.copy2(extra, target / extra.name)
    if (paths.root / "trust").is_dir():
        shutil.copytree(paths.root / "trust", target / "trust")
    return target


def open_for_version(conn: Connection, paths: DataPaths, running: str, *,
                     progress: Progress | None = None) -> Path | None:
    """Back up (when the version changed), migrate, record the version; returns the backup.
    ``progress`` follows the steps that can take long at a million records: the copy
    (COPY_STAGE), the migrations (database.MIGRATE_STAGE) and the search re-index; an
    ordinary login tells it nothing."""
    stored = MetaRepository(conn).get(VERSION_KEY) if current_schema(conn) else None
    if stored is not None and _is_newer(stored, running) and \
            current_schema(conn) > latest_version():
        raise StoreFromNewerVersionError(version=stored, backups=str(paths.backups))
    backup = None
    if stored != running and current_schema(conn) > 0:
        if progress:
            progress(COPY_STAGE, 0, 1)
        backup = backup_folder(conn, paths, f"pre-upgrade-{stored or 'unknown'}-to-{running}")
        log.info("data folder backed up before the first start of version %s", running)
        if progress:
            progress(COPY_STAGE, 1, 1)
    migrate(conn, paths.database, paths.backups, backup=backup is None, progress=progress)
    reindex_search(conn, progress=progress)  # a no-op once the index is of this search_text
    if stored != running:
        conn.execute("BEGIN IMMEDIATE")
        MetaRepository(conn).put(VERSION_KEY, running)
        conn.execute("COMMIT")
    return backup
