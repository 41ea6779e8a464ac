"""Names with an apostrophe (Ê Đê, Jrai: "H’Khoa Niê", "Y’Bih") are found by their joined form
("hkhoa") and by their parts ("khoa"); stores indexed before are re-indexed once at upgrade,
batch by batch, carrying on after a kill, telling their progress."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.clock import FixedClock
from desktop_app.domain.indexing import search_words
from desktop_app.domain.text import fold_for_search
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.store import search_reindex
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.workflows import accounts, records
from tests.samples import build
from tests.unit.conftest import PW, Office

KHOA = "H’Khoa Niê"


def _register(officer: Session, name: str) -> str:
    saved = records.create_record(officer, "birth", build("birth", {"child.full_name": name}))
    return saved.record.id


def _names(officer: Session, query: str) -> list[str]:
    return [r.data["child"]["full_name"] for r in records.search(officer, query)]


def _index_the_old_way(officer: Session, record_ids: list[str]) -> None:
    """What search_text 1 wrote (the joined words only), and a store not re-indexed yet."""
    conn = officer.store.connection()
    conn.execute("BEGIN IMMEDIATE")
    for rid in record_ids:
        (n, rtype, number, book) = conn.execute(
            "SELECT n, type, registration_number, book_number FROM records WHERE id = ?",
            (rid,)).fetchone()
        rec = records.get_record(officer, rid)
        old = fold_for_search(" ".join(search_words(rtype, rec.data, number, book)))
        conn.execute("DELETE FROM record_text WHERE rowid = ?", (n,))
        conn.execute("INSERT INTO record_text (rowid, text) VALUES (?, ?)", (n, old))
    MetaRepository(conn).delete(search_reindex.VERSION_KEY)
    conn.execute("COMMIT")


def test_a_name_with_an_apostrophe_is_found_by_its_parts_and_joined(office: Office) -> None:
    officer = office("canbo")
    _register(officer, KHOA)
    _register(officer, "Y'Bih Ksor")
    _register(officer, "Nguyễn Văn An")
    for query in ("khoa", "khoa nie", "hkhoa", "h'khoa", "H’Khoa", KHOA, "h khoa", "nie"):
        assert _names(officer, query) == [KHOA], query
    for query in ("bih", "ybih", "Y’Bih Ksor", "bih ksor"):
        assert _names(officer, query) == ["Y'Bih Ksor"], query


def test_the_exact_name_comes_first(office: Office) -> None:
    officer = office("canbo")
    _register(officer, "Khoa Niê")
    _register(officer, KHOA)
    _register(officer, "Khoa Niê Ksor")
    assert _names(officer, "khoa nie")[0] == "Khoa Niê"
    assert _names(officer, KHOA)[0] == KHOA
    assert _names(officer, "hkhoa nie") == [KHOA]
    assert sorted(_names(officer, "khoa nie")) == sorted(["Khoa Niê", KHOA, "Khoa Niê Ksor"])


def test_a_store_indexed_the_old_way_is_reindexed_at_upgrade(office: Office) -> None:
    officer = office("canbo")
    ids = [_register(officer, name) for name in (KHOA, "Nguyễn Văn An", "H’Hen Niê")]
    _index_the_old_way(officer, ids)
    assert _names(officer, "khoa") == []  # the bug, as stores hold it
    assert _names(officer, "hkhoa") == [KHOA]
    conn = officer.store.connection()
    # Killed after the first batch: the cursor is kept, nothing else is lost.
    assert search_reindex.reindex_search(conn, batch=1, max_batches=1) == 1
    meta = MetaRepository(conn)
    assert meta.get(search_reindex.CURSOR_KEY) is not None
    assert search_reindex.needs_reindex(conn)
    assert _names(officer, "khoa") == [KHOA]
    assert _names(officer, "hen") == []
    officer.store.open_for_version(office.paths, __version__)
    assert _names(officer, "hen") == ["H’Hen Niê"]
    assert _names(officer, "khoa nie") == [KHOA]
    assert _names(officer, "nguyen an") == ["Nguyễn Văn An"]
    assert meta.get(search_reindex.CURSOR_KEY) is None
    assert not search_reindex.needs_reindex(conn)
    assert search_reindex.reindex_search(conn) == 0  # once only


class _Interrupted(Exception):
    """What a kill (or a cancelled login) does between two batches."""


def test_the_reindex_reports_its_progress_and_carries_on_after_an_interruption(
    office: Office,
) -> None:
    officer = office("canbo")
    names = [KHOA, "Nguyễn Văn An", "H’Hen Niê", "Y’Bih Ksor", "Lê Thị Hoa"]
    _index_the_old_way(officer, [_register(officer, name) for name in names])
    conn = officer.store.connection()
    total = int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
    assert total >= 5
    told: list[tuple[str, int, int]] = []

    def stop_at_the_third(stage: str, done: int, total: int) -> None:
        told.append((stage, done, total))
        if len(told) == 3:
            raise _Interrupted()

    with pytest.raises(_Interrupted):
        search_reindex.reindex_search(conn, batch=2, progress=stop_at_the_third)
    assert told == [("reindex", 0, total), ("reindex", 2, total), ("reindex", 4, total)]
    assert search_reindex.needs_reindex(conn)  # the two batches done are kept

    # The next login carries on from there and reports up to completion, once.
    resumed: list[tuple[str, int, int]] = []
    officer.close()
    office.sessions.clear()
    session = accounts.login(office.paths, "canbo", PW, office.clock,
                             progress=lambda *told: resumed.append(told))
    office.sessions["canbo"] = session
    assert resumed[0] == ("reindex", 4, total)
    assert [done for _, done, _ in resumed] == sorted(done for _, done, _ in resumed)
    assert resumed[-1] == ("reindex", total, total)
    assert [done for _, done, _ in resumed].count(total) == 1
    assert not search_reindex.needs_reindex(session.store.connection())
    # What gets indexed is what an uninterrupted re-index writes.
    assert _names(session, "khoa") == [KHOA]
    assert _names(session, "hen") == ["H’Hen Niê"]
    assert _names(session, "bih ksor") == ["Y’Bih Ksor"]
    assert _names(session, "nguyen an") == ["Nguyễn Văn An"]
    # Later logins have nothing to do and report nothing.
    again: list[tuple[str, int, int]] = []
    accounts.login(office.paths, "canbo", PW, office.clock,
                   progress=lambda *told: again.append(told)).close()
    assert again == []


def test_a_new_store_has_nothing_to_reindex_and_says_nothing(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))
    accounts.initialise(paths, commune_code="26740", admin="admin", password=PW, clock=clock)
    told: list[tuple[str, int, int]] = []
    session = accounts.login(paths, "admin", PW, clock,
                             progress=lambda *step: told.append(step))
    try:
        assert told == []  # not "100 % (0/0)" of a re-index at its first login
        assert not search_reindex.needs_reindex(session.store.connection())
    finally:
        session.close()
