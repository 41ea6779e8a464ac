"""A store digitised before schema 14 (progress and accuracy then came from aggregates over
every entry) upgrades with its counters filled from what it holds, and they then follow new
keyings as the aggregates would have."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.store.books_repo import BookRow, FieldComparison
from desktop_app.store.keyfile import new_data_key
from desktop_app.store.migrations import MIGRATIONS, SCHEMA_14
from desktop_app.store.unit_of_work import Store

AT = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
WARNING = {"rule": "W-LEGACY-NO-NUMBER", "field": "registration_number",
           "severity": "warning", "params": {}}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "hotich.db", new_data_key())
    # The schema just before the workbench's (its number, whatever is added after it).
    opened.migrate(tmp_path / "backups", target=MIGRATIONS.index(SCHEMA_14), backup=False)
    yield opened
    opened.close()


def _entry(store: Store, book: str, page: int, n: int, *, verified: bool,
           warned: bool) -> str:
    rid = f"r{n:03d}"
    with store.write() as uow:
        # the record as that older schema holds it (the repository writes today's schema)
        store.connection().execute(
            "INSERT INTO records (n, id, type, status, is_historical, data, office, officer, "
            "verified_by, issues, created_at, updated_at) VALUES (?, ?, 'death', ?, 1, ?, "
            "'26740', 'canbo', ?, ?, ?, ?)",
            (n, rid, "submitted" if verified else "draft",
             json.dumps({"deceased": {"full_name": f"Lò Văn {n}"}}, ensure_ascii=False),
             "canbo2" if verified else None, json.dumps([WARNING] if warned else []),
             AT.isoformat(), AT.isoformat()))
        uow.books.tie(rid, book, page, n)
    return rid


def test_counters_start_from_what_the_books_hold(store: Store, tmp_path: Path) -> None:
    with store.write() as uow:
        uow.books.add(BookRow("b1", "26740", "death", 1990, "01/1990", "UBND xã", 3, "canbo",
                              AT.isoformat()))
        digest = uow.attachments.keep(b"\x89PNG page one", "image/png", AT)
        page = uow.books.add_page("b1", 1, digest, "image/png", 0, "p1.png", "canbo", AT)
    kept = [_entry(store, "b1", page, 1, verified=True, warned=True),
            _entry(store, "b1", page, 2, verified=False, warned=True),
            _entry(store, "b1", page, 3, verified=True, warned=False)]
    with store.write() as uow:  # entry 3 was double-entered: one field disagreed, decided
        for n, officer in ((1, "canbo"), (2, "canbo2")):
            uow.books.add_keying(kept[2], n, officer, {"n": n}, AT)
        uow.books.put_fields(kept[2], [
            FieldComparison("deceased.full_name", '"A"', '"A"', True),
            FieldComparison("registration_number", '"8"', '"3"', False)])
        uow.books.decide(kept[2], "registration_number", '"8"', "chutich", AT)

    store.migrate(tmp_path / "backups", backup=False)
    with store.read() as uow:
        [progress] = uow.books.progress_by_book()
        officers = {a.key: a for a in uow.books.accuracy_by_officer()}
        [per_book] = uow.books.accuracy_by_book()
        fields = uow.books.most_disagreed_fields()
    assert (progress.pages, progress.entries, progress.verified, progress.with_warnings) == \
        (1, 3, 2, 2)
    assert (officers["canbo"].fields, officers["canbo"].disagreed, officers["canbo"].wrong) \
        == (2, 1, 0)
    assert (officers["canbo2"].disagreed, officers["canbo2"].wrong) == (1, 1)
    assert (per_book.entries, per_book.disagreed, per_book.wrong) == (1, 1, 1)
    assert fields == [("registration_number", 1)]

    # after the upgrade the triggers follow the entries: verified, warnings cleared, a page
    rec = kept[1]
    with store.write() as uow:
        current = uow.records.get(rec)
        assert current is not None
        uow.records.update(current.with_changes(verified_by="canbo2", issues=()))
        digest = uow.attachments.keep(b"\x89PNG page two", "image/png", AT)
        uow.books.add_page("b1", 2, digest, "image/png", 0, "p2.png", "canbo", AT)
    with store.read() as uow:
        [progress] = uow.books.progress_by_book()
    assert (progress.pages, progress.entries, progress.verified, progress.with_warnings) == \
        (2, 3, 3, 1)
