"""The store behind a unit of work: one transaction, typed repositories.

    with store.write() as uow:   # BEGIN IMMEDIATE .. COMMIT (ROLLBACK on any error)
        uow.records.update(rec)
    with store.read() as uow:    # one consistent snapshot; writing is refused
        uow.records.get(record_id)

Only the key derived at login is used: keying a connection costs ~0.1 ms, so every thread
opens its own connection (tech-notes). A unit of work is short and never spans a network call
or a signature: callers do slow work between two of them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_app.diskspace import full_disk, is_disk_full_error
from desktop_app.paths import DataPaths
from desktop_app.store import upgrade
from desktop_app.store.accounts_repo import AccountsRepository
from desktop_app.store.audit_repo import AuditRepository
from desktop_app.store.books_repo import BooksRepository
from desktop_app.store.checkpointer import Checkpointer
from desktop_app.store.database import (
    Connection,
    DatabaseError,
    Progress,
    connect,
    migrate,
    schema_version,
)
from desktop_app.store.extracts_repo import (
    AttachmentsRepository,
    CertificatesRepository,
    ExtractsRepository,
)
from desktop_app.store.index_merger import QUIET, IndexMerger
from desktop_app.store.meta_repo import MetaRepository
from desktop_app.store.numbers_repo import NumbersRepository
from desktop_app.store.ocr_repo import OcrRepository
from desktop_app.store.outbox_repo import OutboxRepository
from desktop_app.store.records_repo import RecordsRepository

log = logging.getLogger(__name__)


class UnitOfWork:
    """The repositories of one transaction. Everything they do commits or rolls back
    together."""

    def __init__(self, conn: Connection) -> None:
        self.meta = MetaRepository(conn)
        self.records = RecordsRepository(conn)
        self.audit = AuditRepository(conn, self.meta)
        self.outbox = OutboxRepository(conn)
        self.numbers = NumbersRepository(conn)
        self.attachments = AttachmentsRepository(conn)
        self.extracts = ExtractsRepository(conn, self.attachments)
        self.certificates = CertificatesRepository(conn)
        self.accounts = AccountsRepository(conn)
        self.books = BooksRepository(conn)
        self.ocr = OcrRepository(conn)


class Store:
    """A keyed database file: one connection per thread, short units of work."""

    def __init__(self, path: Path, data_key: bytes) -> None:
        self.path = path
        self.data_key = data_key
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()
        self.checkpointer = self._new_checkpointer()
        self.index_merger: IndexMerger | None = None

    def _new_checkpointer(self) -> Checkpointer:
        return Checkpointer(self.path.with_name(self.path.name + "-shm"),
                            lambda: connect(self.path, self.data_key))

    def merge_index_when_idle(self, quiet: float = QUIET) -> IndexMerger:
        """The desktop: merge the full-text index's segments whenever the store is idle
        (store/index_merger.py), until the store closes. A short-lived command leaves it."""
        with self._lock:
            if self.index_merger is None:
                self.index_merger = IndexMerger(lambda: connect(self.path, self.data_key),
                                                self.checkpointer.committed, quiet=quiet)
                self.index_merger.start()
            return self.index_merger

    def connection(self) -> Connection:
        """This thread's connection (opened and key-checked on first use): for the store's
        own code and the store's tests (query plans, schema fixtures); everything else works
        through units of work (tests/unit/store/test_unit_of_work.py scans for it)."""
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, self.data_key)
            # Checkpoints run off the saving thread (store/checkpointer.py).
            conn.execute("PRAGMA wal_autocheckpoint = 0").fetchone()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """BEGIN IMMEDIATE ... COMMIT: writers queue instead of failing midway."""
        conn = self.connection()
        if conn.in_transaction:
            raise RuntimeError("a unit of work is already open on this thread")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            if is_disk_full_error(exc, self.path.parent):
                raise full_disk(self.path.parent) from exc
            raise
        try:
            yield UnitOfWork(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:  # a COMMIT that failed on a full disk may have ended it
                with contextlib.suppress(DatabaseError):
                    conn.execute("ROLLBACK")
            # A failed write on a full disk is a full disk, whatever SQLite called it.
            if isinstance(exc, (DatabaseError, OSError)) and \
                    is_disk_full_error(exc, self.path.parent):
                raise full_disk(self.path.parent) from exc
            raise
        self.checkpointer.committed(conn)

    @contextlib.contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        """A read transaction (one snapshot); ``PRAGMA query_only`` refuses any write. Inside
        an open unit of work of this thread, it reads that one."""
        conn = self.connection()
        if conn.in_transaction:
            yield UnitOfWork(conn)
            return
        conn.execute("PRAGMA query_only = ON")
        try:
            conn.execute("BEGIN")
            try:
                yield UnitOfWork(conn)
            finally:
                _end_read(conn)
        finally:
            conn.execute("PRAGMA query_only = OFF")

    # -- whole-file operations ------------------------------------------------------------
    def schema_version(self) -> int:
        return schema_version(self.connection())

    def migrate(self, backups_dir: Path, *, target: int | None = None,
                on_backup: Callable[[Path], None] | None = None, backup: bool = True,
                progress: Progress | None = None) -> int:
        """Apply the numbered migrations (backing the file up first, unless told not to)."""
        return migrate(self.connection(), self.path, backups_dir, target=target,
                       on_backup=on_backup, backup=backup, progress=progress)

    def open_for_version(self, paths: DataPaths, running: str, *,
                         progress: Progress | None = None) -> Path | None:
        """First start of a program version: back the folder up, migrate, note the version."""
        return upgrade.open_for_version(self.connection(), paths, running, progress=progress)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (before copying or moving it)."""
        self.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def snapshot(self, target: Path) -> Store:
        """A consistent copy into ``target`` (same key, no WAL), opened as a Store."""
        copy = connect(target, self.data_key, check_key=False)
        try:
            self.connection().backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            copy.close()
        return Store(target, self.data_key)

    def close(self) -> None:
        with self._lock:
            merger, self.index_merger = self.index_merger, None
        if merger is not None:  # after its step under way: it commits through the checkpointer
            merger.close()
        self.checkpointer.close()  # its connection first: the last one to close checkpoints
        self.checkpointer = self._new_checkpointer()
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(DatabaseError):
                    conn.close()
            self._all.clear()
        self._local = threading.local()


def _end_read(conn: Connection) -> None:
    """Nothing to commit: a damaged page met while reading must surface as the reader's own
    error (e.g. AuditChainBrokenError), not as a failed COMMIT."""
    try:
        conn.execute("COMMIT")
    except DatabaseError:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")

