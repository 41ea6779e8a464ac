"""A cell's text as read, made into the value the form's field takes, with how sure that
step is (1.0 exact, less for a near match). None when the text is not such a value: an
unreadable date is no suggestion rather than a wrong one."""

from __future__ import annotations

import difflib
import re
import unicodedata

from desktop_app.domain.dates import InvalidDateError, PartialDate
from desktop_app.domain.ethnicity import ethnic_group, ethnic_groups
from desktop_app.domain.text import fold_compact
from desktop_app.domain.vocabulary import TERMS, Vocabulary
from desktop_app.ocr.layouts import Value

# What engines commonly confuse with digits in printed dates and numbers.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1",
                                   "i": "1", "|": "1", "!": "1", "S": "5", "s": "5", "B": "8",
                                   "Z": "2", "z": "2", "g": "9"})
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_NUMBER = re.compile(r"^\d{1,6}[a-zA-Z]?$")
Parsed = tuple[str, float]


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _as_date(text: str) -> Parsed | None:
    raw = text.replace(" ", "")
    fixed = raw.translate(_DIGIT_LOOKALIKES)
    factor = 1.0 if fixed == raw else 0.85
    try:
        if m := _DATE.match(fixed):
            day, month, year = (int(g) for g in m.groups())
            return PartialDate(year, month, day).iso(), factor
        if m := _MONTH_YEAR.match(fixed):
            return PartialDate(int(m.group(2)), int(m.group(1))).iso(), factor
        if m := _YEAR.match(fixed):
            return PartialDate(int(m.group(1))).iso(), factor
    except InvalidDateError:
        return None
    return None


def _closest(text: str, choices: dict[str, str], cutoff: float) -> Parsed | None:
    """The value whose folded spelling is nearest the text's (exact: 1.0)."""
    key = fold_compact(text)
    if not key:
        return None
    if key in choices:
        return choices[key], 1.0
    near = difflib.get_close_matches(key, list(choices), n=1, cutoff=cutoff)
    if not near:
        return None
    return choices[near[0]], difflib.SequenceMatcher(None, key, near[0]).ratio()


def _ethnicity(text: str) -> Parsed | None:
    group = ethnic_group(text)
    if group is not None:
        return group.common_spelling, 1.0
    spellings = {fold_compact(name): g.common_spelling for g in ethnic_groups()
                 for name in (g.official_name, g.common_spelling)}
    return _closest(text, spellings, 0.75)


def _nationality(text: str) -> Parsed | None:
    names = {fold_compact(spelling): code for code, term in TERMS[Vocabulary.NATIONALITY].items()
             for spelling in (term.pick("vi"), term.pick("en"))}
    return _closest(text, names, 0.75)


def _syllables(name: str) -> str:
    """A name with a space restored before each capital that follows a small letter: every
    syllable of a Vietnamese name is capitalised, and a recogniser drops the space after a
    letter carrying a mark ("ThịHuyền")."""
    out: list[str] = []
    for i, ch in enumerate(name):
        if i and ch.isupper() and name[i - 1].islower():
            out.append(" ")
        out.append(ch)
    return "".join(out)


def parse(kind: Value, text: str) -> Parsed | None:
    value = clean(text)
    if not value:
        return None
    if kind is Value.DATE:
        return _as_date(value)
    if kind is Value.NUMBER:
        fixed = value.replace(" ", "").translate(_DIGIT_LOOKALIKES).rstrip(".")
        return (fixed, 1.0 if fixed == value else 0.85) if _NUMBER.match(fixed) else None
    if kind is Value.SEX:
        return _closest(value, {"nam": "male", "nu": "female"}, 0.6)
    if kind is Value.ETHNICITY:
        return _ethnicity(value)
    if kind is Value.NATIONALITY:
        return _nationality(value)
    if kind is Value.NAME:
        spaced = _syllables(value)
        return spaced, 1.0 if spaced == value else 0.9
    return value, 1.0
