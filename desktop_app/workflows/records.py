"""Record use cases: create, edit drafts, submit, verify (four eyes), approve, reject, read.

Each change writes the record, its event and its audit entry in one transaction. Registered
records are append-only: a correction is a new record linked to the original.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.accounts import Account, Permission, require
from desktop_app.domain import (
    Actor,
    Issue,
    RecordFacts,
    Role,
    Status,
    check_approve,
    check_reopen,
    check_submit,
    check_transition,
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
from desktop_app.errors import NotFoundError, UsageError
from desktop_app.messages import VIETNAM_TZ
from desktop_app.record import JSONObject, RecordEvent, StoredRecord
from desktop_app.session import Session
from desktop_app.store import audit_repo, meta_repo, outbox_repo, records_repo
from desktop_app.store.database import Connection
from desktop_app.workflows import numbering, record_index

# Where a record points at the record it affects (change, recognition, guardianship end).
_LINK_PATHS = ("original_record", "child.birth_record")


@dataclass(frozen=True)
class SaveResult:
    record: StoredRecord
    issues: tuple[Issue, ...]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.is_warning]


def local_today(session: Session) -> date:
    return session.clock.now().astimezone(VIETNAM_TZ).date()


def _actor(account: Account) -> Actor:
    return Actor(account.username, Role(account.role.value))


def _facts(rec: StoredRecord) -> RecordFacts:
    return RecordFacts(record_type(rec.type), Status(rec.status), rec.is_historical,
                       rec.officer, rec.verified_by, _has_personal_id(rec))


def _has_personal_id(rec: StoredRecord) -> bool:
    child = rec.data.get("child")
    return isinstance(child, dict) and bool(child.get("personal_id"))


def _link_target(conn: Connection, data: JSONObject) -> str | None:
    for path in _LINK_PATHS:
        value = get(data, path)
        if isinstance(value, dict):
            value = value.get("record_id") or value.get("id")
        if isinstance(value, str) and value.strip():
            found = records_repo.get(conn, value.strip())
            if found is not None:
                return found.id
    return None


def _as_found(data: JSONObject, key: str) -> str | None:
    value = data.get(key)
    return str(value) if value not in (None, "") else None


def _validate(conn: Connection, session: Session, rtype: str, data: JSONObject,
              historical: bool, record_id: str) -> list[Issue]:
    context = record_index.validation_context(conn, rtype, data, record_id)
    return validate(rtype, data, historical=historical, today=local_today(session),
                    context=context)


def _refuse_errors(issues: list[Issue]) -> None:
    errors = [i for i in issues if i.is_error]
    if errors:
        raise RecordInvalidError(rules=[i.code for i in errors], fields=[i.field for i in errors],
                                 issues=errors)


def _log(conn: Connection, session: Session, rec: StoredRecord, action: str,
         from_status: str | None, reason: str = "",
         details: Mapping[str, object] | None = None) -> None:
    now = session.clock.now()
    records_repo.add_event(conn, RecordEvent(rec.id, now, session.account.username, action,
                                             from_status, rec.status, reason))
    audit_repo.append(conn, at=now, actor=session.account.username, action=f"record.{action}",
                      target=rec.id, reason=reason,
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
    prepared = prepare_record(rtype, data)
    now = session.clock.now()
    record_id = str(uuid.uuid4())
    with session.db.transaction() as conn:
        issues = _validate(conn, session, rtype, prepared, historical, record_id)
        _refuse_errors(issues)
        office = meta_repo.get(conn, "commune_code") or ""
        rec = StoredRecord(
            id=record_id, type=rtype, status=Status.DRAFT.value, data=prepared, office=office,
            officer=session.account.username, created_at=now, updated_at=now,
            is_historical=historical, issues=_issues_json(issues),
            links_to=_link_target(conn, prepared),
            registration_number=_as_found(prepared, "registration_number") if historical
            else None,
            book_number=_as_found(prepared, "book_number") if historical else None,
            registered_on=_as_found(prepared, "registered_on") if historical else None,
        )
        records_repo.insert(conn, rec)
        record_index.reindex(conn, rec)
        _log(conn, session, rec, "create", None, details={"historical": historical})
    return SaveResult(rec, tuple(issues))


def update_draft(session: Session, record_id: str, data: JSONObject) -> SaveResult:
    """Replace a draft's data (autosave and edits); registered records refuse (E-IMMUTABLE)."""
    require(session.account, Permission.CREATE_RECORD)
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        ensure_editable(rec.status)
        prepared = prepare_record(rec.type, data)
        issues = _validate(conn, session, rec.type, prepared, rec.is_historical, rec.id)
        _refuse_errors(issues)
        rec = rec.with_changes(data=prepared, issues=_issues_json(issues),
                               updated_at=session.clock.now(),
                               links_to=_link_target(conn, prepared))
        records_repo.update(conn, rec)
        record_index.reindex(conn, rec)
        _log(conn, session, rec, "edit", rec.status)
    return SaveResult(rec, tuple(issues))


def submit(session: Session, record_id: str) -> SaveResult:
    require(session.account, Permission.CREATE_RECORD)
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        issues = _validate(conn, session, rec.type, rec.data, rec.is_historical, rec.id)
        check_submit(_facts(rec), _actor(session.account), issues)
        before = rec.status
        rec = rec.with_changes(status=Status.SUBMITTED.value, issues=_issues_json(issues),
                               updated_at=session.clock.now())
        records_repo.update(conn, rec)
        _log(conn, session, rec, "submit", before)
    return SaveResult(rec, tuple(issues))


def verify(session: Session, record_id: str) -> StoredRecord:
    """Four eyes on a historical entry: a second officer confirms it against the book."""
    require(session.account, Permission.VERIFY_HISTORICAL)
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        check_verify(_facts(rec), _actor(session.account))
        rec = rec.with_changes(verified_by=session.account.username,
                               updated_at=session.clock.now())
        records_repo.update(conn, rec)
        _log(conn, session, rec, "verify", rec.status)
    return rec


def approve(session: Session, record_id: str, overrides: Mapping[str, str]) -> SaveResult:
    """A supervisor approves: an override reason per warning, a number from the block."""
    require(session.account, Permission.APPROVE_RECORD)
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        issues = _validate(conn, session, rec.type, rec.data, rec.is_historical, rec.id)
        recorded = check_approve(_facts(rec), _actor(session.account), issues, overrides)
        ensure_no_signer_conflict(rec.data, session.account.full_name)
        now = session.clock.now()
        changes: dict[str, object] = {
            "status": status_after_approval(rec.type, has_personal_id=_has_personal_id(rec)
                                            ).value,
            "approved_by": session.account.username,
            "overrides": tuple({"rule": o.rule, "reason": o.reason,
                                "by": session.account.username, "at": now.isoformat()}
                               for o in recorded),
            "issues": _issues_json(issues),
            "updated_at": now,
        }
        if not rec.is_historical and rec.registration_number is None:
            # A corrected version keeps the number its book entry already has.
            today = local_today(session)
            number = numbering.assign_number(conn, rec.type, today.year, rec.office, now)
            changes.update(registered_on=today.isoformat(), year=today.year,
                           number_int=number.number, registration_number=str(number.number),
                           book_number=number.book_number)
        before = rec.status
        rec = rec.with_changes(**changes)
        if leaves_at_approval(rec):
            rec = enqueue_for_sync(conn, rec, now)
        records_repo.update(conn, rec)
        record_index.reindex(conn, rec)
        _log(conn, session, rec, "approve", before,
             reason="; ".join(f"{o.rule}: {o.reason}" for o in recorded),
             details={"overrides": [{"rule": o.rule, "reason": o.reason} for o in recorded],
                      "registration_number": rec.registration_number,
                      "book_number": rec.book_number})
    return SaveResult(rec, tuple(issues))


def reject(session: Session, record_id: str, reason: str) -> StoredRecord:
    """A written refusal with its reason (L60 Art 5.2); the record is kept."""
    require(session.account, Permission.APPROVE_RECORD)
    if not reason.strip():
        raise UsageError(detail="a reason is required")
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        check_transition(rec.status, Status.REJECTED, Role(session.account.role.value))
        before = rec.status
        rec = rec.with_changes(status=Status.REJECTED.value, updated_at=session.clock.now())
        records_repo.update(conn, rec)
        _log(conn, session, rec, "reject", before, reason=reason.strip())
    return rec


def _rejected_centrally(conn: Connection, rec: StoredRecord) -> bool:
    """The latest version sent was refused by the central system (not a written refusal)."""
    items = outbox_repo.for_record(conn, rec.id)
    return rec.status == Status.REJECTED and bool(items) and \
        items[-1].state == outbox_repo.REJECTED


def can_reopen(session: Session, record_id: str) -> bool:
    """Whether the record can be corrected and sent again (a central rejection)."""
    conn = session.db.connection()
    return session.account.can(Permission.CREATE_RECORD) and \
        _rejected_centrally(conn, _get(conn, record_id))


def reopen_rejected(session: Session, record_id: str) -> StoredRecord:
    """A record rejected by the central system goes back to draft as its next version, keeping
    its registration number; corrected, approved and signed again, it leaves with a new
    idempotency key. The rejected version stays in the outbox with its reason."""
    require(session.account, Permission.CREATE_RECORD)
    with session.db.transaction() as conn:
        rec = _get(conn, record_id)
        check_reopen(rec.status, Role(session.account.role.value),
                     rejected_centrally=_rejected_centrally(conn, rec))
        before = rec.status
        rec = rec.with_changes(status=Status.DRAFT.value, version=_next_version(conn, rec),
                               approved_by=None, signed_by=None, verified_by=None,
                               overrides=(), updated_at=session.clock.now())
        records_repo.update(conn, rec)
        record_index.reindex(conn, rec)
        _log(conn, session, rec, "reopen", before, details={"version": rec.version})
    return rec


def leaves_at_approval(rec: StoredRecord) -> bool:
    """A new birth leaves at once to obtain its personal ID; a historical entry has no extract
    to sign first. Everything else leaves once its extract is signed."""
    return rec.is_historical or rec.type == "birth"


def _next_version(conn: Connection, rec: StoredRecord) -> int:
    return max([rec.version, *(i.version for i in outbox_repo.for_record(conn, rec.id))]) + 1


def enqueue_for_sync(conn: Connection, rec: StoredRecord, at: datetime) -> StoredRecord:
    """The outbox item of this record's data, in the caller's transaction. Each item is a new
    version (a birth's signed certificate follows the version sent for its number; a
    correction follows a rejected one); the record returned carries the version sent."""
    sent = [i.version for i in outbox_repo.for_record(conn, rec.id)]
    version = max([rec.version, *(v + 1 for v in sent)])
    install_id = meta_repo.get(conn, "install_id") or ""
    outbox_repo.enqueue(conn, rec.id, version,
                        outbox_repo.idempotency_key(install_id, rec.id, version), at)
    return rec.with_changes(version=version)


# -- reading --------------------------------------------------------------------------------
def _get(conn: Connection, record_id: str) -> StoredRecord:
    rec = records_repo.get(conn, record_id)
    if rec is None and len(record_id) >= 6:
        matches = records_repo.find_by_prefix(conn, record_id)
        rec = matches[0] if len(matches) == 1 else None
    if rec is None:
        raise NotFoundError(what="hồ sơ", key=record_id)
    return rec


def get_record(session: Session, record_id: str) -> StoredRecord:
    require(session.account, Permission.VIEW)
    conn = session.db.connection()
    rec = _get(conn, record_id)
    return rec.with_changes(notes=tuple(notes_for(conn, rec)))


def notes_for(conn: Connection, rec: StoredRecord) -> list[str]:
    """Ghi chú lines: what linked records changed, "field: from -> to" (TT04 Arts 31.9, 35)."""
    notes = []
    for linked in records_repo.linked_to(conn, rec.id):
        if linked.status == Status.REJECTED.value:
            continue
        head = f"{linked.type} {linked.registration_number or linked.id[:8]}" \
               f" ({linked.status})"
        changes = linked.data.get("changes")
        if isinstance(changes, list) and changes:
            for change in changes:
                if isinstance(change, dict):
                    notes.append(f"{head}: {change.get('field')}: {change.get('from') or ''}"
                                 f" -> {change.get('to') or ''}")
        else:
            kind = linked.data.get("kind")
            notes.append(f"{head}: {kind}" if kind else head)
    return notes


def list_records(session: Session, *, status: str | None = None,
                 rtype: str | None = None) -> list[StoredRecord]:
    require(session.account, Permission.VIEW)
    if status and status not in {s.value for s in Status}:
        raise UsageError(detail=f"status: {', '.join(s.value for s in Status)}")
    return records_repo.list_records(session.db.connection(), status=status,
                                     record_type=record_type(rtype).value if rtype else None)


def history(session: Session, record_id: str) -> list[RecordEvent]:
    require(session.account, Permission.VIEW)
    conn = session.db.connection()
    return records_repo.events(conn, _get(conn, record_id).id)


def search(session: Session, query: str) -> list[StoredRecord]:
    """Folded search: case, diacritics, Đ/đ and apostrophes do not matter."""
    require(session.account, Permission.VIEW)
    conn = session.db.connection()
    return records_repo.by_ids(conn, records_repo.search_ids(conn, fold_for_search(query)))


