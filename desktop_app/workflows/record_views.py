"""Read-only views of records for front ends: the list screens' pages (the register or a
search, narrowed by status and type, with counts from the counters), a record's audit trail,
the sync queue page by page, and checking a draft that cannot be saved yet (so its errors can
be shown next to the fields).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.audit import AuditEntry
from desktop_app.domain import Issue, Status, fold_for_search, prepare_record, record_type, validate
from desktop_app.errors import UsageError
from desktop_app.record import JSONObject, RecordPage, StoredRecord
from desktop_app.session import Session
from desktop_app.store import outbox_repo
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import paging, record_index
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


SYNC_QUEUE_PAGE = 200


@dataclass(frozen=True)
class QueuePage:
    """One page of the sync queue and the cursor of the next (None: the last page)."""

    items: tuple[QueueItem, ...]
    after: str | None


def sync_queue(session: Session, *, limit: int = SYNC_QUEUE_PAGE) -> list[QueueItem]:
    """The records most recently on their way to the centre: the queue's first page."""
    return list(sync_queue_page(session, limit=limit).items)


def sync_queue_page(session: Session, *, after: str | None = None,
                    limit: int = SYNC_QUEUE_PAGE) -> QueuePage:
    """One page of the records on their way to the centre (or sent back), most recently
    changed first, with the latest outbox state and reasons; ``after`` is the previous
    page's cursor."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        page = uow.records.recent_page(QUEUE_STATUSES, after=after, limit=limit)
        return QueuePage(tuple(_queue_item(uow, rec) for rec in page.records), page.after)


def _queue_item(uow: UnitOfWork, rec: StoredRecord) -> QueueItem:
    outbox = uow.outbox.for_record(rec.id)
    last = outbox[-1] if outbox else None
    reason = (last.result_message or "") if last else ""
    if not reason and rec.status == Status.REJECTED.value:
        rejects = [e for e in uow.records.events(rec.id) if e.action == "reject"]
        reason = rejects[-1].reason if rejects else ""
    return QueueItem(rec, last.state if last else None, last.attempts if last else 0,
                     last.result_code if last else None, reason)


@dataclass(frozen=True)
class QueueCounts:
    """The sync screen's figures, from the counters (never a count of the queue)."""

    records: int  # records in a queue status
    waiting: int  # outbox items still to send
    rejected: int  # records sent back


def queue_counts(session: Session) -> QueueCounts:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        by_status = uow.records.count_by_status()
        outbox = uow.outbox.count_by_state()
    return QueueCounts(sum(by_status.get(s, 0) for s in QUEUE_STATUSES),
                       outbox.get(outbox_repo.PENDING, 0)
                       + outbox.get(outbox_repo.AWAITING_SUPPORT, 0),
                       by_status.get(Status.REJECTED.value, 0))


# -- the list screens -------------------------------------------------------------------------
LIST_PAGE = 200


@dataclass(frozen=True)
class RecordFilter:
    """What a list screen shows: a folded search (``text``) or the whole register, narrowed
    to some statuses and types (empty: any)."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    @property
    def is_search(self) -> bool:
        return bool(self.text.strip())

    def accepts(self, rec: StoredRecord) -> bool:
        return ((not self.statuses or rec.status in self.statuses)
                and (not self.types or rec.type in self.types))


def _checked(flt: RecordFilter) -> RecordFilter:
    known = {s.value for s in Status}
    if any(s not in known for s in flt.statuses):
        raise UsageError(detail=f"status: {', '.join(sorted(known))}")
    return RecordFilter(flt.text, flt.statuses, tuple(record_type(t).value for t in flt.types))


def records_page(session: Session, flt: RecordFilter = RecordFilter(), *,
                 after: str | None = None, limit: int = LIST_PAGE) -> RecordPage:
    """One page of a list screen: the register oldest first, or a search ranked as
    records.search_page ranks it (exact names first), narrowed by ``flt``; ``after`` is the
    previous page's cursor. A narrowing the store's keyset cannot do itself reads a bounded
    number of rows per page (paging.filtered): a page may then be short, its cursor says
    whether more may follow."""
    require(session.account, Permission.VIEW)
    flt = _checked(flt)
    with session.store.read() as uow:
        if flt.is_search:
            folded = fold_for_search(flt.text)

            def fetch(cursor: str | None, size: int) -> RecordPage:
                return uow.records.search_page(folded, after=cursor, limit=size)
        else:
            status = flt.statuses[0] if len(flt.statuses) == 1 else None
            rtype = flt.types[0] if len(flt.types) == 1 else None
            if (not flt.statuses or status) and (not flt.types or rtype):
                return uow.records.list_page(status=status, record_type=rtype, after=after,
                                             limit=limit)

            def fetch(cursor: str | None, size: int) -> RecordPage:
                return uow.records.list_page(status=status, record_type=rtype, after=cursor,
                                             limit=size)
        return paging.filtered(fetch, flt.accepts, after=after, limit=limit)


def count_records(session: Session, flt: RecordFilter = RecordFilter()) -> int | None:
    """How many records a list screen holds in all, from the counters the store keeps;
    None for a search (counting its matches would read them all)."""
    require(session.account, Permission.VIEW)
    flt = _checked(flt)
    if flt.is_search:
        return None
    with session.store.read() as uow:
        counts = uow.records.counts()
    return sum(n for (status, rtype), n in counts.items()
               if (not flt.statuses or status in flt.statuses)
               and (not flt.types or rtype in flt.types))


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
