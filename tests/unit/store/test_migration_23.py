"""Schema 23 (issue 13) orders the spouse index by birth date and gives personal IDs an index
of their own: a store written by schema 22 finds, after the upgrade, the same namesakes in
force, by the year and by the ID."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.clock import FixedClock
from desktop_app.domain import prepare_record
from desktop_app.paths import DataPaths
from desktop_app.record import StoredRecord
from desktop_app.store.database import latest_version, schema_version
from desktop_app.store.records_repo import RecordsRepository
from desktop_app.workflows import accounts, record_index
from tests.samples import build
from tests.unit.store.old_schema import store_at_schema

PW = "schema-22-admin"
AT = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)
# A man married twice before under his name: once with his ID written, once without it.
HUSBAND = {"full_name": "Hoàng Văn Sáu", "sex": "male", "date_of_birth": "1971-03-04"}
ID = "079071001234"


def _married(rid: str, husband: dict[str, str], wife: str) -> StoredRecord:
    data = prepare_record("marriage", build("marriage", {
        "husband": husband, "wife": {"full_name": wife, "sex": "female"}}))
    return StoredRecord(id=rid, type="marriage", status="approved", data=data, office="26740",
                        officer="canbo", created_at=AT, updated_at=AT)


def _schema_22_store(root: Path) -> DataPaths:
    paths, conn = store_at_schema(root, 22, PW, AT)
    repo = RecordsRepository(conn)
    repo.insert(_married("m-id", {**HUSBAND, "personal_id": ID}, "Lò Thị Một"))
    repo.insert(_married("m-year", HUSBAND, "Lò Thị Hai"))
    repo.insert(_married("m-other", {**HUSBAND, "date_of_birth": "1980"}, "Lò Thị Ba"))
    conn.execute("COMMIT")
    assert schema_version(conn) == 22
    conn.close()
    return paths


def test_a_schema_22_store_finds_the_same_marriages_in_force(tmp_path: Path) -> None:
    paths = _schema_22_store(tmp_path / "old")
    session = accounts.login(paths, "canbo", PW, FixedClock(AT))
    try:
        assert session.store.schema_version() == latest_version() >= 23
        found = {}
        for label, husband in (("no ID", HUSBAND), ("the ID", {**HUSBAND, "personal_id": ID}),
                               ("another ID", {**HUSBAND, "personal_id": "079071009999"})):
            data = build("marriage", {"husband": husband,
                                      "registration_kind": "re_registration"})
            with session.store.read() as uow:
                context = record_index.validation_context(uow, "marriage", data, "new")
            found[label] = {m.record_id for m in context.active_marriages}
    finally:
        session.close()
    # the man of 1980 is another; with an ID, only the same ID or none written is him
    assert found == {"no ID": {"m-id", "m-year"}, "the ID": {"m-id", "m-year"},
                     "another ID": {"m-year"}}
