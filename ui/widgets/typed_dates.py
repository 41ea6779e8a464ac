"""Dates as officers type them (dd/mm/yyyy, mm/yyyy, yyyy) to and from the canonical ISO
partial dates of the core ("2025-03-15", "2025-03", "2025"). Qt-free.

Separators may be "/", "." or "-"; day and month may have one digit; eight digits in a row
("15032025") are read as ddmmyyyy. A time of death may follow ("15/03/2025 14:30"). Text that
is not a date is returned unchanged, so the core reports it against the field.
"""

from __future__ import annotations

import re

_SEP = r"[/.\-]"
_DMY = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})$")
_MY = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{4}})$")
_Y = re.compile(r"^(\d{4})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIME = re.compile(r"^(\d{1,2})[:hg](\d{2})$")


def to_iso(text: str) -> str:
    """"15/3/2025" -> "2025-03-15"; "3/2025" -> "2025-03"; "2025" -> "2025"."""
    value = text.strip()
    if not value or _ISO.match(value):
        return value
    for pattern in (_DMY, _COMPACT):
        m = pattern.match(value)
        if m:
            day, month, year = (int(g) for g in m.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    m = _MY.match(value)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        return f"{year:04d}-{month:02d}"
    m = _Y.match(value)
    return m.group(1) if m else value


def to_iso_time(text: str) -> str:
    """"15/03/2025 14:30" -> "2025-03-15T14:30"; a date alone as :func:`to_iso`."""
    parts = text.strip().split()
    if len(parts) == 2:
        date_part, time_part = parts
        if ":" in date_part or "h" in date_part:  # "14:30 15/03/2025"
            date_part, time_part = time_part, date_part
        m = _TIME.match(time_part)
        day = to_iso(date_part)
        if m and len(day) == 10:
            return f"{day}T{int(m.group(1)):02d}:{m.group(2)}"
    return to_iso(text)


def from_iso(value: object) -> str:
    """The canonical value as typed text: "2025-03-15" -> "15/03/2025"."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    date_part, _, time_part = value.partition("T")
    pieces = date_part.split("-")
    if not all(p.isdigit() for p in pieces):
        return value
    shown = "/".join(reversed(pieces))
    return f"{shown} {time_part}" if time_part else shown
