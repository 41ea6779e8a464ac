"""Page scans and photos of papers attached to a record: kept encrypted inside the store,
listed on the record, sent to the centre with the record's next outbox item.

A scan is evidence, not record data: it may be added to a draft and to a registered record
alike (audited). A record already held centrally goes out again as a new version so that the
centre receives the scan too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app import diskspace
from desktop_app.accounts import Permission, require
from desktop_app.domain import Status, ensure_editable
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.errors import (
    AttachmentTooLargeError,
    AttachmentTypeError,
    HotichError,
    NotFoundError,
)
from desktop_app.messages import Tenths
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.session import Session
from desktop_app.store import outbox_repo
from desktop_app.store.extracts_repo import AttachmentRow
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows.records import enqueue_for_sync, find_record

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
"""A page scanned at 300 dpi is a few MB; the centre accepts far more (sync.protocol)."""
SCAN = "scan"

# Magic numbers of what an officer scans or photographs; the extension is not trusted.
_SIGNATURES = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"),
               (b"\x89PNG\r\n\x1a\n", "image/png"))
_WAITING = (outbox_repo.PENDING, outbox_repo.AWAITING_SUPPORT)


@dataclass(frozen=True)
class Attachment:
    sha256: str
    kind: str  # "scan" (added by a person) or "signed_extract"
    media_type: str
    size: int
    added_at: str  # ISO time the content was first stored
    is_uploaded: bool

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"


def _attachment(row: AttachmentRow) -> Attachment:
    return Attachment(row.sha256, row.kind, row.media_type, row.size, row.created_at,
                      row.uploaded)


def media_type_of(content: bytes) -> str:
    for signature, media_type in _SIGNATURES:
        if content.startswith(signature):
            return media_type
    raise AttachmentTypeError()


def _check_size(size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentTooLargeError(size_mb=Tenths(size / (1024 * 1024)),
                                      limit_mb=MAX_ATTACHMENT_BYTES // (1024 * 1024))


def read_file(path: Path) -> bytes:
    """A file chosen by the user, refused before reading when it is too large."""
    try:
        _check_size(path.stat().st_size)
        return path.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=path.name) from exc


def _needs_sending_again(uow: UnitOfWork, rec: StoredRecord) -> bool:
    """The record left already and no later step of its own sends it again (a synced record,
    a historical entry sent at approval): the scan has to go out with a new version."""
    items = uow.outbox.for_record(rec.id)
    if not items or any(i.state in _WAITING for i in items):
        return False
    return rec.status == Status.SYNCED or (rec.is_historical and
                                           Status(rec.status) in REGISTERED_STATUSES)


def add_attachment(session: Session, record_id: str, content: bytes, *,
                   kind: str = SCAN) -> Attachment:
    """Attach a scan or photo (JPEG, PNG, PDF) to a record; the same bytes are kept once."""
    require(session.account, Permission.CREATE_RECORD)
    _check_size(len(content))
    media_type = media_type_of(content)
    # The scan goes through the write-ahead log before the database: room for both.
    diskspace.ensure_room(session.paths.database, 2 * len(content))
    now = session.clock.now()
    with session.store.write() as uow:
        rec = find_record(uow, record_id)
        digest = attach_in(uow, rec, content, media_type, kind=kind, at=now,
                           actor=session.account.username)
        row = next(r for r in uow.attachments.rows_of(rec.id) if r.sha256 == digest)
    return _attachment(row)


def attach_in(uow: UnitOfWork, rec: StoredRecord, content: bytes, media_type: str, *,
              kind: str, at: datetime, actor: str) -> str:
    """:func:`add_attachment` inside the caller's unit of work (content already checked):
    stored once, audited, and the record sent again if it already left. Returns the SHA-256."""
    digest = uow.attachments.put(rec.id, content, media_type, kind, at)
    if _needs_sending_again(uow, rec):
        rec = enqueue_for_sync(uow, rec, at).with_changes(updated_at=at)
        uow.records.update(rec)
    uow.records.add_event(RecordEvent(rec.id, at, actor, "attach", rec.status, rec.status, ""))
    uow.audit.append(at=at, actor=actor, action="record.attach", target=rec.id,
                     details={"sha256": digest, "media_type": media_type,
                              "size": len(content), "kind": kind})
    return digest


def check_content(content: bytes) -> str:
    """The media type of a scan or photo that may be stored (size and type checked)."""
    _check_size(len(content))
    return media_type_of(content)


def remove_attachment(session: Session, record_id: str, sha256: str) -> None:
    """A scan added to a draft by mistake comes off again (audited); once the record is
    submitted its scans are evidence and stay (E-IMMUTABLE)."""
    require(session.account, Permission.CREATE_RECORD)
    now = session.clock.now()
    with session.store.write() as uow:
        rec = find_record(uow, record_id)
        ensure_editable(rec.status)
        row = next((r for r in uow.attachments.rows_of(rec.id)
                    if r.sha256 == sha256 and r.kind == SCAN), None)
        if row is None:
            raise NotFoundError(what="attachment", key=sha256[:12])
        uow.attachments.remove(rec.id, sha256)
        actor = session.account.username
        uow.records.add_event(RecordEvent(rec.id, now, actor, "detach", rec.status, rec.status,
                                          ""))
        uow.audit.append(at=now, actor=actor, action="record.detach", target=rec.id,
                         details={"sha256": sha256, "media_type": row.media_type})


def attach_file(session: Session, record_id: str, path: Path) -> Attachment:
    """:func:`add_attachment` of a file the user picked."""
    require(session.account, Permission.CREATE_RECORD)
    return add_attachment(session, record_id, read_file(path))


def attachments_of(session: Session, record_id: str) -> list[Attachment]:
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        return [_attachment(r) for r in uow.attachments.rows_of(rec.id)]


def attachment_content(session: Session, record_id: str, sha256: str) -> bytes:
    """The bytes of one of the record's attachments (to show or save)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        if not any(r.sha256 == sha256 for r in uow.attachments.rows_of(rec.id)):
            raise NotFoundError(what="attachment", key=sha256[:12])
        content = uow.attachments.get(sha256)
    if content is None:
        raise NotFoundError(what="attachment", key=sha256[:12])
    return content
