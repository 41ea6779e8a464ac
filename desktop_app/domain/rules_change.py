"""Change / correction / supplement / ethnicity re-determination: from -> to and basis
(E-NO-BASIS), consent of the person for a name change at 9+ and an ethnicity at 15-18
(BLDS Art 27-29), and against an original held here: every `from` is what it holds
(L60 Art 26-28) and a re-determined ethnicity is the father's or the mother's (Art 29.3)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get, get_obj, get_str, is_blank
from desktop_app.domain.check import Check, forbidden, is_true, person_age_range
from desktop_app.domain.context import HeldRecord, PartySummary, same_person
from desktop_app.domain.ethnicity import same_ethnicity
from desktop_app.domain.issues import Issue
from desktop_app.domain.text import nfc
from desktop_app.domain.types import JSONObject, JSONValue

# The person a change concerns in each type of original, when its `field` names no role.
SUBJECT_ROLES: dict[str, tuple[str, ...]] = {
    "birth": ("child",),
    "death": ("deceased",),
    "marriage": ("husband", "wife"),
    "recognition": ("child", "parent"),
    "change": ("subject",),
    "guardianship": ("ward", "guardian"),
}

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
    # A new act needs the written consent (BLDS Art 27.2, 28.2, 29.4); an old book keeps it.
    name_code = "W-NAME-CHANGE-CONSENT" if c.historical else "E-NAME-CHANGE-CONSENT"
    ethnic_code = "W-ETHNIC-CONSENT" if c.historical else "E-ETHNIC-CONSENT"
    if kind == "change" and fields & NAME_FIELDS and oldest >= c.t.name_change_consent_age:
        yield Issue.of(name_code, "consent_given", age=oldest)
    ethnic = kind == "ethnicity_redetermination" or "ethnicity" in fields
    if ethnic and oldest >= c.t.ethnic_consent_from and youngest < c.t.ethnic_consent_until:
        yield Issue.of(ethnic_code, "consent_given", age=youngest)


def subject_role(target: HeldRecord, subject: JSONObject | None) -> str | None:
    """The role of the person concerned in the original: the only one of its type, or the
    one that is the same person as the change's subject (a marriage's husband or wife)."""
    roles = SUBJECT_ROLES.get(target.record_type, ())
    if len(roles) == 1 or subject is None:
        return roles[0] if roles else None
    wanted = PartySummary.from_person(subject)
    for role in roles:
        held = get_obj(target.data, role)
        if held is not None and same_person(wanted, PartySummary.from_person(held)):
            return role
    return None


def target_path(target: HeldRecord, field: str, subject: JSONObject | None) -> str | None:
    """The path in the original that a change item's `field` names: "child.full_name" as it
    is, "full_name" within the person concerned."""
    head = field.split(".", 1)[0].split("[", 1)[0]
    if "." in field or head in target.data:
        return field
    role = subject_role(target, subject)
    return f"{role}.{field}" if role else None


def _held_text(value: JSONValue | None) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return nfc(value.strip()) if isinstance(value, str) else str(value)


def _already_applied(target: HeldRecord, path: str | None, given: str | None,
                     to: str | None) -> bool:
    """The original holds `to` already and an earlier version held `from`: this act (seen
    again at the centre, or reopened) was applied to it."""
    if path is None or to is None or _held_text(get(target.data, path)) != to:
        return False
    return any(_held_text(get(old, path)) == given for old in target.earlier)


def rule_from_matches_original(c: Check) -> Iterator[Issue]:
    """Each `from` is exactly what the original held here registers at that field."""
    target = c.context.target
    changes = c.data.get("changes")
    if target is None or not isinstance(changes, list):
        return
    subject = get_obj(c.data, "subject")
    for index, item in enumerate(changes):
        field = item.get("field") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(field, str):
            continue
        given = _held_text(item.get("from"))
        if given is None and get_str(c.data, "kind") != "supplement":
            continue  # E-NO-BASIS says so
        path = target_path(target, field, subject)
        value = get(target.data, path) if path else None
        if isinstance(value, (dict, list)):
            continue  # an address or a person: compared by the officer, not as text
        held = _held_text(value)
        if given != held and _already_applied(target, path, given, _held_text(item.get("to"))):
            continue
        if given != held:
            role = subject_role(target, subject)
            yield Issue.of(forbidden(c, "CHANGE-FROM"), f"changes[{index}].from",
                           number=target.number, held=held or "", given=given or "",
                           procedure=target.record_type,
                           person=(get_str(target.data, f"{role}.full_name") if role else None)
                           or "")


def rule_ethnicity_of_a_parent(c: Check) -> Iterator[Issue]:
    """BLDS Art 29.3: only to the father's or the mother's ethnicity (as the birth holds)."""
    target = c.context.target
    changes = c.data.get("changes")
    if (get_str(c.data, "kind") != "ethnicity_redetermination" or target is None
            or target.record_type != "birth" or not isinstance(changes, list)):
        return
    parents = [e for e in (get_str(target.data, f"{r}.ethnicity") for r in ("father", "mother"))
               if e]
    for index, item in enumerate(changes):
        if not isinstance(item, dict) or str(item.get("field", "")).rsplit(".", 1)[-1] != \
                "ethnicity":
            continue
        to = _held_text(item.get("to"))
        if to and parents and not any(same_ethnicity(to, p) for p in parents):
            yield Issue.of(forbidden(c, "ETHNIC-PARENT"), f"changes[{index}].to",
                           number=target.number, parents=parents)


CHANGE_RULES = (rule_from_to_basis, rule_consent, rule_from_matches_original,
                rule_ethnicity_of_a_parent)
