"""Schemas 6 and 7 (issue 13) upgrade a store written by schema 5: its records keep being found by
search and by the duplicate checks, the counters match the register, and saves go on."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.clock import FixedClock
from desktop_app.domain import prepare_record
from desktop_app.domain.indexing import persons, search_text
from desktop_app.paths import DataPaths
from desktop_app.store.database import latest_version, schema_version
from desktop_app.workflows import accounts, dashboard, records
from tests.samples import build
from tests.unit.store.old_schema import store_at_schema

PW = "schema-five-admin"
AT = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)
NAMES = ("Nguyễn Văn An", "Đặng Thị Hồng", "H’Hen Niê", "Trần Văn Đức")


def _schema_five_store(root: Path) -> DataPaths:
    """What schema 5 held: records indexed in the old FTS table (record_id column)."""
    paths, conn = store_at_schema(root, 5, PW, AT)
    for number, name in enumerate(NAMES, 1):
        rid = f"0000000{number}-0000-4000-8000-000000000000"
        data = prepare_record("birth", build("birth", {"child.full_name": name}))
        status = "synced" if number % 2 else "draft"
        conn.execute(
            "INSERT INTO records (id, type, status, data, office, officer, created_at, "
            "updated_at) VALUES (?, 'birth', ?, ?, '26740', 'canbo', ?, ?)",
            (rid, status, json.dumps(data, ensure_ascii=False), AT.isoformat(),
             AT.isoformat()))
        for p in persons("birth", data):
            conn.execute("INSERT INTO record_persons (record_id, role, match_key, name_key, "
                         "mother_key, date_of_birth) VALUES (?, ?, ?, ?, ?, ?)",
                         (rid, p.role, p.match_key, p.name_key, p.mother_key, p.date_of_birth))
        conn.execute("INSERT INTO record_search (record_id, text) VALUES (?, ?)",
                     (rid, search_text("birth", data, None, None)))
        conn.execute("INSERT INTO outbox (record_id, version, idempotency_key, state, "
                     "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?)",
                     (rid, f"k{number}", "accepted" if number % 2 else "pending",
                      AT.isoformat(), AT.isoformat()))
    marriage = prepare_record("marriage", build("marriage", {
        "husband.personal_id": "079098001234"}))
    conn.execute(
        "INSERT INTO records (id, type, status, data, office, officer, created_at, updated_at)"
        " VALUES ('m1', 'marriage', 'synced', ?, '26740', 'canbo', ?, ?)",
        (json.dumps(marriage, ensure_ascii=False), AT.isoformat(), AT.isoformat()))
    for p in persons("marriage", marriage):
        conn.execute("INSERT INTO record_persons (record_id, role, match_key, name_key, "
                     "date_of_birth) VALUES ('m1', ?, ?, ?, ?)",
                     (p.role, p.match_key, p.name_key, p.date_of_birth))
    conn.execute("COMMIT")
    assert schema_version(conn) == 5
    conn.close()
    return paths


def test_schema_five_records_are_found_and_counted_after_the_upgrade(tmp_path: Path) -> None:
    paths = _schema_five_store(tmp_path / "old")
    session = accounts.login(paths, "canbo", PW, FixedClock(AT))
    try:
        assert session.store.schema_version() == latest_version() >= 6
        assert [r.data["child"]["full_name"] for r in records.search(session, "hhen nie")] \
            == ["H’Hen Niê"]
        assert {r.data["child"]["full_name"] for r in records.search(session, "d")} \
            >= {"Đặng Thị Hồng", "Trần Văn Đức"}
        summary = dashboard.summary(session)
        assert summary.by_status == {"synced": 3, "draft": 2}
        assert summary.outbox_by_state == {"accepted": 2, "pending": 2}
        assert summary.created_today == 5 == sum(d.count for d in summary.last_days)

        # A record written before the upgrade is edited: found under its new name only.
        (old,) = records.search(session, "tran van duc")
        records.update_draft(session, old.id, build("birth", {
            "child.full_name": "Trần Văn Đạt"}))
        assert records.search(session, "tran van duc") == []
        assert [r.id for r in records.search(session, "tran van dat")] == [old.id]
        # New records get the next integer key and count at once.
        new = records.create_record(session, "birth", build("birth", {
            "child.full_name": "Lê Thị Mai"})).record
        assert [r.id for r in records.search(session, "le thi mai")] == [new.id]
        assert dashboard.summary(session).by_status == {"synced": 3, "draft": 3}
        # The spouses' personal IDs were filled in (schema 7): the same man, his birth year
        # mistyped, is still found married.
        again = records.create_record(session, "marriage", build("marriage", {
            "husband.personal_id": "079098001234", "husband.date_of_birth": "1979-05-01",
            "wife.full_name": "Lê Thị Hoa", "registration_kind": "re_registration"}))
        assert "W-MARR-BIGAMY" in {i.code for i in again.issues}
    finally:
        session.close()
