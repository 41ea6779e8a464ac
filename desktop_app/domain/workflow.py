"""Record workflow as pure functions: statuses, who may move a record where, and the approval
rules (no officer approves, nobody approves their own entry, four eyes on historical entries,
a supervisor's reason for every warning).

draft -> submitted -> approved -> signed -> queued -> synced, rejected on refusal or by the
centre; a birth approved without its personal ID waits in awaiting_personal_id until sync
returns the number, then is approved (ready to sign) again;
a queued record waits in awaiting_central_support while the centre lacks its procedure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import (
    ImmutableRecordError,
    NotHistoricalError,
    OverrideMissingError,
    OverrideNotAllowedError,
    PermissionDeniedError,
    PersonalIdMissingError,
    RecordHasErrorsError,
    ReopenRefusedError,
    SelfApprovalError,
    SelfVerificationError,
    TransitionNotAllowedError,
    VerificationRequiredError,
)
from desktop_app.domain.issues import OVERRIDE_FIELD_SEPARATOR, Issue, override_key
from desktop_app.domain.record_types import RecordType


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    AWAITING_PERSONAL_ID = "awaiting_personal_id"
    AWAITING_CENTRAL_SUPPORT = "awaiting_central_support"
    SIGNED = "signed"
    QUEUED = "queued"
    SYNCED = "synced"
    REJECTED = "rejected"


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SYSTEM = "system"  # sync and other automatic steps, never a person


_STAFF = frozenset({Role.OFFICER, Role.SUPERVISOR})
_SUPERVISOR = frozenset({Role.SUPERVISOR})
_SYSTEM = frozenset({Role.SYSTEM})

TRANSITIONS: dict[tuple[Status, Status], frozenset[Role]] = {
    (Status.DRAFT, Status.SUBMITTED): _STAFF,
    (Status.SUBMITTED, Status.DRAFT): _STAFF,  # withdrawn or returned for fixes
    (Status.SUBMITTED, Status.APPROVED): _SUPERVISOR,
    (Status.SUBMITTED, Status.REJECTED): _SUPERVISOR,  # written refusal (L60 Art 5.2)
    (Status.APPROVED, Status.AWAITING_PERSONAL_ID): _SYSTEM,  # birth sent for its number
    # Sync brings the personal ID back: the birth is ready to sign, in the "to sign" list.
    (Status.AWAITING_PERSONAL_ID, Status.APPROVED): _SYSTEM,
    (Status.AWAITING_PERSONAL_ID, Status.SIGNED): _SUPERVISOR,  # once the number is back
    (Status.AWAITING_PERSONAL_ID, Status.REJECTED): _SYSTEM,
    (Status.APPROVED, Status.SIGNED): _SUPERVISOR,
    # A historical entry leaves at approval (no extract to sign first): the centre's answer
    # settles it.
    (Status.APPROVED, Status.SYNCED): _SYSTEM,
    (Status.APPROVED, Status.REJECTED): _SYSTEM,
    (Status.SIGNED, Status.QUEUED): _SYSTEM,
    (Status.QUEUED, Status.SYNCED): _SYSTEM,
    (Status.QUEUED, Status.REJECTED): _SYSTEM,
    (Status.QUEUED, Status.AWAITING_CENTRAL_SUPPORT): _SYSTEM,
    (Status.AWAITING_CENTRAL_SUPPORT, Status.QUEUED): _SYSTEM,
    # The centre's answer to an item re-sent once it supports the procedure.
    (Status.AWAITING_CENTRAL_SUPPORT, Status.SYNCED): _SYSTEM,
    (Status.AWAITING_CENTRAL_SUPPORT, Status.REJECTED): _SYSTEM,
    # Corrected after a central rejection, as a new version (check_reopen says when).
    (Status.REJECTED, Status.DRAFT): _STAFF,
}

EDITABLE_STATUSES = frozenset({Status.DRAFT})
REGISTERED_STATUSES = frozenset(
    {
        Status.APPROVED,
        Status.AWAITING_PERSONAL_ID,
        Status.SIGNED,
        Status.QUEUED,
        Status.AWAITING_CENTRAL_SUPPORT,
        Status.SYNCED,
    }
)


def allowed_transition(
    from_status: Status | str, to_status: Status | str, role: Role | str
) -> bool:
    try:
        key = (Status(from_status), Status(to_status))
        return Role(role) in TRANSITIONS.get(key, frozenset())
    except ValueError:
        return False


def next_statuses(from_status: Status | str, role: Role | str) -> list[Status]:
    """Where a role may move a record from a status (for menus and buttons)."""
    return [
        to for (frm, to) in TRANSITIONS if allowed_transition(frm, to, role) and frm == from_status
    ]


def check_transition(from_status: Status | str, to_status: Status | str, role: Role | str) -> None:
    """Raises TransitionNotAllowedError (no such step) or PermissionDeniedError (not this role)."""
    try:
        key = (Status(from_status), Status(to_status))
    except ValueError:
        raise TransitionNotAllowedError(
            from_status=str(from_status), to_status=str(to_status)
        ) from None
    if key not in TRANSITIONS:
        raise TransitionNotAllowedError(from_status=str(key[0]), to_status=str(key[1]))
    if not allowed_transition(*key, role):
        raise PermissionDeniedError(action=f"{key[0]}->{key[1]}", role=str(role))


def check_reopen(status: Status | str, role: Role | str, *, rejected_centrally: bool) -> None:
    """A record the central system rejected goes back to draft to be corrected and sent again
    as a new version; a supervisor's written refusal is final (a new application is a new
    record)."""
    if not rejected_centrally:
        raise ReopenRefusedError()
    check_transition(status, Status.DRAFT, role)


def status_after_approval(rt: RecordType | str, *, has_personal_id: bool) -> Status:
    """A birth without its personal ID waits for it; everything else is ready to sign."""
    if RecordType(rt) is RecordType.BIRTH and not has_personal_id:
        return Status.AWAITING_PERSONAL_ID
    return Status.APPROVED


@dataclass(frozen=True)
class Actor:
    username: str
    role: Role


@dataclass(frozen=True)
class RecordFacts:
    """What the workflow rules need to know about a record."""

    record_type: RecordType
    status: Status
    historical: bool
    entered_by: str
    verified_by: str | None = None
    has_personal_id: bool = False


@dataclass(frozen=True)
class Override:
    """A supervisor's reason for accepting one warning; ``field`` is the path it concerns
    (two under-age spouses are two warnings of one rule, each accepted on its own)."""

    rule: str
    reason: str
    field: str = ""


def ensure_editable(status: Status | str) -> None:
    """E-IMMUTABLE: only drafts are edited in place; a registered entry is corrected by a new
    linked record (TT04 Art 35)."""
    if Status(status) not in EDITABLE_STATUSES:
        raise ImmutableRecordError(status=str(status))


def check_submit(facts: RecordFacts, actor: Actor, issues: Sequence[Issue]) -> None:
    check_transition(facts.status, Status.SUBMITTED, actor.role)
    _no_errors(issues)


def check_verify(facts: RecordFacts, verifier: Actor) -> None:
    """Four eyes on historical entries: a second officer (or supervisor) verifies a submitted
    entry they did not enter."""
    if not facts.historical:
        raise NotHistoricalError()
    if verifier.role not in _STAFF:
        raise PermissionDeniedError(action="verify", role=str(verifier.role))
    if facts.status is not Status.SUBMITTED:
        raise TransitionNotAllowedError(from_status=str(facts.status), to_status="verified")
    if verifier.username == facts.entered_by:
        raise SelfVerificationError()


def _no_errors(issues: Sequence[Issue]) -> None:
    errors = sorted({i.code for i in issues if i.is_error})
    if errors:
        raise RecordHasErrorsError(rules=errors)


def _covers(key: str, issue: Issue) -> bool:
    """An override key names a rule ("W-MARR-AGE", every field it concerns), a family
    ("W-LEGACY-*") or one warning ("W-MARR-AGE@wife.date_of_birth")."""
    rule, sep, path = key.partition(OVERRIDE_FIELD_SEPARATOR)
    if sep:
        return rule == issue.code and path == issue.field
    return rule == issue.code or (rule.endswith("*") and issue.code.startswith(rule[:-1]))


def _is_exact(key: str) -> bool:
    return OVERRIDE_FIELD_SEPARATOR in key


def check_approve(
    facts: RecordFacts,
    approver: Actor,
    issues: Sequence[Issue],
    overrides: Mapping[str, str],
) -> list[Override]:
    """The overrides to record, one per warning (rule and field); raises if approval is not
    allowed.

    A key names a rule (covering each field it is raised on), a family ending in "*"
    ("W-LEGACY-*") or one warning, rule@field (override_key). A reason given for one warning
    wins over its rule's. Every warning needs a non-blank reason; overrides of errors or of
    rules the record does not raise are refused.
    """
    if approver.role is not Role.SUPERVISOR:
        raise PermissionDeniedError(action="approve", role=str(approver.role))
    check_transition(facts.status, Status.APPROVED, approver.role)
    if approver.username == facts.entered_by:
        raise SelfApprovalError()
    if facts.historical and not facts.verified_by:
        raise VerificationRequiredError()
    _no_errors(issues)
    warnings = list({(i.code, i.field): i for i in issues if i.is_warning}.values())
    reasons = {key.strip(): reason.strip() for key, reason in overrides.items()}
    invalid = sorted(k for k in reasons if not any(_covers(k, w) for w in warnings))
    if invalid:
        raise OverrideNotAllowedError(rules=invalid)
    # the most specific key first: one warning's own reason, then its rule's
    ordered = sorted(reasons.items(), key=lambda kv: not _is_exact(kv[0]))
    recorded: list[Override] = []
    unexplained: list[Issue] = []
    for warning in warnings:
        reason = next((text for key, text in ordered if _covers(key, warning) and text), None)
        if reason is None:
            unexplained.append(warning)
        else:
            recorded.append(Override(warning.code, reason, warning.field))
    if unexplained:
        raise OverrideMissingError(rules=_missing_keys(warnings, unexplained))
    return recorded


def _missing_keys(warnings: Sequence[Issue], unexplained: Sequence[Issue]) -> list[str]:
    """What still needs a reason: a rule none of whose warnings has one is named alone (the
    key the command line takes), otherwise each of its warnings left, as rule@field."""
    keys: list[str] = []
    for code in dict.fromkeys(w.code for w in unexplained):
        left = [w for w in unexplained if w.code == code]
        if len(left) == sum(w.code == code for w in warnings):
            keys.append(code)
        else:
            keys += [override_key(w) for w in left]
    return keys


def check_sign(facts: RecordFacts, signer: Actor) -> None:
    """Signing (the extract / certificate). A birth is signed once its personal ID is back."""
    if signer.role is not Role.SUPERVISOR:
        raise PermissionDeniedError(action="sign", role=str(signer.role))
    if facts.record_type is RecordType.BIRTH and not facts.has_personal_id:
        raise PersonalIdMissingError()
    check_transition(facts.status, Status.SIGNED, signer.role)
