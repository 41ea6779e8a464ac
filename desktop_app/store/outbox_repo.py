"""The outbox: record versions waiting to reach the central system, one row per version.

Rows are written in the same transaction as the change that makes them due, so a record is
never approved or signed without its outbox item (and never queued twice: the idempotency key
is unique and derived from record id + version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.store.database import Connection

PENDING = "pending"
ACCEPTED = "accepted"
REJECTED = "rejected"
AWAITING_SUPPORT = "awaiting_support"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    record_id: str
    version: int
    idempotency_key: str
    state: str
    attempts: int
    result_code: str | None
    result_message: str | None


_COLUMNS = "id, record_id, version, idempotency_key, state, attempts, result_code, result_message"


def idempotency_key(install_id: str, record_id: str, version: int) -> str:
    return f"{install_id}:{record_id}:v{version}"


class OutboxRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def enqueue(self, record_id: str, version: int, key: str, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO outbox (record_id, version, idempotency_key, state, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING",
            (record_id, version, key, PENDING, at.isoformat(), at.isoformat()))

    def due(self, limit: int, states: tuple[str, ...] = (PENDING,)) -> list[OutboxItem]:
        marks = ", ".join("?" * len(states))
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE state IN ({marks}) "
                                  "ORDER BY id LIMIT ?", (*states, limit)).fetchall()
        return [OutboxItem(*r) for r in rows]

    def all_items(self) -> list[OutboxItem]:
        return [OutboxItem(*r) for r in
                self._conn.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id")]

    def for_record(self, record_id: str) -> list[OutboxItem]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE record_id = ? "
                                  "ORDER BY id", (record_id,))
        return [OutboxItem(*r) for r in rows]

    def mark(self, key: str, state: str, at: datetime, *, code: str | None = None,
             message: str | None = None) -> None:
        self._conn.execute("UPDATE outbox SET state = ?, result_code = ?, result_message = ?, "
                           "attempts = attempts + 1, updated_at = ? WHERE idempotency_key = ?",
                           (state, code, message, at.isoformat(), key))

    def count_by_state(self) -> dict[str, int]:
        """From the counters the triggers keep (schema 6): the outbox grows with the register."""
        return {str(s): int(n) for s, n in
                self._conn.execute("SELECT state, n FROM outbox_counts WHERE n > 0")}
