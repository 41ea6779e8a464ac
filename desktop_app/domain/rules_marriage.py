"""Marriage rules: presence, marriage age, bigamy, same sex, kinship. For a new first marriage
the law forbids the last three outright (HNGĐ Art 5.2.c-d, 8.2): errors; for historical
entries, re-registrations and marriages recorded from abroad they stay warnings. Kinship is
an error only when the records establish it (personal IDs); a likeness of names warns. The
same for an active marriage: refused on the same personal ID, a warning on a namesake."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.access import get_date, get_obj, get_str
from desktop_app.domain.check import Check, is_true, person_age_range
from desktop_app.domain.context import BirthCandidate, PartySummary, same_person
from desktop_app.domain.issues import Issue
from desktop_app.domain.record_types import RecordType

PRESENCE_KINDS = frozenset({"first", "re_registration"})


def _kind(c: Check) -> str | None:
    return get_str(c.data, "registration_kind")


def rule_presence(c: Check) -> Iterator[Issue]:
    if c.historical or _kind(c) not in PRESENCE_KINDS:
        return
    if RecordType.MARRIAGE in c.ruleset.presence_required and not is_true(c.data, "both_present"):
        yield Issue.of("E-PRESENCE-MARRIAGE", "both_present")


def _age_day(c: Check) -> date:
    """A new first marriage: the registration day; otherwise the day it took effect if known."""
    if not c.historical and _kind(c) == "first":
        return c.registration_date
    effective = get_date(c.data, "effective_date")
    return effective.filled_for_marriage() if effective is not None else c.registration_date


def rule_marriage_age(c: Check) -> Iterator[Issue]:
    """HNGĐ Art 8.1.a: husband from full 20, wife from full 18 (the birthday itself counts)."""
    day = _age_day(c)
    new_first = not c.historical and _kind(c) == "first"
    for role, limit in (("husband", c.t.marriage_age_husband), ("wife", c.t.marriage_age_wife)):
        person = get_obj(c.data, role)
        ages = person_age_range(person, day) if person is not None else None
        if ages is None:
            continue
        youngest, oldest = ages
        path = f"{role}.date_of_birth"
        if new_first and oldest < limit:
            yield Issue.of("E-MARR-AGE-NEW", path, age=oldest, limit=limit)
        elif youngest < limit:
            yield Issue.of("W-MARR-AGE", path, age=youngest, limit=limit)


def _new_first(c: Check) -> bool:
    return not c.historical and _kind(c) == "first"


def _law(c: Check, name: str) -> str:
    """E- for a new first marriage, W- otherwise (a historical entry of kind "first" too)."""
    return f"E-{name}" if _new_first(c) else f"W-{name}"


def rule_same_sex(c: Check) -> Iterator[Issue]:
    husband, wife = get_str(c.data, "husband.sex"), get_str(c.data, "wife.sex")
    if husband is not None and husband == wife:
        yield Issue.of(_law(c, "MARR-SAMESEX"), "wife.sex")


def _party(c: Check, role: str) -> PartySummary | None:
    person = get_obj(c.data, role)
    return PartySummary.from_person(person) if person is not None else None


def rule_bigamy(c: Check) -> Iterator[Issue]:
    for role in ("husband", "wife"):
        party = _party(c, role)
        if party is None or not party.is_known:
            continue
        found = [
            m
            for m in c.context.active_marriages
            if m.record_id != c.context.record_id
            and (same_person(party, m.husband) or same_person(party, m.wife))
        ]
        if found:
            # The message names each marriage by its number and the other spouse.
            others = [m.wife if same_person(party, m.husband) else m.husband for m in found]
            spouses = [other.full_name or "" for other in others]
            # Refused only when the records establish the person (personal IDs): a namesake
            # of the same birth year in an old book is someone else as often as not, and a
            # real marriage must never be impossible to record; the supervisor checks it.
            married = [m.husband if same_person(party, m.husband) else m.wife for m in found]
            established = any(_by_ids((party, spouse)) for spouse in married)
            code = _law(c, "MARR-BIGAMY") if established else "W-MARR-BIGAMY"
            yield Issue.of(code, f"{role}.full_name",
                           candidates=[m.record_id for m in found],
                           numbers=[m.registration_number or m.record_id[:8] for m in found],
                           spouses=spouses)


def _known(p: PartySummary | None) -> bool:
    return p is not None and p.is_known


def _siblings(a: BirthCandidate, b: BirthCandidate) -> bool:
    for pa, pb in ((a.mother, b.mother), (a.father, b.father)):
        if _known(pa) and _known(pb) and same_person(pa, pb):  # type: ignore[arg-type]
            return True
    return False


def _by_ids(*pairs: tuple[PartySummary | None, PartySummary | None]) -> bool:
    """Every pair is the same person by personal ID: the records establish the link."""
    return all(a is not None and b is not None and a.personal_id and b.personal_id
               and a.personal_id == b.personal_id for a, b in pairs)


def kinship_findings(c: Check) -> list[tuple[str, bool]]:
    """(relation, established by the records) between the parties, from their birth records
    and the caller's facts. Established: each link decided by personal IDs."""
    found: list[tuple[str, bool]] = [(k, True) for k in c.context.known_kinship]
    husband_birth, wife_birth = c.context.husband_birth, c.context.wife_birth
    husband, wife = _party(c, "husband"), _party(c, "wife")
    if (
        husband_birth is not None
        and wife_birth is not None
        and _siblings(husband_birth, wife_birth)
    ):
        own = _by_ids((husband, husband_birth.child), (wife, wife_birth.child))
        found.append(("sibling", own and (_by_ids((husband_birth.mother, wife_birth.mother))
                                          or _by_ids((husband_birth.father, wife_birth.father)))))
    if wife_birth is not None and _known(wife_birth.father) and _known(husband):
        if same_person(wife_birth.father, husband):  # type: ignore[arg-type]
            found.append(("parent_child", _by_ids((wife, wife_birth.child),
                                                  (husband, wife_birth.father))))
    if husband_birth is not None and _known(husband_birth.mother) and _known(wife):
        if same_person(husband_birth.mother, wife):  # type: ignore[arg-type]
            found.append(("parent_child", _by_ids((husband, husband_birth.child),
                                                  (wife, husband_birth.mother))))
    return found


def kinship_relations(c: Check) -> list[str]:
    """Relations found between the parties from their birth records and the caller's facts."""
    return list(dict.fromkeys(relation for relation, _ in kinship_findings(c)))


def rule_kinship(c: Check) -> Iterator[Issue]:
    findings = kinship_findings(c)
    relations = list(dict.fromkeys(relation for relation, _ in findings))
    if not relations:
        return
    established = any(sure for _, sure in findings)
    code = _law(c, "MARR-KIN") if established else "W-MARR-KIN"
    births = [b.registration_number or b.record_id[:8]
              for b in (c.context.husband_birth, c.context.wife_birth) if b is not None]
    yield Issue.of(code, "wife.full_name", relations=relations, births=births)


MARRIAGE_RULES = (rule_presence, rule_marriage_age, rule_same_sex, rule_bigamy, rule_kinship)
