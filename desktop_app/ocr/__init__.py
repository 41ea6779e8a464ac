"""OCR suggestions for printed or typed pages of old register books (issue 17 item 6): the
engines behind desktop_app.ports.TextRecogniser, the page's table and columns, and values
proposed per field with a confidence. Qt-free; never writes a record.

``read_page`` is loaded on first use: it brings OpenCV and numpy (~0.5 s), which the
commands and screens that only name these types should not pay for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ocr.types import (
    EntrySuggestions,
    FieldSuggestion,
    NoTableError,
    PageImageError,
    PageReading,
)

if TYPE_CHECKING:
    from desktop_app.ocr.reader import read_page


def __getattr__(name: str) -> object:
    if name == "read_page":
        from desktop_app.ocr.reader import read_page

        return read_page
    raise AttributeError(name)


__all__ = ["EntrySuggestions", "FieldSuggestion", "NoTableError", "PageImageError",
           "PageReading", "read_page"]
