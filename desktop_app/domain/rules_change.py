"""Change / correction / supplement / ethnicity re-determination: from -> to and basis
(E-NO-BASIS), consent of the person for a name change at 9+ and an ethnicity at 15-18."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_obj, get_str, is_blank
from desktop_app.domain.check import Check, is_true, person_age_range
from desktop_app.domain.issues import Issue

NAME_FIELDS = frozenset({"full_name", "family_name", "middle_name", "given_name"})


def _changed_fields(c: Check) -> list[str]:
    changes = c.data.get("changes")
    if not isinstance(changes, list):
        return []
    return [
        field.rsplit(".", 1)[-1]
        for item in changes
        if isinstance(item, dict) and isinstance(field := item.get("field"), str)
    ]


def rule_from_to_basis(c: Check) -> Iterator[Issue]:
    code = "W-LEGACY-MISSING" if c.historical else "E-NO-BASIS"
    kind = get_str(c.data, "kind")
    changes = c.data.get("changes")
    if not isinstance(changes, list) or not any(isinstance(i, dict) for i in changes):
        yield Issue.of(code, "changes")
    else:
        for index, item in enumerate(changes):
            if not isinstance(item, dict):
                continue
            if is_blank(item.get("to")):
                yield Issue.of(code, f"changes[{index}].to")
            if kind != "supplement" and is_blank(item.get("from")):
                yield Issue.of(code, f"changes[{index}].from")
    basis = get_obj(c.data, "basis")
    if basis is None or (get_str(basis, "kind") is None and get_str(basis, "number") is None):
        yield Issue.of(code, "basis")


def _age(c: Check) -> tuple[int, int] | None:
    subject = get_obj(c.data, "subject")
    return person_age_range(subject, c.registration_date) if subject is not None else None


def rule_consent(c: Check) -> Iterator[Issue]:
    if is_true(c.data, "consent_given"):
        return
    ages = _age(c)
    if ages is None:
        return
    youngest, oldest = ages
    kind = get_str(c.data, "kind")
    fields = set(_changed_fields(c))
    if kind == "change" and fields & NAME_FIELDS and oldest >= c.t.name_change_consent_age:
        yield Issue.of("W-NAME-CHANGE-CONSENT", "consent_given", age=oldest)
    ethnic = kind == "ethnicity_redetermination" or "ethnicity" in fields
    if ethnic and oldest >= c.t.ethnic_consent_from and youngest < c.t.ethnic_consent_until:
        yield Issue.of("W-ETHNIC-CONSENT", "consent_given", age=youngest)


CHANGE_RULES = (rule_from_to_basis, rule_consent)
