"""validate(): every rule of domain.md for a record, as a list of Issues; prepare_record():
NFC and pre-2025 address conversion before saving.

Validation never raises on arbitrary JSON: structure problems are reported as issues, and a
rule that fails unexpectedly is logged (its name only) and reported as E-RULE-FAILED.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from desktop_app.domain.access import get_date, get_str
from desktop_app.domain.addresses import convert_legacy_address, resolve_place
from desktop_app.domain.check import Check, Rule
from desktop_app.domain.context import ValidationContext
from desktop_app.domain.fields import FieldKind
from desktop_app.domain.issues import Issue, Severity
from desktop_app.domain.lunar import complete_lunar_dates
from desktop_app.domain.record_types import RecordType, record_type
from desktop_app.domain.rules_birth import BIRTH_RULES
from desktop_app.domain.rules_change import CHANGE_RULES
from desktop_app.domain.rules_common import COMMON_RULES, VIETNAM
from desktop_app.domain.rules_death import DEATH_RULES
from desktop_app.domain.rules_guardianship import GUARDIANSHIP_RULES
from desktop_app.domain.rules_historical import HISTORICAL_RULES
from desktop_app.domain.rules_lunar import LUNAR_RULES
from desktop_app.domain.rules_marriage import MARRIAGE_RULES
from desktop_app.domain.rules_recognition import RECOGNITION_RULES
from desktop_app.domain.rulesets import RULE_SETS, ruleset_for
from desktop_app.domain.structure import check_structure
from desktop_app.domain.text import nfc, nfc_deep
from desktop_app.domain.types import JSONObject, JSONValue

log = logging.getLogger(__name__)

TYPE_RULES: dict[RecordType, tuple[Rule, ...]] = {
    RecordType.BIRTH: BIRTH_RULES,
    RecordType.DEATH: DEATH_RULES,
    RecordType.MARRIAGE: MARRIAGE_RULES,
    RecordType.RECOGNITION: RECOGNITION_RULES,
    RecordType.CHANGE: CHANGE_RULES,
    RecordType.GUARDIANSHIP: GUARDIANSHIP_RULES,
}

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def rules_for(rt: RecordType) -> tuple[Rule, ...]:
    return (*COMMON_RULES, *TYPE_RULES[rt], *HISTORICAL_RULES, *LUNAR_RULES)


_RULES = {rt: rules_for(rt) for rt in TYPE_RULES}


def validate(
    record_type_: RecordType | str,
    data: JSONValue,
    *,
    historical: bool = False,
    today: date,
    context: ValidationContext | None = None,
) -> list[Issue]:
    """All findings for a record: errors first, then warnings, then info, each once.

    ``today`` is the device date (dates after it are E-DATE-FUTURE); the rule set is the one in
    force on the registration date (``registered_on``, else today). Raises only
    UnknownRecordTypeError.
    """
    rt = record_type(record_type_)
    return validate_prepared(rt, nfc_deep(data), historical=historical, today=today,
                             context=context)


def validate_prepared(
    rt: RecordType,
    data: JSONValue,
    *,
    historical: bool = False,
    today: date,
    context: ValidationContext | None = None,
) -> list[Issue]:
    """validate() of data already in NFC (what prepare_record returns): the same findings,
    without normalising every string a second time (a bulk import validates each prepared
    entry once). ``data`` is read, never changed."""
    issues = check_structure(rt, data, historical=historical, today=today)
    if isinstance(data, dict):
        reg = get_date(data, "registered_on")
        check = Check(
            rt,
            data,
            historical,
            today,
            context or ValidationContext(),
            ruleset_for(reg.earliest if reg is not None else today),
        )
        for rule in _RULES[rt]:
            issues.extend(_run(rule, check))
    return _ordered(issues)


def _run(rule: Rule, check: Check) -> list[Issue]:
    try:
        return list(rule(check))
    except Exception:  # noqa: BLE001 - report, never crash a save on an unforeseen shape
        log.exception("validation rule failed: %s", rule.__name__)
        return [Issue.of("E-RULE-FAILED", "", rule=rule.__name__)]


def _ordered(issues: Iterable[Issue]) -> list[Issue]:
    unique: dict[tuple[str, str], Issue] = {}
    for issue in issues:
        unique.setdefault((issue.code, issue.field), issue)
    return sorted(unique.values(), key=lambda i: _SEVERITY_ORDER[i.severity])


def prepare_record(record_type_: RecordType | str, data: JSONObject) -> JSONObject:
    """The record as it is stored: NFC everywhere, and each pre-2025 address typed as text
    given its 2025 ``commune_code`` (with ``converted: true``), or only its 2025
    ``province_code`` when no more can be told, the text kept in ``as_written``.

    Pure: returns a new dict, the input is not changed. Validate the result, not the input.
    """
    rt = record_type(record_type_)
    prepared = nfc_deep(data)  # a new structure: every object and list is a copy
    if not isinstance(prepared, dict):
        return data
    if "lunar_dates" in prepared:  # given as written only (an import): converted here
        complete_lunar_dates(prepared)
    probe = Check(rt, prepared, False, date.min, ValidationContext(), RULE_SETS[-1])
    for _path, address in probe.values_of_kind(FieldKind.ADDRESS):
        if not isinstance(address, dict) or address.get("commune_code") not in (None, ""):
            continue
        country = get_str(address, "country")
        text = get_str(address, "as_written")
        if text is None or (country is not None and country.upper() not in VIETNAM):
            continue
        converted = convert_legacy_address(text)
        if converted is None:
            place = resolve_place(text)  # only the province can be told: kept beside the text
            if place is not None and place.province is not None:
                address["province_code"] = place.province.code
            continue
        address["commune_code"] = converted.commune_code
        address["converted"] = True
        if converted.detail and not get_str(address, "detail"):
            address["detail"] = nfc(converted.detail)  # NFC like every stored text
    return prepared
