"""Appending to and reading the audit log. Appends run inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from desktop_app.audit import AuditEntry, canonical_details, make_entry, verify_chain
from desktop_app.errors import AuditChainBrokenError, StoreDamagedError
from desktop_app.store.database import Connection, DatabaseError
from desktop_app.store.meta_repo import MetaRepository

_COLUMNS = "seq, at, actor, action, target, reason, details, prev_hash, hash"
HEAD_KEY = "audit_head"


class AuditRepository:
    def __init__(self, conn: Connection, meta: MetaRepository | None = None) -> None:
        self._conn = conn
        self._meta = meta or MetaRepository(conn)

    def last(self) -> AuditEntry | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT 1"
                                 ).fetchone()
        return AuditEntry(*row) if row else None

    def append(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        target: str,
        reason: str = "",
        details: Mapping[str, object] | None = None,
    ) -> AuditEntry:
        """Runs inside a write unit of work (BEGIN IMMEDIATE), so the chain stays linear."""
        entry = make_entry(self.last(), at=at.isoformat(), actor=actor, action=action,
                           target=target, reason=reason, details=canonical_details(details))
        self._conn.execute(
            f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.seq, entry.at, entry.actor, entry.action, entry.target, entry.reason,
             entry.details, entry.prev_hash, entry.hash),
        )
        self._meta.put(HEAD_KEY, f"{entry.seq}:{entry.hash}")
        return entry

    def at(self, seq: int) -> AuditEntry | None:
        """The entry numbered ``seq`` (None if the chain has no such entry)."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM audit WHERE seq = ?", (seq,)
                                 ).fetchone()
        return AuditEntry(*row) if row else None

    def entries(self, target: str | None = None) -> Iterator[AuditEntry]:
        if target is None:
            cursor = self._conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
        else:
            cursor = self._conn.execute(
                f"SELECT {_COLUMNS} FROM audit WHERE target = ? ORDER BY seq", (target,))
        for row in cursor:
            yield AuditEntry(*row)

    def _head(self) -> tuple[int, str] | None:
        value = self._meta.get(HEAD_KEY)
        if value is None:
            return None
        seq, _, digest = value.partition(":")
        return int(seq), digest

    def verify(self) -> int:
        """Entries checked; AuditChainBrokenError at the first broken one.

        Page-level damage surfaces as an SQLCipher error while reading: it is reported as the
        entry after the last one read intact, never as a traceback.
        """
        checked: list[int] = [0]

        def tracked() -> Iterator[AuditEntry]:
            for entry in self.entries():
                checked[0] = entry.seq
                yield entry

        try:
            return verify_chain(tracked(), self._head())
        except DatabaseError as exc:
            raise AuditChainBrokenError(seq=checked[0] + 1,
                                        problem="database page damaged") from exc
        except (ValueError, TypeError) as exc:  # a row whose types were altered directly
            raise AuditChainBrokenError(seq=checked[0] + 1, problem="content altered") from exc

    def integrity_problems(self) -> list[str]:
        """SQLCipher page HMAC failures and SQLite structural problems (empty when sound)."""
        try:
            problems = [str(r[0]) for r in self._conn.execute("PRAGMA cipher_integrity_check")]
            result = [str(r[0]) for r in self._conn.execute("PRAGMA integrity_check")]
        except DatabaseError as exc:
            raise StoreDamagedError(detail="integrity check failed") from exc
        return problems + [r for r in result if r != "ok"]
