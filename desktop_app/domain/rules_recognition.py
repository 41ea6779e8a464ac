"""Recognition of a father, mother or child (L60 Art 25, HNGĐ Art 88, 101): the parent must
be of the sex the kind names and born before the child, and a child whose birth record held
here already names another father (mother) can be recognised only on a court decision."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get_date, get_obj, get_str
from desktop_app.domain.check import Check, forbidden
from desktop_app.domain.context import PartySummary, same_person
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.issues import Issue
from desktop_app.domain.text import fold_for_search

# The parent a kind establishes: its role in a birth record and the sex it needs.
PARENT_OF_KIND: dict[str, tuple[str, str]] = {
    "father_recognises_child": ("father", "male"),
    "child_recognises_father": ("father", "male"),
    "mother_recognises_child": ("mother", "female"),
    "child_recognises_mother": ("mother", "female"),
}
# A court decision (bản án, quyết định của Tòa án) settles a contested parentage.
_COURT_WORDS = ("court", "toa an")


def parent_role(data: object) -> str | None:
    """"father" or "mother": the parent a recognition establishes."""
    kind = get_str(data, "kind") if isinstance(data, dict) else None
    found = PARENT_OF_KIND.get(kind or "")
    return found[0] if found else None


def is_court_decision(c: Check) -> bool:
    kind = get_str(c.data, "evidence.kind")
    folded = fold_for_search(kind) if kind else ""
    return any(word in folded for word in _COURT_WORDS)


def rule_parent_sex(c: Check) -> Iterator[Issue]:
    found = PARENT_OF_KIND.get(get_str(c.data, "kind") or "")
    sex = get_str(c.data, "parent.sex")
    if found is not None and sex is not None and sex != found[1]:
        yield Issue.of(forbidden(c, "RECOG-SEX"), "parent.sex", expected=found[1])


def _child_birth_date(c: Check) -> PartialDate | None:
    """The child's birth date as the recognition gives it, else as its birth record here."""
    own = get_date(c.data, "child.date_of_birth")
    target = c.context.target
    if own is None and target is not None and target.record_type == "birth":
        return get_date(target.data, "child.date_of_birth")
    return own


def rule_parent_born_before_child(c: Check) -> Iterator[Issue]:
    parent = get_date(c.data, "parent.date_of_birth")
    child_dob = _child_birth_date(c)
    if parent is None or child_dob is None:
        return
    if parent.earliest > child_dob.latest:
        yield Issue.of(forbidden(c, "RECOG-PARENT-YOUNGER"), "parent.date_of_birth",
                       child_born=child_dob.figures())


def rule_other_parent(c: Check) -> Iterator[Issue]:
    """The birth record held here names a different father (mother)."""
    target, role = c.context.target, parent_role(c.data)
    if target is None or target.record_type != "birth" or role is None:
        return
    held = get_obj(target.data, role)
    parent = get_obj(c.data, "parent")
    if held is None or parent is None or is_court_decision(c):
        return
    held_party, new_party = PartySummary.from_person(held), PartySummary.from_person(parent)
    if held_party.is_known and new_party.is_known and not same_person(held_party, new_party):
        yield Issue.of(forbidden(c, "RECOG-OTHER-PARENT"), "parent.full_name",
                       number=target.number, person=held_party.full_name or "",
                       role=role)


RECOGNITION_RULES = (rule_parent_sex, rule_parent_born_before_child, rule_other_parent)
