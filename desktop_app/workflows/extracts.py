"""Extracts (trích lục): the supervisor's certificate, previews, batch signing, verification.

Rendering and PAdES signing come through the ExtractService port (signing/ implements it).
The PKCS#12 is kept inside the encrypted store exactly as imported, still protected by its own
password: other accounts of this device cannot sign with it. Signing runs outside any
transaction; its number is reserved in one before (under the primary key of extract_numbers,
so two processes never issue the same number), and its result (extract row, PDF attachment,
status, outbox item, audit entry) is written in one after.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.accounts import Permission, require
from desktop_app.domain import Status, check_sign, commune, lunar
from desktop_app.domain.access import get_str
from desktop_app.domain.addresses import province_of
from desktop_app.domain.integrity import ensure_no_signer_conflict
from desktop_app.domain.notes import record_notes
from desktop_app.errors import Cancelled, HotichError, NotFoundError
from desktop_app.fileio import write_atomic
from desktop_app.messages import VIETNAM_TZ
from desktop_app.paths import DataPaths
from desktop_app.ports import ExtractRequest, ExtractService, PdfCheck
from desktop_app.record import StoredRecord
from desktop_app.revocation import is_revoked
from desktop_app.session import Session
from desktop_app.store.extracts_repo import CertificateRow, ExtractRow
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows.approval import facts_of
from desktop_app.workflows.records import enqueue_for_sync, find_record
from desktop_app.workflows.status import SYSTEM, actor_of, change_status

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
_SIGNED_STATES = {Status.SIGNED.value, Status.QUEUED.value, Status.SYNCED.value,
                  Status.AWAITING_CENTRAL_SUPPORT.value}


class CertificateRevokedError(HotichError):
    """The central system revoked this certificate (pulled at sync): it signs nothing more."""

    code = "E-CERT-REVOKED"


class NoCertificateError(HotichError):
    code = "E-NO-CERTIFICATE"


class NotSignableError(HotichError):
    """params: status."""

    code = "E-NOT-SIGNABLE"


class OutputUnwritableError(HotichError):
    """params: path (the file or folder asked for). Raised before anything is signed."""

    code = "E-OUTPUT-UNWRITABLE"


class ExtractNotWrittenError(HotichError):
    """params: record_id, extract_number, path. The extract is signed and kept in the store
    (the record moved on): only the file outside is missing; save_signed writes it again."""

    code = "E-EXTRACT-NOT-WRITTEN"


class NoSignedExtractError(HotichError):
    """params: record_id."""

    code = "E-NO-SIGNED-EXTRACT"


def check_output(out: Path, many: bool) -> None:
    """The folder (several extracts) exists or can be made, or the file's folder is there
    and writable: checked before a number is reserved or anything is signed."""
    if many:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputUnwritableError(path=str(out)) from exc
        folder = out
    else:
        if out.is_dir():
            raise OutputUnwritableError(path=str(out))
        folder = out.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise OutputUnwritableError(path=str(out))


def save_signed(session: Session, record_id: str, out: Path) -> str:
    """Write the last signed extract kept in the store to ``out``; its extract number."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        issued = uow.extracts.for_record(rec.id)
        pdf = uow.attachments.get(issued[-1].pdf_sha256) if issued else None
    if pdf is None:
        raise NoSignedExtractError(record_id=rec.id)
    check_output(out, many=False)
    try:
        write_atomic(out, pdf, mode=0o644)
    except OSError as exc:
        raise OutputUnwritableError(path=str(out)) from exc
    return issued[-1].extract_number


@dataclass(frozen=True)
class IssuedFile:
    record_id: str
    extract_number: str
    path: Path | None
    is_copy: bool
    needs_timestamp: bool


class CancelToken:
    def __init__(self) -> None:
        self.is_cancelled = False

    def cancel(self) -> None:
        self.is_cancelled = True


# -- certificates ---------------------------------------------------------------------------
def import_certificate(session: Session, p12: bytes, password: str,
                       service: ExtractService) -> tuple[str, ...]:
    """Check and keep the acting supervisor's PKCS#12; returns warning codes (expiring soon)."""
    require(session.account, Permission.IMPORT_CERTIFICATE)
    now = session.clock.now()
    summary = service.check_certificate(p12, password, now)
    with session.store.write() as uow:
        uow.certificates.put(CertificateRow(
            session.account.username, p12, summary.certificate_der, summary.fingerprint,
            summary.subject, summary.not_after.isoformat(), now.isoformat()))
        uow.audit.append(at=now, actor=session.account.username, action="certificate.import",
                         target=summary.fingerprint,
                         details={"not_after": summary.not_after.isoformat()})
    _publish_certificate(session, summary.certificate_der, summary.fingerprint)
    return summary.notices


def _publish_certificate(session: Session, der: bytes, fp: str) -> None:
    """A certificate is public (every signed extract carries it); the copy outside the store
    lets anyone at this device check a QR code without an account."""
    try:
        session.paths.signers.mkdir(parents=True, exist_ok=True)
        write_atomic(session.paths.signers / f"{fp}.der", der, mode=0o644)
    except OSError:
        log.warning("the public copy of a signer certificate could not be written")


def published_signers(paths: DataPaths) -> list[bytes]:
    """The public signer certificates (DER) kept beside the store; none when unreadable."""
    try:
        return [p.read_bytes() for p in _published_paths(paths)]
    except OSError:
        return []


def unpublish_revoked(session: Session) -> int:
    """Drop the public copies of certificates the centre revoked (after each sync); returns
    how many went."""
    removed = 0
    with session.store.read() as uow:
        revoked = [p for p in _published_paths(session.paths)
                   if is_revoked(uow, p.read_bytes(), p.stem)]
    for path in revoked:
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _published_paths(paths: DataPaths) -> list[Path]:
    try:
        return sorted(paths.signers.glob("*.der"))
    except OSError:
        return []


def certificate_of(session: Session) -> CertificateRow | None:
    with session.store.read() as uow:
        return uow.certificates.get(session.account.username)


# -- building the request -------------------------------------------------------------------
def _office_as_written(rec: StoredRecord) -> str | None:
    """A historical entry's registering office as the old book names it (TT04 Art 30), never
    today's commune with a 1979 date."""
    if not rec.is_historical:
        return None
    return get_str(rec.data, "source.office")


def build_request(uow: UnitOfWork, session: Session, rec: StoredRecord, *,
                  extract_number: str, is_copy: bool, signer_title: str,
                  signer_name: str | None = None) -> ExtractRequest:
    """``signer_name`` defaults to the acting account's (the supervisor signing)."""
    place = commune(rec.office)
    province = province_of(rec.office)
    return ExtractRequest(
        record={**rec.data, "type": rec.type}, office_code=rec.office,
        office_name=place.name if place else rec.office,
        province_name=province.name if province else "",
        extract_number=extract_number,
        issued_on=session.clock.now().astimezone(VIETNAM_TZ).date(),
        registration_number=rec.registration_number, book_number=rec.book_number,
        registered_on=rec.registered_on,
        registration_office_name=_office_as_written(rec),
        signer_name=session.account.full_name if signer_name is None else signer_name,
        signer_title=signer_title, is_copy=is_copy,
        # As the screen lists them, then the lunar dates of an old book as it wrote them.
        notes=(*record_notes(uow.records.linked_to(rec.id), rec.office),
               *lunar.extract_notes(rec.type, rec.data)))


def preview(session: Session, record_id: str, service: ExtractService) -> bytes:
    """An unsigned preview (BẢN NHÁP watermark) of any record the user may see. It names no
    signer: who signs is known only when someone does (an officer's name under CHỦ TỊCH
    would read as a signature)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        request = build_request(uow, session, find_record(uow, record_id), extract_number="",
                                is_copy=False, signer_title="CHỦ TỊCH", signer_name="")
    return service.preview(request)


# -- signing --------------------------------------------------------------------------------
def check_signing_key(session: Session, p12_password: str, service: ExtractService) -> None:
    """Before a batch: the acting supervisor has a certificate here, not revoked, that this
    password opens and that is valid now. Raises the certificate's error (a wrong password,
    an expired certificate), which concerns the whole batch, not one of its records."""
    require(session.account, Permission.SIGN_EXTRACT)
    with session.store.read() as uow:
        cert = uow.certificates.get(session.account.username)
        if cert is None:
            raise NoCertificateError()
        if is_revoked(uow, cert.certificate_der, cert.fingerprint):
            raise CertificateRevokedError()
    service.check_certificate(cert.pkcs12, p12_password, session.clock.now())


def sign_extracts(
    session: Session,
    record_ids: Sequence[str],
    *,
    service: ExtractService,
    p12_password: str,
    out: Path | None,
    signer_title: str = "CHỦ TỊCH",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[IssuedFile]:
    """Sign a batch. ``out`` is a file for one id, a folder for several, or None to keep the
    PDFs only inside the encrypted store (the desktop prints from there). An already signed
    record gets a copy marked as such (BẢN SAO); a birth waiting for its personal ID is
    refused."""
    require(session.account, Permission.SIGN_EXTRACT)
    with session.store.read() as uow:
        cert = uow.certificates.get(session.account.username)
        if cert is None:
            raise NoCertificateError()
        if is_revoked(uow, cert.certificate_der, cert.fingerprint):
            raise CertificateRevokedError()
    many = out is not None and (len(record_ids) > 1 or out.is_dir())
    if out is not None:
        check_output(out, many)
    issued: list[IssuedFile] = []
    for done, record_id in enumerate(record_ids):
        if cancel is not None and cancel.is_cancelled:
            raise Cancelled()
        if progress:
            progress("sign", done, len(record_ids))
        issued.append(_sign_one(session, record_id, service, cert, p12_password, out, many,
                                signer_title))
    if progress:
        progress("sign", len(record_ids), len(record_ids))
    return issued


def _sign_one(session: Session, record_id: str, service: ExtractService, cert: CertificateRow,
              password: str, out: Path | None, many: bool, signer_title: str) -> IssuedFile:
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        # A copy of what was signed; a version corrected after a central rejection and
        # approved again is signed anew.
        is_copy = rec.status in _SIGNED_STATES and bool(uow.extracts.for_record(rec.id))
    if not is_copy:
        check_sign(facts_of(rec), actor_of(session.account))
    ensure_no_signer_conflict(rec.data, session.account.full_name)
    now = session.clock.now()
    year = now.astimezone(VIETNAM_TZ).year
    code = service.number_code({**rec.data, "type": rec.type}, is_copy)
    with session.store.write() as uow:
        seq = uow.extracts.reserve_number(year, code, rec.id, now)
        request = build_request(uow, session, rec, extract_number=f"{seq:03d}/{year}/{code}",
                                is_copy=is_copy, signer_title=signer_title)
    number = request.extract_number
    try:
        signed = service.sign(request, cert.pkcs12, password, now)
        with session.store.write() as uow:
            current = uow.records.get(rec.id)
            if current is None or current.status != rec.status:
                raise NotSignableError(status=current.status if current else "?")
            digest = uow.attachments.put(rec.id, signed.pdf, "application/pdf",
                                         "signed_extract", now)
            uow.extracts.add(ExtractRow(rec.id, number, is_copy, session.account.username,
                                        signed.signed_at.isoformat(), signed.data_digest,
                                        digest, signed.needs_timestamp))
            if not is_copy:
                _mark_signed(uow, session, current, now)
            uow.audit.append(at=now, actor=session.account.username,
                             action="extract.copy" if is_copy else "extract.sign",
                             target=rec.id, details={"extract_number": number,
                                                     "pdf_sha256": digest,
                                                     "level": signed.level})
    except BaseException:
        with session.store.write() as uow:  # nothing was issued under that number
            uow.extracts.release_number(year, code, seq)
        raise
    path = None
    if out is not None:
        path = out / f"{number.replace('/', '-')}.pdf" if many else out
        try:
            write_atomic(path, signed.pdf, mode=0o644)
        except OSError as exc:  # the stick was pulled, the disk filled: signed all the same
            raise ExtractNotWrittenError(record_id=rec.id, extract_number=number,
                                         path=str(path)) from exc
    log.info("extract signed (%s, copy=%s)", signed.level, is_copy)
    return IssuedFile(rec.id, number, path, is_copy, signed.needs_timestamp)


def _mark_signed(uow: UnitOfWork, session: Session, rec: StoredRecord, now: datetime) -> None:
    """approved|awaiting_personal_id -> signed -> queued, with the outbox item."""
    signed = change_status(uow, rec, Status.SIGNED, actor=actor_of(session.account), at=now,
                           action="sign", signed_by=session.account.username)
    # A birth already went out at approval: its signed certificate follows as a new version.
    version = enqueue_for_sync(uow, signed, now).version
    change_status(uow, signed, Status.QUEUED, actor=SYSTEM, at=now, action="queue",
                  version=version)


def timestamp_waiting(session: Session, service: ExtractService) -> int:
    """Add the document timestamp to extracts signed offline (B-B), before their archive copy
    goes to the centre; returns how many got one. Stops quietly at the first failure (the
    timestamp server is unreachable: try again at the next sync; the B-B signature stays
    valid). An extract whose PDF already went up is left as it is, so that nothing the centre
    may have kept changes under the same idempotency key."""
    done = 0
    with session.store.read() as uow:
        waiting = uow.extracts.waiting_for_timestamp()
    for row in waiting:
        with session.store.read() as uow:
            pdf = uow.attachments.get(row.pdf_sha256)
        if pdf is None:
            continue
        try:
            stamped = service.add_timestamp(pdf)
        except HotichError as exc:
            log.info("document timestamp not added now (%s)", exc.code)
            break
        now = session.clock.now()
        with session.store.write() as uow:
            digest = uow.extracts.replace_pdf(row, stamped, now)
            uow.audit.append(at=now, actor="system", action="extract.timestamp",
                             target=row.record_id,
                             details={"extract_number": row.extract_number,
                                      "pdf_sha256": digest})
        done += 1
    return done


def latest_pdf(session: Session, record_id: str, service: ExtractService) -> bytes:
    """The last signed extract kept in the store, else an unsigned preview."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rec = find_record(uow, record_id)
        issued = uow.extracts.for_record(rec.id)
        pdf = uow.attachments.get(issued[-1].pdf_sha256) if issued else None
    return pdf if pdf is not None else preview(session, rec.id, service)


@dataclass(frozen=True)
class IssuedExtract:
    """A signed extract kept in the store: the original or a certified copy (BẢN SAO)."""

    record_id: str
    extract_number: str
    is_copy: bool
    signed_by: str
    signed_at: str
    needs_timestamp: bool


def issued_extracts(session: Session, record_id: str) -> list[IssuedExtract]:
    """The signed extracts of a record, originals and certified copies, oldest first."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        rows = uow.extracts.for_record(find_record(uow, record_id).id)
    return [IssuedExtract(r.record_id, r.extract_number, r.is_copy, r.signed_by, r.signed_at,
                          r.needs_timestamp) for r in rows]


def issued_pdf(session: Session, extract_number: str) -> bytes:
    """The signed PDF of one issued extract exactly as stored (what is previewed, saved and
    printed is these bytes, never a new rendering)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:
        row = uow.extracts.by_number(extract_number)
        pdf = uow.attachments.get(row.pdf_sha256) if row is not None else None
    if pdf is None:
        raise NotFoundError(what="signed extract", key=extract_number)
    return pdf


def note_handed_out(session: Session, extract_number: str, how: str) -> None:
    """Audit that a signed extract left the device as a file or on paper (how: "save" or
    "print"): who gave out which document, and when."""
    require(session.account, Permission.VIEW)
    with session.store.write() as uow:
        row = uow.extracts.by_number(extract_number)
        if row is None:
            raise NotFoundError(what="signed extract", key=extract_number)
        uow.audit.append(at=session.clock.now(), actor=session.account.username,
                         action=f"extract.{how}", target=row.record_id,
                         details={"extract_number": row.extract_number,
                                  "pdf_sha256": row.pdf_sha256})


# -- verification ---------------------------------------------------------------------------
def verify_pdf(pdf: bytes, service: ExtractService, session: Session | None = None) -> PdfCheck:
    """Signature, integrity and trust; with a session, also the data against the local record."""
    check = service.verify(pdf)
    if not check.is_valid or session is None or not check.extract_number:
        return check
    with session.store.read() as uow:
        row = uow.extracts.by_number(check.extract_number)
        if row is None:
            return check
        request = build_request(uow, session, find_record(uow, row.record_id),
                                extract_number=row.extract_number, is_copy=row.is_copy,
                                signer_title="")
    if service.data_digest(request) != check.data_digest:
        return PdfCheck("E-PDF-DATA-MISMATCH", {}, check.data_digest, check.office_code,
                        check.registration_number, check.book_number, check.extract_number)
    return check


def signer_certificates(session: Session) -> list[bytes]:
    """The DER certificates of the supervisors who sign on this device (a QR code's signer is
    looked up among them and the trust roots)."""
    require(session.account, Permission.VIEW)
    with session.store.read() as uow:  # a revoked signer's codes are refused
        return [row.certificate_der for row in uow.certificates.all()
                if not is_revoked(uow, row.certificate_der, row.fingerprint)]
