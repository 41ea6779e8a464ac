"""What the core needs from the outside, as Protocols (STYLE 1): signing/ and sync/ implement
them and desktop_app.app wires the implementations in. Only plain data crosses these ports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from desktop_app.domain.notes import Note


@dataclass(frozen=True)
class CertificateSummary:
    fingerprint: str
    subject: str
    not_before: datetime
    not_after: datetime
    certificate_der: bytes = b""
    notices: tuple[str, ...] = ()  # warning codes, e.g. W-CERT-EXPIRING


@dataclass(frozen=True)
class ExtractRequest:
    record: Mapping[str, object]  # canonical JSON of the record
    office_code: str
    office_name: str
    province_name: str
    extract_number: str
    issued_on: date
    registration_number: str | None
    book_number: str | None
    registered_on: str | None
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    is_copy: bool = False
    notes: tuple[Note, ...] = field(default_factory=tuple)  # Ghi chú, registered acts


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
