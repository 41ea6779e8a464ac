"""Verification of a signed extract: intact, unmodified, trusted signer, valid certificate
at signing time, and (when the caller has the record) the same data as the record.

pyHanko does the cryptography, the chain validation and the modification analysis (an
incremental update that changes page content after signing is ``ModificationLevel.OTHER``
and is rejected; a later document timestamp is ``LTA_UPDATES`` and is accepted). What
pyHanko does not reject is checked here: bytes after the end of the last signed revision
(garbage after ``%%EOF``, or a whole incremental update that no signature or timestamp
covers, which pyHanko grades NONE or LTA_UPDATES with coverage ENTIRE_REVISION) are an
unsigned addition, ``E-PDF-UNSIGNED-ADDITION``. The
check data written at signing (``/HoTich`` in the catalog of the signed revision) gives the
data digest and QR token, which must agree with the signature.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from signing._aio import run_sync
from signing.keystore import common_name, fingerprint, verify_message
from signing.pades import CATALOG_KEY
from signing.qr import QrClaims, b64url_decode, extract_token

log = logging.getLogger(__name__)

ACCEPTED_LEVELS = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,  # a second (office seal) signature
)
_TIME_PROBLEMS = {
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.NOT_YET_VALID,
    AdESFailure.NOT_YET_VALID,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
}
_REVOKED_PROBLEMS = {AdESFailure.REVOKED, AdESIndeterminate.REVOKED_NO_POE}
KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)


@dataclass(frozen=True)
class PdfVerification:
    """Result of :func:`verify_pdf`. ``code`` is "OK-PDF-VALID" or an E-PDF-* message code;
    ``params`` fills the message. ``signed_at`` comes from the timestamp when there is a
    trusted one (``time_source == "timestamp"``), else from the signer's claim."""

    ok: bool
    code: str
    signer_common_name: str | None = None
    signer_fingerprint: str | None = None
    signed_at: datetime | None = None
    time_source: str | None = None
    level: str | None = None  # "B-B", "B-T"
    has_document_timestamp: bool = False
    modification_level: str | None = None
    data_digest: str | None = None
    token: str | None = None
    extract_number: str | None = None
    certificate_expired_since: bool = False
    unsigned_bytes: int = 0  # after the last signed revision (E-PDF-UNSIGNED-ADDITION)

    @property
    def needs_timestamp(self) -> bool:
        return self.ok and self.level == "B-B" and not self.has_document_timestamp

    @property
    def params(self) -> Mapping[str, object]:
        return {"signer": self.signer_common_name or "", "signed_at": self.signed_at or "",
                "unsigned_bytes": self.unsigned_bytes}


# PDF 32000-1 7.5.5: an end-of-line marker may follow %%EOF; it is part of no revision.
_EOL_AFTER_EOF = (b"", b"\n", b"\r", b"\r\n")


def _unsigned_tail(pdf: bytes, signed: Sequence[EmbeddedPdfSignature]) -> int:
    """How many bytes follow what the last signature or document timestamp covers (its
    /ByteRange ends where its revision ended), an end-of-line after %%EOF aside."""
    ends = []
    for embedded in signed:
        try:
            ranges = [int(v) for v in embedded.sig_object["/ByteRange"]]
        except (KeyError, TypeError, ValueError):
            return len(pdf)  # no byte range: it covers nothing we can show
        ends.append(ranges[-2] + ranges[-1])
    tail = pdf[max(ends):]
    return 0 if tail in _EOL_AFTER_EOF else len(tail)


def _context(roots: Sequence[x509.Certificate], moment: datetime | None) -> ValidationContext:
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1

    return ValidationContext(
        trust_roots=[translate_pyca_cryptography_cert_to_asn1(r) for r in roots],
        moment=moment,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


class _SignerFields(TypedDict):
    """What is known of the signature once pyHanko has read it (PdfVerification's fields)."""

    signer_common_name: str | None
    signer_fingerprint: str | None
    signed_at: datetime | None
    time_source: str | None
    level: str | None
    has_document_timestamp: bool
    modification_level: str | None


class _SealFields(TypedDict):
    """What the extract's seal dictionary says (PdfVerification's fields)."""

    data_digest: str | None
    token: str | None
    extract_number: str | None
    certificate_expired_since: bool


def _seal(reader: PdfFileReader, revision: int) -> Mapping[str, str]:
    try:
        root = reader.get_historical_root(revision)
        entry = root.get(CATALOG_KEY)
        if entry is None:
            return {}
        entry = entry.get_object()
        if not isinstance(entry, generic.DictionaryObject):
            return {}
        return {str(k)[1:]: str(v.get_object()) for k, v in entry.items()}
    except (PdfError, KeyError, TypeError, ValueError):
        return {}


def verify_pdf(
    pdf: bytes,
    *,
    trust_roots: Sequence[x509.Certificate],
    expected_digest: str | None = None,
    revoked_fingerprints: Collection[str] = (),
    now: datetime | None = None,
) -> PdfVerification:
    """Verify a signed extract (the first, approval signature, and what follows it).

    ``expected_digest`` is :func:`signing.digest.extract_data_digest` of the record held
    locally, when there is one. ``now`` fixes the validation time (tests; default now).
    """
    return run_sync(lambda: _verify(pdf, trust_roots, expected_digest, revoked_fingerprints, now))


async def _verify(
    pdf: bytes,
    trust_roots: Sequence[x509.Certificate],
    expected_digest: str | None,
    revoked: Collection[str],
    now: datetime | None,
) -> PdfVerification:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        timestamps = list(reader.embedded_timestamp_signatures)
    except (PdfError, ValueError, KeyError, TypeError, OSError):
        return PdfVerification(False, "E-PDF-UNREADABLE")
    if not signatures:
        return PdfVerification(False, "E-PDF-UNSIGNED")
    embedded = signatures[0]
    try:
        status = await async_validate_pdf_signature(
            embedded, _context(trust_roots, now), key_usage_settings=KEY_USAGE
        )
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError):
        return PdfVerification(False, "E-PDF-ALTERED")
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    fp = fingerprint(cert)
    name = common_name(cert)
    level = "B-T" if status.timestamp_validity is not None else "B-B"
    signed_at = status.signer_reported_dt
    time_source = "claimed"
    if status.timestamp_validity is not None and status.timestamp_validity.valid:
        signed_at = status.timestamp_validity.timestamp
        time_source = "timestamp"
    mod_level = status.modification_level
    base: _SignerFields = {
        "signer_common_name": name,
        "signer_fingerprint": fp,
        "signed_at": signed_at,
        "time_source": time_source,
        "level": level,
        "has_document_timestamp": bool(timestamps),
        "modification_level": mod_level.name if mod_level is not None else None,
    }
    if not (status.intact and status.valid):
        return PdfVerification(False, "E-PDF-ALTERED", **base)
    if mod_level not in ACCEPTED_LEVELS or status.docmdp_ok is False:
        return PdfVerification(False, "E-PDF-ALTERED", **base)
    for ts in timestamps:
        ts_status = await async_validate_pdf_timestamp(ts, _context(trust_roots, now))
        if not (ts_status.intact and ts_status.valid):
            return PdfVerification(False, "E-PDF-ALTERED", **base)
    if fp in {f.lower() for f in revoked}:
        return PdfVerification(False, "E-PDF-CERT-REVOKED", **base)
    expired_since = False
    if not status.trusted:
        problem = status.trust_problem_indic
        if problem in _REVOKED_PROBLEMS:
            return PdfVerification(False, "E-PDF-CERT-REVOKED", **base)
        if problem not in _TIME_PROBLEMS or signed_at is None:
            code = (
                "E-PDF-KEY-USAGE"
                if problem == AdESIndeterminate.SIG_CONSTRAINTS_FAILURE
                else ("E-PDF-UNTRUSTED")
            )
            return PdfVerification(False, code, **base)
        # Not valid now: was it valid when it was signed?
        again = await async_validate_pdf_signature(
            embedded, _context(trust_roots, signed_at), key_usage_settings=KEY_USAGE
        )
        if not again.trusted:
            code = (
                "E-PDF-CERT-EXPIRED"
                if again.trust_problem_indic in _TIME_PROBLEMS
                else "E-PDF-UNTRUSTED"
            )
            return PdfVerification(False, code, **base)
        expired_since = True
    seal = _seal(reader, embedded.signed_revision)
    digest = seal.get("DataDigest")
    token = seal.get("Token")
    extra: _SealFields = {
        "data_digest": digest,
        "token": token,
        "extract_number": seal.get("ExtractNumber"),
        "certificate_expired_since": expired_since,
    }
    if not digest or not token:
        if expected_digest is not None:
            return PdfVerification(False, "E-PDF-NO-DATA", **base, **extra)
    else:
        try:
            segment, sig_text = extract_token(token).split(".")
            claims = QrClaims.from_payload(b64url_decode(segment))
            qr_ok = (
                claims.data_digest == digest.lower()
                and claims.cert_fingerprint == fp
                and verify_message(cert, segment.encode("ascii"), b64url_decode(sig_text))
            )
        except (ValueError, KeyError, TypeError):
            qr_ok = False
        if not qr_ok:
            return PdfVerification(False, "E-PDF-QR-MISMATCH", **base, **extra)
        if expected_digest is not None and expected_digest.lower() != digest.lower():
            return PdfVerification(False, "E-PDF-DATA-MISMATCH", **base, **extra)
    # Last: the signed part is genuine (the message names its signer), the rest is not.
    unsigned = _unsigned_tail(pdf, [*signatures, *timestamps])
    if unsigned:
        log.info("extract has %d unsigned bytes after its last signed revision", unsigned)
        return PdfVerification(False, "E-PDF-UNSIGNED-ADDITION", **base, **extra,
                               unsigned_bytes=unsigned)
    log.info("extract verified: level %s, modification %s", level, base["modification_level"])
    return PdfVerification(True, "OK-PDF-VALID", **base, **extra)
