"""Lunar-calendar dates as old books write them, and their Gregorian date (lunar-vn, MIT).

Old registers (and the memories of the people declaring) often give a birth or a death in
the lunar calendar: "mùng 5 tháng Giêng năm Giáp Thân", "rằm tháng Bảy năm Ất Dậu",
"5/1/1944 âm lịch", "ngày 10 tháng 3 nhuận năm 2020 (ÂL)". Such a date is kept as written,
and the record's date field holds the Gregorian date computed from it, flagged as converted
(``lunar_dates`` of a historical entry: see ``LunarNote``).

A year given by its Can Chi name ("Giáp Thân") repeats every 60 years: it is read as the
latest such year not after a reference year (the book's year: a birth is registered after
it happens). Lunar months are named Giêng (1st), Hai .. Mười, Một (11th, "tháng Một") and
Chạp (12th); "nhuận" marks the leap month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.dates import PartialDate
from desktop_app.domain.text import fold_for_search
from desktop_app.domain.types import JSONObject

CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
FIRST_YEAR, LAST_YEAR = 1900, 2099  # what lunar-vn converts (its range, less a margin)

_MONTH_NAMES = {"gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4,
                "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "mot": 11,
                "muoi mot": 11, "chap": 12, "muoi hai": 12}
_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
          "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_LUNAR_MARK = re.compile(r"(?<!\w)(theo am lich|am lich|lich am|a\.?l\.?)(?!\w)")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(\s*n)?\s*[/.\-]\s*(\d{4})$")
_YEAR_DIGITS = re.compile(r"\bnam\s+(\d{4})\b|\b(\d{4})\b")


class LunarDateError(ValueError):
    """The text is no lunar date this module reads, or names a day that does not exist.
    ``reason`` says which: "format", "year" (a Can Chi year without a reference year, or
    outside 1900-2099), "month" (no such leap month that year) or "day" (a 30th in a month
    of 29 days)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LunarDate:
    """A lunar date, possibly partial: ``day`` None for "tháng Giêng năm Giáp Thân"."""

    year: int
    month: int
    day: int | None = None
    leap: bool = False

    def iso(self) -> str:
        """The lunar date itself in the canonical shape ("1944-01-05", "1944-01")."""
        text = f"{self.year:04d}-{self.month:02d}"
        return f"{text}-{self.day:02d}" if self.day is not None else text

    def can_chi(self) -> str:
        return can_chi_year(self.year)

    def in_words(self) -> str:
        """As an officer would write it: "mùng 5 tháng Giêng năm Giáp Thân (1944)"."""
        month = {1: "Giêng", 11: "Mười một", 12: "Chạp"}.get(self.month, str(self.month))
        text = f"tháng {month}{' nhuận' if self.leap else ''} năm {self.can_chi()} ({self.year})"
        if self.day is None:
            return text
        return f"{'mùng ' if self.day <= 10 else 'ngày '}{self.day} {text}"


def can_chi_year(year: int) -> str:
    return f"{CAN[(year + 6) % 10]} {CHI[(year + 8) % 12]}"


def _can_chi_index() -> dict[str, int]:
    """Folded "giap than" -> its place in the 60-year cycle (0 = Giáp Tý, as 1984)."""
    return {fold_for_search(can_chi_year(1984 + i)): i for i in range(60)}


_CYCLE = _can_chi_index()


def year_of_can_chi(name: str, reference_year: int) -> int:
    """The latest year named so that is not after the reference year."""
    place = _CYCLE.get(" ".join(fold_for_search(name).split()))
    if place is None:
        raise LunarDateError("format")
    year = 1984 + place
    year -= 60 * ((year - reference_year + 59) // 60)
    return year


def _number_words(words: list[str]) -> int | None:
    """1 to 30 in words as dates say them: "mười lăm", "hai mươi mốt", "ba mươi", "rằm"."""
    text = " ".join(words)
    if text == "ram":
        return 15
    if text.isdigit():
        return int(text)
    tokens = text.split()
    if not tokens:
        return None
    total = 0
    if tokens[0] == "muoi":
        total, tokens = 10, tokens[1:]
    elif len(tokens) >= 2 and tokens[1] in ("muoi", "chuc") and tokens[0] in _UNITS:
        total, tokens = 10 * _UNITS[tokens[0]], tokens[2:]
    if len(tokens) == 1 and tokens[0] in _UNITS:
        total += _UNITS[tokens[0]] if total or tokens[0] not in ("lam", "tu") else 0
        if total == 0:
            return None
    elif tokens:
        return None
    return total or None


_WORDY = re.compile(
    r"^(?:(?:ngay|mung|mong)\s+(?P<day>[a-z0-9 ]+?)\s+|(?P<ram>ram)\s+)?"
    r"thang\s+(?P<month>[a-z0-9]+(?:\s+(?:mot|hai))?)(?P<leap>\s+nhuan)?"
    r"\s*,?\s*(?:nam\s+(?P<year>\d{4}|[a-z]+\s+[a-z]+))?$")


def parse_lunar(text: str, *, reference_year: int | None = None) -> LunarDate:
    """Read a lunar date as written (see the module); raises LunarDateError."""
    folded = " ".join(fold_for_search(text).replace("(", " ").replace(")", " ").split())
    folded = _LUNAR_MARK.sub(" ", folded)
    folded = " ".join(folded.replace(",", " , ").split()).replace(" ,", ",").strip(" ,.")
    numeric = _NUMERIC.match(folded)
    if numeric:
        d, m, leap_mark, y = numeric.groups()
        return _checked(LunarDate(int(y), int(m), int(d), bool(leap_mark)))
    match = _WORDY.match(folded.replace(",", ""))
    if match is None:
        raise LunarDateError("format")
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTH_NAMES.get(month_text)
    if month is None or not 1 <= month <= 12:
        raise LunarDateError("format")
    day: int | None = None
    if match.group("ram"):
        day = 15
    elif match.group("day"):
        day = _number_words(match.group("day").split())
        if day is None:
            raise LunarDateError("format")
    year_text = match.group("year")
    if year_text is None:
        raise LunarDateError("year")
    if year_text.isdigit():
        year = int(year_text)
    else:
        if reference_year is None:
            raise LunarDateError("year")
        year = year_of_can_chi(year_text, reference_year)
    return _checked(LunarDate(year, month, day, bool(match.group("leap"))))


def _checked(lunar: LunarDate) -> LunarDate:
    if not FIRST_YEAR <= lunar.year <= LAST_YEAR:
        raise LunarDateError("year")
    if not 1 <= lunar.month <= 12 or (lunar.day is not None and not 1 <= lunar.day <= 30):
        raise LunarDateError("format")
    to_gregorian(lunar)  # the day exists (a 30th in a short month does not)
    return lunar


def _solar(year: int, month: int, day: int, leap: bool) -> date:
    from lunar_vn import LunarDate as Lunar
    from lunar_vn import lunar_to_solar, solar_to_lunar

    try:
        found = lunar_to_solar(Lunar(day, month, year, leap))
    except ValueError as exc:
        raise LunarDateError("month" if leap else "day") from exc
    back = solar_to_lunar(found)
    if (back.day, back.month, back.year, back.leap) != (day, month, year, leap):
        raise LunarDateError("day")  # lunar-vn rolls a 30th of a 29-day month over
    return found


def to_gregorian(lunar: LunarDate) -> PartialDate:
    """The Gregorian date of a lunar one. A whole lunar month (no day) spans two Gregorian
    months: it gives the Gregorian month when both ends fall in it, else the year when they
    share one, else the year of its first day (which the converted flag qualifies)."""
    if lunar.day is not None:
        return PartialDate.of(_solar(lunar.year, lunar.month, lunar.day, lunar.leap))
    first = _solar(lunar.year, lunar.month, 1, lunar.leap)
    last = first + timedelta(days=28)  # the 29th: every lunar month has one
    try:
        last = _solar(lunar.year, lunar.month, 30, lunar.leap)
    except LunarDateError:
        pass
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year)


def from_gregorian(day: date) -> LunarDate:
    from lunar_vn import solar_to_lunar

    found = solar_to_lunar(day)
    return LunarDate(found.year, found.month, found.day, found.leap)


def looks_lunar(text: str) -> bool:
    """Whether a date as typed says it is lunar ("âm lịch", "ÂL", month names, "mùng")."""
    folded = fold_for_search(text)
    return bool(_LUNAR_MARK.search(folded) or re.search(r"\b(mung|mong|ram|thang)\b", folded))


@dataclass(frozen=True)
class LunarNote:
    """One lunar date of a historical entry: the field whose Gregorian value was converted,
    the text as written in the book, the lunar date read from it, and the Gregorian date
    computed (as stored in the field). Canonical JSON: an item of ``lunar_dates``."""

    field: str
    as_written: str
    lunar: LunarDate
    converted: PartialDate

    def as_json(self) -> dict[str, str | bool]:
        return {"field": self.field, "as_written": self.as_written, "lunar": self.lunar.iso(),
                "leap_month": self.lunar.leap, "converted": self.converted.iso()}


def convert(field: str, as_written: str, *, reference_year: int | None = None) -> LunarNote:
    """The note of a lunar date typed as written; raises LunarDateError."""
    lunar = parse_lunar(as_written, reference_year=reference_year)
    return LunarNote(field, " ".join(as_written.split()), lunar, to_gregorian(lunar))


def lunar_notes(data: object) -> dict[str, dict[str, object]]:
    """The ``lunar_dates`` items of a record by field path (malformed items left out)."""
    if not isinstance(data, dict):
        return {}
    items = data.get("lunar_dates")
    if not isinstance(items, list):
        return {}
    return {str(i["field"]): i for i in items
            if isinstance(i, dict) and isinstance(i.get("field"), str)}


def extract_notes(record_type: str, data: object) -> tuple[str, ...]:
    """Ghi chú lines of an extract: each lunar date as the book wrote it, with its
    conversion ("…: sổ ghi theo âm lịch mùng 5 tháng Giêng năm Giáp Thân; đã chuyển sang
    dương lịch 29/01/1944")."""
    from desktop_app.domain.dates import InvalidDateError, parse_partial_date
    from desktop_app.domain.fields import field_label

    lines = []
    for path, note in sorted(lunar_notes(data).items()):
        written, converted = note.get("as_written"), note.get("converted")
        if not isinstance(written, str) or not isinstance(converted, str):
            continue
        try:
            shown = parse_partial_date(converted).figures()
        except InvalidDateError:
            continue
        label = field_label(record_type, path, "vi") or path
        lines.append(f"{label[:1].upper()}{label[1:]}: sổ ghi theo âm lịch {written}; "
                     f"đã chuyển sang dương lịch {shown}")
    return tuple(lines)


def _reference_year(data: JSONObject) -> int | None:
    """The year a Can Chi year is read against: the book's, else the registration's."""
    source = data.get("source")
    year = source.get("year") if isinstance(source, dict) else None
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    registered = data.get("registered_on")
    text = registered[:4] if isinstance(registered, str) else ""
    return int(text) if text.isdigit() else None


def complete_lunar_dates(data: JSONObject) -> None:
    """Fill in, in place, each ``lunar_dates`` item given only as written (an import, the
    command line): its lunar date, the Gregorian date computed, and that date in its field
    when the field is empty. Items that cannot be read are left for the rules to report."""
    from collections.abc import MutableMapping
    from typing import cast

    from desktop_app.domain.access import get, put

    items = data.get("lunar_dates")
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict) or "converted" in item:
            continue
        path, written = item.get("field"), item.get("as_written")
        if not isinstance(path, str) or not isinstance(written, str):
            continue
        try:
            note = convert(path, written, reference_year=_reference_year(data))
        except LunarDateError:
            continue
        item.update(note.as_json())
        if get(data, path) in (None, ""):
            put(cast("MutableMapping[str, object]", data), path, note.converted.iso())
