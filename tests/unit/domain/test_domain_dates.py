"""Partial dates: the one parser the rules, the screens and the extracts share."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.domain.dates import (
    InvalidDateError,
    PartialDate,
    Precision,
    TimeOfDeath,
    as_partial_date,
    as_time_of_death,
    parse_partial_date,
    parse_time_of_death,
)


@pytest.mark.parametrize(
    ("text", "parts", "precision", "earliest", "latest"),
    [
        ("1975", (1975, None, None), Precision.YEAR, date(1975, 1, 1), date(1975, 12, 31)),
        ("2024-02", (2024, 2, None), Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-02", (2025, 2, None), Precision.MONTH, date(2025, 2, 1), date(2025, 2, 28)),
        ("2025-03-15", (2025, 3, 15), Precision.DAY, date(2025, 3, 15), date(2025, 3, 15)),
    ],
)
def test_every_shape_parses_to_its_range(
    text: str,
    parts: tuple[int, int | None, int | None],
    precision: Precision,
    earliest: date,
    latest: date,
) -> None:
    parsed = parse_partial_date(text)
    assert (parsed.year, parsed.month, parsed.day) == parts
    assert parsed.precision is precision
    assert (parsed.earliest, parsed.latest) == (earliest, latest)
    assert parsed.iso() == text
    assert as_partial_date(f"  {text} ") == parsed


@pytest.mark.parametrize(
    "bad", ["", "75", "2025-3", "2025-13", "2025-00", "2025-02-30", "0000", "15/03/2025",
            "2025-03-15T10:00", " 2025"],
)
def test_the_parser_refuses_what_is_not_a_canonical_date(bad: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_partial_date(bad)


def test_a_day_or_a_moment_is_a_date_of_day_precision() -> None:
    assert as_partial_date(date(2026, 8, 5)) == PartialDate(2026, 8, 5)
    assert as_partial_date(datetime(2026, 8, 5, 23, 59)) == PartialDate(2026, 8, 5)
    same = PartialDate(1990)
    assert as_partial_date(same) is same


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-20T14:30", TimeOfDeath(PartialDate(2025, 11, 20), 14, 30)),
        ("2025-11-20", TimeOfDeath(PartialDate(2025, 11, 20))),
        ("2025-11", TimeOfDeath(PartialDate(2025, 11))),
        ("1968", TimeOfDeath(PartialDate(1968))),
        (datetime(2025, 1, 1, 0, 5), TimeOfDeath(PartialDate(2025, 1, 1), 0, 5)),
        (date(2025, 1, 1), TimeOfDeath(PartialDate(2025, 1, 1))),
    ],
)
def test_time_of_death_of_every_shape(value: str | date, expected: TimeOfDeath) -> None:
    assert as_time_of_death(value) == expected
    if isinstance(value, str):
        assert parse_time_of_death(value) == expected
        assert expected.iso() == value


@pytest.mark.parametrize("bad", ["2025-11-20T24:00", "2025-11-20T14:60", "2025-11-31T10:00"])
def test_time_of_death_refuses_impossible_moments(bad: str) -> None:
    with pytest.raises(InvalidDateError):
        as_time_of_death(bad)
