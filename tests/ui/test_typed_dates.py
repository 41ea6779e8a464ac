"""Dates as typed (dd/mm/yyyy, mm/yyyy, yyyy, with a time of death) to ISO partial dates."""

import pytest

from ui.widgets.typed_dates import from_iso, to_iso, to_iso_time


@pytest.mark.parametrize(("typed", "iso"), [
    ("15/03/2025", "2025-03-15"), ("5/3/2025", "2025-03-05"), ("15.03.2025", "2025-03-15"),
    ("15032025", "2025-03-15"), ("03/2025", "2025-03"), ("2025", "2025"),
    ("2025-03-15", "2025-03-15"), ("", ""), ("31/02/2025", "2025-02-31"), ("hôm qua", "hôm qua"),
])
def test_typed_dates(typed: str, iso: str) -> None:
    assert to_iso(typed) == iso


def test_time_of_death_and_back() -> None:
    assert to_iso_time("20/11/2025 14:30") == "2025-11-20T14:30"
    assert to_iso_time("14h30 20/11/2025") == "2025-11-20T14:30"
    assert to_iso_time("11/2025") == "2025-11"
    assert from_iso("2025-11-20T14:30") == "20/11/2025 14:30"
    assert from_iso("2025-03") == "03/2025"
