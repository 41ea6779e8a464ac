"""Access to canonical JSON by dotted path ("child.place_of_birth.commune_code").

The one walker for every layer (rules, workflows, screens, extracts): reading, wrong shapes
read as absent; writing, the objects on the way are made.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence

from desktop_app.domain.dates import (
    InvalidDateError,
    PartialDate,
    TimeOfDeath,
    parse_partial_date,
    parse_time_of_death,
)
from desktop_app.domain.types import JSONObject, JSONValue

# Rules read the same few hundred paths on every record: split once (bounded, pure).
_PARTS: dict[str, tuple[str, ...]] = {}


def _parts(path: str) -> tuple[str, ...]:
    parts = _PARTS.get(path)
    if parts is None:
        parts = tuple(path.split("."))
        if len(_PARTS) < 4096:
            _PARTS[path] = parts
    return parts


def get(data: object, path: str) -> JSONValue:
    """The value at a path of canonical JSON (any mapping), or None."""
    current: object = data
    parts = _PARTS.get(path)  # looked up here, not through _parts: this runs ~100x a record
    for part in parts if parts is not None else _parts(path):
        # type() first: a dict is by far the common case, the ABC check costs ~10x more
        if type(current) is not dict and not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current  # type: ignore[return-value]


def put(data: MutableMapping[str, object], path: str, value: object) -> None:
    """Set the value at a path, making the objects on the way; a non-object on the way is
    left as it is and the value is dropped (a text where an object belongs is not overwritten)."""
    put_at(data, path.split("."), value)


def put_at(data: MutableMapping[str, object], keys: Sequence[str], value: object) -> None:
    """put() of a path already split into its keys (a spreadsheet's columns: split once)."""
    node = data
    for part in keys[:-1]:
        child = node.setdefault(part, {})
        # type() first: a dict is by far the common case, the ABC check costs ~10x more
        if type(child) is not dict and not isinstance(child, MutableMapping):
            return
        node = child
    node[keys[-1]] = value


def get_obj(data: object, path: str) -> JSONObject | None:
    value = get(data, path)
    return value if isinstance(value, dict) else None


def get_str(data: object, path: str) -> str | None:
    """A non-blank string, else None."""
    value = get(data, path)
    return value if isinstance(value, str) and value.strip() else None


def get_int(data: object, path: str) -> int | None:
    value = get(data, path)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_date(data: object, path: str) -> PartialDate | None:
    value = get(data, path)
    if not isinstance(value, str):
        return None
    try:
        return parse_partial_date(value)
    except InvalidDateError:
        return None


def get_time_of_death(data: object, path: str) -> TimeOfDeath | None:
    value = get(data, path)
    if not isinstance(value, str):
        return None
    try:
        return parse_time_of_death(value)
    except InvalidDateError:
        return None


def is_blank(value: JSONValue) -> bool:
    """Absent, null, blank text, or an empty object / list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (dict, list)):
        return len(value) == 0
    return False
