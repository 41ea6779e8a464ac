"""Number blocks: ranges of a register book's numbers leased to one device, never overlapping."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select, update

from sync.errors import BadRequestError
from sync.protocol import ChangeKind
from sync.server import schema as t
from sync.server.database import Database, iso
from sync.server.devices import Device
from sync.server.feed import Feed
from sync.server.settings import ALL_PROCEDURES


class Leases:
    def __init__(self, db: Database, feed: Feed) -> None:
        self.db = db
        self.feed = feed

    def lease(self, device: Device, request_id: str, record_type: str, year: int, size: int,
              used_up_to: int = 0) -> dict[str, object]:
        """Numbers [first, last] of the book (office, type, year) for this device only.

        Idempotent by (device, request_id); counters only grow, so blocks never overlap.
        ``used_up_to``: the highest number the device already issued in this book before it
        leased (a paper book continued, or numbers used before enrolment): the block starts
        after it."""
        from desktop_app.domain import book_code

        if record_type not in ALL_PROCEDURES:
            raise BadRequestError(detail="record_type")
        with self.db.tx() as conn:
            row = conn.execute(select(t.number_blocks).where(
                t.number_blocks.c.device_id == device.device_id,
                t.number_blocks.c.request_id == request_id)).first()
            if row is None:
                key = (t.number_counters.c.office == device.commune,
                       t.number_counters.c.record_type == record_type,
                       t.number_counters.c.year == year)
                counter = conn.execute(select(t.number_counters.c.next_number).where(*key)).first()
                first = max(1 if counter is None else int(counter[0]), used_up_to + 1)
                if counter is None:
                    conn.execute(insert(t.number_counters).values(
                        office=device.commune, record_type=record_type, year=year,
                        next_number=first + size))
                else:
                    conn.execute(update(t.number_counters).where(*key)
                                 .values(next_number=first + size))
                block = {"block_id": str(uuid.uuid4()), "request_id": request_id,
                         "device_id": device.device_id, "office": device.commune,
                         "record_type": record_type, "book_code": book_code(record_type),
                         "year": year, "first": first, "last": first + size - 1,
                         "leased_at": iso(self.db.now())}
                conn.execute(insert(t.number_blocks).values(
                    block_id=block["block_id"], device_id=device.device_id,
                    request_id=request_id, office=device.commune, record_type=record_type,
                    year=year, first=first, last=first + size - 1, leased_at=block["leased_at"]))
                self.feed.publish(conn, device.commune, ChangeKind.NUMBER_BLOCK,
                                  str(block["block_id"]), block)
                return block
        return {"block_id": row.block_id, "request_id": row.request_id,
                "device_id": row.device_id, "office": row.office,
                "record_type": row.record_type, "book_code": book_code(row.record_type),
                "year": row.year, "first": int(row.first), "last": int(row.last),
                "leased_at": row.leased_at}
