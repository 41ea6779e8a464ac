"""Lunar dates as old books write them: read, converted with lunar-vn, kept as written and
checked against the Gregorian value of their field (golden dates from the calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import validate
from desktop_app.domain.lunar import (
    LunarDate,
    LunarDateError,
    convert,
    from_gregorian,
    looks_lunar,
    parse_lunar,
    year_of_can_chi,
)
from tests.samples import DELETE as DELETE_ME
from tests.samples import build

TODAY = date(2026, 1, 15)


@pytest.mark.parametrize(("written", "lunar", "gregorian"), [
    # Tết Giáp Thân fell on 25/01/1944: its 5th day is 29/01/1944.
    ("mùng 5 tháng Giêng năm Giáp Thân", LunarDate(1944, 1, 5), "1944-01-29"),
    ("5/1/1944 âm lịch", LunarDate(1944, 1, 5), "1944-01-29"),
    ("05-01-1944 (ÂL)", LunarDate(1944, 1, 5), "1944-01-29"),
    ("ngày 5 tháng 1 năm 1944", LunarDate(1944, 1, 5), "1944-01-29"),
    ("Mồng mười tháng Chạp năm Quý Mùi", LunarDate(1943, 12, 10), "1944-01-05"),
    ("rằm tháng Bảy năm Ất Dậu", LunarDate(1945, 7, 15), "1945-08-22"),
    ("ngày hai mươi mốt tháng Mười một năm 1950", LunarDate(1950, 11, 21), "1950-12-29"),
    # 2020 had a leap 4th month from 23/05/2020.
    ("ngày 10 tháng 4 nhuận năm 2020", LunarDate(2020, 4, 10, leap=True), "2020-06-01"),
    ("tháng Giêng năm Giáp Thân", LunarDate(1944, 1), "1944"),  # 25/01 to 23/02: a year
])
def test_lunar_dates_as_written_convert_to_gregorian(written: str, lunar: LunarDate,
                                                     gregorian: str) -> None:
    note = convert("child.date_of_birth", written, reference_year=1960)
    assert note.lunar == lunar
    assert note.converted.iso() == gregorian
    assert note.as_written == written
    if lunar.day is not None:
        assert from_gregorian(date.fromisoformat(gregorian)) == lunar


def test_a_can_chi_year_is_the_latest_not_after_the_book() -> None:
    assert year_of_can_chi("Giáp Thân", 1960) == 1944
    assert year_of_can_chi("giap than", 2010) == 2004
    assert year_of_can_chi("Giáp Thân", 2004) == 2004
    with pytest.raises(LunarDateError) as caught:
        parse_lunar("mùng 5 tháng Giêng năm Giáp Thân")  # which Giáp Thân?
    assert caught.value.reason == "year"


@pytest.mark.parametrize(("written", "reason"), [
    ("ngày 10 tháng 3 nhuận năm 2020", "month"),  # 2020's leap month is the 4th
    ("30/10/2020 âm lịch", "day"),  # that lunar month has 29 days
    ("mùng 5 tháng Giêng", "year"),
    ("hôm qua", "format"),
    ("5/1/1850 âm lịch", "year"),
])
def test_what_is_no_lunar_date_is_refused_with_its_reason(written: str, reason: str) -> None:
    with pytest.raises(LunarDateError) as caught:
        parse_lunar(written, reference_year=2021)
    assert caught.value.reason == reason


def test_lunar_text_is_recognised_as_typed() -> None:
    assert looks_lunar("5/1/1944 âm lịch") and looks_lunar("mùng 5 tháng Giêng năm Giáp Thân")
    assert looks_lunar("05/01/1944 (ÂL)")
    assert not looks_lunar("05/01/1944") and not looks_lunar("1944")


def test_an_entry_keeps_the_lunar_date_and_is_checked_against_its_field() -> None:
    note = convert("child.date_of_birth", "mùng 5 tháng Giêng năm Giáp Thân",
                   reference_year=1960)
    data = build("birth", {"child.date_of_birth": note.converted.iso(),
                           "registered_on": "1944-02-10", "lunar_dates": [note.as_json()]})
    issues = validate("birth", data, historical=True, today=TODAY)
    codes = {(i.code, i.field) for i in issues}
    assert ("I-LUNAR-CONVERTED", "child.date_of_birth") in codes
    assert not any(i.code.startswith("E-") for i in issues), issues

    keyed_as_gregorian = {**data, "child": {**data["child"], "date_of_birth": "1944-01-05"}}
    issues = validate("birth", keyed_as_gregorian, historical=True, today=TODAY)
    [mismatch] = [i for i in issues if i.code == "W-LUNAR-MISMATCH"]
    assert mismatch.field == "child.date_of_birth" and mismatch.params["converted"] == "29/01/1944"

    broken = {**data, "lunar_dates": [{"field": "child.date_of_birth"}]}
    codes = {i.code for i in validate("birth", broken, historical=True, today=TODAY)}
    assert "E-REQUIRED" in codes or "W-LEGACY-MISSING" in codes


def test_the_extract_notes_the_lunar_date_as_written_with_its_conversion() -> None:
    from desktop_app.domain.lunar import extract_notes

    note = convert("child.date_of_birth", "rằm tháng Bảy năm Ất Dậu", reference_year=1950)
    data = build("birth", {"child.date_of_birth": note.converted.iso(),
                           "lunar_dates": [note.as_json()]})
    assert extract_notes("birth", data) == (
        "Ngày, tháng, năm sinh của người được khai sinh: sổ ghi theo âm lịch rằm tháng Bảy "
        "năm Ất Dậu; đã chuyển sang dương lịch 22/08/1945",)
    assert extract_notes("birth", build("birth")) == ()


def test_an_import_gives_the_lunar_date_as_written_only_and_it_is_converted() -> None:
    from desktop_app.domain import prepare_record

    data = build("birth", {"child.date_of_birth": DELETE_ME, "source": {"year": 1960},
                           "lunar_dates": [{"field": "child.date_of_birth",
                                            "as_written": "mùng 5 tháng Giêng năm Giáp Thân"}]})
    stored = prepare_record("birth", data)
    assert stored["child"]["date_of_birth"] == "1944-01-29"
    assert stored["lunar_dates"] == [{"field": "child.date_of_birth",
                                      "as_written": "mùng 5 tháng Giêng năm Giáp Thân",
                                      "lunar": "1944-01-05", "leap_month": False,
                                      "converted": "1944-01-29"}]
    assert "lunar_dates" not in data or "converted" not in data["lunar_dates"][0]  # pure
    codes = {i.code for i in validate("birth", stored, historical=True, today=TODAY)}
    assert "I-LUNAR-CONVERTED" in codes and "W-LUNAR-MISMATCH" not in codes
    unreadable = prepare_record("birth", {**data, "lunar_dates": [
        {"field": "child.date_of_birth", "as_written": "hôm rằm"}]})
    codes = {i.code for i in validate("birth", unreadable, historical=True, today=TODAY)}
    assert "W-LUNAR-MISMATCH" in codes
