"""Typed errors of the signing package.

Like every :class:`desktop_app.errors.HotichError` they carry a code and data, never
sentences or personal data; :mod:`signing.messages` holds the texts.
"""

from __future__ import annotations

from desktop_app.errors import HotichError


class SigningError(HotichError):
    """Base of the signing package's errors."""

    code = "E-SIGNING"


class Pkcs12PasswordError(SigningError):
    """The PKCS#12 password is wrong."""

    code = "E-P12-PASSWORD"


class Pkcs12InvalidError(SigningError):
    """The file is not a readable PKCS#12 archive. params: problem."""

    code = "E-P12-INVALID"


class Pkcs12NoKeyError(SigningError):
    """The archive holds no private key or no certificate."""

    code = "E-P12-NO-KEY"


class KeyMismatchError(SigningError):
    """The private key does not belong to the certificate."""

    code = "E-P12-KEY-MISMATCH"


class UnsupportedKeyError(SigningError):
    """Only RSA (2048 bits and more) and ECDSA P-256/P-384/P-521 keys sign. params: key_type."""

    code = "E-CERT-KEY-TYPE"


class CertificateExpiredError(SigningError):
    """params: not_after (aware datetime)."""

    code = "E-CERT-EXPIRED"


class CertificateNotYetValidError(SigningError):
    """params: not_before (aware datetime)."""

    code = "E-CERT-NOT-YET-VALID"


class CertificateKeyUsageError(SigningError):
    """Neither digitalSignature nor nonRepudiation is allowed by the certificate."""

    code = "E-CERT-KEY-USAGE"


class CertificateChainError(SigningError):
    """An issuing CA certificate is missing (neither in the archive nor the trust folder)."""

    code = "E-CERT-CHAIN"


class CertificateUntrustedError(SigningError):
    """The chain is complete but its root is not in the trusted roots folder."""

    code = "E-CERT-UNTRUSTED"


class CertificateChainInvalidError(SigningError):
    """The chain does not validate (signature, CA constraints, CA expired). params: problem."""

    code = "E-CERT-CHAIN-INVALID"


class CertificateRevokedError(SigningError):
    """The certificate is on the revoked list pulled from the central system."""

    code = "E-CERT-REVOKED"


class TrustStoreError(SigningError):
    """A file in the trusted roots folder cannot be read. params: path."""

    code = "E-TRUST-FILE"


class RecordNotRenderableError(SigningError):
    """The record cannot be rendered. params: problem (e.g. unknown type)."""

    code = "E-EXTRACT-RECORD"


class PdfSigningError(SigningError):
    """pyHanko failed to sign. params: problem (a class name, no data)."""

    code = "E-PDF-SIGN"


class TimestampError(SigningError):
    """The timestamp server could not be reached or answered badly. params: problem."""

    code = "E-TSA"


class QrTokenError(SigningError):
    """A QR token could not be made. params: problem."""

    code = "E-QR-MAKE"
