"""Lunar dates of historical entries (domain/lunar.py): each is shown with its conversion
(I-LUNAR-CONVERTED), and a field whose Gregorian value is not the conversion of the lunar
date recorded for it is a warning (W-LUNAR-MISMATCH: edited after, or keyed as if it were
Gregorian)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import get
from desktop_app.domain.check import Check
from desktop_app.domain.dates import InvalidDateError, PartialDate, parse_partial_date
from desktop_app.domain.issues import Issue
from desktop_app.domain.lunar import LunarDate, LunarDateError, lunar_notes, to_gregorian


def _lunar(text: object, leap: object) -> LunarDate | None:
    try:
        day = parse_partial_date(str(text))
    except InvalidDateError:
        # A lunar day the Gregorian month lacks (the 30th of a lunar 2nd month): by hand.
        parts = str(text).split("-")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        return LunarDate(int(parts[0]), int(parts[1]), int(parts[2]), leap is True)
    return LunarDate(day.year, day.month or 1, day.day, leap is True) if day.month else None


def _figures(iso: str) -> str:
    try:
        return parse_partial_date(iso).figures()
    except InvalidDateError:
        return iso


def rule_lunar_dates(c: Check) -> Iterator[Issue]:
    notes = lunar_notes(c.data)
    for path in sorted(notes):
        note = notes[path]
        lunar = _lunar(note.get("lunar"), note.get("leap_month"))
        try:
            converted: PartialDate | None = to_gregorian(lunar) if lunar else None
        except LunarDateError:
            converted = None
        as_written = str(note.get("as_written") or "")
        stored = get(c.data, path)
        if converted is None or stored != converted.iso():
            shown = converted.iso() if converted else str(note.get("converted") or "")
            yield Issue.of("W-LUNAR-MISMATCH", path, as_written=as_written,
                           converted=_figures(shown))
        else:
            yield Issue.of("I-LUNAR-CONVERTED", path, as_written=as_written,
                           converted=converted.figures())


LUNAR_RULES = (rule_lunar_dates,)
