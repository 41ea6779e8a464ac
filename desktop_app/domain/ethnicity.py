"""The 54 ethnic groups of Viet Nam (plus 55, foreigners), from the package data file.

Either spelling is accepted on input ("Ê-đê", "Ê Đê", "ede"); matching ignores case,
diacritics, hyphens and spaces.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from desktop_app.domain.text import fold_compact

FOREIGNER_CODE = "55"


@dataclass(frozen=True)
class EthnicGroup:
    code: str  # "01".."55"
    official_name: str  # "Ê-đê"
    common_spelling: str  # "Ê Đê"


@cache
def ethnic_groups() -> tuple[EthnicGroup, ...]:
    text = resources.files("desktop_app").joinpath("data/ethnic-groups.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(
        EthnicGroup(r["code"].strip(), r["official_name"].strip(), r["common_spelling"].strip())
        for r in rows
    )


@cache
def _index() -> dict[str, EthnicGroup]:
    index: dict[str, EthnicGroup] = {}
    for group in ethnic_groups():
        index[group.code] = group
        index[fold_compact(group.official_name)] = group
        index[fold_compact(group.common_spelling)] = group
    return index


def ethnic_group(name_or_code: str) -> EthnicGroup | None:
    """The group named (either spelling, folded) or coded; None if not one of the list."""
    if not isinstance(name_or_code, str):
        return None
    key = name_or_code.strip()
    if key.isdigit():
        return _index().get(key.zfill(2))
    return _index().get(fold_compact(key)) if key else None


def same_ethnicity(a: str, b: str) -> bool:
    """Same group (by code when both are known), else the same folded text."""
    ga, gb = ethnic_group(a), ethnic_group(b)
    if ga is not None and gb is not None:
        return ga.code == gb.code
    return fold_compact(a) == fold_compact(b)
