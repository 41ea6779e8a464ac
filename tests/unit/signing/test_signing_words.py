"""Golden tests of dates in words (shared/domain.md "Dates in words")."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.domain.dates import InvalidDateError, parse_partial_date
from signing.words import (
    WordsStyle,
    date_in_figures,
    date_in_words,
    number_in_words,
    time_of_death_in_figures,
    time_of_death_in_words,
)

LE = WordsStyle(odd="lẻ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 1-10 as plain numerals, only the first word capitalised, commas, no stop
        ("1990-01-01", "Ngày một, tháng một, năm một nghìn chín trăm chín mươi"),
        ("1990-07-02", "Ngày hai, tháng bảy, năm một nghìn chín trăm chín mươi"),
        ("1984-12-09", "Ngày chín, tháng mười hai, năm một nghìn chín trăm tám mươi tư"),
        ("2025-03-10", "Ngày mười, tháng ba, năm hai nghìn không trăm hai mươi lăm"),
        # lăm after mười / mươi; mốt after mươi; tư after mươi; mười bốn
        ("2025-03-15", "Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi lăm"),
        ("2021-04-21", "Ngày hai mươi mốt, tháng tư, năm hai nghìn không trăm hai mươi mốt"),
        ("2024-12-24", "Ngày hai mươi tư, tháng mười hai, năm hai nghìn không trăm hai mươi tư"),
        ("2014-11-14", "Ngày mười bốn, tháng mười một, năm hai nghìn không trăm mười bốn"),
        ("2026-01-31", "Ngày ba mươi mốt, tháng một, năm hai nghìn không trăm hai mươi sáu"),
        ("2019-06-12", "Ngày mười hai, tháng sáu, năm hai nghìn không trăm mười chín"),
        ("2026-08-25", "Ngày hai mươi lăm, tháng tám, năm hai nghìn không trăm hai mươi sáu"),
        ("2030-05-05", "Ngày năm, tháng năm, năm hai nghìn không trăm ba mươi"),
        ("2000-02-29", "Ngày hai mươi chín, tháng hai, năm hai nghìn"),
        ("2004-12-24", "Ngày hai mươi tư, tháng mười hai, năm hai nghìn không trăm linh bốn"),
        ("1905-10-20", "Ngày hai mươi, tháng mười, năm một nghìn chín trăm linh năm"),
    ],
)
def test_date_in_words_golden(value: str, expected: str) -> None:
    assert date_in_words(value) == expected


def test_linh_or_le_is_a_setting() -> None:
    assert date_in_words("2004-12-24", LE) == (
        "Ngày hai mươi tư, tháng mười hai, năm hai nghìn không trăm lẻ bốn"
    )
    assert number_in_words(2008) == "hai nghìn không trăm linh tám"
    assert number_in_words(2007, LE) == "hai nghìn không trăm lẻ bảy"


def test_thousand_and_april_are_settings() -> None:
    style = WordsStyle(thousand="ngàn", april="bốn")
    assert date_in_words("1990-04-01", style) == (
        "Ngày một, tháng bốn, năm một ngàn chín trăm chín mươi"
    )


def test_time_of_death_golden() -> None:
    assert time_of_death_in_words("2026-08-15T18:10") == (
        "Mười tám giờ, mười phút, ngày mười lăm, tháng tám, năm hai nghìn không trăm hai mươi sáu"
    )
    assert time_of_death_in_words(datetime(2025, 1, 1, 0, 5)) == (
        "Không giờ, năm phút, ngày một, tháng một, năm hai nghìn không trăm hai mươi lăm"
    )
    assert time_of_death_in_figures("2026-08-15T18:10") == "18 giờ 10 phút, ngày 15/08/2026"


def test_time_of_death_without_hour_is_the_date_and_blank_time() -> None:
    assert time_of_death_in_words("2026-08-15") == (
        "Ngày mười lăm, tháng tám, năm hai nghìn không trăm hai mươi sáu"
    )
    figures = time_of_death_in_figures("2026-08-15")
    assert figures.strip().startswith("giờ") and figures.endswith("ngày 15/08/2026")


def test_partial_dates() -> None:
    assert date_in_words("2025-03") == "Tháng ba, năm hai nghìn không trăm hai mươi lăm"
    assert date_in_words("1975") == "Năm một nghìn chín trăm bảy mươi lăm"
    assert date_in_figures("2025-03") == "03/2025"
    assert date_in_figures("1975") == "1975"
    assert date_in_figures(date(2026, 8, 5)) == "05/08/2026"


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13", "15/03/2025", ""])
def test_invalid_dates_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        date_in_words(bad)


def test_numbers() -> None:
    assert number_in_words(0) == "không"
    assert number_in_words(10) == "mười"
    assert number_in_words(115) == "một trăm mười lăm"
    assert number_in_words(2100) == "hai nghìn một trăm"
    assert number_in_words(1001) == "một nghìn không trăm linh một"


@pytest.mark.parametrize("text", ["1975", "2025-03", "2025-03-15", "2025-02-30", "2025-13", "x"])
def test_the_extract_accepts_exactly_what_the_domain_accepts(text: str) -> None:
    """The extract prints a date only if the rules would have accepted it: one parser."""
    try:
        parsed = parse_partial_date(text)
    except InvalidDateError:
        with pytest.raises(ValueError):
            date_in_figures(text)
        with pytest.raises(ValueError):
            date_in_words(text)
        return
    figures = date_in_figures(text)
    assert figures.endswith(str(parsed.year))
    assert date_in_words(parsed) == date_in_words(text)


def test_the_extract_keeps_the_precision_of_a_partial_time_of_death() -> None:
    assert time_of_death_in_figures("2025-11").endswith("tháng 11/2025")
    assert time_of_death_in_figures("1968").endswith("năm 1968")
    assert time_of_death_in_figures("2025-11-20T14:30") == "14 giờ 30 phút, ngày 20/11/2025"
