"""Guardianship rules: what each kind requires, and guardian / ward eligibility (BLDS 47, 49)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_obj, get_str, is_blank
from desktop_app.domain.check import Check, person_age_range
from desktop_app.domain.issues import Issue


def _missing(c: Check, path: str) -> Issue:
    return Issue.of("W-LEGACY-MISSING" if c.historical else "E-REQUIRED", path)


def rule_kind_requirements(c: Check) -> Iterator[Issue]:
    kind = get_str(c.data, "kind")
    if kind == "termination":
        for path in ("original_record", "termination_reason"):
            if is_blank(c.data.get(path)):
                yield _missing(c, path)
    elif kind == "appointed" and is_blank(c.data.get("basis")):
        yield _missing(c, "basis")


def rule_eligibility(c: Check) -> Iterator[Issue]:
    if get_str(c.data, "kind") == "termination":
        return
    guardian = get_obj(c.data, "guardian")
    if guardian is not None and "full_name" in guardian:
        ages = person_age_range(guardian, c.registration_date)
        if ages is not None and ages[1] < c.t.guardian_min_age:
            yield Issue.of("W-GUARDIAN-ELIG", "guardian.date_of_birth", reason="guardian_minor")
    ward = get_obj(c.data, "ward")
    ages = person_age_range(ward, c.registration_date) if ward is not None else None
    if ages is not None and ages[0] >= 18:
        # An adult ward needs a court decision (loss of capacity, BLDS Art 47.1.b-d).
        yield Issue.of("W-GUARDIAN-ELIG", "ward.date_of_birth", reason="ward_adult")


GUARDIANSHIP_RULES = (rule_kind_requirements, rule_eligibility)
