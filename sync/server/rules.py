"""The one place where the central server applies the domain rules (desktop_app.domain).

Errors reject an item, warnings are accepted and reported back. If the domain API changes, only
this module adapts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from desktop_app.domain import HeldRecord
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
    earlier: tuple[dict[str, object], ...] = ()  # its earlier versions, oldest first


def _number(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    return str(value) if value not in (None, "") else None


def _original_id(data: dict[str, object]) -> str | None:
    ref = data.get("original_record")
    value = ref.get("record_id") if isinstance(ref, dict) else ref
    return value if isinstance(value, str) and value else None


def _ends(guardianships: Sequence[HeldHere], record_id: str | None) -> dict[str, list[str]]:
    """Guardianship id -> the numbers of the accepted terminations that end it."""
    ends: dict[str, list[str]] = {}
    for g in guardianships:
        original = _original_id(g.data)
        if g.data.get("kind") == "termination" and original and g.record_id != record_id:
            ends.setdefault(original, []).append(_number(g.data, "registration_number")
                                                 or g.record_id)
    return ends


def _held(target: HeldHere, ends: dict[str, list[str]]) -> HeldRecord:
    from desktop_app.domain import HeldRecord

    return HeldRecord(target.record_id, target.record_type, "synced",
                      cast("dict[str, JSONValue]", target.data),
                      registration_number=_number(target.data, "registration_number"),
                      registered_on=_number(target.data, "registered_on"),
                      ended_by=tuple(ends.get(target.record_id, ())),
                      earlier=tuple(cast("dict[str, JSONValue]", d) for d in target.earlier))


def _wards(data: dict[str, object], guardianships: Sequence[HeldHere],
           record_id: str | None) -> tuple[HeldRecord, ...]:
    """The commune's guardianships in force of the same ward (one guardian per ward)."""
    from desktop_app.domain import PartySummary, same_person

    ward = data.get("ward")
    if not isinstance(ward, dict):
        return ()
    wanted = PartySummary.from_person(cast("dict[str, JSONValue]", ward))
    ends = _ends(guardianships, record_id)
    found = []
    for g in guardianships:
        other = g.data.get("ward")
        if (g.record_id == record_id or g.data.get("kind") == "termination"
                or g.record_id in ends or not isinstance(other, dict)):
            continue
        if wanted.is_known and same_person(
                wanted, PartySummary.from_person(cast("dict[str, JSONValue]", other))):
            found.append(_held(g, ends))
    return tuple(found)


def check_record(record_type: str, data: dict[str, object], *, historical: bool,
                 today: date, record_id: str | None = None,
                 target: HeldHere | None = None,
                 guardianships: Sequence[HeldHere] = ()) -> RuleOutcome:
    """The domain's findings; ``target`` lets the relation rules (issue 15) compare the item
    with the record it points at, when two devices each hold half of the story."""
    from desktop_app.domain import ValidationContext, issue_message, validate
    from desktop_app.domain.errors import UnknownRecordTypeError

    context = None
    if target is not None or guardianships:
        context = ValidationContext(
            record_id=record_id,
            target=_held(target, _ends(guardianships, record_id)) if target else None,
            ward_guardianships=_wards(data, guardianships, record_id)
            if record_type == "guardianship" and data.get("kind") != "termination" else ())
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
