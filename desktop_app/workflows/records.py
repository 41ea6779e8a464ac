"""Record use cases: create, edit drafts, submit, verify (four eyes), approve, reject, read.

Each change writes the record, its event and its audit entry in one transaction. Registered
records are append-only: a correction is a new record linked to the original.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.accounts import Permission, require
from desktop_app.domain import (
    Issue,
    Role,
    Status,
    check_approve,
    check_reopen,
    check_submit,
    check_verify,
    ensure_editable,
    fold_for_search,
    prepare_record,
    record_type,
    status_after_approval,
    validate,
)
from desktop_app.domain.access import get
from desktop_app.domain.errors import RecordInvalidError
from desktop_app.domain.integrity import ensure_no_signer_conflict
from desktop_app.domain.notes import note_text, pending_changes, record_notes
from desktop_app.errors import HotichError, NotFoundError, UsageError
from desktop_app.messages import VIETNAM_TZ
from desktop_app.record import JSONObject, RecordEvent, RecordPage, StoredRecord
from desktop_app.session import Session
from desktop_app.store import outbox_repo
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import numbering, record_index, relations
from desktop_app.workflows.approval import evaluate_for_approval, facts_of, has_personal_id
from desktop_app.workflows.status import SYSTEM, actor_of, change_status, new_draft


@dataclass(frozen=True)
class SaveResult:
    record: StoredRecord
    issues: tuple[Issue, ...]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.is_warning]


def local_today(session: Session) -> date:
    return session.clock.now().astimezone(VIETNAM_TZ).date()


def _link_target(uow: UnitOfWork, data: JSONObject) -> str | None:
    for path in record_index.LINK_PATHS:
        value = get(data, path)
        if isinstance(value, dict):
            value = value.get("record_id") or value.get("id")
        if isinstance(value, str) and value.strip():
            found = uow.records.get(value.strip())
            if found is not None:
                return found.id
    return None


def _as_found(data: JSONObject, key: str) -> str | None:
    value = data.get(key)
    return str(value) if value not in (None, "") else None


def _validate(uow: UnitOfWork, session: Session, rtype: str, data: JSONObject,
              historical: bool, record_id: str) -> list[Issue]:
    context = record_index.validation_context(uow, rtype, data, record_id)
    return validate(rtype, data, historical=historical, today=local_today(session),
                    context=context)


def _refuse_errors(issues: list[Issue]) -> None:
    errors = [i for i in issues if i.is_error]
    if errors:
        raise RecordInvalidError(rules=[i.code for i in errors], fields=[i.field for i in errors],
                                 issues=errors)


def _log(uow: UnitOfWork, session: Session, rec: StoredRecord, action: str,
         from_status: str | None, details: Mapping[str, object] | None = None) -> None:
    """The event and audit entry of a change that keeps the status (create, edit, verify);
    status changes log through change_status."""
    now = session.clock.now()
    uow.records.add_event(RecordEvent(rec.id, now, session.account.username, action,
                                      from_status, rec.status, ""))
    uow.audit.append(at=now, actor=session.account.username, action=f"record.{action}",
                     target=rec.id,
                     details={"type": rec.type, "status": rec.status, **(details or {})})


def _issues_json(issues: list[Issue]) -> tuple[JSONObject, ...]:
    return tuple(i.to_json() for i in issues if not i.is_error)




# -- use cases ------------------------------------------------------------------------------
def create_record(session: Session, rtype: str, data: JSONObject, *,
                  historical: bool = False) -> SaveResult:
    """A new draft. Errors refuse the save (RecordInvalidError); warnings are kept."""
    require(session.account, Permission.CREATE_RECORD)
    rtype = record_type(rtype).value
    if not isinstance(data, dict):
        raise UsageError(detail="the record must be a JSON object")
    with session.store.write() as uow:
        return create_in(uow, session, rtype, data, historical=historical)


def create_in(uow: UnitOfWork, session: Session, rtype: str, data: JSONObject, *,
              historical: bool = False, officer: str | None = None) -> SaveResult:
    """:func:`create_record` inside the caller's unit of work (a book entry is created and
    tied to its page in one transaction). ``officer``: who entered it, when that is not the
    acting account (a double-entered entry is the first keyer's, created at the second)."""
    prepared = prepare_record(rtype, data)
    now = session.clock.now()
    record_id = str(uuid.uuid4())
    issues = _validate(uow, session, rtype, prepared, historical, record_id)
    _refuse_errors(issues)
    rec = new_draft(
        id=record_id, type=rtype, data=prepared, office=uow.meta.get("commune_code") or "",
        officer=officer or session.account.username, created_at=now, updated_at=now,
        is_historical=historical, issues=_issues_json(issues),
        links_to=_link_target(uow, prepared),
        registration_number=_as_found(prepared, "registration_number") if historical
        else None,
        book_number=_as_found(prepared, "book_number") if historical else None,
        registered_on=_as_found(prepared, "registered_on") if historical else None,
    )
    uow.records.insert(rec)
    _log(uow, session, rec, "create", None, details={"historical": historical})
    return SaveResult(rec, tuple(issues))


def _not_double_entry_pending(uow: UnitOfWork, rec: StoredRecord) -> None:
    """A double-entered book entry waits for its second keying or a decision
    (workflows/books.py): editing or submitting it by hand would bypass the comparison."""
    if rec.is_historical and uow.books.double_entry_pending(rec.id):
        raise HotichError("E-BOOK-DOUBLE-ENTRY-PENDING")


def checked_new(uow: UnitOfWork, session: Session, rtype: str, data: JSONObject, *,
                historical: bool) -> tuple[JSONObject, list[Issue]]:
    """New data prepared and validated as :func:`create_in` would (errors refuse it), for a
    caller that keeps it elsewhere than in a record (a blind first keying)."""
    prepared = prepare_record(rtype, data)
    issues = _validate(uow, session, rtype, prepared, historical, "")
    _refuse_errors(issues)
    return prepared, issues


def checked_data(uow: UnitOfWork, session: Session, rec: StoredRecord, data: JSONObject
                 ) -> tuple[JSONObject, tuple[JSONObject, ...]]:
    """A draft's new data prepared and validated (errors refuse it): the data and the issues
    to keep, for a caller that changes the record in its own unit of work."""
    prepared = prepare_record(rec.type, data)
    issues = _validate(uow, session, rec.type, prepared, rec.is_historical, rec.id)
    _refuse_errors(issues)
    return prepared, _issues_json(issues)


def update_draft(session: Session, record_id: str, data: JSONObject) -> SaveResult:
    """Replace a draft's data (autosave and edits); registered records refuse (E-IMMUTABLE)."""
    require(session.account, Permission.CREATE_RECORD)
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        ensure_editable(rec.status)
        _not_double_entry_pending(uow, rec)
        prepared = prepare_record(rec.type, data)
        issues = _validate(uow, session, rec.type, prepared, rec.is_historical, rec.id)
        _refuse_errors(issues)
        rec = rec.with_changes(data=prepared, issues=_issues_json(issues),
                               updated_at=session.clock.now(),
                               links_to=_link_target(uow, prepared))
        uow.records.update(rec)
        _log(uow, session, rec, "edit", rec.status)
    return SaveResult(rec, tuple(issues))


def submit(session: Session, record_id: str) -> SaveResult:
    require(session.account, Permission.CREATE_RECORD)
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        _not_double_entry_pending(uow, rec)
        issues = _validate(uow, session, rec.type, rec.data, rec.is_historical, rec.id)
        check_submit(facts_of(rec), actor_of(session.account), issues)
        rec = change_status(uow, rec, Status.SUBMITTED, actor=actor_of(session.account),
                            at=session.clock.now(), action="submit",
                            issues=_issues_json(issues))
    return SaveResult(rec, tuple(issues))


def verify(session: Session, record_id: str) -> StoredRecord:
    """Four eyes on a historical entry: a second officer confirms it against the book."""
    require(session.account, Permission.VERIFY_HISTORICAL)
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        check_verify(facts_of(rec), actor_of(session.account))
        rec = rec.with_changes(verified_by=session.account.username,
                               updated_at=session.clock.now())
        uow.records.update(rec)
        _log(uow, session, rec, "verify", rec.status)
    return rec


def approve(session: Session, record_id: str, overrides: Mapping[str, str]) -> SaveResult:
    """A supervisor approves: an override reason per warning, a number from the block. A
    birth without its personal ID then waits for it (a step of the system, not a person's)."""
    require(session.account, Permission.APPROVE_RECORD)
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        issues = evaluate_for_approval(uow, rec, today=local_today(session))
        recorded = check_approve(facts_of(rec), actor_of(session.account), issues, overrides)
        ensure_no_signer_conflict(rec.data, session.account.full_name)
        now = session.clock.now()
        changes: dict[str, object] = {
            "approved_by": session.account.username,
            "overrides": tuple({"rule": o.rule, "field": o.field, "reason": o.reason,
                                "by": session.account.username, "at": now.isoformat()}
                               for o in recorded),
            "issues": _issues_json(issues),
        }
        if not rec.is_historical and rec.registration_number is None:
            # A corrected version keeps the number its book entry already has.
            today = local_today(session)
            number = numbering.assign_number(uow, rec.type, today.year, rec.office, now)
            changes.update(registered_on=today.isoformat(), year=today.year,
                           number_int=number.number, registration_number=str(number.number),
                           book_number=number.book_number)
        if leaves_at_approval(rec):
            changes["version"] = _enqueue(uow, rec, now)
        rec = change_status(
            uow, rec, Status.APPROVED, actor=actor_of(session.account), at=now,
            action="approve", reason="; ".join(f"{o.rule}: {o.reason}" for o in recorded),
            details={"overrides": [{"rule": o.rule, "field": o.field, "reason": o.reason}
                                   for o in recorded],
                     "registration_number": changes.get("registration_number",
                                                        rec.registration_number),
                     "book_number": changes.get("book_number", rec.book_number)},
            **changes)
        # The record this act concerns takes its new version in the same transaction.
        relations.apply_approved(uow, rec, at=now, by=session.account.username)
        waiting = status_after_approval(rec.type, has_personal_id=has_personal_id(rec))
        if waiting is Status.AWAITING_PERSONAL_ID:
            rec = change_status(uow, rec, waiting, actor=SYSTEM, at=now,
                                action="await_personal_id")
    return SaveResult(rec, tuple(issues))


def reject(session: Session, record_id: str, reason: str) -> StoredRecord:
    """A written refusal with its reason (L60 Art 5.2); the record is kept."""
    require(session.account, Permission.APPROVE_RECORD)
    if not reason.strip():
        raise UsageError(detail="a reason is required")
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        return change_status(uow, rec, Status.REJECTED, actor=actor_of(session.account),
                             at=session.clock.now(), action="reject", reason=reason.strip())


def _rejected_centrally(uow: UnitOfWork, rec: StoredRecord) -> bool:
    """The latest version sent was refused by the central system (not a written refusal)."""
    items = uow.outbox.for_record(rec.id)
    return rec.status == Status.REJECTED and bool(items) and \
        items[-1].state == outbox_repo.REJECTED


def can_reopen(session: Session, record_id: str) -> bool:
    """Whether the record can be corrected and sent again (a central rejection)."""
    with session.store.read() as uow:
        return session.account.can(Permission.CREATE_RECORD) and \
            _rejected_centrally(uow, _get(uow, record_id))


def reopen_rejected(session: Session, record_id: str) -> StoredRecord:
    """A record rejected by the central system goes back to draft as its next version, keeping
    its registration number; corrected, approved and signed again, it leaves with a new
    idempotency key. The rejected version stays in the outbox with its reason."""
    require(session.account, Permission.CREATE_RECORD)
    with session.store.write() as uow:
        rec = _get(uow, record_id)
        check_reopen(rec.status, Role(session.account.role.value),
                     rejected_centrally=_rejected_centrally(uow, rec))
        version = _next_version(uow, rec)
        return change_status(uow, rec, Status.DRAFT, actor=actor_of(session.account),
                             at=session.clock.now(), action="reopen",
                             details={"version": version}, version=version, approved_by=None,
                             signed_by=None, verified_by=None, overrides=())


def leaves_at_approval(rec: StoredRecord) -> bool:
    """A new birth leaves at once to obtain its personal ID; a historical entry has no extract
    to sign first. Everything else leaves once its extract is signed."""
    return rec.is_historical or rec.type == "birth"


def _next_version(uow: UnitOfWork, rec: StoredRecord) -> int:
    return max([rec.version, *(i.version for i in uow.outbox.for_record(rec.id))]) + 1


def _enqueue(uow: UnitOfWork, rec: StoredRecord, at: datetime) -> int:
    """The outbox item of this record's data, in the caller's transaction; returns the
    version it carries. Each item is a new version (a birth's signed certificate follows the
    version sent for its number; a correction follows a rejected one)."""
    sent = [i.version for i in uow.outbox.for_record(rec.id)]
    version = max([rec.version, *(v + 1 for v in sent)])
    install_id = uow.meta.get("install_id") or ""
    uow.outbox.enqueue(rec.id, version, outbox_repo.idempotency_key(install_id, rec.id, version),
                       at)
    return version


def enqueue_for_sync(uow: UnitOfWork, rec: StoredRecord, at: datetime) -> StoredRecord:
    """``rec`` with the version of its new outbox item (saved by the caller)."""
    return rec.with_changes(version=_enqueue(uow, rec, at))


# -- reading --------------------------------------------------------------------------------
def _get(uow: UnitOfWork, record_id: str) -> StoredRecord:
    rec = uow.records.get(record_id)
    if rec is None and len(record_id) >= 6:
        matches = uow.records.find_by_prefix(record_id)
        rec = matches[0] if len(matches) == 1 else None
    if rec is None:
        raise NotFoundError(what="record", key=record_id)
    return rec


def find_record(uow: UnitOfWork, record_id: str) -> StoredRecord:
    """A record by id or unique id prefix, with its notes; NotFoundError otherwise."""
    return with_notes(uow, _get(uow, record_id))


def get_record(session: Session, record_id: str) -> StoredRecord:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return find_record(uow, record_id)


def with_notes(uow: UnitOfWork, rec: StoredRecord) -> StoredRecord:
    """The record with its Ghi chú (registered linked changes only, TT04 Arts 31.9, 35) and,
    apart, the linked changes not registered yet."""
    linked = uow.records.linked_to(rec.id)
    return rec.with_changes(notes=tuple(note_text(n) for n in record_notes(linked, rec.office)),
                            pending_notes=tuple(note_text(n)
                                                for n in pending_changes(linked)))


def list_records(session: Session, *, status: str | None = None,
                 rtype: str | None = None) -> list[StoredRecord]:
    require(session.account, Permission.VIEW)
    if status and status not in {s.value for s in Status}:
        raise UsageError(detail=f"status: {', '.join(s.value for s in Status)}")
    with session.store.read() as uow:
        return uow.records.list_records(status=status,
                                        record_type=record_type(rtype).value if rtype else None)


def history(session: Session, record_id: str) -> list[RecordEvent]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.records.events(_get(uow, record_id).id)


SEARCH_PAGE = 200


def search(session: Session, query: str, *, limit: int = SEARCH_PAGE) -> list[StoredRecord]:
    """Folded search: case, diacritics, Đ/đ and apostrophes do not matter. The first page:
    exact names first, then the newest matches (search_page for the next ones)."""
    return list(search_page(session, query, limit=limit).records)


def search_page(session: Session, query: str, *, after: str | None = None,
                limit: int = SEARCH_PAGE) -> RecordPage:
    """One page of a folded search, fetched in one query; ``after`` is the previous page's
    cursor."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        return uow.records.search_page(fold_for_search(query), after=after, limit=limit)


def list_page(session: Session, *, status: str | None = None, rtype: str | None = None,
              after: str | None = None, limit: int = 200) -> RecordPage:
    """One page of the register, oldest first (keyset: the same cost at any depth)."""
    require(session.account, Permission.VIEW)
    if status and status not in {s.value for s in Status}:
        raise UsageError(detail=f"status: {', '.join(s.value for s in Status)}")
    with session.store.read() as uow:
        return uow.records.list_page(status=status, after=after, limit=limit,
                                     record_type=record_type(rtype).value if rtype else None)
