"""QR token of an extract: checkable offline by anyone who knows the signer's certificate.

The QR code holds a URL of the central verification endpoint whose last path segment is
a compact token ``<payload>.<signature>`` (both base64url without padding):

- payload: compact JSON ``{"v":1,"o":office,"n":registration number,"q":book,"t":form
  code,"x":extract number,"i":issue date,"d":data digest,"f":certificate fingerprint}``
  (digest and fingerprint as base64url of their 32 SHA-256 bytes);
- signature: over the ASCII payload segment, by the signer's key: RSA PKCS#1 v1.5 with
  SHA-256, or ECDSA as raw r||s (64 bytes for P-256) with the curve's hash.

Online, the URL opens the record in the central system like the national QR; offline,
:func:`verify_qr` checks the token against known certificates (the office's supervisors and
the certificates pulled from the central system).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Literal

import qrcode
import qrcode.constants
import qrcode.util
from cryptography import x509

from signing.errors import QrTokenError
from signing.keystore import LoadedSigner, common_name, fingerprint, verify_message

log = logging.getLogger(__name__)

TOKEN_VERSION = 1
DEFAULT_VERIFY_BASE_URL = "https://hotich.gov.vn/xac-thuc/"

CertificateLookup = Callable[[str], x509.Certificate | None]


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not text or any(c not in _B64_ALPHABET for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@dataclass(frozen=True)
class QrClaims:
    """What a token states. ``data_digest`` and ``cert_fingerprint`` are lower-case hex."""

    office_code: str
    registration_number: str | None
    book_number: str | None
    form_code: str
    extract_number: str
    issued_on: date
    data_digest: str
    cert_fingerprint: str

    def payload(self) -> bytes:
        body: dict[str, object] = {
            "v": TOKEN_VERSION,
            "o": self.office_code,
            "n": self.registration_number,
            "q": self.book_number,
            "t": self.form_code,
            "x": self.extract_number,
            "i": self.issued_on.isoformat(),
            "d": _b64e(bytes.fromhex(self.data_digest)),
            "f": _b64e(bytes.fromhex(self.cert_fingerprint)),
        }
        body = {k: v for k, v in body.items() if v is not None}
        return json.dumps(body, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    @classmethod
    def from_payload(cls, payload: bytes) -> QrClaims:
        body = json.loads(payload.decode("ascii"))
        if not isinstance(body, dict) or body.get("v") != TOKEN_VERSION:
            raise ValueError("unknown token version")
        digest = b64url_decode(str(body["d"]))
        fp = b64url_decode(str(body["f"]))
        if len(digest) != 32 or len(fp) != 32:
            raise ValueError("bad digest length")
        return cls(
            office_code=str(body["o"]),
            registration_number=_opt_str(body.get("n")),
            book_number=_opt_str(body.get("q")),
            form_code=str(body["t"]),
            extract_number=str(body["x"]),
            issued_on=date.fromisoformat(str(body["i"])),
            data_digest=digest.hex(),
            cert_fingerprint=fp.hex(),
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def make_token(claims: QrClaims, signer: LoadedSigner) -> str:
    """``<payload>.<signature>`` for ``claims`` signed by ``signer``."""
    if claims.cert_fingerprint != signer.fingerprint:
        raise QrTokenError(problem="fingerprint")
    segment = _b64e(claims.payload())
    signature = signer.sign_message(segment.encode("ascii"))
    return f"{segment}.{_b64e(signature)}"


def token_url(token: str, base_url: str = DEFAULT_VERIFY_BASE_URL) -> str:
    return base_url.rstrip("/") + "/" + token


def extract_token(text: str) -> str:
    """The token of a scanned QR text: a full URL or the bare token."""
    cleaned = text.strip()
    cleaned = cleaned.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return cleaned.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class QrVerification:
    """Result of :func:`verify_qr`. ``code`` is "OK-QR-VALID" or an E-QR-* message code."""

    ok: bool
    code: str
    claims: QrClaims | None = None
    signer_common_name: str | None = None

    @property
    def params(self) -> Mapping[str, object]:
        if self.claims is None:
            return {}
        return {
            "extract_number": self.claims.extract_number,
            "registration_number": self.claims.registration_number or "",
            "office": self.claims.office_code,
            "issued_on": self.claims.issued_on.strftime("%d/%m/%Y"),
        }


def _lookup_from(
    certificates: Iterable[x509.Certificate] | CertificateLookup,
) -> CertificateLookup:
    if callable(certificates):
        return certificates
    table = {fingerprint(c): c for c in certificates}
    return table.get


def verify_qr(
    text: str,
    certificates: Iterable[x509.Certificate] | CertificateLookup,
    *,
    expected_digest: str | None = None,
    revoked_fingerprints: Collection[str] = (),
) -> QrVerification:
    """Check a scanned QR text (URL or token) offline.

    ``certificates`` are the signer certificates the caller trusts, or a lookup from a hex
    SHA-256 fingerprint to one. ``expected_digest`` (hex) is the digest of the record held
    locally, when there is one. The certificate must have been valid on the issue date.
    """
    token = extract_token(text)
    try:
        segment, sig_text = token.split(".")
        claims = QrClaims.from_payload(b64url_decode(segment))
        signature = b64url_decode(sig_text)
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        return QrVerification(False, "E-QR-MALFORMED")
    cert = _lookup_from(certificates)(claims.cert_fingerprint)
    if cert is None or fingerprint(cert) != claims.cert_fingerprint:
        return QrVerification(False, "E-QR-UNKNOWN-SIGNER", claims)
    if not verify_message(cert, segment.encode("ascii"), signature):
        return QrVerification(False, "E-QR-BAD-SIGNATURE", claims)
    name = common_name(cert)
    if claims.cert_fingerprint in {f.lower() for f in revoked_fingerprints}:
        return QrVerification(False, "E-QR-CERT-REVOKED", claims, name)
    issued_start = datetime.combine(claims.issued_on, time.min, tzinfo=UTC)
    issued_end = datetime.combine(claims.issued_on, time.max, tzinfo=UTC)
    if issued_end < cert.not_valid_before_utc or issued_start > cert.not_valid_after_utc:
        return QrVerification(False, "E-QR-CERT-EXPIRED", claims, name)
    if expected_digest is not None and expected_digest.lower() != claims.data_digest:
        return QrVerification(False, "E-QR-DATA-MISMATCH", claims, name)
    return QrVerification(True, "OK-QR-VALID", claims, name)


_BYTE_MODE: Literal[4] = 4  # qrcode.util.MODE_8BIT_BYTE, as its stubs type it


def _byte_mode_version(size: int) -> int:
    """The smallest QR version (level M) that holds ``size`` bytes in byte mode.

    qrcode's own fit writes the whole payload bit by bit to count it (a quarter of the
    encoding time); in byte mode the count is a sum."""
    limits = qrcode.util.BIT_LIMIT_TABLE[qrcode.constants.ERROR_CORRECT_M]
    for version in range(1, 41):
        length_bits = qrcode.util.length_in_bits(_BYTE_MODE, version)
        if 4 + length_bits + 8 * size <= limits[version]:
            return version
    raise QrTokenError(problem="too long")


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of ``text`` (error correction M, no quiet zone).

    The mask is fixed: choosing the best of eight costs ~25 ms per code in pure Python and
    any mask gives a valid, readable code."""
    data = qrcode.util.QRData(text.encode("ascii"))  # the mode that fits the text
    byte_mode = data.mode == _BYTE_MODE  # every URL with a token
    code = qrcode.QRCode(
        version=_byte_mode_version(len(data)) if byte_mode else None,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=0,
        mask_pattern=4,
    )
    code.add_data(data)
    code.make(fit=not byte_mode)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]
