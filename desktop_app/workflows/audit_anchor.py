"""The audit chain's head anchored at the centre (issue 16 item 12).

The head of the chain lives in the same database as the chain: anyone holding an account's
password can rewrite both consistently. So every sync leaves the head with the centre, and
the centre answers the head it kept from the sync before; that entry must still be in this
device's chain, unchanged. If it is not, the history was rewritten: this is recorded in the
audit log, told to the user and to the centre (again at the next sync until it got there),
and nothing is blocked (registering records goes on offline and online).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from desktop_app.errors import HotichError
from desktop_app.ports import SyncGateway
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.sync_types import AuditHead
from desktop_app.workflows.status import SYSTEM

log = logging.getLogger(__name__)

ANCHOR_KEY = "audit.anchor"  # the head the centre acknowledged last: "seq:hash"
REWRITTEN_KEY = "audit.rewritten"  # JSON: the kept head the chain no longer holds


@dataclass(frozen=True)
class Rewritten:
    """What was found: the centre's head ``kept`` is missing from or differs in the chain."""

    kept: AuditHead
    found_at: str
    reported: bool


def head_of(uow: UnitOfWork) -> AuditHead | None:
    last = uow.audit.last()
    return None if last is None else AuditHead(last.seq, last.hash)


def holds(uow: UnitOfWork, kept: AuditHead) -> bool:
    """Whether this device's chain still has the entry the centre kept, unchanged."""
    entry = uow.audit.at(kept.seq)
    return entry is not None and entry.hash == kept.hash


def anchored(uow: UnitOfWork) -> AuditHead | None:
    """The head the centre acknowledged at the last sync."""
    value = uow.meta.get(ANCHOR_KEY)
    if not value:
        return None
    seq, _, digest = value.partition(":")
    return AuditHead(int(seq), digest) if seq.isdigit() else None


def rewritten(uow: UnitOfWork) -> Rewritten | None:
    value = uow.meta.get(REWRITTEN_KEY)
    if not value:
        return None
    found = json.loads(value)
    return Rewritten(AuditHead(int(found["seq"]), str(found["hash"])), str(found["found_at"]),
                     bool(found["reported"]))


def _note(uow: UnitOfWork, found: Rewritten) -> None:
    uow.meta.put(REWRITTEN_KEY, json.dumps({"seq": found.kept.seq, "hash": found.kept.hash,
                                            "found_at": found.found_at,
                                            "reported": found.reported}))


def check_kept(uow: UnitOfWork, kept: AuditHead | None, head: AuditHead, at: datetime
               ) -> bool:
    """Whether the centre's kept head is still in the chain; if not, the rewritten history
    is recorded (audit entry, a note to report) and False returned."""
    if kept is None or holds(uow, kept):
        return True
    log.warning("audit chain does not hold the head kept by the centre: rewritten")
    uow.audit.append(at=at, actor=SYSTEM.username, action="audit.rewritten",
                     target=f"audit/{kept.seq}",
                     details={"kept_seq": kept.seq, "kept_hash": kept.hash,
                              "head_seq": head.seq})
    _note(uow, Rewritten(kept, at.isoformat(), reported=False))
    return False


def unreported(uow: UnitOfWork) -> AuditHead | None:
    found = rewritten(uow)
    return found.kept if found is not None and not found.reported else None


def mark_reported(uow: UnitOfWork) -> None:
    found = rewritten(uow)
    if found is not None and not found.reported:
        _note(uow, Rewritten(found.kept, found.found_at, reported=True))


def anchor_at_centre(session: Session, gateway: SyncGateway) -> AuditHead | None:
    """Leave the head with the centre and check the one it kept; the kept head that this
    chain no longer holds (a rewritten history), else None."""
    store = session.store
    with store.read() as uow:
        head = head_of(uow)
        earlier = rewritten(uow)
    if head is None:
        return None
    if earlier is not None and not earlier.reported:  # found before, not yet told
        gateway.anchor_audit(head, rewritten=earlier.kept)
        with store.write() as uow:
            _note(uow, Rewritten(earlier.kept, earlier.found_at, reported=True))
            uow.meta.put(ANCHOR_KEY, f"{head.seq}:{head.hash}")
        return earlier.kept
    kept = gateway.anchor_audit(head)
    now = session.clock.now()
    with store.write() as uow:
        if check_kept(uow, kept, head, now):
            uow.meta.put(ANCHOR_KEY, f"{head.seq}:{head.hash}")
            return None
        head = head_of(uow) or head
    assert kept is not None
    try:
        gateway.anchor_audit(head, rewritten=kept)
    except HotichError:  # told at the next sync
        log.warning("could not report the rewritten audit chain to the centre yet")
        return kept
    with store.write() as uow:
        _note(uow, Rewritten(kept, now.isoformat(), reported=True))
        uow.meta.put(ANCHOR_KEY, f"{head.seq}:{head.hash}")
    return kept
