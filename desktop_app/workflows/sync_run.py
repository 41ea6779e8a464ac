"""One whole sync through the core's SyncGateway port: number blocks, attachments, push, pull.

No unit of work spans a call to the gateway: what is sent is read first, each answer (a batch's
results, a pull page, a leased block) is applied in its own short unit of work as it arrives.
A kill at any point leaves a state from which the next sync continues (every call is
idempotent; see desktop_app.workflows.sync_apply).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator, Sequence

from desktop_app.accounts import Permission, require
from desktop_app.domain import RecordType
from desktop_app.ports import ExtractService, SyncGateway, SyncTransport
from desktop_app.session import Session
from desktop_app.store.outbox_repo import AWAITING_SUPPORT, PENDING
from desktop_app.sync_types import AttachmentUpload, CancelToken, Progress, ProgressCallback
from desktop_app.updates import CAPABILITIES_KEY
from desktop_app.workflows.audit_anchor import anchor_at_centre
from desktop_app.workflows.dashboard import LAST_SYNC_KEY
from desktop_app.workflows.enrolment import require_identity
from desktop_app.workflows.extracts import timestamp_waiting, unpublish_revoked
from desktop_app.workflows.numbering import switch_to_leased_numbers
from desktop_app.workflows.sync_apply import (
    CURSOR_KEY,
    SyncReport,
    apply_page,
    apply_result,
    hold_unsupported,
    pending_items,
)

log = logging.getLogger(__name__)

LEASE_KEY = "sync.lease_request"  # + ".<type>.<year>": persisted before asking the server
LOW_WATER = 10  # lease a new block when fewer numbers than this are left
LEASE_SIZE = 50


def run_sync(session: Session, transport: SyncTransport, *,
             progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
             extracts: ExtractService | None = None) -> SyncReport:
    """One whole sync of the enrolled device (NotEnrolledError otherwise). With ``extracts``,
    extracts signed offline get their document timestamp first, while the timestamp server
    is reachable too."""
    require(session.account, Permission.SYNC)
    identity = require_identity(session)
    gateway = transport.connect(identity, cancel=cancel)
    try:
        return _sync(session, gateway, identity.device_id, progress, extracts)
    finally:
        gateway.close()


def _sync(session: Session, gateway: SyncGateway, device_id: str,
          progress: ProgressCallback | None, extracts: ExtractService | None) -> SyncReport:
    store, clock = session.store, session.clock
    report = SyncReport()
    with store.write() as uow:
        switch_to_leased_numbers(uow)
    caps = gateway.capabilities()
    with store.write() as uow:
        uow.meta.put(CAPABILITIES_KEY, json.dumps({"procedures": list(caps.procedures),
                                                   "client_release": caps.client_release}))
    # Numbers are needed for every procedure, accepted centrally yet or not.
    report.blocks_leased = lease_blocks(session, gateway, clock.now().year,
                                        [t.value for t in RecordType])
    with store.write() as uow:
        for outcome in hold_unsupported(uow, caps.procedures, clock.now()):
            report.add(outcome)
    if extracts is not None:
        report.timestamped = timestamp_waiting(session, extracts)
    _upload_attachments(session, gateway, progress)
    with store.read() as uow:
        items = [push for _item, push in pending_items(uow, caps.procedures)]
    for results in gateway.push_batches(items, progress=progress):
        with store.write() as uow:
            for result in results:
                report.add(apply_result(uow, result, clock.now()))
    with store.read() as uow:
        cursor = uow.meta.get(CURSOR_KEY)
    for page in gateway.pull_pages(cursor, progress=progress):
        with store.write() as uow:
            report.pulled += apply_page(uow, page, clock.now(), device_id)
    unpublish_revoked(session)  # revocations just pulled: no QR check without login trusts them
    found = anchor_at_centre(session, gateway)  # last: the head includes this sync's entries
    report.audit_rewritten = None if found is None else found.seq
    with store.write() as uow:
        uow.meta.put(LAST_SYNC_KEY, clock.now().isoformat())
    log.info("sync done: %d accepted, %d rejected, %d deferred, %d pulled", report.accepted,
             report.rejected, report.deferred, report.pulled)
    return report


def lease_blocks(session: Session, gateway: SyncGateway, year: int,
                 procedures: Sequence[str]) -> int:
    """A new block for each book running low; returns how many were added."""
    leased = 0
    store = session.store
    for rtype in procedures:
        key = f"{LEASE_KEY}.{rtype}.{year}"
        with store.write() as uow:
            office = uow.meta.get("commune_code") or ""
            if uow.numbers.remaining(rtype, year, office) >= LOW_WATER:
                continue
            request_id = uow.meta.get(key) or str(uuid.uuid4())
            uow.meta.put(key, request_id)  # kept before asking: a retry gets the same block
            used = uow.numbers.highest_issued(rtype, year, office)
        lease = gateway.lease_number_block(rtype, year, LEASE_SIZE, request_id=request_id,
                                           used_up_to=used)
        with store.write() as uow:
            known = {(b.block.start, b.block.end) for b in uow.numbers.blocks(year)
                     if b.record_type == rtype}
            if (lease.first, lease.last) not in known:
                uow.numbers.add_block(rtype, year, office, lease.as_number_block(), "central",
                                      session.clock.now())
                leased += 1
            uow.meta.delete(key)
    return leased


def _upload_attachments(session: Session, gateway: SyncGateway,
                        progress: ProgressCallback | None) -> None:
    """Attachments of the items waiting, several at once; each is marked uploaded as soon as
    the server has all of it."""
    store = session.store
    with store.read() as uow:
        waiting = uow.attachments.waiting_for_upload((PENDING, AWAITING_SUPPORT))

    def uploads() -> Iterator[AttachmentUpload]:  # read here, a few ahead of the uploads
        for sha, media_type in waiting:
            with store.read() as uow:
                content = uow.attachments.get(sha)
            if content is not None:
                yield AttachmentUpload(sha, content, media_type)

    done = 0
    for upload, _state in gateway.upload_attachments(uploads()):
        with store.write() as uow:
            uow.attachments.mark_uploaded(upload.sha256)
        done += 1
        if progress:
            progress(Progress("attachment", done, len(waiting)))
