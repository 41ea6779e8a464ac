"""Fields an old book does not let anyone read (issue 17): kept as such, never invented.

A historical entry lists the paths it cannot read in ``illegible``. Marking a field clears
what was typed in it (nothing is guessed); a required one is then not missing (no
W-LEGACY-MISSING, structure.py), and each flag is a W-LEGACY-ILLEGIBLE warning the supervisor
sees before approving. A flag must name a field of the form. Screens and extracts print
``ILLEGIBLE`` in its place; a value kept beside a flag (entries typed before, a name read in
part) is printed with the mark after it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping

from desktop_app.domain.access import get, is_blank
from desktop_app.domain.check import Check
from desktop_app.domain.fields import find_field
from desktop_app.domain.issues import Issue
from desktop_app.domain.structure import illegible_paths
from desktop_app.domain.types import JSONObject, JSONValue

ILLEGIBLE = {"vi": "không đọc được", "en": "illegible"}

__all__ = ["ILLEGIBLE", "flagged_leaves", "illegible_paths", "is_illegible", "mark",
           "rule_illegible_kept", "shown_value", "unmark"]


def is_illegible(data: Mapping[str, object], path: str) -> bool:
    flags = data.get("illegible")
    return isinstance(flags, list) and path in flags


def _drop(data: JSONObject, path: str) -> None:
    *parents, leaf = path.split(".")
    node: object = data
    for part in parents:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(leaf, None)


def mark(data: Mapping[str, JSONValue], path: str) -> JSONObject:
    """The data with ``path`` flagged illegible and its value, if any, removed."""
    out: JSONObject = copy.deepcopy(dict(data))
    _drop(out, path)
    flags: list[JSONValue] = [*sorted(illegible_paths(out) | {path})]
    out["illegible"] = flags
    return out


def unmark(data: Mapping[str, JSONValue], path: str) -> JSONObject:
    """The data with ``path`` no longer flagged (the list goes when it empties)."""
    out: JSONObject = copy.deepcopy(dict(data))
    left: list[JSONValue] = [*sorted(illegible_paths(out) - {path})]
    if left:
        out["illegible"] = left
    else:
        out.pop("illegible", None)
    return out


def shown_value(data: Mapping[str, object], path: str, shown: str = "",
                lang: str = "vi") -> str | None:
    """What a screen or an extract prints for a flagged field (``shown``: its value as they
    would print it, if any); None for a field that is not flagged."""
    if not is_illegible(data, path):
        return None
    mark_text = ILLEGIBLE.get(lang, ILLEGIBLE["vi"])
    return f"{shown} ({mark_text})" if shown.strip() and not is_blank(get(data, path)) \
        else mark_text


def flagged_leaves(data: Mapping[str, object]) -> list[str]:
    """The flagged paths whose value is blank: the fields a listing of the filled values
    would not show at all, and that must still read "không đọc được"."""
    flags = data.get("illegible")
    paths = sorted(f for f in flags if isinstance(f, str)) if isinstance(flags, list) else []
    return [p for p in paths if is_blank(get(data, p))]


def rule_illegible_kept(c: Check) -> Iterator[Issue]:
    """A flag names a field of the form (an unknown path would hide a field nobody reads)."""
    for path in sorted(illegible_paths(c.data)):
        if find_field(c.record_type, path) is None:
            yield Issue.of("E-FIELD-UNKNOWN", "illegible", key=path)
