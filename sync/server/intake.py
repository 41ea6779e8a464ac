"""Intake: records pushed by devices (or carried in a bundle), checked and kept once each.

Every final outcome is kept under the item's idempotency key forever, so a device that retries
after weeks gets the same answer; an accepted record gets a central id (and a birth its personal
ID from the simulated registry) and goes into the feed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, Select, Table, func, insert, select, update
from sqlalchemy.engine import Row

from desktop_app.sync_types import ItemStatus
from sync.messages import MESSAGES
from sync.protocol import ChangeKind, canonical_json, item_digest
from sync.server import registry
from sync.server import schema as t
from sync.server.attachments import Attachments
from sync.server.database import IN_LIST_MAX, Database, iso
from sync.server.devices import Device
from sync.server.feed import Feed, change_row
from sync.server.models import PushItem
from sync.server.rules import HeldHere, check_record
from sync.server.settings import ALL_PROCEDURES, Settings

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class _Ids(NamedTuple):
    """The identity a record keeps across versions (a row of record_ids)."""

    central_id: str
    commune: str
    record_type: str
    personal_id: str | None


class _Batch:
    """One push in its transaction: the rows its items may meet are read up front (a few IN
    queries) and its writes go out together (one executemany per table), so the statements are
    built and compiled once per batch instead of once per item. Items see the writes of the
    items before them in the same batch, as if each had been written at once."""

    def __init__(self, conn: Connection, device: Device, items: Sequence[PushItem], at: str
                 ) -> None:
        self.conn = conn
        self.device = device
        self.at = at
        record_ids = {i.record_id for i in items}
        self.seen: dict[str, tuple[str, str]] = {
            r.key: (r.digest, r.result) for r in self._in(
                select(t.idempotency.c.key, t.idempotency.c.digest, t.idempotency.c.result)
                .where(t.idempotency.c.device_id == device.device_id),
                t.idempotency.c.key, {i.idempotency_key for i in items})}
        self.ids: dict[str, _Ids] = {
            r.record_id: _Ids(r.central_id, r.commune, r.record_type, r.personal_id)
            for r in self._in(select(t.record_ids), t.record_ids.c.record_id, record_ids)}
        self.versions: dict[tuple[str, int], str] = {
            (r.record_id, int(r.version)): r.digest for r in self._in(
                select(t.records.c.record_id, t.records.c.version, t.records.c.digest),
                t.records.c.record_id, record_ids)}
        self.complete = Attachments.complete_among(
            conn, {sha for i in items for sha in i.attachments})
        self.deaths: dict[str, tuple[str, str]] = {
            r.personal_id: (r.record_id, r.central_id) for r in self._in(
                select(t.deaths), t.deaths.c.personal_id,
                {pid for pid in map(_deceased_personal_id, items) if pid is not None})}
        self._counters: dict[str, int | None] = {}  # the stored value (None: no row yet)
        self._next: dict[str, int] = {}  # the last value handed out in this batch
        self.writes: dict[Table, list[dict[str, object]]] = {
            t.record_ids: [], t.records: [], t.idempotency: [], t.deaths: []}
        self.changes: list[dict[str, object]] = []

    def _in(self, query: Select[Any], column: ColumnElement[str], values: set[str]
            ) -> list[Row[Any]]:
        chosen = sorted(values)
        rows: list[Row[Any]] = []
        for start in range(0, len(chosen), IN_LIST_MAX):
            rows += self.conn.execute(
                query.where(column.in_(chosen[start:start + IN_LIST_MAX]))).all()
        return rows

    def next_value(self, name: str) -> int:
        """The next value of a named counter (central ids, registry serials), from 1."""
        if name not in self._next:
            row = self.conn.execute(select(t.counters.c.value)
                                    .where(t.counters.c.name == name)).first()
            self._counters[name] = None if row is None else int(row[0])
            self._next[name] = 0 if row is None else int(row[0])
        self._next[name] += 1
        return self._next[name]

    def publish(self, kind: ChangeKind, key: str, payload: dict[str, object]) -> None:
        self.changes.append(change_row(self.device.commune, kind, key, payload, self.at))

    def flush(self) -> None:
        for table, rows in self.writes.items():
            if rows:
                self.conn.execute(insert(table), rows)
        Feed.publish_many(self.conn, self.changes)
        for name, value in self._next.items():
            if self._counters[name] is None:
                self.conn.execute(insert(t.counters).values(name=name, value=value))
            elif value != self._counters[name]:
                self.conn.execute(update(t.counters).where(t.counters.c.name == name)
                                  .values(value=value))


class Intake:
    def __init__(self, db: Database, settings: Settings, feed: Feed) -> None:
        self.db = db
        self.settings = settings
        self.feed = feed

    def push(self, device: Device, items: Sequence[PushItem], via: str = "push"
             ) -> list[dict[str, object]]:
        """Per-item results, in order. One transaction: all results or none (retry-safe)."""
        now = self.db.now()
        today = now.astimezone(VIETNAM).date()
        with self.db.tx() as conn:
            procedures = set(self.settings.procedures(conn))
            batch = _Batch(conn, device, items, iso(now))
            results = [self._push_one(batch, item, procedures, today, via) for item in items]
            batch.flush()
        return results

    def _push_one(self, batch: _Batch, item: PushItem, procedures: set[str], today: date,
                  via: str) -> dict[str, object]:
        device = batch.device
        digest = item_digest(item.type, item.record_id, item.version, item.historical,
                             item.data, list(item.attachments))
        base: dict[str, object] = {"idempotency_key": item.idempotency_key,
                                   "record_id": item.record_id, "version": item.version}
        seen = batch.seen.get(item.idempotency_key)
        if seen is not None:
            seen_digest, seen_result = seen
            if seen_digest != digest:
                return _result(base, ItemStatus.REJECTED, "E-SYNC-IDEMPOTENCY-CONFLICT")
            stored: dict[str, object] = json.loads(seen_result)
            if stored["status"] == ItemStatus.ACCEPTED:
                stored["status"] = str(ItemStatus.ALREADY_HAD)
            return stored

        if item.type not in ALL_PROCEDURES:
            return _final(batch, item, digest,
                          _result(base, ItemStatus.REJECTED, "E-RECORD-TYPE"))
        if item.type not in procedures:
            return _result(base, ItemStatus.DEFERRED, "E-SYNC-UNSUPPORTED-PROCEDURE",
                           record_type=item.type)
        office = item.data.get("office")
        if office not in (None, device.commune):
            return _final(batch, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=str(office)))
        ids = batch.ids.get(item.record_id)
        if ids is not None and (ids.commune != device.commune or ids.record_type != item.type):
            return _final(batch, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-OFFICE-MISMATCH", office=device.commune))
        existing = batch.versions.get((item.record_id, item.version))
        if existing is not None:
            if existing != digest:
                return _final(batch, item, digest, _result(
                    base, ItemStatus.REJECTED, "E-SYNC-VERSION-CONFLICT", version=item.version))
            assert ids is not None
            result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": ids.central_id,
                      "personal_id": ids.personal_id, "warnings": []}
            _final(batch, item, digest, result)
            return {**result, "status": str(ItemStatus.ALREADY_HAD)}
        missing = sorted(set(item.attachments) - batch.complete)
        if missing:
            return _result(base, ItemStatus.DEFERRED, "E-SYNC-ATTACHMENT-MISSING",
                           count=len(missing), missing_attachments=missing)
        deceased = _deceased_personal_id(item)
        earlier = batch.deaths.get(deceased) if deceased is not None else None
        if earlier is not None and earlier[0] != item.record_id:
            return _final(batch, item, digest, _result(
                base, ItemStatus.REJECTED, "E-SYNC-DEATH-REGISTERED",
                personal_id=deceased, central_id=earlier[1]))
        outcome = check_record(item.type, item.data, historical=item.historical, today=today,
                               record_id=item.record_id, target=_target(batch, item),
                               guardianships=_guardianships(batch, item))
        if outcome.errors:
            first = outcome.errors[0]
            result = {**base, "status": str(ItemStatus.REJECTED), "code": first.rule,
                      "message": first.message, "message_en": first.message_en,
                      "issues": [{"rule": f.rule, "field": f.field, "message": f.message}
                                 for f in outcome.errors]}
            return _final(batch, item, digest, result)
        return _accept(batch, item, digest, base, ids,
                       [{"rule": w.rule, "field": w.field, "message": w.message}
                        for w in outcome.warnings], via)

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


_LINKED_TYPES = ("recognition", "change", "guardianship")


def _reference_of(item: PushItem) -> object:
    """The reference an act carries: a recognition's child.birth_record, a change's or a
    termination's original_record (a record id, or number + book + office + date)."""
    holder: object = item.data.get("child") if item.type == "recognition" else item.data
    key = "birth_record" if item.type == "recognition" else "original_record"
    return holder.get(key) if isinstance(holder, dict) else None


def _reference(item: PushItem) -> str | None:
    """The device's id of the record an item points at."""
    ref = _reference_of(item)
    value = ref.get("record_id") if isinstance(ref, dict) else ref
    return value.strip() if isinstance(value, str) and value.strip() else None


def _original_elsewhere(batch: _Batch, item: PushItem) -> tuple[str, str] | None:
    """(commune, record id) of the original when another commune registered it: by its id,
    or by its office and registration number (the person now lives elsewhere: L60 Art 27,
    46)."""
    if item.type not in _LINKED_TYPES:
        return None
    record_id = _reference(item)
    if record_id is not None:
        row = batch.conn.execute(select(t.record_ids.c.commune)
                                 .where(t.record_ids.c.record_id == record_id)).first()
        if row is not None and row.commune != batch.device.commune:
            return str(row.commune), record_id
        return None
    ref = _reference_of(item)
    if not isinstance(ref, dict):
        return None
    office, number = ref.get("office"), ref.get("registration_number")
    if not isinstance(office, str) or office == batch.device.commune or number in (None, ""):
        return None
    query = select(t.records.c.record_id, t.records.c.data).where(t.records.c.commune == office)
    if item.type == "recognition":
        query = query.where(t.records.c.record_type == "birth")
    year = str(ref.get("registered_on") or "")[:4]
    for row in batch.conn.execute(query):  # acts across communes are rare: a scan will do
        data = json.loads(str(row.data))
        if str(data.get("registration_number")) == str(number) and (
                not year or str(data.get("registered_on") or "").startswith(year)):
            return office, str(row.record_id)
    return None


def _forward(batch: _Batch, item: PushItem, central_id: str, pid: str | None) -> None:
    """An act for a record another commune holds reaches that commune's feed, its reference
    completed with the original's id, so the original shows it (the national system does
    not propagate these)."""
    found = _original_elsewhere(batch, item)
    if found is None:
        return
    commune, original_id = found
    data = json.loads(json.dumps(item.data))
    holder = data.get("child") if item.type == "recognition" else data
    key = "birth_record" if item.type == "recognition" else "original_record"
    if isinstance(holder, dict):
        ref = holder.get(key)
        holder[key] = {**(ref if isinstance(ref, dict) else {}), "record_id": original_id}
    batch.changes.append(change_row(commune, ChangeKind.RECORD,
                                    f"{item.record_id}:{item.version}", {
        "record_id": item.record_id, "version": item.version, "type": item.type,
        "historical": item.historical, "central_id": central_id, "personal_id": pid,
        "data": data, "attachments": sorted(item.attachments),
        "device_id": batch.device.device_id, "commune": batch.device.commune}, batch.at))


def _target(batch: _Batch, item: PushItem) -> HeldHere | None:
    """The versions the commune's devices sent of the record the item points at (accepted,
    or earlier in this batch): the latest is the target, the others its earlier versions."""
    ref = _reference(item) if item.type in _LINKED_TYPES else None
    if ref is None or ref == item.record_id:
        return None
    versions: dict[int, tuple[str, str]] = {
        int(r.version): (str(r.record_type), str(r.data)) for r in batch.conn.execute(
            select(t.records.c.version, t.records.c.record_type, t.records.c.data)
            .where(t.records.c.record_id == ref, t.records.c.commune == batch.device.commune))}
    for w in batch.writes[t.records]:
        if w["record_id"] == ref and w["commune"] == batch.device.commune:
            versions[int(str(w["version"]))] = (str(w["record_type"]), str(w["data"]))
    if not versions:
        return None
    ordered = [versions[v] for v in sorted(versions)]
    record_type, latest = ordered[-1]
    return HeldHere(ref, record_type, json.loads(latest),
                    tuple(json.loads(data) for _type, data in ordered[:-1]))


def _guardianships(batch: _Batch, item: PushItem) -> list[HeldHere]:
    """The latest versions of the commune's guardianships (accepted or earlier in this
    batch), for a guardianship item: one guardian per ward, a termination ending one once.
    Guardianships are a few per cent of a register: read them when one arrives."""
    if item.type != "guardianship":
        return []
    latest: dict[str, tuple[int, str]] = {}
    rows = batch.conn.execute(
        select(t.records.c.record_id, t.records.c.version, t.records.c.data)
        .where(t.records.c.commune == batch.device.commune,
               t.records.c.record_type == "guardianship"))
    pending = [(w["record_id"], w["version"], w["data"]) for w in batch.writes[t.records]
               if w["commune"] == batch.device.commune and w["record_type"] == "guardianship"]
    for record_id, version, data in [*((r.record_id, r.version, r.data) for r in rows),
                                     *pending]:
        if int(str(version)) >= latest.get(str(record_id), (0, ""))[0]:
            latest[str(record_id)] = (int(str(version)), str(data))
    return [HeldHere(rid, "guardianship", json.loads(data))
            for rid, (_v, data) in latest.items() if rid != item.record_id]


def _msg(code: str, **params: object) -> tuple[str, str]:
    """The message in both languages; a record type is worded as the forms name it
    ("Khai sinh"), never as its code, since devices show the message as it comes."""
    from desktop_app.domain.vocabulary import Vocabulary, label_or_code
    from desktop_app.messages import render

    def worded(lang: str) -> dict[str, object]:
        if "record_type" not in params:
            return params
        return {**params, "record_type": label_or_code(Vocabulary.RECORD_TYPE,
                                                       params["record_type"], lang)}

    return (render(code, worded("vi"), catalogue=MESSAGES, lang="vi"),
            render(code, worded("en"), catalogue=MESSAGES, lang="en"))


def _result(base: dict[str, object], status: ItemStatus, code: str,
            missing_attachments: list[str] | None = None, **params: object
            ) -> dict[str, object]:
    vi, en = _msg(code, **params)
    result = {**base, "status": str(status), "code": code, "message": vi, "message_en": en}
    if missing_attachments is not None:
        result["missing_attachments"] = missing_attachments
    return result


def _final(batch: _Batch, item: PushItem, digest: str, result: dict[str, object]
           ) -> dict[str, object]:
    """Keep a final outcome under its idempotency key forever (and publish rejections)."""
    stored = canonical_json(result).decode("utf-8")
    batch.writes[t.idempotency].append({
        "device_id": batch.device.device_id, "key": item.idempotency_key, "digest": digest,
        "status": result["status"], "result": stored, "created_at": batch.at})
    batch.seen[item.idempotency_key] = (digest, stored)
    if result["status"] == ItemStatus.REJECTED:
        batch.publish(ChangeKind.REJECTION, item.idempotency_key,
                      {k: result[k] for k in ("idempotency_key", "record_id", "version",
                                              "code", "message") if k in result})
    return result


def _accept(batch: _Batch, item: PushItem, digest: str, base: dict[str, object],
            ids: _Ids | None, warnings: list[dict[str, str]], via: str) -> dict[str, object]:
    device = batch.device
    extra: dict[str, object] = {}
    if ids is None:
        central_id = f"TW{batch.next_value('central_id'):012d}"
        pid = _issue_personal_id(batch, item)
        batch.writes[t.record_ids].append({
            "record_id": item.record_id, "central_id": central_id, "commune": device.commune,
            "record_type": item.type, "personal_id": pid})
        batch.ids[item.record_id] = _Ids(central_id, device.commune, item.type, pid)
    else:
        central_id, pid = ids.central_id, ids.personal_id
    if item.type == "birth" and not item.historical and pid is None and \
            not _child_personal_id(item.data):
        vi, _ = _msg("I-SYNC-NO-PERSONAL-ID")
        extra = {"notes": [{"rule": "I-SYNC-NO-PERSONAL-ID", "message": vi}]}
    batch.writes[t.records].append({
        "record_id": item.record_id, "version": item.version, "record_type": item.type,
        "historical": item.historical, "commune": device.commune,
        "device_id": device.device_id, "digest": digest,
        "data": canonical_json(item.data).decode("utf-8"),
        "attachments": json.dumps(sorted(item.attachments)),
        "warnings": json.dumps([w["rule"] for w in warnings]), "accepted_at": batch.at,
        "via": via})
    batch.versions[(item.record_id, item.version)] = digest
    result = {**base, "status": str(ItemStatus.ACCEPTED), "central_id": central_id,
              "personal_id": pid, "warnings": warnings, **extra}
    _final(batch, item, digest, result)
    batch.publish(ChangeKind.RECORD, f"{item.record_id}:{item.version}",
                  {"record_id": item.record_id, "version": item.version, "type": item.type,
                   "historical": item.historical, "central_id": central_id,
                   "personal_id": pid, "data": item.data,
                   "attachments": sorted(item.attachments), "device_id": device.device_id})
    _forward(batch, item, central_id, pid)
    deceased = _deceased_personal_id(item)
    if deceased is not None and ids is None:
        batch.writes[t.deaths].append({"personal_id": deceased, "record_id": item.record_id,
                                       "central_id": central_id})
        batch.deaths[deceased] = (item.record_id, central_id)
    if pid is not None and ids is None:
        batch.publish(ChangeKind.PERSONAL_ID, item.record_id,
                      {"record_id": item.record_id, "central_id": central_id,
                       "personal_id": pid})
    return result


def _issue_personal_id(batch: _Batch, item: PushItem) -> str | None:
    if item.type != "birth" or item.historical or _child_personal_id(item.data):
        return None
    child = item.data.get("child")
    child = child if isinstance(child, dict) else {}
    prefix = registry.id_prefix(batch.device.commune, child.get("sex"),
                                child.get("date_of_birth"))
    if prefix is None:
        return None
    return registry.personal_id(prefix, batch.next_value(f"pid:{prefix.value}"))


def _deceased_personal_id(item: PushItem) -> str | None:
    from desktop_app.domain.access import get_str

    return get_str(item.data, "deceased.personal_id") if item.type == "death" else None


def _child_personal_id(data: dict[str, object]) -> str | None:
    from desktop_app.domain.access import get_str

    return get_str(data, "child.personal_id")
