"""The one writer of a record's status.

Every status change goes through change_status, in the caller's unit of work: it checks the
domain's transition table and the actor's role, applies the other changes, saves (which
re-indexes), and appends the record event and the audit entry. New records get their first
status from the two factories below. tests/unit/records/test_status_writer.py keeps it so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from desktop_app.accounts import Account
from desktop_app.domain import Actor, Role, Status, check_transition
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.store.unit_of_work import UnitOfWork

SYSTEM = Actor("system", Role.SYSTEM)  # sync and other automatic steps


def actor_of(account: Account) -> Actor:
    return Actor(account.username, Role(account.role.value))


def change_status(uow: UnitOfWork, rec: StoredRecord, to: Status, *, actor: Actor,
                  at: datetime, action: str, reason: str = "",
                  details: Mapping[str, object] | None = None,
                  **changes: object) -> StoredRecord:
    """``rec`` moved to ``to`` with ``changes`` (updated_at defaults to ``at``); raises
    TransitionNotAllowedError / PermissionDeniedError before writing anything."""
    check_transition(rec.status, to, actor.role)
    changes.setdefault("updated_at", at)
    updated = replace(rec, status=to.value, **changes)  # type: ignore[arg-type]
    uow.records.update(updated)
    uow.records.add_event(RecordEvent(rec.id, at, actor.username, action, rec.status,
                                      updated.status, reason))
    uow.audit.append(at=at, actor=actor.username, action=f"record.{action}", target=rec.id,
                     reason=reason,
                     details={"type": rec.type, "status": updated.status, **(details or {})})
    return updated


def new_draft(**fields: object) -> StoredRecord:
    """A record as an officer creates it: always a draft."""
    return StoredRecord(status=Status.DRAFT.value, **fields)  # type: ignore[arg-type]


def pulled_record(**fields: object) -> StoredRecord:
    """A record of the commune registered on another device, pulled at sync: kept read-only
    for search and duplicate checks, as synced."""
    return StoredRecord(status=Status.SYNCED.value, **fields)  # type: ignore[arg-type]
