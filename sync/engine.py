"""The device side of a sync: outbox push, attachments, number blocks, pull, USB bundles.

Every server answer is applied in a local transaction together with what it changes (outbox
state, record status, personal ID, pull cursor), so a kill at any point leaves either the old
state (the same idempotent item is sent again) or the new one, never half of it.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.accounts import Permission, require
from desktop_app.domain import RecordType, Status
from desktop_app.ports import ExtractService
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.revocation import add_revoked
from desktop_app.session import Session
from desktop_app.store import (
    audit_repo,
    extracts_repo,
    meta_repo,
    numbers_repo,
    outbox_repo,
    records_repo,
)
from desktop_app.store.database import Connection
from desktop_app.updates import CAPABILITIES_KEY
from desktop_app.workflows import record_index
from desktop_app.workflows.extracts import timestamp_waiting
from desktop_app.workflows.numbering import switch_to_leased_numbers
from sync.bundle import BundleAttachment, build_bundle, read_answer
from sync.client import (
    AttachmentUpload,
    CancelToken,
    ItemResult,
    Progress,
    PullPage,
    PushItem,
    SyncClient,
    TransportConfig,
)
from sync.device import open_client
from sync.identity import require_identity
from sync.protocol import ChangeKind, ItemStatus

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
LAST_SUCCESS_KEY = "sync.last_success"
REFERENCE_KEY = "sync.reference"  # + ".<name>": {name, version, data}
LEASE_KEY = "sync.lease_request"  # + ".<type>.<year>": persisted before asking the server
LOW_WATER = 10  # lease a new block when fewer numbers than this are left
LEASE_SIZE = 50
UNSUPPORTED = "E-SYNC-UNSUPPORTED-PROCEDURE"

ProgressFn = Callable[[Progress], None]


@dataclass
class SyncReport:
    accepted: int = 0
    rejected: int = 0
    deferred: int = 0
    pulled: int = 0
    blocks_leased: int = 0
    timestamped: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        stamped = f", {self.timestamped} trích lục được gắn dấu thời gian" \
            if self.timestamped else ""
        return (f"đã gửi {self.accepted}, bị từ chối {self.rejected}, chờ {self.deferred}, "
                f"nhận {self.pulled} thay đổi, {self.blocks_leased} dải số mới{stamped}")


# -- building push items --------------------------------------------------------------------
def _push_data(rec: StoredRecord) -> dict[str, object]:
    data = dict(rec.data)
    for key in ("registration_number", "book_number", "registered_on"):
        value = getattr(rec, key)
        if value:
            data[key] = value
    return data


def pending_items(conn: Connection, procedures: Iterable[str] | None = None
                  ) -> list[tuple[outbox_repo.OutboxItem, PushItem]]:
    """Outbox items due now; those of procedures the centre does not accept yet wait."""
    accepted = set(procedures) if procedures is not None else None
    due = []
    for item in outbox_repo.due(conn, 100_000, (outbox_repo.PENDING,
                                                 outbox_repo.AWAITING_SUPPORT)):
        rec = records_repo.get(conn, item.record_id)
        if rec is None or (accepted is not None and rec.type not in accepted):
            continue
        shas = tuple(sha for sha, _kind, _up in extracts_repo.attachments_of(conn, rec.id))
        due.append((item, PushItem(item.idempotency_key, rec.id, item.version, rec.type,
                                   _push_data(rec), rec.is_historical, shas)))
    return due


# -- applying answers -----------------------------------------------------------------------
def _event(conn: Connection, rec: StoredRecord, to: str, at: datetime, reason: str = "") -> None:
    records_repo.add_event(conn, RecordEvent(rec.id, at, "system", "sync", rec.status, to,
                                             reason))


def _set_personal_id(conn: Connection, rec: StoredRecord, pid: str, at: datetime
                     ) -> StoredRecord:
    child = rec.data.get("child")
    if rec.type != RecordType.BIRTH or not isinstance(child, dict) or child.get("personal_id"):
        return rec
    data = {**rec.data, "child": {**child, "personal_id": pid}}
    updated = rec.with_changes(data=data, updated_at=at)
    audit_repo.append(conn, at=at, actor="system", action="record.personal_id", target=rec.id)
    return updated


def apply_result(conn: Connection, result: ItemResult, at: datetime) -> str:
    """One per-item answer, in the caller's transaction; returns the outbox state set."""
    rec = records_repo.get(conn, result.record_id)
    if result.is_synced:
        outbox_repo.mark(conn, result.idempotency_key, outbox_repo.ACCEPTED, at)
        if rec is not None:
            updated = rec.with_changes(central_id=result.central_id or rec.central_id,
                                       updated_at=at)
            if result.personal_id:
                updated = _set_personal_id(conn, updated, result.personal_id, at)
            if updated.status in (Status.QUEUED, Status.AWAITING_CENTRAL_SUPPORT):
                _event(conn, updated, Status.SYNCED, at)
                updated = updated.with_changes(status=Status.SYNCED.value)
            records_repo.update(conn, updated)
            record_index.reindex(conn, updated)
        return outbox_repo.ACCEPTED
    if result.status is ItemStatus.REJECTED:
        outbox_repo.mark(conn, result.idempotency_key, outbox_repo.REJECTED, at,
                         code=result.code, message=result.message)
        if rec is not None and rec.status in (Status.QUEUED, Status.AWAITING_PERSONAL_ID,
                                              Status.AWAITING_CENTRAL_SUPPORT):
            _event(conn, rec, Status.REJECTED, at, result.message or result.code or "")
            records_repo.update(conn, rec.with_changes(status=Status.REJECTED.value,
                                                       updated_at=at))
        audit_repo.append(conn, at=at, actor="system", action="record.rejected_centrally",
                          target=result.record_id, reason=result.code or "")
        return outbox_repo.REJECTED
    # Deferred: the same item goes out again later.
    if result.code == UNSUPPORTED:
        outbox_repo.mark(conn, result.idempotency_key, outbox_repo.AWAITING_SUPPORT, at,
                         code=result.code, message=result.message)
        if rec is not None and rec.status == Status.QUEUED:
            _event(conn, rec, Status.AWAITING_CENTRAL_SUPPORT, at)
            records_repo.update(conn, rec.with_changes(
                status=Status.AWAITING_CENTRAL_SUPPORT.value, updated_at=at))
        return outbox_repo.AWAITING_SUPPORT
    outbox_repo.mark(conn, result.idempotency_key, outbox_repo.PENDING, at, code=result.code,
                     message=result.message)
    return outbox_repo.PENDING


def apply_page(conn: Connection, page: PullPage | Mapping[str, object], at: datetime,
               device_id: str) -> int:
    """A pull page and its cursor, in the caller's transaction."""
    if not isinstance(page, PullPage):
        page = PullPage.from_json(page)
    for change in page.changes:
        data = change.data
        if change.kind == ChangeKind.PERSONAL_ID:
            rec = records_repo.get(conn, str(data.get("record_id")))
            if rec is not None and data.get("personal_id"):
                updated = _set_personal_id(conn, rec, str(data["personal_id"]), at)
                if updated is not rec:
                    records_repo.update(conn, updated)
                    record_index.reindex(conn, updated)
        elif change.kind == ChangeKind.REJECTION:
            key = str(data.get("idempotency_key", ""))
            if any(i.idempotency_key == key and i.state != outbox_repo.REJECTED
                   for i in outbox_repo.for_record(conn, str(data.get("record_id")))):
                apply_result(conn, ItemResult(key, str(data.get("record_id")),
                                              int(str(data.get("version", 1))),
                                              ItemStatus.REJECTED, code=_s(data.get("code")),
                                              message=_s(data.get("message"))), at)
        elif change.kind == ChangeKind.RECORD:
            _keep_commune_record(conn, data, at, device_id)
        elif change.kind == ChangeKind.CAPABILITIES:
            meta_repo.put(conn, CAPABILITIES_KEY, json.dumps(dict(data)))
        elif change.kind == ChangeKind.REVOKED_CERTIFICATE:
            add_revoked(conn, change.key)
        elif change.kind == ChangeKind.REFERENCE:  # kept for offline use, newest version wins
            meta_repo.put(conn, f"{REFERENCE_KEY}.{change.key}", json.dumps(dict(data)))
        # number blocks arrive with the lease answer; revoked devices are refused centrally
    meta_repo.put(conn, CURSOR_KEY, page.cursor)
    return len(page.changes)


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _keep_commune_record(conn: Connection, data: Mapping[str, object], at: datetime,
                         device_id: str) -> None:
    """Records of the commune registered on other devices: kept for search and duplicate
    checks offline (read-only, status synced)."""
    record_id = str(data.get("record_id", ""))
    body = data.get("data")
    if not record_id or data.get("device_id") == device_id or not isinstance(body, dict):
        return
    if records_repo.get(conn, record_id) is not None:
        return
    office = meta_repo.get(conn, "commune_code") or ""
    rec = StoredRecord(
        id=record_id, type=str(data.get("type")), status=Status.SYNCED.value, data=dict(body),
        office=office, officer=f"device:{data.get('device_id')}", created_at=at, updated_at=at,
        is_historical=bool(data.get("historical")),
        registration_number=_s(body.get("registration_number")),
        book_number=_s(body.get("book_number")), registered_on=_s(body.get("registered_on")),
        central_id=_s(data.get("central_id")), version=int(str(data.get("version", 1))))
    records_repo.insert(conn, rec)
    record_index.reindex(conn, rec)


# -- number blocks --------------------------------------------------------------------------
def lease_blocks(session: Session, client: SyncClient, year: int,
                 procedures: Sequence[str]) -> int:
    leased = 0
    conn = session.db.connection()
    office = meta_repo.get(conn, "commune_code") or ""
    for rtype in procedures:
        if numbers_repo.remaining(conn, rtype, year, office) >= LOW_WATER:
            continue
        key = f"{LEASE_KEY}.{rtype}.{year}"
        with session.db.transaction() as tx:
            request_id = meta_repo.get(tx, key) or str(uuid.uuid4())
            meta_repo.put(tx, key, request_id)  # kept before asking: a retry gets the same
        used = numbers_repo.highest_issued(conn, rtype, year, office)
        lease = client.lease_number_block(rtype, year, LEASE_SIZE, request_id=request_id,
                                          used_up_to=used)
        with session.db.transaction() as tx:
            known = {(b.block.start, b.block.end) for b in numbers_repo.blocks(tx, year)
                     if b.record_type == rtype}
            if (lease.first, lease.last) not in known:
                numbers_repo.add_block(tx, rtype, year, office, lease.as_number_block(),
                                       "central", session.clock.now())
                leased += 1
            tx.execute("DELETE FROM meta WHERE key = ?", (key,))
    return leased


# -- a whole sync ---------------------------------------------------------------------------
def run_sync(session: Session, *, client: SyncClient | None = None,
             progress: ProgressFn | None = None, cancel: CancelToken | None = None,
             config: TransportConfig | None = None,
             extracts: ExtractService | None = None) -> SyncReport:
    """One whole sync. With ``extracts``, extracts signed offline get their document
    timestamp first, while the timestamp server is reachable too."""
    require(session.account, Permission.SYNC)
    own = client is None
    client = client or open_client(session, config=config, cancel=cancel)
    report = SyncReport()
    try:
        identity = require_identity(session.db.connection())
        with session.db.transaction() as tx:
            switch_to_leased_numbers(tx)
        caps = client.capabilities()
        with session.db.transaction() as tx:
            meta_repo.put(tx, CAPABILITIES_KEY, json.dumps(
                {"procedures": list(caps.procedures),
                 "client_release": caps.raw.get("client_release")}))
        year = session.clock.now().year
        # Numbers are needed for every procedure, accepted centrally yet or not.
        report.blocks_leased = lease_blocks(session, client, year, [t.value for t in RecordType])
        report.deferred += hold_unsupported(session, caps.procedures)
        if extracts is not None:
            report.timestamped = timestamp_waiting(session, extracts)
        _upload_attachments(session, client, progress)
        items = pending_items(session.db.connection(), caps.procedures)
        for results in client.push_batches([push for _item, push in items],
                                           progress=progress):
            with session.db.transaction() as tx:
                for result in results:
                    state = apply_result(tx, result, session.clock.now())
                    report.accepted += state == outbox_repo.ACCEPTED
                    report.rejected += state == outbox_repo.REJECTED
                    report.deferred += state in (outbox_repo.PENDING,
                                                 outbox_repo.AWAITING_SUPPORT)
        cursor = meta_repo.get(session.db.connection(), CURSOR_KEY)
        for page in client.pull_pages(cursor):
            with session.db.transaction() as tx:
                report.pulled += apply_page(tx, page, session.clock.now(),
                                            identity.device_id)
        with session.db.transaction() as tx:
            meta_repo.put(tx, LAST_SUCCESS_KEY, session.clock.now().isoformat())
    finally:
        if own:
            client.close()
    log.info("sync done: %d accepted, %d rejected, %d deferred, %d pulled", report.accepted,
             report.rejected, report.deferred, report.pulled)
    return report


def hold_unsupported(session: Session, procedures: Sequence[str]) -> int:
    """Items of procedures the centre does not accept yet wait, visible, as
    awaiting_central_support; they go out by themselves once the capability appears."""
    held = 0
    now = session.clock.now()
    with session.db.transaction() as tx:
        for item, push in pending_items(tx):
            if push.record_type in procedures or item.state == outbox_repo.AWAITING_SUPPORT:
                continue
            apply_result(tx, ItemResult(item.idempotency_key, item.record_id, item.version,
                                        ItemStatus.DEFERRED, code=UNSUPPORTED), now)
            held += 1
    return held


def _upload_attachments(session: Session, client: SyncClient,
                        progress: ProgressFn | None) -> None:
    """Attachments of the items waiting, several at once (client.upload_attachments); each
    is marked uploaded as soon as the server has all of it."""
    conn = session.db.connection()
    waiting = conn.execute(
        "SELECT DISTINCT ra.sha256, a.media_type FROM record_attachments ra JOIN attachments a "
        "ON a.sha256 = ra.sha256 JOIN outbox o ON o.record_id = ra.record_id "
        "WHERE ra.uploaded = 0 AND o.state IN (?, ?)",
        (outbox_repo.PENDING, outbox_repo.AWAITING_SUPPORT)).fetchall()

    def uploads() -> Iterator[AttachmentUpload]:  # read here, a few ahead of the uploads
        for sha, media_type in waiting:
            content = extracts_repo.attachment(conn, sha)
            if content is not None:
                yield AttachmentUpload(sha, content, media_type)

    done = 0
    for upload, _state in client.upload_attachments(uploads()):
        with session.db.transaction() as tx:
            tx.execute("UPDATE record_attachments SET uploaded = 1 WHERE sha256 = ?",
                       (upload.sha256,))
        done += 1
        if progress:
            progress(Progress("attachment", done, len(waiting)))


# -- USB bundles ----------------------------------------------------------------------------
def export_bundle(session: Session) -> tuple[bytes, int]:
    """Everything waiting, signed by the device and encrypted to the server."""
    require(session.account, Permission.SYNC)
    conn = session.db.connection()
    identity = require_identity(conn)
    items = pending_items(conn)
    attachments = []
    for _item, push in items:
        for sha in push.attachments:
            content = extracts_repo.attachment(conn, sha)
            if content is not None:
                attachments.append(BundleAttachment(sha, content, "application/pdf"))
    data = build_bundle(identity, [push.to_json() for _i, push in items], attachments,
                        since=meta_repo.get(conn, CURSOR_KEY), now=session.clock.now())
    with session.db.transaction() as tx:
        # What left in the bundle is final: it is never timestamped afterwards.
        extracts_repo.keep_without_timestamp(tx, [push.record_id for _i, push in items])
        audit_repo.append(tx, at=session.clock.now(), actor=session.account.username,
                          action="sync.export_bundle", target=str(len(items)))
    return data, len(items)


def import_answer(session: Session, data: bytes) -> SyncReport:
    """The answer file the operator brought back: per-item results and pulled changes."""
    require(session.account, Permission.SYNC)
    conn = session.db.connection()
    identity = require_identity(conn)
    answer = read_answer(identity, data)
    report = SyncReport()
    now = session.clock.now()
    with session.db.transaction() as tx:
        for raw in answer.results:
            state = apply_result(tx, ItemResult.from_json(raw), now)
            report.accepted += state == outbox_repo.ACCEPTED
            report.rejected += state == outbox_repo.REJECTED
            report.deferred += state in (outbox_repo.PENDING, outbox_repo.AWAITING_SUPPORT)
        for sha, done in answer.attachments.items():
            if done:
                tx.execute("UPDATE record_attachments SET uploaded = 1 WHERE sha256 = ?",
                           (sha,))
        if answer.pull:
            report.pulled = apply_page(tx, answer.pull, now, identity.device_id)
        audit_repo.append(tx, at=now, actor=session.account.username,
                          action="sync.import_answer", target=answer.bundle_id)
    return report


