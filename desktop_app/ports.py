"""What the core needs from the outside, as Protocols (STYLE 1): signing/ and sync/ implement
them and desktop_app.app wires the implementations in. Only plain data crosses these ports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from desktop_app.domain.notes import Note
from desktop_app.sync_types import (
    AttachmentStatus,
    AttachmentUpload,
    AuditHead,
    BundleAnswer,
    BundleAttachment,
    CancelToken,
    Capabilities,
    DeviceIdentity,
    ItemResult,
    LeasedBlock,
    ProgressCallback,
    PullPage,
    PushItem,
    RegistryPerson,
)

if TYPE_CHECKING:  # numpy only where pictures are handled: not at every start of the core
    import numpy as np
    from numpy.typing import NDArray

    GrayImage: TypeAlias = NDArray[np.uint8]  # rows of grey pixels, 0 black .. 255 white


@dataclass(frozen=True)
class CertificateSummary:
    fingerprint: str
    subject: str
    not_before: datetime
    not_after: datetime
    certificate_der: bytes = b""
    notices: tuple[str, ...] = ()  # warning codes, e.g. W-CERT-EXPIRING


@dataclass(frozen=True)
class ExtractInfo:
    """System fields of one extract (not typed by the officer): what the core sends with the
    record and what signing renders, one type on both sides of the port.

    ``office_name`` is the commune's name with its type ("Phường Minh Phụng", "Xã Ea Tu");
    ``province_name`` likewise ("Thành phố Hồ Chí Minh", "Tỉnh Đắk Lắk"). ``place_name``
    overrides the place of the date line (default: the commune's name without its type).
    ``signer_title`` is the position ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"); with ``is_deputy`` the
    block reads "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (``principal_title`` is the first line).
    ``notes`` are Ghi chú lines: the record's registered notes or free text. ``source`` is the
    "Thực hiện trích lục từ" line (None to leave it out).
    """

    office_code: str
    office_name: str
    province_name: str
    extract_number: str
    issued_on: date
    registration_number: str | None = None
    book_number: str | None = None
    registered_on: str | None = None
    registration_office_name: str | None = None  # when the event was registered elsewhere
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    is_deputy: bool = False
    principal_title: str = "CHỦ TỊCH"
    is_copy: bool = False
    place_name: str | None = None
    notes: tuple[Note | str, ...] = field(default_factory=tuple)
    source: str | None = "Cơ sở dữ liệu hộ tịch điện tử"


@dataclass(frozen=True, kw_only=True)
class ExtractRequest(ExtractInfo):
    """An extract to preview or sign: the record's canonical JSON with its system fields."""

    record: Mapping[str, object]


@dataclass(frozen=True)
class SignedPdf:
    pdf: bytes
    data_digest: str
    signed_at: datetime
    level: str
    needs_timestamp: bool


@dataclass(frozen=True)
class PdfCheck:
    """``code`` is OK-PDF-VALID or an E-PDF-* code; the seal names the record it was made for."""

    code: str
    params: Mapping[str, object]
    data_digest: str | None = None
    office_code: str | None = None
    registration_number: str | None = None
    book_number: str | None = None
    extract_number: str | None = None

    @property
    def is_valid(self) -> bool:
        return self.code.startswith("OK")


class ExtractService(Protocol):
    def check_certificate(self, p12: bytes, password: str, now: datetime) -> CertificateSummary:
        """Raises typed certificate errors (wrong password, expired, key usage, chain)."""
        ...

    def data_digest(self, request: ExtractRequest) -> str: ...

    def number_code(self, record: Mapping[str, object], is_copy: bool) -> str:
        """The extract number's suffix for the record's form: TLKT, TLKS-BS, ..."""
        ...

    def preview(self, request: ExtractRequest) -> bytes: ...

    def sign(self, request: ExtractRequest, p12: bytes, password: str,
             now: datetime) -> SignedPdf: ...

    def verify(self, pdf: bytes) -> PdfCheck: ...

    def add_timestamp(self, pdf: bytes) -> bytes:
        """The PDF with an RFC 3161 document timestamp appended (for extracts signed offline);
        raises a typed error when no timestamp server is set up or it cannot be reached."""
        ...


# -- sync -----------------------------------------------------------------------------------
class SyncGateway(Protocol):
    """The central server as one enrolled device sees it (sync.client.SyncClient). Every call
    is idempotent and may be retried; the core applies what comes back in its own units of
    work, never across a call (see desktop_app.workflows.sync_run)."""

    def capabilities(self) -> Capabilities: ...

    def lease_number_block(self, record_type: str, year: int, size: int, *, request_id: str,
                           used_up_to: int = 0) -> LeasedBlock:
        """Persist ``request_id`` before calling: repeating it returns the same block."""
        ...

    def upload_attachments(self, uploads: Iterable[AttachmentUpload]
                           ) -> Iterator[tuple[AttachmentUpload, AttachmentStatus]]:
        """Each upload is yielded once the server has all of it (in completion order)."""
        ...

    def push_batches(self, items: Sequence[PushItem], *,
                     progress: ProgressCallback | None = None) -> Iterator[list[ItemResult]]:
        """Each batch's per-item results as soon as it is answered."""
        ...

    def pull_pages(self, cursor: str | None, *,
                   progress: ProgressCallback | None = None) -> Iterator[PullPage]:
        """Pages until the feed is exhausted; the next is asked for once the caller has
        applied (and committed) the previous one."""
        ...

    def registry_persons(self, event: str, year: int, *,
                         progress: ProgressCallback | None = None) -> Iterator[RegistryPerson]:
        """The centre's population registry: the births or deaths ("birth" | "death") of this
        device's commune registered in ``year``, page after page."""
        ...

    def anchor_audit(self, head: AuditHead, *, rewritten: AuditHead | None = None
                     ) -> AuditHead | None:
        """Leave the device's audit head with the centre; the head it kept before (None the
        first time). ``rewritten``: the kept head this device's chain no longer holds."""
        ...

    def close(self) -> None: ...


class SyncTransport(Protocol):
    """How the core reaches the central server: enrolment, then a gateway per sync."""

    def enrol(self, server_url: str, code: str, *, ca_path: Path | None = None,
              name: str = "", commune: str = "") -> DeviceIdentity:
        """Exchange a one-time code for a new device identity (nothing is stored). With
        ``commune``, a code issued to another commune is refused (OfficeMismatchError) and
        left unused."""
        ...

    def connect(self, identity: DeviceIdentity, *,
                cancel: CancelToken | None = None) -> SyncGateway: ...


class BundleCodec(Protocol):
    """The USB sneaker-net files (sync.bundle): signed by the device, sealed to the server."""

    def build_bundle(self, identity: DeviceIdentity, items: Sequence[PushItem],
                     attachments: Sequence[BundleAttachment], *, since: str | None,
                     now: datetime, audit_head: AuditHead | None = None,
                     audit_rewritten: AuditHead | None = None) -> bytes:
        """``audit_head``: this device's audit head, anchored at the centre as a sync does;
        ``audit_rewritten``: a kept head found missing from the chain, not yet reported."""
        ...

    def read_answer(self, identity: DeviceIdentity, data: bytes) -> BundleAnswer:
        """Verified (the server's signature) and opened; a typed error when it is not."""
        ...


# -- text recognition (OCR suggestions for printed or typed book pages) --------------------
@dataclass(frozen=True)
class LineReading:
    """What an engine read on one line image: NFC text and a confidence from 0 to 1 (the
    engine's own measure, not calibrated)."""

    text: str
    confidence: float


class TextRecogniser(Protocol):
    """A text-line recogniser whose model ships with it and which never uses the network
    (desktop_app.ocr.engines). The core finds the lines on the page; the engine reads them.
    Thread-safe: one instance serves every worker of the process."""

    @property
    def name(self) -> str: ...

    def read_lines(self, lines: Sequence[GrayImage]) -> list[LineReading]:
        """One reading per line image (uint8 grey, dark text on light paper), in order."""
        ...
