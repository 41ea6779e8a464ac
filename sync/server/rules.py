"""The one place where the central server applies the domain rules (desktop_app.domain).

Errors reject an item, warnings are accepted and reported back. If the domain API changes, only
this module adapts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from desktop_app.domain.types import JSONValue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    rule: str
    field: str
    message: str  # Vietnamese
    message_en: str


@dataclass(frozen=True)
class RuleOutcome:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class HeldHere:
    """The latest accepted version of the record an item points at (a recognised child's
    birth, a correction's original), as the centre holds it for the commune."""

    record_id: str
    record_type: str
    data: dict[str, object]


def check_record(record_type: str, data: dict[str, object], *, historical: bool,
                 today: date, record_id: str | None = None,
                 target: HeldHere | None = None) -> RuleOutcome:
    """The domain's findings; ``target`` lets the relation rules (issue 15) compare the item
    with the record it points at, when two devices each hold half of the story."""
    from desktop_app.domain import HeldRecord, ValidationContext, issue_message, validate
    from desktop_app.domain.errors import UnknownRecordTypeError

    context = None
    if target is not None:
        number = target.data.get("registration_number")
        registered_on = target.data.get("registered_on")
        context = ValidationContext(record_id=record_id, target=HeldRecord(
            target.record_id, target.record_type, "synced",
            cast("dict[str, JSONValue]", target.data),
            registration_number=str(number) if number not in (None, "") else None,
            registered_on=str(registered_on) if registered_on not in (None, "") else None))
    try:
        # The item's data is parsed JSON (pydantic keeps it as dict[str, object]).
        issues = validate(record_type, cast("JSONValue", data), historical=historical,
                          today=today, context=context)
    except UnknownRecordTypeError:
        return RuleOutcome(errors=[Finding("E-RECORD-TYPE", "type", "Loại hồ sơ không hợp lệ.",
                                           "Unknown record type.")])
    errors: list[Finding] = []
    warnings: list[Finding] = []
    for issue in issues:
        finding = Finding(issue.code, issue.field,
                          issue_message(record_type, issue, lang="vi"),
                          issue_message(record_type, issue, lang="en"))
        if issue.is_error:
            errors.append(finding)
        elif issue.is_warning:
            warnings.append(finding)
    return RuleOutcome(errors, warnings)
