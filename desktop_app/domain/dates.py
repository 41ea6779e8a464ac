"""Partial dates ("2025", "2025-03", "2025-03-15"), time of death and ages at thresholds.

A partial date stands for a range of days; rules compare ranges so that an uncertain value
never produces an error it might not deserve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIME_OF_DEATH = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class InvalidDateError(ValueError):
    """The text is not a date of the canonical forms, or names a day that does not exist."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidDateError("year")
        if self.month is None and self.day is not None:
            raise InvalidDateError("day without month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidDateError("month")
        if self.day is not None:
            assert self.month is not None
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise InvalidDateError("day")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def exact(self) -> date | None:
        return self.earliest if self.day is not None else None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def figures(self) -> str:
        """As printed: "05/03/2025", "03/2025" or "2025" (the precision known, no more)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    @classmethod
    def of(cls, day: date) -> PartialDate:
        """A known day as a PartialDate of day precision."""
        return cls(day.year, day.month, day.day)

    def filled_for_marriage(self) -> date:
        """TT04 Art 32.2: day unknown -> 1st of the month; day and month unknown -> 01/01."""
        return self.earliest


def parse_partial_date(text: str) -> PartialDate:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raises InvalidDateError."""
    if not isinstance(text, str):
        raise InvalidDateError("format")
    return _parse_partial_date(text)


# A record's dates are read by several rules, and a register repeats the same days: parsed
# once (PartialDate is frozen; an invalid text is not cached and raises again).
@lru_cache(maxsize=1 << 14)
def _parse_partial_date(text: str) -> PartialDate:
    match = _PARTIAL.match(text)
    if match is None:
        raise InvalidDateError("format")
    year, month, day = match.groups()
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


def as_partial_date(value: str | date | PartialDate) -> PartialDate:
    """A stored date (canonical text, surrounding blanks ignored) or a day; InvalidDateError."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate.of(value.date() if isinstance(value, datetime) else value)
    return parse_partial_date(value.strip() if isinstance(value, str) else value)


@dataclass(frozen=True)
class TimeOfDeath:
    """A date (possibly partial) with hour and minute when known (TT04 Art 34.1)."""

    date: PartialDate
    hour: int | None = None
    minute: int | None = None

    def iso(self) -> str:
        if self.hour is None or self.minute is None:
            return self.date.iso()
        return f"{self.date.iso()}T{self.hour:02d}:{self.minute:02d}"


def parse_time_of_death(text: str) -> TimeOfDeath:
    """Parse "2025-11-20T14:30" or a partial date; raises InvalidDateError."""
    if not isinstance(text, str):
        raise InvalidDateError("format")
    match = _TIME_OF_DEATH.match(text)
    if match is None:
        return TimeOfDeath(parse_partial_date(text))
    day, hour, minute = match.groups()
    if not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
        raise InvalidDateError("time")
    return TimeOfDeath(parse_partial_date(day), int(hour), int(minute))


def as_time_of_death(value: str | date | TimeOfDeath) -> TimeOfDeath:
    """A stored time of death (canonical text), a moment (hour and minute) or a day."""
    if isinstance(value, TimeOfDeath):
        return value
    if isinstance(value, datetime):
        return TimeOfDeath(PartialDate.of(value.date()), value.hour, value.minute)
    if isinstance(value, date):
        return TimeOfDeath(PartialDate.of(value))
    return parse_time_of_death(value.strip() if isinstance(value, str) else value)


def age_on(birth: date, on: date) -> int:
    """Completed years on a day: the birthday itself counts (full 18 on the 18th birthday).

    Someone born on 29/02 reaches a new year on 01/03 in common years.
    """
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def age_range(birth: PartialDate, on: date) -> tuple[int, int]:
    """(youngest, oldest) possible completed age on a day, for a possibly partial birth date."""
    return age_on(birth.latest, on), age_on(birth.earliest, on)


def days_between(start: PartialDate, end: date) -> tuple[int, int]:
    """(fewest, most) days from a possibly partial start to a day."""
    return (end - start.latest).days, (end - start.earliest).days


def estimated_birth_year(age_at_event: int, event_year: int) -> int:
    """An estimated year of birth for a person known only by age; never print as registered."""
    return event_year - age_at_event
