"""Checking the audit chain and the store's integrity."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.errors import AuditChainBrokenError, StoreDamagedError
from desktop_app.session import Session
from desktop_app.store.database import DatabaseError


@dataclass(frozen=True)
class AuditReport:
    entries: int


def verify_audit(session: Session) -> AuditReport:
    """AuditChainBrokenError naming the first broken entry, also for page-level damage."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        count = uow.audit.verify()
        try:
            problems = uow.audit.integrity_problems()
        except (StoreDamagedError, DatabaseError) as exc:
            raise AuditChainBrokenError(seq=count, problem="database page damaged") from exc
    if problems:  # the chain reads intact but other pages fail their HMAC
        raise StoreDamagedError(detail=problems[0][:120])
    return AuditReport(entries=count)
