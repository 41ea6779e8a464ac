"""Folding the write-ahead log into the database file on a thread of its own.

SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold: that save
then waits for ~1000 pages copied into the file and two fsyncs (on a 6 GB store, tens to
hundreds of ms). The store's connections turn it off (``wal_autocheckpoint = 0``) and a
commit only reads how many pages the log holds that are not in the file yet; past
``threshold`` this thread runs a PASSIVE checkpoint on its own connection, which never
blocks a writer or a reader. If the thread falls far behind (``limit``), the committing
thread checkpoints itself, as SQLite would have. Closing the last connection checkpoints
what is left (SQLite does it), so a store closed cleanly leaves no log behind.

The log file is reused from its start after a checkpoint, so its size says nothing: the
count is read from the WAL-index header in the ``-shm`` file (https://sqlite.org/walformat.html,
2.2: ``mxFrame``, the last valid frame, at byte 16 and ``nBackfill``, the frames already
copied, at byte 96, both 32-bit in the machine's byte order).
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_app.store.database import Connection, DatabaseError

log = logging.getLogger(__name__)

THRESHOLD = 1000  # pages of log not yet in the file: SQLite's default
LIMIT = 16_000  # past this, the committing thread checkpoints itself
HELD_BOUND = 4  # held: the committing thread checkpoints past this many limits
_NATIVE = "<" if sys.byteorder == "little" else ">"


def pending_pages(shm: Path) -> int | None:
    """Pages in the log not yet copied into the database file (None: no shared index)."""
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return None
    try:
        header = os.pread(fd, 100, 0)
    finally:
        os.close(fd)
    if len(header) < 100:
        return None
    last: int = struct.unpack_from(f"{_NATIVE}I", header, 16)[0]
    copied: int = struct.unpack_from(f"{_NATIVE}I", header, 96)[0]
    return max(0, last - copied)


class Checkpointer:
    def __init__(self, shm: Path, opener: Callable[[], Connection], *,
                 threshold: int = THRESHOLD, limit: int = LIMIT) -> None:
        self._shm = shm
        self._open = opener
        self.threshold = threshold
        self.limit = limit
        self._state = threading.Condition()
        self._asked = 0  # checkpoints asked for, and those the thread has answered
        self._answered = 0
        self._stop = False
        self._holds = 0  # bulk writes under way (held)
        self._thread: threading.Thread | None = None
        self.runs = 0  # checkpoints this thread ran (for tests and the benchmark)

    def committed(self, conn: Connection) -> None:
        """After a commit: wake the thread once the log is past the threshold."""
        pages = pending_pages(self._shm)
        # Held (a bulk import): the thread folds the log past the limit, while the writer
        # goes on; the committing thread only past HELD_BOUND limits (the thread is behind).
        if pages is not None and pages >= self.limit * (HELD_BOUND if self._holds else 1):
            with contextlib.suppress(DatabaseError):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            return
        if pages is None or pages < (self.limit if self._holds else self.threshold):
            return
        self._ask()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """While a bulk import writes, the thread checkpoints only past ``limit`` instead of
        ``threshold``: on two cores it takes the core the import's preparing process needs
        (paired runs of a 10,000-entry import: 3-12 % longer when it ran at the threshold).
        The committing thread checkpoints only past HELD_BOUND limits: into a million
        records a batch adds ~40,000 pages, and that wait inside the import was a tenth of
        it. The checkpoint due is asked for at the end."""
        with self._state:
            self._holds += 1
        try:
            yield
        finally:
            with self._state:
                self._holds -= 1
            pages = pending_pages(self._shm)
            if pages is not None and pages >= self.threshold and not self._holds:
                self._ask()

    def _ask(self) -> None:
        with self._state:
            if self._stop:
                return
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="store-checkpoint",
                                                daemon=True)
                self._thread.start()
            self._asked += 1
            self._state.notify_all()

    def _run(self) -> None:
        conn: Connection | None = None
        try:
            while True:
                with self._state:
                    self._state.wait_for(lambda: self._stop or self._asked > self._answered)
                    if self._stop:
                        return
                    asked = self._asked  # one checkpoint answers every request so far
                try:
                    if conn is None:
                        conn = self._open()
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    self.runs += 1
                except DatabaseError as exc:  # a full disk, a busy file: the next commit retries
                    log.warning("background checkpoint failed: %s", type(exc).__name__)
                with self._state:
                    self._answered = asked
                    self._state.notify_all()
        finally:
            with self._state:
                self._answered = self._asked
                self._state.notify_all()
            if conn is not None:
                with contextlib.suppress(DatabaseError):
                    conn.close()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every checkpoint asked for has run (a backup, a test)."""
        with self._state:
            return self._state.wait_for(lambda: self._answered >= self._asked, timeout)

    def close(self) -> None:
        """Stop the thread (it closes its connection) before the store closes its own."""
        with self._state:
            self._stop = True
            thread = self._thread
            self._state.notify_all()
        if thread is not None:
            thread.join()
