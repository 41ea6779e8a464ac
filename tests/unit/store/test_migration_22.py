"""Schema 22 (issue 13) keys a record's history by the record's integer n: a store written by
schema 21 keeps every event of every record, in order, and new events follow them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.clock import FixedClock
from desktop_app.domain import prepare_record
from desktop_app.paths import DataPaths
from desktop_app.record import RecordEvent
from desktop_app.store.database import latest_version, schema_version
from desktop_app.workflows import accounts, records
from tests.samples import build
from tests.unit.store.old_schema import store_at_schema

PW = "schema-21-admin"
AT = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)
IDS = ("0000000a-0000-4000-8000-000000000000", "0000000b-0000-4000-8000-000000000000")
# (record, action, from, to, reason), in the order they happened: the two records' events
# interleave, as a day's work does.
HISTORY = ((0, "create", None, "draft", ""), (1, "create", None, "draft", ""),
           (0, "submit", "draft", "submitted", ""), (1, "submit", "draft", "submitted", ""),
           (0, "reject", "submitted", "draft", "thiếu giấy chứng sinh"))


def _schema_21_store(root: Path) -> DataPaths:
    paths, conn = store_at_schema(root, 21, PW, AT)
    data = prepare_record("birth", build("birth", {"child.full_name": "H’Hen Niê"}))
    for n, rid in enumerate(IDS, start=1):
        conn.execute(
            "INSERT INTO records (n, id, type, status, data, office, officer, created_at, "
            "updated_at) VALUES (?, ?, 'birth', ?, ?, '26740', 'canbo', ?, ?)",
            (n, rid, "draft" if n == 1 else "submitted", json.dumps(data, ensure_ascii=False),
             AT.isoformat(), AT.isoformat()))
    for which, action, before, after, reason in HISTORY:
        conn.execute("INSERT INTO record_events (record_id, at, actor, action, from_status, "
                     "to_status, reason) VALUES (?, ?, 'canbo', ?, ?, ?, ?)",
                     (IDS[which], AT.isoformat(), action, before, after, reason))
    conn.execute("COMMIT")
    assert schema_version(conn) == 21
    conn.close()
    return paths


def _history(which: int) -> list[RecordEvent]:
    return [RecordEvent(IDS[which], AT, "canbo", action, before, after, reason)
            for w, action, before, after, reason in HISTORY if w == which]


def test_a_schema_21_history_is_kept_in_order_and_goes_on(tmp_path: Path) -> None:
    paths = _schema_21_store(tmp_path / "old")
    session = accounts.login(paths, "canbo", PW, FixedClock(AT))
    try:
        assert session.store.schema_version() == latest_version() >= 22
        assert records.history(session, IDS[0]) == _history(0)
        assert records.history(session, IDS[1][:8]) == _history(1)
        records.submit(session, IDS[0])
        assert [e.action for e in records.history(session, IDS[0])] == [
            "create", "submit", "reject", "submit"]
        assert records.history(session, IDS[1]) == _history(1)
        # A new record's history starts with its creation.
        new = records.create_record(session, "birth", build("birth", {
            "child.full_name": "Lê Thị Mai"})).record
        assert [e.action for e in records.history(session, new.id)] == ["create"]
    finally:
        session.close()


def test_an_event_of_a_record_not_in_the_store_is_refused(tmp_path: Path) -> None:
    paths = _schema_21_store(tmp_path / "old")
    session = accounts.login(paths, "canbo", PW, FixedClock(AT))
    try:
        with pytest.raises(Exception, match="NOT NULL"), session.store.write() as uow:
            uow.records.add_event(RecordEvent("no-such-record", AT, "canbo", "create", None,
                                              "draft", ""))
        with session.store.read() as uow:
            assert uow.records.events("no-such-record") == []
    finally:
        session.close()
