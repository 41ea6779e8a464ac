"""Birth rules: mother required, late registration, declarant, parents' ages, twins versus
duplicates, surname, ethnicity, home town, personal ID to come."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_date, get_obj, get_str, is_blank
from desktop_app.domain.addresses import commune, convert_legacy_address
from desktop_app.domain.check import Check, age_between, forbidden
from desktop_app.domain.context import BirthCandidate, PartySummary, same_person
from desktop_app.domain.dates import InvalidDateError, Precision, parse_partial_date
from desktop_app.domain.duplicates import person_match_key, within_days
from desktop_app.domain.ethnicity import same_ethnicity
from desktop_app.domain.issues import Issue
from desktop_app.domain.rules_common import odd_name_chars
from desktop_app.domain.text import fold_compact, fold_for_search, name_tokens
from desktop_app.domain.types import JSONObject

NO_PARENTS_KINDS = frozenset({"parents_unknown", "abandoned"})
NOT_LATE_KINDS = frozenset({"re_registration", "recorded_from_abroad"})
# L60/2014 Art 15: the parents; when they cannot, a grandparent, another close relative or
# whoever is bringing the child up. A grandparent declaring is normal, not a warning.
BIRTH_DECLARANTS = frozenset({"mother", "father", "grandparent", "sibling", "relative", "carer"})
NO_PARENTS_DECLARANTS = frozenset({"carer", "representative"})
# Ethnic groups whose family name usually comes first like Kinh (others may put it last,
# e.g. Ê Đê "H’Hen Niê").
SURNAME_FIRST_ETHNICITIES = frozenset({"kinh", "hoa", "01", "04"})


def _kind(c: Check) -> str | None:
    return get_str(c.data, "registration_kind")


def rule_mother_required(c: Check) -> Iterator[Issue]:
    if _kind(c) in NO_PARENTS_KINDS or not is_blank(c.data.get("mother")):
        return
    if c.historical:
        if "mother" not in _illegible(c):
            yield Issue.of("W-LEGACY-MISSING", "mother.full_name")
    else:
        yield Issue.of("E-REQUIRED", "mother.full_name")


def _illegible(c: Check) -> set[str]:
    flags = c.data.get("illegible")
    return (
        {f.split(".")[0] for f in flags if isinstance(f, str)} if isinstance(flags, list) else set()
    )


def rule_late(c: Check) -> Iterator[Issue]:
    if c.historical or _kind(c) in NOT_LATE_KINDS:
        return
    dob = get_date(c.data, "child.date_of_birth")
    if dob is None:
        return
    days = (c.registration_date - dob.latest).days
    if days > c.t.birth_late_days:
        yield Issue.of("W-KS-LATE", "registered_on", days=days, limit=c.t.birth_late_days)


def rule_declarant(c: Check) -> Iterator[Issue]:
    declarant = get_obj(c.data, "declarant")
    if c.historical or declarant is None:
        return
    relationship = get_str(declarant, "relationship")
    expected = (
        BIRTH_DECLARANTS | NO_PARENTS_DECLARANTS
        if _kind(c) in NO_PARENTS_KINDS
        else BIRTH_DECLARANTS
    )
    if relationship not in expected:
        yield Issue.of("W-KS-DECLARANT", "declarant.relationship", relationship=relationship or "")


def rule_parent_ages(c: Check) -> Iterator[Issue]:
    child_dob = get_date(c.data, "child.date_of_birth")
    if child_dob is None:
        return
    for role, low, high in (
        ("mother", c.t.mother_age_low, c.t.mother_age_high),
        ("father", c.t.father_age_low, None),
    ):
        parent_dob = get_date(c.data, f"{role}.date_of_birth")
        if parent_dob is None:
            continue
        youngest, oldest = age_between(parent_dob, child_dob)
        code = "W-MOTHER-AGE-LOW" if role == "mother" else "W-FATHER-AGE-LOW"
        if oldest < low:
            yield Issue.of(code, f"{role}.date_of_birth", age=oldest, limit=low)
        if high is not None and youngest > high:
            yield Issue.of("W-MOTHER-AGE-HIGH", f"{role}.date_of_birth", age=youngest, limit=high)


def rule_parent_only_year(c: Check) -> Iterator[Issue]:
    for role in ("mother", "father"):
        dob = get_date(c.data, f"{role}.date_of_birth")
        if dob is not None and dob.precision is Precision.YEAR:
            yield Issue.of("I-PARENT-ONLY-YEAR", f"{role}.date_of_birth")


def _mother_of(c: Check) -> PartySummary | None:
    mother = get_obj(c.data, "mother")
    return PartySummary.from_person(mother) if mother is not None else None


def _same_mother(a: PartySummary | None, b: PartySummary | None) -> bool:
    if a is None or b is None or not a.is_known or not b.is_known:
        return False
    return same_person(a, b)


def _others(c: Check) -> Iterator[BirthCandidate]:
    for candidate in c.context.births:
        if c.context.record_id is None or candidate.record_id != c.context.record_id:
            yield candidate


def rule_twins_and_duplicates(c: Check) -> Iterator[Issue]:
    """Same mother, birth within a day: W-TWINS if the child's name differs, W-DUP-PERSON if
    the same name (fuzzy), date of birth and mother are already registered."""
    name = get_str(c.data, "child.full_name")
    dob_text = get_str(c.data, "child.date_of_birth")
    dob = get_date(c.data, "child.date_of_birth")
    if name is None or dob_text is None or dob is None:
        return
    mother = _mother_of(c)
    key = person_match_key(name, dob_text)
    twins: list[str] = []
    duplicates: list[str] = []
    for other in _others(c):
        other_name = other.child.full_name
        other_dob = other.child.date_of_birth
        if other_name is None or other_dob is None:
            continue
        mothers_match = _same_mother(mother, other.mother) or (
            (mother is None or not mother.is_known)
            and (other.mother is None or not other.mother.is_known)
        )
        if person_match_key(other_name, other_dob) == key and mothers_match:
            duplicates.append(other.record_id)
            continue
        try:
            other_day = parse_partial_date(other_dob).exact
        except InvalidDateError:
            continue
        if (
            dob.exact is not None
            and other_day is not None
            and within_days(dob.exact, other_day, c.t.twins_window_days)
            and _same_mother(mother, other.mother)
        ):
            twins.append(other.record_id)
    if duplicates:
        yield Issue.of("W-DUP-PERSON", "child.full_name", candidates=duplicates)
    if twins:
        evidence = get_str(c.data, "birth_evidence.number")
        same_evidence = [
            o.record_id
            for o in _others(c)
            if o.record_id in twins and evidence and o.birth_evidence_number == evidence
        ]
        yield Issue.of(
            "W-TWINS", "child.date_of_birth", candidates=twins, same_evidence=same_evidence
        )


def surname_candidates(person: JSONObject, ethnicity: str | None) -> set[str]:
    explicit = get_str(person, "family_name")
    if explicit is not None:
        return {fold_compact(explicit)}
    name = get_str(person, "full_name")
    tokens = name_tokens(name) if name else []
    if not tokens:
        return set()
    surname_first = ethnicity is None or fold_for_search(ethnicity) in SURNAME_FIRST_ETHNICITIES
    return {tokens[0]} if surname_first else {tokens[0], tokens[-1]}


def _no_father(c: Check) -> bool:
    father = get_obj(c.data, "father")
    return father is None or is_blank(father.get("full_name"))


def rule_surname(c: Check) -> Iterator[Issue]:
    child = get_obj(c.data, "child")
    if child is None or _kind(c) in NO_PARENTS_KINDS:
        return
    ethnicity = get_str(child, "ethnicity")
    own = surname_candidates(child, ethnicity)
    mother = get_obj(c.data, "mother")
    if _no_father(c) and mother is not None:
        # BLDS Art 26.2: with no father established, the child takes the mother's surname.
        theirs = surname_candidates(mother, get_str(mother, "ethnicity") or ethnicity)
        if own and theirs and not own & theirs:
            yield Issue.of(forbidden(c, "SURNAME-MOTHER"), "child.full_name")
        return
    if c.historical:
        return
    parents: set[str] = set()
    for role in ("mother", "father"):
        parent = get_obj(c.data, role)
        if parent is not None:
            parents |= surname_candidates(parent, get_str(parent, "ethnicity") or ethnicity)
    if own and parents and not own & parents:
        yield Issue.of("W-SURNAME", "child.full_name")


def rule_ethnicity_follows_parent(c: Check) -> Iterator[Issue]:
    """BLDS Art 29.2: the child's ethnicity is the father's or the mother's."""
    child_ethnicity = get_str(c.data, "child.ethnicity")
    if child_ethnicity is None or _kind(c) in NO_PARENTS_KINDS:
        return
    parents = [e for e in (get_str(c.data, f"{r}.ethnicity") for r in ("mother", "father")) if e]
    if parents and not any(same_ethnicity(child_ethnicity, p) for p in parents):
        yield Issue.of(forbidden(c, "ETHNIC-PARENTS"), "child.ethnicity")


def rule_child_name_letters(c: Check) -> Iterator[Issue]:
    """BLDS Art 26.3: a name is not digits or signs (other letters stay W-NAME-CHARS)."""
    if c.historical:
        return  # the old book keeps it: W-NAME-CHARS
    for part in ("full_name", "family_name", "middle_name", "given_name"):
        name = get_str(c.data, f"child.{part}")
        odd = [ch for ch in odd_name_chars(name) if not ch.isalpha()] if name else []
        if odd:
            yield Issue.of(forbidden(c, "NAME-DIGITS"), f"child.{part}", chars="".join(odd))


def _place_key(address: JSONObject) -> str | None:
    code = address.get("commune_code")
    if isinstance(code, (str, int)) and not isinstance(code, bool):
        found = commune(code)
        if found is not None:
            return found.code
    text = get_str(address, "as_written")
    if text is None:
        return None
    converted = convert_legacy_address(text)
    return converted.commune_code if converted else fold_compact(text)


def rule_hometown(c: Check) -> Iterator[Issue]:
    hometown = get_obj(c.data, "child.hometown")
    if c.historical or hometown is None:
        return
    own = _place_key(hometown)
    parents = [
        _place_key(h) for h in (get_obj(c.data, f"{r}.hometown") for r in ("mother", "father")) if h
    ]
    parents = [p for p in parents if p]
    if own and parents and own not in parents:
        yield Issue.of("W-HOMETOWN", "child.hometown")


def rule_awaiting_personal_id(c: Check) -> Iterator[Issue]:
    if not c.historical and get_str(c.data, "child.personal_id") is None:
        yield Issue.of("I-AWAITING-PERSONAL-ID", "child.personal_id")


BIRTH_RULES = (
    rule_mother_required,
    rule_late,
    rule_declarant,
    rule_parent_ages,
    rule_parent_only_year,
    rule_twins_and_duplicates,
    rule_surname,
    rule_ethnicity_follows_parent,
    rule_child_name_letters,
    rule_hometown,
    rule_awaiting_personal_id,
)
