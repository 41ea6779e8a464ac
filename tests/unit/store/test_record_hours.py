"""Records created per hour come from counters kept by triggers (schema 15), and say what
counting the records says, for any starting moment (issue 13: the dashboard's 30 days read
91,000 index entries at a million records)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.record import StoredRecord
from desktop_app.store.keyfile import new_data_key
from desktop_app.store.migrations import MIGRATIONS, SCHEMA_15
from desktop_app.store.unit_of_work import Store

CREATED = ("2026-01-14T16:59:59+00:00", "2026-01-14T17:00:00+00:00",
           "2026-01-14T17:20:00.500000+00:00", "2026-01-14T17:40:00+00:00",
           "2026-01-15T00:10:00+07:00", "2026-01-15T00:50:00+07:00",
           "2026-01-15T09:00:00+00:00", "2026-01-16T10:00:00+00:00")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "hotich.db", new_data_key())
    # The schema just before the counters (its number, whatever is added after it).
    opened.migrate(tmp_path / "backups", target=MIGRATIONS.index(SCHEMA_15), backup=False)
    yield opened
    opened.close()


def _insert(store: Store, created: tuple[str, ...], start: int = 0) -> None:
    with store.write() as uow:
        for i, at in enumerate(created, start):
            moment = datetime.fromisoformat(at)
            uow.records.insert(StoredRecord(
                id=f"r{i:03d}", type="death", status="draft",
                data={"deceased": {"full_name": f"Lò Văn {i}"}}, office="26740",
                officer="canbo", created_at=moment, updated_at=moment))


def _insert_before_the_counters(store: Store, created: tuple[str, ...]) -> None:
    """Records as that older schema holds them (the repository writes today's schema)."""
    with store.write():
        store.connection().executemany(
            "INSERT INTO records (n, id, type, status, data, office, officer, created_at, "
            "updated_at) VALUES (?, ?, 'death', 'draft', '{}', '26740', 'canbo', ?, ?)",
            [(i + 1, f"r{i:03d}", at, at) for i, at in enumerate(created)])


def _counted(created: list[str], since: str) -> Counter[tuple[str, str]]:
    """What counting the records gives (created_at compared as stored text)."""
    return Counter((at[:13], at[-6:]) for at in created if at >= since)


def _per_hour(store: Store, since: str) -> Counter[tuple[str, str]]:
    with store.read() as uow:
        found: Counter[tuple[str, str]] = Counter()
        for hour, tz, n in uow.records.created_per_hour(since):
            found[(hour, tz)] += n
        return found


def test_the_counters_say_what_counting_the_records_says(store: Store, tmp_path: Path
                                                         ) -> None:
    _insert_before_the_counters(store, CREATED[:5])  # the migration counts them
    store.migrate(tmp_path / "backups", backup=False)
    _insert(store, CREATED[5:], start=5)  # after it: the triggers count them
    with store.read() as uow:
        stored = [r.created_at.isoformat() for r in uow.records.list_records()]
    assert sorted(stored) == sorted(CREATED)
    counters = store.connection().execute(
        "SELECT hour, tz, n FROM record_hours ORDER BY 1, 2").fetchall()
    assert sum(n for _h, _tz, n in counters) == len(CREATED)
    for since in ("2026-01-14T17:00:00+00:00", "2026-01-14T17:30:00+00:00",
                  "2026-01-14T00:00:00+00:00", "2026-01-15T00:30:00+07:00",
                  "2026-01-16T10:00:00+00:00", "2026-02-01T00:00:00+00:00"):
        assert _per_hour(store, since) == _counted(stored, since), since


def test_a_deleted_record_is_no_longer_counted(store: Store, tmp_path: Path) -> None:
    store.migrate(tmp_path / "backups", backup=False)
    _insert(store, CREATED)
    conn = store.connection()
    conn.execute("DELETE FROM record_text WHERE rowid = (SELECT n FROM records "
                 "WHERE id = 'r006')")
    conn.execute("DELETE FROM record_persons WHERE record_n = (SELECT n FROM records "
                 "WHERE id = 'r006')")
    conn.execute("DELETE FROM records WHERE id = 'r006'")
    since = "2026-01-14T00:00:00+00:00"
    assert _per_hour(store, since) == _counted([*CREATED[:6], *CREATED[7:]], since)
