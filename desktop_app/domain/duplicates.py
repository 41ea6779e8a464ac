"""Duplicate and twin matching keys: fuzzy on case, diacritics, apostrophes and spacing."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.dates import InvalidDateError, parse_partial_date
from desktop_app.domain.text import fold_compact


def person_match_key(full_name: str, date_of_birth: str | None) -> str:
    """ "nguyenvanan|2025-03-15": equal for "Nguyễn Văn  An" and "NGUYEN VAN AN" born that day.

    "H’Hen Niê", "H'Hen Niê" and "H Hen Nie" share a key. The date is kept at its precision.
    """
    dob = ""
    if date_of_birth:
        try:
            dob = parse_partial_date(date_of_birth).iso()
        except InvalidDateError:
            dob = date_of_birth.strip()
    return f"{fold_compact(full_name)}|{dob}"


def mother_key(full_name: str, personal_id: str | None = None) -> str:
    """Key to find other births of the same mother: her ID when known, else her folded name."""
    return f"id:{personal_id}" if personal_id else f"name:{fold_compact(full_name)}"


def within_days(a: date, b: date, days: int) -> bool:
    return abs((a - b).days) <= days
