"""Typed errors of the core.

Errors carry a stable code and data, never sentences: one place per front end (the CLI's
`desktop_app.cli.main`, the UI's `ui.errors`, the server's error handlers) turns them into
Vietnamese or English text through the message catalogues. ``str(error)`` is only the code,
so an exception that reaches a log never carries personal data; any other exception is an
incident (desktop_app.incidents), logged without its message.
"""

from __future__ import annotations

from collections.abc import Mapping


class HotichError(Exception):
    """Base of every error a user can cause or fix. ``code`` keys the message catalogue."""

    code = "E-UNKNOWN"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        if code is not None:
            self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.code)

    def __str__(self) -> str:
        return self.code


class UsageError(HotichError):
    code = "E-USAGE"


class NotInitialisedError(HotichError):
    code = "E-NOT-INITIALISED"


class AlreadyInitialisedError(HotichError):
    code = "E-ALREADY-INITIALISED"


class WrongPasswordError(HotichError):
    code = "E-WRONG-PASSWORD"


class WrongRecoveryCodeError(HotichError):
    code = "E-WRONG-RECOVERY-CODE"


class AccountLockedError(HotichError):
    """params: until (aware datetime)."""

    code = "E-ACCOUNT-LOCKED"


class AccountDisabledError(HotichError):
    code = "E-ACCOUNT-DISABLED"


class UnknownAccountError(HotichError):
    code = "E-UNKNOWN-ACCOUNT"


class AccountExistsError(HotichError):
    code = "E-ACCOUNT-EXISTS"


class PermissionDeniedError(HotichError):
    """params: action (what was refused), role (the actor's role)."""

    code = "E-PERMISSION"


class WeakPasswordError(HotichError):
    """params: min_length."""

    code = "E-WEAK-PASSWORD"


class StoreDamagedError(HotichError):
    """The database cannot be read (page-level damage, wrong file). params: detail."""

    code = "E-STORE-DAMAGED"


class DiskFullError(HotichError):
    """A write failed because the disk is full (never damage: nothing saved is lost).
    params: free."""

    code = "E-DISK-FULL"


class DiskNoRoomError(HotichError):
    """A large write refused before it starts: it cannot fit. params: needed, free."""

    code = "E-DISK-NO-ROOM"


class StoreFromNewerVersionError(HotichError):
    """The data folder was upgraded by a newer program. params: version, backups."""

    code = "E-STORE-NEWER"


class AuditChainBrokenError(HotichError):
    """params: seq (first broken entry), problem."""

    code = "E-AUDIT-BROKEN"


class BackupInvalidError(HotichError):
    """params: problem."""

    code = "E-BACKUP-INVALID"


class NotFoundError(HotichError):
    """params: what, key."""

    code = "E-NOT-FOUND"


class WrongCurrentPasswordError(WrongPasswordError):
    """Changing one's own password: the current password given is not the account's."""

    code = "E-WRONG-CURRENT-PASSWORD"


class AttachmentTooLargeError(HotichError):
    """params: size_mb, limit_mb."""

    code = "E-ATTACHMENT-TOO-LARGE"


class AttachmentTypeError(HotichError):
    """A file that is neither a JPEG or PNG image nor a PDF."""

    code = "E-ATTACHMENT-TYPE"


class Cancelled(HotichError):
    code = "E-CANCELLED"


# -- sync (raised by the sync workflows; sync.errors has the transport's) -----------------------
class SyncError(HotichError):
    code = "E-SYNC"


class NotEnrolledError(SyncError):
    code = "E-SYNC-NOT-ENROLLED"


class AnswerMismatchError(SyncError):
    """The centre's answer names items, records or versions other than those sent (a faulty
    proxy or server): refused whole, nothing applied."""

    code = "E-SYNC-ANSWER-MISMATCH"


class SyncBudgetError(SyncError):
    """A sync ran past its time budget (a stalled or endless link); what was answered is
    kept, the rest stays queued. params: seconds."""

    code = "E-SYNC-BUDGET"


class AlreadyEnrolledError(SyncError):
    """params: device_id."""

    code = "E-SYNC-ALREADY-ENROLLED"


class OfficeMismatchError(SyncError):
    """A device asked for something of another commune. params: office."""

    code = "E-SYNC-OFFICE-MISMATCH"
