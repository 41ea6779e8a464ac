"""Approval as the supervisor meets it: the warnings approval will check, evaluated now
against the store (a twin, a duplicate, a marriage or a kin found since submission), and the
records ready to sign, page by page.

``evaluate_for_approval`` is the one evaluation: ``records.approve`` checks the overrides
against it and the approval screen shows it, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from desktop_app.accounts import Permission, require
from desktop_app.domain import (
    Issue,
    RecordFacts,
    Status,
    check_sign,
    override_key,
    record_type,
    validate,
)
from desktop_app.domain.access import get_str
from desktop_app.domain.errors import DomainError
from desktop_app.domain.types import JSONValue
from desktop_app.errors import NotFoundError, PermissionDeniedError
from desktop_app.messages import VIETNAM_TZ
from desktop_app.record import RecordPage, StoredRecord
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import paging, record_index
from desktop_app.workflows.status import actor_of

# Where a record that can be signed may be: approved, or (from before the personal ID moved
# it back to approved) a birth still marked awaiting_personal_id whose ID is already there.
_SIGNABLE_STATUSES = (Status.APPROVED, Status.AWAITING_PERSONAL_ID)


def has_personal_id(rec: StoredRecord) -> bool:
    return get_str(rec.data, "child.personal_id") is not None


def facts_of(rec: StoredRecord) -> RecordFacts:
    """What the workflow rules read of a stored record (submit, verify, approve, sign)."""
    return RecordFacts(record_type(rec.type), Status(rec.status), rec.is_historical,
                       rec.officer, rec.verified_by, has_personal_id(rec))


def evaluate_for_approval(uow: UnitOfWork, rec: StoredRecord, *, today: date) -> list[Issue]:
    """The record's findings as approval sees them: every rule run again, those that depend
    on other records (twins, duplicates, bigamy, kinship) against the store as it is now."""
    context = record_index.validation_context(uow, rec.type, rec.data, rec.id)
    data = cast("JSONValue", rec.data)  # a stored record's data is the JSON it was saved as
    return validate(rec.type, data, historical=rec.is_historical, today=today, context=context)


@dataclass(frozen=True)
class ApprovalReview:
    """A record waiting for approval and what approving it will ask for."""

    record: StoredRecord
    issues: tuple[Issue, ...]
    related: tuple[StoredRecord, ...] = ()  # the other records the warnings name (twins...)

    @property
    def warnings(self) -> list[Issue]:
        """Each warning once per field it concerns (each needs its own reason)."""
        return list({override_key(i): i for i in self.issues if i.is_warning}.values())

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


def _today(session: Session) -> date:
    return session.clock.now().astimezone(VIETNAM_TZ).date()


def review(session: Session, record_id: str) -> ApprovalReview:
    """What approving ``record_id`` now would check (read only; the screen runs it on a
    worker each time a record is selected)."""
    require(session.account, Permission.APPROVE_RECORD)
    with session.store.read() as uow:
        rec = uow.records.get(record_id)
        if rec is None:
            raise NotFoundError(what="record", key=record_id)
        issues = tuple(evaluate_for_approval(uow, rec, today=_today(session)))
        named = [str(c) for i in issues if i.is_warning
                 for c in _as_list(i.params.get("candidates"))]
        related = tuple(uow.records.by_ids(list(dict.fromkeys(named)))) if named else ()
        return ApprovalReview(rec, issues, related)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


TO_SIGN_PAGE = 200


def _signable_by(session: Session) -> Callable[[StoredRecord], bool]:
    """Whether the acting supervisor can sign a record now (the signing rule)."""
    signer = actor_of(session.account)

    def signable(rec: StoredRecord) -> bool:
        try:
            check_sign(facts_of(rec), signer)
        except (DomainError, PermissionDeniedError):
            return False
        return True

    return signable


def to_sign_page(session: Session, *, after: str | None = None,
                 limit: int = TO_SIGN_PAGE) -> RecordPage:
    """One page of the records the acting supervisor can sign now (the signing rule decides:
    a birth once its personal ID is back), oldest first; ``after`` is the previous page's
    cursor. Never capped: every record that can be signed is on some page."""
    require(session.account, Permission.SIGN_EXTRACT)
    signable = _signable_by(session)
    with session.store.read() as uow:
        def of_status(status: str) -> paging.KeyFetch:
            return lambda cursor, size: uow.records.created_keys(status=status, after=cursor,
                                                                 limit=size)

        fetch = paging.merged([of_status(s.value) for s in _SIGNABLE_STATUSES],
                              uow.records.by_ids)
        return paging.filtered(fetch, signable, after=after, limit=limit)


def still_to_sign(session: Session, ids: Sequence[str]) -> list[StoredRecord]:
    """Those of ``ids`` the acting supervisor can still sign, as they are now, in the order
    of ``ids`` (the others were signed, sent back or changed meanwhile): what a selection
    made on the "to sign" list keeps when the list is read again."""
    require(session.account, Permission.SIGN_EXTRACT)
    signable = _signable_by(session)
    statuses = {s.value for s in _SIGNABLE_STATUSES}
    with session.store.read() as uow:
        return [r for r in uow.records.by_ids(ids) if r.status in statuses and signable(r)]
