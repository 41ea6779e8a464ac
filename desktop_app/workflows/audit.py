"""Checking the audit chain and the store's integrity."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.accounts import Permission, require
from desktop_app.errors import AuditChainBrokenError, StoreDamagedError
from desktop_app.session import Session
from desktop_app.store.database import DatabaseError
from desktop_app.workflows import audit_anchor


@dataclass(frozen=True)
class AuditReport:
    entries: int
    head: str = ""  # "seq:hash" of the last entry
    anchored: str = ""  # the head the centre acknowledged at the last sync ("" never)
    # the entry the centre kept that this chain no longer holds (a rewritten history found
    # at a sync: the chain may verify here and still have been rewritten)
    rewritten_at: int | None = None


def verify_audit(session: Session) -> AuditReport:
    """AuditChainBrokenError naming the first broken entry, also for page-level damage."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        count = uow.audit.verify()
        last = uow.audit.last()
        anchor = audit_anchor.anchored(uow)
        found = audit_anchor.rewritten(uow)
        try:
            problems = uow.audit.integrity_problems()
        except (StoreDamagedError, DatabaseError) as exc:
            raise AuditChainBrokenError(seq=count, problem="database page damaged") from exc
    if problems:  # the chain reads intact but other pages fail their HMAC
        raise StoreDamagedError(detail=problems[0][:120])
    return AuditReport(entries=count, head=f"{last.seq}:{last.hash}" if last else "",
                       anchored=f"{anchor.seq}:{anchor.hash}" if anchor else "",
                       rewritten_at=found.kept.seq if found else None)
