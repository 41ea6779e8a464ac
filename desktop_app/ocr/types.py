"""What OCR of a page gives (plain data, no picture library): suggestions per entry and
field. Kept apart from the reading itself so that importing these types (the CLI, the
workflows, the screens) does not load OpenCV and numpy."""

from __future__ import annotations

from dataclasses import dataclass

_Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class FieldSuggestion:
    path: str  # field path of the historical form
    value: str  # as the form's field takes it: NFC text, ISO date, "male", "VN", ...
    confidence: float  # 0..1: the engine's reading times how well the text fits the field
    engine: str
    read: str  # the text as read, for the officer to compare


@dataclass(frozen=True)
class EntrySuggestions:
    position: int  # 1-based row of the entry on the page (the books store's position)
    number: str | None  # its registration number as read, when the page shows one
    box: _Box  # where the entry is on the upright page
    fields: tuple[FieldSuggestion, ...]

    def get(self, path: str) -> FieldSuggestion | None:
        return next((f for f in self.fields if f.path == path), None)


@dataclass(frozen=True)
class PageReading:
    engine: str
    entries: tuple[EntrySuggestions, ...]
    columns: tuple[str | None, ...]  # field path of each column found (None: not a field)
    lines_read: int
    elapsed_ms: float

    def entry(self, position: int) -> EntrySuggestions | None:
        return next((e for e in self.entries if e.position == position), None)


class NoTableError(ValueError):
    """No ruled table of a register book was found on the page (not a register page, a page
    still turned sideways, or too blurred to read its header row)."""


class PageImageError(ValueError):
    """The bytes are not a picture Pillow can read."""
