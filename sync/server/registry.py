"""A simulated national population registry: issues the 12-digit personal ID of a birth.

`AAA B CC DDDDDD` as in domain.md: AAA the province of the registering office (the 2025
two-digit province code, zero-padded: the 34 codes of 2025 are a subset of the 63 old ones),
B century and sex (0/1 = 1900s male/female, 2/3 = 2000s, ...), CC the last two digits of the
birth year, DDDDDD a serial per prefix kept in the central database (so never issued twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True)
class IdPrefix:
    value: str  # AAA B CC


def id_prefix(office_commune: str, sex: object, date_of_birth: object) -> IdPrefix | None:
    """The first six digits, or None when the child's sex or birth year is unknown."""
    from desktop_app.domain import province_of

    province = province_of(office_commune)
    if province is None or sex not in ("male", "female") or not isinstance(date_of_birth, str):
        return None
    match = _YEAR.match(date_of_birth)
    if match is None:
        return None
    year = int(match.group(1))
    if year < 1900:
        return None
    digit = (year // 100 - 19) * 2 + (1 if sex == "female" else 0)
    if digit > 9:
        return None
    return IdPrefix(f"{int(province.code):03d}{digit}{year % 100:02d}")


def personal_id(prefix: IdPrefix, serial: int) -> str:
    if not 1 <= serial <= 999_999:
        raise ValueError("serial range exhausted for this prefix")
    return f"{prefix.value}{serial:06d}"
