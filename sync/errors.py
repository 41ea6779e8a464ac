"""Typed sync errors. Library exceptions are wrapped at the edge (``raise X(...) from exc``);
params carry codes, URLs and ids, never personal data (see desktop_app.errors)."""

from __future__ import annotations

# These four live in the core (its enrolment and sync workflows raise them): the same classes.
from desktop_app.errors import AlreadyEnrolledError as AlreadyEnrolledError
from desktop_app.errors import NotEnrolledError as NotEnrolledError
from desktop_app.errors import OfficeMismatchError as OfficeMismatchError
from desktop_app.errors import SyncError as SyncError


class ServerUnreachableError(SyncError):
    """The server could not be reached (DNS, refused, reset, timeout). params: url."""

    code = "E-SYNC-UNREACHABLE"

    def __init__(self, url: str, **params: object) -> None:
        super().__init__(url=url, **params)


class TlsVerificationError(SyncError):
    """The server's certificate did not verify against the trusted CA. params: url."""

    code = "E-SYNC-TLS"

    def __init__(self, url: str) -> None:
        super().__init__(url=url)


class ServerError(SyncError):
    """The server answered 5xx (or garbage) after every retry. params: url, status."""

    code = "E-SYNC-SERVER"


class ProtocolError(SyncError):
    """The answer does not follow the protocol (malformed JSON, missing fields). params: detail."""

    code = "E-SYNC-PROTOCOL"


class EnrolmentCodeInvalidError(SyncError):
    """Unknown, expired or already used one-time code."""

    code = "E-SYNC-ENROL-CODE-INVALID"


class DeviceRevokedError(SyncError):
    code = "E-SYNC-DEVICE-REVOKED"


class UnknownDeviceError(SyncError):
    """The server does not know this device (never enrolled there)."""

    code = "E-SYNC-DEVICE-UNKNOWN"


class RequestSignatureError(SyncError):
    """Missing or wrong device signature, or a body changed on the way."""

    code = "E-SYNC-AUTH-SIGNATURE"


class StaleRequestError(SyncError):
    """The request's timestamp is more than the allowed skew away from the server's clock."""

    code = "E-SYNC-AUTH-STALE"


class ReplayedRequestError(SyncError):
    code = "E-SYNC-AUTH-REPLAY"


class BadRequestError(SyncError):
    """params: detail (a field path or a short reason, never a value)."""

    code = "E-SYNC-BAD-REQUEST"


class UploadOffsetMismatchError(SyncError):
    """params: offset (the server's)."""

    code = "E-SYNC-OFFSET-MISMATCH"


class AttachmentDigestError(SyncError):
    """The uploaded bytes do not hash to the announced SHA-256. params: sha256."""

    code = "E-SYNC-ATTACHMENT-DIGEST"


class AttachmentTooLargeError(SyncError):
    """params: size, limit."""

    code = "E-SYNC-ATTACHMENT-TOO-LARGE"


class BundleInvalidError(SyncError):
    """A USB bundle or answer file that cannot be read or verified. params: problem."""

    code = "E-SYNC-BUNDLE-INVALID"


class RateLimitedError(SyncError):
    """Too many requests of this device for now (HTTP 429). params: retry_after (seconds)."""

    code = "E-SYNC-RATE-LIMITED"


class CentralDatabaseError(SyncError):
    """The central database URL is unusable. params: detail."""

    code = "E-SYNC-DB"


class TlsConfigError(SyncError):
    """--tls-cert/--tls-key missing, unreadable or given alone. params: detail."""

    code = "E-SYNC-TLS-CONFIG"


# Server-side error codes that map to HTTP answers, and back to these classes on the client.
ERRORS_BY_CODE: dict[str, type[SyncError]] = {
    cls.code: cls
    for cls in (
        EnrolmentCodeInvalidError, DeviceRevokedError, UnknownDeviceError,
        RequestSignatureError, StaleRequestError, ReplayedRequestError, BadRequestError,
        OfficeMismatchError, UploadOffsetMismatchError, AttachmentDigestError,
        AttachmentTooLargeError, BundleInvalidError,
    )
}
