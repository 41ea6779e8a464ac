"""Typed errors raised by the pure domain functions (workflow, numbering, integrity).

Like every HotichError they carry a code and params, never sentences or personal data.
"""

from __future__ import annotations

from desktop_app.errors import HotichError, PermissionDeniedError


class DomainError(HotichError):
    code = "E-DOMAIN"


class UnknownRecordTypeError(DomainError):
    """params: record_type."""

    code = "E-RECORD-TYPE"


class RecordInvalidError(DomainError):
    """Saving refused: the record has errors. params: rules (codes), fields (paths)."""

    code = "E-RECORD-INVALID"


class ImmutableRecordError(DomainError):
    """A registered entry edited in place (TT04 Art 35). params: status."""

    code = "E-IMMUTABLE"


class SignerConflictError(DomainError):
    """The signer or officer is a party or a relative (L60 Art 12.1.h). params: parties."""

    code = "E-SIGNER-CONFLICT"


class TransitionNotAllowedError(DomainError):
    """params: from_status, to_status."""

    code = "E-TRANSITION"


class ReopenRefusedError(DomainError):
    """Only a record the central system rejected can be corrected and sent again."""

    code = "E-REOPEN-REFUSED"


class SelfApprovalError(DomainError):
    code = "E-SELF-APPROVAL"


class SelfVerificationError(DomainError):
    code = "E-SELF-VERIFY"


class VerificationRequiredError(DomainError):
    """A historical entry needs a second officer's verification before approval."""

    code = "E-VERIFY-REQUIRED"


class NotHistoricalError(DomainError):
    """Verification applies to historical entries only."""

    code = "E-NOT-HISTORICAL"


class OverrideMissingError(DomainError):
    """params: rules (warning codes without a reason)."""

    code = "E-OVERRIDE-MISSING"


class OverrideNotAllowedError(DomainError):
    """An override for an error or for a rule the record does not raise. params: rules."""

    code = "E-OVERRIDE-INVALID"


class RecordHasErrorsError(DomainError):
    """Approval refused while the record still has errors. params: rules."""

    code = "E-HAS-ERRORS"


class PersonalIdMissingError(DomainError):
    """A birth certificate cannot be signed before the personal ID comes back."""

    code = "E-AWAITING-PERSONAL-ID"


class NumberBlockExhaustedError(DomainError):
    """params: end."""

    code = "E-NUMBER-BLOCK-EXHAUSTED"


class NoNumberBlockError(DomainError):
    """An enrolled device that has not leased any block of this book yet."""

    code = "E-NUMBER-BLOCK-NONE"


class InvalidNumberBlockError(DomainError):
    code = "E-NUMBER-BLOCK-INVALID"


__all__ = [
    "DomainError",
    "ImmutableRecordError",
    "InvalidNumberBlockError",
    "NotHistoricalError",
    "NumberBlockExhaustedError",
    "NoNumberBlockError",
    "OverrideMissingError",
    "OverrideNotAllowedError",
    "PermissionDeniedError",
    "PersonalIdMissingError",
    "RecordHasErrorsError",
    "RecordInvalidError",
    "SelfApprovalError",
    "SelfVerificationError",
    "SignerConflictError",
    "TransitionNotAllowedError",
    "UnknownRecordTypeError",
    "VerificationRequiredError",
]
