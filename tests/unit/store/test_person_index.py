"""The person index keyed by the record's n (schema 20): its partial lookup indexes are the ones
the repository's queries name, a lookup leaves out only the record being checked, and the
candidates it answers are read by n."""

from __future__ import annotations

import re
from dataclasses import astuple
from datetime import UTC, datetime

import pytest

from desktop_app.domain import PartySummary
from desktop_app.domain.indexing import party
from desktop_app.record import StoredRecord
from desktop_app.store import records_repo
from desktop_app.store.records_repo import year_range
from desktop_app.store.unit_of_work import Store
from desktop_app.workflows.record_index import SpouseWanted

AT = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)



def _record(rid: str, rtype: str, data: dict[str, object]) -> StoredRecord:
    return StoredRecord(id=rid, type=rtype, status="approved", data=data, office="26740",
                        officer="canbo", created_at=AT, updated_at=AT)


def _where(store: Store, index: str) -> str:
    (sql,) = store.connection().execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (index,)).fetchone()
    return re.sub(r"\s+", " ", str(sql).split(" WHERE ", 1)[1])


def test_the_partial_indexes_hold_what_the_queries_repeat(store: Store) -> None:
    # SQLite uses a partial index only for a query whose WHERE holds the index's terms.
    assert _where(store, "record_persons_match") == records_repo._MATCHED
    assert _where(store, "record_persons_spouse") == records_repo._LOOKED_UP
    assert _where(store, "record_persons_spouse_id") == \
        f"personal_id IS NOT NULL AND {records_repo._LOOKED_UP}"
    assert _where(store, "record_persons_mother") == "mother_key IS NOT NULL"


def test_lookups_leave_out_only_the_record_checked(store: Store) -> None:
    child = {"full_name": "Lò Văn Một", "date_of_birth": "2001-02-03"}
    mother = {"full_name": "Lò Thị Hai"}
    with store.write() as uow:
        uow.records.insert(_record("b1", "birth", {"child": child, "mother": mother}))
        uow.records.insert(_record("m1", "marriage", {
            "husband": {"full_name": "Lò Văn Một", "date_of_birth": "2001-02-03"},
            "wife": {"full_name": "Vàng Thị Ba"}}))
    conn = store.connection()
    [(birth_n,)] = conn.execute("SELECT n FROM records WHERE id = 'b1'")
    [(key,)] = conn.execute("SELECT match_key FROM record_persons WHERE record_n = ? AND "
                            "role = 'child'", (birth_n,))
    with store.read() as uow:
        # a record not stored yet (a new one being checked) leaves out nothing
        assert uow.records.ns_by_match_key([key], exclude="not-stored") == [birth_n]
        assert uow.records.ns_by_match_key([key], exclude="b1") == []
        # the husband has the child's key too, but match keys are looked up for children
        assert uow.records.ns_by_match_key([key], exclude="m1") == [birth_n]
        # names: the spouses, not the child of the same name
        found = uow.records.ns_by_name_key(["lovanmot"], "not-stored", roles=("husband",))
        assert [p.id for p in uow.records.parts_by_n(found, ("husband",))] == ["m1"]
        assert uow.records.ns_by_name_key(["lovanmot"], "m1", roles=("husband",)) == []
        assert uow.records.held_keys("name_key", ["lovanmot", "lothihai"]) == {"lovanmot"}
        assert uow.records.held_keys("match_key", [key]) == {key}
        # no field asked: the record's head only
        assert [(p.id, p.data) for p in uow.records.parts_by_n([birth_n], ())] == [("b1", {})]
        with pytest.raises(ValueError, match="not in the spouse index"):
            uow.records.ns_by_name_key(["lothihai"], "", roles=("mother",))


def test_a_record_keeps_its_rows_under_its_n_when_its_parties_change(store: Store) -> None:
    with store.write() as uow:
        uow.records.insert(_record("d1", "death", {"deceased": {"full_name": "Lò Văn Một"}}))
        uow.records.update(_record("d1", "death", {"deceased": {"full_name": "Lò Văn Hai"}}))
    rows = store.connection().execute(
        "SELECT p.role, p.name_key FROM record_persons AS p JOIN records AS r "
        "ON r.n = p.record_n WHERE r.id = 'd1'").fetchall()
    assert rows == [("deceased", "lovanhai")]
    with store.read() as uow:
        assert list(uow.records.parties_like("lovanmot", "", roles=("deceased",), born=None,
                                             personal_id=None)) == []
        [found] = uow.records.parties_like("lovanhai", "", roles=("deceased",), born=None,
                                           personal_id=None)
        assert (found.role, found.record_type, found.status) == ("deceased", "death", "approved")


def test_held_spouses_finds_whom_parties_like_finds(store: Store) -> None:
    """A bulk import reads bigamy's context only for a spouse held_spouses holds: the same
    name, and a birth in the same year, or no date on record, or the same personal ID (in
    SQL for the store, SpouseWanted.matches for the batch: they must agree)."""
    husbands = [("m1", None, None), ("m2", "1970-05-01", None), ("m3", "1950", "079098001234")]
    with store.write() as uow:
        for rid, born, pid in husbands:
            husband = {"full_name": f"Trịnh Văn {rid}", "date_of_birth": born,
                       "personal_id": pid}
            uow.records.insert(_record(rid, "marriage", {
                "husband": {k: v for k, v in husband.items() if v}, "wife": {}}))
    asked = [SpouseWanted(f"trinhvan{rid}", *year_range(year), pid)
             for rid in ("m1", "m2", "m3") for year in ("1970", "1971")
             for pid in ("", "079098001234")]
    with store.read() as uow:
        held = uow.records.held_spouses(asked)
        for wanted in asked:
            rid = wanted.name_key.removeprefix("trinhvan")
            found = [r for r in uow.records.parties_like(
                wanted.name_key, "", roles=("husband", "wife"), born=wanted.lo,
                personal_id=wanted.personal_id or None)]
            stored = next((born, pid) for r, born, pid in husbands if r == rid)
            assert (wanted in held) == bool(found) == wanted.matches(*stored), wanted
    assert {w[0] for w in held} == {"trinhvanm1", "trinhvanm2", "trinhvanm3"}
    assert len(held) == 4 + 2 + 2  # no date: all; 1970: both IDs; the ID: both years


def test_parties_are_read_as_a_whole_reading_gives_them(store: Store) -> None:
    """parties_by_n picks the fields out in SQL; they read as PartySummary.from_person reads
    the record: blank or non-text values are none, a missing party is all none."""
    husband = {"full_name": "H’Hen Niê", "date_of_birth": "  ", "personal_id": 79098001234}
    with store.write() as uow:
        uow.records.insert(_record("m1", "marriage", {"husband": husband, "wife": "?"}))
        uow.records.insert(_record("d1", "death", {"deceased": {"full_name": "A"}}))
    [(m_n,), (d_n,)] = store.connection().execute("SELECT n FROM records ORDER BY n")
    with store.read() as uow:
        [part] = uow.records.parties_by_n([d_n, m_n, 99], ("husband", "wife"),
                                          record_type="marriage")
        stored = uow.records.get("m1")
    assert stored is not None
    assert (part.id, part.n, part.status) == ("m1", m_n, "approved")
    assert part.parties == tuple(
        astuple(PartySummary.from_person(party(stored.data, k))) for k in ("husband", "wife"))
    assert part.parties == (("H’Hen Niê", None, None), (None, None, None))


def test_namesake_lookups_seek_the_birth_year_or_the_personal_id(store: Store) -> None:
    """Bigamy's lookups read only the namesakes of the spouse's year, or of the same ID: at a
    million records a common name has ~900 parties of every year and ~14 of one (schema 23:
    an index ordered by ID before date read them all when the spouse's ID was not known)."""
    conn = store.connection()
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        with store.read() as uow:
            for pid in (None, "079098001234"):
                list(uow.records.parties_like("trinhvanmot", "", roles=("husband", "wife"),
                                              born="1970", personal_id=pid))
            uow.records.held_spouses([SpouseWanted("trinhvanmot", *year_range("1970"),
                                                   "079098001234")])
    finally:
        conn.set_trace_callback(None)
    lookups = [sql for sql in seen if "record_persons" in sql]
    assert len(lookups) == 2 + 3 + 1, lookups
    for sql in lookups:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        searches = [d for d in plan if "record_persons" in d]
        assert searches, plan
        for detail in searches:  # a range of the year, no date, or one ID
            assert re.search(r"date_of_birth[=>]|personal_id=", detail), (detail, sql)
