"""Death rules: death before birth, late registration (15 days), declarant."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_date, get_obj, get_str, get_time_of_death
from desktop_app.domain.check import Check
from desktop_app.domain.issues import Issue

NOT_LATE_KINDS = frozenset({"re_registration", "recorded_from_abroad"})
DEATH_DECLARANTS = frozenset(
    {"spouse", "child", "mother", "father", "sibling", "grandparent", "grandchild", "relative"}
)


def rule_death_before_birth(c: Check) -> Iterator[Issue]:
    dob = get_date(c.data, "deceased.date_of_birth")
    tod = get_time_of_death(c.data, "time_of_death")
    if dob is not None and tod is not None and tod.date.latest < dob.earliest:
        code = "W-LEGACY-ORDER" if c.historical else "E-DEATH-BEFORE-BIRTH"
        yield Issue.of(code, "time_of_death", event_field="deceased.date_of_birth")


def rule_late(c: Check) -> Iterator[Issue]:
    if c.historical or get_str(c.data, "registration_kind") in NOT_LATE_KINDS:
        return
    tod = get_time_of_death(c.data, "time_of_death")
    if tod is None:
        return
    days = (c.registration_date - tod.date.latest).days
    if days > c.t.death_late_days:
        yield Issue.of("W-KT-LATE", "registered_on", days=days, limit=c.t.death_late_days)


def rule_declarant(c: Check) -> Iterator[Issue]:
    """No declarant at all is fine: the officer registers on their own initiative (L60 Art 33)."""
    declarant = get_obj(c.data, "declarant")
    if c.historical or declarant is None:
        return
    relationship = get_str(declarant, "relationship")
    if relationship not in DEATH_DECLARANTS:
        yield Issue.of("W-KT-DECLARANT", "declarant.relationship", relationship=relationship or "")


DEATH_RULES = (rule_death_before_birth, rule_late, rule_declarant)
