"""Four eyes on historical entries (Kiểm tra lần hai): the entries waiting for a second
officer's check against the old book, with their page scans, and whether the acting account
may verify each one (the officer who entered an entry never verifies it), page by page."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.domain import check_verify
from desktop_app.errors import HotichError
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.workflows.approval import facts_of
from desktop_app.workflows.status import actor_of

PAGE = 200


@dataclass(frozen=True)
class AwaitingVerification:
    record: StoredRecord
    refusal: HotichError | None = None
    """Why the acting account may not verify it (the same error verify would raise)."""
    scans: int = 0

    @property
    def can_verify(self) -> bool:
        return self.refusal is None


def refusal_for(session: Session, rec: StoredRecord) -> HotichError | None:
    try:
        require(session.account, Permission.VERIFY_HISTORICAL)
        check_verify(facts_of(rec), actor_of(session.account))
    except HotichError as error:
        return error
    return None


@dataclass(frozen=True)
class AwaitingPage:
    """One page of the entries waiting for a second check, and the cursor of the next (None:
    the last page)."""

    items: tuple[AwaitingVerification, ...]
    after: str | None


def awaiting_verification_page(session: Session, *, after: str | None = None,
                               limit: int = PAGE) -> AwaitingPage:
    """Submitted historical entries nobody has verified yet, oldest first, one page by keyset
    from their own index; ``after`` is the previous page's cursor."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        page = uow.records.unverified_page(after=after, limit=limit)
        return AwaitingPage(tuple(
            AwaitingVerification(rec, refusal_for(session, rec),
                                 sum(1 for r in uow.attachments.rows_of(rec.id)
                                     if r.kind == "scan"))
            for rec in page.records), page.after)
