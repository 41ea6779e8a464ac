"""Backups made in the same second (a second try of a failed upgrade, a clock that stands
still) each get their own name, after the earlier one, and none replaces another."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.store.database import backup_file_copy, schema_version
from desktop_app.store.unit_of_work import Store
from desktop_app.store.upgrade import backup_folder

AT = datetime(2026, 12, 1, 20, 15, 7, 250_000, tzinfo=UTC)


def test_two_folder_backups_in_the_same_second(store: Store) -> None:
    paths = DataPaths(store.path.parent)
    (paths.root / "settings.json").write_text("{}")
    clock = FixedClock(AT)
    first = backup_folder(store.connection(), paths, "pre-upgrade-1.0-to-1.1", clock=clock)
    second = backup_folder(store.connection(), paths, "pre-upgrade-1.0-to-1.1", clock=clock)
    assert first.name == "pre-upgrade-1.0-to-1.1-20261201T201507Z"
    assert second.name == "pre-upgrade-1.0-to-1.1-20261201T201507Z-2"
    assert sorted(p.name for p in paths.backups.iterdir()) == [first.name, second.name]
    for made in (first, second):
        assert {p.name for p in made.iterdir()} == {"hotich.db", "settings.json"}


def test_two_file_copies_in_the_same_second_keep_the_first(store: Store) -> None:
    backups = store.path.parent / "backups"
    clock = FixedClock(AT)
    conn = store.connection()
    first = backup_file_copy(conn, store.path, backups, "pre-migration-v3", clock=clock)
    before = first.read_bytes()
    conn.execute(f"PRAGMA user_version = {schema_version(conn) + 1:d}")  # the store moved on
    second = backup_file_copy(conn, store.path, backups, "pre-migration-v3", clock=clock)
    assert first.name == "pre-migration-v3-20261201T201507Z.db"
    assert second.name == "pre-migration-v3-20261201T201507Z-2.db"
    assert first.read_bytes() == before  # not written over by the later copy
    assert second.read_bytes() != before
