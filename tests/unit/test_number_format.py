"""The core's numbers (desktop_app/number_format.py): the CLI, the core's messages and the UI write
a figure alike, the Vietnamese way (1.234,5) or the English way (1,234.5)."""

from __future__ import annotations

from desktop_app.messages import Tenths
from desktop_app.number_format import count_text, decimal_text, percent_text


def test_vietnamese_groups_with_points_and_marks_decimals_with_a_comma() -> None:
    assert count_text(1234567, "vi") == "1.234.567"
    assert count_text(999, "vi") == "999"
    assert decimal_text(1234.56, "vi", 2) == "1.234,56"
    assert decimal_text(0.45, "vi") == "0,5"
    assert percent_text(0.125, "vi") == "12,5 %"
    assert percent_text(0.1235, "vi", 2) == "12,35 %"
    assert percent_text(0.97, "vi", 0) == "97 %"


def test_english_the_other_way_round() -> None:
    assert count_text(1234567, "en") == "1,234,567"
    assert decimal_text(1234.56, "en", 2) == "1,234.56"
    assert percent_text(0.125, "en") == "12.5 %"


def test_halves_go_away_from_zero_as_qlocale_rounds() -> None:
    """Python's own format rounds 2.5 to 2 and 0.25 to 0.2; the UI's QLocale does not."""
    assert decimal_text(2.5, "vi", 0) == "3"
    assert decimal_text(0.25, "vi") == "0,3"
    assert decimal_text(-2.5, "en", 0) == "-3"
    assert decimal_text(-0.0, "vi") == "0,0"
    assert decimal_text(1e300, "en", 1).endswith(".0")  # no precision limit on big values
    assert decimal_text(float("nan"), "vi") == "nan"


def test_the_core_messages_measures_use_it() -> None:
    assert Tenths(6144.0).shown("vi") == "6.144,0"
    assert Tenths(6144.0).shown("en") == "6,144.0"
    assert Tenths(0.25).shown("vi") == "0,3"
