"""A simulated national population registry: issues the 12-digit personal ID of a birth.

`AAA B CC DDDDDD` as in domain.md: AAA the province of the registering office (the 2025
two-digit province code, zero-padded: the 34 codes of 2025 are a subset of the 63 old ones),
B century and sex (0/1 = 1900s male/female, 2/3 = 2000s, ...), CC the last two digits of the
birth year, DDDDDD a serial per prefix kept in the central database (so never issued twice).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdPrefix:
    value: str  # AAA B CC


def id_prefix(office_commune: str, sex: object, date_of_birth: object) -> IdPrefix | None:
    """The first six digits, or None when the child's sex or birth year is unknown."""
    from desktop_app.domain import province_of
    from desktop_app.domain.dates import InvalidDateError, parse_partial_date
    from desktop_app.domain.personal_id import century_sex_digit

    province = province_of(office_commune)
    if province is None or not isinstance(sex, str) or not isinstance(date_of_birth, str):
        return None
    try:
        year = parse_partial_date(date_of_birth).year  # "2026", "2026-01" or "2026-01-21"
    except InvalidDateError:
        return None
    digit = century_sex_digit(year, sex)
    if digit is None:
        return None
    return IdPrefix(f"{int(province.code):03d}{digit}{year % 100:02d}")


def personal_id(prefix: IdPrefix, serial: int) -> str:
    if not 1 <= serial <= 999_999:
        raise ValueError("serial range exhausted for this prefix")
    return f"{prefix.value}{serial:06d}"
