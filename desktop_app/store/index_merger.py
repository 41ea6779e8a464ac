"""Merging the full-text index's segments while the desktop is idle (issue 13).

FTS5 keeps its index as segments: each transaction's words become a new one, and four of a
level are merged into one of the next when enough pages have been written. A search looks
every word up in every segment. A register built by years of imports holds about ten large
ones (at 100,000 records: 407, 401, 401, 68, 21, 20... pages of terms), and every single
save adds a one-page segment that FTS5 leaves alone until 64 pages have been written or 16
lie on one level: 30 saves made 15. Merging them into one halved the full-name search's SQL
at a million records (6.1 -> 3.4 ms).

FTS5's ``optimize`` does that in one statement, holding the write lock for seconds (5.4 s at
a million). Here it is done with FTS5's incremental ``merge``, ``STEP_PAGES`` pages a step,
each step its own short write transaction, only once the store has had no commit from any
connection for ``QUIET`` seconds (``PRAGMA data_version``), never waiting for a lock (a busy
store is not idle): a save that comes meanwhile waits for one step at most.

What a step merges (``plan``): all segments into one (a negative size) once those beside the
largest hold an eighth of it, as after an import; else only levels that hold four or more
(a positive size, FTS5's own rule): the small segments of everyday saves are merged among
themselves and the large one is not rewritten for them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from desktop_app.errors import StoreDamagedError
from desktop_app.store.database import Connection, DatabaseError

log = logging.getLogger(__name__)

QUIET = 3.0  # seconds without a commit before the store counts as idle
STEP_PAGES = 64  # pages a step writes (~20 ms at 100,000 records)
WHOLE_SHARE = 8  # the rest holds 1/8 of the largest segment: merge everything into one

_SEGMENTS = "SELECT count(*) FROM record_text_idx GROUP BY segid"  # pages of terms each
_MERGE = "INSERT INTO record_text (record_text, rank) VALUES ('merge', ?)"


def plan(sizes: list[int]) -> int:
    """The size to give FTS5's merge for segments of these sizes: negative to merge them all
    into one, positive for FTS5's levels only; 0 when one segment (or none) is left."""
    if len(sizes) < 2:
        return 0
    ordered = sorted(sizes, reverse=True)
    return -STEP_PAGES if sum(ordered[1:]) * WHOLE_SHARE >= ordered[0] else STEP_PAGES


def segment_sizes(conn: Connection) -> list[int]:
    return [int(row[0]) for row in conn.execute(_SEGMENTS)]


def merge_step(conn: Connection, pages: int) -> bool:
    """One step in its own write transaction (refused at once if another writer holds the
    lock: DatabaseError); False if FTS5 found nothing to merge (it then changes < 2 rows)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = conn.total_changes
        conn.execute(_MERGE, (pages,))
        worked = conn.total_changes - before >= 2
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
        raise
    return worked


class IndexMerger:
    """A thread that merges the index whenever the store is idle, until closed."""

    def __init__(self, opener: Callable[[], Connection], committed: Callable[[Connection], None],
                 *, quiet: float = QUIET) -> None:
        self._open = opener
        self._committed = committed  # the checkpointer's: the merged pages go to the log
        self.quiet = quiet
        self._stop = threading.Event()
        self._state = threading.Condition()
        self._merged = False  # nothing left to merge, as of the last look
        self._thread: threading.Thread | None = None
        self.steps = 0  # steps that merged something (tests, the benchmark)

    def start(self) -> None:
        with self._state:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(target=self._run, name="store-index-merge",
                                                daemon=True)
                self._thread.start()

    def wait_merged(self, timeout: float | None = None) -> bool:
        """Wait until the thread has found nothing left to merge (the benchmark, tests)."""
        with self._state:
            return self._state.wait_for(lambda: self._merged or self._stop.is_set(), timeout)

    def close(self) -> None:
        """Stop (after the step under way, if any) and close the thread's connection."""
        self._stop.set()
        with self._state:
            thread = self._thread
            self._state.notify_all()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        conn: Connection | None = None
        last: int | None = None  # data_version at the last look: unchanged a whole spell = idle
        merged_at: int | None = None  # data_version when nothing was left to merge
        try:
            while not self._stop.wait(self.quiet):
                try:
                    if conn is None:
                        conn = self._open()
                        conn.execute("PRAGMA busy_timeout = 0")  # busy is not idle
                    version = _data_version(conn)
                    if version != last or version == merged_at:
                        last = version  # a commit in this spell, or nothing new to merge
                        self._tell(version == merged_at)
                        continue
                    while not self._stop.is_set() and _data_version(conn) == version:
                        pages = plan(segment_sizes(conn))
                        if not pages or not merge_step(conn, pages):
                            merged_at = version
                            break
                        self.steps += 1
                        self._committed(conn)
                        # A checkpoint of the log these steps wrote may move the version
                        # too: what counts is a commit between two steps.
                        version = last = _data_version(conn)
                    self._tell(merged_at == version)
                except (DatabaseError, StoreDamagedError) as exc:
                    # Busy, a full disk, a store gone: the next quiet spell tries again.
                    log.info("index merge step skipped: %s", type(exc).__name__)
        finally:
            self._tell(False)
            if conn is not None:
                with contextlib.suppress(DatabaseError):
                    conn.close()

    def _tell(self, merged: bool) -> None:
        with self._state:
            self._merged = merged
            self._state.notify_all()


def _data_version(conn: Connection) -> int:
    """Changes when another connection commits (this one's own commits leave it)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])
