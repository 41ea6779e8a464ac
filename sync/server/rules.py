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


def check_record(record_type: str, data: dict[str, object], *, historical: bool,
                 today: date) -> RuleOutcome:
    from desktop_app.domain import issue_message, validate
    from desktop_app.domain.errors import UnknownRecordTypeError

    try:
        # The item's data is parsed JSON (pydantic keeps it as dict[str, object]).
        issues = validate(record_type, cast("JSONValue", data), historical=historical,
                          today=today)
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
