"""The unit of work: one transaction that commits or rolls back whole, reads that cannot
write, and records that are re-indexed by the store itself on every save."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.domain import fold_for_search
from desktop_app.record import StoredRecord
from desktop_app.store.database import DatabaseError
from desktop_app.store.unit_of_work import Store, UnitOfWork

NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)



def _birth(name: str) -> StoredRecord:
    return StoredRecord(id="r1", type="birth", status="draft",
                        data={"child": {"full_name": name, "date_of_birth": "2026-01-10"}},
                        office="26740", officer="canbo", created_at=NOW, updated_at=NOW)


def test_a_write_commits_whole_or_not_at_all(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as uow:
        uow.records.insert(_birth("Lò Văn Một"))
        uow.audit.append(at=NOW, actor="canbo", action="record.create", target="r1")
        raise RuntimeError("fails midway")
    with store.read() as uow:
        assert uow.records.get("r1") is None
        assert list(uow.audit.entries()) == []
        assert uow.records.search_ids(fold_for_search("Một")) == []
    with store.write() as uow:
        uow.records.insert(_birth("Lò Văn Một"))
        uow.audit.append(at=NOW, actor="canbo", action="record.create", target="r1")
    with store.read() as uow:
        assert uow.records.get("r1") is not None
        assert uow.audit.verify() == 1


def test_a_read_refuses_to_write_and_units_do_not_nest(store: Store) -> None:
    with store.read() as uow, pytest.raises(DatabaseError):
        uow.meta.put("k", "v")
    with store.write() as uow:  # the connection writes again once the read is over
        uow.meta.put("k", "v")
        with store.read() as inner:  # a read inside a write sees the write
            assert inner.meta.get("k") == "v"
        with pytest.raises(RuntimeError), store.write():
            pass
    with store.read() as uow:
        assert uow.meta.get("k") == "v"


def _ids(uow: UnitOfWork, ns: list[int]) -> list[str]:
    """The ids of the records the person index lookups answer (by their n)."""
    return [p.id for p in uow.records.parts_by_n(ns, ())]


def test_insert_and_update_reindex_the_record(store: Store) -> None:
    with store.write() as uow:
        uow.records.insert(_birth("Lò Văn Một"))
    with store.read() as uow:
        assert uow.records.search_ids(fold_for_search("lo van mot")) == ["r1"]
    with store.write() as uow:
        uow.records.update(_birth("Vàng A Hai"))
    with store.read() as uow:
        assert uow.records.search_ids(fold_for_search("mot")) == []
        assert uow.records.search_ids(fold_for_search("vang a hai")) == ["r1"]
        assert _ids(uow, uow.records.ns_by_name_key(["vangahai"], exclude="")) == ["r1"]


def _index_rows(store: Store) -> list[tuple[object, ...]]:
    """The person rows of r1, with how many person rows were ever written (a temporary
    trigger counts them: the table has no rowid that a rewrite would change)."""
    conn = store.connection()
    conn.executescript(
        "CREATE TEMP TABLE IF NOT EXISTS persons_written (n INTEGER);"
        "CREATE TEMP TRIGGER IF NOT EXISTS persons_counted AFTER INSERT ON record_persons "
        "BEGIN INSERT INTO persons_written VALUES (NEW.record_n); END;")
    return [*conn.execute(
        "SELECT p.role, p.name_key FROM record_persons AS p JOIN records AS r "
        "ON r.n = p.record_n WHERE r.id = 'r1' ORDER BY p.role").fetchall(),
        conn.execute("SELECT count(*) FROM persons_written").fetchone()]


def test_an_update_rewrites_only_the_index_entries_that_changed(store: Store) -> None:
    """A status change or an approval's number leaves the parties as they were: their person
    entries are not written again (issue 13: ~30 pages fewer per approval at 1M)."""
    with store.write() as uow:
        uow.records.insert(_birth("Lò Văn Một"))
        uow.records.insert(_birth("Lò Thị Ba").with_changes(id="r2"))  # rows written again
    entries = _index_rows(store)  # the count grows if rows are written again
    approved = _birth("Lò Văn Một").with_changes(status="approved",
                                                 registration_number="17/2026")
    with store.write() as uow:
        uow.records.update(approved)
    assert _index_rows(store) == entries  # the same rows, not deleted and inserted again
    with store.read() as uow:  # the number is searchable, the name still is
        assert uow.records.search_ids(fold_for_search("17/2026")) == ["r1"]
        assert uow.records.search_ids(fold_for_search("lo van mot")) == ["r1"]
    with store.write() as uow:
        uow.records.update(approved.with_changes(status="signed"))
    assert _index_rows(store) == entries
    with store.write() as uow:
        uow.records.update(approved.with_changes(data={"child": {"full_name": "Lò Văn Hai"}}))
    assert _index_rows(store) != entries
    with store.read() as uow:
        assert _ids(uow, uow.records.ns_by_name_key(["lovanhai"], exclude="")) == ["r1"]
        assert uow.records.ns_by_name_key(["lovanmot"], exclude="") == []
        assert uow.records.search_ids(fold_for_search("lo van hai")) == ["r1"]
        assert uow.records.search_ids(fold_for_search("17/2026")) == ["r1"]


ROOT = Path(__file__).resolve().parents[3]
_SQL_CALLS = {"execute", "executemany", "executescript", "connection", "cursor"}


def _sql_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in _SQL_CALLS)


def test_no_module_outside_the_store_runs_sql() -> None:
    """The client's SQL is in desktop_app/store; sync/server is the central server, with a
    store of its own (SQLAlchemy)."""
    offenders = []
    for package in ("desktop_app", "sync", "signing", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith(("desktop_app/store/", "sync/server/")):
                continue
            offenders += [f"{relative}:{line}" for line in _sql_calls(path)]
    assert offenders == []
    assert _sql_calls(ROOT / "desktop_app" / "store" / "records_repo.py")  # the scan sees SQL
