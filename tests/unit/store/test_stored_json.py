"""A record reads back exactly what was stored (the fast decoder reads integers beyond 64
bits as floats: those records are read by the standard one)."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.record import StoredRecord
from desktop_app.store.keyfile import new_data_key
from desktop_app.store.unit_of_work import Store

NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
BIG = 123_456_789_012_345_678_901_234_567_890  # a number typed into a spreadsheet cell


def test_long_integers_and_digit_strings_come_back_exact(tmp_path: Path) -> None:
    store = Store(tmp_path / "hotich.db", new_data_key())
    store.migrate(tmp_path / "backups", backup=False)
    try:
        data = {"deceased": {"full_name": "Lò Văn Tư"}, "note": BIG, "edge": 2**64,
                "low": -(2**63) - 1, "ok": 2**63 - 1, "text": "1234567890123456789012"}
        with store.write() as uow:
            uow.records.insert(StoredRecord(
                id="r-big", type="death", status="draft", data=data, office="26740",
                officer="canbo", created_at=NOW, updated_at=NOW))
        with store.read() as uow:
            back = uow.records.get("r-big")
            parts = uow.records.parts(["r-big"], ("note", "deceased"))
        assert back is not None and back.data == data
        assert type(back.data["note"]) is int and type(back.data["edge"]) is int
        assert parts[0].data["note"] == BIG and type(parts[0].data["note"]) is int
    finally:
        store.close()


def test_a_long_integer_after_whitespace_comes_back_exact(tmp_path: Path) -> None:
    # Whatever wrote the text (an older version, SQLite's own JSON functions), a number may
    # follow its ":" after whitespace: the fast decoder must not read it.
    store = Store(tmp_path / "hotich.db", new_data_key())
    store.migrate(tmp_path / "backups", backup=False)
    try:
        with store.write() as uow:
            uow.records.insert(StoredRecord(
                id="r-spaced", type="death", status="draft",
                data={"deceased": {"full_name": "Lò Văn Tư"}}, office="26740",
                officer="canbo", created_at=NOW, updated_at=NOW))
        store.connection().execute(
            "UPDATE records SET data = ? WHERE id = 'r-spaced'",
            (f'{{"deceased": {{"full_name": "Lò Văn Tư"}}, "note":\n\t {BIG}, '
             f'"list": [ -{BIG}]}}',))
        with store.read() as uow:
            back = uow.records.get("r-spaced")
        assert back is not None
        assert back.data["note"] == BIG and back.data["list"] == [-BIG]
        assert type(back.data["note"]) is int
    finally:
        store.close()


def test_a_record_read_back_is_the_record_its_init_would_make(tmp_path: Path) -> None:
    # Records are read back without StoredRecord's __init__ (_stored sets the fields at
    # once, its JSON left to decode on first read): once read, every field must be there,
    # as __init__ sets it, and nothing else.
    store = Store(tmp_path / "hotich.db", new_data_key())
    store.migrate(tmp_path / "backups", backup=False)
    try:
        written = StoredRecord(
            id="r-1", type="birth", status="approved", data={"child": {"full_name": "H’Hen Niê"}},
            office="26740", officer="canbo", created_at=NOW, updated_at=NOW,
            is_historical=True, registration_number="12", book_number="01/2026",
            registered_on="2026-01-15", year=2026, number_int=12, verified_by="kiemtra",
            approved_by="chutich", overrides=({"rule": "W-X", "reason": "có giấy"},),
            issues=({"rule": "W-X", "severity": "warning"},), version=3)
        with store.write() as uow:
            uow.records.insert(written)
        with store.read() as uow:
            back, other = uow.records.get("r-1"), uow.records.get("r-1")
        assert back is not None and other is not None
        # Its JSON fields are decoded when first read, by whatever reads them first.
        assert other.with_changes(status="signed") == replace(written, status="signed")
        assert back.data == written.data and back.issues == written.issues
        assert vars(back) == vars(StoredRecord(**{f.name: getattr(back, f.name)
                                                   for f in dataclasses.fields(StoredRecord)}))
        assert back == written and back.overrides is back.overrides
        with pytest.raises(dataclasses.FrozenInstanceError):
            back.status = "draft"  # type: ignore[misc]
    finally:
        store.close()
