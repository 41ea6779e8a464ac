"""The input every rule receives: the record, its mode, today, the context and the rule set."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

from desktop_app.domain.access import get, get_date, get_int, get_obj
from desktop_app.domain.context import ValidationContext
from desktop_app.domain.dates import PartialDate, age_on
from desktop_app.domain.fields import FieldDef, FieldKind, record_fields
from desktop_app.domain.issues import Issue
from desktop_app.domain.record_types import RecordType
from desktop_app.domain.rulesets import RuleSet, Thresholds
from desktop_app.domain.types import JSONObject, JSONValue

PERSON_PATHS: dict[RecordType, tuple[str, ...]] = {
    RecordType.BIRTH: ("child", "mother", "father"),
    RecordType.DEATH: ("deceased",),
    RecordType.MARRIAGE: ("husband", "wife"),
    RecordType.RECOGNITION: ("parent", "child"),
    RecordType.CHANGE: ("subject",),
    RecordType.GUARDIANSHIP: ("guardian", "ward"),
}


@dataclass(frozen=True)
class Check:
    record_type: RecordType
    data: JSONObject
    historical: bool
    today: date
    context: ValidationContext
    ruleset: RuleSet

    @property
    def t(self) -> Thresholds:
        return self.ruleset.thresholds

    @cached_property
    def registered_on(self) -> PartialDate | None:
        return get_date(self.data, "registered_on")

    @cached_property
    def registration_date(self) -> date:
        """The registration date, or today for a record being registered now."""
        reg = self.registered_on
        return reg.earliest if reg is not None else self.today

    def persons(self) -> Iterator[tuple[str, JSONObject]]:
        """(path, object) of every natural person of the record that is present."""
        for path in PERSON_PATHS[self.record_type]:
            person = get_obj(self.data, path)
            if person is not None and not ("name" in person and "full_name" not in person):
                yield path, person

    def named(self) -> Iterator[tuple[str, JSONObject]]:
        """Persons plus the declarant: everyone whose name is typed."""
        yield from self.persons()
        declarant = get_obj(self.data, "declarant")
        if declarant is not None:
            yield "declarant", declarant

    def values_of_kind(self, kind: FieldKind) -> Iterator[tuple[str, JSONValue]]:
        """Every present value whose field has this kind, with its path."""

        def walk(plan: _Plan, node: JSONObject, prefix: str) -> Iterator[tuple[str, JSONValue]]:
            for name, is_kind, inner in plan:
                value = node.get(name)
                if value is None:
                    continue
                path = f"{prefix}.{name}" if prefix else name
                if is_kind:
                    yield path, value
                if inner and isinstance(value, dict):
                    yield from walk(inner, value, path)

        yield from walk(_kind_plan(self.record_type, kind), self.data, "")


# values_of_kind walks only the branches of the field tree where that kind occurs (computed
# once per type and kind): (name, has the kind, the plan of its fields), in form order.
_Plan = tuple[tuple[str, bool, "_Plan"], ...]


def _plan(defs: Iterable[FieldDef], kind: FieldKind) -> _Plan:
    plan = []
    for d in defs:
        inner = _plan((*d.children, *d.alternative), kind) if d.children or d.alternative \
            else ()
        if d.kind is kind or inner:
            plan.append((d.name, d.kind is kind, inner))
    return tuple(plan)


@cache
def _kind_plan(rt: RecordType, kind: FieldKind) -> _Plan:
    return _plan(record_fields(rt), kind)


def person_age_range(person: JSONObject, on: date) -> tuple[int, int] | None:
    """(youngest, oldest) completed age on a day; by age_at_event when no date is known."""
    dob = get_date(person, "date_of_birth")
    if dob is not None:
        return age_on(dob.latest, on), age_on(dob.earliest, on)
    age = get_int(person, "age_at_event")
    return (age, age) if age is not None else None


def age_between(birth: PartialDate, event: PartialDate) -> tuple[int, int]:
    """(youngest, oldest) age at an event when both dates may be partial."""
    return age_on(birth.latest, event.earliest), age_on(birth.earliest, event.latest)


def birth_year(person: JSONObject) -> int | None:
    dob = get_date(person, "date_of_birth")
    return dob.year if dob is not None else None


Rule = Callable[[Check], Iterable[Issue]]


def is_true(data: JSONObject, path: str) -> bool:
    return get(data, path) is True


# Acts whose event already happened and is only recorded: what the law forbids for a new act
# is kept as found, with a warning (domain.md, "What the law forbids for a new act").
RECORDED_KINDS = frozenset({"re_registration", "recorded_from_abroad"})


def forbidden(c: Check, name: str) -> str:
    """The code of a finding the law forbids: "E-<name>" for a new act, "W-<name>" for a
    historical entry, a re-registration or an act recorded from abroad."""
    kind = get(c.data, "registration_kind")
    return f"W-{name}" if c.historical or kind in RECORDED_KINDS else f"E-{name}"
