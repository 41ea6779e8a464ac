"""Intake: records pushed by devices (or carried in a bundle), checked and kept once each.

Every final outcome is kept under the item's idempotency key forever, so a device that retries
after weeks gets the same answer; an accepted record gets a central id (and a birth its personal
ID from the simulated registry) and goes into the feed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.engine import Row

from sync.messages import MESSAGES
from sync.protocol import ChangeKind, ItemStatus, canonical_json, item_digest
from sync.server import registry
from sync.server import schema as t
from sync.server.attachments import Attachments
from sync.server.database import Database, iso
from sync.server.devices import Device
from sync.server.feed import Feed
from sync.server.models import PushItem
from sync.server.rules import check_record
from sync.server.settings import ALL_PROCEDURES, Settings

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class Intake:
    def __init__(self, db: Database, settings: Settings, feed: Feed) -> None:
        self.db = db
        self.settings = settings
        self.feed = feed

    def push(self, device: Device, items: Sequence[PushItem], via: str = "push"
             ) -> list[dict[str, object]]:
        """Per-item results, in order. One transaction: all results or none (retry-safe)."""
        today = self.db.now().astimezone(VIETNAM).date()
        with self.db.tx() as conn:
            procedures = set(self.settings.procedures(conn))
            return [self._push_one(conn, device, item, procedures, today, via) for item in items]

    def _push_one(self, conn: Connection, device: Device, item: PushItem,
                  procedures: set[str], today: date, via: str) -> dict[str, object]:
        digest = item_digest(item.type, item.record_id, item.version, item.historical,
                             item.data, list(item.attachments))
        base: dict[str, object] = {"idempotency_key": item.idempotency_key,
                                   "record_id": item.record_id, "version": item.version}
        seen = conn.execute(select(t.idempotency).where(
            t.idempotency.c.device_id == device.device_id,
            t.idempotency.c.key == item.idempotency_key)).first()
        if seen is not None:
            if seen.digest != digest:
                return _result(base, ItemStatus.REJECTED, "E-SYNC-IDEMPOTENCY-CONFLICT")
            stored = json.loads(seen.result)
            if stored["status"] == ItemStatus.ACCEPTED:
                stored["status"] = str(ItemStatus.ALREADY_HAD)
            return stored

        if item.type not in ALL_PROCEDURES:
            return self._final(conn, device, item, digest,
                               _result(base, ItemStatus.REJECTED, "E-RECORD-TYPE"))
        if item.type not in procedures:
            return _result(base, ItemStatus.DEFERRED, "E-SYNC-UNSUPPORTED-PROCEDURE",
                           record_type=item.type)
        office = item.data.get("office")
        if office not in (None, device.commune):
            return self._final(conn, device, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=str(office)))
        ids = conn.execute(select(t.record_ids)
                           .where(t.record_ids.c.record_id == item.record_id)).first()
        if ids is not None and (ids.commune != device.commune or ids.record_type != item.type):
            return self._final(conn, device, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=device.commune))
        existing = conn.execute(select(t.records.c.digest).where(
            t.records.c.record_id == item.record_id,
            t.records.c.version == item.version)).first()
        if existing is not None:
            if existing.digest != digest:
                return self._final(conn, device, item, digest, _result(
                    base, ItemStatus.REJECTED, "E-SYNC-VERSION-CONFLICT", version=item.version))
            assert ids is not None
            result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": ids.central_id,
                      "personal_id": ids.personal_id, "warnings": []}
            self._final(conn, device, item, digest, result)
            return {**result, "status": str(ItemStatus.ALREADY_HAD)}
        missing = Attachments.missing(conn, item.attachments)
        if missing:
            return _result(base, ItemStatus.DEFERRED, "E-SYNC-ATTACHMENT-MISSING",
                           count=len(missing), missing_attachments=missing)
        earlier = _death_registered(conn, item)
        if earlier is not None:
            return self._final(conn, device, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-DEATH-REGISTERED",
                personal_id=earlier.personal_id, central_id=earlier.central_id))
        outcome = check_record(item.type, item.data, historical=item.historical, today=today)
        if outcome.errors:
            first = outcome.errors[0]
            result = {**base, "status": str(ItemStatus.REJECTED), "code": first.rule,
                      "message": first.message, "message_en": first.message_en,
                      "issues": [{"rule": f.rule, "field": f.field, "message": f.message}
                                 for f in outcome.errors]}
            return self._final(conn, device, item, digest, result)
        return self._accept(conn, device, item, digest, base, ids,
                            [{"rule": w.rule, "field": w.field, "message": w.message}
                             for w in outcome.warnings], via)

    def _final(self, conn: Connection, device: Device, item: PushItem, digest: str,
               result: dict[str, object]) -> dict[str, object]:
        """Keep a final outcome under its idempotency key forever (and publish rejections)."""
        conn.execute(insert(t.idempotency).values(
            device_id=device.device_id, key=item.idempotency_key, digest=digest,
            status=result["status"], result=canonical_json(result).decode("utf-8"),
            created_at=iso(self.db.now())))
        if result["status"] == ItemStatus.REJECTED:
            self.feed.publish(conn, device.commune, ChangeKind.REJECTION, item.idempotency_key,
                              {k: result[k] for k in ("idempotency_key", "record_id", "version",
                                                      "code", "message") if k in result})
        return result

    def _accept(self, conn: Connection, device: Device, item: PushItem, digest: str,
                base: dict[str, object], ids: Row | None, warnings: list[dict[str, str]],
                via: str) -> dict[str, object]:
        now = iso(self.db.now())
        extra: dict[str, object] = {}
        if ids is None:
            central_id = f"TW{_next(conn, 'central_id'):012d}"
            pid = _issue_personal_id(conn, device, item)
            conn.execute(insert(t.record_ids).values(
                record_id=item.record_id, central_id=central_id, commune=device.commune,
                record_type=item.type, personal_id=pid))
        else:
            central_id, pid = ids.central_id, ids.personal_id
        if item.type == "birth" and not item.historical and pid is None and \
                not _child_personal_id(item.data):
            vi, _ = _msg("I-SYNC-NO-PERSONAL-ID")
            extra = {"notes": [{"rule": "I-SYNC-NO-PERSONAL-ID", "message": vi}]}
        conn.execute(insert(t.records).values(
            record_id=item.record_id, version=item.version, record_type=item.type,
            historical=item.historical, commune=device.commune, device_id=device.device_id,
            digest=digest, data=canonical_json(item.data).decode("utf-8"),
            attachments=json.dumps(sorted(item.attachments)),
            warnings=json.dumps([w["rule"] for w in warnings]), accepted_at=now, via=via))
        result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": central_id,
                  "personal_id": pid, "warnings": warnings, **extra}
        self._final(conn, device, item, digest, result)
        self.feed.publish(conn, device.commune, ChangeKind.RECORD,
                          f"{item.record_id}:{item.version}",
                          {"record_id": item.record_id, "version": item.version,
                           "type": item.type, "historical": item.historical,
                           "central_id": central_id, "personal_id": pid, "data": item.data,
                           "attachments": sorted(item.attachments),
                           "device_id": device.device_id})
        deceased = _deceased_personal_id(item)
        if deceased is not None and ids is None:
            conn.execute(insert(t.deaths).values(personal_id=deceased, record_id=item.record_id,
                                                 central_id=central_id))
        if pid is not None and ids is None:
            self.feed.publish(conn, device.commune, ChangeKind.PERSONAL_ID, item.record_id,
                              {"record_id": item.record_id, "central_id": central_id,
                               "personal_id": pid})
        return result

    # -- statistics and bundles -------------------------------------------------------
    def stats(self) -> list[dict[str, object]]:
        """Accepted records (latest versions counted once per record) by type and commune."""
        with self.db.read() as conn:
            rows = conn.execute(
                select(t.record_ids.c.record_type, t.record_ids.c.commune,
                       func.count().label("n"))
                .group_by(t.record_ids.c.record_type, t.record_ids.c.commune)
                .order_by(t.record_ids.c.commune, t.record_ids.c.record_type)).all()
        return [{"record_type": r.record_type, "commune": r.commune, "records": int(r.n)}
                for r in rows]

    def note_bundle(self, bundle_id: str, device: Device, items: int) -> bool:
        """Remember an imported bundle; False when it was imported before."""
        with self.db.tx() as conn:
            seen = conn.execute(select(t.bundles.c.bundle_id)
                                .where(t.bundles.c.bundle_id == bundle_id)).first()
            if seen is not None:
                return False
            conn.execute(insert(t.bundles).values(bundle_id=bundle_id,
                                                  device_id=device.device_id, items=items,
                                                  imported_at=iso(self.db.now())))
        return True


def _msg(code: str, **params: object) -> tuple[str, str]:
    from desktop_app.messages import render

    return (render(code, params, catalogue=MESSAGES, lang="vi"),
            render(code, params, catalogue=MESSAGES, lang="en"))


def _result(base: dict[str, object], status: ItemStatus, code: str,
            missing_attachments: list[str] | None = None, **params: object
            ) -> dict[str, object]:
    vi, en = _msg(code, **params)
    result = {**base, "status": str(status), "code": code, "message": vi, "message_en": en}
    if missing_attachments is not None:
        result["missing_attachments"] = missing_attachments
    return result


def _next(conn: Connection, name: str, start: int = 1) -> int:
    """The next value of a named counter (central ids, registry serials)."""
    row = conn.execute(select(t.counters.c.value).where(t.counters.c.name == name)).first()
    if row is None:
        conn.execute(insert(t.counters).values(name=name, value=start))
        return start
    value = int(row[0]) + 1
    conn.execute(update(t.counters).where(t.counters.c.name == name).values(value=value))
    return value


def _death_registered(conn: Connection, item: PushItem) -> Row | None:
    """An earlier death of the same person under another record."""
    pid = _deceased_personal_id(item)
    if pid is None:
        return None
    return conn.execute(select(t.deaths).where(t.deaths.c.personal_id == pid,
                                               t.deaths.c.record_id != item.record_id)
                        ).first()


def _issue_personal_id(conn: Connection, device: Device, item: PushItem) -> str | None:
    if item.type != "birth" or item.historical or _child_personal_id(item.data):
        return None
    child = item.data.get("child")
    child = child if isinstance(child, dict) else {}
    prefix = registry.id_prefix(device.commune, child.get("sex"), child.get("date_of_birth"))
    if prefix is None:
        return None
    return registry.personal_id(prefix, _next(conn, f"pid:{prefix.value}"))


def _deceased_personal_id(item: PushItem) -> str | None:
    person = item.data.get("deceased")
    pid = person.get("personal_id") if item.type == "death" and isinstance(person, dict) \
        else None
    return str(pid) if pid else None


def _child_personal_id(data: dict[str, object]) -> str | None:
    child = data.get("child")
    if isinstance(child, dict) and isinstance(child.get("personal_id"), str):
        return str(child["personal_id"])
    return None
