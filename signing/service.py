"""The ExtractService port of the core, implemented with this package.

The composition root (desktop_app.app, signing.cli) builds one per data folder: trust roots
from its trust folder, the timestamp server and verification URL from its settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509

from desktop_app.paths import DataPaths
from desktop_app.ports import CertificateSummary, ExtractRequest, PdfCheck, SignedPdf
from desktop_app.settings import LocalSettings
from signing import layouts
from signing.compose import layout_for
from signing.errors import TimestampError
from signing.issue import data_digest_for, issue_signed_extract, preview_extract
from signing.keystore import SignerCache, load_signer, load_trust_roots
from signing.pades import add_document_timestamp, http_timestamper
from signing.qr import DEFAULT_VERIFY_BASE_URL, QrVerification, verify_qr
from signing.verify import verify_pdf


def trust_folder(paths: DataPaths, settings: LocalSettings | None = None) -> Path:
    settings = settings or LocalSettings.load(paths.root)
    return Path(settings.trust_dir) if settings.trust_dir else paths.root / "trust"


@dataclass
class PdfExtractService:
    trust_dir: Path
    timestamp_url: str = ""
    verify_base_url: str = DEFAULT_VERIFY_BASE_URL
    # One archive is opened once per process, not once per extract of a batch.
    signers: SignerCache = field(default_factory=SignerCache, repr=False, compare=False)

    @classmethod
    def for_data(cls, paths: DataPaths) -> PdfExtractService:
        settings = LocalSettings.load(paths.root)
        base = f"{settings.server_url.rstrip('/')}/v1/verify/" if settings.server_url \
            else DEFAULT_VERIFY_BASE_URL
        return cls(trust_folder(paths, settings), settings.timestamp_url, base)

    def _roots(self) -> tuple[x509.Certificate, ...]:
        return load_trust_roots(self.trust_dir)

    # -- the port ---------------------------------------------------------------------------
    def check_certificate(self, p12: bytes, password: str, now: datetime) -> CertificateSummary:
        # A one-off check (import): opened fresh, and not kept in the signers' cache.
        signer = load_signer(p12, password, trust_roots=self._roots(), now=now)
        return CertificateSummary(signer.fingerprint, signer.subject_common_name,
                                  signer.not_before, signer.not_after, signer.certificate_der,
                                  tuple(n.code for n in signer.notices))

    def data_digest(self, request: ExtractRequest) -> str:
        return data_digest_for(request.record, request)

    def number_code(self, record: Mapping[str, object], is_copy: bool) -> str:
        code = layout_for(record).number_code
        return code + (layouts.COPY_SUFFIX if is_copy else "")

    def preview(self, request: ExtractRequest) -> bytes:
        return preview_extract(request.record, request).pdf

    def sign(self, request: ExtractRequest, p12: bytes, password: str,
             now: datetime) -> SignedPdf:
        signer = self.signers.load(p12, password, trust_roots=self._roots(), now=now)
        timestamper = http_timestamper(self.timestamp_url) if self.timestamp_url else None
        issued = issue_signed_extract(request.record, request, signer,
                                      timestamper=timestamper,
                                      verify_base_url=self.verify_base_url, now=now)
        return SignedPdf(issued.pdf, issued.data_digest, issued.signed_at or now,
                         issued.level or "B-B", issued.needs_timestamp)

    def add_timestamp(self, pdf: bytes) -> bytes:
        if not self.timestamp_url:
            raise TimestampError(problem="no timestamp server")
        return add_document_timestamp(pdf, http_timestamper(self.timestamp_url))

    def verify(self, pdf: bytes) -> PdfCheck:
        result = verify_pdf(pdf, trust_roots=self._roots())
        return PdfCheck(result.code, result.params, result.data_digest, None, None, None,
                        result.extract_number)

    # -- beyond the port ------------------------------------------------------------------
    def forget_keys(self) -> None:
        """Drop the loaded signing keys (after a batch: a key stays in memory only while
        the batch that needed it runs)."""
        self.signers.clear()

    def verify_qr(self, text: str, known: list[x509.Certificate]) -> QrVerification:
        return verify_qr(text, known)
