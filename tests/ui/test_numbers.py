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


def test_the_core_writes_every_figure_as_qlocale_does() -> None:
    """ui/numbers takes its digits from desktop_app/number_format (shared with the CLI): the same
    text as QLocale's, ties and thousands included."""
    import random

    from desktop_app.number_format import decimal_text as core_decimal
    from ui.numbers import locale_of

    rng = random.Random(7)
    values = [0.0, -0.0, -0.04, 0.05, 0.15, 0.25, 2.5, -2.5, 999.95, 1e9 + 0.5, 1e15]
    values += [k / 8 for k in range(-80, 800)] + [k / 1000 for k in range(0, 2000, 7)]
    values += [rng.uniform(-1e7, 1e7) for _ in range(2000)]
    for lang in ("vi", "en"):
        qt = locale_of(lang)
        for decimals in (0, 1, 2):
            for value in values:
                assert core_decimal(value, lang, decimals) == qt.toString(value, "f", decimals)
        for n in (0, 7, 999, 1000, -1000, 1234567, 10**12):
            assert count_text(n, lang) == qt.toString(n)
