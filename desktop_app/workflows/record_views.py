"""Read-only views of records for front ends: a record's audit trail, the sync queue, and
checking a draft that cannot be saved yet (so its errors can be shown next to the fields).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.audit import AuditEntry
from desktop_app.domain import Issue, Status, prepare_record, record_type, validate
from desktop_app.record import JSONObject, StoredRecord
from desktop_app.session import Session
from desktop_app.workflows import record_index
from desktop_app.workflows.records import find_record, local_today

QUEUE_STATUSES = (
    Status.APPROVED.value,
    Status.AWAITING_PERSONAL_ID.value,
    Status.SIGNED.value,
    Status.QUEUED.value,
    Status.AWAITING_CENTRAL_SUPPORT.value,
    Status.REJECTED.value,
)


def audit_trail(session: Session, record_id: str) -> list[AuditEntry]:
    """Every audit entry about a record, oldest first."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return list(uow.audit.entries(find_record(uow, record_id).id))


def check_draft(session: Session, rtype: str, data: JSONObject, *, historical: bool = False,
                record_id: str = "") -> list[Issue]:
    """What saving this data would report (errors and warnings), without saving."""
    require(session.account, Permission.CREATE_RECORD)
    rtype = record_type(rtype).value
    prepared = prepare_record(rtype, data)
    with session.store.read() as uow:
        context = record_index.validation_context(uow, rtype, prepared, record_id)
    return validate(rtype, prepared, historical=historical, today=local_today(session),
                    context=context)


@dataclass(frozen=True)
class QueueItem:
    record: StoredRecord
    outbox_state: str | None  # pending / accepted / rejected / awaiting_support, or None
    attempts: int
    reason_code: str | None
    reason: str  # why it was rejected (centre's message or the supervisor's reason)


SYNC_QUEUE_PAGE = 500


def sync_queue(session: Session, *, limit: int = SYNC_QUEUE_PAGE) -> list[QueueItem]:
    """The records most recently on their way to the centre (newest first, at most
    ``limit``), with the latest outbox state and reasons."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        # The newest of each state by index, then the newest of those: never the whole queue.
        recent = sorted((rec for status in QUEUE_STATUSES
                         for rec in uow.records.recent(status, limit)),
                        key=lambda r: r.updated_at, reverse=True)[:limit]
        items = []
        for rec in recent:
            outbox = uow.outbox.for_record(rec.id)
            last = outbox[-1] if outbox else None
            reason = (last.result_message or "") if last else ""
            if not reason and rec.status == Status.REJECTED.value:
                rejects = [e for e in uow.records.events(rec.id) if e.action == "reject"]
                reason = rejects[-1].reason if rejects else ""
            items.append(QueueItem(rec, last.state if last else None,
                                   last.attempts if last else 0,
                                   last.result_code if last else None, reason))
    return items


@dataclass(frozen=True)
class RelatedRecord:
    """A record related to another through a reference (issue 15 item 10): ``concerns`` is
    True for the record this one points at (a correction's original, a recognised child's
    birth, the guardianship a termination ends), False for an act that points at this one."""

    record: StoredRecord
    concerns: bool

    @property
    def kind(self) -> str | None:
        kind = self.record.data.get("kind")
        return kind if isinstance(kind, str) else None


def related_records(session: Session, record_id: str) -> list[RelatedRecord]:
    """Both ways: the record this one concerns, then the acts that concern it, oldest first
    (a birth lists its recognitions, corrections and guardianship ends; each links back)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        found: list[RelatedRecord] = []
        if rec.links_to:
            target = uow.records.get(rec.links_to)
            if target is not None:
                found.append(RelatedRecord(target, concerns=True))
        found += [RelatedRecord(r, concerns=False) for r in uow.records.linked_to(rec.id)]
        return found
