"""The kinds of mismatch a book's reconciliation finds and how an officer resolves one: named
here, without the reconciliation's workflow, so that the command line's choices list them at
start."""

from __future__ import annotations

from enum import StrEnum


class MismatchKind(StrEnum):
    MISSING_AT_CENTRE = "missing_at_centre"
    MISSING_IN_BOOK = "missing_in_book"
    FIELD_DIFFERS = "field_differs"


class Resolution(StrEnum):
    ACCEPT_BOOK = "accept_book"
    CORRECTION = "correction"
    CHECKED = "checked"
