"""The pull feed: every change a device should learn about, in commit order (seq is the cursor).

The other parts publish inside their own write transaction (so a change is in the feed exactly
when what it describes is committed); devices read it page by page.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, insert, select

from sync.errors import BadRequestError
from sync.protocol import ChangeKind, canonical_json
from sync.server import schema as t
from sync.server.database import Database, iso

MAX_SEQ = 2**63 - 1  # the largest cursor a BIGINT sequence can reach


class Feed:
    def __init__(self, db: Database) -> None:
        self.db = db

    def publish(self, conn: Connection, commune: str | None, kind: ChangeKind, key: str,
                payload: dict[str, object]) -> None:
        """Append one change in the caller's transaction; commune None = for every device."""
        self.publish_many(conn, [change_row(commune, kind, key, payload,
                                            iso(self.db.now()))])

    @staticmethod
    def publish_many(conn: Connection, rows: list[dict[str, object]]) -> None:
        """Append changes made by :func:`change_row`, in list order (one statement)."""
        if rows:
            conn.execute(insert(t.changes), rows)

    def changes(self, commune: str, since: str, limit: int) -> dict[str, object]:
        """The page after cursor ``since`` for a device of ``commune`` (and everyone's)."""
        try:
            after = int(since or "0")
        except ValueError as exc:
            raise BadRequestError(detail="since") from exc
        if not 0 <= after <= MAX_SEQ:  # beyond a 64-bit column: no database could bind it
            raise BadRequestError(detail="since")
        with self.db.read() as conn:
            rows = conn.execute(
                select(t.changes.c.seq, t.changes.c.kind, t.changes.c.key, t.changes.c.payload,
                       t.changes.c.created_at)
                .where(t.changes.c.seq > after,
                       (t.changes.c.commune.is_(None)) | (t.changes.c.commune == commune))
                .order_by(t.changes.c.seq).limit(limit + 1)).all()
        page = rows[:limit]
        cursor = str(page[-1].seq) if page else str(after)
        return {"changes": [{"seq": int(r.seq), "kind": r.kind, "key": r.key,
                             "at": r.created_at, "data": json.loads(r.payload)} for r in page],
                "cursor": cursor, "has_more": len(rows) > limit}

    # operators' publications: nothing but a change in the feed
    def revoke_certificate(self, serial: str, issuer: str = "") -> None:
        with self.db.tx() as conn:
            self.publish(conn, None, ChangeKind.REVOKED_CERTIFICATE, serial,
                         {"serial": serial, "issuer": issuer, "revoked_at": iso(self.db.now())})

    def publish_reference(self, name: str, version: str, data: object) -> None:
        with self.db.tx() as conn:
            self.publish(conn, None, ChangeKind.REFERENCE, name,
                         {"name": name, "version": version, "data": data})


def change_row(commune: str | None, kind: ChangeKind, key: str, payload: dict[str, object],
               at: str) -> dict[str, object]:
    return {"commune": commune, "kind": str(kind), "key": key,
            "payload": canonical_json(payload).decode("utf-8"), "created_at": at}
