"""USB sneaker-net: everything waiting, written to one signed and sealed file for the central
office, and the answer file brought back, applied like an online sync's answers."""

from __future__ import annotations

from desktop_app import diskspace
from desktop_app.accounts import Permission, require
from desktop_app.ports import BundleCodec
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.sync_types import (
    AuditHead,
    BundleAttachment,
    Progress,
    ProgressCallback,
    PushItem,
)
from desktop_app.workflows.audit_anchor import (
    ANCHOR_KEY,
    check_kept,
    head_of,
    mark_reported,
    unreported,
)
from desktop_app.workflows.enrolment import require_identity
from desktop_app.workflows.sync_apply import (
    CURSOR_KEY,
    SyncReport,
    apply_page,
    apply_result,
    pending_items,
)

BUNDLE_HEAD_KEY = "audit.bundle_head"  # the audit head the last bundle carried


def bundle_attachments(uow: UnitOfWork, push: PushItem) -> list[BundleAttachment]:
    """The files an item carries, each with its own type (a scan is an image as often as a
    PDF)."""
    kinds = {r.sha256: r.media_type for r in uow.attachments.rows_of(push.record_id)}
    found = []
    for sha in push.attachments:
        content = uow.attachments.get(sha)
        if content is not None:
            found.append(BundleAttachment(sha, content,
                                          kinds.get(sha, "application/octet-stream")))
    return found


def export_bundle(session: Session, codec: BundleCodec, *,
                  progress: ProgressCallback | None = None) -> tuple[bytes, int]:
    """The bundle's bytes and how many items it carries (write them with fileio.write_atomic).
    What left in a bundle is final: its extracts are never timestamped afterwards. A
    ``progress`` that raises Cancelled stops it before anything is written."""
    require(session.account, Permission.SYNC)
    identity = require_identity(session)
    now = session.clock.now()
    tell = progress or (lambda _p: None)
    with session.store.read() as uow:
        items = [push for _item, push in pending_items(uow)]
        attachments = []
        for n, push in enumerate(items):
            tell(Progress("export", n, len(items)))
            attachments += bundle_attachments(uow, push)
        since = uow.meta.get(CURSOR_KEY)
        head, found = head_of(uow), unreported(uow)
    tell(Progress("export", len(items), len(items)))
    data = codec.build_bundle(identity, items, attachments, since=since, now=now,
                              audit_head=head, audit_rewritten=found)
    with session.store.write() as uow:
        if head is not None:  # the head to compare with the centre's when the answer comes
            uow.meta.put(BUNDLE_HEAD_KEY, f"{head.seq}:{head.hash}")
        uow.extracts.keep_without_timestamp([push.record_id for push in items])
        uow.audit.append(at=now, actor=session.account.username,
                         action="sync.export_bundle", target=str(len(items)))
    return data, len(items)


def import_answer(session: Session, codec: BundleCodec, data: bytes, *,
                  progress: ProgressCallback | None = None) -> SyncReport:
    """The answer file the operator brought back: per-item results and pulled changes, in
    one unit of work (a ``progress`` that raises Cancelled rolls it all back)."""
    require(session.account, Permission.SYNC)
    identity = require_identity(session)
    answer = codec.read_answer(identity, data)
    # A bulk import: its records pass through the write-ahead log before the database.
    diskspace.ensure_room(session.paths.database, 3 * len(data))
    report = SyncReport()
    now = session.clock.now()
    tell = progress or (lambda _p: None)
    with session.store.write() as uow:
        for n, result in enumerate(answer.results):
            tell(Progress("import", n, len(answer.results)))
            report.add(apply_result(uow, result, now))
        for sha, done in answer.attachments.items():
            if done:
                uow.attachments.mark_uploaded(sha)
        if answer.pull is not None:
            report.pulled = apply_page(uow, answer.pull, now, identity.device_id)
        if answer.audit_anchored:  # the centre took the head the bundle carried
            mark_reported(uow)
            sent = uow.meta.get(BUNDLE_HEAD_KEY) or ""
            seq, _, digest = sent.partition(":")
            head = AuditHead(int(seq), digest) if seq.isdigit() else head_of(uow)
            if head is not None and check_kept(uow, answer.audit_kept, head, now):
                uow.meta.put(ANCHOR_KEY, f"{head.seq}:{head.hash}")
            elif answer.audit_kept is not None:  # recorded; the next sync reports it
                report.audit_rewritten = answer.audit_kept.seq
        tell(Progress("import", len(answer.results), len(answer.results)))
        uow.audit.append(at=now, actor=session.account.username,
                         action="sync.import_answer", target=answer.bundle_id)
    return report
