"""The write-ahead log is folded into the file by the store's own thread, never inside a save's
COMMIT (issue 13: at a million records SQLite's automatic checkpoint made one save in ~30 wait
for ~1000 pages copied and two fsyncs)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.record import StoredRecord
from desktop_app.store.checkpointer import HELD_BOUND, pending_pages
from desktop_app.store.unit_of_work import Store

NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
PAD = "x" * 3000  # about a page of data per record



def _save(store: Store, start: int, count: int) -> None:
    for i in range(start, start + count):
        with store.write() as uow:
            uow.records.insert(StoredRecord(
                id=f"r{i:05d}", type="death", status="draft",
                data={"deceased": {"full_name": f"Lò Văn {i}"}, "note": PAD},
                office="26740", officer="canbo", created_at=NOW, updated_at=NOW))


def _shm(store: Store) -> Path:
    return store.path.with_name(store.path.name + "-shm")


def test_a_commit_never_checkpoints_by_itself(store: Store) -> None:
    store.checkpointer.threshold = store.checkpointer.limit = 1 << 30  # never due
    _save(store, 0, 150)
    pages = pending_pages(_shm(store))
    assert pages is not None and pages > 1000  # SQLite's own would have folded it at 1000
    assert store.connection().execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    assert store.checkpointer.runs == 0


def test_the_thread_folds_the_log_past_the_threshold(store: Store) -> None:
    store.checkpointer.threshold = 400
    _save(store, 0, 5)
    assert store.checkpointer.runs == 0  # below the threshold: nothing asked
    _save(store, 5, 60)
    assert store.checkpointer.wait_idle(timeout=60)
    assert store.checkpointer.runs >= 1
    # Once the thread has run the log restarts: what is left is below the threshold.
    _save(store, 65, 1)
    assert store.checkpointer.wait_idle(timeout=60)
    pages = pending_pages(_shm(store))
    assert pages is not None and pages < 400
    with store.read() as uow:
        assert uow.records.get("r00064") is not None


def test_far_behind_the_committing_thread_folds_it(store: Store) -> None:
    store.checkpointer.threshold = 1 << 30
    store.checkpointer.limit = 50
    _save(store, 0, 80)
    pages = pending_pages(_shm(store))
    assert pages is not None and pages < 50 + 20
    assert store.checkpointer.runs == 0


def test_held_no_background_checkpoint_until_the_bulk_write_ends(store: Store) -> None:
    store.checkpointer.threshold = 100
    store.checkpointer.limit = 2000
    with store.checkpointer.held():
        _save(store, 0, 60)  # past the threshold, below the limit
        assert store.checkpointer.runs == 0
        pages = pending_pages(_shm(store))
        assert pages is not None and pages >= 100
    assert store.checkpointer.wait_idle(timeout=60)
    assert store.checkpointer.runs == 1  # the one due, asked for at the end
    pages = pending_pages(_shm(store))
    assert pages is not None and pages < 100


def test_held_past_the_limit_the_thread_folds_the_log(store: Store) -> None:
    """While a bulk import writes, the thread folds the log once it is past the limit (the
    writer goes on meanwhile: at a million records that wait was a tenth of the import)."""
    store.checkpointer.threshold = 10
    store.checkpointer.limit = 50
    with store.checkpointer.held():
        _save(store, 0, 30)
        assert store.checkpointer.wait_idle(timeout=60)
        assert store.checkpointer.runs >= 1
        pages = pending_pages(_shm(store))
        assert pages is not None and pages < 50


def test_held_the_log_stays_bounded(store: Store) -> None:
    """The committing thread folds it when the thread falls behind by HELD_BOUND limits."""
    store.checkpointer.threshold = 10
    store.checkpointer.limit = 50
    store.checkpointer._ask = lambda: None  # type: ignore[method-assign]  # a stalled thread
    with store.checkpointer.held():
        _save(store, 0, 80)
        pages = pending_pages(_shm(store))
        assert pages is not None and pages < 50 * HELD_BOUND + 20
    assert store.checkpointer.runs == 0


def test_closing_leaves_no_log_and_stops_the_thread(store: Store, tmp_path: Path) -> None:
    store.checkpointer.threshold = 10
    _save(store, 0, 20)
    checkpointer = store.checkpointer
    store.close()
    assert checkpointer._thread is not None and not checkpointer._thread.is_alive()
    wal = tmp_path / "hotich.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with store.read() as uow:  # a closed store opens again on use
        assert uow.records.get("r00019") is not None
