"""Writing generated entries in their final state through the product's repositories.

One transaction per batch. Each entry is written as the workflows leave it: the record with
its warnings and overrides, its events and audit entries (create, submit, verify, approve,
sign, reject), a number from the book's block for registrations made on this device, and its
outbox items (accepted once synced). Only repository and workflow functions write: no SQL here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bench.register import OFFICER, OFFICER2, SUPERVISOR, Entry
from desktop_app.domain import Issue
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.session import Session
from desktop_app.store import outbox_repo
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import numbering

SYSTEM = "system"
_REGISTERED = {"approved", "awaiting_personal_id", "signed", "queued", "synced"}
_SIGNED = {"signed", "queued", "synced"}


def _step(uow: UnitOfWork, rec: StoredRecord, at: datetime, actor: str, action: str,
          before: str | None, after: str, reason: str = "") -> None:
    uow.records.add_event(RecordEvent(rec.id, at, actor, action, before, after, reason))
    uow.audit.append(at=at, actor=actor, action=f"record.{action}", target=rec.id,
                      reason=reason, details={"type": rec.type, "status": after})


def _write(uow: UnitOfWork, office: str, install_id: str, entry: Entry,
           data: dict[str, Any], issues: list[Issue]) -> None:
    at = entry.created_at
    warnings = tuple(i.to_json() for i in issues if not i.is_error)
    status = entry.status
    if entry.type == "birth" and status == "approved":
        status = "awaiting_personal_id"
    if entry.type == "birth" and status in _SIGNED and not entry.historical:
        data["child"].setdefault("personal_id", _pid(entry))
    rec = StoredRecord(
        id=entry.id, type=entry.type, status=status, data=data, office=office, officer=OFFICER,
        created_at=at, updated_at=at, is_historical=entry.historical, issues=warnings,
        links_to=entry.links_to,
        registration_number=_text(data.get("registration_number")) if entry.historical
        else None,
        book_number=_text(data.get("book_number")) if entry.historical else None,
        registered_on=_text(data.get("registered_on")) if entry.historical else None,
    )
    steps: list[tuple[str, str, str | None, str, str]] = [("create", OFFICER, None, "draft", "")]
    if status != "draft":
        steps.append(("submit", OFFICER, "draft", "submitted", ""))
    if entry.historical and status in _REGISTERED:
        rec = rec.with_changes(verified_by=OFFICER2)
        steps.append(("verify", OFFICER2, "submitted", "submitted", ""))
    if status == "rejected":
        steps.append(("reject", SUPERVISOR, "submitted", "rejected", "Thiếu giấy tờ"))
    registered = status in _REGISTERED
    approve_at = _after(at, 1)
    if registered:
        codes = list(dict.fromkeys(i.code for i in issues if i.is_warning))
        rec = rec.with_changes(
            approved_by=SUPERVISOR,
            overrides=tuple({"rule": c, "reason": "Đã đối chiếu", "by": SUPERVISOR,
                             "at": approve_at.isoformat()} for c in codes))
        if not entry.historical and entry.registered_on is not None:
            number = numbering.assign_number(uow, entry.type, entry.registered_on.year, office,
                                             approve_at)
            rec = rec.with_changes(registered_on=entry.registered_on.isoformat(),
                                   year=entry.registered_on.year, number_int=number.number,
                                   registration_number=str(number.number),
                                   book_number=number.book_number)
        steps.append(("approve", SUPERVISOR, "submitted", "approved", ""))
        if entry.type == "birth" and not entry.historical:
            steps.append(("await_personal_id", SYSTEM, "approved", "awaiting_personal_id", ""))
            if status != "awaiting_personal_id":
                steps.append(("personal_id", SYSTEM, "awaiting_personal_id", "approved", ""))
    if status in _SIGNED and not entry.historical:
        rec = rec.with_changes(signed_by=SUPERVISOR)
        steps.append(("sign", SUPERVISOR, "approved", "signed", ""))
        if status != "signed":
            steps.append(("queue", SYSTEM, "signed", "queued", ""))
    if status in ("queued", "synced") and entry.historical:
        steps.append(("queue", SYSTEM, "approved", "queued", ""))
    if status == "synced":
        steps.append(("synced", SYSTEM, "queued", "synced", ""))
    rec = rec.with_changes(updated_at=_after(at, len(steps)))
    uow.records.insert(rec)  # indexes it too
    for number_of, (action, actor, before, after_status, reason) in enumerate(steps):
        _step(uow, rec, _after(at, number_of), actor, action, before, after_status, reason)
    if registered:
        # What leaves: a historical entry and a new birth at approval, the rest once signed.
        versions = [1]
        if entry.type == "birth" and not entry.historical and status in _SIGNED:
            versions.append(2)
        if not (entry.historical or entry.type == "birth") and status not in _SIGNED:
            versions = []
        for version in versions:
            key = outbox_repo.idempotency_key(install_id, rec.id, version)
            uow.outbox.enqueue(rec.id, version, key, approve_at)
            if status == "synced" or (version == 1 and entry.type == "birth"
                                      and status != "awaiting_personal_id"):
                uow.outbox.mark(key, outbox_repo.ACCEPTED, _after(at, 5))


def write_batch(session: Session, chunk: list[tuple[Entry, dict[str, Any], list[Issue]]]
                ) -> None:
    with session.store.write() as uow:
        office = uow.meta.get("commune_code") or ""
        install_id = uow.meta.get("install_id") or ""
        for entry, data, issues in chunk:
            _write(uow, office, install_id, entry, data, issues)


def _after(at: datetime, steps: int) -> datetime:
    return at + timedelta(minutes=5 * steps)


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _pid(entry: Entry) -> str:
    child = entry.data["child"]
    born = str(child.get("date_of_birth", "2024"))
    year = int(born[:4])
    digit = (year // 100 - 19) * 2 + (1 if child.get("sex") == "female" else 0)
    return f"079{digit}{year % 100:02d}{int(entry.id[:5], 16) % 10**6:06d}"
