"""Applying the centre's answers to this device's records: per-item push results, pull pages
and the items a sync sends. Each function runs in the caller's unit of work, together with
what it changes (outbox state, record status, personal ID, pull cursor), so a kill at any
point leaves either the old state (the same idempotent item is sent again) or the new one.

Status moves are automatic steps: they go through workflows.status.change_status as the
system actor, checked against the domain's transition table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.domain import RecordType, Status
from desktop_app.errors import AnswerMismatchError
from desktop_app.record import StoredRecord
from desktop_app.revocation import add_revoked
from desktop_app.store.outbox_repo import (
    ACCEPTED,
    AWAITING_SUPPORT,
    PENDING,
    REJECTED,
    OutboxItem,
)
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.sync_types import ChangeKind, ItemResult, ItemStatus, PullPage, PushItem
from desktop_app.updates import CAPABILITIES_KEY
from desktop_app.workflows import relations
from desktop_app.workflows.status import SYSTEM, change_status, pulled_record

CURSOR_KEY = "sync.cursor"
REFERENCE_KEY = "sync.reference"  # + ".<name>": {name, version, data}
UNSUPPORTED = "E-SYNC-UNSUPPORTED-PROCEDURE"


# -- the report -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemOutcome:
    """What became of one item sent: ``state`` is the outbox state set (accepted, rejected,
    pending, awaiting_support); ``code`` the centre's result code, if any."""

    record_id: str
    version: int
    state: str
    code: str | None = None


@dataclass
class SyncReport:
    """What a sync (or an answer file) did: counts and per-item outcomes. Data only: the CLI
    and the desktop word it in the user's language."""

    accepted: int = 0
    rejected: int = 0
    deferred: int = 0
    pulled: int = 0
    blocks_leased: int = 0
    timestamped: int = 0
    items: list[ItemOutcome] = field(default_factory=list)
    # the entry of the audit chain the centre kept that this device's chain no longer holds
    # (a rewritten history), if the sync found one
    audit_rewritten: int | None = None

    def add(self, outcome: ItemOutcome) -> None:
        self.items.append(outcome)
        self.accepted += outcome.state == ACCEPTED
        self.rejected += outcome.state == REJECTED
        self.deferred += outcome.state in (PENDING, AWAITING_SUPPORT)


# -- what goes out --------------------------------------------------------------------------
def _push_data(rec: StoredRecord) -> dict[str, object]:
    data: dict[str, object] = dict(rec.data)
    for key in ("registration_number", "book_number", "registered_on"):
        value = getattr(rec, key)
        if value:
            data[key] = value
    return data


def pending_items(uow: UnitOfWork, procedures: Iterable[str] | None = None
                  ) -> list[tuple[OutboxItem, PushItem]]:
    """Outbox items due now; those of procedures the centre does not accept yet wait."""
    accepted = set(procedures) if procedures is not None else None
    due = []
    for item in uow.outbox.due(100_000, (PENDING, AWAITING_SUPPORT)):
        rec = uow.records.get(item.record_id)
        if rec is None or (accepted is not None and rec.type not in accepted):
            continue
        shas = tuple(sha for sha, _kind, _up in uow.attachments.of_record(rec.id))
        # An item of a version a later act replaced sends that version's data.
        earlier = uow.records.version_data(rec.id, item.version) \
            if item.version < rec.version else None
        sent = rec if earlier is None else rec.with_changes(data=earlier)
        due.append((item, PushItem(item.idempotency_key, rec.id, item.version, rec.type,
                                   _push_data(sent), rec.is_historical, shas)))
    return due


def hold_unsupported(uow: UnitOfWork, procedures: Iterable[str], at: datetime
                     ) -> list[ItemOutcome]:
    """Items of procedures the centre does not accept yet wait, visible, as
    awaiting_central_support; they go out by themselves once the capability appears."""
    accepted = set(procedures)
    held = []
    for item, push in pending_items(uow):
        if push.record_type in accepted or item.state == AWAITING_SUPPORT:
            continue
        held.append(apply_result(uow, ItemResult(item.idempotency_key, item.record_id,
                                                 item.version, ItemStatus.DEFERRED,
                                                 code=UNSUPPORTED), at))
    return held


# -- per-item answers -----------------------------------------------------------------------
def _with_personal_id(rec: StoredRecord, pid: str, at: datetime) -> StoredRecord:
    """The birth with the personal ID the population registry gave it (a number already
    there is never replaced)."""
    child = rec.data.get("child")
    if rec.type != RecordType.BIRTH or not isinstance(child, dict) or child.get("personal_id"):
        return rec
    return rec.with_changes(data={**rec.data, "child": {**child, "personal_id": pid}},
                            updated_at=at)


def _take_personal_id(uow: UnitOfWork, rec: StoredRecord, updated: StoredRecord,
                      at: datetime) -> StoredRecord:
    """Store ``updated`` (``rec`` with its personal ID). A birth waiting for the number is
    ready to sign now: awaiting_personal_id -> approved."""
    if updated.status == Status.AWAITING_PERSONAL_ID:
        return change_status(uow, updated, Status.APPROVED, actor=SYSTEM, at=at,
                             action="personal_id")
    uow.records.update(updated)
    uow.audit.append(at=at, actor=SYSTEM.username, action="record.personal_id",
                     target=rec.id)
    return updated



def _left_at_approval(rec: StoredRecord) -> bool:
    """A historical entry sent at its approval: the centre's answer is its last step (a new
    birth also leaves approved, but its certificate is signed after its number comes back)."""
    return rec.is_historical and rec.status == Status.APPROVED


def apply_result(uow: UnitOfWork, result: ItemResult, at: datetime) -> ItemOutcome:
    """One per-item answer, in the caller's unit of work. AnswerMismatchError when the
    answer's key is not this device's item for that record and version (the caller's unit
    of work then rolls back the whole batch)."""
    sent = [i for i in uow.outbox.for_record(result.record_id)
            if i.idempotency_key == result.idempotency_key]
    if not sent or sent[0].version != result.version:
        raise AnswerMismatchError()
    rec = uow.records.get(result.record_id)
    if result.is_synced:
        uow.outbox.mark(result.idempotency_key, ACCEPTED, at)
        if rec is not None:
            updated = rec.with_changes(central_id=result.central_id or rec.central_id,
                                       updated_at=at)
            with_pid = _with_personal_id(updated, result.personal_id, at) \
                if result.personal_id else updated
            if with_pid.status in (Status.QUEUED, Status.AWAITING_CENTRAL_SUPPORT) or \
                    _left_at_approval(with_pid):
                if with_pid is not updated:
                    uow.audit.append(at=at, actor=SYSTEM.username,
                                     action="record.personal_id", target=rec.id)
                change_status(uow, with_pid, Status.SYNCED, actor=SYSTEM, at=at, action="sync",
                              details={"central_id": with_pid.central_id or ""})
            elif with_pid is not updated:
                _take_personal_id(uow, rec, with_pid, at)
            else:
                uow.records.update(updated)
        return ItemOutcome(result.record_id, result.version, ACCEPTED, result.code)
    if result.status is ItemStatus.REJECTED:
        uow.outbox.mark(result.idempotency_key, REJECTED, at, code=result.code,
                        message=result.message)
        reason = result.message or result.code or ""
        if rec is not None and (rec.status in (Status.QUEUED, Status.AWAITING_PERSONAL_ID,
                                               Status.AWAITING_CENTRAL_SUPPORT)
                                or _left_at_approval(rec)):
            change_status(uow, rec, Status.REJECTED, actor=SYSTEM, at=at,
                          action="rejected_centrally", reason=reason,
                          details={"code": result.code or ""})
        else:  # already refused or reopened here: the centre's answer is kept all the same
            uow.audit.append(at=at, actor=SYSTEM.username, action="record.rejected_centrally",
                             target=result.record_id, reason=result.code or "")
        return ItemOutcome(result.record_id, result.version, REJECTED, result.code)
    # Deferred: the same item goes out again later.
    if result.code == UNSUPPORTED:
        uow.outbox.mark(result.idempotency_key, AWAITING_SUPPORT, at, code=result.code,
                        message=result.message)
        if rec is not None and rec.status == Status.QUEUED:
            change_status(uow, rec, Status.AWAITING_CENTRAL_SUPPORT, actor=SYSTEM, at=at,
                          action="sync", details={"code": result.code})
        return ItemOutcome(result.record_id, result.version, AWAITING_SUPPORT, result.code)
    uow.outbox.mark(result.idempotency_key, PENDING, at, code=result.code,
                    message=result.message)
    return ItemOutcome(result.record_id, result.version, PENDING, result.code)


# -- pull -----------------------------------------------------------------------------------
def apply_page(uow: UnitOfWork, page: PullPage, at: datetime, device_id: str) -> int:
    """A pull page and its cursor, in the caller's unit of work; returns the changes seen."""
    for change in page.changes:
        data = change.data
        if change.kind == ChangeKind.PERSONAL_ID:
            rec = uow.records.get(str(data.get("record_id")))
            if rec is not None and data.get("personal_id"):
                updated = _with_personal_id(rec, str(data["personal_id"]), at)
                if updated is not rec:
                    _take_personal_id(uow, rec, updated, at)
        elif change.kind == ChangeKind.REJECTION:
            key = str(data.get("idempotency_key", ""))
            record_id = str(data.get("record_id"))
            if any(i.idempotency_key == key and i.state != REJECTED
                   for i in uow.outbox.for_record(record_id)):
                apply_result(uow, ItemResult(key, record_id, int(str(data.get("version", 1))),
                                             ItemStatus.REJECTED, code=_s(data.get("code")),
                                             message=_s(data.get("message"))), at)
        elif change.kind == ChangeKind.RECORD:
            _keep_commune_record(uow, data, at, device_id)
        elif change.kind == ChangeKind.CAPABILITIES:
            uow.meta.put(CAPABILITIES_KEY, json.dumps(dict(data)))
        elif change.kind == ChangeKind.REVOKED_CERTIFICATE:
            add_revoked(uow, change.key)
        elif change.kind == ChangeKind.REFERENCE:  # kept for offline use, newest version wins
            uow.meta.put(f"{REFERENCE_KEY}.{change.key}", json.dumps(dict(data)))
        # number blocks arrive with the lease answer; revoked devices are refused centrally
    uow.meta.put(CURSOR_KEY, page.cursor)
    return len(page.changes)


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _keep_commune_record(uow: UnitOfWork, data: Mapping[str, object], at: datetime,
                         device_id: str) -> None:
    """Records of the commune registered on other devices: kept for search and duplicate
    checks offline (read-only, as the centre has them: synced)."""
    record_id = str(data.get("record_id", ""))
    body = data.get("data")
    if not record_id or data.get("device_id") == device_id or not isinstance(body, dict):
        return
    if uow.records.get(record_id) is not None:
        return
    # An act another commune registered for a record held here keeps its own office.
    office = str(data.get("commune") or uow.meta.get("commune_code") or "")
    rtype = str(data.get("type"))
    pulled = pulled_record(
        id=record_id, type=rtype, data=dict(body), links_to=relations.link_target(
            uow, rtype, dict(body)),
        office=office, officer=f"device:{data.get('device_id')}", created_at=at, updated_at=at,
        is_historical=bool(data.get("historical")),
        registration_number=_s(body.get("registration_number")),
        book_number=_s(body.get("book_number")), registered_on=_s(body.get("registered_on")),
        central_id=_s(data.get("central_id")), version=int(str(data.get("version", 1))))
    uow.records.insert(pulled)
    # An act registered on another device for a record held here: it is a note of the
    # original and changes it as on the approving device (the original's new version goes
    # out from here if this device registered it).
    relations.apply_approved(uow, pulled, at=at, by=SYSTEM.username)
