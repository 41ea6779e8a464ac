"""The bulk import's insert (its index computed ahead, in the preparing process) stores what
the plain insert stores: the same row, person entries and search text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.domain import prepare_record
from desktop_app.domain.indexing import persons, search_text
from desktop_app.record import StoredRecord
from desktop_app.store.records_repo import data_json, person_rows
from desktop_app.workflows.bulk_import_prepare import findings_of
from desktop_app.workflows.status import new_draft
from tests.samples import build
from tests.unit.conftest import Office

AT = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


def _rec(record_id: str) -> StoredRecord:
    data = prepare_record("birth", build("birth", {
        "child.personal_id": "079204000123", "registered_on": "2004-12-30",
        "registration_number": "12", "book_number": "01/2004"}))
    return new_draft(id=record_id, type="birth", data=data, office="26740", officer="canbo",
                     created_at=AT, updated_at=AT, is_historical=True,
                     issues=({"rule": "W-LEGACY-NO-SOURCE", "field": "source", "params": {},
                              "severity": "warning"},),
                     registration_number="12", book_number="01/2004",
                     registered_on="2004-12-30")


def _stored(office: Office, record_id: str) -> tuple[dict[str, object], list[object], bool]:
    conn = office("canbo").store.connection()
    row = conn.execute("SELECT * FROM records WHERE id = ?", (record_id,)).fetchone()
    names = [d[0] for d in conn.execute("SELECT * FROM records LIMIT 0").description]
    fields = {k: v for k, v in zip(names, row, strict=True) if k not in ("id", "n")}
    people = conn.execute("SELECT role, match_key, name_key, mother_key, date_of_birth, "
                          "event_date, personal_id FROM record_persons WHERE record_n = "
                          "(SELECT n FROM records WHERE id = ?) ORDER BY role",
                          (record_id,)).fetchall()
    n = conn.execute("SELECT n FROM records WHERE id = ?", (record_id,)).fetchone()[0]
    found = conn.execute("SELECT rowid FROM record_text WHERE record_text MATCH ?",
                         ('"079204000123"',)).fetchall()
    return fields, people, (n,) in found


def test_insert_indexed_stores_what_insert_stores(office: Office) -> None:
    plain, indexed = _rec("a" * 8), _rec("b" * 8)
    with office("canbo").store.write() as uow:
        uow.records.insert(plain)
        uow.records.insert_indexed(
            indexed, person_rows(persons(indexed.type, indexed.data)),
            search_text(indexed.type, indexed.data, indexed.registration_number,
                        indexed.book_number), data_json(indexed.data),
            data_json(list(indexed.issues)))  # type: ignore[arg-type]
    assert _stored(office, indexed.id) == _stored(office, plain.id)
    fields, people, found = _stored(office, indexed.id)
    assert len(people) == 4 and found  # child, mother, father, declarant; searchable
    with office("canbo").store.read() as uow:
        assert uow.records.get(indexed.id) == indexed


def test_the_findings_an_entry_keeps_are_not_its_errors() -> None:
    from desktop_app.domain import Issue

    issues = [Issue.of("E-FIELD-VALUE", "child.sex"), Issue.of("W-TWINS", "child.date_of_birth")]
    found = findings_of(issues)
    assert found.errors == (("E-FIELD-VALUE", "child.sex"),)
    assert [i["rule"] for i in found.kept] == ["W-TWINS"]
    assert found.kept_json == data_json(list(found.kept))  # type: ignore[arg-type]


def test_an_import_writes_with_a_bigger_page_cache_then_gives_it_back(
        office: Office, tmp_path: Path) -> None:
    import json

    from desktop_app.workflows import bulk_import

    officer = office("canbo")
    with officer.store.read() as uow:
        everyday = uow.records.page_cache(16000)
    source = tmp_path / "entries.json"
    source.write_text(json.dumps([{"type": "birth", "data": build("birth", {
        "child.full_name": f"Lê Văn Một {k}", "registered_on": "2004-12-30"})}
        for k in range(5)], ensure_ascii=False), encoding="utf-8")
    seen: list[int] = []

    def during(_stage: str, _line: int, _total: int) -> None:
        with officer.store.read() as uow:  # read it (set something, then it back)
            now = uow.records.page_cache(1000)
            uow.records.page_cache(now)
            seen.append(now)

    summary = bulk_import.run_import(officer, source, book="B-1", batch=2, progress=during)
    assert summary.imported == 5
    assert set(seen[:-1]) == {bulk_import.IMPORT_CACHE_KIB}  # while writing batches
    assert seen[-1] == everyday  # the last call: the import is over
    with officer.store.read() as uow:
        assert uow.records.page_cache(everyday) == everyday == 16000


def test_a_batch_that_fails_to_start_leaves_no_transaction_open(
        office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second batch's start fails (a read of the store): the import stops with that
    error, the first batch stays, and the store takes the next write."""
    import json

    from desktop_app.store.database import DatabaseError
    from desktop_app.store.meta_repo import MetaRepository
    from desktop_app.workflows import bulk_import

    officer = office("canbo")
    source = tmp_path / "entries.json"
    source.write_text(json.dumps([{"type": "birth", "data": build("birth", {
        "child.full_name": f"Lê Văn Một {k}", "registered_on": "2004-12-30"})}
        for k in range(4)], ensure_ascii=False), encoding="utf-8")
    reads = {"commune": 0}
    real_get = MetaRepository.get

    def failing_get(self: MetaRepository, key: str) -> str | None:
        if key == "commune_code":
            reads["commune"] += 1
            if reads["commune"] == 2:
                raise DatabaseError("disk I/O error")
        return real_get(self, key)

    conn = officer.store.connection()
    (before,) = conn.execute("SELECT count(*) FROM records").fetchone()
    monkeypatch.setattr(MetaRepository, "get", failing_get)
    with pytest.raises(DatabaseError) as failed:
        bulk_import.run_import(officer, source, book="B-1", batch=2, worker=False)
    monkeypatch.setattr(MetaRepository, "get", real_get)
    # Ended by the import itself, not when the failed batch is collected (its traceback,
    # still held here, keeps it alive).
    assert failed.traceback and not conn.in_transaction
    with officer.store.write() as uow:
        uow.records.insert(_rec("after-the-failure"))
    (after,) = conn.execute("SELECT count(*) FROM records").fetchone()
    assert after == before + 2 + 1  # the first batch, then the new record
