"""Numbers as the officer reads them: a comma for decimals and points between thousands in
Vietnamese, the other way round in English."""

from __future__ import annotations

from ui.numbers import (
    count_text,
    decimal_text,
    percent_text,
    seconds_text,
    size_text,
)


def test_vietnamese_numbers_use_a_decimal_comma() -> None:
    assert seconds_text(452, "vi") == "0,5"
    assert seconds_text(2100, "vi") == "2,1"
    assert decimal_text(1234.56, "vi", 2) == "1.234,56"
    assert count_text(1234567, "vi") == "1.234.567"
    assert percent_text(0.125, "vi") == "12,5 %"
    assert percent_text(0.97, "vi", 0) == "97 %"
    assert size_text(3 * 1024 * 1024 // 2, "vi") == "1,5 MB"
    assert size_text(1_500_000 // 1000 * 1000 // 2, "vi") == "732 KB"
    assert size_text(10, "vi") == "1 KB"  # never "0 KB" for a file that exists


def test_english_numbers_use_a_decimal_point() -> None:
    assert seconds_text(452, "en") == "0.5"
    assert decimal_text(1234.56, "en", 2) == "1,234.56"
    assert count_text(1234567, "en") == "1,234,567"
    assert percent_text(0.125, "en") == "12.5 %"
    assert size_text(3 * 1024 * 1024 // 2, "en") == "1.5 MB"
