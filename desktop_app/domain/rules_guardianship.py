"""Guardianship rules: what each kind requires, guardian / ward eligibility (BLDS 47, 49),
one guardian per ward (Art 47.2) and a termination that ends a guardianship in force with a
reason that fits the ward (Art 62)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_obj, get_str, is_blank
from desktop_app.domain.check import Check, forbidden, person_age_range
from desktop_app.domain.context import HeldRecord
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
            # BLDS Art 49.1: full civil capacity; a new appointment is refused.
            if c.historical:
                yield Issue.of("W-GUARDIAN-ELIG", "guardian.date_of_birth",
                               reason="guardian_minor")
            else:
                yield Issue.of("E-GUARDIAN-MINOR", "guardian.date_of_birth", age=ages[1],
                               limit=c.t.guardian_min_age)
    ward = get_obj(c.data, "ward")
    ages = person_age_range(ward, c.registration_date) if ward is not None else None
    if ages is not None and ages[0] >= 18:
        # An adult ward needs a court decision (loss of capacity, BLDS Art 47.1.b-d).
        yield Issue.of("W-GUARDIAN-ELIG", "ward.date_of_birth", reason="ward_adult")


# Art 47.2: the two cases where a ward has more than one guardian at a time.
JOINT_RELATIONSHIPS = frozenset({"parent", "grandparent"})


def _joint(c: Check, other: HeldRecord) -> bool:
    mine = get_str(c.data, "guardian_relationship")
    return mine in JOINT_RELATIONSHIPS and mine == get_str(other.data, "guardian_relationship")


def rule_one_guardian(c: Check) -> Iterator[Issue]:
    if get_str(c.data, "kind") == "termination":
        return
    others = [g for g in c.context.ward_guardianships
              if g.record_id != c.context.record_id and not _joint(c, g)]
    if others:
        held = others[0]
        yield Issue.of(forbidden(c, "GUARD-ONE"), "ward.full_name", number=held.number,
                       guardian=get_str(held.data, "guardian.full_name")
                       or get_str(held.data, "guardian.name") or "")


def rule_termination_target(c: Check) -> Iterator[Issue]:
    """A termination ends a guardianship in force held here; one not held is a warning."""
    if get_str(c.data, "kind") != "termination" or is_blank(c.data.get("original_record")):
        return
    target = c.context.target
    if "original_record.record_id" in c.context.unknown_links:
        return  # E-LINK-NOT-FOUND: the id names no record held here
    if target is None:
        yield Issue.of("W-GUARD-TERM-NOT-HELD", "original_record")
    elif (target.record_type != "guardianship" or not target.registered
          or get_str(target.data, "kind") == "termination"):
        yield Issue.of(forbidden(c, "GUARD-TERM-NOT-ACTIVE"), "original_record",
                       number=target.number, procedure=target.record_type)
    else:
        ended = [n for n in target.ended_by if n != c.context.record_id]
        if ended:
            yield Issue.of(forbidden(c, "GUARD-TERM-ENDED"), "original_record",
                           number=target.number, ended_by=ended,
                           person=get_str(target.data, "ward.full_name") or "")


def rule_termination_reason(c: Check) -> Iterator[Issue]:
    """Art 62.1.a: the ward has full civil capacity only as an adult."""
    if get_str(c.data, "kind") != "termination":
        return
    if get_str(c.data, "termination_reason") != "ward_full_capacity":
        return
    ward = get_obj(c.data, "ward")
    target = c.context.target
    if (ward is None or "date_of_birth" not in ward) and target is not None:
        ward = get_obj(target.data, "ward")
    ages = person_age_range(ward, c.registration_date) if ward is not None else None
    if ages is not None and ages[1] < 18:
        yield Issue.of(forbidden(c, "GUARD-TERM-REASON"), "termination_reason", age=ages[1])


GUARDIANSHIP_RULES = (rule_kind_requirements, rule_eligibility, rule_one_guardian,
                      rule_termination_target, rule_termination_reason)
