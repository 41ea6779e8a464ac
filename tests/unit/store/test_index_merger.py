"""The full-text index is merged into one segment while the store is idle, a step at a time,
and never in a save's way (issue 13: ten segments and the one-page segments of everyday saves
made a search at a million records look every word up ~25 times)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.record import StoredRecord
from desktop_app.store import index_merger
from desktop_app.store.index_merger import plan, segment_sizes
from desktop_app.store.unit_of_work import Store

NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
QUIET = 0.05
GIVEN = ("Lan", "Huệ", "H’Hen", "Đức", "Thị Mai")


def _word(i: int) -> str:
    """A word of its own for each record: the index grows with the records."""
    out = ""
    for _ in range(4):
        out, i = out + "bcdghklmnpqrstvx"[i % 16], i // 16
    return out


def _save(store: Store, start: int, count: int, *, each: int = 1) -> None:
    """``each`` records a transaction: each transaction adds a segment to the index."""
    for first in range(start, start + count, each):
        with store.write() as uow:
            for i in range(first, min(first + each, start + count)):
                uow.records.insert(StoredRecord(
                    id=f"r{i:05d}", type="death", status="draft",
                    data={"deceased": {"full_name": f"Nguyễn {_word(i)}a {GIVEN[i % 5]} {i}"}},
                    office="26740", officer="canbo", created_at=NOW, updated_at=NOW))


def _found(store: Store) -> dict[str, list[str]]:
    with store.read() as uow:
        return {q: uow.records.search_ids(q, limit=1000)
                for q in ("nguyen", "lan", "h'hen", "duc", "van mai", "1")}


def _sizes(store: Store) -> list[int]:
    with store.read():
        return segment_sizes(store.connection())


def _intact(store: Store) -> None:
    with store.write():
        store.connection().execute(
            "INSERT INTO record_text (record_text, rank) VALUES ('integrity-check', 0)")


def test_plan_merges_all_after_an_import_and_only_levels_after_saves() -> None:
    assert plan([]) == plan([9]) == 0
    assert plan([407, 401, 401, 68, 21, 20, 2, 1]) < 0  # an imported register: into one
    assert plan([800, 1, 1, 1]) > 0  # everyday saves: FTS5's levels, the large one stays
    assert plan([800, 100]) < 0


def test_an_idle_store_ends_with_one_segment_and_the_same_results(store: Store) -> None:
    _save(store, 0, 60)
    assert len(_sizes(store)) >= 5
    before = _found(store)
    merger = store.merge_index_when_idle(quiet=QUIET)
    assert merger.wait_merged(timeout=60)
    assert _sizes(store) == [sum(_sizes(store))]  # one segment
    assert merger.steps >= 1
    assert _found(store) == before
    _intact(store)


def test_a_merged_index_is_left_alone(store: Store) -> None:
    _save(store, 0, 30)
    merger = store.merge_index_when_idle(quiet=QUIET)
    assert merger.wait_merged(timeout=60)
    conn = store.connection()
    version, steps = conn.execute("PRAGMA data_version").fetchone()[0], merger.steps
    time.sleep(QUIET * 10)
    assert conn.execute("PRAGMA data_version").fetchone()[0] == version  # nothing committed
    assert merger.steps == steps


def test_saves_between_steps_all_land(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_merger, "STEP_PAGES", 1)  # a merge of many steps
    _save(store, 0, 80)
    merger = store.merge_index_when_idle(quiet=0.01)
    for i in range(80, 120):  # saves with pauses: steps run between them
        _save(store, i, 1)
        time.sleep(0.02)
    assert merger.wait_merged(timeout=60)
    assert merger.steps >= 1
    found = _found(store)
    assert len(found["nguyen"]) == 120
    assert len(found["lan"]) == 24
    _intact(store)


def test_a_writer_holding_the_lock_is_not_waited_for(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_merger, "STEP_PAGES", 1)
    _save(store, 0, 40)
    done = threading.Event()

    def hold() -> None:  # another connection's open write, idle for many quiet spells
        with store.write():
            done.wait(timeout=30)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.1)
    merger = store.merge_index_when_idle(quiet=QUIET)
    time.sleep(QUIET * 8)
    assert merger.steps == 0  # busy: skipped, not waiting on the lock
    done.set()
    holder.join()
    assert merger.wait_merged(timeout=60)
    assert len(_sizes(store)) == 1


def test_closing_during_a_merge_stops_it_and_the_index_stays_whole(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_merger, "STEP_PAGES", 1)
    _save(store, 0, 3000, each=100)
    _save(store, 3000, 20)
    before = _found(store)
    merger = store.merge_index_when_idle(quiet=0.01)
    deadline = time.monotonic() + 60
    while merger.steps < 1 and time.monotonic() < deadline:
        time.sleep(0.001)
    snapshot = store.snapshot(tmp_path / "copy.db")  # a copy taken mid-merge is whole too
    store.close()  # returns once the step under way is committed
    assert merger.steps >= 1
    assert _found(store) == before
    _intact(store)
    try:
        assert _found(snapshot) == before
        _intact(snapshot)
    finally:
        snapshot.close()
