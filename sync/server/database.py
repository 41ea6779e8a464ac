"""The central database: engine, transactions and the clock every part of the server shares.

One write transaction at a time: SQLite takes its write lock at BEGIN (BEGIN IMMEDIATE),
PostgreSQL takes a transaction-scoped advisory lock. Serialising writers keeps the pull feed's
sequence numbers committed in order (a reader never skips a row committed late), makes counters
(central ids, registry serials, number blocks) race-free, and is plenty for a reference server.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, func, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import StaticPool

from desktop_app.clock import Clock, SystemClock
from sync.errors import CentralDatabaseError
from sync.server import schema as t

_PG_LOCK_ID = 0x486F5469  # "HoTi"
IN_LIST_MAX = 500  # values in one IN (...) list: far below SQLite's bound-parameter limit


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL from --db: a URL, a plain file path (SQLite), or the default file."""
    if not value:
        return "sqlite:///hotich-central.db"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):  # the psycopg 3 driver
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


class Database:
    """The engine (SQLite or PostgreSQL), its tables created, and the server's clock."""

    def __init__(self, url: str | None, clock: Clock | None = None) -> None:
        self.url = database_url(url)
        self.clock = clock or SystemClock()
        self.engine = _make_engine(self.url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        try:
            t.metadata.create_all(self.engine)  # only adds missing tables: old files open
        except OperationalError as exc:
            self.engine.dispose()
            raise CentralDatabaseError(detail=f"cannot open ({exc.__class__.__name__})") from exc

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> datetime:
        return self.clock.now()

    @contextlib.contextmanager
    def tx(self) -> Iterator[Connection]:
        """The one write transaction of the moment (see the module docstring)."""
        with self.engine.begin() as conn:
            if self.is_postgres:
                conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_ID)))
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(hotich_readonly=True)
            yield conn

    @contextlib.contextmanager
    def reader(self, conn: Connection | None) -> Iterator[Connection]:
        """``conn`` when the caller is inside a transaction, else a read of its own."""
        if conn is not None:
            yield conn
        else:
            with self.read() as own:
                yield own


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CentralDatabaseError(detail="not a database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise CentralDatabaseError(detail="the folder of the SQLite file does not exist")
            engine = create_engine(url, connect_args={"check_same_thread": False,
                                                      "timeout": 30})
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False},
                                   poolclass=StaticPool)
        _sqlite_immediate(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        except ModuleNotFoundError as exc:
            raise CentralDatabaseError(detail="PostgreSQL driver missing") from exc
    raise CentralDatabaseError(detail="only sqlite and postgresql URLs are supported")


def _sqlite_immediate(engine: Engine) -> None:
    """pysqlite's own transaction handling off; BEGIN IMMEDIATE takes the write lock up
    front so concurrent writers wait (busy timeout) instead of failing half-way."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: object) -> None:  # a DB-API connection
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        readonly = conn.get_execution_options().get("hotich_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
