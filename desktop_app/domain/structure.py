"""Structural check of canonical JSON against the field definitions (the schema's twin).

Reports, never raises: unknown fields (E-FIELD-UNKNOWN), wrong JSON types (E-FIELD-TYPE),
values outside a list (E-FIELD-VALUE), missing required fields (E-REQUIRED; in a historical
entry W-LEGACY-MISSING unless the field is flagged illegible), impossible dates
(E-DATE-INVALID) and dates after today (E-DATE-FUTURE).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from desktop_app.domain.access import is_blank
from desktop_app.domain.dates import InvalidDateError, parse_partial_date, parse_time_of_death
from desktop_app.domain.fields import FieldDef, FieldKind, root_field
from desktop_app.domain.issues import Issue
from desktop_app.domain.record_types import RecordType
from desktop_app.domain.types import JSONValue

_OBJECT_KINDS = frozenset(k for k in FieldKind if k.is_object)
_STRING_KINDS = frozenset(
    {
        FieldKind.TEXT,
        FieldKind.NAME,
        FieldKind.PERSONAL_ID,
        FieldKind.ETHNICITY,
        FieldKind.COUNTRY,
    }
)


# What a new filing must hand in, which the registers never had a column for (a 2010 birth
# book records the act, not the birth certificate shown nor the kind of filing): an old
# entry without them lacks nothing the book holds, so it is no W-LEGACY-MISSING.
_FILING_ONLY = frozenset({"birth_evidence", "registration_kind"})


def _is_int(value: JSONValue) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Walker:
    def __init__(self, historical: bool, today: date, illegible: frozenset[str]) -> None:
        self.historical = historical
        self.today = today
        self.illegible = illegible
        self.issues: list[Issue] = []

    def add(self, code: str, path: str, /, **params: str | int | list[str] | None) -> None:
        self.issues.append(Issue.of(code, path, **params))

    def missing(self, path: str) -> None:
        if not self.historical:
            self.add("E-REQUIRED", path)
        elif path not in self.illegible and path not in _FILING_ONLY:
            self.add("W-LEGACY-MISSING", path)

    def walk_object(self, definition: FieldDef, value: Mapping[str, JSONValue], path: str) -> None:
        fields = definition.children
        if definition.kind is FieldKind.PERSON_OR_ORGANISATION and "name" in value:
            if "full_name" not in value:
                fields = definition.alternative
        known = _names(fields)
        prefix = f"{path}." if path else ""
        for key in value:
            if key not in known:
                self.add("E-FIELD-UNKNOWN", f"{prefix}{key}", key=str(key))
        for field_def in fields:
            child = value.get(field_def.name)
            # is_blank, the common types inline: this runs for every field of every record
            kind = type(child)
            if child is None or (not child.strip() if kind is str  # type: ignore[union-attr]
                                 else not child if kind is dict or kind is list
                                 else is_blank(child)):
                if field_def.required and not self._satisfied_otherwise(field_def, value):
                    self.missing(f"{prefix}{field_def.name}")
                continue
            self.walk_value(field_def, child, f"{prefix}{field_def.name}")

    @staticmethod
    def _satisfied_otherwise(field_def: FieldDef, value: Mapping[str, JSONValue]) -> bool:
        # A person known by age at the event has no date of birth to give.
        return field_def.name == "date_of_birth" and _is_int(value.get("age_at_event"))

    def walk_value(self, d: FieldDef, value: JSONValue, path: str) -> None:
        kind = d.kind
        if kind in _STRING_KINDS:  # the most common leaves first
            if not isinstance(value, str):
                self.add("E-FIELD-TYPE", path, expected="text")
        elif kind in _OBJECT_KINDS:
            if not isinstance(value, dict):
                self.add("E-FIELD-TYPE", path, expected="object")
            else:
                self.walk_object(d, value, path)
        elif kind is FieldKind.DATE:
            self.check_date(value, path, time_allowed=False)
        elif kind is FieldKind.SELECT:
            shown = str(value) if _is_int(value) or isinstance(value, str) else None
            if shown is None or shown not in d.choices:
                self.add("E-FIELD-VALUE", path, allowed=list(d.choices))
        elif kind is FieldKind.LIST:
            if not isinstance(value, list):
                self.add("E-FIELD-TYPE", path, expected="array")
            elif d.item is not None:
                for index, item in enumerate(value):
                    if is_blank(item):
                        continue
                    self.walk_value(d.item, item, f"{path}[{index}]")
        elif kind is FieldKind.FIELD_PATHS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.add("E-FIELD-TYPE", path, expected="array of text")
        elif kind is FieldKind.INTEGER:
            if not _is_int(value) or value < 0:  # type: ignore[operator]
                self.add("E-FIELD-TYPE", path, expected="integer")
        elif kind in (FieldKind.TEXT_OR_INTEGER, FieldKind.COMMUNE):
            if not (isinstance(value, str) or _is_int(value)):
                self.add("E-FIELD-TYPE", path, expected="text or integer")
        elif kind is FieldKind.BOOLEAN:
            if not isinstance(value, bool):
                self.add("E-FIELD-TYPE", path, expected="boolean")
        elif kind is FieldKind.DATE_TIME:
            self.check_date(value, path, time_allowed=True)

    def check_date(self, value: JSONValue, path: str, *, time_allowed: bool) -> None:
        if not isinstance(value, str):
            self.add("E-FIELD-TYPE", path, expected="date")
            return
        try:
            parsed = parse_time_of_death(value).date if time_allowed else parse_partial_date(value)
        except InvalidDateError:
            self.add("E-DATE-INVALID", path, value=value)
            return
        if parsed.earliest > self.today:
            self.add("E-DATE-FUTURE", path, value=value)


# The names of a tuple of field definitions, by the tuple's identity (the definitions are
# module constants; the cache holds each tuple, so an id is never reused while cached).
_NAMES: dict[int, tuple[tuple[FieldDef, ...], frozenset[str]]] = {}


def _names(fields: tuple[FieldDef, ...]) -> frozenset[str]:
    found = _NAMES.get(id(fields))
    if found is not None and found[0] is fields:
        return found[1]
    names = frozenset(f.name for f in fields)
    if len(_NAMES) < 1024:
        _NAMES[id(fields)] = (fields, names)
    return names


_ROOTS = {rt: root_field(rt) for rt in RecordType}  # root_field builds a new one per call


def illegible_paths(data: Mapping[str, JSONValue]) -> frozenset[str]:
    flags = data.get("illegible")
    if not isinstance(flags, list):
        return frozenset()
    return frozenset(f for f in flags if isinstance(f, str))


def check_structure(
    rt: RecordType, data: JSONValue, *, historical: bool, today: date
) -> list[Issue]:
    """Structural findings for a record of type rt."""
    if not isinstance(data, dict):
        return [Issue.of("E-FIELD-TYPE", "", expected="object")]
    walker = _Walker(historical, today, illegible_paths(data))
    walker.walk_object(_ROOTS[rt], data, "")
    declared = data.get("type")
    if declared is not None and declared != str(rt):
        walker.add("E-FIELD-VALUE", "type", allowed=[str(rt)])
    return walker.issues
