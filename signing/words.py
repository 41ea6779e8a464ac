"""Vietnamese dates and times in words, as printed on civil-status documents.

Rules (shared/domain.md "Dates in words", reference/forms-research.md §11):
``Ngày <day>, tháng <month>, năm <year>``, only the first word capitalised, commas after
day and month, no final stop; 1-10 as plain numerals ("Ngày một"); "mốt" for 1 after
"mươi" (21, 31), "lăm" for 5 after "mười"/"mươi", "tư" for 4 after "mươi", "mười bốn";
years "hai nghìn không trăm hai mươi sáu"; "linh" or "lẻ" for a zero tens digit (a
setting). Time of death first: "Mười tám giờ, mười phút, ngày mười lăm, ...".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# One parser of partial dates for the whole program: the domain's (canonical forms only).
from desktop_app.domain.dates import (
    PartialDate,
    Precision,
    TimeOfDeath,
    as_partial_date,
    as_time_of_death,
)

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


@dataclass(frozen=True)
class WordsStyle:
    """Spelling choices the sources disagree on (UNCONFIRMED in the reference)."""

    odd: str = "linh"  # "linh" | "lẻ": 2005 -> "hai nghìn không trăm linh năm"
    thousand: str = "nghìn"  # "nghìn" | "ngàn"
    april: str = "tư"  # "tư" | "bốn": month 4


DEFAULT_STYLE = WordsStyle()


def _below_hundred(n: int) -> str:
    """1..99 in words (0 is handled by the callers)."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _DIGITS[unit]
    if tens == 1:
        head = "mười"
        if unit == 0:
            return head
        return f"{head} {'lăm' if unit == 5 else _DIGITS[unit]}"
    head = f"{_DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1:
        tail = "mốt"
    elif unit == 4:
        tail = "tư"
    elif unit == 5:
        tail = "lăm"
    else:
        tail = _DIGITS[unit]
    return f"{head} {tail}"


def _below_thousand(n: int, style: WordsStyle, *, leading: bool) -> str:
    """0..999; when not ``leading`` (a higher group precedes) hundreds are always said."""
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds or not leading:
        parts.append(f"{_DIGITS[hundreds]} trăm")
    if rest:
        if rest < 10 and parts:
            parts.append(f"{style.odd} {_DIGITS[rest]}")
        else:
            parts.append(_below_hundred(rest))
    return " ".join(parts)


def number_in_words(n: int, style: WordsStyle = DEFAULT_STYLE) -> str:
    """0..999999 in words: ``2026`` -> "hai nghìn không trăm hai mươi sáu"."""
    if not 0 <= n < 1_000_000:
        raise ValueError("number out of range")
    if n == 0:
        return _DIGITS[0]
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand(rest, style, leading=True)
    head = f"{_below_thousand(thousands, style, leading=True)} {style.thousand}"
    if rest == 0:
        return head
    return f"{head} {_below_thousand(rest, style, leading=False)}"


def _small(n: int) -> str:
    """Day, month, hour, minute: 0..99 as said on documents ("mười bốn", "hai mươi tư")."""
    return _DIGITS[0] if n == 0 else _below_hundred(n)


def _month(n: int, style: WordsStyle) -> str:
    return style.april if n == 4 else _small(n)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _date_parts(value: PartialDate, style: WordsStyle) -> list[str]:
    parts = []
    if value.day is not None:
        parts.append(f"ngày {_small(value.day)}")
    if value.month is not None:
        parts.append(f"tháng {_month(value.month, style)}")
    parts.append(f"năm {number_in_words(value.year, style)}")
    return parts


def date_in_words(value: str | date | PartialDate, style: WordsStyle = DEFAULT_STYLE) -> str:
    """``"2025-03-15"`` -> "Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi lăm".

    Partial dates keep their precision: ``"2025-03"`` -> "Tháng ba, năm ...",
    ``"2025"`` -> "Năm hai nghìn không trăm hai mươi lăm".
    """
    return _capitalise(", ".join(_date_parts(as_partial_date(value), style)))


def date_in_figures(value: str | date | PartialDate) -> str:
    """``"2025-03-05"`` -> "05/03/2025"; ``"2025-03"`` -> "03/2025"; ``"2025"`` -> "2025"."""
    return as_partial_date(value).figures()


def date_in_header(value: date) -> str:
    """The place-and-date line form: "ngày 28 tháng 8 năm 2026" (no zero padding)."""
    return f"ngày {value.day} tháng {value.month} năm {value.year}"


def time_of_death_in_words(
    value: str | date | TimeOfDeath, style: WordsStyle = DEFAULT_STYLE
) -> str:
    """``"2026-08-15T18:10"`` -> "Mười tám giờ, mười phút, ngày mười lăm, tháng tám, năm hai
    nghìn không trăm hai mươi sáu"; without hour and minute, just the date in words."""
    moment = as_time_of_death(value)
    parts: list[str] = []
    if moment.hour is not None and moment.minute is not None:
        parts.append(f"{_small(moment.hour)} giờ")
        parts.append(f"{_small(moment.minute)} phút")
    parts.extend(_date_parts(moment.date, style))
    return _capitalise(", ".join(parts))


def time_of_death_in_figures(value: str | date | TimeOfDeath) -> str:
    """ "18 giờ 10 phút, ngày 15/08/2026"; hour and minute left blank when unknown."""
    moment = as_time_of_death(value)
    figures = date_in_figures(moment.date)
    precision = moment.date.precision
    day_word = {Precision.DAY: "ngày", Precision.MONTH: "tháng"}.get(precision, "năm")
    if moment.hour is None or moment.minute is None:
        return f"      giờ      phút, {day_word} {figures}"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {day_word} {figures}"
