"""Appending to and reading the audit log. Appends run inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from desktop_app.audit import AuditEntry, canonical_details, make_entry, verify_chain
from desktop_app.errors import AuditChainBrokenError, StoreDamagedError
from desktop_app.store import meta_repo
from desktop_app.store.database import Connection, DatabaseError

_COLUMNS = "seq, at, actor, action, target, reason, details, prev_hash, hash"
HEAD_KEY = "audit_head"


def last(conn: Connection) -> AuditEntry | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return AuditEntry(*row) if row else None


def append(
    conn: Connection,
    *,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    reason: str = "",
    details: Mapping[str, object] | None = None,
) -> AuditEntry:
    """Must run inside a write transaction (BEGIN IMMEDIATE) so the chain stays linear."""
    entry = make_entry(last(conn), at=at.isoformat(), actor=actor, action=action,
                       target=target, reason=reason, details=canonical_details(details))
    conn.execute(
        f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.seq, entry.at, entry.actor, entry.action, entry.target, entry.reason,
         entry.details, entry.prev_hash, entry.hash),
    )
    meta_repo.put(conn, HEAD_KEY, f"{entry.seq}:{entry.hash}")
    return entry


def entries(conn: Connection, target: str | None = None) -> Iterator[AuditEntry]:
    if target is None:
        cursor = conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
    else:
        cursor = conn.execute(f"SELECT {_COLUMNS} FROM audit WHERE target = ? ORDER BY seq",
                              (target,))
    for row in cursor:
        yield AuditEntry(*row)


def _head(conn: Connection) -> tuple[int, str] | None:
    value = meta_repo.get(conn, HEAD_KEY)
    if value is None:
        return None
    seq, _, digest = value.partition(":")
    return int(seq), digest


def verify(conn: Connection) -> int:
    """Entries checked; AuditChainBrokenError at the first broken one.

    Page-level damage surfaces as an SQLCipher error while reading: it is reported as the
    entry after the last one read intact, never as a traceback.
    """
    checked: list[int] = [0]

    def tracked() -> Iterator[AuditEntry]:
        for entry in entries(conn):
            checked[0] = entry.seq
            yield entry

    try:
        return verify_chain(tracked(), _head(conn))
    except DatabaseError as exc:
        raise AuditChainBrokenError(seq=checked[0] + 1, problem="database page damaged") from exc
    except (ValueError, TypeError) as exc:  # a row whose types were altered directly
        raise AuditChainBrokenError(seq=checked[0] + 1, problem="content altered") from exc


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher page HMAC failures and SQLite structural problems (empty when sound)."""
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:
        raise StoreDamagedError(detail="integrity check failed") from exc
    return problems + [r for r in result if r != "ok"]
