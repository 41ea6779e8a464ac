"""Audit anchors: the head of each device's audit chain, kept outside the device's reach.

Anyone holding an account's password on a device can rewrite its audit log and the head
stored next to it consistently; they cannot rewrite what the centre kept. Each sync sends the
device's head; the answer is the head kept from the sync before, which the device looks up
in its own chain. A chain that no longer holds it was rewritten: the device says so (and
keeps working); the centre records it here, and also records by itself a chain that became
shorter than the head it kept.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from sync.server import schema as t
from sync.server.database import Database, iso
from sync.server.devices import Device


class AuditAnchors:
    def __init__(self, db: Database) -> None:
        self.db = db

    def anchor(self, device: Device, seq: int, digest: str,
               rewritten: tuple[int, str] | None = None) -> dict[str, object]:
        """Keep (seq, digest) as the device's head; answer the head kept before it.

        Idempotent: repeating the same head answers the same head (a lost answer retried).
        ``rewritten``: the kept head the device did not find in its chain.

        Two first anchors of one device at once both find no row; the one that inserts
        second fails on the primary key and is answered as if it came second (not by a
        500), whatever the database's isolation (writers are serialised today, see
        sync.server.database, but this must not depend on it)."""
        try:
            return self._anchor(device, seq, digest, rewritten)
        except IntegrityError:
            return self._anchor(device, seq, digest, rewritten)

    def _anchor(self, device: Device, seq: int, digest: str,
                rewritten: tuple[int, str] | None) -> dict[str, object]:
        now = iso(self.db.now())
        with self.db.tx() as conn:
            row = conn.execute(select(t.audit_anchors).where(
                t.audit_anchors.c.device_id == device.device_id)).first()
            kept = None if row is None else (int(row.seq), str(row.hash))
            if row is not None and (seq, digest) == kept:  # a retry: the same answer again
                kept = None if row.prev_seq is None else (int(row.prev_seq), str(row.prev_hash))
            found = "device" if rewritten is not None else None
            if kept is not None and seq < kept[0] and rewritten is None:
                found = "server"  # the chain lost entries the centre had seen
            if found is not None:
                shown = rewritten or kept
                assert shown is not None
                conn.execute(insert(t.audit_mismatches).values(
                    device_id=device.device_id, kept_seq=shown[0], kept_hash=shown[1],
                    head_seq=seq, head_hash=digest, found_by=found, found_at=now))
            if row is None:
                conn.execute(insert(t.audit_anchors).values(
                    device_id=device.device_id, seq=seq, hash=digest, anchored_at=now))
            elif (seq, digest) != (int(row.seq), str(row.hash)):
                conn.execute(update(t.audit_anchors).where(
                    t.audit_anchors.c.device_id == device.device_id).values(
                    seq=seq, hash=digest, anchored_at=now, prev_seq=row.seq,
                    prev_hash=row.hash))
        return {"kept": None if kept is None else {"seq": kept[0], "hash": kept[1]},
                "anchored": {"seq": seq, "hash": digest}, "mismatch": found is not None}

    def head(self, device_id: str) -> tuple[int, str] | None:
        with self.db.tx() as conn:
            row = conn.execute(select(t.audit_anchors).where(
                t.audit_anchors.c.device_id == device_id)).first()
        return None if row is None else (int(row.seq), str(row.hash))

    def mismatches(self, device_id: str) -> list[dict[str, object]]:
        with self.db.tx() as conn:
            rows = conn.execute(select(t.audit_mismatches).where(
                t.audit_mismatches.c.device_id == device_id)
                .order_by(t.audit_mismatches.c.id)).all()
        return [{"kept_seq": int(r.kept_seq), "kept_hash": r.kept_hash,
                 "head_seq": int(r.head_seq), "found_by": r.found_by, "found_at": r.found_at}
                for r in rows]
